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

use super::{MemberSpans, TopicWording};
use std::hash::BuildHasher;

use crate::lang::hashed::{Cheap, FastHash};
use crate::lang::text::{Language, Token};
use crate::model::article::{Article, Paragraph};

/// The topic's entries, flat: each is a word, or two consecutive words, and the articles
/// (corpus indices, ascending) whose members of the topic have it. One string and one list
/// for all, not two allocations an entry.
#[derive(Debug, Default)]
pub struct Entries {
    /// The normalised words of every entry, one after the other (a pair: two words and a
    /// space).
    words: String,
    articles: Vec<usize>,
    /// Where each entry ends in `words` and in `articles`.
    ends: Vec<(usize, usize)>,
}

impl Entries {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each entry's words and articles, by number.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[usize])> + '_ {
        let starts = std::iter::once((0, 0)).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|((w, a), &(w_end, a_end))| (&self.words[w..w_end], &self.articles[a..a_end]))
    }

    /// Add an entry, its words written by `words`, its articles `articles`; its number.
    fn push(
        &mut self,
        words: impl FnOnce(&mut String),
        articles: impl Iterator<Item = usize>,
    ) -> u32 {
        let id = to_u32(self.ends.len());
        words(&mut self.words);
        self.articles.extend(articles);
        self.ends.push((self.words.len(), self.articles.len()));
        id
    }
}

/// The distinct formulas of one topic's shared spans, each once, numbered in the order they
/// were first met: a thousand articles make a million shared spans but a fifth as many
/// formulas, so a span names its formula by number.
#[derive(Debug, Default)]
pub struct Formulas<H = FastHash> {
    /// Every formula, flat (entry ids, `TERM_END` after each term), one after the other.
    flat: Vec<u32>,
    /// Where each formula ends in `flat`, by number.
    ends: Vec<usize>,
    /// The first formula with each hash of its flat form, and after each formula the next one
    /// with the same hash (`NONE` for none): formulas whose hashes meet are compared whole.
    first: HashMap<u64, u32, Cheap>,
    next: Vec<u32>,
    hasher: H,
    encoded: Vec<u32>,
}

/// Closes a term in a flat formula (no entry has this number).
const TERM_END: u32 = u32::MAX;

/// No formula.
const NONE: u32 = u32::MAX;

impl<H: BuildHasher> Formulas<H> {
    /// The number of the formula `terms`, given it now if it is new.
    fn number(&mut self, terms: &Terms) -> u32 {
        self.encoded.clear();
        for k in 0..terms.count() {
            self.encoded.extend_from_slice(terms.term(k));
            self.encoded.push(TERM_END);
        }
        let hash = self.hasher.hash_one(self.encoded.as_slice());
        let mut at = self.first.get(&hash).copied().unwrap_or(NONE);
        while at != NONE {
            if self.flat_of(at) == self.encoded.as_slice() {
                return at;
            }
            at = self.next[at as usize];
        }
        let n = to_u32(self.ends.len());
        self.flat.extend_from_slice(&self.encoded);
        self.ends.push(self.flat.len());
        // The new formula goes first in its chain.
        self.next.push(self.first.insert(hash, n).unwrap_or(NONE));
        n
    }

    fn flat_of(&self, n: u32) -> &[u32] {
        let n = n as usize;
        let start = if n == 0 { 0 } else { self.ends[n - 1] };
        &self.flat[start..self.ends[n]]
    }

    /// Every formula, by number.
    pub fn in_order(&self) -> Vec<Formula<'_>> {
        (0..self.ends.len())
            .map(|n| Formula(self.flat_of(to_u32(n))))
            .collect()
    }
}

/// A union of intersections of entries: `[[0], [3, 4]]` is entry 0, or both 3 and 4.
#[derive(Clone, Copy, Debug)]
pub struct Formula<'f>(&'f [u32]);

impl<'f> Formula<'f> {
    /// Each term: the entries an article must all have.
    pub fn terms(&self) -> impl Iterator<Item = &'f [u32]> + 'f {
        self.0
            .split_inclusive(|&id| id == TERM_END)
            .map(|term| &term[..term.len() - 1])
    }
}

impl serde::Serialize for Formula<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.terms())
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Terms being worked out, flat: reused from span to span so that they cost no allocation.
#[derive(Clone, Debug, Default)]
struct Terms {
    ids: Vec<u32>,
    /// Where each term ends in `ids`.
    ends: Vec<usize>,
}

impl Terms {
    fn clear(&mut self) {
        self.ids.clear();
        self.ends.clear();
    }

    fn term(&self, k: usize) -> &[u32] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.ids[start..self.ends[k]]
    }

    fn count(&self) -> usize {
        self.ends.len()
    }

    /// What `size` measured of a nested formula: every entry, and one per term.
    fn size(&self) -> usize {
        self.ids.len() + self.ends.len()
    }

    /// Close the term made of the ids pushed since the last one, sorted and without repeats.
    fn close_term(&mut self) {
        let start = self.ends.last().copied().unwrap_or(0);
        self.ids[start..].sort_unstable();
        let mut kept = start;
        for i in start..self.ids.len() {
            if kept == start || self.ids[i] != self.ids[kept - 1] {
                self.ids[kept] = self.ids[i];
                kept += 1;
            }
        }
        self.ids.truncate(kept);
        self.ends.push(kept);
    }

    /// Drop the ids pushed since the last term closed.
    fn drop_open_term(&mut self) {
        self.ids.truncate(self.ends.last().copied().unwrap_or(0));
    }
}

/// The wording of one topic, built member by member as a writer asks for it: the entries
/// grow as the members' spans need them, and only the entries stay in memory. It reads the
/// topic's index, the one its agreement was made from.
pub struct WordingTable<'w> {
    topic: &'w TopicWording,
    ids: HashMap<Key, u32, Cheap>,
    entries: Entries,
    formulas: Formulas,
    /// Scratch terms: a span's formula, and the two sides of a gap.
    scratch: [Terms; 4],
}

impl<'w> WordingTable<'w> {
    pub fn new(topic: &'w TopicWording) -> Self {
        WordingTable {
            topic,
            ids: HashMap::default(),
            entries: Entries::default(),
            formulas: Formulas::default(),
            scratch: Default::default(),
        }
    }

    /// The number of the formula of each span of `member` (of this topic, from its
    /// agreement): none for a span shared with no other article.
    pub fn formulas(&mut self, articles: &[Article], member: &MemberSpans) -> Vec<Option<u32>> {
        let article = &articles[member.at.article];
        self.member(
            &article.paragraphs[member.at.paragraph],
            article.language,
            member,
        )
    }

    /// The entries the formulas so far refer to, by their number.
    pub fn entries(&self) -> &Entries {
        &self.entries
    }

    /// The formulas the spans so far refer to, by their number.
    pub fn sharing(&self) -> &Formulas {
        &self.formulas
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
    lang: Language,
    all: &'p [Token],
    left: Vec<Option<usize>>,
    right: Vec<Option<usize>>,
}

impl<'p> Tokens<'p> {
    fn new(text: &'p str, lang: Language, all: &'p [Token]) -> Self {
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
            lang,
            all,
            left,
            right,
        }
    }
}

impl WordingTable<'_> {
    fn member(&mut self, p: &Paragraph, lang: Language, member: &MemberSpans) -> Vec<Option<u32>> {
        let tokens = Tokens::new(&p.text, lang, &p.tokens);
        let mut out = Vec::with_capacity(member.spans.len());
        let mut formula = std::mem::take(&mut self.scratch[0]);
        let mut next = 0;
        for span in &member.spans {
            // The tokens that start inside the span.
            let first = next;
            while next < p.tokens.len() && p.tokens[next].start() < span.range.end {
                next += 1;
            }
            if span.shared > 0 {
                self.span(&tokens, first, next, &mut formula);
                out.push(Some(self.formulas.number(&formula)));
            } else {
                out.push(None);
            }
        }
        self.scratch[0] = formula;
        out
    }

    /// The smallest formula among the pieces of a span (every piece of a span has the same
    /// articles), into `out`: a telling word's entry if it holds one. `first..end`: the tokens
    /// that start inside it; none for a span that is a gap.
    fn span(&mut self, tokens: &Tokens, first: usize, end: usize, out: &mut Terms) {
        out.clear();
        if let Some(i) = (first..end).find(|&i| tokens.all[i].is_telling()) {
            out.ids.push(self.word(tokens, &tokens.all[i]));
            out.close_term();
            return;
        }
        if first == end {
            self.gap(tokens, first, out);
            return;
        }
        let mut candidate = std::mem::take(&mut self.scratch[1]);
        for i in first..end {
            self.token(tokens, i, &mut candidate);
            // The first of the smallest, as `min_by_key` would keep.
            if i == first || candidate.size() < out.size() {
                std::mem::swap(out, &mut candidate);
            }
        }
        self.scratch[1] = candidate;
    }

    /// The gap before token `i`, into `out`.
    fn gap(&mut self, tokens: &Tokens, i: usize, out: &mut Terms) {
        out.clear();
        let all = tokens.all;
        if i == 0 || i >= all.len() || all[i - 1].ends_clause() {
            return;
        }
        let mut before = std::mem::take(&mut self.scratch[2]);
        let mut after = std::mem::take(&mut self.scratch[3]);
        self.token(tokens, i - 1, &mut before);
        self.token(tokens, i, &mut after);
        for a in 0..before.count() {
            for b in 0..after.count() {
                out.ids.extend_from_slice(before.term(a));
                out.ids.extend_from_slice(after.term(b));
                out.close_term();
            }
        }
        self.scratch[2] = before;
        self.scratch[3] = after;
    }

    /// The formula of token `i`, into `out`: its entry if it is telling, else the chains of
    /// pairs to the nearest telling token on either side, within its sentence.
    fn token(&mut self, tokens: &Tokens, i: usize, out: &mut Terms) {
        out.clear();
        let t = &tokens.all[i];
        if t.is_telling() {
            out.ids.push(self.word(tokens, t));
            out.close_term();
            return;
        }
        let chains = [
            tokens.left[i].map(|l| l..=i),
            tokens.right[i].map(|r| i..=r),
        ];
        for run in chains.into_iter().flatten() {
            if self.chain(tokens, &tokens.all[run], out) {
                out.close_term();
            } else {
                out.drop_open_term();
            }
        }
    }

    /// Push the pairs along consecutive tokens onto `out`'s open term; `false` if the run
    /// crosses a sentence end (the pairs before it are entries all the same).
    fn chain(&mut self, tokens: &Tokens, run: &[Token], out: &mut Terms) -> bool {
        for w in run.windows(2) {
            if w[0].ends_clause() {
                return false;
            }
            out.ids.push(self.pair(tokens, &w[0], &w[1]));
        }
        true
    }

    fn word(&mut self, tokens: &Tokens, t: &Token) -> u32 {
        let key = Key::Word(t.hash);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let key_text = t.key(tokens.text, tokens.lang);
        let topic = self.topic;
        let articles = articles(topic, topic.index.word(t.hash));
        let id = self.entries.push(|w| w.push_str(&key_text), articles);
        self.ids.insert(key, id);
        id
    }

    fn pair(&mut self, tokens: &Tokens, a: &Token, b: &Token) -> u32 {
        let key = Key::Pair(a.hash, b.hash);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let (text, lang) = (tokens.text, tokens.lang);
        let words = |w: &mut String| {
            w.push_str(&a.key(text, lang));
            w.push(' ');
            w.push_str(&b.key(text, lang));
        };
        let topic = self.topic;
        let id = self
            .entries
            .push(words, articles(topic, topic.index.pair(a, b)));
        self.ids.insert(key, id);
        id
    }
}

/// The corpus indices of the articles covering `topic` whose bits are set.
fn articles<'b>(
    topic: &'b TopicWording,
    bits: Option<&'b [u64]>,
) -> impl Iterator<Item = usize> + 'b {
    ones(bits.unwrap_or_default()).map(|local| topic.covering[local])
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

#[cfg(test)]
#[path = "wording_tests.rs"]
mod tests;
