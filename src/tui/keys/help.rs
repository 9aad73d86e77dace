//! The help screen's text, from the keymap: every key by context, and the views with how to
//! open and leave them. Render draws it; `update` scrolls it.

use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::{Context, Keymap};

/// One line of help; titles are drawn bold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpLine {
    pub text: String,
    pub title: bool,
}

fn title(text: String) -> HelpLine {
    HelpLine { text, title: true }
}

fn plain(text: String) -> HelpLine {
    HelpLine { text, title: false }
}

/// The keys that do `action` in the reader, or "(unbound)".
fn keys_for(keymap: &Keymap, action: Action) -> String {
    let keys = keymap.keys_of(Context::Reader, action);
    if keys.is_empty() {
        "(unbound)".to_owned()
    } else {
        keys.join(" ")
    }
}

/// How far the help can scroll: its lines less those a popup fits on a screen `height` rows
/// tall (the popup sits above the status bar, inside a border).
pub fn max_scroll(lines: usize, height: u16) -> usize {
    let inner = usize::from(height.saturating_sub(1))
        .min(lines + 2)
        .saturating_sub(2);
    lines.saturating_sub(inner)
}

/// How wide the help popup is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PopupWidth {
    /// Columns, border included.
    pub outer: u16,
    /// Columns of text inside the border.
    pub text: usize,
}

/// The help popup's width on a screen `screen_width` columns wide.
pub fn popup_width(screen_width: u16) -> PopupWidth {
    let outer = screen_width.min(76);
    PopupWidth {
        outer,
        text: usize::from(outer.saturating_sub(2)),
    }
}

/// The help text wrapped to `width` columns: a key's description goes on under itself, so a
/// narrow terminal shows every word rather than cutting lines.
pub fn help_lines_within(keymap: &Keymap, width: usize) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for line in help_lines(keymap) {
        if line.text.chars().count() <= width {
            out.push(line);
            continue;
        }
        let chars: Vec<char> = line.text.chars().collect();
        let lead = chars.iter().take_while(|c| **c == ' ').count();
        // A key row keeps its key column; other lines go on two columns in.
        let (head, rest, indent) = if lead == 2 && chars.get(KEY_COLUMN - 1) == Some(&' ') {
            let head: String = chars[..KEY_COLUMN].iter().collect();
            let rest: String = chars[KEY_COLUMN..].iter().collect();
            (head, rest, KEY_COLUMN)
        } else {
            (
                " ".repeat(lead),
                line.text.trim_start().to_owned(),
                lead + 2,
            )
        };
        let mut current = head;
        let mut empty = true;
        for word in rest.split_whitespace() {
            if !empty && current.chars().count() + 1 + word.chars().count() > width {
                out.push(HelpLine {
                    text: std::mem::replace(&mut current, " ".repeat(indent)),
                    title: line.title,
                });
                empty = true;
            }
            if !empty {
                current.push(' ');
            }
            current.push_str(word);
            empty = false;
        }
        out.push(HelpLine {
            text: current,
            title: line.title,
        });
    }
    out
}

/// Where a key row's description starts: two spaces, the 22-column key field, a space.
const KEY_COLUMN: usize = 25;

/// The whole help text.
pub fn help_lines(keymap: &Keymap) -> Vec<HelpLine> {
    let list = keys_for(keymap, Action::ToggleTopicList);
    let search = keys_for(keymap, Action::StartSearch);
    let mut lines = vec![title("Keys".into())];
    for (name, context) in [
        ("Reader".to_owned(), Context::Reader),
        (format!("Topic list ({list})"), Context::TopicList),
        (format!("Search prompt ({search})"), Context::Search),
    ] {
        lines.push(plain(String::new()));
        lines.push(title(name));
        for crate::tui::keys::keymap::HelpRow { keys, what } in keymap.help_rows(context) {
            lines.push(plain(format!("  {keys:<22} {what}")));
        }
    }
    let back = keys_for(keymap, Action::Back);
    let views = [
        (
            Action::ToggleFullArticle,
            "Full article",
            "every paragraph of the focused source, in its own order",
        ),
        (
            Action::ToggleFigures,
            "Figures",
            "numbers and times the sources give differently, over the panes",
        ),
        (
            Action::ToggleTopicList,
            "Topic list",
            "every topic with the sources that cover it; type to filter it",
        ),
        (
            Action::ToggleUnclaimed,
            "Not in any topic",
            "each source's paragraphs that no topic claims",
        ),
    ];
    lines.push(plain(String::new()));
    lines.push(title("Views".into()));
    for (action, name, what) in views {
        let keys = keys_for(keymap, action);
        lines.push(plain(format!("  {name} ({keys}): {what}.")));
        lines.push(plain(format!("    Leave with {keys} again or {back}.")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(keymap: &Keymap) -> String {
        help_lines(keymap)
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn section_titles_and_views_follow_the_keymap() {
        let mut keymap = crate::tui::config::Config::default().keymap;
        let before = text(&keymap);
        assert!(before.contains("Search prompt (/)"), "{before}");
        assert!(before.contains("Full article (f)"), "{before}");
        assert!(before.contains("Leave with f again or Esc"), "{before}");
        keymap.rebind(Action::StartSearch, &["S".into()]).unwrap();
        keymap
            .rebind(Action::ToggleFullArticle, &["F".into()])
            .unwrap();
        let after = text(&keymap);
        assert!(after.contains("Search prompt (S)"), "{after}");
        assert!(!after.contains("Search prompt (/)"), "{after}");
        assert!(after.contains("Full article (F)"), "{after}");
    }
}
