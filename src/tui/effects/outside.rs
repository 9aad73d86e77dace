//! The clipboard and the pager: what the event loop does with `Request::Copy` and
//! `Request::Pager`.

use std::io::Write;
use std::process::{Command, Stdio};

use ratatui::crossterm::Command as _;
use ratatui::crossterm::clipboard::CopyToClipboard;

/// Terminals cut OSC 52 payloads at about 100 kB; a longer copy would arrive truncated.
pub const COPY_LIMIT: usize = 74_000;

/// The OSC 52 sequence that puts `text` on the system clipboard (crossterm's). Only base64
/// follows the introducer, so nothing in the text can end the sequence early.
pub fn osc52(text: &str) -> String {
    let mut sequence = String::new();
    // Writing to a String cannot fail.
    let _ = CopyToClipboard::to_clipboard_from(text).write_ansi(&mut sequence);
    sequence
}

/// The pager the user chose: `$PAGER`, else `less`.
pub fn pager_command() -> String {
    std::env::var("PAGER")
        .ok()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "less".into())
}

/// Run `command` through the shell (so "less -R" works) with `text` on its standard input,
/// and wait for it. The caller has given the terminal back first.
pub fn run_pager(command: &str, text: &str) -> std::io::Result<std::process::ExitStatus> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // A pager quit before reading everything closes the pipe: that is not an error.
        let _ = stdin.write_all(text.as_bytes());
    }
    child.wait()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64_only() {
        let seq = osc52("a\u{7}b\u{1b}\\");
        assert_eq!(seq, "\u{1b}]52;c;YQdiG1w=\u{1b}\\");
        assert_eq!(
            seq.matches('\u{1b}').count(),
            2,
            "the introducer and the end only"
        );
    }

    #[test]
    fn the_pager_gets_the_text_on_its_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("seen");
        let command = format!("cat > '{}'", out.display());
        assert!(run_pager(&command, "hello\n").unwrap().success());
        assert_eq!(std::fs::read_to_string(out).unwrap(), "hello\n");
    }
}
