//! Screen geometry in one place: where each part of the reader goes for a terminal size, so
//! that drawing and scrolling agree on what is visible.

use ratatui::layout::Rect;

use super::app::App;

/// Where each part of the screen goes: the figures panel on top when open, the topic list and
/// the panes side by side, then the legend and status lines.
pub struct Areas {
    pub figures: Rect,
    pub list: Rect,
    pub panes: Rect,
    pub legend: Rect,
    pub status: Rect,
    /// The help screen: everything above the status bar, which says how to close it.
    pub help: Rect,
}

impl Areas {
    pub fn of(app: &App, area: Rect) -> Areas {
        let figures_height = if app.show_figures {
            figures_height(app, area.height)
        } else {
            0
        };
        let main_height = area.height.saturating_sub(2 + figures_height);
        let main = Rect {
            y: area.y + figures_height,
            height: main_height,
            ..area
        };
        let list_width = app.list_width();
        let line = |y: u16| Rect {
            y,
            height: 1,
            ..area
        };
        Areas {
            figures: Rect {
                height: figures_height,
                ..area
            },
            list: Rect {
                width: list_width,
                ..main
            },
            panes: Rect {
                x: main.x + list_width,
                width: main.width.saturating_sub(list_width),
                ..main
            },
            legend: line(main.y + main_height),
            status: line(main.y + main_height + 1),
            help: Rect {
                height: area.height.saturating_sub(1),
                ..area
            },
        }
    }
}

/// The figures panel: a line per group of figures and its border, at most a third of the
/// screen.
fn figures_height(app: &App, height: u16) -> u16 {
    let groups = app.figures_of(app.topic).len().max(1) as u16;
    (groups + 2).min(height / 3)
}

/// The whole screen, as the reader lays it out.
pub fn screen(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1)
}
