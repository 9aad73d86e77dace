//! Passages taken out of the reader: one paragraph with its source and date, or parallel
//! passages as a Markdown table with one column per source. The text is neutralised: no
//! control character or escape sequence of an article gets through.

use crate::model::article::Article;
use crate::output::sanitize::for_terminal;

/// How a source is named under a passage: the outlet, else the title, else the id, with the
/// date when known.
fn source_line(article: &Article) -> String {
    let name = for_terminal(&article.display_name()).into_owned();
    match &article.meta.date {
        Some(date) => format!("{name}, {}", for_terminal(date)),
        None => name,
    }
}

/// Paragraph `paragraph` of `article`, then a line naming its source and date.
pub fn passage(article: &Article, paragraph: usize) -> Option<String> {
    let p = article.paragraphs.get(paragraph)?;
    Some(format!(
        "{}\n— {}\n",
        for_terminal(p.text.trim()),
        source_line(article)
    ))
}

/// A Markdown table cell: pipes escaped, so the article's own `|` cannot open a column.
fn cell(text: &str) -> String {
    for_terminal(text.trim())
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

/// Parallel passages as a Markdown table: a header of sources (with dates), one row of their
/// passages (`None`: the source has no passage in this row).
pub fn markdown_row(columns: &[(&Article, Option<usize>)]) -> String {
    let header: Vec<String> = columns.iter().map(|(a, _)| cell(&source_line(a))).collect();
    let rule: Vec<&str> = columns.iter().map(|_| "---").collect();
    let row: Vec<String> = columns
        .iter()
        .map(|(a, p)| {
            p.and_then(|p| a.paragraphs.get(p))
                .map(|p| cell(&p.text))
                .unwrap_or_default()
        })
        .collect();
    format!(
        "| {} |\n| {} |\n| {} |\n",
        header.join(" | "),
        rule.join(" | "),
        row.join(" | ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ingest::article_from_text;

    fn article(id: &str, text: &str, date: Option<&str>) -> Article {
        let mut a = article_from_text(id.into(), format!("{id}.txt"), text);
        a.meta.outlet = Some(format!("Outlet {id}"));
        a.meta.date = date.map(str::to_owned);
        a
    }

    #[test]
    fn a_passage_names_its_source_and_date_and_carries_no_escape() {
        let a = article(
            "a",
            "Title\n\nThe vote \u{1b}[31mpassed\u{7} at noon.",
            Some("2024-08-13"),
        );
        let got = passage(&a, 1).unwrap();
        assert_eq!(
            got,
            "The vote \u{241b}[31mpassed\u{2407} at noon.\n— Outlet a, 2024-08-13\n"
        );
        assert!(passage(&a, 9).is_none());
    }

    #[test]
    fn a_row_is_a_markdown_table_with_one_column_per_source() {
        let a = article("a", "Title\n\nSaid [I | hope] so.", None);
        let b = article("b", "Title\n\nOther words.", Some("13 août"));
        let got = markdown_row(&[(&a, Some(1)), (&b, None)]);
        assert_eq!(
            got,
            "| Outlet a | Outlet b, 13 août |\n| --- | --- |\n| Said [I \\| hope] so. |  |\n"
        );
    }
}
