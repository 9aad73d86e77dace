//! The text export: one block per topic, members side by side in columns (stacked when the
//! width cannot hold them; in synopsis rows, see `text_rows`), shared wording marked `{…}` (all sources) and `[…]` (several), or
//! coloured with ANSI when asked.

use std::io::{self, Write};

use super::blocks::write_in_order;
use super::cell::Cell;
use super::marks::{Marking, choose_marks};
use super::text_rows::{row_cells, write_stacked_rows};
use super::{ExportOptions, TopicSpans, copies_line, leveled, not_covering, render_workers};
use crate::compare::agree::Level;
use crate::compare::figures::{FigureGroup, figures};
use crate::compare::rows::ECHO_LEGEND;
use crate::compare::salience::WordWeights;
use crate::compare::synopsis::Synopsis;
use crate::model::article::{source_name, source_name_of_id};
use crate::output::layout::{Styled, fit, wrap};
use crate::output::sanitize::for_terminal;

/// Below this many columns a side-by-side column is unreadable: stack the articles instead.
const MIN_COLUMN: usize = 24;
const GUTTER: &str = " │ ";

pub(super) fn write(
    synopsis: &Synopsis,
    topics: &[usize],
    opts: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = opts.width.max(20);
    let marking = Marking {
        painter: opts.painter,
        marks: choose_marks(synopsis),
    };
    if opts.painter.is_none() {
        write_wrapped(out, &marking.legend(), width)?;
    }
    if opts.rows {
        write_wrapped(out, ECHO_LEGEND, width)?;
    }
    if let Some(copies) = copies_line(synopsis) {
        write_wrapped(out, &for_terminal(&copies), width)?;
    }
    // Rows compare passages by their words' weight in the corpus, worked out once.
    let rows = opts.rows.then(|| WordWeights::new(&synopsis.articles));
    let render = |&t: &usize, buf: &mut dyn Write| {
        writeln!(buf)?;
        write_topic(synopsis, t, width, &marking, rows.as_ref(), buf)
    };
    write_in_order(topics, render_workers(), render, out)
}

fn write_topic(
    synopsis: &Synopsis,
    t: usize,
    width: usize,
    marking: &Marking,
    rows: Option<&WordWeights>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let topic = &synopsis.topics[t];
    let covering = topic.articles();
    let origin = topic.origin.name();
    let title = format!(
        "══ {} [{}] · {origin} · covered by {} of {} ",
        for_terminal(&topic.label),
        topic.id,
        covering.len(),
        synopsis.articles.len()
    );
    writeln!(
        out,
        "{}",
        pad_with(
            &format!("{} ", fit(&title, width.saturating_sub(1)).trim_end()),
            width,
            '═'
        )
    )?;
    write_summary(synopsis, t, &covering, width, out)?;
    writeln!(out)?;
    // Only the sources that cover the topic get a column; the others are named in one line.
    let shown: Vec<usize> = covering.iter().copied().collect();
    let n = shown.len();
    let column = width.saturating_sub(GUTTER.chars().count() * n.saturating_sub(1)) / n.max(1);
    if column >= MIN_COLUMN {
        let cells = if let Some(weights) = rows {
            row_cells(synopsis, (t, &shown), column, marking, weights)
        } else {
            article_cells(synopsis, t, &shown, column, marking)
        };
        write_columns(synopsis, &shown, column, &cells, marking, out)?;
    } else if let Some(weights) = rows {
        write_stacked_rows(synopsis, (t, &shown), width, marking, weights, out)?;
    } else {
        write_stacked(synopsis, t, &shown, width, marking, out)?;
    }
    write_silent(synopsis, &covering, width, out)
}

/// Who covers the topic, and the figures they report differently.
fn write_summary(
    synopsis: &Synopsis,
    t: usize,
    covering: &std::collections::BTreeSet<usize>,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let names: Vec<String> = covering
        .iter()
        .map(|&a| for_terminal(&source_name(&synopsis.articles, a)).into_owned())
        .collect();
    let covered = if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    };
    write_wrapped(out, &format!("Covered by: {covered}"), width)?;
    for group in figures(synopsis, t).iter().filter(|g| g.disagree) {
        let line = format!(
            "Figures differ ({}): {}",
            for_terminal(&group.what),
            describe(synopsis, group)
        );
        write_wrapped(out, &line, width)?;
    }
    Ok(())
}

/// One line naming the sources that do not cover the topic (counting them past a dozen).
fn write_silent(
    synopsis: &Synopsis,
    covering: &std::collections::BTreeSet<usize>,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Some(silent) = not_covering(synopsis, covering, |id| for_terminal(id).into_owned()) else {
        return Ok(());
    };
    writeln!(out)?;
    write_wrapped(out, &format!("Does not cover this topic {silent}"), width)
}

fn write_wrapped(out: &mut dyn Write, text: &str, width: usize) -> io::Result<()> {
    for line in wrap(&[Styled::new(text, ())], width) {
        writeln!(out, "{}", line.plain())?;
    }
    Ok(())
}

/// "20h42 (4 · Le Monde), 20h45 (3 · Libération)".
pub(crate) fn describe(synopsis: &Synopsis, group: &FigureGroup) -> String {
    let name = |id: &String| source_name_of_id(&synopsis.articles, id);
    group
        .values
        .iter()
        .map(|v| {
            let names: Vec<String> = v.articles.iter().map(name).collect();
            format!(
                "{} ({})",
                for_terminal(&v.text),
                for_terminal(&names.join(", "))
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn pad_with(text: &str, width: usize, fill: char) -> String {
    let used = unicode_width::UnicodeWidthStr::width(text);
    let mut s = text.to_owned();
    s.extend(std::iter::repeat_n(fill, width.saturating_sub(used)));
    s
}

/// One article's cell: its members wrapped, or a note that it does not cover the topic.
fn cell(
    synopsis: &Synopsis,
    spans: &TopicSpans,
    article: usize,
    width: usize,
    marking: &Marking,
) -> Cell {
    let mut cell = Cell::default();
    for member in spans.of(article) {
        if !cell.is_empty() {
            cell.blank();
        }
        let pieces = leveled(synopsis, &member, spans.covering);
        cell.passage(&pieces, width, marking);
    }
    if cell.is_empty() {
        cell.note("(does not cover this topic)", Level::Alone);
    }
    cell
}

/// One cell per shown source: all its passages.
fn article_cells(
    synopsis: &Synopsis,
    t: usize,
    shown: &[usize],
    column: usize,
    marking: &Marking,
) -> Vec<Cell> {
    let spans = TopicSpans::new(synopsis, t);
    shown
        .iter()
        .map(|&a| cell(synopsis, &spans, a, column, marking))
        .collect()
}

fn write_columns(
    synopsis: &Synopsis,
    shown: &[usize],
    column: usize,
    cells: &[Cell],
    marking: &Marking,
    out: &mut dyn Write,
) -> io::Result<()> {
    let heads: Vec<String> = shown
        .iter()
        .map(|&a| fit(&for_terminal(&source_name(&synopsis.articles, a)), column))
        .collect();
    writeln!(out, "{}", heads.join(GUTTER).trim_end())?;
    let rule = "─".repeat(column);
    writeln!(out, "{}", vec![rule; shown.len()].join("─┼─"))?;
    let rows = cells.iter().map(Cell::len).max().unwrap_or(0);
    let mut line = String::new();
    for r in 0..rows {
        line.clear();
        for (k, cell) in cells.iter().enumerate() {
            if k > 0 {
                line.push_str(GUTTER);
            }
            if r < cell.len() {
                cell.emit(r, column, marking, &mut line);
            } else {
                line.extend(std::iter::repeat_n(' ', column));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn write_stacked(
    synopsis: &Synopsis,
    t: usize,
    shown: &[usize],
    width: usize,
    marking: &Marking,
    out: &mut dyn Write,
) -> io::Result<()> {
    let spans = TopicSpans::new(synopsis, t);
    let mut line = String::new();
    for &a in shown {
        let name = fit(
            &for_terminal(&source_name(&synopsis.articles, a)),
            width.saturating_sub(8),
        );
        let head = format!("── {} ", name.trim_end());
        writeln!(out, "{}", pad_with(&head, width, '─'))?;
        let cell = cell(synopsis, &spans, a, width, marking);
        for i in 0..cell.len() {
            line.clear();
            cell.emit(i, width, marking, &mut line);
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
    Ok(())
}
