//! Figures: numbers, times, dates and counts in a topic's members, grouped by what they measure,
//! so that a reader sees at once where sources disagree (20h42 against 20h45).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

mod find;

pub use find::find_figures;

use crate::compare::synopsis::Synopsis;
use crate::model::article::Paragraph;

/// Figures of one kind and unit in a topic, with who reports which value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureGroup {
    /// What is measured: "time of day", "minutes", "personnes", "date in juillet".
    pub what: String,
    /// True when the sources report more than one value.
    pub disagree: bool,
    pub values: Vec<FigureValue>,
}

/// One value, as first written, and the articles (ids) that report it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureValue {
    pub text: String,
    pub value: f64,
    pub articles: Vec<String>,
}

/// What a figure measures: figures are compared only with those of the same key. The order of
/// the variants is the order groups are listed in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FigureKey {
    /// A count of this thing (its stem): "40 soldats".
    Count(String),
    /// A day of this month (its folded name): "12 août".
    Date(String),
    /// A duration in this unit (its stem): "40 minutes".
    Duration(String),
    /// A time of day, in minutes after midnight: "20h42".
    TimeOfDay,
}

impl std::fmt::Display for FigureKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FigureKey::Count(unit) => write!(f, "count:{unit}"),
            FigureKey::Date(month) => write!(f, "date:{month}"),
            FigureKey::Duration(unit) => write!(f, "duration:{unit}"),
            FigureKey::TimeOfDay => write!(f, "time"),
        }
    }
}

/// A figure found in a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub what: String,
    pub key: FigureKey,
    pub value: f64,
    pub range: std::ops::Range<usize>,
}

/// A figure as found: its value, its text, the article (corpus index) that reports it, and
/// the words around it (key hashes, sorted).
#[derive(Clone, Debug)]
struct Found {
    value: f64,
    text: String,
    article: usize,
    context: Vec<u64>,
}

/// How many words on each side of a figure, within its sentence, say what it measures.
const CONTEXT_WORDS: usize = 6;

/// The telling words around token range `from..to` of `p`, in its sentence.
fn context_of(p: &Paragraph, from: usize, to: usize) -> Vec<u64> {
    let toks = &p.tokens;
    let ends_sentence =
        |a: usize, b: usize| p.text[toks[a].end()..toks[b].start()].contains(['.', '!', '?', ';']);
    let mut keys = Vec::new();
    let mut i = from;
    while i > 0 && from - i < CONTEXT_WORDS && !ends_sentence(i - 1, i) {
        i -= 1;
        keys.push(&toks[i]);
    }
    let mut j = to;
    while j + 1 < toks.len() && j - to < CONTEXT_WORDS && !ends_sentence(j, j + 1) {
        j += 1;
        keys.push(&toks[j]);
    }
    let mut keys: Vec<u64> = keys
        .into_iter()
        .filter(|t| t.is_telling() && !t.is_numeric())
        .map(|t| t.hash)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Figure groups of topic `t` reported by at least two articles, disagreeing ones first.
pub fn figures(synopsis: &Synopsis, t: usize) -> Vec<FigureGroup> {
    let topic = &synopsis.topics[t];
    let mut by_unit: BTreeMap<FigureKey, (String, Vec<Found>)> = BTreeMap::new();
    for m in &topic.members {
        let article = &synopsis.articles[m.at.article];
        let p = synopsis.paragraph(m.at);
        for f in find_figures(p, article.language) {
            let first = p.tokens.partition_point(|t| t.start() < f.range.start);
            let last = p.tokens.partition_point(|t| t.end() <= f.range.end);
            let entry = by_unit
                .entry(f.key.clone())
                .or_insert_with(|| (f.what.clone(), Vec::new()));
            entry.1.push(Found {
                value: f.value,
                text: p.text[f.range.clone()].to_owned(),
                article: m.at.article,
                context: context_of(p, first, last.saturating_sub(1).max(first)),
            });
        }
    }
    let mut out: Vec<FigureGroup> = by_unit
        .into_values()
        .flat_map(|(what, found)| {
            by_meaning(found)
                .into_iter()
                .filter_map(|g| group(synopsis, what.clone(), g))
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort_by_key(|g| !g.disagree);
    out
}

/// Two values of one unit this many times apart are taken for two figures, not a
/// disagreement, unless [`SAME_WORDS`] words around them are the same (one word suffices
/// for values closer than that).
const FAR_APART: f64 = 3.0;
/// Two values this close (5 %) are taken for one figure reported a little differently even
/// when no word around them is the same.
const NEARLY_EQUAL: f64 = 1.05;
const SAME_WORDS: usize = 2;

/// Split the figures of one unit into the things they measure. A source that gives several
/// values (the time an event was scheduled, the time it began) is never set against itself:
/// each group holds one value per source. Figures pair up closest value first, the words
/// around them breaking ties, so that "began at 20h42" meets "began around 20h45" rather
/// than "was due at 20 heures".
fn by_meaning(found: Vec<Found>) -> Vec<Vec<Found>> {
    // One node per value: sources that give the same value report the same thing.
    let mut values: Vec<Vec<Found>> = Vec::new();
    for f in found {
        match values
            .iter_mut()
            .find(|v| (v[0].value - f.value).abs() < 1e-9)
        {
            Some(v) => v.push(f),
            None => values.push(vec![f]),
        }
    }
    let sources = |v: &[Found]| -> BTreeSet<usize> { v.iter().map(|f| f.article).collect() };
    let words =
        |v: &[Found]| -> BTreeSet<u64> { v.iter().flat_map(|f| f.context.clone()).collect() };
    let n = values.len();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (values[i][0].value, values[j][0].value);
            let closeness = 1.0 / (1.0 + (a - b).abs() / a.abs().max(b.abs()).max(1.0));
            let shared = words(&values[i]).intersection(&words(&values[j])).count();
            // The further apart two values are, the more words around both must say they
            // measure one thing. Nearly equal values are one figure reported a little
            // differently (20h42 against "around 20h45"), whatever the wording. Beyond that,
            // one shared word at least: "600 metres above the plain" and "an axis of 800
            // metres" are a height and a length. A value several times another is another
            // figure ("40 soldiers crossed" against "1,000 soldiers massed") unless more
            // words say otherwise.
            let ratio = a.abs().max(b.abs()) / a.abs().min(b.abs()).max(f64::MIN_POSITIVE);
            let needed = match ratio {
                r if r > FAR_APART => SAME_WORDS,
                r if r > NEARLY_EQUAL => 1,
                _ => 0,
            };
            if shared < needed {
                continue;
            }
            pairs.push((closeness + 0.01 * shared as f64, i, j));
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    // Groups of values, each with the sources it already holds: two groups join only when no
    // source is in both.
    let mut owner: Vec<usize> = (0..n).collect();
    let mut held: Vec<BTreeSet<usize>> = values.iter().map(|v| sources(v)).collect();
    for (_, i, j) in pairs {
        let (gi, gj) = (owner[i], owner[j]);
        if gi != gj && held[gi].is_disjoint(&held[gj]) {
            let moved = std::mem::take(&mut held[gj]);
            held[gi].extend(moved);
            for o in owner.iter_mut().filter(|o| **o == gj) {
                *o = gi;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<Found>> = BTreeMap::new();
    for (k, v) in values.into_iter().enumerate() {
        groups.entry(owner[k]).or_default().extend(v);
    }
    groups.into_values().collect()
}

fn group(synopsis: &Synopsis, what: String, found: Vec<Found>) -> Option<FigureGroup> {
    let mut articles: Vec<usize> = found.iter().map(|f| f.article).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return None;
    }
    let mut values: Vec<FigureValue> = Vec::new();
    for f in found {
        let id = synopsis.articles[f.article].id.clone();
        match values.iter_mut().find(|v| (v.value - f.value).abs() < 1e-9) {
            Some(v) if !v.articles.contains(&id) => v.articles.push(id),
            Some(_) => {}
            None => values.push(FigureValue {
                text: f.text,
                value: f.value,
                articles: vec![id],
            }),
        }
    }
    Some(FigureGroup {
        what,
        disagree: values.len() > 1,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_articles(a: &str, b: &str) -> Synopsis {
        use crate::input::ingest::article_from_text;
        use crate::model::topic_def::TopicDef;
        let articles = vec![
            article_from_text("a".into(), "a.txt".into(), &format!("Titre A\n\n{a}")),
            article_from_text("b".into(), "b.txt".into(), &format!("Titre B\n\n{b}")),
        ];
        let defs = [TopicDef {
            id: "t".into(),
            label: "t".into(),
            keywords: vec!["diffusion".into()],
            description: None,
            pins: Vec::new(),
        }];
        Synopsis::build(articles, &defs)
    }

    #[test]
    fn a_source_giving_several_values_for_different_things_contradicts_no_one() {
        let s = two_articles(
            "La diffusion était prévue à 20 heures. Elle a commencé à 20h42.",
            "La diffusion a commencé vers 20h45, selon X.",
        );
        let groups = figures(&s, 0);
        let times: Vec<Vec<&str>> = groups
            .iter()
            .filter(|g| g.what == "time of day")
            .map(|g| g.values.iter().map(|v| v.text.as_str()).collect())
            .collect();
        assert_eq!(times, vec![vec!["20h42", "vers 20h45"]]);
        assert!(groups[0].disagree);
    }

    #[test]
    fn no_disagreement_sets_a_source_against_itself_on_the_seeds() {
        use crate::input::ingest::{EMBEDDED_TOPICS, load_embedded};
        let defs = crate::input::topics_file::parse_topics("t", EMBEDDED_TOPICS).unwrap();
        let s = Synopsis::build(load_embedded().articles, &defs.topics);
        let mut shown = 0;
        for t in 0..s.topics.len() {
            for g in figures(&s, t).iter().filter(|g| g.disagree) {
                shown += 1;
                let ids: Vec<&String> = g.values.iter().flat_map(|v| &v.articles).collect();
                let distinct: std::collections::BTreeSet<_> = ids.iter().collect();
                assert_eq!(ids.len(), distinct.len(), "{g:?}");
                assert!(distinct.len() >= 2, "{g:?}");
            }
        }
        let outage = figures(&s, s.topic_index("outage").unwrap());
        let time = outage.iter().find(|g| g.what == "time of day").unwrap();
        let texts: Vec<&str> = time.values.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(texts, vec!["vers 20h45", "20h42"]);
        assert!(shown >= 2);
    }

    #[test]
    fn values_with_nothing_in_common_around_them_are_two_figures_not_a_disagreement() {
        let s = two_articles(
            "Selon la diffusion, 40 soldats thaïlandais ont franchi la ligne.",
            "La diffusion l'a montré : Bangkok a massé 1000 soldats au nord.",
        );
        let groups = figures(&s, 0);
        assert_eq!(s.topics[0].members.len(), 2);
        let soldiers = groups.iter().filter(|g| g.what.contains("soldats")).count();
        assert_eq!(soldiers, 0, "no group sets 40 against 1000: {groups:?}");
        let measures = two_articles(
            "La diffusion le montre. Le temple est perché à 600 mètres au-dessus de la plaine.",
            "La diffusion le montre. Le sanctuaire s'étend sur un axe de 800 mètres.",
        );
        assert!(
            !figures(&measures, 0).iter().any(|g| g.disagree),
            "a height and a length are two figures: {:?}",
            figures(&measures, 0)
        );
        let close = two_articles(
            "Plus de 1,3 million de personnes ont suivi la diffusion.",
            "Au moins un million de personnes ont suivi la diffusion.",
        );
        assert!(figures(&close, 0).iter().any(|g| g.disagree));
    }
}
