//! How telling a piece of wording is, for presentation: shared wording that carries
//! information (a phrase, a figure, a rare name) from wording every paragraph of the event
//! holds (its protagonists and subject). The agreement data stays whole; this only decides
//! which of it a reader's eye is drawn to.

use std::collections::HashMap;

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

/// A word no other source has is this source's own when it is at least this rare (the same
/// unit: in about 1 body paragraph in 20 or fewer).
pub const OWN_WORD: f32 = 3.0;

/// How many body paragraphs of the corpus hold each word.
#[derive(Debug, Default)]
pub struct WordWeights {
    df: HashMap<u64, u32>,
    units: usize,
}

impl WordWeights {
    pub fn new(articles: &[Article]) -> Self {
        let mut weights = WordWeights::default();
        let mut seen: Vec<u64> = Vec::new();
        for p in articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .filter(|p| p.kind == Kind::Body)
        {
            seen.clear();
            seen.extend(p.tokens.iter().filter(|t| t.is_telling()).map(|t| t.hash));
            seen.sort_unstable();
            seen.dedup();
            for &h in &seen {
                *weights.df.entry(h).or_default() += 1;
            }
            weights.units += 1;
        }
        weights
    }

    /// `ln(paragraphs / paragraphs holding the word)`: 0 for a word in every paragraph.
    pub fn rarity(&self, token: &Token) -> f32 {
        let df = self.df.get(&token.hash).copied().unwrap_or(1).max(1);
        (self.units.max(1) as f32 / df as f32).ln().max(0.0)
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

/// For each token, whether the span holding it is shared with another source.
fn shared_tokens(tokens: &[Token], spans: &[Span]) -> Vec<bool> {
    let mut k = 0;
    tokens
        .iter()
        .map(|t| {
            while k < spans.len() && spans[k].range.end <= t.start() {
                k += 1;
            }
            spans.get(k).is_some_and(|s| s.shared > 0)
        })
        .collect()
}

/// The byte ranges of a member paragraph whose sharing deserves a mark. A phrase another
/// source has word for word (consecutive shared words linked by `pairs`, see
/// `TopicWording::ordered_pairs`) is marked when it holds a figure or when the rarity of its
/// telling words adds up to [`TELLING_RUN`]; it is trimmed to the words that carry it, so the
/// protagonists' names and the small words around it stay plain. A shared word met on its own
/// is marked when it is a figure, or a name (a capital inside a sentence) that rare by itself:
/// an ordinary word two sources use apart is a coincidence of vocabulary, not agreement.
pub fn telling_shared(
    text: &str,
    tokens: &[Token],
    pairs: &[bool],
    spans: &[Span],
    weights: &WordWeights,
) -> Vec<Range<usize>> {
    let bar = weights.bar(TELLING_RUN);
    let shared = shared_tokens(tokens, spans);
    let rarity = |t: &Token| weights.rarity(t);
    let worthy = |t: &Token| t.is_numeric() || (t.is_telling() && rarity(t) >= bar * WORTHY_SHARE);
    let mut marks = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !shared[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < tokens.len() && pairs.get(j).copied().unwrap_or(false) && shared[j + 1] {
            j += 1;
        }
        let phrase = &tokens[i..=j];
        let telling: Vec<&Token> = phrase.iter().filter(|t| t.is_telling()).collect();
        let weight: f32 = telling.iter().map(|t| rarity(t)).sum();
        let figure = telling.iter().any(|t| t.is_numeric());
        let keep = if telling.len() >= 2 {
            figure || weight >= bar
        } else {
            telling
                .iter()
                .any(|t| t.is_numeric() || (is_name(text, t) && rarity(t) >= bar))
        };
        let first = phrase.iter().position(&worthy);
        let last = phrase.iter().rposition(&worthy);
        if let (true, Some(first), Some(last)) = (keep, first, last) {
            marks.push(phrase[first].start()..phrase[last].end());
        }
        i = j + 1;
    }
    marks
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
/// figures, and words rare in the corpus ([`OWN_WORD`]).
pub fn own_words(
    tokens: &[Token],
    spans: &[Span],
    weights: &WordWeights,
) -> Vec<std::ops::Range<usize>> {
    spans
        .iter()
        .filter(|s| s.shared == 0)
        .flat_map(|s| tokens_in(tokens, &s.range))
        .filter(|t| t.is_numeric() || weights.rarity(t) >= weights.bar(OWN_WORD))
        .map(Token::range)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::agree::{Detail, TopicWording, agreement};
    use crate::model::topic::Topic;

    /// Two sources, each a headline and `paragraphs`; the topic holds their first paragraphs.
    fn two(a: &[&str], b: &[&str]) -> (Vec<Article>, Topic) {
        use crate::fixtures::{articles, topic};
        (articles(&[a, b]), topic([(0, 1), (1, 1)]))
    }

    /// The marked text of member `m`, piece by piece.
    fn marked(articles: &[Article], topic: &Topic, m: usize) -> Vec<String> {
        let wording = TopicWording::new(articles, topic);
        let at = topic.members[m].at;
        let member = wording.member(articles, at, Detail::Counts);
        let pairs = wording.ordered_pairs(articles, at);
        let p = &articles[at.article].paragraphs[at.paragraph];
        let weights = WordWeights::new(articles);
        telling_shared(&p.text, &p.tokens, &pairs, &member.spans, &weights)
            .into_iter()
            .map(|r| p.text[r].to_owned())
            .collect()
    }

    const FILLER: [&str; 4] = [
        "Senator Vance spoke in Ohio about the Senate.",
        "Senator Vance toured a factory in Ohio.",
        "Senator Vance met voters in Ohio again.",
        "Senator Vance left Ohio on Sunday.",
    ];

    #[test]
    fn the_event_names_every_paragraph_holds_are_not_marked_a_rare_phrase_is() {
        let mut a = vec!["Senator Vance said the harvest festival was cancelled in Ohio."];
        a.extend(FILLER);
        let mut b = vec!["In Ohio, Senator Vance said the harvest festival was over."];
        b.extend(FILLER);
        let (articles, topic) = two(&a, &b);
        let got = marked(&articles, &topic, 0);
        let joined = got.concat();
        assert!(joined.contains("harvest festival"), "{got:?}");
        assert!(!joined.contains("Ohio"), "{got:?}");
    }

    #[test]
    fn a_shared_figure_is_marked_even_among_common_words() {
        let mut a = vec!["Senator Vance in Ohio: 42."];
        a.extend(FILLER);
        let mut b = vec!["Ohio and Senator Vance, 42 again."];
        b.extend(FILLER);
        let (articles, topic) = two(&a, &b);
        assert_eq!(marked(&articles, &topic, 0).concat(), "42");
    }

    #[test]
    fn own_words_are_this_sources_figures_and_rare_words() {
        let mut a = vec!["Senator Vance praised 17 beekeepers in Ohio."];
        a.extend(FILLER);
        let mut b = vec!["Senator Vance spoke in Ohio."];
        b.extend(FILLER);
        let (articles, topic) = two(&a, &b);
        let agreement = agreement(&articles, &topic, Detail::Counts);
        let p = &articles[0].paragraphs[1];
        let weights = WordWeights::new(&articles);
        let own: Vec<&str> = own_words(&p.tokens, &agreement.members[0].spans, &weights)
            .into_iter()
            .map(|r| &p.text[r])
            .collect();
        assert_eq!(own, vec!["praised", "17", "beekeepers"]);
    }
}
