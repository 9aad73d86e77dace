//! Literal tables for the agreement engine: two short texts in, marked text out.

use super::*;
use crate::input::ingest::article_from_text;
use crate::model::topic::Topic;

/// A topic made of the first paragraph of each article.
fn first_paragraphs(n: usize) -> Topic {
    crate::fixtures::topic((0..n).map(|a| (a, 0)))
}

/// Agreement of the first text's paragraph with the others, shared words in brackets.
fn marked(texts: &[&str]) -> String {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| article_from_text(format!("a{i}"), format!("a{i}.txt"), t))
        .collect();
    let topic = first_paragraphs(articles.len());
    let spans = &agreement(&articles, &topic, Detail::Counts).members[0].spans;
    let text = &articles[0].paragraphs[0].text;
    spans
        .iter()
        .map(|s| {
            let piece = &text[s.range.clone()];
            if s.shared == 0 {
                piece.to_owned()
            } else {
                format!("[{piece}]")
            }
        })
        .collect()
}

/// The first text against the others, and how it comes out marked.
const CASES: &[(&str, &str, &str)] = &[
    // identical phrase
    (
        "La Russie n'aurait pas attaqué.",
        "Selon lui, la Russie n'aurait pas envahi.",
        "[La Russie n'aurait pas] attaqué.",
    ),
    // reordered: telling words are shared in any order
    (
        "Breton a écrit à Musk.",
        "Musk a reçu une lettre de Breton.",
        "[Breton] a écrit à [Musk].",
    ),
    // stopwords alone are never shared
    (
        "Il a dit que de la pluie.",
        "Elle a vu de la neige.",
        "Il a dit que de la pluie.",
    ),
    // elision and apostrophe variants
    ("L’attaque d’Elon", "l'attaque d'Elon", "[L’attaque d’Elon]"),
    // accents and case
    ("Les États-Unis", "les etats-unis", "[Les États-Unis]"),
    // word endings
    (
        "Des cyberattaques.",
        "Une cyberattaque.",
        "Des [cyberattaques].",
    ),
    // numbers match as written, alone they count
    (
        "Il est 20h42 ici.",
        "Il était 20h42 là.",
        "Il est [20h42] ici.",
    ),
    (
        "Plus de 40 minutes.",
        "Retard de plus de 40 minutes.",
        "[Plus de 40 minutes].",
    ),
    // a run stops at a sentence end, even where the other side reads on
    (
        "Le temple brûle. La frontière est fermée.",
        "Le temple brûle la frontière.",
        "[Le temple brûle]. [La frontière] est fermée.",
    ),
    // a stopword is shared only through an unbroken chain of the other side's links to a
    // telling word: "la" touches B's "la que", but that chain reaches no telling word
    (
        "Frontière de la que le mur.",
        "La frontière de. Il la que.",
        "[Frontière de] la que le mur.",
    ),
    // claim nothing that is not on the other side
    (
        "Un texte sans rapport.",
        "Autre chose entièrement.",
        "Un texte sans rapport.",
    ),
];

#[test]
fn table() {
    for (a, b, want) in CASES {
        assert_eq!(&marked(&[a, b]), want, "{a} / {b}");
    }
}

/// "Trump" in all three, "Musk" in two, "parlent" in the first only.
fn three_articles() -> Vec<Article> {
    ["Musk et Trump parlent.", "Musk et Trump.", "Trump seul."]
        .iter()
        .enumerate()
        .map(|(i, t)| article_from_text(format!("a{i}"), String::new(), t))
        .collect()
}

#[test]
fn levels_tell_all_from_several() {
    let articles = three_articles();
    let topic = first_paragraphs(3);
    let spans = &agreement(&articles, &topic, Detail::Counts).members[0].spans;
    let text = &articles[0].paragraphs[0].text;
    let level_of = |word: &str| {
        let at = text.find(word).unwrap();
        spans
            .iter()
            .find(|s| s.range.contains(&at))
            .unwrap()
            .level(3)
    };
    assert_eq!(level_of("Trump"), Level::All);
    assert_eq!(level_of("Musk"), Level::Several);
    assert_eq!(level_of("parlent"), Level::Alone);
}

#[test]
fn lists_name_the_sharing_articles_only_when_asked() {
    let articles = three_articles();
    let topic = first_paragraphs(3);
    let with_lists = agreement(&articles, &topic, Detail::Lists);
    let member = &with_lists.members[0];
    let text = &articles[0].paragraphs[0].text;
    let sharing = |word: &str| {
        let at = text.find(word).unwrap();
        let k = member
            .spans
            .iter()
            .position(|s| s.range.contains(&at))
            .unwrap();
        assert_eq!(
            with_lists.shared_with(member, k).unwrap().count(),
            member.spans[k].shared as usize
        );
        with_lists
            .shared_with(member, k)
            .unwrap()
            .collect::<Vec<_>>()
    };
    assert_eq!(sharing("Musk"), vec![1]);
    assert_eq!(sharing("Trump"), vec![1, 2]);
    assert_eq!(sharing("parlent"), Vec::<usize>::new());
    let counts = agreement(&articles, &topic, Detail::Counts);
    assert_eq!(counts.members[0].spans, member.spans);
    assert!(counts.shared_with(&counts.members[0], 0).is_none());
}

/// More than 64 sources: sets span several words of bits, and each span finds its own.
#[test]
fn lists_hold_beyond_sixty_four_sources() {
    let articles: Vec<Article> = (0..70)
        .map(|i| {
            let text = if i % 2 == 0 {
                "Musk et Trump."
            } else {
                "Trump seul."
            };
            article_from_text(format!("a{i}"), String::new(), text)
        })
        .collect();
    let agreement = agreement(&articles, &first_paragraphs(70), Detail::Lists);
    let last = &agreement.members[68];
    let text = &articles[68].paragraphs[0].text;
    let sharing = |word: &str| {
        let at = text.find(word).unwrap();
        let k = last
            .spans
            .iter()
            .position(|s| s.range.contains(&at))
            .unwrap();
        agreement.shared_with(last, k).unwrap().collect::<Vec<_>>()
    };
    let even: Vec<usize> = (0..68).step_by(2).collect();
    assert_eq!(sharing("Musk"), even);
    let all: Vec<usize> = (0..70).filter(|&a| a != 68).collect();
    assert_eq!(sharing("Trump"), all);
    // The gaps between words take what both sides share, read from the right words' bits.
    let pieces: Vec<(&str, u32)> = last
        .spans
        .iter()
        .map(|s| (&text[s.range.clone()], s.shared))
        .collect();
    assert_eq!(pieces, [("Musk et ", 34), ("Trump", 69), (".", 0)]);
}

/// Beyond 64 sources a set spans several words of bits: each gap must read the sets of its
/// own two neighbours. "parle" is in every article, "Musk" in the even ones, "Trump" in the
/// odd ones, so the gap before "Trump" is shared with the odd ones, not with nobody.
#[test]
fn gaps_read_their_own_neighbours_beyond_sixty_four_sources() {
    let articles: Vec<Article> = (0..70)
        .map(|i| {
            let text = match i {
                68 => "Musk parle Trump.",
                _ if i % 2 == 0 => "Musk parle.",
                _ => "parle Trump.",
            };
            article_from_text(format!("a{i}"), String::new(), text)
        })
        .collect();
    let agreement = agreement(&articles, &first_paragraphs(70), Detail::Counts);
    let text = &articles[68].paragraphs[0].text;
    let pieces: Vec<(&str, u32)> = agreement.members[68]
        .spans
        .iter()
        .map(|s| (&text[s.range.clone()], s.shared))
        .collect();
    assert_eq!(
        pieces,
        [("Musk ", 34), ("parle", 69), (" Trump", 35), (".", 0)]
    );
}
