//! Corrections written back into a topics file, keeping the user's comments and layout: a
//! pinned paragraph (`include` / `exclude`), or a keyword. A topic the file lacks (one the
//! reader discovered) is added whole, and goes again when that correction is undone.

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
    /// Undoing the correction that added a found topic to the file: the whole topic goes.
    DropTopic,
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
            // The definition itself goes: whoever holds it drops it.
            Correction::DropTopic => {}
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
            Correction::Keyword(_) | Correction::DropKeyword(_) | Correction::DropTopic => None,
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
    if *correction == Correction::DropTopic {
        drop_topic(&mut doc, &def.id).map_err(refuse)?;
    } else {
        let topic = topic_table(&mut doc, def).map_err(refuse)?;
        correct(topic, correction).map_err(refuse)?;
    }
    Ok(doc.to_string())
}

/// Take topic `id` out of `doc`, in either form the reader accepts; a file without it is left
/// as it is. Comments above a `[[topic]]` table belong to it in the TOML editor, and may open
/// the file: they stay, above what came after the topic.
fn drop_topic(doc: &mut DocumentMut, id: &str) -> Result<(), &'static str> {
    let is_topic = |t: &dyn TableLike| has_id(t, id);
    let mut comments = String::new();
    let now_empty = match doc.get_mut("topic") {
        None => return Ok(()),
        Some(Item::ArrayOfTables(tables)) => {
            let found = tables.iter().position(|t| is_topic(t));
            if let Some(at) = found {
                comments = remove_table(tables, at);
            }
            tables.is_empty()
        }
        Some(Item::Value(Value::Array(inline))) => {
            inline.retain(|v| !v.as_inline_table().is_some_and(|t| is_topic(t)));
            inline.is_empty()
        }
        Some(_) => return Err(NOT_TOPICS),
    };
    if now_empty {
        doc.remove("topic");
    }
    if !comments.is_empty() {
        let trailing = doc.trailing().as_str().unwrap_or("").to_owned();
        doc.set_trailing(format!("{trailing}{comments}"));
    }
    Ok(())
}

/// Remove table `at`, its comments going above the next table; those left with no table
/// after it are returned.
fn remove_table(tables: &mut ArrayOfTables, at: usize) -> String {
    let comments = comments_above(tables.get(at).map(Table::decor));
    tables.remove(at);
    match tables.get_mut(at) {
        Some(next) => {
            let own = next.decor().prefix().and_then(toml_edit::RawString::as_str);
            let joined = format!("{comments}{}", own.unwrap_or(""));
            next.decor_mut().set_prefix(joined);
            String::new()
        }
        None => comments,
    }
}

/// The text above a table when it holds a comment; nothing when it is only blank lines.
fn comments_above(decor: Option<&toml_edit::Decor>) -> String {
    let text = decor
        .and_then(toml_edit::Decor::prefix)
        .and_then(toml_edit::RawString::as_str)
        .unwrap_or("");
    if text.contains('#') {
        text.to_owned()
    } else {
        String::new()
    }
}

/// What a `topic` key the writer cannot edit is: the reader never lets one through.
const NOT_TOPICS: &str = "`topic` is neither [[topic]] tables nor a list of tables";

/// Whether table `t` is the topic `id`.
fn has_id(t: &dyn TableLike, id: &str) -> bool {
    t.get("id").and_then(Item::as_str) == Some(id)
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
    let is_def = |t: &dyn TableLike| has_id(t, &def.id);
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
        _ => Err(NOT_TOPICS),
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
        Correction::DropTopic => Err("a topic cannot be dropped from inside itself"),
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
#[path = "topics_edit_tests.rs"]
mod tests;
