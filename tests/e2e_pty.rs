//! End to end: the real binary in a pseudo-terminal; keys pressed, the screen read back through
//! a terminal emulator (vt100), and the terminal restored on quit.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

mod common;

struct Session {
    parser: vt100::Parser,
    /// Every byte the reader wrote, as written.
    raw: Vec<u8>,
    output: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Held so the terminal stays open for the whole session.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(rows: u16, cols: u16) -> Session {
        Session::start_with(rows, cols, &[], &std::env::temp_dir())
    }

    /// The reader with these arguments (paths, options), run in `cwd`.
    fn start_with(rows: u16, cols: u16, args: &[&str], cwd: &std::path::Path) -> Session {
        Session::start_env(rows, cols, args, cwd, &[])
    }

    /// The reader with these arguments and environment variables, run in `cwd`.
    fn start_env(
        rows: u16,
        cols: u16,
        args: &[&str],
        cwd: &std::path::Path,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_synoptic"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(cwd);
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero size");
        Session {
            // The emulator need not be as large as the terminal: it only has to read the top.
            parser: vt100::Parser::new(size(rows.min(200)), size(cols.min(400)), 0),
            raw: Vec::new(),
            output: rx,
            writer,
            child,
            _master: pty.master,
        }
    }

    /// Feed output to the emulator until the screen contains `text` (or thirty seconds pass:
    /// a debug build loading 800 articles beside other tests takes ten on two cores).
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let screen = self.parser.screen().contents();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                self.feed(&bytes);
            }
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

impl Session {
    /// Wait for the reader to exit, feeding its last output to the emulator.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "synoptic did not exit");
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                self.feed(&bytes);
            }
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
            self.feed(&bytes);
        }
        status
    }
}

#[cfg(unix)]
#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(30, 120);
    s.wait_for("Topic 1/");
    let pid = s.child.process_id().expect("a process id");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    s.wait_exit();
    assert!(
        !s.parser.screen().alternate_screen(),
        "the alternate screen was left"
    );
}

#[test]
fn next_topic_help_and_quit() {
    let mut s = Session::start(30, 120);
    s.wait_for("Topic 1/");
    s.press("n");
    let screen = s.wait_for("Topic 2/");
    assert!(screen.contains("sources"));
    s.press("?");
    s.wait_for("next topic");
    // '?' again closes the help (Esc followed at once by 'q' would read as Alt-q).
    s.press("?");
    s.wait_for("Topic 2/");
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success());
    assert!(
        !s.parser.screen().alternate_screen(),
        "the alternate screen was left"
    );
}

#[cfg(unix)]
fn signal(s: &Session, name: &str) {
    let pid = s.child.process_id().expect("a process id");
    let sent = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

#[cfg(unix)]
#[test]
fn sigint_and_sigquit_restore_the_terminal_at_once() {
    for name in ["INT", "QUIT"] {
        let mut s = Session::start(30, 120);
        s.wait_for("Topic 1/");
        signal(&s, name);
        let status = s.wait_exit();
        let number = if name == "INT" { 2 } else { 3 };
        assert_eq!(status.exit_code(), 128 + number, "{name} ends the reader");
        let screen = s.parser.screen();
        assert!(
            !screen.alternate_screen(),
            "{name}: the alternate screen was left"
        );
        assert!(!screen.hide_cursor(), "{name}: the cursor is back");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{name}: mouse capture is off"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_suspend_gives_the_terminal_back_and_fg_redraws_it() {
    let mut s = Session::start(30, 120);
    s.wait_for("Topic 1/");
    s.press("n");
    s.wait_for("Topic 2/");
    signal(&s, "TSTP");
    let deadline = Instant::now() + Duration::from_secs(5);
    while s.parser.screen().alternate_screen() {
        assert!(Instant::now() < deadline, "the screen was not given back");
        if let Ok(bytes) = s.output.recv_timeout(Duration::from_millis(50)) {
            s.parser.process(&bytes);
        }
    }
    // Continue it only once it has really stopped, or the CONT would come first and be lost.
    let pid = s.child.process_id().expect("a process id");
    let stopped = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|st| {
                st.rsplit(')')
                    .next()
                    .map(|rest| rest.trim_start().starts_with('T'))
            })
            .unwrap_or(true)
    };
    while !stopped() {
        assert!(Instant::now() < deadline, "the reader never stopped");
        std::thread::sleep(Duration::from_millis(5));
    }
    signal(&s, "CONT");
    let screen = s.wait_for("Topic 2/");
    assert!(s.parser.screen().alternate_screen());
    assert!(screen.contains("sources"), "{screen}");
    s.press("q");
    assert!(s.wait_exit().success());
}

/// Two long articles whose topic holds thousands of paragraphs each: two keywords, each in a
/// tenth of the paragraphs, with random words around them.
#[cfg(unix)]
fn long_articles(dir: &std::path::Path) {
    let mut seed = 7u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    for a in 0..2 {
        let paragraphs: Vec<String> = (0..8000)
            .map(|p| {
                let cue = match p % 10 {
                    0 => " volcan",
                    5 => " lave",
                    _ => "",
                };
                let words: Vec<String> = (0..25).map(|_| format!("mot{}", next() % 3000)).collect();
                format!("Texte{cue} {}.", words.join(" "))
            })
            .collect();
        std::fs::write(
            dir.join(format!("a{a}.txt")),
            format!("Titre\n\n{}", paragraphs.join("\n\n")),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("topics.toml"),
        "[[topic]]\nid = \"etna\"\nlabel = \"Etna\"\nkeywords = [\"volcan\", \"lave\"]\n",
    )
    .unwrap();
}

/// Send SIGTERM while the reader works on `keys`: the signal's own thread ends it with the
/// signal's status, whatever the main thread is computing. (How soon is measured, not
/// asserted: a loaded machine makes any limit on a debug build flaky.)
#[cfg(unix)]
fn stops_while_busy(dir: &std::path::Path, ready: &str, keys: &str) {
    let mut s = Session::start_with(30, 120, &[dir.to_str().unwrap()], dir);
    s.wait_for(ready);
    s.press(keys);
    std::thread::sleep(Duration::from_millis(30));
    signal(&s, "TERM");
    let deadline = Instant::now() + Duration::from_mins(1);
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "{keys:?}: never stopped");
        std::thread::sleep(Duration::from_millis(5));
    };
    assert_eq!(status.exit_code(), 128 + 15, "{keys:?}: ended by SIGTERM");
}

#[cfg(unix)]
#[test]
fn pairwise_on_a_topic_of_thousands_of_paragraphs_stops_on_a_signal() {
    let dir = tempfile::tempdir().unwrap();
    long_articles(dir.path());
    stops_while_busy(dir.path(), "Topic 1/", "d");
}

#[cfg(unix)]
#[test]
fn search_in_a_huge_paragraph_stops_on_a_signal() {
    let dir = tempfile::tempdir().unwrap();
    let long: Vec<String> = (0..50_000).map(|i| format!("abc de{}", i % 10)).collect();
    std::fs::write(
        dir.path().join("a.txt"),
        format!("Titre\n\n{}", long.join(" ")),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Titre\n\nabc de1 abc de2, un autre article.\n",
    )
    .unwrap();
    stops_while_busy(dir.path(), "No topics", "/abc\r");
}

/// `copies` copies of one wire story with five topics: exporting every topic takes a while.
#[cfg(unix)]
fn wire_copies(dir: &std::path::Path, copies: usize) {
    let cues = ["volcan", "lave", "cendres", "seisme", "magma"];
    let story: Vec<String> = (0..20)
        .map(|p| {
            let cue = if p % 2 == 0 { cues[p % 5] } else { "" };
            let words: Vec<String> = (0..40)
                .map(|w| format!("mot{}", (p * 97 + w * 31) % 2000))
                .collect();
            format!("Texte {cue} {}.", words.join(" "))
        })
        .collect();
    for a in 0..copies {
        let text = format!("Titre {a}\n\n{}", story.join("\n\n"));
        std::fs::write(dir.join(format!("a{a:03}.txt")), text).unwrap();
    }
    let topics: String = cues
        .iter()
        .map(|c| format!("[[topic]]\nid = \"{c}\"\nlabel = \"{c}\"\nkeywords = [\"{c}\"]\n\n"))
        .collect::<Vec<_>>()
        .concat();
    std::fs::write(dir.join("topics.toml"), topics).unwrap();
}

#[cfg(unix)]
#[test]
fn an_export_of_every_topic_does_not_hold_up_a_signal() {
    let dir = tempfile::tempdir().unwrap();
    wire_copies(dir.path(), 800);
    stops_while_busy(dir.path(), "Topic 1/", "E");
    let left = common::temporaries(dir.path());
    assert!(
        left.is_empty(),
        "the unfinished export was removed: {left:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_terminal_of_ten_thousand_by_ten_thousand_cells_is_drawn_within_bounds() {
    let mut s = Session::start(10_000, 10_000);
    s.wait_for("Topic 1/");
    s.press("q");
    assert!(
        s.wait_exit().success(),
        "quit cleanly, no abort on allocation"
    );
}

#[cfg(unix)]
#[test]
fn a_slow_load_says_what_it_is_doing_then_clears_the_line() {
    let dir = tempfile::tempdir().unwrap();
    // Long enough to load that the line shows (0.2 s), in a debug build and an optimised one.
    let copies = if cfg!(debug_assertions) { 800 } else { 5000 };
    wire_copies(dir.path(), copies);
    let mut s = Session::start_with(30, 120, &["."], dir.path());
    s.wait_for(&format!(
        "synoptic: aligning {copies} articles to 5 topics…"
    ));
    s.wait_for("Topic 1/");
    s.press("q");
    assert!(s.wait_exit().success());
    let screen = s.parser.screen().contents();
    assert!(!screen.contains("aligning"), "the line stayed:\n{screen}");
}

/// The payloads of every OSC 52 (clipboard) sequence in `raw`, decoded.
fn clipboard_writes(raw: &[u8]) -> Vec<String> {
    use base64::Engine as _;
    let text = String::from_utf8_lossy(raw);
    text.split("\u{1b}]52;c;")
        .skip(1)
        .map(|rest| {
            let payload = rest.split("\u{1b}\\").next().unwrap();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(payload)
                .expect("the payload is base64 and nothing else");
            String::from_utf8(bytes).unwrap()
        })
        .collect()
}

#[test]
fn y_puts_the_passage_under_the_cursor_on_the_clipboard_and_nothing_else() {
    use synoptic_core::input::ingest::{EMBEDDED_TOPICS, load_embedded};
    let defs =
        synoptic_core::input::topics_file::parse_topics("topics.toml", EMBEDDED_TOPICS).unwrap();
    let synopsis =
        synoptic_core::compare::synopsis::Synopsis::build(load_embedded().articles, &defs.topics);
    let first = synopsis.topics[0]
        .members_of(0)
        .next()
        .unwrap()
        .at
        .paragraph;
    let expected =
        synoptic_core::output::export::excerpt::passage(&synopsis.articles[0], first).unwrap();
    let mut s = Session::start(45, 160);
    s.wait_for("Topic 1/");
    assert!(clipboard_writes(&s.raw).is_empty());
    // The first source, from the top: the cursor is on its first passage.
    s.press("1");
    s.press("s");
    s.press("g");
    s.press("y");
    s.wait_for("copied the passage");
    s.press("q");
    assert!(s.wait_exit().success());
    assert_eq!(clipboard_writes(&s.raw), vec![expected]);
}

#[cfg(unix)]
#[test]
fn o_opens_the_article_in_the_pager_and_comes_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let seen = dir.path().join("seen.txt");
    let pager = dir.path().join("pager.sh");
    std::fs::write(&pager, format!("#!/bin/sh\ncat > '{}'\n", seen.display())).unwrap();
    std::fs::set_permissions(&pager, std::fs::Permissions::from_mode(0o755)).unwrap();
    let pager = pager.display().to_string();
    let mut s = Session::start_env(45, 160, &[], dir.path(), &[("PAGER", &pager)]);
    s.wait_for("Topic 1/");
    // The first source.
    s.press("1");
    s.press("s");
    s.press("o");
    let screen = s.wait_for("back from");
    assert!(
        screen.contains("Topic 1/"),
        "the reader is drawn again:\n{screen}"
    );
    assert!(s.parser.screen().alternate_screen());
    let text = std::fs::read_to_string(&seen).unwrap();
    assert!(text.contains("assets/articles/000_"), "{text}");
    assert!(text.lines().count() > 10, "{text}");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn a_correction_is_saved_to_the_topics_file_and_holds_when_reopened() {
    let dir = tempfile::tempdir().unwrap();
    for (i, place) in ["Alpha", "Bravo", "Charlie"].iter().enumerate() {
        let text = format!(
            "Headline {place}\n\nThe volcano erupted overnight near island {place}, said officials.\n\n\
             A bakery in {place} sold bread to the families who fled."
        );
        std::fs::write(dir.path().join(format!("{i}.txt")), text).unwrap();
    }
    let topics = "# my topics\n[[topic]]\nid = \"volcano\"\nlabel = \"The volcano\"\nkeywords = [\"volcano\"]\n";
    std::fs::write(dir.path().join("topics.toml"), topics).unwrap();
    let mut s = Session::start_with(30, 120, &["."], dir.path());
    let screen = s.wait_for("Topic 1/");
    assert!(screen.contains("island Alpha"), "{screen}");
    s.press("-");
    s.wait_for("Save corrections to");
    s.press("y");
    s.wait_for("out (1 source) · saved to");
    s.press("q");
    assert!(s.wait_exit().success());
    let saved = std::fs::read_to_string(dir.path().join("topics.toml")).unwrap();
    assert!(
        saved.starts_with("# my topics\n"),
        "the user's comments stay:\n{saved}"
    );
    assert!(saved.contains("exclude"), "{saved}");
    let mut s = Session::start_with(30, 120, &["."], dir.path());
    let screen = s.wait_for("Topic 1/");
    assert!(
        !screen.contains("island Alpha"),
        "the correction holds:\n{screen}"
    );
    assert!(screen.contains("island Bravo"), "{screen}");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn pasted_text_goes_to_the_prompt_and_never_runs_as_keys() {
    let mut s = Session::start(30, 120);
    s.wait_for("Topic 1/");
    // No prompt open: a paste of "q" and "n" must neither quit nor move.
    s.press("\x1b[200~qn\x1b[201~");
    s.wait_for("pasted text ignored");
    assert!(s.parser.screen().contents().contains("Topic 1/"));
    s.press("/");
    s.wait_for("Enter search");
    s.press("\x1b[200~Musk\nTrump q\x1b[201~");
    s.wait_for("/Musk Trump q");
    // A megabyte at once lands as one edit, cut to the prompt's limit.
    s.press("\x1b");
    s.wait_for("Topic 1/");
    s.press("/");
    s.wait_for("Enter search");
    let huge = format!("\x1b[200~{}\x1b[201~", "mot ".repeat(250_000));
    s.press(&huge);
    s.wait_for("/mot mot mot mot");
    s.press("\x1b");
    s.wait_for("Topic 1/");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn a_paste_that_never_ends_cannot_trap_the_user() {
    let mut s = Session::start(30, 120);
    s.wait_for("Topic 1/");
    s.press("\x1b[200~the end of this paste never comes ");
    s.press("n");
    std::thread::sleep(Duration::from_millis(300));
    s.press("\x03");
    let status = s.wait_exit();
    assert!(!status.success(), "ended by Ctrl-C as a signal");
    assert!(
        !s.parser.screen().alternate_screen(),
        "the terminal was given back"
    );
}

#[cfg(unix)]
#[test]
fn thousands_of_queued_keys_are_all_read() {
    let mut s = Session::start(30, 120);
    s.wait_for("Topic 1/");
    // Eight kilobytes of keys in one write, then one that must still be read: quit.
    s.press(&format!("{}q", "jk".repeat(4096)));
    assert!(s.wait_exit().success());
}
