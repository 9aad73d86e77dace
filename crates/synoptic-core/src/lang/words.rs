//! Where words start and end in a text: byte ranges of runs of letters and digits, with the
//! few stops and commas that belong inside a word.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

/// Longest word, in bytes: a longer run of letters (no language has one) is cut into words of
/// this length at most, so a token's length fits in 16 bits.
pub const MAX_WORD: usize = 1024;

/// Byte ranges of the words of a text: runs of letters, digits and combining marks. A '.' or
/// ',' between two digits stays inside ("1,3", "6.8"), and so do the stops of an initialism
/// ("U.S.", "F.B.I.", "F.B.I": single capitals each followed by a stop), so that it is one word
/// as "FBI" is; apostrophes, hyphens and everything else separate words, so "l'échange" gives
/// "l" and "échange".
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut prev_digit = false;
    // Where the next word starts when a run longer than MAX_WORD was cut.
    let mut carried: Option<usize> = None;
    std::iter::from_fn(move || {
        let mut start = carried.take();
        // Byte by byte where the text is ASCII, as most of it is; by character elsewhere.
        while let Some(&b) = bytes.get(at) {
            let i = at;
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                text[i..].chars().next()?
            };
            at += c.len_utf8();
            // Only a stop or a comma may stay inside a word; other characters ask nothing more.
            let inner_sep = match c {
                ',' | '.' if prev_digit && bytes.get(at).is_some_and(u8::is_ascii_digit) => true,
                '.' => start.is_some_and(|s| initialism_stop(bytes, s, i)),
                _ => false,
            };
            let in_word = if b.is_ascii() {
                b.is_ascii_alphanumeric() || (start.is_some() && inner_sep)
            } else {
                c.is_alphanumeric() || (start.is_some() && is_combining_mark(c))
            };
            prev_digit = b.is_ascii_digit();
            match (in_word, start) {
                (true, None) => start = Some(i),
                (true, Some(s)) if at - s > MAX_WORD => {
                    carried = Some(i);
                    return Some(s..i);
                }
                (false, Some(s)) => return Some(s..i),
                _ => {}
            }
        }
        start.map(|s| s..text.len())
    })
}

/// Whether the stop at `i`, in a word that starts before it at `start`, is a stop of an
/// initialism: after a capital that starts the word or follows a stop, either before a capital
/// that ends a letter ("U.S", "F.B.I") or, when the word already holds a stop, ending it
/// ("U.S.", not "M.").
fn initialism_stop(bytes: &[u8], start: usize, i: usize) -> bool {
    let byte = |j: usize| bytes.get(j).copied().unwrap_or(0);
    // What a letter of an initialism stands before: anything but a letter or a digit.
    let ends_letter = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric();
    if !byte(i - 1).is_ascii_uppercase() {
        return false;
    }
    let after_stop = i - 1 > start && byte(i - 2) == b'.';
    let inner = (i - 1 == start || after_stop)
        && byte(i + 1).is_ascii_uppercase()
        && ends_letter(byte(i + 2));
    inner || (after_stop && ends_letter(byte(i + 1)))
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
