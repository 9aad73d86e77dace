//! What rows compare of a passage, and how alike two passages are: their telling words, each
//! weighed by what it says in the corpus, and the quotations they carry.

use std::ops::Range;

use crate::compare::quotes::shared_runs;
use crate::compare::salience::WordWeights;
use crate::lang::text::Token;
use crate::model::article::Article;
use crate::model::topic::Topic;

/// One part of a member, as rows lay it out.
#[derive(Clone, Debug)]
pub(super) struct Piece {
    pub(super) member: usize,
    pub(super) tokens: Range<usize>,
    pub(super) bytes: Range<usize>,
}

/// Weight of a quotation two passages share (see `quotes::shared_quotes_at`), on top of
/// their words in common: the same words quoted by two sources are the surest sign that they
/// tell the same thing.
pub const QUOTE_WEIGHT: f32 = 0.5;

/// What rows compare of a passage: its telling words, and the quotations it carries.
pub(super) struct Passage {
    /// Sorted, distinct keys of its telling words.
    words: Vec<u64>,
    /// The weight of each of `words`, in the same order, and their sum.
    weights: Vec<f32>,
    weight: f32,
    /// Sorted keys of those of `words` that tell one fact (`WordWeights::tells_one_fact`).
    facts: Vec<u64>,
    /// Sorted ids of the quotations it shares with other sources.
    quotes: Vec<usize>,
}

#[cfg(test)]
impl Passage {
    /// A passage of `words` (each weighing 1) that carries the quotations `quotes`.
    pub(super) fn of(words: &[u64], quotes: &[usize]) -> Passage {
        Passage {
            words: words.to_vec(),
            weights: vec![1.0; words.len()],
            weight: words.len() as f32,
            facts: words.to_vec(),
            quotes: quotes.to_vec(),
        }
    }
}

/// How alike two passages are: the weighed share of their telling words in common, plus
/// `QUOTE_WEIGHT` when they carry a quotation in common.
pub(super) fn likeness(a: &Passage, b: &Passage) -> f32 {
    let quoted = shares_quote(a, b);
    weighted_dice(a, b) + if quoted { QUOTE_WEIGHT } else { 0.0 }
}

/// The Dice coefficient of two passages' words, each word weighing what it says of a
/// paragraph in this corpus (`WordWeights::idf_of`): the protagonists' names, in most
/// paragraphs, count for little; "Breton" or "guilty" for much.
pub(super) fn weighted_dice(a: &Passage, b: &Passage) -> f32 {
    let total = a.weight + b.weight;
    if total <= 0.0 {
        return 0.0;
    }
    let common: f32 = in_common(&a.words, &b.words)
        .map(|(i, j)| a.weights[i] + b.weights[j])
        .sum();
    common / total
}

/// The tokens of a member's paragraph.
fn tokens_of<'a>(articles: &'a [Article], topic: &Topic, member: usize) -> &'a [Token] {
    let at = topic.members[member].at;
    &at.paragraph_in(articles).tokens
}

/// The passage of each piece: its telling words, weighed by `weights`, and the quotations it
/// shares with pieces of other sources.
pub(super) fn passages(
    articles: &[Article],
    topic: &Topic,
    weights: &WordWeights,
    pieces: &[Piece],
) -> Vec<Passage> {
    let tokens = |p: &Piece| &tokens_of(articles, topic, p.member)[p.tokens.clone()];
    let mut all: Vec<Passage> = pieces
        .iter()
        .map(|p| {
            let words = content_keys(tokens(p));
            let facts = words
                .iter()
                .copied()
                .filter(|&k| weights.tells_one_fact(k))
                .collect();
            let weights: Vec<f32> = words.iter().map(|&k| weights.idf_of(k)).collect();
            Passage {
                weight: weights.iter().sum(),
                weights,
                words,
                facts,
                quotes: Vec::new(),
            }
        })
        .collect();
    let runs: Vec<(usize, &[Token])> = pieces
        .iter()
        .map(|p| (topic.members[p.member].at.article, tokens(p)))
        .collect();
    for (id, carriers) in shared_runs(&runs).into_iter().enumerate() {
        for k in carriers {
            all[k].quotes.push(id);
        }
    }
    all
}

/// Words the language uses this often or more (Zipf 6: once in a thousand words) are its
/// filler, which the stopword lists leave out ("two", "people", "fait", "plus"): two passages
/// that share only these tell nothing alike.
const FILLER_ZIPF: u8 = 60;

/// The keys rows compare a passage by: its telling words but the language's filler.
pub(super) fn content_keys(tokens: &[Token]) -> Vec<u64> {
    keys_of(tokens, |t| t.is_telling() && t.zipf_tenths() < FILLER_ZIPF)
}

/// Sorted, distinct keys of the telling words among `tokens`: what [`dice`] compares.
pub fn telling_keys(tokens: &[Token]) -> Vec<u64> {
    keys_of(tokens, Token::is_telling)
}

/// Sorted, distinct keys of the tokens `keep` accepts.
fn keys_of(tokens: &[Token], keep: impl Fn(&Token) -> bool) -> Vec<u64> {
    let mut keys: Vec<u64> = tokens.iter().filter(|t| keep(t)).map(|t| t.hash).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The Dice coefficient of two sorted, distinct key lists: the share of words they have in
/// common.
pub fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * in_common(a, b).count() as f32 / (a.len() + b.len()) as f32
}

/// The positions in `a` and in `b` (sorted, distinct keys) of each key both hold.
fn in_common<'k>(a: &'k [u64], b: &'k [u64]) -> impl Iterator<Item = (usize, usize)> + 'k {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let both = (i, j);
                    i += 1;
                    j += 1;
                    return Some(both);
                }
            }
        }
        None
    })
}

/// Whether two passages share a word that tells one fact.
pub(super) fn shares_fact(a: &Passage, b: &Passage) -> bool {
    in_common(&a.facts, &b.facts).next().is_some()
}

/// Whether two passages carry a quotation in common.
pub(super) fn shares_quote(a: &Passage, b: &Passage) -> bool {
    a.quotes.iter().any(|q| b.quotes.binary_search(q).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_common_weigh_what_each_weighs_in_its_passage() {
        let passage = |words: &[u64], weights: &[f32]| Passage {
            words: words.to_vec(),
            weights: weights.to_vec(),
            weight: weights.iter().sum(),
            facts: Vec::new(),
            quotes: Vec::new(),
        };
        let a = passage(&[1, 2], &[3.0, 1.0]);
        let b = passage(&[1, 3], &[2.0, 4.0]);
        // (3 + 2) / (4 + 6)
        assert!((weighted_dice(&a, &b) - 0.5).abs() < 1e-6);
    }

    #[test]
    fn dice_is_the_share_of_keys_in_common_and_every_common_key_is_found() {
        assert_eq!(
            in_common(&[1, 3, 5, 7], &[3, 4, 5, 7]).collect::<Vec<_>>(),
            [(1, 0), (2, 2), (3, 3)]
        );
        // 2 × 3 in common / (4 + 5)
        assert!((dice(&[1, 3, 5, 7], &[3, 4, 5, 7, 9]) - 6.0 / 9.0).abs() < 1e-6);
        assert_eq!(dice(&[], &[1]), 0.0);
        assert_eq!(dice(&[], &[]), 0.0);
    }
}
