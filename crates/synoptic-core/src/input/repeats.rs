//! Page furniture told by repetition: a short line an article carries twice, word for word or
//! but for one word ("Continue reading the main story", "Tenth paragraph (index) is missing.").
//!
//! A story does not say the same short sentence twice as paragraphs of its own; a page's
//! template does, whatever the language, so no list of markers is needed. Two repeats are
//! the story's all the same, and `kinds` keeps them: a subhead that quotes a sentence of the
//! story, and a passage the article carries twice, its neighbours repeated with it.

use std::collections::HashMap;

use crate::lang::text::fold;

/// A line longer than this is text even when repeated (a refrain quoted twice).
const MAX_WORDS: usize = 12;

/// Fewer shared words than this can repeat by chance.
const MIN_SHARED: usize = 3;

/// For each paragraph of one article, its twins: short paragraphs of the same article with as
/// many words, and all of them the same (folded, punctuation aside) but at most one. A twin
/// whose neighbour repeats the paragraph's neighbour is no twin: the article carries a whole
/// passage twice (a copy made when the page was saved), and a template line stands alone.
///
/// Each short paragraph is filed under its words and under its words with each one in turn
/// left blank; two paragraphs are twins when they share a file. Linear in the paragraphs, so
/// an article of thousands of one-line paragraphs costs no more than reading it.
pub fn twins(texts: &[String]) -> Vec<Vec<usize>> {
    let mut files: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, text) in texts.iter().enumerate() {
        let Some(words) = short_words(text) else {
            continue;
        };
        for key in twin_keys(&words) {
            files.entry(key).or_default().push(i);
        }
    }
    let mut twins = vec![Vec::new(); texts.len()];
    for file in files.values() {
        for &i in file {
            for &j in file {
                if i != j && !twins[i].contains(&j) && !copied_together(texts, i, j) {
                    twins[i].push(j);
                }
            }
        }
    }
    twins
}

/// Whether paragraphs `i` and `j` repeat with a neighbour: the one before each, or the one
/// after each, is the same text.
fn copied_together(texts: &[String], i: usize, j: usize) -> bool {
    let same = |a: Option<&String>, b: Option<&String>| a.zip(b).is_some_and(|(a, b)| a == b);
    let before = |k: usize| k.checked_sub(1).and_then(|k| texts.get(k));
    same(before(i), before(j)) || same(texts.get(i + 1), texts.get(j + 1))
}

/// The files a paragraph of `words` goes under: all its words, and, when enough would still
/// be shared, its words with each one left blank in turn.
fn twin_keys(words: &[String]) -> Vec<String> {
    // A blank no word can be, and a separator no word holds.
    const BLANK: &str = "\u{0}";
    const SEPARATOR: &str = "\u{1}";
    let mut keys = vec![words.join(SEPARATOR)];
    if words.len() > MIN_SHARED {
        for blank in 0..words.len() {
            let mut masked: Vec<&str> = words.iter().map(String::as_str).collect();
            masked[blank] = BLANK;
            keys.push(masked.join(SEPARATOR));
        }
    }
    keys
}

/// The folded words of a short paragraph, bare of punctuation; `None` for a long one.
fn short_words(text: &str) -> Option<Vec<String>> {
    let parts = text.split_whitespace();
    if parts.clone().nth(MAX_WORDS).is_some() {
        return None;
    }
    let words: Vec<String> = parts
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
        .collect();
    (words.len() >= MIN_SHARED).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(lines: &[&str]) -> Vec<bool> {
        let texts: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        twins(&texts).iter().map(|t| !t.is_empty()).collect()
    }

    #[test]
    fn a_template_line_with_one_word_changed_is_twinned() {
        let got = flags(&[
            "First paragraph (index) is missing.",
            "The migrants walked to the port of entry on Sunday.",
            "Tenth paragraph (index) is missing.",
        ]);
        assert_eq!(got, [true, false, true]);
    }

    #[test]
    fn a_line_repeated_word_for_word_is_twinned_whatever_its_case() {
        let got = flags(&[
            "Continue reading the main story",
            "The talks went on all night.",
            "CONTINUE READING THE MAIN STORY",
        ]);
        assert_eq!(got, [true, false, true]);
    }

    #[test]
    fn two_words_changed_or_a_word_more_make_no_twins() {
        let got = flags(&[
            "The police arrived on Monday.",
            "The army left on Tuesday.",
            "The police arrived on Monday night.",
        ]);
        assert_eq!(got, [false, false, false]);
    }

    #[test]
    fn four_words_with_one_changed_share_enough_three_do_not() {
        let got = flags(&["Photo one of five.", "Photo two of five."]);
        assert_eq!(got, [true, true]);
        let got = flags(&["Story continues below.", "Story continues above."]);
        assert_eq!(got, [false, false]);
        let got = flags(&["Story continues below.", "Story continues below."]);
        assert_eq!(got, [true, true], "three words word for word");
    }

    #[test]
    fn short_lines_and_long_paragraphs_are_never_twinned() {
        let long = "word ".repeat(MAX_WORDS + 1);
        let got = flags(&["He said no.", "He said yes.", &long, &long]);
        assert_eq!(got, [false, false, false, false]);
    }

    #[test]
    fn twins_name_each_other() {
        let texts: Vec<String> = ["Story continues below.", "Text.", "Story continues below."]
            .map(String::from)
            .to_vec();
        assert_eq!(twins(&texts), [vec![2], vec![], vec![0]]);
    }

    /// A passage saved twice repeats its short lines with the paragraphs around them; a
    /// template line repeats alone.
    #[test]
    fn lines_repeated_with_their_neighbours_are_no_twins() {
        let long = "Outside the bars of Sanlitun, some push the doors of the night clubs.";
        let got = flags(&[
            long,
            "Few Chinese here, where sandals are banned.",
            "The match ended late.",
            long,
            "Few Chinese here, where sandals are banned.",
        ]);
        assert_eq!(got, [false; 5]);
        let got = flags(&[
            "Few Chinese here, where sandals are banned.",
            long,
            "The match ended late.",
            "Few Chinese here, where sandals are banned.",
            long,
        ]);
        assert_eq!(got, [false; 5], "the paragraph after each is the same");
        let got = flags(&[
            "Few Chinese here, where sandals are banned.",
            long,
            "Few Chinese here, where sandals are banned.",
            "The match ended late.",
        ]);
        assert_eq!(got, [true, false, true, false], "neighbours that differ");
    }

    #[test]
    fn a_line_of_exactly_the_longest_length_can_still_be_twinned() {
        let line = "word ".repeat(MAX_WORDS);
        let got = flags(&[&line, &line]);
        assert_eq!(got, [true, true]);
    }
}
