//! What each piece of a member paragraph is painted, by mode: the telling shared wording
//! (agreement), this source's own words, or its comparison with the reference pane.

use std::ops::Range;

use crate::tui::layout::mode::Mode;
use crate::tui::layout::view::{Ctx, Paint};
use synoptic_core::compare::agree::Level;
use synoptic_core::compare::highlight::{Emphasis, highlighted};
use synoptic_core::compare::pairwise::Change;
use synoptic_core::compare::salience::own_words;
use synoptic_core::model::vectors::ParaRef;
use synoptic_core::output::layout::Styled;

/// A byte range of a paragraph and its paint.
pub(super) type Painted = Styled<Range<usize>, Paint>;

/// Byte ranges of a member paragraph with their paint, for the current mode.
pub(super) fn member_paint(app: &Ctx, a: usize, paragraph: usize) -> Vec<Painted> {
    let text_len = app.synopsis.articles[a].paragraphs[paragraph].text.len();
    match app.shape.mode {
        Mode::Plain => vec![Styled::new(0..text_len, Paint::Plain)],
        Mode::Agreement | Mode::Own => wording_paint(app, a, paragraph, text_len),
        Mode::Pairwise => pairwise_paint(app, a, paragraph, text_len),
    }
}

/// Agreement marks on the telling shared wording, or (`Mode::Own`) this source's own words.
fn wording_paint(app: &Ctx, a: usize, paragraph: usize, text_len: usize) -> Vec<Painted> {
    let plain = || vec![Styled::new(0..text_len, Paint::Plain)];
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
        let own = own_words(
            &app.synopsis.articles[a].paragraphs[paragraph].text,
            tokens,
            &member.spans,
            weights,
        );
        return with_marks(
            text_len,
            own.into_iter().map(|r| Styled::new(r, Paint::Own)),
        );
    }
    let covering = app.synopsis.topics[app.shape.topic].covering_count();
    let telling = app.caches.telling(app.shape.topic, at).unwrap_or_default();
    highlighted(member, covering, Emphasis::TellingOnly(telling))
        .into_iter()
        .map(|piece| {
            let paint = match piece.level {
                Level::All => Paint::SharedAll,
                Level::Several => Paint::SharedSome,
                Level::Alone => Paint::Plain,
            };
            Styled::new(piece.range, paint)
        })
        .collect()
}

/// The whole text as pieces: `marks` (in text order, not overlapping), plain between them.
fn with_marks(text_len: usize, marks: impl Iterator<Item = Painted>) -> Vec<Painted> {
    let mut out = Vec::new();
    let mut at = 0;
    for mark in marks {
        out.push(Styled::new(at..mark.text.start, Paint::Plain));
        at = mark.text.end;
        out.push(mark);
    }
    out.push(Styled::new(at..text_len, Paint::Plain));
    out
}

fn pairwise_paint(app: &Ctx, a: usize, paragraph: usize, text_len: usize) -> Vec<Painted> {
    let Some(member) = app
        .caches
        .pairwise(app.shape.topic, app.shape.reference)
        .and_then(|all| {
            all.iter()
                .find(|m| m.at.article == a && m.at.paragraph == paragraph)
        })
    else {
        return vec![Styled::new(0..text_len, Paint::Plain)];
    };
    let marks = member.marks.iter().map(|mark| {
        let paint = match mark.change {
            Change::Same => Paint::Same,
            Change::Moved => Paint::Moved,
            Change::Changed => Paint::Changed,
        };
        Styled::new(mark.range.clone(), paint)
    });
    with_marks(text_len, marks)
}
