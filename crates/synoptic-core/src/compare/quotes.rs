//! Quotations several sources carry: runs of five words that one paragraph of each of two
//! sources or more has, which rows put side by side and their measure counts.

use std::collections::HashMap;

use crate::lang::text::{Token, sequence_hash};
use crate::model::article::Article;
use crate::model::topic::Topic;

/// Words in a run that counts as a quotation carried by several sources.
pub const QUOTE_WORDS: usize = 5;

/// The quotations several sources carry among `passages`, each given as its source and its
/// tokens: for every run of [`QUOTE_WORDS`] words that passages of two sources or more carry,
/// and no source twice, the passages (indices into `passages`) that carry it, in order.
pub fn shared_runs(passages: &[(usize, &[Token])]) -> Vec<Vec<usize>> {
    carried_runs(passages)
        .into_iter()
        .map(|(_, carriers)| carriers)
        .collect()
}

/// `topic`'s quotations: every run of [`QUOTE_WORDS`] words (all words, stopwords included,
/// as stems) that one member of each of two sources or more carry, and where it is in each:
/// the member and the token its run starts at. A run found in two members of one source is
/// the event's stock phrase there, not a quotation: left out.
pub fn shared_quotes_at(articles: &[Article], topic: &Topic) -> Vec<Vec<(usize, usize)>> {
    let tokens = |m: usize| {
        let at = topic.members[m].at;
        &at.paragraph_in(articles).tokens[..]
    };
    let passages: Vec<(usize, &[Token])> = (0..topic.members.len())
        .map(|m| (topic.members[m].at.article, tokens(m)))
        .collect();
    carried_runs(&passages)
        .into_iter()
        .map(|(run, carriers)| {
            carriers
                .into_iter()
                .map(|m| {
                    let at = tokens(m)
                        .windows(QUOTE_WORDS)
                        .position(|w| sequence_hash(w) == run);
                    (m, at.unwrap_or(0))
                })
                .collect()
        })
        .collect()
}

/// The runs behind [`shared_runs`], each with its hash.
fn carried_runs(passages: &[(usize, &[Token])]) -> Vec<(u64, Vec<usize>)> {
    let mut carriers: HashMap<u64, Vec<usize>> = HashMap::new();
    for (k, (_, tokens)) in passages.iter().enumerate() {
        let mut runs: Vec<u64> = tokens.windows(QUOTE_WORDS).map(sequence_hash).collect();
        runs.sort_unstable();
        runs.dedup();
        for run in runs {
            carriers.entry(run).or_default().push(k);
        }
    }
    let mut quotes: Vec<(u64, Vec<usize>)> = carriers
        .into_iter()
        .filter(|(_, ks)| {
            let mut sources: Vec<usize> = ks.iter().map(|&k| passages[k].0).collect();
            sources.sort_unstable();
            let n = sources.len();
            sources.dedup();
            sources.len() == n && n >= 2
        })
        .collect();
    quotes.sort_by(|a, b| a.1.cmp(&b.1));
    quotes
}

/// The members that carry each of `topic`'s quotations (see [`shared_quotes_at`]).
#[cfg(test)]
pub(crate) fn shared_quotes(articles: &[Article], topic: &Topic) -> Vec<Vec<usize>> {
    shared_quotes_at(articles, topic)
        .into_iter()
        .map(|carriers| carriers.into_iter().map(|(m, _)| m).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_twice_in_one_source_is_no_quotation() {
        let (articles, topic) = crate::fixtures::all_in_one_topic(&[
            &[
                "The state of emergency was declared at noon.",
                "The state of emergency was lifted at dusk.",
            ],
            &["The state of emergency was declared by the mayor."],
        ]);
        let quotes = shared_quotes(&articles, &topic);
        assert!(
            quotes.iter().all(|q| q.len() == 2 && q.contains(&0)),
            "{quotes:?}"
        );
    }

    #[test]
    fn paragraphs_that_share_no_run_of_five_words_carry_no_quotation() {
        let (articles, topic) = crate::fixtures::all_in_one_topic(&[
            &["The minister signed the treaty in Brussels on Monday morning."],
            &["Farmers blocked every road around the capital for three days."],
        ]);
        assert!(shared_quotes(&articles, &topic).is_empty());
    }

    #[test]
    fn among_some_passages_a_quotation_needs_two_sources_of_them() {
        let said = "We will rebuild every house in the valley, the mayor said.";
        let (articles, topic) = crate::fixtures::all_in_one_topic(&[&[said], &[said], &[said]]);
        assert_eq!(shared_quotes(&articles, &topic)[0], [0, 1, 2]);
        let tokens = |m: usize| &topic.members[m].at.paragraph_in(&articles).tokens[..];
        let two = shared_runs(&[(0, tokens(0)), (2, tokens(2))]);
        assert!(
            !two.is_empty() && two.iter().all(|q| q == &[0, 1]),
            "{two:?}"
        );
        assert!(shared_runs(&[(1, tokens(1))]).is_empty());
        assert!(
            shared_runs(&[(1, tokens(1)), (1, tokens(2))]).is_empty(),
            "two passages of one source"
        );
    }

    #[test]
    fn a_quotation_is_found_where_its_run_starts_in_each_carrier() {
        let (articles, topic) = crate::fixtures::all_in_one_topic(&[
            &["Rain fell. We will rebuild every house in the valley, the mayor said."],
            &["We will rebuild every house in the valley, he said."],
        ]);
        let at = shared_quotes_at(&articles, &topic);
        assert!(!at.is_empty());
        // "we will rebuild every house" starts at word 2 of the first, word 0 of the second.
        assert!(at.contains(&vec![(0, 2), (1, 0)]), "{at:?}");
    }
}
