//! The review queue: a topic's members and the paragraphs most like it, in the order a reader
//! should check them, the machine's least sure decisions first.

use std::collections::BTreeSet;

use crate::alignment::assign::Corpus;
use crate::model::article::Article;
use crate::model::pins::find;
use crate::model::topic::Topic;
use crate::model::topic_def::Pin;
use crate::model::vectors::{ParaRef, centroid, cosine};

/// One paragraph to check, and why it is doubtful.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReviewItem {
    pub at: ParaRef,
    /// In the topic now (check that it belongs), or out of it (check that it does not).
    pub member: bool,
    /// From 0 (sure) to 1: for a member, one less its score; for a paragraph out of the topic,
    /// about the share of the topic's members that resemble the topic less than it does.
    pub doubt: f32,
}

/// The body paragraphs of `corpus` to check for `topic`, most doubtful first: every member and
/// every paragraph out of the topic that resembles its members at all. Paragraphs the reader
/// pinned (`pins`, the topic's own) are settled and left out.
pub fn review_queue(corpus: &Corpus, topic: &Topic, pins: &[Pin]) -> Vec<ReviewItem> {
    let settled: BTreeSet<ParaRef> = pins
        .iter()
        .filter_map(|pin| find(corpus.articles, pin))
        .collect();
    let unit_of = |at: &ParaRef| corpus.space.units.binary_search(at).ok();
    let member_units: Vec<usize> = topic
        .members
        .iter()
        .filter_map(|m| unit_of(&m.at))
        .collect();
    let center = centroid(member_units.iter().map(|&u| &corpus.feedback[u]));
    let mut member_likeness: Vec<f32> = member_units
        .iter()
        .map(|&u| cosine(&corpus.feedback[u], &center))
        .collect();
    member_likeness.sort_by(f32::total_cmp);
    let mut queue: Vec<ReviewItem> = topic
        .members
        .iter()
        .filter(|m| !settled.contains(&m.at))
        .map(|m| ReviewItem {
            at: m.at,
            member: true,
            doubt: 1.0 - m.score,
        })
        .collect();
    let members: BTreeSet<ParaRef> = topic.members.iter().map(|m| m.at).collect();
    for (u, at) in corpus.space.units.iter().enumerate() {
        if members.contains(at) || settled.contains(at) {
            continue;
        }
        let likeness = cosine(&corpus.feedback[u], &center);
        if likeness <= 0.0 {
            continue;
        }
        let below = member_likeness.partition_point(|&l| l < likeness);
        queue.push(ReviewItem {
            at: *at,
            member: false,
            // Within one rank among the members, the more alike the more doubtful.
            doubt: (below as f32 + likeness.min(1.0)) / (member_likeness.len() + 1) as f32,
        });
    }
    queue.sort_by(|a, b| b.doubt.total_cmp(&a.doubt).then(a.at.cmp(&b.at)));
    queue
}

/// The queue for `topic` among `articles`, the corpus prepared here (see `review_queue`).
pub fn review_queue_of(articles: &[Article], topic: &Topic, pins: &[Pin]) -> Vec<ReviewItem> {
    review_queue(&Corpus::new(articles), topic, pins)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{articles, topic_with};
    use crate::model::pins::pin_for;
    use crate::model::topic::Member;

    fn at(article: usize, paragraph: usize) -> ParaRef {
        ParaRef { article, paragraph }
    }

    fn corpus() -> Vec<Article> {
        articles(&[
            &[
                "Le volcan est entré en éruption dans la nuit de lundi.",
                "Les cendres du volcan couvrent les vignobles de Catane.",
                "Le conseil municipal a voté le budget de la voirie.",
            ],
            &[
                "Les cendres du volcan couvrent les toits de Catane.",
                "Le maire a inauguré la nouvelle école du quartier.",
            ],
        ])
    }

    fn topic() -> Topic {
        topic_with(vec![
            Member {
                at: at(0, 1),
                score: 0.9,
            },
            Member {
                at: at(0, 2),
                score: 0.3,
            },
        ])
    }

    #[test]
    fn the_least_sure_member_comes_first_and_look_alikes_follow() {
        let arts = corpus();
        let queue = review_queue_of(&arts, &topic(), &[]);
        let order: Vec<(ParaRef, bool)> = queue.iter().map(|i| (i.at, i.member)).collect();
        assert_eq!(order[0], (at(0, 2), true), "score 0.3 before score 0.9");
        assert!(order.contains(&(at(0, 1), true)));
        assert!(
            order.contains(&(at(1, 1), false)),
            "the other article's ashes resemble the topic: {order:?}"
        );
        assert!(
            !order.iter().any(|(a, _)| *a == at(1, 2)),
            "a paragraph that shares no word with the topic is not worth checking"
        );
        assert!(queue.windows(2).all(|w| w[0].doubt >= w[1].doubt));
        assert!(queue.iter().all(|i| (0.0..=1.0).contains(&i.doubt)));
    }

    #[test]
    fn pinned_paragraphs_are_settled_and_left_out() {
        let arts = corpus();
        let pins = [
            pin_for(&arts, at(0, 2), true),
            pin_for(&arts, at(1, 1), false),
        ];
        let queue = review_queue_of(&arts, &topic(), &pins);
        let order: Vec<ParaRef> = queue.iter().map(|i| i.at).collect();
        assert_eq!(order, vec![at(0, 1)]);
    }

    #[test]
    fn a_look_alike_ranks_by_how_many_members_resemble_the_topic_less() {
        let arts = articles(&[
            &[
                "Le volcan crache sa lave sur Catane depuis lundi.",
                "Le volcan crache sa lave et ses cendres sur les vignes.",
                "Le volcan inquiète les villageois et le maire de Catane.",
            ],
            &[
                "Le volcan crache sa lave.",
                "Le maire a inauguré une école à Catane.",
                // Word for word a member's: as alike as it, no more.
                "Le volcan crache sa lave et ses cendres sur les vignes.",
            ],
        ]);
        let topic = crate::fixtures::topic([(0, 1), (0, 2), (0, 3)]);
        let queue = review_queue_of(&arts, &topic, &[]);
        let doubt = |a, p| {
            queue
                .iter()
                .find(|i| i.at == at(a, p))
                .map_or(0.0, |i| i.doubt)
        };
        // Out of three members, one that resembles the topic less than all of them stays
        // under 1/4; a closer one ranks higher; every doubt is a share.
        let (close, far) = (doubt(1, 1), doubt(1, 2));
        assert!(far > 0.0 && far < 0.25, "{far}");
        assert!(close > far, "{close} {far}");
        assert!(
            queue.iter().all(|i| (0.0..=1.0).contains(&i.doubt)),
            "{queue:?}"
        );
        // Exactly: (members less alike + its own likeness) / (members + 1).
        let corpus = Corpus::new(&arts);
        let unit = |a, p| corpus.space.units.binary_search(&at(a, p)).unwrap();
        let members: Vec<usize> = [(0, 1), (0, 2), (0, 3)].map(|(a, p)| unit(a, p)).to_vec();
        let center = centroid(members.iter().map(|&u| &corpus.feedback[u]));
        let like = |u: usize| cosine(&corpus.feedback[u], &center);
        for (a, p) in [(1, 1), (1, 2), (1, 3)] {
            let l = like(unit(a, p));
            let below = members.iter().filter(|&&m| like(m) < l).count();
            let want = (below as f32 + l) / 4.0;
            if (a, p) == (1, 3) {
                assert!(
                    below >= 1,
                    "a member's twin is more alike than the least member"
                );
            }
            assert!(
                (doubt(a, p) - want).abs() < 1e-6,
                "{a} {p}: {} {want}",
                doubt(a, p)
            );
        }
    }
}
