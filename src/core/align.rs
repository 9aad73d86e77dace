//! Alignment by topic: defined topics compete for each paragraph on keyword evidence, reading
//! order and feedback from their confident members; what is left that several articles cover
//! alike becomes discovered topics.

use std::collections::BTreeSet;

use serde::Serialize;

use super::article::{Article, Kind};
use super::context::{Costs, Step, best_path};
use super::discover::discover;
use super::evidence::lexical_evidence;
use super::measure::{feedback_vectors, member_score};
use super::topics::TopicDef;
use super::vectors::{ParaRef, TermSpace, Vector, centroid};

/// Where a topic comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Defined,
    Discovered,
}

/// A paragraph aligned to a topic, with how strongly it belongs there (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member {
    pub at: ParaRef,
    pub score: f32,
}

/// A topic and the paragraphs aligned to it, in corpus order (article, then reading order).
#[derive(Clone, Debug)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub origin: Origin,
    pub keywords: Vec<String>,
    pub members: Vec<Member>,
}

impl Topic {
    /// Indices of the articles that cover this topic.
    pub fn articles(&self) -> BTreeSet<usize> {
        self.members.iter().map(|m| m.at.article).collect()
    }

    /// The members from one article, in reading order.
    pub fn members_of(&self, article: usize) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.at.article == article)
    }
}

pub use super::measure::AlignOptions;

/// Align the body paragraphs of `articles` to the defined topics, then discover more.
///
/// Three steps (see `measure` for every threshold): lexical evidence from the keywords, the
/// label and the description; a best path of topics through each article in reading order;
/// feedback rounds where the confident members of each topic pull in the paragraphs that
/// resemble them, each followed by the path again.
pub fn align(articles: &[Article], defs: &[TopicDef], opts: AlignOptions) -> Vec<Topic> {
    let space = TermSpace::build(articles);
    let opts = opts.for_corpus(space.units.len());
    let mut topics = if defs.is_empty() {
        Vec::new()
    } else {
        align_defined(articles, &space, defs, &opts)
    };
    let claimed: BTreeSet<ParaRef> = topics
        .iter()
        .flat_map(|t| t.members.iter().map(|m| m.at))
        .collect();
    let taken: BTreeSet<String> = defs.iter().map(|d| d.id.clone()).collect();
    topics.extend(discover(articles, &space, &claimed, &taken, opts.discover));
    topics
}

fn align_defined(
    articles: &[Article],
    space: &TermSpace,
    defs: &[TopicDef],
    opts: &AlignOptions,
) -> Vec<Topic> {
    let lexical = lexical_evidence(articles, defs, opts);
    let vectors = feedback_vectors(space);
    let breaks = heading_breaks(articles, space);
    let mut evidence = lexical.clone();
    let mut path = decode(space, &breaks, &evidence, defs.len(), opts);
    for _ in 0..opts.feedback_rounds {
        evidence = with_feedback(space, &vectors, &lexical, &path, opts);
        path = decode(space, &breaks, &evidence, defs.len(), opts);
    }
    let mut members: Vec<Vec<Member>> = vec![Vec::new(); defs.len()];
    for (unit, row) in evidence.iter().enumerate() {
        for t in topics_of(row, path[unit], opts) {
            members[t].push(Member {
                at: space.units[unit],
                score: member_score(row[t], opts.threshold),
            });
        }
    }
    defs.iter()
        .zip(members)
        .map(|(def, members)| Topic {
            id: def.id.clone(),
            label: def.label.clone(),
            origin: Origin::Defined,
            keywords: def.keywords.clone(),
            members,
        })
        .collect()
}

/// The topics a paragraph joins: its path topic, and any other whose evidence passes the
/// threshold and comes close to the paragraph's best.
fn topics_of(row: &[f32], on_path: Option<usize>, opts: &AlignOptions) -> Vec<usize> {
    let best = row.iter().copied().fold(0.0, f32::max);
    (0..row.len())
        .filter(|&t| {
            on_path == Some(t) || (row[t] >= opts.threshold && row[t] >= opts.tie_ratio * best)
        })
        .collect()
}

/// For each unit, whether a heading stands between it and the previous body paragraph of its
/// article.
fn heading_breaks(articles: &[Article], space: &TermSpace) -> Vec<bool> {
    space
        .units
        .iter()
        .enumerate()
        .map(|(u, at)| {
            let paragraphs = &articles[at.article].paragraphs;
            let from = u
                .checked_sub(1)
                .map(|v| space.units[v])
                .filter(|prev| prev.article == at.article)
                .map_or(0, |prev| prev.paragraph + 1);
            paragraphs[from..at.paragraph]
                .iter()
                .any(|p| p.kind == Kind::Heading)
        })
        .collect()
}

/// The path topic of every unit, decoded article by article in reading order.
fn decode(
    space: &TermSpace,
    breaks: &[bool],
    evidence: &[Vec<f32>],
    topics: usize,
    opts: &AlignOptions,
) -> Vec<Option<usize>> {
    let costs = Costs {
        none: opts.threshold,
        switch: opts.switch_penalty,
        heading_share: opts.heading_switch,
    };
    let mut path = Vec::with_capacity(space.units.len());
    let mut start = 0;
    while start < space.units.len() {
        let a = space.units[start].article;
        let end = start + space.units[start..].partition_point(|r| r.article == a);
        let steps: Vec<Step> = (start..end)
            .map(|u| Step {
                evidence: &evidence[u],
                after_heading: breaks[u],
            })
            .collect();
        path.extend(best_path(&steps, topics, costs));
        start = end;
    }
    path
}

/// Evidence plus `feedback` times each paragraph's cosine to the centroid of the topic's
/// confident members (on the path, with lexical evidence of their own).
fn with_feedback(
    space: &TermSpace,
    vectors: &[Vector],
    lexical: &[Vec<f32>],
    path: &[Option<usize>],
    opts: &AlignOptions,
) -> Vec<Vec<f32>> {
    let mut out = lexical.to_vec();
    let topics = lexical.first().map_or(0, Vec::len);
    // Dense by term id: each paragraph's cosine then costs only its own terms.
    let mut dense = vec![0.0f32; space.df.len()];
    for t in 0..topics {
        let confident =
            (0..vectors.len()).filter(|&u| path[u] == Some(t) && lexical[u][t] >= opts.threshold);
        let center: Vector = centroid(confident.map(|u| &vectors[u]));
        for &(id, w) in &center {
            dense[id as usize] = w;
        }
        for (row, v) in out.iter_mut().zip(vectors) {
            let sim: f32 = v.iter().map(|&(id, w)| w * dense[id as usize]).sum();
            row[t] += opts.feedback * sim;
        }
        for &(id, _) in &center {
            dense[id as usize] = 0.0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ingest::article_from_text;

    fn article(id: &str, text: &str) -> Article {
        article_from_text(id.into(), format!("{id}.txt"), text)
    }

    fn def(id: &str, keywords: &[&str]) -> TopicDef {
        TopicDef {
            id: id.into(),
            label: id.into(),
            keywords: keywords.iter().map(|s| s.to_string()).collect(),
            description: None,
        }
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
        parts.extend(body.iter().map(|s| s.to_string()));
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
    fn neighbours_carry_a_paragraph_that_names_no_keyword() {
        let story = [
            "Le volcan est entré en éruption dans la nuit de lundi.",
            "Les habitants du village ont fui vers la vallée voisine.",
            "L'éruption a duré jusqu'au matin selon les experts.",
        ];
        let arts = vec![with_filler("a", &story), with_filler("b", &[story[1]])];
        let topics = align(
            &arts,
            &[def("eruption", &["éruption"])],
            AlignOptions::default(),
        );
        assert_eq!(
            members_of(&topics, "eruption"),
            vec![(0, 1), (0, 2), (0, 3)],
            "the middle paragraph joins between two of its topic; alone in b it does not"
        );
    }

    #[test]
    fn confident_members_pull_in_paragraphs_that_resemble_them() {
        let arts = vec![
            with_filler(
                "a",
                &["L'éruption du volcan a couvert de cendres les vignobles de Catane."],
            ),
            with_filler(
                "b",
                &["Les cendres ont recouvert les vignobles de Catane, ruinant la récolte."],
            ),
        ];
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
    fn boilerplate_and_headings_are_never_aligned() {
        let arts = vec![article(
            "a",
            "Lire aussi : la panne du siècle\nPanne géante\nLa panne a duré.",
        )];
        let topics = align(&arts, &[def("t", &["panne"])], AlignOptions::default());
        let members: Vec<_> = topics[0].members.iter().map(|m| m.at.paragraph).collect();
        assert_eq!(members, vec![2]);
    }
}
