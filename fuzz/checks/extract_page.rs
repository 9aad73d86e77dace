//! The property fuzzed on web pages: any bytes, read as a saved page, give an article or a
//! reason, never a panic or a hang, and the article's Markdown reads back as Markdown with
//! its words, in order, none lost and none added (the escapes of `page_markdown` undone).

use synoptic_core::input::ingest::article_from_text;
use synoptic_core::input::markdown::markdown_text;
use synoptic_core::input::web::extract::Block;
use synoptic_core::input::web::markdown::page_markdown;
use synoptic_core::input::web::page_file::read_page;

pub fn check(data: &[u8]) {
    let Ok(page) = read_page("fuzz.html", data, None) else {
        return;
    };
    let text = markdown_text(&page_markdown(&page));
    let article = article_from_text("p".into(), "p.md".into(), &text);
    assert!(!article.paragraphs.is_empty(), "{text}");
    let words = |texts: Vec<&str>| -> Vec<String> {
        texts
            .iter()
            .flat_map(|t| t.split_whitespace().map(str::to_owned))
            .collect()
    };
    let written = words(page.blocks.iter().map(Block::text).collect());
    let read = words(article.paragraphs.iter().map(|p| p.text.as_str()).collect());
    assert_eq!(read, written, "{text}");
}
