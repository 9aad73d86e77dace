//! What each piece of a member paragraph is painted, by mode: the telling shared wording
//! (agreement), this source's own words, or its comparison with the reference pane.

use std::ops::Range;

use super::mode::Mode;
use super::view::{Ctx, Paint};
use crate::core::agree::Level;
use crate::core::pairwise::Change;
use crate::core::salience::own_words;
use crate::core::vectors::ParaRef;

/// Byte ranges of a member paragraph with their paint, for the current mode.
pub(super) fn member_paint(app: &Ctx, a: usize, paragraph: usize) -> Vec<(Range<usize>, Paint)> {
    let text_len = app.synopsis.articles[a].paragraphs[paragraph].text.len();
    match app.shape.mode {
        Mode::Plain => vec![(0..text_len, Paint::Plain)],
        Mode::Agreement | Mode::Own => wording_paint(app, a, paragraph, text_len),
        Mode::Pairwise => pairwise_paint(app, a, paragraph, text_len),
    }
}

/// Agreement marks on the telling shared wording, or (`Mode::Own`) this source's own words.
fn wording_paint(
    app: &Ctx,
    a: usize,
    paragraph: usize,
    text_len: usize,
) -> Vec<(Range<usize>, Paint)> {
    let plain = || vec![(0..text_len, Paint::Plain)];
    let at = ParaRef {
        article: a,
        paragraph,
    };
    let (Some(member), Some(weights)) =
        (app.caches.spans(app.shape.topic, at), app.caches.weights())
    else {
        return plain();
    };
    let tokens = &app.synopsis.articles[a].paragraphs[paragraph].tokens;
    if app.shape.mode == Mode::Own {
        let own = own_words(tokens, &member.spans, weights);
        return with_marks(text_len, own.into_iter().map(|r| (r, Paint::Own)));
    }
    let covering = app.synopsis.topics[app.shape.topic].covering_count();
    let telling = app.caches.telling(app.shape.topic, at).unwrap_or_default();
    let mut out = Vec::new();
    for s in &member.spans {
        let paint = match s.level(covering) {
            Level::All => Paint::SharedAll,
            Level::Several => Paint::SharedSome,
            Level::Alone => Paint::Plain,
        };
        let mut at = s.range.start;
        // The telling pieces are few and in text order: cut the span at their edges.
        for r in telling
            .iter()
            .filter(|r| r.start < s.range.end && r.end > s.range.start)
        {
            let (from, to) = (r.start.max(s.range.start), r.end.min(s.range.end));
            out.push((at..from, Paint::Plain));
            out.push((from..to, paint));
            at = to;
        }
        out.push((at..s.range.end, Paint::Plain));
    }
    out.retain(|(r, _)| !r.is_empty());
    out
}

/// The whole text as pieces: `marks` (in text order, not overlapping), plain between them.
fn with_marks(
    text_len: usize,
    marks: impl Iterator<Item = (Range<usize>, Paint)>,
) -> Vec<(Range<usize>, Paint)> {
    let mut out = Vec::new();
    let mut at = 0;
    for (range, paint) in marks {
        out.push((at..range.start, Paint::Plain));
        at = range.end;
        out.push((range, paint));
    }
    out.push((at..text_len, Paint::Plain));
    out
}

fn pairwise_paint(
    app: &Ctx,
    a: usize,
    paragraph: usize,
    text_len: usize,
) -> Vec<(Range<usize>, Paint)> {
    let Some(member) = app
        .caches
        .pairwise(app.shape.topic, app.shape.reference)
        .and_then(|all| {
            all.iter()
                .find(|m| m.at.article == a && m.at.paragraph == paragraph)
        })
    else {
        return vec![(0..text_len, Paint::Plain)];
    };
    let marks = member.marks.iter().map(|mark| {
        let paint = match mark.change {
            Change::Same => Paint::Same,
            Change::Moved => Paint::Moved,
            Change::Changed => Paint::Changed,
        };
        (mark.range.clone(), paint)
    });
    with_marks(text_len, marks)
}
