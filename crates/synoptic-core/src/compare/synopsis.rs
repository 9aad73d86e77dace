//! The aligned view of a set of articles: articles, topics, and per-topic agreement on demand.

use crate::alignment::align::align;

use crate::alignment::measure::AlignOptions;

use crate::compare::agree::{Agreement, Detail, agreement};
use crate::model::article::{Article, Kind, Paragraph};
use crate::model::topic::Topic;
use crate::model::topic_def::TopicDef;
use crate::model::vectors::ParaRef;

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
        at.paragraph_in(&self.articles)
    }

    /// Shared-wording spans for every member of topic `t`, with the sharing articles' lists
    /// only when `detail` asks for them.
    pub fn agreement(&self, t: usize, detail: Detail) -> Agreement {
        agreement(&self.articles, &self.topics[t], detail)
    }

    pub fn topic_index(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    /// For each article, the indices of its body paragraphs that no topic claims, in reading
    /// order: what a source says that no topic covers.
    pub fn unclaimed(&self) -> Vec<Vec<usize>> {
        let mut claimed: Vec<Vec<bool>> = self
            .articles
            .iter()
            .map(|a| vec![false; a.paragraphs.len()])
            .collect();
        for m in self.topics.iter().flat_map(|t| &t.members) {
            if let Some(c) = claimed
                .get_mut(m.at.article)
                .and_then(|a| a.get_mut(m.at.paragraph))
            {
                *c = true;
            }
        }
        self.articles
            .iter()
            .zip(claimed)
            .map(|(a, claimed)| {
                a.paragraphs
                    .iter()
                    .filter(|p| p.kind == Kind::Body && !claimed[p.index])
                    .map(|p| p.index)
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ingest::article_from_text;

    #[test]
    fn unclaimed_lists_body_paragraphs_in_no_topic() {
        let text = "A title\n\nThe volcano erupted at night.\n\nA bakery opened downtown.";
        let a = article_from_text("a".into(), "a.txt".into(), text);
        let def = TopicDef {
            id: "v".into(),
            label: "volcano".into(),
            keywords: vec!["volcano".into()],
            description: None,
            pins: Vec::new(),
        };
        let synopsis = Synopsis::build(vec![a], &[def]);
        let members: Vec<usize> = synopsis.topics[0]
            .members
            .iter()
            .map(|m| m.at.paragraph)
            .collect();
        assert_eq!(members, vec![1]);
        assert_eq!(synopsis.unclaimed(), vec![vec![2]]);
    }
}
