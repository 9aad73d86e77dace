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

/// Characters that draw nothing but that terminals measure differently: zero-width spaces
/// and joiners, the soft hyphen, variation selectors, tags, fillers (Unicode's
/// `Default_Ignorable_Code_Point`, less the bidi controls, which `is_unsafe` shows). A terminal
/// may give them a column, or join what surrounds them into one wider glyph, so they are left
/// out of what is drawn: the columns the layout counts are the columns the terminal uses.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Whether `c` is unsafe or invisible. Of ASCII, only the controls are (most text is ASCII,
/// and this is asked of every character shown).
fn needs_care(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_control()
    } else {
        is_unsafe(c) || is_invisible(c)
    }
}

/// Replace escape sequences' introducers, other controls and bidi overrides with visible
/// symbols (ESC shows as ␛), and leave out invisible characters (see `is_invisible`). Text
/// without any is returned as is.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| !is_invisible(c))
            .map(|c| if is_unsafe(c) { stand_in(c) } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn of_ascii_only_the_controls_need_care() {
        for c in (0u8..=0x7f).map(char::from) {
            assert_eq!(needs_care(c), is_unsafe(c) || is_invisible(c), "{c:?}");
        }
        assert!(needs_care('\u{202E}') && needs_care('\u{200B}') && !needs_care('é'));
    }

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
    fn invisible_characters_are_left_out_and_visible_ones_kept() {
        let text = "para\u{200B}graphe in\u{200D}vi\u{2060}si\u{FEFF}ble tiret\u{AD}x \
                    \u{2764}\u{FE0F} \u{1F468}\u{200D}\u{1F469} e\u{301} \u{6F22}\u{E0041}";
        let shown = for_terminal(text);
        assert_eq!(
            shown,
            "paragraphe invisible tiretx \u{2764} \u{1F468}\u{1F469} e\u{301} \u{6F22}"
        );
        // What remains is measured the same by the layout and by terminals: no joined glyphs.
        assert_eq!(unicode_width::UnicodeWidthStr::width(shown.as_ref()), 39);
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(for_terminal("Été à Paris"), Cow::Borrowed(_)));
    }
}
