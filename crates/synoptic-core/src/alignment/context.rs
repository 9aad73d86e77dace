//! Reading-order context: the best path of topics through one article's body paragraphs, where
//! changing topic has a cost, so that an article's neighbouring paragraphs count as evidence.

/// One body paragraph as the decoder sees it.
#[derive(Clone, Copy, Debug)]
pub struct Step<'e> {
    /// Evidence for each topic.
    pub evidence: &'e [f32],
    /// A heading stands between this paragraph and the previous one.
    pub after_heading: bool,
    /// The share of `Costs::switch` that changing topic into this paragraph costs (a short
    /// paragraph leans on its neighbours more: see `AlignOptions::switch_scale`).
    pub switch_scale: f32,
}

/// What the decoder charges and pays.
#[derive(Clone, Copy, Debug)]
pub struct Costs {
    /// What the "no topic" state earns per paragraph.
    pub none: f32,
    /// What a change of state costs.
    pub switch: f32,
    /// The share of `switch` charged right after a heading.
    pub heading_share: f32,
}

/// The topic of each step on the best path (Viterbi), `None` where no topic beats `costs.none`.
/// Linear in steps times topics: a state either stays or comes from the best previous state.
pub fn best_path(steps: &[Step], topics: usize, costs: Costs) -> Vec<Option<usize>> {
    let states = topics + 1;
    let emit = |step: &Step, s: usize| {
        if s == 0 {
            costs.none
        } else {
            step.evidence.get(s - 1).copied().unwrap_or(0.0)
        }
    };
    let mut score: Vec<f32> = Vec::new();
    let mut from: Vec<Vec<usize>> = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        if i == 0 {
            score = (0..states).map(|s| emit(step, s)).collect();
            from.push((0..states).collect());
            continue;
        }
        let penalty = if step.after_heading {
            costs.switch * costs.heading_share
        } else {
            costs.switch
        } * step.switch_scale;
        let best = argmax(&score);
        let mut next = vec![0.0; states];
        let mut back = vec![0; states];
        for s in 0..states {
            let (base, origin) = if score[s] >= score[best] - penalty {
                (score[s], s)
            } else {
                (score[best] - penalty, best)
            };
            next[s] = base + emit(step, s);
            back[s] = origin;
        }
        score = next;
        from.push(back);
    }
    let Some(mut state) = (!score.is_empty()).then(|| argmax(&score)) else {
        return Vec::new();
    };
    let mut path = vec![None; steps.len()];
    for i in (0..steps.len()).rev() {
        path[i] = state.checked_sub(1);
        state = from[i][state];
    }
    path
}

/// The index of the largest value; the first one on ties, so paths are deterministic.
fn argmax(values: &[f32]) -> usize {
    values
        .iter()
        .enumerate()
        .fold(0, |best, (i, v)| if *v > values[best] { i } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;

    const COSTS: Costs = Costs {
        none: 2.0,
        switch: 2.0,
        heading_share: 0.5,
    };

    fn path(rows: &[[f32; 2]], headings: &[usize]) -> Vec<Option<usize>> {
        scaled_path(rows, headings, &vec![1.0; rows.len()])
    }

    fn scaled_path(rows: &[[f32; 2]], headings: &[usize], scales: &[f32]) -> Vec<Option<usize>> {
        let steps: Vec<Step> = rows
            .iter()
            .zip(scales)
            .enumerate()
            .map(|(i, (r, &switch_scale))| Step {
                evidence: r,
                after_heading: headings.contains(&i),
                switch_scale,
            })
            .collect();
        best_path(&steps, 2, COSTS)
    }

    #[test]
    fn a_short_paragraph_leans_on_its_neighbours_more_than_a_long_one() {
        // The middle paragraph leans to topic 1, a little more than a switch and back costs.
        let rows = [[5.0, 0.0], [0.0, 4.5], [5.0, 0.0]];
        assert_eq!(
            scaled_path(&rows, &[], &[1.0, 0.5, 1.0]),
            vec![Some(0), Some(1), Some(0)],
            "a long paragraph says enough on its own"
        );
        assert_eq!(
            scaled_path(&rows, &[], &[1.0, 2.0, 2.0]),
            vec![Some(0), Some(0), Some(0)],
            "a short one stays with its neighbours"
        );
    }

    #[test]
    fn a_paragraph_with_no_keyword_between_two_of_a_topic_stays_in_it() {
        let got = path(&[[5.0, 0.0], [0.0, 0.0], [5.0, 0.0]], &[]);
        assert_eq!(got, vec![Some(0), Some(0), Some(0)]);
    }

    #[test]
    fn without_neighbours_weak_evidence_is_no_topic() {
        let got = path(&[[0.0, 0.0], [1.5, 0.0], [0.0, 0.0]], &[]);
        assert_eq!(got, vec![None, None, None]);
    }

    #[test]
    fn a_strong_change_of_subject_switches_topic() {
        let got = path(&[[6.0, 0.0], [6.0, 0.0], [0.0, 7.0], [0.0, 7.0]], &[]);
        assert_eq!(got, vec![Some(0), Some(0), Some(1), Some(1)]);
    }

    #[test]
    fn a_heading_makes_a_change_of_subject_cheaper() {
        let rows = [[5.0, 0.0], [1.5, 2.25], [1.5, 2.25]];
        assert_eq!(path(&rows, &[]), vec![Some(0), Some(0), Some(0)]);
        assert_eq!(path(&rows, &[1]), vec![Some(0), Some(1), Some(1)]);
    }

    #[test]
    fn ties_go_to_the_first_state_so_paths_are_deterministic() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0]), 1);
        let tied = path(&[[4.0, 4.0], [4.0, 4.0]], &[]);
        assert_eq!(tied, vec![Some(0), Some(0)], "the first topic on a tie");
    }

    #[test]
    fn no_steps_no_path() {
        assert!(best_path(&[], 3, COSTS).is_empty());
    }
}
