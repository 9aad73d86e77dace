//! The word lists shipped with synoptic, French first and English second: stopwords, and how
//! often each language uses its words in general (`assets/word-frequency`, from wordfreq).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::hashed::FastHash;

/// French's bit in [`stopword_languages`], and its index in [`zipf_tenths`].
pub const FRENCH: usize = 0;
/// English's bit in [`stopword_languages`], and its index in [`zipf_tenths`].
pub const ENGLISH: usize = 1;

/// The languages a folded word is a stopword in: bit `1 << FRENCH`, bit `1 << ENGLISH`. One
/// lookup tells both (language detection asks of a thousand words per article).
pub fn stopword_languages(folded: &str) -> u8 {
    static ALL: OnceLock<HashMap<&'static str, u8, FastHash>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut all = HashMap::with_hasher(FastHash::default());
        let lists = [
            include_str!("../../../../assets/stopwords/fr.txt"),
            include_str!("../../../../assets/stopwords/en.txt"),
        ];
        for (lang, list) in lists.into_iter().enumerate() {
            for word in entries(list).flat_map(str::split_whitespace) {
                *all.entry(word).or_default() |= 1 << lang;
            }
        }
        all
    });
    all.get(folded).copied().unwrap_or(0)
}

/// How often French and English use a folded word in general, in tenths of Zipf frequency
/// (log10 of uses per billion words: 60 is once in a thousand words); 0 for a word rarer than
/// the lists (3.5, once in 300,000 words).
pub fn zipf_tenths(folded: &str) -> [u8; 2] {
    static ALL: OnceLock<HashMap<&'static str, [u8; 2], FastHash>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut all: HashMap<&'static str, [u8; 2], FastHash> =
            HashMap::with_hasher(FastHash::default());
        for lang in [FRENCH, ENGLISH] {
            for (word, tenths) in frequencies(lang) {
                all.entry(word).or_default()[lang] = tenths;
            }
        }
        all
    });
    all.get(folded).copied().unwrap_or_default()
}

/// The months, folded, in French and in English.
pub const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];
pub const ENGLISH_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The days of the week, folded, in French and in English.
const WEEKDAYS: [&str; 14] = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a folded word names a day of the week or a month, in French or English: a label
/// that starts or ends on one says when ("Wednesday morning", "early June", "août dernier").
/// "May" and "March" are left out: as often a name or a word ("Theresa May", "the march").
pub fn is_calendar_word(folded: &str) -> bool {
    WEEKDAYS.contains(&folded)
        || FRENCH_MONTHS.contains(&folded)
        || (ENGLISH_MONTHS.contains(&folded) && !matches!(folded, "may" | "march"))
}

/// The lines of a list that are not comments (`#`).
/// Every word of language `lang`'s frequency list ([`FRENCH`] or [`ENGLISH`]), with how often
/// it is used in tenths of Zipf frequency.
pub fn frequencies(lang: usize) -> impl Iterator<Item = (&'static str, u8)> {
    let lists = [
        include_str!("../../../../assets/word-frequency/fr.txt"),
        include_str!("../../../../assets/word-frequency/en.txt"),
    ];
    // Each line: a frequency, then the words used that often.
    entries(lists[lang]).flat_map(|line| {
        let mut words = line.split_whitespace();
        let zipf: f32 = words.next().and_then(|z| z.parse().ok()).unwrap_or(0.0);
        let tenths = (zipf * 10.0).round().clamp(0.0, 255.0) as u8;
        words.map(move |word| (word, tenths))
    })
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().filter(|l| !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_say_which_language_a_word_belongs_to_and_how_common_it_is() {
        assert_eq!(stopword_languages("les"), 1 << FRENCH);
        assert_eq!(stopword_languages("the"), 1 << ENGLISH);
        assert_eq!(stopword_languages("tapes"), 0);
        let [fr, en] = zipf_tenths("loyalty");
        assert!(fr < en && (40..50).contains(&en), "{fr} {en}");
        assert_eq!(zipf_tenths("xyzzy"), [0, 0]);
    }

    #[test]
    fn days_and_months_are_calendar_words_in_both_languages() {
        for word in ["lundi", "aout", "decembre", "wednesday", "june"] {
            assert!(is_calendar_word(word), "{word}");
        }
        for word in ["may", "march", "Wednesday", "août", "matin", "sommet"] {
            assert!(!is_calendar_word(word), "{word}");
        }
    }
}
