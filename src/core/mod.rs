//! The core library: reading, segmentation, language, alignment, wording comparison, export.
//! Nothing here knows about terminals.
//!
//! Its folders follow the pipeline: `input` (articles read and segmented), `lang` (tokens),
//! `model` (what is worked on), `alignment` (paragraphs to topics), `compare` (what the
//! sources share), `output` (exports). Every module is also re-exported here, so that
//! `crate::core::assign` names the same module as `crate::core::alignment::assign`.

pub mod alignment;
pub mod compare;
pub mod input;
pub mod lang;
pub mod model;
pub mod output;

pub use alignment::{
    align, assign, community, context, describe, discover, evidence, measure, passages,
};
pub use compare::{agree, figures, pairwise, rows, salience};
pub use input::{decode, ingest, kinds, read, segment};
pub use lang::text;
pub use model::{article, pins, synopsis, topic, topics, topics_edit, vectors};
pub use output::{export, layout, sanitize};
