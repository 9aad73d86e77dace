//! Language detection and word normalisation: tokens that keep their offsets into the text.
//!
//! Every comparison in synoptic runs on a token's key, by its hash (`Token::hash`): lower case,
//! accents folded, typographic apostrophes split off (French elisions become stopword tokens of
//! their own), Snowball stem. `Token::range` always points back into the original text, so
//! nothing is ever copied for display.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rust_stemmers::{Algorithm, Stemmer};

use crate::lang::hashed::FastHash;
use crate::lang::lists;
use crate::lang::words::words;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The languages synoptic knows how to normalise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub enum Language {
    #[serde(rename = "fr")]
    French,
    #[serde(rename = "en")]
    English,
}

impl Language {
    /// ISO 639-1 code, as written in the JSON export.
    pub fn code(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
        }
    }

    fn stemmer(self) -> &'static Stemmer {
        static FR: OnceLock<Stemmer> = OnceLock::new();
        static EN: OnceLock<Stemmer> = OnceLock::new();
        match self {
            Language::French => FR.get_or_init(|| Stemmer::create(Algorithm::French)),
            Language::English => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
        }
    }

    /// The stem of a folded word, folded: what the forms of one word share ("trouv" for
    /// "trouvait" and "trouver").
    pub(crate) fn stem_folded(self, folded: &str) -> String {
        fold(&self.stemmer().stem(folded))
    }

    /// This language's place in the word lists (`lang::lists`).
    pub(crate) fn index(self) -> usize {
        match self {
            Language::French => lists::FRENCH,
            Language::English => lists::ENGLISH,
        }
    }

    /// Is this folded word a stopword in this language?
    pub fn is_stopword(self, folded: &str) -> bool {
        lists::stopword_languages(folded) & (1 << self.index()) != 0
    }

    /// How often this language uses this folded word, in tenths of Zipf frequency (log10 of
    /// uses per billion words; see `lang::lists`): 0 when it is rarer than the list.
    pub fn zipf_tenths(self, folded: &str) -> u8 {
        lists::zipf_tenths(folded)[self.index()]
    }
}

/// One word of a text: where it is, and the hash of the key it is compared by. Sixteen bytes
/// and `Copy`: a thousand articles hold about a million tokens. The key itself is not stored;
/// [`Token::key`] works it out again from the word, for the few places that show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// A hash of the key (lower case, accents folded, stem): what two words must share to
    /// count as the same wording. Every comparison runs on it.
    pub hash: u64,
    /// Byte offset of the word in the text it was cut from.
    start: u32,
    /// Byte length of the word (`words` never makes one longer than `MAX_WORD`).
    len: u16,
    /// `STOP`, `NUMERIC`, `TELLING`, `CLAUSE_END` and `CALENDAR`, worked out once.
    flags: u8,
    /// See [`Token::zipf_tenths`]; in the byte the other fields leave free.
    zipf: u8,
}

const STOP: u8 = 1;
const NUMERIC: u8 = 2;
const TELLING: u8 = 4;
const CLAUSE_END: u8 = 8;
const CALENDAR: u8 = 16;

/// What ends a clause between two words: two words with one of these between them are never
/// one run of shared wording.
const CLAUSE_ENDS: [char; 6] = ['.', '!', '?', ';', ':', '…'];

impl Token {
    /// Byte range of the word in the text it was cut from.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.start as usize + usize::from(self.len)
    }

    /// A stopword carries no topic on its own ("de", "the", the "l" of "l'échange").
    pub fn is_stop(&self) -> bool {
        self.flags & STOP != 0
    }

    /// Contains a digit: "40", "20h42", "1,3".
    pub fn is_numeric(&self) -> bool {
        self.flags & NUMERIC != 0
    }

    /// A word that may be highlighted as shared on its own: not a stopword, and either a number
    /// or at least three letters long.
    pub fn is_telling(&self) -> bool {
        self.flags & TELLING != 0
    }

    /// Whether a clause ends between this word and the next one of its text (a '.', '!', '?',
    /// ';', ':' or '…' between them): consecutive words are one run only when it does not.
    /// False for the last word.
    pub fn ends_clause(&self) -> bool {
        self.flags & CLAUSE_END != 0
    }

    /// A day of the week or a month, in French or English (see `lists::is_calendar_word`).
    pub fn is_calendar(&self) -> bool {
        self.flags & CALENDAR != 0
    }

    /// How often the language uses this word in general, in tenths of Zipf frequency (log10
    /// of uses per billion words): 60 is once in a thousand words; 0 rarer than 3.5 or a
    /// number. What tells an everyday word ("told", "rapidement") from one these articles use
    /// far more than the language does.
    pub fn zipf_tenths(&self) -> u8 {
        self.zipf
    }

    /// The key this token was compared by, from `text`, the text it was cut from, in `lang`.
    pub fn key(&self, text: &str, lang: Language) -> Arc<str> {
        normalised_key(&text[self.range()], lang)
    }
}

/// One hash for a run of words, from their keys in order (FNV-1a over the key hashes): what
/// a phrase or a quotation is counted and matched by.
pub fn sequence_hash(tokens: &[Token]) -> u64 {
    tokens.iter().fold(0xcbf2_9ce4_8422_2325, |h, t| {
        (h ^ t.hash).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Apostrophes that split words: ASCII, typographic right and left quotes, modifier letter.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Lower case, accents and ligatures folded, typographic apostrophes made ASCII.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// `fold(word)` written into `out` (cleared first), so a loop can reuse one buffer.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    let latin = latin_folds();
    for c in word.chars() {
        match latin.get(c as usize) {
            Some(folded) => out.push_str(folded),
            None => fold_char(c, out),
        }
    }
}

/// `fold_char` of every character below U+0180 (ASCII, Latin-1 and Latin Extended-A, where
/// French and English accents are), worked out once: decomposing each accented letter of
/// every word again was a tenth of reading.
fn latin_folds() -> &'static [String] {
    static LATIN: OnceLock<Vec<String>> = OnceLock::new();
    LATIN.get_or_init(|| {
        (0..0x180u32)
            .filter_map(char::from_u32)
            .map(|c| {
                let mut folded = String::new();
                fold_char(c, &mut folded);
                folded
            })
            .collect()
    })
}

/// One character folded: decomposed, its accents dropped, lower case. Marks are dropped
/// whatever their order, so a word folds to the same as the characters of its
/// decomposition, each folded on its own.
fn fold_char(c: char, out: &mut String) {
    std::iter::once(c)
        .nfd()
        .for_each(|d| fold_decomposed(d, out));
}

/// One character of a decomposition folded: an accent dropped, a ligature spelt out, lower
/// case.
fn fold_decomposed(c: char, out: &mut String) {
    match c {
        c if is_combining_mark(c) => {}
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c if is_apostrophe(c) => out.push('\''),
        c => out.extend(c.to_lowercase()),
    }
}

/// Cut a text into word tokens, each with its byte range and normalised key. A text is at
/// most a few MiB (articles are read up to 8 MiB), so its offsets fit in 32 bits.
pub fn tokenize(text: &str, lang: Language) -> Vec<Token> {
    assert!(
        u32::try_from(text.len()).is_ok(),
        "tokenize refuses texts of 4 GiB"
    );
    let mut tokens: Vec<Token> = words(text)
        .map(|range| {
            let word = &text[range.clone()];
            make_token(word, range, lang)
        })
        .collect();
    for i in 1..tokens.len() {
        if text[tokens[i - 1].end()..tokens[i].start()].contains(CLAUSE_ENDS) {
            tokens[i - 1].flags |= CLAUSE_END;
        }
    }
    // Tokens stay as long as their article: no room left over from growing.
    tokens.shrink_to_fit();
    tokens
}

/// What a surface word normalises to: its key, the key's hash, and its token flags.
struct Normalised {
    key: Arc<str>,
    hash: u64,
    flags: u8,
    zipf: u8,
}

thread_local! {
    /// News text repeats its words (Zipf): normalise each surface form once per thread and
    /// language.
    static SEEN: RefCell<[HashMap<String, Normalised, FastHash>; 2]> = RefCell::new(Default::default());
}

/// Beyond this many distinct words the cache is dropped, so memory stays bounded.
const CACHE_LIMIT: usize = 200_000;

fn make_token(word: &str, range: Range<usize>, lang: Language) -> Token {
    let (hash, flags, zipf) = with_normalised(word, lang, |n| (n.hash, n.flags, n.zipf));
    Token {
        hash,
        start: u32::try_from(range.start).expect("tokenize refuses texts of 4 GiB"),
        len: u16::try_from(range.len()).expect("words are at most MAX_WORD bytes"),
        flags,
        zipf,
    }
}

/// The key `word` normalises to in `lang`.
fn normalised_key(word: &str, lang: Language) -> Arc<str> {
    with_normalised(word, lang, |n| n.key.clone())
}

/// `read` of what `word` normalises to in `lang`, from this thread's cache.
fn with_normalised<R>(word: &str, lang: Language, read: impl FnOnce(&Normalised) -> R) -> R {
    SEEN.with(|seen| {
        let map = &mut seen.borrow_mut()[lang as usize];
        if let Some(found) = map.get(word) {
            return read(found);
        }
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        let normalised = normalise(word, lang);
        let out = read(&normalised);
        map.insert(word.to_owned(), normalised);
        out
    })
}

fn normalise(word: &str, lang: Language) -> Normalised {
    let numeric = word.chars().any(|c| c.is_ascii_digit());
    // "F.B.I" is written "FBI" too: an initialism's key has no stops.
    let undotted;
    let word = if !numeric && word.contains('.') {
        undotted = word.replace('.', "");
        undotted.as_str()
    } else {
        word
    };
    let folded = fold(word);
    let stop = !numeric && lang.is_stopword(&folded);
    let calendar = lists::is_calendar_word(&folded);
    let zipf = if numeric {
        0
    } else {
        lang.zipf_tenths(&folded)
    };
    let key = if numeric || stop {
        folded
    } else {
        // Stem before folding: the Snowball stemmers expect accented input.
        let lower = word.to_lowercase();
        fold(&lang.stemmer().stem(&lower))
    };
    let telling = !stop && (numeric || key.chars().count() >= 3);
    let flag = |on: bool, bit: u8| if on { bit } else { 0 };
    Normalised {
        hash: key_hash(&key),
        key: key.into(),
        flags: flag(stop, STOP)
            | flag(numeric, NUMERIC)
            | flag(telling, TELLING)
            | flag(calendar, CALENDAR),
        zipf,
    }
}

/// A stable 64-bit hash of a token key (FNV-1a: deterministic across runs and machines).
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Guess the language of a text from its stopwords. Defaults to English when nothing tells.
pub fn detect_language(text: &str) -> Language {
    let (mut fr, mut en) = (0usize, 0usize);
    let mut folded = String::new();
    let fr_bit = 1 << Language::French.index();
    let en_bit = 1 << Language::English.index();
    // Stopwords are short: longer words need not be folded and looked up.
    for range in words(text).filter(|r| r.len() <= 12).take(1000) {
        fold_into(&text[range], &mut folded);
        let langs = lists::stopword_languages(&folded);
        fr += usize::from(langs & fr_bit != 0);
        en += usize::from(langs & en_bit != 0);
    }
    if fr > en {
        Language::French
    } else {
        Language::English
    }
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
