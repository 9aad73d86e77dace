//! TF-IDF vectors over the body paragraphs of a corpus, and cosine similarity between them.

use crate::lang::hashed::ByHash;
use crate::model::article::{Article, Kind};
use crate::parallel::{map, map_parts};

/// Where a paragraph lives: article index and paragraph index, both into the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParaRef {
    pub article: usize,
    pub paragraph: usize,
}

/// A sparse, L2-normalised vector: (term id, weight), sorted by term id.
pub type Vector = Vec<(u32, f32)>;

/// Weighted term vectors for every body paragraph of a corpus.
#[derive(Debug, Default)]
pub struct TermSpace {
    /// Body paragraphs in corpus order; `vectors[i]` belongs to `units[i]`.
    pub units: Vec<ParaRef>,
    pub vectors: Vec<Vector>,
    /// For each term id, how many units contain it.
    pub df: Vec<u32>,
    /// Term ids by the hash of their key (`Token::hash`).
    pub terms: ByHash<u32>,
}

impl TermSpace {
    /// Build the space from the body paragraphs of `articles`. Term ids are numbered in order
    /// of first use in the corpus; parts of the corpus are counted on all cores, each with
    /// ids of its own, then renumbered in that order.
    pub fn build(articles: &[Article]) -> Self {
        let parts = map_parts(articles, ARTICLES_PER_THREAD, count_part);
        let mut space = TermSpace::default();
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::new();
        for part in parts {
            let global: Vec<u32> = part
                .first_used
                .iter()
                .map(|&hash| {
                    let next = space.terms.len() as u32;
                    *space.terms.entry(hash).or_insert(next)
                })
                .collect();
            space.units.extend(part.units);
            // Renumbered, a part's counts are no longer sorted by id: `normalised` sorts them.
            counts.extend(map(&part.counts, UNITS_PER_THREAD, |tf| {
                tf.iter()
                    .map(|&(id, c)| (global[id as usize], c))
                    .collect::<Vec<_>>()
            }));
        }
        space.df = vec![0; space.terms.len()];
        for tf in &counts {
            for &(id, _) in tf {
                space.df[id as usize] += 1;
            }
        }
        space.vectors = map(&counts, UNITS_PER_THREAD, |tf| {
            let v = tf
                .iter()
                .map(|&(id, c)| (id, (1.0 + (c as f32).ln()) * space.idf(id)))
                .collect();
            normalised(v)
        });
        space
    }

    /// Inverse document frequency of a term id.
    pub fn idf(&self, id: u32) -> f32 {
        let n = self.units.len() as f32;
        ((n + 1.0) / (self.df[id as usize] as f32 + 1.0)).ln() + 1.0
    }
}

/// Articles worth a thread when counting their terms.
const ARTICLES_PER_THREAD: usize = 64;
/// Paragraphs worth a thread when renumbering or weighing their terms.
const UNITS_PER_THREAD: usize = 1024;

/// The terms of a part of the corpus: its body paragraphs, the (term id, count) pairs of each,
/// sorted by id, and the terms' hashes by id, which is their order of first use in the part.
struct PartCounts {
    units: Vec<ParaRef>,
    counts: Vec<Vec<(u32, u32)>>,
    first_used: Vec<u64>,
}

/// Count the telling words of the body paragraphs of `articles` (the first is article
/// `start` of the corpus).
fn count_part(start: usize, articles: &[Article]) -> PartCounts {
    let mut ids: ByHash<u32> = ByHash::default();
    let mut part = PartCounts {
        units: Vec::new(),
        counts: Vec::new(),
        first_used: Vec::new(),
    };
    let mut ids_of_unit: Vec<u32> = Vec::new();
    for (k, article) in articles.iter().enumerate() {
        for p in article.paragraphs.iter().filter(|p| p.kind == Kind::Body) {
            ids_of_unit.clear();
            for t in p.tokens.iter().filter(|t| t.is_telling()) {
                let next = part.first_used.len() as u32;
                let id = *ids.entry(t.hash).or_insert(next);
                if id == next {
                    part.first_used.push(t.hash);
                }
                ids_of_unit.push(id);
            }
            ids_of_unit.sort_unstable();
            let mut tf: Vec<(u32, u32)> = Vec::new();
            for &id in &ids_of_unit {
                match tf.last_mut() {
                    Some((last, c)) if *last == id => *c += 1,
                    _ => tf.push((id, 1)),
                }
            }
            part.units.push(ParaRef {
                article: start + k,
                paragraph: p.index,
            });
            part.counts.push(tf);
        }
    }
    part
}

/// Sort by term id and scale to unit length.
pub fn normalised(mut v: Vec<(u32, f32)>) -> Vector {
    v.sort_unstable_by_key(|&(id, _)| id);
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// Dot product of two sorted sparse vectors (their cosine, when both are normalised).
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The normalised sum of several vectors.
pub fn centroid<'v>(vectors: impl IntoIterator<Item = &'v Vector>) -> Vector {
    let mut all: Vec<(u32, f32)> = vectors.into_iter().flatten().copied().collect();
    // A stable sort: each term's weights are added in the order of the vectors.
    all.sort_by_key(|&(id, _)| id);
    let mut sum: Vec<(u32, f32)> = Vec::new();
    for (id, w) in all {
        match sum.last_mut() {
            Some((last, total)) if *last == id => *total += w,
            _ => sum.push((id, w)),
        }
    }
    normalised(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Term ids and counts worked out in one pass over the whole corpus, in order.
    fn counted_in_one_pass(articles: &[Article]) -> (ByHash<u32>, Vec<Vec<(u32, u32)>>) {
        let mut terms: ByHash<u32> = ByHash::default();
        let mut counts = Vec::new();
        for article in articles {
            for p in article.paragraphs.iter().filter(|p| p.kind == Kind::Body) {
                let mut ids: Vec<u32> = p
                    .tokens
                    .iter()
                    .filter(|t| t.is_telling())
                    .map(|t| {
                        let next = terms.len() as u32;
                        *terms.entry(t.hash).or_insert(next)
                    })
                    .collect();
                ids.sort_unstable();
                let mut tf: Vec<(u32, u32)> = Vec::new();
                for id in ids {
                    match tf.last_mut() {
                        Some((last, c)) if *last == id => *c += 1,
                        _ => tf.push((id, 1)),
                    }
                }
                counts.push(tf);
            }
        }
        (terms, counts)
    }

    #[test]
    fn parts_counted_apart_number_terms_as_one_pass_does() {
        let vocabulary = [
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta",
        ];
        // Enough articles for several parts; later ones use words the first never do.
        let articles: Vec<Article> = (0..300)
            .map(|a| {
                let words: Vec<&str> = (0..6)
                    .map(|k| vocabulary[(a * 7 + k * a / 50) % 7])
                    .collect();
                let text = format!(
                    "Titre\n\n{} mot{}.\n\nAutre {} fin.",
                    words.join(" "),
                    a / 40,
                    a
                );
                crate::input::ingest::article_from_text(format!("{a}"), format!("{a}.txt"), &text)
            })
            .collect();
        let space = TermSpace::build(&articles);
        let (terms, counts) = counted_in_one_pass(&articles);
        assert_eq!(space.terms, terms);
        assert_eq!(space.units.len(), counts.len());
        for (v, tf) in space.vectors.iter().zip(&counts) {
            let ids: Vec<u32> = tf.iter().map(|&(id, _)| id).collect();
            assert_eq!(v.iter().map(|&(id, _)| id).collect::<Vec<_>>(), ids);
        }
        assert!(space.units.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn cosine_of_normalised_vectors() {
        let a = normalised(vec![(1, 1.0), (2, 1.0)]);
        let b = normalised(vec![(2, 1.0), (3, 1.0)]);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
        assert!((cosine(&a, &b) - 0.5).abs() < 1e-6);
        assert_eq!(cosine(&a, &[]), 0.0);
    }
}
