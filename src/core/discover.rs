//! Discovered topics: left-over paragraphs that two or more articles cover alike, clustered and
//! labelled with their most telling words.

use std::collections::{BTreeSet, HashMap};

use super::align::{Member, Origin, Topic};
use super::article::Article;
use super::text::fold;
use super::vectors::{ParaRef, TermSpace, Vector, centroid, cosine};

/// Terms in more than this share of paragraphs say little about a pair; they are not used to
/// find candidate pairs (they still count in the similarity itself).
const COMMON_TERM_SHARE: f32 = 0.2;

/// Cluster the body paragraphs not in `claimed` into topics covered by at least two articles.
pub fn discover(
    articles: &[Article],
    space: &TermSpace,
    claimed: &BTreeSet<ParaRef>,
    taken_ids: &BTreeSet<String>,
    threshold: f32,
) -> Vec<Topic> {
    let free: Vec<usize> = (0..space.units.len())
        .filter(|&u| !claimed.contains(&space.units[u]))
        .collect();
    let pairs = candidate_pairs(space, &free, threshold);
    let clusters = cluster(space, &free, pairs, threshold);
    let mut topics: Vec<Topic> = clusters
        .into_iter()
        .filter(|c| {
            c.iter()
                .map(|&u| space.units[u].article)
                .collect::<BTreeSet<_>>()
                .len()
                >= 2
        })
        .map(|c| make_topic(articles, space, &c))
        .collect();
    topics.sort_by(|a, b| {
        b.articles()
            .len()
            .cmp(&a.articles().len())
            .then(b.members.len().cmp(&a.members.len()))
    });
    let mut used = taken_ids.clone();
    for t in &mut topics {
        t.id = unique_slug(&t.id, &mut used);
    }
    topics
}

/// Pairs of free units from different articles with cosine at or above `threshold`, best first.
fn candidate_pairs(space: &TermSpace, free: &[usize], threshold: f32) -> Vec<(f32, usize, usize)> {
    let limit = ((space.units.len() as f32 * COMMON_TERM_SHARE) as u32).max(3);
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for &u in free {
        for &(id, _) in &space.vectors[u] {
            if space.df[id as usize] <= limit {
                postings.entry(id).or_default().push(u);
            }
        }
    }
    let mut pairs = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for &u in free {
        seen.clear();
        for &(id, _) in &space.vectors[u] {
            if let Some(list) = postings.get(&id) {
                seen.extend(list.iter().copied().filter(|&v| v > u));
            }
        }
        seen.sort_unstable();
        seen.dedup();
        for &v in &seen {
            if space.units[u].article == space.units[v].article {
                continue;
            }
            let sim = cosine(&space.vectors[u], &space.vectors[v]);
            if sim >= threshold {
                pairs.push((sim, u, v));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    pairs
}

/// Greedy agglomeration, best pair first: two clusters merge only while their centroids stay
/// at least `threshold` alike, so chains of loosely related paragraphs do not snowball.
fn cluster(
    space: &TermSpace,
    free: &[usize],
    pairs: Vec<(f32, usize, usize)>,
    threshold: f32,
) -> Vec<Vec<usize>> {
    let mut owner: HashMap<usize, usize> = free.iter().enumerate().map(|(i, &u)| (u, i)).collect();
    let mut members: Vec<Vec<usize>> = free.iter().map(|&u| vec![u]).collect();
    let mut centers: Vec<Vector> = free.iter().map(|&u| space.vectors[u].clone()).collect();
    for (_, u, v) in pairs {
        let (a, b) = (owner[&u], owner[&v]);
        if a == b || cosine(&centers[a], &centers[b]) < threshold {
            continue;
        }
        let moved = std::mem::take(&mut members[b]);
        for &m in &moved {
            owner.insert(m, a);
        }
        members[a].extend(moved);
        members[a].sort_unstable();
        centers[a] = centroid(members[a].iter().map(|&m| &space.vectors[m]));
        centers[b].clear();
    }
    members.into_iter().filter(|m| m.len() >= 2).collect()
}

fn make_topic(articles: &[Article], space: &TermSpace, units: &[usize]) -> Topic {
    let center = centroid(units.iter().map(|&u| &space.vectors[u]));
    let words = top_words(articles, space, units, &center, 3);
    let members = units
        .iter()
        .map(|&u| Member {
            at: space.units[u],
            score: cosine(&space.vectors[u], &center),
        })
        .collect();
    Topic {
        id: slug(&words),
        label: words.join(", "),
        origin: Origin::Discovered,
        keywords: Vec::new(),
        members,
    }
}

/// The `n` heaviest terms of the centroid, each shown as its most frequent surface form.
fn top_words(articles: &[Article], space: &TermSpace, units: &[usize], center: &Vector, n: usize) -> Vec<String> {
    // A label word should be one the members share, not one that is heavy in a single member.
    let mut spread: HashMap<u32, f32> = HashMap::new();
    for &u in units {
        for &(id, _) in &space.vectors[u] {
            *spread.entry(id).or_default() += 1.0;
        }
    }
    let mut weighted: Vec<(f32, u32)> = center.iter().map(|&(id, w)| (w * spread[&id], id)).collect();
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let wanted: HashMap<u32, usize> = weighted.iter().take(n).enumerate().map(|(i, &(_, id))| (id, i)).collect();
    let by_key: HashMap<&str, u32> = space
        .terms
        .iter()
        .filter(|(_, id)| wanted.contains_key(id))
        .map(|(k, &id)| (k.as_str(), id))
        .collect();
    let mut forms: Vec<HashMap<&str, usize>> = vec![HashMap::new(); wanted.len()];
    for &u in units {
        let r = space.units[u];
        let p = &articles[r.article].paragraphs[r.paragraph];
        for t in &p.tokens {
            if let Some(id) = by_key.get(t.key.as_str()) {
                *forms[wanted[id]].entry(&p.text[t.range.clone()]).or_default() += 1;
            }
        }
    }
    forms
        .into_iter()
        .filter_map(|f| {
            f.into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map(|(w, _)| w.to_owned())
        })
        .collect()
}

fn slug(words: &[String]) -> String {
    let joined = words
        .iter()
        .map(|w| {
            fold(w)
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-");
    let trimmed: String = joined.trim_matches('-').chars().take(40).collect();
    format!("auto-{}", if trimmed.is_empty() { "topic" } else { &trimmed })
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
mod tests {
    use super::*;
    use crate::core::ingest::article_from_text;

    #[test]
    fn paragraphs_two_articles_share_become_a_topic() {
        let arts = vec![
            article_from_text("a".into(), "a".into(), "Le volcan Etna est entré en éruption hier soir.\nLa bourse a monté."),
            article_from_text("b".into(), "b".into(), "Une éruption du volcan Etna a surpris hier les habitants.\nLe football reprend."),
        ];
        let space = TermSpace::build(&arts);
        let topics = discover(&arts, &space, &BTreeSet::new(), &BTreeSet::new(), 0.3);
        assert_eq!(topics.len(), 1);
        let t = &topics[0];
        assert_eq!(t.origin, Origin::Discovered);
        assert!(t.id.starts_with("auto-"));
        let at: Vec<_> = t.members.iter().map(|m| (m.at.article, m.at.paragraph)).collect();
        assert_eq!(at, vec![(0, 0), (1, 0)]);
    }
}
