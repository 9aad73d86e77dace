//! Invariants on arbitrary text: segmentation loses nothing, spans join back, nothing panics.

use proptest::prelude::*;
use synoptic_core::compare::agree::Detail;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::article_from_text;
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::export::{ExportOptions, Format, write_export};

/// Arbitrary text with words, punctuation, control characters and line breaks.
fn messy_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Zéèàçœ’'0-9]{1,12}",
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just(". ".to_string()),
            "[\\x00-\\x1f\\x7f\u{202e}\u{200d}]",
            "\\PC{1,3}",
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn non_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #[test]
    fn segmentation_keeps_every_character_in_order(body in messy_text()) {
        // A first line that no metadata rule takes, so every character is article text.
        let text = format!("Texte.\n{body}");
        let article = article_from_text("a".into(), "a.txt".into(), &text);
        let joined: String = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let expected = non_space(&text.replace("\r\n", "\n").replace('\r', "\n"));
        prop_assert_eq!(non_space(&joined), expected);
    }

    #[test]
    fn spans_join_back_and_exports_do_not_panic(a in messy_text(), b in messy_text(), kw in "[a-z]{1,6}") {
        let articles = vec![
            article_from_text("a".into(), "a.txt".into(), &format!("{kw} {a}")),
            article_from_text("b".into(), "b.txt".into(), &format!("{kw} {b}")),
        ];
        let defs = vec![TopicDef { id: "t".into(), label: "t".into(), keywords: vec![kw], description: None, pins: Vec::new() }];
        let synopsis = Synopsis::build(articles, &defs);
        for t in 0..synopsis.topics.len() {
            let agreement = synopsis.agreement(t, Detail::Lists);
            for m in &agreement.members {
                let text = &synopsis.paragraph(m.at).text;
                let joined: String = m.spans.iter().map(|s| &text[s.range.clone()]).collect();
                prop_assert_eq!(&joined, text);
                prop_assert!((0..m.spans.len()).all(|k| agreement.shared_with(m, k).is_some_and(|mut l| l.all(|a| a != m.at.article))));
            }
        }
        for format in [Format::Text, Format::Markdown, Format::Json] {
            for width in [1, 20, 80] {
                let mut out = Vec::new();
                write_export(&synopsis, &ExportOptions { format, width, ..Default::default() }, &mut out).unwrap();
                if format == Format::Text {
                    let s = String::from_utf8(out).unwrap();
                    prop_assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "raw control character in text export");
                }
            }
        }
    }
}
