//! Output: exports to any writer, line wrapping, text made safe for a terminal, corrections
//! written back into a topics file.

pub mod export;
pub mod laid;
pub mod layout;
pub mod sanitize;
pub mod topics_edit;
