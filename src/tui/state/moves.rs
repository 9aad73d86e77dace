//! What each action does to the reader's state: moving between topics, panes, matches and
//! views, and exporting. `App::update` dispatches here.

use std::sync::mpsc::TryRecvError;

use std::sync::Arc;

use super::{App, Overlay};
use crate::tui::effects::Request;
use crate::tui::layout::mode::Mode;
use crate::tui::layout::search::find_matches;
use crate::tui::layout::view::Shape;
use synoptic_core::output::sanitize;

impl App {
    pub(super) fn go_topic(&mut self, t: usize) {
        let n = self.topic_count();
        if n == 0 {
            return;
        }
        self.topic = t % n;
        self.unclaimed = false;
        self.refocus = true;
        self.list.selected = self.topic;
        self.scroll.iter_mut().for_each(|s| *s = 0);
        self.full_article = false;
    }

    pub(super) fn scroll_by(&mut self, lines: i64) {
        for a in self.scrolled_together(self.focus) {
            let s = &mut self.scroll[a];
            *s = s.saturating_add_signed(lines as isize);
        }
    }

    /// Set the scroll of `article`'s pane, and of the panes that move with it.
    pub(super) fn scroll_to(&mut self, article: usize, line: usize) {
        for a in self.scrolled_together(article) {
            self.scroll[a] = line;
        }
    }

    /// To the end of the focused pane (of every pane on screen, in rows), as a pager's `G`:
    /// its last screenful shown and the cursor on its last paragraph, so that `+` or `-`
    /// then acts on the paragraph the reader went to.
    pub(super) fn go_bottom(&mut self) {
        for a in self.scrolled_together(self.focus) {
            if let Some(pane) = self.view.panes.iter().find(|p| p.article == a) {
                self.cursor[a] = pane.paragraph_lines.last().map(|pl| pl.paragraph);
            }
        }
        self.scroll_to(self.focus, usize::MAX);
    }

    /// The panes that scroll with `article`'s: in synopsis rows, every pane on screen, so the
    /// rows stay facing; otherwise its own.
    pub(super) fn scrolled_together(&self, article: usize) -> Vec<usize> {
        if self.in_rows() {
            self.view.panes.iter().map(|p| p.article).collect()
        } else {
            vec![article]
        }
    }

    pub(super) fn cycle_mode(&mut self) {
        self.mode = self.mode.next();
    }

    pub(super) fn toggle_overlay(&mut self, overlay: Overlay) {
        self.overlay = if self.overlay == overlay {
            Overlay::None
        } else {
            overlay
        };
        if overlay == Overlay::TopicList {
            self.list = crate::tui::state::overlays::TopicList {
                selected: self.topic,
                filter: String::new(),
            };
        }
    }

    /// Close the innermost thing open: an overlay, then the full-article view, then the
    /// figures panel.
    pub(super) fn back(&mut self) {
        if self.overlay == Overlay::TopicList && !self.list.filter.is_empty() {
            self.list.filter.clear();
        } else if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
        } else if self.full_article {
            self.full_article = false;
        } else if self.show_figures {
            self.show_figures = false;
        }
    }

    pub(super) fn toggle_full_article(&mut self) {
        self.full_article = !self.full_article;
        if self.full_article {
            // The article opens on the paragraph under the cursor, else the topic's first.
            let at = self.cursor_paragraph().map(|p| p.paragraph);
            self.pending_jump = Some((self.focus, at));
        }
    }

    pub(super) fn wheel(&mut self, column: u16, lines: i16) {
        let x = column.saturating_sub(self.list_width());
        let pane_width = (self.pane_area_width() / self.visible_panes() as u16).max(1);
        let pane = self.window_start() + usize::from(x / pane_width);
        if let Some(&article) = self.order.get(pane) {
            let article = if self.full_article {
                self.focus
            } else {
                article
            };
            let line = self.scroll[article].saturating_add_signed(isize::from(lines));
            self.scroll_to(article, line);
        }
    }

    pub(super) fn submit_search(&mut self) {
        self.overlay = Overlay::None;
        let query = self.search.input.trim().to_owned();
        self.search.index = None;
        if query.is_empty() {
            self.search.query = None;
            self.search.matches.clear();
            return;
        }
        self.search.matches = find_matches(&self.synopsis, &query);
        self.search.query = Some(query);
        self.step_match(true);
    }

    /// Show the next (or previous) match, and say which of how many it is.
    pub(super) fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        let query = self.search.query.clone().unwrap_or_default();
        if n == 0 {
            self.status = Some(if query.is_empty() {
                "no search yet: press / to search".into()
            } else {
                format!("no paragraph matches “{query}”")
            });
            return;
        }
        let here = (self.topic, self.focus);
        let i = match (self.search.index, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, _) => self
                .search
                .matches
                .iter()
                .position(|m| (m.topic.unwrap_or(usize::MAX), m.article) >= here)
                .unwrap_or(0),
        };
        self.search.index = Some(i);
        let m = self.search.matches[i];
        if let Some(t) = m.topic {
            self.go_topic(t);
        } else {
            self.full_article = true;
        }
        // The match's source is what to show, wherever it stands in the order.
        self.refocus = false;
        self.focus = m.article;
        self.pending_jump = Some((m.article, Some(m.paragraph)));
        self.status = Some(format!("match {} of {n} for “{query}”", i + 1));
    }

    /// Take the result of a finished export into the status line; true when something changed.
    /// The event loop calls this between keys.
    pub fn poll_background(&mut self) -> bool {
        let Some(rx) = &self.exporting else {
            return false;
        };
        let message = match rx.try_recv() {
            Ok(message) => message,
            Err(TryRecvError::Empty) => return false,
            // The writer died without a word (a panic): say so rather than stay silent.
            Err(TryRecvError::Disconnected) => {
                "export failed: the writer stopped unexpectedly".into()
            }
        };
        self.exporting = None;
        self.status = Some(message);
        true
    }

    /// Whether an export is still being written.
    pub fn is_exporting(&self) -> bool {
        self.exporting.is_some()
    }

    /// Ask for the current topic (or every topic) as a text export to a new file in
    /// `export_dir`; the event loop writes it on a thread of its own (`export_started`).
    pub(super) fn export(&mut self, all: bool) {
        if self.exporting.is_some() {
            self.status = Some("an export is still being written; wait for it".into());
            return;
        }
        let topic = self.synopsis.topics.get(self.topic).map(|t| t.id.clone());
        self.requests.push(Request::Export {
            topic: if all { None } else { topic },
            dir: self.export_dir.clone(),
        });
    }

    /// An export is being written to `path`; `done` brings its status line.
    pub fn export_started(
        &mut self,
        path: &std::path::Path,
        done: std::sync::mpsc::Receiver<String>,
    ) {
        self.status = Some(format!("exporting to {}…", path.display()));
        self.exporting = Some(done);
    }

    /// Compute what the screen about to be laid out as `shape` needs, for the panes it shows
    /// only.
    pub(super) fn fill_caches(&mut self, shape: &Shape) {
        self.caches.fill_copies(&self.synopsis);
        let t = shape.topic;
        if t >= self.topic_count() {
            return;
        }
        let synopsis = Arc::clone(&self.synopsis);
        if shape.unclaimed {
            return;
        }
        if shape.in_rows() {
            self.caches.fill_weights(&synopsis);
        }
        match shape.mode {
            Mode::Agreement | Mode::Own => self.caches.fill_spans(&synopsis, t, &shape.articles),
            Mode::Pairwise => self.caches.fill_pairwise(&synopsis, t, shape.reference),
            Mode::Plain => {}
        }
        if self.show_figures {
            self.caches.fill_figures(&synopsis, t);
        }
    }

    /// Text pasted into the terminal: it goes to the prompt that is open (search or keyword),
    /// as one line, and is never read as key commands. With no prompt open it is dropped, and
    /// the status says so. A prompt holds at most `PASTE_LIMIT` characters.
    pub fn paste(&mut self, text: &str) {
        if !matches!(self.overlay, Overlay::Search | Overlay::Keyword) {
            self.status =
                Some("pasted text ignored: open the search (/) or keyword prompt first".into());
            return;
        }
        let room = PASTE_LIMIT.saturating_sub(self.search.input.chars().count());
        let one_line: Vec<char> = text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|&c| !sanitize::is_unsafe(c) && !sanitize::is_invisible(c))
            .collect();
        self.search.input.extend(one_line.iter().take(room));
        if one_line.len() > room {
            self.status = Some(format!("paste cut to {PASTE_LIMIT} characters"));
        }
    }
}

/// The longest text a prompt takes from a paste: a search or a keyword, not a document.
pub const PASTE_LIMIT: usize = 1000;
