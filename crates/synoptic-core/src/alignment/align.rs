//! Alignment by topic: defined topics compete for each paragraph on keyword evidence, reading
//! order and feedback from their confident members; what is left that several articles cover
//! alike becomes discovered topics, which then compete with the defined ones.

use std::collections::BTreeSet;

use crate::alignment::assign::{Corpus, Rivals, assign, assign_against};
use crate::alignment::discover::discover;
use crate::alignment::measure::AlignOptions;
use crate::model::article::Article;
use crate::model::pins::find;
use crate::model::topic::{Member, Origin, Topic};
use crate::model::topic_def::{Pin, TopicDef};
use crate::model::vectors::ParaRef;

/// Align the body paragraphs of `articles` to the defined topics (see `assign`), discover
/// topics among the paragraphs none of them claims (see `discover`), then align the defined
/// topics again against those found (see `defined_among`).
pub fn align(articles: &[Article], defs: &[TopicDef], opts: AlignOptions) -> Vec<Topic> {
    let corpus = Corpus::new(articles).spelling_keywords_of(defs);
    let opts = opts.for_corpus(corpus.space.units.len());
    let taken: BTreeSet<String> = defs.iter().map(|d| d.id.clone()).collect();
    let (mut topics, found) = defined_among(&corpus, defs, &opts, |claimed| {
        discover(&corpus, claimed, &taken, &opts)
    });
    topics.extend(found);
    topics
}

/// Align again after a correction: the defined topics from `defs`, every other topic of
/// `previous` kept as it was (its id, label and place in the list), less the paragraphs a
/// defined topic now claims. A discovered topic left with no paragraph goes. Discovery is not
/// run again: a reader who corrects one topic should not see the others renumbered or renamed.
/// Given the topics as first aligned for `previous`, the result depends on `defs` alone, so
/// that undoing a correction gives back what it took from a discovered topic.
pub fn realign(
    articles: &[Article],
    defs: &[TopicDef],
    previous: &[Topic],
    opts: AlignOptions,
) -> Vec<Topic> {
    let corpus = Corpus::new(articles).spelling_keywords_of(defs);
    let opts = opts.for_corpus(corpus.space.units.len());
    let found_before = |_: &BTreeSet<ParaRef>| {
        (previous.iter())
            .filter(|t| t.origin == Origin::Discovered && !defs.iter().any(|d| d.id == t.id))
            .cloned()
            .collect()
    };
    let (defined, found) = defined_among(&corpus, defs, &opts, found_before);
    let mut defined: Vec<Option<Topic>> = defined.into_iter().map(Some).collect();
    let mut topics = Vec::with_capacity(previous.len().max(defs.len()));
    for old in previous {
        if let Some(at) = defs.iter().position(|d| d.id == old.id) {
            topics.extend(defined[at].take());
        } else if let Some(kept) = found.iter().find(|t| t.id == old.id) {
            topics.push(kept.clone());
        }
    }
    topics.extend(defined.into_iter().flatten());
    topics
}

/// The topics of `defs` and the topics found beside them, each found topic less the
/// paragraphs a defined one claims (none left: it goes), plus those it took from them.
///
/// Alone, a defined topic has nothing to lose a paragraph to but "no topic", and its
/// resemblance to its members carries it far: each reader's topic of the labelled corpora
/// aligned alone takes twice the paragraphs it takes among the reader's other topics, at
/// precision 0.49 against 0.77. So the defined topics are aligned alone, the topics of what
/// they leave are found (`found`, given what they claim), and the defined topics are aligned
/// again with those found competing, as strongly as `rival_weight` says.
fn defined_among(
    corpus: &Corpus,
    defs: &[TopicDef],
    opts: &AlignOptions,
    found: impl FnOnce(&BTreeSet<ParaRef>) -> Vec<Topic>,
) -> (Vec<Topic>, Vec<Topic>) {
    let alone = defined_topics(corpus, defs, opts);
    let claimed = claimed_by(&alone);
    let mut rivals = found(&claimed);
    let weight = rival_weight(corpus.space.units.len(), claimed.len());
    if rivals.is_empty() || weight <= 0.0 {
        return (alone, rivals);
    }
    // A found topic the defined ones take whole goes, and is no rival: align again without
    // it, so that the rivals are the found topics shown (those `realign` is given back).
    loop {
        let defs_of_rivals: Vec<TopicDef> = rivals.iter().map(Topic::definition).collect();
        let against = Rivals {
            defs: &defs_of_rivals,
            weight,
        };
        let mut members = assign_against(corpus, defs, &against, opts);
        let gained = members.split_off(defs.len());
        let defined = with_pins(corpus, defs, members);
        let now = claimed_by(&defined);
        let left: Vec<Topic> = (rivals.iter().cloned().zip(gained))
            .map(|(topic, gained)| what_is_left(topic, gained, &claimed, &now))
            .collect();
        if left.iter().all(|t| !t.members.is_empty()) {
            return (defined, left);
        }
        // Some rival was emptied and goes: the loop ends, with no rival at worst.
        rivals.retain(|r| (left.iter()).any(|t| t.id == r.id && !t.members.is_empty()));
    }
}

/// Found topic `topic` less the paragraphs the defined topics claim `now`, plus those it
/// `gained` that they claimed aligned alone (`before`) and no longer do.
fn what_is_left(
    mut topic: Topic,
    gained: Vec<Member>,
    before: &BTreeSet<ParaRef>,
    now: &BTreeSet<ParaRef>,
) -> Topic {
    topic.members.retain(|m| !now.contains(&m.at));
    let released: Vec<Member> = (gained.into_iter())
        .filter(|m| before.contains(&m.at) && !now.contains(&m.at))
        .filter(|m| !topic.holds(m.at))
        .collect();
    topic.members.extend(released);
    topic.members.sort_by_key(|m| m.at);
    topic
}

/// How strongly the topics found beside the defined ones compete with them: as much as the
/// body paragraphs the defined topics leave weigh against those they claim, fully at most.
/// A topics file that covers the event leaves scraps, whose topics hardly compete (a tenth to
/// a quarter on the labelled corpora); one topic of the event leaves the rest of it, whose
/// topics compete fully. With no defined topic claiming anything there is nothing to compete
/// for.
pub fn rival_weight(units: usize, claimed: usize) -> f32 {
    if claimed == 0 {
        return 0.0;
    }
    (units.saturating_sub(claimed) as f32 / claimed as f32).min(1.0)
}

/// The topics of `defs`, in their order, with the members `assign` gives them and their pins
/// applied.
fn defined_topics(corpus: &Corpus, defs: &[TopicDef], opts: &AlignOptions) -> Vec<Topic> {
    if defs.is_empty() {
        return Vec::new();
    }
    with_pins(corpus, defs, assign(corpus, defs, opts))
}

/// The topics of `defs` with `members`, their pins applied.
fn with_pins(corpus: &Corpus, defs: &[TopicDef], members: Vec<Vec<Member>>) -> Vec<Topic> {
    defs.iter()
        .zip(members)
        .map(|(def, members)| {
            let mut topic = Topic::from_def(def, Origin::Defined, members);
            apply_pins(corpus.articles, &mut topic, &def.pins);
            topic
        })
        .collect()
}

/// Every paragraph some topic of `topics` holds.
fn claimed_by(topics: &[Topic]) -> BTreeSet<ParaRef> {
    topics
        .iter()
        .flat_map(|t| t.members.iter().map(|m| m.at))
        .collect()
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
#[path = "align_tests.rs"]
mod tests;
