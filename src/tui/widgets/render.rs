//! Drawing: a pure function of `&App` and a frame. Nothing here changes the state.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::keys::action::Action;
use crate::tui::keys::help::{PopupWidth, help_lines_within, max_scroll, popup_width};
use crate::tui::keys::keymap::Context;
use crate::tui::layout::view::{Paint, PaneView};
use crate::tui::state::app::{App, MIN_SIZE, Overlay};
use crate::tui::widgets::legend::render_legend;
use crate::tui::widgets::pane::PaneWidget;
use crate::tui::widgets::status::render_status;
use crate::tui::widgets::topic_list::render_topic_list;
use synoptic_core::output::sanitize::for_terminal;

/// Draw the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = format!(
            "Terminal too small: {}x{}, synoptic needs {}x{}.",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        );
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let areas = app.areas_in(area);
    if areas.figures.height > 0 {
        render_figures(app, frame, areas.figures);
    }
    if areas.list.width > 0 {
        render_topic_list(app, frame, areas.list);
    }
    render_panes(app, frame, areas.panes);
    render_legend(app, frame, areas.legend);
    render_status(app, frame, areas.status);
    if app.overlay == Overlay::Help {
        render_help(app, frame, areas.help);
    }
}

fn render_panes(app: &App, frame: &mut Frame, area: Rect) {
    if app.view.panes.is_empty() {
        let msg = "No topics: nothing aligned. Press t for the topic list, f for the full article, q to quit.";
        frame.render_widget(
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .block(Block::bordered()),
            area,
        );
        return;
    }
    let n = app.view.panes.len() as u16;
    let width = area.width / n.max(1);
    for (i, pane) in app.view.panes.iter().enumerate() {
        let x = area.x + i as u16 * width;
        let w = if i as u16 == n - 1 {
            area.width - (x - area.x)
        } else {
            width
        };
        render_pane(
            app,
            frame,
            pane,
            Rect {
                x,
                width: w,
                ..area
            },
        );
    }
}

fn render_pane(app: &App, frame: &mut Frame, pane: &PaneView, area: Rect) {
    let total = app.order.len();
    let place = (total > app.view.panes.len() && !app.full_article).then(|| {
        let at = app
            .order
            .iter()
            .position(|&a| a == pane.article)
            .unwrap_or(0);
        (at, total)
    });
    let widget = PaneWidget {
        pane,
        scroll: app.scroll.get(pane.article).copied().unwrap_or(0),
        place,
        focused: pane.article == app.focus,
        cursor: if pane.article == app.focus {
            app.cursor_parts(pane.article)
        } else {
            Vec::new()
        },
        theme: &app.theme,
        color: app.color,
    };
    frame.render_widget(widget, area);
}

fn render_figures(app: &App, frame: &mut Frame, area: Rect) {
    let groups = app.figures_of(app.topic);
    let mut lines: Vec<TLine> = groups
        .iter()
        .map(|g| {
            let values: Vec<String> = g
                .values
                .iter()
                .map(|v| {
                    format!(
                        "{} ({})",
                        for_terminal(&v.text),
                        v.articles
                            .iter()
                            .map(|a| short(app, a))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
                .collect();
            let mark = if g.disagree { "≠" } else { "=" };
            let s = if g.disagree {
                app.theme.style(Paint::SharedSome, app.color)
            } else {
                Style::default()
            };
            TLine::from(vec![
                Span::styled(format!("{mark} {}: ", for_terminal(&g.what)), s),
                Span::raw(values.join(" · ")),
            ])
        })
        .collect();
    if lines.is_empty() {
        lines.push(TLine::from(
            "No figure is reported by two sources in this topic.",
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Figures ")),
        area,
    );
}

/// A source of a figure (by its id), named as its pane is, shortened for the figures panel.
fn short(app: &App, id: &str) -> String {
    let name = synoptic_core::model::article::source_name_of_id(&app.synopsis.articles, id);
    synoptic_core::output::layout::shorten(&for_terminal(&name), 28)
}

fn render_help(app: &App, frame: &mut Frame, area: Rect) {
    let PopupWidth {
        outer: width,
        text: inner_width,
    } = popup_width(area.width);
    let lines: Vec<TLine> = help_lines_within(&app.keymap, inner_width)
        .into_iter()
        .map(|l| {
            let style = if l.title {
                Style::default().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            };
            TLine::from(Span::styled(l.text, style))
        })
        .collect();
    let height = area.height.min(lines.len() as u16 + 2);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let inner = usize::from(height.saturating_sub(2));
    let scroll = app
        .help
        .scroll
        .min(max_scroll(lines.len(), frame.area().height));
    let help = app.keymap.first_key(Context::Reader, Action::Help);
    let back = app.keymap.first_key(Context::Reader, Action::Back);
    let close: Vec<String> = help.into_iter().chain(back).collect();
    let mut title = format!(" Help: {} to close ", close.join(" or "));
    if lines.len() > inner {
        let down = app.keymap.first_key(Context::Reader, Action::ScrollDown);
        let up = app.keymap.first_key(Context::Reader, Action::ScrollUp);
        let keys: Vec<String> = down.into_iter().chain(up).collect();
        title.push_str(&format!("· {} to scroll ", keys.join("/")));
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll.min(usize::from(u16::MAX)) as u16, 0))
            .block(Block::bordered().title(title)),
        popup,
    );
}
