//! The property fuzzed on web pages: any bytes, read as a saved page, give an article or a
//! reason, never a panic or a hang, and the article's Markdown reads back with its body.

use synoptic_core::input::ingest::article_from_text;
use synoptic_core::input::web::markdown::page_markdown;
use synoptic_core::input::web::page_file::read_page;

pub fn check(data: &[u8]) {
    let Ok(page) = read_page("fuzz.html", data, None) else {
        return;
    };
    let text = page_markdown(&page);
    let article = article_from_text("p".into(), "p.md".into(), &text);
    assert!(!article.paragraphs.is_empty(), "{text}");
}
