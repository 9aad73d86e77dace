//! Corrections from the reader: a paragraph put into the current topic or taken out of it, a
//! keyword added. Each is applied at once (the topics are aligned again) and written to the
//! topics file, after the user has confirmed once which file that is.

use std::path::{Path, PathBuf};

use crate::core::topics::{TopicDef, topics_file_text};
use crate::core::topics_edit::{Correction, edit_topics};

/// The topics the reader was opened with, and where corrections go.
#[derive(Clone, Debug, Default)]
pub struct TopicsOrigin {
    /// The defined topics as read, pins included.
    pub defs: Vec<TopicDef>,
    /// The topics file they came from; `None` (the embedded or no topics): `topics.toml` in
    /// the folder the reader was started from.
    pub file: Option<PathBuf>,
}

impl TopicsOrigin {
    /// The file corrections are written to.
    pub fn target(&self, folder: &Path) -> PathBuf {
        self.file
            .clone()
            .unwrap_or_else(|| folder.join("topics.toml"))
    }
}

/// A correction not yet written, with the topic's definition as it was before it (what the
/// file holds, or the discovered topic to add).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub before: TopicDef,
    pub correction: Correction,
}

/// Write `corrections` into the topics file at `path`, keeping what it says: read it as it is
/// now (or start from `defs` when it does not exist), edit, and replace it whole and at once.
pub fn save_corrections(
    path: &Path,
    defs: &[TopicDef],
    corrections: &[Pending],
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let mut text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => topics_file_text(
            "Topics for synoptic, with the corrections made in the reader.",
            defs,
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    for pending in corrections {
        let name = path.display().to_string();
        text = edit_topics(&name, &text, &pending.before, &pending.correction)?;
    }
    let rules = crate::files::Target {
        force: true,
        ..Default::default()
    };
    crate::files::write_file(path, &rules, |out| Ok(out.write_all(text.as_bytes())?))
}
