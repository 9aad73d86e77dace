//! Where the reader's parts are on screen for its state: how many panes fit and which are shown,
//! the areas of the screen, and the topic list's rows (see `geometry` for the arithmetic).

use ratatui::layout::Rect;

use super::{App, Overlay};
use crate::tui::state::geometry::{Areas, list_row, list_skip, list_width};
use crate::tui::state::sources::Listing;

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
        let first = self.window_start();
        let end = (first + self.visible_panes()).min(self.order.len());
        self.order[first.min(end)..end].to_vec()
    }

    /// The position of the first pane shown: the window the user paged to, moved as little as
    /// it takes to show the focused pane and to be full.
    pub(crate) fn window_start(&self) -> usize {
        let visible = self.visible_panes();
        let mut first = self.first_pane;
        if let Some(at) = self.position(self.focus) {
            if at < first {
                first = at;
            } else if at >= first + visible {
                first = at + 1 - visible;
            }
        }
        // Leaving the full-article view (one pane) or widening the terminal must not leave
        // panes hidden on the left.
        if !self.full_article {
            first = first.min(self.order.len().saturating_sub(visible));
        }
        first
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

    /// The open topic list's width; 0 when it is closed.
    pub fn list_width(&self) -> u16 {
        if self.overlay == Overlay::TopicList {
            list_width(self.size.0)
        } else {
            0
        }
    }

    /// The areas of the whole screen, as the reader lays it out.
    pub fn areas(&self) -> Areas {
        self.areas_in(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The areas of `area` for the current state.
    pub fn areas_in(&self, area: Rect) -> Areas {
        let figures = self.show_figures.then(|| self.figures_of(self.topic).len());
        Areas::new(area, self.list_width(), figures)
    }

    /// The listed topics and how many of them scroll off the top of a list drawn in `area`.
    pub fn list_window(&self, area: Rect) -> (Vec<usize>, usize) {
        let listed = self.listed_topics();
        let skip = list_skip(&listed, self.list.selected, area);
        (listed, skip)
    }

    /// The topic drawn at screen row `row` of the topic list in `area`, if any.
    pub fn list_row_topic(&self, area: Rect, row: u16) -> Option<usize> {
        let (listed, skip) = self.list_window(area);
        list_row(&listed, skip, area, row)
    }
}
