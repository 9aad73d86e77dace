//! How often a language uses a word's family: the forms of its frequency list that stem
//! alike ("trouvait", "trouver", "trouvé"), counted together.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::lang::hashed::FastHash;
use crate::lang::lists::frequencies;
use crate::lang::text::Language;

/// How often French and English use the family of a folded word, in tenths of Zipf frequency
/// (see `lang::lists`): the uses of every listed form with its stem, added up. A verb's forms
/// are each rarer than the verb ("demandant" against "demander"); the family says how everyday
/// the word is. 0 when no form is in the list.
pub fn family_zipf_tenths(folded: &str) -> [u8; 2] {
    [Language::French, Language::English].map(|lang| family_tenths(lang, folded))
}

/// A language's list, sorted by word, and the families already added up, by stem.
struct Families {
    sorted: Vec<(&'static str, u8)>,
    known: Mutex<HashMap<String, u8, FastHash>>,
}

fn families(lang: Language) -> &'static Families {
    static ALL: [OnceLock<Families>; 2] = [OnceLock::new(), OnceLock::new()];
    ALL[lang.index()].get_or_init(|| {
        let mut sorted: Vec<(&'static str, u8)> = frequencies(lang.index()).collect();
        sorted.sort_unstable();
        Families {
            sorted,
            known: Mutex::new(HashMap::with_hasher(FastHash::default())),
        }
    })
}

fn family_tenths(lang: Language, folded: &str) -> u8 {
    let stem = lang.stem_folded(folded);
    let families = families(lang);
    let known = || {
        families
            .known
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    };
    if let Some(&tenths) = known().get(&stem) {
        return tenths;
    }
    let tenths = add_up(lang, &families.sorted, &stem);
    known().insert(stem, tenths);
    tenths
}

/// The family of `stem` in `sorted`: every form of it starts with the stem but its last letter
/// (Snowball may turn that one, "deny" to "deni"), so only the words from there are stemmed,
/// not the whole list.
fn add_up(lang: Language, sorted: &[(&'static str, u8)], stem: &str) -> u8 {
    let prefix = stem.char_indices().last().map_or("", |(at, _)| &stem[..at]);
    let start = sorted.partition_point(|(w, _)| *w < prefix);
    let uses: f64 = sorted[start..]
        .iter()
        .take_while(|(w, _)| w.starts_with(prefix))
        .filter(|(w, _)| lang.stem_folded(w) == stem)
        .map(|&(_, tenths)| 10f64.powf(f64::from(tenths) / 10.0))
        .sum();
    if uses == 0.0 {
        return 0;
    }
    (uses.log10() * 10.0).round().clamp(0.0, 255.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::lists::zipf_tenths;

    #[test]
    fn a_verb_form_is_as_everyday_as_its_verb() {
        let [fr, _] = family_zipf_tenths("demandant");
        assert!(fr > zipf_tenths("demandant")[0], "{fr}");
        assert!(fr >= zipf_tenths("demander")[0]);
        let [_, en] = family_zipf_tenths("denied");
        assert!(en >= zipf_tenths("deny")[1].max(zipf_tenths("denied")[1]));
        assert!(en > zipf_tenths("denied")[1]);
    }

    #[test]
    fn a_rare_word_stays_rare_and_an_unknown_one_is_zero() {
        assert!(family_zipf_tenths("helicoptere")[0] < 45);
        assert_eq!(family_zipf_tenths("qzxwv"), [0, 0]);
    }

    #[test]
    fn a_family_is_every_form_of_the_list_with_the_stem() {
        // Worked out the long way, over the whole list, for a few stems of both languages.
        for (lang, word) in [
            (Language::French, "trouvait"),
            (Language::French, "autonomie"),
            (Language::English, "denied"),
            (Language::English, "happily"),
        ] {
            let stem = lang.stem_folded(word);
            let uses: f64 = frequencies(lang.index())
                .filter(|(w, _)| lang.stem_folded(w) == stem)
                .map(|(_, t)| 10f64.powf(f64::from(t) / 10.0))
                .sum();
            let whole = (uses.log10() * 10.0).round() as u8;
            assert_eq!(family_tenths(lang, word), whole, "{word}");
        }
    }
}
