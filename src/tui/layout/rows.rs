//! The panes laid out in synopsis rows: passages that tell the same thing start on the same
//! line across panes, each pane in its own reading order, blank where a source has nothing.

use crate::tui::layout::panes::{member_part_lines, note_line, title};
use crate::tui::layout::view::{Ctx, Paint, PaneView, ParagraphLine};
use synoptic_core::compare::rows::rows_seen_by;
use synoptic_core::output::layout::Line;

/// The shown panes of the current topic, row by row. Every pane gets the same number of
/// lines, so that scrolling them together keeps the rows facing.
pub(super) fn row_panes(app: &Ctx) -> Vec<PaneView> {
    let shown = &app.shape.articles;
    let width = app.shape.inner_width;
    let mut panes: Vec<PaneView> = shown
        .iter()
        .map(|&a| PaneView {
            article: a,
            title: title(app, a),
            ..Default::default()
        })
        .collect();
    let (Some(topic), Some(weights)) = (
        app.synopsis.topics.get(app.shape.topic),
        app.caches.weights(),
    ) else {
        return panes;
    };
    for (r, row) in rows_seen_by(&app.synopsis.articles, topic, shown, weights)
        .iter()
        .enumerate()
    {
        let mut cells: Vec<_> = row
            .cells
            .iter()
            .map(|c| {
                c.as_ref().map_or_else(Vec::new, |part| {
                    member_part_lines(app, &topic.members[part.member], part, width)
                })
            })
            .collect();
        if let Some(key) = &app.shape.fold {
            let mut passages = cells.iter_mut().filter(|c| !c.is_empty());
            if let (Some(alone), None) = (passages.next(), passages.next()) {
                fold(alone, key);
            }
        }
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        for ((pane, lines), cell) in panes.iter_mut().zip(cells).zip(&row.cells) {
            if r > 0 {
                pane.lines.push(Line::blank());
            }
            if let Some(part) = cell {
                pane.covers = true;
                // A paragraph cut across rows is found at its first part.
                if !part.continues() {
                    pane.paragraph_lines.push(ParagraphLine {
                        paragraph: topic.members[part.member].at.paragraph,
                        line: pane.lines.len(),
                    });
                }
            }
            let pad = height - lines.len();
            pane.lines.extend(lines);
            pane.lines
                .extend(std::iter::repeat_with(Line::blank).take(pad));
        }
    }
    for pane in panes.iter_mut().filter(|p| !p.covers) {
        let note = note_line("(does not cover this topic)");
        match pane.lines.first_mut() {
            Some(first) => *first = note,
            None => pane.lines.push(note),
        }
    }
    panes
}

/// Lines of a folded passage shown before the note that says how many more it has.
const FOLDED_SHOWN: usize = 2;

/// Cut a passage no other pane has on its row to its first lines and a note, so that it does
/// not push the next row (where sources meet) a screen down, leaving the other panes blank.
fn fold(lines: &mut Vec<Line<Paint>>, key: &str) {
    let hidden = lines.len().saturating_sub(FOLDED_SHOWN);
    if hidden < 2 {
        return;
    }
    lines.truncate(FOLDED_SHOWN);
    lines.push(note_line(&format!("⋯ {hidden} more lines ({key} unfolds)")));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize) -> Vec<Line<Paint>> {
        (0..n)
            .map(|i| Line::single(&i.to_string(), Paint::Plain))
            .collect()
    }

    #[test]
    fn a_fold_saves_two_lines_or_more_else_the_passage_stays_whole() {
        let mut three = lines(3);
        fold(&mut three, "z");
        let last: String = three[2].pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(last, "2", "one line hidden behind a note saves nothing");
        let mut four = lines(4);
        fold(&mut four, "z");
        assert_eq!(four.len(), 3);
        let note: String = four[2].pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(note, "⋯ 2 more lines (z unfolds)");
    }
}
