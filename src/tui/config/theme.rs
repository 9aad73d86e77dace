//! Colours: what each `Paint` looks like, with the configured colours (16-colour safe by
//! default) or without colour at all (`NO_COLOR`), where modifiers carry the meaning.

use ratatui::style::{Color, Modifier, Style};

use crate::tui::layout::view::Paint;

/// The colours the configuration can set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub shared_all: Color,
    pub shared_some: Color,
    pub own: Color,
    pub same: Color,
    pub moved: Color,
    pub changed: Color,
    pub focus: Color,
    pub status: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            shared_all: Color::Green,
            shared_some: Color::Yellow,
            own: Color::Magenta,
            same: Color::Green,
            moved: Color::Cyan,
            changed: Color::Red,
            focus: Color::Cyan,
            status: Color::Blue,
        }
    }
}

impl Theme {
    /// The style of a piece of text.
    pub fn style(&self, paint: Paint, color: bool) -> Style {
        let s = Style::default();
        if !color {
            return match paint {
                Paint::SharedAll => s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Paint::SharedSome => s.add_modifier(Modifier::UNDERLINED),
                Paint::Changed | Paint::Heading => s.add_modifier(Modifier::BOLD),
                Paint::Own => s.add_modifier(Modifier::BOLD | Modifier::ITALIC),
                Paint::Moved | Paint::Note => s.add_modifier(Modifier::ITALIC),
                Paint::Dim => s.add_modifier(Modifier::DIM),
                Paint::Match => s.add_modifier(Modifier::REVERSED),
                Paint::Plain | Paint::Same => s,
            };
        }
        match paint {
            Paint::SharedAll => s.fg(self.shared_all).add_modifier(Modifier::BOLD),
            Paint::SharedSome => s.fg(self.shared_some),
            Paint::Same => s.fg(self.same),
            Paint::Own => s.fg(self.own).add_modifier(Modifier::BOLD),
            Paint::Moved => s.fg(self.moved).add_modifier(Modifier::ITALIC),
            Paint::Changed => s.fg(self.changed),
            Paint::Dim => s.fg(Color::DarkGray),
            Paint::Heading => s.add_modifier(Modifier::BOLD),
            Paint::Note => s.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            Paint::Match => s.add_modifier(Modifier::REVERSED),
            Paint::Plain => s,
        }
    }

    /// The border of the focused pane.
    pub fn focused_border(&self, color: bool) -> Style {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        if color { bold.fg(self.focus) } else { bold }
    }

    /// The status bar.
    pub fn status_bar(&self, color: bool) -> Style {
        if color {
            Style::default().bg(self.status).fg(Color::White)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
}
