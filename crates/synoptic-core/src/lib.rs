//! synoptic's core: reading articles, language, alignment by topic, wording comparison and
//! export. Nothing here knows about terminals or the command line (Cargo sees to it: this
//! crate does not depend on them).
//!
//! The folders follow the pipeline, and each imports only the ones before it: `parallel`
//! (work split over the cores) <- `lang` (tokens) <- `model` (the plain data every stage shares) <- `input` (articles and
//! topics files read) <- `alignment` (paragraphs to topics) <- `compare` (what the sources
//! share; the synopsis) <- `output` (exports). `tests/structure.rs` checks the order.
//! Modules are imported by their real paths: nothing is re-exported here.

pub mod alignment;
pub mod compare;
pub mod input;
pub mod lang;
pub mod model;
pub mod output;
pub mod parallel;

/// Small hand-made corpora for tests, here and in the reader's tests (feature `fixtures`).
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
