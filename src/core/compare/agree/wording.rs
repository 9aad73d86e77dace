//! The shared wording of a topic, factored so that its size grows with the text and not with
//! the square of the sources: each word and each pair of consecutive words once, with the
//! articles that have it, and for every shared span a formula over those entries.
//!
//! Why the formula is exact: a telling word is shared with the articles that have it; any other
//! word is shared with the articles that have every pair of consecutive words between it and
//! the nearest telling word on its left, or on its right, within its sentence; the gap between
//! two words is shared with what both words are shared with. So a span's articles are a union
//! of intersections of entries, less the span's own article.

use std::collections::HashMap;

use super::sets::{Cheap, same_sentence};
use super::{MemberSpans, TopicWording};
use crate::core::article::{Article, Paragraph};
use crate::core::text::Token;

/// A word, or two consecutive words, and the articles (corpus indices, ascending) whose members
/// of the topic have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The normalised word, or the two words separated by a space.
    pub words: String,
    pub articles: Vec<usize>,
}

/// A union of intersections of entries: `[[0], [3, 4]]` is entry 0, or both 3 and 4.
pub type Formula = Vec<Vec<u32>>;

/// The wording of one topic, built member by member as a writer asks for it: the entries
/// grow as the members' spans need them, and only the entries stay in memory. It reads the
/// topic's index, the one its agreement was made from.
pub struct WordingTable<'w> {
    topic: &'w TopicWording,
    ids: HashMap<Key, u32, Cheap>,
    entries: Vec<Entry>,
}

impl<'w> WordingTable<'w> {
    pub fn new(topic: &'w TopicWording) -> Self {
        WordingTable {
            topic,
            ids: HashMap::default(),
            entries: Vec::new(),
        }
    }

    /// A formula for each span of `member` (of this topic, from its agreement): `None` for a
    /// span shared with no other article.
    pub fn formulas(&mut self, articles: &[Article], member: &MemberSpans) -> Vec<Option<Formula>> {
        let p = &articles[member.at.article].paragraphs[member.at.paragraph];
        self.member(p, member)
    }

    /// The entries the formulas so far refer to, by their number.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// What an entry stands for: a word, or two words in a row (by their hashes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Word(u64),
    Pair(u64, u64),
}

impl std::hash::Hash for Key {
    /// Word hashes are hashes already: one mixed `u64` for the table's pass-through hasher.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(match *self {
            Key::Word(w) => w,
            Key::Pair(a, b) => (a.rotate_left(17) ^ b).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 1,
        });
    }
}

/// A paragraph's tokens with, for each, the nearest telling token on either side.
struct Tokens<'p> {
    text: &'p str,
    all: &'p [Token],
    left: Vec<Option<usize>>,
    right: Vec<Option<usize>>,
}

impl<'p> Tokens<'p> {
    fn new(text: &'p str, all: &'p [Token]) -> Self {
        let mut left = Vec::with_capacity(all.len());
        let mut last = None;
        for (i, t) in all.iter().enumerate() {
            left.push(last);
            if t.is_telling() {
                last = Some(i);
            }
        }
        let mut right = vec![None; all.len()];
        last = None;
        for (i, t) in all.iter().enumerate().rev() {
            right[i] = last;
            if t.is_telling() {
                last = Some(i);
            }
        }
        Tokens {
            text,
            all,
            left,
            right,
        }
    }
}

impl WordingTable<'_> {
    fn member(&mut self, p: &Paragraph, member: &MemberSpans) -> Vec<Option<Formula>> {
        let tokens = Tokens::new(&p.text, &p.tokens);
        let mut next = 0;
        member
            .spans
            .iter()
            .map(|span| {
                // The tokens that start inside the span.
                let first = next;
                while next < p.tokens.len() && p.tokens[next].range.start < span.range.end {
                    next += 1;
                }
                (span.shared > 0).then(|| self.span(&tokens, first, next))
            })
            .collect()
    }

    /// The smallest formula among the pieces of a span (every piece of a span has the same
    /// articles): a telling word's entry if it holds one. `first..end`: the tokens that start
    /// inside it; none for a span that is a gap.
    fn span(&mut self, tokens: &Tokens, first: usize, end: usize) -> Formula {
        if let Some(i) = (first..end).find(|&i| tokens.all[i].is_telling()) {
            return vec![vec![self.word(&tokens.all[i])]];
        }
        let own = (first..end).map(|i| self.token(tokens, i)).min_by_key(size);
        own.unwrap_or_else(|| self.gap(tokens, first))
    }

    /// The gap before token `i`.
    fn gap(&mut self, tokens: &Tokens, i: usize) -> Formula {
        let all = tokens.all;
        if i == 0 || i >= all.len() || !same_sentence(tokens.text, &all[i - 1], &all[i]) {
            return Formula::new();
        }
        let before = self.token(tokens, i - 1);
        let after = self.token(tokens, i);
        let mut out = Formula::new();
        for a in &before {
            for b in &after {
                let mut term: Vec<u32> = a.iter().chain(b).copied().collect();
                term.sort_unstable();
                term.dedup();
                out.push(term);
            }
        }
        out
    }

    fn token(&mut self, tokens: &Tokens, i: usize) -> Formula {
        let t = &tokens.all[i];
        if t.is_telling() {
            return vec![vec![self.word(t)]];
        }
        let mut out = Formula::new();
        let chains = [
            tokens.left[i].map(|l| l..=i),
            tokens.right[i].map(|r| i..=r),
        ];
        for run in chains.into_iter().flatten() {
            if let Some(chain) = self.chain(tokens.text, &tokens.all[run]) {
                out.push(chain);
            }
        }
        out
    }

    /// The pairs along consecutive tokens, if they are all in one sentence.
    fn chain(&mut self, text: &str, run: &[Token]) -> Option<Vec<u32>> {
        let mut term = Vec::with_capacity(run.len() - 1);
        for w in run.windows(2) {
            if !same_sentence(text, &w[0], &w[1]) {
                return None;
            }
            term.push(self.pair(&w[0], &w[1]));
        }
        term.sort_unstable();
        term.dedup();
        Some(term)
    }

    fn word(&mut self, t: &Token) -> u32 {
        let key = Key::Word(t.hash);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let articles = self.articles(self.topic.index.word(t.hash));
        self.push(key, t.key.to_string(), articles)
    }

    fn pair(&mut self, a: &Token, b: &Token) -> u32 {
        let key = Key::Pair(a.hash, b.hash);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let articles = self.articles(self.topic.index.pair(a, b));
        self.push(key, format!("{} {}", a.key, b.key), articles)
    }

    /// The corpus indices of the covering articles whose bits are set.
    fn articles(&self, bits: Option<&[u64]>) -> Vec<usize> {
        ones(bits.unwrap_or_default())
            .map(|local| self.topic.covering[local])
            .collect()
    }

    fn push(&mut self, key: Key, words: String, articles: Vec<usize>) -> u32 {
        let id = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.entries.push(Entry { words, articles });
        self.ids.insert(key, id);
        id
    }
}

fn size(formula: &Formula) -> usize {
    formula.iter().map(Vec::len).sum::<usize>() + formula.len()
}

/// The positions of the set bits.
fn ones(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(k, &word)| {
        let mut rest = word;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                k * 64 + bit
            })
        })
    })
}
