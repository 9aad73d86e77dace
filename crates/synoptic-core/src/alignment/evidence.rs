//! Lexical evidence that a body paragraph is about a defined topic: its keywords, weighted by
//! how specific they are in this corpus, with phrases that count when partly present.

use std::collections::{BTreeMap, BTreeSet};

use crate::alignment::measure::{AlignOptions, bm25_idf};
use crate::alignment::spelling::Spellings;
use crate::lang::hashed::{ByHash, HashesSet};
use crate::lang::text::{Language, tokenize};
use crate::model::article::{Article, Kind};
use crate::model::topic_def::TopicDef;
use crate::parallel::map_parts;

/// The distinct cue keys of every body paragraph, in corpus order, and how many paragraphs
/// hold each key. Only the keys some topic asks for are kept: the rest of the text is not
/// hashed into any table.
#[derive(Debug, Default)]
struct KeyIndex {
    /// Sorted, distinct key hashes of each body paragraph.
    units: Vec<Vec<u64>>,
    /// The language of each body paragraph's article.
    languages: Vec<Language>,
    df: ByHash<u32>,
}

impl KeyIndex {
    /// Index the `wanted` keys of the body paragraphs of `articles`, in the same order as
    /// `TermSpace::units`.
    fn build(articles: &[Article], wanted: &HashesSet) -> Self {
        // Each article's keys are found apart from the others': a part of them on each core.
        let parts = map_parts(articles, 64, |_, part| {
            let mut found: Vec<(Vec<u64>, Language)> = Vec::new();
            for article in part {
                for p in article.paragraphs.iter().filter(|p| p.kind == Kind::Body) {
                    let mut keys: Vec<u64> = p
                        .tokens
                        .iter()
                        .map(|t| t.hash)
                        .filter(|h| wanted.contains(h))
                        .collect();
                    keys.sort_unstable();
                    keys.dedup();
                    found.push((keys, article.language));
                }
            }
            found
        });
        let mut index = KeyIndex::default();
        for (keys, language) in parts.into_iter().flatten() {
            for &k in &keys {
                *index.df.entry(k).or_default() += 1;
            }
            index.units.push(keys);
            index.languages.push(language);
        }
        index
    }

    /// The BM25 weight of a key: high when few paragraphs hold it.
    fn idf(&self, key: u64) -> f32 {
        let df = self.df.get(&key).copied().unwrap_or(0) as usize;
        bm25_idf(self.units.len(), df)
    }
}

/// One keyword (or one label or description word) of a topic, ready to score.
#[derive(Clone, Debug, PartialEq)]
struct Cue {
    /// Distinct word keys and their weights.
    terms: Vec<(u64, f32)>,
    /// The sum of the weights: a phrase scores by the share of it that is present.
    mass: f32,
    /// The heaviest word's weight: a phrase is worth what its most telling word is worth.
    peak: f32,
    /// 1 for keywords; less for label and description words.
    weight: f32,
    /// Whether the cue is one of the topic's keywords (not a label or description word).
    keyword: bool,
}

impl Cue {
    fn new(cue: CueKeys, index: &KeyIndex) -> Option<Cue> {
        let CueKeys {
            mut keys,
            weight,
            keyword,
        } = cue;
        keys.sort_unstable();
        keys.dedup();
        let terms: Vec<(u64, f32)> = keys.into_iter().map(|k| (k, index.idf(k))).collect();
        let mass: f32 = terms.iter().map(|t| t.1).sum();
        let peak = terms.iter().map(|t| t.1).fold(0.0, f32::max);
        (mass > 0.0).then_some(Cue {
            terms,
            mass,
            peak,
            weight,
            keyword,
        })
    }
}

/// The keys a keyword is matched by: its content words, or all its words if it has none.
fn keyword_keys(keyword: &str, lang: Language) -> Vec<u64> {
    let tokens = tokenize(keyword, lang);
    let content: Vec<u64> = tokens
        .iter()
        .filter(|t| !t.is_stop())
        .map(|t| t.hash)
        .collect();
    if content.is_empty() {
        tokens.iter().map(|t| t.hash).collect()
    } else {
        content
    }
}

/// How many body paragraphs of `articles` a keyword matches (any of its words, as alignment
/// matches them: case, accents and word endings aside): 0 says it can teach a topic nothing.
pub fn keyword_reach(articles: &[Article], keyword: &str) -> usize {
    let spellings = Spellings::of_keywords(articles, [keyword]);
    let keyword = spellings.respell(keyword);
    let keyword = keyword.as_ref();
    articles
        .iter()
        .map(|a| {
            let keys = keyword_keys(keyword, a.language);
            a.paragraphs
                .iter()
                .filter(|p| p.kind == Kind::Body)
                .filter(|p| p.tokens.iter().any(|t| keys.contains(&t.hash)))
                .count()
        })
        .sum()
}

/// The keywords of `defs` that match no body paragraph of `articles` in any form, with their
/// topic's id: most likely misspelt, or written in another language than the articles.
pub fn unreached_keywords<'d>(
    articles: &[Article],
    defs: &'d [TopicDef],
) -> Vec<(&'d str, &'d str)> {
    let keywords = defs
        .iter()
        .flat_map(|d| d.keywords.iter().map(move |k| (d.id.as_str(), k.as_str())));
    let spellings = Spellings::of_keywords(articles, keywords.clone().map(|(_, k)| k));
    let languages: BTreeSet<Language> = articles.iter().map(|a| a.language).collect();
    let keyed: Vec<((&str, &str), Vec<u64>)> = keywords
        .map(|(id, keyword)| {
            let respelt = spellings.respell(keyword);
            let keys = languages
                .iter()
                .flat_map(|&lang| keyword_keys(&respelt, lang))
                .collect();
            ((id, keyword), keys)
        })
        .collect();
    // Only the keywords' keys are looked for: the corpus's own words are not gathered.
    let wanted: HashesSet = keyed
        .iter()
        .flat_map(|(_, keys)| keys.iter().copied())
        .collect();
    let held: HashesSet = articles
        .iter()
        .flat_map(|a| a.paragraphs.iter().filter(|p| p.kind == Kind::Body))
        .flat_map(|p| p.tokens.iter().map(|t| t.hash))
        .filter(|h| wanted.contains(h))
        .collect();
    keyed
        .into_iter()
        .filter(|(_, keys)| !keys.iter().any(|k| held.contains(k)))
        .map(|(keyword, _)| keyword)
        .collect()
}

/// A cue before the corpus weighs its words: its keys and its weight.
struct CueKeys {
    keys: Vec<u64>,
    weight: f32,
    keyword: bool,
}

/// The keys of every cue of one topic in one language, with their weights: keywords whole,
/// label and description word by word.
fn topic_cue_keys(def: &TopicDef, lang: Language, opts: &AlignOptions) -> Vec<CueKeys> {
    let keywords = def.keywords.iter().map(|k| CueKeys {
        keys: keyword_keys(k, lang),
        weight: 1.0,
        keyword: true,
    });
    let words_of = |text: &str, weight: f32| -> Vec<CueKeys> {
        tokenize(text, lang)
            .into_iter()
            .filter(crate::lang::text::Token::is_telling)
            .map(|t| CueKeys {
                keys: vec![t.hash],
                weight,
                keyword: false,
            })
            .collect()
    };
    let label = words_of(&def.label, opts.label_weight);
    let description = def
        .description
        .as_deref()
        .map(|d| words_of(d, opts.description_weight))
        .unwrap_or_default();
    keywords.chain(label).chain(description).collect()
}

/// The cues of every topic in one language, and for each key the cues it is a term of: a
/// paragraph is scored through its own few keys, not by looking for every cue in it.
struct TopicCues {
    /// Topic by topic, in order; `topic_of[c]` is the topic of cue `c`.
    cues: Vec<Cue>,
    topic_of: Vec<usize>,
    topics: usize,
    postings: ByHash<Vec<(usize, f32)>>,
}

impl TopicCues {
    fn new(topics: Vec<Vec<Cue>>) -> Self {
        let mut cues = TopicCues {
            cues: Vec::new(),
            topic_of: Vec::new(),
            topics: topics.len(),
            postings: ByHash::default(),
        };
        for (t, topic) in topics.into_iter().enumerate() {
            for cue in topic {
                let c = cues.cues.len();
                for &(key, weight) in &cue.terms {
                    cues.postings.entry(key).or_default().push((c, weight));
                }
                cues.cues.push(cue);
                cues.topic_of.push(t);
            }
        }
        cues
    }

    /// Each topic's evidence in a paragraph of these sorted, distinct `unit` keys: its best
    /// cue's score, plus `further` times the scores of the others; and how many of its
    /// keywords are named, in whole or in part. A cue scores by the share of its weight
    /// present, times its peak and weight.
    fn score(&self, unit: &[u64], further: f32, scratch: &mut Scratch) -> (Vec<f32>, Vec<u16>) {
        let Scratch { present, touched } = scratch;
        present.resize(self.cues.len(), 0.0);
        touched.clear();
        // Keys in ascending order, as each cue's terms: its weights add up in the same order.
        for key in unit {
            for &(c, weight) in self.postings.get(key).map_or(&[][..], Vec::as_slice) {
                present[c] += weight;
                touched.push(c);
            }
        }
        touched.sort_unstable();
        touched.dedup();
        let (mut best, mut sum) = (vec![0.0f32; self.topics], vec![0.0f32; self.topics]);
        let mut named = vec![0u16; self.topics];
        for &c in touched.iter() {
            let (cue, t) = (&self.cues[c], self.topic_of[c]);
            let score = cue.weight * cue.peak * present[c] / cue.mass;
            present[c] = 0.0;
            best[t] = best[t].max(score);
            sum[t] += score;
            named[t] = named[t].saturating_add(u16::from(cue.keyword && score > 0.0));
        }
        let evidence = best
            .iter()
            .zip(&sum)
            .map(|(&best, &sum)| best + further * (sum - best))
            .collect();
        (evidence, named)
    }
}

/// Scratch for `TopicCues::score`: the weight present of each cue (zero between calls) and the
/// cues a paragraph touched.
#[derive(Default)]
struct Scratch {
    present: Vec<f32>,
    touched: Vec<usize>,
}

/// What a corpus's words say of each topic, before reading order and feedback.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexical {
    /// `evidence[unit][topic]`: from the cues of the topic found in the body paragraph.
    pub evidence: Vec<Vec<f32>>,
    /// `named[unit][topic]`: how many of the topic's keywords the paragraph names, in whole or
    /// in part (label and description words are not counted).
    pub named: Vec<Vec<u16>>,
}

/// Each language's cue keys of every topic, and the index of the body paragraphs' keys they
/// ask for.
fn cue_keys_and_index(
    articles: &[Article],
    defs: &[TopicDef],
    opts: &AlignOptions,
) -> (BTreeMap<Language, Vec<Vec<CueKeys>>>, KeyIndex) {
    let distinct: BTreeSet<Language> = articles.iter().map(|a| a.language).collect();
    let languages: BTreeMap<Language, Vec<Vec<CueKeys>>> = distinct
        .into_iter()
        .map(|lang| {
            let keys = defs.iter().map(|d| topic_cue_keys(d, lang, opts));
            (lang, keys.collect())
        })
        .collect();
    let wanted: HashesSet = languages
        .values()
        .flatten()
        .flatten()
        .flat_map(|cue| cue.keys.iter().copied())
        .collect();
    let index = KeyIndex::build(articles, &wanted);
    (languages, index)
}

/// A topic with its keywords spelt as the articles spell them.
fn respell(def: &TopicDef, spellings: &Spellings) -> TopicDef {
    TopicDef {
        keywords: def
            .keywords
            .iter()
            .map(|k| spellings.respell(k).into_owned())
            .collect(),
        ..def.clone()
    }
}

/// Lexical evidence of every topic in every body paragraph of `articles`, in the order of
/// `TermSpace::units`.
/// `spellings` (see `Spellings::of_keywords`) spell the keywords as the articles do.
pub fn lexical_evidence(
    articles: &[Article],
    defs: &[TopicDef],
    spellings: &Spellings,
    opts: &AlignOptions,
) -> Lexical {
    let respelt: Vec<TopicDef>;
    let defs = if spellings.is_empty() {
        defs
    } else {
        respelt = defs.iter().map(|d| respell(d, spellings)).collect();
        &respelt
    };
    let (languages, index) = cue_keys_and_index(articles, defs, opts);
    let cues: BTreeMap<Language, TopicCues> = languages
        .into_iter()
        .map(|(lang, topics)| {
            let topics = topics.into_iter().map(|cue_keys| {
                cue_keys
                    .into_iter()
                    .filter_map(|cue| Cue::new(cue, &index))
                    .collect()
            });
            (lang, TopicCues::new(topics.collect()))
        })
        .collect();
    // Paragraphs are scored independently: a part of them on each core.
    let parts = map_parts(&index.units, 1024, |start, units| {
        let mut scratch = Scratch::default();
        let mut part = Lexical::default();
        for (unit, lang) in units.iter().zip(&index.languages[start..]) {
            let (evidence, named) = cues.get(lang).map_or_else(
                || (Vec::new(), Vec::new()),
                |cues| cues.score(unit, opts.further_cues, &mut scratch),
            );
            part.evidence.push(evidence);
            part.named.push(named);
        }
        part
    });
    let mut lexical = Lexical::default();
    for part in parts {
        lexical.evidence.extend(part.evidence);
        lexical.named.extend(part.named);
    }
    lexical
}

#[cfg(test)]
#[path = "evidence_tests.rs"]
mod tests;
