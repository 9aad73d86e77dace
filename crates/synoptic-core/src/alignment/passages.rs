//! The graph discovery groups: passages linked to the most alike passages of other articles and
//! to their neighbours in reading order. A passage that several articles carry word for word (a
//! quotation, wire copy) is one node, linked to each of its contexts.

use std::collections::{BTreeMap, BTreeSet};

use crate::alignment::community::{Graph, communities, numbered};
use crate::alignment::measure::AlignOptions;
use crate::model::vectors::{TermSpace, Vector};
use crate::parallel::map_parts;

/// Two paragraphs at least this alike (cosine) are one passage told twice.
const DUPLICATE: f32 = 0.9;

/// The passage graph of a sample of units.
pub struct PassageGraph {
    graph: Graph,
    /// The node of each sampled unit.
    node_of: Vec<usize>,
}

/// The free units to group: all of them, or whole articles spread evenly through the corpus
/// until `cap` units, since grouping costs the square of their count. Discovery only needs
/// enough of each topic to describe it; alignment then reaches every paragraph.
pub fn sample(space: &TermSpace, free: &[usize], cap: usize) -> Vec<usize> {
    if free.len() <= cap {
        return free.to_vec();
    }
    let articles: BTreeSet<usize> = free.iter().map(|&u| space.units[u].article).collect();
    let share = cap as f64 / free.len() as f64;
    let step = (1.0 / share).ceil() as usize;
    let kept: BTreeSet<usize> = articles.into_iter().step_by(step.max(1)).collect();
    free.iter()
        .copied()
        .filter(|&u| kept.contains(&space.units[u].article))
        .take(cap)
        .collect()
}

impl PassageGraph {
    /// Link each sampled unit (an index into `space.units`, with its vector at the same
    /// position in `vectors`) to its most alike units in other articles and to its
    /// reading-order neighbours, then fold near-duplicates into one node.
    pub fn build(
        space: &TermSpace,
        vectors: &[Vector],
        breaks: &[bool],
        sample: &[usize],
        opts: &AlignOptions,
    ) -> PassageGraph {
        let near = nearest(space, vectors, sample, opts.discover_neighbours);
        let node_of = duplicate_classes(&near);
        let nodes = node_of.iter().max().map_or(0, |m| m + 1);
        let mut edges: Vec<BTreeMap<usize, f32>> = vec![BTreeMap::new(); nodes];
        let (mut sum, mut count) = (0.0f32, 0usize);
        for (i, links) in near.iter().enumerate() {
            for &(s, j) in links {
                let (a, b) = (node_of[i], node_of[j]);
                if a == b {
                    continue;
                }
                sum += s;
                count += 1;
                for (x, y) in [(a, b), (b, a)] {
                    let w = edges[x].entry(y).or_default();
                    *w = w.max(s);
                }
            }
        }
        let context = opts.discover_context * sum / count.max(1) as f32;
        for i in 0..sample.len().saturating_sub(1) {
            let (u, v) = (sample[i], sample[i + 1]);
            let (a, b) = (node_of[i], node_of[i + 1]);
            let linked = v == u + 1 && space.units[v].article == space.units[u].article;
            if linked && !breaks[v] && a != b {
                *edges[a].entry(b).or_default() += context;
                *edges[b].entry(a).or_default() += context;
            }
        }
        PassageGraph {
            graph: edges.into_iter().map(|m| m.into_iter().collect()).collect(),
            node_of,
        }
    }

    /// The community of each sampled unit (see `community::communities`).
    pub fn communities(&self, resolution: f32) -> Vec<usize> {
        let of_node = communities(&self.graph, resolution);
        self.node_of.iter().map(|&n| of_node[n]).collect()
    }
}

/// For each sampled unit, its `k` most alike units of other articles: (cosine, sample index).
/// Each unit's row is independent of the others: the rows are worked out on all cores.
fn nearest(
    space: &TermSpace,
    vectors: &[Vector],
    sample: &[usize],
    k: usize,
) -> Vec<Vec<(f32, usize)>> {
    let article = |i: usize| space.units[sample[i]].article;
    let rows: Vec<usize> = (0..sample.len()).collect();
    let parts = map_parts(&rows, NEAREST_PER_THREAD, |_, part| {
        let mut dense = vec![0.0f32; space.df.len()];
        part.iter()
            .map(|&i| {
                // Dense by term id: each cosine then costs only the other paragraph's terms.
                for &(id, w) in &vectors[i] {
                    dense[id as usize] = w;
                }
                let mut near: Vec<(f32, usize)> = (0..sample.len())
                    .filter(|&j| article(j) != article(i))
                    .map(|j| {
                        let dot = vectors[j].iter().map(|&(id, w)| w * dense[id as usize]);
                        (dot.sum(), j)
                    })
                    .filter(|&(s, _)| s > 0.0)
                    .collect();
                for &(id, _) in &vectors[i] {
                    dense[id as usize] = 0.0;
                }
                near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                near.truncate(k);
                near
            })
            .collect::<Vec<_>>()
    });
    parts.into_iter().flatten().collect()
}

/// Rows of the graph worth a thread: each costs a pass over every sampled unit.
const NEAREST_PER_THREAD: usize = 64;

/// Number the classes of near-duplicate units from 0, in order of first unit.
fn duplicate_classes(near: &[Vec<(f32, usize)>]) -> Vec<usize> {
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..near.len()).collect();
    for (i, links) in near.iter().enumerate() {
        for &(_, j) in links.iter().filter(|l| l.0 >= DUPLICATE) {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let roots: Vec<usize> = (0..near.len()).map(|i| root(&mut parent, i)).collect();
    numbered(&roots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vectors::ParaRef;

    /// A space of `per_article[a]` units for each article `a`, with the given vectors.
    fn space(per_article: &[usize], vectors: &[Vector]) -> TermSpace {
        let units: Vec<ParaRef> = per_article
            .iter()
            .enumerate()
            .flat_map(|(article, &n)| (0..n).map(move |paragraph| ParaRef { article, paragraph }))
            .collect();
        TermSpace {
            vectors: vectors.to_vec(),
            df: vec![1; 8],
            units,
            ..TermSpace::default()
        }
    }

    #[test]
    fn a_small_pool_is_grouped_whole() {
        let space = space(&[3, 3], &[]);
        assert_eq!(sample(&space, &[0, 2, 3, 5], 4), vec![0, 2, 3, 5]);
    }

    #[test]
    fn a_large_pool_keeps_whole_articles_spread_evenly() {
        let space = space(&[3; 10], &[]);
        let free: Vec<usize> = (0..30).collect();
        // 12 of 30 units: every third article, all its units.
        let kept = sample(&space, &free, 12);
        let articles: BTreeSet<usize> = kept.iter().map(|&u| space.units[u].article).collect();
        assert_eq!(articles, BTreeSet::from([0, 3, 6, 9]));
        assert_eq!(kept.len(), 12);
        // Never more than the cap.
        assert_eq!(sample(&space, &free, 11).len(), 11);
    }

    /// Two articles of two paragraphs; each paragraph is like one of the other article (cosine
    /// 0.6), in the same order.
    fn two_by_two() -> TermSpace {
        let vectors = [
            vec![(0, 1.0)],
            vec![(1, 1.0)],
            vec![(0, 0.6), (2, 0.8)],
            vec![(1, 0.6), (3, 0.8)],
        ];
        space(&[2, 2], &vectors)
    }

    #[test]
    fn passages_link_to_their_likes_and_their_neighbours_in_the_article() {
        let space = two_by_two();
        let opts = AlignOptions::default();
        let g = PassageGraph::build(&space, &space.vectors, &[false; 4], &[0, 1, 2, 3], &opts);
        // Reading order weighs `discover_context` times the mean likeness of linked passages.
        let context = opts.discover_context * 0.6;
        assert_eq!(g.node_of, vec![0, 1, 2, 3]);
        assert_eq!(
            g.graph,
            vec![
                vec![(1, context), (2, 0.6)],
                vec![(0, context), (3, 0.6)],
                vec![(0, 0.6), (3, context)],
                vec![(1, 0.6), (2, context)],
            ],
            "the last paragraph of one article is no neighbour of the first of the next"
        );
    }

    #[test]
    fn a_heading_cuts_the_reading_order_link() {
        let space = two_by_two();
        let breaks = [false, false, false, true];
        let opts = AlignOptions::default();
        let g = PassageGraph::build(&space, &space.vectors, &breaks, &[0, 1, 2, 3], &opts);
        assert_eq!(g.graph[2], vec![(0, 0.6)]);
    }

    #[test]
    fn a_passage_told_twice_is_one_node() {
        let vectors = [vec![(0, 1.0)], vec![(1, 1.0)], vec![(0, 1.0)]];
        let space = space(&[2, 1], &vectors);
        let opts = AlignOptions::default();
        let g = PassageGraph::build(&space, &space.vectors, &[false; 3], &[0, 1, 2], &opts);
        assert_eq!(g.node_of, vec![0, 1, 0]);
        assert_eq!(g.communities(1.0).len(), 3);
    }
}
