//! Which topics a paragraph joins, worked on literal evidence rows, and where headings break
//! the reading order.

use super::*;

/// Topics joined by a paragraph on the path of topic 0, from literal evidence rows: with
/// feedback, keyword evidence before it, and how many keywords of each topic it names.
fn joined(row: [f32; 3], keywords: [f32; 3], named: [u16; 3]) -> Vec<usize> {
    let said = Said {
        keywords: &keywords,
        named: &named,
    };
    topics_of(&row, &said, Some(0), &AlignOptions::default())
}

#[test]
fn a_second_topic_named_by_two_keywords_joins_too() {
    assert_eq!(
        joined([9.0, 4.0, 0.0], [4.0, 3.0, 0.0], [1, 2, 0]),
        vec![0, 1]
    );
}

#[test]
fn one_keyword_in_passing_is_not_enough_however_strong() {
    assert_eq!(joined([9.0, 4.0, 0.0], [4.0, 3.9, 0.0], [1, 1, 0]), vec![0]);
}

#[test]
fn a_second_topic_named_far_less_clearly_than_the_best_stays_out() {
    // Two keywords and past the threshold, but under 70 % of the best keyword evidence.
    assert_eq!(joined([9.0, 4.0, 0.0], [5.0, 3.4, 0.0], [2, 2, 0]), vec![0]);
    assert_eq!(
        joined([9.0, 4.0, 0.0], [5.0, 3.6, 0.0], [2, 2, 0]),
        vec![0, 1]
    );
}

#[test]
fn two_keywords_below_the_threshold_are_not_enough() {
    assert_eq!(joined([9.0, 1.9, 0.0], [1.5, 1.9, 0.0], [2, 2, 0]), vec![0]);
}

#[test]
fn a_best_topic_off_the_path_joins_on_its_own_words_only() {
    // Topic 1 has the most evidence with feedback, but its keywords alone are weak.
    assert_eq!(joined([3.0, 4.0, 0.0], [3.0, 1.9, 0.0], [1, 1, 0]), vec![0]);
    // Its keywords alone pass the threshold: it joins beside the path topic.
    assert_eq!(
        joined([3.0, 4.0, 0.0], [3.0, 2.0, 0.0], [1, 1, 0]),
        vec![0, 1]
    );
}

#[test]
fn resembling_a_topic_does_not_make_a_tie() {
    // Feedback brought topic 2 within a whisker of the path topic; the paragraph's own
    // words hardly name it.
    assert_eq!(joined([9.0, 0.0, 8.9], [4.0, 0.0, 0.5], [2, 0, 1]), vec![0]);
}

#[test]
fn only_a_heading_breaks_the_reading_order() {
    let text = "Le titre de l'article du jour\n\n\
        Le premier paragraphe du corps raconte la panne qui a touché la ville lundi soir.\n\n\
        Lire aussi : la panne du siècle\n\n\
        Le deuxième paragraphe du corps raconte la colère des habitants privés de courant.\n\n\
        Un intertitre court\n\n\
        Le troisième paragraphe du corps raconte le retour du courant le lendemain matin.";
    let arts = vec![crate::input::ingest::article_from_text(
        "a".into(),
        "a.txt".into(),
        text,
    )];
    let kinds: Vec<Kind> = arts[0].paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::Heading,
            Kind::Body,
            Kind::Boilerplate,
            Kind::Body,
            Kind::Heading,
            Kind::Body
        ]
    );
    // The title stands before the first body paragraph; the "Lire aussi" line is no break.
    assert_eq!(Corpus::new(&arts).breaks, vec![true, false, true]);
}

#[test]
fn with_no_path_topic_the_best_joins_if_it_passes_the_threshold() {
    let said = Said {
        keywords: &[0.0, 0.0],
        named: &[0, 0],
    };
    let opts = AlignOptions::default();
    assert_eq!(topics_of(&[2.5, 1.0], &said, None, &opts), vec![0]);
    assert_eq!(
        topics_of(&[1.5, 1.0], &said, None, &opts),
        Vec::<usize>::new()
    );
}

#[test]
fn a_rival_weighs_its_weight_and_nothing_where_a_topic_aligned_is_named_as_clearly() {
    // Topic 0 aligned, topic 1 a rival at half weight; threshold 2.
    let rivals = Weakened {
        rival: vec![false, true],
        weight: 0.5,
    };
    let lexical = vec![
        vec![3.0, 2.5], // topic 0 named, and more clearly than the rival
        vec![3.0, 4.0], // topic 0 named, the rival more clearly
        vec![1.0, 4.0], // topic 0 below the threshold
    ];
    let mut evidence = vec![vec![5.0, 6.0]; 3];
    rivals.weaken(&mut evidence, &lexical, &AlignOptions::default());
    let rival: Vec<f32> = evidence.iter().map(|row| row[1]).collect();
    assert_eq!(rival, vec![0.0, 3.0, 3.0]);
    assert!(
        evidence.iter().all(|row| row[0] == 5.0),
        "topic 0 untouched"
    );
}
