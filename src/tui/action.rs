//! What the user can ask of the reader, independent of which key asks it.

/// Every command of the reader. Keys map to these through the keymap; `App::update` applies them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    NextTopic,
    PrevTopic,
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    FocusLeft,
    FocusRight,
    CycleMode,
    ToggleFullArticle,
    ToggleTopicList,
    ToggleFigures,
    Help,
    StartSearch,
    NextMatch,
    PrevMatch,
    Export,
    ExportAll,
    Quit,
    /// Close what is open: an overlay (help, list, search prompt), else the full-article
    /// view, else the figures panel.
    Back,
    /// In the topic list: move the selection, or open the selected topic.
    ListDown,
    ListUp,
    ListOpen,
    /// In the topic list: a page down or up.
    ListPageDown,
    ListPageUp,
    /// In the topic list: type to filter it.
    ListFilterInput(char),
    ListFilterBackspace,
    /// Panes: every source in file order, or only those with something to show.
    ToggleAllSources,
    /// Panes: the paragraphs no topic claims, or the topic again.
    ToggleUnclaimed,
    /// Panes: synopsis rows, or each pane in its own reading order.
    ToggleRows,
    /// A digit of a number typed before `GoToTopic` or `GoToSource`.
    Digit(u8),
    GoToTopic,
    GoToSource,
    CopyPassage,
    CopyRow,
    /// Corrections: the focused paragraph into the current topic, out of it; a keyword.
    PinIn,
    PinOut,
    AddKeyword,
    /// Yes to the question asked (saving corrections to the topics file).
    ConfirmYes,
    OpenPager,
    ToggleMouse,
    /// In the search prompt.
    SearchInput(char),
    SearchBackspace,
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
        match self {
            Action::NextTopic => "next topic",
            Action::PrevTopic => "previous topic",
            Action::ScrollDown => "scroll down",
            Action::ScrollUp => "scroll up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::FocusLeft => "focus the pane on the left",
            Action::FocusRight => "focus the pane on the right",
            Action::CycleMode => "comparison: agreement / own / pairwise / plain",
            Action::ToggleFullArticle => "full article of the focused pane",
            Action::ToggleTopicList => "topic list and coverage",
            Action::ToggleFigures => "figures the sources report differently",
            Action::Help => "this help",
            Action::StartSearch => "search all articles",
            Action::NextMatch => "next search match, across topics",
            Action::PrevMatch => "previous search match",
            Action::Export => "export the current topic to a text file",
            Action::ExportAll => "export all topics to a text file",
            Action::Quit => "quit",
            Action::Back => "close the overlay, full article or figures",
            Action::ListDown => "next topic in the list",
            Action::ListUp => "previous topic in the list",
            Action::ListOpen => "open the selected topic",
            Action::ListPageDown => "a page down the list",
            Action::ListPageUp => "a page up the list",
            Action::ListFilterInput(_) | Action::ListFilterBackspace => "type to filter the list",
            Action::ToggleAllSources => "every source, or only those covering the topic",
            Action::ToggleUnclaimed => "paragraphs no topic claims, or back to the topic",
            Action::ToggleRows => "parallel passages in rows, or each pane from its top",
            Action::Digit(_) => "type a number for the next key",
            Action::GoToTopic => "go to topic <number> (type the number first)",
            Action::GoToSource => "focus source <number> (type the number first)",
            Action::CopyPassage => "copy the focused passage, with source and date",
            Action::PinIn => "put the focused paragraph into this topic (saved)",
            Action::PinOut => "take the focused paragraph out of this topic (saved)",
            Action::AddKeyword => "add a keyword to this topic (saved)",
            Action::ConfirmYes => "yes",
            Action::CopyRow => "copy the passages on screen as a Markdown table",
            Action::OpenPager => "read the focused article in $PAGER",
            Action::ToggleMouse => "mouse on/off (off: the terminal selects text)",
            Action::SearchInput(_) | Action::SearchBackspace => "type the search",
            Action::SearchSubmit => "search",
            Action::Resize(..) | Action::Wheel(..) | Action::Click(..) => "",
        }
    }
}
