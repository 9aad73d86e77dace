//! The echoes that join what the first ones leave apart: two sentences of different sources
//! that tell one fact in the same words and that no row shows together. A source that tells
//! two facts in one sentence faces the other sources' telling of one of them only; the
//! sentence is repeated beside the other.

use std::collections::HashMap;

use crate::compare::rows::Row;
use crate::compare::rows::echo::{beside_own, placed, repeat, tell_alike};
use crate::compare::rows::passage::{Passage, Piece};

/// `rows` with echoes added until every two pieces of different sources that tell alike
/// (`echo::tell_alike`) sit on one row, their own or an echo's, or none can be added: each
/// time, the piece repeated beside the row that holds the most sources it has not met yet,
/// and on a tie the later piece, repeated above, as the first echoes do. A source keeps one
/// echo a row and is never repeated beside its own paragraph. `column` gives each piece's
/// source.
pub(super) fn met(
    mut rows: Vec<Row>,
    pieces: &[Piece],
    all: &[Passage],
    column: &[usize],
) -> Vec<Row> {
    let home = placed(&rows, pieces, column);
    let mut alike = Vec::new();
    for p in 0..pieces.len() {
        for q in p + 1..pieces.len() {
            if column[p] != column[q] && tell_alike(&all[p], &all[q]) {
                alike.push((p, q));
            }
        }
    }
    if alike.is_empty() {
        return rows;
    }
    let mut on = rows_holding(&rows, pieces, column, &home);
    while let Some((p, r)) = next_echo(&rows, pieces, column, &home, &on, &alike) {
        rows[r].echoes[column[p]] = Some(repeat(&pieces[p], home[p].unwrap_or(r), r));
        on[p].push(r);
    }
    rows
}

/// The rows each piece is on: its own, then those where an echo repeats it.
fn rows_holding(
    rows: &[Row],
    pieces: &[Piece],
    column: &[usize],
    home: &[Option<usize>],
) -> Vec<Vec<usize>> {
    let mut on: Vec<Vec<usize>> = home.iter().map(|h| h.iter().copied().collect()).collect();
    for (r, row) in rows.iter().enumerate() {
        for (k, echo) in row.echoes.iter().enumerate() {
            let Some(echo) = echo else { continue };
            let repeats = |p: &usize| {
                column[*p] == k && pieces[*p].member == echo.member && pieces[*p].bytes == echo.text
            };
            if let Some(p) = (0..pieces.len()).find(repeats) {
                on[p].push(r);
            }
        }
    }
    on
}

/// The next echo (piece, row) to add, if any: of the pairs in `alike` that share no row,
/// each piece may go beside the other's own row where its source has room; the one that
/// meets the most sources there, then one that goes up, then the piece standing highest, then
/// the highest row.
fn next_echo(
    rows: &[Row],
    pieces: &[Piece],
    column: &[usize],
    home: &[Option<usize>],
    on: &[Vec<usize>],
    alike: &[(usize, usize)],
) -> Option<(usize, usize)> {
    // (piece, row) → the sources it would meet there.
    let mut wanted: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for &(p, q) in alike {
        if on[p].iter().any(|r| on[q].contains(r)) {
            continue;
        }
        for (moved, beside) in [(p, q), (q, p)] {
            let Some(r) = home[beside] else { continue };
            let k = column[moved];
            let room = rows[r].echoes[k].is_none() && !beside_own(&rows[r], k, &pieces[moved]);
            if !room {
                continue;
            }
            let met = wanted.entry((moved, r)).or_default();
            if !met.contains(&column[beside]) {
                met.push(column[beside]);
            }
        }
    }
    let goes_up = |(p, r): (usize, usize)| home[p].is_some_and(|h| h > r);
    wanted
        .into_iter()
        .max_by_key(|&((p, r), ref met)| {
            (
                met.len(),
                goes_up((p, r)),
                std::cmp::Reverse(home[p]),
                std::cmp::Reverse(p),
                std::cmp::Reverse(r),
            )
        })
        .map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use crate::compare::rows::{Echo, Row, rows};
    use crate::compare::rows_measure::quotes_on_one_row;
    use crate::compare::salience::WordWeights;

    const DAM: &str = "The dam burst at dawn and muddy water flooded the valley villages.";
    const BAKER: &str = "A local baker handed out warm bread to the soaked families.";
    const RESCUE: &str = "Rescue teams pulled forty people from the flooded rooftops by noon.";
    /// Both facts in one sentence, told mostly as `RESCUE` tells the second.
    const BOTH: &str = "Rescue teams pulled forty people from the flooded rooftops by noon, hours after the dam burst at dawn.";

    #[test]
    fn a_sentence_telling_two_facts_is_repeated_beside_the_one_it_does_not_face() {
        let (articles, topic) =
            crate::fixtures::all_in_one_topic(&[&[DAM, BAKER, RESCUE], &[BOTH]]);
        let laid = rows(&articles, &topic, &[0, 1], &WordWeights::new(&articles));
        let home = |k: usize, text: &str| {
            laid.iter().position(|row| {
                row.cells[k].as_ref().is_some_and(|c| {
                    topic.members[c.member].at.paragraph_in(&articles).text == text
                })
            })
        };
        let (dam, both) = (home(0, DAM).unwrap(), home(1, BOTH).unwrap());
        assert_eq!(
            home(0, RESCUE),
            Some(both),
            "it faces the fact it tells most of"
        );
        assert!(dam < both);
        let echo = laid[dam].echoes[1]
            .as_ref()
            .expect("repeated beside the dam");
        assert_eq!(echo.echo, Some(Echo::Below), "its place is further down");
        assert_eq!(
            topic.members[echo.member].at.paragraph_in(&articles).text,
            BOTH
        );
        let echoes = laid
            .iter()
            .flat_map(|row| row.echoes.iter().flatten())
            .count();
        assert_eq!(echoes, 1, "{laid:?}");
        let (together, total) = quotes_on_one_row(&articles, &topic, &laid);
        assert_eq!(together, total, "every shared quotation on one row");
        let placed: Vec<Row> = laid.into_iter().map(Row::without_echoes).collect();
        assert!(quotes_on_one_row(&articles, &topic, &placed).0 < total);
    }
}

#[cfg(test)]
mod laid_by_hand {
    //! `met` on rows, pieces and passages written out, one rule at a time.

    use super::*;
    use crate::compare::rows::by_hand::{cell, echoes_of, piece, row};
    use crate::compare::rows::{Cell, Echo};

    /// Passages that share quotation 7 and all their words: each tells as the others do.
    fn alike(n: usize) -> Vec<Passage> {
        (0..n).map(|_| Passage::of(&[1, 2, 3], &[7])).collect()
    }

    #[test]
    fn of_two_sources_on_two_rows_the_later_is_repeated_above() {
        let rows = vec![row(&[Some(0), None]), row(&[None, Some(1)])];
        let pieces = [piece(0, 0..10), piece(1, 0..10)];
        let got = echoes_of(&met(rows, &pieces, &alike(2), &[0, 1]));
        assert_eq!(got, [vec![(1, 1, Echo::Below)], vec![]]);
    }

    #[test]
    fn one_source_is_repeated_beside_two_rather_than_two_beside_one() {
        let rows = vec![row(&[None, None, Some(2)]), row(&[Some(0), Some(1), None])];
        let pieces = [piece(0, 0..10), piece(1, 0..10), piece(2, 0..10)];
        let got = echoes_of(&met(rows, &pieces, &alike(3), &[0, 1, 2]));
        assert_eq!(got, [vec![], vec![(2, 2, Echo::Above)]]);
    }

    #[test]
    fn two_sentences_of_one_source_on_a_row_meet_one_source_not_two() {
        // Source 1 shows two sentences of one paragraph in row 1, each alike source 0's.
        let mut rows = vec![row(&[Some(0), None]), row(&[None, Some(1)])];
        rows[1].cells[1] = Some(cell(1, 0..20));
        let pieces = [piece(0, 0..10), piece(1, 0..10), piece(1, 11..20)];
        let got = echoes_of(&met(rows, &pieces, &alike(3), &[0, 1, 1]));
        // A tie, one source either way: the later goes up first, then source 0 goes down
        // for the sentence left, whose source has no room above any more.
        assert_eq!(got, [vec![(1, 1, Echo::Below)], vec![(0, 0, Echo::Above)]]);
    }

    #[test]
    fn pieces_that_share_a_row_or_tell_apart_are_left_alone() {
        let pieces = [piece(0, 0..10), piece(1, 0..10)];
        // On one row already.
        let rows = || vec![row(&[Some(0), Some(1)]), row(&[None, None])];
        let got = echoes_of(&met(rows(), &pieces, &alike(2), &[0, 1]));
        assert_eq!(got, [vec![], vec![]]);
        // Apart, but one quotation without the words: a stock phrase.
        let rows = vec![row(&[Some(0), None]), row(&[None, Some(1)])];
        let all = [Passage::of(&[1, 2, 3], &[7]), Passage::of(&[4, 5, 6], &[7])];
        assert_eq!(
            echoes_of(&met(rows, &pieces, &all, &[0, 1])),
            [vec![], vec![]]
        );
    }

    #[test]
    fn never_beside_its_own_paragraph_nor_over_another_echo() {
        // Source 0's paragraph goes on in row 1 (its second sentence, piece 2), and row 0
        // already repeats another sentence of source 1.
        let mut rows = vec![row(&[Some(0), None]), row(&[Some(0), Some(1)])];
        rows[1].cells[0] = Some(cell(0, 11..20));
        let taken = Cell {
            echo: Some(Echo::Below),
            ..cell(3, 0..10)
        };
        rows[0].echoes[1] = Some(taken.clone());
        rows.push(row(&[None, Some(3)]));
        let pieces = [
            piece(0, 0..10),
            piece(1, 0..10),
            piece(0, 11..20),
            piece(3, 0..10),
        ];
        let mut all = alike(2);
        all.extend([Passage::of(&[8], &[]), Passage::of(&[9], &[])]);
        let got = met(rows, &pieces, &all, &[0, 1, 0, 1]);
        assert_eq!(got[0].echoes[1], Some(taken), "the echo there is kept");
        assert_eq!(
            echoes_of(&got)[1],
            [],
            "row 1 holds source 0's own paragraph"
        );
    }
}
