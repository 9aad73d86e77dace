//! The property fuzzed on article bytes: any bytes are decoded, segmented (as text and as
//! Markdown), aligned, compared and exported without a panic, and every member's spans join
//! back to its paragraph.
//! Shared by the fuzz target and by `tests/fuzz_seeds.rs`, so an API change breaks the build.

use synoptic_core::compare::agree::Detail;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::decode::{Decoded, decode};
use synoptic_core::input::ingest::article_from_text;
use synoptic_core::input::markdown::markdown_text;
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::export::{ExportOptions, Format, JsonVersion, write_export};

pub fn check(data: &[u8]) {
    let Decoded::Text { text, .. } = decode(data) else {
        return;
    };
    let a = article_from_text("a".into(), "a.txt".into(), &text);
    let reversed: String = text.chars().rev().collect();
    let b = article_from_text("b".into(), "b.txt".into(), &reversed);
    let c = article_from_text("c".into(), "c.md".into(), &markdown_text(&text));
    let keyword = text.split_whitespace().next().unwrap_or("x").to_owned();
    let defs = vec![TopicDef {
        id: "t".into(),
        label: "t".into(),
        keywords: vec![keyword],
        description: None,
        pins: Vec::new(),
    }];
    let synopsis = Synopsis::build(vec![a, b, c], &defs);
    for t in 0..synopsis.topics.len() {
        for m in synopsis.agreement(t, Detail::Lists).members {
            let para = &synopsis.paragraph(m.at).text;
            let joined: String = m.spans.iter().map(|s| &para[s.range.clone()]).collect();
            assert_eq!(&joined, para);
        }
    }
    let formats = [
        (Format::Text, JsonVersion::V1),
        (Format::Markdown, JsonVersion::V1),
        (Format::Json, JsonVersion::V1),
        (Format::Json, JsonVersion::V2),
    ];
    for (format, json_version) in formats {
        for rows in [false, true] {
            let opts = ExportOptions {
                format,
                json_version,
                rows,
                width: 40,
                ..Default::default()
            };
            let mut out = Vec::new();
            write_export(&synopsis, &opts, &mut out).expect("an export to memory cannot fail");
        }
    }
}
