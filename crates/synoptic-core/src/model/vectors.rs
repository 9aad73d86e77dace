//! TF-IDF vectors over the body paragraphs of a corpus, and cosine similarity between them.

use crate::lang::hashed::ByHash;
use crate::model::article::{Article, Kind, Paragraph};
use crate::parallel::{map, map_parts};

/// Where a paragraph lives: article index and paragraph index, both into the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParaRef {
    pub article: usize,
    pub paragraph: usize,
}

impl ParaRef {
    /// The paragraph this names among `articles`.
    pub fn paragraph_in(self, articles: &[Article]) -> &Paragraph {
        &articles[self.article].paragraphs[self.paragraph]
    }
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
        // Each part's ids in the corpus's numbering.
        let globals: Vec<Vec<u32>> = parts
            .iter()
            .map(|part| {
                let ids = part.first_used.iter().map(|&hash| {
                    let next = space.terms.len() as u32;
                    *space.terms.entry(hash).or_insert(next)
                });
                ids.collect()
            })
            .collect();
        space.df = vec![0; space.terms.len()];
        for (part, global) in parts.iter().zip(&globals) {
            for &(id, _) in part.counts.iter().flatten() {
                space.df[global[id as usize] as usize] += 1;
            }
            space.units.extend(&part.units);
        }
        let mut vectors = Vec::with_capacity(space.units.len());
        for (part, global) in parts.iter().zip(&globals) {
            // Renumbered, a part's counts are no longer sorted by id: `normalised` sorts them.
            vectors.extend(map(&part.counts, UNITS_PER_THREAD, |tf| {
                let v = tf
                    .iter()
                    .map(|&(id, c)| {
                        let id = global[id as usize];
                        (id, (1.0 + (c as f32).ln()) * space.idf(id))
                    })
                    .collect();
                normalised(v)
            }));
        }
        space.vectors = vectors;
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
/// Paragraphs worth a thread when weighing their terms.
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

/// Several vectors indexed by term: for each term id, which of them hold it and with what
/// weight. One vector's dot products with all of them then cost only the terms they share,
/// not a pass over every one of them.
pub struct ByTerm {
    /// `entries[starts[id]..starts[id + 1]]` hold term `id`: (vector, weight), in the
    /// vectors' order.
    starts: Vec<usize>,
    entries: Vec<(u32, f32)>,
}

impl ByTerm {
    /// Index `vectors`, whose term ids are below `terms`.
    pub fn new(vectors: &[Vector], terms: usize) -> Self {
        let mut starts = vec![0usize; terms + 1];
        for &(id, _) in vectors.iter().flatten() {
            starts[id as usize + 1] += 1;
        }
        for i in 0..terms {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut entries = vec![(0u32, 0.0f32); starts[terms]];
        for (k, v) in vectors.iter().enumerate() {
            for &(id, w) in v {
                let at = &mut next[id as usize];
                entries[*at] = (k as u32, w);
                *at += 1;
            }
        }
        ByTerm { starts, entries }
    }

    /// Add `v`'s dot product with each indexed vector to `out` (one slot per vector). Each
    /// product is summed in the order of `v`'s terms, as `cosine` sums it.
    pub fn add_dots(&self, v: &[(u32, f32)], out: &mut [f32]) {
        for &(id, w) in v {
            let id = id as usize;
            for &(k, weight) in &self.entries[self.starts[id]..self.starts[id + 1]] {
                out[k as usize] += w * weight;
            }
        }
    }
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
    let vectors: Vec<&Vector> = vectors.into_iter().collect();
    let terms = vectors
        .iter()
        .filter_map(|v| v.last())
        .map(|&(id, _)| id as usize + 1)
        .max()
        .unwrap_or(0);
    // Summed by term id in a dense array: each term's weights are added in the order of the
    // vectors, as a stable sort of all of them would add them.
    let mut dense = vec![0.0f32; terms];
    let mut held = vec![false; terms];
    let mut ids: Vec<u32> = Vec::new();
    for &(id, w) in vectors.into_iter().flatten() {
        let at = id as usize;
        if !held[at] {
            held[at] = true;
            ids.push(id);
        }
        dense[at] += w;
    }
    ids.sort_unstable();
    normalised(ids.into_iter().map(|id| (id, dense[id as usize])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vector_is_sorted_and_of_unit_length_and_one_of_no_weight_stays_zero() {
        let v = normalised(vec![(4, 3.0), (1, 4.0)]);
        assert_eq!(v, [(1, 0.8), (4, 0.6)]);
        // A paragraph whose words all weigh nothing: no division by zero, no NaN.
        assert_eq!(normalised(vec![(2, 0.0), (1, 0.0)]), [(1, 0.0), (2, 0.0)]);
        assert!(normalised(Vec::new()).is_empty());
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
        // The whole corpus as one part: ids in order of first use in the corpus.
        let whole = count_part(0, &articles);
        let terms: ByHash<u32> = whole
            .first_used
            .iter()
            .zip(0..)
            .map(|(&h, id)| (h, id))
            .collect();
        assert_eq!(space.terms, terms);
        assert_eq!(space.units, whole.units);
        for (v, tf) in space.vectors.iter().zip(&whole.counts) {
            let ids: Vec<u32> = tf.iter().map(|&(id, _)| id).collect();
            assert_eq!(v.iter().map(|&(id, _)| id).collect::<Vec<_>>(), ids);
        }
        assert!(space.units.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn dots_by_term_are_the_cosines_bit_for_bit() {
        let vectors: Vec<Vector> = vec![
            normalised(vec![(0, 0.3), (2, 1.7), (5, 0.2)]),
            normalised(vec![(1, 1.0)]),
            Vec::new(),
            normalised(vec![(2, 0.1), (3, 2.5), (5, 0.9), (6, 0.4)]),
        ];
        let by_term = ByTerm::new(&vectors, 7);
        for v in &vectors {
            let mut dots = vec![0.0f32; vectors.len()];
            by_term.add_dots(v, &mut dots);
            let cosines: Vec<f32> = vectors.iter().map(|c| cosine(v, c)).collect();
            assert_eq!(dots, cosines);
        }
    }

    proptest::proptest! {
        #[test]
        fn centroid_adds_each_term_in_the_order_of_the_vectors(
            raw in proptest::collection::vec(
                proptest::collection::btree_map(0u32..40, 0.001f32..3.0, 0..12), 0..8),
        ) {
            let vectors: Vec<Vector> = raw.into_iter().map(|m| normalised(m.into_iter().collect())).collect();
            // A stable sort of every weight, then each term's run summed in order.
            let mut all: Vec<(u32, f32)> = vectors.iter().flatten().copied().collect();
            all.sort_by_key(|&(id, _)| id);
            let mut sum: Vec<(u32, f32)> = Vec::new();
            for (id, w) in all {
                match sum.last_mut() {
                    Some((last, total)) if *last == id => *total += w,
                    _ => sum.push((id, w)),
                }
            }
            proptest::prop_assert_eq!(centroid(&vectors), normalised(sum));
        }
    }

    #[test]
    fn a_word_weighs_its_log_count_times_its_rarity() {
        let text = "Titre du jour\n\nAlpha alpha beta.\n\nBeta gamma.\n\nGamma delta.";
        let article = crate::input::ingest::article_from_text("a".into(), "a.txt".into(), text);
        let space = TermSpace::build(&[article]);
        assert_eq!(space.units.len(), 3);
        assert_eq!(space.df, vec![1, 2, 2, 1]);
        // idf = ln((3 + 1) / (df + 1)) + 1; weight = (1 + ln tf) * idf, then unit length.
        let (alpha, beta) = (
            (1.0 + 2f32.ln()) * (2f32.ln() + 1.0),
            (4f32 / 3.0).ln() + 1.0,
        );
        let norm = (alpha * alpha + beta * beta).sqrt();
        let weights: Vec<f32> = space.vectors[0].iter().map(|&(_, w)| w).collect();
        assert!((weights[0] - alpha / norm).abs() < 1e-6, "{weights:?}");
        assert!((weights[1] - beta / norm).abs() < 1e-6, "{weights:?}");
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
