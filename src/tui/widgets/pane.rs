//! One article's pane as a ratatui widget: its title, its place in the pane order, where it is
//! scrolled to, a border that shows the focus, and the lines of its laid-out view from its
//! scroll position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::tui::config::theme::Theme;
use crate::tui::layout::view::{Paint, PaneView};
use synoptic_core::output::layout::Line;

/// A pane, ready to draw: everything it shows, borrowed from the reader's state.
pub struct PaneWidget<'a> {
    pub pane: &'a PaneView,
    /// The first of its lines shown.
    pub scroll: usize,
    /// Its place among all the panes and how many there are, when not all are on screen.
    pub place: Option<(usize, usize)>,
    pub focused: bool,
    /// The lines of the paragraph under the cursor, marked in the left border: each part of
    /// it, for a paragraph cut across rows.
    pub cursor: Vec<std::ops::Range<usize>>,
    pub theme: &'a Theme,
    pub color: bool,
}

impl Widget for PaneWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut block = Block::bordered().title(Span::raw(format!(" {} ", self.pane.title)));
        if let Some((at, total)) = self.place {
            block = block.title_bottom(Span::raw(format!(" {}/{total} ", at + 1)));
        }
        let inner_height = usize::from(area.height.saturating_sub(2));
        if let Some(position) = self.position(inner_height) {
            block = block.title_bottom(TLine::from(format!(" {position} ")).right_aligned());
        }
        if self.focused {
            block = block.border_style(self.theme.focused_border(self.color));
        }
        let lines: Vec<TLine> = self
            .pane
            .lines
            .iter()
            .skip(self.scroll)
            .take(inner_height)
            .map(|l| styled_line(self.theme, self.color, l))
            .collect();
        Paragraph::new(lines).block(block).render(area, buf);
        self.mark_cursor(area, buf, inner_height);
    }
}

/// What marks the cursor's paragraph, in the pane's left border.
pub const CURSOR_MARK: &str = "▌";

impl PaneWidget<'_> {
    /// A bar in the left border beside the lines of the cursor's paragraph that are on screen.
    fn mark_cursor(&self, area: Rect, buf: &mut Buffer, height: usize) {
        let style = self.theme.focused_border(self.color);
        for lines in &self.cursor {
            let on_screen = lines.start.max(self.scroll)..lines.end.min(self.scroll + height);
            for line in on_screen {
                let y = area.y + 1 + (line - self.scroll) as u16;
                if let Some(cell) = buf.cell_mut((area.x, y)) {
                    cell.set_symbol(CURSOR_MARK).set_style(style);
                }
            }
        }
    }

    /// Where the pane is scrolled to, when its lines do not all fit: "top", a percentage,
    /// "end"; and, when what is on screen is blank (rows leave room for other sources'
    /// passages), that its next passage is further down.
    fn position(&self, height: usize) -> Option<String> {
        let total = self.pane.lines.len();
        if total <= height || height == 0 {
            return None;
        }
        let last = (self.scroll + height).min(total);
        let at = match self.scroll {
            0 => "top".to_owned(),
            _ if last >= total => "end".to_owned(),
            _ => format!("{}%", last * 100 / total),
        };
        let blank = self.pane.lines[self.scroll.min(total)..last]
            .iter()
            .all(|l| l.pieces.iter().all(|p| p.text.trim().is_empty()));
        let below = self.pane.paragraph_lines.iter().any(|pl| pl.line >= last);
        Some(if blank && below {
            format!("↓ passage below · {at}")
        } else {
            at
        })
    }
}

/// A laid-out line in the theme's styles.
pub fn styled_line<'l>(theme: &Theme, color: bool, line: &'l Line<Paint>) -> TLine<'l> {
    let spans = line
        .pieces
        .iter()
        .map(|p| Span::styled(p.text.as_str(), theme.style(p.style, color)));
    TLine::from(spans.collect::<Vec<_>>())
}
