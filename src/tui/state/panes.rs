//! What the reader's keys for many sources do: which panes are shown, jumps by number, clicks,
//! the filtered topic list, and taking passages out (clipboard, pager).

use super::{App, Overlay};
use crate::tui::effects::outside::{COPY_LIMIT, Request};
use crate::tui::keys::action::Action;
use synoptic_core::lang::text::fold;
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

    /// The actions of this file; true when `action` was one of them. `number`: what was typed
    /// before it.
    pub(super) fn take_out(
        &mut self,
        action: crate::tui::keys::action::Action,
        number: Option<usize>,
    ) -> bool {
        match action {
            Action::Digit(d) => {
                let n = number.unwrap_or(0).saturating_mul(10) + usize::from(d);
                self.number = Some(n.min(9_999_999));
                self.status = Some(self.number_prompt());
            }
            Action::GoToTopic => self.go_to_topic(number),
            Action::GoToSource => self.go_to_source(number),
            Action::ToggleAllSources => self.toggle_all_sources(),
            Action::ToggleUnclaimed => {
                self.unclaimed = !self.unclaimed;
                self.refocus = true;
                self.full_article = false;
                self.scroll.iter_mut().for_each(|s| *s = 0);
            }
            Action::ToggleRows => {
                self.rows = !self.rows;
                let first = self.scroll.get(self.focus).copied().unwrap_or(0);
                for a in self.scrolled_together(self.focus) {
                    self.scroll[a] = first;
                }
            }
            Action::CopyPassage => self.copy_passage(),
            Action::CopyRow => self.copy_row(),
            Action::OpenPager => self.open_pager(),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.status = Some(if self.mouse {
                    "mouse on: click a pane or a topic, wheel to scroll".into()
                } else {
                    "mouse off: drag to select text with the terminal".into()
                });
            }
            Action::Click(column, row) => self.click(column, row),
            Action::PinIn => self.pin_focused(true),
            Action::PinOut => self.pin_focused(false),
            Action::AddKeyword => {
                if self.synopsis.topics.is_empty() {
                    self.status = Some("no topic to add a keyword to".into());
                } else {
                    self.overlay = Overlay::Keyword;
                    self.search_input.clear();
                }
            }
            Action::ConfirmYes => self.answer_save(true),
            Action::Back if self.overlay == Overlay::Confirm => self.answer_save(false),
            _ => return false,
        }
        true
    }

    fn number_prompt(&self) -> String {
        let keys = |a| {
            self.keymap
                .first_key(crate::tui::keys::keymap::Context::Reader, a)
                .unwrap_or_else(|| "?".into())
        };
        format!(
            "{}: {} topic · {} source",
            self.number.unwrap_or(0),
            keys(Action::GoToTopic),
            keys(Action::GoToSource)
        )
    }

    fn go_to_topic(&mut self, number: Option<usize>) {
        let count = self.topic_count();
        match number {
            Some(n) if (1..=count).contains(&n) => {
                self.go_topic(n - 1);
            }
            Some(n) => {
                self.status = Some(format!("no topic {n}: topics are numbered 1 to {count}"));
            }
            None => self.status = Some("type a topic's number first, then this key".into()),
        }
    }

    fn go_to_source(&mut self, number: Option<usize>) {
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

    fn toggle_all_sources(&mut self) {
        self.all_sources = !self.all_sources;
        self.refocus = true;
        self.status = Some(if self.all_sources {
            format!("showing all {} sources", self.synopsis.articles.len())
        } else {
            "showing the sources that cover this topic when they do not all fit".into()
        });
    }

    /// The paragraph at the top of the focused pane.
    fn focused_passage(&self) -> Option<(usize, usize)> {
        self.passage_at_top(self.focus)
    }

    pub(super) fn focused_paragraph(&self) -> Option<synoptic_core::model::vectors::ParaRef> {
        self.focused_passage().map(
            |(article, paragraph)| synoptic_core::model::vectors::ParaRef { article, paragraph },
        )
    }

    fn passage_at_top(&self, article: usize) -> Option<(usize, usize)> {
        let pane = self.view.panes.iter().find(|p| p.article == article)?;
        let scroll = self.scroll.get(article).copied().unwrap_or(0);
        let first = pane.paragraph_lines.iter().min_by_key(|pl| pl.line)?;
        let at = pane
            .paragraph_lines
            .iter()
            .filter(|pl| pl.line <= scroll)
            .max_by_key(|pl| pl.line)
            .unwrap_or(first);
        Some((article, at.paragraph))
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
        self.request = Some(Request::Copy(text));
    }

    fn copy_passage(&mut self) {
        let text = self
            .focused_passage()
            .and_then(|(a, p)| passage(&self.synopsis.articles[a], p));
        match text {
            Some(text) => self.request_copy(text, "the passage"),
            None => self.status = Some("nothing to copy: this pane shows no passage".into()),
        }
    }

    fn copy_row(&mut self) {
        let shown: Vec<(usize, Option<usize>)> = self
            .view
            .panes
            .iter()
            .map(|p| (p.article, self.passage_at_top(p.article).map(|(_, q)| q)))
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

    fn open_pager(&mut self) {
        let Some(article) = self.synopsis.articles.get(self.focus) else {
            return;
        };
        let mut text = format!("{}\n", for_terminal(article.display_name()));
        if let Some(date) = &article.meta.date {
            text.push_str(&format!("{}\n", for_terminal(date)));
        }
        text.push_str(&format!("{}\n", for_terminal(&article.path)));
        for p in &article.paragraphs {
            text.push_str(&format!("\n{}\n", for_terminal(&p.text)));
        }
        self.request = Some(Request::Pager(text));
    }

    fn click(&mut self, column: u16, row: u16) {
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
            if let Some(pane) = self.view.panes.get(i) {
                self.focus = pane.article;
            }
        }
    }

    /// The topics the list shows: all, or those whose label, id or keywords contain the
    /// filter (case and accents ignored).
    pub fn listed_topics(&self) -> Vec<usize> {
        let filter = fold(self.list_filter.trim());
        (0..self.topic_count())
            .filter(|&t| {
                let topic = &self.synopsis.topics[t];
                filter.is_empty()
                    || fold(&topic.label).contains(&filter)
                    || fold(&topic.id).contains(&filter)
                    || topic.keywords.iter().any(|k| fold(k).contains(&filter))
            })
            .collect()
    }

    /// The actions of the topic list.
    pub(super) fn in_topic_list(&mut self, action: Action) {
        let listed = self.listed_topics();
        let at = listed.iter().position(|&t| t == self.list_selected);
        let page = usize::from(self.size.1 / 2).max(1);
        let step = |by: isize| {
            let last = listed.len().saturating_sub(1);
            at.map_or(0, |i| i.saturating_add_signed(by).min(last))
        };
        match action {
            Action::ListDown => self.select_listed(&listed, step(1)),
            Action::ListUp => self.select_listed(&listed, step(-1)),
            Action::ListPageDown => self.select_listed(&listed, step(page as isize)),
            Action::ListPageUp => self.select_listed(&listed, step(-(page as isize))),
            Action::ListFirst => self.select_listed(&listed, 0),
            Action::ListLast => self.select_listed(&listed, listed.len().saturating_sub(1)),
            Action::ListOpen => {
                if at.is_some() {
                    self.go_topic(self.list_selected);
                    self.overlay = Overlay::None;
                    self.list_filter.clear();
                } else {
                    self.status = Some("no topic matches the filter".into());
                }
            }
            Action::ListFilterInput(c) => {
                self.list_filter.push(c);
                self.refilter();
            }
            Action::ListFilterBackspace => {
                self.list_filter.pop();
                self.refilter();
            }
            _ => {}
        }
    }

    /// Keep the selection if the filter still lists it, else select the first listed topic.
    fn refilter(&mut self) {
        let listed = self.listed_topics();
        if !listed.contains(&self.list_selected) {
            self.select_listed(&listed, 0);
        }
    }

    fn select_listed(&mut self, listed: &[usize], at: usize) {
        if let Some(&t) = listed.get(at) {
            self.list_selected = t;
        }
    }
}
