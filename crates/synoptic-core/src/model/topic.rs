//! What alignment produces: topics, where they come from, and the paragraphs aligned to them.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::topic_def::TopicDef;
use crate::model::vectors::ParaRef;

/// Where a topic comes from. Its name in lower case is what exports show, JSON included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "lowercase")]
pub enum Origin {
    Defined,
    Discovered,
}

impl Origin {
    /// The name exports show.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// A paragraph aligned to a topic, with how strongly it belongs there (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member {
    pub at: ParaRef,
    pub score: f32,
}

/// A topic and the paragraphs aligned to it, in corpus order (article, then reading order).
#[derive(Clone, Debug)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub origin: Origin,
    pub keywords: Vec<String>,
    /// What the topic covers, in the words of whoever defined it.
    pub description: Option<String>,
    pub members: Vec<Member>,
}

impl Topic {
    /// Indices of the articles that cover this topic.
    pub fn articles(&self) -> BTreeSet<usize> {
        self.members.iter().map(|m| m.at.article).collect()
    }

    /// How many articles cover this topic: `articles().len()`, without building the set when
    /// the members are in corpus order (as alignment makes them).
    pub fn covering_count(&self) -> usize {
        if self.members.is_sorted_by_key(|m| m.at.article) {
            let mut count = 0;
            let mut last = None;
            for m in &self.members {
                if last != Some(m.at.article) {
                    count += 1;
                    last = Some(m.at.article);
                }
            }
            count
        } else {
            self.articles().len()
        }
    }

    /// Whether paragraph `at` is one of the members.
    pub fn holds(&self, at: ParaRef) -> bool {
        self.members.iter().any(|m| m.at == at)
    }

    /// The members from one article, in reading order.
    pub fn members_of(&self, article: usize) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.at.article == article)
    }
}

impl Topic {
    /// A topic built from its definition and the members assigned to it.
    pub fn from_def(def: &TopicDef, origin: Origin, members: Vec<Member>) -> Topic {
        Topic {
            id: def.id.clone(),
            label: def.label.clone(),
            origin,
            keywords: def.keywords.clone(),
            description: def.description.clone(),
            members,
        }
    }
}

impl Topic {
    /// The definition that gives this topic back when read from a topics file.
    pub fn definition(&self) -> TopicDef {
        TopicDef {
            id: self.id.clone(),
            label: self.label.clone(),
            keywords: self.keywords.clone(),
            description: self.description.clone(),
            pins: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic_of(articles: &[usize]) -> Topic {
        crate::fixtures::topic(
            articles
                .iter()
                .enumerate()
                .map(|(paragraph, &article)| (article, paragraph)),
        )
    }

    #[test]
    fn covering_count_counts_articles_in_any_order() {
        assert_eq!(topic_of(&[]).covering_count(), 0);
        assert_eq!(topic_of(&[0, 0, 2, 2, 2, 7]).covering_count(), 3);
        assert_eq!(topic_of(&[2, 0, 2, 7, 0]).covering_count(), 3);
    }

    #[test]
    fn holds_names_a_member_by_article_and_paragraph() {
        let topic = crate::fixtures::topic([(0, 1), (2, 3)]);
        let at = |article, paragraph| ParaRef { article, paragraph };
        assert!(topic.holds(at(0, 1)) && topic.holds(at(2, 3)));
        assert!(!topic.holds(at(0, 3)) && !topic.holds(at(2, 1)));
    }
}
