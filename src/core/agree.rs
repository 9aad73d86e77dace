//! Agreement across sources: for every member of a topic, which of its words the other
//! articles' members of that topic share, as spans (byte ranges) of the paragraph text.
//!
//! A word is shared with article B when B's members of the same topic contain it after
//! normalisation, in any order (telling words only: no stopwords, no one-letter words), or when
//! it sits in a run of words B has in the same order that holds at least one telling word. So
//! "de la" is never highlighted on its own, but "que la Russie n'aurait pas" is, whole.

use std::collections::HashMap;
use std::ops::Range;

use super::align::Topic;
use super::article::{Article, Paragraph};
use super::text::Token;
use super::vectors::ParaRef;

/// A piece of a paragraph and the other articles (corpus indices, sorted) that share it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub shared_with: Vec<usize>,
}

/// How widely a span is shared, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Every other article that covers the topic has it.
    All,
    /// Some other articles have it.
    Several,
    /// Only this article says it.
    Alone,
}

impl Span {
    /// `covering`: how many articles cover the topic (this one included).
    pub fn level(&self, covering: usize) -> Level {
        match self.shared_with.len() {
            0 => Level::Alone,
            n if n + 1 >= covering => Level::All,
            _ => Level::Several,
        }
    }
}

/// The spans of one member paragraph; joined, their ranges cover the whole text.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberSpans {
    pub at: ParaRef,
    pub spans: Vec<Span>,
}

/// Which articles have each key and each pair of consecutive keys among a topic's members.
#[derive(Default)]
struct TopicIndex {
    words: HashMap<u64, Vec<usize>>,
    pairs: HashMap<(u64, u64), Vec<usize>>,
}

impl TopicIndex {
    fn build<'p>(members: impl Iterator<Item = (usize, &'p Paragraph)>) -> Self {
        let mut index = TopicIndex::default();
        for (article, p) in members {
            for t in &p.tokens {
                push_unique(index.words.entry(t.hash).or_default(), article);
            }
            for w in p
                .tokens
                .windows(2)
                .filter(|w| same_sentence(&p.text, &w[0], &w[1]))
            {
                push_unique(
                    index.pairs.entry((w[0].hash, w[1].hash)).or_default(),
                    article,
                );
            }
        }
        index
    }
}

/// Two consecutive words belong to one run only if no sentence ends between them.
fn same_sentence(text: &str, a: &Token, b: &Token) -> bool {
    !text[a.range.end..b.range.start].contains(['.', '!', '?', ';', ':', '…'])
}

fn push_unique(list: &mut Vec<usize>, article: usize) {
    if list.last() != Some(&article) && !list.contains(&article) {
        list.push(article);
    }
}

/// Spans for every member of `topic`, in the topic's member order.
pub fn agreement(articles: &[Article], topic: &Topic) -> Vec<MemberSpans> {
    let paragraph = |at: ParaRef| &articles[at.article].paragraphs[at.paragraph];
    let index = TopicIndex::build(
        topic
            .members
            .iter()
            .map(|m| (m.at.article, paragraph(m.at))),
    );
    topic
        .members
        .iter()
        .map(|m| {
            let p = paragraph(m.at);
            let sets = shared_sets(&p.text, &p.tokens, m.at.article, &index);
            MemberSpans {
                at: m.at,
                spans: spans_from_sets(&p.text, &p.tokens, &sets),
            }
        })
        .collect()
}

/// For each token, the sorted set of other articles that share it.
fn shared_sets(text: &str, tokens: &[Token], own: usize, index: &TopicIndex) -> Vec<Vec<usize>> {
    let mut sets: Vec<Vec<usize>> = vec![Vec::new(); tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        if t.is_telling()
            && let Some(list) = index.words.get(&t.hash)
        {
            sets[i].extend(list.iter().copied().filter(|&b| b != own));
        }
    }
    // Runs: link i joins tokens i and i+1 for every article that has that pair of words.
    let mut links: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, w) in tokens.windows(2).enumerate() {
        if !same_sentence(text, &w[0], &w[1]) {
            continue;
        }
        if let Some(list) = index.pairs.get(&(w[0].hash, w[1].hash)) {
            for &b in list.iter().filter(|&&b| b != own) {
                links.entry(b).or_default().push(i);
            }
        }
    }
    for (b, positions) in links {
        for run in consecutive_runs(&positions) {
            let words = run.start..run.end + 2;
            if tokens[words.clone()].iter().any(Token::is_telling) {
                words.for_each(|i| sets[i].push(b));
            }
        }
    }
    for set in &mut sets {
        set.sort_unstable();
        set.dedup();
    }
    sets
}

/// Group sorted link positions into runs of consecutive positions: [1,2,3,7] -> 1..3, 7..7.
fn consecutive_runs(positions: &[usize]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for &p in positions {
        match runs.last_mut() {
            Some(r) if r.end + 1 == p => r.end = p,
            _ => runs.push(p..p),
        }
    }
    runs
}

/// Cut the whole text into spans: tokens carry their sets; the gap between two tokens carries
/// what both share; text before the first and after the last token is shared with nobody.
fn spans_from_sets(text: &str, tokens: &[Token], sets: &[Vec<usize>]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |range: Range<usize>, set: Vec<usize>| {
        if range.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some(last) if last.shared_with == set => last.range.end = range.end,
            _ => spans.push(Span {
                range,
                shared_with: set,
            }),
        }
    };
    let mut at = 0;
    for (i, t) in tokens.iter().enumerate() {
        // A gap is shared only inside a sentence: a mark never bridges a full stop.
        let gap_set = match i {
            0 => Vec::new(),
            _ if !same_sentence(text, &tokens[i - 1], t) => Vec::new(),
            _ => intersect(&sets[i - 1], &sets[i]),
        };
        push(at..t.range.start, gap_set);
        push(t.range.clone(), sets[i].clone());
        at = t.range.end;
    }
    push(at..text.len(), Vec::new());
    spans
}

/// Intersection of two sorted sets, in one pass.
fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
