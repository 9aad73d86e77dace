//! Rows, pieces and echoes written out by hand, for the tests of the passes over laid rows
//! (`echo`, `unmet`).

use std::ops::Range;

use crate::compare::rows::passage::Piece;
use crate::compare::rows::{Cell, Echo, Row};

/// A piece of `member`, `bytes` of its paragraph.
pub(super) fn piece(member: usize, bytes: Range<usize>) -> Piece {
    Piece {
        member,
        tokens: 0..0,
        bytes,
    }
}

/// A cell of `member` showing `text` (bytes of its paragraph), not repeated.
pub(super) fn cell(member: usize, text: Range<usize>) -> Cell {
    Cell {
        member,
        text,
        echo: None,
    }
}

/// A row of whole-paragraph cells (bytes 0..10), one per source: the member shown, if any.
pub(super) fn row(members: &[Option<usize>]) -> Row {
    Row {
        cells: members.iter().map(|m| m.map(|m| cell(m, 0..10))).collect(),
        echoes: vec![None; members.len()],
    }
}

/// Each row's echoes as (source, member, mark).
pub(super) fn echoes_of(rows: &[Row]) -> Vec<Vec<(usize, usize, Echo)>> {
    rows.iter()
        .map(|row| {
            let each = row.echoes.iter().enumerate();
            each.filter_map(|(k, c)| {
                c.as_ref()
                    .map(|c| (k, c.member, c.echo.expect("an echo is marked")))
            })
            .collect()
        })
        .collect()
}
