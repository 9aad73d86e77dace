//! The core library: reading, segmentation, language, alignment, wording comparison, export.
//! Nothing here knows about terminals.

pub mod agree;
pub mod align;
pub mod article;
pub mod assign;
pub mod community;
pub mod context;
pub mod decode;
pub mod describe;
pub mod discover;
pub mod evidence;
pub mod export;
pub mod figures;
pub mod ingest;
pub mod kinds;
pub mod layout;
pub mod measure;
pub mod pairwise;
pub mod passages;
pub mod pins;
pub mod read;
pub mod rows;
pub mod salience;
pub mod sanitize;
pub mod segment;
pub mod synopsis;
pub mod text;
pub mod topic;
pub mod topics;
pub mod topics_edit;
pub mod vectors;
