//! Communities of a weighted graph by modularity (the Louvain method): groups whose members are
//! linked to each other more than the graph's overall density predicts. How many groups there
//! are comes from the graph, not from a parameter.

/// An undirected weighted graph as adjacency lists; each edge is listed from both ends, a
/// self-loop once.
pub type Graph = Vec<Vec<(usize, f32)>>;

/// The community of each node, numbered from 0 in order of first node. Deterministic: nodes are
/// visited in index order and a node moves only for a strict gain.
pub fn communities(graph: &Graph, resolution: f32) -> Vec<usize> {
    let mut of_node: Vec<usize> = (0..graph.len()).collect();
    let mut level = graph.clone();
    loop {
        let moved = numbered(&local_moving(&level, resolution));
        let count = moved.iter().max().map_or(0, |m| m + 1);
        for c in &mut of_node {
            *c = moved[*c];
        }
        if count == level.len() {
            return numbered(&of_node);
        }
        level = aggregate(&level, &moved, count);
    }
}

/// Move nodes one at a time to the neighbouring community that raises modularity most, until
/// no move helps.
fn local_moving(graph: &Graph, resolution: f32) -> Vec<usize> {
    let n = graph.len();
    let degree: Vec<f32> = graph
        .iter()
        .enumerate()
        .map(|(i, edges)| {
            edges
                .iter()
                .map(|&(j, w)| if j == i { 2.0 * w } else { w })
                .sum()
        })
        .collect();
    let total: f32 = degree.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if total <= 0.0 {
        return community;
    }
    let mut tot = degree.clone();
    let mut links = vec![0.0f32; n];
    let mut touched: Vec<usize> = Vec::new();
    // Each pass only moves nodes for a strict gain, so passes end; the cap is a safeguard.
    for _ in 0..64 {
        let mut moved = false;
        for i in 0..n {
            let own = community[i];
            tot[own] -= degree[i];
            touched.push(own);
            for &(j, w) in graph[i].iter().filter(|&&(j, _)| j != i) {
                if links[community[j]] == 0.0 {
                    touched.push(community[j]);
                }
                links[community[j]] += w;
            }
            let gain = |c: usize| links[c] - resolution * tot[c] * degree[i] / total;
            let mut best = own;
            let mut best_gain = gain(own);
            for &c in &touched {
                let g = gain(c);
                if g > best_gain + 1e-6 {
                    best = c;
                    best_gain = g;
                }
            }
            for &c in &touched {
                links[c] = 0.0;
            }
            touched.clear();
            tot[best] += degree[i];
            if best != own {
                community[i] = best;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    community
}

/// Labels renumbered from 0 in order of first appearance.
pub fn numbered(labels: &[usize]) -> Vec<usize> {
    let mut map = std::collections::HashMap::new();
    labels
        .iter()
        .map(|&l| {
            let next = map.len();
            *map.entry(l).or_insert(next)
        })
        .collect()
}

/// The graph of communities: one node per community, edge weights summed, links inside a
/// community kept as its self-loop.
fn aggregate(graph: &Graph, community: &[usize], count: usize) -> Graph {
    let mut weights: Vec<std::collections::BTreeMap<usize, f32>> =
        vec![std::collections::BTreeMap::new(); count];
    for (i, edges) in graph.iter().enumerate() {
        for &(j, w) in edges {
            let (a, b) = (community[i], community[j]);
            // An edge inside a community is listed from both ends: count it once.
            let w = if a == b && i != j { w / 2.0 } else { w };
            *weights[a].entry(b).or_default() += w;
        }
    }
    weights
        .into_iter()
        .map(|m| m.into_iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize, f32)]) -> Graph {
        let mut g: Graph = vec![Vec::new(); n];
        for &(a, b, w) in edges {
            g[a].push((b, w));
            g[b].push((a, w));
        }
        g
    }

    #[test]
    fn two_cliques_joined_by_one_edge_are_two_communities() {
        let mut edges = Vec::new();
        for base in [0, 4] {
            for a in 0..4 {
                for b in a + 1..4 {
                    edges.push((base + a, base + b, 1.0));
                }
            }
        }
        edges.push((3, 4, 0.2));
        let c = communities(&graph(8, &edges), 1.0);
        assert_eq!(c, vec![0, 0, 0, 0, 1, 1, 1, 1]);
    }

    #[test]
    fn moving_goes_on_until_no_move_helps() {
        // Found by search: after one pass, nodes 0 and 3 are still apart; the second pass
        // joins them.
        let edges = [
            (0, 2, 2.0),
            (0, 3, 3.0),
            (0, 5, 2.0),
            (1, 2, 3.0),
            (3, 4, 3.0),
            (4, 5, 3.0),
        ];
        let moved = numbered(&local_moving(&graph(6, &edges), 1.0));
        assert_eq!(moved, vec![0, 1, 1, 0, 2, 2]);
    }

    #[test]
    fn a_node_moves_only_for_a_strict_gain() {
        // Found by search: moving on ties as well gives [0, 0, 0, 1, 1, 0].
        let edges = [
            (0, 1, 1.0),
            (0, 2, 1.0),
            (0, 3, 1.0),
            (0, 5, 1.0),
            (1, 2, 1.0),
            (1, 3, 1.0),
            (1, 5, 1.0),
            (2, 4, 1.0),
            (2, 5, 1.0),
            (3, 4, 1.0),
        ];
        let moved = numbered(&local_moving(&graph(6, &edges), 1.0));
        assert_eq!(moved, vec![0, 0, 1, 0, 1, 0]);
    }

    #[test]
    fn aggregation_counts_an_inner_edge_once_and_keeps_a_self_loop() {
        let mut g = graph(3, &[(0, 1, 1.0), (1, 2, 2.0)]);
        g[2].push((2, 0.5));
        let merged = aggregate(&g, &[0, 0, 1], 2);
        assert_eq!(
            merged,
            vec![vec![(0, 1.0), (1, 2.0)], vec![(0, 2.0), (1, 0.5)]]
        );
    }

    #[test]
    fn isolated_nodes_stay_alone() {
        let c = communities(&graph(3, &[(0, 1, 1.0)]), 1.0);
        assert_eq!(c, vec![0, 0, 1]);
    }
}
