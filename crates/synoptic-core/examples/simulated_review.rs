//! A simulated reviewer: how fast corrections make alignment right, on a labelled corpus.
//!
//! ```text
//! cargo run --release -p synoptic-core --example simulated_review -- DIR TOPICS.toml GOLD.json
//! ```
//!
//! For each topic of the topics file that GOLD labels, ten times over: take the first item of
//! the topic's review queue, ask the gold labels whether it belongs, pin it so, align again.
//! Prints the micro F1 (as `shared/tools/score.py topics` computes it) after 0, 3, 5 and 10
//! reviews per topic. Not run by CI: it needs the labelled corpora, outside the repository.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;
use synoptic_core::alignment::align::align;
use synoptic_core::alignment::measure::AlignOptions;
use synoptic_core::alignment::review::review_queue_of;
use synoptic_core::input::ingest::load_paths;
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::article::Article;
use synoptic_core::model::pins::pin_for;
use synoptic_core::model::topic::{Origin, Topic};
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::model::vectors::ParaRef;

/// What the gold labels say of one paragraph.
struct Label {
    required: BTreeSet<String>,
    allowed: BTreeSet<String>,
    heading: bool,
}

const REPORTED: [usize; 4] = [0, 3, 5, 10];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, topics, gold] = args.as_slice() else {
        return Err("usage: simulated_review DIR TOPICS.toml GOLD.json".into());
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
    let mut line = vec![format!("{:.3}", micro_f1(&topics, &labels, &names))];
    let (mut reviews, mut wrong) = (0, 0);
    for round in 1..=REPORTED[REPORTED.len() - 1] {
        for name in &names {
            reviews += 1;
            wrong += usize::from(review_one(&articles, &mut defs, &topics, &labels, name));
            topics = align(&articles, &defs, AlignOptions::default());
        }
        if REPORTED.contains(&round) {
            line.push(format!("{:.3}", micro_f1(&topics, &labels, &names)));
        }
    }
    println!(
        "F1 after {REPORTED:?} reviews per topic: {}  ({wrong} of {reviews} reviewed were wrong)",
        line.join(" ")
    );
    Ok(())
}

/// Check the first item of topic `name`'s queue against the labels and pin it accordingly;
/// whether the machine had it wrong.
fn review_one(
    articles: &[Article],
    defs: &mut [TopicDef],
    topics: &[Topic],
    labels: &[(ParaRef, Label)],
    name: &str,
) -> bool {
    let Some(topic) = topics
        .iter()
        .find(|t| t.id == name && t.origin == Origin::Defined)
    else {
        return false;
    };
    let Some(def) = defs.iter_mut().find(|d| d.id == name) else {
        return false;
    };
    let Some(item) = review_queue_of(articles, topic, &def.pins).first().copied() else {
        return false;
    };
    let label = labels.iter().find(|(at, _)| *at == item.at).map(|(_, l)| l);
    let belongs = label
        .is_some_and(|l| l.required.contains(name) || (item.member && l.allowed.contains(name)));
    def.pins.push(pin_for(articles, item.at, belongs));
    belongs != item.member
}

/// The gold labels and the paragraph each names, found as `score.py` finds it: the first
/// paragraph of the article whose text holds the key (two labels may name one paragraph, and
/// both count, as they do there).
fn labels(
    articles: &[Article],
    gold: &Value,
) -> Result<Vec<(ParaRef, Label)>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    let strings = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect()
    };
    for g in gold["paragraphs"]
        .as_array()
        .ok_or("gold has no paragraphs")?
    {
        let prefix = g["article"].as_str().unwrap_or_default();
        let key = norm(g["key"].as_str().unwrap_or_default());
        let (a, article) = articles
            .iter()
            .enumerate()
            .find(|(_, a)| a.id.starts_with(prefix))
            .ok_or_else(|| format!("gold article {prefix} not found"))?;
        let Some(p) = article
            .paragraphs
            .iter()
            .find(|p| norm(&p.text).contains(&key))
        else {
            continue;
        };
        out.push((
            ParaRef {
                article: a,
                paragraph: p.index,
            },
            Label {
                required: strings(&g["required"]),
                allowed: strings(&g["allowed"]),
                heading: g["kind"] == "heading",
            },
        ));
    }
    Ok(out)
}

/// Quotes and spaces folded as `score.py` folds them.
fn norm(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' | '\u{201e}' => '"',
            '\u{00a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Micro F1 over the labelled topics `names`, headings left out, as `score.py topics` counts.
fn micro_f1(topics: &[Topic], labels: &[(ParaRef, Label)], names: &[String]) -> f64 {
    let mut got: BTreeMap<ParaRef, BTreeSet<&str>> = BTreeMap::new();
    for t in topics.iter().filter(|t| t.origin == Origin::Defined) {
        for m in &t.members {
            got.entry(m.at).or_default().insert(&t.id);
        }
    }
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (at, label) in labels.iter().filter(|(_, l)| !l.heading) {
        let mine = got.get(at);
        for name in names {
            let has = mine.is_some_and(|s| s.contains(name.as_str()));
            if label.required.contains(name) {
                if has {
                    tp += 1.0;
                } else {
                    fn_ += 1.0;
                }
            } else if has && !label.allowed.contains(name) {
                fp += 1.0;
            }
        }
    }
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}
