//! How well a corpus aligns when its topics file names only part of the event.
//!
//! ```text
//! cargo run --release -p synoptic-core --example partial_topics -- DIR TOPICS.toml GOLD.json
//! ```
//!
//! Aligns the articles of DIR with every topic of TOPICS in one file, with every other topic
//! (two files, the first topic on and the second on), and with each topic alone, and prints
//! the micro F1 of each (as `shared/tools/score.py topics` computes it, over the topics each
//! file names). A user starts with a topic or two and lets the rest be found: the last two
//! figures say how well that goes. Not run by CI: it needs the labelled corpora, outside the
//! repository.

#[path = "common/gold.rs"]
mod gold;

use std::path::PathBuf;

use serde_json::Value;
use synoptic_core::alignment::align::align;
use synoptic_core::alignment::measure::AlignOptions;
use synoptic_core::input::ingest::load_paths;
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::topic::Topic;
use synoptic_core::model::topic_def::TopicDef;

use gold::{Tally, labels};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, topics, gold] = args.as_slice() else {
        return Err("usage: partial_topics DIR TOPICS.toml GOLD.json".into());
    };
    let articles = load_paths(&[PathBuf::from(dir)])?.articles;
    let defs = parse_topics(topics, &std::fs::read_to_string(topics)?)?.topics;
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold)?)?;
    let labels = labels(&articles, &gold)?;
    let labelled = |defs: &[TopicDef]| -> Vec<String> {
        (defs.iter())
            .map(|d| d.id.clone())
            .filter(|id| gold["topics"].get(id).is_some())
            .collect()
    };
    let counted = |files: Vec<Vec<TopicDef>>| -> Tally {
        let mut tally = Tally::default();
        for file in files {
            let topics: Vec<Topic> = align(&articles, &file, AlignOptions::default());
            tally.add(gold::tally(&topics, &labels, &labelled(&file)));
        }
        tally
    };
    let every_other = |first: usize| defs.iter().skip(first).step_by(2).cloned().collect();
    let all = counted(vec![defs.clone()]);
    let halves = counted(vec![every_other(0), every_other(1)]);
    let alone = counted(defs.iter().map(|d| vec![d.clone()]).collect());
    println!(
        "micro F1 with every topic in one file {:.3}, in two halves {:.3}, each alone {:.3}",
        all.f1(),
        halves.f1(),
        alone.f1()
    );
    Ok(())
}
