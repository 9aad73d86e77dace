//! What the library works on: articles, topic definitions and their corrections, aligned topics, the synopsis, term vectors.

pub mod article;
#[cfg(test)]
pub mod fixtures;
pub mod pins;
pub mod synopsis;
pub mod topic;
pub mod topics;
pub mod topics_edit;
pub mod vectors;
