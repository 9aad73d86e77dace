//! TF-IDF vectors over the body paragraphs of a corpus, and cosine similarity between them.

use std::collections::HashMap;

use crate::model::article::{Article, Kind};
use crate::parallel::map;

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
    pub terms: HashMap<u64, u32>,
}

impl TermSpace {
    /// Build the space from the body paragraphs of `articles`.
    pub fn build(articles: &[Article]) -> Self {
        let mut space = TermSpace::default();
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut ids_of_unit: Vec<u32> = Vec::new();
        for (a, article) in articles.iter().enumerate() {
            for p in article.paragraphs.iter().filter(|p| p.kind == Kind::Body) {
                ids_of_unit.clear();
                for t in p.tokens.iter().filter(|t| t.is_telling()) {
                    let next = space.terms.len() as u32;
                    let id = *space.terms.entry(t.hash).or_insert(next);
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
                space.units.push(ParaRef {
                    article: a,
                    paragraph: p.index,
                });
                counts.push(tf);
            }
        }
        space.df = vec![0; space.terms.len()];
        for tf in &counts {
            for &(id, _) in tf {
                space.df[id as usize] += 1;
            }
        }
        space.vectors = map(&counts, VECTORS_PER_THREAD, |tf| {
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

/// Paragraphs worth a thread when weighing their vectors.
const VECTORS_PER_THREAD: usize = 1024;

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

    #[test]
    fn cosine_of_normalised_vectors() {
        let a = normalised(vec![(1, 1.0), (2, 1.0)]);
        let b = normalised(vec![(2, 1.0), (3, 1.0)]);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-6);
        assert!((cosine(&a, &b) - 0.5).abs() < 1e-6);
        assert_eq!(cosine(&a, &[]), 0.0);
    }
}
