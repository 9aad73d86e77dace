//! Output: exports to any writer, line wrapping, text made safe for a terminal.

pub mod export;
pub mod layout;
pub mod sanitize;
