//! Sentences paired with the reference: a sentence that is another version of a reference
//! sentence is diffed word by word; a quotation both carry is marked the same; everything else
//! stays plain, because two articles written apart share words by chance, not wording.

use std::collections::HashSet;
use std::time::Instant;

use super::{Change, Mark, PAIRWISE_BUDGET, PairwiseMember, WordChanges, compare};
use crate::compare::agree::pair_key;
use crate::compare::rows::passage::{dice, telling_keys};
use crate::lang::sentences::{ends_sentence, sentences};
use crate::lang::text::Token;
use crate::model::article::{Article, Paragraph};
use crate::model::topic::Topic;

/// Two sentences are versions of one when this share of their telling words is common to both
/// (Dice coefficient).
pub const NEAR_SENTENCE: f32 = 0.5;

/// A sentence needs this many telling words before it can be called another's version.
const MIN_SENTENCE_WORDS: usize = 3;

/// A run of this many words that the reference also has in a row, in one sentence, is a
/// quotation (or a phrase) both carry, wherever it stands.
pub const QUOTE_WORDS: usize = 5;

/// One sentence of a member paragraph.
struct Sentence {
    /// The member (index in the topic) and the token range within its paragraph.
    member: usize,
    tokens: std::ops::Range<usize>,
    /// Sorted, distinct keys of its telling words.
    words: Vec<u64>,
}

/// The sentences of `article`'s members of `topic`, in reading order.
fn member_sentences(articles: &[Article], topic: &Topic, article: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (m, member) in topic.members.iter().enumerate() {
        if member.at.article != article {
            continue;
        }
        let p = member.at.paragraph_in(articles);
        for s in sentences(&p.text, &p.tokens) {
            out.push(Sentence {
                member: m,
                words: telling_keys(&p.tokens[s.tokens.clone()]),
                tokens: s.tokens,
            });
        }
    }
    out
}

/// The reference sentence `s` is another version of, if any.
fn version_of(s: &Sentence, refs: &[Sentence]) -> Option<usize> {
    if s.words.len() < MIN_SENTENCE_WORDS {
        return None;
    }
    refs.iter()
        .enumerate()
        .filter(|(_, r)| r.words.len() >= MIN_SENTENCE_WORDS)
        .map(|(k, r)| (k, dice(&s.words, &r.words)))
        .filter(|&(_, d)| d >= NEAR_SENTENCE)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

/// What a word is compared by: its normalised key, except inside quotation marks, where the
/// words themselves are the fact: a quotation retold with another ending, capital or an
/// editor's bracket ("Golden Showers" / "Golden Shower", "[him]" / "him") is altered, and
/// is shown so.
fn quoted_key(text: &str, token: &Token) -> u64 {
    use std::hash::{Hash, Hasher};
    let before = &text[..token.start()];
    if !inside_quotation(before) {
        return token.hash;
    }
    // An editor's words in a quotation ("[him]", "[the president]") are not the speaker's.
    let bracketed = before.rfind('[') > before.rfind(']');
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&text[token.range()], bracketed).hash(&mut h);
    h.finish()
}

/// Whether a quotation is open at the end of `before`: more opening marks than closing ones,
/// or an odd number of straight double quotes.
fn inside_quotation(before: &str) -> bool {
    let count = |c: char| before.matches(c).count();
    count('«') > count('»') || count('“') > count('”') || count('"') % 2 == 1
}

/// Keys for every pair of consecutive words within one sentence of these members.
fn pair_keys(articles: &[Article], topic: &Topic, keep: impl Fn(usize) -> bool) -> HashSet<u64> {
    let mut keys = HashSet::new();
    for member in topic.members.iter().filter(|m| keep(m.at.article)) {
        let p = member.at.paragraph_in(articles);
        for w in p.tokens.windows(2) {
            if !ends_sentence(&p.text, &w[0], &w[1]) {
                keys.insert(pair_key(&w[0], &w[1]));
            }
        }
    }
    keys
}

/// Mark `Same` the runs of at least [`QUOTE_WORDS`] words of `tokens` (two of them telling)
/// whose every consecutive pair is in `pairs`, where nothing is marked yet.
fn mark_quotes(text: &str, tokens: &[Token], pairs: &HashSet<u64>, marks: &mut [Option<Change>]) {
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j + 1 < tokens.len()
            && !ends_sentence(text, &tokens[j], &tokens[j + 1])
            && pairs.contains(&pair_key(&tokens[j], &tokens[j + 1]))
        {
            j += 1;
        }
        let run = &tokens[i..=j];
        if run.len() >= QUOTE_WORDS && run.iter().filter(|t| t.is_telling()).count() >= 2 {
            marks[i..=j]
                .iter_mut()
                .filter(|m| m.is_none())
                .for_each(|m| *m = Some(Change::Same));
        }
        i = j + 1;
    }
}

fn paragraph_of<'a>(articles: &'a [Article], topic: &Topic, m: usize) -> &'a Paragraph {
    let at = topic.members[m].at;
    at.paragraph_in(articles)
}

/// Marks per member and token: `None` where the word stays plain.
type Marks = Vec<Vec<Option<Change>>>;

/// Diff, word by word, each sentence of the other articles that is another version of a
/// reference sentence, marking both sides.
fn mark_versions(articles: &[Article], topic: &Topic, reference: usize, marks: &mut Marks) {
    let refs = member_sentences(articles, topic, reference);
    let deadline = Instant::now() + PAIRWISE_BUDGET;
    let hashes = |x: &Sentence| -> Vec<u64> {
        let p = paragraph_of(articles, topic, x.member);
        p.tokens[x.tokens.clone()]
            .iter()
            .map(|t| quoted_key(&p.text, t))
            .collect()
    };
    for other in topic.articles().into_iter().filter(|&a| a != reference) {
        let mut last = None;
        for s in member_sentences(articles, topic, other) {
            let Some(k) = version_of(&s, &refs) else {
                continue;
            };
            let r = &refs[k];
            let WordChanges { old, new } = compare(&hashes(r), &hashes(&s), deadline);
            // A sentence told earlier in the reference than the one before it was moved.
            let moved = last.is_some_and(|l| k < l);
            last = Some(k);
            for (slot, c) in marks[s.member][s.tokens.clone()].iter_mut().zip(new) {
                *slot = Some(if moved && c == Change::Same {
                    Change::Moved
                } else {
                    c
                });
            }
            // The reference shows which of its words others retell; what they changed is
            // shown on their side, once.
            for (slot, c) in marks[r.member][r.tokens.clone()].iter_mut().zip(old) {
                if c != Change::Changed {
                    *slot = Some(slot.map_or(c, |old| super::better(old, c)));
                }
            }
        }
    }
}

/// Compare every member of `topic` with the members of article `reference`.
pub fn pairwise(articles: &[Article], topic: &Topic, reference: usize) -> Vec<PairwiseMember> {
    let mut marks: Marks = (0..topic.members.len())
        .map(|m| vec![None; paragraph_of(articles, topic, m).tokens.len()])
        .collect();
    mark_versions(articles, topic, reference, &mut marks);
    let reference_pairs = pair_keys(articles, topic, |a| a == reference);
    let other_pairs = pair_keys(articles, topic, |a| a != reference);
    for (m, member) in topic.members.iter().enumerate() {
        let p = paragraph_of(articles, topic, m);
        let pairs = if member.at.article == reference {
            &other_pairs
        } else {
            &reference_pairs
        };
        mark_quotes(&p.text, &p.tokens, pairs, &mut marks[m]);
    }
    topic
        .members
        .iter()
        .zip(marks)
        .enumerate()
        .map(|(m, (member, marks))| PairwiseMember {
            at: member.at,
            marks: paragraph_of(articles, topic, m)
                .tokens
                .iter()
                .zip(marks)
                .filter_map(|(t, c)| {
                    c.map(|change| Mark {
                        range: t.range(),
                        change,
                    })
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Articles of one paragraph each (after a title), all members of one topic.
    fn topic_of(texts: &[&str]) -> (Vec<Article>, Topic) {
        let sources: Vec<&[&str]> = texts.iter().map(std::slice::from_ref).collect();
        crate::fixtures::all_in_one_topic(&sources)
    }

    /// The words of member `m` with their marks, as "word:S/M/C" (unmarked words bare).
    fn shown(articles: &[Article], got: &[PairwiseMember], m: usize) -> Vec<String> {
        let p = &articles[got[m].at.article].paragraphs[got[m].at.paragraph];
        p.tokens
            .iter()
            .map(|t| {
                let word = &p.text[t.range()];
                match got[m]
                    .marks
                    .iter()
                    .find(|k| k.range == t.range())
                    .map(|k| k.change)
                {
                    Some(Change::Same) => format!("{word}:S"),
                    Some(Change::Moved) => format!("{word}:M"),
                    Some(Change::Changed) => format!("{word}:C"),
                    None => word.to_owned(),
                }
            })
            .collect()
    }

    #[test]
    fn an_edited_copy_shows_the_edit_and_an_unrelated_sentence_stays_plain() {
        let words = retold(
            "The storm flooded the northern harbour overnight. Officials met.",
            "The storm flooded the old northern harbour overnight. Markets rallied in Tokyo today.",
        );
        assert_eq!(
            &words[..7],
            [
                "The:S",
                "storm:S",
                "flooded:S",
                "the:S",
                "old:C",
                "northern:S",
                "harbour:S"
            ]
        );
        assert!(words[8..].iter().all(|w| !w.contains(':')), "{words:?}");
    }

    #[test]
    fn a_sentence_told_out_of_order_is_moved() {
        let words = retold(
            "Rain fell on the capital all week. The river burst its banks on Sunday.",
            "The river burst its banks on Sunday. Rain fell on the capital all week.",
        );
        assert!(words[..6].iter().all(|w| w.ends_with(":S")), "{words:?}");
        assert!(words[7..].iter().all(|w| w.ends_with(":M")), "{words:?}");
    }

    /// The words of a one-paragraph article `other` as compared with `reference`, as
    /// [`shown`] writes them.
    fn retold(reference: &str, other: &str) -> Vec<String> {
        let (articles, topic) = topic_of(&[reference, other]);
        shown(&articles, &pairwise(&articles, &topic, 0), 1)
    }

    /// The words of member `m` that carry a mark, as [`shown`] writes them.
    fn marked(articles: &[Article], got: &[PairwiseMember], m: usize) -> Vec<String> {
        let words = shown(articles, got, m).into_iter();
        words.filter(|w| w.contains(':')).collect()
    }

    #[test]
    fn a_quotation_both_carry_is_marked_inside_different_sentences() {
        // Not versions of one sentence (a third of their telling words in common): only the
        // quotation is the same wording, on both sides.
        let (articles, topic) = topic_of(&[
            "Standing in the ruined square beside the governor, the mayor promised that we will rebuild every single home before winter.",
            "Critics doubt it. Builders told reporters on Monday that we will rebuild every single home, to loud applause.",
        ]);
        let got = pairwise(&articles, &topic, 0);
        let quote = [
            "that:S",
            "we:S",
            "will:S",
            "rebuild:S",
            "every:S",
            "single:S",
            "home:S",
        ];
        assert_eq!(marked(&articles, &got, 1), quote);
        assert_eq!(marked(&articles, &got, 0), quote, "and in the reference");
    }

    #[test]
    fn a_version_is_diffed_on_both_sides_and_the_reference_shows_only_what_others_retell() {
        let (articles, topic) = topic_of(&[
            "The storm flooded the northern harbour overnight. Officials met.",
            "The storm flooded the old northern harbour overnight.",
        ]);
        let got = pairwise(&articles, &topic, 0);
        let reference = shown(&articles, &got, 0);
        assert!(
            reference[..7].iter().all(|w| w.ends_with(":S")),
            "{reference:?}"
        );
        assert_eq!(&reference[7..], ["Officials", "met"]);
        assert!(marked(&articles, &got, 1).contains(&"old:C".to_owned()));
    }

    #[test]
    fn a_sentence_of_three_telling_words_can_be_a_version_one_of_two_cannot() {
        let (articles, topic) = topic_of(&[
            "Markets fell sharply. Banks closed.",
            "Markets fell sharply. Banks closed.",
        ]);
        let got = pairwise(&articles, &topic, 0);
        assert_eq!(
            shown(&articles, &got, 1),
            ["Markets:S", "fell:S", "sharply:S", "Banks", "closed"],
            "two words in common are chance, not a version"
        );
    }

    #[test]
    fn a_sentence_told_twice_in_a_row_is_not_moved() {
        let words = retold(
            "The river burst its banks on Sunday.",
            "The river burst its banks on Sunday. The river burst its banks again on Sunday.",
        );
        assert!(words.iter().all(|w| !w.ends_with(":M")), "{words:?}");
        assert!(words.contains(&"again:C".to_owned()), "{words:?}");
    }

    #[test]
    fn french_and_curly_quotation_marks_keep_a_quotation_as_written() {
        let words = retold(
            "Le maire a promis devant la foule : « nous reconstruirons les maisons détruites » lundi.",
            "Le maire a promis devant la foule : « nous reconstruirons la maison détruite » lundi.",
        );
        assert!(words.contains(&"maison:C".to_owned()), "{words:?}");
        assert!(words.contains(&"reconstruirons:S".to_owned()), "{words:?}");
        let words = retold(
            "Trump told Comey about the “Golden Showers thing” in Moscow, the memo says.",
            "Trump told Comey about the “Golden Shower thing” in Moscow, the memo says.",
        );
        assert!(words.contains(&"Shower:C".to_owned()), "{words:?}");
        assert!(words.contains(&"memo:S".to_owned()), "{words:?}");
    }

    #[test]
    fn a_quotation_retold_with_other_words_is_altered_and_outside_quotes_endings_do_not_count() {
        let words = retold(
            "Trump told Comey about the \"Golden Showers thing\" in Moscow, the memo says.",
            "Trump told Comey about the \"Golden Shower Thing\" in Moscow, the memos say.",
        );
        assert!(words.contains(&"Shower:C".to_string()), "{words:?}");
        assert!(words.contains(&"Thing:C".to_string()), "{words:?}");
        assert!(words.contains(&"Golden:S".to_string()), "{words:?}");
        assert!(
            words.contains(&"memos:S".to_string()),
            "outside quotation marks, memo and memos are one word: {words:?}"
        );
        let words = retold(
            "He said \"I hope you can let [him] go\" to the director in February.",
            "He said \"I hope you can let him go\" to the director in February.",
        );
        assert!(words.contains(&"him:C".to_string()), "{words:?}");
        let words = retold(
            "He said \"I told [the president] he would get honesty\" at the dinner.",
            "He said \"I told the president he would get honesty\" at the dinner.",
        );
        assert!(words.contains(&"the:C".to_string()), "{words:?}");
        assert!(words.contains(&"president:C".to_string()), "{words:?}");
        assert!(words.contains(&"he:S".to_string()), "{words:?}");
    }

    #[test]
    fn an_abbreviation_does_not_end_the_sentence_it_is_compared_by() {
        // Cut at "M.", the reference's sentence would be two, and the copy's version of it
        // would show only its second half as the same.
        let words = retold(
            "Le dalaï-lama a rencontré M. Sarkozy samedi à Gdansk, en Pologne.",
            "Le dalaï-lama a rencontré le président Sarkozy samedi à Gdansk, en Pologne.",
        );
        assert_eq!(
            &words[..5],
            ["Le:S", "dalaï:S", "lama:S", "a:S", "rencontré:S"],
            "{words:?}"
        );
        assert!(words.contains(&"Sarkozy:S".to_string()), "{words:?}");
    }
}
