//! Rows: passages that tell the same thing face each other.

use super::*;

fn topic_of(sources: &[&[&str]]) -> (Vec<Article>, Topic) {
    crate::fixtures::all_in_one_topic(sources)
}

/// Each row as the paragraph numbers of its cells (0 for a blank cell).
fn layout(articles: &[Article], topic: &Topic) -> Vec<Vec<usize>> {
    rows(articles, topic, &[0, 1], &WordWeights::new(articles))
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| {
                    c.as_ref()
                        .map_or(0, |c| topic.members[c.member].at.paragraph)
                })
                .collect()
        })
        .collect()
}

#[test]
fn passages_telling_the_same_face_each_other_in_reading_order() {
    let (articles, topic) = topic_of(&[
        &[
            "The dam burst at dawn and water flooded the valley villages.",
            "Rescue teams pulled forty people from rooftops by noon.",
            "The governor blamed years of neglected maintenance work.",
        ],
        &[
            "Helicopters and rescue teams lifted forty people from rooftops.",
            "A local baker handed out bread to the families.",
            "Neglected maintenance work was blamed by the governor.",
        ],
    ]);
    assert_eq!(
        layout(&articles, &topic),
        vec![vec![1, 0], vec![2, 1], vec![0, 2], vec![3, 3]],
        "the dam's burst and the baker have no counterpart: blank opposite"
    );
}

#[test]
fn passages_that_share_only_the_languages_filler_do_not_face() {
    let (articles, topic) = topic_of(&[
        &["Two people were hurt in Lyon, they said."],
        &["They said two people were arrested in Nantes."],
    ]);
    let laid = layout(&articles, &topic);
    assert_eq!(
        laid.len(),
        2,
        "\"they said two people\" is no fact in common: {laid:?}"
    );
    let (articles, topic) = topic_of(&[
        &["They said two people were hurt in Lyon."],
        &["In Lyon, two people were hurt, they said."],
    ]);
    assert_eq!(layout(&articles, &topic), vec![vec![1, 1]]);
}

#[test]
fn passages_that_share_only_the_subjects_words_do_not_face() {
    // "soldiers", "temple" and "border" run through every paragraph of both sources: they
    // say what the event is about, not which of its facts a passage tells.
    let subject = |second_a: &'static str, second_b: &'static str| {
        topic_of(&[
            &[
                "The temple border drew soldiers and monks alike.",
                second_a,
                "The temple border stayed closed to soldiers all week.",
            ],
            &[
                "Soldiers watched the temple border from the hills.",
                second_b,
                "By Friday the soldiers left the temple border.",
            ],
        ])
    };
    let (articles, topic) = subject(
        "Thai soldiers massed at the temple border.",
        "Cambodian soldiers guarded the temple border.",
    );
    let laid = layout(&articles, &topic);
    assert!(
        laid.iter().all(|row| row.contains(&0)),
        "no two passages tell one fact: {laid:?}"
    );
    let (articles, topic) = subject(
        "Forty soldiers crossed the temple border.",
        "At the temple border forty soldiers crossed over.",
    );
    let laid = layout(&articles, &topic);
    assert!(
        laid.contains(&vec![2, 2]),
        "\"forty\" and \"crossed\", in one paragraph of each, tell one fact: {laid:?}"
    );
}

#[test]
fn a_passage_joins_a_row_it_resembles_as_a_whole_not_through_one_member() {
    let (articles, topic) = topic_of3(&[
        &["The dam burst at dawn and muddy water flooded the valley villages."],
        &[
            "Muddy water flooded the valley villages after the dam burst; the governor blamed neglect.",
        ],
        &["The governor blamed neglect, budget cuts and missed inspections."],
    ]);
    let laid = rows(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles));
    let governor = laid.iter().find(|r| r.cells[2].is_some()).unwrap();
    assert_eq!(
        governor.cells[0], None,
        "the governor's blame does not join the flood's row through one passage: {laid:?}"
    );
}

#[test]
fn a_quotation_shared_with_one_passage_of_a_row_is_enough_to_join_it() {
    let flood = "The flood came at dawn and the valley villages were under water.";
    let quoted =
        format!("{flood} \"We lost everything we had in one single night\", a farmer said.");
    let (articles, topic) = crate::fixtures::all_in_one_topic(&[
        &[flood],
        &[flood],
        &[flood],
        &[flood],
        &[flood],
        &[quoted.as_str()],
        &["\"We lost everything we had in one single night\", the farmer told reporters."],
    ]);
    let laid = rows(
        &articles,
        &topic,
        &[0, 1, 2, 3, 4, 5, 6],
        &WordWeights::new(&articles),
    );
    let farmer = laid.iter().find(|r| r.cells[6].is_some()).unwrap();
    assert!(farmer.cells[5].is_some(), "{laid:?}");
}

#[test]
fn every_passage_appears_once_in_its_own_order() {
    let (articles, topic) = topic_of(&[
        &["Alpha beta gamma delta.", "Epsilon zeta eta theta."],
        &[
            "Epsilon zeta eta theta.",
            "Alpha beta gamma delta.",
            "Iota kappa lambda.",
        ],
    ]);
    let got = layout(&articles, &topic);
    for source in 0..2 {
        let seen: Vec<usize> = got.iter().map(|r| r[source]).filter(|&p| p > 0).collect();
        let mut sorted = seen.clone();
        sorted.sort_unstable();
        assert_eq!(seen, sorted, "source {source} keeps its order: {got:?}");
        assert_eq!(seen.len(), if source == 0 { 2 } else { 3 });
    }
}

#[test]
fn two_sources_meet_on_a_fact_the_longest_source_does_not_tell() {
    let (articles, topic) = topic_of3(&[
        &[
            "The dam burst at dawn and water flooded the valley villages.",
            "The governor blamed years of neglected maintenance work.",
            "Schools in the valley stay closed until further notice.",
        ],
        &[
            "A local baker handed out warm bread to the homeless families.",
            "Valley schools stay closed until further notice, officials said.",
        ],
        &[
            "Water flooded the valley villages after the dam burst at dawn.",
            "The baker handed out warm bread to families left homeless.",
            "Neglected maintenance work was blamed by the governor.",
        ],
    ]);
    let laid = rows(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles));
    let baker = laid
        .iter()
        .find(|r| {
            r.cells[1]
                .as_ref()
                .is_some_and(|c| topic.members[c.member].at.paragraph == 1)
        })
        .expect("the baker's row");
    assert_eq!(baker.cells[0], None);
    assert!(
        baker.cells[2]
            .as_ref()
            .is_some_and(|c| topic.members[c.member].at.paragraph == 2),
        "the two bakers face each other, a fact the longest source does not tell: {laid:?}"
    );
}

#[test]
fn the_rows_a_pane_sees_do_not_depend_on_the_panes_beside_it() {
    let (articles, topic) = topic_of3(&[
        &["Alpha beta gamma delta.", "Epsilon zeta eta theta."],
        &["Iota kappa lambda mu.", "Epsilon zeta eta theta nu."],
        &[
            "Alpha beta gamma delta xi.",
            "Iota kappa lambda mu omicron.",
        ],
    ]);
    let all = rows_seen_by(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles));
    let two = rows_seen_by(&articles, &topic, &[0, 2], &WordWeights::new(&articles));
    let projected: Vec<Vec<Option<Cell>>> = all
        .iter()
        .map(|r| vec![r.cells[0].clone(), r.cells[2].clone()])
        .filter(|c| c.iter().any(Option::is_some))
        .collect();
    let got: Vec<Vec<Option<Cell>>> = two.iter().map(|r| r.cells.clone()).collect();
    assert_eq!(got, projected);
    assert_eq!(
        all,
        rows(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles)),
        "all the panes see the rows of all the sources"
    );
    assert!(projected.len() >= 2, "{projected:?}");
}

fn topic_of3(sources: &[&[&str]]) -> (Vec<Article>, Topic) {
    crate::fixtures::all_in_one_topic(sources)
}

/// Each row as (paragraph, text) per source, blank cells `None`.
fn texts(articles: &[Article], topic: &Topic, laid: &[Row]) -> Vec<Vec<Option<String>>> {
    laid.iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| {
                    c.as_ref().map(|c| {
                        let at = topic.members[c.member].at;
                        at.paragraph_in(articles).text[c.text.clone()].to_owned()
                    })
                })
                .collect()
        })
        .collect()
}

const FLOOD: &str = "The dam burst at dawn and muddy water flooded the valley villages.";
const GOVERNOR: &str = "The governor blamed years of neglected maintenance work on the dam.";

#[test]
fn a_paragraph_telling_two_facts_is_cut_between_the_two_rows_that_tell_them() {
    let both = format!("{FLOOD} {GOVERNOR}");
    let (articles, topic) = topic_of3(&[
        &[both.as_str()],
        &["Muddy water flooded the valley villages after the dam burst at dawn."],
        &["Neglected maintenance work on the dam was blamed by the governor for years."],
    ]);
    let laid = rows(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles));
    let shown = texts(&articles, &topic, &laid);
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert_eq!(shown[0][0].as_deref(), Some(FLOOD));
    assert_eq!(shown[1][0].as_deref(), Some(GOVERNOR));
    assert!(shown[0][1].is_some() && shown[1][2].is_some(), "{shown:?}");
    let cells: Vec<&Cell> = laid.iter().filter_map(|r| r.cells[0].as_ref()).collect();
    let len = both.len();
    assert!(!cells[0].continues() && cells[0].goes_on(len));
    assert!(cells[1].continues() && !cells[1].goes_on(len));
}

#[test]
fn a_paragraph_whose_sentences_face_the_same_passage_stays_whole() {
    let both = format!("{FLOOD} {GOVERNOR}");
    let (articles, topic) = topic_of(&[&[both.as_str()], &[both.as_str()]]);
    let laid = rows(&articles, &topic, &[0, 1], &WordWeights::new(&articles));
    assert_eq!(
        texts(&articles, &topic, &laid),
        [[Some(both.clone()), Some(both.clone())]]
    );
}

#[test]
fn hundreds_of_sources_are_laid_out_by_whole_paragraphs() {
    let both = format!("{FLOOD} {GOVERNOR}");
    let many: Vec<&[&str]> = vec![&[]; LAID_TOGETHER + 1];
    let mut sources = many;
    let first = [both.as_str()];
    sources[0] = &first;
    let rest = [FLOOD];
    for s in sources.iter_mut().skip(1) {
        *s = &rest;
    }
    let (articles, topic) = crate::fixtures::all_in_one_topic(&sources);
    let shown: Vec<usize> = (0..sources.len()).collect();
    let laid = rows(&articles, &topic, &shown, &WordWeights::new(&articles));
    let of_first: Vec<&Cell> = laid.iter().filter_map(|r| r.cells[0].as_ref()).collect();
    assert_eq!(of_first.len(), 1, "one cell, the whole paragraph");
    assert_eq!(of_first[0].text, 0..both.len());
}

#[test]
fn a_cell_says_whether_its_paragraph_goes_on_before_or_after_it() {
    let cell = |text| Cell {
        member: 0,
        text,
        echo: None,
    };
    assert!(!cell(0..10).continues() && !cell(0..10).goes_on(10));
    assert!(cell(4..10).continues() && !cell(4..10).goes_on(10));
    assert!(!cell(0..4).continues() && cell(0..4).goes_on(10));
}

#[test]
fn a_source_laid_early_is_laid_again_against_all_the_others() {
    let (articles, topic) = topic_of3(&[
        &["The dam burst at dawn and muddy water flooded the valley villages."],
        &["Muddy water flooded the valley villages when the dam burst at dawn."],
        &["At dawn the dam burst, and muddy water flooded the valley villages."],
    ]);
    let members: Vec<usize> = (0..topic.members.len()).collect();
    let pieces = pieces_of(&articles, &topic, &members, true);
    let all = passages(&articles, &topic, &WordWeights::new(&articles), &pieces);
    let seqs: Vec<Vec<usize>> = (0..3).map(|k| vec![k]).collect();
    let row = |cells: Vec<Option<usize>>, members: Vec<usize>| Laid {
        cells,
        members,
        open: true,
    };
    // As a first pass could leave it: the first source alone below the row where the two
    // others met.
    let laid = vec![
        row(vec![None, Some(1), Some(2)], vec![1, 2]),
        row(vec![Some(0), None, None], vec![0]),
    ];
    let settled = refined(laid, &[0, 1, 2], &seqs, &all);
    let cells: Vec<Vec<Option<usize>>> = settled.into_iter().map(|r| r.cells).collect();
    assert_eq!(cells, vec![vec![Some(0), Some(1), Some(2)]]);
}

/// `align_pair` on a table of likenesses, rows by columns.
fn best_pairs(table: &[&[f32]]) -> Vec<(usize, usize)> {
    align_pair(table.len(), table[0].len(), |i, j| table[i][j])
}

#[test]
fn the_pairs_kept_are_the_order_keeping_set_of_greatest_likeness() {
    // Two weak pairs in order (0.3 + 0.3) against one strong pair across (0.9).
    assert_eq!(best_pairs(&[&[0.3, 0.9], &[0.8, 0.3]]), vec![(0, 1)]);
    // Two pairs in order beat either alone.
    assert_eq!(
        best_pairs(&[&[0.5, 0.6], &[0.0, 0.5]]),
        vec![(0, 0), (1, 1)]
    );
    // Below FACING nothing pairs; a column may stay unpaired between two pairs.
    assert_eq!(best_pairs(&[&[0.1, 0.1], &[0.1, 0.1]]), vec![]);
    assert_eq!(
        best_pairs(&[&[0.9, 0.0, 0.0], &[0.0, 0.0, 0.9]]),
        vec![(0, 0), (1, 2)]
    );
    assert_eq!(
        best_pairs(&[&[0.0, 0.9, 0.0], &[0.0, 0.0, 0.0], &[0.0, 0.0, 0.9]]),
        vec![(0, 1), (2, 2)]
    );
}

#[test]
fn rows_are_laid_again_once_every_source_is_there() {
    // Laid first, source 0 offers rows 1 and 2; source 1 resembles row 2 more (epsilon zeta
    // eta), and source 2 joins it through the words it shares with source 1. Laid again
    // against both, source 1 faces source 2 on row 1, where the two meet source 0 too.
    let (articles, topic) = topic_of3(&[
        &[
            "Alpha beta gamma delta sigma.",
            "Epsilon zeta eta theta phi.",
            "Kappa lambda mu nu.",
        ],
        &["Epsilon zeta eta alpha beta, omega psi chi."],
        &["Alpha beta, omega psi chi rho tau."],
    ]);
    let laid = rows(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles));
    let paragraphs: Vec<Vec<Option<usize>>> = laid
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.as_ref().map(|c| topic.members[c.member].at.paragraph))
                .collect()
        })
        .collect();
    assert_eq!(
        paragraphs,
        vec![
            vec![Some(1), Some(1), Some(1)],
            vec![Some(2), None, None],
            vec![Some(3), None, None],
        ]
    );
}

#[test]
fn past_the_sources_laid_together_a_late_source_opens_no_row_for_the_next() {
    const BAKER: &str = "A local baker handed out warm bread to the families.";
    let flooded = [FLOOD, GOVERNOR];
    let baker = [BAKER];
    let mut sources: Vec<&[&str]> = vec![&flooded; LAID_TOGETHER];
    sources.extend([&baker[..], &baker[..]]);
    let (articles, topic) = crate::fixtures::all_in_one_topic(&sources);
    let weights = WordWeights::new(&articles);
    let shown: Vec<usize> = (0..sources.len()).collect();
    let laid = rows(&articles, &topic, &shown, &weights);
    let (first, second) = (LAID_TOGETHER, LAID_TOGETHER + 1);
    assert!(
        laid.iter()
            .any(|r| r.cells[..LAID_TOGETHER].iter().all(Option::is_some)),
        "the first sources meet on the flood"
    );
    let bakers: Vec<&Row> = laid
        .iter()
        .filter(|r| r.cells[first].is_some() || r.cells[second].is_some())
        .collect();
    assert_eq!(
        bakers.len(),
        2,
        "the row the first baker opened stays closed"
    );
    // Seen by the two bakers alone, too many sources cover the topic to lay them all: the
    // two are laid by themselves, and meet.
    let seen = rows_seen_by(&articles, &topic, &[first, second], &weights);
    assert_eq!(seen.len(), 1);
    assert!(seen[0].cells.iter().all(Option::is_some));
}

/// The best total of an order-keeping pairing of `table`, every pair at least [`FACING`],
/// by trying every one.
fn best_total_by_hand(table: &[Vec<f32>], i: usize, j: usize) -> f32 {
    if i == table.len() || j == table[0].len() {
        return 0.0;
    }
    let skip = best_total_by_hand(table, i + 1, j).max(best_total_by_hand(table, i, j + 1));
    if table[i][j] >= FACING {
        skip.max(table[i][j] + best_total_by_hand(table, i + 1, j + 1))
    } else {
        skip
    }
}

proptest::proptest! {
    #[test]
    fn align_pair_keeps_order_and_finds_the_best_total(
        table in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(vec![0.0f32, 0.1, 0.3, 0.5, 0.9]), 1..5),
            1..5,
        ),
    ) {
        let cols = table.iter().map(Vec::len).min().unwrap_or(1);
        let table: Vec<Vec<f32>> = table.into_iter().map(|row| row[..cols].to_vec()).collect();
        let pairs = align_pair(table.len(), cols, |i, j| table[i][j]);
        proptest::prop_assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        proptest::prop_assert!(pairs.iter().all(|&(i, j)| table[i][j] >= FACING));
        let total: f32 = pairs.iter().map(|&(i, j)| table[i][j]).sum();
        let best = best_total_by_hand(&table, 0, 0);
        proptest::prop_assert!((total - best).abs() < 1e-5, "{pairs:?} {total} against {best}");
    }
}
