//! Fuzz reading an article: any bytes are decoded, segmented, aligned, compared and exported
//! without a panic, and the spans always join back to the paragraph text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use synoptic::core::decode::{Decoded, decode};
use synoptic::core::export::{ExportOptions, Format, write_export};
use synoptic::core::ingest::article_from_text;
use synoptic::core::synopsis::Synopsis;
use synoptic::core::topics::TopicDef;

fuzz_target!(|data: &[u8]| {
    let Decoded::Text { text, .. } = decode(data) else {
        return;
    };
    let a = article_from_text("a".into(), "a.txt".into(), &text);
    let b = article_from_text("b".into(), "b.txt".into(), &text.chars().rev().collect::<String>());
    let keyword = text.split_whitespace().next().unwrap_or("x").to_owned();
    let defs = vec![TopicDef { id: "t".into(), label: "t".into(), keywords: vec![keyword], description: None }];
    let synopsis = Synopsis::build(vec![a, b], &defs);
    for t in 0..synopsis.topics.len() {
        for m in synopsis.agreement(t) {
            let para = &synopsis.paragraph(m.at).text;
            let joined: String = m.spans.iter().map(|s| &para[s.range.clone()]).collect();
            assert_eq!(&joined, para);
        }
    }
    for format in [Format::Text, Format::Json] {
        let mut out = Vec::new();
        let _ = write_export(&synopsis, &ExportOptions { format, width: 40, ..Default::default() }, &mut out);
    }
});
