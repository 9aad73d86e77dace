//! Exports in synopsis rows (`--rows`): the Markdown table read back through a `CommonMark`
//! parser with tables, and the text columns, each holding every passage once, in rows.

mod common;
use common::seeds;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use synoptic_core::compare::rows::{CUT_AFTER, CUT_BEFORE, Echo};
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::output::export::{ExportOptions, Format, write_export};

fn export(synopsis: &Synopsis, format: Format, topic: &str) -> String {
    export_at(synopsis, format, topic, 160)
}

fn export_at(synopsis: &Synopsis, format: Format, topic: &str, width: usize) -> String {
    let mut out = Vec::new();
    let opts = ExportOptions {
        format,
        topic: Some(topic.into()),
        width,
        rows: true,
        ..ExportOptions::default()
    };
    write_export(synopsis, &opts, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The table cells a `CommonMark` renderer makes of `markdown`, row by row.
fn table(markdown: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap_or_default();
                rows.last_mut().unwrap().push(text);
            }
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(html) if &*html == "<br>" => {
                if let Some(c) = cell.as_mut() {
                    c.push('\n');
                }
            }
            _ => {}
        }
    }
    rows
}

/// A column's cells put back into paragraphs: a cell that opens on "…" goes on with the
/// paragraph of the cell above it, which ended on "…". Echoes (a sentence repeated from
/// another row, under a break and a mark) are left out, and given back apart, without their
/// marks.
fn paragraphs_of<'c>(cells: impl Iterator<Item = &'c str>) -> (Vec<String>, Vec<String>) {
    let mut out: Vec<String> = Vec::new();
    let mut echoes: Vec<String> = Vec::new();
    let mut open = false;
    let is_echo = |c: &str| c.starts_with(Echo::Above.mark()) || c.starts_with(Echo::Below.mark());
    for cell in cells.filter(|c| !c.is_empty()) {
        let mut parts = cell.split("\n\n");
        let cell = match parts.next() {
            Some(first) if !is_echo(first) => first,
            first => {
                echoes.extend(first.map(str::to_owned));
                ""
            }
        };
        for echo in parts {
            assert!(is_echo(echo), "only an echo goes under a passage: {echo}");
            echoes.push(echo.to_owned());
        }
        if cell.is_empty() {
            continue;
        }
        let (goes_on, text) = match cell.strip_prefix(CUT_BEFORE) {
            Some(rest) => (true, rest),
            None => (false, cell),
        };
        assert_eq!(
            goes_on, open,
            "a cut paragraph goes on in the next cell: {cell}"
        );
        open = text.ends_with(CUT_AFTER);
        let text = text.strip_suffix(CUT_AFTER).unwrap_or(text);
        match out.last_mut() {
            Some(last) if goes_on => {
                last.push(' ');
                last.push_str(text);
            }
            _ => out.push(text.to_owned()),
        }
    }
    assert!(!open, "the last cell ends its paragraph");
    let bare = |echo: &String| {
        let text = [Echo::Above.mark(), Echo::Below.mark(), CUT_BEFORE]
            .iter()
            .fold(echo.as_str(), |t, mark| t.strip_prefix(mark).unwrap_or(t));
        text.strip_suffix(CUT_AFTER).unwrap_or(text).to_owned()
    };
    (out, echoes.iter().map(bare).collect())
}

/// A text with every run of spaces one space, and none at either end.
fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn markdown_rows_are_a_table_with_every_passage_once_in_its_column() {
    let synopsis = seeds();
    let t = synopsis.topic_index("outage").unwrap();
    let topic = &synopsis.topics[t];
    let covering: Vec<usize> = topic.articles().into_iter().collect();
    let rows = table(&export(&synopsis, Format::Markdown, "outage"));
    assert!(rows.len() > 2, "{rows:?}");
    let mut repeats = 0;
    assert!(rows.iter().all(|r| r.len() == covering.len()), "{rows:?}");
    for (column, &a) in covering.iter().enumerate() {
        let (shown, echoes) = paragraphs_of(rows[1..].iter().map(|r| r[column].as_str()));
        let members: Vec<String> = topic
            .members_of(a)
            .map(|m| spaced(&synopsis.paragraph(m.at).text))
            .collect();
        assert_eq!(shown, members, "source {a}, in reading order");
        for echo in &echoes {
            assert!(
                members.iter().any(|m| m.contains(echo.as_str())),
                "an echo repeats a sentence of its source: {echo}"
            );
        }
        repeats += echoes.len();
    }
    assert!(
        repeats > 0,
        "source 2's DDoS sentence is repeated beside source 4's"
    );
}

#[test]
fn text_rows_start_facing_passages_on_one_line() {
    let synopsis = seeds();
    let text = export(&synopsis, Format::Text, "outage");
    let lines: Vec<Vec<bool>> = text
        .lines()
        .skip_while(|l| !l.starts_with('─'))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split('│').map(|c| !c.trim().is_empty()).collect())
        .collect();
    assert!(lines.iter().all(|l| l.len() == 5), "five columns: {text}");
    // Rows are separated by a line blank in every column; in each row, every source that
    // has a passage there starts it on the row's first line.
    let rows: Vec<&[Vec<bool>]> = lines
        .split(|l| l.iter().all(|&c| !c))
        .filter(|r| !r.is_empty())
        .collect();
    assert!(rows.len() > 3, "{text}");
    for row in &rows {
        for c in 0..5 {
            let has = row.iter().any(|l| l[c]);
            assert_eq!(
                row[0][c], has,
                "column {c} starts on its row's first line: {text}"
            );
        }
    }
    let facing = rows
        .iter()
        .filter(|r| r[0].iter().filter(|&&c| c).count() >= 3);
    assert!(facing.count() >= 1, "three sources face each other: {text}");
}

/// The pane number a source's name starts with ("3 · Libération" → 3).
fn number(name: &str) -> usize {
    let digits: String = name
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number in {name:?}"))
}

/// The sources present in each row of a text export in columns, by pane number.
fn rows_in_columns(text: &str) -> Vec<Vec<usize>> {
    let mut lines = text.lines().skip_while(|l| !l.contains(" │ "));
    let heads: Vec<usize> = lines.next().unwrap().split('│').map(number).collect();
    let lines: Vec<Vec<bool>> = lines
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split('│').map(|c| !c.trim().is_empty()).collect())
        .collect();
    lines
        .split(|l| l.iter().all(|&c| !c))
        .filter(|r| !r.is_empty())
        .map(|r| {
            (0..heads.len())
                .filter(|&c| r[0][c])
                .map(|c| heads[c])
                .collect()
        })
        .collect()
}

/// A source's pane number in a stacked row, and its lines (its passage, then any echo after a
/// blank line).
type Stacked = (usize, Vec<String>);

/// A text export stacked row by row: for each row, its header and its sources.
fn stacked_rows(text: &str) -> Vec<(String, Vec<Stacked>)> {
    let mut rows: Vec<(String, Vec<Stacked>)> = Vec::new();
    for line in text.lines().skip_while(|l| !l.starts_with("── row ")) {
        if line.starts_with("── row ") {
            rows.push((line.to_owned(), Vec::new()));
        } else if let Some(indented) = line.strip_prefix("  ") {
            let sources = &mut rows.last_mut().unwrap().1;
            sources.last_mut().unwrap().1.push(indented.to_owned());
        } else if !line.is_empty() && !line.starts_with("Does not cover") {
            rows.last_mut().unwrap().1.push((number(line), Vec::new()));
        } else if let Some((_, lines)) = rows.last_mut().and_then(|r| r.1.last_mut()) {
            lines.push(String::new());
        }
    }
    rows
}

#[test]
fn text_rows_too_narrow_for_columns_are_stacked_row_by_row() {
    let synopsis = seeds();
    let wide = rows_in_columns(&export(&synopsis, Format::Text, "outage"));
    // Five sources in 80 columns leave under 24 a column: the rows go one under the other.
    let narrow = export_at(&synopsis, Format::Text, "outage", 80);
    assert!(!narrow.contains(" │ "), "no columns: {narrow}");
    let stacked = stacked_rows(&narrow);
    let present: Vec<Vec<usize>> = stacked
        .iter()
        .map(|(_, sources)| sources.iter().map(|(n, _)| *n).collect())
        .collect();
    assert_eq!(present, wide, "the same rows at any width: {narrow}");
    for (r, (head, sources)) in stacked.iter().enumerate() {
        let count = match sources.len() {
            1 => "1 source ".to_owned(),
            n => format!("{n} sources "),
        };
        let expected = format!("── row {} of {} · {count}", r + 1, stacked.len());
        assert!(head.starts_with(&expected), "{head:?} in {narrow}");
        assert_eq!(
            head.chars().count(),
            80,
            "the rule spans the width: {head:?}"
        );
    }
    // Each source's passages, read row after row, are its members in reading order, once.
    let topic = &synopsis.topics[synopsis.topic_index("outage").unwrap()];
    let unmarked = |t: &str| spaced(&t.replace(['⟦', '⟧', '⟨', '⟩', '{', '}', '[', ']'], ""));
    let mut echoes = 0;
    for a in topic.articles() {
        let mut told = String::new();
        for (_, sources) in &stacked {
            let Some((_, lines)) = sources.iter().find(|(n, _)| *n == a + 1) else {
                continue;
            };
            let mut parts = lines.split(String::is_empty);
            let own = parts.next().unwrap_or_default();
            let echo = |p: &[String]| {
                p.first().is_some_and(|l| {
                    l.starts_with(Echo::Above.mark().trim_end())
                        || l.starts_with(Echo::Below.mark().trim_end())
                })
            };
            if echo(own) {
                echoes += 1;
            } else {
                told.push_str(&own.join(" "));
                told.push(' ');
            }
            echoes += parts.filter(|p| echo(p)).count();
        }
        let told =
            spaced(&told).replace(&format!("{} {}", CUT_AFTER.trim(), CUT_BEFORE.trim()), "");
        let members: Vec<String> = topic
            .members_of(a)
            .map(|m| unmarked(&synopsis.paragraph(m.at).text))
            .collect();
        assert_eq!(unmarked(&told), members.join(" "), "source {a}: {narrow}");
    }
    assert!(
        echoes > 0,
        "the DDoS sentence is repeated here too: {narrow}"
    );
}
