//! Tests of the topics file reader and writer.

use super::*;

#[test]
fn a_written_topics_file_reads_back_the_same() {
    let defs = vec![
        TopicDef {
            id: "auto-visite-d-etat".into(),
            label: "visite d'État \"officielle\" \\ 1/2".into(),
            keywords: vec!["visite d'État".into(), "Élysée".into(), "a\tb".into()],
            description: None,
            pins: Vec::new(),
        },
        TopicDef {
            id: "two".into(),
            label: "Two\nlines".into(),
            keywords: vec![],
            description: Some("What it covers.".into()),
            pins: vec![
                Pin {
                    article: "000_a".into(),
                    key: "Il a dit \"non\"".into(),
                    nth: 2,
                    include: true,
                },
                Pin {
                    article: "001_b".into(),
                    key: "Autre".into(),
                    nth: 1,
                    include: false,
                },
            ],
        },
    ];
    let text = topics_file_text("Discovered by synoptic\nEdit freely", &defs);
    assert!(text.starts_with("# Discovered by synoptic\n# Edit freely\n"));
    // The first match is the default: a pin on it is written without `nth`.
    assert!(text.contains("nth = 2 }"), "{text}");
    assert!(
        text.contains("{ article = \"001_b\", key = \"Autre\" }"),
        "{text}"
    );
    let back = parse_topics("t.toml", &text).expect("parses");
    assert_eq!(back.topics, defs);
}

#[test]
fn reads_the_three_fields() {
    let t = parse_topics(
        "t.toml",
        "[[topic]]\nid = \"outage\"\nlabel = \"The outage\"\nkeywords = [\"panne\"]\n",
    )
    .unwrap();
    assert_eq!(
        t.topics,
        vec![TopicDef {
            id: "outage".into(),
            label: "The outage".into(),
            keywords: vec!["panne".into()],
            description: None,
            pins: Vec::new(),
        }]
    );
    assert!(t.warnings.is_empty());
}

#[test]
fn bad_toml_names_line_and_column() {
    let err = parse_topics("t.toml", "[[topic]]\nid = \"a\"\nkeywords = [\n").unwrap_err();
    assert_eq!(err.file, "t.toml");
    assert!(err.line >= 3, "{err}");
    assert!(
        !err.message.contains(TOPIC_SHAPE),
        "TOML itself is wrong: {err}"
    );
}

#[test]
fn a_topic_of_the_wrong_shape_is_told_what_to_hold() {
    let err = parse_topics("t.toml", "[[topic]]\nlabel = \"A\"\n").unwrap_err();
    assert!(err.message.starts_with("missing field `id`"), "{err}");
    assert!(err.message.ends_with(TOPIC_SHAPE), "{err}");
    let err = parse_topics("t.toml", "[[topic]]\nid = \"a\"\nkeywords = \"x\"\n").unwrap_err();
    assert_eq!(err.line, 3, "{err}");
    assert!(err.message.ends_with(TOPIC_SHAPE), "{err}");
}

#[test]
fn duplicate_and_bad_ids_are_errors_with_lines() {
    let dup = "[[topic]]\nid = \"a\"\n[[topic]]\nid = \"a\"\n";
    let err = parse_topics("t.toml", dup).unwrap_err();
    assert_eq!(err.line, 4);
    assert!(err.message.contains("twice"));
    let bad = parse_topics("t.toml", "[[topic]]\nid = \"Bad Id\"\n").unwrap_err();
    assert_eq!(err_line(&bad), 2);
}

#[test]
fn a_value_the_writer_cannot_hold_is_refused_with_its_line() {
    let file = "[[topic]]\nid = \"a\"\nkeywords = [\"x\"]\nextra = 99999999999999999999\n";
    let err = parse_topics("t.toml", file).unwrap_err();
    assert_eq!((err.line, err.column), (4, 9), "{err}");
}

fn err_line(e: &TopicsError) -> usize {
    e.line
}

#[test]
fn unknown_fields_and_empty_keywords_warn() {
    let t = parse_topics("t.toml", "[[topic]]\nid = \"a\"\nkeyword = [\"x\"]\n").unwrap();
    assert_eq!(t.warnings.len(), 2, "{:?}", t.warnings);
    assert!(t.warnings.iter().any(|w| w.contains("\"keyword\"")));
    assert!(t.warnings.iter().any(|w| w.contains("no keywords")));
}

#[test]
fn embedded_topics_parse() {
    let t = parse_topics("assets/topics.toml", crate::input::ingest::EMBEDDED_TOPICS).unwrap();
    let ids: Vec<_> = t.topics.iter().map(|t| t.id.as_str()).collect();
    for want in ["outage", "assassination", "ukraine", "breton"] {
        assert!(ids.contains(&want), "{want} missing");
    }
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

#[test]
fn a_keyword_that_can_never_tell_is_warned_about_by_topic() {
    let t = parse_topics(
        "t.toml",
        "[[topic]]\nid = \"a\"\nkeywords = [\"...\", \"de la\", \"the\", \"Etna\", \"l'Etna\"]\n",
    )
    .unwrap();
    assert_eq!(t.warnings.len(), 3, "{:?}", t.warnings);
    assert!(t.warnings[0].contains("t.toml:1: topic \"a\": keyword \"...\""));
    assert!(
        t.warnings
            .iter()
            .all(|w| w.contains("finds nothing telling"))
    );
}
