//! Word wrapping of styled text at display width (accents, wide characters, emoji), shared by
//! the text export and the reader. The style type is the caller's: this module knows no colours.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::output::laid::{Laid, Run, columns_of, is_printable_ascii, push_joined, wrap_into};

/// A run of text in one style: borrowed (`&str`) going into `wrap`, owned coming out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Styled<T, S> {
    pub text: T,
    pub style: S,
}

impl<T, S> Styled<T, S> {
    pub fn new(text: T, style: S) -> Self {
        Styled { text, style }
    }
}

/// Touching pieces of one style joined into one run, each text passed through `clean` first.
pub fn runs<'t, S: Copy + PartialEq, C: AsRef<str>>(
    pieces: &[Styled<&'t str, S>],
    clean: impl Fn(&'t str) -> C,
) -> Vec<Styled<String, S>> {
    let mut text = String::new();
    let mut joined = Vec::new();
    for piece in pieces {
        push_joined(
            &mut text,
            &mut joined,
            clean(piece.text).as_ref(),
            piece.style,
        );
    }
    joined
        .into_iter()
        .map(|run| Styled::new(text[run.range].to_owned(), run.style))
        .collect()
}

/// The pieces as borrowed text, for `wrap`.
pub fn borrowed<S: Copy>(pieces: &[Styled<String, S>]) -> Vec<Styled<&str, S>> {
    pieces
        .iter()
        .map(|p| Styled::new(p.text.as_str(), p.style))
        .collect()
}

/// One wrapped line: pieces of text with their style, and the line's display width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<S> {
    pub pieces: Vec<Styled<String, S>>,
    pub width: usize,
}

impl<S> Line<S> {
    /// A line with nothing on it.
    pub fn blank() -> Self {
        Line {
            pieces: Vec::new(),
            width: 0,
        }
    }

    /// A line of one piece in one style, that needs no wrapping (a short note).
    pub fn single(text: &str, style: S) -> Self {
        Line {
            width: columns_of(text),
            pieces: vec![Styled::new(text.to_owned(), style)],
        }
    }
}

impl<S: Copy + PartialEq> Line<S> {
    /// Add `text` in `style`, joined to the last piece when it has that style; the line's
    /// width is the caller's to set.
    fn push(&mut self, text: &str, style: S) {
        if text.is_empty() {
            return;
        }
        match self.pieces.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.pieces.push(Styled::new(text.to_owned(), style)),
        }
    }

    /// Keep the first `bytes` bytes of the line's text, in their styles.
    fn truncate(&mut self, bytes: usize) {
        let mut left = bytes;
        self.pieces.retain_mut(|piece| {
            let kept = piece.text.len().min(left);
            piece.text.truncate(kept);
            left -= kept;
            kept > 0
        });
        self.width = self.pieces.iter().map(|p| columns_of(&p.text)).sum();
    }

    /// The line's text without styles.
    pub fn plain(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    /// The line with `mark` in `style` at its end, within `width` columns: when it is too full
    /// to take the mark, its last word gives way (a word cut short reads as another word), or
    /// the end of a word that fills the line alone.
    pub fn ending_with(mut self, mark: &str, style: S, width: usize) -> Self {
        let room = width.saturating_sub(columns_of(mark));
        if self.width > room {
            let text = self.plain();
            let (mut keep, _) = fitting_start(&text, room);
            if !text[keep..].starts_with(char::is_whitespace)
                && let Some(space) = text[..keep].rfind(char::is_whitespace)
            {
                keep = space;
            }
            self.truncate(text[..keep].trim_end().len());
        }
        self.push(mark, style);
        self.width += columns_of(mark);
        self
    }
}

/// Wrap styled pieces into lines of at most `width` columns, breaking at spaces; a word longer
/// than a line is cut between user-perceived characters (graphemes: a letter and its accents,
/// a flag, an emoji sequence stay whole). Text must already be free of control characters.
/// The lines own their text; `laid::wrap_into` lays out ranges of one text instead.
pub fn wrap<S: Copy + PartialEq>(pieces: &[Styled<&str, S>], width: usize) -> Vec<Line<S>> {
    let mut text = String::with_capacity(pieces.iter().map(|p| p.text.len()).sum());
    let mut runs = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let start = text.len();
        text.push_str(piece.text);
        runs.push(Run {
            range: start..text.len(),
            style: piece.style,
        });
    }
    let mut laid = Laid::default();
    wrap_into(&text, &runs, width, &mut laid);
    (0..laid.len())
        .map(|i| {
            let (pieces, width) = laid.line(i);
            let mut line = Line::blank();
            for run in pieces {
                line.push(&text[run.range.clone()], run.style);
            }
            line.width = width;
            line
        })
        .collect()
}

/// `text` cut to at most `width` columns, ending in "…" when something was cut; no padding.
pub fn shorten(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let (kept, _) = fitting_start(text, width - 1);
    format!("{}…", &text[..kept])
}

/// Pad or cut `text` to exactly `width` display columns.
pub fn fit(text: &str, width: usize) -> String {
    if is_printable_ascii(text) {
        // One column a byte: cut and pad by bytes.
        let kept = &text[..text.len().min(width)];
        let mut out = String::with_capacity(width);
        out.push_str(kept);
        out.extend(std::iter::repeat_n(' ', width - kept.len()));
        return out;
    }
    let (kept, used) = fitting_start(text, width);
    let mut out = String::with_capacity(kept + width - used);
    out.push_str(&text[..kept]);
    out.extend(std::iter::repeat_n(' ', width - used));
    out
}

/// The longest start of `text` that fits in `width` columns, never cutting a grapheme: its
/// length in bytes and its width in columns.
fn fitting_start(text: &str, width: usize) -> (usize, usize) {
    let (mut bytes, mut used) = (0, 0);
    for (at, g) in text.grapheme_indices(true) {
        let w = g.width();
        if used + w > width {
            break;
        }
        used += w;
        bytes = at + g.len();
    }
    (bytes, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touching_pieces_of_one_style_make_one_run_each_cleaned_first() {
        let pieces = [
            Styled::new("Le\u{7} 5", 'x'),
            Styled::new(" août", 'x'),
            Styled::new(" à Butler", 'y'),
        ];
        let joined = runs(&pieces, |t: &str| t.replace('\u{7}', ""));
        assert_eq!(
            joined,
            [
                Styled::new("Le 5 août".to_owned(), 'x'),
                Styled::new(" à Butler".to_owned(), 'y')
            ]
        );
        assert_eq!(
            borrowed(&joined),
            [Styled::new("Le 5 août", 'x'), Styled::new(" à Butler", 'y')]
        );
    }

    #[test]
    fn a_mark_in_the_line_s_own_style_joins_its_last_piece() {
        let line = wrap(&[Styled::new("il a dit", 'a')], 20).remove(0);
        let marked = line.ending_with(" …", 'a', 20);
        assert_eq!(marked.pieces, [Styled::new("il a dit …".to_owned(), 'a')]);
    }

    #[test]
    fn a_long_word_is_cut_between_graphemes_never_inside_one() {
        // A flag is two regional indicators; "é" written as "e" and a combining accent.
        let word = "🇫🇷🇫🇷🇫🇷e\u{301}e\u{301}e\u{301}";
        let lines = wrap(&[Styled::new(word, ())], 3);
        let texts: Vec<String> = lines.iter().map(Line::plain).collect();
        assert_eq!(texts, ["🇫🇷", "🇫🇷", "🇫🇷e\u{301}", "e\u{301}e\u{301}"]);
        assert_eq!(shorten("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(fit("🇫🇷🇫🇷", 3), "🇫🇷 ");
    }

    #[test]
    fn a_cut_mark_goes_after_the_text_or_in_place_of_its_last_word() {
        let line = |text: &str| wrap(&[Styled::new(text, 'a')], 20).remove(0);
        let roomy = line("il a dit").ending_with(" …", 'n', 10);
        assert_eq!(
            roomy.pieces,
            [
                Styled::new("il a dit".into(), 'a'),
                Styled::new(" …".into(), 'n')
            ]
        );
        assert_eq!(roomy.width, 10);
        let cases = [
            (
                "il a dite\u{301}",
                " …",
                9,
                "il a …",
                "the last word goes whole",
            ),
            (
                "anticonstitutionnellement",
                " …",
                8,
                "antico …",
                "a word alone is cut",
            ),
            (
                "de\u{301}ja\u{300}",
                "…",
                3,
                "de\u{301}…",
                "an accented letter goes whole",
            ),
        ];
        for (text, mark, width, want, why) in cases {
            let cut = line(text).ending_with(mark, 'n', width);
            assert_eq!(cut.plain(), want, "{why}");
            assert_eq!(cut.width, want.width(), "{why}");
        }
        let two = Line {
            pieces: vec![Styled::new("ab".into(), 'a'), Styled::new("c".into(), 'b')],
            width: 3,
        };
        let cut = two.ending_with("…", 'n', 2);
        assert_eq!(
            cut.pieces,
            [Styled::new("a".into(), 'a'), Styled::new("…".into(), 'n')]
        );
        assert_eq!(Line::<char>::blank().ending_with("…", 'n', 0).plain(), "…");
    }

    fn plain(text: &str, width: usize) -> Vec<String> {
        wrap(&[Styled::new(text, ())], width)
            .iter()
            .map(Line::plain)
            .collect()
    }

    /// `fit` measured grapheme by grapheme, as it is for text that is not plain ASCII.
    fn fit_by_graphemes(text: &str, width: usize) -> String {
        let mut out = String::new();
        for g in text.graphemes(true) {
            if out.width() + g.width() > width {
                break;
            }
            out.push_str(g);
        }
        let used = out.width();
        out + &" ".repeat(width - used)
    }

    proptest::proptest! {
        #[test]
        fn columns_and_fit_agree_with_unicode_width(
            text in "[ -~\t\r\n\u{7f}é\u{301}日🇫\u{fe0f}\u{200d}]{0,12}",
            width in 0usize..14,
        ) {
            proptest::prop_assert_eq!(columns_of(&text), text.width());
            proptest::prop_assert_eq!(fit(&text, width), fit_by_graphemes(&text, width));
        }
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(plain("le chat est là", 7), vec!["le chat", "est là"]);
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(plain("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }

    #[test]
    fn wide_characters_count_double() {
        let lines = wrap(&[Styled::new("日本語 テキスト", ())], 6);
        assert!(lines.iter().all(|l| l.width <= 6), "{lines:?}");
        assert_eq!(lines[0].plain(), "日本語");
    }

    #[test]
    fn styles_survive_wrapping() {
        let lines = wrap(&[Styled::new("un ", 0), Styled::new("deux trois", 1)], 8);
        let owned = |t: &str, s| Styled::new(t.to_owned(), s);
        assert_eq!(lines[0].pieces, vec![owned("un ", 0), owned("deux", 1)]);
        assert_eq!(lines[1].pieces, vec![owned("trois", 1)]);
    }

    #[test]
    fn no_break_space_keeps_words_together() {
        assert_eq!(plain("a\u{a0}: b", 3), vec!["a\u{a0}:", "b"]);
    }

    #[test]
    fn fit_pads_and_cuts_by_width() {
        assert_eq!(fit("été", 5), "été  ");
        assert_eq!(fit("日本語", 5), "日本 ");
    }
}
