//! Discovered topics: left-over paragraphs that two or more articles cover alike, clustered and
//! labelled with their most telling words.

use std::collections::{BTreeSet, HashMap};

use super::align::{Member, Origin, Topic};
use super::article::Article;
use super::text::fold;
use super::vectors::{ParaRef, TermSpace, Vector, centroid, cosine};

/// How many nearest candidates each paragraph is compared with exactly.
const CANDIDATES: usize = 12;
/// How many of a paragraph's terms are used to look for its candidates.
const PROBES: usize = 8;

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
/// Each unit is compared exactly only with its likeliest partners: those that score highest
/// on its rarer terms (a bounded accumulator), so the work stays near-linear in the corpus.
fn candidate_pairs(space: &TermSpace, free: &[usize], threshold: f32) -> Vec<(f32, usize, usize)> {
    let n = space.units.len();
    let limit = ((n as f32).sqrt() as u32).max(8);
    let mut postings: Postings = HashMap::new();
    for &u in free {
        for &(id, w) in &space.vectors[u] {
            if space.df[id as usize] <= limit {
                postings.entry(id).or_default().push((u, w));
            }
        }
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .min(8);
    let mut pairs: Vec<(f32, usize, usize)> = if threads < 2 || free.len() < 512 {
        pairs_from(space, &postings, free, threshold)
    } else {
        let chunk = free.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = free
                .chunks(chunk)
                .map(|part| scope.spawn(|| pairs_from(space, &postings, part, threshold)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    pairs.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
    pairs
}

/// Rare terms and the units that hold them, with their weights.
type Postings = HashMap<u32, Vec<(usize, f32)>>;

/// The candidate pairs of the units in `part`.
fn pairs_from(
    space: &TermSpace,
    postings: &Postings,
    part: &[usize],
    threshold: f32,
) -> Vec<(f32, usize, usize)> {
    let mut acc = vec![0.0f32; space.units.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    let mut probes: Vec<(u32, f32)> = Vec::new();
    for &u in part {
        // A paragraph's heaviest rare terms are enough to find the paragraphs most like it.
        probes.clear();
        probes.extend(
            space.vectors[u]
                .iter()
                .filter(|(id, _)| postings.contains_key(id)),
        );
        if probes.len() > PROBES {
            probes.select_nth_unstable_by(PROBES, |a, b| b.1.total_cmp(&a.1));
            probes.truncate(PROBES);
        }
        for (id, w) in &probes {
            for &(v, wv) in postings.get(id).map_or(&[][..], Vec::as_slice) {
                if v != u && space.units[u].article != space.units[v].article {
                    if acc[v] == 0.0 {
                        touched.push(v);
                    }
                    acc[v] += w * wv;
                }
            }
        }
        if touched.len() > CANDIDATES {
            touched.select_nth_unstable_by(CANDIDATES, |a, b| acc[*b].total_cmp(&acc[*a]));
        }
        for &v in touched.iter().take(CANDIDATES) {
            let sim = cosine(&space.vectors[u], &space.vectors[v]);
            if sim >= threshold {
                pairs.push((sim, u.min(v), u.max(v)));
            }
        }
        for &v in &touched {
            acc[v] = 0.0;
        }
        touched.clear();
    }
    pairs
}

/// A running cluster centre: the sum of its members' vectors and its squared norm.
struct Centre {
    sum: HashMap<u32, f32>,
    norm2: f32,
}

impl Centre {
    fn of(v: &Vector) -> Centre {
        Centre {
            sum: v.iter().copied().collect(),
            norm2: v.iter().map(|(_, w)| w * w).sum(),
        }
    }

    fn cosine(&self, other: &Centre) -> f32 {
        let (small, large) = if self.sum.len() <= other.sum.len() {
            (self, other)
        } else {
            (other, self)
        };
        let dot: f32 = small
            .sum
            .iter()
            .filter_map(|(id, w)| large.sum.get(id).map(|x| w * x))
            .sum();
        let norms = (self.norm2 * other.norm2).sqrt();
        if norms > 0.0 { dot / norms } else { 0.0 }
    }

    fn absorb(&mut self, other: Centre) {
        for (id, w) in other.sum {
            let slot = self.sum.entry(id).or_default();
            self.norm2 += 2.0 * *slot * w + w * w;
            *slot += w;
        }
    }
}

/// Greedy agglomeration, best pair first: two clusters merge only while their centres stay
/// at least `threshold` alike, so chains of loosely related paragraphs do not snowball.
fn cluster(
    space: &TermSpace,
    free: &[usize],
    pairs: Vec<(f32, usize, usize)>,
    threshold: f32,
) -> Vec<Vec<usize>> {
    let mut owner: HashMap<usize, usize> = free.iter().enumerate().map(|(i, &u)| (u, i)).collect();
    let mut members: Vec<Vec<usize>> = free.iter().map(|&u| vec![u]).collect();
    let mut centres: Vec<Option<Centre>> = free
        .iter()
        .map(|&u| Some(Centre::of(&space.vectors[u])))
        .collect();
    for (_, u, v) in pairs {
        let (mut a, mut b) = (owner[&u], owner[&v]);
        if a == b {
            continue;
        }
        if members[a].len() < members[b].len() {
            std::mem::swap(&mut a, &mut b);
        }
        let alike = match (&centres[a], &centres[b]) {
            (Some(x), Some(y)) => x.cosine(y) >= threshold,
            _ => false,
        };
        if !alike {
            continue;
        }
        let moved = std::mem::take(&mut members[b]);
        for &m in &moved {
            owner.insert(m, a);
        }
        members[a].extend(moved);
        if let (Some(taken), Some(centre)) = (centres[b].take(), centres[a].as_mut()) {
            centre.absorb(taken);
        }
    }
    members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect()
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
fn top_words(
    articles: &[Article],
    space: &TermSpace,
    units: &[usize],
    center: &Vector,
    n: usize,
) -> Vec<String> {
    // A label word should be one the members share, not one that is heavy in a single member.
    let mut spread: HashMap<u32, f32> = HashMap::new();
    for &u in units {
        for &(id, _) in &space.vectors[u] {
            *spread.entry(id).or_default() += 1.0;
        }
    }
    let mut weighted: Vec<(f32, u32)> = center
        .iter()
        .map(|&(id, w)| (w * spread[&id], id))
        .collect();
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let wanted: HashMap<u32, usize> = weighted
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, &(_, id))| (id, i))
        .collect();
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
                *forms[wanted[id]]
                    .entry(&p.text[t.range.clone()])
                    .or_default() += 1;
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
    format!(
        "auto-{}",
        if trimmed.is_empty() {
            "topic"
        } else {
            &trimmed
        }
    )
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
            article_from_text(
                "a".into(),
                "a".into(),
                "Le volcan Etna est entré en éruption hier soir.\nLa bourse a monté.",
            ),
            article_from_text(
                "b".into(),
                "b".into(),
                "Une éruption du volcan Etna a surpris hier les habitants.\nLe football reprend.",
            ),
        ];
        let space = TermSpace::build(&arts);
        let topics = discover(&arts, &space, &BTreeSet::new(), &BTreeSet::new(), 0.3);
        assert_eq!(topics.len(), 1);
        let t = &topics[0];
        assert_eq!(t.origin, Origin::Discovered);
        assert!(t.id.starts_with("auto-"));
        let at: Vec<_> = t
            .members
            .iter()
            .map(|m| (m.at.article, m.at.paragraph))
            .collect();
        assert_eq!(at, vec![(0, 0), (1, 0)]);
    }
}
