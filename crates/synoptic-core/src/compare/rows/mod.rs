//! Synopsis rows: a topic's passages laid out so that those telling the same thing face each
//! other across sources, each source keeping its own reading order, as in a printed synopsis.
//! A passage with no counterpart gets a row of its own, blank opposite.

use crate::compare::quotes::shared_quotes_among;
use crate::compare::salience::WordWeights;
use crate::lang::text::Token;
use crate::model::article::Article;
use crate::model::topic::Topic;

/// Two passages face each other when this share of their telling words, each weighed by what
/// it says in this corpus, is common to both (a weighted Dice coefficient): paraphrases of one
/// fact share a fifth of their words or more, passages on different facts of one event rarely
/// do. A row is faced when its passages are on average this alike.
pub const FACING: f32 = 0.2;

/// One row: for each source asked for (in that order), the member (an index into the topic's
/// members) it shows in this row, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Option<usize>>,
}

/// Weight of a quotation two passages share (see `quotes::shared_quotes`), on top of
/// their words in common: the same words quoted by two sources are the surest sign that they
/// tell the same thing.
pub const QUOTE_WEIGHT: f32 = 0.5;

/// What rows compare of a passage: its telling words, and the quotations it carries.
#[derive(Default)]
struct Passage {
    /// Sorted, distinct keys of its telling words.
    words: Vec<u64>,
    /// The weight of each of `words`, in the same order, and their sum.
    weights: Vec<f32>,
    weight: f32,
    /// Sorted ids of the quotations it shares with other sources.
    quotes: Vec<usize>,
}

/// How alike two passages are: the weighed share of their telling words in common, plus
/// `QUOTE_WEIGHT` when they carry a quotation in common.
fn likeness(a: &Passage, b: &Passage) -> f32 {
    let quoted = shares_quote(a, b);
    weighted_dice(a, b) + if quoted { QUOTE_WEIGHT } else { 0.0 }
}

/// The Dice coefficient of two passages' words, each word weighing what it says of a
/// paragraph in this corpus (`WordWeights::idf_of`): the protagonists' names, in most
/// paragraphs, count for little; "Breton" or "guilty" for much.
fn weighted_dice(a: &Passage, b: &Passage) -> f32 {
    let total = a.weight + b.weight;
    if total <= 0.0 {
        return 0.0;
    }
    let common: f32 = in_common(&a.words, &b.words)
        .map(|(i, j)| a.weights[i] + b.weights[j])
        .sum();
    common / total
}

/// The passage of each member in `wanted` (indices into the topic's members; the others are
/// left empty): its telling words, weighed by `weights`, and the quotations it shares with
/// the other wanted ones.
fn passages(
    articles: &[Article],
    topic: &Topic,
    weights: &WordWeights,
    wanted: &[usize],
) -> Vec<Passage> {
    let mut all: Vec<Passage> = std::iter::repeat_with(Passage::default)
        .take(topic.members.len())
        .collect();
    for (id, carriers) in shared_quotes_among(articles, topic, wanted)
        .into_iter()
        .enumerate()
    {
        for m in carriers {
            all[m].quotes.push(id);
        }
    }
    for &m in wanted {
        let at = topic.members[m].at;
        let words = content_keys(&articles[at.article].paragraphs[at.paragraph].tokens);
        let each: Vec<f32> = words.iter().map(|&k| weights.idf_of(k)).collect();
        all[m].weight = each.iter().sum();
        all[m].weights = each;
        all[m].words = words;
    }
    all
}

/// Words the language uses this often or more (Zipf 6: once in a thousand words) are its
/// filler, which the stopword lists leave out ("two", "people", "fait", "plus"): two passages
/// that share only these tell nothing alike.
const FILLER_ZIPF: u8 = 60;

/// The keys rows compare a passage by: its telling words but the language's filler.
fn content_keys(tokens: &[Token]) -> Vec<u64> {
    keys_of(tokens, |t| t.is_telling() && t.zipf_tenths() < FILLER_ZIPF)
}

/// Sorted, distinct keys of the telling words among `tokens`: what [`dice`] compares.
pub fn telling_keys(tokens: &[Token]) -> Vec<u64> {
    keys_of(tokens, Token::is_telling)
}

/// Sorted, distinct keys of the tokens `keep` accepts.
fn keys_of(tokens: &[Token], keep: impl Fn(&Token) -> bool) -> Vec<u64> {
    let mut keys: Vec<u64> = tokens.iter().filter(|t| keep(t)).map(|t| t.hash).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The Dice coefficient of two sorted, distinct key lists: the share of words they have in
/// common.
pub fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * in_common(a, b).count() as f32 / (a.len() + b.len()) as f32
}

/// The positions in `a` and in `b` (sorted, distinct keys) of each key both hold.
fn in_common<'k>(a: &'k [u64], b: &'k [u64]) -> impl Iterator<Item = (usize, usize)> + 'k {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let both = (i, j);
                    i += 1;
                    j += 1;
                    return Some(both);
                }
            }
        }
        None
    })
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
pub fn rows(
    articles: &[Article],
    topic: &Topic,
    shown: &[usize],
    weights: &WordWeights,
) -> Vec<Row> {
    let seqs: Vec<Vec<usize>> = shown
        .iter()
        .map(|&a| {
            (0..topic.members.len())
                .filter(|&m| topic.members[m].at.article == a)
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..shown.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(seqs[k].len()), k));
    let wanted: Vec<usize> = seqs.iter().flatten().copied().collect();
    let all = passages(articles, topic, weights, &wanted);
    let mut laid: Vec<Laid> = Vec::new();
    for (added, k) in order.into_iter().enumerate() {
        let opens = added < LAID_TOGETHER;
        laid = add_source(laid, &seqs[k], (k, shown.len(), opens), &all);
    }
    laid.into_iter()
        .map(|row| Row { cells: row.cells })
        .collect()
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
            let cells: Vec<Option<usize>> = column
                .iter()
                .map(|c| c.and_then(|i| row.cells[i]))
                .collect();
            cells.iter().any(Option::is_some).then_some(Row { cells })
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
/// it shares with one of them is enough to join it, else it must resemble them on average.
/// A passage that resembled one of a row's passages was enough before; a row then gathered
/// passages on different facts of one subject, each like one other.
fn row_likeness(sample: &[usize], passage: &Passage, all: &[Passage]) -> f32 {
    let each = sample.iter().map(|&m| likeness(&all[m], passage));
    if sample.iter().any(|&m| shares_quote(&all[m], passage)) {
        each.fold(0.0, f32::max)
    } else {
        each.sum::<f32>() / sample.len().max(1) as f32
    }
}

/// Whether two passages carry a quotation in common.
fn shares_quote(a: &Passage, b: &Passage) -> bool {
    a.quotes.iter().any(|q| b.quotes.binary_search(q).is_ok())
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
mod tests {
    use super::*;

    fn topic_of(sources: &[&[&str]]) -> (Vec<Article>, Topic) {
        crate::fixtures::all_in_one_topic(sources)
    }

    /// Each row as the paragraph numbers of its cells (0 for a blank cell).
    fn layout(articles: &[Article], topic: &Topic) -> Vec<Vec<usize>> {
        rows(articles, topic, &[0, 1], &WordWeights::new(articles))
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.map_or(0, |m| topic.members[m].at.paragraph))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn passages_telling_the_same_face_each_other_in_reading_order() {
        let (articles, topic) = topic_of(&[
            &[
                "The dam burst at dawn and water flooded the valley villages.",
                "Rescue teams pulled forty people from rooftops by noon.",
                "The governor blamed years of neglected maintenance work.",
            ],
            &[
                "Helicopters and rescue teams lifted forty people from rooftops.",
                "A local baker handed out bread to the families.",
                "Neglected maintenance work was blamed by the governor.",
            ],
        ]);
        assert_eq!(
            layout(&articles, &topic),
            vec![vec![1, 0], vec![2, 1], vec![0, 2], vec![3, 3]],
            "the dam's burst and the baker have no counterpart: blank opposite"
        );
    }

    #[test]
    fn passages_that_share_only_the_languages_filler_do_not_face() {
        let (articles, topic) = topic_of(&[
            &["Two people were hurt in Lyon, they said."],
            &["They said two people were arrested in Nantes."],
        ]);
        let laid = layout(&articles, &topic);
        assert_eq!(
            laid.len(),
            2,
            "\"they said two people\" is no fact in common: {laid:?}"
        );
        let (articles, topic) = topic_of(&[
            &["They said two people were hurt in Lyon."],
            &["In Lyon, two people were hurt, they said."],
        ]);
        assert_eq!(layout(&articles, &topic), vec![vec![1, 1]]);
    }

    #[test]
    fn a_passage_joins_a_row_it_resembles_as_a_whole_not_through_one_member() {
        let (articles, topic) = topic_of3(&[
            &["The dam burst at dawn and muddy water flooded the valley villages."],
            &[
                "Muddy water flooded the valley villages after the dam burst; the governor blamed neglect.",
            ],
            &["The governor blamed neglect, budget cuts and missed inspections."],
        ]);
        let laid = rows(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles));
        let governor = laid.iter().find(|r| r.cells[2].is_some()).unwrap();
        assert_eq!(
            governor.cells[0], None,
            "the governor's blame does not join the flood's row through one passage: {laid:?}"
        );
    }

    #[test]
    fn a_quotation_shared_with_one_passage_of_a_row_is_enough_to_join_it() {
        let flood = "The flood came at dawn and the valley villages were under water.";
        let quoted =
            format!("{flood} \"We lost everything we had in one single night\", a farmer said.");
        let (articles, topic) = crate::fixtures::all_in_one_topic(&[
            &[flood],
            &[flood],
            &[flood],
            &[flood],
            &[flood],
            &[quoted.as_str()],
            &["\"We lost everything we had in one single night\", the farmer told reporters."],
        ]);
        let laid = rows(
            &articles,
            &topic,
            &[0, 1, 2, 3, 4, 5, 6],
            &WordWeights::new(&articles),
        );
        let farmer = laid.iter().find(|r| r.cells[6].is_some()).unwrap();
        assert!(farmer.cells[5].is_some(), "{laid:?}");
    }

    #[test]
    fn every_passage_appears_once_in_its_own_order() {
        let (articles, topic) = topic_of(&[
            &["Alpha beta gamma delta.", "Epsilon zeta eta theta."],
            &[
                "Epsilon zeta eta theta.",
                "Alpha beta gamma delta.",
                "Iota kappa lambda.",
            ],
        ]);
        let got = layout(&articles, &topic);
        for source in 0..2 {
            let seen: Vec<usize> = got.iter().map(|r| r[source]).filter(|&p| p > 0).collect();
            let mut sorted = seen.clone();
            sorted.sort_unstable();
            assert_eq!(seen, sorted, "source {source} keeps its order: {got:?}");
            assert_eq!(seen.len(), if source == 0 { 2 } else { 3 });
        }
    }

    #[test]
    fn two_sources_meet_on_a_fact_the_longest_source_does_not_tell() {
        let (articles, topic) = topic_of3(&[
            &[
                "The dam burst at dawn and water flooded the valley villages.",
                "The governor blamed years of neglected maintenance work.",
                "Schools in the valley stay closed until further notice.",
            ],
            &[
                "A local baker handed out warm bread to the homeless families.",
                "Valley schools stay closed until further notice, officials said.",
            ],
            &[
                "Water flooded the valley villages after the dam burst at dawn.",
                "The baker handed out warm bread to families left homeless.",
                "Neglected maintenance work was blamed by the governor.",
            ],
        ]);
        let laid = rows(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles));
        let baker = laid
            .iter()
            .find(|r| r.cells[1].is_some_and(|m| topic.members[m].at.paragraph == 1))
            .expect("the baker's row");
        assert_eq!(baker.cells[0], None);
        assert!(
            baker.cells[2].is_some_and(|m| topic.members[m].at.paragraph == 2),
            "the two bakers face each other, a fact the longest source does not tell: {laid:?}"
        );
    }

    #[test]
    fn the_rows_a_pane_sees_do_not_depend_on_the_panes_beside_it() {
        let (articles, topic) = topic_of3(&[
            &["Alpha beta gamma delta.", "Epsilon zeta eta theta."],
            &["Iota kappa lambda mu.", "Epsilon zeta eta theta nu."],
            &[
                "Alpha beta gamma delta xi.",
                "Iota kappa lambda mu omicron.",
            ],
        ]);
        let all = rows_seen_by(&articles, &topic, &[0, 1, 2], &WordWeights::new(&articles));
        let two = rows_seen_by(&articles, &topic, &[0, 2], &WordWeights::new(&articles));
        let projected: Vec<Vec<Option<usize>>> = all
            .iter()
            .map(|r| vec![r.cells[0], r.cells[2]])
            .filter(|c| c.iter().any(Option::is_some))
            .collect();
        let got: Vec<Vec<Option<usize>>> = two.iter().map(|r| r.cells.clone()).collect();
        assert_eq!(got, projected);
    }

    fn topic_of3(sources: &[&[&str]]) -> (Vec<Article>, Topic) {
        crate::fixtures::all_in_one_topic(sources)
    }
}
