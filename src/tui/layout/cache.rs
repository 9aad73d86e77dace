//! What the reader computes for the screen, kept for the few topics seen last: the topic's
//! wording index, the spans of the member paragraphs that have been on screen, the figures when
//! their panel is open, and pairwise marks. Memory stays bounded however many topics are read.

use std::collections::{HashMap, VecDeque};
use std::ops::Range;

use synoptic_core::compare::agree::{Detail, MemberSpans, TopicWording};
use synoptic_core::compare::figures::{FigureGroup, figures};
use synoptic_core::compare::pairwise::{PairwiseMember, pairwise};
use synoptic_core::compare::salience::{WordWeights, telling_shared};
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::twins::{Twin, copy_of_each};
use synoptic_core::model::vectors::ParaRef;

/// Topics whose computations are kept; older ones are computed again when visited.
pub const KEEP_TOPICS: usize = 4;

/// One topic's computations.
struct TopicCache {
    wording: TopicWording,
    spans: HashMap<ParaRef, MemberSpans>,
    /// For each member with spans, the pieces of its shared wording worth a mark.
    telling: HashMap<ParaRef, Vec<Range<usize>>>,
    figures: Option<Vec<FigureGroup>>,
    /// Marks against each reference article the user compared with.
    pairwise: HashMap<usize, Vec<PairwiseMember>>,
}

#[derive(Default)]
pub struct Caches {
    /// Most recently used last.
    order: VecDeque<usize>,
    topics: HashMap<usize, TopicCache>,
    /// For each article, its body paragraphs in no topic, once asked for.
    unclaimed: Option<Vec<Vec<usize>>>,
    /// How rare each word is in the corpus, once marks are drawn.
    weights: Option<WordWeights>,
    /// For each article, the earlier article it copies (see `copy_of_each`), once asked.
    copies: Option<Vec<Option<Twin>>>,
}

impl Caches {
    /// The paragraphs no topic claims (see `Synopsis::unclaimed`), computed the first time.
    pub fn fill_unclaimed(&mut self, synopsis: &Synopsis) {
        if self.unclaimed.is_none() {
            self.unclaimed = Some(synopsis.unclaimed());
        }
    }

    /// What depends on the articles alone, which stays when the topics change: the copies
    /// and how rare each word is.
    #[must_use]
    pub fn of_articles_only(self) -> Caches {
        Caches {
            copies: self.copies,
            weights: self.weights,
            ..Caches::default()
        }
    }

    /// Which articles copy an earlier one, computed the first time: the articles never change.
    pub fn fill_copies(&mut self, synopsis: &Synopsis) {
        if self.copies.is_none() {
            self.copies = Some(copy_of_each(&synopsis.articles));
        }
    }

    /// The earlier article that article `a` copies, if `fill_copies` found one.
    pub fn copy_of(&self, a: usize) -> Option<Twin> {
        self.copies.as_ref()?.get(a).copied().flatten()
    }

    /// For each article, its paragraphs in no topic; empty until `fill_unclaimed`.
    pub fn unclaimed(&self) -> &[Vec<usize>] {
        self.unclaimed.as_deref().unwrap_or_default()
    }

    /// Make sure topic `t` is cached, and make it the most recent; forget the oldest beyond
    /// [`KEEP_TOPICS`].
    fn topic(&mut self, synopsis: &Synopsis, t: usize) -> &mut TopicCache {
        self.order.retain(|&x| x != t);
        self.order.push_back(t);
        while self.order.len() > KEEP_TOPICS {
            if let Some(old) = self.order.pop_front() {
                self.topics.remove(&old);
            }
        }
        self.topics.entry(t).or_insert_with(|| TopicCache {
            wording: TopicWording::new(&synopsis.articles, &synopsis.topics[t]),
            spans: HashMap::new(),
            telling: HashMap::new(),
            figures: None,
            pairwise: HashMap::new(),
        })
    }

    /// How rare each word is, once `fill_spans` or `fill_weights` has run.
    pub fn weights(&self) -> Option<&WordWeights> {
        self.weights.as_ref()
    }

    /// How rare each word is in the corpus: what marks and synopsis rows weigh words by.
    pub fn fill_weights(&mut self, synopsis: &Synopsis) {
        if self.weights.is_none() {
            self.weights = Some(WordWeights::new(&synopsis.articles));
        }
    }

    /// Spans for the members of topic `t` in `articles` (the panes on screen).
    pub fn fill_spans(&mut self, synopsis: &Synopsis, t: usize, articles: &[usize]) {
        let weights = self
            .weights
            .take()
            .unwrap_or_else(|| WordWeights::new(&synopsis.articles));
        let covering = synopsis.topics[t].covering_count();
        let cache = self.topic(synopsis, t);
        let wanted = synopsis.topics[t]
            .members
            .iter()
            .filter(|m| articles.contains(&m.at.article));
        for m in wanted {
            if !cache.spans.contains_key(&m.at) {
                let spans = cache
                    .wording
                    .member(&synopsis.articles, m.at, Detail::Counts);
                let pairs = cache.wording.ordered_pairs(&synopsis.articles, m.at);
                let p = synopsis.paragraph(m.at);
                let telling =
                    telling_shared(&p.text, &p.tokens, &pairs, &spans.spans, &weights, covering);
                cache.spans.insert(m.at, spans);
                cache.telling.insert(m.at, telling);
            }
        }
        self.weights = Some(weights);
    }

    /// The pieces of member `at`'s shared wording worth a mark (see `salience`).
    pub fn telling(&self, t: usize, at: ParaRef) -> Option<&[Range<usize>]> {
        self.topics.get(&t)?.telling.get(&at).map(Vec::as_slice)
    }

    pub fn fill_figures(&mut self, synopsis: &Synopsis, t: usize) {
        let cache = self.topic(synopsis, t);
        if cache.figures.is_none() {
            cache.figures = Some(figures(synopsis, t));
        }
    }

    pub fn fill_pairwise(&mut self, synopsis: &Synopsis, t: usize, reference: usize) {
        let cache = self.topic(synopsis, t);
        cache
            .pairwise
            .entry(reference)
            .or_insert_with(|| pairwise(&synopsis.articles, &synopsis.topics[t], reference));
    }

    pub fn spans(&self, t: usize, at: ParaRef) -> Option<&MemberSpans> {
        self.topics.get(&t)?.spans.get(&at)
    }

    pub fn figures(&self, t: usize) -> &[FigureGroup] {
        self.topics
            .get(&t)
            .and_then(|c| c.figures.as_deref())
            .unwrap_or_default()
    }

    pub fn pairwise(&self, t: usize, reference: usize) -> Option<&[PairwiseMember]> {
        self.topics
            .get(&t)?
            .pairwise
            .get(&reference)
            .map(Vec::as_slice)
    }

    /// The topics held now, oldest first.
    pub fn held(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use synoptic_core::fixtures::{articles, topic};

    #[test]
    fn what_the_articles_alone_say_outlives_the_topics() {
        let story: &[&str] = &["The volcano woke.", "Roads closed.", "Lava ran."];
        let synopsis = Synopsis {
            articles: articles(&[story, story]),
            topics: vec![topic([(0, 1)])],
        };
        let mut caches = Caches::default();
        caches.fill_copies(&synopsis);
        caches.fill_unclaimed(&synopsis);
        caches.fill_weights(&synopsis);
        assert!(!caches.unclaimed().is_empty());
        let kept = caches.of_articles_only();
        let copy = kept.copy_of(1).map(|t| (t.later, t.earlier, t.whole));
        assert_eq!(copy, Some((1, 0, true)));
        assert!(kept.weights().is_some());
        assert!(
            kept.unclaimed().is_empty(),
            "the paragraphs no topic claims change with them"
        );
    }
}
