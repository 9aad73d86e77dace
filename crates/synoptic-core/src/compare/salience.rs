//! How telling a piece of wording is, for presentation: shared wording that carries
//! information (a phrase, a figure, a rare name) from wording every paragraph of the event
//! holds (its protagonists and subject). The agreement data stays whole; this only decides
//! which of it a reader's eye is drawn to.

use std::collections::HashMap;

use crate::lang::hashed::FastHash;

use crate::compare::agree::Span;
use crate::model::article::{Article, Kind};
use std::ops::Range;

use crate::lang::text::Token;

/// A run of shared words is marked when the rarity of its telling words adds up to this: one
/// word found in about 1 body paragraph in 20 (ln 20 ≈ 3), or two in 1 in 5 each. The names
/// of an event's protagonists are in a third of its paragraphs or more, and weigh about 1.
pub const TELLING_RUN: f32 = 3.0;

/// A marked phrase starts and ends on a figure or on a word at least this share of
/// [`TELLING_RUN`] rare (about 1 paragraph in 7): the protagonists' names and the small words
/// at its edges are left plain.
pub const WORTHY_SHARE: f32 = 2.0 / 3.0;

/// A phrase of this many telling words another source has word for word is marked whatever
/// its words: "empêché de nombreux utilisateurs d'accéder" is a dispatch copied, though each
/// word is everyday and none is rare.
pub const VERBATIM_RUN: usize = 4;

/// A word no other source has is this source's own when it is at least this rare (the same
/// unit: in about 1 body paragraph in 20 or fewer).
pub const OWN_WORD: f32 = 3.0;

/// A word is everyday here when these articles use it less than this many times as often as
/// the language does: "sociaux", "told" (5 to 30 times), against "assassinat", "loyalty",
/// "piratage" (80 to 250 times) in the articles that tell of them.
pub const KEY_RATIO: f32 = 50.0;

/// How many body paragraphs of the corpus hold each word, how often they use it, and in how
/// many articles.
#[derive(Debug, Default)]
pub struct WordWeights {
    counts: HashMap<u64, WordCount, FastHash>,
    units: usize,
    /// Words in the body paragraphs, stopwords and figures included.
    words: usize,
}

/// What the corpus's body paragraphs hold of one word.
#[derive(Debug, Default, Clone, Copy)]
struct WordCount {
    paragraphs: u32,
    uses: u32,
    articles: u32,
    /// The last article counted in `articles`, plus one (0: none yet).
    last_article: u32,
}

/// A word tells one fact when the articles that use it use it in this many paragraphs each
/// or fewer, on average: at most one article in two uses it twice. A fact is told once per
/// source; the subject's words ("soldats", a general's name, "dossier") run through several
/// paragraphs of each. A ratio, not a count, so that it holds whether two sources or three
/// hundred tell the fact.
pub const ONE_FACT_SPREAD: f32 = 1.5;

impl WordWeights {
    pub fn new(articles: &[Article]) -> Self {
        let mut weights = WordWeights::default();
        let mut seen: Vec<u64> = Vec::new();
        for (a, article) in articles.iter().enumerate() {
            let number = u32::try_from(a + 1).unwrap_or(u32::MAX);
            for p in article.paragraphs.iter().filter(|p| p.kind == Kind::Body) {
                seen.clear();
                seen.extend(p.tokens.iter().filter(|t| t.is_telling()).map(|t| t.hash));
                seen.sort_unstable();
                for (i, &h) in seen.iter().enumerate() {
                    let entry = weights.counts.entry(h).or_default();
                    entry.uses += 1;
                    if i == 0 || seen[i - 1] != h {
                        entry.paragraphs += 1;
                        if entry.last_article != number {
                            entry.last_article = number;
                            entry.articles += 1;
                        }
                    }
                }
                weights.units += 1;
                weights.words += p.tokens.len();
            }
        }
        weights
    }

    /// Whether the word tells one fact rather than the event's subject: each article using it
    /// uses it in [`ONE_FACT_SPREAD`] paragraphs or fewer.
    pub fn tells_one_fact(&self, hash: u64) -> bool {
        self.counts
            .get(&hash)
            .is_some_and(|c| c.paragraphs as f32 <= ONE_FACT_SPREAD * c.articles as f32)
    }

    /// `ln(paragraphs / paragraphs holding the word)`: 0 for a word in every paragraph.
    pub fn rarity(&self, token: &Token) -> f32 {
        let df = self
            .counts
            .get(&token.hash)
            .map_or(1, |c| c.paragraphs)
            .max(1);
        (self.units.max(1) as f32 / df as f32).ln().max(0.0)
    }

    /// How much a word says of a paragraph, by how few of the corpus's body paragraphs hold
    /// it: `ln(1 + paragraphs / paragraphs holding it)`, about 0.7 for a word in every one.
    pub fn idf_of(&self, hash: u64) -> f32 {
        let df = self.counts.get(&hash).map_or(1, |c| c.paragraphs).max(1);
        (1.0 + self.units.max(1) as f32 / df as f32).ln()
    }

    /// How many times as often these articles use the word as the language does in general
    /// (see `Token::zipf_tenths`); infinite for a word rarer than the frequency list knows.
    pub fn keyness(&self, token: &Token) -> f32 {
        let zipf = token.zipf_tenths();
        if zipf == 0 {
            return f32::INFINITY;
        }
        let general = 10f32.powf(f32::from(zipf) / 10.0 - 9.0);
        let uses = self.counts.get(&token.hash).map_or(1, |c| c.uses).max(1);
        uses as f32 / self.words.max(1) as f32 / general
    }

    /// `level` (one of the constants above), lowered for a corpus so small that no shared word
    /// could reach it: at most three quarters of the rarity of a word two paragraphs share.
    pub fn bar(&self, level: f32) -> f32 {
        let rarest_shared = (self.units as f32 / 2.0).max(1.0).ln();
        level.min(0.75 * rarest_shared)
    }
}

/// The telling tokens of `tokens` inside `range`.
fn tokens_in<'t>(
    tokens: &'t [Token],
    range: &std::ops::Range<usize>,
) -> impl Iterator<Item = &'t Token> {
    let start = tokens.partition_point(|t| t.start() < range.start);
    tokens[start..]
        .iter()
        .take_while(move |t| t.end() <= range.end)
        .filter(|t| t.is_telling())
}

/// For each token, how many other sources share the span holding it.
fn shared_counts(tokens: &[Token], spans: &[Span]) -> Vec<u32> {
    let mut k = 0;
    tokens
        .iter()
        .map(|t| {
            while k < spans.len() && spans[k].range.end <= t.start() {
                k += 1;
            }
            spans.get(k).map_or(0, |s| s.shared)
        })
        .collect()
}

/// The byte ranges of a member paragraph whose sharing deserves a mark. A phrase another
/// source has word for word (consecutive shared words linked by `pairs`, see
/// `TopicWording::ordered_pairs`) is marked when it holds a figure or when the rarity of its
/// telling words adds up to [`TELLING_RUN`]; it is trimmed to the words that carry it, so the
/// protagonists' names and the small words around it stay plain. Everyday words weigh nothing
/// there, but a phrase of [`VERBATIM_RUN`] words rarer than the event's own is marked whatever
/// its words. A shared word met on its own is marked when it is a figure, or a name (a capital
/// inside a sentence) that rare by itself: an ordinary word two sources use apart is a
/// coincidence of vocabulary, not agreement. `covering`: the sources covering the topic.
pub fn telling_shared(
    text: &str,
    tokens: &[Token],
    pairs: &[bool],
    spans: &[Span],
    weights: &WordWeights,
    covering: usize,
) -> Vec<Range<usize>> {
    let shared = shared_counts(tokens, spans);
    let judge = Judge {
        text,
        weights,
        bar: weights.bar(TELLING_RUN),
        quoted: quotations(text),
    };
    let mut marks = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if shared[i] == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < tokens.len() && pairs.get(j).copied().unwrap_or(false) && shared[j + 1] > 0 {
            j += 1;
        }
        let every_source = |k: usize| shared[k] as usize + 1 >= covering;
        judge.mark_phrase(tokens, i..j + 1, every_source, &mut marks);
        i = j + 1;
    }
    marks
}

/// What `telling_shared` weighs words by.
struct Judge<'a> {
    text: &'a str,
    weights: &'a WordWeights,
    bar: f32,
    /// The paragraph's quotations: words other sources quote too are agreement on a
    /// quotation, everyday or not ("I need loyalty").
    quoted: Vec<Range<usize>>,
}

impl Judge<'_> {
    /// How rare a word is in these articles; an everyday word outside a quotation weighs
    /// nothing however rare.
    fn rarity(&self, t: &Token) -> f32 {
        let quoted = self.quoted.iter().any(|q| q.contains(&t.start()));
        if is_everyday(self.text, t, self.weights) && !quoted {
            0.0
        } else {
            self.weights.rarity(t)
        }
    }

    /// A figure, or a telling word rare enough to start or end a marked phrase.
    fn worthy(&self, t: &Token) -> bool {
        t.is_numeric() || (t.is_telling() && self.rarity(t) >= self.bar * WORTHY_SHARE)
    }

    /// A figure, or a telling word as rare as a worthy one, everyday or not: the words a
    /// phrase copied word for word is counted by ([`VERBATIM_RUN`]), not the event's own.
    fn beyond_event(&self, t: &Token) -> bool {
        t.is_numeric() || (t.is_telling() && self.weights.rarity(t) >= self.bar * WORTHY_SHARE)
    }

    /// Mark what deserves it of the shared phrase `tokens[run]`. `every_source(k)`: token `k`
    /// is in wording every covering source has.
    fn mark_phrase(
        &self,
        tokens: &[Token],
        run: Range<usize>,
        every_source: impl Fn(usize) -> bool,
        marks: &mut Vec<Range<usize>>,
    ) {
        let phrase = &tokens[run.clone()];
        let telling: Vec<&Token> = phrase.iter().filter(|t| t.is_telling()).collect();
        let weight: f32 = telling.iter().map(|t| self.rarity(t)).sum();
        let figure = telling.iter().any(|t| t.is_numeric());
        let verbatim = phrase.iter().filter(|t| self.beyond_event(t)).count() >= VERBATIM_RUN;
        if verbatim {
            self.mark_verbatim(tokens, run, every_source, marks);
            return;
        }
        let keep = if telling.len() >= 2 {
            figure || weight >= self.bar
        } else {
            telling
                .iter()
                .any(|t| t.is_numeric() || (is_name(self.text, t) && self.rarity(t) >= self.bar))
        };
        if keep {
            push_trimmed(phrase, |t| self.worthy(t), marks);
        }
    }

    /// Mark a phrase copied word for word, stretch by stretch of what every source has and
    /// what only some have. A short stretch every source has is marked only where its words
    /// are worthy: green there would say the sources agree on "sociaux" or on the
    /// protagonists' names. A long one is a quotation they all carry, marked whole.
    fn mark_verbatim(
        &self,
        tokens: &[Token],
        run: Range<usize>,
        every_source: impl Fn(usize) -> bool,
        marks: &mut Vec<Range<usize>>,
    ) {
        let mut k = run.start;
        while k < run.end {
            let (from, all) = (k, every_source(k));
            while k < run.end && every_source(k) == all {
                k += 1;
            }
            let stretch = &tokens[from..k];
            let long = stretch.iter().filter(|t| self.beyond_event(t)).count() >= VERBATIM_RUN;
            if !all || long {
                push_trimmed(stretch, Token::is_telling, marks);
            } else {
                for words in stretch.split(|t| !t.is_stop() && !self.worthy(t)) {
                    push_trimmed(words, |t| self.worthy(t), marks);
                }
            }
        }
    }
}

/// The range of `phrase` from its first to its last token that `edge` accepts, if any.
fn push_trimmed(phrase: &[Token], edge: impl Fn(&Token) -> bool, marks: &mut Vec<Range<usize>>) {
    let first = phrase.iter().position(&edge);
    let last = phrase.iter().rposition(&edge);
    if let (Some(first), Some(last)) = (first, last) {
        marks.push(phrase[first].start()..phrase[last].end());
    }
}

/// The byte ranges of `text` between quotation marks: « », “ ” and straight double quotes. A
/// quotation left open runs to the end (a quoted paragraph that goes on in the next).
fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        let closes = match open {
            Some((_, '«')) => c == '»',
            Some((_, '“')) => c == '”',
            Some((_, _)) => c == '"',
            None => false,
        };
        if let (true, Some((from, _))) = (closes, open) {
            out.push(from..i);
            open = None;
        } else if open.is_none() && matches!(c, '«' | '“' | '"') {
            open = Some((i, c));
        }
    }
    if let Some((from, _)) = open {
        out.push(from..text.len());
    }
    out
}

/// A word of everyday language ("told", "rapidement"), not written as a name, that these
/// articles use no more than the language does ([`KEY_RATIO`]): rare as it may be in a few
/// articles, a reader does not notice it.
fn is_everyday(text: &str, token: &Token, weights: &WordWeights) -> bool {
    !token.is_numeric() && weights.keyness(token) < KEY_RATIO && !is_name(text, token)
}

/// A word written with a capital inside a sentence: a name ("Breton", "Unesco"), not the
/// first word of a sentence.
fn is_name(text: &str, token: &Token) -> bool {
    let capital = text[token.range()].starts_with(char::is_uppercase);
    let before = text[..token.start()].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '«' | '“' | '‘' | '\'' | '(' | '[')
    });
    capital && !before.is_empty() && !before.ends_with(['.', '!', '?', ':', '…'])
}

/// The byte ranges of words no other covering source has that are this source's own: its
/// figures, and words rare in the corpus ([`OWN_WORD`]) that are no everyday words.
pub fn own_words(
    text: &str,
    tokens: &[Token],
    spans: &[Span],
    weights: &WordWeights,
) -> Vec<std::ops::Range<usize>> {
    spans
        .iter()
        .filter(|s| s.shared == 0)
        .flat_map(|s| tokens_in(tokens, &s.range))
        .filter(|t| {
            t.is_numeric()
                || (!is_everyday(text, t, weights) && weights.rarity(t) >= weights.bar(OWN_WORD))
        })
        .map(Token::range)
        .collect()
}

#[cfg(test)]
#[path = "salience_tests.rs"]
mod tests;
