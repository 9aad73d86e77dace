//! The aligned view of a set of articles: articles, topics, and per-topic agreement on demand.

use super::agree::{Agreement, Detail, agreement};
use super::align::{AlignOptions, Topic, align};
use super::article::{Article, Paragraph};
use super::topics::TopicDef;
use super::vectors::ParaRef;

/// Everything the reader and the exports show, computed once from the articles and topics.
#[derive(Clone, Debug)]
pub struct Synopsis {
    pub articles: Vec<Article>,
    pub topics: Vec<Topic>,
}

impl Synopsis {
    /// Align `articles` to `defs` (and discover more topics) with the default options.
    pub fn build(articles: Vec<Article>, defs: &[TopicDef]) -> Self {
        Self::build_with(articles, defs, AlignOptions::default())
    }

    pub fn build_with(articles: Vec<Article>, defs: &[TopicDef], opts: AlignOptions) -> Self {
        let topics = align(&articles, defs, opts);
        Synopsis { articles, topics }
    }

    pub fn paragraph(&self, at: ParaRef) -> &Paragraph {
        &self.articles[at.article].paragraphs[at.paragraph]
    }

    /// Shared-wording spans for every member of topic `t`, with the sharing articles' lists
    /// only when `detail` asks for them.
    pub fn agreement(&self, t: usize, detail: Detail) -> Agreement {
        agreement(&self.articles, &self.topics[t], detail)
    }

    pub fn topic_index(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }
}
