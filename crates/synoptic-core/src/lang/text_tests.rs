//! Tests of `text`.

use super::*;

fn keys(text: &str, lang: Language) -> Vec<String> {
    tokenize(text, lang)
        .into_iter()
        .map(|t| t.key(text, lang).to_string())
        .collect()
}

/// The fold as first written, the whole word decomposed at once: what the table of Latin
/// letters and the per-character decomposition must give.
fn fold_whole_word(word: &str) -> String {
    let mut out = String::new();
    word.nfd().for_each(|d| fold_decomposed(d, &mut out));
    out
}

#[test]
fn folding_letter_by_letter_is_folding_the_whole_word() {
    for c in (0..0x3000).filter_map(char::from_u32) {
        let word = format!("é{c}A{c}\u{301}");
        assert_eq!(fold(&word), fold_whole_word(&word), "{c:?}");
    }
}

proptest::proptest! {
    #[test]
    fn any_word_folds_as_it_did_whole(word in "[a-zA-Zà-ÿÀ-ÖŒœĀ-ſ\u{300}-\u{36f}’İΣ]{0,12}") {
        proptest::prop_assert_eq!(fold(&word), fold_whole_word(&word));
    }
}

/// Each word of `text` and whether it ends a clause.
fn clause_ends(text: &str, lang: Language) -> Vec<(&str, bool)> {
    tokenize(text, lang)
        .iter()
        .map(|t| (&text[t.range()], t.ends_clause()))
        .collect()
}

#[test]
fn a_word_ends_a_clause_when_a_stop_follows_it_before_the_next_word() {
    let text = "Il a dit : « non ». Puis… rien ; fin, point final! x";
    let ends = clause_ends(text, Language::French);
    let want = [
        ("Il", false),
        ("a", false),
        ("dit", true),
        ("non", true),
        ("Puis", true),
        ("rien", true),
        ("fin", false),
        ("point", false),
        ("final", true),
        ("x", false),
    ];
    assert_eq!(ends, want);
}

#[test]
fn folds_case_accents_ligatures_and_apostrophes() {
    assert_eq!(fold("Été"), "ete");
    assert_eq!(fold("Œuvre"), "oeuvre");
    assert_eq!(fold("l’Ukraine"), "l'ukraine");
}

#[test]
fn splits_french_elisions_into_stopwords() {
    let text = "l’échange d'Elon";
    let toks = tokenize(text, Language::French);
    let words: Vec<_> = toks
        .iter()
        .map(|t| (t.key(text, Language::French), t.is_stop()))
        .collect();
    let words: Vec<_> = words.iter().map(|(k, stop)| (&**k, *stop)).collect();
    assert_eq!(
        words,
        vec![("l", true), ("echang", false), ("d", true), ("elon", false)]
    );
}

#[test]
fn ranges_point_into_the_original_text() {
    let text = "À 20h42, l’attaque";
    for t in tokenize(text, Language::French) {
        assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()));
    }
    let words: Vec<_> = tokenize(text, Language::French)
        .iter()
        .map(|t| &text[t.range()])
        .collect();
    assert_eq!(words, vec!["À", "20h42", "l", "attaque"]);
}

#[test]
fn word_endings_and_accents_share_a_key() {
    assert_eq!(
        keys("cyberattaque", Language::French),
        keys("cyberattaques", Language::French)
    );
    assert_eq!(
        keys("Etats", Language::French),
        keys("États", Language::French)
    );
    assert_eq!(
        keys("attacks", Language::English),
        keys("attack", Language::English)
    );
}

#[test]
fn an_initialism_is_one_word_keyed_as_written_without_stops() {
    let text = "The F.B.I. director met U.S.-Mexico envoys, D.C. said. M.Dupont, plan B. A.B no A-B,C U.S.based";
    let got: Vec<&str> = words(text).map(|r| &text[r]).collect();
    let want = [
        "The", "F.B.I.", "director", "met", "U.S.", "Mexico", "envoys", "D.C.", "said", "M",
        "Dupont", "plan", "B", "A.B", "no", "A", "B", "C", "U.S", "based",
    ];
    assert_eq!(got, want);
    let en = Language::English;
    assert_eq!(keys("F.B.I.", en), keys("FBI", en));
    assert_eq!(
        keys("F.B.I", en),
        keys("FBI", en),
        "a keyword may drop the last stop"
    );
    assert_eq!(keys("J.C.P.O.A.", en), keys("JCPOA", en));
    assert_eq!(keys("U.S.", en), keys("US", en));
    assert_eq!(keys("6.8", en), vec!["6.8"], "a number keeps its stop");
}

#[test]
fn an_initialism_s_own_stop_ends_no_clause() {
    let text = "The F.B.I. director said so. Then U.S. envoys left.";
    let ends = clause_ends(text, Language::English);
    let ended: Vec<&str> = ends.iter().filter(|e| e.1).map(|e| e.0).collect();
    assert_eq!(ended, vec!["so"], "{ends:?}");
}

#[test]
fn a_token_knows_how_often_its_language_uses_it() {
    let tokens = tokenize("the thing, loyalty, hookers, 1962", Language::English);
    let zipf: Vec<u8> = tokens.iter().map(Token::zipf_tenths).collect();
    assert!(zipf[1] > 50 && (40..50).contains(&zipf[2]), "{zipf:?}");
    assert_eq!(zipf[3], 0, "rarer than the list: {zipf:?}");
    assert_eq!(zipf[4], 0, "a number has no frequency");
    let french = tokenize("Une cyberattaque a été signalée", Language::French);
    assert!(french[0].zipf_tenths() > 60 && french[1].zipf_tenths() == 0);
}

#[test]
fn a_token_is_sixteen_bytes() {
    assert_eq!(std::mem::size_of::<Token>(), 16);
}

#[test]
fn combining_accents_stay_in_their_word() {
    let text = "e\u{301}te\u{301} ok";
    let got: Vec<&str> = words(text).map(|r| &text[r]).collect();
    assert_eq!(got, vec!["e\u{301}te\u{301}", "ok"]);
}

#[test]
fn numbers_keep_their_form() {
    let toks = tokenize("1,3 million", Language::French);
    assert_eq!(&*toks[0].key("1,3 million", Language::French), "1,3");
    assert_eq!(toks[0].hash, key_hash("1,3"));
    assert!(toks[0].is_numeric() && toks[0].is_telling());
    // A stemmer would cut "1990s" to "1990" and "does" to "doe": numbers and stopwords are
    // only folded.
    assert_eq!(keys("1990s", Language::English), vec!["1990s"]);
    assert_eq!(keys("Does", Language::English), vec!["does"]);
}

#[test]
fn detects_french_and_english() {
    assert_eq!(
        detect_language("Le chat est sur la table et il dort."),
        Language::French
    );
    assert_eq!(
        detect_language("The cat is on the table and it sleeps."),
        Language::English
    );
}

#[test]
fn a_text_is_english_when_more_of_its_words_are_english_stopwords_or_none_tell() {
    // "a", "son" and "on" are French words too: counted for both, English still wins.
    assert_eq!(
        detect_language("A son and a daughter were on the farm with their mother."),
        Language::English
    );
    assert_eq!(
        detect_language("Xylophone quartz zephyr."),
        Language::English
    );
    assert_eq!(detect_language(""), Language::English);
    assert_eq!(Language::French.code(), "fr");
    assert_eq!(Language::English.code(), "en");
}

#[test]
fn days_and_months_are_calendar_tokens_whatever_their_case_and_accents() {
    let text = "Mardi 5 AOÛT, Wednesday morning, May and June; mai";
    let calendar: Vec<&str> = tokenize(text, Language::French)
        .iter()
        .filter(|t| t.is_calendar())
        .map(|t| &text[t.range()])
        .collect();
    assert_eq!(calendar, ["Mardi", "AOÛT", "Wednesday", "June", "mai"]);
}
