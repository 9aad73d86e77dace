//! Corrections written back into a topics file, keeping the user's comments and layout: a
//! pinned paragraph (`include` / `exclude`), or a keyword. A topic the file lacks (one the
//! reader discovered) is added whole.

use toml_edit::{
    Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value, value,
};

use crate::input::topics_file::{TopicsError, parse_topics};
use crate::model::topic_def::Pin;
use crate::model::topic_def::TopicDef;

/// What the reader changed in one topic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correction {
    Pin(Pin),
    Keyword(String),
    /// Undoing a pin: the paragraph's pin, in either list, goes.
    Unpin(Pin),
    /// Undoing a keyword: it goes from the topic's keywords.
    DropKeyword(String),
}

impl Correction {
    /// Make this correction to a topic's definition, as the reader holds it.
    pub fn apply_to(&self, def: &mut TopicDef) {
        match self {
            Correction::Pin(pin) => {
                def.pins.retain(|p| !p.same_paragraph(pin));
                def.pins.push(pin.clone());
            }
            Correction::Unpin(pin) => def.pins.retain(|p| !p.same_paragraph(pin)),
            Correction::Keyword(k) => {
                if !def.keywords.contains(k) {
                    def.keywords.push(k.clone());
                }
            }
            Correction::DropKeyword(k) => def.keywords.retain(|w| w != k),
        }
    }

    /// The correction that undoes this one, made to `before` (the topic as it was): the
    /// paragraph's earlier pin back, or none; a keyword added taken out. `None` when this one
    /// changed nothing.
    pub fn undoing(&self, before: &TopicDef) -> Option<Correction> {
        let earlier = |pin: &Pin| before.pins.iter().find(|p| p.same_paragraph(pin)).cloned();
        match self {
            Correction::Pin(pin) => {
                Some(earlier(pin).map_or_else(|| Correction::Unpin(pin.clone()), Correction::Pin))
            }
            Correction::Unpin(pin) => earlier(pin).map(Correction::Pin),
            Correction::Keyword(k) if !before.keywords.contains(k) => {
                Some(Correction::DropKeyword(k.clone()))
            }
            Correction::DropKeyword(k) if before.keywords.contains(k) => {
                Some(Correction::Keyword(k.clone()))
            }
            Correction::Keyword(_) | Correction::DropKeyword(_) => None,
        }
    }
}

/// The topics file `source` (named `file` in messages) with `correction` made to topic `def`
/// (as the reader holds it, before the correction).
///
/// The writer edits exactly what the reader loads: a file the reader refuses is refused with
/// the reader's own message (naming the line), and a shape the writer cannot edit, which the
/// reader never lets through, is an error too, never a file returned unchanged as if the
/// correction were in it.
pub fn edit_topics(
    file: &str,
    source: &str,
    def: &TopicDef,
    correction: &Correction,
) -> Result<String, TopicsError> {
    parse_topics(file, source)?;
    let refuse = |message: &str| TopicsError {
        file: file.to_owned(),
        line: 1,
        column: 1,
        message: format!("cannot write the correction into this file: {message}"),
    };
    // The reader has parsed it with the same parser: this cannot fail, and says why if it does.
    let mut doc: DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| refuse(e.message()))?;
    let topic = topic_table(&mut doc, def).map_err(refuse)?;
    correct(topic, correction).map_err(refuse)?;
    Ok(doc.to_string())
}

/// A topic's table in the document, and whether it is an inline `{ … }` one.
struct TopicTable<'d> {
    table: &'d mut dyn TableLike,
    inline: bool,
}

/// The table of topic `def` in `doc`, added when the file lacks it. Topics may be written as
/// `[[topic]]` tables or as an inline array `topic = [ { … } ]`: the reader accepts both.
fn topic_table<'d>(
    doc: &'d mut DocumentMut,
    def: &TopicDef,
) -> Result<TopicTable<'d>, &'static str> {
    let is_def = |t: &dyn TableLike| t.get("id").and_then(Item::as_str) == Some(def.id.as_str());
    let topics = doc
        .entry("topic")
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
    match topics {
        Item::ArrayOfTables(tables) => {
            let found = tables.iter().position(|t| is_def(t));
            let at = found.unwrap_or_else(|| {
                tables.push(new_topic(def));
                tables.len() - 1
            });
            let table = tables.get_mut(at).ok_or("the topic table vanished")?;
            Ok(TopicTable {
                table,
                inline: false,
            })
        }
        Item::Value(Value::Array(inline)) => {
            let at = inline
                .iter()
                .position(|v| v.as_inline_table().is_some_and(|t| is_def(t)));
            let at = at.unwrap_or_else(|| {
                inline.push(new_topic(def).into_inline_table());
                inline.len() - 1
            });
            let table = inline
                .get_mut(at)
                .and_then(Value::as_inline_table_mut)
                .ok_or("a topic in `topic = [ … ]` is not a table")?;
            Ok(TopicTable {
                table,
                inline: true,
            })
        }
        _ => Err("`topic` is neither [[topic]] tables nor a list of tables"),
    }
}

/// A `[[topic]]` table for a topic the file does not have yet.
fn new_topic(def: &TopicDef) -> Table {
    let mut t = Table::new();
    t["id"] = value(def.id.as_str());
    t["label"] = value(def.label.as_str());
    t["keywords"] = value(def.keywords.iter().map(String::as_str).collect::<Array>());
    for pin in &def.pins {
        // A fresh table has no list in a form it cannot take.
        let _ = add_pin(&mut t, pin, true);
    }
    t
}

fn correct(topic: TopicTable, correction: &Correction) -> Result<(), &'static str> {
    let table = topic.table;
    match correction {
        // Inside an inline table the pins stay on its one line: TOML 1.0 allows no line break.
        Correction::Pin(pin) => add_pin(table, pin, !topic.inline),
        Correction::Keyword(k) => {
            let keywords = table.entry("keywords").or_insert(value(Array::new()));
            let keywords = keywords
                .as_array_mut()
                .ok_or("`keywords` is not a list of strings")?;
            if !keywords.iter().any(|v| v.as_str() == Some(k.as_str())) {
                keywords.push(k.as_str());
            }
            Ok(())
        }
        Correction::Unpin(pin) => {
            remove_pin(table, pin);
            Ok(())
        }
        Correction::DropKeyword(k) => {
            if let Some(keywords) = table.get_mut("keywords").and_then(Item::as_array_mut) {
                keywords.retain(|v| v.as_str() != Some(k.as_str()));
            }
            Ok(())
        }
    }
}

/// Add `pin` to its list, after removing any pin of the same paragraph from both lists: the
/// last correction of a paragraph is the one that holds. A list left empty goes.
fn add_pin(table: &mut dyn TableLike, pin: &Pin, one_per_line: bool) -> Result<(), &'static str> {
    remove_pin(table, pin);
    let list = if pin.include { "include" } else { "exclude" };
    match table.entry(list).or_insert(value(Array::new())) {
        Item::Value(Value::Array(array)) => {
            let mut entry = InlineTable::new();
            entry.insert("article", pin.article.as_str().into());
            entry.insert("key", pin.key.as_str().into());
            if pin.nth > 1 {
                entry.insert("nth", (pin.nth as i64).into());
            }
            array.push(entry);
            if one_per_line {
                // One pin per line: the file stays readable as it grows.
                for v in array.iter_mut() {
                    v.decor_mut().set_prefix("\n    ");
                }
                array.set_trailing("\n");
                array.set_trailing_comma(true);
            }
            Ok(())
        }
        Item::ArrayOfTables(tables) => {
            let mut entry = Table::new();
            entry["article"] = value(pin.article.as_str());
            entry["key"] = value(pin.key.as_str());
            if pin.nth > 1 {
                entry["nth"] = value(pin.nth as i64);
            }
            tables.push(entry);
            Ok(())
        }
        _ => Err("`include` or `exclude` is not a list of { article, key } tables"),
    }
}

/// Remove any pin of `pin`'s paragraph from both lists. A list left empty goes, so no empty
/// `exclude = []` is left behind.
fn remove_pin(table: &mut dyn TableLike, pin: &Pin) {
    for list in ["include", "exclude"] {
        let now_empty = match table.get_mut(list) {
            Some(Item::Value(Value::Array(array))) => {
                array.retain(|v| !v.as_inline_table().is_some_and(|t| same_paragraph(t, pin)));
                array.is_empty()
            }
            Some(Item::ArrayOfTables(tables)) => {
                tables.retain(|t| !same_paragraph(t, pin));
                tables.is_empty()
            }
            _ => false,
        };
        if now_empty {
            table.remove(list);
        }
    }
}

fn same_paragraph(t: &dyn TableLike, pin: &Pin) -> bool {
    let nth = t.get("nth").and_then(Item::as_integer).unwrap_or(1).max(1);
    t.get("article").and_then(Item::as_str) == Some(pin.article.as_str())
        && t.get("key").and_then(Item::as_str) == Some(pin.key.as_str())
        && usize::try_from(nth).ok() == Some(pin.nth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::topics_file::parse_topics;

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
            nth: 1,
            include,
        }
    }

    #[test]
    fn a_pin_is_added_and_the_comments_stay() {
        let out = edit_topics("t.toml", FILE, &def("outage"), &Correction::Pin(pin(true))).unwrap();
        assert!(out.starts_with("# my topics\n"), "{out}");
        assert!(out.contains("id = \"outage\" # the outage"), "{out}");
        let read = parse_topics("t.toml", &out).unwrap();
        assert_eq!(read.topics[0].pins, vec![pin(true)]);
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    }

    #[test]
    fn the_last_correction_of_a_paragraph_holds() {
        let once =
            edit_topics("t.toml", FILE, &def("outage"), &Correction::Pin(pin(true))).unwrap();
        let twice = edit_topics(
            "t.toml",
            &once,
            &def("outage"),
            &Correction::Pin(pin(false)),
        )
        .unwrap();
        let read = parse_topics("t.toml", &twice).unwrap();
        assert_eq!(read.topics[0].pins, vec![pin(false)]);
    }

    #[test]
    fn a_keyword_is_added_once_and_a_missing_topic_whole() {
        let k = Correction::Keyword("DDoS".into());
        let out = edit_topics("t.toml", FILE, &def("outage"), &k).unwrap();
        let out = edit_topics("t.toml", &out, &def("outage"), &k).unwrap();
        let read = parse_topics("t.toml", &out).unwrap();
        assert_eq!(read.topics[0].keywords, vec!["panne", "DDoS"]);
        let out =
            edit_topics("t.toml", &out, &def("found-1"), &Correction::Pin(pin(true))).unwrap();
        let read = parse_topics("t.toml", &out).unwrap();
        assert_eq!(read.topics[1].id, "found-1");
        assert_eq!(read.topics[1].keywords, vec!["word"]);
        assert_eq!(read.topics[1].pins, vec![pin(true)]);
        let empty = edit_topics("t.toml", "", &def("x"), &k).unwrap();
        assert_eq!(
            parse_topics("t.toml", &empty).unwrap().topics[0].keywords,
            vec!["word", "DDoS"]
        );
    }

    fn pins_of(out: &str, id: &str) -> Vec<Pin> {
        let read = parse_topics("t.toml", out).unwrap_or_else(|e| panic!("{e}\n{out}"));
        read.topics.into_iter().find(|t| t.id == id).unwrap().pins
    }

    #[test]
    fn topics_in_an_inline_array_get_the_pin_on_their_line() {
        let file = "topic = [ { id = \"outage\", label = \"O\", keywords = [\"panne\"] } ]\n";
        let out = edit_topics("t.toml", file, &def("outage"), &Correction::Pin(pin(true))).unwrap();
        assert_eq!(pins_of(&out, "outage"), vec![pin(true)]);
        assert_eq!(out.lines().count(), 1, "{out}");
        let added = edit_topics(
            "t.toml",
            &out,
            &def("found-1"),
            &Correction::Pin(pin(false)),
        );
        assert_eq!(pins_of(&added.unwrap(), "found-1"), vec![pin(false)]);
    }

    #[test]
    fn pins_written_as_tables_stay_tables() {
        let file = "[[topic]]\nid = \"outage\"\nkeywords = [\"panne\"]\n\n\
                    [[topic.exclude]]\narticle = \"000_a\"\nkey = \"Autre\"\n";
        let out =
            edit_topics("t.toml", file, &def("outage"), &Correction::Pin(pin(false))).unwrap();
        assert_eq!(out.matches("[[topic.exclude]]\n").count(), 2, "{out}");
        assert!(!out.contains("exclude = ["), "{out}");
        let mut other = pin(false);
        other.key = "Autre".into();
        assert_eq!(pins_of(&out, "outage"), vec![other, pin(false)]);
    }

    #[test]
    fn a_list_emptied_by_the_last_correction_goes() {
        let once =
            edit_topics("t.toml", FILE, &def("outage"), &Correction::Pin(pin(false))).unwrap();
        let back =
            edit_topics("t.toml", &once, &def("outage"), &Correction::Pin(pin(true))).unwrap();
        assert!(!back.contains("exclude"), "{back}");
        assert_eq!(pins_of(&back, "outage"), vec![pin(true)]);
    }

    #[test]
    fn a_file_the_reader_refuses_is_refused_with_the_readers_message() {
        let file = "[[topic]]\nid = \"outage\"\nextra = 99999999999999999999\n";
        let err = edit_topics("my.toml", file, &def("outage"), &Correction::Pin(pin(true)));
        let err = err.unwrap_err();
        let reader = parse_topics("my.toml", file).unwrap_err();
        assert_eq!(err.to_string(), reader.to_string());
        assert_eq!((err.file.as_str(), err.line), ("my.toml", 3));
    }

    #[test]
    fn a_form_the_writer_cannot_edit_is_an_error_not_an_unchanged_file() {
        // An empty inline list takes a new topic; values the reader never lets through are
        // refused inside the writer all the same.
        let file = "topic = [ ]\n";
        let out = edit_topics("t.toml", file, &def("x"), &Correction::Pin(pin(true))).unwrap();
        assert_eq!(pins_of(&out, "x"), vec![pin(true)]);
        let mut doc: DocumentMut = FILE.parse().unwrap();
        doc["topic"] = value("not topics");
        assert!(topic_table(&mut doc, &def("outage")).is_err());
        let mut table = Table::new();
        table["include"] = value("not a list");
        assert!(add_pin(&mut table, &pin(true), true).is_err());
        table["keywords"] = value(3);
        let numbers = TopicTable {
            table: &mut table,
            inline: false,
        };
        assert!(correct(numbers, &Correction::Keyword("k".into())).is_err());
    }

    #[test]
    fn a_later_pin_replaces_an_earlier_one_written_as_a_table() {
        let file = "[[topic]]\nid = \"outage\"\nkeywords = [\"panne\"]\n\n\
                    [[topic.include]]\narticle = \"000_a\"\nkey = 'Lors de sa \"conversation\" sur X'\n";
        assert_eq!(pins_of(file, "outage"), vec![pin(true)]);
        let out =
            edit_topics("t.toml", file, &def("outage"), &Correction::Pin(pin(false))).unwrap();
        assert_eq!(pins_of(&out, "outage"), vec![pin(false)]);
        assert!(!out.contains("[[topic.include]]"), "{out}");
    }

    #[test]
    fn nth_is_written_only_past_the_first() {
        let second = Pin {
            nth: 2,
            ..pin(true)
        };
        for file in [
            FILE,
            "[[topic]]\nid = \"outage\"\n\n[[topic.include]]\narticle = \"b\"\nkey = \"k\"\n",
        ] {
            let once =
                edit_topics("t.toml", file, &def("outage"), &Correction::Pin(pin(true))).unwrap();
            assert!(!once.contains("nth"), "{once}");
            let twice = edit_topics(
                "t.toml",
                &once,
                &def("outage"),
                &Correction::Pin(second.clone()),
            )
            .unwrap();
            assert_eq!(twice.matches("nth = 2").count(), 1, "{twice}");
            let pins = pins_of(&twice, "outage");
            assert!(
                pins.contains(&pin(true)) && pins.contains(&second),
                "{pins:?}"
            );
        }
    }

    #[test]
    fn undoing_a_pin_takes_it_out_of_the_file_and_leaves_no_empty_list() {
        let pin = Pin {
            article: "a".into(),
            key: "Le direct".into(),
            nth: 1,
            include: false,
        };
        let before = def("outage");
        let pinned = edit_topics("t.toml", FILE, &before, &Correction::Pin(pin.clone())).unwrap();
        assert!(pinned.contains("exclude"), "{pinned}");
        let undo = Correction::Pin(pin.clone()).undoing(&before).unwrap();
        assert_eq!(undo, Correction::Unpin(pin.clone()));
        let mut after = before.clone();
        Correction::Pin(pin.clone()).apply_to(&mut after);
        let back = edit_topics("t.toml", &pinned, &after, &undo).unwrap();
        assert_eq!(back, FILE, "the file as it was");
        undo.apply_to(&mut after);
        assert_eq!(after, before);
    }

    #[test]
    fn undoing_a_pin_that_replaced_another_puts_the_other_back() {
        let out = Pin {
            article: "a".into(),
            key: "Le direct".into(),
            nth: 1,
            include: false,
        };
        let back_in = Pin {
            include: true,
            ..out.clone()
        };
        let mut before = def("outage");
        before.pins.push(out.clone());
        assert_eq!(
            Correction::Pin(back_in).undoing(&before),
            Some(Correction::Pin(out))
        );
    }

    #[test]
    fn undoing_a_keyword_drops_it_unless_it_was_there() {
        let mut before = def("outage");
        before.keywords = vec!["panne".into()];
        let added = Correction::Keyword("DDoS".into());
        assert_eq!(
            added.undoing(&before),
            Some(Correction::DropKeyword("DDoS".into()))
        );
        assert_eq!(Correction::Keyword("panne".into()).undoing(&before), None);
        let mut after = before.clone();
        added.apply_to(&mut after);
        let file = edit_topics("t.toml", FILE, &before, &added).unwrap();
        assert!(file.contains("\"DDoS\""), "{file}");
        let back = edit_topics(
            "t.toml",
            &file,
            &after,
            &Correction::DropKeyword("DDoS".into()),
        )
        .unwrap();
        assert_eq!(back, FILE);
    }
}
