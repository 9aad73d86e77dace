//! The JSON export, format version 2: linear in the corpus. Spans carry their agreement level
//! and how many other articles share them; each topic lists its shared wording once (words and
//! pairs of words, with the articles that have them) and its sharing formulas once (which of
//! those entries a span is made of), and each shared span names its formula, so every version
//! 1 `shared_with` can be recomputed exactly.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::SerializeStruct;

use super::blocks::write_in_order;
use super::json::article_out;
use super::{Seq, render_workers, rounded_score};
use std::cell::RefCell;

use crate::compare::agree::{Detail, Entries, MemberSpans, TopicWording, WordingTable};
use crate::compare::figures::figures;
use crate::compare::synopsis::Synopsis;

struct TopicOut<'a> {
    synopsis: &'a Synopsis,
    t: usize,
}

impl Serialize for TopicOut<'_> {
    /// Members come before the topic's wording and formulas: they are made as members are
    /// written, so only they are ever held for the whole topic.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let synopsis = self.synopsis;
        let topic = &synopsis.topics[self.t];
        // One index of the topic's wording serves its spans and its formulas.
        let wording = TopicWording::new(&synopsis.articles, topic);
        let table = RefCell::new(WordingTable::new(&wording));
        let mut out = serializer.serialize_struct("Topic", 8)?;
        out.serialize_field("id", &topic.id)?;
        out.serialize_field("label", &topic.label)?;
        out.serialize_field("origin", &topic.origin)?;
        out.serialize_field("keywords", &topic.keywords)?;
        let covering = topic.covering_count();
        // Each member's spans are made as it is written, and dropped after.
        let members = topic.members.iter().map(|m| {
            let spans = wording.member(&synopsis.articles, m.at, Detail::Counts);
            MemberOut {
                synopsis,
                formulas: table.borrow_mut().formulas(&synopsis.articles, &spans),
                spans,
                covering,
                score: rounded_score(m.score),
            }
        });
        out.serialize_field("members", &Seq::new(members))?;
        let table = table.borrow();
        out.serialize_field("wording", &EntriesOut(table.entries()))?;
        out.serialize_field("sharing", &table.sharing().in_order())?;
        out.serialize_field("figures", &figures(synopsis, self.t))?;
        out.end()
    }
}

struct EntriesOut<'a>(&'a Entries);

impl Serialize for EntriesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // `[words, articles]`: a topic of a thousand articles has a hundred thousand entries.
        serializer.collect_seq(self.0.iter())
    }
}

struct MemberOut<'a> {
    synopsis: &'a Synopsis,
    spans: MemberSpans,
    formulas: Vec<Option<u32>>,
    covering: usize,
    score: f64,
}

/// A span as `[text, level, shared]`, or `[text, level, shared, formula]` when other articles
/// share it (`formula` numbers the topic's `sharing`): a thousand articles make a million
/// spans, and field names would double their size.
struct SpanOut<'a> {
    text: &'a str,
    level: &'static str,
    shared: u32,
    sharing: Option<u32>,
}

impl Serialize for SpanOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut out = serializer.serialize_tuple(3 + usize::from(self.sharing.is_some()))?;
        out.serialize_element(self.text)?;
        out.serialize_element(self.level)?;
        out.serialize_element(&self.shared)?;
        if let Some(sharing) = &self.sharing {
            out.serialize_element(sharing)?;
        }
        out.end()
    }
}

impl Serialize for MemberOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let at = self.spans.at;
        let text = &self.synopsis.paragraph(at).text;
        let mut out = serializer.serialize_struct("Member", 4)?;
        out.serialize_field("article", &self.synopsis.articles[at.article].id)?;
        out.serialize_field("paragraph", &at.paragraph)?;
        out.serialize_field("score", &self.score)?;
        let spans = self.spans.spans.iter().enumerate().map(|(k, s)| SpanOut {
            text: &text[s.range.clone()],
            level: s.level(self.covering).name(),
            shared: s.shared,
            sharing: self.formulas.get(k).copied().flatten(),
        });
        out.serialize_field("spans", &Seq::new(spans))?;
        out.end()
    }
}

/// Version 2 is for scripts: one compact line (`jq .` shows it indented). Topics are made on
/// the machine's cores and written in their order: the same bytes as one serialisation of the
/// whole document, which is never whole in memory.
pub(super) fn write(synopsis: &Synopsis, topics: &[usize], out: &mut dyn Write) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    let articles: Vec<_> = synopsis.articles.iter().map(article_out).collect();
    buffered.write_all(b"{\"version\":2,\"articles\":")?;
    serde_json::to_writer(&mut buffered, &articles).map_err(io::Error::from)?;
    buffered.write_all(b",\"topics\":[")?;
    let numbered: Vec<(usize, usize)> = topics.iter().copied().enumerate().collect();
    let render = |&(n, t): &(usize, usize), buf: &mut dyn Write| {
        if n > 0 {
            buf.write_all(b",")?;
        }
        // serde_json writes a few bytes at a time: gather them before they cross `dyn Write`.
        let mut gathered = io::BufWriter::with_capacity(1 << 16, buf);
        serde_json::to_writer(&mut gathered, &TopicOut { synopsis, t }).map_err(io::Error::from)?;
        gathered.flush()
    };
    write_in_order(&numbered, render_workers(), render, &mut buffered)?;
    buffered.write_all(b"]}\n")?;
    buffered.flush()
}
