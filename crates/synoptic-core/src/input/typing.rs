//! How a paragraph is typed: with straight quotation marks and apostrophes (`"`, `'`) or with
//! typographic ones (`“ ” ‘ ’ « »`). A page's deck is often typed in another field of its
//! publishing system than the story, and keeps the other kind of marks.

/// Straight marks, as typed on a keyboard.
const STRAIGHT: [char; 2] = ['"', '\''];

/// Typographic marks, as a publishing system sets them.
const TYPOGRAPHIC: [char; 6] = ['“', '”', '‘', '’', '«', '»'];

/// A story typed with typographic marks throughout holds at least this many of them: fewer
/// say nothing of how it was typed.
const MIN_TYPOGRAPHIC: usize = 2;

fn count(text: &str, marks: &[char]) -> usize {
    text.chars().filter(|c| marks.contains(c)).count()
}

/// Whether `line` is typed with straight marks only while every paragraph of `story` uses
/// typographic ones only (and enough of them to tell): the line was typed apart from it.
pub fn typed_apart<'t>(line: &str, story: impl IntoIterator<Item = &'t str>) -> bool {
    if count(line, &STRAIGHT) == 0 || count(line, &TYPOGRAPHIC) > 0 {
        return false;
    }
    let mut typographic = 0;
    for paragraph in story {
        if count(paragraph, &STRAIGHT) > 0 {
            return false;
        }
        typographic += count(paragraph, &TYPOGRAPHIC);
    }
    typographic >= MIN_TYPOGRAPHIC
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: [&str; 2] = [
        "The memos were sent to Congress on Thursday, the department said.",
        "“He then returned to loyalty,” Comey wrote, and Trump’s aides agreed.",
    ];

    #[test]
    fn a_straight_quote_above_a_typographic_story_was_typed_apart() {
        let deck = "\"He said he was grateful for the conversation,\" Comey wrote.";
        assert!(typed_apart(deck, STORY));
    }

    #[test]
    fn a_line_typed_like_the_story_or_with_no_marks_was_not() {
        assert!(!typed_apart(
            "“He said he was grateful,” Comey wrote.",
            STORY
        ));
        assert!(!typed_apart("He said he was grateful, Comey wrote.", STORY));
        assert!(!typed_apart("\"Grateful,” he wrote.", STORY), "both kinds");
    }

    #[test]
    fn a_story_with_a_straight_mark_or_too_few_typographic_ones_tells_nothing() {
        let deck = "\"He said he was grateful,\" Comey wrote.";
        let mixed = [STORY[0], STORY[1], "Trump's lawyer did not answer."];
        assert!(!typed_apart(deck, mixed));
        let bare = ["The memos were sent on Thursday.", "Trump’s aides agreed."];
        assert!(!typed_apart(deck, bare), "one mark is not enough");
        assert!(typed_apart(deck, [bare[0], bare[1], "“Fine,” he said."]));
    }
}
