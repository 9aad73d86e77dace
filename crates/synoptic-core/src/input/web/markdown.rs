//! A page's article as the Markdown synoptic reads: a front-matter block (`title`, `outlet`,
//! `date`, `author`, `url`, those the page gives), then subheads as `##` and paragraphs.

use super::extract::{Block, Page};
use crate::input::markdown::escape_paragraph;
use crate::input::segment::split_article;
use crate::model::article::Metadata;

/// The Markdown of `page`.
pub fn page_markdown(page: &Page) -> String {
    let m = &page.meta;
    let fields = [
        ("title", &m.title),
        ("outlet", &m.outlet),
        ("date", &m.date),
        ("author", &m.author),
        ("url", &m.url),
    ];
    let known: Vec<String> = fields
        .iter()
        .filter_map(|(key, value)| value.as_ref().map(|v| format!("{key}: {v}\n")))
        .collect();
    let mut body = String::new();
    for block in &page.blocks {
        match block {
            Block::Heading(text) => {
                body.push_str(&format!("\n## {}\n", escape_paragraph(text)));
            }
            Block::Paragraph(text) => body.push_str(&format!("\n{}\n", escape_paragraph(text))),
        }
    }
    // A first paragraph such as "Title: …" or "Date 2024-08-12 …" would be read back as
    // metadata; after a front-matter block, even an empty one, it is text.
    if known.is_empty() && split_article(&body).meta == Metadata::default() {
        body
    } else {
        format!("---\n{}---\n{body}", known.concat())
    }
}

/// A file name stem for the page: `NN_outlet-slug`, lowercase ASCII letters and digits in
/// words joined by '-', at most a few words of the title.
pub fn article_stem(number: usize, page: &Page) -> String {
    let outlet = page.meta.outlet.as_deref().map(slug).unwrap_or_default();
    let title = page.meta.title.as_deref().map(slug).unwrap_or_default();
    let title: Vec<&str> = title.split('-').filter(|w| !w.is_empty()).take(6).collect();
    let name = [outlet.as_str(), &title.join("-")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    let name = if name.is_empty() {
        "page".to_owned()
    } else {
        name
    };
    format!("{number:02}_{name}")
}

/// `text` in lowercase ASCII words joined by '-': accents dropped, anything else a break.
fn slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = text
        .nfd()
        .filter(char::is_ascii)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ingest::article_from_text;
    use crate::input::markdown::markdown_text;
    use crate::input::web::extract::PageMeta;
    use crate::model::article::Kind;

    fn page() -> Page {
        Page {
            meta: PageMeta {
                title: Some("Élysée : le « sommet » reporté".into()),
                outlet: Some("Le Monde".into()),
                date: Some("2024-08-12".into()),
                author: None,
                url: Some("https://example.org/a".into()),
            },
            blocks: vec![
                Block::Paragraph(
                    "Le chef de l'État a reporté le sommet prévu lundi, a annoncé l'Élysée. \
                     La date n'est pas fixée, selon son entourage."
                        .into(),
                ),
                Block::Heading("Une décision attendue".into()),
                Block::Paragraph("Les ministres en avaient parlé la veille.".into()),
            ],
        }
    }

    #[test]
    fn the_markdown_reads_back_as_the_article() {
        let text = page_markdown(&page());
        let text = markdown_text(&text);
        assert!(text.starts_with("---\ntitle: Élysée : le « sommet » reporté\noutlet: Le Monde\ndate: 2024-08-12\nurl: https://example.org/a\n---\n"), "{text}");
        let article = article_from_text("a".into(), "a.md".into(), &text);
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Élysée : le « sommet » reporté")
        );
        assert_eq!(article.meta.outlet.as_deref(), Some("Le Monde"));
        assert_eq!(article.meta.date.as_deref(), Some("2024-08-12"));
        let kinds: Vec<Kind> = article.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Kind::Body, Kind::Heading, Kind::Body]);
        assert_eq!(
            article.paragraphs[2].text,
            "Les ministres en avaient parlé la veille."
        );
    }

    #[test]
    fn the_stem_names_outlet_and_title_in_plain_words() {
        assert_eq!(
            article_stem(3, &page()),
            "03_le-monde_elysee-le-sommet-reporte"
        );
        assert_eq!(article_stem(12, &Page::default()), "12_page");
    }

    #[test]
    fn a_page_that_says_nothing_of_itself_has_no_front_matter() {
        let page = Page {
            blocks: vec![Block::Paragraph("--- un trait, puis du texte".into())],
            ..Page::default()
        };
        assert_eq!(page_markdown(&page), "\n\\--- un trait, puis du texte\n");
    }

    #[test]
    fn a_first_paragraph_that_reads_as_metadata_stays_text() {
        for first in [
            "Title: U.S. The F.B.I. met.",
            "Date 2024-08-12 le sommet a eu lieu.",
        ] {
            let page = Page {
                blocks: vec![Block::Paragraph(first.into())],
                ..Page::default()
            };
            let text = page_markdown(&page);
            assert!(text.starts_with("---\n---\n"), "{text}");
            let text = markdown_text(&text);
            let article = article_from_text("a".into(), "a.md".into(), &text);
            assert_eq!(article.meta.date, None);
            assert_eq!(article.paragraphs.len(), 1, "{text}");
            assert_eq!(article.paragraphs[0].text, first);
        }
    }
}
