//! Lexical evidence: keywords weighed by how specific they are, phrases in part and whole.

use super::*;
use crate::fixtures::articles;

fn def(id: &str, keywords: &[&str]) -> TopicDef {
    TopicDef {
        id: id.into(),
        label: String::new(),
        keywords: keywords
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        description: None,
        pins: Vec::new(),
    }
}

/// One article: a title, then `paragraphs` as its body paragraphs.
fn corpus(paragraphs: &[&str]) -> Vec<Article> {
    articles(&[paragraphs])
}

/// The lexical evidence of `defs` in one article of `paragraphs`, with the defaults.
fn evidence_in(paragraphs: &[&str], defs: &[TopicDef]) -> Vec<Vec<f32>> {
    lexical(&corpus(paragraphs), defs).evidence
}

/// The lexical evidence of `defs` in `articles`, with the defaults and the keywords spelt as
/// the articles spell them, as alignment does.
fn lexical(articles: &[Article], defs: &[TopicDef]) -> Lexical {
    let keywords = defs
        .iter()
        .flat_map(|d| d.keywords.iter().map(String::as_str));
    let spellings = Spellings::of_keywords(articles, keywords);
    lexical_evidence(articles, defs, &spellings, &AlignOptions::default())
}

#[test]
fn a_word_every_paragraph_holds_weighs_less_than_a_rare_one() {
    let ev = evidence_in(
        &[
            "The summit opened with a speech on trade.",
            "The summit closed late at night.",
            "The summit ended with a tariff deal.",
            "Weather was fine all week long.",
        ],
        &[def("s", &["summit"]), def("t", &["tariff"])],
    );
    assert!(
        ev[2][1] > ev[2][0],
        "rare 'tariff' beats common 'summit': {:?}",
        ev[2]
    );
    assert_eq!(ev[3], vec![0.0, 0.0]);
}

#[test]
fn a_phrase_counts_in_part_and_in_full() {
    let ev = evidence_in(
        &[
            "They discussed the Iran deal at length.",
            "The Iran nuclear deal was signed long ago.",
            "Nothing about it here at all.",
            "Sanctions on oil were raised again.",
        ],
        &[def("d", &["Iran nuclear deal"])],
    );
    assert!(ev[0][0] > 0.0, "part of the phrase counts");
    assert!(ev[1][0] > ev[0][0], "the whole phrase counts more");
    assert_eq!(ev[2][0], 0.0);
}

#[test]
fn named_counts_keywords_whole_or_in_part_but_not_label_words() {
    let arts = corpus(&[
        "The Iran deal and the sanctions dominated the summit.",
        "Sanctions alone were discussed.",
        "The nuclear programme of Iran was mentioned.",
        "Weather was fine all week long.",
    ]);
    let mut d = def("d", &["Iran nuclear deal", "sanctions"]);
    d.label = "Summit diplomacy".into();
    let named = lexical(&arts, &[d]).named;
    assert_eq!(named, vec![vec![2], vec![1], vec![1], vec![0]]);
}

#[test]
fn a_further_cue_adds_a_quarter_of_its_own_evidence() {
    let ev = evidence_in(
        &[
            "The tariff and the embargo were both raised.",
            "The tariff was raised again.",
            "An embargo was declared overnight.",
            "Weather was fine all week long.",
            "Nothing else happened in the city.",
        ],
        &[def("t", &["tariff", "embargo"])],
    );
    let (both, tariff, embargo) = (ev[0][0], ev[1][0], ev[2][0]);
    let expected = tariff.max(embargo) + 0.25 * tariff.min(embargo);
    assert!((both - expected).abs() < 1e-5, "{both} {expected}");
}

#[test]
fn a_keyword_is_matched_by_its_content_words_not_its_stopwords() {
    let ev = evidence_in(
        &[
            "The talks of the week went on.",
            "Sanctions were the subject.",
            "Nothing else of the sort.",
        ],
        &[def("s", &["the sanctions"])],
    );
    assert_eq!(ev[0][0], 0.0, "'the' alone does not name the keyword");
    assert!(ev[1][0] > 0.0);
}

#[test]
fn the_description_adds_weaker_evidence() {
    let arts = corpus(&[
        "Troops massed at the border.",
        "Talks resumed in the capital.",
    ]);
    let mut with = def("t", &["talks"]);
    with.description = Some("Soldiers and troops at the frontier".into());
    let ev = lexical(&arts, &[with]).evidence;
    assert!(ev[0][0] > 0.0 && ev[0][0] < ev[1][0], "{ev:?}");
}

#[test]
fn a_keyword_reaches_the_paragraphs_that_name_it_in_any_form() {
    let arts = crate::fixtures::articles(&[
        &["Les cyberattaques ont visé le site.", "Rien à voir ici."],
        &["Une CYBERATTAQUE massive.", "La panne a duré."],
    ]);
    assert_eq!(keyword_reach(&arts, "cyberattaque"), 2);
    assert_eq!(keyword_reach(&arts, "panne géante"), 1);
    assert_eq!(keyword_reach(&arts, "volcan"), 0);
}

/// A keyword typed without the accents of the text still finds it, and still counts as
/// reaching paragraphs (what `K` asks before it adds a keyword).
#[test]
fn a_keyword_typed_without_accents_finds_the_accented_word() {
    let paragraphs = [
        "Le dalaï-lama a été reçu samedi à Gdansk.",
        "Pékin a convoqué l'ambassadeur de France.",
        "Les marchés ont reculé à Paris.",
    ];
    let ev = evidence_in(&paragraphs, &[def("d", &["dalai"])]);
    assert!(ev[0][0] > 0.0, "{ev:?}");
    assert_eq!(ev[1][0], 0.0);
    assert_eq!(keyword_reach(&corpus(&paragraphs), "dalai"), 1);
    assert_eq!(keyword_reach(&corpus(&paragraphs), "Pyongyang"), 0);
}

#[test]
fn a_keyword_found_nowhere_is_told_with_its_topic() {
    let arts = articles(&[
        &["Une cyberattaque a visé le réseau."],
        &["Le dalaï-lama était reçu à Gdansk."],
    ]);
    let defs = [
        def("attaque", &["cyberattaques", "cybrattaque"]),
        def("visite", &["dalai lama", "Gdansk", "volcan"]),
    ];
    assert_eq!(
        unreached_keywords(&arts, &defs),
        vec![("attaque", "cybrattaque"), ("visite", "volcan")]
    );
}
