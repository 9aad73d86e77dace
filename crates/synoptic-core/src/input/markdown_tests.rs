//! Tests of `markdown`: clipped articles read without their marks, saved pages read back word
//! for word.

use proptest::prelude::*;

use super::*;
use crate::input::segment::{split_article, split_markdown};

#[test]
fn a_clipped_article_keeps_its_words_and_loses_its_marks() {
    let clipped = "# Le volcan Etna en éruption\n\n\
                   Le **volcan Etna** est entré en éruption, selon [l'INGV](https://www.ingv.it/) \
                   qui relève une *forte*\nactivité &amp; des `cendres`.\n\n\
                   ![Une colonne de cendres](https://example.com/etna.jpg)\n\n\
                   ## Les vols suspendus\n\n\
                   - L'aéroport de Catane a fermé.\n\
                   - Les vols vont à Palerme.\n\n\
                   1. Premier point.\n\
                   2. Second point.\n\n\
                   > « Nous surveillons », a dit le maire.<br>\n\n\
                   ---\n\n\
                   | Ville | Vols |\n|---|---|\n| Catane | 0 |\n";
    assert_eq!(
        markdown_text(clipped),
        "# Le volcan Etna en éruption\n\n\
         Le volcan Etna est entré en éruption, selon l'INGV qui relève une forte\nactivité & des \
         cendres.\n\n\
         ## Les vols suspendus\n\n\
         L'aéroport de Catane a fermé.\n\n\
         Les vols vont à Palerme.\n\n\
         1. Premier point.\n\n\
         2. Second point.\n\n\
         « Nous surveillons », a dit le maire.\n\n\
         Ville | Vols\n\n\
         Catane | 0\n"
    );
}

#[test]
fn items_keep_their_numbers_and_every_block_is_a_paragraph() {
    let nested = "1. Premier point\n   - un détail\n   > une citation\n2. Second point\n\n\
                  Puis du texte.\n\n3. Loin\n\n4. Encore loin\n";
    assert_eq!(
        markdown_text(nested),
        "1. Premier point\n\nun détail\n\nune citation\n\n2. Second point\n\n\
         Puis du texte.\n\n3. Loin\n\n4. Encore loin\n"
    );
    let heading_then_text = "# Titre\nTexte sous le titre.\n\n##\n\nFin.";
    assert_eq!(
        markdown_text(heading_then_text),
        "# Titre\n\nTexte sous le titre.\n\nFin.\n",
        "an empty heading is no paragraph"
    );
    let table = "| Ville | Vols |\n|---|---|\n| Catane | 0 |\n| Palerme | 12 |\n";
    assert_eq!(
        markdown_text(table),
        "Ville | Vols\n\nCatane | 0\n\nPalerme | 12\n"
    );
    assert_eq!(
        markdown_text("    du code\n    sur deux lignes\n"),
        "du code\nsur deux lignes\n"
    );
}

/// Markdown joins the lines of a block, but many a `.md` file has a paragraph a line: line
/// breaks are kept for the segmenter to part paragraphs or run sentences on, as in a text file.
#[test]
fn a_paragraph_a_line_stays_a_paragraph_a_line_and_a_wrapped_one_is_joined() {
    let one_a_line =
        "Le volcan est entré en éruption.\nLes vols sont suspendus.\nLe maire *parle*.\n";
    assert_eq!(
        split_markdown(&markdown_text(one_a_line)).paragraphs,
        [
            "Le volcan est entré en éruption.",
            "Les vols sont suspendus.",
            "Le maire parle."
        ]
    );
    // A list item in lower case after a sentence left open is a block of its own.
    let item = "Les vols vers\n\n- à Catane sont suspendus.\n";
    assert_eq!(
        split_markdown(&markdown_text(item)).paragraphs,
        ["Les vols vers", "à Catane sont suspendus."]
    );
    assert_eq!(
        split_article("Les vols vers\n\nà Catane.").paragraphs.len(),
        1
    );
    let wrapped = "Le volcan Etna est entré en éruption lundi soir, selon les\n\
                   volcanologues de l'INGV, qui ont relevé une forte activité\n\
                   sismique et des coulées de lave sur le flanc est du volcan.\n";
    assert_eq!(
        split_markdown(&markdown_text(wrapped)).paragraphs,
        [
            "Le volcan Etna est entré en éruption lundi soir, selon les volcanologues de \
             l'INGV, qui ont relevé une forte activité sismique et des coulées de lave sur le \
             flanc est du volcan."
        ]
    );
}

#[test]
fn the_front_matter_is_kept_as_it_is() {
    let source = "---\ntitle: Etna\noutlet: Le Quotidien\n---\n\n**Le volcan** gronde.\n";
    let text = markdown_text(source);
    assert_eq!(
        text,
        "---\ntitle: Etna\noutlet: Le Quotidien\n---\nLe volcan gronde.\n"
    );
    let split = split_article(&text);
    assert_eq!(split.meta.outlet.as_deref(), Some("Le Quotidien"));
    assert_eq!(split.paragraphs, ["Le volcan gronde."]);
    // Written on Windows, with `\r\n`: the same block.
    let windows = source.replace('\n', "\r\n");
    assert_eq!(markdown_text(&windows), text);
    // No block: the text is read whole; an empty block closes at once.
    assert_eq!(markdown_text("Un mot.\n"), "Un mot.\n");
    assert_eq!(markdown_text("---\n---\nUn mot.\n"), "---\n---\nUn mot.\n");
    assert_eq!(
        split_front_matter("---\ntitle: sans fin\n"),
        ("", "---\ntitle: sans fin\n")
    );
    // A closing line with spaces after it closes the block whole.
    assert_eq!(
        split_front_matter("---\ntitle: Etna\n---  \nMot.\n"),
        ("---\ntitle: Etna\n---  \n", "Mot.\n")
    );
}

#[test]
fn marks_in_a_paragraph_are_escaped_only_where_markdown_would_read_them() {
    assert_eq!(escape_paragraph("# MeToo"), "\\# MeToo");
    assert_eq!(escape_paragraph("- 5 degrés"), "\\- 5 degrés");
    assert_eq!(escape_paragraph("2024. Une année"), "2024\\. Une année");
    assert_eq!(escape_paragraph("2024 fut une année"), "2024 fut une année");
    assert_eq!(escape_paragraph("3,5 %. Puis"), "3,5 %. Puis");
    assert_eq!(escape_paragraph(". Puis"), ". Puis");
    assert_eq!(escape_paragraph("&; et &x"), "&; et &x");
    assert_eq!(escape_paragraph("a *b* [c](d)"), "a \\*b\\* \\[c\\](d)");
    assert_eq!(
        escape_paragraph("AT&T &amp; 3 < 4 <b>"),
        "AT&T \\&amp; 3 < 4 \\<b>"
    );
    assert_eq!(escape_paragraph("C:\\dossier"), "C:\\\\dossier");
}

/// Paragraph text as web pages give it: words, the marks Markdown reads, no line break.
fn paragraph_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Zéà]{1,8}",
        Just(" ".to_owned()),
        "[0-9]{1,4}[.)]",
        prop::sample::select(vec![
            "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "<b>", "&", "&amp;", "&#233;", "\\",
            "#", "-", "+", "=", "~", "|", "!", "![", "](", "---", ":", "'", "\"",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 1..16).prop_map(|pieces| {
        let text: String = pieces.concat();
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() {
            "mot".to_owned()
        } else {
            words
        }
    })
}

proptest! {
    /// A page saved as Markdown (`web::markdown::page_markdown` escapes each paragraph) reads
    /// back word for word: the saved file is the same article as the page.
    #[test]
    fn an_escaped_paragraph_reads_back_as_it_was(text in paragraph_text()) {
        let read = markdown_text(&escape_paragraph(&text));
        prop_assert_eq!(read.trim_end(), text.as_str());
    }
}
