//! The architecture, checked: the core knows nothing of the terminal, the reader nothing of
//! the command line, and every source file stays small and says what it owns.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src(sub: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(sub);
    sources(&root)
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// Lines of code that mention `needle`, comments left out.
fn mentions(text: &str, needle: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with("//"))
        .any(|l| l.contains(needle))
}

#[test]
fn the_core_imports_no_terminal_library() {
    for (path, text) in src("core") {
        for lib in ["ratatui", "crossterm"] {
            assert!(!mentions(&text, lib), "{} uses {lib}", path.display());
        }
    }
}

#[test]
fn the_reader_and_the_core_import_nothing_from_the_command_line() {
    for (path, text) in src("tui").into_iter().chain(src("core")) {
        assert!(
            !mentions(&text, "crate::cli"),
            "{} imports the command line",
            path.display()
        );
    }
}

#[test]
fn colour_is_the_writers_concern_the_core_writes_no_escape_sequence() {
    for (path, text) in src("core") {
        assert!(
            !mentions(&text, "\\x1b["),
            "{} writes an escape sequence",
            path.display()
        );
    }
}

#[test]
fn the_view_is_laid_out_from_its_shape_not_from_the_app() {
    let view =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/view.rs"))
            .unwrap();
    assert!(!mentions(&view, "super::app"), "view.rs imports app.rs");
}

#[test]
fn discovery_does_not_import_alignment_which_calls_it() {
    for (path, text) in src("core/alignment") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if ["discover.rs", "passages.rs", "community.rs", "describe.rs"].contains(&name.as_str()) {
            assert!(
                !mentions(&text, "core::align::") && !mentions(&text, "core::align;"),
                "{} imports align, which imports discovery",
                path.display()
            );
        }
    }
}

#[test]
fn the_core_folders_follow_the_pipeline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    for folder in ["input", "lang", "model", "alignment", "compare", "output"] {
        assert!(
            root.join(folder).join("mod.rs").is_file(),
            "src/core/{folder}/mod.rs"
        );
    }
    let loose: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("mod.rs"))
        .collect();
    assert!(loose.is_empty(), "files outside the folders: {loose:?}");
}

#[test]
fn every_source_file_is_small_and_says_what_it_owns() {
    for (path, text) in src("") {
        assert!(
            text.starts_with("//!"),
            "{} has no //! line",
            path.display()
        );
        let lines = text.lines().count();
        assert!(lines < 400, "{} has {lines} lines", path.display());
    }
}

/// The name of the function a line opens, if it opens one (as rustfmt lays them out).
fn opens_function(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "unsafe ",
        "async ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let name = rest.strip_prefix("fn ")?;
    Some(name.split(['(', '<']).next().unwrap_or(name))
}

/// Functions and their length in lines, from the line that opens each to its closing brace at
/// the same indentation. A declaration without a body (in a trait) is skipped.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = opens_function(line) else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let close = format!("{indent}}}");
        if let Some(end) = lines[i..].iter().position(|l| *l == close) {
            out.push((name.to_owned(), end + 1));
        }
    }
    out
}

#[test]
fn every_function_is_under_sixty_lines() {
    let lengths = function_lengths("fn short() {\n    1\n}\n\nfn f<T>(x: T) -> T {\n    x\n}\n");
    assert_eq!(lengths, [("short".to_owned(), 3), ("f".to_owned(), 3)]);
    for (path, text) in src("") {
        for (name, length) in function_lengths(&text) {
            assert!(
                length < 60,
                "{}: fn {name} has {length} lines",
                path.display()
            );
        }
    }
}
