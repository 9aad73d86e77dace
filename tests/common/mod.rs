//! Helpers the integration tests share: running the binary, reading its output, drawing the
//! reader. Each test crate uses only some of them.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

use synoptic::tui::state::app::App;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, load_embedded};
use synoptic_core::input::topics_file::parse_topics;

/// Run `synoptic` with `args` in `dir`, standard input closed, `NO_COLOR` unset.
pub fn synoptic(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// Run `synoptic` with `args` in `dir`, with `input` on its standard input.
pub fn synoptic_with_stdin(args: &[&str], dir: &Path, input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A reader that refuses its input closes the pipe: that is its answer, not a failure.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

/// Files in `dir` whose names mark them as temporary (`tempfile`'s `.tmp…`).
pub fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Draw the reader at its own size and return every cell's symbol, row after row.
pub fn screen_cells(app: &App) -> String {
    let backend = ratatui::backend::TestBackend::new(app.size.0, app.size.1);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|f| synoptic::tui::widgets::render::render(app, f))
        .unwrap();
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

/// The embedded seed articles aligned to their embedded topics.
pub fn seeds() -> Synopsis {
    let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
    Synopsis::build(load_embedded().articles, &topics.topics)
}
