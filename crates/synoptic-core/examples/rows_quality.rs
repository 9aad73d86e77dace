//! How often synopsis rows put a quotation several sources carry on one row, per corpus.
//!
//! ```text
//! cargo run --release -p synoptic-core --example rows_quality -- DIR [TOPICS.toml] [--missed]
//! ```
//!
//! For every topic (defined and discovered), the rows of all its sources, then the share of
//! its shared five-word runs whose carriers all sit on one row (see `compare::rows_measure`),
//! with the echoes that repeat a sentence beside its parallels, and without them. With
//! `--missed`, each quotation left on several rows: its words, and the row of each carrier.

use std::path::PathBuf;

use synoptic_core::alignment::align::align;
use synoptic_core::alignment::measure::AlignOptions;
use synoptic_core::compare::quotes::QUOTE_WORDS;
use synoptic_core::compare::rows::{Row, rows};
use synoptic_core::compare::rows_measure::{QuotePlaced, quotes_on_one_row, quotes_placed};
use synoptic_core::compare::salience::WordWeights;
use synoptic_core::input::ingest::load_paths;
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::article::{Article, source_name};
use synoptic_core::model::topic::Topic;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let missed = args.iter().any(|a| a == "--missed");
    args.retain(|a| a != "--missed");
    let Some(dir) = args.first() else {
        return Err("usage: rows_quality DIR [TOPICS.toml]".into());
    };
    let articles = load_paths(&[PathBuf::from(dir)])?.articles;
    let defs = match args.get(1) {
        Some(file) => parse_topics(file, &std::fs::read_to_string(file)?)?.topics,
        None => Vec::new(),
    };
    let topics = align(&articles, &defs, AlignOptions::default());
    let weights = WordWeights::new(&articles);
    let (mut together, mut placed, mut total) = (0, 0, 0);
    for topic in &topics {
        let shown: Vec<usize> = topic.articles().into_iter().collect();
        let laid = rows(&articles, topic, &shown, &weights);
        let (t, n) = quotes_on_one_row(&articles, topic, &laid);
        if missed {
            for quote in quotes_placed(&articles, topic, &laid) {
                print_missed(&articles, topic, &quote);
            }
        }
        together += t;
        total += n;
        let unechoed: Vec<Row> = laid.into_iter().map(Row::without_echoes).collect();
        placed += quotes_on_one_row(&articles, topic, &unechoed).0;
    }
    let share = |n: usize| {
        if total > 0 {
            n as f64 / total as f64
        } else {
            1.0
        }
    };
    println!(
        "shared quotations on one row: {together}/{total} = {:.3} (without echoes: {placed}/{total} = {:.3})",
        share(together),
        share(placed)
    );
    Ok(())
}

/// A quotation whose carriers the rows leave apart: the topic, the run, each carrier's rows.
fn print_missed(articles: &[Article], topic: &Topic, quote: &QuotePlaced) {
    if quote.together {
        return;
    }
    let ((m, token), _) = quote.carriers[0];
    let paragraph = topic.members[m].at.paragraph_in(articles);
    let run = &paragraph.tokens[token..(token + QUOTE_WORDS).min(paragraph.tokens.len())];
    let words = match (run.first(), run.last()) {
        (Some(a), Some(b)) => &paragraph.text[a.start()..b.end()],
        _ => "",
    };
    let at: Vec<String> = quote
        .carriers
        .iter()
        .map(|((m, _), rows)| {
            let source = source_name(articles, topic.members[*m].at.article);
            format!("{source} rows {rows:?}")
        })
        .collect();
    println!("[{}] \"{words}\": {}", topic.label, at.join("; "));
}
