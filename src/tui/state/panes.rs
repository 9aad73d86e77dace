//! What the reader's keys for many sources do: which panes are shown, jumps by number, clicks,
//! the filtered topic list, and taking passages out (clipboard, pager).

use super::{App, Overlay};
use crate::tui::effects::Request;
use crate::tui::effects::outside::COPY_LIMIT;
use crate::tui::keys::action::Action;
use synoptic_core::output::export::excerpt::{markdown_row, passage};
use synoptic_core::output::sanitize::for_terminal;

impl App {
    /// Where article `a` stands in the pane order.
    pub(super) fn position(&self, a: usize) -> Option<usize> {
        self.order.iter().position(|&x| x == a)
    }

    pub(super) fn step_focus(&mut self, by: isize) {
        let at = self.position(self.focus).unwrap_or(0);
        let last = self.order.len().saturating_sub(1);
        let next = at.saturating_add_signed(by).min(last);
        if let Some(&a) = self.order.get(next) {
            self.focus = a;
        }
    }

    pub(super) fn number_prompt(&self) -> String {
        let keys = |a| {
            self.keymap
                .first_key(crate::tui::keys::keymap::Context::Reader, a)
                .unwrap_or_else(|| "?".into())
        };
        let n = self.number.unwrap_or(0);
        format!(
            "{n}: {} topic · {} source · {} paragraph into topic {n} · {} out of it",
            keys(Action::GoToTopic),
            keys(Action::GoToSource),
            keys(Action::PinIn),
            keys(Action::PinOut),
        )
    }

    pub(super) fn go_to_topic(&mut self, number: Option<usize>) {
        match number {
            Some(n) => {
                if let Some(t) = self.numbered_topic(n) {
                    self.go_topic(t);
                }
            }
            None => self.status = Some("type a topic's number first, then this key".into()),
        }
    }

    /// The index of the topic numbered `n` (from 1), or none, said in the status bar.
    pub(super) fn numbered_topic(&mut self, n: usize) -> Option<usize> {
        let count = self.topic_count();
        if (1..=count).contains(&n) {
            Some(n - 1)
        } else {
            self.status = Some(format!("no topic {n}: topics are numbered 1 to {count}"));
            None
        }
    }

    pub(super) fn go_to_source(&mut self, number: Option<usize>) {
        let count = self.synopsis.articles.len();
        match number {
            Some(n) if (1..=count).contains(&n) => {
                if self.position(n - 1).is_none() {
                    // The source is hidden because it has nothing here: show it all the same.
                    self.all_sources = true;
                }
                self.focus = n - 1;
            }
            Some(n) => {
                self.status = Some(format!("no source {n}: sources are numbered 1 to {count}"));
            }
            None => self.status = Some("type a source's number first, then this key".into()),
        }
    }

    pub(super) fn toggle_all_sources(&mut self) {
        self.all_sources = !self.all_sources;
        self.refocus = true;
        self.status = Some(if self.all_sources {
            format!("showing all {} sources", self.synopsis.articles.len())
        } else {
            "showing the sources that cover this topic when they do not all fit".into()
        });
    }

    /// The paragraph of `article`'s pane on the cursor's row: in synopsis rows, the one that
    /// starts on the line where the focused pane's cursor does (none when that pane has
    /// nothing on the row); otherwise that pane's own cursor.
    fn on_cursor_row(&self, article: usize) -> Option<usize> {
        let together = self.scrolled_together(self.focus);
        if together.len() < 2 || !together.contains(&article) {
            return self.cursor_in(article).map(|(p, _)| p);
        }
        let (_, lines) = self.cursor_in(self.focus)?;
        let pane = self.view.panes.iter().find(|p| p.article == article)?;
        pane.paragraph_lines
            .iter()
            .find(|pl| pl.line == lines.start)
            .map(|pl| pl.paragraph)
    }

    fn request_copy(&mut self, text: String, what: &str) {
        if text.len() > COPY_LIMIT {
            self.status = Some(format!(
                "{what} is too long to copy ({} bytes; terminals take about {COPY_LIMIT})",
                text.len()
            ));
            return;
        }
        self.status = Some(format!(
            "copied {what} ({} characters)",
            text.chars().count()
        ));
        self.requests.push(Request::Copy(text));
    }

    pub(super) fn copy_passage(&mut self) {
        let text = self
            .cursor_paragraph()
            .and_then(|at| passage(&self.synopsis.articles[at.article], at.paragraph));
        match text {
            Some(text) => self.request_copy(text, "the passage"),
            None => self.status = Some("nothing to copy: this pane shows no passage".into()),
        }
    }

    pub(super) fn copy_row(&mut self) {
        let shown: Vec<(usize, Option<usize>)> = self
            .view
            .panes
            .iter()
            .map(|p| (p.article, self.on_cursor_row(p.article)))
            .collect();
        if shown.iter().all(|(_, p)| p.is_none()) {
            self.status = Some("nothing to copy: no pane shows a passage".into());
            return;
        }
        let columns: Vec<_> = shown
            .iter()
            .map(|&(a, p)| (&self.synopsis.articles[a], p))
            .collect();
        let table = markdown_row(&columns);
        let what = format!("{} passages as a Markdown table", shown.len());
        self.request_copy(table, &what);
    }

    pub(super) fn open_pager(&mut self) {
        let Some(article) = self.synopsis.articles.get(self.focus) else {
            return;
        };
        let mut text = format!("{}\n", for_terminal(&article.display_name()));
        if let Some(date) = &article.meta.date {
            text.push_str(&format!("{}\n", for_terminal(date)));
        }
        text.push_str(&format!("{}\n", for_terminal(&article.path)));
        for p in &article.paragraphs {
            text.push_str(&format!("\n{}\n", for_terminal(&p.text)));
        }
        self.requests.push(Request::Pager(text));
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let inside = |r: ratatui::layout::Rect| {
            (r.x..r.x + r.width).contains(&column) && (r.y..r.y + r.height).contains(&row)
        };
        if self.overlay == crate::tui::state::app::Overlay::TopicList && inside(areas.list) {
            if let Some(t) = self.list_row_topic(areas.list, row) {
                self.go_topic(t);
                self.overlay = Overlay::None;
            }
        } else if inside(areas.panes) && self.overlay == Overlay::None {
            let shown = self.view.panes.len().max(1) as u16;
            let width = (areas.panes.width / shown).max(1);
            let i = usize::from((column - areas.panes.x) / width).min(usize::from(shown) - 1);
            if let Some(article) = self.view.panes.get(i).map(|p| p.article) {
                self.focus = article;
                // The border's line is no paragraph's.
                if let Some(inner) = (row - areas.panes.y).checked_sub(1) {
                    let line = self.scroll[article] + usize::from(inner);
                    self.put_cursor(article, line);
                }
            }
        }
    }

    /// The topics the list shows (see `TopicList::listed`).
    pub fn listed_topics(&self) -> Vec<usize> {
        self.list.listed(&self.synopsis.topics)
    }
}
