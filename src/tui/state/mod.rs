//! The reader's state: `App`, the one `update` that changes it, and the screen geometry that
//! scrolling and drawing share.

pub mod app;
pub mod geometry;
pub mod overlays;
pub mod sources;
