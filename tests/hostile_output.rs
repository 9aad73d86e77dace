//! What synoptic prints when its input or its output is hostile: names with escape sequences,
//! absurd sizes, closed pipes and full disks.

use std::process::{Command, Stdio};

mod common;

use common::{stderr as err, synoptic as run};

#[test]
fn escape_sequences_in_file_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    std::fs::create_dir(&c).unwrap();
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{2028}x";
    std::fs::write(c.join(format!("{evil}.txt")), b"\x00\x01binary").unwrap();
    std::fs::write(
        c.join(format!("a{evil}.txt")),
        "Titre\n\nLa diffusion a commencé à 20h42, selon X.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("b.txt"),
        "Titre\n\nLa diffusion a commencé vers 20h45, selon X.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("topics.toml"),
        "[[topic]]\nid = \"t\"\nlabel = \"t\"\nkeywords = [\"diffusion\"]\n",
    )
    .unwrap();
    let out = run(&["export", "c"], dir.path());
    assert!(out.status.success(), "{}", err(&out));
    assert!(
        err(&out).contains("binary"),
        "the warning is there: {}",
        err(&out)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("20h42"), "{text}");
    for (name, stream) in [("stderr", err(&out)), ("stdout", text.into_owned())] {
        assert!(!stream.contains('\u{1b}'), "{name} carries ESC: {stream:?}");
        assert!(!stream.contains('\u{7}'), "{name} carries BEL");
        assert!(!stream.contains('\u{2028}'), "{name} carries U+2028");
    }
}

#[test]
fn absurd_widths_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    for width in ["18446744073709551615", "1000000000", "0"] {
        let out = run(&["export", "--width", width], dir.path());
        assert_eq!(out.status.code(), Some(2), "{width}");
        assert!(err(&out).contains("--width"), "{}", err(&out));
        assert!(out.stdout.is_empty());
    }
    assert!(
        run(&["export", "--width", "2000"], dir.path())
            .status
            .success()
    );
}

#[test]
fn a_closed_pipe_is_quiet_for_every_format() {
    // Enough articles that every output overflows a pipe's buffer once the reader is gone.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        let text =
            format!("Titre {i}\n\nLe volcan Etna gronde, article {i}.\n\nLa lave coule {i}.\n");
        std::fs::write(dir.path().join(format!("a{i:03}.txt")), text).unwrap();
    }
    for args in [
        &["topics", "--format", "json", "."][..],
        &["topics", "."][..],
        &["export", "--format", "json", "."][..],
        &["export", "."][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_synoptic"))
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the pipe before synoptic has loaded the articles: every write finds it closed.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", err(&out));
        assert!(err(&out).is_empty(), "{args:?}: {}", err(&out));
    }
}

#[test]
fn help_that_cannot_be_written_is_an_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full here
    };
    let out = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .arg("--help")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("cannot write the help"), "{}", err(&out));
}

#[test]
fn an_export_that_cannot_be_written_names_standard_output_and_what_to_do() {
    for format in ["text", "json"] {
        let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
            return; // no /dev/full here
        };
        let out = Command::new(env!("CARGO_BIN_EXE_synoptic"))
            .args(["export", "--format", format])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        let said = err(&out);
        assert!(
            said.contains("cannot write the export to standard output")
                && said.contains("--output FILE"),
            "{format}: {said}"
        );
    }
}

/// Articles that use brackets themselves: the text export marks shared wording with marks
/// they do not use, says so in its legend, and leaves the articles' brackets as they are.
#[test]
fn marks_are_never_the_articles_own_brackets() {
    use synoptic_core::compare::synopsis::Synopsis;
    use synoptic_core::input::ingest::article_from_text;
    use synoptic_core::model::topic_def::TopicDef;
    use synoptic_core::output::export::{ExportOptions, write_export};
    let texts = [
        "Titre un\n\nLe porte-parole [du Kremlin] a dit que la Russie n'aurait pas attaqué le temple.\n\nAutre chose.",
        "Titre deux\n\nSelon {une source}, la Russie n'aurait pas attaqué le temple de Preah.\n\nEncore autre chose.",
    ];
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| article_from_text(format!("a{i}"), format!("a{i}.txt"), t))
        .collect();
    let defs = [TopicDef {
        id: "temple".into(),
        label: "Le temple".into(),
        keywords: vec!["temple".into()],
        description: None,
        pins: Vec::new(),
    }];
    let mut out = Vec::new();
    write_export(
        &Synopsis::build(articles, &defs),
        &ExportOptions::default(),
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    let legend = text.lines().next().unwrap();
    assert!(legend.starts_with("Marks: ⟦…⟧"), "{legend}");
    assert!(text.contains("⟦la Russie n'aurait pas attaqué"), "{text}");
    assert!(
        text.contains("[du Kremlin]") && text.contains("{une source}"),
        "{text}"
    );
    // Every bracket is the article's own, or the topic id's in its heading.
    let body: String = text.lines().skip(1).collect();
    let brackets = body.matches(['[', '{']).count();
    assert_eq!(brackets, 3, "{text}");
}
