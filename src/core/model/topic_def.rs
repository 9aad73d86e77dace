//! A topic as the reader defined it in a topics file (read by `input::topics_file`).

use crate::core::model::pins::Pin;

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
