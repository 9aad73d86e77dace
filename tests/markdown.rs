//! The Markdown export read back through a `CommonMark` parser: every member paragraph renders as
//! its own text, with no stray emphasis characters and nothing lost.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, article_from_text, load_embedded};
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::export::{ExportOptions, Format, write_export};
use synoptic_core::output::sanitize::for_terminal;

/// The plain text of every paragraph a `CommonMark` renderer makes of `markdown`.
fn rendered_paragraphs(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) => current = Some(String::new()),
            Event::End(TagEnd::Paragraph) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = current.as_mut() {
                    c.push('\n');
                }
            }
            _ => {}
        }
    }
    out
}

/// Check that each member paragraph of every topic renders exactly as its text, and that the
/// export did mark shared wording (so the check is not passing on plain text).
fn renders_cleanly(synopsis: &Synopsis) {
    let mut out = Vec::new();
    let opts = ExportOptions {
        format: Format::Markdown,
        ..ExportOptions::default()
    };
    write_export(synopsis, &opts, &mut out).unwrap();
    let markdown = String::from_utf8(out).unwrap();
    assert!(markdown.contains("**") && markdown.matches('*').count() > 20);
    let rendered = rendered_paragraphs(&markdown);
    for topic in &synopsis.topics {
        for m in &topic.members {
            let text = for_terminal(&synopsis.paragraph(m.at).text);
            assert!(
                rendered.iter().any(|r| *r == text),
                "paragraph not rendered as written:\n{text}\n---\n{}",
                markdown
                    .lines()
                    .find(|l| l.contains(text.split(' ').nth(2).unwrap_or("")))
                    .unwrap_or("(not found)")
            );
        }
    }
}

#[test]
fn the_seeds_render_through_commonmark() {
    let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
    renders_cleanly(&Synopsis::build(load_embedded().articles, &topics.topics));
}

#[test]
fn text_full_of_markdown_characters_renders_as_written() {
    let texts = [
        "Mr. Comey's firing: *deputy* attorney general, Rod J. Rosenstein, wrote **twice** in 2017.\n\n\
         1. Comey's memo said \"I need loyalty\" & the_president_ asked [why](x) <b>twice</b>.\n\n\
         - Comey’s notes #7 > the rest ~ say `loyalty` matters! Comey's_memo *is* here.",
        "Comey's firing by the deputy attorney general, Rod J. Rosenstein, came in 2017.\n\n\
         # Comey's memo said \"I need loyalty\" & the_president_ asked twice.\n\n\
         > Comey’s notes say loyalty matters! Comey's_memo is [here].",
    ];
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = format!("Headline {i}\n\n{t}");
            article_from_text(format!("a{i}"), format!("a{i}.txt"), &text)
        })
        .collect();
    let defs = [TopicDef {
        id: "comey".into(),
        label: "Comey".into(),
        keywords: vec!["firing".into(), "loyalty".into(), "notes".into()],
        description: None,
        pins: Vec::new(),
    }];
    let synopsis = Synopsis::build(articles, &defs);
    assert_eq!(
        synopsis.topics[0].members.len(),
        6,
        "{:?}",
        synopsis.topics[0]
    );
    renders_cleanly(&synopsis);
}
