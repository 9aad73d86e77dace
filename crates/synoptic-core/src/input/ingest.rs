//! Reading articles: files, directories, standard input and the embedded default set.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::input::kinds::classify;
use crate::input::read::{ReadProblem, read_limited};
use crate::input::segment::{SplitArticle, heading_marks, split_article, split_markdown};
use crate::input::source_text::{is_markdown_source, source_text};
use crate::input::twins::twins_of_earlier;
use crate::input::walk::{Step, steps};
use crate::input::web::page_file::{is_page_name, page_stem};
use crate::lang::text::detect_language;
use crate::model::article::{Article, Kind, Paragraph};
use crate::parallel::map;

/// The seed articles shipped in `assets/articles/`, compiled in.
pub const EMBEDDED_ARTICLES: &[(&str, &[u8])] = &[
    (
        "000_7b3d063b421ca323.txt",
        include_bytes!("../../../../assets/articles/000_7b3d063b421ca323.txt"),
    ),
    (
        "001_97da47a4a20eaa1d.txt",
        include_bytes!("../../../../assets/articles/001_97da47a4a20eaa1d.txt"),
    ),
    (
        "002_f9e9ee3849f232d6.txt",
        include_bytes!("../../../../assets/articles/002_f9e9ee3849f232d6.txt"),
    ),
    (
        "003_9f4bc14a37e2f9a6.txt",
        include_bytes!("../../../../assets/articles/003_9f4bc14a37e2f9a6.txt"),
    ),
    (
        "004_ee3248badf40cdc2.txt",
        include_bytes!("../../../../assets/articles/004_ee3248badf40cdc2.txt"),
    ),
];

/// The default topics shipped in `assets/topics.toml`, compiled in.
pub const EMBEDDED_TOPICS: &str = include_str!("../../../../assets/topics.toml");

/// Why reading failed as a whole (one bad file only gives a `Notice`).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(
        "no readable articles in {place}{detail}; give .txt, .md or .html files, or a directory holding them"
    )]
    NoArticles { place: String, detail: String },
}

/// Something the user should know about a file that did not stop the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The bytes of one article before decoding, with the name it will be known by.
struct Source {
    name: String,
    path: String,
    bytes: Vec<u8>,
}

/// Articles read, with what was noticed on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub notices: Vec<Notice>,
}

/// Read the embedded seed articles.
pub fn load_embedded() -> Loaded {
    let sources = EMBEDDED_ARTICLES.iter().map(|(name, bytes)| Source {
        name: (*name).to_owned(),
        path: format!("assets/articles/{name}"),
        bytes: bytes.to_vec(),
    });
    build(sources.collect(), Vec::new())
}

/// Read one article given as bytes (standard input read by the caller).
pub fn load_bytes(name: &str, path: &str, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    let source = Source {
        name: name.to_owned(),
        path: path.to_owned(),
        bytes,
    };
    require_articles(build(vec![source], Vec::new()), path.to_owned())
}

/// Read articles from files and directories; `-` is standard input.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let steps = steps(paths, MAX_ARTICLE_BYTES);
    // Reading one file needs nothing of the others: on all cores, in order.
    let read = map(&steps, 32, |step| match step {
        Step::File(path) => Some(read_limited(path, MAX_ARTICLE_BYTES)),
        _ => None,
    });
    let mut notices = Vec::new();
    let mut sources = Vec::new();
    for (step, read) in steps.into_iter().zip(read) {
        match (step, read) {
            (Step::File(path), read) => {
                // Read above for every file; reading it here is only what that would give.
                let read = read.unwrap_or_else(|| read_limited(&path, MAX_ARTICLE_BYTES));
                take_file(&path, read, &mut sources, &mut notices);
            }
            (Step::Stdin(Ok(bytes)), _) => sources.push(Source {
                name: "stdin".into(),
                path: "-".into(),
                bytes,
            }),
            (Step::Stdin(Err(problem)), _) => notices.push(Notice {
                path: "standard input".into(),
                message: format!("{problem}; skipped"),
            }),
            (Step::Skipped { path, why }, _) => notices.push(Notice { path, message: why }),
        }
    }
    let place = paths
        .iter()
        .map(|p| match p.to_str() {
            Some("-") => "standard input".to_owned(),
            _ => p.display().to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    require_articles(build(sources, notices), place)
}

/// Zero readable articles is an error that carries every notice, so the user sees why.
fn require_articles(loaded: Loaded, place: String) -> Result<Loaded, LoadError> {
    if !loaded.articles.is_empty() {
        return Ok(loaded);
    }
    let detail = if loaded.notices.is_empty() {
        String::new()
    } else {
        let notices: Vec<String> = loaded.notices.iter().map(Notice::to_string).collect();
        format!(" ({})", notices.join("; "))
    };
    Err(LoadError::NoArticles { place, detail })
}

/// Larger files are not news articles (or would need gigabytes once tokenised): skipped.
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// A file's bytes become a source, or why they could not be read a notice.
fn take_file(
    path: &Path,
    read: Result<Vec<u8>, ReadProblem>,
    sources: &mut Vec<Source>,
    notices: &mut Vec<Notice>,
) {
    let shown = path.display().to_string();
    match read {
        Ok(bytes) => sources.push(Source {
            name: path
                .file_name()
                .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned()),
            path: shown,
            bytes,
        }),
        Err(problem) => notices.push(Notice {
            path: shown,
            message: format!("{problem}; skipped"),
        }),
    }
}

/// Decode, segment and classify each source; give every article a unique id.
fn build(sources: Vec<Source>, mut notices: Vec<Notice>) -> Loaded {
    let mut articles = Vec::new();
    let mut ids = HashSet::new();
    // Decoding one source needs nothing of the others: on all cores, in order.
    let decoded = map(&sources, 8, |source| {
        source_text(&source.name, &source.bytes)
    });
    for (source, decoded) in sources.into_iter().zip(decoded) {
        let text = match decoded {
            Ok((text, note)) => {
                notices.extend(note.map(|message| Notice {
                    path: source.path.clone(),
                    message,
                }));
                text
            }
            Err(message) => {
                notices.push(Notice {
                    path: source.path,
                    message,
                });
                continue;
            }
        };
        let id = unique_id(&source, &mut ids);
        articles.push((id, source.path, text));
    }
    let articles = articles_from_texts(&articles);
    notices.extend(twin_notices(&articles));
    Loaded { articles, notices }
}

/// A story read twice word for word counts twice in every comparison: the user should know.
fn twin_notices(articles: &[Article]) -> impl Iterator<Item = Notice> + '_ {
    twins_of_earlier(articles).into_iter().map(|twin| {
        let earlier = &articles[twin.earlier].path;
        let how = if twin.whole {
            format!("the same story as {earlier}, paragraph for paragraph")
        } else {
            format!(
                "much the same story as {earlier}: {} of its {} paragraphs word for word",
                twin.shared, twin.paragraphs
            )
        };
        Notice {
            path: articles[twin.later].path.clone(),
            message: format!("{how}; both are read as sources (leave one out if it is a copy)"),
        }
    })
}

/// Build many articles from (id, path, text), on all cores; the order is kept.
pub fn articles_from_texts(items: &[(String, String, String)]) -> Vec<Article> {
    map(items, 8, |(id, path, text)| {
        article_from_text(id.clone(), path.clone(), text)
    })
}

fn unique_id(source: &Source, taken: &mut HashSet<String>) -> String {
    let stem = if is_page_name(&source.name) {
        page_stem(&source.name).to_owned()
    } else {
        Path::new(&source.name)
            .file_stem()
            .map_or_else(|| source.name.clone(), |s| s.to_string_lossy().into_owned())
    };
    let parent = Path::new(&source.path)
        .parent()
        .and_then(|p| p.file_name())
        .map(|p| p.to_string_lossy().into_owned());
    let mut candidates = vec![stem.clone()];
    if let Some(parent) = parent {
        candidates.push(format!("{parent}_{stem}"));
    }
    let chosen = candidates
        .into_iter()
        .find(|c| !taken.contains(c))
        .unwrap_or_else(|| {
            (2..)
                .map(|n| format!("{stem}-{n}"))
                .find(|c| !taken.contains(c))
                .unwrap_or(stem)
        });
    taken.insert(chosen.clone());
    chosen
}

/// Build one article from decoded text.
pub fn article_from_text(id: String, path: String, text: &str) -> Article {
    let markdown = is_markdown_source(&path);
    let SplitArticle {
        mut meta,
        paragraphs: mut texts,
    } = if markdown {
        split_markdown(text)
    } else {
        split_article(text)
    };
    let language = detect_language(text);
    // A Markdown heading is one whatever its shape; its marks are not its words.
    let mut marked = vec![false; texts.len()];
    if markdown {
        for (text, marked) in texts.iter_mut().zip(&mut marked) {
            let marks = heading_marks(text);
            *marked = marks > 0;
            let words = marks + text[marks..].len() - text[marks..].trim_start().len();
            text.drain(..words);
        }
    }
    let mut kinds = classify(&texts);
    for (kind, _) in kinds.iter_mut().zip(&marked).filter(|(_, m)| **m) {
        *kind = Kind::Heading;
    }
    let paragraphs: Vec<Paragraph> = texts
        .into_iter()
        .zip(kinds)
        .enumerate()
        .map(|(i, (text, kind))| Paragraph::new(i, kind, text, language))
        .collect();
    if meta.title.is_none() {
        meta.title = guess_title(&paragraphs);
    }
    Article {
        id,
        path,
        meta,
        language,
        paragraphs,
    }
}

/// The first heading near the top with a few words ("Politique" is a section, not a title).
fn guess_title(paragraphs: &[Paragraph]) -> Option<String> {
    let top = paragraphs
        .iter()
        .take(3)
        .take_while(|p| p.kind != Kind::Body);
    let headings: Vec<&Paragraph> = top.filter(|p| p.kind == Kind::Heading).collect();
    headings
        .iter()
        .find(|p| p.text.split_whitespace().count() >= 3)
        .or(headings.first())
        .map(|p| p.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Kind;

    #[test]
    fn embedded_articles_load_with_ids_and_kinds() {
        let loaded = load_embedded();
        assert_eq!(loaded.articles.len(), 5);
        assert!(loaded.notices.is_empty());
        let a = &loaded.articles[2];
        assert_eq!(a.id, "002_f9e9ee3849f232d6");
        assert_eq!(a.path, "assets/articles/002_f9e9ee3849f232d6.txt");
        assert_eq!(a.paragraphs[0].kind, Kind::Heading);
        assert!(
            a.meta
                .title
                .as_deref()
                .unwrap_or("")
                .starts_with("Événement")
        );
        assert_eq!(loaded.articles[1].meta.date.as_deref(), Some("2024-08"));
    }

    #[test]
    fn bytes_given_alone_are_one_article_or_an_error_naming_where_they_came_from() {
        let loaded = load_bytes("stdin", "-", b"Un article venu d'un tube.\n".to_vec()).unwrap();
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.articles[0].id, "stdin");
        assert_eq!(
            loaded.articles[0].paragraphs[0].text,
            "Un article venu d'un tube."
        );
        let err = load_bytes("stdin", "-", b" \n".to_vec()).unwrap_err();
        assert!(
            err.to_string().starts_with("no readable articles in -"),
            "{err}"
        );
    }

    #[test]
    fn a_notice_names_its_file_first() {
        let notice = Notice {
            path: "a/b.txt".into(),
            message: "empty; skipped".into(),
        };
        assert_eq!(notice.to_string(), "a/b.txt: empty; skipped");
    }

    #[test]
    fn same_stem_in_two_directories_gets_distinct_ids() {
        let mut taken = HashSet::new();
        let src = |path: &str| Source {
            name: "a.txt".into(),
            path: path.into(),
            bytes: vec![],
        };
        assert_eq!(unique_id(&src("x/a.txt"), &mut taken), "a");
        assert_eq!(unique_id(&src("y/a.txt"), &mut taken), "y_a");
        assert_eq!(unique_id(&src("y/a.txt"), &mut taken), "a-2");
    }

    #[test]
    fn a_markdown_heading_is_a_heading_without_its_marks_and_a_text_line_stays_as_written() {
        let text = "# Titre court\n\n\
                    ## Une longue phrase qui finit par un point et serait un paragraphe.\n\n\
                    Le texte de l'article, qui est long assez pour en être un.\n";
        let kinds_and_texts = |path: &str| -> Vec<(Kind, String)> {
            article_from_text("a".into(), path.into(), text)
                .paragraphs
                .into_iter()
                .map(|p| (p.kind, p.text))
                .collect()
        };
        assert_eq!(
            kinds_and_texts("a.md"),
            [
                (Kind::Heading, "Titre court".to_owned()),
                (
                    Kind::Heading,
                    "Une longue phrase qui finit par un point et serait un paragraphe.".to_owned()
                ),
                (
                    Kind::Body,
                    "Le texte de l'article, qui est long assez pour en être un.".to_owned()
                ),
            ]
        );
        let as_text = kinds_and_texts("a.txt");
        assert_eq!(as_text[0].1, "# Titre court");
        assert_eq!(
            as_text[1].0,
            Kind::Body,
            "in a text file, # is the writer's"
        );
    }

    #[test]
    fn a_story_read_twice_is_named_with_the_file_it_repeats() {
        let story = "Le sommet a été annulé lundi par Pékin.\n\n\
                     Les ministres se retrouveront en janvier à Lyon.\n\n\
                     La Chine reproche au président sa rencontre.\n";
        let articles = [
            article_from_text("a".into(), "x/a.txt".into(), story),
            article_from_text("b".into(), "x/b.txt".into(), story),
        ];
        let notices: Vec<String> = twin_notices(&articles).map(|n| n.to_string()).collect();
        assert_eq!(
            notices,
            [
                "x/b.txt: the same story as x/a.txt, paragraph for paragraph; both are read as \
              sources (leave one out if it is a copy)"
            ]
        );
    }
}
