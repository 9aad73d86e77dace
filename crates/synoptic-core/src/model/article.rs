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
    /// What a pane or column is headed with: the outlet, else the title, else the id.
    pub fn display_name(&self) -> &str {
        self.meta
            .outlet
            .as_deref()
            .or(self.meta.title.as_deref())
            .unwrap_or(&self.id)
    }
}
