//! Every export names a source as the reader's panes do: its number, then its outlet or title,
//! and a copy of an earlier source as a copy.

mod common;
use common::seeds;

use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::model::article::source_name;
use synoptic_core::output::export::{ExportOptions, Format, JsonVersion, write_export};

fn export(synopsis: &Synopsis, format: Format, width: usize) -> String {
    let mut out = Vec::new();
    let opts = ExportOptions {
        format,
        topic: Some("outage".into()),
        width,
        ..ExportOptions::default()
    };
    write_export(synopsis, &opts, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The names of the covering sources of the outage, as the panes title them.
fn pane_names(synopsis: &Synopsis) -> Vec<String> {
    let t = synopsis
        .topics
        .iter()
        .position(|t| t.id == "outage")
        .unwrap();
    let mut covering: Vec<usize> = synopsis.topics[t]
        .members
        .iter()
        .map(|m| m.at.article)
        .collect();
    covering.dedup();
    covering
        .into_iter()
        .map(|a| source_name(&synopsis.articles, a))
        .collect()
}

#[test]
fn each_source_of_a_text_export_too_narrow_for_columns_is_headed_by_its_number_and_name() {
    let synopsis = seeds();
    let text = export(&synopsis, Format::Text, 70);
    let heads: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("── "))
        .map(|l| l.trim_end_matches('─').trim_end().to_owned())
        .collect();
    // A long title is cut to the width.
    assert_eq!(heads.len(), 5, "{text}");
    for (head, name) in heads.iter().zip(pane_names(&synopsis)) {
        assert!(
            name.starts_with(head.trim_end_matches('…')),
            "{head} / {name}"
        );
    }
    assert!(heads[0].starts_with("1 · "), "{heads:?}");
    let wide = export(&synopsis, Format::Text, 300);
    let columns = wide.lines().find(|l| l.contains(" │ ")).unwrap();
    let columns: Vec<&str> = columns.split(" │ ").map(str::trim).collect();
    assert_eq!(columns.len(), 5, "{wide}");
    for (column, name) in columns.iter().zip(pane_names(&synopsis)) {
        assert!(
            name.starts_with(column.trim_end_matches('…')),
            "{column} / {name}"
        );
    }
}

#[test]
fn each_source_of_a_markdown_export_is_headed_by_its_number_and_name() {
    let synopsis = seeds();
    let markdown = export(&synopsis, Format::Markdown, 160);
    let heads: Vec<&str> = markdown
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .collect();
    assert_eq!(heads, pane_names(&synopsis), "{markdown}");
}

/// Three sources, the third telling the first's story word for word.
fn with_a_copy() -> Synopsis {
    use synoptic_core::input::ingest::article_from_text;
    let story = "Headline\n\nThe volcano erupted overnight.\n\nLava reached the coast.\n\n\
                 The airport closed.\n\nAsh fell on the town.";
    let other = "Another\n\nThe volcano is calm today, say the scientists.";
    let articles = [("a", story), ("b", other), ("c", story)]
        .iter()
        .map(|(id, text)| article_from_text((*id).into(), format!("{id}.txt"), text))
        .collect();
    Synopsis::build(articles, &[])
}

#[test]
fn text_and_markdown_exports_say_which_source_copies_which_at_their_head() {
    let synopsis = with_a_copy();
    let line = "Copies: 3 · Headline tells the story of 1 · Headline word for word.";
    for format in [Format::Text, Format::Markdown] {
        let mut out = Vec::new();
        let opts = ExportOptions {
            format,
            width: 200,
            ..ExportOptions::default()
        };
        write_export(&synopsis, &opts, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let head = text.split("\n\n").take(4).collect::<Vec<_>>().join("\n\n");
        assert!(head.contains(line), "{format:?}: {text}");
        assert!(!export(&seeds(), format, 200).contains("Copies:"));
    }
}

#[test]
fn a_json_export_names_the_article_a_copy_copies() {
    let synopsis = with_a_copy();
    for version in [JsonVersion::V1, JsonVersion::V2] {
        let mut out = Vec::new();
        let opts = ExportOptions {
            format: Format::Json,
            json_version: version,
            ..ExportOptions::default()
        };
        write_export(&synopsis, &opts, &mut out).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let copies: Vec<&serde_json::Value> = doc["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| &a["copy_of"])
            .collect();
        let expected = serde_json::json!({ "article": "a", "whole": true });
        assert_eq!(
            copies,
            [
                &serde_json::Value::Null,
                &serde_json::Value::Null,
                &expected
            ],
            "{version:?}"
        );
    }
}
