//! Pairwise comparison of a topic's members with one reference article. Sentences are paired
//! first (see `sentences`); only a sentence that is another version of a reference sentence is
//! diffed word by word, with `similar` (Patience on normalised token keys), to show the edit.

use std::ops::Range;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::model::vectors::ParaRef;

/// A moved block must be at least this many words, or a single word would count as moved.
const MIN_MOVED: usize = 3;

/// The time one topic's pairwise comparison may take: past it, `similar` returns a coarser
/// diff, so that a topic of thousands of paragraphs never freezes the reader.
pub const PAIRWISE_BUDGET: Duration = Duration::from_millis(150);

/// A moved block is looked for among at most this many earlier places of its first word.
const MOVE_CANDIDATES: usize = 32;

/// How a word compares with the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// In a sentence (or a quotation) the reference tells too, in the same order.
    Same,
    /// In a sentence the reference tells too, but elsewhere.
    Moved,
    /// Edited: this sentence is another version of a reference sentence, and this word
    /// differs.
    Changed,
}

/// One word's place in the original text and how it compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    pub change: Change,
}

/// The marks of one member paragraph, in text order (marked words only: a sentence the
/// reference does not tell stays plain).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairwiseMember {
    pub at: ParaRef,
    pub marks: Vec<Mark>,
}

mod sentences;

pub use sentences::pairwise;

/// The reference keeps the closest relation any other article has to a word.
fn better(a: Change, b: Change) -> Change {
    match (a, b) {
        (Change::Same, _) | (_, Change::Same) => Change::Same,
        (Change::Moved, _) | (_, Change::Moved) => Change::Moved,
        _ => Change::Changed,
    }
}

/// How each word of two compared word streams fares.
#[derive(Debug, PartialEq)]
pub struct WordChanges {
    /// One mark per word of the old (reference) stream.
    pub old: Vec<Change>,
    /// One mark per word of the new stream.
    pub new: Vec<Change>,
}

/// Compare two word streams: marks for the old (reference) words and for the new words. Past
/// `deadline`, the diff is coarser.
pub fn compare(old: &[u64], new: &[u64], deadline: Instant) -> WordChanges {
    let mut old_marks = vec![Change::Changed; old.len()];
    let mut new_marks = vec![Change::Changed; new.len()];
    let mut deleted: Vec<Range<usize>> = Vec::new();
    let mut inserted: Vec<Range<usize>> = Vec::new();
    for op in capture_diff_slices_deadline(Algorithm::Patience, old, new, Some(deadline)) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                o.for_each(|i| old_marks[i] = Change::Same);
                n.for_each(|i| new_marks[i] = Change::Same);
            }
            DiffTag::Delete => deleted.push(o),
            DiffTag::Insert => inserted.push(n),
            DiffTag::Replace => {
                deleted.push(o);
                inserted.push(n);
            }
        }
    }
    mark_moves(
        old,
        new,
        &deleted,
        &inserted,
        &mut old_marks,
        &mut new_marks,
    );
    WordChanges {
        old: old_marks,
        new: new_marks,
    }
}

/// Blocks of inserted words that stand verbatim among the deleted ones were moved, not changed.
/// Each block is looked for only where its first word was deleted (a bounded number of
/// places), so the work grows with the words, not with their square.
fn mark_moves(
    old: &[u64],
    new: &[u64],
    deleted: &[Range<usize>],
    inserted: &[Range<usize>],
    old_marks: &mut [Change],
    new_marks: &mut [Change],
) {
    let mut places: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
    for d in deleted {
        for j in d.clone() {
            let at = places.entry(old[j]).or_default();
            if at.len() < MOVE_CANDIDATES {
                at.push((j, d.end));
            }
        }
    }
    for ins in inserted {
        let mut i = ins.start;
        while i < ins.end {
            let best = places
                .get(&new[i])
                .into_iter()
                .flatten()
                .map(|&(j, d_end)| {
                    let len = (0..)
                        .take_while(|&k| {
                            i + k < ins.end && j + k < d_end && new[i + k] == old[j + k]
                        })
                        .count();
                    (len, j)
                })
                .max_by_key(|&(len, j)| (len, std::cmp::Reverse(j)));
            match best {
                Some((len, j)) if len >= MIN_MOVED => {
                    (i..i + len).for_each(|k| new_marks[k] = Change::Moved);
                    (j..j + len).for_each(|k| old_marks[k] = Change::Moved);
                    i += len;
                }
                _ => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::text::{Language, tokenize};

    /// The deadline the reader gives a topic.
    fn soon() -> Instant {
        Instant::now() + PAIRWISE_BUDGET
    }

    fn hashes(text: &str) -> Vec<u64> {
        tokenize(text, Language::French)
            .into_iter()
            .map(|t| t.hash)
            .collect()
    }

    #[test]
    fn same_changed_and_moved() {
        use Change::*;
        let old = hashes("le chat dort sur le tapis rouge ce soir");
        let new = hashes("ce soir le chat mange sur le tapis rouge");
        let WordChanges { old: o, new: n } = compare(&old, &new, soon());
        // "ce soir" moved to the front: too short to count as a move (fewer than three words).
        assert_eq!(
            n,
            vec![
                Changed, Changed, Same, Same, Changed, Same, Same, Same, Same
            ]
        );
        assert_eq!(
            o,
            vec![
                Same, Same, Changed, Same, Same, Same, Same, Changed, Changed
            ]
        );
    }

    #[test]
    fn a_moved_block_is_recognised() {
        use Change::*;
        let old = hashes("un deux trois quatre cinq six sept");
        let new = hashes("cinq six sept un deux trois quatre");
        let WordChanges { old: o, new: n } = compare(&old, &new, soon());
        assert!(n.iter().all(|&c| c != Changed), "{n:?}");
        assert!(o.iter().all(|&c| c != Changed), "{o:?}");
        assert!(n.contains(&Moved) && n.contains(&Same));
    }

    #[test]
    fn keys_are_compared_normalised() {
        let n = compare(
            &hashes("l’attaque des États"),
            &hashes("L'attaque des Etats"),
            soon(),
        )
        .new;
        assert!(n.iter().all(|&c| c == Change::Same));
    }
}
