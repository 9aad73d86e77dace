//! What every stage works on: articles and paragraphs, topic definitions and their pins, aligned
//! topics, term vectors. Plain data; it imports only `lang`.

pub mod article;
pub mod pins;
pub mod topic;
pub mod topic_def;
pub mod vectors;
