//! synoptic: read several articles on one event side by side, aligned by topic, with the
//! wording they share and where they diverge.
//!
//! [`core`] holds everything that does not need a terminal (reading, alignment, comparison,
//! export); [`tui`] is the reader on top of it.

pub mod cli;
pub mod core;
pub mod files;
pub mod overlap;
pub mod tui;
