//! Corrections a reader made by hand: a paragraph put into a topic or taken out of it, kept in
//! the topics file as `include` / `exclude` entries (the article's id and the paragraph's
//! opening words), so that every later run, reader or export, aligns the same way.

use crate::core::align::{Member, Topic};
use crate::core::article::{Article, Kind};
use crate::core::vectors::ParaRef;

/// One paragraph pinned into a topic (`include`) or out of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pin {
    /// The article's id (its file name stem).
    pub article: String,
    /// The paragraph's opening words: enough to find it again, short enough to read.
    pub key: String,
    /// In the topic (`include`), or out of it (`exclude`).
    pub include: bool,
}

/// Words of a paragraph's opening that make its key.
const KEY_WORDS: usize = 8;

/// The key of a paragraph: its first words, whitespace collapsed.
pub fn pin_key(text: &str) -> String {
    text.split_whitespace()
        .take(KEY_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The pin for paragraph `at` of `articles`.
pub fn pin_for(articles: &[Article], at: ParaRef, include: bool) -> Pin {
    let article = &articles[at.article];
    Pin {
        article: article.id.clone(),
        key: pin_key(&article.paragraphs[at.paragraph].text),
        include,
    }
}

/// The paragraph a pin names: the first of its article whose opening is the key.
fn find(articles: &[Article], pin: &Pin) -> Option<ParaRef> {
    let (a, article) = articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.id == pin.article)?;
    let p = article
        .paragraphs
        .iter()
        .find(|p| p.kind != Kind::Boilerplate && pin_key(&p.text) == pin.key)?;
    Some(ParaRef {
        article: a,
        paragraph: p.index,
    })
}

/// Apply the pins of `topic`: pinned paragraphs join it, sure (score 1), and excluded ones
/// leave it. A pin whose paragraph is not in these articles is ignored (the topics file may
/// serve several sets of articles).
pub fn apply_pins(articles: &[Article], topic: &mut Topic, pins: &[Pin]) {
    for pin in pins {
        let Some(at) = find(articles, pin) else {
            continue;
        };
        topic.members.retain(|m| m.at != at);
        if pin.include {
            topic.members.push(Member { at, score: 1.0 });
        }
    }
    topic
        .members
        .sort_by_key(|m| (m.at.article, m.at.paragraph));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ingest::article_from_text;

    #[test]
    fn a_pin_finds_its_paragraph_by_article_and_opening_words() {
        let a = article_from_text(
            "a".into(),
            "a.txt".into(),
            "Title\n\nThe first body paragraph of the article says one thing.\n\nAnother one.",
        );
        let articles = vec![a];
        let at = ParaRef {
            article: 0,
            paragraph: 1,
        };
        let pin = pin_for(&articles, at, true);
        assert_eq!(pin.key, "The first body paragraph of the article says");
        let mut topic = crate::core::model::fixtures::topic_with(vec![Member {
            at: ParaRef {
                article: 0,
                paragraph: 2,
            },
            score: 0.7,
        }]);
        apply_pins(&articles, &mut topic, std::slice::from_ref(&pin));
        let got: Vec<(usize, f32)> = topic
            .members
            .iter()
            .map(|m| (m.at.paragraph, m.score))
            .collect();
        assert_eq!(got, vec![(1, 1.0), (2, 0.7)]);
        let out = Pin {
            include: false,
            ..pin
        };
        apply_pins(&articles, &mut topic, &[out]);
        assert_eq!(topic.members.len(), 1);
        let elsewhere = Pin {
            article: "b".into(),
            key: "x".into(),
            include: true,
        };
        apply_pins(&articles, &mut topic, &[elsewhere]);
        assert_eq!(
            topic.members.len(),
            1,
            "a pin for other articles is ignored"
        );
    }
}
