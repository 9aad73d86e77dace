//! One source's column of the text export: its passages sanitised, marked (`{…}`, `[…]`)
//! into one buffer and laid out as ranges of it, then written line by line, with no string
//! per piece or per line.

use super::marks::Marking;
use crate::compare::agree::Level;
use crate::output::laid::{Laid, Run, columns_of, push_joined, wrap_into};
use crate::output::layout::Styled;
use crate::output::sanitize::for_terminal;

/// The lines of one column.
#[derive(Default)]
pub(super) struct Cell {
    /// Every passage's text as it is shown: sanitised, with its marks.
    text: String,
    laid: Laid<Level>,
    /// Scratch for one passage: its sanitised text and runs of one level, then the runs of
    /// the marked text.
    clean: String,
    clean_runs: Vec<Run<Level>>,
    runs: Vec<Run<Level>>,
}

impl Cell {
    /// How many lines.
    pub(super) fn len(&self) -> usize {
        self.laid.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.laid.is_empty()
    }

    pub(super) fn blank(&mut self) {
        self.laid.blank();
    }

    /// A line of one short note that needs no wrapping.
    pub(super) fn note(&mut self, note: &str, level: Level) {
        let start = self.text.len();
        self.text.push_str(note);
        self.laid
            .single(start..self.text.len(), columns_of(note), level);
    }

    /// Add one passage, its pieces of one level each, wrapped to `width`: same levels
    /// merged, shared ones marked when there are no colours.
    pub(super) fn passage(
        &mut self,
        pieces: &[Styled<&str, Level>],
        width: usize,
        marking: &Marking,
    ) {
        self.clean.clear();
        self.clean_runs.clear();
        for piece in pieces {
            let clean = for_terminal(piece.text);
            push_joined(&mut self.clean, &mut self.clean_runs, &clean, piece.style);
        }
        self.runs.clear();
        for run in &self.clean_runs {
            let text = &self.clean[run.range.clone()];
            let start = self.text.len();
            match marking
                .around(run.style)
                .filter(|_| marking.painter.is_none())
            {
                Some((open, close)) => {
                    // Marks hug the words: spaces and punctuation at the edges stay outside.
                    let edge = |c: char| !c.is_alphanumeric();
                    let core = text.trim_matches(edge);
                    let lead = text.len() - text.trim_start_matches(edge).len();
                    self.text.push_str(&text[..lead]);
                    self.text.push_str(open);
                    self.text.push_str(core);
                    self.text.push_str(close);
                    self.text.push_str(&text[lead + core.len()..]);
                }
                None => self.text.push_str(text),
            }
            self.runs.push(Run {
                range: start..self.text.len(),
                style: run.style,
            });
        }
        wrap_into(&self.text, &self.runs, width, &mut self.laid);
    }

    /// Line `i` onto `out`, coloured when there is a painter, padded to `width` columns.
    pub(super) fn emit(&self, i: usize, width: usize, marking: &Marking, out: &mut String) {
        let (pieces, used) = self.laid.line(i);
        // Pieces of one level in a row are painted as one.
        let mut painted: Option<Level> = None;
        for run in pieces {
            if let Some(p) = marking.painter
                && painted != Some(run.style)
            {
                if let Some(level) = painted.filter(|&l| l != Level::Alone) {
                    out.push_str(p.end(level));
                }
                if run.style != Level::Alone {
                    out.push_str(p.start(run.style));
                }
                painted = Some(run.style);
            }
            out.push_str(&self.text[run.range.clone()]);
        }
        if let (Some(p), Some(level)) = (marking.painter, painted)
            && level != Level::Alone
        {
            out.push_str(p.end(level));
        }
        out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::export::Painter;

    #[derive(Debug)]
    struct Tags;

    impl Painter for Tags {
        fn start(&self, level: Level) -> &str {
            if level == Level::All {
                "<all>"
            } else {
                "<some>"
            }
        }
        fn end(&self, _: Level) -> &'static str {
            "</>"
        }
    }

    fn lines(cell: &Cell, width: usize, marking: &Marking) -> Vec<String> {
        (0..cell.len())
            .map(|i| {
                let mut line = String::new();
                cell.emit(i, width, marking, &mut line);
                line
            })
            .collect()
    }

    const PIECES: [Styled<&str, Level>; 4] = [
        Styled {
            text: "Le ",
            style: Level::Alone,
        },
        Styled {
            text: "chat \u{1b}noir, ",
            style: Level::All,
        },
        Styled {
            text: "dort",
            style: Level::All,
        },
        Styled {
            text: " ici.",
            style: Level::Several,
        },
    ];

    #[test]
    fn marks_hug_the_words_of_each_level_and_controls_are_shown_safely() {
        let marking = Marking {
            painter: None,
            marks: ["{", "}", "[", "]"],
        };
        let mut cell = Cell::default();
        assert!(cell.is_empty());
        cell.passage(&PIECES, 14, &marking);
        assert!(!cell.is_empty());
        cell.blank();
        cell.note("(rien)", Level::Alone);
        assert_eq!(
            lines(&cell, 14, &marking),
            [
                "Le {chat      ",
                "␛noir, dort}  ",
                "[ici].        ",
                "              ",
                "(rien)        "
            ]
        );
    }

    #[test]
    fn a_painter_paints_each_level_once_per_line_and_never_the_unshared() {
        let marking = Marking {
            painter: Some(&Tags),
            marks: ["{", "}", "[", "]"],
        };
        let mut cell = Cell::default();
        cell.passage(&PIECES, 30, &marking);
        assert_eq!(
            lines(&cell, 30, &marking),
            ["Le <all>chat ␛noir, dort</><some> ici.</>      "]
        );
    }
}
