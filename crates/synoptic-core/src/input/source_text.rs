//! One source's bytes as article text: decoded text files, and saved web pages as the
//! Markdown of their article.

use crate::input::decode::{Decoded, decode};
use crate::input::web::markdown::page_markdown;
use crate::input::web::page_file::{is_page_name, read_page};

/// The text of the source `name`, with a note for the user (how it was read), or why it
/// holds no article.
pub fn source_text(name: &str, bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if is_page_name(name) {
        return read_page(name, bytes, None)
            .map(|page| (page_markdown(&page), None))
            .map_err(|e| format!("{e}; skipped"));
    }
    match decode(bytes) {
        Decoded::Text { text, encoding } => Ok((
            text,
            encoding.map(|enc| format!("not UTF-8; read as {enc}")),
        )),
        Decoded::Binary => Err("binary file, not an article; skipped".into()),
        Decoded::Empty => Err("empty file; skipped".into()),
    }
}
