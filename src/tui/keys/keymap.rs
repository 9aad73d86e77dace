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

/// How help names the keys that type text into the topic list's filter or the search.
pub const TYPED_KEYS: &str = "letters";

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
    key('n', Action::ConfirmNo),
    special(KeyCode::Esc, Action::Back),
    ctrl('c', Action::Quit),
];

/// One row of help: the keys of an action, and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub what: &'static str,
}

/// The bindings in force. The reader's own keys come from the configuration: the shipped one
/// (`assets/config.toml`) holds their defaults, so they are written in one place; the tables
/// here are the prompts' and the lists', which are not configurable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    reader: Vec<Binding>,
    /// Reader actions in the order they were first bound: the help screen's order.
    order: Vec<Action>,
    topic_list: Vec<Binding>,
    search: Vec<Binding>,
}

impl Keymap {
    /// The fixed tables, and no reader key yet (`bind` gives them).
    pub fn without_reader_keys() -> Self {
        Keymap {
            reader: Vec::new(),
            order: Vec::new(),
            topic_list: TOPIC_LIST.to_vec(),
            search: SEARCH.to_vec(),
        }
    }

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
        // Keep actions in the order they were first bound (the shipped configuration's), so
        // help reads the same whatever was rebound.
        if !self.order.contains(&action) {
            self.order.push(action);
        }
        let order = &self.order;
        self.reader
            .sort_by_key(|b| order.iter().position(|a| *a == b.action));
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
        // Letters typed into the list's filter or the search are no binding, but a key all
        // the same: `lookup` makes them text.
        let typed = match context {
            Context::TopicList => Some(Action::ListFilterInput(' ')),
            Context::Search => Some(Action::SearchInput(' ')),
            Context::Reader | Context::Confirm => None,
        };
        let letters = typed.map(|a| (a, vec![TYPED_KEYS.to_owned()]));
        letters
            .into_iter()
            .chain(rows)
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
