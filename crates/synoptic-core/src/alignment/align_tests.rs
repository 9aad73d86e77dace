//! Tests of `align`.

use super::*;
use crate::input::ingest::article_from_text;

fn article(id: &str, text: &str) -> Article {
    article_from_text(id.into(), format!("{id}.txt"), text)
}

fn def(id: &str, keywords: &[&str]) -> TopicDef {
    crate::fixtures::topic_def(id, keywords)
}

#[test]
fn keywords_match_across_case_accents_and_endings() {
    let arts = vec![
        article("a", "Les cyberattaques ont visé le site.\nAutre chose ici."),
        article("b", "Une CYBERATTAQUE massive a eu lieu.\nRien à voir ici."),
    ];
    let topics = align(
        &arts,
        &[def("t", &["cyberattaque"])],
        AlignOptions::default(),
    );
    let members: Vec<_> = topics[0]
        .members
        .iter()
        .map(|m| (m.at.article, m.at.paragraph))
        .collect();
    assert_eq!(members, vec![(0, 0), (1, 0)]);
}

/// An article: a headline, `body`, then filler paragraphs that say nothing of the topics,
/// so that word frequencies behave as in a real corpus.
fn with_filler(id: &str, body: &[&str]) -> Article {
    let filler: Vec<String> = (0..12)
        .map(|i| format!("Le conseil {id}{i} a voté un budget de {i} euros pour la voirie."))
        .collect();
    let mut parts = vec!["Titre de l'article".to_owned()];
    parts.extend(body.iter().map(std::string::ToString::to_string));
    parts.extend(filler);
    article(id, &parts.join("\n\n"))
}

fn members_of(topics: &[Topic], id: &str) -> Vec<(usize, usize)> {
    topics
        .iter()
        .find(|t| t.id == id)
        .map(|t| {
            t.members
                .iter()
                .map(|m| (m.at.article, m.at.paragraph))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn topics_compete_for_a_paragraph() {
    let arts = vec![
        with_filler(
            "a",
            &["La bourse de Paris et les actions ont chuté hier, malgré l'éruption."],
        ),
        with_filler("b", &["Le volcan est entré en éruption dans la nuit."]),
    ];
    let defs = [
        def("eruption", &["éruption"]),
        def("marche", &["bourse", "actions"]),
    ];
    let topics = align(&arts, &defs, AlignOptions::default());
    assert_eq!(members_of(&topics, "marche"), vec![(0, 1)]);
    assert_eq!(
        members_of(&topics, "eruption"),
        vec![(1, 1)],
        "a keyword in passing does not pull the paragraph into a second topic"
    );
}

#[test]
fn a_paragraph_naming_two_keywords_of_another_topic_joins_it_too() {
    let arts = vec![
        with_filler(
            "a",
            &["Le volcan en éruption a fait plonger la bourse et les actions des assureurs."],
        ),
        with_filler(
            "b",
            &["Le volcan en éruption inquiète la bourse de Catane depuis lundi soir."],
        ),
    ];
    let defs = [
        def("eruption", &["éruption", "volcan"]),
        def("marche", &["bourse", "actions"]),
    ];
    let topics = align(&arts, &defs, AlignOptions::default());
    assert_eq!(members_of(&topics, "eruption"), vec![(0, 1), (1, 1)]);
    assert_eq!(
        members_of(&topics, "marche"),
        vec![(0, 1)],
        "two of its keywords make a second topic; one does not"
    );
}

#[test]
fn neighbours_carry_a_paragraph_that_names_no_keyword() {
    let story = [
        "Le volcan est entré en éruption dans la nuit de lundi.",
        "Les habitants du village ont fui vers la vallée voisine.",
        "L'éruption du volcan a duré jusqu'au matin selon les experts.",
    ];
    let arts = vec![with_filler("a", &story), with_filler("b", &[story[1]])];
    let topics = align(
        &arts,
        &[def("eruption", &["éruption", "volcan"])],
        AlignOptions::default(),
    );
    assert_eq!(
        members_of(&topics, "eruption"),
        vec![(0, 1), (0, 2), (0, 3)],
        "the middle paragraph joins between two of its topic; alone in b it does not"
    );
}

/// Two articles: the eruption's ash on the vines, told with the topic's keyword and without.
fn ash_on_the_vines() -> Vec<Article> {
    vec![
        with_filler(
            "a",
            &["L'éruption du volcan a couvert de cendres les vignobles de Catane."],
        ),
        with_filler(
            "b",
            &["Les cendres ont recouvert les vignobles de Catane, ruinant la récolte."],
        ),
    ]
}

#[test]
fn confident_members_pull_in_paragraphs_that_resemble_them() {
    let arts = ash_on_the_vines();
    let defs = [def("eruption", &["éruption"])];
    let without = AlignOptions {
        feedback: 0.0,
        ..AlignOptions::default()
    };
    assert_eq!(
        members_of(&align(&arts, &defs, without), "eruption"),
        vec![(0, 1)]
    );
    let topics = align(&arts, &defs, AlignOptions::default());
    assert_eq!(members_of(&topics, "eruption"), vec![(0, 1), (1, 1)]);
    let scores: Vec<f32> = topics[0].members.iter().map(|m| m.score).collect();
    assert!(
        scores[0] > scores[1],
        "the keyword paragraph is surer: {scores:?}"
    );
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
}

#[test]
fn a_short_paragraph_gains_more_from_resembling_a_topic_than_a_long_one() {
    let line = "Les viticulteurs de Catane ont tout perdu.";
    let same_words_at_length = [line; 12].join(" ");
    let arts = vec![
        with_filler(
            "a",
            &[
                "L'éruption du volcan a couvert de cendres les vignobles de Catane, et les \
               viticulteurs de la région comptent leurs pertes après une nuit terrible.",
            ],
        ),
        with_filler("b", &[line, &same_words_at_length]),
    ];
    // No reading-order context: each paragraph joins on its own evidence alone.
    let opts = AlignOptions {
        switch_penalty: 0.0,
        ..AlignOptions::default()
    };
    let topics = align(&arts, &[def("eruption", &["éruption"])], opts);
    assert_eq!(
        members_of(&topics, "eruption"),
        vec![(0, 1), (1, 1)],
        "the line joins; the same words twelve times over resemble the topic as much but do not"
    );
}

#[test]
fn boilerplate_and_headings_are_never_aligned() {
    let arts = vec![article(
        "a",
        "Lire aussi : la panne du siècle\nPanne géante\nLa panne a duré.",
    )];
    let topics = align(&arts, &[def("t", &["panne"])], AlignOptions::default());
    let members: Vec<_> = topics[0].members.iter().map(|m| m.at.paragraph).collect();
    assert_eq!(members, vec![2]);
}

#[test]
fn a_pin_finds_its_paragraph_by_article_and_opening_words() {
    let a = article_from_text(
        "a".into(),
        "a.txt".into(),
        "Title\n\nThe first body paragraph of the article says one thing.\n\nAnother one.",
    );
    let articles = vec![a];
    let at = ParaRef {
        article: 0,
        paragraph: 1,
    };
    let pin = crate::model::pins::pin_for(&articles, at, true);
    assert_eq!(pin.key, "The first body paragraph of the article says");
    let mut topic = crate::fixtures::topic_with(vec![Member {
        at: ParaRef {
            article: 0,
            paragraph: 2,
        },
        score: 0.7,
    }]);
    apply_pins(&articles, &mut topic, std::slice::from_ref(&pin));
    let got: Vec<(usize, f32)> = topic
        .members
        .iter()
        .map(|m| (m.at.paragraph, m.score))
        .collect();
    assert_eq!(got, vec![(1, 1.0), (2, 0.7)]);
    let out = Pin {
        include: false,
        ..pin
    };
    apply_pins(&articles, &mut topic, &[out]);
    assert_eq!(topic.members.len(), 1);
    let elsewhere = Pin {
        article: "b".into(),
        key: "x".into(),
        nth: 1,
        include: true,
    };
    apply_pins(&articles, &mut topic, &[elsewhere]);
    assert_eq!(
        topic.members.len(),
        1,
        "a pin for other articles is ignored"
    );
}

fn pinned(articles: &[Article], def: &mut TopicDef, at: (usize, usize), include: bool) {
    let at = ParaRef {
        article: at.0,
        paragraph: at.1,
    };
    def.pins
        .push(crate::model::pins::pin_for(articles, at, include));
}

#[test]
fn a_paragraph_put_in_by_hand_pulls_in_its_look_alikes() {
    let arts = vec![
        with_filler(
            "a",
            &[
                "Le volcan est entré en éruption dans la nuit de lundi.",
                "Les vignerons de Catane ont perdu toute leur récolte de raisin.",
            ],
        ),
        with_filler(
            "b",
            &["Les vignerons de Catane pleurent leur récolte de raisin perdue."],
        ),
    ];
    let mut d = def("eruption", &["éruption"]);
    let opts = AlignOptions {
        switch_penalty: 0.0,
        ..AlignOptions::default()
    };
    let before = align(&arts, std::slice::from_ref(&d), opts);
    assert_eq!(members_of(&before, "eruption"), vec![(0, 1)]);
    pinned(&arts, &mut d, (0, 2), true);
    let after = align(&arts, std::slice::from_ref(&d), opts);
    assert_eq!(
        members_of(&after, "eruption"),
        vec![(0, 1), (0, 2), (1, 1)],
        "the pinned paragraph joins, and so does its look-alike in the other article"
    );
}

#[test]
fn a_paragraph_taken_out_by_hand_pushes_its_look_alikes_away() {
    let mut arts = ash_on_the_vines();
    arts.push(with_filler(
        "c",
        &["Les cendres ont recouvert les vignobles de Catane, ruinant les vignerons."],
    ));
    let mut d = def("eruption", &["éruption"]);
    let before = align(&arts, std::slice::from_ref(&d), AlignOptions::default());
    assert_eq!(
        members_of(&before, "eruption"),
        vec![(0, 1), (1, 1), (2, 1)]
    );
    pinned(&arts, &mut d, (1, 1), false);
    let after = align(&arts, std::slice::from_ref(&d), AlignOptions::default());
    assert_eq!(
        members_of(&after, "eruption"),
        vec![(0, 1)],
        "the paragraph leaves, and its look-alike with it"
    );
}

/// The eruption, with its keyword, and its ash, without it: both name the Etna and Catane.
const ETNA_ERUPTS: &str = "Le volcan Etna est entré en éruption, la lave coule vers Catane.";
const ETNA_ASH: &str = "Les cendres de l'Etna couvrent les vignobles et les toits de Catane.";

#[test]
fn realigning_keeps_the_discovered_topics_in_place_and_moves_the_corrected_one() {
    let (volcano, ash) = (ETNA_ERUPTS, ETNA_ASH);
    let arts: Vec<Article> = (0..3)
        .map(|i| with_filler(&format!("s{i}"), &[volcano, ash]))
        .collect();
    let defs = vec![def("eruption", &["éruption"])];
    let first = align(&arts, &defs, AlignOptions::default());
    let ids: Vec<String> = first.iter().map(|t| t.id.clone()).collect();
    assert!(first.len() >= 2, "something discovered: {ids:?}");
    let discovered = first[1].clone();
    // The reader corrects the discovered topic: it becomes defined, in the same place.
    let mut corrected = discovered.definition();
    let gone = discovered.members[0].at;
    pinned(&arts, &mut corrected, (gone.article, gone.paragraph), false);
    let defs2 = vec![defs[0].clone(), corrected];
    let again = realign(&arts, &defs2, &first, AlignOptions::default());
    let ids2: Vec<String> = again.iter().map(|t| t.id.clone()).collect();
    assert_eq!(ids2, ids, "same topics, same places");
    assert_eq!(again[1].origin, Origin::Defined);
    assert!(!again[1].holds(gone));
    for (old, new) in first.iter().zip(&again).skip(2) {
        assert_eq!(
            (&old.label, old.members.len()),
            (&new.label, new.members.len())
        );
    }
}

/// A story where the reading order carries topic "eruption" over a paragraph that three other
/// sources tell alone: the flight of the villagers.
fn eruption_and_flight() -> (Vec<Article>, Vec<TopicDef>) {
    let story = [
        "Le volcan est entré en éruption dans la nuit de lundi.",
        "Les habitants du village ont fui vers la vallée voisine.",
        "L'éruption du volcan a duré jusqu'au matin selon les experts.",
    ];
    let mut arts = vec![with_filler("a", &story)];
    arts.extend((0..3).map(|i| with_filler(&format!("b{i}"), &[story[1]])));
    (arts, vec![def("eruption", &["éruption", "volcan"])])
}

#[test]
fn a_topic_found_beside_a_defined_one_takes_what_reading_order_alone_gave_it() {
    let (arts, defs) = eruption_and_flight();
    let corpus = Corpus::new(&arts);
    let opts = AlignOptions::default().for_corpus(corpus.space.units.len());
    let alone = defined_topics(&corpus, &defs, &opts);
    assert_eq!(members_of(&alone, "eruption"), vec![(0, 1), (0, 2), (0, 3)]);
    let topics = align(&arts, &defs, AlignOptions::default());
    assert_eq!(members_of(&topics, "eruption"), vec![(0, 1), (0, 3)]);
    let flight = (topics.iter())
        .find(|t| {
            t.holds(ParaRef {
                article: 1,
                paragraph: 1,
            })
        })
        .map(|t| members_of(&topics, &t.id))
        .unwrap_or_default();
    assert!(
        [(0, 2), (1, 1), (2, 1), (3, 1)]
            .iter()
            .all(|m| flight.contains(m)),
        "the flight is a topic of its own, told by four sources: {flight:?}"
    );
    let again = realign(&arts, &defs, &topics, AlignOptions::default());
    let all_members = |ts: &[Topic]| -> Vec<(String, Vec<(usize, usize)>)> {
        ts.iter()
            .map(|t| (t.id.clone(), members_of(ts, &t.id)))
            .collect()
    };
    assert_eq!(
        all_members(&again),
        all_members(&topics),
        "aligned again from the same definitions: the same"
    );
}

#[test]
fn a_topic_found_beside_a_defined_one_never_takes_what_its_keywords_name() {
    let (volcano, ash) = (ETNA_ERUPTS, ETNA_ASH);
    let market = "Un marché a ouvert place du Duomo à Catane, le pain y est vendu à un euro.";
    let arts: Vec<Article> = (0..4)
        .map(|i| with_filler(&format!("s{i}"), &[volcano, ash, market]))
        .collect();
    let topics = align(
        &arts,
        &[def("eruption", &["éruption"])],
        AlignOptions::default(),
    );
    let found = topics.iter().find(|t| {
        t.holds(ParaRef {
            article: 0,
            paragraph: 2,
        })
    });
    let keywords = found.map(|t| t.keywords.clone()).unwrap_or_default();
    assert!(
        keywords.iter().any(|k| k == "Etna" || k == "Catane"),
        "a found topic names what the eruption's paragraphs name too: {keywords:?}"
    );
    assert_eq!(
        members_of(&topics, "eruption"),
        vec![(0, 1), (1, 1), (2, 1), (3, 1)]
    );
}

#[test]
fn found_topics_compete_as_much_as_what_the_defined_ones_leave() {
    assert_eq!(
        rival_weight(100, 0),
        0.0,
        "nothing claimed, nothing to compete for"
    );
    assert_eq!(rival_weight(100, 80), 0.25);
    assert_eq!(rival_weight(100, 50), 1.0);
    assert_eq!(rival_weight(100, 10), 1.0, "fully at most");
    assert_eq!(rival_weight(10, 12), 0.0);
}

#[test]
fn a_found_topic_gains_only_what_it_took_from_the_defined_ones() {
    let (arts, defs) = eruption_and_flight();
    let corpus = Corpus::new(&arts);
    let opts = AlignOptions::default().for_corpus(corpus.space.units.len());
    let claimed = claimed_by(&defined_topics(&corpus, &defs, &opts));
    let taken = BTreeSet::from(["eruption".to_owned()]);
    let discovered = discover(&corpus, &claimed, &taken, &opts);
    let topics = align(&arts, &defs, AlignOptions::default());
    let mut gained = 0;
    for found in topics.iter().filter(|t| t.origin == Origin::Discovered) {
        let before = discovered.iter().find(|d| d.id == found.id).unwrap();
        for m in &found.members {
            if !before.holds(m.at) {
                assert!(claimed.contains(&m.at), "{} gained {:?}", found.id, m.at);
                gained += 1;
            }
        }
    }
    assert_eq!(
        gained, 1,
        "the flight's paragraph in the eruption's article"
    );
}

#[test]
fn a_found_topic_a_defined_one_takes_whole_is_no_rival_and_goes() {
    let (arts, defs) = eruption_and_flight();
    let first = align(&arts, &defs, AlignOptions::default());
    let flight = (first.iter())
        .find(|t| {
            t.holds(ParaRef {
                article: 1,
                paragraph: 1,
            })
        })
        .unwrap();
    let mut swallow = def("everything", &["habitants"]);
    for m in &flight.members {
        pinned(&arts, &mut swallow, (m.at.article, m.at.paragraph), true);
    }
    let mut defs2 = defs.clone();
    defs2.push(swallow);
    let again = realign(&arts, &defs2, &first, AlignOptions::default());
    assert!(!again.iter().any(|t| t.id == flight.id), "emptied, it goes");
    for old in first
        .iter()
        .filter(|t| t.origin == Origin::Discovered && t.id != flight.id)
    {
        let new = again.iter().find(|t| t.id == old.id).unwrap();
        assert_eq!(
            members_of(&again, &new.id),
            members_of(&first, &old.id),
            "{} keeps its paragraphs",
            old.id
        );
    }
}
