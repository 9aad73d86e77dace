//! Writing the user's files safely, for the command line and the reader alike: through a
//! temporary file and a rename, never over an input or anything but a regular file, with the
//! usual mode, and with no temporary file left behind by a signal.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

/// The target may not be written: it exists, is an input, a directory or a device. A usage
/// error (exit code 2), with the reason.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// What `write_file` may do.
#[derive(Clone, Copy, Debug, Default)]
pub struct Target<'i> {
    /// Replace an existing regular file.
    pub force: bool,
    /// The files and folders being read: never written over, even with `force`.
    pub inputs: &'i [PathBuf],
    /// End the process on SIGTERM, SIGINT or SIGHUP once the temporary file is removed (the
    /// command line; the reader restores the terminal first, on its own).
    pub exit_on_signal: bool,
}

/// Write through a temporary file beside `path` and a rename: never a half-written file, and
/// never a replaced one unless `force`. Only a regular file that is not one of `inputs` is
/// ever replaced; a new file gets the usual mode (0666 less the umask), a replaced one keeps
/// its own. If a signal stops the write, the temporary file is removed.
pub fn write_file(
    path: &Path,
    rules: &Target,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let shown =
        synoptic_core::output::sanitize::for_terminal(&path.display().to_string()).into_owned();
    let existing = check_target(path, &shown, rules.force, rules.inputs)?;
    let dir = folder_of(path);
    // Signals are watched before the temporary file exists, and it is registered the moment
    // it does: a signal in between would leave it behind.
    let _cleanup = if rules.exit_on_signal {
        Some(SignalCleanup::watch()?)
    } else {
        None
    };
    size_limit_is_an_error();
    let (mut tmp, _registered) = Writing::create_in(dir)
        .with_context(|| format!("{shown}: cannot create a file in {}", dir.display()))?;
    crate::overlap::write_overlapped(tmp.as_file_mut(), fill)
        .with_context(|| format!("{shown}: write failed"))?;
    if let Some(replaced) = existing {
        tmp.as_file()
            .set_permissions(replaced.permissions())
            .with_context(|| format!("{shown}: cannot set the file's permissions"))?;
    }
    let persisted = if rules.force {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    persisted.map_err(|e| anyhow!("{shown}: cannot write the file ({})", e.error))
}

/// The folder `path` is in: its parent, or the current folder for a bare name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// What is at `path` already, if anything, and whether it may be replaced.
fn check_target(
    path: &Path,
    shown: &str,
    force: bool,
    inputs: &[PathBuf],
) -> Result<Option<std::fs::Metadata>> {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    let refuse = |why: String| -> Result<Option<std::fs::Metadata>> {
        Err(Refused(format!("{shown} {why}")).into())
    };
    if meta.is_dir() {
        return refuse("is a directory; give a file name, such as a file inside it".into());
    }
    if !meta.is_file() {
        let kind = synoptic_core::input::read::kind_of(&meta);
        return refuse(format!(
            "is {kind}; synoptic only writes regular files, even with --force"
        ));
    }
    let same = |p: &PathBuf| {
        std::fs::metadata(p).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
    };
    if inputs.iter().any(same) || inputs.iter().any(|d| d.is_dir() && path_is_in(path, d)) {
        return refuse(
            "is one of the articles being read; write the export somewhere else (--force does \
             not replace an input)"
                .into(),
        );
    }
    if !force {
        return refuse("already exists; choose another name or add --force to replace it".into());
    }
    Ok(Some(meta))
}

/// Whether `path` is an article file inside directory `dir` (which synoptic reads whole).
fn path_is_in(path: &Path, dir: &Path) -> bool {
    let (Ok(file), Ok(dir)) = (std::fs::canonicalize(path), std::fs::canonicalize(dir)) else {
        return false;
    };
    file.starts_with(dir) && synoptic_core::input::folder::is_article_file(&file)
}

/// The temporary files being written now, so that whoever ends the process on a signal can
/// remove them first.
static WRITING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// One temporary file listed in `WRITING` while it is written.
struct Writing(PathBuf);

impl Writing {
    /// A new temporary file in `dir`, listed. The list stays locked from before the file is
    /// made until it is listed: a signal's cleanup, which takes the same lock, never finds the
    /// file made but not yet listed.
    fn create_in(dir: &Path) -> std::io::Result<(tempfile::NamedTempFile, Writing)> {
        let mut list = WRITING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Created with 0666, less the user's umask (the kernel applies it): the mode any new
        // file gets. The file is the user's to read, not a private temporary.
        let tmp = tempfile::Builder::new()
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666))
            .tempfile_in(dir)?;
        list.push(tmp.path().to_path_buf());
        let listed = Writing(tmp.path().to_path_buf());
        Ok((tmp, listed))
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        if let Ok(mut list) = WRITING.lock() {
            list.retain(|p| *p != self.0);
        }
    }
}

/// Remove every temporary file still being written (before the process ends on a signal).
/// A file already renamed into place is not touched: its temporary name no longer exists.
pub fn remove_temporaries() {
    if let Ok(list) = WRITING.lock() {
        for tmp in list.iter() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Make a write past the file-size limit fail with EFBIG, an error that names the file, rather
/// than kill the process (which would also leave the reader's terminal raw). Once per process:
/// each registration would add a handler.
fn size_limit_is_an_error() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Should it fail, SIGXFSZ keeps its default action: the limit still stops the write.
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    });
}

/// While alive, a watcher that removes the temporary files and ends the process if SIGTERM,
/// SIGINT or SIGHUP arrives.
struct SignalCleanup {
    handle: signal_hook::iterator::Handle,
}

impl SignalCleanup {
    fn watch() -> Result<SignalCleanup> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])
            .context("cannot watch for termination signals")?;
        let handle = signals.handle();
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                remove_temporaries();
                std::process::exit(128 + signal);
            }
        });
        Ok(SignalCleanup { handle })
    }
}

impl Drop for SignalCleanup {
    fn drop(&mut self) {
        self.handle.close();
    }
}
