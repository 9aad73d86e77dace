//! Which files of a folder are articles: text, Markdown and saved web pages, less notes about
//! the corpus and the pages kept beside the Markdown made from them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::input::web::page_file::{is_page_name, page_stem};

/// Files in a directory that describe a corpus rather than report on the event.
const CORPUS_NOTES: &[&str] = &["readme", "source", "sources", "license", "licence", "notes"];

pub fn is_article_file(path: &Path) -> bool {
    let text = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    text || is_markdown_file(path) || is_page_name(name(path))
}

/// A Markdown file: `.md` or `.markdown`, in any case.
pub fn is_markdown_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

pub fn is_corpus_note(path: &Path) -> bool {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    CORPUS_NOTES.contains(&stem.to_lowercase().as_str())
}

/// The saved pages among `paths` that have a `.md` of the same name beside them: the page
/// `synoptic fetch` keeps next to the article it made, which is read instead.
pub fn pages_with_markdown(paths: &[PathBuf]) -> HashSet<PathBuf> {
    let markdown: HashSet<(Option<&Path>, &str)> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md")))
        .filter_map(|p| Some((p.parent(), p.file_stem()?.to_str()?)))
        .collect();
    paths
        .iter()
        .filter(|p| is_page_name(name(p)) && markdown.contains(&(p.parent(), page_stem(name(p)))))
        .cloned()
        .collect()
}

fn name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_beside_its_markdown_is_left_to_it() {
        let paths: Vec<PathBuf> = [
            "d/01_a.md",
            "d/01_a.html",
            "d/02_b.html.gz",
            "e/02_b.md",
            "d/03_c.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let twins = pages_with_markdown(&paths);
        assert_eq!(twins, HashSet::from([PathBuf::from("d/01_a.html")]));
        assert!(paths.iter().all(|p| is_article_file(p)));
        assert!(!is_article_file(Path::new("d/x.pdf")));
        assert!(is_article_file(Path::new("d/x.markdown")));
        assert!(is_article_file(Path::new("d/x.MD")));
    }
}
