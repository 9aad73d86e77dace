//! synoptic: read several articles on one event side by side, aligned by topic, with the
//! wording they share and where they diverge.
//!
//! The crate `synoptic_core` holds everything that needs no terminal (reading, alignment,
//! comparison, export); [`tui`] is the reader on top of it and [`cli`] the command line that
//! starts either. See ARCHITECTURE.md.

pub mod cli;
pub mod files;
pub mod overlap;
pub mod tui;
