//! The command line as scripts use it: formats, options, exit codes, the user's files.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

mod common;

use common::{stderr, stdout, synoptic, synoptic_with_stdin};

#[test]
fn json_export_of_the_embedded_default_follows_the_spec() {
    let dir = tempfile::tempdir().unwrap();
    let out = synoptic(&["export", "--format", "json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    assert_eq!(
        articles[0]["path"],
        "assets/articles/000_7b3d063b421ca323.txt"
    );
    assert_eq!(articles[0]["language"], "fr");
    let ids: Vec<&str> = v["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    for want in ["outage", "assassination", "ukraine", "breton"] {
        assert!(ids.contains(&want));
    }
    for t in v["topics"].as_array().unwrap() {
        for m in t["members"].as_array().unwrap() {
            let a = articles.iter().find(|a| a["id"] == m["article"]).unwrap();
            let text = a["paragraphs"][m["paragraph"].as_u64().unwrap() as usize]["text"]
                .as_str()
                .unwrap();
            let joined: String = m["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["text"].as_str().unwrap())
                .collect();
            assert_eq!(joined, text);
            for s in m["spans"].as_array().unwrap() {
                assert!(
                    !s["shared_with"].as_array().unwrap().contains(&m["article"]),
                    "an article never lists itself"
                );
            }
        }
        for g in t["figures"].as_array().unwrap() {
            if g["disagree"] != true {
                continue;
            }
            let ids: Vec<&serde_json::Value> = g["values"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|v| v["articles"].as_array().unwrap())
                .collect();
            let distinct: std::collections::BTreeSet<String> =
                ids.iter().map(std::string::ToString::to_string).collect();
            assert_eq!(ids.len(), distinct.len(), "a source against itself: {g}");
            assert!(distinct.len() >= 2, "a disagreement needs two sources: {g}");
        }
    }
    let outage = v["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "outage")
        .unwrap();
    let times: Vec<&str> = outage["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["what"] == "time of day" && g["disagree"] == true)
        .flat_map(|g| g["values"].as_array().unwrap())
        .map(|v| v["text"].as_str().unwrap())
        .collect();
    assert_eq!(times, vec!["vers 20h45", "20h42"]);
}

#[test]
fn text_export_respects_the_width_and_marks_shared_wording() {
    let dir = tempfile::tempdir().unwrap();
    let widths = ["160", "100", "60", "20"];
    for (width, rows) in widths.iter().flat_map(|w| [(*w, false), (*w, true)]) {
        let mut args = vec!["export", "--width", width, "--topic", "outage"];
        if rows {
            args.push("--rows");
        }
        let out = synoptic(&args, dir.path());
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let limit: usize = width.parse().unwrap();
        // Legends, headers and rules included.
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= limit,
                "{width}: {line}"
            );
        }
        assert!(
            text.contains('{') && text.contains('['),
            "shared wording is marked: {text}"
        );
    }
}

#[test]
fn markdown_export_has_a_section_per_topic() {
    let dir = tempfile::tempdir().unwrap();
    let out = synoptic(&["export", "--format", "markdown"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## The outage (`outage`)"));
    assert!(text.contains("**"));
}

#[test]
fn color_always_uses_ansi_and_never_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let colored = synoptic(
        &["export", "--color", "always", "--topic", "breton"],
        dir.path(),
    );
    assert!(String::from_utf8_lossy(&colored.stdout).contains("\x1b[1;32m"));
    let plain = synoptic(
        &["export", "--color", "never", "--topic", "breton"],
        dir.path(),
    );
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
}

#[test]
fn bad_input_exits_2_with_a_message_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = synoptic(&["export", "nope.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.txt"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));

    std::fs::write(
        dir.path().join("t.toml"),
        "[[topic]]\nid = \"x\"\nkeywords = [\n",
    )
    .unwrap();
    let out = synoptic(&["export", "--topics", "t.toml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("t.toml:"), "{}", stderr(&out));

    let out = synoptic(&["export", "--topic", "nosuch"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nosuch"));

    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let out = synoptic(&["export", "empty"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no readable articles in empty;"),
        "the folder is named: {}",
        stderr(&out)
    );

    std::fs::write(dir.path().join("one.txt"), "Headline\n\nA paragraph.").unwrap();
    let out = synoptic(&["export", "--topics", "gone.toml", "one.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("gone.toml: no topics file there; check the path given to --topics"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    std::fs::write(&target, "precious").unwrap();
    let out = synoptic(&["export", "-o", "out.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--force"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
    let out = synoptic(&["export", "-o", "out.txt", "--force"], dir.path());
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("The outage")
    );
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn a_directory_with_its_topics_file_and_a_windows_1252_article() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Le volcan Etna est entré en éruption.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        b"L'\xe9ruption du volcan Etna surprend.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("topics.toml"),
        "[[topic]]\nid = \"etna\"\nlabel = \"Etna\"\nkeywords = [\"éruption\"]\n",
    )
    .unwrap();
    let out = synoptic(&["export", "--format", "json", "c"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("b.txt: not UTF-8; read as Windows-1252"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["topics"][0]["id"], "etna");
    assert_eq!(v["topics"][0]["members"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["articles"][1]["paragraphs"][0]["text"],
        "L'éruption du volcan Etna surprend."
    );
}

#[test]
fn a_file_named_twice_is_one_source_and_a_copy_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    let story =
        "Le volcan Etna est entré en éruption lundi.\n\nLes vols sont suspendus à Catane.\n";
    std::fs::write(corpus.join("a.txt"), story).unwrap();
    std::fs::write(corpus.join("b.txt"), story).unwrap();
    std::fs::write(corpus.join("c.txt"), "L'Etna gronde encore.\n").unwrap();
    let out = synoptic(&["export", "--format", "json", "c", "c/a.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("c/a.txt: named twice; read once"), "{err}");
    assert!(
        err.contains("c/b.txt: the same story as c/a.txt, paragraph for paragraph; both are read"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["c/a.txt", "c/b.txt", "c/c.txt"]);
}

#[test]
fn a_markdown_article_is_read_without_its_marks_and_a_text_file_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let clipped = "# L'Etna en éruption\n\nLe **volcan** gronde, selon [l'INGV](https://ingv.it/).\n\n\
                   ![Cendres](https://example.com/a.jpg)\n\n## Les vols\n\n- Catane est fermé.\n";
    std::fs::write(dir.path().join("a.md"), clipped).unwrap();
    let plain = "# Le volcan gronde encore, selon l'INGV.\n\nLe *volcan* est actif.\n";
    std::fs::write(dir.path().join("b.txt"), plain).unwrap();
    let out = synoptic(&["export", "--format", "json", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paragraphs = |a: usize| -> Vec<(String, String)> {
        v["articles"][a]["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["kind"].to_string(),
                    p["text"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pair = |kind: &str, text: &str| (format!("\"{kind}\""), text.to_owned());
    assert_eq!(
        paragraphs(0),
        [
            pair("heading", "L'Etna en éruption"),
            pair("body", "Le volcan gronde, selon l'INGV."),
            pair("heading", "Les vols"),
            pair("body", "Catane est fermé."),
        ]
    );
    assert_eq!(v["articles"][0]["title"], "L'Etna en éruption");
    assert_eq!(
        paragraphs(1)[1],
        pair("body", "Le *volcan* est actif."),
        "a text file's marks are its writer's"
    );
}

#[test]
fn standard_input_is_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(["export", "--format", "json", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("One article from a pipe.".as_bytes())
        .unwrap();
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    assert!(child.wait().unwrap().success());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["articles"][0]["id"], "stdin");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(["export", "--format", "json"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_mistyped_or_misplaced_subcommand_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let typo = synoptic(&["expor"], dir.path());
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        stderr(&typo).contains("did you mean 'synoptic export'?"),
        "{}",
        stderr(&typo)
    );
    let misplaced = synoptic(&["--color", "never", "topics"], dir.path());
    assert_eq!(misplaced.status.code(), Some(2));
    assert!(
        stderr(&misplaced).contains("'topics' is a subcommand: put it first"),
        "{}",
        stderr(&misplaced)
    );
    let missing = synoptic(&["no-such-article.txt"], dir.path());
    assert!(!stderr(&missing).contains("did you mean"));
}

#[test]
fn one_article_says_there_is_nothing_to_align() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("only.txt");
    std::fs::write(&file, "Titre\n\nUn seul article sur la panne de X.\n").unwrap();
    let out = synoptic(&["topics", file.to_str().unwrap()], dir.path());
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("only one article") && stderr(&out).contains("two or more"),
        "{}",
        stderr(&out)
    );
    let piped = synoptic_with_stdin(&["export"], dir.path(), b"Un article venu d'un tube.\n");
    assert!(
        stderr(&piped).contains("only one article"),
        "{}",
        stderr(&piped)
    );
}

#[test]
fn the_topics_table_fits_the_terminal_width() {
    let args = synoptic::cli::TopicsArgs {
        input: synoptic::cli::Input::default(),
        format: synoptic::cli::TopicsFormat::Text,
    };
    let mut out = Vec::new();
    synoptic::cli::topics(&args, &mut out, Some(60)).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().count() > 5);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 60, "{line}");
    }
    assert!(text.contains('…'), "long rows are cut visibly");
}

#[test]
fn the_topics_table_names_a_copy_of_an_earlier_source() {
    let dir = tempfile::tempdir().unwrap();
    let story = "Headline\n\nThe volcano erupted overnight.\n\nLava reached the coast.\n\n\
                 The airport closed.\n\nAsh fell on the town.";
    std::fs::write(dir.path().join("a.txt"), story).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Other\n\nThe volcano is calm today.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        story.replace("Headline", "Retold"),
    )
    .unwrap();
    let args = synoptic::cli::TopicsArgs {
        input: synoptic::cli::Input {
            paths: vec![dir.path().to_owned()],
            ..synoptic::cli::Input::default()
        },
        format: synoptic::cli::TopicsFormat::Text,
    };
    let mut out = Vec::new();
    synoptic::cli::topics(&args, &mut out, Some(100)).unwrap();
    let text = String::from_utf8(out).unwrap();
    let sources: Vec<&str> = text.lines().rev().take(3).collect();
    assert_eq!(
        sources,
        [
            "  3  c  copy of 1 · Retold",
            "  2  b  Other",
            "  1  a  Headline"
        ],
        "{text}"
    );
}

#[test]
fn the_text_export_lists_covering_sources_and_names_the_others_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let breton = synoptic(&["export", "--topic", "breton"], dir.path());
    let text = stdout(&breton);
    assert!(!text.contains("(does not cover this topic)"), "{text}");
    assert!(
        text.contains("Does not cover this topic (2): 3 · Événement de Elon Musk"),
        "sources by number and name, as the reader's panes: {text}"
    );
    assert!(
        text.contains("Covered by: 1 · “Lors de sa conversation sur X avec…”"),
        "{text}"
    );
    assert!(
        !text.contains("002_f9e9ee3849f232d6"),
        "never a file hash: {text}"
    );
    let header = text.lines().find(|l| l.contains('│')).unwrap();
    assert_eq!(header.matches('│').count(), 2, "three columns: {header}");

    for i in 0..15 {
        let body = if i < 2 {
            "Le volcan Etna gronde."
        } else {
            "La bourse recule."
        };
        std::fs::write(
            dir.path().join(format!("a{i:02}.txt")),
            format!("Titre\n\n{body}\n"),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("topics.toml"),
        "[[topic]]\nid = \"etna\"\nlabel = \"Etna\"\nkeywords = [\"Etna\"]\n",
    )
    .unwrap();
    let many = synoptic(&["export", "--topic", "etna", "."], dir.path());
    assert!(
        stdout(&many).contains("Does not cover this topic (13): 3 · Titre, 4 · Titre,")
            && stdout(&many).contains("and 1 more"),
        "{}",
        stdout(&many)
    );
}

/// A defined topic that ends up with no paragraph says so, and why that happens.
#[test]
fn an_empty_defined_topic_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..8 {
        let text = "Réunion\n\nLe Conseil de sécurité se réunit lundi à New York.\n\n\
                    La météo sera clémente cette semaine.\n";
        std::fs::write(dir.path().join(format!("a{i}.txt")), text).unwrap();
    }
    let topics = "[[topic]]\nid = \"conseil\"\nlabel = \"Le Conseil\"\nkeywords = [\"Conseil de sécurité\"]\n\n\
                  [[topic]]\nid = \"volcan\"\nlabel = \"Le volcan\"\nkeywords = [\"volcan\"]\n";
    std::fs::write(dir.path().join("topics.toml"), topics).unwrap();
    let out = synoptic(&["export", "."], dir.path());
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("topic \"volcan\" has no paragraph"), "{err}");
    assert!(
        err.contains("use words that only the paragraphs on this topic use"),
        "{err}"
    );
    assert!(
        err.contains("topic \"volcan\": keyword \"volcan\" is in no paragraph"),
        "{err}"
    );
    assert!(!err.contains("topic \"conseil\":"), "{err}");
}

/// A keyword the articles never use, in any form, is named with its topic: a slip of the
/// keyboard would otherwise only make the topic smaller, without a word.
#[test]
fn a_keyword_found_nowhere_is_named_with_its_topic() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2 {
        let text = "Réunion\n\nLe Conseil de sécurité se réunit lundi à New York.\n";
        std::fs::write(dir.path().join(format!("a{i}.txt")), text).unwrap();
    }
    let topics = "[[topic]]\nid = \"conseil\"\nlabel = \"Le Conseil\"\n\
                  keywords = [\"Conseils de securite\", \"Consiel\", \"reunit\", \"Genève\"]\n";
    std::fs::write(dir.path().join("topics.toml"), topics).unwrap();
    let err = stderr(&synoptic(&["export", "."], dir.path()));
    assert!(
        err.contains(
            "topic \"conseil\": keywords \"Consiel\", \"Genève\" are in no paragraph of these \
             articles, in any form; check the spelling"
        ),
        "{err}"
    );
    // One article is aligned with nothing: its keywords are not judged.
    let one = stderr(&synoptic(
        &["export", "a0.txt", "--topics", "topics.toml"],
        dir.path(),
    ));
    assert!(
        one.contains("only one article") && !one.contains("Consiel"),
        "{one}"
    );
}

#[test]
fn pins_in_the_topics_file_shape_the_export() {
    let dir = tempfile::tempdir().unwrap();
    for (i, place) in ["Alpha", "Bravo", "Charlie"].iter().enumerate() {
        let text = format!(
            "Headline {place}\n\nThe volcano erupted overnight near island {place}.\n\n\
             A bakery in {place} sold bread to the families who fled."
        );
        std::fs::write(dir.path().join(format!("{i}.txt")), text).unwrap();
    }
    let members = |topics: &str| {
        std::fs::write(dir.path().join("topics.toml"), topics).unwrap();
        let out = synoptic(&["export", "--format", "json", "."], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        json["topics"][0]["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["article"].as_str().unwrap().to_owned(),
                    m["paragraph"].as_u64().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    let plain = "[[topic]]\nid = \"volcano\"\nlabel = \"The volcano\"\nkeywords = [\"volcano\"]\n";
    let before = members(plain);
    assert!(before.contains(&("0".into(), 1)), "{before:?}");
    let pinned = format!(
        "{plain}exclude = [{{ article = \"0\", key = \"The volcano erupted overnight near island Alpha.\" }}]\n"
    );
    let after = members(&pinned);
    assert!(!after.contains(&("0".into(), 1)), "{after:?}");
    // The other sources keep their members; article 0 may lose more than the pinned paragraph,
    // which no longer carries its neighbour into the topic.
    let elsewhere = |m: &Vec<(String, u64)>| {
        m.iter()
            .filter(|(a, _)| a != "0")
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(elsewhere(&after), elsewhere(&before), "{after:?}");
}
