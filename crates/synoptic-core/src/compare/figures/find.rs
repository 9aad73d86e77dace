//! Finding figures in a paragraph: numbers, times, dates and counts with their unit, and the
//! qualifiers around them ("plus de", "at least").

use super::{Figure, FigureKey};
use std::cell::OnceCell;

use crate::lang::lists::{ENGLISH_MONTHS, FRENCH_MONTHS};
use crate::lang::text::{Language, fold, fold_into};
use crate::model::article::Paragraph;

const QUALIFIERS: &[&[&str]] = &[
    &["plus", "de"],
    &["plus", "d"],
    &["moins", "de"],
    &["au", "moins"],
    &["environ"],
    &["pres", "de"],
    &["vers"],
    &["quelque"],
    &["jusqu", "a"],
    &["more", "than"],
    &["less", "than"],
    &["at", "least"],
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["over"],
    &["up", "to"],
];
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("un", 1.0),
    ("une", 1.0),
    ("deux", 2.0),
    ("trois", 3.0),
    ("quatre", 4.0),
    ("cinq", 5.0),
    ("six", 6.0),
    ("sept", 7.0),
    ("huit", 8.0),
    ("neuf", 9.0),
    ("dix", 10.0),
    ("vingt", 20.0),
    ("trente", 30.0),
    ("cent", 100.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("hundred", 100.0),
];
const SCALES: &[(&str, f64)] = &[
    ("million", 1e6),
    ("millions", 1e6),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("billion", 1e9),
    ("billions", 1e9),
    ("mille", 1e3),
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("milliers", 1e3),
];
const DURATIONS: &[&str] = &[
    "seconde", "secondes", "minute", "minutes", "heure", "heures", "jour", "jours", "semaine",
    "semaines", "mois", "an", "ans", "annees", "second", "seconds", "hour", "hours", "day", "days",
    "week", "weeks", "month", "months", "year", "years",
];
/// Whether a folded word names a month, in French or English.
fn is_month(word: &str) -> bool {
    FRENCH_MONTHS.contains(&word) || ENGLISH_MONTHS.contains(&word)
}

/// Words skipped between a number and its unit: "1,3 million de personnes", "of people".
const LINKS: &[&str] = &["de", "d", "of"];

/// A paragraph's words folded as they are read: `w[i]` is token `i` folded. Only numbers and
/// number words start a figure, so only the words around them are ever folded.
struct Folded<'p> {
    p: &'p Paragraph,
    words: Vec<OnceCell<Box<str>>>,
}

impl<'p> Folded<'p> {
    fn new(p: &'p Paragraph) -> Self {
        Folded {
            p,
            words: vec![OnceCell::new(); p.tokens.len()],
        }
    }

    fn get(&self, i: usize) -> Option<&str> {
        let cell = self.words.get(i)?;
        Some(cell.get_or_init(|| fold(&self.p.text[self.p.tokens[i].range()]).into_boxed_str()))
    }
}

impl std::ops::Index<usize> for Folded<'_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i).expect("a token of the paragraph")
    }
}

/// The value of a numeric token: "1,3" is 1.3 in French, "1,300" is 1300 in English.
fn parse_number(raw: &str, lang: Language) -> Option<f64> {
    let thousands = lang == Language::English
        && raw
            .split(',')
            .skip(1)
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    let cleaned: String = if thousands {
        raw.replace(',', "")
    } else {
        raw.replace(',', ".")
    };
    cleaned.parse().ok()
}

/// Every figure in a paragraph.
pub fn find_figures(p: &Paragraph, lang: Language) -> Vec<Figure> {
    let toks = &p.tokens;
    // Each word folded once: a figure is looked for at every word, its neighbours read often.
    // Most paragraphs hold no word that may start one: they fold nothing.
    let mut folded: Option<Folded> = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start_figure(p, lang, i) {
            i += 1;
        } else if let Some((fig, next)) =
            figure_at(p, folded.get_or_insert_with(|| Folded::new(p)), lang, i)
        {
            out.push(fig);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether token `i` may start a figure, read without folding it: a number, a number word,
/// or in English a month (`figure_at` starts with nothing else). Most words are none of these.
fn may_start_figure(p: &Paragraph, lang: Language, i: usize) -> bool {
    let token = &p.tokens[i];
    if token.is_numeric() {
        return true;
    }
    let raw = &p.text[token.range()];
    if !raw.is_ascii() {
        // Accents are common in French: fold the word into a buffer kept for the purpose.
        thread_local!(static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
        return FOLDED.with_borrow_mut(|folded| {
            fold_into(raw, folded);
            folded.is_ascii() && starts_figure(folded, lang)
        });
    }
    starts_figure(raw, lang)
}

/// Whether an ASCII word, case aside, is one `figure_at` may start with: a number word, or in
/// English a month or a month cut short.
fn starts_figure(raw: &str, lang: Language) -> bool {
    let is = |word: &&str| word.eq_ignore_ascii_case(raw);
    NUMBER_WORDS.iter().map(|(word, _)| word).any(is)
        || lang == Language::English
            && (ENGLISH_MONTHS.iter().any(is)
                || MONTH_ABBREVIATIONS.iter().map(|(short, _)| short).any(is))
}

/// English writes the month first, often cut short: "Feb. 8", "April 30", "Sept. 11".
const MONTH_ABBREVIATIONS: &[(&str, &str)] = &[
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "september"),
    ("sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
];

/// A date written month first, "Feb. 8" or "April 30", at token `i`: its figure and the
/// token after it.
fn month_first(p: &Paragraph, w: &Folded, i: usize) -> Option<(Figure, usize)> {
    let toks = &p.tokens;
    let month = MONTH_ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == &w[i])
        .map(|(_, full)| *full)
        .or_else(|| ENGLISH_MONTHS.iter().copied().find(|m| *m == &w[i]))?;
    let day = toks.get(i + 1).filter(|t| t.is_numeric())?;
    let between = &p.text[toks[i].end()..day.start()];
    let value: f64 = p.text[day.range()].parse().ok()?;
    if !(1.0..=31.0).contains(&value) || !between.trim_matches(['.', ' ']).is_empty() {
        return None;
    }
    // "may" is also a verb: only a capital makes it the month.
    if month == "may" && !p.text[toks[i].range()].starts_with('M') {
        return None;
    }
    let name = &p.text[toks[i].range()];
    Some((
        Figure {
            what: format!("date in {name}"),
            key: FigureKey::Date(month.to_owned()),
            value,
            range: toks[i].start()..day.end(),
        },
        i + 2,
    ))
}

fn figure_at(p: &Paragraph, w: &Folded, lang: Language, i: usize) -> Option<(Figure, usize)> {
    if lang == Language::English
        && let Some(found) = month_first(p, w, i)
    {
        return Some(found);
    }
    let toks = &p.tokens;
    let raw = &p.text[toks[i].range()];
    let first = &w[i];
    let start = qualifier_start(w, i);
    if let Some((h, m)) = clock(raw) {
        let range = toks[start].start()..toks[i].end();
        let fig = Figure {
            what: "time of day".into(),
            key: FigureKey::TimeOfDay,
            value: h * 60.0 + m,
            range,
        };
        return Some((fig, i + 1));
    }
    let mut value = if toks[i].is_numeric() {
        parse_number(raw, lang)?
    } else {
        lookup(NUMBER_WORDS, first)?
    };
    let mut j = i + 1;
    if let Some(scale) = w.get(j).and_then(|x| lookup(SCALES, x)) {
        value *= scale;
        j += 1;
    }
    while toks.get(j).is_some_and(|_| LINKS.contains(&&w[j])) {
        j += 1;
    }
    let unit_tok = toks.get(j)?;
    let (what, key) = measure(p, w, lang, (i, j))?;
    if key == FigureKey::TimeOfDay {
        value *= 60.0;
    }
    let range = toks[start].start()..unit_tok.end();
    Some((
        Figure {
            what,
            key,
            value,
            range,
        },
        j + 1,
    ))
}

/// What the number at token `i` measures, from its unit at token `j`: a description and the
/// key figures are grouped by. `None` when the word after it is not a unit.
fn measure(
    p: &Paragraph,
    w: &Folded,
    lang: Language,
    (i, j): (usize, usize),
) -> Option<(String, FigureKey)> {
    let (toks, number, unit) = (&p.tokens, &p.tokens[i], &w[j]);
    let unit_tok = &toks[j];
    let unit_text = &p.text[unit_tok.range()];
    let preceded_by_a = i > 0 && matches!(&w[i - 1], "a" | "at");
    if is_month(unit) && !number.is_numeric() {
        // "one of April": a month counts nothing.
        None
    } else if is_month(unit) {
        Some((
            format!("date in {unit_text}"),
            FigureKey::Date(unit.to_owned()),
        ))
    } else if unit.starts_with("heure") && preceded_by_a && number.is_numeric() {
        Some(("time of day".into(), FigureKey::TimeOfDay))
    } else if DURATIONS.contains(&unit) {
        let key = FigureKey::Duration(unit_tok.key(&p.text, lang).to_string());
        Some((unit_text.to_owned(), key))
    } else if !unit_tok.is_stop() && !unit_tok.is_numeric() && (number.is_numeric() || j > i + 1) {
        let key = FigureKey::Count(unit_tok.key(&p.text, lang).to_string());
        Some((unit_text.to_owned(), key))
    } else {
        None
    }
}

fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// "20h42", "8:45" as hours and minutes ("20h" is no clock: its minutes do not parse).
fn clock(raw: &str) -> Option<(f64, f64)> {
    let (h, m) = raw.split_once(['h', 'H', ':'])?;
    let (h, m): (f64, f64) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24.0 && m < 60.0).then_some((h, m))
}

/// Where a qualifier such as "plus de" or "at least" before token `i` starts.
fn qualifier_start(w: &Folded, i: usize) -> usize {
    for q in QUALIFIERS {
        if i >= q.len() {
            let from = i - q.len();
            if (0..q.len()).all(|k| &w[from + k] == q[k]) {
                return from;
            }
        }
    }
    i
}

#[cfg(test)]
#[path = "find_tests.rs"]
mod tests;
