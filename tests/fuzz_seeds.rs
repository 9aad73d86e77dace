//! The fuzz targets' properties, run over their seed corpora as ordinary tests: every target's
//! code builds with the library it fuzzes, so an API change breaks `cargo test`, and the seeds
//! (the embedded articles and topics, and odd but valid inputs in `fuzz/seeds/`) hold today.

#[path = "../fuzz/checks/edit_topics.rs"]
mod edit_topics;
#[path = "../fuzz/checks/extract_page.rs"]
mod extract_page;
#[path = "../fuzz/checks/parse_topics.rs"]
mod parse_topics;
#[path = "../fuzz/checks/read_article.rs"]
mod read_article;

use std::path::{Path, PathBuf};

/// The files of the folders `dirs` (relative to the repository), sorted, none missing.
fn seeds(dirs: &[&str]) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{dir} has no seed");
        out.extend(files.into_iter().map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        }));
    }
    out
}

/// Run `check` on every seed, naming the seed that fails.
fn run_all(dirs: &[&str], check: fn(&[u8])) {
    for (path, bytes) in seeds(dirs) {
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(
            outcome.is_ok(),
            "seed {} fails the property",
            path.display()
        );
    }
}

#[test]
fn read_article_holds_on_its_seeds() {
    run_all(
        &["assets/articles", "fuzz/seeds/read_article"],
        read_article::check,
    );
}

#[test]
fn parse_topics_holds_on_its_seeds() {
    run_all(&["assets", "fuzz/seeds/topics"], parse_topics::check);
}

#[test]
fn the_corrections_writer_holds_on_its_seeds() {
    run_all(&["assets", "fuzz/seeds/topics"], edit_topics::check);
}

#[test]
fn extract_page_holds_on_its_seeds() {
    run_all(
        &["tests/fixtures/pages", "fuzz/seeds/read_article"],
        extract_page::check,
    );
}

#[test]
fn the_seeds_are_the_forms_the_writer_must_edit() {
    // The seeds exist to reach the writer's branches: most must load, one must be refused.
    let loaded = seeds(&["fuzz/seeds/topics"])
        .iter()
        .filter(|(_, b)| {
            let text = String::from_utf8_lossy(b);
            synoptic_core::input::topics_file::parse_topics("t.toml", &text).is_ok()
        })
        .count();
    assert_eq!(
        loaded, 5,
        "five odd but valid files and one the reader refuses"
    );
}
