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

#[cfg(test)]
mod tests {
    use super::*;

    /// The paints a reader must tell apart at a glance: every source, some, one, moved,
    /// changed, a search match and the dimmed.
    const TOLD_APART: [Paint; 7] = [
        Paint::SharedAll,
        Paint::SharedSome,
        Paint::Own,
        Paint::Moved,
        Paint::Changed,
        Paint::Match,
        Paint::Dim,
    ];

    #[test]
    fn each_meaning_looks_different_with_colour_and_without() {
        let theme = Theme::default();
        for color in [true, false] {
            let plain = theme.style(Paint::Plain, color);
            assert_eq!(plain, Style::default());
            for (i, &a) in TOLD_APART.iter().enumerate() {
                assert_ne!(theme.style(a, color), plain, "{a:?}, colour {color}");
                for &b in &TOLD_APART[i + 1..] {
                    assert_ne!(
                        theme.style(a, color),
                        theme.style(b, color),
                        "{a:?} and {b:?}, colour {color}"
                    );
                }
            }
        }
    }

    #[test]
    fn without_colour_the_words_every_source_shares_are_bold_and_underlined() {
        let style = Theme::default().style(Paint::SharedAll, false);
        assert_eq!(
            style,
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        );
        assert_eq!(style.fg, None);
    }

    #[test]
    fn the_configured_colours_are_the_ones_painted() {
        let theme = Theme {
            shared_all: Color::Blue,
            own: Color::LightRed,
            ..Theme::default()
        };
        assert_eq!(theme.style(Paint::SharedAll, true).fg, Some(Color::Blue));
        assert_eq!(theme.style(Paint::Own, true).fg, Some(Color::LightRed));
        assert_eq!(theme.style(Paint::SharedSome, true).fg, Some(Color::Yellow));
    }

    #[test]
    fn the_focused_pane_and_the_status_bar_stand_out() {
        let theme = Theme::default();
        let bold = Style::default().add_modifier(Modifier::BOLD);
        assert_eq!(theme.focused_border(true), bold.fg(Color::Cyan));
        assert_eq!(theme.focused_border(false), bold);
        assert_eq!(
            theme.status_bar(true),
            Style::default().bg(Color::Blue).fg(Color::White)
        );
        assert_eq!(
            theme.status_bar(false),
            Style::default().add_modifier(Modifier::REVERSED)
        );
    }
}
