//! Articles that tell their story in the same words: a file copied under two names, or one
//! agency story two outlets ran, whole or nearly.

use std::collections::HashMap;

use crate::lang::text::sequence_hash;
use crate::model::article::{Article, Kind};

/// An article whose body paragraphs are, most of them word for word, those of an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Twin {
    pub later: usize,
    pub earlier: usize,
    /// How many of the later article's body paragraphs the earlier one has word for word.
    pub shared: usize,
    /// How many body paragraphs the later article has.
    pub paragraphs: usize,
    /// Both articles are the same body, paragraph for paragraph.
    pub whole: bool,
}

impl Twin {
    /// How a copy is named beside its source's name: "copy of 2", "near copy of 2" (the
    /// earlier article's number, as panes number sources).
    pub fn copy_label(&self) -> String {
        let near = if self.whole { "" } else { "near " };
        format!("{near}copy of {}", self.earlier + 1)
    }
}

/// For each article, in order, the twin it is the later copy in, if any.
pub fn copy_of_each(articles: &[Article]) -> Vec<Option<Twin>> {
    let mut copies = vec![None; articles.len()];
    for twin in twins_of_earlier(articles) {
        copies[twin.later] = Some(twin);
    }
    copies
}

/// At least this many paragraphs in common make a copy: two short notes may share a line.
const LEAST_SHARED: usize = 3;

/// Each body paragraph's words, as one key: two outlets running one story may type its
/// quotes, apostrophes, dashes or spaces each their own way (`l’attaque`, `l'attaque`).
fn body(article: &Article) -> impl Iterator<Item = u64> + '_ {
    article
        .paragraphs
        .iter()
        .filter(|p| p.kind == Kind::Body && !p.tokens.is_empty())
        .map(|p| sequence_hash(&p.tokens))
}

/// For each article that four fifths of its own body paragraphs and of an earlier article's
/// (three at least) tell word for word, the earliest such article, in order. Headings,
/// bylines and page furniture may differ: two outlets running one story give it their own
/// headline, and one may cut a paragraph.
pub fn twins_of_earlier(articles: &[Article]) -> Vec<Twin> {
    // Which articles hold each body paragraph, each once, in order.
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, article) in articles.iter().enumerate() {
        for words in body(article) {
            let list = holders.entry(words).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let sizes: Vec<usize> = articles.iter().map(|a| body(a).count()).collect();
    let mut twins = Vec::new();
    for (later, article) in articles.iter().enumerate() {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for words in body(article) {
            let earlier = holders[&words].iter().take_while(|&&j| j < later);
            for &j in earlier {
                *shared.entry(j).or_default() += 1;
            }
        }
        let copy = |(&j, &n): (&usize, &usize)| {
            let most = sizes[later].max(sizes[j]);
            (n >= LEAST_SHARED.min(most) && 5 * n >= 4 * most).then_some((j, n))
        };
        let first = shared.iter().filter_map(copy).min_by_key(|&(j, _)| j);
        if let Some((earlier, n)) = first {
            twins.push(Twin {
                later,
                earlier,
                shared: n,
                paragraphs: sizes[later],
                whole: n == sizes[later] && n == sizes[earlier],
            });
        }
    }
    twins
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ingest::article_from_text;

    fn article(id: &str, text: &str) -> Article {
        article_from_text(id.into(), format!("{id}.txt"), text)
    }

    const STORY: [&str; 5] = [
        "Le sommet a été annulé lundi par Pékin.",
        "Les ministres se retrouveront en janvier à Lyon, selon l'Élysée.",
        "La Chine reproche au président sa rencontre avec le dalaï-lama.",
        "Paris dit regretter une décision « sans fondement ».",
        "Les entreprises françaises craignent un boycott.",
    ];

    fn told(headline: &str, paragraphs: &[&str]) -> String {
        format!("{headline}\n\n{}", paragraphs.join("\n\n"))
    }

    #[test]
    fn a_story_told_again_word_for_word_or_nearly_is_a_twin_of_its_first_telling() {
        let cut = [STORY[0], STORY[1], STORY[2], STORY[3]];
        let articles = [
            article("a", &told("Pékin annule le sommet", &STORY)),
            article(
                "b",
                "Un autre récit du sommet, tout autre.\n\nEt une suite.",
            ),
            article("c", &told("Le sommet de Lyon reporté", &STORY)),
            article("d", &told("Pékin annule le sommet", &cut)),
            article("e", &told("Trois lignes", &STORY[..3])),
        ];
        let twins = twins_of_earlier(&articles);
        let found: Vec<(usize, usize, usize, usize, bool)> = twins
            .iter()
            .map(|t| (t.later, t.earlier, t.shared, t.paragraphs, t.whole))
            .collect();
        // "e" tells three of five: not four fifths of the story it is cut from.
        assert_eq!(found, [(2, 0, 5, 5, true), (3, 0, 4, 4, false)]);
    }

    #[test]
    fn a_story_retyped_with_other_quotes_apostrophes_and_spaces_is_still_a_twin() {
        let retyped: Vec<String> = STORY
            .iter()
            .map(|p| {
                p.replace('\'', "’")
                    .replace("« ", "\"")
                    .replace(" »", "\"")
                    .replace(' ', "  ")
            })
            .collect();
        let retyped: Vec<&str> = retyped.iter().map(String::as_str).collect();
        assert_ne!(retyped[1], STORY[1]);
        let articles = [
            article("a", &told("Pékin annule le sommet", &STORY)),
            article("b", &told("Le sommet reporté", &retyped)),
        ];
        let twins = twins_of_earlier(&articles);
        assert_eq!(twins.len(), 1, "{twins:?}");
        assert!(twins[0].whole);
        // Other words are another story, however alike.
        let reworded: Vec<String> = STORY.iter().map(|p| p.replace('.', " hier.")).collect();
        let reworded: Vec<&str> = reworded.iter().map(String::as_str).collect();
        let articles = [
            article("a", &told("Pékin annule le sommet", &STORY)),
            article("b", &told("Le sommet reporté", &reworded)),
        ];
        assert_eq!(twins_of_earlier(&articles), []);
    }

    #[test]
    fn short_notes_sharing_a_line_and_articles_with_no_body_are_no_twins() {
        let articles = [
            article("a", ""),
            article("b", ""),
            article("c", &told("Brève", &STORY[..1])),
            article("d", &told("Brève", &[STORY[0], STORY[4]])),
        ];
        assert_eq!(twins_of_earlier(&articles), []);
        let same = [
            article("a", &told("Brève", &STORY[..1])),
            article("b", &told("Autre titre", &STORY[..1])),
        ];
        assert_eq!(twins_of_earlier(&same).len(), 1, "a note told twice whole");
    }
}
