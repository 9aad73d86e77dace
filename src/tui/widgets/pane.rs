//! One article's pane as a ratatui widget: its title, its place in the pane order, a border
//! that shows the focus, and the lines of its laid-out view from its scroll position.

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
    pub theme: &'a Theme,
    pub color: bool,
}

impl Widget for PaneWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut block = Block::bordered().title(Span::raw(format!(" {} ", self.pane.title)));
        if let Some((at, total)) = self.place {
            block = block.title_bottom(Span::raw(format!(" {}/{total} ", at + 1)));
        }
        if self.focused {
            block = block.border_style(self.theme.focused_border(self.color));
        }
        let inner_height = usize::from(area.height.saturating_sub(2));
        let lines: Vec<TLine> = self
            .pane
            .lines
            .iter()
            .skip(self.scroll)
            .take(inner_height)
            .map(|l| styled_line(self.theme, self.color, l))
            .collect();
        Paragraph::new(lines).block(block).render(area, buf);
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
