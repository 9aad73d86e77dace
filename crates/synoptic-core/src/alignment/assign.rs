//! Assignment of body paragraphs to topic definitions: keyword evidence, a best path of topics
//! through each article in reading order, and feedback from each topic's confident members.

use crate::alignment::context::{Costs, Step, best_path};
use crate::alignment::evidence::{Lexical, lexical_evidence};
use crate::alignment::measure::{AlignOptions, feedback_vectors, member_score};
use crate::alignment::spelling::Spellings;
use crate::model::article::{Article, Kind};
use crate::model::pins::find;
use crate::model::topic::Member;
use crate::model::topic_def::TopicDef;
use crate::model::vectors::{ByTerm, TermSpace, Vector, centroid, cosine};
use crate::parallel::{for_each_part_mut, map};

/// A corpus as alignment reads it, prepared once for every topic set aligned to it: its body
/// paragraphs as vectors, the same weighted for feedback, and where subheads break the reading
/// order.
pub struct Corpus<'a> {
    pub articles: &'a [Article],
    pub space: TermSpace,
    /// BM25-weighted vectors of `space.units` (see `measure::feedback_vectors`).
    pub feedback: Vec<Vector>,
    /// For each unit, whether a heading stands before it (see `heading_breaks`).
    pub breaks: Vec<bool>,
    /// For each unit, how many words it has.
    pub words: Vec<usize>,
    /// How the articles spell keyword words typed otherwise (see `spelling_keywords_of`).
    pub spellings: Spellings,
}

impl<'a> Corpus<'a> {
    pub fn new(articles: &'a [Article]) -> Self {
        let space = TermSpace::build(articles);
        let feedback = feedback_vectors(&space);
        let breaks = heading_breaks(articles, &space);
        let words = space
            .units
            .iter()
            .map(|at| at.paragraph_in(articles).tokens.len())
            .collect();
        Corpus {
            articles,
            space,
            feedback,
            breaks,
            words,
            spellings: Spellings::default(),
        }
    }

    /// The corpus, with the keywords of `defs` spelt as its articles spell them when they
    /// are typed otherwise ("dalai" for "dalaï"); worked out once for every alignment pass.
    #[must_use]
    pub fn spelling_keywords_of(mut self, defs: &[TopicDef]) -> Self {
        let keywords = defs
            .iter()
            .flat_map(|d| d.keywords.iter().map(String::as_str));
        self.spellings = Spellings::of_keywords(self.articles, keywords);
        self
    }
}

/// The members of each definition, in corpus order.
///
/// Three steps (see `measure` for every threshold): lexical evidence from the keywords, the
/// label and the description; a best path of topics through each article in reading order;
/// feedback rounds where the confident members of each topic pull in the paragraphs that
/// resemble them, each followed by the path again.
///
/// The result does not depend on the order of `defs`: they are taken in order of id, so that a
/// topics file whose topics are reordered aligns the same paragraphs.
pub fn assign(corpus: &Corpus, defs: &[TopicDef], opts: &AlignOptions) -> Vec<Vec<Member>> {
    let no_rival = vec![false; defs.len()];
    assign_weighted(corpus, defs, &no_rival, 1.0, opts)
}

/// Topics that compete for the paragraphs without being aligned for themselves, their evidence
/// counting `weight` times (see `align::rival_weight`), and none in a paragraph whose own
/// words name one of the topics aligned as clearly as the rival: a rival takes what those
/// topics reached by reading order or resemblance, or by words that tell of the rival more.
pub struct Rivals<'a> {
    pub defs: &'a [TopicDef],
    pub weight: f32,
}

/// The members of each of `defs`, then of each rival, when `rivals` compete with `defs` for
/// every paragraph: a paragraph a rival tells of more clearly goes to none of `defs`.
pub fn assign_against(
    corpus: &Corpus,
    defs: &[TopicDef],
    rivals: &Rivals,
    opts: &AlignOptions,
) -> Vec<Vec<Member>> {
    let all: Vec<TopicDef> = defs.iter().chain(rivals.defs).cloned().collect();
    let mut rival = vec![false; defs.len()];
    rival.resize(all.len(), true);
    assign_weighted(corpus, &all, &rival, rivals.weight, opts)
}

/// `assign`, the topics marked `rival` competing as `Rivals` do, with `weight`.
fn assign_weighted(
    corpus: &Corpus,
    defs: &[TopicDef],
    rival: &[bool],
    weight: f32,
    opts: &AlignOptions,
) -> Vec<Vec<Member>> {
    let mut order: Vec<usize> = (0..defs.len()).collect();
    order.sort_by(|&a, &b| defs[a].id.cmp(&defs[b].id).then(a.cmp(&b)));
    let sorted: Vec<TopicDef> = order.iter().map(|&i| defs[i].clone()).collect();
    let rivals = Weakened {
        rival: order.iter().map(|&i| rival[i]).collect(),
        weight,
    };
    let mut by_id = assign_in_order(corpus, &sorted, &rivals, opts);
    let mut members = vec![Vec::new(); defs.len()];
    for (&i, m) in order.iter().zip(by_id.iter_mut()) {
        members[i] = std::mem::take(m);
    }
    members
}

fn assign_in_order(
    corpus: &Corpus,
    defs: &[TopicDef],
    rivals: &Weakened,
    opts: &AlignOptions,
) -> Vec<Vec<Member>> {
    let space = &corpus.space;
    let Lexical {
        evidence: mut lexical,
        named,
    } = lexical_evidence(corpus.articles, defs, &corpus.spellings, opts);
    let taught = Taught::new(corpus, defs);
    taught.settle(&mut lexical, opts);
    let mut evidence = lexical.clone();
    rivals.weaken(&mut evidence, &lexical, opts);
    let mut path = decode(corpus, &evidence, defs.len(), opts);
    let weights = feedback_weights(corpus, opts);
    for _ in 0..opts.feedback_rounds {
        evidence = with_feedback(corpus, &lexical, &path, &weights, opts);
        taught.pull(corpus, &mut evidence, &weights, opts);
        rivals.weaken(&mut evidence, &lexical, opts);
        path = decode(corpus, &evidence, defs.len(), opts);
    }
    let mut members: Vec<Vec<Member>> = vec![Vec::new(); defs.len()];
    for (unit, row) in evidence.iter().enumerate() {
        let said = Said {
            keywords: &lexical[unit],
            named: &named[unit],
        };
        let joined = topics_of(row, &said, path[unit], opts);
        let shared: f32 = joined.iter().map(|&t| row[t].max(0.0)).sum();
        for &t in &joined {
            members[t].push(Member {
                at: space.units[unit],
                score: member_score(row[t], shared, opts.threshold),
            });
        }
    }
    members
}

/// Which topics are rivals (in the order aligned), and how much their evidence counts.
struct Weakened {
    rival: Vec<bool>,
    weight: f32,
}

impl Weakened {
    /// Rivals' evidence times `weight`, and none where the paragraph's own words name a topic
    /// that is not a rival, at `threshold` and as clearly as they name the rival (`lexical`).
    fn weaken(&self, evidence: &mut [Vec<f32>], lexical: &[Vec<f32>], opts: &AlignOptions) {
        if !self.rival.contains(&true) {
            return;
        }
        for (row, said) in evidence.iter_mut().zip(lexical) {
            let named = (said.iter().zip(&self.rival))
                .filter(|(_, r)| !**r)
                .map(|(&e, _)| e)
                .fold(0.0, f32::max);
            for ((e, &r), &own) in row.iter_mut().zip(&self.rival).zip(said) {
                if r {
                    let outnamed = named >= opts.threshold && named >= own;
                    *e *= if outnamed { 0.0 } else { self.weight };
                }
            }
        }
    }
}

/// What the reader's pins teach each topic: the units put into it and those taken out of it.
struct Taught {
    included: Vec<Vec<usize>>,
    excluded: Vec<Vec<usize>>,
}

impl Taught {
    fn new(corpus: &Corpus, defs: &[TopicDef]) -> Self {
        let mut taught = Taught {
            included: vec![Vec::new(); defs.len()],
            excluded: vec![Vec::new(); defs.len()],
        };
        for (t, def) in defs.iter().enumerate() {
            for pin in &def.pins {
                let Some(at) = find(corpus.articles, pin) else {
                    continue;
                };
                let Ok(u) = corpus.space.units.binary_search(&at) else {
                    continue;
                };
                let list = if pin.include {
                    &mut taught.included[t]
                } else {
                    &mut taught.excluded[t]
                };
                list.push(u);
            }
        }
        taught
    }

    /// A pinned paragraph's own evidence says what the reader said: surely in (so the reading
    /// order carries its neighbours, and feedback counts it among the confident members), or
    /// never.
    fn settle(&self, lexical: &mut [Vec<f32>], opts: &AlignOptions) {
        for (t, units) in self.included.iter().enumerate() {
            for &u in units {
                lexical[u][t] = lexical[u][t].max(opts.pinned_in * opts.threshold);
            }
        }
        for (t, units) in self.excluded.iter().enumerate() {
            for &u in units {
                lexical[u][t] = -opts.pinned_in * opts.threshold;
            }
        }
    }

    /// Each paragraph gains, for a topic, `taught` times its cosine to the paragraph most like
    /// it that the reader put in, and loses as much for the one most like it that the reader
    /// took out, scaled as feedback is: a correction pulls in or pushes away its look-alikes.
    fn pull(
        &self,
        corpus: &Corpus,
        evidence: &mut [Vec<f32>],
        weights: &[f32],
        opts: &AlignOptions,
    ) {
        let vectors = &corpus.feedback;
        let nearest = |u: usize, pinned: &[usize]| {
            pinned
                .iter()
                .filter(|&&p| p != u)
                .map(|&p| cosine(&vectors[u], &vectors[p]))
                .fold(0.0, f32::max)
        };
        for t in 0..self.included.len() {
            let (inc, exc) = (&self.included[t], &self.excluded[t]);
            if inc.is_empty() && exc.is_empty() {
                continue;
            }
            for (u, (row, weight)) in evidence.iter_mut().zip(weights).enumerate() {
                row[t] += opts.taught * weight * (nearest(u, inc) - nearest(u, exc));
            }
        }
    }
}

/// What a paragraph's own words say of each topic: its keyword evidence and how many keywords
/// it names.
struct Said<'a> {
    keywords: &'a [f32],
    named: &'a [u16],
}

/// The topics a paragraph joins: its path topic, its best topic if that passes the threshold,
/// and any other topic its own words name as clearly as their best (see `tie_ratio`).
///
/// When the reading order put the paragraph in a topic, a best topic off that path joins only
/// on the paragraph's own keyword evidence: the path already weighed its resemblance to the
/// topics (feedback) against its neighbours. On the labelled corpora, 16 of the 21 paragraphs
/// such a resemblance added to a second topic belonged there by no reader's label.
fn topics_of(row: &[f32], said: &Said, on_path: Option<usize>, opts: &AlignOptions) -> Vec<usize> {
    let best = row.iter().copied().fold(0.0, f32::max);
    let best_said = said.keywords.iter().copied().fold(0.0, f32::max);
    let also_named = |t: usize| {
        let k = said.keywords[t];
        said.named[t] >= opts.second_topic_keywords
            && k >= opts.threshold
            && k >= opts.tie_ratio * best_said
    };
    (0..row.len())
        .filter(|&t| {
            let strongest = row[t] >= opts.threshold && row[t] >= best;
            let own_words = on_path.is_none() || said.keywords[t] >= opts.threshold;
            on_path == Some(t) || (strongest && own_words) || also_named(t)
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
    corpus: &Corpus,
    evidence: &[Vec<f32>],
    topics: usize,
    opts: &AlignOptions,
) -> Vec<Option<usize>> {
    let space = &corpus.space;
    let costs = Costs {
        none: opts.threshold,
        switch: opts.switch_penalty,
        heading_share: opts.heading_switch,
    };
    let mut articles = Vec::new();
    let mut start = 0;
    while start < space.units.len() {
        let a = space.units[start].article;
        let end = start + space.units[start..].partition_point(|r| r.article == a);
        articles.push(start..end);
        start = end;
    }
    // Each article's path is its own: a part of the articles on each core.
    let paths = map(&articles, 64, |units| {
        let steps: Vec<Step> = units
            .clone()
            .map(|u| Step {
                evidence: &evidence[u],
                after_heading: corpus.breaks[u],
                switch_scale: opts.length_scale(corpus.words[u]),
            })
            .collect();
        best_path(&steps, topics, costs)
    });
    paths.into_iter().flatten().collect()
}

/// How much feedback each unit receives: `feedback` times its `length_scale`.
fn feedback_weights(corpus: &Corpus, opts: &AlignOptions) -> Vec<f32> {
    corpus
        .words
        .iter()
        .map(|&n| opts.feedback * opts.length_scale(n))
        .collect()
}

/// Evidence plus `weights` (see `feedback_weights`) times each paragraph's cosine to the centroid of the topic's
/// confident members (on the path, with lexical evidence of their own), scaled by the
/// paragraph's `length_scale`.
fn with_feedback(
    corpus: &Corpus,
    lexical: &[Vec<f32>],
    path: &[Option<usize>],
    weights: &[f32],
    opts: &AlignOptions,
) -> Vec<Vec<f32>> {
    let (space, vectors) = (&corpus.space, &corpus.feedback);
    let topics = lexical.first().map_or(0, Vec::len);
    let topic_ids: Vec<usize> = (0..topics).collect();
    // One topic's centroid is independent of the others': a part of them on each core.
    let centers: Vec<Vector> = map(&topic_ids, 1, |&t| {
        let confident =
            (0..vectors.len()).filter(|&u| path[u] == Some(t) && lexical[u][t] >= opts.threshold);
        centroid(confident.map(|u| &vectors[u]))
    });
    let by_term = ByTerm::new(&centers, space.df.len());
    let mut out = lexical.to_vec();
    // Paragraphs are independent here: a part of them on each core.
    for_each_part_mut(&mut out, 512, |start, rows| {
        let units = start..start + rows.len();
        let mut sims = vec![0.0f32; topics];
        for ((row, v), weight) in rows
            .iter_mut()
            .zip(&vectors[units.clone()])
            .zip(&weights[units])
        {
            sims.fill(0.0);
            by_term.add_dots(v, &mut sims);
            for (evidence, sim) in row.iter_mut().zip(&sims) {
                *evidence += weight * sim;
            }
        }
    });
    out
}

#[cfg(test)]
#[path = "assign_tests.rs"]
mod tests;
