//! Tests of `words`.

use std::ops::Range;

use super::*;
use crate::lang::text::{Language, tokenize};

/// The word cutter as first written, character by character: what the byte-wise one must
/// give.
fn words_by_char(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let mut start: Option<usize> = None;
    // Where the word started, in characters.
    let mut first = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let (prev, next) = (k.checked_sub(1).and_then(at), at(k + 1));
        let inner_sep = matches!(c, ',' | '.')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        let capital = |c: Option<char>| c.is_some_and(|c| c.is_ascii_uppercase());
        let ends_letter =
            |c: Option<char>| c.is_none_or(|c| c.is_ascii() && !c.is_ascii_alphanumeric());
        let initialism = c == '.' && start.is_some() && capital(prev) && {
            let after_stop = k - 1 > first && k.checked_sub(2).and_then(at) == Some('.');
            let inner = (k - 1 == first || after_stop) && capital(next) && ends_letter(at(k + 2));
            inner || (after_stop && ends_letter(next))
        };
        let in_word = c.is_alphanumeric()
            || (start.is_some() && (is_combining_mark(c) || inner_sep || initialism));
        match (in_word, start) {
            (true, None) => (start, first) = (Some(i), k),
            (true, Some(s)) if i + c.len_utf8() - s > MAX_WORD => {
                out.push(s..i);
                (start, first) = (Some(i), k);
            }
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    out.extend(start.map(|s| s..text.len()));
    out
}

proptest::proptest! {
    #[test]
    fn words_are_cut_as_character_by_character(
        text in "([a-z0-9éÉ日١٢\u{301}\u{300}'’,. \t\n-]{0,30}|[ABaÉé.1 -]{0,30}|[aé]{1015,1030}[ ,.1]{0,3}[0-9]{0,3}|(A\\.){500,520})"
    ) {
        proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), words_by_char(&text));
    }
}

#[test]
fn words_split_at_apostrophes_hyphens_and_punctuation() {
    let text = "L’Été, vice-présidente: 1,3 million. Fin";
    let got: Vec<&str> = words(text).map(|r| &text[r]).collect();
    assert_eq!(
        got,
        vec!["L", "Été", "vice", "présidente", "1,3", "million", "Fin"]
    );
}

#[test]
fn a_run_longer_than_a_word_is_cut_into_words_that_join_back() {
    let run = "é".repeat(MAX_WORD); // two bytes each
    let text = format!("a {run} b");
    let got: Vec<Range<usize>> = words(&text).collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[1], 2..2 + MAX_WORD);
    assert_eq!(got[2], 2 + MAX_WORD..2 + 2 * MAX_WORD);
    let toks = tokenize(&text, Language::French);
    assert_eq!(toks[2].range(), got[2]);
    assert_eq!(&text[toks[3].range()], "b");
}
