//! Discovery on small literal corpora, its settling loop with a stand-in aligner, topic ids.

use super::*;
use crate::fixtures::articles;
use crate::model::article::Article;

const VOLCANO: [&str; 4] = [
    "Le volcan Etna est entré en éruption dans la nuit, projetant des cendres sur Catane.",
    "Les coulées de lave ont atteint les vignobles au pied du volcan, selon les pompiers.",
    "L'aéroport de Catane a fermé ses pistes à cause du nuage de cendres de l'Etna.",
    "Les volcanologues surveillent les fissures ouvertes sur le flanc sud de l'Etna.",
];
/// The same subject told in other words, as a second outlet would.
const VOLCANO_TOLD_AGAIN: [&str; 4] = [
    "Une nouvelle éruption de l'Etna a couvert Catane de cendres durant la nuit.",
    "Sur le flanc sud, des fissures inquiètent les volcanologues qui surveillent le volcan.",
    "Le nuage de cendres a contraint l'aéroport de Catane à suspendre les vols.",
    "La lave du volcan a menacé des vignobles, ont indiqué les pompiers.",
];
const MARKETS: [&str; 4] = [
    "La Bourse de Paris a reculé de deux pour cent, entraînée par les valeurs bancaires.",
    "Les investisseurs craignent une hausse des taux de la banque centrale, disent les courtiers.",
    "Le cours de l'action des banques a chuté à la Bourse dès l'ouverture des marchés.",
    "Les marchés asiatiques avaient déjà reculé, les courtiers redoutant les taux.",
];
const MARKETS_TOLD_AGAIN: [&str; 4] = [
    "Les valeurs bancaires ont entraîné la Bourse de Paris dans un net recul.",
    "Selon les courtiers, la crainte d'une hausse des taux pèse sur les marchés.",
    "À l'ouverture, l'action des grandes banques a perdu du terrain à la Bourse.",
    "Les investisseurs redoutent que la banque centrale relève encore ses taux.",
];

fn found(articles: &[Article]) -> Vec<Topic> {
    let corpus = Corpus::new(articles);
    let opts = AlignOptions::default().for_corpus(corpus.space.units.len());
    discover(&corpus, &BTreeSet::new(), &BTreeSet::new(), &opts)
}

fn members(topic: &Topic) -> Vec<(usize, usize)> {
    topic
        .members
        .iter()
        .map(|m| (m.at.article, m.at.paragraph))
        .collect()
}

#[test]
fn two_articles_dwelling_on_two_subjects_give_those_two_topics() {
    let a: Vec<&str> = VOLCANO.iter().chain(&MARKETS).copied().collect();
    let b: Vec<&str> = MARKETS_TOLD_AGAIN
        .iter()
        .chain(&VOLCANO_TOLD_AGAIN)
        .copied()
        .collect();
    let topics = found(&articles(&[&a, &b]));
    assert_eq!(topics.len(), 2, "{topics:#?}");
    let volcano = topics
        .iter()
        .find(|t| members(t).contains(&(0, 1)))
        .unwrap();
    assert_eq!(
        members(volcano),
        vec![
            (0, 1),
            (0, 2),
            (0, 3),
            (0, 4),
            (1, 5),
            (1, 6),
            (1, 7),
            (1, 8)
        ]
    );
    let markets = topics
        .iter()
        .find(|t| members(t).contains(&(0, 5)))
        .unwrap();
    assert_eq!(
        members(markets),
        vec![
            (0, 5),
            (0, 6),
            (0, 7),
            (0, 8),
            (1, 1),
            (1, 2),
            (1, 3),
            (1, 4)
        ]
    );
    assert!(topics.iter().all(|t| t.origin == Origin::Discovered));
    assert!(topics.iter().all(|t| t.id.starts_with("auto-")));
}

#[test]
fn a_quote_every_source_carries_stays_inside_its_topic() {
    let quote = "« Nous n'avons jamais vu une telle colonne de fumée », a déclaré le maire.";
    let with_quote = |first: [&str; 6]| -> Vec<String> {
        let mut v: Vec<String> = first.iter().map(std::string::ToString::to_string).collect();
        v.insert(2, quote.to_owned());
        v
    };
    let a = with_quote([
        VOLCANO[0], VOLCANO[1], VOLCANO[2], VOLCANO[3], MARKETS[0], MARKETS[1],
    ]);
    let b = with_quote([
        VOLCANO_TOLD_AGAIN[0],
        VOLCANO_TOLD_AGAIN[1],
        VOLCANO_TOLD_AGAIN[2],
        VOLCANO_TOLD_AGAIN[3],
        MARKETS_TOLD_AGAIN[0],
        MARKETS_TOLD_AGAIN[1],
    ]);
    let c = with_quote([
        VOLCANO_TOLD_AGAIN[3],
        VOLCANO[2],
        VOLCANO_TOLD_AGAIN[1],
        VOLCANO[0],
        MARKETS_TOLD_AGAIN[2],
        MARKETS[3],
    ]);
    let texts: Vec<Vec<&str>> = [&a, &b, &c]
        .iter()
        .map(|t| t.iter().map(String::as_str).collect())
        .collect();
    let sources: Vec<&[&str]> = texts.iter().map(Vec::as_slice).collect();
    let topics = found(&articles(&sources));
    let quotes = [(0, 3), (1, 3), (2, 3)];
    assert!(
        topics.iter().all(|t| members(t) != quotes),
        "the quote is no topic of its own: {topics:#?}"
    );
    let home = topics
        .iter()
        .find(|t| members(t).contains(&quotes[0]))
        .expect("the quote belongs to a topic");
    let held = members(home);
    for (article, paragraph) in quotes {
        assert!(held.contains(&(article, paragraph)), "{held:?}");
        assert!(
            held.contains(&(article, paragraph - 1)) || held.contains(&(article, paragraph + 1)),
            "the quote sits with the passage around it: {held:?}"
        );
    }
}

/// A stand-in for alignment: each topic covers the articles `cover` gives it, knowing
/// which topics compete; it counts its calls and refuses to be called forever.
fn fake_align(
    calls: &std::cell::Cell<usize>,
    cover: impl Fn(&str, &[&str]) -> Vec<usize>,
) -> impl Fn(&[TopicDef]) -> Vec<Topic> {
    move |defs| {
        calls.set(calls.get() + 1);
        assert!(calls.get() < 20, "settling never ends");
        let ids: Vec<&str> = defs.iter().map(|d| d.id.as_str()).collect();
        defs.iter()
            .map(|d| {
                let members = cover(&d.id, &ids)
                    .into_iter()
                    .map(|article| crate::model::topic::Member {
                        at: ParaRef {
                            article,
                            paragraph: 0,
                        },
                        score: 1.0,
                    })
                    .collect();
                Topic::from_def(d, Origin::Discovered, members)
            })
            .collect()
    }
}

fn defs(ids: &[&str]) -> Vec<TopicDef> {
    ids.iter()
        .map(|id| TopicDef {
            id: (*id).to_owned(),
            label: (*id).to_owned(),
            keywords: vec![(*id).to_owned()],
            description: None,
            pins: Vec::new(),
        })
        .collect()
}

#[test]
fn settling_keeps_a_stable_set_after_one_alignment_most_covered_first() {
    let calls = std::cell::Cell::new(0);
    let align = fake_align(
        &calls,
        |id, _| if id == "a" { vec![0, 1] } else { vec![0, 1, 2] },
    );
    let topics = settle(defs(&["a", "b"]), align);
    let ids: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(calls.get(), 1);
}

#[test]
fn settling_aligns_again_without_the_topics_one_source_covers() {
    let calls = std::cell::Cell::new(0);
    // "c" is one source's topic; while it competes, it takes article 3 from "a".
    let align = fake_align(&calls, |id, ids| match id {
        "c" => vec![3],
        _ if ids.contains(&"c") => vec![0, 1, 2],
        _ => vec![0, 1, 2, 3],
    });
    let topics = settle(defs(&["a", "c"]), align);
    assert_eq!(topics.len(), 1);
    assert_eq!(topics[0].id, "a");
    assert_eq!(topics[0].articles().len(), 4, "aligned again without c");
    assert_eq!(calls.get(), 2);
}

#[test]
fn settling_gives_up_after_its_rounds() {
    let calls = std::cell::Cell::new(0);
    // Every round makes a new one-source topic of the one before: it never settles.
    let one_source = defs(&["x"]);
    let align = |given: &[TopicDef]| {
        let mut all = given.to_vec();
        all.extend(one_source.iter().cloned());
        fake_align(&calls, |id, _| if id == "x" { vec![0] } else { vec![0, 1] })(&all)
    };
    let topics = settle(defs(&["a"]), align);
    assert_eq!(topics.len(), 1);
    assert_eq!(calls.get(), SETTLE_ROUNDS);
}

#[test]
fn slugs_are_ascii_words_joined_up_to_forty_letters() {
    assert_eq!(slug("Conseil de sécurité"), "auto-conseil-de-securite");
    assert_eq!(slug("  « Iran »  nuclear deal "), "auto-iran-nuclear-deal");
    assert_eq!(slug("…"), "auto-topic");
    let long = "alpha bravo charlie delta echo foxtrot golf hotel";
    assert_eq!(slug(long), "auto-alpha-bravo-charlie-delta-echo-foxtrot");
    // Words are added while their letters come to at most forty.
    let forty = format!("{} {}", "a".repeat(19), "b".repeat(21));
    assert_eq!(
        slug(&forty),
        format!("auto-{}-{}", "a".repeat(19), "b".repeat(21))
    );
    let over = format!("{} {}", "a".repeat(19), "b".repeat(22));
    assert_eq!(slug(&over), format!("auto-{}", "a".repeat(19)));
    let mut used = BTreeSet::new();
    assert_eq!(unique_slug("auto-x", &mut used), "auto-x");
    assert_eq!(unique_slug("auto-x", &mut used), "auto-x-2");
}

#[test]
fn beside_a_readers_topics_a_group_whose_words_tell_nothing_is_no_topic() {
    let naming = |label: &str, telling: bool| Naming {
        keywords: vec![label.to_owned()],
        label: label.to_owned(),
        telling,
    };
    assert!(worth_a_topic(&naming("Internet", true), true));
    assert!(!worth_a_topic(&naming("dit", false), true));
    assert!(
        worth_a_topic(&naming("dit", false), false),
        "alone, discovery keeps it"
    );
}
