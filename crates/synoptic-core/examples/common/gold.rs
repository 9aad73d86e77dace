//! Gold labels of a development corpus, read and scored as `shared/tools/score.py topics`
//! reads and scores them, for the examples that measure alignment.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use synoptic_core::model::article::Article;
use synoptic_core::model::topic::{Origin, Topic};
use synoptic_core::model::vectors::ParaRef;

/// What the gold labels say of one paragraph.
pub struct Label {
    pub required: BTreeSet<String>,
    pub allowed: BTreeSet<String>,
    pub heading: bool,
}

/// The gold labels and the paragraph each names, found as `score.py` finds it: the first
/// paragraph of the article whose text holds the key (two labels may name one paragraph, and
/// both count, as they do there).
pub fn labels(
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

/// Pairs of paragraph and topic right, wrong and missed, as `score.py topics` counts them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub right: f64,
    pub wrong: f64,
    pub missed: f64,
}

impl Tally {
    /// Add the counts of `other`: micro F1 over several alignments.
    #[allow(dead_code)] // Used by some of the examples that include this module.
    pub fn add(&mut self, other: Tally) {
        self.right += other.right;
        self.wrong += other.wrong;
        self.missed += other.missed;
    }

    pub fn f1(&self) -> f64 {
        let found = self.right + self.wrong;
        let wanted = self.right + self.missed;
        let p = if found > 0.0 { self.right / found } else { 0.0 };
        let r = if wanted > 0.0 {
            self.right / wanted
        } else {
            0.0
        };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Micro F1 over the labelled topics `names`, headings left out, as `score.py topics` counts.
#[allow(dead_code)] // Used by some of the examples that include this module.
pub fn micro_f1(topics: &[Topic], labels: &[(ParaRef, Label)], names: &[String]) -> f64 {
    tally(topics, labels, names).f1()
}

/// The pairs of the defined `topics` against the labels of topics `names`, headings left out.
pub fn tally(topics: &[Topic], labels: &[(ParaRef, Label)], names: &[String]) -> Tally {
    let mut got: BTreeMap<ParaRef, BTreeSet<&str>> = BTreeMap::new();
    for t in topics.iter().filter(|t| t.origin == Origin::Defined) {
        for m in &t.members {
            got.entry(m.at).or_default().insert(&t.id);
        }
    }
    let mut tally = Tally::default();
    for (at, label) in labels.iter().filter(|(_, l)| !l.heading) {
        let mine = got.get(at);
        for name in names {
            let has = mine.is_some_and(|s| s.contains(name.as_str()));
            if label.required.contains(name) {
                if has {
                    tally.right += 1.0;
                } else {
                    tally.missed += 1.0;
                }
            } else if has && !label.allowed.contains(name) {
                tally.wrong += 1.0;
            }
        }
    }
    tally
}
