//! The panes laid out in synopsis rows: passages that tell the same thing start on the same
//! line across panes, each pane in its own reading order, blank where a source has nothing.

use crate::tui::layout::panes::{member_part_lines, note_line, title};
use crate::tui::layout::view::{Ctx, Paint, PaneView, ParagraphLine};
use synoptic_core::compare::rows::{CUT_AFTER, Row, rows_seen_by};
use synoptic_core::model::topic::Topic;
use synoptic_core::output::layout::Line;

/// The shown panes of the current topic, row by row. Every pane gets the same number of
/// lines, so that scrolling them together keeps the rows facing.
pub(super) fn row_panes(app: &Ctx) -> Vec<PaneView> {
    let shown = &app.shape.articles;
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
    // One pane alone has every passage alone on its row, and no blank pane to spare.
    let fold_key = app.shape.fold.as_deref().filter(|_| shown.len() > 1);
    let rows = rows_seen_by(&app.synopsis.articles, topic, shown, weights);
    let blocks = blocks_of(app, topic, rows, fold_key.is_some());
    for (r, block) in blocks.into_iter().enumerate() {
        // The paragraph under review, or under a cursor, is read whole: the reader has to,
        // to answer or to correct it.
        let alone = block.alone().filter(|_| !block.whole);
        let cells: Vec<Drawn> = block
            .passages
            .into_iter()
            .enumerate()
            .map(|(k, passages)| match fold_key {
                Some(key) if alone == Some(k) => folded(passages, key, app.shape.inner_width),
                _ => whole(passages),
            })
            .collect();
        let height = cells.iter().map(|c| c.lines.len()).max().unwrap_or(0);
        for (pane, cell) in panes.iter_mut().zip(cells) {
            if r > 0 {
                pane.lines.push(Line::blank());
            }
            pane.covers |= !cell.lines.is_empty();
            let top = pane.lines.len();
            pane.paragraph_lines
                .extend(
                    cell.parts
                        .into_iter()
                        .map(|(paragraph, line)| ParagraphLine {
                            paragraph,
                            line: top + line,
                        }),
                );
            pane.folded.extend(cell.folded);
            let pad = height - cell.lines.len();
            pane.lines.extend(cell.lines);
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

/// The rows as blocks, each cell's passages drawn at `width`; rows of one pane alone joined
/// when `folding`, but for a row holding a paragraph shown whole (`Shape::whole`).
fn blocks_of(app: &Ctx, topic: &Topic, rows: Vec<Row>, folding: bool) -> Vec<Block> {
    let width = app.shape.inner_width;
    let shown = &app.shape.articles;
    let holds_whole = |row: &Row| {
        app.shape.whole.iter().any(|&at| {
            row.columns().enumerate().any(|(k, mut parts)| {
                shown.get(k) == Some(&at.article)
                    && parts.any(|part| topic.members[part.member].at == at)
            })
        })
    };
    let mut blocks: Vec<Block> = Vec::new();
    for row in rows {
        let whole = holds_whole(&row);
        let passages = row.columns().map(|parts| {
            parts
                .map(|part| Passage {
                    // A paragraph cut across rows can take the cursor at each of its parts,
                    // never at an echo.
                    part_of: part
                        .echo
                        .is_none()
                        .then(|| topic.members[part.member].at.paragraph),
                    lines: member_part_lines(
                        app,
                        &topic.members[part.member],
                        (part.text.clone(), part.echo),
                        width,
                    ),
                })
                .collect()
        });
        let block = Block {
            passages: passages.collect(),
            whole,
        };
        let apart = block.whole;
        match blocks.last_mut() {
            Some(above)
                if folding
                    && !apart
                    && !above.whole
                    && above.alone().is_some_and(|k| block.alone() == Some(k)) =>
            {
                above.append(block);
            }
            _ => blocks.push(block),
        }
    }
    blocks
}

/// One passage of a row as drawn: its lines, and the paragraph it is or is a part of (none for
/// an echo of a sentence told in another row).
struct Passage {
    part_of: Option<usize>,
    lines: Vec<Line<Paint>>,
}

/// Rows as they are drawn: each pane's passages. Rows that hold passages of one pane only, the
/// same pane, are one block when folded, so that a source telling several things no other
/// tells leaves the other panes blank for a few lines, not for each of its passages.
struct Block {
    passages: Vec<Vec<Passage>>,
    /// It holds a paragraph shown whole (under review or under a cursor): never folded, nor
    /// joined to another.
    whole: bool,
}

impl Block {
    /// The one pane with a passage here, if only one has.
    fn alone(&self) -> Option<usize> {
        let mut with = (0..self.passages.len()).filter(|&k| !self.passages[k].is_empty());
        match (with.next(), with.next()) {
            (Some(k), None) => Some(k),
            _ => None,
        }
    }

    /// `below`'s passages after this block's, in the same panes.
    fn append(&mut self, below: Block) {
        for (mine, more) in self.passages.iter_mut().zip(below.passages) {
            mine.extend(more);
        }
    }
}

/// One pane's part of a block: its lines, and each paragraph or part of one in them, with the
/// line it starts at.
#[derive(Default)]
struct Drawn {
    lines: Vec<Line<Paint>>,
    parts: Vec<(usize, usize)>,
    /// The paragraphs with a part here whose lines are not all shown.
    folded: Vec<usize>,
}

/// Passages one after the other, a blank line between them.
fn whole(passages: Vec<Passage>) -> Drawn {
    let mut cell = Drawn::default();
    for passage in passages {
        if !cell.lines.is_empty() {
            cell.lines.push(Line::blank());
        }
        cell.parts
            .extend(passage.part_of.map(|p| (p, cell.lines.len())));
        cell.lines.extend(passage.lines);
    }
    cell
}

/// Passages no other pane has beside them, folded: one passage to its first lines and a note;
/// several to the first line of each, marked cut where the passage goes on, and one note, so
/// that each can still take the cursor.
fn folded(passages: Vec<Passage>, key: &str, width: usize) -> Drawn {
    if passages.len() == 1 {
        let mut cell = whole(passages);
        if fold(&mut cell.lines, key) {
            cell.folded = cell.parts.iter().map(|&(p, _)| p).collect();
        }
        return cell;
    }
    let mut cell = Drawn::default();
    let mut hidden = 0;
    for mut passage in passages {
        // Its first line of text, not the note of a weak link above it.
        let first = passage
            .lines
            .iter()
            .position(|l| l.pieces.iter().any(|p| p.style != Paint::Note))
            .unwrap_or(0);
        hidden += passage.lines.len().saturating_sub(1);
        cell.parts
            .extend(passage.part_of.map(|p| (p, cell.lines.len())));
        let more = first + 1 < passage.lines.len();
        if more {
            cell.folded.extend(passage.part_of);
        }
        if first < passage.lines.len() {
            let line = passage.lines.swap_remove(first);
            cell.lines.push(if more {
                line.ending_with(CUT_AFTER, Paint::Note, width)
            } else {
                line
            });
        }
    }
    if hidden > 0 {
        cell.lines.push(more_lines(hidden, key));
    }
    cell
}

/// The note under a folded passage: how many lines it hides, and the key that shows them.
fn more_lines(hidden: usize, key: &str) -> Line<Paint> {
    let lines = if hidden == 1 { "line" } else { "lines" };
    note_line(&format!("⋯ {hidden} more {lines} ({key} unfolds)"))
}

/// Lines of a folded passage shown before the note that says how many more it has.
const FOLDED_SHOWN: usize = 2;

/// Cut a passage no other pane has on its row to its first lines and a note, so that it does
/// not push the next row (where sources meet) a screen down, leaving the other panes blank.
/// Whether it was cut: a note is no shorter than the one line it would hide.
fn fold(lines: &mut Vec<Line<Paint>>, key: &str) -> bool {
    let hidden = lines.len().saturating_sub(FOLDED_SHOWN);
    if hidden < 2 {
        return false;
    }
    lines.truncate(FOLDED_SHOWN);
    lines.push(more_lines(hidden, key));
    true
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

    fn text(line: &Line<Paint>) -> String {
        line.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    fn passage(paragraph: usize, words: &[&str]) -> Passage {
        Passage {
            part_of: Some(paragraph),
            lines: words
                .iter()
                .map(|w| Line::single(w, Paint::Plain))
                .collect(),
        }
    }

    #[test]
    fn rows_of_one_pane_alone_are_one_block_the_others_stay_apart() {
        let row = |cells: [&[usize]; 2]| Block {
            passages: cells
                .iter()
                .map(|ps| ps.iter().map(|&p| passage(p, &["x"])).collect())
                .collect(),
            whole: false,
        };
        let mut above = row([&[1], &[]]);
        assert_eq!(above.alone(), Some(0));
        above.append(row([&[2], &[]]));
        assert_eq!(above.passages[0].len(), 2);
        assert_eq!(row([&[1], &[4]]).alone(), None, "two panes face each other");
        assert_eq!(row([&[], &[4]]).alone(), Some(1));
    }

    #[test]
    fn several_passages_alone_fold_to_a_line_each_and_one_note() {
        let mut weak = passage(7, &["the first of seven", "b", "c"]);
        weak.lines.insert(0, note_line("≈ weak link, score 0.2"));
        let cell = folded(
            vec![
                passage(3, &["first of three", "b"]),
                weak,
                passage(9, &["only line"]),
            ],
            "z",
            16,
        );
        let shown: Vec<String> = cell.lines.iter().map(text).collect();
        assert_eq!(
            shown,
            [
                "first of three\u{a0}…",
                "the first of\u{a0}…",
                "only line",
                "⋯ 4 more lines (z unfolds)"
            ],
            "each passage by its first line of text, not the note above it, marked cut when it \
             goes on"
        );
        assert_eq!(cell.lines[1].pieces[1].style, Paint::Note);
        assert_eq!(
            cell.parts,
            [(3, 0), (7, 1), (9, 2)],
            "the cursor can go to each"
        );
    }

    #[test]
    fn a_passage_with_no_line_folds_to_nothing_and_one_hidden_line_is_singular() {
        let cell = folded(vec![passage(3, &["a", "b"]), passage(4, &[])], "z", 10);
        let shown: Vec<String> = cell.lines.iter().map(text).collect();
        assert_eq!(shown, ["a\u{a0}…", "⋯ 1 more line (z unfolds)"]);
    }

    #[test]
    fn passages_of_one_line_each_fold_with_no_note() {
        let cell = folded(vec![passage(3, &["a"]), passage(4, &["b"])], "z", 10);
        let shown: Vec<String> = cell.lines.iter().map(text).collect();
        assert_eq!(shown, ["a", "b"], "nothing hidden, nothing to unfold");
    }

    #[test]
    fn one_passage_alone_folds_to_its_first_lines_and_whole_passages_are_spaced() {
        let cell = folded(vec![passage(3, &["a", "b", "c", "d"])], "z", 10);
        assert_eq!(cell.lines.len(), 3);
        assert_eq!(cell.parts, [(3, 0)]);
        let cell = whole(vec![passage(3, &["a", "b"]), passage(4, &["c"])]);
        let shown: Vec<String> = cell.lines.iter().map(text).collect();
        assert_eq!(shown, ["a", "b", "", "c"]);
        assert_eq!(cell.parts, [(3, 0), (4, 3)]);
    }
}
