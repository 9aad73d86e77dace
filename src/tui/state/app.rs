//! The reader's state and `update`, the only place it changes. Rendering only reads it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::tui::config::Config;
use crate::tui::config::theme::Theme;
use crate::tui::effects::Request;
use crate::tui::effects::corrections_file::TopicsOrigin;
use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::{Context, Keymap};
use crate::tui::layout::cache::Caches;
use crate::tui::layout::mode::Mode;
use crate::tui::layout::view::{Shape, View};
use crate::tui::state::overlays::{Help, Search, TopicList};
use synoptic_core::compare::agree::MemberSpans;
use synoptic_core::compare::figures::FigureGroup;
use synoptic_core::compare::pairwise::PairwiseMember;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::model::vectors::ParaRef;

/// Below this the reader shows a short message instead of a layout.
pub const MIN_SIZE: (u16, u16) = (24, 8);

/// What is drawn over or beside the panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    TopicList,
    Search,
    /// The prompt for a keyword to add to the current topic.
    Keyword,
    /// Whether to save corrections to the topics file.
    Confirm,
}

/// Everything the reader shows, and the caches `update` fills so that rendering only reads.
pub struct App {
    /// Shared with the thread that writes an export, so the reader never waits for it.
    pub synopsis: Arc<Synopsis>,
    pub topic: usize,
    pub focus: usize,
    pub first_pane: usize,
    pub scroll: Vec<usize>,
    /// The paragraph each pane's cursor was last put on (see `cursor_in` for where it is).
    cursor: Vec<Option<usize>>,
    pub mode: Mode,
    pub full_article: bool,
    pub show_figures: bool,
    pub overlay: Overlay,
    /// The topic list's selection and filter.
    pub list: TopicList,
    /// The help screen's scroll.
    pub help: Help,
    /// The prompt line, the search and its matches.
    pub search: Search,
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
    laid_out: Option<Shape>,
    caches: Caches,
    /// The export being written, which reports its status line when done.
    exporting: Option<Receiver<String>>,
    /// The articles the panes can show now, in pane order (see `sources::pane_order`);
    /// `first_pane` is a position in it.
    pub order: Vec<usize>,
    /// Every source in file order, even those with nothing to show.
    pub all_sources: bool,
    /// The panes list the paragraphs no topic claims.
    pub unclaimed: bool,
    /// The topic's passages in synopsis rows, scrolled together (else each pane on its own).
    pub rows: bool,
    /// In rows, passages alone on their row are folded to a few lines.
    pub fold: bool,
    /// A number typed before a key that takes one.
    pub number: Option<usize>,
    /// Whether the reader takes the mouse (off: the terminal's own selection works).
    pub mouse: bool,
    /// What the event loop is to do beyond the screen, in order (clipboard, pager, files,
    /// realigning): `update` only asks.
    pub requests: Vec<Request>,
    /// The topics as defined, and where corrections are saved.
    pub topics: TopicsOrigin,
    /// The topics as first aligned, found ones included. Every realignment starts from them
    /// (see `core::alignment::align::realign`), so that a found topic gets back the paragraphs
    /// a correction took from it once the correction is undone.
    pub first_topics: Vec<synoptic_core::model::topic::Topic>,
    /// Corrections made and not yet written to the topics file.
    unsaved: Vec<crate::tui::effects::corrections_file::Pending>,
    /// The user agreed to corrections being written to the topics file.
    save_approved: bool,
    /// The file corrections go to, chosen when the first correction is made (see
    /// `TopicsOrigin::target`), and whether it was there then: it is then edited, else made.
    pub save_target: Option<(std::path::PathBuf, bool)>,
    /// Corrections that may be undone, last last: the topic as it was, what was done, and
    /// whether it adopted a found topic (whose definition was made from it, not read).
    undo: Vec<(
        synoptic_core::model::topic_def::TopicDef,
        synoptic_core::output::topics_edit::Correction,
        bool,
    )>,
    /// What the last realignment changed, until the save that follows reports it.
    changed: Option<String>,
    /// The realignment under way undoes a correction.
    undoing: bool,
    /// The review under way: the topic's id, and the paragraphs shown so far.
    review: Option<(String, std::collections::BTreeSet<ParaRef>)>,
    /// The paragraph the review showed last, with its topic's id.
    reviewed: Option<(String, ParaRef)>,
    /// The panes list something new: show the start of the order, and move the focus there
    /// unless it is already on screen.
    refocus: bool,
}

impl App {
    /// What the view is laid out from, now: the view reads nothing else.
    fn shape(&self) -> Shape {
        let articles = self.shown_articles();
        let whole = self.shown_whole(&articles);
        // Wrap at the width each pane is drawn at: the area shared by the panes shown.
        let width = self.pane_area_width() / articles.len().max(1) as u16;
        Shape {
            topic: self.topic,
            mode: self.mode,
            articles,
            inner_width: usize::from(width.saturating_sub(2)).max(1),
            full_article: self.full_article,
            unclaimed: self.unclaimed,
            rows: self.rows,
            fold: self
                .fold
                .then(|| self.keymap.first_key(Context::Reader, Action::ToggleFold))
                .flatten(),
            whole,
            // Only pairwise marks depend on the focused pane: elsewhere moving the focus (or
            // the reader placing it) lays nothing out again.
            reference: if self.mode == Mode::Pairwise {
                self.focus
            } else {
                0
            },
            query: self.search.query.clone(),
        }
    }

    pub fn new(synopsis: Synopsis, size: (u16, u16), color: bool) -> Self {
        Self::with_config(synopsis, size, color, &Config::default())
    }

    pub fn with_config(synopsis: Synopsis, size: (u16, u16), color: bool, config: &Config) -> Self {
        let n = synopsis.articles.len();
        let first_topics = synopsis.topics.clone();
        let mut app = App {
            synopsis: Arc::new(synopsis),
            topic: 0,
            focus: 0,
            first_pane: 0,
            scroll: vec![0; n],
            cursor: vec![None; n],
            mode: config.mode,
            full_article: false,
            show_figures: false,
            overlay: Overlay::None,
            list: TopicList::default(),
            help: Help::default(),
            search: Search::default(),
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
            caches: Caches::default(),
            exporting: None,
            order: (0..n).collect(),
            all_sources: false,
            unclaimed: false,
            rows: true,
            fold: true,
            number: None,
            mouse: true,
            requests: Vec::new(),
            refocus: true,
            topics: TopicsOrigin::default(),
            first_topics,
            unsaved: Vec::new(),
            save_approved: false,
            save_target: None,
            review: None,
            reviewed: None,
            changed: None,
            undoing: false,
            undo: Vec::new(),
        };
        app.topics.defs = app
            .synopsis
            .topics
            .iter()
            .filter(|t| t.origin == synoptic_core::model::topic::Origin::Defined)
            .map(synoptic_core::model::topic::Topic::definition)
            .collect();
        app.refresh();
        app
    }

    /// Whether the panes show the topic in synopsis rows (see `view::in_rows`).
    pub fn in_rows(&self) -> bool {
        crate::tui::layout::view::in_rows(self.rows, self.full_article, self.unclaimed)
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        match self.overlay {
            Overlay::TopicList => Context::TopicList,
            Overlay::Search | Overlay::Keyword => Context::Search,
            Overlay::Confirm => Context::Confirm,
            Overlay::None | Overlay::Help => Context::Reader,
        }
    }

    /// The agreement spans of member paragraph `at` of `topic`, once it has been on screen.
    pub fn spans_of(&self, topic: usize, at: ParaRef) -> Option<&MemberSpans> {
        self.caches.spans(topic, at)
    }

    pub fn pairwise_of(&self, topic: usize, reference: usize) -> Option<&[PairwiseMember]> {
        self.caches.pairwise(topic, reference)
    }

    /// The figures of `topic`, once its figures panel has been open.
    pub fn figures_of(&self, topic: usize) -> &[FigureGroup] {
        self.caches.figures(topic)
    }

    /// For each article, its body paragraphs in no topic (empty before the view is opened).
    pub fn unclaimed_paragraphs(&self) -> &[Vec<usize>] {
        self.caches.unclaimed()
    }

    /// The topics whose computations are held, oldest first (at most `KEEP_TOPICS`).
    pub fn cached_topics(&self) -> Vec<usize> {
        self.caches.held().collect()
    }

    /// Lines a page scroll moves: the panes' inner height (inside their borders) less two
    /// lines kept from the page before. The figures panel, when open, takes its share.
    fn page(&self) -> usize {
        let panes = self.areas().panes;
        usize::from(panes.height.saturating_sub(4)).max(1)
    }

    /// Apply one action: the open overlay's sub-state takes the actions that are its own,
    /// and every other one is the reader's. The only place the state changes.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        let number = self.number.take();
        let taken = match self.overlay {
            Overlay::Help => self.help_action(action),
            Overlay::TopicList => self.list_action(action),
            Overlay::Search | Overlay::Keyword => self.prompt_action(action),
            Overlay::Confirm => self.confirm_action(action),
            Overlay::None => false,
        };
        if !taken {
            self.reader_action(action, number);
        }
        self.refresh();
    }

    /// The reader's own actions, whatever overlay is open. `number`: what was typed before.
    fn reader_action(&mut self, action: Action, number: Option<usize>) {
        match action {
            Action::NextTopic => self.go_topic(self.topic + 1),
            Action::PrevTopic => self.go_topic(self.topic + self.topic_count().max(1) - 1),
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(self.page() as i64),
            Action::PageUp => self.scroll_by(-(self.page() as i64)),
            Action::Top => self.scroll_to(self.focus, 0),
            Action::Bottom => self.go_bottom(),
            Action::NextParagraph => self.step_cursor(1),
            Action::PrevParagraph => self.step_cursor(-1),
            Action::FocusLeft => self.step_focus(-1),
            Action::FocusRight => self.step_focus(1),
            Action::CycleMode => self.cycle_mode(),
            Action::ToggleFullArticle => self.toggle_full_article(),
            Action::ToggleTopicList => self.toggle_overlay(Overlay::TopicList),
            Action::ToggleFigures => self.show_figures = !self.show_figures,
            Action::ToggleAllSources => self.toggle_all_sources(),
            Action::ToggleUnclaimed => self.toggle_unclaimed(),
            Action::ToggleRows => self.toggle_rows(),
            Action::ToggleFold => self.toggle_fold(),
            Action::ToggleMouse => self.toggle_mouse(),
            Action::Help => self.open_help(),
            Action::StartSearch => self.open_prompt(Overlay::Search),
            Action::AddKeyword => self.open_keyword_prompt(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Digit(d) => self.type_digit(d, number),
            Action::GoToTopic => self.go_to_topic(number),
            Action::GoToSource => self.go_to_source(number),
            Action::CopyPassage => self.copy_passage(),
            Action::CopyRow => self.copy_row(),
            Action::OpenPager => self.open_pager(),
            Action::PinIn => self.pin_focused(true, number),
            Action::PinOut => self.pin_focused(false, number),
            Action::Review => self.review_next(),
            Action::Undo => self.undo_last(),
            Action::Export => self.export(false),
            Action::ExportAll => self.export(true),
            Action::Quit => self.quit = true,
            Action::Back => self.back(),
            Action::Resize(w, h) => self.size = (w, h),
            Action::Wheel(column, lines) => self.wheel(column, lines),
            Action::Click(column, row) => self.click(column, row),
            // The overlays' own actions, arriving when theirs is closed, do nothing.
            Action::ListDown
            | Action::ListUp
            | Action::ListOpen
            | Action::ListPageDown
            | Action::ListPageUp
            | Action::ListFirst
            | Action::ListLast
            | Action::ListFilterInput(_)
            | Action::ListFilterBackspace
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchSubmit
            | Action::ConfirmYes
            | Action::ConfirmNo => {}
        }
    }

    fn topic_count(&self) -> usize {
        self.synopsis.topics.len()
    }
}

#[path = "moves.rs"]
mod moves;

#[path = "laying.rs"]
mod laying;

#[path = "screen.rs"]
mod screen;

#[path = "overlay_actions.rs"]
mod overlay_actions;

#[path = "panes.rs"]
mod panes;

#[path = "correcting.rs"]
mod correcting;

#[path = "reviewing.rs"]
mod reviewing;

#[path = "cursor.rs"]
mod cursor;

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

#[cfg(test)]
#[path = "tests_panels.rs"]
mod panel_tests;

#[cfg(test)]
#[path = "tests_sources.rs"]
mod sources_tests;

#[cfg(test)]
#[path = "tests_corrections.rs"]
mod correction_tests;

#[cfg(test)]
#[path = "tests_input.rs"]
mod input_tests;

#[cfg(test)]
#[path = "tests_cursor.rs"]
mod cursor_tests;

#[cfg(test)]
#[path = "tests_other_topic.rs"]
mod other_topic_tests;
