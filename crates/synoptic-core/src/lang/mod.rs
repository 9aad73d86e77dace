//! Language: detection, normalisation, and tokens with byte ranges.

pub mod families;
pub mod hashed;
pub mod lists;
pub mod sentences;
pub mod text;
pub mod words;
