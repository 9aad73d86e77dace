//! Key bindings as data: one table per context, from which lookups, the help screen and the
//! status-bar hints are all generated.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where the keys are being read: each context has its own table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Reader,
    TopicList,
    Search,
}

/// One key (with modifiers) bound to one action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
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
    key('/', Action::StartSearch),
    key('N', Action::NextMatch),
    key('e', Action::Export),
    key('?', Action::Help),
    special(KeyCode::Esc, Action::Back),
    key('q', Action::Quit),
    ctrl('c', Action::Quit),
];

const TOPIC_LIST: &[Binding] = &[
    key('j', Action::ListDown),
    special(KeyCode::Down, Action::ListDown),
    key('k', Action::ListUp),
    special(KeyCode::Up, Action::ListUp),
    special(KeyCode::Enter, Action::ListOpen),
    key('t', Action::ToggleTopicList),
    special(KeyCode::Esc, Action::Back),
    key('q', Action::Quit),
    ctrl('c', Action::Quit),
];

const SEARCH: &[Binding] = &[
    special(KeyCode::Enter, Action::SearchSubmit),
    special(KeyCode::Backspace, Action::SearchBackspace),
    special(KeyCode::Esc, Action::Back),
    ctrl('c', Action::Quit),
];

/// The bindings of a context.
pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::Reader => READER,
        Context::TopicList => TOPIC_LIST,
        Context::Search => SEARCH,
    }
}

/// The action a key asks for in a context, if any. In the search prompt, plain characters
/// are text.
pub fn lookup(context: Context, event: KeyEvent) -> Option<Action> {
    // Terminals report Shift with upper-case letters inconsistently: compare without it.
    let mods = event.modifiers - KeyModifiers::SHIFT;
    let code = event.code;
    let bound = bindings(context)
        .iter()
        .find(|b| b.code == code && b.modifiers == mods)
        .map(|b| b.action);
    match (context, bound, event.code) {
        (_, Some(action), _) => Some(action),
        (Context::Search, None, KeyCode::Char(c)) if !mods.contains(KeyModifiers::CONTROL) => {
            Some(Action::SearchInput(c))
        }
        _ => None,
    }
}

/// How a key is written on the help screen.
pub fn key_name(b: &Binding) -> String {
    let base = match b.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        other => format!("{other:?}"),
    };
    if b.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// Help rows: every action of a context with all its keys, in table order.
pub fn help_rows(context: Context) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
    for b in bindings(context) {
        match rows.iter_mut().find(|(a, _)| *a == b.action) {
            Some((_, keys)) => keys.push(key_name(b)),
            None => rows.push((b.action, vec![key_name(b)])),
        }
    }
    rows.into_iter()
        .map(|(a, keys)| (keys.join(" "), a.describe()))
        .collect()
}

/// The first key of an action in a context, for status-bar hints.
pub fn first_key(context: Context, action: Action) -> Option<String> {
    bindings(context)
        .iter()
        .find(|b| b.action == action)
        .map(key_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reader_action_the_issue_names_has_a_key() {
        for (c, a) in [
            ('n', Action::NextTopic),
            ('p', Action::PrevTopic),
            ('d', Action::CycleMode),
            ('q', Action::Quit),
            ('/', Action::StartSearch),
        ] {
            assert_eq!(
                lookup(Context::Reader, KeyEvent::from(KeyCode::Char(c))),
                Some(a)
            );
        }
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Context::Reader, ctrl_c), Some(Action::Quit));
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Context::Reader, shift_g), Some(Action::Bottom));
    }

    #[test]
    fn search_prompt_takes_letters_as_text() {
        assert_eq!(
            lookup(Context::Search, KeyEvent::from(KeyCode::Char('q'))),
            Some(Action::SearchInput('q'))
        );
    }

    #[test]
    fn help_lists_each_action_once_with_all_keys() {
        let rows = help_rows(Context::Reader);
        let next = rows.iter().find(|(_, d)| *d == "next topic").unwrap();
        assert_eq!(next.0, "n Tab ]");
        assert_eq!(rows.iter().filter(|(_, d)| *d == "next topic").count(), 1);
    }
}
