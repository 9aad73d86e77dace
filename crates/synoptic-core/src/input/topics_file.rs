//! The topics file: `[[topic]]` tables with `id`, `label`, `keywords` and an optional
//! `description`, checked line by line.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use crate::model::topic_def::Pin;
use crate::model::topic_def::TopicDef;

/// What is wrong with a topics file, with the line it is on.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct TopicsError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A topics file read: the topics, and warnings (unknown fields, empty keyword lists).
#[derive(Clone, Debug, Default)]
pub struct TopicsFile {
    pub topics: Vec<TopicDef>,
    pub warnings: Vec<String>,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
}

#[derive(Deserialize)]
struct RawTopic {
    id: Spanned<String>,
    label: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
    description: Option<String>,
    #[serde(default)]
    include: Vec<RawPin>,
    #[serde(default)]
    exclude: Vec<RawPin>,
}

/// `{ article = "…", key = "…" }`: a paragraph pinned by the reader (see `pins`).
#[derive(Deserialize)]
struct RawPin {
    article: String,
    key: String,
    /// Which of the paragraphs opening with `key`; absent: the first.
    nth: Option<usize>,
}

/// Fields a topic may carry: the three the spec names, an optional description, and the
/// paragraphs the reader pinned into it or out of it.
const KNOWN_FIELDS: &[&str] = &[
    "id",
    "label",
    "keywords",
    "description",
    "include",
    "exclude",
];

/// What an error in a topic's fields adds (a field missing, or of the wrong type), so that the
/// reader sees what a topic holds.
pub const TOPIC_SHAPE: &str = "each topic is written [[topic]], then id = \"outage\", \
     label = \"The outage\", keywords = [\"cyberattaque\", \"retard\"]";

/// Parse a topics file. `file` names it in messages.
pub fn parse_topics(file: &str, source: &str) -> Result<TopicsFile, TopicsError> {
    let at = |offset: usize, message: String| {
        let (line, column) = line_col(source, offset);
        TopicsError {
            file: file.to_owned(),
            line,
            column,
            message,
        }
    };
    check_editable(file, source)?;
    let raw: RawFile = toml::from_str(source).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, format!("{}; {TOPIC_SHAPE}", e.message().trim()))
    })?;
    let mut out = TopicsFile::default();
    out.warnings.extend(unknown_field_warnings(file, source));
    let mut seen = HashSet::new();
    for spanned in raw.topic {
        let start = spanned.span().start;
        let topic = spanned.into_inner();
        let id_at = topic.id.span().start;
        let id = topic.id.into_inner();
        if !is_valid_id(&id) {
            return Err(at(
                id_at,
                format!(
                    "topic id {id:?} may use only lowercase letters, digits, '-' and '_' \
                     (for example \"my-topic\")"
                ),
            ));
        }
        if !seen.insert(id.clone()) {
            return Err(at(
                id_at,
                format!("topic id {id:?} is defined twice; give each topic its own id"),
            ));
        }
        let keywords: Vec<String> = topic
            .keywords
            .into_iter()
            .map(|k| k.trim().to_owned())
            .filter(|k| !k.is_empty())
            .collect();
        let here = format!("{file}:{}", line_col(source, start).0);
        out.warnings.extend(keyword_warnings(&here, &id, &keywords));
        let label = topic.label.unwrap_or_else(|| id.clone());
        let description = topic.description.filter(|d| !d.trim().is_empty());
        let pins = pins_of(topic.include, topic.exclude);
        out.topics.push(TopicDef {
            id,
            label,
            keywords,
            description,
            pins,
        });
    }
    Ok(out)
}

/// Every value decoded by the parser the corrections writer edits with: a file the reader
/// loads is one the writer can edit (an integer too large for 64 bits in a field the reader
/// ignores would otherwise load here and fail only when a correction is saved).
fn check_editable(file: &str, source: &str) -> Result<(), TopicsError> {
    source
        .parse::<toml_edit::DocumentMut>()
        .map(drop)
        .map_err(|e| {
            let (line, column) = line_col(source, e.span().map_or(0, |s| s.start));
            TopicsError {
                file: file.to_owned(),
                line,
                column,
                message: e.message().trim().to_owned(),
            }
        })
}

/// The pins of a topic: those it includes, then those it excludes.
fn pins_of(include: Vec<RawPin>, exclude: Vec<RawPin>) -> Vec<Pin> {
    let pin = |include: bool| {
        move |p: RawPin| Pin {
            article: p.article,
            key: p.key,
            nth: p.nth.unwrap_or(1).max(1),
            include,
        }
    };
    (include.into_iter().map(pin(true)))
        .chain(exclude.into_iter().map(pin(false)))
        .collect()
}

/// What is wrong with a topic's keywords, though the file is valid: `at` names the file and line.
fn keyword_warnings(at: &str, id: &str, keywords: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if keywords.is_empty() {
        out.push(format!(
            "{at}: topic {id:?} has no keywords; it can only stay empty"
        ));
    }
    for k in keywords.iter().filter(|k| !can_match(k)) {
        out.push(format!(
            "{at}: topic {id:?}: keyword {k:?} is only punctuation or common words \
             (\"de\", \"the\"), so it finds nothing telling; use a word the articles use"
        ));
    }
    out
}

/// A topics file that `parse_topics` reads back as `defs`: one `[[topic]]` table each, strings
/// quoted and escaped by the TOML writer. `header` becomes comment lines at the top.
pub fn topics_file_text(header: &str, defs: &[TopicDef]) -> String {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = String::new();
    for line in header.lines() {
        out.push_str(&format!("# {line}\n"));
    }
    for def in defs {
        let keywords: Vec<String> = def.keywords.iter().map(|k| quote(k)).collect();
        out.push_str(&format!(
            "\n[[topic]]\nid = {}\nlabel = {}\nkeywords = [{}]\n",
            quote(&def.id),
            quote(&def.label),
            keywords.join(", ")
        ));
        if let Some(d) = &def.description {
            out.push_str(&format!("description = {}\n", quote(d)));
        }
        for (list, include) in [("include", true), ("exclude", false)] {
            let pins: Vec<String> = def
                .pins
                .iter()
                .filter(|p| p.include == include)
                .map(|p| {
                    let nth = if p.nth > 1 {
                        format!(", nth = {}", p.nth)
                    } else {
                        String::new()
                    };
                    format!(
                        "    {{ article = {}, key = {}{nth} }},\n",
                        quote(&p.article),
                        quote(&p.key)
                    )
                })
                .collect();
            if !pins.is_empty() {
                out.push_str(&format!("{list} = [\n{}]\n", pins.concat()));
            }
        }
    }
    out
}

/// Whether a keyword has a word that can tell paragraphs apart: one that is a common word
/// neither in French nor in English.
fn can_match(keyword: &str) -> bool {
    use crate::lang::text::{Language, tokenize};
    let french = tokenize(keyword, Language::French);
    let english = tokenize(keyword, Language::English);
    french
        .iter()
        .zip(&english)
        .any(|(f, e)| !f.is_stop() && !e.is_stop())
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Fields that synoptic does not know, each named with its line: a typo should not pass silently.
fn unknown_field_warnings(file: &str, source: &str) -> Vec<String> {
    let Ok(doc) = source.parse::<toml::Table>() else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    for key in doc.keys().filter(|k| k.as_str() != "topic") {
        warnings.push(format!("{file}: unknown top-level field {key:?} ignored"));
    }
    let Some(topics) = doc.get("topic").and_then(|t| t.as_array()) else {
        return warnings;
    };
    for topic in topics.iter().filter_map(|t| t.as_table()) {
        let id = topic.get("id").and_then(|v| v.as_str()).unwrap_or("?");
        for key in topic.keys().filter(|k| !KNOWN_FIELDS.contains(&k.as_str())) {
            warnings.push(format!(
                "{file}: topic {id:?}: unknown field {key:?} ignored (known: {})",
                KNOWN_FIELDS.join(", ")
            ));
        }
    }
    warnings
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
#[path = "topics_file_tests.rs"]
mod tests;
