//! Exports of the aligned view: plain text in columns, Markdown, JSON. Output goes to any
//! `impl Write`; choosing a file, and writing it safely, is the caller's business.

mod blocks;
mod cell;
pub mod excerpt;
mod json;
mod json_v2;
mod markdown;
mod marks;
mod pretty;
mod text;
mod text_rows;

use crate::compare::highlight::{Emphasis, highlighted};
use crate::compare::rows::{CUT_AFTER, CUT_BEFORE, Cell};
use std::io::{self, Write};

use crate::compare::agree::{Detail, Level, MemberSpans, TopicWording};
use crate::compare::synopsis::Synopsis;
use crate::input::twins::twins_of_earlier;
use crate::model::article::source_name;
use crate::model::vectors::ParaRef;
use crate::output::layout::Styled;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// The shape of the JSON export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum JsonVersion {
    /// Every span lists the articles that share it: quadratic in the sources.
    #[default]
    V1,
    /// Spans carry level and count; each topic lists its shared wording once: linear.
    V2,
}

/// Colour, as the writer of the output chooses it (ripgrep's printer model): the export says
/// which level each piece of text has, the painter gives what goes before and after it.
pub trait Painter: Sync + std::fmt::Debug {
    fn start(&self, level: Level) -> &str;
    fn end(&self, level: Level) -> &str;
}

/// What to export and how.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    pub format: Format,
    /// Only this topic (by id); all topics when `None`.
    pub topic: Option<String>,
    /// Line width for text and Markdown.
    pub width: usize,
    /// Paint shared wording instead of bracketing it (text only): the writer's colours, since
    /// the core writes no escape sequence of its own.
    pub painter: Option<&'static dyn Painter>,
    pub json_version: JsonVersion,
    /// Text and Markdown: the passages in synopsis rows (see `core::compare::rows`), passages that
    /// tell the same thing side by side, instead of each source's passages in one block.
    pub rows: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            format: Format::Text,
            topic: None,
            width: 160,
            painter: None,
            json_version: JsonVersion::V1,
            rows: false,
        }
    }
}

/// The export could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no topic with id {id:?}; known ids: {known}")]
    UnknownTopic { id: String, known: String },
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Write the export of `synopsis` to `out`.
pub fn write_export(
    synopsis: &Synopsis,
    opts: &ExportOptions,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let topics = selected_topics(synopsis, opts.topic.as_deref())?;
    match opts.format {
        Format::Json => match opts.json_version {
            JsonVersion::V1 => json::write(synopsis, &topics, out)?,
            JsonVersion::V2 => json_v2::write(synopsis, &topics, out)?,
        },
        Format::Text => text::write(synopsis, &topics, opts, out)?,
        Format::Markdown => markdown::write(synopsis, &topics, opts.rows, out)?,
    }
    out.flush()?;
    Ok(())
}

/// The sources that tell an earlier one's story word for word, named as everywhere else, in
/// one line for the head of a text or Markdown export; `None` when no source copies another.
fn copies_line(synopsis: &Synopsis) -> Option<String> {
    let articles = &synopsis.articles;
    let copies: Vec<String> = twins_of_earlier(articles)
        .iter()
        .map(|twin| {
            let how = if twin.whole {
                "word for word"
            } else {
                "nearly word for word"
            };
            format!(
                "{} tells the story of {} {how}",
                source_name(articles, twin.later),
                source_name(articles, twin.earlier)
            )
        })
        .collect();
    (!copies.is_empty()).then(|| format!("Copies: {}.", copies.join("; ")))
}

/// Indices of the topics to export.
fn selected_topics(synopsis: &Synopsis, only: Option<&str>) -> Result<Vec<usize>, ExportError> {
    match only {
        None => Ok((0..synopsis.topics.len()).collect()),
        Some(id) => {
            synopsis
                .topic_index(id)
                .map(|t| vec![t])
                .ok_or_else(|| ExportError::UnknownTopic {
                    id: id.to_owned(),
                    known: synopsis
                        .topics
                        .iter()
                        .map(|t| t.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })
        }
    }
}

/// A member's score as both JSON versions write it: three decimals are all it means.
fn rounded_score(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

/// How many sources a "does not cover" line names before it only counts the rest.
const SILENT_NAMED: usize = 12;

/// "(n): id, id, … and k more" for the sources that do not cover a topic, each id shown through
/// `show` (each format escapes in its own way); `None` when every source covers it.
fn not_covering(
    synopsis: &Synopsis,
    covering: &std::collections::BTreeSet<usize>,
    show: impl Fn(&str) -> String,
) -> Option<String> {
    let silent: Vec<usize> = (0..synopsis.articles.len())
        .filter(|a| !covering.contains(a))
        .collect();
    if silent.is_empty() {
        return None;
    }
    let mut names = silent
        .iter()
        .take(SILENT_NAMED)
        .map(|&a| show(&crate::model::article::source_name(&synopsis.articles, a)))
        .collect::<Vec<_>>()
        .join(", ");
    if silent.len() > SILENT_NAMED {
        names.push_str(&format!(" and {} more", silent.len() - SILENT_NAMED));
    }
    Some(format!("({}): {names}", silent.len()))
}

/// The pieces of one member paragraph with their agreement level.
fn leveled<'s>(
    synopsis: &'s Synopsis,
    member: &MemberSpans,
    covering: usize,
) -> Vec<Styled<&'s str, Level>> {
    let text = &synopsis.paragraph(member.at).text;
    highlighted(member, covering, Emphasis::EverySharedSpan)
        .into_iter()
        .map(|p| Styled::new(&text[p.range], p.level))
        .collect()
}

/// The pieces of the part of a member paragraph that a synopsis row shows (`cell`), with
/// their agreement level; "…" where the paragraph goes on in another row.
fn leveled_part<'s>(
    synopsis: &'s Synopsis,
    member: &MemberSpans,
    covering: usize,
    cell: &Cell,
) -> Vec<Styled<&'s str, Level>> {
    let text = &synopsis.paragraph(member.at).text;
    let part = &cell.text;
    let mut out = Vec::new();
    if let Some(echo) = cell.echo {
        out.push(Styled::new(echo.mark(), Level::Alone));
    }
    if cell.continues() {
        out.push(Styled::new(CUT_BEFORE, Level::Alone));
    }
    for p in highlighted(member, covering, Emphasis::EverySharedSpan) {
        let (start, end) = (p.range.start.max(part.start), p.range.end.min(part.end));
        if start < end {
            out.push(Styled::new(&text[start..end], p.level));
        }
    }
    if cell.goes_on(text.len()) {
        out.push(Styled::new(CUT_AFTER, Level::Alone));
    }
    out
}

/// An iterator serialised as a sequence, once: members and spans are written as they are
/// made, never collected.
struct Seq<I>(std::cell::Cell<Option<I>>);

impl<I> Seq<I> {
    fn new(items: I) -> Self {
        Seq(std::cell::Cell::new(Some(items)))
    }
}

impl<I: Iterator<Item = T>, T: serde::Serialize> serde::Serialize for Seq<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.take().into_iter().flatten())
    }
}

/// Threads that render topics at once: the machine's cores, a few at most.
fn render_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// A topic's members by article, and how many articles cover it, with the index their spans
/// are made from: a passage's spans are made as it is written and dropped after, so a topic
/// of thousands of passages never holds them all.
pub(super) struct TopicSpans<'a> {
    synopsis: &'a Synopsis,
    wording: TopicWording,
    by_article: std::collections::HashMap<usize, Vec<ParaRef>>,
    pub(super) covering: usize,
}

impl<'a> TopicSpans<'a> {
    pub(super) fn new(synopsis: &'a Synopsis, t: usize) -> Self {
        let topic = &synopsis.topics[t];
        let mut by_article: std::collections::HashMap<usize, Vec<ParaRef>> =
            std::collections::HashMap::new();
        for m in &topic.members {
            by_article.entry(m.at.article).or_default().push(m.at);
        }
        TopicSpans {
            synopsis,
            wording: TopicWording::new(&synopsis.articles, topic),
            covering: by_article.len(),
            by_article,
        }
    }

    /// The spans of `at`, a member of the topic.
    pub(super) fn member(&self, at: ParaRef) -> MemberSpans {
        self.wording
            .member(&self.synopsis.articles, at, Detail::Counts)
    }

    /// The spans of each of `article`'s members, in the topic's order, made one at a time.
    pub(super) fn of(&self, article: usize) -> impl Iterator<Item = MemberSpans> + '_ {
        let members = self.by_article.get(&article).map_or(&[][..], Vec::as_slice);
        members.iter().map(|&at| self.member(at))
    }
}
