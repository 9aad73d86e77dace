//! The parts of a paragraph that rows may lay apart: its sentences, a sentence that says too
//! little to be matched on its own kept with its neighbour.

use std::ops::Range;

use crate::lang::sentences::sentences;
use crate::model::article::Paragraph;

/// A sentence with fewer telling words than this (the language's filler aside) is kept with
/// the next sentence of its paragraph, or the one before when it is the last: "Difficile à
/// savoir." or "He declined." tells no fact a row could be found by.
pub const MIN_PART_WORDS: usize = 4;

/// One part of a paragraph: its tokens and its text (bytes of the paragraph).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub tokens: Range<usize>,
    pub bytes: Range<usize>,
}

/// The parts of `p`, in order; `words(tokens)` counts what a run of its tokens says. A
/// paragraph of one sentence, or of none, is one part: all of it.
pub fn parts(p: &Paragraph, words: impl Fn(Range<usize>) -> usize) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut open: Option<Part> = None;
    for s in sentences(&p.text, &p.tokens) {
        let part = match open.take() {
            Some(o) => Part {
                tokens: o.tokens.start..s.tokens.end,
                bytes: o.bytes.start..s.bytes.end,
            },
            None => Part {
                tokens: s.tokens,
                bytes: s.bytes,
            },
        };
        if words(part.tokens.clone()) < MIN_PART_WORDS {
            open = Some(part);
        } else {
            out.push(part);
        }
    }
    match (open, out.last_mut()) {
        (Some(rest), Some(last)) => {
            last.tokens.end = rest.tokens.end;
            last.bytes.end = rest.bytes.end;
        }
        (Some(rest), None) => out.push(rest),
        (None, _) => {}
    }
    if out.is_empty() {
        out.push(Part {
            tokens: 0..p.tokens.len(),
            bytes: 0..p.text.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Kind;

    fn cut(text: &str) -> Vec<String> {
        let (articles, _) = crate::fixtures::all_in_one_topic(&[&[text]]);
        let p = &articles[0].paragraphs[1];
        let telling = |r: Range<usize>| p.tokens[r].iter().filter(|t| t.is_telling()).count();
        let all = parts(p, telling);
        let mut next = 0;
        for part in &all {
            assert_eq!(
                part.tokens.start, next,
                "every token once, in order: {all:?}"
            );
            next = part.tokens.end;
        }
        assert_eq!(next, p.tokens.len());
        all.iter()
            .map(|part| p.text[part.bytes.clone()].to_owned())
            .collect()
    }

    #[test]
    fn each_sentence_that_says_enough_is_a_part() {
        assert_eq!(
            cut("The dam burst at dawn near the valley. Rescue teams pulled forty people out."),
            [
                "The dam burst at dawn near the valley.",
                "Rescue teams pulled forty people out."
            ]
        );
        // Four telling words are enough; three are not.
        assert_eq!(
            cut("Rescue teams freed survivors. The dam burst at dawn near the valley."),
            [
                "Rescue teams freed survivors.",
                "The dam burst at dawn near the valley."
            ]
        );
        assert_eq!(
            cut("Teams freed survivors. The dam burst at dawn near the valley."),
            ["Teams freed survivors. The dam burst at dawn near the valley."]
        );
    }

    #[test]
    fn a_sentence_that_says_little_stays_with_the_next_or_the_last_with_the_one_before() {
        assert_eq!(
            cut("Nobody knows. The dam burst at dawn near the valley. He declined."),
            ["Nobody knows. The dam burst at dawn near the valley. He declined."]
        );
        assert_eq!(
            cut(
                "It rained. The dam burst at dawn near the valley. Rescue teams pulled forty people out. Why?"
            ),
            [
                "It rained. The dam burst at dawn near the valley.",
                "Rescue teams pulled forty people out. Why?"
            ]
        );
    }

    #[test]
    fn a_paragraph_that_says_little_is_one_part() {
        assert_eq!(
            cut("He declined. No comment."),
            ["He declined. No comment."]
        );
        let empty = Paragraph {
            index: 1,
            kind: Kind::Body,
            text: "…".into(),
            tokens: Vec::new(),
        };
        assert_eq!(
            parts(&empty, |_| 0),
            [Part {
                tokens: 0..0,
                bytes: 0..3
            }]
        );
    }
}
