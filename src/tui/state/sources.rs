//! Which sources the panes show, and in what order. When they all fit, every source in file
//! order; when they do not, only those that have something to show, the surest on the first
//! screenful, so that a topic covered by 12 of 250 sources opens on those 12. Each screenful
//! keeps file order, so that five sources of which four fit read 1 2 4 5, not 2 1 5 4.

use synoptic_core::compare::synopsis::Synopsis;

/// What the panes list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listing {
    /// The members of a topic.
    Topic(usize),
    /// The body paragraphs no topic claims.
    Unclaimed,
}

/// The articles the panes can show, in pane order.
///
/// `fit`: how many panes fit side by side; `all`: the user asked for every source in file
/// order; `unclaimed`: for each article, its paragraphs in no topic.
pub fn pane_order(
    synopsis: &Synopsis,
    listing: Listing,
    all: bool,
    fit: usize,
    unclaimed: &[Vec<usize>],
) -> Vec<usize> {
    let n = synopsis.articles.len();
    if all || n <= fit {
        return (0..n).collect();
    }
    // (article, how sure its best passage is, how many passages): the sort key.
    let mut shown: Vec<(usize, f32, usize)> = match listing {
        Listing::Topic(t) => {
            let Some(topic) = synopsis.topics.get(t) else {
                return (0..n).collect();
            };
            let mut best: Vec<Option<(f32, usize)>> = vec![None; n];
            for m in &topic.members {
                let entry = best[m.at.article].get_or_insert((0.0, 0));
                entry.0 = entry.0.max(m.score);
                entry.1 += 1;
            }
            best.into_iter()
                .enumerate()
                .filter_map(|(a, b)| b.map(|(score, count)| (a, score, count)))
                .collect()
        }
        Listing::Unclaimed => unclaimed
            .iter()
            .enumerate()
            .filter(|(_, ps)| !ps.is_empty())
            .map(|(a, ps)| (a, 1.0, ps.len()))
            .collect(),
    };
    if shown.is_empty() {
        return (0..n).collect();
    }
    shown.sort_by(|x, y| y.1.total_cmp(&x.1).then(y.2.cmp(&x.2)).then(x.0.cmp(&y.0)));
    let mut order: Vec<usize> = shown.into_iter().map(|(a, _, _)| a).collect();
    for screenful in order.chunks_mut(fit.max(1)) {
        screenful.sort_unstable();
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use synoptic_core::input::ingest::article_from_text;
    use synoptic_core::model::topic::Member;
    use synoptic_core::model::vectors::ParaRef;

    fn synopsis(members: &[(usize, f32)]) -> Synopsis {
        let articles = (0..6)
            .map(|i| article_from_text(format!("a{i}"), format!("a{i}.txt"), "One.\n\nTwo."))
            .collect();
        let members = members
            .iter()
            .map(|&(article, score)| Member {
                at: ParaRef {
                    article,
                    paragraph: 0,
                },
                score,
            })
            .collect();
        let topic = synoptic_core::fixtures::topic_with(members);
        Synopsis {
            articles,
            topics: vec![topic],
        }
    }

    #[test]
    fn all_sources_in_file_order_when_they_fit() {
        let s = synopsis(&[(4, 0.9)]);
        assert_eq!(
            pane_order(&s, Listing::Topic(0), false, 6, &[]),
            vec![0, 1, 2, 3, 4, 5]
        );
    }

    #[test]
    fn covering_sources_surest_first_when_they_do_not_fit() {
        let s = synopsis(&[(1, 0.5), (4, 0.9), (2, 0.9), (2, 0.7), (0, 0.6)]);
        assert_eq!(
            pane_order(&s, Listing::Topic(0), false, 1, &[]),
            vec![2, 4, 0, 1],
            "best score first, then more passages, then file order"
        );
        assert_eq!(pane_order(&s, Listing::Topic(0), true, 3, &[]).len(), 6);
        // As sure, the one with more passages first, wherever it stands in the files.
        let s = synopsis(&[(2, 0.9), (4, 0.9), (4, 0.5)]);
        assert_eq!(pane_order(&s, Listing::Topic(0), false, 1, &[]), vec![4, 2]);
    }

    #[test]
    fn each_screenful_of_the_surest_is_in_file_order() {
        let s = synopsis(&[(1, 0.5), (4, 0.9), (2, 0.9), (2, 0.7), (0, 0.6)]);
        // The surest are 2, 4, 0, then 1: three to a screen.
        assert_eq!(
            pane_order(&s, Listing::Topic(0), false, 3, &[]),
            vec![0, 2, 4, 1]
        );
        assert_eq!(
            pane_order(&s, Listing::Topic(0), false, 2, &[]),
            vec![2, 4, 0, 1]
        );
    }

    #[test]
    fn unclaimed_shows_the_sources_with_most_left_over() {
        let s = synopsis(&[]);
        let left = vec![vec![], vec![1], vec![], vec![1, 2], vec![], vec![]];
        assert_eq!(
            pane_order(&s, Listing::Unclaimed, false, 1, &left),
            vec![3, 1]
        );
        assert_eq!(
            pane_order(&s, Listing::Unclaimed, false, 2, &left),
            vec![1, 3]
        );
    }
}
