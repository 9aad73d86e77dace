//! Echoes: a sentence one source tells out of the others' order, repeated on the row where
//! the sources that quote it too are, as a printed synopsis repeats a verse beside the other
//! gospels' telling of it. Each source keeps its reading order; the repeat is marked as one.

use crate::compare::rows::passage::{Passage, Piece, shares_quote, weighted_dice};
use crate::compare::rows::{Cell, Echo, FACING, Row};

/// `rows` with echoes added: a piece (sentence) is repeated in another row when that row
/// holds more sources quoting it than its own row does (itself counted), or as many and
/// stands above it, so that of two sources quoting each other on two rows the later one is
/// repeated beside the earlier. A source gets one echo a row: the piece quoted by the most
/// sources there, the first in reading order on a tie. `column` gives each piece's source.
pub(super) fn echoed(
    mut rows: Vec<Row>,
    pieces: &[Piece],
    all: &[Passage],
    column: &[usize],
) -> Vec<Row> {
    let row_of = placed(&rows, pieces, column);
    let mut in_row: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (p, r) in row_of.iter().enumerate() {
        if let Some(r) = *r {
            in_row[r].push(p);
        }
    }
    // (row, source) → (how many sources quote it there, piece).
    let mut best: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for (p, home) in row_of.iter().enumerate() {
        let Some(home) = *home else { continue };
        let quoting = |r: usize| quoted_by(p, &in_row[r], all, column);
        let k = column[p];
        let elsewhere = |r: usize| r != home && !beside_own(&rows[r], k, &pieces[p]);
        let Some((n, r)) = wanted_row(home, rows.len(), quoting, elsewhere) else {
            continue;
        };
        match best.iter_mut().find(|(at, _)| *at == (r, k)) {
            Some((_, kept)) if kept.0 >= n => {}
            Some((_, kept)) => *kept = (n, p),
            None => best.push(((r, k), (n, p))),
        }
    }
    for ((r, k), (_, p)) in best {
        rows[r].echoes[k] = Some(repeat(&pieces[p], row_of[p].unwrap_or(r), r));
    }
    rows
}

/// Whether `piece` would stand beside its own paragraph in `row`, in its source's column `k`:
/// there it is the sentence after, or before, the one shown.
pub(super) fn beside_own(row: &Row, k: usize, piece: &Piece) -> bool {
    row.cells[k]
        .as_ref()
        .is_some_and(|c| c.member == piece.member)
}

/// The echo of `piece`, shown in its own row `home`, repeated in row `r`: marked with the way
/// its place stands.
pub(super) fn repeat(piece: &Piece, home: usize, r: usize) -> Cell {
    Cell {
        member: piece.member,
        text: piece.bytes.clone(),
        echo: Some(if home < r { Echo::Above } else { Echo::Below }),
    }
}

/// The row (of `count`) a piece shown in row `home` is repeated in, and how many sources
/// quote it there (`quoting`): the row most of them do, if more do there than at home, the
/// piece itself counted at home, or as many and the row is above. Only rows `allowed`.
fn wanted_row(
    home: usize,
    count: usize,
    quoting: impl Fn(usize) -> usize,
    allowed: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let at_home = 1 + quoting(home);
    (0..count)
        .filter(|&r| allowed(r))
        .map(|r| (quoting(r), r))
        .filter(|&(n, r)| n > at_home || (n == at_home && r < home))
        .max_by_key(|&(n, r)| (n, std::cmp::Reverse(r)))
}

/// The row each piece is shown in, from the cells that hold it.
pub(super) fn placed(rows: &[Row], pieces: &[Piece], column: &[usize]) -> Vec<Option<usize>> {
    pieces
        .iter()
        .enumerate()
        .map(|(p, piece)| {
            rows.iter().position(|row| {
                row.cells[column[p]].as_ref().is_some_and(|c| {
                    c.member == piece.member
                        && c.text.start <= piece.bytes.start
                        && piece.bytes.end <= c.text.end
                })
            })
        })
        .collect()
}

/// How many sources besides `p`'s have a piece among `row` that shares a quotation with it.
fn quoted_by(p: usize, row: &[usize], all: &[Passage], column: &[usize]) -> usize {
    let mut sources: Vec<usize> = row
        .iter()
        .filter(|&&q| column[q] != column[p] && tell_alike(&all[p], &all[q]))
        .map(|&q| column[q])
        .collect();
    sources.sort_unstable();
    sources.dedup();
    sources.len()
}

/// Whether two passages tell the same thing surely enough to repeat one beside the other:
/// they share a quotation and would face each other on their words alone. A stock phrase of
/// the event ("at a later point, Comey wrote that") is shared by passages on other facts.
pub(super) fn tell_alike(a: &Passage, b: &Passage) -> bool {
    shares_quote(a, b) && weighted_dice(a, b) >= FACING
}

#[cfg(test)]
mod laid_by_hand {
    //! `echoed` on rows, pieces and passages written out, one rule at a time.

    use super::*;
    use crate::compare::rows::by_hand::{echoes_of, piece, row};

    /// The passage of a sentence that shares quotation `q` and its words with the others
    /// that do.
    fn quoting(q: &[usize]) -> Passage {
        Passage::of(&[1, 2, 3], q)
    }

    #[test]
    fn a_sentence_is_repeated_below_where_more_sources_quote_it_marked_above() {
        // Source 0 tells it first, alone; sources 1 and 2 tell it together further down.
        let rows = vec![row(&[Some(0), None, None]), row(&[None, Some(1), Some(2)])];
        let pieces = [piece(0, 0..10), piece(1, 0..10), piece(2, 0..10)];
        let all = [quoting(&[7]), quoting(&[7]), quoting(&[7])];
        let got = echoes_of(&echoed(rows, &pieces, &all, &[0, 1, 2]));
        assert_eq!(got, [vec![], vec![(0, 0, Echo::Above)]]);
    }

    #[test]
    fn never_beside_its_own_paragraph() {
        // Member 0's second sentence stands below its first, which faces source 1's quote.
        let mut rows = vec![row(&[Some(0), Some(1)]), row(&[Some(0), None])];
        rows[0].cells[0].as_mut().unwrap().text = 0..10;
        rows[1].cells[0].as_mut().unwrap().text = 11..20;
        let pieces = [piece(0, 0..10), piece(0, 11..20), piece(1, 0..10)];
        let all = [Passage::of(&[9], &[]), quoting(&[7]), quoting(&[7])];
        let got = echoes_of(&echoed(rows, &pieces, &all, &[0, 0, 1]));
        assert_eq!(got, [vec![], vec![]]);
    }

    #[test]
    fn of_two_sentences_wanting_one_row_the_most_quoted_then_the_first_is_repeated() {
        // Sources 1 and 2 on row 0; source 0's two sentences below, each alone.
        let rows = || {
            vec![
                row(&[None, Some(2), Some(3)]),
                row(&[Some(0), None, None]),
                row(&[Some(1), None, None]),
            ]
        };
        let pieces = [
            piece(0, 0..10),
            piece(1, 0..10),
            piece(2, 0..10),
            piece(3, 0..10),
        ];
        let repeated = |all: &[Passage]| {
            let got = echoes_of(&echoed(rows(), &pieces, all, &[0, 0, 1, 2]));
            assert_eq!(got[0].len(), 1, "{got:?}");
            got[0][0].1
        };
        let (both, one) = (quoting(&[7, 8]), quoting(&[8]));
        // The first quoted by sources 1 and 2, the second by source 2 only: the first.
        let all = [
            quoting(&[7, 8]),
            quoting(&[8]),
            quoting(&[7]),
            quoting(&[8]),
        ];
        assert_eq!(repeated(&all), 0);
        // The other way round: the second.
        let all = [one, both, quoting(&[7]), quoting(&[8])];
        assert_eq!(repeated(&all), 1);
        // As many: the first in reading order.
        let all = [quoting(&[8]), quoting(&[8]), quoting(&[7]), quoting(&[8])];
        assert_eq!(repeated(&all), 0);
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::rows::{Echo, Row, rows};
    use crate::compare::salience::WordWeights;
    use crate::model::article::Article;
    use crate::model::topic::Topic;

    const DAM: &str = "The dam burst at dawn and muddy water flooded the valley villages.";
    const RESCUE: &str = "Rescue teams pulled forty people from the flooded rooftops by noon.";
    const BAKER: &str = "A local baker handed out warm bread to the soaked families.";

    fn laid(sources: &[&[&str]]) -> (Vec<Article>, Topic, Vec<Row>) {
        let (articles, topic) = crate::fixtures::all_in_one_topic(sources);
        let shown: Vec<usize> = (0..sources.len()).collect();
        let laid = rows(&articles, &topic, &shown, &WordWeights::new(&articles));
        (articles, topic, laid)
    }

    /// Each row's echoes as (source, text, mark).
    fn echoes(
        articles: &[Article],
        topic: &Topic,
        laid: &[Row],
    ) -> Vec<Vec<(usize, String, Echo)>> {
        laid.iter()
            .map(|row| {
                let cells = row.echoes.iter().enumerate();
                cells
                    .filter_map(|(k, c)| {
                        let c = c.as_ref()?;
                        let text = topic.members[c.member].at.paragraph_in(articles).text
                            [c.text.clone()]
                        .to_owned();
                        Some((k, text, c.echo?))
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_fact_told_out_of_order_is_repeated_beside_the_source_that_quotes_it() {
        let (articles, topic, laid) = laid(&[&[DAM, RESCUE], &[RESCUE, BAKER, DAM]]);
        let got = echoes(&articles, &topic, &laid);
        let all: Vec<&(usize, String, Echo)> = got.iter().flatten().collect();
        assert_eq!(
            all.len(),
            1,
            "one of the two crossing facts is repeated: {got:?}"
        );
        let (k, text, mark) = all[0];
        let r = got.iter().position(|e| !e.is_empty()).unwrap();
        let other = 1 - k;
        let facing = laid[r].cells[other]
            .as_ref()
            .expect("it faces the other source's passage");
        assert_eq!(
            text,
            &topic.members[facing.member].at.paragraph_in(&articles).text,
            "the same fact, word for word"
        );
        assert!(
            laid[r].cells[*k].is_none()
                || laid[r].cells[*k].as_ref().unwrap().member != facing.member
        );
        // Where the repeated sentence stands in its own source.
        let home = laid
            .iter()
            .position(|row| {
                row.cells[*k].as_ref().is_some_and(|c| {
                    topic.members[c.member].at.paragraph_in(&articles).text == *text
                })
            })
            .unwrap();
        assert_eq!(*mark, if home < r { Echo::Above } else { Echo::Below });
        assert_eq!(
            laid.iter().filter(|row| row.cells[*k].is_some()).count(),
            if *k == 0 { 2 } else { 3 },
            "each passage still once in its place"
        );
    }

    #[test]
    fn two_sources_quoting_each_other_on_two_rows_repeat_only_the_later() {
        let (articles, topic, laid) = laid(&[&[DAM, BAKER], &[BAKER, DAM]]);
        let got = echoes(&articles, &topic, &laid);
        let all: Vec<&(usize, String, Echo)> = got.iter().flatten().collect();
        assert_eq!(all.len(), 1, "{got:?}");
        assert_eq!(
            all[0].2,
            Echo::Below,
            "the later one goes up beside the earlier"
        );
    }

    #[test]
    fn a_stock_phrase_on_different_facts_is_not_repeated() {
        let (articles, topic, laid) = laid(&[
            &[
                "At a later point, the minister said the old stone bridge over the northern river would reopen to lorries and buses in May, once engineers had finished their repairs.",
                "Farmers blocked the northern roads with tractors and burning tyres.",
            ],
            &[
                "Farmers blocked the northern roads with tractors for hours.",
                "At a later point, the minister said fuel and heating taxes would fall for poorer households next winter, a promise the opposition called a bribe.",
            ],
        ]);
        let got = echoes(&articles, &topic, &laid);
        assert!(
            got.iter().all(Vec::is_empty),
            "\"at a later point, the minister said\" is no fact: {got:?}"
        );
    }
}

#[cfg(test)]
mod invariants {
    use crate::compare::rows::{Echo, rows};
    use crate::compare::salience::WordWeights;

    /// Sentences that share quotations in pairs, so that sources built from them in any order
    /// cross and repeat.
    const SENTENCES: [&str; 6] = [
        "The dam burst at dawn and muddy water flooded the valley villages.",
        "Rescue teams pulled forty people from the flooded rooftops by noon.",
        "A local baker handed out warm bread to the soaked families.",
        "The governor blamed years of neglected maintenance work on the dam.",
        "Muddy water flooded the valley villages after the dam burst at dawn.",
        "Forty people were pulled from the flooded rooftops by rescue teams.",
    ];

    proptest::proptest! {
        #[test]
        fn echoes_repeat_a_sentence_of_their_source_shown_in_another_row(
            sources in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::collection::vec(0usize..SENTENCES.len(), 1..3),
                    1..4,
                ),
                2..4,
            ),
        ) {
            let texts: Vec<Vec<String>> = sources
                .iter()
                .map(|ps| ps.iter().map(|p| p.iter().map(|&s| SENTENCES[s]).collect::<Vec<_>>().join(" ")).collect())
                .collect();
            let borrowed: Vec<Vec<&str>> = texts.iter().map(|ps| ps.iter().map(String::as_str).collect()).collect();
            let slices: Vec<&[&str]> = borrowed.iter().map(Vec::as_slice).collect();
            let (articles, topic) = crate::fixtures::all_in_one_topic(&slices);
            let shown: Vec<usize> = (0..sources.len()).collect();
            let laid = rows(&articles, &topic, &shown, &WordWeights::new(&articles));
            for (r, row) in laid.iter().enumerate() {
                proptest::prop_assert_eq!(row.echoes.len(), row.cells.len());
                for (k, echo) in row.echoes.iter().enumerate() {
                    let Some(echo) = echo else { continue };
                    let member = &topic.members[echo.member];
                    proptest::prop_assert_eq!(member.at.article, k, "in its own source's column");
                    proptest::prop_assert!(echo.text.end <= member.at.paragraph_in(&articles).text.len());
                    proptest::prop_assert!(row.cells[k].as_ref().is_none_or(|c| c.member != echo.member));
                    // Shown in its place in another row, above or below as its mark says.
                    let home = laid.iter().position(|other| {
                        other.cells[k].as_ref().is_some_and(|c| {
                            c.member == echo.member && c.text.start <= echo.text.start && echo.text.end <= c.text.end
                        })
                    });
                    proptest::prop_assert!(home.is_some_and(|h| h != r));
                    let below = home.is_some_and(|h| h > r);
                    proptest::prop_assert_eq!(echo.echo, Some(if below { Echo::Below } else { Echo::Above }));
                }
            }
        }
    }
}
