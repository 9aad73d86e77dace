//! The article in a web page: body paragraphs and subheads, in reading order, with what the
//! page says of itself (title, outlet, date, author, address).
//!
//! rs-trafilatura finds the article; a second, independent extractor (`dom_smoothie`, a port of
//! Readability) gives a second opinion, and a paragraph stays only when the two agree on at
//! least half of its word triples. Sidebars of headlines, tag clouds and link lists that one
//! extractor takes for the article the other rarely does (docs/web-pages.md has the figures).

use std::collections::HashSet;

use dom_query::{Document, NodeRef};

/// What the page says of itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// One block of the article's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(t) | Block::Paragraph(t) => t,
        }
    }
}

/// A page's article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub meta: PageMeta,
    pub blocks: Vec<Block>,
}

/// Why a page gave no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("no article found in the page (an index, a search page or an empty shell?)")]
    NoArticle,
    #[error("the page cannot be read as HTML ({0})")]
    Unreadable(String),
}

/// A second extractor's text shorter than this many words is no opinion at all.
const SECOND_OPINION_WORDS: usize = 40;
/// A paragraph stays when the second extractor has this share of its word triples.
const AGREEMENT: f64 = 0.5;
/// When agreement would keep less than this share of the words, the two extractors saw
/// different articles: the first one's whole text is kept.
const KEPT_AT_LEAST: f64 = 0.3;

/// The article of the page `html` (already decoded), found at `url` when known.
pub fn extract_page(html: &str, url: Option<&str>) -> Result<Page, ExtractError> {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_owned),
        ..rs_trafilatura::Options::default()
    };
    // A page that makes an extractor panic is one page skipped with a reason, not a run lost.
    let found = std::panic::catch_unwind(|| rs_trafilatura::extract_with_options(html, &options))
        .map_err(|_| ExtractError::Unreadable("the extractor failed on it".into()))?
        .map_err(|e| ExtractError::Unreadable(e.to_string()))?;
    let first = match &found.content_html {
        Some(content) => blocks_of_html(content),
        None => blocks_of_text(&found.content_text),
    };
    let meta = page_meta(&found.metadata, url);
    let mut blocks = match second_opinion(html, url) {
        // One extractor ran the article's paragraphs into one: the other's cut is taken,
        // checked against the first's text.
        Some(second) if runs_on(&first) && !runs_on(&second.blocks) => {
            agreed(second.blocks, &found.content_text)
        }
        Some(second) => agreed(first, &second.text),
        None => first,
    };
    // The headline is the title, not a subhead of the body.
    if let (Some(Block::Heading(first)), Some(title)) = (blocks.first(), &meta.title)
        && words(first) == words(title)
    {
        blocks.remove(0);
    }
    drop_byline(&mut blocks, meta.author.as_deref());
    if !blocks.iter().any(|b| matches!(b, Block::Paragraph(_))) {
        return Err(ExtractError::NoArticle);
    }
    Ok(Page { meta, blocks })
}

fn page_meta(found: &rs_trafilatura::Metadata, url: Option<&str>) -> PageMeta {
    let clean = |s: &Option<String>| s.as_deref().map(one_line).filter(|s| !s.is_empty());
    let host = clean(&found.hostname).map(|h| h.trim_start_matches("www.").to_owned());
    PageMeta {
        title: clean(&found.title),
        outlet: clean(&found.sitename).or(host),
        date: found.date.map(|d| d.format("%Y-%m-%d").to_string()),
        author: clean(&found.author),
        url: clean(&found.url).or_else(|| url.map(str::to_owned)),
    }
}

/// A byline is a short line near the top that names the author: it is about the article,
/// not part of what it tells.
fn drop_byline(blocks: &mut Vec<Block>, author: Option<&str>) {
    const NEAR_THE_TOP: usize = 3;
    const SHORT: usize = 20;
    let Some(author) = author.map(words).filter(|a| !a.is_empty()) else {
        return;
    };
    let is_byline = |b: &Block| {
        let w = words(b.text());
        matches!(b, Block::Paragraph(_))
            && w.len() <= SHORT
            && w.windows(author.len()).any(|run| run == author.as_slice())
    };
    if let Some(at) = blocks.iter().take(NEAR_THE_TOP).position(is_byline) {
        blocks.remove(at);
    }
}

/// What Readability finds in the page: its text, and its blocks.
struct SecondOpinion {
    text: String,
    blocks: Vec<Block>,
}

fn second_opinion(html: &str, url: Option<&str>) -> Option<SecondOpinion> {
    let article = std::panic::catch_unwind(|| {
        dom_smoothie::Readability::new(html, url, None)
            .ok()?
            .parse()
            .ok()
    })
    .ok()??;
    Some(SecondOpinion {
        text: article.text_content.to_string(),
        blocks: blocks_of_html(&article.content),
    })
}

/// A paragraph longer than this is several run together: news paragraphs stay well under.
const RUN_ON_WORDS: usize = 300;

/// Whether an extraction ran several paragraphs into one.
fn runs_on(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .any(|b| b.text().split_whitespace().count() > RUN_ON_WORDS)
}

/// The blocks the second opinion `other` agrees with (see the module's note).
fn agreed(blocks: Vec<Block>, other: &str) -> Vec<Block> {
    let other_words = words(other);
    if other_words.len() < SECOND_OPINION_WORDS {
        return blocks;
    }
    let triples: HashSet<_> = other_words.windows(3).collect();
    let vocabulary: HashSet<_> = other_words.iter().collect();
    let agrees = |b: &Block| {
        let w = words(b.text());
        if w.len() < 3 {
            return w.iter().all(|w| vocabulary.contains(w));
        }
        let shared = w.windows(3).filter(|t| triples.contains(t)).count();
        shared as f64 >= AGREEMENT * (w.len() - 2) as f64
    };
    let total: usize = blocks.iter().map(|b| words(b.text()).len()).sum();
    let kept: Vec<Block> = blocks.iter().filter(|b| agrees(b)).cloned().collect();
    let kept_words: usize = kept.iter().map(|b| words(b.text()).len()).sum();
    if (kept_words as f64) < KEPT_AT_LEAST * total as f64 {
        blocks
    } else {
        kept
    }
}

/// Lowercased words (letters and digits), for comparing two extractors' texts.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whitespace runs (newlines included) as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements that hold one block of text each.
const TEXT_BLOCKS: &[&str] = &[
    "p",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "td",
    "th",
    "figcaption",
    "address",
];
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "button", "form",
];

/// The blocks of the article's HTML, in document order.
fn blocks_of_html(content: &str) -> Vec<Block> {
    let doc = Document::from(content);
    let mut out = Vec::new();
    let mut loose = String::new();
    walk(&doc.root(), &mut out, &mut loose, false);
    flush(&mut loose, &mut out);
    out
}

/// The blocks under `node`, appended to `out`; text not yet in a block gathers in `loose`.
/// Inside a block of text (`inline`), every element is part of its text.
fn walk(node: &NodeRef, out: &mut Vec<Block>, loose: &mut String, inline: bool) {
    // Whether the last thing met was a line break, with only white space since.
    let mut after_br = false;
    for child in node.children() {
        if child.is_text() {
            let text = child.text();
            after_br &= text.trim().is_empty();
            loose.push_str(&text);
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIPPED.contains(&name) {
            continue;
        }
        let br = name == "br";
        // Two line breaks in a row part paragraphs, as pages set without <p> do; one is a
        // space between two words.
        if br && after_br {
            flush(loose, out);
        } else if br {
            loose.push(' ');
        } else if inline || is_inline(name) {
            walk(&child, out, loose, true);
        } else if HEADINGS.contains(&name) {
            flush(loose, out);
            push(out, Block::Heading(inline_text(&child)));
        } else if TEXT_BLOCKS.contains(&name) && !has_block_inside(&child) {
            flush(loose, out);
            walk(&child, out, loose, true);
            flush(loose, out);
        } else {
            flush(loose, out);
            walk(&child, out, loose, false);
            flush(loose, out);
        }
        after_br = br;
    }
}

/// The text of `node` on one line, its line breaks as spaces.
fn inline_text(node: &NodeRef) -> String {
    let (mut parts, mut loose) = (Vec::new(), String::new());
    walk(node, &mut parts, &mut loose, true);
    flush(&mut loose, &mut parts);
    let texts: Vec<&str> = parts.iter().map(Block::text).collect();
    texts.join(" ")
}

fn is_inline(name: &str) -> bool {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small", "span", "strong",
        "sub", "sup", "time", "u",
    ];
    INLINE.contains(&name)
}

fn has_block_inside(node: &NodeRef) -> bool {
    node.descendants().iter().any(|d| {
        d.node_name().is_some_and(|n| {
            let n = n.to_lowercase();
            TEXT_BLOCKS.contains(&n.as_str()) || HEADINGS.contains(&n.as_str())
        })
    })
}

fn flush(loose: &mut String, out: &mut Vec<Block>) {
    push(out, Block::Paragraph(one_line(loose)));
    loose.clear();
}

fn push(out: &mut Vec<Block>, block: Block) {
    if !block.text().is_empty() {
        out.push(block);
    }
}

/// The blocks of plain extracted text: one paragraph a line.
fn blocks_of_text(text: &str) -> Vec<Block> {
    text.lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .map(Block::Paragraph)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        blocks_of_html(html)
            .iter()
            .map(|b| match b {
                Block::Heading(t) => format!("## {t}"),
                Block::Paragraph(t) => t.clone(),
            })
            .collect()
    }

    #[test]
    fn two_line_breaks_part_paragraphs_and_one_is_a_space() {
        let html = "<div>The bridge opens.<br>\n<br>Residents wait.<br>Not all.</div>";
        assert_eq!(
            texts(html),
            ["The bridge opens.", "Residents wait. Not all."]
        );
        let html = "<p>Senate resolves to:<br>Observe a minute silence.</p>";
        assert_eq!(
            texts(html),
            ["Senate resolves to: Observe a minute silence."]
        );
    }

    #[test]
    fn inside_a_block_of_text_every_element_is_its_text() {
        let html = "<p>A <font>bold</font> move<script>x()</script>, <span>said<br>he</span>.</p>\
                    <h2>Part<br>two</h2><p>End.</p>";
        assert_eq!(
            texts(html),
            ["A bold move, said he.", "## Part two", "End."]
        );
        // A block of text that holds blocks is walked block by block.
        let html = "<blockquote><p>One said.</p><p>Two said.</p></blockquote>";
        assert_eq!(texts(html), ["One said.", "Two said."]);
    }
}
