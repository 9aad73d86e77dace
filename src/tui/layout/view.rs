//! The laid-out view, as types: for each visible pane, its wrapped lines with what each piece
//! means (`Paint`), and the `Shape` it is laid out from. Built by `layout::build` whenever the
//! state or the size changes, never while drawing.

use crate::tui::layout::cache::Caches;
use crate::tui::layout::mode::Mode;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::model::vectors::ParaRef;
use synoptic_core::output::layout::Line;

/// What a piece of text is, for the theme to colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Paint {
    Plain,
    SharedAll,
    SharedSome,
    /// A figure or rare word no other source has.
    Own,
    Same,
    Moved,
    Changed,
    Dim,
    Heading,
    Note,
    Match,
}

/// Where a paragraph starts in a pane's lines, or one part of it: in synopsis rows a paragraph
/// cut across rows has one for each of its parts, the first first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParagraphLine {
    pub paragraph: usize,
    pub line: usize,
}

/// One pane, laid out.
#[derive(Clone, Debug, Default)]
pub struct PaneView {
    pub article: usize,
    pub title: String,
    pub lines: Vec<Line<Paint>>,
    /// The first line of each paragraph, or part of a paragraph, shown, in order.
    pub paragraph_lines: Vec<ParagraphLine>,
    /// The paragraphs shown folded, some of their lines behind a note (synopsis rows only).
    pub folded: Vec<usize>,
    pub covers: bool,
}

/// The visible panes, laid out at the current size.
#[derive(Clone, Debug, Default)]
pub struct View {
    pub panes: Vec<PaneView>,
}

impl View {
    /// The line where a paragraph of an article starts (its first shown one when `None`).
    pub fn line_of(&self, article: usize, paragraph: Option<usize>) -> Option<usize> {
        let pane = self.panes.iter().find(|p| p.article == article)?;
        match paragraph {
            Some(p) => pane
                .paragraph_lines
                .iter()
                .find(|pl| pl.paragraph == p)
                .map(|pl| pl.line),
            None => pane.paragraph_lines.first().map(|pl| pl.line),
        }
    }
}

/// Everything the wrapped, painted lines depend on besides the articles and the caches filled
/// for it: `build_view` reads nothing else of the reader's state, so this is also the key that
/// says when to lay out again, and it cannot fall out of step with what is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    pub topic: usize,
    pub mode: Mode,
    /// The articles whose panes are shown, left to right.
    pub articles: Vec<usize>,
    /// The width each pane wraps at, inside its border.
    pub inner_width: usize,
    pub full_article: bool,
    /// The topic's passages in synopsis rows (see `core::compare::rows`), not each pane from its top.
    pub rows: bool,
    /// The panes list the paragraphs no topic claims instead of the topic's members.
    pub unclaimed: bool,
    /// In synopsis rows, a passage alone on its row is cut to a few lines and a note naming
    /// this key, which shows it whole; `None`: every passage whole.
    pub fold: Option<String>,
    /// Paragraphs shown whole even where passages are folded: the one under review, which
    /// the reader has to read to answer, and the one each shown pane's cursor was put on,
    /// which `+`, `-` and `y` act on.
    pub whole: Vec<ParaRef>,
    /// In pairwise mode, the focused pane: what its marks compare with; 0 in the other modes,
    /// which do not read it.
    pub reference: usize,
    pub query: Option<String>,
}

/// Whether the panes show a topic's passages in synopsis rows: rows on (`r`), and neither the
/// full article nor the paragraphs no topic claims open, which are laid out on their own.
pub fn in_rows(rows: bool, full_article: bool, unclaimed: bool) -> bool {
    rows && !full_article && !unclaimed
}

impl Shape {
    /// Whether this layout is in synopsis rows (see `in_rows`).
    pub fn in_rows(&self) -> bool {
        in_rows(self.rows, self.full_article, self.unclaimed)
    }
}

/// What the layout functions read.
pub(super) struct Ctx<'a> {
    pub(super) shape: &'a Shape,
    pub(super) synopsis: &'a Synopsis,
    pub(super) caches: &'a Caches,
}
