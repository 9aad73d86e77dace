//! One pane's lines: a topic's members, the full article, or the unclaimed paragraphs, wrapped
//! and painted, with search matches laid over the paint.

use std::ops::Range;

use crate::tui::layout::paint::{Painted, member_paint};
use crate::tui::layout::search::match_ranges;
use crate::tui::layout::view::{Ctx, Paint, PaneView, ParagraphLine};
use synoptic_core::alignment::measure::WEAK_MEMBER;
use synoptic_core::compare::rows::{CUT_AFTER, CUT_BEFORE, Echo};
use synoptic_core::model::article::Kind;
use synoptic_core::model::article::source_name;
use synoptic_core::model::topic::Member;
use synoptic_core::model::vectors::ParaRef;
use synoptic_core::output::layout::{Line, Styled, borrowed, wrap};
use synoptic_core::output::sanitize::for_terminal;

/// A pane's title: the source's number (what `s` jumps to), the earlier source it copies if
/// it tells that story word for word, its name, its date. A source with neither outlet nor
/// headline is named by its opening words rather than its file name.
pub(super) fn title(app: &Ctx, a: usize) -> String {
    let articles = &app.synopsis.articles;
    let article = &articles[a];
    let name = match app.caches.copy_of(a) {
        Some(twin) => format!(
            "{} · {} · {}",
            a + 1,
            twin.copy_label(),
            article.display_name()
        ),
        None => source_name(articles, a),
    };
    let name = for_terminal(&name).into_owned();
    match &article.meta.date {
        Some(date) => format!("{name} · {}", for_terminal(date)),
        None => name,
    }
}

/// The body paragraphs of article `a` that no topic claims, plain.
pub(super) fn unclaimed_pane(app: &Ctx, a: usize, width: usize) -> PaneView {
    let mut pane = PaneView {
        article: a,
        title: title(app, a),
        ..Default::default()
    };
    let article = &app.synopsis.articles[a];
    for &p in app.caches.unclaimed().get(a).map_or(&[][..], Vec::as_slice) {
        if !pane.lines.is_empty() {
            pane.lines.push(Line::blank());
        }
        pane.paragraph_lines.push(ParagraphLine {
            paragraph: p,
            line: pane.lines.len(),
        });
        let pieces = [Styled::new(
            0..article.paragraphs[p].text.len(),
            Paint::Plain,
        )];
        push_wrapped(&mut pane.lines, app, a, p, &pieces, width);
    }
    pane.covers = !pane.lines.is_empty();
    if !pane.covers {
        pane.lines
            .push(note_line("(every paragraph is in a topic)"));
    }
    pane
}

pub(super) fn note_line(note: &str) -> Line<Paint> {
    Line::single(note, Paint::Note)
}

/// The members of the current topic from article `a`.
pub(super) fn topic_pane(app: &Ctx, a: usize, width: usize) -> PaneView {
    let mut pane = PaneView {
        article: a,
        title: title(app, a),
        ..Default::default()
    };
    let Some(topic) = app.synopsis.topics.get(app.shape.topic) else {
        return pane;
    };
    for member in topic.members_of(a) {
        if !pane.lines.is_empty() {
            pane.lines.push(Line::blank());
        }
        pane.paragraph_lines.push(ParagraphLine {
            paragraph: member.at.paragraph,
            line: pane.lines.len(),
        });
        pane.lines.extend(member_lines(app, member, width));
    }
    pane.covers = !pane.lines.is_empty();
    if !pane.covers {
        pane.lines.push(note_line("(does not cover this topic)"));
    }
    pane
}

/// One member paragraph, painted and wrapped, under a note when it joined on weak evidence.
pub(super) fn member_lines(app: &Ctx, member: &Member, width: usize) -> Vec<Line<Paint>> {
    let len = app.synopsis.paragraph(member.at).text.len();
    member_part_lines(app, member, (0..len, None), width)
}

/// The whole article: the current topic's paragraphs painted, the rest dimmed.
pub(super) fn full_pane(app: &Ctx, a: usize, width: usize) -> PaneView {
    let mut pane = PaneView {
        article: a,
        title: format!("{} — full article", title(app, a)),
        covers: true,
        ..Default::default()
    };
    let topic = app.synopsis.topics.get(app.shape.topic);
    let article = &app.synopsis.articles[a];
    let mut others = Vec::new();
    for p in &article.paragraphs {
        if !pane.lines.is_empty() {
            pane.lines.push(Line::blank());
        }
        let member = topic.is_some_and(|t| {
            t.holds(ParaRef {
                article: a,
                paragraph: p.index,
            })
        });
        let start = ParagraphLine {
            paragraph: p.index,
            line: pane.lines.len(),
        };
        let pieces = if member {
            pane.paragraph_lines.push(start);
            member_paint(app, a, p.index)
        } else {
            others.push(start);
            let paint = match p.kind {
                Kind::Heading => Paint::Heading,
                _ => Paint::Dim,
            };
            vec![Styled::new(0..p.text.len(), paint)]
        };
        push_wrapped(&mut pane.lines, app, a, p.index, &pieces, width);
    }
    // The topic's paragraphs first: the article opens on them (`View::line_of`); the others
    // can be jumped to as well (search, the review of a paragraph out of the topic).
    pane.paragraph_lines.extend(others);
    pane
}

/// The part `part` (bytes) of a member paragraph, painted and wrapped, with "…" where the
/// paragraph goes on in another row (a synopsis row may show some of its sentences); under a
/// note when it joined on weak evidence, on its first part. An echo (a sentence repeated
/// from another row) opens with its mark.
pub(super) fn member_part_lines(
    app: &Ctx,
    member: &Member,
    (part, echo): (Range<usize>, Option<Echo>),
    width: usize,
) -> Vec<Line<Paint>> {
    let (a, paragraph) = (member.at.article, member.at.paragraph);
    let len = app.synopsis.paragraph(member.at).text.len();
    let mut lines = Vec::new();
    if member.score < WEAK_MEMBER && part.start == 0 && echo.is_none() {
        let note = format!("≈ weak link, score {:.2}", member.score);
        lines.extend(wrap(&[Styled::new(note.as_str(), Paint::Note)], width));
    }
    let clipped: Vec<Painted> = member_paint(app, a, paragraph)
        .into_iter()
        .filter_map(|p| {
            let range = p.text.start.max(part.start)..p.text.end.min(part.end);
            (range.start < range.end).then(|| Styled::new(range, p.style))
        })
        .collect();
    let mut owned = Vec::with_capacity(clipped.len() + 3);
    if let Some(echo) = echo {
        owned.push(Styled::new(echo.mark().to_owned(), Paint::Note));
    }
    if part.start > 0 {
        owned.push(Styled::new(CUT_BEFORE.to_owned(), Paint::Note));
    }
    owned.extend(painted_text(app, a, paragraph, &clipped));
    if part.end < len {
        owned.push(Styled::new(CUT_AFTER.to_owned(), Paint::Note));
    }
    lines.extend(wrap(&borrowed(&owned), width));
    lines
}

/// Overlay search matches, sanitise, wrap, and append to `lines`.
fn push_wrapped(
    lines: &mut Vec<Line<Paint>>,
    app: &Ctx,
    a: usize,
    paragraph: usize,
    pieces: &[Painted],
    width: usize,
) {
    let owned = painted_text(app, a, paragraph, pieces);
    lines.extend(wrap(&borrowed(&owned), width));
}

/// The text of painted ranges of a paragraph, search matches laid over, sanitised.
fn painted_text(
    app: &Ctx,
    a: usize,
    paragraph: usize,
    pieces: &[Painted],
) -> Vec<Styled<String, Paint>> {
    let text = &app.synopsis.articles[a].paragraphs[paragraph].text;
    let matches = app
        .shape
        .query
        .as_deref()
        .map_or_else(Vec::new, |q| match_ranges(text, q));
    let painted = overlay(pieces, &matches);
    painted
        .into_iter()
        .filter(|p| !p.text.is_empty())
        .map(|p| Styled::new(for_terminal(&text[p.text]).into_owned(), p.style))
        .collect()
}

/// Split painted ranges at match boundaries; matched bytes are painted `Match`. Both lists are
/// in text order, so one pass through each does it.
fn overlay(pieces: &[Painted], matches: &[Range<usize>]) -> Vec<Painted> {
    if matches.is_empty() {
        return pieces.to_vec();
    }
    let mut out = Vec::with_capacity(pieces.len() + 2 * matches.len());
    let mut next = 0;
    for Styled {
        text: range,
        style: paint,
    } in pieces
    {
        while next < matches.len() && matches[next].end <= range.start {
            next += 1;
        }
        let mut at = range.start;
        let mut k = next;
        while at < range.end {
            if let Some(m) = matches.get(k).filter(|m| m.start < range.end) {
                if m.start > at {
                    out.push(Styled::new(at..m.start, *paint));
                    at = m.start;
                }
                let end = m.end.min(range.end);
                out.push(Styled::new(at..end, Paint::Match));
                at = end;
                k += 1;
            } else {
                out.push(Styled::new(at..range.end, *paint));
                at = range.end;
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "panes_tests.rs"]
mod tests;
