//! The legend line under the panes: what each mark means, in a journalist's words, for the
//! mode in force (or a note when there is nothing to compare).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::Paragraph;

use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::Context;
use crate::tui::layout::mode::Mode;
use crate::tui::layout::view::Paint;
use crate::tui::state::app::App;
use synoptic_core::output::layout::shorten;
use synoptic_core::output::sanitize::for_terminal;

pub fn render_legend(app: &App, frame: &mut Frame, area: Rect) {
    let line = match legend(app, usize::from(area.width)) {
        Ok(mut spans) => {
            // On a narrow screen the closing explanation goes first: the marks stay named.
            let width = |s: &[Span]| s.iter().map(Span::width).sum::<usize>();
            while spans.len() > 1 && width(&spans) > usize::from(area.width) {
                spans.pop();
            }
            Paragraph::new(TLine::from(spans))
        }
        Err(note) => Paragraph::new(note).style(app.theme.style(Paint::Note, app.color)),
    };
    frame.render_widget(line, area);
}

/// The legend's pieces for a line `width` columns wide, or a note to show in their place.
fn legend(app: &App, width: usize) -> Result<Vec<Span<'static>>, String> {
    let style = |p: Paint| app.theme.style(p, app.color);
    if app.unclaimed {
        return Err(
            "paragraphs no topic claims: what each source says that no topic covers".into(),
        );
    }
    let mut spans = match app.mode {
        Mode::Agreement => vec![
            Span::styled("same words in every source", style(Paint::SharedAll)),
            Span::raw(" · "),
            Span::styled("in some sources", style(Paint::SharedSome)),
            Span::raw(" · unmarked: this source alone, or the event's common words"),
        ],
        Mode::Own => vec![
            Span::styled("only this source", style(Paint::Own)),
            Span::raw(": its own figures and rare words, the first things to check"),
        ],
        Mode::Pairwise => pairwise_legend(app, width)?,
        Mode::Plain => vec![Span::raw("plain text")],
    };
    if app.in_rows() {
        // Last, so a narrow screen drops it first, its separator with it: the marks say
        // "repeated" by their place.
        spans.push(Span::styled(ECHO_HINT, style(Paint::Note)));
    }
    Ok(spans)
}

/// What the marks of an echo in synopsis rows mean (`compare::rows::Echo`).
const ECHO_HINT: &str = " · ↓↑ told further down or up, repeated here";

/// What the pairwise legend says beside the reference's name: "against …: " and its three
/// marks, which a line must keep whole.
const PAIRWISE_MARKS: &str = "against : same sentence or quote · told elsewhere · edited";

/// The pairwise legend, or the note that says the reference does not cover the topic. The
/// reference's name takes what the marks leave of `width`, 30 columns at most: on a narrow
/// screen it is cut, never the marks.
fn pairwise_legend(app: &App, width: usize) -> Result<Vec<Span<'static>>, String> {
    let style = |p: Paint| app.theme.style(p, app.color);
    let reference = for_terminal(&synoptic_core::model::article::source_name(
        &app.synopsis.articles,
        app.focus,
    ))
    .into_owned();
    let marks = PAIRWISE_MARKS.chars().count();
    let room = width.saturating_sub(marks + 1).clamp(8, 30);
    let name = shorten(&reference, room);
    let covers = app
        .synopsis
        .topics
        .get(app.topic)
        .is_some_and(|t| t.articles().contains(&app.focus));
    if !covers {
        let keys: Vec<String> = [Action::FocusLeft, Action::FocusRight]
            .iter()
            .filter_map(|&a| app.keymap.first_key(Context::Reader, a))
            .collect();
        return Err(format!(
            "{name} does not cover this topic: focus another pane ({}) to compare against it",
            keys.join("/")
        ));
    }
    Ok(vec![
        Span::raw(format!("against {name}: ")),
        Span::styled("same sentence or quote", style(Paint::Same)),
        Span::raw(" · "),
        Span::styled("told elsewhere", style(Paint::Moved)),
        Span::raw(" · "),
        Span::styled("edited", style(Paint::Changed)),
        Span::raw(" · unmarked: not in it"),
    ])
}
