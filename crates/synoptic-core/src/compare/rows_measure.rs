//! How well synopsis rows put the same fact side by side, measured from shared wording: of the
//! quotations several sources carry (runs of five words or more), how many sit on one row.

use std::collections::HashMap;

use crate::compare::quotes::shared_quotes_at;
use crate::compare::rows::{Cell, Row};
use crate::model::article::Article;
use crate::model::topic::Topic;

/// How many of `topic`'s shared quotations (see `quotes::shared_quotes_at`) have every
/// carrier among the sources of `rows` on one row, and how many there are (those with two
/// carriers or more among those sources). A carrier is on the row whose cell holds the start
/// of its run (a paragraph cut across rows is on the row of the sentence that quotes), and on
/// any row where an echo repeats that sentence.
pub fn quotes_on_one_row(articles: &[Article], topic: &Topic, rows: &[Row]) -> (usize, usize) {
    let verdicts = quotes_placed(articles, topic, rows);
    let together = verdicts.iter().filter(|q| q.together).count();
    (together, verdicts.len())
}

/// One shared quotation as the rows place it: each carrier (member, first token of the run)
/// with the rows it is on, and whether one row holds them all.
#[derive(Debug)]
pub struct QuotePlaced {
    pub carriers: Vec<((usize, usize), Vec<usize>)>,
    pub together: bool,
}

/// Every quotation [`quotes_on_one_row`] counts, with where the rows put its carriers.
pub fn quotes_placed(articles: &[Article], topic: &Topic, rows: &[Row]) -> Vec<QuotePlaced> {
    let mut cells_of: HashMap<usize, Vec<(&Cell, usize)>> = HashMap::new();
    for (r, row) in rows.iter().enumerate() {
        for cell in row.cells.iter().chain(&row.echoes).flatten() {
            cells_of.entry(cell.member).or_default().push((cell, r));
        }
    }
    let rows_of = |(m, token): (usize, usize)| -> Vec<usize> {
        let at = topic.members[m].at;
        let byte = at.paragraph_in(articles).tokens[token].start();
        let Some(cells) = cells_of.get(&m) else {
            return Vec::new();
        };
        let placed = || cells.iter().filter(|(c, _)| c.echo.is_none());
        // The last placed cell of the member that starts at or before the run.
        let home = placed()
            .filter(|(c, _)| c.text.start <= byte)
            .map(|&(_, r)| r)
            .next_back()
            .or_else(|| placed().next().map(|&(_, r)| r));
        let repeats = cells
            .iter()
            .filter(|(c, _)| c.echo.is_some() && c.text.contains(&byte))
            .map(|&(_, r)| r);
        home.into_iter().chain(repeats).collect()
    };
    let mut placed = Vec::new();
    for quote in shared_quotes_at(articles, topic) {
        let carriers: Vec<((usize, usize), Vec<usize>)> = quote
            .into_iter()
            .map(|c| (c, rows_of(c)))
            .filter(|(_, rows)| !rows.is_empty())
            .collect();
        if carriers.len() < 2 {
            continue;
        }
        let (first, rest) = (&carriers[0].1, &carriers[1..]);
        let together = first
            .iter()
            .any(|r| rest.iter().all(|(_, rows)| rows.contains(r)));
        placed.push(QuotePlaced { carriers, together });
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::quotes::shared_quotes;
    use crate::compare::rows::{Echo, rows};

    #[test]
    fn a_quote_carried_by_two_sources_counts_once_per_run_and_only_across_sources() {
        let (articles, topic) = crate::fixtures::all_in_one_topic(&[
            &[
                "The minister said \"we will never sign this treaty\" on Monday.",
                "Farmers blocked the roads near the capital.",
            ],
            &[
                "Farmers blocked the roads near the capital for hours.",
                "\"We will never sign this treaty,\" the minister told reporters.",
            ],
        ]);
        let quotes = shared_quotes(&articles, &topic);
        // "we will never sign this" and "will never sign this treaty"; "farmers blocked the
        // roads near" and the runs after it.
        assert!(quotes.len() >= 4, "{quotes:?}");
        assert!(quotes.iter().all(|q| q.len() == 2));
        let laid = rows(
            &articles,
            &topic,
            &[0, 1],
            &crate::compare::salience::WordWeights::new(&articles),
        );
        let (together, total) = quotes_on_one_row(&articles, &topic, &laid);
        assert_eq!(total, quotes.len());
        assert_eq!(
            together, total,
            "the fact told out of order is repeated beside the other source's"
        );
        let placed: Vec<Row> = laid.into_iter().map(Row::without_echoes).collect();
        let (together, total) = quotes_on_one_row(&articles, &topic, &placed);
        assert!(
            together < total,
            "the two facts cross: in their own order, both cannot face each other"
        );
        assert!(together > 0);
    }

    /// A cell of `member` showing `text` (bytes of its paragraph), repeated or not.
    fn cell(member: usize, text: std::ops::Range<usize>, echo: Option<Echo>) -> Cell {
        Cell { member, text, echo }
    }

    #[test]
    fn a_carrier_is_on_the_row_of_the_sentence_that_quotes_or_of_an_echo_of_it() {
        let first = "Farmers blocked the roads near the capital.";
        let both = format!("{first} \"We will never sign this treaty,\" the minister said.");
        let other = "The minister said \"we will never sign this treaty\" on Monday.";
        let (articles, topic) = crate::fixtures::all_in_one_topic(&[&[both.as_str()], &[other]]);
        let (cut, len) = (first.len(), both.len());
        let row = |cells: Vec<Option<Cell>>, echoes: Vec<Option<Cell>>| Row { cells, echoes };
        let count = |rows: &[Row]| quotes_on_one_row(&articles, &topic, rows);
        // The quoting sentence, cut from its paragraph, faces the other source's.
        let cut_rows = [
            row(vec![Some(cell(0, 0..cut, None)), None], vec![None, None]),
            row(
                vec![
                    Some(cell(0, cut..len, None)),
                    Some(cell(1, 0..other.len(), None)),
                ],
                vec![None, None],
            ),
        ];
        let (together, total) = count(&cut_rows);
        assert!(total > 0 && together == total, "{together}/{total}");
        // Whole, it stands above; an echo of its other sentence beside the quote is not it.
        let mut apart = [
            row(vec![Some(cell(0, 0..len, None)), None], vec![None, None]),
            row(
                vec![None, Some(cell(1, 0..other.len(), None))],
                vec![None, None],
            ),
        ];
        assert_eq!(count(&apart).0, 0);
        apart[1].echoes[0] = Some(cell(0, 0..cut, Some(Echo::Below)));
        assert_eq!(
            count(&apart).0,
            0,
            "the echo holds no word of the quotation"
        );
        apart[1].echoes[0] = Some(cell(0, cut..len, Some(Echo::Above)));
        assert_eq!(
            count(&apart),
            (total, total),
            "the echo of the quoting sentence is"
        );
    }

    #[test]
    fn a_quotation_counts_only_when_two_of_its_carriers_are_laid_out() {
        let (articles, topic) = crate::fixtures::all_in_one_topic(&[
            &["The minister said \"we will never sign this treaty\" on Monday."],
            &["\"We will never sign this treaty,\" the minister told reporters."],
        ]);
        let alone = rows(
            &articles,
            &topic,
            &[0],
            &crate::compare::salience::WordWeights::new(&articles),
        );
        assert_eq!(quotes_on_one_row(&articles, &topic, &alone), (0, 0));
        let both = rows(
            &articles,
            &topic,
            &[0, 1],
            &crate::compare::salience::WordWeights::new(&articles),
        );
        let (together, total) = quotes_on_one_row(&articles, &topic, &both);
        assert!(total > 0 && together == total, "{together}/{total}");
    }
}
