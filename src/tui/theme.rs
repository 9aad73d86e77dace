//! Colours: what each `Paint` looks like, with colours (16-colour safe) or without (NO_COLOR).

use ratatui::style::{Color, Modifier, Style};

use super::view::Paint;

/// The style of a piece of text.
pub fn style(paint: Paint, color: bool) -> Style {
    let s = Style::default();
    if !color {
        return match paint {
            Paint::SharedAll => s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Paint::SharedSome => s.add_modifier(Modifier::UNDERLINED),
            Paint::Changed | Paint::Heading => s.add_modifier(Modifier::BOLD),
            Paint::Moved | Paint::Note => s.add_modifier(Modifier::ITALIC),
            Paint::Dim => s.add_modifier(Modifier::DIM),
            Paint::Match => s.add_modifier(Modifier::REVERSED),
            Paint::Plain | Paint::Same => s,
        };
    }
    match paint {
        Paint::SharedAll => s.fg(Color::Green).add_modifier(Modifier::BOLD),
        Paint::SharedSome => s.fg(Color::Yellow),
        Paint::Same => s.fg(Color::Green),
        Paint::Moved => s.fg(Color::Cyan).add_modifier(Modifier::ITALIC),
        Paint::Changed => s.fg(Color::Red),
        Paint::Dim => s.fg(Color::DarkGray),
        Paint::Heading => s.add_modifier(Modifier::BOLD),
        Paint::Note => s.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
        Paint::Match => s.add_modifier(Modifier::REVERSED),
        Paint::Plain => s,
    }
}

/// The border of the focused pane.
pub fn focused_border(color: bool) -> Style {
    if color {
        Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::BOLD)
    }
}

/// The status bar.
pub fn status_bar(color: bool) -> Style {
    if color {
        Style::default().bg(Color::Blue).fg(Color::White)
    } else {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}
