//! Making untrusted article text safe for a terminal: control characters become visible symbols.

use std::borrow::Cow;

/// Would this character change the terminal's state or the text's direction if printed raw?
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// The visible stand-in for an unsafe character: one character, so widths stay predictable.
fn stand_in(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{2028}' | '\u{2029}' => ' ',
        '\u{7F}' => '\u{2421}',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        _ => '\u{FFFD}',
    }
}

/// Replace escape sequences' introducers, other controls and bidi overrides with visible
/// symbols (ESC shows as ␛). Text without any is returned as is.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { stand_in(c) } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_paragraph_separators_and_the_arabic_mark_are_neutralised() {
        assert_eq!(for_terminal("a\u{2028}b\u{2029}c"), "a b c");
        assert_eq!(for_terminal("x\u{061C}y"), "x\u{FFFD}y");
    }

    #[test]
    fn escapes_and_bidi_are_neutralised() {
        let s = for_terminal("a\u{1b}[31mred\u{7}\u{202E}x\u{9b}y\tz");
        assert_eq!(s, "a\u{241b}[31mred\u{2407}\u{FFFD}x\u{FFFD}y z");
        assert!(!s.chars().any(is_unsafe));
    }

    #[test]
    fn delete_and_the_last_c0_control_show_their_symbols() {
        assert_eq!(for_terminal("a\u{7f}b\u{1f}c"), "a\u{2421}b\u{241f}c");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(for_terminal("Été à Paris"), Cow::Borrowed(_)));
    }
}
