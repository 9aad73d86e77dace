//! Alignment by topic: keywords seed defined topics, similar paragraphs join them, and what is
//! left that several articles cover alike becomes discovered topics.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::article::{Article, Kind};
use super::discover::discover;
use super::text::{Language, tokenize};
use super::topics::TopicDef;
use super::vectors::{ParaRef, TermSpace, Vector, centroid};

/// Where a topic comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Defined,
    Discovered,
}

/// A paragraph aligned to a topic, with how strongly it belongs there (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member {
    pub at: ParaRef,
    pub score: f32,
}

/// A topic and the paragraphs aligned to it, in corpus order (article, then reading order).
#[derive(Clone, Debug)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub origin: Origin,
    pub keywords: Vec<String>,
    pub members: Vec<Member>,
}

impl Topic {
    /// Indices of the articles that cover this topic.
    pub fn articles(&self) -> BTreeSet<usize> {
        self.members.iter().map(|m| m.at.article).collect()
    }

    /// The members from one article, in reading order.
    pub fn members_of(&self, article: usize) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.at.article == article)
    }
}

/// Thresholds of the alignment; the defaults were set once for news paragraphs in general.
#[derive(Clone, Copy, Debug)]
pub struct AlignOptions {
    /// Cosine to a topic's seed centroid at which any body paragraph joins it.
    pub join: f32,
    /// Lower cosine that suffices for a paragraph next to a seed of the same article.
    pub neighbour: f32,
    /// Cosine at which left-over paragraphs of different articles form a discovered topic.
    pub discover: f32,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            join: 0.35,
            neighbour: 0.25,
            discover: 0.25,
        }
    }
}

/// Align the body paragraphs of `articles` to the defined topics, then discover more.
pub fn align(articles: &[Article], defs: &[TopicDef], opts: AlignOptions) -> Vec<Topic> {
    let space = TermSpace::build(articles);
    let mut topics: Vec<Topic> = defs
        .iter()
        .map(|def| align_defined(articles, &space, def, opts))
        .collect();
    let claimed: BTreeSet<ParaRef> = topics
        .iter()
        .flat_map(|t| t.members.iter().map(|m| m.at))
        .collect();
    let taken: BTreeSet<String> = defs.iter().map(|d| d.id.clone()).collect();
    topics.extend(discover(articles, &space, &claimed, &taken, opts.discover));
    topics
}

fn align_defined(
    articles: &[Article],
    space: &TermSpace,
    def: &TopicDef,
    opts: AlignOptions,
) -> Topic {
    let seeds = keyword_hits(articles, def);
    let seed_units: Vec<usize> = seeds.keys().filter_map(|r| space.unit_of(*r)).collect();
    let center: Vector = centroid(seed_units.iter().map(|&u| &space.vectors[u]));
    // Dense by term id: each paragraph's cosine then costs only its own terms.
    let mut dense = vec![0.0f32; space.df.len()];
    for &(id, w) in &center {
        dense[id as usize] = w;
    }
    let mut scores: BTreeMap<ParaRef, f32> = BTreeMap::new();
    for (unit, at) in space.units.iter().enumerate() {
        let sim: f32 = space.vectors[unit]
            .iter()
            .map(|&(id, w)| w * dense[id as usize])
            .sum();
        if let Some(&hits) = seeds.get(at) {
            let keyword_score = (0.5 + 0.1 * hits as f32).min(1.0);
            scores.insert(*at, keyword_score.max(sim));
        } else if sim >= opts.join || (sim >= opts.neighbour && next_to_seed(*at, &seeds)) {
            scores.insert(*at, sim);
        }
    }
    Topic {
        id: def.id.clone(),
        label: def.label.clone(),
        origin: Origin::Defined,
        keywords: def.keywords.clone(),
        members: scores
            .into_iter()
            .map(|(at, score)| Member { at, score })
            .collect(),
    }
}

/// News tells one topic over consecutive paragraphs: a seed's neighbour needs less evidence.
fn next_to_seed(at: ParaRef, seeds: &BTreeMap<ParaRef, usize>) -> bool {
    let before = at
        .paragraph
        .checked_sub(1)
        .map(|p| ParaRef { paragraph: p, ..at });
    let after = ParaRef {
        paragraph: at.paragraph + 1,
        ..at
    };
    before.is_some_and(|b| seeds.contains_key(&b)) || seeds.contains_key(&after)
}

/// Body paragraphs that contain one of the topic's keywords, with how many distinct ones.
fn keyword_hits(articles: &[Article], def: &TopicDef) -> BTreeMap<ParaRef, usize> {
    let mut hits = BTreeMap::new();
    let mut patterns: BTreeMap<Language, Vec<Vec<String>>> = BTreeMap::new();
    for (a, article) in articles.iter().enumerate() {
        let pats = patterns.entry(article.language).or_insert_with(|| {
            def.keywords
                .iter()
                .map(|k| keyword_keys(k, article.language))
                .collect()
        });
        for p in article.paragraphs.iter().filter(|p| p.kind == Kind::Body) {
            let keys: Vec<&str> = p
                .tokens
                .iter()
                .filter(|t| !t.stop)
                .map(|t| t.key.as_str())
                .collect();
            let all: Vec<&str> = p.tokens.iter().map(|t| t.key.as_str()).collect();
            let n = pats
                .iter()
                .filter(|pat| {
                    !pat.is_empty() && (contains_run(&keys, pat) || contains_run(&all, pat))
                })
                .count();
            if n > 0 {
                hits.insert(
                    ParaRef {
                        article: a,
                        paragraph: p.index,
                    },
                    n,
                );
            }
        }
    }
    hits
}

/// The keys a keyword is matched by: its content words, or all its words if it has none.
pub fn keyword_keys(keyword: &str, lang: Language) -> Vec<String> {
    let tokens = tokenize(keyword, lang);
    let content: Vec<String> = tokens
        .iter()
        .filter(|t| !t.stop)
        .map(|t| t.key.clone())
        .collect();
    if content.is_empty() {
        tokens.into_iter().map(|t| t.key).collect()
    } else {
        content
    }
}

/// Does `hay` contain `needle` as a run of consecutive items?
pub fn contains_run(hay: &[&str], needle: &[String]) -> bool {
    !needle.is_empty()
        && hay
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(a, b)| *a == b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ingest::article_from_text;

    fn article(id: &str, text: &str) -> Article {
        article_from_text(id.into(), format!("{id}.txt"), text)
    }

    fn def(id: &str, keywords: &[&str]) -> TopicDef {
        TopicDef {
            id: id.into(),
            label: id.into(),
            keywords: keywords.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn keywords_match_across_case_accents_and_endings() {
        let arts = vec![
            article("a", "Les cyberattaques ont visé le site.\nAutre chose ici."),
            article("b", "Une CYBERATTAQUE massive a eu lieu.\nRien à voir ici."),
        ];
        let topics = align(
            &arts,
            &[def("t", &["cyberattaque"])],
            AlignOptions::default(),
        );
        let members: Vec<_> = topics[0]
            .members
            .iter()
            .map(|m| (m.at.article, m.at.paragraph))
            .collect();
        assert_eq!(members, vec![(0, 0), (1, 0)]);
    }

    #[test]
    fn phrases_must_match_as_runs() {
        let hay = ["problem", "techniqu"];
        assert!(contains_run(&hay, &["problem".into(), "techniqu".into()]));
        assert!(!contains_run(&hay, &["techniqu".into(), "problem".into()]));
    }

    #[test]
    fn boilerplate_and_headings_are_never_aligned() {
        let arts = vec![article(
            "a",
            "Lire aussi : la panne du siècle\nPanne géante\nLa panne a duré.",
        )];
        let topics = align(&arts, &[def("t", &["panne"])], AlignOptions::default());
        let members: Vec<_> = topics[0].members.iter().map(|m| m.at.paragraph).collect();
        assert_eq!(members, vec![2]);
    }
}
