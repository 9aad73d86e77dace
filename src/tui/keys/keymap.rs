//! Key bindings as data: one table per context, from which lookups, the help screen and the
//! status-bar hints are all generated.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::keys::action::Action;
use crate::tui::keys::key_names::{key_name, parse_key};

/// Where the keys are being read: each context has its own table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Reader,
    TopicList,
    Search,
    /// A yes/no question.
    Confirm,
}

/// One key (with modifiers) bound to one action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
}

impl Binding {
    /// How the key is written on the help screen and in the configuration file.
    pub fn name(&self) -> String {
        key_name(self.code, self.modifiers)
    }
}

const fn key(c: char, action: Action) -> Binding {
    Binding {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
        action,
    }
}

const fn special(code: KeyCode, action: Action) -> Binding {
    Binding {
        code,
        modifiers: KeyModifiers::NONE,
        action,
    }
}

const fn ctrl(c: char, action: Action) -> Binding {
    Binding {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        action,
    }
}

const READER: &[Binding] = &[
    key('n', Action::NextTopic),
    special(KeyCode::Tab, Action::NextTopic),
    key(']', Action::NextTopic),
    key('p', Action::PrevTopic),
    special(KeyCode::BackTab, Action::PrevTopic),
    key('[', Action::PrevTopic),
    key('j', Action::ScrollDown),
    special(KeyCode::Down, Action::ScrollDown),
    key('k', Action::ScrollUp),
    special(KeyCode::Up, Action::ScrollUp),
    special(KeyCode::PageDown, Action::PageDown),
    key(' ', Action::PageDown),
    special(KeyCode::PageUp, Action::PageUp),
    key('g', Action::Top),
    special(KeyCode::Home, Action::Top),
    key('G', Action::Bottom),
    special(KeyCode::End, Action::Bottom),
    key('h', Action::FocusLeft),
    special(KeyCode::Left, Action::FocusLeft),
    key('l', Action::FocusRight),
    special(KeyCode::Right, Action::FocusRight),
    key('d', Action::CycleMode),
    key('f', Action::ToggleFullArticle),
    key('t', Action::ToggleTopicList),
    key('i', Action::ToggleFigures),
    key('a', Action::ToggleAllSources),
    key('u', Action::ToggleUnclaimed),
    key('r', Action::ToggleRows),
    special(KeyCode::Enter, Action::GoToTopic),
    key('s', Action::GoToSource),
    key('y', Action::CopyPassage),
    key('Y', Action::CopyRow),
    key('o', Action::OpenPager),
    key('+', Action::PinIn),
    key('-', Action::PinOut),
    key('K', Action::AddKeyword),
    key('m', Action::ToggleMouse),
    key('/', Action::StartSearch),
    key('N', Action::NextMatch),
    key('B', Action::PrevMatch),
    key('e', Action::Export),
    key('E', Action::ExportAll),
    key('?', Action::Help),
    special(KeyCode::Esc, Action::Back),
    key('q', Action::Quit),
    ctrl('c', Action::Quit),
];

/// Letters type into the list's filter, so only keys that are not text move in it.
const TOPIC_LIST: &[Binding] = &[
    special(KeyCode::Down, Action::ListDown),
    ctrl('n', Action::ListDown),
    special(KeyCode::Up, Action::ListUp),
    ctrl('p', Action::ListUp),
    special(KeyCode::PageDown, Action::ListPageDown),
    special(KeyCode::PageUp, Action::ListPageUp),
    special(KeyCode::Home, Action::ListFirst),
    special(KeyCode::End, Action::ListLast),
    special(KeyCode::Enter, Action::ListOpen),
    special(KeyCode::Backspace, Action::ListFilterBackspace),
    special(KeyCode::Esc, Action::Back),
    ctrl('c', Action::Quit),
];

const SEARCH: &[Binding] = &[
    special(KeyCode::Enter, Action::SearchSubmit),
    special(KeyCode::Backspace, Action::SearchBackspace),
    special(KeyCode::Esc, Action::Back),
    ctrl('c', Action::Quit),
];

const CONFIRM: &[Binding] = &[
    key('y', Action::ConfirmYes),
    key('n', Action::Back),
    special(KeyCode::Esc, Action::Back),
    ctrl('c', Action::Quit),
];

/// One row of help: the keys of an action, and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub what: &'static str,
}

/// The bindings in force: the defaults, with whatever the configuration rebinds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    reader: Vec<Binding>,
    topic_list: Vec<Binding>,
    search: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            reader: READER.to_vec(),
            topic_list: TOPIC_LIST.to_vec(),
            search: SEARCH.to_vec(),
        }
    }
}

impl Keymap {
    /// The bindings of a context.
    pub fn bindings(&self, context: Context) -> &[Binding] {
        match context {
            Context::Reader => &self.reader,
            Context::TopicList => &self.topic_list,
            Context::Search => &self.search,
            Context::Confirm => CONFIRM,
        }
    }

    /// Remove every reader key of `action` (before `bind` gives it new ones).
    pub fn unbind(&mut self, action: Action) {
        self.reader.retain(|b| b.action != action);
    }

    /// Add reader keys for `action`. A key already bound to another action is an error, named.
    pub fn bind(&mut self, action: Action, keys: &[String]) -> Result<(), String> {
        for key in keys {
            let KeyEvent {
                code, modifiers, ..
            } = parse_key(key)?;
            if let Some(other) = self
                .reader
                .iter()
                .find(|b| b.code == code && b.modifiers == modifiers)
            {
                if other.action == action {
                    continue;
                }
                let name = |a: Action| a.config_name().unwrap_or("?");
                let (a, b) = (name(other.action), name(action));
                return Err(format!("key {key:?} is bound to both {a:?} and {b:?}"));
            }
            self.reader.push(Binding {
                code,
                modifiers,
                action,
            });
        }
        // Keep actions in their usual order, so help reads the same whatever was rebound.
        let rank = |a: Action| {
            READER
                .iter()
                .position(|b| b.action == a)
                .unwrap_or(usize::MAX)
        };
        self.reader.sort_by_key(|b| rank(b.action));
        Ok(())
    }

    /// Bind `action` to exactly `keys`, replacing its default keys.
    pub fn rebind(&mut self, action: Action, keys: &[String]) -> Result<(), String> {
        self.unbind(action);
        self.bind(action, keys)
    }

    /// The action a key asks for in a context, if any. In the search prompt, plain
    /// characters are text.
    pub fn lookup(&self, context: Context, event: KeyEvent) -> Option<Action> {
        // Terminals report Shift with upper-case letters inconsistently: compare without it.
        let mods = event.modifiers - KeyModifiers::SHIFT;
        let bound = self
            .bindings(context)
            .iter()
            .find(|b| b.code == event.code && b.modifiers == mods)
            .map(|b| b.action);
        match (context, bound, event.code) {
            (_, Some(action), _) => Some(action),
            (Context::Search, None, KeyCode::Char(c)) if !mods.contains(KeyModifiers::CONTROL) => {
                Some(Action::SearchInput(c))
            }
            (Context::TopicList, None, KeyCode::Char(c))
                if !mods.contains(KeyModifiers::CONTROL) =>
            {
                Some(Action::ListFilterInput(c))
            }
            (Context::Reader, None, KeyCode::Char(c @ '0'..='9')) if mods.is_empty() => {
                Some(Action::Digit(c as u8 - b'0'))
            }
            _ => None,
        }
    }

    /// Help rows: every action of a context with all its keys, in table order.
    pub fn help_rows(&self, context: Context) -> Vec<HelpRow> {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for b in self.bindings(context) {
            match rows.iter_mut().find(|(a, _)| *a == b.action) {
                Some((_, keys)) => keys.push(b.name()),
                None => rows.push((b.action, vec![b.name()])),
            }
        }
        rows.into_iter()
            .map(|(a, keys)| HelpRow {
                keys: keys.join(" "),
                what: a.describe(),
            })
            .collect()
    }

    /// Every key of an action in a context, in table order.
    pub fn keys_of(&self, context: Context, action: Action) -> Vec<String> {
        self.bindings(context)
            .iter()
            .filter(|b| b.action == action)
            .map(Binding::name)
            .collect()
    }

    /// The first key of an action in a context, for status-bar hints.
    pub fn first_key(&self, context: Context, action: Action) -> Option<String> {
        self.bindings(context)
            .iter()
            .find(|b| b.action == action)
            .map(Binding::name)
    }
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
