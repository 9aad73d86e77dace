//! Words for a group of paragraphs: the keywords that set it apart from the rest of the corpus,
//! and a label a person would write, taken from the sources' own phrases.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::lang::families::family_zipf_tenths;
use crate::lang::lists::zipf_tenths;
use crate::lang::text::{Language, Token, fold, is_apostrophe, sequence_hash, tokenize};
use crate::model::article::Article;
use crate::model::vectors::{ParaRef, TermSpace};

/// How many keywords a discovered topic gets.
const KEYWORDS: usize = 8;
/// Phrases are two to this many words long.
const PHRASE_WORDS: usize = 5;

/// What a lone uncapitalised word is worth as a label, against a phrase or a name.
const LONE_WORD: f32 = 0.2;

/// A word or phrase of a group, and how telling it is of the group.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// The form the sources use most often.
    pub text: String,
    /// How many words it has, a compound counting as one.
    pub words: usize,
    /// Of the paragraphs that hold it, the share inside the group.
    pub precision: f32,
    pub score: f32,
    /// It starts or ends on a word that names nothing alone (see `names_nothing`): "last
    /// year", "dirigeants des deux", "Putin had told".
    pub weak_edge: bool,
}

/// In how many paragraphs of the pool each word and phrase (by `sequence_hash`) occurs.
pub struct PhraseCounts {
    paragraphs: HashMap<u64, u32>,
    pool: usize,
}

impl PhraseCounts {
    /// Count the words and phrases of the `pool` units.
    pub fn build(articles: &[Article], space: &TermSpace, pool: &[usize]) -> Self {
        let mut paragraphs: HashMap<u64, u32> = HashMap::new();
        let mut seen: BTreeSet<u64> = BTreeSet::new();
        for &u in pool {
            let at = space.units[u];
            let p = at.paragraph_in(articles);
            let tokens = &p.tokens;
            seen.clear();
            seen.extend(spans(&p.text, tokens).map(|(s, e)| sequence_hash(&tokens[s..e])));
            for &h in &seen {
                *paragraphs.entry(h).or_default() += 1;
            }
        }
        PhraseCounts {
            paragraphs,
            pool: pool.len(),
        }
    }
}

/// Counts of one word or phrase inside a group: in which articles, in how many paragraphs, and
/// its surface forms.
#[derive(Default)]
struct Tally<'t> {
    articles: BTreeSet<usize>,
    inside: u32,
    words: usize,
    weak_edge: bool,
    forms: HashMap<&'t str, u32>,
}

/// The telling words and phrases of `group` (indices into `space.units`, all in the pool of
/// `counts`), against the other paragraphs of the pool, best first. A term must be found in at
/// least two of the group's articles and be more frequent inside the group than outside.
pub fn telling_terms(
    articles: &[Article],
    space: &TermSpace,
    counts: &PhraseCounts,
    group: &[usize],
) -> Vec<Term> {
    let mut tallies: HashMap<u64, Tally> = HashMap::new();
    let mut seen: BTreeSet<u64> = BTreeSet::new();
    for &u in group {
        let at = space.units[u];
        let p = at.paragraph_in(articles);
        seen.clear();
        for (start, end) in spans(&p.text, &p.tokens) {
            let h = sequence_hash(&p.tokens[start..end]);
            let tally = tallies.entry(h).or_default();
            let form = &p.text[p.tokens[start].start()..p.tokens[end - 1].end()];
            *tally.forms.entry(form).or_default() += 1;
            tally.words = words_in(&p.text, &p.tokens, start, end);
            tally.weak_edge = names_nothing(&p.tokens[start]) || names_nothing(&p.tokens[end - 1]);
            if seen.insert(h) {
                tally.inside += 1;
                tally.articles.insert(at.article);
            }
        }
    }
    let group_articles = articles_of(space, group).len() as f32;
    let n_in = group.len() as f32;
    let n_out = counts.pool.saturating_sub(group.len()) as f32;
    let mut terms: Vec<Term> = tallies
        .into_iter()
        .filter(|(_, t)| t.articles.len() >= 2)
        .filter_map(|(h, t)| {
            let outside = counts
                .paragraphs
                .get(&h)
                .copied()
                .unwrap_or(0)
                .saturating_sub(t.inside);
            let p_in = t.inside as f32 / n_in;
            let p_out = (outside as f32 + 0.5) / (n_out + 1.0);
            // How much likelier in the group than outside it, for how much of the group, in how
            // many of its sources.
            let lift = (p_in / p_out).ln();
            let spread = t.articles.len() as f32 / group_articles;
            let score = spread * p_in.sqrt() * lift;
            let form = t
                .forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            (lift > 0.0).then(|| Term {
                text: form.0.to_owned(),
                words: t.words,
                precision: t.inside as f32 / (t.inside + outside) as f32,
                score,
                weak_edge: t.weak_edge,
            })
        })
        .collect();
    terms.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.text.cmp(&b.text)));
    terms
}

/// The word and phrase spans of a paragraph's tokens (cut from `text`): every telling word,
/// and every run of two to `PHRASE_WORDS` words that starts and ends on a telling word
/// ("Conseil de sécurité"), never inside a word (see `whole_at`).
fn spans<'a>(text: &'a str, tokens: &'a [Token]) -> impl Iterator<Item = (usize, usize)> + 'a {
    (0..tokens.len())
        .filter(|&s| tokens[s].is_telling() && whole_at(text, tokens, s))
        .flat_map(move |s| {
            (s + 1..=(s + PHRASE_WORDS).min(tokens.len()))
                .filter(move |&e| tokens[e - 1].is_telling() && whole_at(text, tokens, e))
                .filter(move |&e| contiguous(text, &tokens[s..e]))
                .map(move |e| (s, e))
        })
}

/// Whether a span may start or end between token `at - 1` and token `at`: not inside a
/// compound ("week-end", "vice-présidente", "aujourd'hui", "didn't"), where a part alone is
/// no keyword. An apostrophe after an elided stopword ("l'attaque") or before a possessive
/// "s" ("Trump's") is a boundary.
fn whole_at(text: &str, tokens: &[Token], at: usize) -> bool {
    let (Some(before), Some(after)) = (at.checked_sub(1).map(|b| &tokens[b]), tokens.get(at))
    else {
        return true;
    };
    let mut between = text[before.end()..after.start()].chars();
    match (between.next(), between.next()) {
        (Some(c), None) if is_hyphen(c) => false,
        (Some(c), None) if is_apostrophe(c) => {
            before.is_stop() || text[after.range()].eq_ignore_ascii_case("s")
        }
        _ => true,
    }
}

/// A hyphen between two parts of a word: ASCII, or Unicode's hyphen or no-break hyphen.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// How many words a reader counts in tokens `start..end`: a compound ("aujourd'hui",
/// "week-end") is one, though two tokens.
fn words_in(text: &str, tokens: &[Token], start: usize, end: usize) -> usize {
    1 + (start + 1..end)
        .filter(|&at| whole_at(text, tokens, at))
        .count()
}

/// Words of one phrase: one space, apostrophe or hyphen between each two, whatever its width in
/// bytes ("aujourd’hui", a no-break space in "5\u{a0}août"); any other punctuation ends a
/// phrase. A single word always is one.
fn contiguous(text: &str, tokens: &[Token]) -> bool {
    tokens.windows(2).all(|w| {
        let mut gap = text[w[0].end()..w[1].start()].chars();
        // No gap at all is the cut in a run of letters too long to be a word (see
        // `lang::words::words`): garbage, no phrase.
        match (gap.next(), gap.next()) {
            (Some(c), None) => c.is_whitespace() || is_apostrophe(c) || is_hyphen(c),
            _ => false,
        }
    })
}

/// What a discovered topic is called and found by.
#[derive(Debug, PartialEq)]
pub struct Naming {
    pub keywords: Vec<String>,
    pub label: String,
    /// Something in it tells what the group is about: its label is a phrase or a capitalised
    /// word ("Internet", "Goodlatte"), or one of its keywords is a word the language seldom
    /// uses ("insane"). Not so [dit, simplement] or [réaction, années]: a way of writing.
    pub telling: bool,
}

/// The keywords and the label of a discovered topic from its telling terms: the best words and
/// phrases as keywords, the best phrase as label (a single word when no phrase is telling).
/// A label another topic has (`taken`, in lower case) is passed over while another term can
/// name the topic: two topics named alike cannot be told apart in a list.
pub fn keywords_and_label(terms: &[Term], taken: &BTreeSet<String>) -> Option<Naming> {
    terms.first()?;
    let mut chosen: Vec<&Term> = Vec::new();
    for t in terms {
        if chosen.len() == KEYWORDS {
            break;
        }
        if !chosen.iter().any(|k| overlaps(&k.text, &t.text)) {
            chosen.push(t);
        }
    }
    let label = label_of(terms, taken)?;
    // Beside a topics file a group is kept when it tells what it is about, judged on each
    // word's own form (families are for choosing among labels).
    let says = |t: &Term| !t.weak_edge && (t.words > 1 || !everyday(&t.text));
    let telling =
        (!label.weak_edge && capital(label)) || says(label) || chosen.iter().any(|t| says(t));
    Some(Naming {
        keywords: chosen.iter().map(|t| t.text.clone()).collect(),
        label: label.text.clone(),
        telling,
    })
}

fn capital(t: &Term) -> bool {
    t.text.starts_with(|c: char| c.is_uppercase())
}

/// The term that labels a group: a label names the topic, so a phrase says more than a word,
/// and a term found mostly inside the group more than one the whole event uses. A reader
/// names a topic with a phrase or a name ("franchi la frontière", "Angkor"); a lone word
/// weighs a fifth as a label, and a lone everyday word ("lundi", "beaucoup", "demandant") or a
/// phrase cut on one names nothing: it labels only when no candidate says more. A label
/// another topic has (`taken`) is passed over while another term can name the group.
fn label_of<'t>(terms: &'t [Term], taken: &BTreeSet<String>) -> Option<&'t Term> {
    let named = |t: &Term| !t.weak_edge && (t.words > 1 || (capital(t) && !everyday(&t.text)));
    // A phrase, or a word whose family the language seldom uses, says what the group is
    // about: "demandant" is as everyday as "demander".
    let says = |t: &Term| !t.weak_edge && (t.words > 1 || label_tenths(&t.text) < EVERYDAY_LABEL);
    let label_score = |t: &Term| {
        let plain = if named(t) { 1.0 } else { LONE_WORD };
        t.score * t.precision.sqrt() * (1.0 + 0.25 * (t.words.min(3) - 1) as f32) * plain
    };
    let free = |t: &&Term| !taken.contains(&t.text.to_lowercase());
    let all = &terms[..terms.len().min(2 * KEYWORDS)];
    let untaken: Vec<&Term> = all.iter().filter(free).collect();
    let candidates: Vec<&Term> = if untaken.is_empty() {
        all.iter().collect()
    } else {
        untaken
    };
    let by_label_score = |a: &&&Term, b: &&&Term| {
        label_score(a)
            .total_cmp(&label_score(b))
            .then(b.text.cmp(&a.text))
    };
    // When every candidate is everyday, the least everyday says most ("autonomie", not
    // "trouve"; "mineurs", not "rien").
    let rarest_first = |a: &&&Term, b: &&&Term| {
        label_tenths(&b.text)
            .cmp(&label_tenths(&a.text))
            .then(by_label_score(a, b))
    };
    let best: &'t Term = candidates
        .iter()
        .filter(|t| says(t))
        .max_by(by_label_score)
        .or_else(|| candidates.iter().max_by(rarest_first))
        .copied()?;
    // A word or a cut phrase reads better in the longer phrase the sources put it in ("Vladimir
    // Poutine", "ministre des Affaires étrangères").
    let longer = terms
        .iter()
        .filter(free)
        .filter(|t| {
            t.words > best.words
                && !t.weak_edge
                && t.score >= 0.5 * best.score
                && overlaps(&t.text, &best.text)
        })
        .max_by(|a, b| a.score.total_cmp(&b.score).then(b.text.cmp(&a.text)));
    Some(longer.unwrap_or(best))
}

/// A lone word of everyday language names no topic even with a capital: "Among" or "Whether"
/// open a sentence, "Angkor" names a place (see `lang::lists`).
fn everyday(word: &str) -> bool {
    let [fr, en] = zipf_tenths(&fold(word));
    fr.max(en) >= EVERYDAY_LABEL
}

/// How often the languages use a label's words, in tenths of Zipf (the rarest word of a
/// phrase): a name as its one form ("Fortis" is no form of "fort"), a common word as its
/// family ("demandant" is as everyday as "demander", `lang::families`). A figure ("500")
/// names nothing and counts as the commonest.
fn label_tenths(text: &str) -> u8 {
    text.split_whitespace()
        .map(|word| {
            if word.starts_with(|c: char| c.is_ascii_digit()) {
                return u8::MAX;
            }
            let folded = fold(word);
            let [fr, en] = if word.starts_with(char::is_uppercase) {
                zipf_tenths(&folded)
            } else {
                family_zipf_tenths(&folded)
            };
            fr.max(en)
        })
        .min()
        .unwrap_or(0)
}

/// A number, a day or a month, or one of the words a language uses most ("two", "last",
/// "told", "deux", "toujours"): a label that starts or ends on one says when or how much, or
/// is cut from a sentence, and names no subject.
fn names_nothing(token: &Token) -> bool {
    token.is_numeric() || token.is_calendar() || token.zipf_tenths() >= COMMONEST
}

/// Zipf 5.8, once in 1,600 words: the commonest few hundred words of a language.
const COMMONEST: u8 = 58;

/// A lone word the language uses this often (Zipf 4.5: once in 30,000 words) is everyday.
const EVERYDAY_LABEL: u8 = 45;

/// Whether one keyword already says the other (a word of the phrase, or the phrase itself).
fn overlaps(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    long.windows(short.len().max(1))
        .any(|w| w == short.as_slice())
}

/// A label that stops inside a name or a phrase the sources write on, completed: the word
/// that follows it in two thirds of its places in the group or more (two places at least), up
/// to `NAME_RUNS_ON` words. A name runs on in capitalised words ("President Vladimir" of
/// "President Vladimir Putin"); a phrase of lowercase words also in a word that names something
/// ("Iran's deputy foreign minister", "placement en détention provisoire"), never in a verb
/// after a name ("Angkor Vat appartenait").
pub fn complete_name(
    label: &str,
    articles: &[Article],
    space: &TermSpace,
    group: &[usize],
) -> String {
    let mut label = label.to_owned();
    for _ in 0..NAME_RUNS_ON {
        let last = label.split_whitespace().last();
        let in_name = last.is_some_and(capitalised);
        let in_phrase = !in_name && label.split_whitespace().nth(1).is_some();
        if !in_name && !in_phrase {
            break;
        }
        let (places, next) = words_after(&label, articles, space, group, in_phrase);
        let best = next
            .into_values()
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        match best {
            Some((count, joined)) if count >= 2 && 3 * count >= 2 * places => {
                label.push_str(&joined);
            }
            _ => break,
        }
    }
    label
}

fn capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// In how many places of the group `label` is written, and, by folded form, how often each
/// capitalised word follows it with what joins them (" Putin", " Jae-in": a compound whole);
/// with `any_telling`, each word that names something too (" minister").
fn words_after(
    label: &str,
    articles: &[Article],
    space: &TermSpace,
    group: &[usize],
    any_telling: bool,
) -> (usize, BTreeMap<String, (usize, String)>) {
    let mut places = 0;
    let mut next: BTreeMap<String, (usize, String)> = BTreeMap::new();
    // The label's keys in each language of the group, worked out once.
    let mut keys: BTreeMap<Language, Vec<u64>> = BTreeMap::new();
    for &u in group {
        let at = space.units[u];
        let p = at.paragraph_in(articles);
        let lang = articles[at.article].language;
        let want = keys
            .entry(lang)
            .or_insert_with(|| tokenize(label, lang).iter().map(|t| t.hash).collect());
        if want.is_empty() {
            continue;
        }
        for (s, words) in p.tokens.windows(want.len()).enumerate() {
            if !words.iter().map(|t| t.hash).eq(want.iter().copied()) || !contiguous(&p.text, words)
            {
                continue;
            }
            places += 1;
            let last = s + want.len() - 1;
            let Some(after) = p.tokens.get(last + 1) else {
                continue;
            };
            let names = any_telling && after.is_telling() && !names_nothing(after);
            if !(names || capitalised(&p.text[after.range()]))
                || !contiguous(&p.text, &p.tokens[last..=last + 1])
            {
                continue;
            }
            let end = (last + 2..p.tokens.len())
                .find(|&e| whole_at(&p.text, &p.tokens, e))
                .unwrap_or(p.tokens.len());
            let joined = &p.text[p.tokens[last].end()..p.tokens[end - 1].end()];
            next.entry(fold(joined)).or_insert((0, joined.to_owned())).0 += 1;
        }
    }
    (places, next)
}

/// At most this many words are added to a label cut inside a name or a phrase.
const NAME_RUNS_ON: usize = 2;

/// The articles a group of units comes from.
pub fn articles_of(space: &TermSpace, group: &[usize]) -> BTreeSet<usize> {
    group
        .iter()
        .map(|&u| {
            let ParaRef { article, .. } = space.units[u];
            article
        })
        .collect()
}

#[cfg(test)]
#[path = "describe_tests.rs"]
mod tests;
