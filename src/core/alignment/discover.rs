//! Discovered topics: the paragraphs no defined topic claims, grouped into the topics several
//! sources dwell on, each described by its own telling words and phrases and then aligned like a
//! defined topic, so that writing it to a topics file and reading it back changes nothing.

use std::collections::BTreeSet;

use crate::core::assign::{Corpus, assign};
use crate::core::describe::{Naming, PhraseCounts, articles_of, keywords_and_label, telling_terms};
use crate::core::measure::AlignOptions;
use crate::core::passages::{PassageGraph, sample};
use crate::core::text::fold;
use crate::core::topic::{Origin, Topic};
use crate::core::topics::TopicDef;
use crate::core::vectors::{ParaRef, Vector};

/// At most this many paragraphs are grouped (whole articles, spread through the corpus): the
/// graph costs the square of their count, and a few dozen articles are enough to find and
/// describe an event's topics. Alignment then reaches every paragraph.
const GROUPED_UNITS: usize = 800;
/// A group becomes a topic only with at least this many paragraphs, from two articles or more.
const MIN_PARAGRAPHS: usize = 3;

/// The topics found among the body paragraphs not in `claimed`, covered by two articles or
/// more, the most widely covered first. Ids avoid `taken_ids`.
pub fn discover(
    corpus: &Corpus,
    claimed: &BTreeSet<ParaRef>,
    taken_ids: &BTreeSet<String>,
    opts: &AlignOptions,
) -> Vec<Topic> {
    let defs = discovered_defs(corpus, claimed, taken_ids, opts);
    settle(defs, |defs| aligned(corpus, claimed, defs, opts))
}

/// Topics compete for paragraphs, so dropping one changes the others: align `defs`, drop the
/// topics covered by fewer than two articles, and align what is left again, until a set keeps
/// them all (as a topics file written from the result is read back: alignment does not depend
/// on the order of topics) or `SETTLE_ROUNDS` have passed. Most widely covered first.
fn settle(mut defs: Vec<TopicDef>, align: impl Fn(&[TopicDef]) -> Vec<Topic>) -> Vec<Topic> {
    let mut round = 0;
    loop {
        let mut topics = align(&defs);
        let before = topics.len();
        topics.retain(|t| t.articles().len() >= 2);
        topics.sort_by(|a, b| {
            b.articles()
                .len()
                .cmp(&a.articles().len())
                .then(b.members.len().cmp(&a.members.len()))
        });
        round += 1;
        if topics.len() == before || round == SETTLE_ROUNDS {
            return topics;
        }
        defs = topics.iter().map(Topic::definition).collect();
    }
}

/// How many times discovery may align its topics, dropping those covered by one article,
/// before it keeps what it has.
const SETTLE_ROUNDS: usize = 5;

/// The discovered topics of `defs`, aligned, without the paragraphs already `claimed`.
fn aligned(
    corpus: &Corpus,
    claimed: &BTreeSet<ParaRef>,
    defs: &[TopicDef],
    opts: &AlignOptions,
) -> Vec<Topic> {
    defs.iter()
        .zip(assign(corpus, defs, opts))
        .map(|(def, mut members)| {
            members.retain(|m| !claimed.contains(&m.at));
            Topic::from_def(def, Origin::Discovered, members)
        })
        .collect()
}

/// Topic definitions for the free paragraphs: communities of the paragraph graph that span two
/// articles or more, each described by the words and phrases that set it apart.
pub fn discovered_defs(
    corpus: &Corpus,
    claimed: &BTreeSet<ParaRef>,
    taken_ids: &BTreeSet<String>,
    opts: &AlignOptions,
) -> Vec<TopicDef> {
    let (articles, space) = (corpus.articles, &corpus.space);
    let free: Vec<usize> = (0..space.units.len())
        .filter(|&u| !claimed.contains(&space.units[u]))
        .collect();
    let sample = sample(space, &free, GROUPED_UNITS);
    let vectors: Vec<Vector> = sample.iter().map(|&u| corpus.feedback[u].clone()).collect();
    let graph = PassageGraph::build(space, &vectors, &corpus.breaks, &sample, opts);
    let counts = PhraseCounts::build(articles, space, &sample);
    let mut used = taken_ids.clone();
    let mut defs = Vec::new();
    let labels = graph.communities(opts.discover_resolution);
    let mut groups: Vec<(usize, Vec<usize>)> = groups(&labels)
        .into_iter()
        .map(|g| {
            let units: Vec<usize> = g.iter().map(|&i| sample[i]).collect();
            (articles_of(space, &units).len(), units)
        })
        .filter(|(sources, units)| *sources >= 2 && units.len() >= MIN_PARAGRAPHS)
        .collect();
    // The order topics are shown in, as far as the groups tell it already.
    groups.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.len().cmp(&a.1.len())));
    for (_, units) in groups {
        let terms = telling_terms(articles, space, &counts, &units);
        if let Some(Naming { keywords, label }) = keywords_and_label(&terms) {
            defs.push(TopicDef {
                id: unique_slug(&slug(&label), &mut used),
                label,
                keywords,
                description: None,
                pins: Vec::new(),
            });
        }
    }
    defs
}

/// The members of each community, from its labels.
fn groups(labels: &[usize]) -> Vec<Vec<usize>> {
    let mut groups = vec![Vec::new(); labels.iter().max().map_or(0, |m| m + 1)];
    for (i, &c) in labels.iter().enumerate() {
        groups[c].push(i);
    }
    groups
}

fn slug(label: &str) -> String {
    let folded: String = fold(label)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut joined = String::new();
    for part in folded.split('-').filter(|p| !p.is_empty()) {
        if joined.len() + part.len() > 40 {
            break;
        }
        if !joined.is_empty() {
            joined.push('-');
        }
        joined.push_str(part);
    }
    format!("auto-{}", if joined.is_empty() { "topic" } else { &joined })
}

fn unique_slug(base: &str, used: &mut BTreeSet<String>) -> String {
    let chosen = std::iter::once(base.to_owned())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|c| !used.contains(c))
        .unwrap_or_else(|| base.to_owned());
    used.insert(chosen.clone());
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::article::Article;
    use crate::core::ingest::article_from_text;

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

    fn article(id: &str, paragraphs: &[&str]) -> Article {
        let mut text = vec![format!("Titre de l'article {id}")];
        text.extend(paragraphs.iter().map(std::string::ToString::to_string));
        article_from_text(id.into(), format!("{id}.txt"), &text.join("\n\n"))
    }

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
        let topics = found(&[article("a", &a), article("b", &b)]);
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
        let refs = |v: &[String]| -> Vec<String> { v.to_vec() };
        let texts = [refs(&a), refs(&b), refs(&c)];
        let articles: Vec<Article> = ["a", "b", "c"]
            .iter()
            .zip(&texts)
            .map(|(id, t)| article(id, &t.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        let topics = found(&articles);
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
                held.contains(&(article, paragraph - 1))
                    || held.contains(&(article, paragraph + 1)),
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
                        .map(|article| crate::core::align::Member {
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
}
