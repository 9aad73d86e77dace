//! The bit sets behind agreement: which covering articles have each word and each pair of
//! consecutive words, and which of them share each word of one paragraph.

use crate::lang::hashed::ByHash;
use crate::lang::text::Token;
use crate::model::article::Paragraph;

/// Words of 64 bits per set: sets are over the articles covering one topic (local indices).
#[derive(Clone, Copy)]
pub(super) struct Width(pub usize);

fn or_into(dst: &mut [u64], src: &[u64]) {
    dst.iter_mut().zip(src).for_each(|(d, s)| *d |= s);
}

/// One key for two consecutive words (order matters).
pub(crate) fn pair_key(a: &Token, b: &Token) -> u64 {
    a.hash.rotate_left(17) ^ b.hash.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Which articles have each key and each pair of consecutive keys among a topic's members.
pub(super) struct TopicIndex {
    width: Width,
    words: ByHash<u32>,
    pairs: ByHash<u32>,
    /// The sets, `width` words each, one after the other: a set is found by its slot in the
    /// maps above. One allocation for all, rather than one per word and pair of words.
    sets: Vec<u64>,
}

impl TopicIndex {
    pub(super) fn build<'p>(
        width: Width,
        members: impl Iterator<Item = (usize, &'p Paragraph)>,
    ) -> Self {
        let mut index = TopicIndex {
            width,
            words: ByHash::default(),
            pairs: ByHash::default(),
            sets: Vec::new(),
        };
        for (local, p) in members {
            for t in &p.tokens {
                mark(&mut index.words, &mut index.sets, width, t.hash, local);
            }
            for w in p.tokens.windows(2).filter(|w| !w[0].ends_clause()) {
                let key = pair_key(&w[0], &w[1]);
                mark(&mut index.pairs, &mut index.sets, width, key, local);
            }
        }
        index.sets.shrink_to_fit();
        index
    }

    fn bits(&self, at: u32) -> &[u64] {
        let w = self.width.0;
        &self.sets[at as usize * w..(at as usize + 1) * w]
    }

    /// The covering articles (local bits) whose members have the word with this hash.
    pub(super) fn word(&self, hash: u64) -> Option<&[u64]> {
        self.words.get(&hash).map(|&at| self.bits(at))
    }

    /// The covering articles (local bits) that have these two words in a row, in one sentence.
    pub(super) fn pair(&self, a: &Token, b: &Token) -> Option<&[u64]> {
        self.pairs.get(&pair_key(a, b)).map(|&at| self.bits(at))
    }
}

/// Mark article `local` in the set of `key` in `map`, making the set (at the end of `sets`)
/// if it is new.
fn mark(map: &mut ByHash<u32>, sets: &mut Vec<u64>, width: Width, key: u64, local: usize) {
    let w = width.0;
    let next = u32::try_from(sets.len() / w).unwrap_or(u32::MAX);
    let at = *map.entry(key).or_insert(next) as usize;
    if at == next as usize {
        sets.resize(sets.len() + w, 0);
    }
    sets[at * w + local / 64] |= 1 << (local % 64);
}

/// For each pair of consecutive words of a paragraph (`own`: its article's local index),
/// whether another covering article has the two in a row, in one sentence.
pub(super) fn ordered_pairs(tokens: &[Token], own: usize, index: &TopicIndex) -> Vec<bool> {
    tokens
        .windows(2)
        .map(|w| {
            !w[0].ends_clause()
                && index.pair(&w[0], &w[1]).is_some_and(|bits| {
                    bits.iter().enumerate().any(|(k, &b)| {
                        let own_bit = if own / 64 == k { 1u64 << (own % 64) } else { 0 };
                        b & !own_bit != 0
                    })
                })
        })
        .collect()
}

/// For each token, the set of other covering articles (local bits) that share it: flat,
/// `width` words per token.
pub(super) fn shared_sets(tokens: &[Token], own: usize, index: &TopicIndex) -> Vec<u64> {
    let w = index.width.0;
    let links = Links::new(tokens, index);
    let mut run = runs(tokens, &links);
    let mut own_mask = vec![!0u64; w];
    own_mask[own / 64] &= !(1 << (own % 64));
    for (i, t) in tokens.iter().enumerate() {
        let bits = &mut run[i * w..(i + 1) * w];
        bits.iter_mut()
            .zip(links.touch(i))
            .for_each(|(b, t)| *b &= t);
        if t.is_telling()
            && let Some(words) = index.word(t.hash)
        {
            or_into(bits, words);
        }
        bits.iter_mut().zip(&own_mask).for_each(|(b, m)| *b &= m);
    }
    run
}

/// Which articles have each pair of consecutive words of a paragraph (`link`), and a link on
/// either side of each word (`touch`): flat, `width` words per entry.
struct Links {
    w: usize,
    n: usize,
    link: Vec<u64>,
    touch: Vec<u64>,
}

impl Links {
    fn new(tokens: &[Token], index: &TopicIndex) -> Self {
        let (w, n) = (index.width.0, tokens.len());
        let mut link = vec![0u64; w * n.saturating_sub(1)];
        for i in 0..n.saturating_sub(1) {
            if !tokens[i].ends_clause()
                && let Some(bits) = index.pair(&tokens[i], &tokens[i + 1])
            {
                link[i * w..(i + 1) * w].copy_from_slice(bits);
            }
        }
        let mut touch = vec![0u64; w * n];
        for i in 0..n {
            let t = &mut touch[i * w..(i + 1) * w];
            if i + 1 < n {
                or_into(t, &link[i * w..(i + 1) * w]);
            }
            if i > 0 {
                or_into(t, &link[(i - 1) * w..i * w]);
            }
        }
        Links { w, n, link, touch }
    }

    /// The articles that have words `i` and `i + 1` together, in one sentence (`i + 1` is a
    /// word of the paragraph: the runs never ask past the last one).
    fn after(&self, i: usize) -> &[u64] {
        &self.link[i * self.w..(i + 1) * self.w]
    }

    fn touch(&self, i: usize) -> &[u64] {
        &self.touch[i * self.w..(i + 1) * self.w]
    }
}

/// A word is in a run with article b when a telling word is reached from it through
/// consecutive links that b has: propagate forward, then backward.
fn runs(tokens: &[Token], links: &Links) -> Vec<u64> {
    let (w, n) = (links.w, links.n);
    let mut run = vec![0u64; w * n];
    let mut carry = vec![0u64; w];
    for i in 0..n {
        let behind = i.checked_sub(1).map(|j| links.after(j));
        propagate(&mut carry, tokens[i].is_telling(), links.touch(i), behind);
        or_into(&mut run[i * w..(i + 1) * w], &carry);
    }
    carry.fill(0);
    for i in (0..n).rev() {
        let behind = (i + 1 < n).then(|| links.after(i));
        propagate(&mut carry, tokens[i].is_telling(), links.touch(i), behind);
        or_into(&mut run[i * w..(i + 1) * w], &carry);
    }
    run
}

/// One step of run propagation: a telling word starts runs with every article that links to
/// it; other words carry on the runs that the link behind them keeps.
fn propagate(carry: &mut [u64], telling: bool, touch: &[u64], behind: Option<&[u64]>) {
    match behind {
        Some(link) => carry.iter_mut().zip(link).for_each(|(c, l)| *c &= l),
        None => carry.iter_mut().for_each(|c| *c = 0),
    }
    if telling {
        or_into(carry, touch);
    }
}
