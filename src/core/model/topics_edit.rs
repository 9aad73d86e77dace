//! Corrections written back into a topics file, keeping the user's comments and layout: a
//! pinned paragraph (`include` / `exclude`), or a keyword. A topic the file lacks (one the
//! reader discovered) is added whole.

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, value};

use crate::core::pins::Pin;
use crate::core::topics::TopicDef;

/// What the reader changed in one topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correction {
    Pin(Pin),
    Keyword(String),
}

/// The topics file `source` with `correction` made to topic `def` (as the reader holds it,
/// before the correction).
pub fn edit_topics(
    source: &str,
    def: &TopicDef,
    correction: &Correction,
) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = source.parse()?;
    let topics = doc
        .entry("topic")
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
    let Some(topics) = topics.as_array_of_tables_mut() else {
        return Ok(source.to_owned());
    };
    let at = topics
        .iter()
        .position(|t| t.get("id").and_then(Item::as_str) == Some(def.id.as_str()));
    let at = at.unwrap_or_else(|| {
        topics.push(new_topic(def));
        topics.len() - 1
    });
    let table = topics.get_mut(at);
    if let Some(table) = table {
        correct(table, correction);
    }
    Ok(doc.to_string())
}

/// A `[[topic]]` table for a topic the file does not have yet.
fn new_topic(def: &TopicDef) -> Table {
    let mut t = Table::new();
    t["id"] = value(def.id.as_str());
    t["label"] = value(def.label.as_str());
    t["keywords"] = value(def.keywords.iter().map(String::as_str).collect::<Array>());
    for pin in &def.pins {
        add_pin(&mut t, pin);
    }
    t
}

fn correct(table: &mut Table, correction: &Correction) {
    match correction {
        Correction::Pin(pin) => add_pin(table, pin),
        Correction::Keyword(k) => {
            let keywords = table
                .entry("keywords")
                .or_insert(value(Array::new()))
                .as_array_mut();
            if let Some(keywords) = keywords
                && !keywords.iter().any(|v| v.as_str() == Some(k.as_str()))
            {
                keywords.push(k.as_str());
            }
        }
    }
}

/// Add `pin` to its list, after removing any pin of the same paragraph from both lists: the
/// last correction of a paragraph is the one that holds.
fn add_pin(table: &mut Table, pin: &Pin) {
    for list in ["include", "exclude"] {
        if let Some(array) = table.get_mut(list).and_then(Item::as_array_mut) {
            array.retain(|v| !same_paragraph(v, pin));
        }
    }
    let list = if pin.include { "include" } else { "exclude" };
    let array = table.entry(list).or_insert(value(Array::new()));
    if let Some(array) = array.as_array_mut() {
        let mut entry = InlineTable::new();
        entry.insert("article", pin.article.as_str().into());
        entry.insert("key", pin.key.as_str().into());
        array.push(entry);
        // One pin per line: the file stays readable as it grows.
        for v in array.iter_mut() {
            v.decor_mut().set_prefix("\n    ");
        }
        array.set_trailing("\n");
        array.set_trailing_comma(true);
    }
}

fn same_paragraph(v: &toml_edit::Value, pin: &Pin) -> bool {
    v.as_inline_table().is_some_and(|t| {
        t.get("article").and_then(toml_edit::Value::as_str) == Some(pin.article.as_str())
            && t.get("key").and_then(toml_edit::Value::as_str) == Some(pin.key.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::topics::parse_topics;

    const FILE: &str = "# my topics\n\n[[topic]]\nid = \"outage\" # the outage\nlabel = \"The outage\"\nkeywords = [\"panne\"]\n";

    fn def(id: &str) -> TopicDef {
        TopicDef {
            id: id.into(),
            label: format!("The {id}"),
            keywords: vec!["word".into()],
            description: None,
            pins: Vec::new(),
        }
    }

    fn pin(include: bool) -> Pin {
        Pin {
            article: "000_a".into(),
            key: "Lors de sa \"conversation\" sur X".into(),
            include,
        }
    }

    #[test]
    fn a_pin_is_added_and_the_comments_stay() {
        let out = edit_topics(FILE, &def("outage"), &Correction::Pin(pin(true))).unwrap();
        assert!(out.starts_with("# my topics\n"), "{out}");
        assert!(out.contains("id = \"outage\" # the outage"), "{out}");
        let read = parse_topics("t.toml", &out).unwrap();
        assert_eq!(read.topics[0].pins, vec![pin(true)]);
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    }

    #[test]
    fn the_last_correction_of_a_paragraph_holds() {
        let once = edit_topics(FILE, &def("outage"), &Correction::Pin(pin(true))).unwrap();
        let twice = edit_topics(&once, &def("outage"), &Correction::Pin(pin(false))).unwrap();
        let read = parse_topics("t.toml", &twice).unwrap();
        assert_eq!(read.topics[0].pins, vec![pin(false)]);
    }

    #[test]
    fn a_keyword_is_added_once_and_a_missing_topic_whole() {
        let k = Correction::Keyword("DDoS".into());
        let out = edit_topics(FILE, &def("outage"), &k).unwrap();
        let out = edit_topics(&out, &def("outage"), &k).unwrap();
        let read = parse_topics("t.toml", &out).unwrap();
        assert_eq!(read.topics[0].keywords, vec!["panne", "DDoS"]);
        let out = edit_topics(&out, &def("found-1"), &Correction::Pin(pin(true))).unwrap();
        let read = parse_topics("t.toml", &out).unwrap();
        assert_eq!(read.topics[1].id, "found-1");
        assert_eq!(read.topics[1].keywords, vec!["word"]);
        assert_eq!(read.topics[1].pins, vec![pin(true)]);
        let empty = edit_topics("", &def("x"), &k).unwrap();
        assert_eq!(
            parse_topics("t.toml", &empty).unwrap().topics[0].keywords,
            vec!["word", "DDoS"]
        );
    }
}
