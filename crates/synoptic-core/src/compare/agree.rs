//! Agreement across sources: for every member of a topic, which of its words the other
//! articles' members of that topic share, as spans (byte ranges) of the paragraph text.
//!
//! A word is shared with article B when B's members of the same topic contain it after
//! normalisation, in any order (telling words only: no stopwords, no one-letter words), or when
//! it sits in a run of words B has in the same order that holds at least one telling word. So
//! "de la" is never highlighted on its own, but "que la Russie n'aurait pas" is, whole.

use std::ops::Range;

use crate::lang::text::Token;
use crate::model::article::Article;
use crate::model::topic::Topic;
use crate::model::vectors::ParaRef;
use crate::parallel::map;

/// A piece of a paragraph and how many other covering articles share it. Which ones is asked of
/// the [`Agreement`], and only when it was computed with [`Detail::Lists`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    /// How many other articles covering the topic share this piece.
    pub shared: u32,
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

impl Level {
    /// The name scripts see (JSON format version 2).
    pub fn name(self) -> &'static str {
        match self {
            Level::All => "all",
            Level::Several => "several",
            Level::Alone => "none",
        }
    }
}

impl Span {
    /// `covering`: how many articles cover the topic (this one included).
    pub fn level(&self, covering: usize) -> Level {
        match self.shared as usize {
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
    /// With [`Detail::Lists`]: the sharing articles of each span, as bits over the covering
    /// articles, `width` words per span. Empty otherwise.
    bits: Vec<u64>,
}

impl MemberSpans {
    /// Spans with their counts only, as [`Detail::Counts`] keeps them.
    pub fn with_counts(at: ParaRef, spans: Vec<Span>) -> Self {
        MemberSpans {
            at,
            spans,
            bits: Vec::new(),
        }
    }
}

/// How much an agreement keeps: counts serve colour and levels; lists cost memory that grows
/// with the square of the sources, so only a writer that prints them asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Counts,
    Lists,
}

/// The agreement of one topic: spans for every member, in the topic's member order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agreement {
    pub members: Vec<MemberSpans>,
    /// The articles covering the topic, ascending: what the bits of a span refer to.
    covering: Vec<usize>,
    width: usize,
}

impl Agreement {
    /// The other articles (corpus indices, ascending) that share span `span` of `member`;
    /// `None` when the agreement was computed with [`Detail::Counts`].
    pub fn shared_with<'a>(
        &'a self,
        member: &'a MemberSpans,
        span: usize,
    ) -> Option<impl Iterator<Item = usize> + 'a> {
        let bits = member
            .bits
            .get(span * self.width..(span + 1) * self.width)?;
        Some(bits.iter().enumerate().flat_map(move |(k, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    self.covering[k * 64 + bit]
                })
            })
        }))
    }
}

mod sets;
mod wording;

pub use wording::{Entries, Formula, Formulas, WordingTable};

pub(crate) use sets::pair_key;
use sets::{TopicIndex, Width, ordered_pairs, shared_sets};

/// What a topic's members have, indexed once: spans for any of its members can then be made
/// one at a time (the reader makes them for the panes on screen only).
pub struct TopicWording {
    covering: Vec<usize>,
    width: Width,
    index: TopicIndex,
}

impl TopicWording {
    pub fn new(articles: &[Article], topic: &Topic) -> Self {
        let covering: Vec<usize> = topic.articles().into_iter().collect();
        let width = Width(covering.len().div_ceil(64).max(1));
        let members = topic.members.iter().map(|m| {
            let local = covering.binary_search(&m.at.article).unwrap_or(0);
            (local, m.at.paragraph_in(articles))
        });
        let index = TopicIndex::build(width, members);
        TopicWording {
            covering,
            width,
            index,
        }
    }

    /// The spans of the member paragraph `at` (which must be a member of the topic).
    pub fn member(&self, articles: &[Article], at: ParaRef, detail: Detail) -> MemberSpans {
        let p = at.paragraph_in(articles);
        let local = self.covering.binary_search(&at.article).unwrap_or(0);
        let sets = shared_sets(&p.tokens, local, &self.index);
        let (spans, bits) = spans_from_sets(&p.text, &p.tokens, &sets, self.width, detail);
        MemberSpans { at, spans, bits }
    }

    /// For each pair of consecutive words of member `at`, whether another covering article
    /// has them in a row: what tells a phrase carried over from a word met in passing.
    pub fn ordered_pairs(&self, articles: &[Article], at: ParaRef) -> Vec<bool> {
        let p = at.paragraph_in(articles);
        let local = self.covering.binary_search(&at.article).unwrap_or(0);
        ordered_pairs(&p.tokens, local, &self.index)
    }

    /// Spans for every member of `topic` (the topic this index was made for), in the topic's
    /// member order.
    pub fn agreement(&self, articles: &[Article], topic: &Topic, detail: Detail) -> Agreement {
        // A large topic (many members from many sources) is split over the cores.
        let members = map(&topic.members, 32, |m| self.member(articles, m.at, detail));
        Agreement {
            members,
            covering: self.covering.clone(),
            width: self.width.0,
        }
    }
}

/// Spans for every member of `topic`, in the topic's member order.
pub fn agreement(articles: &[Article], topic: &Topic, detail: Detail) -> Agreement {
    TopicWording::new(articles, topic).agreement(articles, topic, detail)
}

/// Cut the whole text into spans: tokens carry their sets; the gap between two tokens carries
/// what both share (within a sentence); text before the first and after the last token is
/// shared with nobody. Returns the spans and, with [`Detail::Lists`], their sets.
fn spans_from_sets(
    text: &str,
    tokens: &[Token],
    sets: &[u64],
    width: Width,
    detail: Detail,
) -> (Vec<Span>, Vec<u64>) {
    let w = width.0;
    let none = vec![0u64; w];
    let mut spans: Vec<Span> = Vec::new();
    let mut bits: Vec<u64> = Vec::new();
    let mut last: Vec<u64> = vec![u64::MAX; w];
    let mut push = |range: Range<usize>, set: &[u64]| {
        if range.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some(span) if last.as_slice() == set => span.range.end = range.end,
            _ => {
                let shared = set.iter().map(|b| b.count_ones()).sum();
                spans.push(Span { range, shared });
                last.copy_from_slice(set);
                if detail == Detail::Lists {
                    bits.extend_from_slice(set);
                }
            }
        }
    };
    let mut gap = vec![0u64; w];
    let mut at = 0;
    for (i, t) in tokens.iter().enumerate() {
        let mine = &sets[i * w..(i + 1) * w];
        if i > 0 && !tokens[i - 1].ends_clause() {
            let before = &sets[(i - 1) * w..i * w];
            gap.iter_mut()
                .zip(before.iter().zip(mine))
                .for_each(|(g, (a, b))| *g = a & b);
        } else {
            gap.copy_from_slice(&none);
        }
        push(at..t.start(), &gap);
        push(t.range(), mine);
        at = t.end();
    }
    push(at..text.len(), &none);
    (spans, bits)
}

#[cfg(test)]
mod tests;
