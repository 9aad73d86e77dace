//! A simulated reviewer: how fast corrections make alignment right, on a labelled corpus.
//!
//! ```text
//! cargo run --release -p synoptic-core --example simulated_review -- DIR TOPICS.toml GOLD.json [--this-topic-only]
//! ```
//!
//! For each topic of the topics file that GOLD labels, ten times over: take the first item of
//! the topic's review queue, ask the gold labels where it belongs, pin it so, align again as
//! the reader does (`realign`: the topics found at first stay).
//! The reviewer answers as a reader of the review does: `+` or `-` for the topic under review,
//! and, seeing the paragraph, a number then `+` for each other topic it belongs to and is not
//! in, a number then `-` for each other topic the review says it is in and it does not belong
//! to. With `--this-topic-only` it answers only `+` or `-`.
//! Prints the micro F1 (as `shared/tools/score.py topics` computes it) after 0, 3, 5 and 10
//! reviews per topic. Not run by CI: it needs the labelled corpora, outside the repository.

#[path = "common/gold.rs"]
mod gold;

use std::path::PathBuf;

use serde_json::Value;
use synoptic_core::alignment::align::{align, realign};
use synoptic_core::alignment::measure::AlignOptions;
use synoptic_core::alignment::review::review_queue_of;
use synoptic_core::input::ingest::load_paths;
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::article::Article;
use synoptic_core::model::pins::pin_for;
use synoptic_core::model::topic::{Origin, Topic};
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::model::vectors::ParaRef;

use gold::{Label, labels, micro_f1};

const REPORTED: [usize; 4] = [0, 3, 5, 10];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (everywhere, args) = match args.as_slice() {
        [rest @ .., flag] if flag == "--this-topic-only" => (false, rest),
        all => (true, all),
    };
    let [dir, topics, gold] = args else {
        return Err("usage: simulated_review DIR TOPICS.toml GOLD.json [--this-topic-only]".into());
    };
    let articles = load_paths(&[PathBuf::from(dir)])?.articles;
    let mut defs = parse_topics(topics, &std::fs::read_to_string(topics)?)?.topics;
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold)?)?;
    let names: Vec<String> = gold["topics"]
        .as_object()
        .ok_or("gold has no topics")?
        .keys()
        .cloned()
        .collect();
    let labels = labels(&articles, &gold)?;
    let mut topics = align(&articles, &defs, AlignOptions::default());
    // The reader aligns again from the topics as first aligned, found ones kept (see `realign`).
    let first = topics.clone();
    let mut line = vec![format!("{:.3}", micro_f1(&topics, &labels, &names))];
    let (mut reviews, mut tally) = (0, Tally::default());
    for round in 1..=REPORTED[REPORTED.len() - 1] {
        for name in &names {
            reviews += 1;
            let review = Review {
                articles: &articles,
                topics: &topics,
                labels: &labels,
                everywhere,
            };
            tally.add(review.one(&mut defs, name));
            topics = realign(&articles, &defs, &first, AlignOptions::default());
        }
        if REPORTED.contains(&round) {
            line.push(format!("{:.3}", micro_f1(&topics, &labels, &names)));
        }
    }
    println!(
        "F1 after {REPORTED:?} reviews per topic: {}  ({} of {reviews} reviewed were wrong \
         here; {} corrections in other topics)",
        line.join(" "),
        tally.wrong_here,
        tally.elsewhere
    );
    Ok(())
}

/// What the answers did: the items the machine had wrong in the topic under review, and the
/// corrections made in other topics.
#[derive(Clone, Copy, Default)]
struct Tally {
    wrong_here: usize,
    elsewhere: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.wrong_here += other.wrong_here;
        self.elsewhere += other.elsewhere;
    }
}

/// One review: the corpus as aligned now, and the reviewer's knowledge.
struct Review<'a> {
    articles: &'a [Article],
    topics: &'a [Topic],
    labels: &'a [(ParaRef, Label)],
    /// Answer for every topic (`3+`, `3-`), not only the one under review.
    everywhere: bool,
}

impl Review<'_> {
    /// Check the first item of topic `name`'s queue against the labels and pin it accordingly.
    fn one(&self, defs: &mut [TopicDef], name: &str) -> Tally {
        let mut tally = Tally::default();
        let Some(topic) = self.defined(name) else {
            return tally;
        };
        let Some(def) = defs.iter_mut().find(|d| d.id == name) else {
            return tally;
        };
        let Some(item) = review_queue_of(self.articles, topic, &def.pins)
            .first()
            .copied()
        else {
            return tally;
        };
        let label = self
            .labels
            .iter()
            .find(|(at, _)| *at == item.at)
            .map(|(_, l)| l);
        let belongs = label.is_some_and(|l| {
            l.required.contains(name) || (item.member && l.allowed.contains(name))
        });
        def.pins.push(pin_for(self.articles, item.at, belongs));
        tally.wrong_here = usize::from(belongs != item.member);
        if let (true, Some(label)) = (self.everywhere, label) {
            tally.elsewhere = self.elsewhere(defs, name, item.at, label);
        }
        tally
    }

    /// Settle `at` in the topics besides `name`: into those its labels require, out of those
    /// it is in (the review names them) and its labels neither require nor allow. How many
    /// pins that took.
    fn elsewhere(&self, defs: &mut [TopicDef], name: &str, at: ParaRef, label: &Label) -> usize {
        let mut pins = 0;
        for def in defs.iter_mut().filter(|d| d.id != name) {
            let is_in = self.defined(&def.id).is_some_and(|t| t.holds(at));
            let required = label.required.contains(&def.id);
            let unwanted = !required && !label.allowed.contains(&def.id);
            if (required && !is_in) || (unwanted && is_in) {
                def.pins.push(pin_for(self.articles, at, required));
                pins += 1;
            }
        }
        pins
    }

    fn defined(&self, name: &str) -> Option<&Topic> {
        self.topics
            .iter()
            .find(|t| t.id == name && t.origin == Origin::Defined)
    }
}
