//! Screen geometry in one place: where each part of the reader goes for a terminal size, so
//! that drawing and scrolling agree on what is visible.

use ratatui::layout::Rect;

use super::app::App;
use super::app::Overlay;
use super::sources::Listing;

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

/// How many panes fit, and which: the pane area once the topic list has its share.
impl App {
    /// What the panes list now.
    pub fn listing(&self) -> Listing {
        if self.unclaimed {
            Listing::Unclaimed
        } else {
            Listing::Topic(self.topic)
        }
    }

    /// How many panes fit side by side in the pane area.
    pub(crate) fn fit(&self) -> usize {
        usize::from(self.pane_area_width() / self.min_pane).max(1)
    }

    /// The articles whose panes are on screen.
    pub(crate) fn shown_articles(&self) -> Vec<usize> {
        if self.full_article {
            return vec![self.focus];
        }
        let end = (self.first_pane + self.visible_panes()).min(self.order.len());
        self.order[self.first_pane.min(end)..end].to_vec()
    }

    /// Panes that fit side by side in the pane area.
    pub fn visible_panes(&self) -> usize {
        if self.full_article {
            return 1;
        }
        self.fit().clamp(1, self.order.len().max(1))
    }

    /// Width left for panes once the topic list takes its share.
    pub fn pane_area_width(&self) -> u16 {
        self.size.0.saturating_sub(self.list_width())
    }

    pub fn list_width(&self) -> u16 {
        if self.overlay == Overlay::TopicList {
            (self.size.0 / 3).clamp(20, 48).min(self.size.0 / 2)
        } else {
            0
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
