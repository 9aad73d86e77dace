//! Bringing the laid-out view up to date with the state: the pane order, the focus, the
//! caches the view needs, and the view itself, laid out again only when its shape changes.

use super::App;
use crate::tui::layout::build::build_view;
use crate::tui::state::sources::pane_order;

impl App {
    /// Forget every computation of the topics and the layout: the topics have changed (the
    /// articles never do).
    pub(super) fn forget_layout(&mut self) {
        self.caches = std::mem::take(&mut self.caches).of_articles_only();
        self.laid_out = None;
    }

    /// Fill the caches the current shape needs and lay the visible panes out, unless they
    /// are laid out for it already (scrolling and overlays do not change the wrapped lines).
    pub(super) fn lay_out(&mut self) {
        let shape = self.shape();
        self.fill_caches(&shape);
        if self.laid_out.as_ref() != Some(&shape) {
            self.view = build_view(&shape, &self.synopsis, &self.caches);
            self.laid_out = Some(shape);
        }
    }

    /// Fill the caches the current state needs, then lay the visible panes out.
    pub(super) fn refresh(&mut self) {
        if self.unclaimed {
            self.caches.fill_unclaimed(&self.synopsis);
        }
        self.order = pane_order(
            &self.synopsis,
            self.listing(),
            self.all_sources,
            self.fit(),
            self.caches.unclaimed(),
        );
        let refocused = std::mem::take(&mut self.refocus) && !self.full_article;
        // The focus was put on a pane by the reader (at start, or its pane left the screen),
        // not kept where the user had it.
        let mut placed = refocused && self.view.panes.is_empty();
        if refocused {
            self.first_pane = 0;
            let top = &self.order[..self.visible_panes().min(self.order.len())];
            if !top.contains(&self.focus) {
                self.focus = top.first().copied().unwrap_or(0);
                placed = true;
            }
        }
        if self.position(self.focus).is_none() && !self.full_article {
            self.focus = self.order.get(self.first_pane).copied().unwrap_or(0);
        }
        // The window the topic list narrows is the user's: it comes back when the list closes.
        if self.list_width() == 0 {
            self.first_pane = self.window_start();
        }
        self.lay_out();
        // A focus the reader places goes to a pane that shows a passage, so that the cursor is
        // on one: in rows, the first pane may wait blank for a row further down.
        if placed && self.cursor_in(self.focus).is_none() {
            let showing = self.view.panes.iter().map(|p| p.article);
            if let Some(a) = showing.into_iter().find(|&a| self.cursor_in(a).is_some()) {
                self.focus = a;
                self.lay_out();
            }
        }
        if let Some((article, paragraph)) = self.pending_jump.take()
            && let Some(line) = self.view.line_of(article, paragraph)
        {
            self.scroll_to(article, line);
            self.cursor[article] = paragraph;
        }
        // A pane scrolls no further than its last screenful, as a pager does: going to the
        // bottom, or to a paragraph near it, never leaves the screen blank below one line.
        let height = self.pane_height().max(1);
        for pane in &self.view.panes {
            let max = pane.lines.len().saturating_sub(height);
            self.scroll[pane.article] = self.scroll[pane.article].min(max);
        }
        self.adopt_shown_cursor();
    }
}
