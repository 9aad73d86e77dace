//! Synopsis rows: a topic's passages laid out so that those telling the same thing face each
//! other across sources, each source keeping its own reading order, as in a printed synopsis.
//! A passage with no counterpart gets a row of its own, blank opposite. Passages are cut at
//! sentences, so that a paragraph telling two facts can face two rows; sentences that end up
//! on consecutive rows with nothing new beside them are joined again (`merge`).

#[cfg(test)]
mod by_hand;
mod echo;
mod merge;
pub mod parts;
pub mod passage;
mod unmet;

use std::ops::Range;

use crate::compare::rows::parts::parts;
use crate::compare::rows::passage::{
    Passage, Piece, content_keys, likeness, passages, shares_fact, shares_quote,
};
use crate::compare::salience::WordWeights;
use crate::model::article::Article;
use crate::model::topic::Topic;

/// Two passages face each other when this share of their telling words, each weighed by what
/// it says in this corpus, is common to both (a weighted Dice coefficient): paraphrases of one
/// fact share a fifth of their words or more, passages on different facts of one event rarely
/// do. A row is faced when its passages are on average this alike.
pub const FACING: f32 = 0.2;

/// One row: for each source asked for (in that order), what it shows in this row, if anything,
/// and under it, what it repeats here of a sentence it tells in another row (see `echo`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Option<Cell>>,
    pub echoes: Vec<Option<Cell>>,
}

impl Row {
    /// What each source shows in this row, source by source: its own passage, if any, then
    /// the sentence it repeats here, if any.
    pub fn columns(&self) -> impl Iterator<Item = impl Iterator<Item = &Cell>> {
        self.cells
            .iter()
            .zip(&self.echoes)
            .map(|(cell, echo)| cell.iter().chain(echo))
    }

    /// The row as laid in each source's reading order, without its echoes.
    pub fn without_echoes(self) -> Row {
        Row {
            echoes: vec![None; self.cells.len()],
            ..self
        }
    }
}

/// What one source shows in a row: a member (an index into the topic's members), all of its
/// paragraph or some of its sentences (`text`, bytes of the paragraph). An `echo` repeats a
/// sentence shown in another row of the same source, beside the sources that quote it too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub member: usize,
    pub text: Range<usize>,
    pub echo: Option<Echo>,
}

/// Where the sentence an echo repeats stands in its source's reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Echo {
    Above,
    Below,
}

/// What the marks of echoes mean, for a legend.
pub const ECHO_LEGEND: &str = "↓ ↑ a sentence its source tells further down or up, repeated beside the sources that tell it too.";

impl Echo {
    /// What a cell shows before an echo's text: which way its sentence stands.
    pub fn mark(self) -> &'static str {
        match self {
            Echo::Above => "↑\u{a0}",
            Echo::Below => "↓\u{a0}",
        }
    }
}

impl Cell {
    /// Whether the paragraph goes on before this cell's text (in the row above).
    pub fn continues(&self) -> bool {
        self.text.start > 0
    }

    /// Whether the paragraph, `paragraph_len` bytes long, goes on after this cell's text (in
    /// a row below).
    pub fn goes_on(&self, paragraph_len: usize) -> bool {
        self.text.end < paragraph_len
    }
}

/// What a cell shows before its text when its paragraph began in a row above: a no-break
/// space keeps the mark on its word's line.
pub const CUT_BEFORE: &str = "…\u{a0}";
/// What a cell shows after its text when its paragraph goes on in a row below.
pub const CUT_AFTER: &str = "\u{a0}…";

/// The pieces of `members`, in their order: each member cut into its parts (`cut`), or whole.
fn pieces_of(articles: &[Article], topic: &Topic, members: &[usize], cut: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    for &m in members {
        let at = topic.members[m].at;
        let p = at.paragraph_in(articles);
        if !cut {
            out.push(Piece {
                member: m,
                tokens: 0..p.tokens.len(),
                bytes: 0..p.text.len(),
            });
            continue;
        }
        let words = |r: Range<usize>| content_keys(&p.tokens[r]).len();
        out.extend(parts(p, words).into_iter().map(|part| Piece {
            member: m,
            tokens: part.tokens,
            bytes: part.bytes,
        }));
    }
    out
}

/// The pairs (i, j) of an order-keeping alignment of `rows` items and `cols` items that
/// maximises the summed likeness of its pairs, each at least [`FACING`] (dynamic programming,
/// in the product of their lengths).
fn align_pair(rows: usize, cols: usize, like: impl Fn(usize, usize) -> f32) -> Vec<(usize, usize)> {
    let mut table = vec![0.0f32; (rows + 1) * cols];
    let at = |i: usize, j: usize| i * cols + j;
    let mut scores = vec![0.0f32; rows * cols];
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            let s = like(i, j);
            scores[at(i, j)] = s;
            let next = if j + 1 < cols {
                table[at(i + 1, j + 1)]
            } else {
                0.0
            };
            let pair = if s >= FACING { s + next } else { f32::MIN };
            let down = table[at(i + 1, j)];
            let right = if j + 1 < cols {
                table[at(i, j + 1)]
            } else {
                0.0
            };
            table[at(i, j)] = pair.max(down).max(right);
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < rows && j < cols {
        let s = scores[at(i, j)];
        let next = if j + 1 < cols {
            table[at(i + 1, j + 1)]
        } else {
            0.0
        };
        if s >= FACING && (table[at(i, j)] - (s + next)).abs() < 1e-6 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if (table[at(i, j)] - table[at(i + 1, j)]).abs() < 1e-6 {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// The rows of `topic` for the sources `shown`, in that order.
///
/// Sources are added one by one, the one with the most passages first: each new source is
/// aligned in reading order to the rows laid so far, a passage facing the row whose passages
/// it resembles most (its quotations first, then its telling words). So two sources that tell
/// a fact the first one does not tell still meet on one row. A passage that resembles no row
/// gets a row of its own, blank opposite, after the row of its source's previous passage.
/// Up to [`LAID_TOGETHER`] sources, each is then laid again against all the others
/// (`refined`).
pub fn rows(
    articles: &[Article],
    topic: &Topic,
    shown: &[usize],
    weights: &WordWeights,
) -> Vec<Row> {
    // Each shown source's column, by article: one pass over the members, not one a source.
    let mut column: Vec<Option<usize>> = vec![None; articles.len()];
    for (k, &a) in shown.iter().enumerate() {
        column[a] = Some(k);
    }
    let mut members_by: Vec<Vec<usize>> = vec![Vec::new(); shown.len()];
    for (m, member) in topic.members.iter().enumerate() {
        if let Some(k) = column.get(member.at.article).copied().flatten() {
            members_by[k].push(m);
        }
    }
    let members: Vec<usize> = members_by.concat();
    // Hundreds of sources are laid out by whole paragraphs: sentences would treble the
    // passages, and the cost goes with the square of them.
    let pieces = pieces_of(articles, topic, &members, shown.len() <= LAID_TOGETHER);
    let mut seqs: Vec<Vec<usize>> = vec![Vec::new(); shown.len()];
    for (p, piece) in pieces.iter().enumerate() {
        if let Some(k) = column[topic.members[piece.member].at.article] {
            seqs[k].push(p);
        }
    }
    let mut order: Vec<usize> = (0..shown.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(seqs[k].len()), k));
    let all = passages(articles, topic, weights, &pieces);
    let mut laid: Vec<Laid> = Vec::new();
    for (added, &k) in order.iter().enumerate() {
        let opens = added < LAID_TOGETHER;
        laid = add_source(laid, &seqs[k], (k, shown.len(), opens), &all);
    }
    if shown.len() > LAID_TOGETHER {
        return merge::joined(laid.into_iter().map(|row| row.cells), &pieces);
    }
    laid = refined(laid, &order, &seqs, &all);
    let joined = merge::joined(laid.into_iter().map(|row| row.cells), &pieces);
    let column_of: Vec<usize> = pieces
        .iter()
        .map(|piece| column[topic.members[piece.member].at.article].unwrap_or(0))
        .collect();
    let echoed = echo::echoed(joined, &pieces, &all, &column_of);
    unmet::met(echoed, &pieces, &all, &column_of)
}

/// Up to this many sources covering a topic are laid out together, whichever are shown:
/// laying out more costs time in the square of their passages.
pub const LAID_TOGETHER: usize = 24;

/// The rows of `topic` as the sources `shown` see them: laid out over every source covering
/// the topic (up to [`LAID_TOGETHER`] of them, else over `shown` alone), then kept where a
/// shown source has a passage. So the rows do not change with how many panes fit the screen.
pub fn rows_seen_by(
    articles: &[Article],
    topic: &Topic,
    shown: &[usize],
    weights: &WordWeights,
) -> Vec<Row> {
    let covering: Vec<usize> = topic.articles().into_iter().collect();
    if covering.len() > LAID_TOGETHER {
        return rows(articles, topic, shown, weights);
    }
    let column: Vec<Option<usize>> = shown
        .iter()
        .map(|a| covering.iter().position(|c| c == a))
        .collect();
    rows(articles, topic, &covering, weights)
        .into_iter()
        .filter_map(|row| {
            let of = |cells: &[Option<Cell>]| -> Vec<Option<Cell>> {
                column
                    .iter()
                    .map(|c| c.and_then(|i| cells[i].clone()))
                    .collect()
            };
            let cells = of(&row.cells);
            // An echo is there to face another source's passage: alone, it says nothing.
            let placed = cells.iter().any(Option::is_some);
            placed.then(|| Row {
                cells,
                echoes: of(&row.echoes),
            })
        })
        .collect()
}

/// How many of a row's passages (the first to join it) a new passage is compared with.
const ROW_SAMPLE: usize = 6;

/// A row being laid: its cells, and whether later sources may still join it. Rows opened
/// by the first [`LAID_TOGETHER`] sources stay open; those a later source opens do not, so
/// that laying out hundreds of sources costs their passages times a bounded number of rows.
struct Laid {
    cells: Vec<Option<usize>>,
    /// The members in `cells`, in the order they joined: a passage is compared with the
    /// first [`ROW_SAMPLE`] (a row is as wide as the sources, mostly blank when they are
    /// many, and its first members are enough to say what it tells).
    members: Vec<usize>,
    open: bool,
}

/// How alike a passage is to a row, from the row's first passages (`sample`): a quotation
/// it shares with one of them is enough to join it, else it must share with one of them a
/// word that tells one fact (`WordWeights::tells_one_fact`) and resemble them on average.
/// Resembling one of a row's passages was enough before, and then words of the subject
/// alone: a row gathered passages on different facts of one subject ("40 soldiers crossed"
/// beside "500 soldiers are positioned").
fn row_likeness(sample: &[usize], passage: &Passage, all: &[Passage]) -> f32 {
    let each = sample.iter().map(|&m| likeness(&all[m], passage));
    if sample.iter().any(|&m| shares_quote(&all[m], passage)) {
        each.fold(0.0, f32::max)
    } else if sample.iter().any(|&m| shares_fact(&all[m], passage)) {
        each.sum::<f32>() / sample.len().max(1) as f32
    } else {
        0.0
    }
}

/// At most this many rounds of `refined`: two settle every layout of the labelled corpora.
const REFINING_ROUNDS: usize = 3;

/// `laid` with each source taken out and laid again against all the others, round after
/// round until nothing moves. The first sources were laid against one or two others only:
/// the seeds' first source put its lede, on the outage, below the rows where the others'
/// ledes met its second paragraph; laid again against all of them, it joins them.
fn refined(
    mut laid: Vec<Laid>,
    order: &[usize],
    seqs: &[Vec<usize>],
    all: &[Passage],
) -> Vec<Laid> {
    for _ in 0..REFINING_ROUNDS {
        let before: Vec<Vec<Option<usize>>> = laid.iter().map(|row| row.cells.clone()).collect();
        for &k in order {
            laid = without_source(laid, k);
            laid = add_source(laid, &seqs[k], (k, seqs.len(), true), all);
        }
        if laid.iter().map(|row| &row.cells).eq(before.iter()) {
            break;
        }
    }
    laid
}

/// `laid` without source `k`'s passages; rows left empty are dropped.
fn without_source(laid: Vec<Laid>, k: usize) -> Vec<Laid> {
    laid.into_iter()
        .filter_map(|mut row| {
            if let Some(member) = row.cells[k].take() {
                row.members.retain(|&m| m != member);
            }
            (!row.members.is_empty()).then_some(row)
        })
        .collect()
}

/// `laid` with the passages `items` of source `k` (of `width` sources) placed: each paired
/// with the open row it resembles in reading order, or in a row of its own (open if `opens`).
fn add_source(
    laid: Vec<Laid>,
    items: &[usize],
    (k, width, opens): (usize, usize, bool),
    all: &[Passage],
) -> Vec<Laid> {
    let open: Vec<usize> = (0..laid.len()).filter(|&r| laid[r].open).collect();
    let like = |r: usize, j: usize| {
        let sample = &laid[open[r]].members[..laid[open[r]].members.len().min(ROW_SAMPLE)];
        row_likeness(sample, &all[items[j]], all)
    };
    let pairs = align_pair(open.len(), items.len(), like);
    let mut out = Vec::with_capacity(laid.len() + items.len());
    let mut rows = laid.into_iter().enumerate().peekable();
    let mut pairs = pairs.into_iter().map(|(r, j)| (open[r], j)).peekable();
    for (j, &member) in items.iter().enumerate() {
        match pairs.peek().copied() {
            Some((r, pj)) if pj == j => {
                while let Some((_, row)) = rows.next_if(|(i, _)| *i < r) {
                    out.push(row);
                }
                // Pairs run forward in both sequences: the paired row is the next one.
                if let Some((_, mut row)) = rows.next() {
                    row.cells[k] = Some(member);
                    row.members.push(member);
                    out.push(row);
                }
                pairs.next();
            }
            _ => {
                let mut cells = vec![None; width];
                cells[k] = Some(member);
                out.push(Laid {
                    cells,
                    members: vec![member],
                    open: opens,
                });
            }
        }
    }
    out.extend(rows.map(|(_, row)| row));
    out
}

#[cfg(test)]
mod tests;
