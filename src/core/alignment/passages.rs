//! The graph discovery groups: passages linked to the most alike passages of other articles and
//! to their neighbours in reading order. A passage that several articles carry word for word (a
//! quotation, wire copy) is one node, linked to each of its contexts.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::community::{Graph, communities, numbered};
use crate::core::measure::AlignOptions;
use crate::core::vectors::{TermSpace, Vector};

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
fn nearest(
    space: &TermSpace,
    vectors: &[Vector],
    sample: &[usize],
    k: usize,
) -> Vec<Vec<(f32, usize)>> {
    let mut dense = vec![0.0f32; space.df.len()];
    let article = |i: usize| space.units[sample[i]].article;
    (0..sample.len())
        .map(|i| {
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
        .collect()
}

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
