//! A topic as the reader defined it in a topics file (read by `input::topics_file`), with the
//! paragraphs pinned into it or out of it by hand (see `pins`).

/// A topic as the user defined it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicDef {
    pub id: String,
    pub label: String,
    pub keywords: Vec<String>,
    /// A sentence or two on what the topic covers; its telling words are weak extra evidence.
    pub description: Option<String>,
    /// Paragraphs the reader put into the topic or took out of it, by hand.
    pub pins: Vec<Pin>,
}

/// One paragraph pinned into a topic (`include`) or out of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pin {
    /// The article's id (its file name stem).
    pub article: String,
    /// The paragraph's opening words: enough to find it again, short enough to read.
    pub key: String,
    /// Which of the paragraphs that open with `key` (1: the first), for paragraphs whose whole
    /// text another one of the article opens with (a title repeated in the text).
    pub nth: usize,
    /// In the topic (`include`), or out of it (`exclude`).
    pub include: bool,
}

impl Pin {
    /// Whether `other` names the same paragraph (in or out of the topic alike).
    pub fn same_paragraph(&self, other: &Pin) -> bool {
        (&self.article, &self.key, self.nth) == (&other.article, &other.key, other.nth)
    }
}
