//! Rows of sentences joined back into rows of passages: a paragraph is cut where it faces two
//! different things, and stays whole where its sentences only go on beside the same passages.

use crate::compare::rows::passage::Piece;
use crate::compare::rows::{Cell, Row};

/// A cell being joined: the first and last piece it holds (consecutive pieces of one member).
type Span = (usize, usize);

/// The rows laid over pieces (`laid`: each row's piece for each source), with each row joined
/// to the one above it when one of the two brings nothing beside what the other shows: every
/// source present in both goes on with the next piece of the same member there, and the
/// sources present in one only are all in the same row. So two passages only ever face each
/// other in a joined row when they faced each other in a laid one.
pub(super) fn joined(
    laid: impl IntoIterator<Item = Vec<Option<usize>>>,
    pieces: &[Piece],
) -> Vec<Row> {
    let mut out = Vec::new();
    // The row being joined: only the last one can still take the next.
    let mut above: Option<Vec<Option<Span>>> = None;
    for row in laid {
        let row: Vec<Option<Span>> = row.into_iter().map(|c| c.map(|k| (k, k))).collect();
        match above.as_mut() {
            Some(above) if joins(above, &row, pieces) => {
                for (a, b) in above.iter_mut().zip(row) {
                    *a = match (*a, b) {
                        (Some((first, _)), Some((_, last))) => Some((first, last)),
                        (a, b) => a.or(b),
                    };
                }
            }
            _ => out.extend(above.replace(row).map(|done| finished(done, pieces))),
        }
    }
    out.extend(above.map(|done| finished(done, pieces)));
    out
}

fn finished(row: Vec<Option<Span>>, pieces: &[Piece]) -> Row {
    Row {
        echoes: vec![None; row.len()],
        cells: row
            .into_iter()
            .map(|c| c.map(|(first, last)| cell(pieces, first, last)))
            .collect(),
    }
}

fn cell(pieces: &[Piece], first: usize, last: usize) -> Cell {
    Cell {
        member: pieces[first].member,
        text: pieces[first].bytes.start..pieces[last].bytes.end,
        echo: None,
    }
}

/// Whether `row` may be joined to `above` (see [`joined`]).
fn joins(above: &[Option<Span>], row: &[Option<Span>], pieces: &[Piece]) -> bool {
    let (mut both, mut above_only, mut row_only) = (false, false, false);
    for (a, b) in above.iter().zip(row) {
        match (*a, *b) {
            (Some((_, last)), Some((next, _))) => {
                let goes_on = next == last + 1 && pieces[next].member == pieces[last].member;
                if !goes_on {
                    return false;
                }
                both = true;
            }
            (Some(_), None) => above_only = true,
            (None, Some(_)) => row_only = true,
            (None, None) => {}
        }
    }
    both && !(above_only && row_only)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of two members of three pieces each: 0, 1, 2 of member 0; 3, 4, 5 of member 1.
    fn pieces() -> Vec<Piece> {
        (0..6)
            .map(|k| Piece {
                member: k / 3,
                tokens: 0..0,
                bytes: (k % 3) * 10..(k % 3) * 10 + 9,
            })
            .collect()
    }

    /// A joined cell as (member, text).
    type Shown = Option<(usize, std::ops::Range<usize>)>;

    /// Each joined row as (member, text) per source.
    fn join(laid: &[&[Option<usize>]]) -> Vec<Vec<Shown>> {
        joined(laid.iter().map(|r| r.to_vec()), &pieces())
            .into_iter()
            .map(|r| {
                r.cells
                    .into_iter()
                    .map(|c| c.map(|c| (c.member, c.text)))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn sentences_that_go_on_beside_the_same_passage_or_nothing_are_joined() {
        assert_eq!(
            join(&[&[Some(0), Some(3)], &[Some(1), Some(4)], &[Some(2), None]]),
            [[Some((0, 0..29)), Some((1, 0..19))]]
        );
        assert_eq!(
            join(&[&[Some(0), None], &[Some(1), Some(3)]]),
            [[Some((0, 0..19)), Some((1, 0..9))]]
        );
    }

    #[test]
    fn a_paragraph_facing_two_different_passages_stays_cut() {
        assert_eq!(
            join(&[&[Some(0), Some(3), None], &[Some(1), None, Some(4)]]),
            [
                [Some((0, 0..9)), Some((1, 0..9)), None],
                [Some((0, 10..19)), None, Some((1, 10..19))]
            ]
        );
    }

    #[test]
    fn rows_of_different_sources_or_of_another_member_are_not_joined() {
        assert_eq!(
            join(&[&[Some(0), None], &[None, Some(3)]]).len(),
            2,
            "no source goes on: the two passages never faced each other"
        );
        assert_eq!(
            join(&[&[Some(2), None], &[Some(3), None]]).len(),
            2,
            "piece 3 follows piece 2 but is another member's"
        );
        assert_eq!(
            join(&[&[Some(0), None], &[Some(2), None]]).len(),
            2,
            "a piece skipped"
        );
    }
}
