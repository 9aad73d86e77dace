//! The text export's synopsis rows (`--rows`): a column per source, the passages that tell the
//! same thing starting on one line; stacked row by row when the width cannot hold the columns.

use std::io::{self, Write};

use super::cell::Cell;
use super::marks::Marking;
use super::text::pad_with;
use super::{TopicSpans, leveled_part};
use crate::compare::rows::{Cell as RowCell, rows};
use crate::compare::salience::WordWeights;
use crate::compare::synopsis::Synopsis;
use crate::model::article::source_name;
use crate::model::topic::Topic;
use crate::output::layout::fit;
use crate::output::sanitize::for_terminal;

/// How far a stacked row's passages stand in from their source's name.
const INDENT: &str = "  ";

/// One cell per shown source, laid out in synopsis rows: the passages that tell the same
/// thing start on the same line, a blank line between rows.
pub(super) fn row_cells(
    synopsis: &Synopsis,
    (t, shown): (usize, &[usize]),
    column: usize,
    marking: &Marking,
    weights: &WordWeights,
) -> Vec<Cell> {
    let spans = TopicSpans::new(synopsis, t);
    let mut cells: Vec<Cell> = std::iter::repeat_with(Cell::default)
        .take(shown.len())
        .collect();
    let topic = &synopsis.topics[t];
    for (r, row) in rows(&synopsis.articles, topic, shown, weights)
        .iter()
        .enumerate()
    {
        let mut tops = Vec::with_capacity(cells.len());
        for (cell, parts) in cells.iter_mut().zip(row.columns()) {
            if r > 0 {
                cell.blank();
            }
            tops.push(cell.len());
            add_parts((synopsis, topic, &spans), parts, (column, marking), cell);
        }
        let height = cells.iter().zip(&tops).map(|(c, top)| c.len() - top);
        let height = height.max().unwrap_or(0);
        for (cell, top) in cells.iter_mut().zip(tops) {
            while cell.len() < top + height {
                cell.blank();
            }
        }
    }
    cells
}

/// The rows one under the other, for a width too narrow for a column per source: each row
/// under a rule that numbers it and counts its sources, each source's passages under its name.
pub(super) fn write_stacked_rows(
    synopsis: &Synopsis,
    (t, shown): (usize, &[usize]),
    width: usize,
    marking: &Marking,
    weights: &WordWeights,
    out: &mut dyn Write,
) -> io::Result<()> {
    let spans = TopicSpans::new(synopsis, t);
    let topic = &synopsis.topics[t];
    let rows = rows(&synopsis.articles, topic, shown, weights);
    let inner = width.saturating_sub(INDENT.len()).max(1);
    let mut line = String::new();
    for (r, row) in rows.iter().enumerate() {
        let present: Vec<(usize, Vec<&RowCell>)> = shown
            .iter()
            .zip(row.columns())
            .map(|(&a, parts)| (a, parts.collect::<Vec<_>>()))
            .filter(|(_, parts)| !parts.is_empty())
            .collect();
        let plural = if present.len() == 1 { "" } else { "s" };
        let head = format!(
            "── row {} of {} · {} source{plural}",
            r + 1,
            rows.len(),
            present.len()
        );
        // Cut to leave room for one space and one stroke of the rule, as a topic's title.
        let head = format!("{} ", fit(&head, width.saturating_sub(1)).trim_end());
        writeln!(out, "{}", pad_with(&head, width, '─'))?;
        for (a, parts) in present {
            let name = for_terminal(&source_name(&synopsis.articles, a)).into_owned();
            writeln!(out, "{}", fit(&name, width).trim_end())?;
            let mut cell = Cell::default();
            add_parts(
                (synopsis, topic, &spans),
                parts,
                (inner, marking),
                &mut cell,
            );
            for i in 0..cell.len() {
                line.clear();
                line.push_str(INDENT);
                cell.emit(i, inner, marking, &mut line);
                writeln!(out, "{}", line.trim_end())?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A source's parts of one row, its own passage then the sentence it repeats there (see
/// `Row::columns`), wrapped to `width` with a blank line between.
fn add_parts<'p>(
    (synopsis, topic, spans): (&Synopsis, &Topic, &TopicSpans),
    parts: impl IntoIterator<Item = &'p RowCell>,
    (width, marking): (usize, &Marking),
    cell: &mut Cell,
) {
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            cell.blank();
        }
        let member = spans.member(topic.members[part.member].at);
        let pieces = leveled_part(synopsis, &member, spans.covering, part);
        cell.passage(&pieces, width, marking);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::rows::Echo;
    use crate::fixtures::{articles, topic_def};

    #[test]
    fn an_echo_stands_under_its_sources_passage_after_a_blank_line() {
        let text =
            "Le volcan gronde au-dessus de la ville. Les cendres du volcan tombent sur Catane.";
        let arts = articles(&[
            &[text],
            &["Les cendres du volcan tombent sur Catane depuis hier."],
        ]);
        let synopsis = Synopsis::build(arts, &[topic_def("volcan", &["volcan", "cendres"])]);
        let topic = &synopsis.topics[0];
        let spans = TopicSpans::new(&synopsis, 0);
        let member = topic.members.iter().position(|m| m.at.article == 0);
        let member = member.expect("the first source is in the topic");
        let cut = text.find(" Les").unwrap();
        let own = RowCell {
            member,
            text: 0..cut,
            echo: None,
        };
        let echo = RowCell {
            member,
            text: cut + 1..text.len(),
            echo: Some(Echo::Below),
        };
        let marking = Marking {
            painter: None,
            marks: ["{", "}", "[", "]"],
        };
        let mut cell = Cell::default();
        add_parts(
            (&synopsis, topic, &spans),
            [&own, &echo],
            (30, &marking),
            &mut cell,
        );
        let lines: Vec<String> = (0..cell.len())
            .map(|i| {
                let mut line = String::new();
                cell.emit(i, 30, &marking, &mut line);
                line.trim_end().to_owned()
            })
            .collect();
        let blank = lines.iter().position(String::is_empty);
        let blank = blank.unwrap_or_else(|| panic!("a blank line: {lines:?}"));
        assert!(lines[0].starts_with("Le {volcan}"), "{lines:?}");
        assert!(
            lines[..blank].iter().all(|l| !l.contains("Catane")),
            "{lines:?}"
        );
        assert!(
            lines[blank + 1].starts_with(Echo::Below.mark()),
            "{lines:?}"
        );
        assert!(lines[blank + 1..].concat().contains("Catane"), "{lines:?}");
    }
}
