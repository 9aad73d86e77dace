//! Agreement across sources: for every member of a topic, which of its words the other
//! articles' members of that topic share, as spans (byte ranges) of the paragraph text.
//!
//! A word is shared with article B when B's members of the same topic contain it after
//! normalisation, in any order (telling words only: no stopwords, no one-letter words), or when
//! it sits in a run of words B has in the same order that holds at least one telling word. So
//! "de la" is never highlighted on its own, but "que la Russie n'aurait pas" is, whole.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::align::{Member, Topic};
use super::article::Article;
use super::text::Token;
use super::vectors::ParaRef;

/// A piece of a paragraph and the other articles (corpus indices, sorted) that share it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    /// Shared between spans with the same set: large topics repeat the same few sets.
    pub shared_with: Arc<[usize]>,
}

/// How widely a span is shared, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Every other article that covers the topic has it.
    All,
    /// Some other articles have it.
    Several,
    /// Only this article says it.
    Alone,
}

impl Span {
    /// `covering`: how many articles cover the topic (this one included).
    pub fn level(&self, covering: usize) -> Level {
        match self.shared_with.len() {
            0 => Level::Alone,
            n if n + 1 >= covering => Level::All,
            _ => Level::Several,
        }
    }
}

/// The spans of one member paragraph; joined, their ranges cover the whole text.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberSpans {
    pub at: ParaRef,
    pub spans: Vec<Span>,
}

mod sets;

use sets::{Cheap, TopicIndex, Width, same_sentence, shared_sets};

/// Lists of articles already built, by their bits (one per thread: no locking).
type Lists = HashMap<Vec<u64>, Arc<[usize]>, Cheap>;

/// Spans for every member of `topic`, in the topic's member order.
pub fn agreement(articles: &[Article], topic: &Topic) -> Vec<MemberSpans> {
    let paragraph = |at: ParaRef| &articles[at.article].paragraphs[at.paragraph];
    let covering: Vec<usize> = topic.articles().into_iter().collect();
    let local = |article: usize| covering.binary_search(&article).unwrap_or(0);
    let width = Width(covering.len().div_ceil(64).max(1));
    let members = topic
        .members
        .iter()
        .map(|m| (local(m.at.article), paragraph(m.at)));
    let index = TopicIndex::build(width, members);
    let run = |part: &[Member]| {
        let mut lists = Lists::default();
        let one = |m: &Member| {
            let p = paragraph(m.at);
            let sets = shared_sets(&p.text, &p.tokens, local(m.at.article), &index);
            let spans = spans_from_sets(&p.text, &p.tokens, &sets, width, &covering, &mut lists);
            MemberSpans { at: m.at, spans }
        };
        part.iter().map(one).collect::<Vec<_>>()
    };
    // A large topic (many members from many sources) is split over the cores.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || topic.members.len() < 64 {
        return run(&topic.members);
    }
    let chunk = topic.members.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = topic
            .members
            .chunks(chunk)
            .map(|part| scope.spawn(|| run(part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Cut the whole text into spans: tokens carry their sets; the gap between two tokens carries
/// what both share (within a sentence); text before the first and after the last token is
/// shared with nobody.
fn spans_from_sets(
    text: &str,
    tokens: &[Token],
    sets: &[u64],
    width: Width,
    covering: &[usize],
    lists: &mut Lists,
) -> Vec<Span> {
    let w = width.0;
    let none = vec![0u64; w];
    let mut pieces: Vec<(Range<usize>, Vec<u64>)> = Vec::new();
    let mut push = |range: Range<usize>, bits: &[u64]| {
        if range.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some((last, b)) if b.as_slice() == bits => last.end = range.end,
            _ => pieces.push((range, bits.to_vec())),
        }
    };
    let mut at = 0;
    for (i, t) in tokens.iter().enumerate() {
        let mine = &sets[i * w..(i + 1) * w];
        let gap: Vec<u64> = match i {
            0 => none.clone(),
            _ if !same_sentence(text, &tokens[i - 1], t) => none.clone(),
            _ => sets[(i - 1) * w..i * w]
                .iter()
                .zip(mine)
                .map(|(a, b)| a & b)
                .collect(),
        };
        push(at..t.range.start, &gap);
        push(t.range.clone(), mine);
        at = t.range.end;
    }
    push(at..text.len(), &none);
    pieces
        .into_iter()
        .map(|(range, bits)| {
            let shared_with = lists
                .entry(bits)
                .or_insert_with_key(|bits| members_of(bits, covering).into())
                .clone();
            Span { range, shared_with }
        })
        .collect()
}

/// The corpus indices of the articles whose local bits are set.
fn members_of(bits: &[u64], covering: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, &word) in bits.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            let bit = rest.trailing_zeros() as usize;
            out.push(covering[k * 64 + bit]);
            rest &= rest - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
