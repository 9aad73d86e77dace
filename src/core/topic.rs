//! What alignment produces: topics, where they come from, and the paragraphs aligned to them.

use std::collections::BTreeSet;

use serde::Serialize;

use super::topics::TopicDef;
use super::vectors::ParaRef;

/// Where a topic comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Defined,
    Discovered,
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
        }
    }
}
