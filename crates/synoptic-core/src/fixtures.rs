//! Small hand-made corpora for unit tests: articles from lists of paragraphs, and a topic
//! holding chosen paragraphs.

use crate::input::ingest::article_from_text;
use crate::model::article::Article;
use crate::model::topic::{Member, Origin, Topic};
use crate::model::vectors::ParaRef;

/// One article per list, ids `a0`, `a1`…: a title, then the paragraphs (numbered from 1).
pub fn articles(sources: &[&[&str]]) -> Vec<Article> {
    sources
        .iter()
        .enumerate()
        .map(|(i, ps)| {
            let text = format!("Title\n\n{}", ps.join("\n\n"));
            article_from_text(format!("a{i}"), format!("a{i}.txt"), &text)
        })
        .collect()
}

/// A defined topic `t` holding `members`.
pub fn topic_with(members: Vec<Member>) -> Topic {
    Topic {
        id: "t".into(),
        label: "t".into(),
        origin: Origin::Defined,
        keywords: vec![],
        description: None,
        members,
    }
}

/// A defined topic `t` holding these (article, paragraph) pairs, each with score 1.
pub fn topic(at: impl IntoIterator<Item = (usize, usize)>) -> Topic {
    topic_with(
        at.into_iter()
            .map(|(article, paragraph)| Member {
                at: ParaRef { article, paragraph },
                score: 1.0,
            })
            .collect(),
    )
}

/// The articles of `sources`, and a topic holding every one of their paragraphs.
pub fn all_in_one_topic(sources: &[&[&str]]) -> (Vec<Article>, Topic) {
    let members = sources
        .iter()
        .enumerate()
        .flat_map(|(a, ps)| (1..=ps.len()).map(move |p| (a, p)));
    (articles(sources), topic(members))
}

/// A defined topic with these keywords, no description and no pins.
pub fn topic_def(id: &str, keywords: &[&str]) -> crate::model::topic_def::TopicDef {
    crate::model::topic_def::TopicDef {
        id: id.into(),
        label: id.into(),
        keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        description: None,
        pins: Vec::new(),
    }
}
