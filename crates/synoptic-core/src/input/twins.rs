//! Articles that tell their story in the same words: a file copied under two names, or one
//! agency story two outlets ran unchanged.

use std::collections::HashMap;

use crate::model::article::{Article, Kind};

/// For each article whose body is, paragraph for paragraph, that of an earlier one, its index
/// and the earlier one's, in order. Headings, bylines and page furniture may differ: two
/// outlets running one story give it their own headline. An article with no body has no twin.
pub fn same_body_as_earlier(articles: &[Article]) -> Vec<(usize, usize)> {
    let mut first: HashMap<Vec<&str>, usize> = HashMap::new();
    let mut twins = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        let body: Vec<&str> = article
            .paragraphs
            .iter()
            .filter(|p| p.kind == Kind::Body)
            .map(|p| p.text.trim())
            .collect();
        if body.is_empty() {
            continue;
        }
        match first.get(&body) {
            Some(&earlier) => twins.push((i, earlier)),
            None => {
                first.insert(body, i);
            }
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

    #[test]
    fn a_body_told_again_word_for_word_is_a_twin_of_its_first_telling() {
        let story = "Le sommet a été annulé lundi par Pékin.\n\n\
                     Les ministres se retrouveront en janvier à Lyon, selon l'Élysée.";
        let articles = [
            article("a", &format!("Pékin annule le sommet\n\n{story}")),
            article(
                "b",
                "Un autre récit du sommet, tout autre.\n\nEt une suite.",
            ),
            article("c", &format!("Le sommet de Lyon reporté\n\n{story}")),
            article("d", &format!("Pékin annule le sommet\n\n{story}")),
            article("e", &format!("{story}\n\nUne phrase de plus à la fin.")),
        ];
        assert_eq!(same_body_as_earlier(&articles), [(2, 0), (3, 0)]);
    }

    #[test]
    fn articles_with_no_body_are_no_twins() {
        let articles = [article("a", ""), article("b", "")];
        assert_eq!(same_body_as_earlier(&articles), []);
    }
}
