//! The help screen's text, from the keymap: every key by context, and the views with how to
//! open and leave them. Render draws it; `update` scrolls it.

use super::action::Action;
use super::keymap::{Context, Keymap};

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
        for (keys, what) in keymap.help_rows(context) {
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
        let mut keymap = Keymap::default();
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
