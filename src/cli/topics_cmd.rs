//! `synoptic topics`: the topic x article coverage matrix, keywords and sizes, for a pipe.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{TopicsArgs, TopicsFormat, load};
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::topics_file::topics_file_text;
use synoptic_core::input::twins::copy_of_each;
use synoptic_core::model::topic::{Origin, Topic};
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::layout::{fit, shorten};
use synoptic_core::output::sanitize::for_terminal;

#[derive(Serialize)]
struct TopicRow<'a> {
    id: &'a str,
    label: &'a str,
    origin: Origin,
    keywords: &'a [String],
    /// Aligned paragraphs.
    size: usize,
    /// Aligned paragraphs per article id (articles that do not cover it are left out).
    coverage: std::collections::BTreeMap<&'a str, usize>,
}

/// Run `synoptic topics`. `width`: the terminal's, when the table goes to one; lines are cut
/// to it (keywords, then labels, go first).
pub fn topics(args: &TopicsArgs, out: &mut dyn Write, width: Option<usize>) -> Result<()> {
    let synopsis = load(&args.input)?;
    match args.format {
        TopicsFormat::Json => write_json(&synopsis, out),
        TopicsFormat::Text => write_text(&synopsis, out, width.unwrap_or(usize::MAX)),
        TopicsFormat::Toml => write_toml(&synopsis, out),
    }
}

/// Every topic as a topics file: the user's own first, then the discovered ones, which become
/// the user's once read back with `--topics`.
fn write_toml(synopsis: &Synopsis, out: &mut dyn Write) -> Result<()> {
    let defs: Vec<TopicDef> = synopsis.topics.iter().map(Topic::definition).collect();
    let discovered = synopsis
        .topics
        .iter()
        .filter(|t| t.origin == Origin::Discovered)
        .count();
    let header = format!(
        "Topics of {} articles written by synoptic {} ({} discovered).\n\
         Edit labels and keywords, then pass this file back with --topics FILE.",
        synopsis.articles.len(),
        env!("CARGO_PKG_VERSION"),
        discovered
    );
    out.write_all(topics_file_text(&header, &defs).as_bytes())?;
    Ok(())
}

fn rows(synopsis: &Synopsis) -> Vec<TopicRow<'_>> {
    synopsis
        .topics
        .iter()
        .map(|t| {
            let mut coverage = std::collections::BTreeMap::new();
            for m in &t.members {
                *coverage
                    .entry(synopsis.articles[m.at.article].id.as_str())
                    .or_default() += 1;
            }
            TopicRow {
                id: &t.id,
                label: &t.label,
                origin: t.origin,
                keywords: &t.keywords,
                size: t.members.len(),
                coverage,
            }
        })
        .collect()
}

fn write_json(synopsis: &Synopsis, out: &mut dyn Write) -> Result<()> {
    let articles: Vec<&str> = synopsis.articles.iter().map(|a| a.id.as_str()).collect();
    let doc = serde_json::json!({ "articles": articles, "topics": rows(synopsis) });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}

/// One line per topic: its id, coverage cells (paragraph counts, '.' for none), size, label
/// and keywords; the articles are numbered in a key below.
fn write_text(synopsis: &Synopsis, out: &mut dyn Write, width: usize) -> Result<()> {
    let rows = rows(synopsis);
    let id_width = rows.iter().map(|r| r.id.width()).max().unwrap_or(2).max(5);
    let n = synopsis.articles.len();
    let cell = n.to_string().len().max(2) + 1;
    let mut head = fit("topic", id_width);
    for a in 1..=n {
        head.push_str(&format!("{a:>cell$}"));
    }
    writeln!(
        out,
        "{}",
        shorten(&format!("{head}  size  label [keywords]"), width)
    )?;
    for row in &rows {
        let mut line = fit(row.id, id_width);
        for a in &synopsis.articles {
            let count = row
                .coverage
                .get(a.id.as_str())
                .map_or(".".to_string(), usize::to_string);
            line.push_str(&format!("{count:>cell$}"));
        }
        let keywords = format!(" [{}]", row.keywords.join(", "));
        let line = format!(
            "{line}  {:>4}  {}{}",
            row.size,
            for_terminal(row.label),
            for_terminal(&keywords)
        );
        writeln!(out, "{}", shorten(&line, width))?;
    }
    writeln!(out)?;
    let copies = copy_of_each(&synopsis.articles);
    for ((i, a), twin) in synopsis.articles.iter().enumerate().zip(copies) {
        let copy = twin.map(|t| t.copy_label() + " · ").unwrap_or_default();
        let line = format!(
            "{:>3}  {}  {copy}{}",
            i + 1,
            for_terminal(&a.id),
            for_terminal(&a.display_name())
        );
        writeln!(out, "{}", shorten(&line, width))?;
    }
    Ok(())
}
