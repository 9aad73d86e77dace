//! Synopsis rows: a topic's passages laid out so that those telling the same thing face each
//! other across sources, each source keeping its own reading order, as in a printed synopsis.
//! A passage with no counterpart gets a row of its own, blank opposite.

use crate::lang::text::Token;
use crate::model::article::Article;
use crate::model::topic::Topic;

/// Two passages face each other when this share of their telling words is common to both
/// (Dice coefficient): paraphrases of one fact share a fifth of their words or more, passages
/// on different facts of one event rarely do.
pub const FACING: f32 = 0.2;

/// One row: for each source asked for (in that order), the member (an index into the topic's
/// members) it shows in this row, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Option<usize>>,
}

/// Sorted, distinct keys of a member's telling words.
fn words(articles: &[Article], topic: &Topic, m: usize) -> Vec<u64> {
    let at = topic.members[m].at;
    telling_keys(&articles[at.article].paragraphs[at.paragraph].tokens)
}

/// Sorted, distinct keys of the telling words among `tokens`: what [`dice`] compares.
pub fn telling_keys(tokens: &[Token]) -> Vec<u64> {
    let mut keys: Vec<u64> = tokens
        .iter()
        .filter(|t| t.is_telling())
        .map(|t| t.hash)
        .collect();
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
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// The pairs (i, j) of an order-keeping alignment of `spine` and `other` that maximises the
/// summed likeness of its pairs, each at least [`FACING`] (dynamic programming, in the product
/// of their lengths).
fn align_pair(spine: &[Vec<u64>], other: &[Vec<u64>]) -> Vec<(usize, usize)> {
    let (rows, cols) = (spine.len(), other.len());
    let like = |i: usize, j: usize| dice(&spine[i], &other[j]);
    let mut best = vec![vec![0.0f32; cols + 1]; rows + 1];
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            let s = like(i, j);
            let pair = if s >= FACING {
                s + best[i + 1][j + 1]
            } else {
                f32::MIN
            };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < rows && j < cols {
        let s = like(i, j);
        if s >= FACING && (best[i][j] - (s + best[i + 1][j + 1])).abs() < 1e-6 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if (best[i][j] - best[i + 1][j]).abs() < 1e-6 {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Where the passages of the sources go around the spine: for each spine passage, its row's
/// cells; for each gap before spine passage `i` (`i == n`: after the last), each source's
/// passages (positions in its sequence) aligned to none.
struct Placement {
    main: Vec<Vec<Option<usize>>>,
    gaps: Vec<Vec<Vec<usize>>>,
}

fn place(seqs: &[Vec<usize>], bags: &[Vec<Vec<u64>>], spine: usize) -> Placement {
    let n = seqs[spine].len();
    let mut main: Vec<Vec<Option<usize>>> = (0..n)
        .map(|i| {
            let mut cells = vec![None; seqs.len()];
            cells[spine] = Some(seqs[spine][i]);
            cells
        })
        .collect();
    let mut gaps: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); seqs.len()]; n + 1];
    for k in (0..seqs.len()).filter(|&k| k != spine) {
        let mut pairs = align_pair(&bags[spine], &bags[k]).into_iter().peekable();
        let mut gap = 0;
        for (j, &member) in seqs[k].iter().enumerate() {
            match pairs.peek() {
                Some(&(i, paired)) if paired == j => {
                    main[i][k] = Some(member);
                    gap = i + 1;
                    pairs.next();
                }
                _ => gaps[gap][k].push(j),
            }
        }
    }
    Placement { main, gaps }
}

/// The rows of `topic` for the sources `shown`, in that order.
///
/// The source with the most passages is the spine; every other source is aligned to it in
/// reading order. Passages aligned to no spine passage sit between the rows of their
/// neighbours, sharing a row only with passages they resemble.
pub fn rows(articles: &[Article], topic: &Topic, shown: &[usize]) -> Vec<Row> {
    let seqs: Vec<Vec<usize>> = shown
        .iter()
        .map(|&a| {
            (0..topic.members.len())
                .filter(|&m| topic.members[m].at.article == a)
                .collect()
        })
        .collect();
    let Some(spine) = (0..shown.len()).max_by_key(|&k| (seqs[k].len(), std::cmp::Reverse(k)))
    else {
        return Vec::new();
    };
    let bags: Vec<Vec<Vec<u64>>> = seqs
        .iter()
        .map(|s| s.iter().map(|&m| words(articles, topic, m)).collect())
        .collect();
    let Placement { main, gaps } = place(&seqs, &bags, spine);
    let mut out = Vec::new();
    for (g, gap) in gaps.into_iter().enumerate() {
        out.extend(gap_rows(&seqs, &bags, gap));
        if let Some(cells) = main.get(g) {
            out.push(Row {
                cells: cells.clone(),
            });
        }
    }
    out
}

/// Rows for the unaligned passages between two spine rows: each passage in its own row, with
/// the first waiting passage of another source beside it when the two resemble each other.
fn gap_rows(seqs: &[Vec<usize>], bags: &[Vec<Vec<u64>>], mut waiting: Vec<Vec<usize>>) -> Vec<Row> {
    let mut out = Vec::new();
    while let Some(k) = waiting.iter().position(|q| !q.is_empty()) {
        let pivot = waiting[k].remove(0);
        let mut cells = vec![None; seqs.len()];
        cells[k] = Some(seqs[k][pivot]);
        for other in (k + 1)..seqs.len() {
            if let Some(&j) = waiting[other].first()
                && dice(&bags[k][pivot], &bags[other][j]) >= FACING
            {
                cells[other] = Some(seqs[other][j]);
                waiting[other].remove(0);
            }
        }
        out.push(Row { cells });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic_of(sources: &[&[&str]]) -> (Vec<Article>, Topic) {
        crate::fixtures::all_in_one_topic(sources)
    }

    /// Each row as the paragraph numbers of its cells (0 for a blank cell).
    fn layout(articles: &[Article], topic: &Topic) -> Vec<Vec<usize>> {
        rows(articles, topic, &[0, 1])
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.map_or(0, |m| topic.members[m].at.paragraph))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn passages_telling_the_same_face_each_other_in_reading_order() {
        let (articles, topic) = topic_of(&[
            &[
                "The dam burst at dawn and water flooded the valley villages.",
                "Rescue teams pulled forty people from rooftops by noon.",
                "The governor blamed years of neglected maintenance work.",
            ],
            &[
                "Helicopters and rescue teams lifted forty people from rooftops.",
                "A local baker handed out bread to the families.",
                "Neglected maintenance work was blamed by the governor.",
            ],
        ]);
        assert_eq!(
            layout(&articles, &topic),
            vec![vec![1, 0], vec![2, 1], vec![0, 2], vec![3, 3]],
            "the dam's burst and the baker have no counterpart: blank opposite"
        );
    }

    #[test]
    fn every_passage_appears_once_in_its_own_order() {
        let (articles, topic) = topic_of(&[
            &["Alpha beta gamma delta.", "Epsilon zeta eta theta."],
            &[
                "Epsilon zeta eta theta.",
                "Alpha beta gamma delta.",
                "Iota kappa lambda.",
            ],
        ]);
        let got = layout(&articles, &topic);
        for source in 0..2 {
            let seen: Vec<usize> = got.iter().map(|r| r[source]).filter(|&p| p > 0).collect();
            let mut sorted = seen.clone();
            sorted.sort_unstable();
            assert_eq!(seen, sorted, "source {source} keeps its order: {got:?}");
            assert_eq!(seen.len(), if source == 0 { 2 } else { 3 });
        }
    }
}
