//! Keywords spelt as the articles spell them: a reader may type "dalai lama" for "dalaï-lama".
//!
//! Words match by their stem, and an accent can change what the stemmer cuts ("dalaï" keeps
//! its ending, "dalai" loses "ai" as a verb's), so a keyword typed without the accents of
//! the text could miss every paragraph. A keyword word that no article holds is spelt again as
//! the article word it equals, case and accents aside.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};

use crate::lang::hashed::ByHash;
use crate::lang::text::{Language, fold, fold_into, tokenize};
use crate::lang::words::words;
use crate::model::article::{Article, Kind};

/// How the articles spell words a keyword holds in another way: the folded word, then the
/// articles' spelling (the commonest, or the first met of equally common ones).
#[derive(Debug, Default, PartialEq)]
pub struct Spellings(HashMap<String, String>);

impl Spellings {
    /// The articles' spellings of the words of `keywords` that no body paragraph holds as
    /// typed (as the aligner matches words: by their keys, in each article's language).
    pub fn of_keywords<'k>(
        articles: &[Article],
        keywords: impl IntoIterator<Item = &'k str>,
    ) -> Self {
        let keywords: Vec<&str> = keywords.into_iter().collect();
        let typed: Vec<&str> = keywords
            .iter()
            .flat_map(|k| words(k).map(move |r| &k[r]))
            .collect();
        let languages: BTreeSet<Language> = articles.iter().map(|a| a.language).collect();
        // Each word's key in each language.
        let mut keys: ByHash<Vec<(Language, usize)>> = ByHash::default();
        let mut held = vec![false; typed.len()];
        for (w, word) in typed.iter().enumerate() {
            for &lang in &languages {
                if let Some(t) = tokenize(word, lang).first() {
                    keys.entry(t.hash).or_default().push((lang, w));
                }
            }
        }
        for a in articles {
            let body = a.paragraphs.iter().filter(|p| p.kind == Kind::Body);
            for t in body.flat_map(|p| &p.tokens) {
                for &(lang, w) in keys.get(&t.hash).map_or(&[][..], Vec::as_slice) {
                    held[w] |= lang == a.language;
                }
            }
        }
        let compounds = parted_unheld(&keywords, &held);
        let missing = typed
            .iter()
            .zip(&held)
            .filter(|(_, h)| !**h)
            .map(|(w, _)| *w);
        Spellings::find(articles, missing, &compounds)
    }

    /// The articles' spellings of `missing` (words no article holds as they are typed): the
    /// body words that fold to the same, accents and case aside.
    /// `compounds`, typed with a hyphen and sought whole, may be spelt as an ASCII word.
    fn find<'w>(
        articles: &[Article],
        missing: impl IntoIterator<Item = &'w str>,
        compounds: &[String],
    ) -> Self {
        let typed: Vec<&str> = missing.into_iter().collect();
        let wanted: HashSet<String> = typed
            .iter()
            .copied()
            .chain(compounds.iter().map(String::as_str))
            .map(fold)
            .filter(|folded| !folded.is_empty())
            .collect();
        if wanted.is_empty() {
            return Spellings::default();
        }
        let lengths: HashSet<usize> = wanted.iter().map(String::len).collect();
        let only_accented = compounds.is_empty() && typed.iter().all(|w| w.is_ascii());
        let mut counts: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
        let mut folded = String::new();
        for p in articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .filter(|p| p.kind == Kind::Body)
        {
            let mut previous: Option<std::ops::Range<usize>> = None;
            for token in &p.tokens {
                let range = token.range();
                // A compound the text hyphenates and the keyword writes whole: "weekend" for
                // "week-end", "cyberattack" for "cyber-attack".
                if let Some(joined) = previous
                    .take()
                    .filter(|before| is_hyphen_alone(&p.text[before.end..range.start]))
                    .map(|before| &p.text[before.start..range.end])
                {
                    fold_into(joined, &mut folded);
                    folded.retain(|c| !is_hyphen(c));
                    if let Some(word) = wanted.get(folded.as_str()) {
                        *counts
                            .entry(word.as_str())
                            .or_default()
                            .entry(joined)
                            .or_default() += 1;
                    }
                }
                previous = Some(range.clone());
                let surface = &p.text[range];
                if !may_fold_to(&lengths, only_accented, surface) {
                    continue;
                }
                fold_into(surface, &mut folded);
                if let Some(word) = wanted.get(folded.as_str()) {
                    *counts
                        .entry(word.as_str())
                        .or_default()
                        .entry(surface)
                        .or_default() += 1;
                }
            }
        }
        let chosen = counts.into_iter().filter_map(|(word, forms)| {
            let best = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            Some((word.to_owned(), best.0.to_owned()))
        });
        Spellings(chosen.collect())
    }

    /// A compound typed in two words at word `i` of `keyword` ("cyber-attaque", "cyber
    /// attack") that the articles write whole: its span and their spelling.
    fn compound_at(
        &self,
        keyword: &str,
        ranges: &[std::ops::Range<usize>],
        i: usize,
    ) -> Option<(std::ops::Range<usize>, &str)> {
        let next = ranges.get(i + 1)?;
        if !is_joint(&keyword[ranges[i].end..next.start]) {
            return None;
        }
        let whole = ranges[i].start..next.end;
        let joined: String = keyword[whole.clone()]
            .chars()
            .filter(|&c| !is_hyphen(c) && c != ' ')
            .collect();
        let spelt = self.0.get(&fold(&joined))?;
        Some((whole, spelt.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `keyword` with each word the articles spell otherwise spelt as they do.
    pub fn respell<'k>(&self, keyword: &'k str) -> Cow<'k, str> {
        if self.0.is_empty() {
            return Cow::Borrowed(keyword);
        }
        let mut out = String::with_capacity(keyword.len());
        let mut at = 0;
        let mut changed = false;
        let ranges: Vec<std::ops::Range<usize>> = words(keyword).collect();
        let mut i = 0;
        while i < ranges.len() {
            let (range, spelt, step) =
                if let Some((whole, spelt)) = self.compound_at(keyword, &ranges, i) {
                    (whole, Some(spelt), 2)
                } else {
                    let range = ranges[i].clone();
                    let spelt = self
                        .0
                        .get(&fold(&keyword[range.clone()]))
                        .map(String::as_str);
                    (range, spelt, 1)
                };
            if let Some(spelt) = spelt {
                out.push_str(&keyword[at..range.start]);
                out.push_str(spelt);
                at = range.end;
                changed = true;
            }
            i += step;
        }
        if !changed {
            return Cow::Borrowed(keyword);
        }
        out.push_str(&keyword[at..]);
        Cow::Owned(out)
    }
}

/// The compounds `keywords` type in two words ("cyber-attaque", "cyber attack") of which a
/// part is a word no article holds (`held`, word by word in the order `words` cuts the
/// keywords): the whole word, hyphen or space left out, for the articles to spell
/// ("cyberattaque", "cyberattack").
fn parted_unheld(keywords: &[&str], held: &[bool]) -> Vec<String> {
    let mut compounds = Vec::new();
    let mut w = 0;
    for k in keywords {
        let ranges: Vec<std::ops::Range<usize>> = words(k).collect();
        for (i, pair) in ranges.windows(2).enumerate() {
            let apart = !held[w + i] || !held[w + i + 1];
            if apart && is_joint(&k[pair[0].end..pair[1].start]) {
                compounds.push(format!("{}{}", &k[pair[0].clone()], &k[pair[1].clone()]));
            }
        }
        w += ranges.len();
    }
    compounds
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Whether the text between two keyword words may join them into one: a hyphen or a space
/// ("cyber-attaque", "cyber attack"), and nothing else.
fn is_joint(between: &str) -> bool {
    between == " " || is_hyphen_alone(between)
}

/// Whether the text between two words is one hyphen and nothing else.
fn is_hyphen_alone(between: &str) -> bool {
    let mut chars = between.chars();
    chars.next().is_some_and(is_hyphen) && chars.next().is_none()
}

/// Whether a word may fold to a word of one of these byte lengths: an ASCII word folds to
/// its own length, an accented letter to one byte, a ligature to two ("œ"). Folding every word
/// of a thousand articles would cost more than aligning them. An ASCII word that folds to an
/// ASCII keyword word is that word already: when every word sought is ASCII, only accented
/// words are looked at.
fn may_fold_to(lengths: &HashSet<usize>, only_accented: bool, surface: &str) -> bool {
    if surface.is_ascii() {
        return !only_accented && lengths.contains(&surface.len());
    }
    let chars = surface.chars().count();
    (chars..=chars + 2).any(|n| lengths.contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::articles;

    fn spellings_of(keyword: &str, paragraphs: &[&str]) -> (Spellings, String) {
        let arts = articles(&[paragraphs]);
        let spellings = Spellings::of_keywords(&arts, [keyword]);
        let respelt = spellings.respell(keyword).into_owned();
        (spellings, respelt)
    }

    #[test]
    fn a_word_typed_without_its_accents_is_spelt_as_the_articles_spell_it() {
        let (_, respelt) = spellings_of(
            "dalai lama",
            &["Le dalaï-lama a été reçu à Gdansk samedi par le président français."],
        );
        // The compound whole, as the articles write it: the same two words to the aligner.
        assert_eq!(respelt, "dalaï-lama");
        let (_, respelt) = spellings_of(
            "dalai",
            &["Le dalaï-lama a été reçu à Gdansk samedi par le président français."],
        );
        assert_eq!(respelt, "dalaï");
        let (_, respelt) = spellings_of(
            "Elysee",
            &["L'Élysée a confirmé la rencontre, l'Élysée ne dit rien de plus."],
        );
        assert_eq!(respelt, "Élysée");
        // French capitals often go without their accents.
        let (_, respelt) = spellings_of(
            "Élysée",
            &["L'ELYSEE A CONFIRME LA VISITE DU PRESIDENT CHINOIS A PARIS."],
        );
        assert_eq!(
            respelt, "ELYSEE",
            "accents typed where the articles have none"
        );
    }

    #[test]
    fn words_the_articles_hold_are_left_as_typed() {
        let (spellings, respelt) = spellings_of(
            "président Sarkozy",
            &["Le président Sarkozy a reçu le dalaï-lama samedi à Gdansk en Pologne."],
        );
        assert!(spellings.is_empty());
        assert_eq!(respelt, "président Sarkozy");
        let (_, respelt) = spellings_of(
            "Pyongyang",
            &["Le dalaï-lama a été reçu à Gdansk samedi par le président français."],
        );
        assert_eq!(respelt, "Pyongyang", "nothing to spell it as");
    }

    /// Only words that may fold to a sought length are folded: ASCII words of that length
    /// (none when every word sought is ASCII), accented ones of as many letters or two fewer.
    #[test]
    fn only_words_that_may_fold_to_a_sought_word_are_folded() {
        let five = HashSet::from([5]);
        assert!(may_fold_to(&five, false, "panne"));
        assert!(
            !may_fold_to(&five, true, "panne"),
            "ASCII keywords seek accents"
        );
        assert!(!may_fold_to(&five, false, "pannes"));
        assert!(may_fold_to(&five, true, "dalaï"));
        assert!(
            may_fold_to(&HashSet::from([7]), true, "dalaï"),
            "ligatures fold longer"
        );
        assert!(!may_fold_to(&HashSet::from([9]), true, "dalaï"));
    }

    #[test]
    fn a_word_typed_whole_is_spelt_as_the_compound_the_articles_hyphenate() {
        let (_, respelt) = spellings_of(
            "weekend",
            &["Le week-end dernier, le sommet a été reporté sans date."],
        );
        assert_eq!(respelt, "week-end");
        let (_, respelt) = spellings_of(
            "cyberattack claims",
            &["The cyber‐attack, he said, came from abroad."],
        );
        assert_eq!(respelt, "cyber‐attack claims");
        let (_, respelt) = spellings_of(
            "cyber-attaque massive",
            &["Une cyberattaque massive a visé le site, selon Musk."],
        );
        assert_eq!(respelt, "cyberattaque massive");
        let (_, respelt) = spellings_of(
            "cyber attack on X",
            &["A cyberattack hit X on Monday, Musk said."],
        );
        assert_eq!(respelt, "cyberattack on X");
        // Two words the articles hold apart stay apart, though they hold them whole too.
        let (_, respelt) = spellings_of(
            "data base",
            &["The data base is down.", "A database of names was stolen."],
        );
        assert_eq!(respelt, "data base");
        // A compound the articles hyphenate too is left as typed.
        let (spellings, respelt) = spellings_of("week-end", &["Le week-end dernier, rien."]);
        assert!(spellings.is_empty());
        assert_eq!(respelt, "week-end");
        // Two words a dash sets apart are no compound.
        let (_, respelt) = spellings_of("weekend", &["Le week - end est passé."]);
        assert_eq!(respelt, "weekend");
    }

    #[test]
    fn the_commonest_spelling_wins() {
        let (_, respelt) = spellings_of(
            "securite",
            &[
                "La sécurité du sommet est assurée par la police et la sécurité privée.",
                "Le Conseil de Sécurité se réunit lundi à New York pour en débattre.",
            ],
        );
        assert_eq!(respelt, "sécurité");
    }
}
