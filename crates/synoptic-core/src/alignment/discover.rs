//! Discovered topics: the paragraphs no defined topic claims, grouped into the topics several
//! sources dwell on, each described by its own telling words and phrases and then aligned like a
//! defined topic, so that writing it to a topics file and reading it back changes nothing.

use std::collections::BTreeSet;

use crate::alignment::assign::{Corpus, assign};
use crate::alignment::describe::{
    Naming, PhraseCounts, articles_of, complete_name, keywords_and_label, telling_terms,
};
use crate::alignment::measure::AlignOptions;
use crate::alignment::passages::{PassageGraph, sample};
use crate::lang::text::fold;
use crate::model::topic::{Origin, Topic};
use crate::model::topic_def::TopicDef;
use crate::model::vectors::{ParaRef, Vector};

/// At most this many paragraphs are grouped (whole articles, spread through the corpus): the
/// graph costs the square of their count, and a few dozen articles are enough to find and
/// describe an event's topics. Alignment then reaches every paragraph.
const GROUPED_UNITS: usize = 800;
/// A group becomes a topic only with at least this many paragraphs, from two articles or more.
const MIN_PARAGRAPHS: usize = 3;

/// The topics found among the body paragraphs not in `claimed`, covered by two articles or
/// more, the most widely covered first. Ids avoid `taken_ids`.
pub fn discover(
    corpus: &Corpus,
    claimed: &BTreeSet<ParaRef>,
    taken_ids: &BTreeSet<String>,
    opts: &AlignOptions,
) -> Vec<Topic> {
    let defs = discovered_defs(corpus, claimed, taken_ids, opts);
    settle(defs, |defs| aligned(corpus, claimed, defs, opts))
}

/// Topics compete for paragraphs, so dropping one changes the others: align `defs`, drop the
/// topics covered by fewer than two articles, and align what is left again, until a set keeps
/// them all (as a topics file written from the result is read back: alignment does not depend
/// on the order of topics) or `SETTLE_ROUNDS` have passed. Most widely covered first.
fn settle(mut defs: Vec<TopicDef>, align: impl Fn(&[TopicDef]) -> Vec<Topic>) -> Vec<Topic> {
    let mut round = 0;
    loop {
        let mut topics = align(&defs);
        let before = topics.len();
        topics.retain(|t| t.articles().len() >= 2);
        topics.sort_by(|a, b| {
            b.articles()
                .len()
                .cmp(&a.articles().len())
                .then(b.members.len().cmp(&a.members.len()))
        });
        round += 1;
        if topics.len() == before || round == SETTLE_ROUNDS {
            return topics;
        }
        defs = topics.iter().map(Topic::definition).collect();
    }
}

/// How many times discovery may align its topics, dropping those covered by one article,
/// before it keeps what it has.
const SETTLE_ROUNDS: usize = 5;

/// The discovered topics of `defs`, aligned, without the paragraphs already `claimed`.
fn aligned(
    corpus: &Corpus,
    claimed: &BTreeSet<ParaRef>,
    defs: &[TopicDef],
    opts: &AlignOptions,
) -> Vec<Topic> {
    defs.iter()
        .zip(assign(corpus, defs, opts))
        .map(|(def, mut members)| {
            members.retain(|m| !claimed.contains(&m.at));
            Topic::from_def(def, Origin::Discovered, members)
        })
        .collect()
}

/// Topic definitions for the free paragraphs: communities of the paragraph graph that span two
/// articles or more, each described by the words and phrases that set it apart.
pub fn discovered_defs(
    corpus: &Corpus,
    claimed: &BTreeSet<ParaRef>,
    taken_ids: &BTreeSet<String>,
    opts: &AlignOptions,
) -> Vec<TopicDef> {
    let (articles, space) = (corpus.articles, &corpus.space);
    let free: Vec<usize> = (0..space.units.len())
        .filter(|&u| !claimed.contains(&space.units[u]))
        .collect();
    let sample = sample(space, &free, GROUPED_UNITS);
    let vectors: Vec<Vector> = sample.iter().map(|&u| corpus.feedback[u].clone()).collect();
    let graph = PassageGraph::build(space, &vectors, &corpus.breaks, &sample, opts);
    let counts = PhraseCounts::build(articles, space, &sample);
    let mut used = taken_ids.clone();
    let mut defs = Vec::new();
    let labels = graph.communities(opts.discover_resolution);
    let mut groups: Vec<(usize, Vec<usize>)> = groups(&labels)
        .into_iter()
        .map(|g| {
            let units: Vec<usize> = g.iter().map(|&i| sample[i]).collect();
            (articles_of(space, &units).len(), units)
        })
        .filter(|(sources, units)| *sources >= 2 && units.len() >= MIN_PARAGRAPHS)
        .collect();
    // The order topics are shown in, as far as the groups tell it already.
    groups.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.len().cmp(&a.1.len())));
    // Beside the paragraphs a reader's topics claim, a group whose words tell nothing ([dit,
    // simplement]) is no topic of its own: its paragraphs stay unclaimed. With nothing claimed,
    // discovery keeps it: such groups still match readers' topics in part (dropping them there
    // cost en-iran's discovery 0.017).
    let beside_defined = !claimed.is_empty();
    let mut labels_taken = BTreeSet::new();
    for (_, units) in groups {
        let terms = telling_terms(articles, space, &counts, &units);
        let naming =
            keywords_and_label(&terms, &labels_taken).filter(|n| worth_a_topic(n, beside_defined));
        if let Some(Naming {
            keywords, label, ..
        }) = naming
        {
            let whole = complete_name(&label, articles, space, &units);
            let label = if labels_taken.contains(&whole.to_lowercase()) {
                label
            } else {
                whole
            };
            labels_taken.insert(label.to_lowercase());
            defs.push(TopicDef {
                id: unique_slug(&slug(&label), &mut used),
                label,
                keywords,
                description: None,
                pins: Vec::new(),
            });
        }
    }
    defs
}

/// Whether a group so named becomes a topic: always when discovery is alone, beside a
/// reader's topics only when its words tell what it is about (see `Naming::telling`).
fn worth_a_topic(naming: &Naming, beside_defined: bool) -> bool {
    naming.telling || !beside_defined
}

/// The members of each community, from its labels.
fn groups(labels: &[usize]) -> Vec<Vec<usize>> {
    let mut groups = vec![Vec::new(); labels.iter().max().map_or(0, |m| m + 1)];
    for (i, &c) in labels.iter().enumerate() {
        groups[c].push(i);
    }
    groups
}

fn slug(label: &str) -> String {
    let folded: String = fold(label)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut joined = String::new();
    for part in folded.split('-').filter(|p| !p.is_empty()) {
        if joined.len() + part.len() > 40 {
            break;
        }
        if !joined.is_empty() {
            joined.push('-');
        }
        joined.push_str(part);
    }
    format!("auto-{}", if joined.is_empty() { "topic" } else { &joined })
}

fn unique_slug(base: &str, used: &mut BTreeSet<String>) -> String {
    let chosen = std::iter::once(base.to_owned())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|c| !used.contains(c))
        .unwrap_or_else(|| base.to_owned());
    used.insert(chosen.clone());
    chosen
}

#[cfg(test)]
#[path = "discover_tests.rs"]
mod tests;
