//! Agreement across sources: for every member of a topic, which of its words the other
//! articles' members of that topic share, as spans (byte ranges) of the paragraph text.
//!
//! A word is shared with article B when B's members of the same topic contain it after
//! normalisation, in any order (telling words only: no stopwords, no one-letter words), or when
//! it sits in a run of words B has in the same order that holds at least one telling word. So
//! "de la" is never highlighted on its own, but "que la Russie n'aurait pas" is, whole.

use std::collections::HashMap;
use std::ops::Range;

use super::align::Topic;
use super::article::{Article, Paragraph};
use super::text::Token;
use super::vectors::ParaRef;

/// A piece of a paragraph and the other articles (corpus indices, sorted) that share it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub shared_with: Vec<usize>,
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

/// Sets of articles as bits over the articles covering one topic (local indices).
#[derive(Clone, Copy)]
struct Width(usize);

fn or_into(dst: &mut [u64], src: &[u64]) {
    dst.iter_mut().zip(src).for_each(|(d, s)| *d |= s);
}

/// Which articles have each key and each pair of consecutive keys among a topic's members.
struct TopicIndex {
    width: Width,
    words: HashMap<u64, Vec<u64>>,
    pairs: HashMap<(u64, u64), Vec<u64>>,
}

impl TopicIndex {
    fn build<'p>(width: Width, members: impl Iterator<Item = (usize, &'p Paragraph)>) -> Self {
        let mut index = TopicIndex {
            width,
            words: HashMap::new(),
            pairs: HashMap::new(),
        };
        let set = |bits: &mut Vec<u64>, local: usize| {
            if bits.is_empty() {
                bits.resize(width.0, 0);
            }
            bits[local / 64] |= 1 << (local % 64);
        };
        for (local, p) in members {
            for t in &p.tokens {
                set(index.words.entry(t.hash).or_default(), local);
            }
            for w in p
                .tokens
                .windows(2)
                .filter(|w| same_sentence(&p.text, &w[0], &w[1]))
            {
                set(
                    index.pairs.entry((w[0].hash, w[1].hash)).or_default(),
                    local,
                );
            }
        }
        index
    }
}

/// Two consecutive words belong to one run only if no sentence ends between them.
fn same_sentence(text: &str, a: &Token, b: &Token) -> bool {
    !text[a.range.end..b.range.start].contains(['.', '!', '?', ';', ':', '…'])
}

/// Spans for every member of `topic`, in the topic's member order.
pub fn agreement(articles: &[Article], topic: &Topic) -> Vec<MemberSpans> {
    let paragraph = |at: ParaRef| &articles[at.article].paragraphs[at.paragraph];
    let covering: Vec<usize> = topic.articles().into_iter().collect();
    let local = |article: usize| covering.binary_search(&article).unwrap_or(0);
    let width = Width(covering.len().div_ceil(64).max(1));
    let index = TopicIndex::build(
        width,
        topic
            .members
            .iter()
            .map(|m| (local(m.at.article), paragraph(m.at))),
    );
    topic
        .members
        .iter()
        .map(|m| {
            let p = paragraph(m.at);
            let sets = shared_sets(&p.text, &p.tokens, local(m.at.article), &index);
            MemberSpans {
                at: m.at,
                spans: spans_from_sets(&p.text, &p.tokens, &sets, width, &covering),
            }
        })
        .collect()
}

/// For each token, the set of other covering articles (local bits) that share it: flat,
/// `width` words per token.
fn shared_sets(text: &str, tokens: &[Token], own: usize, index: &TopicIndex) -> Vec<u64> {
    let w = index.width.0;
    let n = tokens.len();
    let zero = vec![0u64; w];
    let mut own_mask = vec![!0u64; w];
    own_mask[own / 64] &= !(1 << (own % 64));
    // link[i]: articles that have words i and i+1 together, in one sentence.
    let mut link = vec![0u64; w * n.saturating_sub(1)];
    for i in 0..n.saturating_sub(1) {
        if same_sentence(text, &tokens[i], &tokens[i + 1])
            && let Some(bits) = index.pairs.get(&(tokens[i].hash, tokens[i + 1].hash))
        {
            link[i * w..(i + 1) * w].copy_from_slice(bits);
        }
    }
    let link_at = |i: usize| {
        if i < n.saturating_sub(1) {
            &link[i * w..(i + 1) * w]
        } else {
            &zero[..]
        }
    };
    // touch[i]: articles with a link on either side of word i.
    let mut touch = vec![0u64; w * n];
    for i in 0..n {
        let t = &mut touch[i * w..(i + 1) * w];
        or_into(t, link_at(i));
        if i > 0 {
            or_into(t, link_at(i - 1));
        }
    }
    // A word is in a run with article b when a telling word is reached from it through
    // consecutive links that b has: propagate forward and backward.
    let mut run = vec![0u64; w * n];
    let mut carry = vec![0u64; w];
    for i in 0..n {
        propagate(
            &mut carry,
            tokens[i].is_telling(),
            &touch[i * w..(i + 1) * w],
            i.checked_sub(1).map(link_at),
        );
        or_into(&mut run[i * w..(i + 1) * w], &carry);
    }
    carry.iter_mut().for_each(|c| *c = 0);
    for i in (0..n).rev() {
        propagate(
            &mut carry,
            tokens[i].is_telling(),
            &touch[i * w..(i + 1) * w],
            (i + 1 < n).then(|| link_at(i)),
        );
        or_into(&mut run[i * w..(i + 1) * w], &carry);
    }
    for (i, t) in tokens.iter().enumerate() {
        let bits = &mut run[i * w..(i + 1) * w];
        for k in 0..w {
            bits[k] &= touch[i * w + k];
        }
        if t.is_telling()
            && let Some(words) = index.words.get(&t.hash)
        {
            or_into(bits, words);
        }
        bits.iter_mut().zip(&own_mask).for_each(|(b, m)| *b &= m);
    }
    run
}

/// One step of run propagation: a telling word starts runs with every article that links to
/// it; other words continue the runs that the link behind them keeps.
fn propagate(carry: &mut [u64], telling: bool, touch: &[u64], behind: Option<&[u64]>) {
    match behind {
        Some(link) => carry.iter_mut().zip(link).for_each(|(c, l)| *c &= l),
        None => carry.iter_mut().for_each(|c| *c = 0),
    }
    if telling {
        or_into(carry, touch);
    }
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
        .map(|(range, bits)| Span {
            range,
            shared_with: members_of(&bits, covering),
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
