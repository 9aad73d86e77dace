//! The JSON export, format version 2: linear in the corpus. Spans carry their agreement level
//! and how many other articles share them; each topic lists its shared wording once (words and
//! pairs of words, with the articles that have them) and its sharing formulas once (which of
//! those entries a span is made of), and each shared span names its formula, so every version
//! 1 `shared_with` can be recomputed exactly.

use std::io::{self, Write};

use serde::Serialize;

use super::blocks::write_in_order;
use super::json::articles_out;
use super::{render_workers, rounded_score};

use crate::compare::agree::{Detail, Entries, MemberSpans, TopicWording, WordingTable};
use crate::compare::figures::figures;
use crate::compare::synopsis::Synopsis;
use crate::model::topic::Member;

/// Topic `t` as one JSON object. Members come before the topic's wording and formulas: they
/// are made as members are written, so only they are ever held for the whole topic. A
/// thousand articles make a million spans, so members are written by hand, the way
/// `serde_json` would write them, and everything else through `serde_json`.
fn write_topic<W: Write>(synopsis: &Synopsis, t: usize, w: &mut W) -> io::Result<()> {
    let topic = &synopsis.topics[t];
    // One index of the topic's wording serves its spans and its formulas.
    let wording = TopicWording::new(&synopsis.articles, topic);
    let mut table = WordingTable::new(&wording);
    w.write_all(b"{\"id\":")?;
    json(w, &topic.id)?;
    w.write_all(b",\"label\":")?;
    json(w, &topic.label)?;
    w.write_all(b",\"origin\":")?;
    json(w, &topic.origin)?;
    w.write_all(b",\"keywords\":")?;
    json(w, &topic.keywords)?;
    w.write_all(b",\"members\":[")?;
    let covering = topic.covering_count();
    for (k, m) in topic.members.iter().enumerate() {
        if k > 0 {
            w.write_all(b",")?;
        }
        // Each member's spans are made as it is written, and dropped after.
        let spans = wording.member(&synopsis.articles, m.at, Detail::Counts);
        let formulas = table.formulas(&synopsis.articles, &spans);
        write_member(synopsis, m, (&spans, &formulas), covering, w)?;
    }
    w.write_all(b"],\"wording\":")?;
    json(w, &EntriesOut(table.entries()))?;
    w.write_all(b",\"sharing\":")?;
    json(w, &table.sharing().in_order())?;
    w.write_all(b",\"figures\":")?;
    json(w, &figures(synopsis, t))?;
    w.write_all(b"}")
}

/// `{"article", "paragraph", "score", "spans"}`, `spans` with the formula of each.
fn write_member<W: Write>(
    synopsis: &Synopsis,
    m: &Member,
    (spans, formulas): (&MemberSpans, &[Option<u32>]),
    covering: usize,
    w: &mut W,
) -> io::Result<()> {
    w.write_all(b"{\"article\":")?;
    json(w, &synopsis.articles[m.at.article].id)?;
    w.write_all(b",\"paragraph\":")?;
    json(w, &m.at.paragraph)?;
    w.write_all(b",\"score\":")?;
    json(w, &rounded_score(m.score))?;
    w.write_all(b",\"spans\":")?;
    let text = &synopsis.paragraph(m.at).text;
    write_spans(text, spans, formulas, covering, w)?;
    w.write_all(b"}")
}

/// `value` as compact JSON.
fn json<W: Write, T: Serialize + ?Sized>(w: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(w, value).map_err(io::Error::from)
}

/// Spans as `[text, level, shared]`, or `[text, level, shared, formula]` when other articles
/// share them (`formula` numbers the topic's `sharing`): field names would double their size.
fn write_spans<W: Write>(
    text: &str,
    spans: &MemberSpans,
    formulas: &[Option<u32>],
    covering: usize,
    w: &mut W,
) -> io::Result<()> {
    let mut digits = itoa::Buffer::new();
    w.write_all(b"[")?;
    for (k, span) in spans.spans.iter().enumerate() {
        w.write_all(if k > 0 { b",[" } else { b"[" })?;
        json(w, &text[span.range.clone()])?;
        w.write_all(b",\"")?;
        w.write_all(span.level(covering).name().as_bytes())?;
        w.write_all(b"\",")?;
        w.write_all(digits.format(span.shared).as_bytes())?;
        if let Some(formula) = formulas.get(k).copied().flatten() {
            w.write_all(b",")?;
            w.write_all(digits.format(formula).as_bytes())?;
        }
        w.write_all(b"]")?;
    }
    w.write_all(b"]")
}

struct EntriesOut<'a>(&'a Entries);

impl Serialize for EntriesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // `[words, articles]`: a topic of a thousand articles has a hundred thousand entries.
        serializer.collect_seq(self.0.iter())
    }
}

/// Version 2 is for scripts: one compact line (`jq .` shows it indented). Topics are made on
/// the machine's cores and written in their order: the same bytes as one serialisation of the
/// whole document, which is never whole in memory.
pub(super) fn write(synopsis: &Synopsis, topics: &[usize], out: &mut dyn Write) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    let articles = articles_out(&synopsis.articles);
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
        write_topic(synopsis, t, &mut gathered)?;
        gathered.flush()
    };
    write_in_order(&numbered, render_workers(), render, &mut buffered)?;
    buffered.write_all(b"]}\n")?;
    buffered.flush()
}
