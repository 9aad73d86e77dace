//! The Markdown export: a section per topic, a subsection per article, shared wording in
//! **bold** (every source) or *italics* (several).

use std::io::{self, Write};

use super::blocks::write_in_order;
use super::text::describe;
use super::{TopicSpans, copies_line, leveled, leveled_part, not_covering, render_workers};
use crate::compare::agree::Level;
use crate::compare::figures::figures;
use crate::compare::rows::{ECHO_LEGEND, rows};
use crate::compare::salience::WordWeights;
use crate::compare::synopsis::Synopsis;
use crate::model::article::source_name;
use crate::output::layout::{Styled, runs};

pub(super) fn write(
    synopsis: &Synopsis,
    topics: &[usize],
    rows: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "# synoptic: {} articles, {} topics\n",
        synopsis.articles.len(),
        topics.len()
    )?;
    writeln!(
        out,
        "Shared wording: **bold** in every source covering the topic, *italics* in several.\n"
    )?;
    if rows {
        writeln!(out, "{}\n", escape(ECHO_LEGEND, true))?;
    }
    if let Some(copies) = copies_line(synopsis) {
        writeln!(out, "{}\n", escape(&copies, false))?;
    }
    // Rows compare passages by their words' weight in the corpus, worked out once.
    let rows = rows.then(|| WordWeights::new(&synopsis.articles));
    let render = |&t: &usize, buf: &mut dyn Write| write_topic(synopsis, t, rows.as_ref(), buf);
    write_in_order(topics, render_workers(), render, out)
}

fn write_topic(
    synopsis: &Synopsis,
    t: usize,
    rows: Option<&WordWeights>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let topic = &synopsis.topics[t];
    let covering = topic.articles();
    let origin = topic.origin.name();
    writeln!(out, "## {} (`{}`)\n", escape(&topic.label, false), topic.id)?;
    writeln!(
        out,
        "_{origin}; covered by {} of {} articles._\n",
        covering.len(),
        synopsis.articles.len()
    )?;
    for group in figures(synopsis, t).iter().filter(|g| g.disagree) {
        writeln!(
            out,
            "- Figures differ ({}): {}",
            group.what,
            escape(&describe(synopsis, group), false)
        )?;
    }
    let spans = TopicSpans::new(synopsis, t);
    if let Some(weights) = rows {
        write_rows(synopsis, (t, weights), &spans, out)?;
    }
    for &a in covering.iter().filter(|_| rows.is_none()) {
        let name = source_name(&synopsis.articles, a);
        writeln!(out, "\n### {}\n", escape(&name, false))?;
        for member in spans.of(a) {
            writeln!(
                out,
                "{}\n",
                marked(&leveled(synopsis, &member, covering.len()))
            )?;
        }
    }
    if let Some(silent) = not_covering(synopsis, &covering, |id| escape(id, false)) {
        writeln!(out, "\n_Does not cover this topic {silent}._")?;
    }
    writeln!(out)
}

/// The topic as a table: a column per covering source, a row per synopsis row, the passages
/// that tell the same thing side by side.
fn write_rows(
    synopsis: &Synopsis,
    (t, weights): (usize, &WordWeights),
    spans: &TopicSpans,
    out: &mut dyn Write,
) -> io::Result<()> {
    let topic = &synopsis.topics[t];
    let shown: Vec<usize> = topic.articles().into_iter().collect();
    let head: Vec<String> = shown
        .iter()
        .map(|&a| escape(&source_name(&synopsis.articles, a), false))
        .collect();
    writeln!(out, "\n| {} |", head.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(shown.len()))?;
    for row in rows(&synopsis.articles, topic, &shown, weights) {
        // A table cell holds no line break: an echo goes under its source's passage after an
        // HTML break, which common viewers render.
        let cells: Vec<String> = row
            .columns()
            .map(|parts| {
                let parts = parts.map(|part| {
                    let member = spans.member(topic.members[part.member].at);
                    marked(&leveled_part(synopsis, &member, shown.len(), part))
                });
                parts.collect::<Vec<String>>().join("<br><br>")
            })
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// A member paragraph as Markdown. Touching pieces of one level become one run, and each run
/// is emphasised only from its first to its last letter or digit: `CommonMark` opens emphasis
/// after punctuation and closes it before punctuation only in some cases, so the punctuation
/// at a run's edges stays outside the marks (`**Comey**’*s*`, never `**Comey***’s*`).
fn marked(pieces: &[Styled<&str, Level>]) -> String {
    let mut s = String::new();
    let mut at_start = true;
    for Styled { text, style: level } in runs(pieces, |t| t) {
        let word = |c: char| c.is_alphanumeric();
        let edges = (text.find(word), text.rfind(word));
        let Some((first, last)) = edges.0.zip(edges.1).filter(|_| level != Level::Alone) else {
            s.push_str(&escape(&text, at_start));
            at_start = false;
            continue;
        };
        let last = last + text[last..].chars().next().map_or(1, char::len_utf8);
        let mark = if level == Level::All { "**" } else { "*" };
        s.push_str(&escape(&text[..first], at_start));
        s.push_str(&format!(
            "{mark}{}{mark}",
            escape(&text[first..last], false)
        ));
        s.push_str(&escape(&text[last..], false));
        at_start = false;
    }
    s
}

/// Escape what Markdown would read as markup, and make control characters visible. At the
/// start of a paragraph, also what would start a list, a quote, a heading or a rule.
fn escape(text: &str, paragraph_start: bool) -> String {
    let clean = crate::output::sanitize::for_terminal(text);
    let mut s = String::with_capacity(clean.len());
    let mut line_start = paragraph_start;
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        let block_mark = line_start && matches!(c, '-' | '+' | '=' | '#' | '>');
        if block_mark || "*_`[]<>#\\|!&~".contains(c) {
            s.push('\\');
        }
        if line_start && c.is_ascii_digit() {
            // "1." or "1)" at the start of a paragraph would be an ordered list.
            s.push(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                s.push(d);
                chars.next();
            }
            if let Some(&p) = chars.peek().filter(|p| matches!(p, '.' | ')')) {
                s.push('\\');
                s.push(p);
                chars.next();
            }
            line_start = false;
            continue;
        }
        s.push(c);
        line_start = c == '\n' || (line_start && c == ' ');
    }
    s
}
