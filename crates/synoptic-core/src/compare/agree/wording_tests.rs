//! The flat terms and formulas of the wording table: each term sorted and without repeats,
//! an abandoned term leaving nothing behind, spans read back as nested lists.

use super::*;

fn terms(list: &[&[u32]]) -> Terms {
    let mut t = Terms::default();
    for term in list {
        t.ids.extend_from_slice(term);
        t.close_term();
    }
    t
}

#[test]
fn a_closed_term_is_sorted_without_repeats_and_leaves_the_others_alone() {
    let t = terms(&[&[5, 5, 1], &[9, 3, 3, 9, 2]]);
    assert_eq!(t.count(), 2);
    assert_eq!(t.term(0), &[1, 5]);
    assert_eq!(t.term(1), &[2, 3, 9]);
    assert_eq!(t.size(), 5 + 2, "entries, and one per term");
}

#[test]
fn an_abandoned_term_leaves_nothing_behind() {
    let mut t = terms(&[&[4]]);
    t.ids.extend_from_slice(&[7, 8]);
    t.drop_open_term();
    t.ids.push(6);
    t.close_term();
    assert_eq!((t.term(0), t.term(1)), (&[4][..], &[6][..]));
    t.clear();
    assert_eq!(t.size(), 0);
}

#[test]
fn formulas_are_numbered_once_and_read_back_as_nested_lists() {
    numbered_once_and_read_back(Formulas::<FastHash>::default());
}

/// A hasher that gives every key the same hash.
#[derive(Default)]
struct Colliding;

impl std::hash::Hasher for Colliding {
    fn finish(&self) -> u64 {
        7
    }
    fn write(&mut self, _: &[u8]) {}
}

#[test]
fn formulas_whose_hashes_meet_are_still_told_apart() {
    numbered_once_and_read_back(Formulas::<std::hash::BuildHasherDefault<Colliding>>::default());
}

fn numbered_once_and_read_back<H: std::hash::BuildHasher>(mut all: Formulas<H>) {
    let numbers = [
        all.number(&terms(&[&[0], &[4, 3]])),
        all.number(&terms(&[])),
        all.number(&terms(&[&[2, 1]])),
        all.number(&terms(&[&[0], &[3, 4]])),
        all.number(&terms(&[&[0, 3, 4]])),
    ];
    assert_eq!(
        numbers,
        [0, 1, 2, 0, 3],
        "the same formula keeps its number"
    );
    let json: Vec<String> = all
        .in_order()
        .iter()
        .map(|f| serde_json::to_string(f).unwrap())
        .collect();
    assert_eq!(json, ["[[0],[3,4]]", "[]", "[[1,2]]", "[[0,3,4]]"]);
}

/// Every member's formulas, with what each piece of each shared span would have given.
#[test]
fn a_span_gets_the_smallest_formula_of_its_pieces_the_first_on_ties() {
    use crate::compare::agree::{Detail, TopicWording};
    use crate::fixtures::all_in_one_topic;
    // "Il a" opens two sentences: its first word's chain is longer than its second's.
    let (articles, topic) = all_in_one_topic(&[
        &["Il a parlé de la réforme des retraites devant les députés."],
        &["Il a parlé de la réforme des retraites hier soir."],
        &["Le président parlait longuement d'une réforme des retraites."],
    ]);
    let wording = TopicWording::new(&articles, &topic);
    let agreement = wording.agreement(&articles, &topic, Detail::Counts);
    let mut table = WordingTable::new(&wording);
    let mut checked = 0;
    for member in &agreement.members {
        let p = member.at.paragraph_in(&articles);
        let formulas = table.formulas(&articles, member);
        let lang = articles[member.at.article].language;
        let tokens = Tokens::new(&p.text, lang, &p.tokens);
        for (k, span) in member.spans.iter().enumerate() {
            let pieces: Vec<usize> = (0..p.tokens.len())
                .filter(|&i| span.range.contains(&p.tokens[i].start()))
                .collect();
            if span.shared == 0
                || pieces.len() < 2
                || pieces.iter().any(|&i| p.tokens[i].is_telling())
            {
                continue;
            }
            let each: Vec<Vec<Vec<u32>>> = pieces
                .iter()
                .map(|&i| {
                    let mut t = Terms::default();
                    table.token(&tokens, i, &mut t);
                    (0..t.count()).map(|k| t.term(k).to_vec()).collect()
                })
                .collect();
            let size = |f: &Vec<Vec<u32>>| f.iter().map(|t| t.len() + 1).sum::<usize>();
            let smallest = each.iter().map(size).min().unwrap_or(0);
            let first_smallest = each.iter().find(|f| size(f) == smallest);
            let number = formulas[k].expect("a shared span has a formula");
            let written: Vec<Vec<u32>> = table.sharing().in_order()[number as usize]
                .terms()
                .map(<[u32]>::to_vec)
                .collect();
            assert_eq!(
                Some(&written),
                first_smallest,
                "span {:?}: pieces {each:?}",
                &p.text[span.range.clone()]
            );
            checked += 1;
        }
    }
    assert!(
        checked > 0,
        "no span of several non-telling words was checked"
    );
}

#[test]
fn set_bits_are_numbered_across_words_of_64() {
    let got: Vec<usize> = ones(&[0b101, 0, 1 << 63 | 0b10]).collect();
    assert_eq!(got, vec![0, 2, 129, 191]);
    assert_eq!(ones(&[]).count(), 0);
}
