//! The architecture, checked by structure: which folder may import which, no import cycle
//! between modules, no re-export hub, and each file says what it owns. Cargo already keeps the
//! terminal out of the core (`synoptic-core` does not depend on it); these rules keep the
//! arrows inside each crate running one way.
//!
//! Test code (`#[cfg(test)]` sections, `tests*.rs`, `*_tests.rs`, `fixtures.rs`) may import any
//! layer to build what it checks, and is left out of the arrows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core's folders in pipeline order: each imports only the ones before it.
const CORE_ORDER: &[&str] = &[
    "parallel",
    "lang",
    "model",
    "input",
    "alignment",
    "compare",
    "output",
];

/// The reader's folders, in the same sense.
const TUI_ORDER: &[&str] = &[
    "layout", "keys", "config", "effects", "state", "widgets", "terminal",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

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

fn is_test_file(path: &Path) -> bool {
    let name = path.file_stem().unwrap().to_string_lossy();
    name == "fixtures" || name.starts_with("tests") || name.ends_with("_tests")
}

/// The code of a file that counts for the arrows: comments dropped, test sections cut off.
fn production_code(text: &str) -> String {
    let cut = text.find("#[cfg(test)]").unwrap_or(text.len());
    text[..cut]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A source file's module path inside its crate: `src/tui/state/app.rs` -> `tui::state::app`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts.join("::")
}

/// The modules of one crate that production code in each module imports through `crate::`
/// paths, each resolved to the longest module prefix that is a file of the crate.
fn crate_imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files: Vec<PathBuf> = sources(src)
        .into_iter()
        .filter(|p| !is_test_file(p))
        .collect();
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(src, f)).collect();
    let mut imports = BTreeMap::new();
    for file in &files {
        let from = module_of(src, file);
        let code = production_code(&std::fs::read_to_string(file).unwrap());
        let mut to = BTreeSet::new();
        for (at, _) in code.match_indices("crate::") {
            let path: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let target = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("::"))
                .find(|m| modules.contains(m));
            if let Some(target) = target.filter(|t| *t != from) {
                to.insert(target);
            }
        }
        imports.insert(from, to);
    }
    imports
}

/// The folder a module sits in under `prefix` (`tui::state::app` under `tui` -> `state`).
fn folder<'m>(module: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = if prefix.is_empty() {
        module
    } else {
        module.strip_prefix(prefix)?.strip_prefix("::")?
    };
    rest.split("::").next().filter(|f| !f.is_empty())
}

/// Imports that run against `order`: a module importing a folder listed after its own.
fn backward_arrows(
    imports: &BTreeMap<String, BTreeSet<String>>,
    prefix: &str,
    order: &[&str],
) -> Vec<String> {
    let rank = |m: &str| folder(m, prefix).and_then(|f| order.iter().position(|o| *o == f));
    let mut wrong = Vec::new();
    for (from, targets) in imports {
        for to in targets {
            if let (Some(a), Some(b)) = (rank(from), rank(to))
                && b > a
            {
                wrong.push(format!("{from} imports {to}"));
            }
        }
    }
    wrong
}

/// One cycle among the imports, if there is any, as the modules along it.
fn a_cycle(imports: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut cycle = path[at..].to_vec();
            cycle.push(m.to_owned());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_owned());
        for next in imports.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(next, imports, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    imports
        .keys()
        .find_map(|m| visit(m, imports, &mut Vec::new(), &mut done))
}

fn core_src() -> PathBuf {
    root().join("crates/synoptic-core/src")
}

fn app_src() -> PathBuf {
    root().join("src")
}

#[test]
fn the_core_folders_import_only_the_folders_before_them() {
    let imports = crate_imports(&core_src());
    for folder in CORE_ORDER {
        assert!(imports.contains_key(*folder), "no core folder {folder}");
    }
    let wrong = backward_arrows(&imports, "", CORE_ORDER);
    assert!(wrong.is_empty(), "against the pipeline: {wrong:#?}");
}

#[test]
fn the_reader_folders_import_only_the_folders_before_them() {
    let imports = crate_imports(&app_src());
    for folder in TUI_ORDER {
        assert!(
            imports.contains_key(&format!("tui::{folder}")),
            "no folder tui/{folder}"
        );
    }
    let wrong = backward_arrows(&imports, "tui", TUI_ORDER);
    assert!(wrong.is_empty(), "against the reader's layers: {wrong:#?}");
}

#[test]
fn no_module_imports_itself_through_others() {
    for src in [core_src(), app_src()] {
        let cycle = a_cycle(&crate_imports(&src));
        assert_eq!(cycle, None, "an import cycle in {}", src.display());
    }
}

#[test]
fn the_reader_and_the_core_import_nothing_from_the_command_line() {
    let imports = crate_imports(&app_src());
    for (from, to) in &imports {
        if from.starts_with("tui") {
            assert!(
                to.iter().all(|t| !t.starts_with("cli")),
                "{from} imports {to:?}"
            );
        }
    }
    let manifest = std::fs::read_to_string(root().join("crates/synoptic-core/Cargo.toml")).unwrap();
    for lib in ["ratatui", "crossterm", "clap", "synoptic ", "synoptic="] {
        assert!(
            !manifest.contains(&format!("\n{lib}")),
            "the core depends on {lib}"
        );
    }
}

/// `pub use` of another module's items makes one item answer to two paths and hides the
/// arrow; a folder may only show what its own files define.
#[test]
fn nothing_is_re_exported_from_another_module() {
    for src in [core_src(), app_src()] {
        for file in sources(&src) {
            let code = production_code(&std::fs::read_to_string(&file).unwrap());
            for line in code.lines().map(str::trim_start) {
                let reexport = line.starts_with("pub use ") || line.starts_with("pub(crate) use ");
                let foreign = ["crate::", "super::", "synoptic"]
                    .iter()
                    .any(|p| line.contains(p));
                assert!(!(reexport && foreign), "{}: {line}", file.display());
            }
        }
    }
}

#[test]
fn colour_is_the_writers_concern_the_core_writes_no_escape_sequence() {
    for file in sources(&core_src()) {
        let code = production_code(&std::fs::read_to_string(&file).unwrap());
        assert!(!code.contains("\\x1b["), "{}", file.display());
    }
}

#[test]
fn every_source_file_says_what_it_owns() {
    for src in [
        core_src(),
        app_src(),
        root().join("tests"),
        root().join("benches"),
    ] {
        for file in sources(&src) {
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(
                text.starts_with("//!"),
                "{} has no //! line",
                file.display()
            );
        }
    }
}

#[test]
fn the_rules_see_a_backward_arrow_and_a_cycle() {
    let imports: BTreeMap<String, BTreeSet<String>> = [
        ("model::a", vec!["input::b"]),
        ("input::b", vec!["model::a"]),
        ("input::c", vec!["model::a"]),
    ]
    .into_iter()
    .map(|(m, to)| (m.to_owned(), to.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(
        backward_arrows(&imports, "", CORE_ORDER),
        ["model::a imports input::b"]
    );
    assert_eq!(
        a_cycle(&imports),
        Some(vec![
            "input::b".into(),
            "model::a".into(),
            "input::b".into()
        ])
    );
    assert_eq!(
        module_of(Path::new("src"), Path::new("src/tui/mod.rs")),
        "tui"
    );
}
