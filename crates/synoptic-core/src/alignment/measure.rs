//! The similarity measure and every threshold of alignment and discovery, in one place.
//!
//! Alignment of defined topics works in evidence units: a keyword word that occurs in a
//! share `s` of the body paragraphs weighs its BM25 inverse document frequency,
//! `ln(1 + (1 - s) / s)` roughly. A word in 13 % of the paragraphs weighs about 2, one in 2 %
//! about 4, one in half of them about 0.7. The thresholds below are in the same unit, so they
//! mean the same thing on a corpus of five articles and on one of a thousand.
//!
//! The defaults were chosen to hold across every labelled corpus at once (French and English,
//! one-sentence lines and long paragraphs), never fitted to one: see the README's quality
//! section for how they were checked.

use crate::model::vectors::{TermSpace, Vector, normalised};

/// Every knob of the alignment, with its documented default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlignOptions {
    /// Evidence a paragraph needs before a topic may claim it on its own: the "no topic" state
    /// of the reading-order decoder emits this much. At 2.0 a single keyword word opens a topic
    /// only if it is in at most about 13 % of the corpus's body paragraphs.
    pub threshold: f32,
    /// What it costs the decoder to change topic between two consecutive body paragraphs of an
    /// article: articles stay on a topic for several paragraphs, so a paragraph with little
    /// evidence between two paragraphs of one topic stays in it.
    pub switch_penalty: f32,
    /// A short paragraph says less on its own than a long one, so what surrounds it counts for
    /// more: its neighbours and its resemblance to a topic's confident members. For a paragraph
    /// of `n` words, `length_scale(n)` is the square root of `paragraph_words / n`, kept between
    /// 0.5 and 1.3: 1 at 30 words (about a news paragraph), 1.2 for a one-sentence line of 20
    /// words, 0.5 for a paragraph of 120 words. Changing topic into the paragraph costs
    /// `switch_penalty` times that scale, and the feedback it receives is `feedback` times that
    /// scale. Keyword evidence grows with length (a long paragraph holds more words that can be
    /// keywords) while a cosine does not, so without the scale a one-sentence line would rarely
    /// gain a topic from resembling it. The ceiling keeps a switch cheaper than what "no topic"
    /// earns (`threshold`), so a topic never runs on into a paragraph with nothing of it just
    /// because the paragraph is short.
    pub paragraph_words: f32,
    /// Besides its best cue, each further cue of a topic found in a paragraph adds this share of
    /// its own evidence: two keywords of one topic say more than one.
    pub further_cues: f32,
    /// A subhead marks a change of subject: a switch right after a heading costs this share of
    /// `switch_penalty`.
    pub heading_switch: f32,
    /// Besides its path topic and its best, a paragraph joins any other topic that its own words
    /// name about as clearly: by at least `second_topic_keywords` of the topic's keywords, with
    /// keyword evidence (before feedback) that passes `threshold` and comes within this ratio of
    /// the paragraph's strongest keyword evidence. Ties are judged on the paragraph's own words
    /// because feedback adds most to the topic its neighbours and look-alikes are already in:
    /// judged on evidence with feedback, ties mostly added a topic the paragraph only resembled
    /// (see the README's quality section).
    pub tie_ratio: f32,
    /// How many of a topic's keywords a paragraph must name to join it besides its best: one
    /// keyword in passing does not pull a paragraph into a second topic, two do.
    pub second_topic_keywords: u16,
    /// Weight of the cosine between a paragraph and the centroid of a topic's confident
    /// members, added to its evidence (Rocchio feedback). Vectors are weighted by `bm25_idf`, so
    /// the words every paragraph of the event shares barely count.
    pub feedback: f32,
    /// How many times the feedback is computed from the latest path and the path decoded again.
    pub feedback_rounds: usize,
    /// Evidence a paragraph the reader pinned into a topic has for it, in multiples of
    /// `threshold` (and the penalty of one pinned out of it): enough for the reading order to
    /// carry its neighbours and for feedback to count it among the topic's confident members.
    pub pinned_in: f32,
    /// How strongly a pinned paragraph pulls in its look-alikes (or, pinned out, pushes them
    /// away), as a share of `feedback`: a correction teaches the topic, not just the paragraph.
    pub taught: f32,
    /// Weight of the label's content words, each taken as a one-word keyword.
    pub label_weight: f32,
    /// Weight of the description's content words, each taken as a one-word keyword.
    pub description_weight: f32,
    /// In a corpus of a few paragraphs every word is in a large share of them and no keyword
    /// could reach `threshold`: the evidence costs are then lowered to this share of the weight
    /// of a word found in a single paragraph.
    pub small_corpus: f32,
    /// Below this many body paragraphs word frequencies say little (in two one-paragraph
    /// articles every word is in half the corpus): the costs fall further, in proportion.
    pub few_units: usize,
    /// Discovery links each paragraph to this many of the most alike paragraphs of other
    /// articles.
    pub discover_neighbours: usize,
    /// Discovery also links consecutive paragraphs of an article, with this many times the mean
    /// weight of the links between articles: articles dwell on a topic for several paragraphs.
    pub discover_context: f32,
    /// Modularity resolution of discovery: above 1, more and narrower topics.
    pub discover_resolution: f32,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            threshold: 2.0,
            switch_penalty: 1.5,
            paragraph_words: 30.0,
            further_cues: 0.25,
            heading_switch: 0.5,
            tie_ratio: 0.7,
            second_topic_keywords: 2,
            feedback: 8.0,
            feedback_rounds: 2,
            pinned_in: 1.0,
            taught: 0.5,
            label_weight: 0.5,
            description_weight: 0.5,
            small_corpus: 0.5,
            few_units: 40,
            discover_neighbours: 8,
            discover_context: 2.0,
            discover_resolution: 1.5,
        }
    }
}

impl AlignOptions {
    /// The options for a corpus of `units` body paragraphs: unchanged unless it is so small
    /// that no word could pass the threshold (see `small_corpus`).
    pub fn for_corpus(self, units: usize) -> AlignOptions {
        let ceiling = self.small_corpus * bm25_idf(units, 1);
        if units == 0 || ceiling >= self.threshold {
            return self;
        }
        let r = (ceiling / self.threshold).min(units as f32 / self.few_units as f32);
        AlignOptions {
            threshold: self.threshold * r,
            switch_penalty: self.switch_penalty * r,
            feedback: self.feedback * r,
            ..self
        }
    }
}

impl AlignOptions {
    /// How much a paragraph of `words` words leans on what surrounds it: the share of
    /// `switch_penalty` a change of topic into it costs, and of `feedback` it receives (see
    /// `paragraph_words`).
    pub fn length_scale(&self, words: usize) -> f32 {
        (self.paragraph_words / words.max(1) as f32)
            .sqrt()
            .clamp(0.5, 1.3)
    }
}

/// Inverse document frequency in the BM25 form: never negative, about `ln(1/s)` for a word in a
/// share `s` of the `units` paragraphs.
pub fn bm25_idf(units: usize, df: usize) -> f32 {
    let n = units as f32;
    let df = df as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Term vectors for feedback: each weight's smoothed IDF replaced by `bm25_idf`, normalised.
pub fn feedback_vectors(space: &TermSpace) -> Vec<Vector> {
    let units = space.units.len();
    space
        .vectors
        .iter()
        .map(|v| {
            normalised(
                v.iter()
                    .map(|&(id, w)| {
                        let df = space.df[id as usize] as usize;
                        (id, w / space.idf(id) * bm25_idf(units, df))
                    })
                    .collect(),
            )
        })
        .collect()
}

/// Below this score a member joined mostly on its neighbours or its resemblance to the topic,
/// not on keywords of its own, or shares its paragraph with a topic as strong: the reader says
/// so.
pub const WEAK_MEMBER: f32 = 0.5;

/// A member's score between 0 and 1: how sure its own evidence makes it (0.63 at the
/// threshold, 0.86 at twice the threshold, lower for a paragraph that joined on context alone),
/// times its share of the evidence of every topic the paragraph joins (`joined`, its own
/// included). A paragraph two topics claim alike is half as sure for each: on the labelled
/// corpora such members were right less than half the time, against four in five for a
/// paragraph one topic claims alone.
pub fn member_score(evidence: f32, joined: f32, threshold: f32) -> f32 {
    let own = evidence.max(0.0);
    let share = if joined > 0.0 {
        (own / joined).min(1.0)
    } else {
        1.0
    };
    if threshold <= 0.0 {
        return share;
    }
    ((1.0 - (-own / threshold).exp()) * share).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_falls_with_the_share_of_paragraphs() {
        let rare = bm25_idf(100, 2);
        let mid = bm25_idf(100, 13);
        let common = bm25_idf(100, 50);
        assert!(rare > mid && mid > common, "{rare} {mid} {common}");
        assert!(
            (mid - 2.0).abs() < 0.1,
            "a word in 13% weighs about 2: {mid}"
        );
        assert!(bm25_idf(100, 100) > 0.0);
    }

    #[test]
    fn a_corpus_large_enough_keeps_the_defaults_and_a_small_one_lowers_them() {
        let d = AlignOptions::default();
        assert_eq!(d.for_corpus(0), d);
        assert_eq!(
            d.for_corpus(100),
            d,
            "a word in one paragraph of 100 passes the threshold"
        );
        assert_eq!(d.for_corpus(1000), d);
        let small = d.for_corpus(10);
        assert!(small.threshold < d.threshold && small.switch_penalty < d.switch_penalty);
    }

    #[test]
    fn a_short_paragraph_leans_more_on_what_surrounds_it() {
        let d = AlignOptions::default();
        assert!((d.length_scale(30) - 1.0).abs() < 1e-6);
        assert!((d.length_scale(20) - 1.5f32.sqrt()).abs() < 1e-6);
        assert!((d.length_scale(120) - 0.5).abs() < 1e-6);
        assert!((d.length_scale(1) - 1.3).abs() < 1e-6, "a ceiling");
        assert!((d.length_scale(0) - 1.3).abs() < 1e-6);
        assert!((d.length_scale(1000) - 0.5).abs() < 1e-6, "a floor");
        assert!(
            d.switch_penalty * d.length_scale(1) < d.threshold,
            "leaving a topic for no topic always costs less than no topic earns"
        );
    }

    #[test]
    fn a_word_weighs_what_the_module_says() {
        let near = |a: f32, b: f32| (a - b).abs() < 0.05;
        assert!(near(bm25_idf(100, 13), 2.0), "13 %: about 2");
        assert!(near(bm25_idf(100, 2), 3.7), "2 %: about 4");
        assert!(near(bm25_idf(100, 50), 0.69), "half: about 0.7");
        assert!(bm25_idf(100, 100) > 0.0, "never negative");
    }

    #[test]
    fn a_small_corpus_lowers_feedback_with_the_costs() {
        let d = AlignOptions::default();
        let small = d.for_corpus(10);
        let r = small.threshold / d.threshold;
        assert!(r < 1.0);
        assert!((small.switch_penalty / d.switch_penalty - r).abs() < 1e-6);
        assert!((small.feedback / d.feedback - r).abs() < 1e-6);
    }

    #[test]
    fn feedback_vectors_weigh_words_by_bm25() {
        use crate::fixtures::articles;
        let arts = articles(&[&[
            "Le volcan gronde encore ce matin.",
            "Le volcan dort depuis hier soir.",
            "Le volcan fume au-dessus de Catane.",
        ]]);
        let space = TermSpace::build(&arts);
        let vectors = feedback_vectors(&space);
        let weight = |u: usize, word: &str| {
            let id = space.terms[&crate::lang::text::key_hash(word)];
            vectors[u].iter().find(|t| t.0 == id).map(|t| t.1)
        };
        let units = space.units.len();
        let (common, rare) = (weight(2, "volcan").unwrap(), weight(2, "catan").unwrap());
        let expected = bm25_idf(units, 1) / bm25_idf(units, 3);
        assert!((rare / common - expected).abs() < 1e-4, "{rare} {common}");
        let norm: f32 = vectors[2].iter().map(|t| t.1 * t.1).sum();
        assert!((norm - 1.0).abs() < 1e-5);
    }

    #[test]
    fn scores_order_members_by_evidence() {
        let t = AlignOptions::default().threshold;
        let alone = |e: f32| member_score(e, e, t);
        let (weak, at, strong) = (alone(0.5), alone(t), alone(3.0 * t));
        assert!(weak < at && at < strong && strong <= 1.0);
        assert!((at - 0.632).abs() < 0.01);
        assert_eq!(member_score(-1.0, 0.0, t), 0.0);
    }

    #[test]
    fn a_paragraph_two_topics_claim_is_less_sure_for_each() {
        let t = AlignOptions::default().threshold;
        let alone = member_score(3.0 * t, 3.0 * t, t);
        let tied = member_score(3.0 * t, 6.0 * t, t);
        let ahead = member_score(3.0 * t, 5.0 * t, t);
        assert!((tied - alone / 2.0).abs() < 1e-6, "{tied} {alone}");
        assert!(tied < ahead && ahead < alone);
        assert!(tied < WEAK_MEMBER && alone > 0.9);
        assert!((member_score(t, 0.0, 0.0) - 1.0).abs() < 1e-6);
    }
}
