//! The core library: reading, segmentation, language, alignment, wording comparison, export.
//! Nothing here knows about terminals.
//!
//! Its folders follow the pipeline: `input` (articles read and segmented), `lang` (tokens),
//! `model` (what is worked on), `alignment` (paragraphs to topics), `compare` (what the
//! sources share), `output` (exports).. Modules are imported by
//! their real paths; there is no re-export here.

pub mod alignment;
pub mod compare;
pub mod input;
pub mod lang;
pub mod model;
pub mod output;
