//! Keys as the help screen and the configuration file write them: "n", "Shift-Tab", "Ctrl-c",
//! "`PgDn`", read and written by one pair of functions so the two always agree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Read a key as the help screen writes it: "n", "Tab", "Shift-Tab", "Ctrl-c", "`PgDn`"...
pub fn parse_key(name: &str) -> Result<KeyEvent, String> {
    let (mods, base) = match name.strip_prefix("Ctrl-") {
        Some(rest) => (KeyModifiers::CONTROL, rest),
        None => (KeyModifiers::NONE, name),
    };
    let code = match base {
        "Tab" => KeyCode::Tab,
        "Shift-Tab" => KeyCode::BackTab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Space" => KeyCode::Char(' '),
        "Backspace" => KeyCode::Backspace,
        "Up" | "↑" => KeyCode::Up,
        "Down" | "↓" => KeyCode::Down,
        "Left" | "←" => KeyCode::Left,
        "Right" | "→" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        single if single.chars().count() == 1 => {
            KeyCode::Char(single.chars().next().unwrap_or(' '))
        }
        _ => {
            return Err(format!(
                "unknown key {name:?} (write a character, or Tab, Shift-Tab, Enter, Esc, Space, Backspace, Up, Down, Left, Right, PgUp, PgDn, Home, End, Ctrl-<char>)"
            ));
        }
    };
    Ok(KeyEvent::new(code, mods))
}

/// How a key is written on the help screen.
pub fn key_name(code: KeyCode, modifiers: KeyModifiers) -> String {
    let base = match code {
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
    if modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_help_can_write_reads_back_as_itself() {
        let codes = [
            KeyCode::Char('n'),
            KeyCode::Char(' '),
            KeyCode::Char('?'),
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
        ];
        for code in codes {
            for mods in [KeyModifiers::NONE, KeyModifiers::CONTROL] {
                let name = key_name(code, mods);
                assert_eq!(parse_key(&name), Ok(KeyEvent::new(code, mods)), "{name}");
            }
        }
    }

    #[test]
    fn arrows_may_be_written_as_words_and_unknown_keys_are_refused() {
        assert_eq!(
            parse_key("Up"),
            Ok(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE))
        );
        assert_eq!(
            parse_key("Ctrl-Left"),
            Ok(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL))
        );
        let err = parse_key("F13").unwrap_err();
        assert!(err.starts_with("unknown key \"F13\""), "{err}");
    }
}
