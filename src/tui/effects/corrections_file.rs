//! Corrections from the reader: a paragraph put into the current topic or taken out of it, a
//! keyword added. Each is applied at once (the topics are aligned again) and written to the
//! topics file, after the user has confirmed once which file that is.

use std::path::{Path, PathBuf};

use synoptic_core::input::read::{ReadProblem, SMALL_FILE_BYTES, read_limited};
use synoptic_core::input::topics_file::topics_file_text;
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::sanitize::for_terminal;
use synoptic_core::output::topics_edit::{Correction, edit_topics};

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
    /// The file corrections are written to: the topics file read, else a topics file in
    /// `folder` that is not there yet (`topics.toml`, else `topics-2.toml`, …). A topics file
    /// this run did not read may be another event's: corrections added to it would read back
    /// with its topics and without the ones they were made on.
    pub fn target(&self, folder: &Path) -> PathBuf {
        if let Some(file) = &self.file {
            return file.clone();
        }
        let name = |n: usize| match n {
            1 => folder.join("topics.toml"),
            n => folder.join(format!("topics-{n}.toml")),
        };
        (1..=FRESH_NAMES)
            .map(name)
            .find(|path| !path.exists())
            .unwrap_or_else(|| name(1))
    }
}

/// How many names `TopicsOrigin::target` tries before it gives the first one, which
/// `save_corrections` then adds to rather than replaces.
const FRESH_NAMES: usize = 100;

/// A correction not yet written, with the topic's definition as it was before it (what the
/// file holds, or the discovered topic to add).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub before: TopicDef,
    pub correction: Correction,
}

/// Write `corrections` into the topics file at `path`, keeping what it says: read it as it is
/// now (or start from `defs` when it does not exist), edit, and replace it whole and at once.
///
/// A link is followed and the file it points to edited (the link stays). A read-only file is
/// not replaced behind the user's back, nor is a file grown past what the reader reads. The
/// folder is locked while the file is read, edited and replaced, so two readers saving to one
/// file each add their pins to what the other wrote. A BOM and CRLF line ends are kept.
pub fn save_corrections(
    path: &Path,
    defs: &[TopicDef],
    corrections: &[Pending],
) -> anyhow::Result<()> {
    use anyhow::{Context as _, bail};
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let shown = for_terminal(&path.display().to_string()).into_owned();
    let _lock = lock_folder(&target).with_context(|| format!("{shown}: cannot lock its folder"))?;
    let existing = match read_limited(&target, SMALL_FILE_BYTES) {
        Ok(bytes) => Some(String::from_utf8(bytes).with_context(|| {
            format!("{shown} is not UTF-8; save it as UTF-8 before correcting")
        })?),
        Err(ReadProblem::Missing) => None,
        Err(problem) => bail!("{shown}: the topics file {problem}"),
    };
    if existing.is_some() && std::fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
        bail!(
            "{shown} is read-only, so it was not replaced; the corrections stay in the reader \
             until you quit: make it writable (chmod u+w {shown}), or save them elsewhere: \
             cp {shown} {mine} and start synoptic with --topics {mine}",
            mine = another_name(path)
        );
    }
    let original = existing.unwrap_or_else(|| {
        topics_file_text(
            "Topics for synoptic, with the corrections made in the reader.",
            defs,
        )
    });
    let bom = original.starts_with('\u{feff}');
    let crlf = original.contains("\r\n");
    let mut text = original;
    let name = path.display().to_string();
    for pending in corrections {
        text = edit_topics(&name, &text, &pending.before, &pending.correction)?;
    }
    let text = with_layout(&text, bom, crlf);
    if text.len() as u64 > SMALL_FILE_BYTES {
        bail!(
            "{shown} would grow past {} KB, the largest topics file synoptic reads; the \
             corrections stay in the reader until you quit: split the topics into two files",
            SMALL_FILE_BYTES / 1024
        );
    }
    let rules = crate::files::Target {
        force: true,
        ..Default::default()
    };
    crate::files::write_file(&target, &rules, |out| Ok(out.write_all(text.as_bytes())?))
}

/// A name beside `path` for the user's own copy of a file they may not edit.
fn another_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map_or_else(|| "topics".into(), |s| s.to_string_lossy());
    let copy = path.with_file_name(format!("{stem}.mine.toml"));
    for_terminal(&copy.display().to_string()).into_owned()
}

/// The edited text with the file's own byte-order mark and line ends, which the TOML editor
/// drops.
fn with_layout(text: &str, bom: bool, crlf: bool) -> String {
    let body = text.trim_start_matches('\u{feff}');
    let body = if crlf {
        body.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        body.to_owned()
    };
    if bom { format!("\u{feff}{body}") } else { body }
}

/// An exclusive lock on the folder of `file`, held until dropped: readers saving to one file
/// take turns, each reading what the last one wrote. A folder the system cannot lock (some
/// network file systems) is written to unlocked.
fn lock_folder(file: &Path) -> std::io::Result<Option<std::fs::File>> {
    let handle = std::fs::File::open(crate::files::folder_of(file))?;
    match handle.lock() {
        Ok(()) => Ok(Some(handle)),
        Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(None),
        Err(e) => Err(e),
    }
}
