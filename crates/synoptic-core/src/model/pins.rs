//! Corrections a reader made by hand: a paragraph put into a topic or taken out of it, kept in
//! the topics file as `include` / `exclude` entries (the article's id and the paragraph's
//! opening words), so that every later run, reader or export, aligns the same way.

use crate::model::article::{Article, Kind, Paragraph};
use crate::model::topic_def::{Pin, TopicDef};
use crate::model::vectors::ParaRef;

/// Words of a paragraph's opening that make its key, at the least.
const KEY_WORDS: usize = 8;

/// Whether `text` is named by the key of words `key`: it opens with them, and, for a key
/// shorter than `KEY_WORDS`, is nothing more (such a key is a whole short paragraph).
fn named_by(text: &str, key: &[&str]) -> bool {
    let mut words = text.split_whitespace();
    let opens = key.iter().all(|k| words.next() == Some(k));
    opens && (key.len() >= KEY_WORDS || words.next().is_none())
}

/// The paragraphs a pin may name: all but boilerplate, which alignment never shows.
fn pinnable(article: &Article) -> impl Iterator<Item = &Paragraph> {
    article
        .paragraphs
        .iter()
        .filter(|p| p.kind != Kind::Boilerplate)
}

/// The pin for paragraph `at` of `articles`: a key long enough to tell the paragraph from the
/// others of its article, and its rank among those it cannot tell it from.
pub fn pin_for(articles: &[Article], at: ParaRef, include: bool) -> Pin {
    let article = &articles[at.article];
    let words: Vec<&str> = article.paragraphs[at.paragraph]
        .text
        .split_whitespace()
        .collect();
    let others: Vec<&Paragraph> = pinnable(article)
        .filter(|p| p.index != at.paragraph)
        .collect();
    let mut n = KEY_WORDS.min(words.len());
    while n < words.len() && others.iter().any(|o| named_by(&o.text, &words[..n])) {
        n += 1;
    }
    let key = &words[..n];
    let nth = 1 + others
        .iter()
        .filter(|o| o.index < at.paragraph && named_by(&o.text, key))
        .count();
    Pin {
        article: article.id.clone(),
        key: key.join(" "),
        nth,
        include,
    }
}

/// The paragraph a pin names: the `nth` of its article named by the key.
pub fn find(articles: &[Article], pin: &Pin) -> Option<ParaRef> {
    let (a, article) = articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.id == pin.article)?;
    let key: Vec<&str> = pin.key.split_whitespace().collect();
    let p = pinnable(article)
        .filter(|p| named_by(&p.text, &key))
        .nth(pin.nth.max(1) - 1)?;
    Some(ParaRef {
        article: a,
        paragraph: p.index,
    })
}

/// Pins of `defs` whose article is among `articles` but whose paragraph is not there any more
/// (the article was edited): one message each, naming the topic, the article and the key.
pub fn stale_pins(articles: &[Article], defs: &[TopicDef]) -> Vec<String> {
    let mut out = Vec::new();
    for def in defs {
        for pin in &def.pins {
            let here = articles.iter().any(|a| a.id == pin.article);
            if here && find(articles, pin).is_none() {
                out.push(format!(
                    "topic {:?}: the paragraph of {} pinned as {:?}{} is no longer there \
                     (the article changed); pin it again in the reader, or remove the pin",
                    def.id,
                    pin.article,
                    pin.key,
                    if pin.nth > 1 {
                        format!(" (number {})", pin.nth)
                    } else {
                        String::new()
                    },
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ingest::article_from_text;

    #[test]
    fn a_pin_tells_apart_paragraphs_that_open_alike() {
        let text = "Le sommet de Bruxelles\n\nLe sommet de Bruxelles s'est ouvert lundi dans le calme \
                    malgré les grèves.\n\nLe sommet de Bruxelles s'est ouvert lundi dans le calme \
                    mais sous la pluie.\n\nLe sommet de Bruxelles";
        let articles = vec![article_from_text("a".into(), "a.txt".into(), text)];
        let at = |paragraph| ParaRef {
            article: 0,
            paragraph,
        };
        let pins: Vec<Pin> = (0..4).map(|p| pin_for(&articles, at(p), true)).collect();
        assert_eq!(pins[0].key, "Le sommet de Bruxelles");
        assert_eq!(
            (pins[0].nth, pins[3].nth),
            (1, 2),
            "a title repeated in the text"
        );
        assert!(pins[1].key.ends_with("malgré"), "{}", pins[1].key);
        assert!(pins[2].key.ends_with("mais"), "{}", pins[2].key);
        for (p, pin) in pins.iter().enumerate() {
            assert_eq!(find(&articles, pin), Some(at(p)), "{pin:?}");
        }
    }

    #[test]
    fn a_pin_whose_paragraph_is_gone_is_named() {
        let articles = vec![article_from_text(
            "a".into(),
            "a.txt".into(),
            "Un paragraphe.\n\nUn autre.",
        )];
        let mut def = crate::fixtures::topic_def("t", &["x"]);
        let gone = |article: &str| Pin {
            article: article.into(),
            key: "Ce paragraphe a disparu".into(),
            nth: 1,
            include: true,
        };
        def.pins = vec![
            pin_for(
                &articles,
                ParaRef {
                    article: 0,
                    paragraph: 1,
                },
                true,
            ),
            gone("a"),
            gone("b"),
        ];
        let stale = stale_pins(&articles, &[def]);
        assert_eq!(
            stale.len(),
            1,
            "{stale:?}: a pin of an article not read here is not stale"
        );
        assert!(
            stale[0]
                .contains("topic \"t\": the paragraph of a pinned as \"Ce paragraphe a disparu\""),
            "{}",
            stale[0]
        );
    }
}
