//! What the user can ask of the reader, independent of which key asks it: each action's
//! configuration name, help text and status-bar hint are written once, on its variant.

use strum::{EnumIter, EnumMessage, EnumProperty, IntoEnumIterator};

/// Every command of the reader. Keys map to these through the keymap; `App::update` applies them.
///
/// On each variant: `config` is the name a configuration file binds it by (only actions a user
/// may rebind have one), `detailed_message` what the help screen says it does, `message` the
/// short word of the status bar (the help text when there is none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, EnumMessage, EnumProperty)]
pub enum Action {
    #[strum(
        props(config = "next_topic"),
        message = "next",
        detailed_message = "next topic"
    )]
    NextTopic,
    #[strum(
        props(config = "prev_topic"),
        message = "prev",
        detailed_message = "previous topic"
    )]
    PrevTopic,
    #[strum(props(config = "scroll_down"), detailed_message = "scroll down")]
    ScrollDown,
    #[strum(props(config = "scroll_up"), detailed_message = "scroll up")]
    ScrollUp,
    #[strum(props(config = "page_down"), detailed_message = "page down")]
    PageDown,
    #[strum(props(config = "page_up"), detailed_message = "page up")]
    PageUp,
    #[strum(props(config = "top"), detailed_message = "go to the top")]
    Top,
    #[strum(props(config = "bottom"), detailed_message = "go to the bottom")]
    Bottom,
    /// The cursor: the paragraph copying and corrections act on.
    #[strum(
        props(config = "next_paragraph"),
        detailed_message = "cursor to the next paragraph"
    )]
    NextParagraph,
    #[strum(
        props(config = "prev_paragraph"),
        detailed_message = "cursor to the previous paragraph"
    )]
    PrevParagraph,
    #[strum(
        props(config = "focus_left"),
        detailed_message = "focus the pane on the left"
    )]
    FocusLeft,
    #[strum(
        props(config = "focus_right"),
        detailed_message = "focus the pane on the right"
    )]
    FocusRight,
    #[strum(
        props(config = "cycle_mode"),
        message = "mode",
        detailed_message = "comparison: agreement / own / pairwise / plain"
    )]
    CycleMode,
    #[strum(
        props(config = "full_article"),
        detailed_message = "full article of the focused pane"
    )]
    ToggleFullArticle,
    #[strum(
        props(config = "topic_list"),
        message = "topics",
        detailed_message = "topic list and coverage"
    )]
    ToggleTopicList,
    #[strum(
        props(config = "figures"),
        detailed_message = "figures the sources report differently"
    )]
    ToggleFigures,
    #[strum(
        props(config = "help"),
        message = "help",
        detailed_message = "this help"
    )]
    Help,
    #[strum(
        props(config = "search"),
        message = "search",
        detailed_message = "search all articles"
    )]
    StartSearch,
    #[strum(
        props(config = "next_match"),
        detailed_message = "next search match, across topics"
    )]
    NextMatch,
    #[strum(
        props(config = "prev_match"),
        detailed_message = "previous search match"
    )]
    PrevMatch,
    #[strum(
        props(config = "export"),
        detailed_message = "export the current topic to a text file"
    )]
    Export,
    #[strum(
        props(config = "export_all"),
        detailed_message = "export all topics to a text file"
    )]
    ExportAll,
    #[strum(props(config = "quit"), message = "quit", detailed_message = "quit")]
    Quit,
    /// Close what is open: an overlay (help, list, search prompt), else the full-article
    /// view, else the figures panel.
    #[strum(
        props(config = "back"),
        message = "close",
        detailed_message = "close the overlay, full article or figures"
    )]
    Back,
    /// In the topic list: move the selection, or open the selected topic.
    #[strum(detailed_message = "next topic in the list")]
    ListDown,
    #[strum(detailed_message = "previous topic in the list")]
    ListUp,
    #[strum(message = "open", detailed_message = "open the selected topic")]
    ListOpen,
    /// In the topic list: a page down or up.
    #[strum(detailed_message = "a page down the list")]
    ListPageDown,
    #[strum(detailed_message = "a page up the list")]
    ListPageUp,
    /// In the topic list: its first or last topic, however long it is.
    #[strum(detailed_message = "the first topic in the list")]
    ListFirst,
    #[strum(detailed_message = "the last topic in the list")]
    ListLast,
    /// In the topic list: type to filter it.
    #[strum(detailed_message = "type to filter the list")]
    ListFilterInput(char),
    #[strum(detailed_message = "erase the last letter of the filter")]
    ListFilterBackspace,
    /// Panes: every source in file order, or only those with something to show.
    #[strum(
        props(config = "all_sources"),
        message = "all",
        detailed_message = "every source, or only those covering the topic"
    )]
    ToggleAllSources,
    /// Panes: the paragraphs no topic claims, or the topic again.
    #[strum(
        props(config = "unclaimed"),
        detailed_message = "paragraphs no topic claims, or back to the topic"
    )]
    ToggleUnclaimed,
    /// Panes: synopsis rows, or each pane in its own reading order.
    #[strum(
        props(config = "rows"),
        detailed_message = "parallel passages in rows, or each pane from its top"
    )]
    ToggleRows,
    /// Synopsis rows: passages alone on their row cut to a few lines, or whole.
    #[strum(
        props(config = "fold"),
        detailed_message = "in rows, fold the passages alone on their row, or show them whole"
    )]
    ToggleFold,
    /// A digit of a number typed before `GoToTopic` or `GoToSource`.
    #[strum(detailed_message = "type a number for the next key")]
    Digit(u8),
    #[strum(
        props(config = "go_to_topic"),
        detailed_message = "go to topic <number> (type the number first)"
    )]
    GoToTopic,
    #[strum(
        props(config = "go_to_source"),
        detailed_message = "focus source <number> (type the number first)"
    )]
    GoToSource,
    #[strum(
        props(config = "copy"),
        message = "copy",
        detailed_message = "copy the paragraph under the cursor, with source and date"
    )]
    CopyPassage,
    #[strum(
        props(config = "copy_row"),
        detailed_message = "copy the cursor's row (or each pane's cursor) as a Markdown table"
    )]
    CopyRow,
    /// Corrections: the paragraph under the cursor into the current topic, out of it; a keyword.
    #[strum(
        props(config = "pin_in"),
        detailed_message = "put the paragraph under the cursor into this topic, or topic <number> typed first (saved)"
    )]
    PinIn,
    #[strum(
        props(config = "pin_out"),
        detailed_message = "take the paragraph under the cursor out of this topic, or topic <number> typed first (saved)"
    )]
    PinOut,
    #[strum(
        props(config = "undo"),
        detailed_message = "undo the last correction (in the topics file too)"
    )]
    Undo,
    #[strum(
        props(config = "review"),
        message = "review",
        detailed_message = "review: the next paragraph the machine is least sure of, here or out"
    )]
    Review,
    #[strum(
        props(config = "add_keyword"),
        detailed_message = "add a keyword to this topic (saved)"
    )]
    AddKeyword,
    /// Yes to the question asked (saving corrections to the topics file).
    #[strum(message = "yes", detailed_message = "yes")]
    ConfirmYes,
    /// No to the question asked: the corrections hold for the session only.
    #[strum(message = "no", detailed_message = "no")]
    ConfirmNo,
    #[strum(
        props(config = "pager"),
        detailed_message = "read the focused article in $PAGER"
    )]
    OpenPager,
    #[strum(
        props(config = "mouse"),
        detailed_message = "mouse on/off (off: the terminal selects text)"
    )]
    ToggleMouse,
    /// In the search prompt.
    #[strum(detailed_message = "type the search")]
    SearchInput(char),
    #[strum(detailed_message = "erase the last letter")]
    SearchBackspace,
    #[strum(message = "search", detailed_message = "search")]
    SearchSubmit,
    /// From the terminal.
    Resize(u16, u16),
    /// Mouse wheel over a pane (screen column, lines; negative scrolls up).
    Wheel(u16, i16),
    /// A click of the left button (screen column, row).
    Click(u16, u16),
}

impl Action {
    /// What the help screen says the action does.
    pub fn describe(self) -> &'static str {
        self.get_detailed_message().unwrap_or("")
    }

    /// The word the status bar shows next to the action's key.
    pub fn hint(self) -> &'static str {
        self.get_message().unwrap_or_else(|| self.describe())
    }

    /// The name a configuration file binds the action by, if a user may rebind it.
    pub fn config_name(self) -> Option<&'static str> {
        self.get_str("config")
    }

    /// Every action a configuration file may bind, in the order the manual lists them.
    pub fn configurable() -> impl Iterator<Item = Action> {
        Action::iter().filter(|a| a.config_name().is_some())
    }

    /// The names a configuration file may bind, in the order the manual lists them.
    pub fn config_names() -> impl Iterator<Item = &'static str> {
        Action::configurable().filter_map(Action::config_name)
    }

    /// The action a configuration file means by `name`.
    pub fn from_config_name(name: &str) -> Option<Action> {
        Action::configurable().find(|a| a.config_name() == Some(name))
    }
}
