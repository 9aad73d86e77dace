//! The laid-out view: for each visible pane, its wrapped lines with what each piece means
//! (`Paint`). Built by `update` whenever the state or the size changes, never while drawing.

use std::ops::Range;

use super::cache::Caches;
use super::mode::Mode;
use super::paint::{Painted, member_paint};
use super::search::match_ranges;
use crate::core::alignment::measure::WEAK_MEMBER;
use crate::core::compare::synopsis::Synopsis;
use crate::core::model::article::Kind;
use crate::core::model::topic::Member;
use crate::core::output::layout::{Line, Styled, borrowed, wrap};
use crate::core::output::sanitize::for_terminal;

/// What a piece of text is, for the theme to colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Paint {
    Plain,
    SharedAll,
    SharedSome,
    /// A figure or rare word no other source has.
    Own,
    Same,
    Moved,
    Changed,
    Dim,
    Heading,
    Note,
    Match,
}

/// Where a paragraph starts in a pane's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParagraphLine {
    pub paragraph: usize,
    pub line: usize,
}

/// One pane, laid out.
#[derive(Clone, Debug, Default)]
pub struct PaneView {
    pub article: usize,
    pub title: String,
    pub lines: Vec<Line<Paint>>,
    /// The first line of each paragraph shown, in order.
    pub paragraph_lines: Vec<ParagraphLine>,
    pub covers: bool,
}

/// The visible panes, laid out at the current size.
#[derive(Clone, Debug, Default)]
pub struct View {
    pub panes: Vec<PaneView>,
}

impl View {
    /// The line where a paragraph of an article starts (its first shown one when `None`).
    pub fn line_of(&self, article: usize, paragraph: Option<usize>) -> Option<usize> {
        let pane = self.panes.iter().find(|p| p.article == article)?;
        match paragraph {
            Some(p) => pane
                .paragraph_lines
                .iter()
                .find(|pl| pl.paragraph == p)
                .map(|pl| pl.line),
            None => pane.paragraph_lines.first().map(|pl| pl.line),
        }
    }
}

/// Everything the wrapped, painted lines depend on besides the articles and the caches filled
/// for it: `build_view` reads nothing else of the reader's state, so this is also the key that
/// says when to lay out again, and it cannot fall out of step with what is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    pub topic: usize,
    pub mode: Mode,
    /// The articles whose panes are shown, left to right.
    pub articles: Vec<usize>,
    /// The width each pane wraps at, inside its border.
    pub inner_width: usize,
    pub full_article: bool,
    /// The topic's passages in synopsis rows (see `core::compare::rows`), not each pane from its top.
    pub rows: bool,
    /// The panes list the paragraphs no topic claims instead of the topic's members.
    pub unclaimed: bool,
    /// The focused pane: what pairwise marks compare with.
    pub reference: usize,
    pub query: Option<String>,
}

/// What the layout functions read.
pub(super) struct Ctx<'a> {
    pub(super) shape: &'a Shape,
    pub(super) synopsis: &'a Synopsis,
    pub(super) caches: &'a Caches,
}

/// Lay out the panes of `shape`, from the spans and marks `caches` holds for them.
pub fn build_view(shape: &Shape, synopsis: &Synopsis, caches: &Caches) -> View {
    if synopsis.topics.is_empty() && !shape.full_article {
        return View { panes: vec![] };
    }
    let app = Ctx {
        shape,
        synopsis,
        caches,
    };
    if shape.rows && !shape.full_article && !shape.unclaimed {
        return View {
            panes: super::rows_view::row_panes(&app),
        };
    }
    let panes = shape
        .articles
        .iter()
        .map(|&a| {
            if shape.full_article {
                full_pane(&app, a, shape.inner_width)
            } else if shape.unclaimed {
                unclaimed_pane(&app, a, shape.inner_width)
            } else {
                topic_pane(&app, a, shape.inner_width)
            }
        })
        .collect();
    View { panes }
}

/// A pane's title: the source's number (what `s` jumps to), its name, its date. A source with
/// neither outlet nor headline is named by its opening words rather than its file name.
pub(super) fn title(app: &Ctx, a: usize) -> String {
    let article = &app.synopsis.articles[a];
    let opening = article
        .paragraphs
        .first()
        .filter(|_| article.meta.outlet.is_none() && article.meta.title.is_none());
    let name = match opening {
        Some(p) => format!(
            "“{}”",
            crate::core::output::layout::shorten(p.text.trim(), 40)
        ),
        None => article.display_name().to_owned(),
    };
    let name = for_terminal(&name).into_owned();
    match &article.meta.date {
        Some(date) => format!("{} · {name} · {}", a + 1, for_terminal(date)),
        None => format!("{} · {name}", a + 1),
    }
}

/// The body paragraphs of article `a` that no topic claims, plain.
fn unclaimed_pane(app: &Ctx, a: usize, width: usize) -> PaneView {
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
fn topic_pane(app: &Ctx, a: usize, width: usize) -> PaneView {
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
    let (a, paragraph) = (member.at.article, member.at.paragraph);
    let mut lines = Vec::new();
    if member.score < WEAK_MEMBER {
        let note = format!("≈ weak link, score {:.2}", member.score);
        lines.extend(wrap(&[Styled::new(note.as_str(), Paint::Note)], width));
    }
    let pieces = member_paint(app, a, paragraph);
    push_wrapped(&mut lines, app, a, paragraph, &pieces, width);
    lines
}

/// The whole article: the current topic's paragraphs painted, the rest dimmed.
fn full_pane(app: &Ctx, a: usize, width: usize) -> PaneView {
    let mut pane = PaneView {
        article: a,
        title: format!("{} — full article", title(app, a)),
        covers: true,
        ..Default::default()
    };
    let topic = app.synopsis.topics.get(app.shape.topic);
    let article = &app.synopsis.articles[a];
    for p in &article.paragraphs {
        if !pane.lines.is_empty() {
            pane.lines.push(Line::blank());
        }
        let member = topic.is_some_and(|t| {
            t.members
                .iter()
                .any(|m| m.at.article == a && m.at.paragraph == p.index)
        });
        if member {
            pane.paragraph_lines.push(ParagraphLine {
                paragraph: p.index,
                line: pane.lines.len(),
            });
        }
        let pieces = if member {
            member_paint(app, a, p.index)
        } else {
            let paint = match p.kind {
                Kind::Heading => Paint::Heading,
                _ => Paint::Dim,
            };
            vec![Styled::new(0..p.text.len(), paint)]
        };
        push_wrapped(&mut pane.lines, app, a, p.index, &pieces, width);
    }
    // Paragraphs outside the topic can be jumped to as well (search), after the members.
    for p in &article.paragraphs {
        if !pane
            .paragraph_lines
            .iter()
            .any(|pl| pl.paragraph == p.index)
        {
            let line = line_of_paragraph(article.paragraphs.len(), &pane, p.index);
            pane.paragraph_lines.push(ParagraphLine {
                paragraph: p.index,
                line,
            });
        }
    }
    pane
}

/// Rough position of a paragraph that was not recorded: proportional to its index.
fn line_of_paragraph(count: usize, pane: &PaneView, index: usize) -> usize {
    pane.lines.len() * index / count.max(1)
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
    let text = &app.synopsis.articles[a].paragraphs[paragraph].text;
    let matches = app
        .shape
        .query
        .as_deref()
        .map_or_else(Vec::new, |q| match_ranges(text, q));
    let painted = overlay(pieces, &matches);
    let owned: Vec<Styled<String, Paint>> = painted
        .into_iter()
        .filter(|p| !p.text.is_empty())
        .map(|p| Styled::new(for_terminal(&text[p.text]).into_owned(), p.style))
        .collect();
    lines.extend(wrap(&borrowed(&owned), width));
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
