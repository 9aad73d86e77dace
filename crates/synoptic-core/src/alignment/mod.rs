//! Alignment by topic: evidence, reading order, feedback, and topics nobody named.

pub mod align;
pub mod assign;
pub mod community;
pub mod context;
pub mod describe;
pub mod discover;
pub mod evidence;
pub mod measure;
pub mod passages;
pub mod review;
pub mod spelling;
