//! The property fuzzed on the corrections writer: for every topics file the reader loads, a
//! pin written into it reads back, with every other topic as it was. When the writer cannot
//! edit the file it says so with the reader's error, never by returning the file unchanged.

use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::topic_def::Pin;
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::topics_edit::{Correction, edit_topics};

pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(before) = parse_topics("fuzz.toml", &text) else {
        return;
    };
    // The pin's text comes from the input too: quotes, escapes and control characters.
    let key: String = text.chars().rev().take(40).collect();
    let include = data.len().is_multiple_of(2);
    let pin = Pin {
        article: "000_a".into(),
        key: key.split_whitespace().collect::<Vec<_>>().join(" "),
        nth: 1 + data.len() % 3,
        include,
    };
    let target = before.topics.first().cloned().unwrap_or_else(|| TopicDef {
        id: "found-1".into(),
        label: "Found".into(),
        keywords: vec!["word".into()],
        description: None,
        pins: Vec::new(),
    });
    let out = edit_topics("fuzz.toml", &text, &target, &Correction::Pin(pin.clone()))
        .unwrap_or_else(|e| panic!("the reader loads this file but the writer refused: {e}"));
    let after = parse_topics("fuzz.toml", &out)
        .unwrap_or_else(|e| panic!("the written file does not read back: {e}\n{out}"));
    let edited = after
        .topics
        .iter()
        .find(|t| t.id == target.id)
        .expect("topic kept");
    let same = |p: &Pin| p.article == pin.article && p.key == pin.key && p.nth == pin.nth;
    assert_eq!(
        edited.pins.iter().filter(|p| same(p)).collect::<Vec<_>>(),
        [&pin],
        "{out}"
    );
    let mut others_before: Vec<_> = before.topics.iter().filter(|t| t.id != target.id).collect();
    let mut others_after: Vec<_> = after.topics.iter().filter(|t| t.id != target.id).collect();
    others_before.sort_by(|a, b| a.id.cmp(&b.id));
    others_after.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(others_before, others_after, "{out}");
    let kept = |t: &TopicDef| (t.label.clone(), t.keywords.clone(), t.description.clone());
    if !before.topics.is_empty() {
        assert_eq!(kept(edited), kept(&target), "{out}");
    }
}
