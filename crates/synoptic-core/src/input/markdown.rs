//! A Markdown article as the text synoptic reads: its words without the marks around them
//! (emphasis, links, images, list bullets, quote bars), a heading as a line of its own after
//! `#` marks, and the front-matter block as it is.
//!
//! A clipped article is full of `**`, `[text](address)` and `![photo](address)`; shown as
//! they are, they break the wording two sources share and fill the panes with addresses.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::input::segment::{front_matter, lf_line_ends};

/// The text of the Markdown `source`: a front-matter block at the top kept as it is, then each
/// block (paragraph, heading, list item, quote, table row) with blank lines between, its line
/// breaks kept. Headings keep `#` marks; ordered list items their number. Images, HTML
/// tags and footnote marks are left out.
pub fn markdown_text(source: &str) -> String {
    // A front-matter block is found on `\n` line ends, as `segment` finds it.
    let source = lf_line_ends(source);
    let (front, body) = split_front_matter(&source);
    let mut blocks = Blocks::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(body, options) {
        blocks.take(event);
    }
    blocks.flush();
    let mut out = String::with_capacity(source.len());
    out.push_str(front);
    out.push_str(&blocks.done.join("\n\n"));
    out.push('\n');
    out
}

/// The front-matter block at the top, with its closing line, and what follows it (`segment`
/// finds it as it does for any article); Markdown would read the block as a rule and a heading.
fn split_front_matter(source: &str) -> (&str, &str) {
    front_matter(source).map_or(("", source), |block| (block.block, block.after))
}

/// Paragraph texts made from the parser's events.
#[derive(Default)]
struct Blocks {
    done: Vec<String>,
    current: String,
    /// Each open list: the number of its next item, or `None` for bullets.
    lists: Vec<Option<u64>>,
    /// Inside an image, whose words (its description) are not the article's.
    in_image: usize,
    /// The length of the heading's `#` marks or the item's number opening `current`.
    marks: usize,
    /// `current` is an ordered item's number, its words to come.
    numbered: bool,
}

impl Blocks {
    fn take(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.open(&tag),
            Event::End(tag) => self.close(tag),
            Event::Text(text) | Event::Code(text) if self.in_image == 0 => {
                self.current.push_str(&text);
            }
            // A line break stays one: whether it parts two paragraphs or runs a sentence on is
            // for `segment` to tell, as in a text file (Markdown joins the lines of a block,
            // but many a `.md` file has a paragraph a line).
            Event::SoftBreak | Event::HardBreak => self.current.push('\n'),
            // A tag, a footnote mark, a task box, a rule or an image's words: no text of the
            // article.
            _ => {}
        }
    }

    /// A block opens: the one under way is done. (Nothing needs doing where a block closes:
    /// no text of a block comes after its end but in another block, or at the end.)
    fn open(&mut self, tag: &Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.current.push_str(&"#".repeat(*level as usize));
                self.current.push(' ');
                self.marks = self.current.len();
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(*first);
            }
            Tag::Item => {
                self.flush();
                if let Some(Some(number)) = self.lists.last_mut() {
                    self.current.push_str(&format!("{number}. "));
                    self.marks = self.current.len();
                    self.numbered = true;
                    *number += 1;
                }
            }
            // An item's first paragraph follows its number.
            Tag::Paragraph if self.numbered && self.current.len() == self.marks => {}
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::TableHead
            | Tag::TableRow => self.flush(),
            Tag::TableCell if self.current.len() > self.marks => self.current.push_str(" | "),
            Tag::Image { .. } => self.in_image += 1,
            _ => {}
        }
    }

    fn close(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            TagEnd::List(_) => {
                self.lists.pop();
            }
            _ => {}
        }
    }

    /// The paragraph under way, ended: kept when it holds words (marks alone are not text).
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        let marks = std::mem::take(&mut self.marks);
        self.numbered = false;
        if text[marks..].trim().is_empty() {
            return;
        }
        let text = text.trim();
        self.done.push(text.to_owned());
    }
}

/// `text`, one paragraph of an article, written so that `markdown_text` reads it back as it
/// is: the marks Markdown would take for emphasis, links, tags or a block's start escaped.
pub fn escape_paragraph(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let block_mark = block_mark(text);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if block_mark == Some(at) {
            out.push('\\');
        }
        let next = chars.peek().map(|&(_, n)| n);
        let escape = match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '~' | '|' => true,
            // A tag or an autolink opens on a letter, '/', '!' or '?'.
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            // An entity: "&amp;", "&#233;".
            '&' => is_entity(&text[at..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where a paragraph starting with `text` has the mark that would make it a heading, a list
/// item, a quote or a rule ("# ", "- ", "> ", "2024. "): escaped there, it stays text.
/// (`*` and the others are escaped wherever they are.)
fn block_mark(text: &str) -> Option<usize> {
    if text.starts_with(['#', '>', '-', '+', '=']) {
        return Some(0);
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &text[digits..];
    let ends_item = after
        .strip_prefix(['.', ')'])
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
    (digits > 0 && ends_item).then_some(digits)
}

fn is_entity(text: &str) -> bool {
    let name = &text[1..];
    let end = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(name.len());
    end > 0 && name[end..].starts_with(';')
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
