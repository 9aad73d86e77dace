//! Exports started from the reader: a new file name that replaces nothing, and the export
//! written on a thread of its own, so the reader keeps answering keys and signals.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::output::export::{ExportOptions, write_export};

/// A file in `dir` for an export of `topic` (every topic: `None`) that does not exist yet:
/// `synoptic-<topic>.txt`, else with `-2`, `-3`… before the extension.
pub fn free_export_path(dir: &Path, topic: Option<&str>) -> PathBuf {
    let stem = match topic {
        Some(id) => format!("synoptic-{id}"),
        None => "synoptic-all-topics".to_owned(),
    };
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            dir.join(format!("{stem}{suffix}.txt"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}.txt")))
}

/// Write the text export of `topic` to `path` on a thread; the receiver gets the status line
/// to show when it is done (and nothing, disconnected, if the writer died).
pub fn start_export(
    synopsis: Arc<Synopsis>,
    topic: Option<String>,
    path: PathBuf,
) -> Receiver<String> {
    let opts = ExportOptions {
        topic,
        ..Default::default()
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rules = crate::files::Target::default();
        let result = crate::files::write_file(&path, &rules, |out| {
            Ok(write_export(&synopsis, &opts, out)?)
        });
        let _ = tx.send(match result {
            Ok(()) => format!("exported to {}", path.display()),
            Err(e) => format!("export failed: {e:#}"),
        });
    });
    rx
}
