//! Hostile input, second round: what synoptic reads and how much. Only regular files, never
//! more than the limit, nothing that blocks, and a message naming each thing skipped. Every
//! run here has a time limit, so a hang fails the test instead of stalling the suite.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::stderr as err;

const GOOD: &str = "Le volcan Etna est entré en éruption hier soir.\n";

/// Run the binary in `dir`, feeding `stdin` (written after `delay`), killed after 20 s.
fn run_within(args: &[&str], dir: &Path, stdin: Option<(&[u8], Duration)>) -> (Output, Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    if let Some((bytes, delay)) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            std::thread::sleep(delay);
            let _ = pipe.write_all(&bytes);
        });
    }
    let killer = child.id();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = done.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(20));
        if !flag.load(std::sync::atomic::Ordering::SeqCst) {
            let _ = Command::new("kill")
                .arg("-9")
                .arg(killer.to_string())
                .status();
        }
    });
    let out = child.wait_with_output().unwrap();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(19), "hung: {args:?}");
    (out, took)
}

fn folder_with_good_articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    std::fs::create_dir(&c).unwrap();
    std::fs::write(c.join("a.txt"), GOOD).unwrap();
    std::fs::write(c.join("b.txt"), "Une éruption de l'Etna hier soir.\n").unwrap();
    dir
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_fifo_in_a_folder_or_on_the_command_line_is_skipped_not_waited_on() {
    let dir = folder_with_good_articles();
    let fifo = dir.path().join("c/pipe.txt");
    if !mkfifo(&fifo) {
        return; // no mkfifo on this system: nothing to test
    }
    let (out, _) = run_within(&["export", "--format", "json", "c"], dir.path(), None);
    assert!(out.status.success(), "{}", err(&out));
    assert!(err(&out).contains("pipe.txt: a named pipe (FIFO), not a regular file; skipped"));
    let (out, _) = run_within(
        &["export", "c/pipe.txt", "c/a.txt", "c/b.txt"],
        dir.path(),
        None,
    );
    assert!(out.status.success(), "{}", err(&out));
    assert!(err(&out).contains("pipe.txt: is a named pipe (FIFO), not a regular file"));
}

#[test]
fn dev_zero_directly_or_through_a_link_is_refused_at_once() {
    let dir = folder_with_good_articles();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("c/zero.txt")).unwrap();
    for args in [
        &["export", "c"][..],
        &["export", "/dev/zero", "c/a.txt", "c/b.txt"][..],
    ] {
        let (out, took) = run_within(args, dir.path(), None);
        assert!(out.status.success(), "{args:?}: {}", err(&out));
        assert!(err(&out).contains("a device"), "{}", err(&out));
        assert!(took < Duration::from_secs(5));
    }
}

#[test]
fn a_symlink_loop_is_called_a_loop() {
    let dir = folder_with_good_articles();
    let c = dir.path().join("c");
    std::os::unix::fs::symlink(c.join("y.txt"), c.join("x.txt")).unwrap();
    std::os::unix::fs::symlink(c.join("x.txt"), c.join("y.txt")).unwrap();
    let (out, _) = run_within(
        &["export", "c/x.txt", "c/a.txt", "c/b.txt"],
        dir.path(),
        None,
    );
    assert!(
        err(&out).contains("x.txt: is a loop of symbolic links"),
        "{}",
        err(&out)
    );
}

#[test]
fn piped_input_has_one_limit_and_no_timer() {
    let dir = tempfile::tempdir().unwrap();
    let big = vec![b'a'; 10 * 1024 * 1024];
    let (out, _) = run_within(&["export"], dir.path(), Some((&big, Duration::ZERO)));
    assert_eq!(out.status.code(), Some(2), "never cut silently");
    assert!(
        err(&out).contains("standard input is larger than the 8 MB limit"),
        "{}",
        err(&out)
    );
    // An article that arrives late is the same article: no half-second rule.
    let text = "Titre\n\nUn article venu tard par le tube, sur l'Etna.\n".as_bytes();
    let (late, _) = run_within(
        &["export", "--format", "json"],
        dir.path(),
        Some((text, Duration::from_millis(1200))),
    );
    let (early, _) = run_within(
        &["export", "--format", "json"],
        dir.path(),
        Some((text, Duration::ZERO)),
    );
    assert!(late.status.success(), "{}", err(&late));
    assert_eq!(late.stdout, early.stdout);
    let v: serde_json::Value = serde_json::from_slice(&late.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn a_configuration_or_topics_file_that_is_no_such_thing_says_what_it_is() {
    let dir = folder_with_good_articles();
    std::fs::write(
        dir.path().join("latin1.toml"),
        b"[reader]\nmode = \"agr\xe9ment\"\n",
    )
    .unwrap();
    let (out, _) = run_within(
        &["export", "--config", "latin1.toml", "c"],
        dir.path(),
        None,
    );
    // export does not read the reader's configuration; the reader does, before any screen.
    assert!(out.status.success());
    let config = synoptic::tui::config::load_config(Some(&dir.path().join("latin1.toml")));
    let message = format!("{:#}", config.unwrap_err());
    assert!(
        message.contains("not UTF-8") && message.contains("save it as UTF-8"),
        "{message}"
    );
    let (out, took) = run_within(&["export", "--topics", "/dev/zero", "c"], dir.path(), None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err(&out).contains("/dev/zero: the topics file is a device"),
        "{}",
        err(&out)
    );
    assert!(took < Duration::from_secs(5));
}

#[test]
fn utf16_without_a_mark_and_a_stray_byte_in_utf8_are_read_and_named() {
    let dir = folder_with_good_articles();
    let c = dir.path().join("c");
    let wide: Vec<u8> = "Titre\n\nÉté à Gdansk, l'Etna.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(c.join("wide.txt"), wide).unwrap();
    let mut stray = "Titre\n\nL'été à Catane, déjà chaud ".as_bytes().to_vec();
    stray.push(0xE9);
    stray.extend_from_slice(" sur l'Etna.\n".as_bytes());
    std::fs::write(c.join("stray.txt"), stray).unwrap();
    let (out, _) = run_within(&["export", "--format", "json", "c"], dir.path(), None);
    assert!(out.status.success(), "{}", err(&out));
    assert!(err(&out).contains("wide.txt: not UTF-8; read as UTF-16LE (no byte-order mark)"));
    assert!(
        err(&out)
            .contains("stray.txt: not UTF-8; read as UTF-8, its stray non-UTF-8 bytes shown as �")
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<String> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["paragraphs"].as_array().unwrap().iter())
        .map(|p| p["text"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        texts.contains(&"Été à Gdansk, l'Etna.".to_owned()),
        "{texts:?}"
    );
    assert!(texts.contains(&"L'été à Catane, déjà chaud \u{FFFD} sur l'Etna.".to_owned()));
}

#[test]
fn a_keyword_that_can_never_match_is_warned_about() {
    let dir = folder_with_good_articles();
    std::fs::write(
        dir.path().join("t.toml"),
        "[[topic]]\nid = \"etna\"\nkeywords = [\"Etna\", \"...\", \"de la\"]\n",
    )
    .unwrap();
    let (out, _) = run_within(&["topics", "--topics", "t.toml", "c"], dir.path(), None);
    assert!(out.status.success());
    let e = err(&out);
    assert!(e.contains("topic \"etna\": keyword \"...\""), "{e}");
    assert!(e.contains("topic \"etna\": keyword \"de la\""), "{e}");
    assert!(!e.contains("keyword \"Etna\""), "{e}");
}

#[test]
fn a_configuration_with_no_way_out_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[keys]\nquit = []\n").unwrap();
    let message = format!(
        "{:#}",
        synoptic::tui::config::load_config(Some(&file)).unwrap_err()
    );
    assert!(message.contains("config.toml:2"), "{message}");
    assert!(message.contains("quit needs at least one key"), "{message}");
}
