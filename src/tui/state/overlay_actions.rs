//! What the overlays do with their own actions (the help screen, the topic list, the prompt,
//! the save question), and the small reader actions that open them or toggle a view.
//! `App::update` routes each action here first, by the overlay open.

use super::{App, Overlay};
use crate::tui::keys::action::Action;

impl App {
    /// The help screen's actions: scroll keys move it. Whether `action` was one.
    pub(super) fn help_action(&mut self, action: Action) -> bool {
        let width = crate::tui::keys::help::popup_width(self.size.0).text;
        let lines = crate::tui::keys::help::help_lines_within(&self.keymap, width).len();
        let last = crate::tui::keys::help::max_scroll(lines, self.size.1);
        let page = self.page();
        let s = self.help.scroll;
        self.help.scroll = match action {
            Action::ScrollDown => s + 1,
            Action::ScrollUp => s.saturating_sub(1),
            Action::PageDown => s + page,
            Action::PageUp => s.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        }
        .min(last);
        true
    }

    /// The topic list's actions: moving, opening, filtering. Whether `action` was one.
    pub(super) fn list_action(&mut self, action: Action) -> bool {
        let listed = self.listed_topics();
        let at = listed.iter().position(|&t| t == self.list.selected);
        let page = usize::from(self.size.1 / 2).max(1);
        let step = |by: isize| {
            let last = listed.len().saturating_sub(1);
            at.map_or(0, |i| i.saturating_add_signed(by).min(last))
        };
        match action {
            Action::ListDown => self.list.select(&listed, step(1)),
            Action::ListUp => self.list.select(&listed, step(-1)),
            Action::ListPageDown => self.list.select(&listed, step(page as isize)),
            Action::ListPageUp => self.list.select(&listed, step(-(page as isize))),
            Action::ListFirst => self.list.select(&listed, 0),
            Action::ListLast => self.list.select(&listed, listed.len().saturating_sub(1)),
            Action::ListOpen => {
                if at.is_some() {
                    self.go_topic(self.list.selected);
                    self.overlay = Overlay::None;
                    self.list.filter.clear();
                } else {
                    self.status = Some("no topic matches the filter".into());
                }
            }
            Action::ListFilterInput(c) => {
                self.list.filter.push(c);
                self.list.refilter(&self.synopsis.topics);
            }
            Action::ListFilterBackspace => {
                self.list.filter.pop();
                self.list.refilter(&self.synopsis.topics);
            }
            _ => return false,
        }
        true
    }

    /// The prompt's actions (search or keyword): typing, and Enter. Whether `action` was one.
    pub(super) fn prompt_action(&mut self, action: Action) -> bool {
        match action {
            Action::SearchInput(c) => self.search.input.push(c),
            Action::SearchBackspace => {
                self.search.input.pop();
            }
            Action::SearchSubmit if self.overlay == Overlay::Keyword => {
                self.overlay = Overlay::None;
                let keyword = std::mem::take(&mut self.search.input);
                self.add_keyword(&keyword);
            }
            Action::SearchSubmit => self.submit_search(),
            _ => return false,
        }
        true
    }

    /// The save question's answers: yes, or no (`Back`). Whether `action` was one.
    pub(super) fn confirm_action(&mut self, action: Action) -> bool {
        match action {
            Action::ConfirmYes => self.answer_save(true),
            Action::ConfirmNo | Action::Back => self.answer_save(false),
            _ => return false,
        }
        true
    }

    pub(super) fn open_help(&mut self) {
        self.help.scroll = 0;
        self.toggle_overlay(Overlay::Help);
    }

    pub(super) fn open_prompt(&mut self, prompt: Overlay) {
        self.overlay = prompt;
        self.search.input.clear();
    }

    pub(super) fn open_keyword_prompt(&mut self) {
        if self.synopsis.topics.is_empty() {
            self.status = Some("no topic to add a keyword to".into());
        } else {
            self.open_prompt(Overlay::Keyword);
        }
    }

    /// A digit typed before a key that takes a number (`12 Enter`, `3s`).
    pub(super) fn type_digit(&mut self, digit: u8, before: Option<usize>) {
        let n = before.unwrap_or(0).saturating_mul(10) + usize::from(digit);
        self.number = Some(n.min(9_999_999));
        self.status = Some(self.number_prompt());
    }

    pub(super) fn toggle_unclaimed(&mut self) {
        self.unclaimed = !self.unclaimed;
        self.refocus = true;
        self.full_article = false;
        self.scroll.iter_mut().for_each(|s| *s = 0);
    }

    pub(super) fn toggle_rows(&mut self) {
        self.rows = !self.rows;
        let first = self.scroll.get(self.focus).copied().unwrap_or(0);
        for a in self.scrolled_together(self.focus) {
            self.scroll[a] = first;
        }
    }

    pub(super) fn toggle_fold(&mut self) {
        self.fold = !self.fold;
        self.status = Some(if self.fold {
            "rows: a passage no other pane has on its row is folded to two lines".into()
        } else {
            "rows: every passage whole".into()
        });
    }

    pub(super) fn toggle_mouse(&mut self) {
        self.mouse = !self.mouse;
        self.status = Some(if self.mouse {
            "mouse on: click a pane or a topic, wheel to scroll".into()
        } else {
            "mouse off: drag to select text with the terminal".into()
        });
    }
}
