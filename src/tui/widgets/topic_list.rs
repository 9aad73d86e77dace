//! The topic list beside the panes: each topic listed (or those the typed filter keeps) with
//! its number of paragraphs, the sources that cover it and its keywords. Drawing and clicks
//! share one window of rows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::tui::layout::view::Paint;
use crate::tui::state::app::App;
use synoptic_core::model::topic::{Origin, Topic};
use synoptic_core::output::sanitize::for_terminal;

pub fn render_topic_list(app: &App, frame: &mut Frame, area: Rect) {
    let inner = usize::from(area.width.saturating_sub(2));
    let n = app.synopsis.articles.len();
    let (listed, skip) = app.list_window(area);
    let mut lines = Vec::new();
    for &i in listed.iter().skip(skip) {
        let t = &app.synopsis.topics[i];
        let marker = if i == app.topic { "▸" } else { " " };
        let origin = if t.origin == Origin::Defined {
            ""
        } else {
            " (found)"
        };
        let label = format!("{marker} {}. {}{origin}", i + 1, for_terminal(&t.label));
        let mut s = Style::default();
        if i == app.list.selected {
            s = s.add_modifier(Modifier::REVERSED);
        }
        lines.push(TLine::from(Span::styled(
            synoptic_core::output::layout::fit(&label, inner),
            s,
        )));
        // Its size, its sources and what it is about, as far as the width allows.
        let keywords = for_terminal(&t.keywords.join(", ")).into_owned();
        let about = format!(
            "   {}¶ {} {keywords}",
            t.members.len(),
            coverage(t, n, inner)
        );
        lines.push(TLine::from(Span::styled(
            synoptic_core::output::layout::fit(&about, inner),
            app.theme.style(Paint::Dim, app.color),
        )));
    }
    let total = app.synopsis.topics.len();
    let title = if app.list.filter.is_empty() {
        let hint = format!(" Topics ({total}) · type to filter ");
        // A narrow list keeps its count whole rather than half its hint.
        if hint.chars().count() + 2 <= usize::from(area.width) {
            hint
        } else {
            format!(" Topics ({total}) ")
        }
    } else {
        format!(
            " {} of {total} · “{}” ",
            listed.len(),
            for_terminal(&app.list.filter)
        )
    };
    if listed.is_empty() {
        lines.push(TLine::from("no topic matches: Backspace or Esc"));
    }
    let mut block = Block::bordered().title(title);
    // Below, where a narrow list does not cut it off the title.
    let (shown, panes) = (app.view.panes.len(), app.order.len());
    if shown < panes {
        block = block.title_bottom(format!(" {shown} of {panes} panes shown "));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The sources that cover topic `t`: a cell for each (`■` covers, `·` does not) when they fit in
/// half of a row `width` wide, the keywords keeping the rest; else how many of them.
fn coverage(t: &Topic, sources: usize, width: usize) -> String {
    if sources > width / 2 {
        return format!("{}/{sources} sources", t.covering_count());
    }
    let mut covers = vec![false; sources];
    for m in &t.members {
        if let Some(c) = covers.get_mut(m.at.article) {
            *c = true;
        }
    }
    covers.iter().map(|&c| if c { '■' } else { '·' }).collect()
}
