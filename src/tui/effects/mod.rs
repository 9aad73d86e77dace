//! What the reader does beyond its screen. `update` only composes a `Request`; the event loop
//! carries it out (`terminal::requests`), so tests read what would be done without a terminal,
//! and `update` itself never writes a file, spawns a thread or realigns.

pub mod corrections_file;
pub mod export;
pub mod outside;

use std::path::PathBuf;

use synoptic_core::model::topic_def::TopicDef;

use crate::tui::effects::corrections_file::Pending;

/// Something only the event loop does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Show this text in the user's pager.
    Pager(String),
    /// Write these corrections into the topics file at `path` (see `corrections_file`).
    SaveTopics {
        path: PathBuf,
        defs: Vec<TopicDef>,
        corrections: Vec<Pending>,
    },
    /// Write a text export of `topic` (every topic: `None`) to a new file in `dir`.
    Export { topic: Option<String>, dir: PathBuf },
    /// Align the articles to the reader's topic definitions again, then show topic `stay_on`
    /// and say what changed in topic `corrected`.
    Realign { stay_on: String, corrected: String },
}
