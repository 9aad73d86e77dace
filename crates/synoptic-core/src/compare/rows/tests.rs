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
}

fn topic_of3(sources: &[&[&str]]) -> (Vec<Article>, Topic) {
    crate::fixtures::all_in_one_topic(sources)
}
