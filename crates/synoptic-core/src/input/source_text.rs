//! One source's bytes as article text: decoded text files, Markdown files without their marks,
//! and saved web pages as the Markdown of their article, read the same way.

use std::path::Path;

use crate::input::decode::{Decoded, decode};
use crate::input::folder::is_markdown_file;
use crate::input::markdown::markdown_text;
use crate::input::web::markdown::page_markdown;
use crate::input::web::page_file::{is_page_name, read_page};

/// The text of the source `name`, with a note for the user (how it was read), or why it
/// holds no article.
pub fn source_text(name: &str, bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if is_page_name(name) {
        return read_page(name, bytes, None)
            .map(|page| (markdown_text(&page_markdown(&page)), None))
            .map_err(|e| format!("{e}; skipped"));
    }
    match decode(bytes) {
        Decoded::Text { text, encoding } => Ok((
            if is_markdown_source(name) {
                markdown_text(&text)
            } else {
                text
            },
            encoding.map(|enc| format!("not UTF-8; read as {enc}")),
        )),
        Decoded::Binary => Err("binary file, not an article; skipped".into()),
        Decoded::Empty => Err("empty file; skipped".into()),
    }
}

/// Whether a source named `name` (or found at that path) is read as Markdown: a Markdown file
/// (`.md`, `.markdown`, any case) or a saved page, whose article is made Markdown. A heading's
/// `#` marks mean a heading there only; in a text file they are the writer's.
pub fn is_markdown_source(name: &str) -> bool {
    is_markdown_file(Path::new(name)) || is_page_name(name)
}
