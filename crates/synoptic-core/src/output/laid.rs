//! Word wrapping of styled text at display width, kept as ranges: every piece of every line is
//! a range of one text the caller owns, so a laid-out paragraph costs a few vectors and no
//! string per piece. `layout::wrap` makes owned lines from it for the reader.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of `text` in columns. Printable ASCII, nearly all of an English or French
/// text, is one column a byte; anything else is measured character by character.
pub fn columns_of(text: &str) -> usize {
    if is_printable_ascii(text) {
        text.len()
    } else {
        text.width()
    }
}

pub(crate) fn is_printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// A range of the text in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run<S> {
    pub range: Range<usize>,
    pub style: S,
}

/// Append `piece` in `style` to `text` as the last of `runs`: joined to the last run when that
/// one has the same style, so touching pieces of one style make one run.
pub fn push_joined<S: PartialEq>(text: &mut String, runs: &mut Vec<Run<S>>, piece: &str, style: S) {
    let start = text.len();
    text.push_str(piece);
    let end = text.len();
    match runs.last_mut() {
        Some(run) if run.style == style => run.range.end = end,
        _ => runs.push(Run {
            range: start..end,
            style,
        }),
    }
}

/// Lines laid out over one text: the pieces of all lines in order, and where each line ends.
#[derive(Clone, Debug)]
pub struct Laid<S> {
    pieces: Vec<Run<S>>,
    lines: Vec<LineEnd>,
}

/// The end of a line's pieces in `Laid::pieces`, and its width in columns.
#[derive(Clone, Copy, Debug)]
struct LineEnd {
    end: usize,
    width: usize,
}

impl<S> Default for Laid<S> {
    fn default() -> Self {
        Laid {
            pieces: Vec::new(),
            lines: Vec::new(),
        }
    }
}

impl<S: Copy + PartialEq> Laid<S> {
    /// How many lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The pieces of line `i` and its width in columns.
    pub fn line(&self, i: usize) -> (&[Run<S>], usize) {
        let start = if i == 0 { 0 } else { self.lines[i - 1].end };
        let line = self.lines[i];
        (&self.pieces[start..line.end], line.width)
    }

    /// Add a line with nothing on it.
    pub fn blank(&mut self) {
        self.lines.push(LineEnd {
            end: self.pieces.len(),
            width: 0,
        });
    }

    /// Add a line of one range that needs no wrapping (a short note).
    pub fn single(&mut self, range: Range<usize>, columns: usize, style: S) {
        self.blank();
        self.push(range, columns, style);
    }

    /// The width of the last line.
    fn width(&self) -> usize {
        self.lines.last().map_or(0, |l| l.width)
    }

    /// Add `range`, `columns` wide, to the last line; a range that continues the last piece
    /// in its style extends it.
    fn push(&mut self, range: Range<usize>, columns: usize, style: S) {
        if range.is_empty() {
            return;
        }
        // Where the last line's pieces start: the end of the line before it.
        let start = self
            .lines
            .len()
            .checked_sub(2)
            .map_or(0, |k| self.lines[k].end);
        let Some(line) = self.lines.last_mut() else {
            return;
        };
        line.width += columns;
        let on_line = self.pieces.len() > start;
        match self.pieces.last_mut() {
            Some(last) if on_line && last.style == style && last.range.end == range.start => {
                last.range.end = range.end;
            }
            _ => self.pieces.push(Run { range, style }),
        }
        line.end = self.pieces.len();
    }

    /// Drop the last line and its pieces.
    fn pop(&mut self) {
        self.lines.pop();
        self.pieces.truncate(self.lines.last().map_or(0, |l| l.end));
    }
}

/// A word being laid out: its styled chunks (a range of the chunks `words` returns), its
/// width, and the space before it (its byte in the text and its style), if there was one.
struct Word<S> {
    chunks: Range<usize>,
    width: usize,
    space: Option<(usize, S)>,
}

/// The part of a word in one style, and its width in columns.
struct Chunk<S> {
    range: Range<usize>,
    style: S,
    columns: usize,
}

/// Lay out `runs` of `text` in lines of at most `width` columns after those `out` has,
/// breaking at spaces; a word longer than a line is cut between user-perceived characters
/// (graphemes: a letter and its accents, a flag, an emoji sequence stay whole). Always adds
/// at least one line. Text must already be free of control characters.
pub fn wrap_into<S: Copy + PartialEq>(
    text: &str,
    runs: &[Run<S>],
    width: usize,
    out: &mut Laid<S>,
) {
    let width = width.max(1);
    let first = out.len();
    out.blank();
    let (words, chunks) = words(text, runs);
    for word in words {
        let space = usize::from(out.width() > 0 && word.space.is_some());
        if out.width() > 0 && out.width() + space + word.width > width {
            out.blank();
        } else if space == 1
            && let Some((at, style)) = word.space
        {
            out.push(at..at + 1, 1, style);
        }
        place_word(text, out, &chunks[word.chunks], word.width, width);
    }
    if out.len() - first > 1 && out.width() == 0 {
        out.pop();
    }
}

fn place_word<S: Copy + PartialEq>(
    text: &str,
    out: &mut Laid<S>,
    chunks: &[Chunk<S>],
    word_width: usize,
    width: usize,
) {
    // Nearly every word fits: only a word wider than a line is measured grapheme by grapheme.
    if out.width() + word_width <= width {
        for chunk in chunks {
            out.push(chunk.range.clone(), chunk.columns, chunk.style);
        }
        return;
    }
    for chunk in chunks {
        let base = chunk.range.start;
        let part = &text[chunk.range.clone()];
        let mut start = 0;
        let mut pending = 0;
        for (i, g) in part.grapheme_indices(true) {
            let w = g.width();
            if out.width() + pending + w > width && out.width() + pending > 0 {
                out.push(
                    base + start..base + i,
                    columns_of(&part[start..i]),
                    chunk.style,
                );
                start = i;
                pending = 0;
                out.blank();
            }
            pending += w;
        }
        out.push(
            base + start..chunk.range.end,
            columns_of(&part[start..]),
            chunk.style,
        );
    }
}

/// Split the runs into words at ASCII spaces; no-break spaces stay inside words. Each word's
/// chunks are a range of the second vector, so a word costs no allocation of its own.
fn words<S: Copy + PartialEq>(text: &str, runs: &[Run<S>]) -> (Vec<Word<S>>, Vec<Chunk<S>>) {
    let mut out: Vec<Word<S>> = Vec::new();
    let mut chunks: Vec<Chunk<S>> = Vec::new();
    let mut current: Option<Word<S>> = None;
    let mut space: Option<(usize, S)> = None;
    for run in runs {
        let mut at = run.range.start;
        for (i, part) in text[run.range.clone()].split(' ').enumerate() {
            if i > 0 {
                out.extend(current.take());
                space = Some((at - 1, run.style));
            }
            let range = at..at + part.len();
            at = range.end + 1;
            if part.is_empty() {
                continue;
            }
            let word = current.get_or_insert_with(|| Word {
                chunks: chunks.len()..chunks.len(),
                width: 0,
                space: space.take(),
            });
            let columns = columns_of(part);
            chunks.push(Chunk {
                range,
                style: run.style,
                columns,
            });
            word.chunks.end = chunks.len();
            word.width += columns;
        }
    }
    out.extend(current);
    (out, chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str, cuts: &[(usize, u8)]) -> Vec<Run<u8>> {
        let mut start = 0;
        let mut out = Vec::new();
        for &(end, style) in cuts {
            out.push(Run {
                range: start..end,
                style,
            });
            start = end;
        }
        assert_eq!(start, text.len());
        out
    }

    fn texts<'t>(text: &'t str, laid: &Laid<u8>) -> Vec<Vec<(&'t str, u8)>> {
        (0..laid.len())
            .map(|i| {
                let (pieces, _) = laid.line(i);
                pieces
                    .iter()
                    .map(|r| (&text[r.range.clone()], r.style))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn pieces_are_ranges_of_the_text_joined_where_they_touch_in_one_style() {
        let text = "un  deux trois quatre";
        let mut laid = Laid::default();
        wrap_into(text, &runs(text, &[(8, 0), (21, 1)]), 13, &mut laid);
        // Two spaces after "un" are one on the line: pieces that do not touch stay apart.
        assert_eq!(
            texts(text, &laid),
            [
                vec![("un", 0), (" deux", 0), (" trois", 1)],
                vec![("quatre", 1)]
            ]
        );
        assert_eq!((laid.line(0).1, laid.line(1).1), (13, 6));
    }

    #[test]
    fn lines_go_after_those_already_laid_and_an_empty_text_is_one_blank_line() {
        let text = "abcdef";
        let mut laid = Laid::default();
        laid.single(0..2, 2, 7);
        laid.blank();
        wrap_into(text, &runs(text, &[(6, 1)]), 4, &mut laid);
        wrap_into("", &[], 4, &mut laid);
        assert_eq!(
            texts(text, &laid),
            [
                vec![("ab", 7)],
                vec![],
                vec![("abcd", 1)],
                vec![("ef", 1)],
                vec![]
            ]
        );
    }

    fn plain(text: &str, width: usize) -> Vec<String> {
        let mut laid = Laid::default();
        wrap_into(text, &runs(text, &[(text.len(), 0)]), width, &mut laid);
        texts(text, &laid)
            .iter()
            .map(|l| l.iter().map(|(t, _)| *t).collect())
            .collect()
    }

    #[test]
    fn a_character_wider_than_the_line_gets_a_line_of_its_own_and_no_blank_before() {
        assert_eq!(plain("日本", 1), ["日", "本"]);
        assert_eq!(plain("a 日", 1), ["a", "日"]);
    }

    #[test]
    fn a_word_of_no_width_that_starts_a_line_leaves_no_blank_line_at_the_end() {
        // A combining accent alone, after a full line: it would start a line of width 0.
        assert_eq!(plain("abc \u{301}", 3), ["abc"]);
        assert_eq!(plain("abc \u{301} de", 3), ["abc", "\u{301}de"]);
    }

    #[test]
    fn empty_until_a_line_is_added() {
        let mut laid: Laid<u8> = Laid::default();
        assert!(laid.is_empty());
        laid.blank();
        assert!(!laid.is_empty());
        assert_eq!(laid.len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn every_word_is_kept_in_order_and_lines_hold_their_width(
            text in " ?[a-zé日 \u{a0}]{0,40}",
            cut in 0usize..40,
            width in 1usize..12,
        ) {
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let mut laid = Laid::default();
            wrap_into(&text, &runs(&text, &[(cut, 0), (text.len(), 1)]), width, &mut laid);
            let lines = texts(&text, &laid);
            let joined: Vec<String> = lines
                .iter()
                .map(|l| l.iter().map(|(t, _)| *t).collect())
                .collect();
            for (i, line) in joined.iter().enumerate() {
                // Spaces only ever separate two words on a line, one space each.
                proptest::prop_assert!(!line.starts_with(' ') && !line.ends_with(' '), "{line:?}");
                proptest::prop_assert!(!line.contains("  "), "{line:?}");
                let columns = columns_of(line);
                proptest::prop_assert_eq!(laid.line(i).1, columns);
                // Only a line of one character wider than the width may pass it.
                proptest::prop_assert!(columns <= width || line.chars().count() == 1);
            }
            let words = |s: &str| s.split(' ').filter(|w| !w.is_empty()).collect::<String>();
            proptest::prop_assert_eq!(words(&joined.concat()), words(&text));
        }
    }
}
