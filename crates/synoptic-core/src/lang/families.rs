//! How often a language uses a word's family: the forms of its frequency list that stem
//! alike ("trouvait", "trouver", "trouvé"), counted together.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::hashed::FastHash;
use crate::lang::lists::frequencies;
use crate::lang::text::Language;

/// How often French and English use the family of a folded word, in tenths of Zipf frequency
/// (see `lang::lists`): the uses of every listed form with its stem, added up. A verb's forms
/// are each rarer than the verb ("demandant" against "demander"); the family says how everyday
/// the word is. 0 when no form is in the list.
pub fn family_zipf_tenths(folded: &str) -> [u8; 2] {
    [Language::French, Language::English].map(|lang| {
        let stem = lang.stem_folded(folded);
        families(lang).get(stem.as_str()).copied().unwrap_or(0)
    })
}

/// Every stem of `lang`'s frequency list, with its family's frequency in tenths of Zipf.
fn families(lang: Language) -> &'static HashMap<String, u8, FastHash> {
    static ALL: [OnceLock<HashMap<String, u8, FastHash>>; 2] = [OnceLock::new(), OnceLock::new()];
    ALL[lang.index()].get_or_init(|| {
        let mut uses: HashMap<String, f64, FastHash> = HashMap::with_hasher(FastHash::default());
        for (word, tenths) in frequencies(lang.index()) {
            *uses.entry(lang.stem_folded(word)).or_default() +=
                10f64.powf(f64::from(tenths) / 10.0);
        }
        uses.into_iter()
            .map(|(stem, n)| (stem, (n.log10() * 10.0).round().clamp(0.0, 255.0) as u8))
            .collect()
    })
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
    }

    #[test]
    fn a_rare_word_stays_rare_and_an_unknown_one_is_zero() {
        assert!(family_zipf_tenths("helicoptere")[0] < 45);
        assert_eq!(family_zipf_tenths("qzxwv"), [0, 0]);
    }
}
