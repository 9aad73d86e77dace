//! The article model: an article, its metadata and its typed paragraphs.

use serde::Serialize;

use crate::lang::text::{Language, Token, tokenize};

/// What a paragraph is, as far as alignment is concerned. Only `Body` is ever aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Body,
    Heading,
    Caption,
    Boilerplate,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Body => "body",
            Kind::Heading => "heading",
            Kind::Caption => "caption",
            Kind::Boilerplate => "boilerplate",
        }
    }
}

/// One paragraph: its text as shown, and its tokens (ranges into that text).
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub index: usize,
    pub kind: Kind,
    pub text: String,
    pub tokens: Vec<Token>,
}

impl Paragraph {
    pub fn new(index: usize, kind: Kind, text: String, lang: Language) -> Self {
        let tokens = tokenize(&text, lang);
        Paragraph {
            index,
            kind,
            text,
            tokens,
        }
    }
}

/// Metadata read from a front-matter block or inline marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
}

/// One article, read and segmented.
#[derive(Clone, Debug)]
pub struct Article {
    /// Unique id, from the file name stem.
    pub id: String,
    /// The path as given on the command line (or `assets/articles/<name>` when embedded).
    pub path: String,
    pub meta: Metadata,
    pub language: Language,
    pub paragraphs: Vec<Paragraph>,
}

impl Article {
    /// What a reader knows the article by: the outlet, else the title, else its opening
    /// words in quotes; the file's id only when it has no text at all (an id is often a hash).
    pub fn display_name(&self) -> std::borrow::Cow<'_, str> {
        if let Some(name) = self.meta.outlet.as_deref().or(self.meta.title.as_deref()) {
            return name.into();
        }
        match self.paragraphs.first() {
            Some(p) => format!("“{}”", shorten_words(p.text.trim(), OPENING_CHARS)).into(),
            None => self.id.as_str().into(),
        }
    }
}

/// How much of an article's opening names it when it has no outlet or title.
const OPENING_CHARS: usize = 40;

/// `text` cut to at most `max` characters, at a word end when it can be, with "…" when cut.
fn shorten_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > max / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end())
}

/// How a source is named everywhere a reader meets it (panes, copies, figures, exports): its
/// number, as the panes show it, and its name.
pub fn source_name(articles: &[Article], a: usize) -> String {
    format!("{} · {}", a + 1, articles[a].display_name())
}

/// [`source_name`] of the article with id `id` (as figures record their sources), or the id
/// itself when no article has it.
pub fn source_name_of_id(articles: &[Article], id: &str) -> String {
    match articles.iter().position(|a| a.id == id) {
        Some(a) => source_name(articles, a),
        None => id.to_owned(),
    }
}
