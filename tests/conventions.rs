//! Conventions of a good terminal tool: help, version, completions, man page, `topics`,
//! configuration, standard input.

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

use synoptic::tui::config::{DEFAULT_CONFIG, parse_config};
use synoptic::tui::keys::action::Action;
use synoptic::tui::state::app::App;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, load_embedded};
use synoptic_core::input::topics_file::parse_topics;

mod common;

use common::{screen_cells, stdout, synoptic};

fn run(args: &[&str]) -> Output {
    synoptic(args, &std::env::temp_dir())
}

#[test]
fn help_has_examples_and_version_is_printed() {
    let help = run(&["--help"]);
    assert!(help.status.success());
    assert!(stdout(&help).contains("Examples:"));
    assert!(stdout(&help).contains("--color"));
    let version = run(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("synoptic {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_and_man_page_are_generated() {
    for (shell, marker) in [
        ("bash", "_synoptic()"),
        ("zsh", "#compdef synoptic"),
        ("fish", "complete -c synoptic"),
    ] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        assert!(stdout(&out).contains(marker), "{shell}: {}", stdout(&out));
        assert!(
            stdout(&out).contains("export"),
            "{shell} completes the subcommands"
        );
    }
    let man = run(&["man"]);
    assert!(man.status.success());
    let page = stdout(&man);
    assert!(
        page.contains(".TH synoptic 1") && page.contains("export"),
        "{page}"
    );
    // A page a user can learn from: keys from the keymap, configuration, exit status, environment.
    for needed in [
        ".SH KEYS",
        "next topic",
        "close the overlay, full article or figures",
        ".SH CONFIGURATION",
        "min_pane_width",
        "shared_all",
        "next_topic",
        "quit and back must keep at least one key",
        ".SH \"TOPICS FILE\"",
        ".SH \"EXIT STATUS\"",
        "bad usage or bad input",
        "NO_COLOR",
        "XDG_CONFIG_HOME",
    ] {
        assert!(page.contains(needed), "the man page lacks {needed:?}");
    }
    // Every command's options are on this page, and no page that does not exist is named.
    for needed in [
        ".SS \"synoptic export\"",
        "\\fB\\-\\-rows\\fR",
        "\\fB\\-\\-format\\-version\\fR \\fI<N>\\fR",
        "(text, markdown, json)",
        ".SS \"synoptic fetch\"",
        // An option with a short form gives both.
        "\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fI<DIR>\\fR",
    ] {
        assert!(page.contains(needed), "the man page lacks {needed:?}");
    }
    assert!(!page.contains("synoptic\\-export(1)"), "{page}");
    assert!(
        !page.contains("(1)\n"),
        "no reference to another page: {page}"
    );
}

#[test]
fn topics_lists_the_matrix_as_text_and_json() {
    let text = stdout(&run(&["topics"]));
    let head = text.lines().next().unwrap_or_default();
    assert!(
        head.starts_with("topic ") && head.ends_with("  1  2  3  4  5  size  label [keywords]"),
        "one column of three characters per article: {head:?}"
    );
    let outage = text
        .lines()
        .find(|l| l.starts_with("outage "))
        .expect("outage row");
    assert!(
        outage.contains("The outage") && outage.contains("cyberattaque"),
        "{outage}"
    );
    let breton = text
        .lines()
        .find(|l| l.starts_with("breton "))
        .expect("breton row");
    assert!(
        breton.contains(" . "),
        "an article without the topic shows a dot: {breton}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["topics", "--format", "json"]).stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 5);
    let first = &json["topics"][0];
    assert_eq!(first["id"], "outage");
    assert_eq!(first["origin"], "defined");
    let counted: u64 = first["coverage"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(counted, first["size"].as_u64().unwrap());
    let discovered = json["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["origin"] == "discovered")
        .count();
    let toml = stdout(&run(&["topics", "--format", "toml"]));
    assert!(
        toml.starts_with(&format!(
            "# Topics of 5 articles written by synoptic {} ({discovered} discovered).\n",
            env!("CARGO_PKG_VERSION")
        )),
        "{toml}"
    );
}

#[test]
fn the_shipped_config_parses_and_drives_the_help_screen() {
    let shipped = parse_config("assets/config.toml", DEFAULT_CONFIG).unwrap();
    assert_eq!(shipped, synoptic::tui::config::Config::default());
    let custom = parse_config(
        "mine.toml",
        "[keys]\nnext_topic = [\"Ctrl-n\", \"x\"]\n[reader]\nmode = \"plain\"\n",
    )
    .unwrap();
    let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
    let mut app = App::with_config(
        Synopsis::build(load_embedded().articles, &topics.topics),
        (100, 40),
        false,
        &custom,
    );
    assert_eq!(app.mode.name(), "plain");
    app.update(Action::Help);
    let screen = screen_cells(&app);
    assert!(
        screen.contains("Ctrl-n x"),
        "the help shows the configured keys"
    );
}

#[test]
fn a_bad_config_file_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("c.toml"),
        "[reader]\nmode = \"agreement\"\ncolour = 1\n",
    )
    .unwrap();
    let err = parse_config(
        "c.toml",
        &std::fs::read_to_string(dir.path().join("c.toml")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.to_string().starts_with("c.toml:3:"), "{err}");
}

#[test]
fn a_piped_article_is_read_when_no_path_is_given() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(["export", "--format", "json"])
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all("Un article venu d'un tube.\n".as_bytes())
        .unwrap();
    drop(stdin);
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    assert!(child.wait().unwrap().success());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["articles"][0]["paragraphs"][0]["text"],
        "Un article venu d'un tube."
    );
}
