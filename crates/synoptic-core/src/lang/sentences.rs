//! Where the sentences of a paragraph start, from its tokens and the text between them.
//!
//! A sentence ends at '.', '!', '?' or '…' when the next word starts with a capital letter
//! after a space. A full stop after one letter ("M. Sarkozy", "J. Comey") or after a short
//! capitalised word ("Mr.", "Dr.", "Mme", "Gen.", "Feb.") is taken for an abbreviation: a
//! missed sentence end only leaves two sentences together, as a paragraph was before.

use std::ops::Range;

use crate::lang::text::Token;

/// Punctuation that ends a sentence.
const SENTENCE_ENDS: [char; 4] = ['.', '!', '?', '…'];

/// Letters of the longest capitalised word a full stop may abbreviate ("Mme", "Gen", "Feb").
const ABBREVIATION_LETTERS: usize = 3;

/// Characters that open a quotation or an aside: a sentence that starts with one starts there.
const OPENERS: [char; 8] = ['«', '“', '‘', '"', '(', '[', '—', '–'];

/// One sentence: its tokens, and its text (no space at either end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub bytes: Range<usize>,
}

/// The sentences of `text`, cut into `tokens`, in order. Together they hold every token and,
/// spaces between them aside, every byte of the text; none for a text with no word.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let (mut first, mut from) = (0, 0);
    for i in 1..=tokens.len() {
        let cut = match tokens.get(i) {
            Some(after) if ends_sentence(text, &tokens[i - 1], after) => {
                start_after(text, &tokens[i - 1], after)
            }
            Some(_) => continue,
            None => text.len(),
        };
        out.push(Sentence {
            tokens: first..i,
            bytes: trimmed(text, from..cut),
        });
        (first, from) = (i, cut);
    }
    out
}

/// Where the sentence that starts with `after` starts in the text: at a quotation mark or
/// dash that opens it, else at its first word.
fn start_after(text: &str, before: &Token, after: &Token) -> usize {
    let gap = &text[before.end()..after.start()];
    let space = gap.find(char::is_whitespace).unwrap_or(gap.len());
    gap[space..]
        .find(OPENERS)
        .map_or(after.start(), |o| before.end() + space + o)
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let inner = &text[range.clone()];
    let start = range.start + (inner.len() - inner.trim_start().len());
    let end = range.start + inner.trim_end().len();
    start..end.max(start)
}

/// Whether a sentence ends between two consecutive words.
pub fn ends_sentence(text: &str, before: &Token, after: &Token) -> bool {
    let gap = &text[before.end()..after.start()];
    let Some(stop) = gap.find(SENTENCE_ENDS) else {
        return false;
    };
    let spaced = gap[stop..].chars().any(char::is_whitespace);
    let capital = text[after.range()]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let abbreviation =
        gap[stop..].starts_with('.') && stop == 0 && abbreviates(&text[before.range()]);
    spaced && capital && !abbreviation
}

/// Whether a word followed by a full stop reads as an abbreviation: one letter, or a short
/// capitalised word.
pub fn abbreviates(word: &str) -> bool {
    let letters = word.chars().count();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    word.chars().all(char::is_alphabetic)
        && (letters == 1 || (capitalised && letters <= ABBREVIATION_LETTERS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::text::{Language, tokenize};

    fn cut(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, Language::French);
        let all = sentences(text, &tokens);
        let mut next = 0;
        for s in &all {
            assert_eq!(s.tokens.start, next, "every token, in order: {all:?}");
            next = s.tokens.end;
        }
        assert_eq!(next, tokens.len());
        all.iter().map(|s| &text[s.bytes.clone()]).collect()
    }

    #[test]
    fn a_full_stop_before_a_capital_ends_a_sentence() {
        assert_eq!(
            cut("Le barrage a cédé. Les secours arrivent! Qui paiera ? Personne… Fin"),
            [
                "Le barrage a cédé.",
                "Les secours arrivent!",
                "Qui paiera ?",
                "Personne…",
                "Fin"
            ]
        );
    }

    #[test]
    fn initials_titles_and_short_abbreviations_do_not_end_a_sentence() {
        assert_eq!(
            cut("M. Sarkozy a vu J. Comey. Mr. Trump met Dr. Who on Feb. 8. It rained."),
            [
                "M. Sarkozy a vu J. Comey.",
                "Mr. Trump met Dr. Who on Feb. 8.",
                "It rained."
            ]
        );
    }

    #[test]
    fn a_stop_with_no_capital_or_no_space_after_it_ends_nothing() {
        assert_eq!(
            cut("Il a 6.8 ans. et puis.Voilà"),
            ["Il a 6.8 ans. et puis.Voilà"]
        );
        assert_eq!(
            cut("« Est-ce la fin ? » demande-t-il. « Jamais. » Voilà."),
            ["« Est-ce la fin ? » demande-t-il.", "« Jamais. »", "Voilà."]
        );
    }

    #[test]
    fn a_sentence_opened_by_a_quotation_mark_or_a_dash_starts_there() {
        assert_eq!(
            cut(" He said so. \"We will.\" — Then he left. (Nobody followed.) "),
            [
                "He said so.",
                "\"We will.\"",
                "— Then he left.",
                "(Nobody followed.)"
            ]
        );
    }

    #[test]
    fn a_sentence_starts_at_its_opening_mark_after_the_closing_one_of_the_last() {
        assert_eq!(
            cut("Il est parti.»  « Non, pas du tout », dit-il."),
            ["Il est parti.»", "« Non, pas du tout », dit-il."]
        );
    }

    #[test]
    fn a_text_with_no_words_has_no_sentence() {
        assert!(sentences("…", &[]).is_empty());
    }
}
