//! The reader's state and `update`, the only place it changes. Rendering only reads it.

use std::collections::HashMap;
use std::path::PathBuf;

use super::action::Action;
use super::config::Config;
use super::keymap::{Context, Keymap};
use super::search::{Match, find_matches};
use super::theme::Theme;
use super::view::{View, build_view};
use crate::core::agree::MemberSpans;
use crate::core::figures::{FigureGroup, figures};
use crate::core::pairwise::{PairwiseMember, pairwise};
use crate::core::synopsis::Synopsis;

/// Below this the reader shows a short message instead of a layout.
pub const MIN_SIZE: (u16, u16) = (24, 8);

/// How member paragraphs are coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Shared by all / several / this source only.
    Agreement,
    /// Same / moved / different against the focused pane.
    Pairwise,
    Plain,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Agreement => "agreement",
            Mode::Pairwise => "pairwise",
            Mode::Plain => "plain",
        }
    }
}

/// What is drawn over or beside the panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    TopicList,
    Search,
}

/// Everything the reader shows, and the caches `update` fills so that rendering only reads.
pub struct App {
    pub synopsis: Synopsis,
    pub topic: usize,
    pub focus: usize,
    pub first_pane: usize,
    pub scroll: Vec<usize>,
    pub mode: Mode,
    pub full_article: bool,
    pub show_figures: bool,
    pub overlay: Overlay,
    pub list_selected: usize,
    /// First line of the help screen shown.
    pub help_scroll: usize,
    pub search_input: String,
    pub query: Option<String>,
    pub matches: Vec<Match>,
    /// The match shown last, once the user has moved through them.
    pub match_index: Option<usize>,
    pub status: Option<String>,
    pub quit: bool,
    pub size: (u16, u16),
    pub color: bool,
    pub export_dir: PathBuf,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Narrowest pane (border included) that still reads as text; more articles page sideways.
    pub min_pane: u16,
    pub view: View,
    /// Where to scroll once the next layout is known: an article and one of its paragraphs
    /// (`None`: its first paragraph in the current topic).
    pending_jump: Option<(usize, Option<usize>)>,
    /// What the current `view` was laid out for.
    laid_out: Option<LayoutKey>,
    agreement: HashMap<usize, Vec<MemberSpans>>,
    pairwise: HashMap<(usize, usize), Vec<PairwiseMember>>,
    figures: HashMap<usize, Vec<FigureGroup>>,
}

/// Everything the wrapped, painted lines depend on.
#[derive(Clone, Debug, PartialEq, Eq)]
struct LayoutKey {
    topic: usize,
    mode: Mode,
    size: (u16, u16),
    list_width: u16,
    first_pane: usize,
    /// The pairwise reference and the full-article pane.
    focus: usize,
    full_article: bool,
    query: Option<String>,
}

impl App {
    fn layout_key(&self) -> LayoutKey {
        LayoutKey {
            topic: self.topic,
            mode: self.mode,
            size: self.size,
            list_width: self.list_width(),
            first_pane: self.first_pane,
            focus: self.focus,
            full_article: self.full_article,
            query: self.query.clone(),
        }
    }

    pub fn new(synopsis: Synopsis, size: (u16, u16), color: bool) -> Self {
        Self::with_config(synopsis, size, color, &Config::default())
    }

    pub fn with_config(synopsis: Synopsis, size: (u16, u16), color: bool, config: &Config) -> Self {
        let n = synopsis.articles.len();
        let mut app = App {
            synopsis,
            topic: 0,
            focus: 0,
            first_pane: 0,
            scroll: vec![0; n],
            mode: config.mode,
            full_article: false,
            show_figures: false,
            overlay: Overlay::None,
            list_selected: 0,
            help_scroll: 0,
            search_input: String::new(),
            query: None,
            matches: Vec::new(),
            match_index: None,
            status: None,
            quit: false,
            size,
            color,
            export_dir: PathBuf::from("."),
            keymap: config.keymap.clone(),
            theme: config.theme,
            min_pane: config.min_pane_width.max(1),
            view: View::default(),
            pending_jump: None,
            laid_out: None,
            agreement: HashMap::new(),
            pairwise: HashMap::new(),
            figures: HashMap::new(),
        };
        app.refresh();
        app
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        match self.overlay {
            Overlay::TopicList => Context::TopicList,
            Overlay::Search => Context::Search,
            Overlay::None | Overlay::Help => Context::Reader,
        }
    }

    pub fn agreement_of(&self, topic: usize) -> Option<&[MemberSpans]> {
        self.agreement.get(&topic).map(Vec::as_slice)
    }

    pub fn pairwise_of(&self, topic: usize, reference: usize) -> Option<&[PairwiseMember]> {
        self.pairwise.get(&(topic, reference)).map(Vec::as_slice)
    }

    pub fn figures_of(&self, topic: usize) -> &[FigureGroup] {
        self.figures.get(&topic).map_or(&[], Vec::as_slice)
    }

    /// Panes that fit side by side in the pane area.
    pub fn visible_panes(&self) -> usize {
        if self.full_article {
            return 1;
        }
        let n = self.synopsis.articles.len().max(1);
        usize::from(self.pane_area_width() / self.min_pane).clamp(1, n)
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

    /// Lines a page scroll moves: the pane's inner height.
    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(6)).max(1)
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        if self.overlay == Overlay::Help && self.scroll_help(action) {
            return;
        }
        match action {
            Action::NextTopic => self.go_topic(self.topic + 1),
            Action::PrevTopic => self.go_topic(self.topic + self.topic_count().max(1) - 1),
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(self.page() as i64),
            Action::PageUp => self.scroll_by(-(self.page() as i64)),
            Action::Top => self.scroll[self.focus] = 0,
            Action::Bottom => self.scroll[self.focus] = usize::MAX,
            Action::FocusLeft => self.focus = self.focus.saturating_sub(1),
            Action::FocusRight => {
                self.focus = (self.focus + 1).min(self.synopsis.articles.len().saturating_sub(1))
            }
            Action::CycleMode => self.cycle_mode(),
            Action::ToggleFullArticle => self.toggle_full_article(),
            Action::ToggleTopicList => self.toggle_overlay(Overlay::TopicList),
            Action::ToggleFigures => self.show_figures = !self.show_figures,
            Action::Help => {
                self.help_scroll = 0;
                self.toggle_overlay(Overlay::Help);
            }
            Action::StartSearch => {
                self.overlay = Overlay::Search;
                self.search_input.clear();
            }
            Action::SearchInput(c) => self.search_input.push(c),
            Action::SearchBackspace => {
                self.search_input.pop();
            }
            Action::SearchSubmit => self.submit_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Export => self.export(false),
            Action::ExportAll => self.export(true),
            Action::Quit => self.quit = true,
            Action::Back => self.back(),
            Action::ListDown => {
                self.list_selected =
                    (self.list_selected + 1).min(self.topic_count().saturating_sub(1))
            }
            Action::ListUp => self.list_selected = self.list_selected.saturating_sub(1),
            Action::ListOpen => {
                self.go_topic(self.list_selected);
                self.overlay = Overlay::None;
            }
            Action::Resize(w, h) => self.size = (w, h),
            Action::Wheel(column, lines) => self.wheel(column, lines),
        }
        self.refresh();
    }

    /// Scroll keys move the help screen while it is open; returns whether `action` did.
    fn scroll_help(&mut self, action: Action) -> bool {
        let lines = super::help::help_lines(&self.keymap).len();
        let last = super::help::max_scroll(lines, self.size.1);
        let page = self.page();
        let s = self.help_scroll;
        self.help_scroll = match action {
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

    fn topic_count(&self) -> usize {
        self.synopsis.topics.len()
    }

    fn go_topic(&mut self, t: usize) {
        let n = self.topic_count();
        if n == 0 {
            return;
        }
        self.topic = t % n;
        self.list_selected = self.topic;
        self.scroll.iter_mut().for_each(|s| *s = 0);
        self.full_article = false;
    }

    fn scroll_by(&mut self, lines: i64) {
        let s = &mut self.scroll[self.focus];
        *s = s.saturating_add_signed(lines as isize);
    }

    fn cycle_mode(&mut self) {
        self.mode = match self.mode {
            Mode::Agreement => Mode::Pairwise,
            Mode::Pairwise => Mode::Plain,
            Mode::Plain => Mode::Agreement,
        };
    }

    fn toggle_overlay(&mut self, overlay: Overlay) {
        self.overlay = if self.overlay == overlay {
            Overlay::None
        } else {
            overlay
        };
        if overlay == Overlay::TopicList {
            self.list_selected = self.topic;
        }
    }

    /// Close the innermost thing open: an overlay, then the full-article view, then the
    /// figures panel.
    fn back(&mut self) {
        if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
        } else if self.full_article {
            self.full_article = false;
        } else if self.show_figures {
            self.show_figures = false;
        }
    }

    fn toggle_full_article(&mut self) {
        self.full_article = !self.full_article;
        if self.full_article {
            self.pending_jump = Some((self.focus, None));
        }
    }

    fn wheel(&mut self, column: u16, lines: i16) {
        let x = column.saturating_sub(self.list_width());
        let pane_width = (self.pane_area_width() / self.visible_panes() as u16).max(1);
        let pane = self.first_pane + usize::from(x / pane_width);
        if pane < self.synopsis.articles.len() {
            let s = &mut self.scroll[if self.full_article { self.focus } else { pane }];
            *s = s.saturating_add_signed(isize::from(lines));
        }
    }

    fn submit_search(&mut self) {
        self.overlay = Overlay::None;
        let query = self.search_input.trim().to_owned();
        self.match_index = None;
        if query.is_empty() {
            self.query = None;
            self.matches.clear();
            return;
        }
        self.matches = find_matches(&self.synopsis, &query);
        self.query = Some(query);
        self.step_match(true);
    }

    /// Show the next (or previous) match, and say which of how many it is.
    fn step_match(&mut self, forward: bool) {
        let n = self.matches.len();
        let query = self.query.clone().unwrap_or_default();
        if n == 0 {
            self.status = Some(if query.is_empty() {
                "no search yet: press / to search".into()
            } else {
                format!("no paragraph matches “{query}”")
            });
            return;
        }
        let here = (self.topic, self.focus);
        let i = match (self.match_index, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, _) => self
                .matches
                .iter()
                .position(|m| (m.topic.unwrap_or(usize::MAX), m.article) >= here)
                .unwrap_or(0),
        };
        self.match_index = Some(i);
        let m = self.matches[i];
        if let Some(t) = m.topic {
            self.go_topic(t);
        } else {
            self.full_article = true;
        }
        self.focus = m.article;
        self.pending_jump = Some((m.article, Some(m.paragraph)));
        self.status = Some(format!("match {} of {n} for “{query}”", i + 1));
    }

    /// Write the current topic (or every topic) as a text export to a new file in
    /// `export_dir`, never replacing one; the status bar tells where.
    fn export(&mut self, all: bool) {
        let topic = self.synopsis.topics.get(self.topic).map(|t| t.id.clone());
        let stem = match (&topic, all) {
            (Some(id), false) => format!("synoptic-{id}"),
            _ => "synoptic-all-topics".to_owned(),
        };
        let opts = crate::core::export::ExportOptions {
            topic: if all { None } else { topic },
            ..Default::default()
        };
        let path = (1..)
            .map(|n| {
                let suffix = if n == 1 {
                    String::new()
                } else {
                    format!("-{n}")
                };
                self.export_dir.join(format!("{stem}{suffix}.txt"))
            })
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.export_dir.join(format!("{stem}.txt")));
        let result = crate::cli::write_file(&path, false, |out| {
            Ok(crate::core::export::write_export(
                &self.synopsis,
                &opts,
                out,
            )?)
        });
        self.status = Some(match result {
            Ok(()) => format!("exported to {}", path.display()),
            Err(e) => format!("export failed: {e:#}"),
        });
    }

    /// Fill the caches the current state needs, then lay the visible panes out.
    fn refresh(&mut self) {
        let t = self.topic;
        if t < self.topic_count() {
            if !self.agreement.contains_key(&t) {
                self.agreement.insert(t, self.synopsis.agreement(t));
                self.figures.insert(t, figures(&self.synopsis, t));
            }
            if self.mode == Mode::Pairwise && !self.pairwise.contains_key(&(t, self.focus)) {
                let p = pairwise(
                    &self.synopsis.articles,
                    &self.synopsis.topics[t],
                    self.focus,
                );
                self.pairwise.insert((t, self.focus), p);
            }
        }
        let visible = self.visible_panes();
        if self.focus < self.first_pane {
            self.first_pane = self.focus;
        } else if self.focus >= self.first_pane + visible {
            self.first_pane = self.focus + 1 - visible;
        }
        // The window of panes is always full: leaving the full-article view (one pane) or
        // widening the terminal must not leave panes hidden on the left.
        if !self.full_article {
            let n = self.synopsis.articles.len();
            self.first_pane = self.first_pane.min(n.saturating_sub(visible));
        }
        // Scrolling and overlays do not change the wrapped lines: lay out again only when
        // something that shapes them has changed.
        let key = self.layout_key();
        if self.laid_out.as_ref() != Some(&key) {
            self.view = build_view(self);
            self.laid_out = Some(key);
        }
        if let Some((article, paragraph)) = self.pending_jump.take()
            && let Some(line) = self.view.line_of(article, paragraph)
        {
            self.scroll[article] = line;
        }
        for pane in &self.view.panes {
            let max = pane.lines.len().saturating_sub(1);
            self.scroll[pane.article] = self.scroll[pane.article].min(max);
        }
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
