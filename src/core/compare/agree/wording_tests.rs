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
fn formulas_read_back_per_span_as_nested_lists() {
    let mut all = Formulas::default();
    all.push(Some(&terms(&[&[0], &[4, 3]])));
    all.push(None);
    all.push(Some(&terms(&[])));
    all.push(Some(&terms(&[&[2, 1]])));
    let json = |k: usize| all.of(k).map(|f| serde_json::to_string(&f).unwrap());
    assert_eq!(json(0).as_deref(), Some("[[0],[3,4]]"));
    assert_eq!(json(1), None, "shared with no other article");
    assert_eq!(json(2).as_deref(), Some("[]"));
    assert_eq!(json(3).as_deref(), Some("[[1,2]]"));
    assert_eq!(json(4), None, "no such span");
}
