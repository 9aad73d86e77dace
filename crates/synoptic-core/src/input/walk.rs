//! What the paths a user gives name, in reading order: each file to read, standard input read
//! already, or a notice about something skipped. Folders are walked here; the files are read
//! after, all at once on the machine's cores.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::input::folder::{is_article_file, is_corpus_note, pages_with_markdown};
use crate::input::read::{ReadProblem, kind_of, read_bounded};

/// One thing to read, or to tell the user, in order.
pub(crate) enum Step {
    /// A file to read (it may turn out unreadable).
    File(PathBuf),
    /// Standard input, read already: it cannot wait for the files.
    Stdin(Result<Vec<u8>, ReadProblem>),
    /// Something skipped, and why.
    Skipped { path: String, why: String },
}

/// The steps `paths` make, in the order given; `-` is standard input, read up to `limit`
/// bytes. A file named twice (a folder and a file in it, a link to it) is read once.
pub(crate) fn steps(paths: &[PathBuf], limit: u64) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let bytes = read_bounded(std::io::stdin().lock(), limit);
            steps.push(Step::Stdin(bytes));
        } else if path.is_dir() {
            walk_dir(path, &mut steps, &mut seen_dirs);
        } else {
            steps.push(Step::File(path.clone()));
        }
    }
    read_once(steps)
}

/// Each file once, where it first comes: read twice, it would be two sources telling the
/// same story word for word, and every comparison would say they agree.
fn read_once(steps: Vec<Step>) -> Vec<Step> {
    let mut first: HashMap<PathBuf, String> = HashMap::new();
    steps
        .into_iter()
        .map(|step| {
            let Step::File(path) = &step else {
                return step;
            };
            // A file that cannot be resolved is read, to say why it cannot be.
            let Ok(canonical) = fs::canonicalize(path) else {
                return step;
            };
            let shown = path.display().to_string();
            match first.get(&canonical) {
                Some(earlier) if *earlier == shown => Step::Skipped {
                    path: shown,
                    why: "named twice; read once".to_owned(),
                },
                Some(earlier) => Step::Skipped {
                    why: format!("the same file as {earlier}; read once"),
                    path: shown,
                },
                None => {
                    first.insert(canonical, shown);
                    step
                }
            }
        })
        .collect()
}

/// Every article file below `dir` (see `folder`), sorted by name, following links but never
/// twice.
fn walk_dir(dir: &Path, steps: &mut Vec<Step>, seen: &mut HashSet<PathBuf>) {
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canonical) {
        return;
    }
    let notice = |path: &Path, why: String| Step::Skipped {
        path: path.display().to_string(),
        why,
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let message = format!("directory cannot be read ({e}); skipped");
            steps.push(notice(dir, message));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    let twins = pages_with_markdown(&paths);
    for path in paths.into_iter().filter(|p| !twins.contains(p)) {
        let Ok(meta) = fs::metadata(&path) else {
            steps.push(Step::File(path)); // reading it says why it cannot be read
            continue;
        };
        if meta.is_dir() {
            walk_dir(&path, steps, seen);
        } else if !meta.is_file() && is_article_file(&path) {
            // Never open a FIFO or a device found in a folder: it may block or never end.
            let message = format!("{}, not a regular file; skipped", kind_of(&meta));
            steps.push(notice(&path, message));
        } else if is_article_file(&path) && is_corpus_note(&path) {
            let message = "looks like a note about the corpus, not an article; skipped \
                           (name it on the command line to read it)";
            steps.push(notice(&path, message.into()));
        } else if is_article_file(&path) {
            steps.push(Step::File(path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each step as a line: the path below `root`, and what the walk does with it.
    fn described(steps: &[Step], root: &Path) -> Vec<String> {
        let below = |p: &Path| {
            p.strip_prefix(root)
                .unwrap_or(p)
                .to_string_lossy()
                .into_owned()
        };
        steps
            .iter()
            .map(|step| match step {
                Step::File(path) => format!("read {}", below(path)),
                Step::Stdin(_) => "stdin".to_owned(),
                Step::Skipped { path, why } => {
                    format!("skip {}: {}", below(Path::new(path)), why)
                }
            })
            .collect()
    }

    #[test]
    fn a_folder_gives_its_articles_sorted_and_says_what_it_skips() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b.txt",
            "a.md",
            "README.txt",
            "x.pdf",
            "page.html",
            "page.md",
        ] {
            fs::write(root.join(name), "text").unwrap();
        }
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/c.txt"), "text").unwrap();
        let steps = steps(&[root.to_path_buf()], 1024);
        assert_eq!(
            described(&steps, root),
            [
                // Sorted by bytes: capitals first.
                "skip README.txt: looks like a note about the corpus, not an article; skipped \
                 (name it on the command line to read it)",
                "read a.md",
                "read b.txt",
                "read page.md",
                "read sub/c.txt",
            ],
            "the page beside its Markdown and the PDF are left out without a word"
        );
    }

    #[test]
    fn a_file_named_on_the_command_line_is_read_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let note = dir.path().join("README.txt");
        fs::write(&note, "text").unwrap();
        let steps = steps(&[note, dir.path().join("missing.pdf")], 1024);
        assert_eq!(
            described(&steps, dir.path()),
            ["read README.txt", "read missing.pdf"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_once_and_a_socket_is_never_opened() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/c.txt"), "text").unwrap();
        // A link back up would walk forever; a dangling one is read, to say why it fails.
        symlink(root, root.join("sub/loop")).unwrap();
        symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
        let _socket = std::os::unix::net::UnixListener::bind(root.join("s.txt")).unwrap();
        let steps = steps(&[root.to_path_buf(), root.join("sub")], 1024);
        assert_eq!(
            described(&steps, root),
            [
                "read dangling.txt",
                "skip s.txt: a socket, not a regular file; skipped",
                "read sub/c.txt",
            ],
            "the folder named twice and the link back up are walked once"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_named_twice_or_through_a_link_is_read_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("a.txt"), "text").unwrap();
        fs::write(root.join("b.txt"), "text").unwrap();
        symlink(root.join("b.txt"), root.join("c.txt")).unwrap();
        // The third spells it otherwise: "./" in the middle of the path.
        let paths = [root.to_path_buf(), root.join("a.txt"), root.join("./a.txt")];
        let steps = steps(&paths, 1024);
        let a = root.join("a.txt").display().to_string();
        let b = root.join("b.txt").display().to_string();
        assert_eq!(
            described(&steps, root),
            [
                "read a.txt".to_owned(),
                "read b.txt".to_owned(),
                format!("skip c.txt: the same file as {b}; read once"),
                "skip a.txt: named twice; read once".to_owned(),
                format!("skip a.txt: the same file as {a}; read once"),
            ],
            "the same file again, however it is named, is never a second source"
        );
    }
}
