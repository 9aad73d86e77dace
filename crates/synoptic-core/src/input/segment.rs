//! From decoded text to metadata and paragraph texts: front matter, inline marks, line breaks.

use crate::model::article::Metadata;

/// Metadata keys recognised in a front-matter block or a header line, and what they fill.
fn meta_field<'m>(meta: &'m mut Metadata, key: &str) -> Option<&'m mut Option<String>> {
    match key.trim().to_lowercase().as_str() {
        "title" | "titre" | "headline" => Some(&mut meta.title),
        "date" | "published" | "publié" | "publie" | "datetime" => Some(&mut meta.date),
        "outlet" | "source" | "media" | "média" | "publisher" | "journal" | "site" => {
            Some(&mut meta.outlet)
        }
        _ => None,
    }
}

/// A decoded article split: its metadata and its paragraph texts, in reading order.
#[derive(Debug)]
pub struct SplitArticle {
    pub meta: Metadata,
    pub paragraphs: Vec<String>,
}

/// Split a decoded article into its metadata and its paragraph texts, in reading order.
pub fn split_article(raw: &str) -> SplitArticle {
    split(raw, Blank::MayJoin)
}

/// The same for text made from Markdown (`input::markdown`), where a blank line parts two
/// blocks the writer made: a list item or a paragraph is never run into the one before.
pub fn split_markdown(raw: &str) -> SplitArticle {
    split(raw, Blank::Parts)
}

/// What a blank line between two lines says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Blank {
    /// A sentence left open may run on after it, in lower case (text cut from a page or a PDF).
    MayJoin,
    /// It parts two paragraphs, always.
    Parts,
}

fn split(raw: &str, blank: Blank) -> SplitArticle {
    let text = lf_line_ends(raw);
    let mut meta = Metadata::default();
    // Metadata comes from a front-matter block or from the lines at the top, not both: after
    // a block, "Title: …" or "Date 2024-08-12 …" is the article's first line.
    let body = if let Some(after_block) = strip_front_matter(&text, &mut meta) {
        after_block
    } else {
        let body = strip_header_lines(&text, &mut meta);
        strip_inline_date(body, &mut meta)
    };
    SplitArticle {
        meta,
        paragraphs: paragraphs(body, blank),
    }
}

/// `raw` with every line ending `\n` (Windows' `\r\n`, old Macs' `\r`).
pub fn lf_line_ends(raw: &str) -> String {
    raw.replace("\r\n", "\n").replace('\r', "\n")
}

/// A `---` fenced block of `key: value` lines at the very top (Markdown front matter): what
/// follows it, or `None` when the text has no such block.
fn strip_front_matter<'t>(text: &'t str, meta: &mut Metadata) -> Option<&'t str> {
    let block = front_matter(text)?;
    for line in block.fields.lines() {
        if let Some((key, value)) = line.split_once(':')
            && let Some(slot) = meta_field(meta, key)
        {
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if !value.is_empty() {
                *slot = Some(value.to_owned());
            }
        }
    }
    Some(block.after)
}

/// A front-matter block at the top of a text with `\n` line ends.
pub struct FrontMatter<'t> {
    /// The text up to the end of the closing `---` line, spaces or a BOM before it included.
    pub block: &'t str,
    /// The lines between the two `---` lines.
    pub fields: &'t str,
    /// What follows the closing line.
    pub after: &'t str,
}

/// The `---` fenced block at the very top of `text`, or `None` when it opens with none.
pub fn front_matter(text: &str) -> Option<FrontMatter<'_>> {
    let start = text.len() - text.trim_start_matches([' ', '\u{feff}']).len();
    let rest = text[start..].strip_prefix("---\n")?;
    // An empty block (`---` twice) closes at once.
    let end = rest
        .starts_with("---")
        .then_some(0)
        .or_else(|| rest.find("\n---").map(|at| at + 1))?;
    let after = rest[end..].split_once('\n').map_or("", |(_, tail)| tail);
    Some(FrontMatter {
        block: &text[..text.len() - after.len()],
        fields: &rest[..end],
        after,
    })
}

/// `Title: …` / `Date: …` / `Source: …` lines at the top, mail-header style.
fn strip_header_lines<'t>(text: &'t str, meta: &mut Metadata) -> &'t str {
    let mut rest = text.trim_start_matches('\n');
    loop {
        let (line, tail) = rest.split_once('\n').unwrap_or((rest, ""));
        let Some((key, value)) = line.split_once(':') else {
            break;
        };
        let value = value.trim();
        if key.contains(' ') || value.is_empty() {
            break;
        }
        let Some(slot) = meta_field(meta, key) else {
            break;
        };
        *slot = Some(value.to_owned());
        rest = tail;
        if tail.is_empty() {
            break;
        }
    }
    rest
}

/// An inline mark such as ` date 2024-08 ` or `Date: 12/08/2024` before the first sentence.
fn strip_inline_date<'t>(text: &'t str, meta: &mut Metadata) -> &'t str {
    let start = text.trim_start();
    let Some(head) = start.get(..4) else {
        return text;
    };
    if !head.eq_ignore_ascii_case("date") {
        return text;
    }
    let after = start[4..].trim_start_matches([' ', ':', '\t']);
    let end = after
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.')))
        .unwrap_or(after.len());
    let token = &after[..end];
    let ends_clean = after[end..].chars().next().is_none_or(char::is_whitespace);
    if !looks_like_date(token) || !ends_clean {
        return text;
    }
    if meta.date.is_none() {
        meta.date = Some(token.trim_end_matches(['.', '-', '/']).to_owned());
    }
    after[end..].trim_start_matches([' ', '\t'])
}

fn looks_like_date(token: &str) -> bool {
    let digits = token.chars().filter(char::is_ascii_digit).count();
    let has_year = token
        .split(['-', '/', '.'])
        .any(|part| part.len() == 4 && part.chars().all(|c| c.is_ascii_digit()));
    has_year && digits >= 4 && token.len() <= 10
}

/// Paragraph texts: blank lines and single newlines split; a sentence broken across lines is
/// joined again; a hard-wrapped block (most lines stop mid-sentence) is one paragraph.
fn paragraphs(body: &str, blank: Blank) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut after_blank = false;
    for block in body.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            after_blank = true;
            continue;
        }
        let wrapped = is_hard_wrapped(&lines);
        for line in lines {
            match out.last_mut() {
                Some(prev)
                    if !(after_blank && blank == Blank::Parts)
                        && continues(prev, line, wrapped && !after_blank) =>
                {
                    prev.push(' ');
                    prev.push_str(line);
                }
                _ => out.push(line.to_owned()),
            }
            after_blank = false;
        }
        after_blank = true;
    }
    out
}

/// Does `next` carry on the sentence that `prev` left open? (A Markdown heading never does:
/// `markdown::markdown_text` sets it in a block of its own, and there a blank line parts.)
fn continues(prev: &str, next: &str, wrapped_block: bool) -> bool {
    !ends_sentence(prev) && (wrapped_block || next.chars().next().is_some_and(char::is_lowercase))
}

/// The length of the `#` marks and the space that open a Markdown heading ("## Les vols
/// suspendus"; not the hashtag `#MeToo`), or 0.
pub fn heading_marks(text: &str) -> usize {
    let hashes = text.len() - text.trim_start_matches('#').len();
    let after = &text[hashes..];
    if (1..=6).contains(&hashes) && after.starts_with([' ', '\t']) && !after.trim().is_empty() {
        hashes + 1
    } else {
        0
    }
}

/// Ends with a full stop, a question or exclamation mark, a colon, a closing quote or bracket.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end().chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '…' | '»' | '"' | '”' | ')' | ']' | '\''
        )
    })
}

/// Lines cut at a fixed width (e-mail, plain-text archives) rather than at sentence ends.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let open = body.iter().filter(|l| !ends_sentence(l)).count();
    let long = body.iter().filter(|l| l.chars().count() >= 40).count();
    open * 10 >= body.len() * 6 && long * 10 >= body.len() * 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::markdown::markdown_text;

    #[test]
    fn a_heading_opens_with_one_to_six_marks_and_a_space_then_words() {
        assert_eq!(heading_marks("## Les vols"), 3);
        assert_eq!(heading_marks("#\tTab"), 2);
        assert_eq!(heading_marks("###### Six"), 7);
        for not_one in ["####### Sept", "#MeToo", "# ", "#", "Les # vols", ""] {
            assert_eq!(heading_marks(not_one), 0, "{not_one:?}");
        }
    }

    #[test]
    fn no_sentence_of_markdown_runs_into_a_heading_or_out_of_one() {
        let paras = |text: &str| split_markdown(&markdown_text(text)).paragraphs;
        assert_eq!(
            paras("## Les vols\nsuspendus à Catane."),
            ["## Les vols", "suspendus à Catane."]
        );
        assert_eq!(paras("La suite\n## la fin"), ["La suite", "## la fin"]);
        assert_eq!(paras("La suite\nsans point."), ["La suite sans point."]);
        // In a block wrapped at a fixed width every line runs on, but not into a heading.
        let wrapped = "Le volcan Etna est entré en éruption lundi soir, selon\n\
                       les volcanologues de l'INGV, qui ont relevé une forte\n\
                       ## Les vols suspendus à Catane depuis lundi soir\n\
                       activité sismique et des coulées de lave sur le flanc.";
        assert_eq!(paras(wrapped).len(), 3, "{:?}", paras(wrapped));
    }

    #[test]
    fn a_text_file_reads_a_hash_line_as_any_line() {
        // `#` means nothing in a text file: a line left open runs on as any line does.
        let paras = |text: &str| split_article(text).paragraphs;
        assert_eq!(
            paras("## Les vols\nsuspendus à Catane."),
            ["## Les vols suspendus à Catane."]
        );
    }

    #[test]
    fn inline_date_mark_is_metadata() {
        let SplitArticle {
            meta,
            paragraphs: paras,
        } = split_article(" date 2024-08 Donald Trump a mené une interview.\n");
        assert_eq!(meta.date.as_deref(), Some("2024-08"));
        assert_eq!(paras, vec!["Donald Trump a mené une interview."]);
    }

    #[test]
    fn a_date_mark_that_is_no_date_stays_text() {
        for text in [
            "date 2024-08x Le vote a eu lieu.",
            "date 12 mars, le vote a eu lieu.",
            "date 12-08 Le vote a eu lieu.",
            "date 12-08-24 Le vote a eu lieu.",
            "date 2024-08-12-99 Le vote a eu lieu.",
        ] {
            let SplitArticle {
                meta,
                paragraphs: paras,
            } = split_article(text);
            assert_eq!(meta.date, None, "{text}");
            assert_eq!(paras, vec![text], "{text}");
        }
    }

    #[test]
    fn only_long_lines_stopping_mid_sentence_make_a_hard_wrapped_block() {
        let four = "The council met on Monday evening to discuss the budget for\n\
                    Paris and its suburbs, which the mayor presented to the\n\
                    Assembly after a long debate about roads, schools and the\n\
                    River Seine, whose banks will be rebuilt by next summer.\n";
        assert_eq!(
            split_article(four).paragraphs.len(),
            1,
            "four wrapped lines"
        );
        let short = "Alpha team scored twice\nBravo team lost at home\nCharlie won the cup\n";
        assert_eq!(
            split_article(short).paragraphs.len(),
            3,
            "short lines are lines"
        );
        let sentences = "The council met on Monday evening to discuss the budget.\n\
                         Paris and its suburbs were on the agenda of the meeting.\n\
                         Assembly members asked for more money for the schools.\n";
        assert_eq!(
            split_article(sentences).paragraphs.len(),
            3,
            "each line ends a sentence"
        );
        let short_last = "The council met on Monday evening to discuss the budget for\n\
                          Paris and its suburbs, which the mayor presented to the\n\
                          Assembly at last.\n";
        assert_eq!(
            split_article(short_last).paragraphs.len(),
            1,
            "the last line does not count"
        );
        let half_open = "The council met on Monday evening to discuss the budget for\n\
                         Paris and its suburbs, which the mayor presented at length.\n\
                         Members of the assembly then asked questions about the roads\n\
                         Schools were the main worry of the opposition members today.\n\
                         Everyone left the hall before midnight, tired but satisfied.\n";
        assert_eq!(
            split_article(half_open).paragraphs.len(),
            5,
            "half the lines open is not enough"
        );
        let half_long = "The council met on Monday evening to discuss the budget for\n\
                         Paris and its suburbs\n\
                         Members of the assembly asked many questions about the\n\
                         Roads and schools\n\
                         Everyone left.\n";
        assert_eq!(
            split_article(half_long).paragraphs.len(),
            5,
            "half the lines long is not enough"
        );
    }

    #[test]
    fn a_header_line_with_no_value_is_text() {
        let SplitArticle {
            meta,
            paragraphs: paras,
        } = split_article("Date:\n\nThe vote took place.");
        assert_eq!(meta.date, None);
        assert_eq!(paras, vec!["Date:", "The vote took place."]);
    }

    #[test]
    fn a_hard_wrapped_block_is_one_paragraph_and_not_joined_to_the_block_before() {
        let text = "Budget\n\n\
                    The council met on Monday evening to discuss the budget for\n\
                    Paris and its suburbs, which the mayor presented to the\n\
                    Assembly after a long debate about roads and schools.\n";
        let paras = split_article(text).paragraphs;
        assert_eq!(
            paras,
            vec![
                "Budget",
                "The council met on Monday evening to discuss the budget for Paris and its \
                 suburbs, which the mayor presented to the Assembly after a long debate about \
                 roads and schools."
            ]
        );
    }

    #[test]
    fn a_word_starting_with_date_is_text() {
        let SplitArticle {
            meta,
            paragraphs: paras,
        } = split_article("Dates 2024 ont changé.\n");
        assert_eq!(meta.date, None);
        assert_eq!(paras, vec!["Dates 2024 ont changé."]);
    }

    #[test]
    fn an_empty_front_matter_block_hides_nothing_after_it() {
        let split = split_article("---\n---\n\nPremier paragraphe.\n\n--- fin ---\n");
        assert_eq!(split.paragraphs, ["Premier paragraphe.", "--- fin ---"]);
    }

    #[test]
    fn after_a_front_matter_block_header_lines_are_text() {
        let split = split_article("---\n---\nTitle: U.S.\n\ndate 2024-08-12 Text.\n");
        assert_eq!(split.meta, Metadata::default());
        assert_eq!(split.paragraphs, ["Title: U.S.", "date 2024-08-12 Text."]);
        let split = split_article("---\ntitle: T\n---\nDate: 2024-08-12\n");
        assert_eq!(
            (split.meta.title.as_deref(), split.meta.date),
            (Some("T"), None)
        );
        assert_eq!(split.paragraphs, ["Date: 2024-08-12"]);
    }

    #[test]
    fn front_matter_fills_metadata() {
        let raw = "---\ntitle: \"Le titre\"\ndate: 2024-08-12\noutlet: Le Monde\n---\nTexte.\n";
        let SplitArticle {
            meta,
            paragraphs: paras,
        } = split_article(raw);
        assert_eq!(meta.title.as_deref(), Some("Le titre"));
        assert_eq!(meta.date.as_deref(), Some("2024-08-12"));
        assert_eq!(meta.outlet.as_deref(), Some("Le Monde"));
        assert_eq!(paras, vec!["Texte."]);
    }

    #[test]
    fn header_lines_fill_metadata() {
        let SplitArticle {
            meta,
            paragraphs: paras,
        } = split_article("Source: BBC\nDate: 2024-08-12\n\nText here.");
        assert_eq!(meta.outlet.as_deref(), Some("BBC"));
        assert_eq!(paras, vec!["Text here."]);
    }

    #[test]
    fn single_newlines_and_blank_lines_split() {
        let paras = split_article("Un.\nDeux.\r\n\r\nTrois.").paragraphs;
        assert_eq!(paras, vec!["Un.", "Deux.", "Trois."]);
    }

    #[test]
    fn a_sentence_broken_across_lines_is_joined() {
        let paras = split_article("Le sommet a été\n\nreporté sine die.\n\nSuite.").paragraphs;
        assert_eq!(paras, vec!["Le sommet a été reporté sine die.", "Suite."]);
    }

    #[test]
    fn a_heading_is_not_joined_to_the_next_paragraph() {
        let paras = split_article("Des propos polémiques\nLors de cette conversation.").paragraphs;
        assert_eq!(paras.len(), 2);
    }

    #[test]
    fn hard_wrapped_blocks_become_one_paragraph() {
        let raw = "The conversation between the two men started late because the\n\
                   servers of the platform could not cope with the number of people\n\
                   who tried to join at the same time as the start.\n\nNext one.";
        let paras = split_article(raw).paragraphs;
        assert_eq!(paras.len(), 2);
        assert!(paras[0].starts_with("The conversation") && paras[0].ends_with("start."));
    }
}
