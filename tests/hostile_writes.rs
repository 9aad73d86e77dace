//! Hostile and careless exports: never over an input or a device, the usual file mode, and no
//! temporary file left behind by a signal or a file-size limit.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;

use common::{stderr as err, synoptic as run, temporaries};
use std::time::{Duration, Instant};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_synoptic")
}

/// Two small articles in `dir/c`.
fn articles(dir: &Path) {
    let c = dir.join("c");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(
        c.join("a.txt"),
        "Titre\n\nLe volcan Etna est entré en éruption.\n",
    )
    .unwrap();
    std::fs::write(c.join("b.txt"), "Titre\n\nUne éruption de l'Etna, hier.\n").unwrap();
}

#[test]
fn an_input_is_never_replaced_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path());
    let before = std::fs::read(dir.path().join("c/a.txt")).unwrap();
    for args in [
        &["export", "-o", "c/a.txt", "--force", "c/a.txt", "c/b.txt"][..],
        &["export", "-o", "c/a.txt", "--force", "c"][..],
    ] {
        let out = run(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            err(&out).contains("c/a.txt is one of the articles being read"),
            "{}",
            err(&out)
        );
    }
    assert_eq!(std::fs::read(dir.path().join("c/a.txt")).unwrap(), before);
}

#[test]
fn a_device_or_a_directory_is_never_written_over() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path());
    let out = run(&["export", "-o", "/dev/null", "--force", "c"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(err(&out).contains("/dev/null is a device"), "{}", err(&out));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let out = run(&["export", "-o", "c", "c/a.txt", "c/b.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(err(&out).contains("c is a directory"), "{}", err(&out));
    assert!(
        !err(&out).contains("--force"),
        "no advice that fails: {}",
        err(&out)
    );
}

#[test]
fn a_new_export_gets_the_usual_mode() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path());
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("umask 022 && exec '{}' export -o out.txt c", bin()))
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let mode = std::fs::metadata(dir.path().join("out.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

/// A corpus whose JSON export (shape 1, which lists the sharing sources of every span) takes a
/// while to write: 60 copies of one wire story, every word shared with every other copy.
fn large_corpus(dir: &Path) {
    let c = dir.join("c");
    std::fs::create_dir_all(&c).unwrap();
    let words: Vec<String> = (0..400).map(|i| format!("mot{i}")).collect();
    let story: Vec<String> = (0..20)
        .map(|p| {
            let start = (p * 13) % 300;
            format!(
                "Le volcan Etna {} gronde.",
                words[start..start + 60].join(" ")
            )
        })
        .collect();
    for a in 0..60 {
        let text = format!("Titre {a}\n\n{}", story.join("\n\n"));
        std::fs::write(c.join(format!("a{a:03}.txt")), text).unwrap();
    }
}

#[test]
fn a_signal_during_an_export_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    large_corpus(dir.path());
    for signal in ["TERM", "INT", "HUP"] {
        let child = Command::new(bin())
            .args([
                "export",
                "--format",
                "json",
                "--format-version",
                "1",
                "-o",
                "out.json",
                "c",
            ])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while temporaries(dir.path()).is_empty() && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(
            !temporaries(dir.path()).is_empty(),
            "the export began writing"
        );
        Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(!out.status.success(), "{signal}");
        assert!(
            temporaries(dir.path()).is_empty(),
            "{signal}: {:?}",
            temporaries(dir.path())
        );
        assert!(
            !dir.path().join("out.json").exists(),
            "{signal}: no half-written export"
        );
    }
}

#[test]
fn a_file_size_limit_is_an_error_naming_the_file_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    large_corpus(dir.path());
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 64 && exec '{}' export --format json --format-version 1 -o out.json c",
            bin()
        ))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", err(&out));
    assert!(
        err(&out).contains("out.json: write failed"),
        "{}",
        err(&out)
    );
    assert!(temporaries(dir.path()).is_empty());
    assert!(!dir.path().join("out.json").exists());
}
