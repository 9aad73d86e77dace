//! Tests of `find`.

use super::*;
use crate::model::article::Kind;

fn found(text: &str, lang: Language) -> Vec<(String, String, f64)> {
    let p = Paragraph::new(0, Kind::Body, text.into(), lang);
    find_figures(&p, lang)
        .into_iter()
        .map(|f| (f.key.to_string(), text[f.range].to_owned(), f.value))
        .collect()
}

/// Every figure, tried at every word with nothing skipped: what the prefilter must match.
fn tried_everywhere(p: &Paragraph, lang: Language) -> Vec<Figure> {
    let w = Folded::new(p);
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.tokens.len() {
        match figure_at(p, &w, lang, i) {
            Some((fig, next)) => {
                out.push(fig);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

fn word() -> impl proptest::strategy::Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        "Un",
        "une",
        "TROIS",
        "vingt",
        "Ten",
        "hundred",
        "Feb.",
        "Sept",
        "April",
        "may",
        "May",
        "août",
        "juillet",
        "ün",
        "Dix",
        "8",
        "30",
        "40",
        "1,3",
        "20h42",
        "8:45",
        "million",
        "milliers",
        "de",
        "of",
        "plus",
        "more",
        "than",
        "at",
        "least",
        "à",
        "heures",
        "minutes",
        "personnes",
        "people",
        "soldats",
        "le",
        "the",
        ".",
        "days",
    ])
}

proptest::proptest! {
    #[test]
    fn skipping_words_that_start_no_figure_finds_the_same(
        words in proptest::collection::vec(word(), 1..24),
        english: bool,
    ) {
        let lang = if english { Language::English } else { Language::French };
        let p = Paragraph::new(0, Kind::Body, words.join(" "), lang);
        proptest::prop_assert_eq!(find_figures(&p, lang), tried_everywhere(&p, lang));
    }
}

#[test]
fn table() {
    use Language::*;
    type Case<'a> = (&'a str, Language, &'a [(&'a str, &'a str, f64)]);
    let cases: &[Case] = &[
        (
            "à 20h42 (heure de l'Est)",
            French,
            &[("time", "20h42", 1242.0)],
        ),
        (
            "commencer à 20 heures",
            French,
            &[("time", "20 heures", 1200.0)],
        ),
        (
            "plus de 40 minutes après",
            French,
            &[("duration:minut", "plus de 40 minutes", 40.0)],
        ),
        (
            "qui a duré deux heures",
            French,
            &[("duration:heur", "deux heures", 2.0)],
        ),
        (
            "plus de 1,3 million de personnes",
            French,
            &[("count:person", "plus de 1,3 million de personnes", 1.3e6)],
        ),
        (
            "Au moins un million de personnes",
            French,
            &[("count:person", "Au moins un million de personnes", 1e6)],
        ),
        (
            "le 13 juillet",
            French,
            &[("date:juillet", "13 juillet", 13.0)],
        ),
        (
            "more than 1,300 people",
            English,
            &[("count:peopl", "more than 1,300 people", 1300.0)],
        ),
        ("un membre du public", French, &[]),
        ("signed in April 2018 by them", English, &[]),
        (
            "vers 23h59 ou 0h00",
            French,
            &[("time", "vers 23h59", 1439.0), ("time", "0h00", 0.0)],
        ),
        ("à 24h00 puis 25h10 et 20h60", French, &[]),
        (
            "the Feb., 8 memo",
            English,
            &[("count:memo", "8 memo", 8.0)],
        ),
        (
            "the memo of Feb. 8 and the one of April 30",
            English,
            &[
                ("date:february", "Feb. 8", 8.0),
                ("date:april", "April 30", 30.0),
            ],
        ),
        (
            "you may 2 times",
            English,
            &[("count:time", "2 times", 2.0)],
        ),
        ("on May 2 he left", English, &[("date:may", "May 2", 2.0)]),
    ];
    for (text, lang, want) in cases {
        let want: Vec<_> = want
            .iter()
            .map(|(k, t, v)| (k.to_string(), t.to_string(), *v))
            .collect();
        assert_eq!(found(text, *lang), want, "{text}");
    }
}

#[test]
fn a_comma_groups_thousands_only_in_english_and_before_three_digits() {
    use Language::{English, French};
    assert_eq!(parse_number("1,300", English), Some(1300.0));
    assert_eq!(parse_number("12,345,678", English), Some(12_345_678.0));
    assert_eq!(parse_number("1,300", French), Some(1.3), "a decimal comma");
    assert_eq!(parse_number("2,5", English), Some(2.5), "no group of three");
}
