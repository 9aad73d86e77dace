//! The keymap's lookups, help rows, rebinding and key names.

use super::*;

#[test]
fn every_reader_action_the_issue_names_has_a_key() {
    let keys = crate::tui::config::Config::default().keymap;
    for (c, a) in [
        ('n', Action::NextTopic),
        ('p', Action::PrevTopic),
        ('d', Action::CycleMode),
        ('q', Action::Quit),
        ('/', Action::StartSearch),
    ] {
        assert_eq!(
            keys.lookup(Context::Reader, KeyEvent::from(KeyCode::Char(c))),
            Some(a)
        );
    }
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(keys.lookup(Context::Reader, ctrl_c), Some(Action::Quit));
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(keys.lookup(Context::Reader, shift_g), Some(Action::Bottom));
}

#[test]
fn digits_are_a_number_in_the_reader_and_letters_filter_the_topic_list() {
    let keys = crate::tui::config::Config::default().keymap;
    let press = |context, c| keys.lookup(context, KeyEvent::from(KeyCode::Char(c)));
    assert_eq!(press(Context::Reader, '7'), Some(Action::Digit(7)));
    assert_eq!(
        press(Context::TopicList, 'q'),
        Some(Action::ListFilterInput('q'))
    );
    assert_eq!(
        press(Context::TopicList, '7'),
        Some(Action::ListFilterInput('7'))
    );
    let enter = KeyEvent::from(KeyCode::Enter);
    assert_eq!(keys.lookup(Context::Reader, enter), Some(Action::GoToTopic));
    assert_eq!(
        keys.lookup(Context::TopicList, enter),
        Some(Action::ListOpen)
    );
}

#[test]
fn search_prompt_takes_letters_as_text() {
    let keys = crate::tui::config::Config::default().keymap;
    assert_eq!(
        keys.lookup(Context::Search, KeyEvent::from(KeyCode::Char('q'))),
        Some(Action::SearchInput('q'))
    );
}

#[test]
fn a_key_held_with_control_or_alt_is_no_text_and_no_number() {
    let keys = crate::tui::config::Config::default().keymap;
    let ctrl_e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert_eq!(keys.lookup(Context::Search, ctrl_e), None);
    assert_eq!(keys.lookup(Context::TopicList, ctrl_e), None);
    let alt_3 = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT);
    assert_eq!(keys.lookup(Context::Reader, alt_3), None);
}

#[test]
fn help_lists_each_action_once_with_all_keys() {
    let rows = crate::tui::config::Config::default()
        .keymap
        .help_rows(Context::Reader);
    let next = rows.iter().find(|r| r.what == "next topic").unwrap();
    assert_eq!(next.keys, "n Tab ]");
    assert_eq!(rows.iter().filter(|r| r.what == "next topic").count(), 1);
}

#[test]
fn help_names_typing_and_erasing_in_the_filter_and_the_search() {
    let keys = crate::tui::config::Config::default().keymap;
    let row = |context: Context, what: &str| {
        let rows = keys.help_rows(context);
        let found = rows.iter().find(|r| r.what == what);
        found.map(|r| r.keys.clone())
    };
    assert_eq!(
        row(Context::TopicList, "type to filter the list").as_deref(),
        Some(super::TYPED_KEYS)
    );
    assert_eq!(
        row(Context::TopicList, "erase the last letter of the filter").as_deref(),
        Some("Backspace")
    );
    assert_eq!(
        row(Context::Search, "type the search").as_deref(),
        Some(super::TYPED_KEYS)
    );
    assert_eq!(
        row(Context::Search, "erase the last letter").as_deref(),
        Some("Backspace")
    );
    assert!(row(Context::Reader, "type the search").is_none());
}

#[test]
fn rebinding_replaces_the_keys_and_drives_help() {
    let mut keys = crate::tui::config::Config::default().keymap;
    keys.rebind(Action::NextTopic, &["Ctrl-n".into(), "PgDn".into()])
        .unwrap_err();
    keys.rebind(Action::NextTopic, &["Ctrl-n".into(), "x".into()])
        .unwrap();
    assert_eq!(
        keys.lookup(Context::Reader, KeyEvent::from(KeyCode::Char('n'))),
        None
    );
    assert_eq!(
        keys.lookup(Context::Reader, KeyEvent::from(KeyCode::Char('x'))),
        Some(Action::NextTopic)
    );
    let rows = keys.help_rows(Context::Reader);
    assert!(
        rows.iter()
            .any(|r| r.keys == "Ctrl-n x" && r.what == "next topic"),
        "{rows:?}"
    );
}

#[test]
fn key_names_round_trip() {
    for b in crate::tui::config::Config::default()
        .keymap
        .bindings(Context::Reader)
    {
        let parsed = parse_key(&b.name()).map(|k| (k.code, k.modifiers));
        assert_eq!(parsed, Ok((b.code, b.modifiers)), "{b:?}");
    }
    assert!(parse_key("Hyper-x").is_err());
}

#[test]
fn every_bound_action_has_help_and_configurable_names_are_unique() {
    let keymap = crate::tui::config::Config::default().keymap;
    for context in [
        Context::Reader,
        Context::TopicList,
        Context::Search,
        Context::Confirm,
    ] {
        for b in keymap.bindings(context) {
            assert!(
                !b.action.describe().is_empty(),
                "{:?} has no help",
                b.action
            );
            assert!(!b.action.hint().is_empty(), "{:?} has no hint", b.action);
        }
    }
    let names: Vec<&str> = Action::config_names().collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
    for name in &names {
        let action = Action::from_config_name(name).map(Action::config_name);
        assert_eq!(action, Some(Some(*name)));
    }
    assert!(names.contains(&"next_topic") && names.contains(&"quit"));
    assert_eq!(Action::from_config_name("ListDown"), None);
    assert_eq!(Action::NextTopic.hint(), "next");
    assert_eq!(Action::ScrollDown.hint(), "scroll down");
}
