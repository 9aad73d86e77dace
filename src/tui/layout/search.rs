//! Search across all articles: which paragraphs match, and where in their text.

use std::ops::Range;

use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::lang::text::fold;
use synoptic_core::model::article::Kind;

/// A paragraph that matches, and a topic it can be shown in (the first it belongs to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub topic: Option<usize>,
    pub article: usize,
    pub paragraph: usize,
}

/// Every paragraph containing `query` (case and accents ignored), ordered by topic, then
/// article; paragraphs in no topic come last.
pub fn find_matches(synopsis: &Synopsis, query: &str) -> Vec<Match> {
    let mut found = Vec::new();
    for (a, article) in synopsis.articles.iter().enumerate() {
        for p in article
            .paragraphs
            .iter()
            .filter(|p| p.kind != Kind::Boilerplate)
        {
            if match_ranges(&p.text, query).is_empty() {
                continue;
            }
            let topic = synopsis.topics.iter().position(|t| {
                t.members
                    .iter()
                    .any(|m| m.at.article == a && m.at.paragraph == p.index)
            });
            found.push(Match {
                topic,
                article: a,
                paragraph: p.index,
            });
        }
    }
    found.sort_by_key(|m| (m.topic.unwrap_or(usize::MAX), m.article, m.paragraph));
    found
}

/// Byte ranges of `query` in `text`, compared character by character after folding.
pub fn match_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().map(fold_char).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, fold_char(c)))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()]
            .iter()
            .map(|&(_, c)| c)
            .eq(needle.iter().copied())
        {
            let end = hay.get(i + needle.len()).map_or(text.len(), |&(b, _)| b);
            out.push(hay[i].0..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// One character folded to one character: lower case, no accent, ASCII apostrophe.
fn fold_char(c: char) -> char {
    let mut buf = [0u8; 4];
    fold(c.encode_utf8(&mut buf)).chars().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_ignore_case_and_accents() {
        let text = "L’Été à Paris, l'été";
        let got: Vec<&str> = match_ranges(text, "l'ete")
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(got, vec!["L’Été", "l'été"]);
    }
}
