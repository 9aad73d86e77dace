//! What to highlight in a member paragraph: its pieces, each with the agreement level it is
//! shown at. The reader (colours) and the exports (colours or marks) both ask here, so they
//! cannot disagree on what a level covers.

use std::ops::Range;

use crate::compare::agree::{Level, MemberSpans};

/// A piece of a member's text, and the level it is shown at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Range<usize>,
    pub level: Level,
}

/// Which shared wording is shown.
#[derive(Clone, Copy, Debug)]
pub enum Emphasis<'t> {
    /// Every span at its level: the exports, which are data and leave nothing out.
    EverySharedSpan,
    /// Only the shared wording inside these telling ranges (see `salience::telling_shared`),
    /// the rest plain: the reader, where marks must stay sparse enough to mean something.
    TellingOnly(&'t [Range<usize>]),
}

/// The member's text cut into pieces that together cover it, in order, each with its level
/// (`Level::Alone` for what is shown plain). No piece is empty.
pub fn highlighted(member: &MemberSpans, covering: usize, emphasis: Emphasis) -> Vec<Piece> {
    let mut out = Vec::with_capacity(member.spans.len());
    for span in &member.spans {
        let level = span.level(covering);
        let Emphasis::TellingOnly(telling) = emphasis else {
            out.push(Piece {
                range: span.range.clone(),
                level,
            });
            continue;
        };
        let mut at = span.range.start;
        // The telling ranges are few and in text order: cut the span at their edges.
        for r in telling
            .iter()
            .filter(|r| r.start < span.range.end && r.end > span.range.start)
        {
            let (from, to) = (r.start.max(span.range.start), r.end.min(span.range.end));
            out.push(Piece {
                range: at..from,
                level: Level::Alone,
            });
            out.push(Piece {
                range: from..to,
                level,
            });
            at = to;
        }
        out.push(Piece {
            range: at..span.range.end,
            level: Level::Alone,
        });
    }
    out.retain(|p| !p.range.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::agree::Span;
    use crate::model::vectors::ParaRef;

    fn member(spans: &[(Range<usize>, u32)]) -> MemberSpans {
        MemberSpans::with_counts(
            ParaRef {
                article: 0,
                paragraph: 1,
            },
            spans
                .iter()
                .map(|(range, shared)| Span {
                    range: range.clone(),
                    shared: *shared,
                })
                .collect(),
        )
    }

    fn levels(pieces: &[Piece]) -> Vec<(Range<usize>, Level)> {
        pieces.iter().map(|p| (p.range.clone(), p.level)).collect()
    }

    #[test]
    fn exports_see_every_span_at_its_level() {
        // Three covering sources: shared by 2 others is every source, by 1 is several.
        let m = member(&[(0..4, 0), (4..10, 2), (10..15, 1)]);
        assert_eq!(
            levels(&highlighted(&m, 3, Emphasis::EverySharedSpan)),
            [
                (0..4, Level::Alone),
                (4..10, Level::All),
                (10..15, Level::Several)
            ]
        );
    }

    #[test]
    fn the_reader_sees_only_the_telling_part_of_shared_spans() {
        let m = member(&[(0..4, 0), (4..10, 2), (10..15, 1)]);
        let telling = [2..6, 8..12];
        assert_eq!(
            levels(&highlighted(&m, 3, Emphasis::TellingOnly(&telling))),
            [
                // A plain span is cut at a telling edge too: two plain pieces, drawn as one.
                (0..2, Level::Alone),
                (2..4, Level::Alone),
                (4..6, Level::All),
                (6..8, Level::Alone),
                (8..10, Level::All),
                (10..12, Level::Several),
                (12..15, Level::Alone),
            ]
        );
        assert_eq!(
            levels(&highlighted(&m, 3, Emphasis::TellingOnly(&[]))),
            [
                (0..4, Level::Alone),
                (4..10, Level::Alone),
                (10..15, Level::Alone)
            ]
        );
    }
}
