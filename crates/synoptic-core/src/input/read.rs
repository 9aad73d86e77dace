//! Reading bytes from the file system and standard input with one rule: only regular files,
//! never more than a limit, counted in bytes actually read (a device reports size 0).

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// A topics file or a configuration is small: more than this is not one.
pub const SMALL_FILE_BYTES: u64 = 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadProblem {
    #[error("is {0}, not a regular file; give a regular file (or pipe it to '-')")]
    NotRegular(&'static str),
    #[error("is larger than the {limit_mb} MB limit; split it into smaller files")]
    TooLarge { limit_mb: u64 },
    #[error("{size_mb:.1} MB is too large (limit {limit_mb} MB); split it into smaller files")]
    TooLargeFile { size_mb: f64, limit_mb: u64 },
    #[error("is a loop of symbolic links; fix or remove the link")]
    LinkLoop,
    #[error("cannot be read: a symbolic link to nothing; fix or remove the link")]
    Dangling,
    #[error("no such file or directory; check the path")]
    Missing,
    #[error("cannot be read ({0})")]
    Io(io::Error),
}

impl From<io::Error> for ReadProblem {
    fn from(e: io::Error) -> Self {
        // ELOOP: "too many levels of symbolic links".
        if e.raw_os_error() == Some(40) {
            ReadProblem::LinkLoop
        } else if e.kind() == io::ErrorKind::NotFound {
            ReadProblem::Missing
        } else {
            ReadProblem::Io(e)
        }
    }
}

/// What kind of non-regular file `meta` describes, in words.
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

/// The bytes of the regular file at `path` (links followed), at most `limit` of them.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let meta = fs::metadata(path).map_err(|e| {
        let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        match ReadProblem::from(e) {
            ReadProblem::Missing if link => ReadProblem::Dangling,
            other => other,
        }
    })?;
    if !meta.is_file() {
        return Err(ReadProblem::NotRegular(kind_of(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadProblem::TooLargeFile {
            size_mb: meta.len() as f64 / 1e6,
            limit_mb: limit / 1024 / 1024,
        });
    }
    // The file may grow between the two looks: the read is bounded all the same.
    read_bounded(File::open(path)?, limit)
}

/// Everything `source` gives, refusing more than `limit` bytes.
pub fn read_bounded(source: impl Read, limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let mut bytes = Vec::new();
    source.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadProblem::TooLarge {
            limit_mb: limit / 1024 / 1024,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_fifos_and_loops_are_refused_by_kind() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            assert!(matches!(
                read_limited(&fifo, 10),
                Err(ReadProblem::NotRegular("a named pipe (FIFO)"))
            ));
        }
        assert!(matches!(
            read_limited(Path::new("/dev/zero"), 10),
            Err(ReadProblem::NotRegular("a device"))
        ));
        let link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(
            read_limited(&link, 10),
            Err(ReadProblem::NotRegular(_))
        ));
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(matches!(read_limited(&a, 10), Err(ReadProblem::LinkLoop)));
    }

    #[test]
    fn the_limit_counts_bytes_read() {
        assert!(read_bounded(&b"12345"[..], 5).is_ok());
        assert!(matches!(
            read_bounded(io::repeat(0), 1024 * 1024),
            Err(ReadProblem::TooLarge { limit_mb: 1 })
        ));
    }
}
