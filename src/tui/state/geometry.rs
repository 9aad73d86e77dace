//! Screen geometry in one place: where each part of the reader goes for a terminal size, so
//! that drawing, scrolling and clicks agree on what is visible. Plain numbers in, rectangles
//! out: `App::areas` supplies the numbers.

use ratatui::layout::Rect;

/// Where each part of the screen goes: the figures panel on top when open, the topic list and
/// the panes side by side, then the legend and status lines.
pub struct Areas {
    pub figures: Rect,
    pub list: Rect,
    pub panes: Rect,
    pub legend: Rect,
    pub status: Rect,
    /// The help screen: everything above the status bar, which says how to close it.
    pub help: Rect,
}

impl Areas {
    /// The areas of `area` with a topic list `list_width` wide (0: closed) and, when the
    /// figures panel is open, `figure_groups` lines of figures.
    pub fn new(area: Rect, list_width: u16, figure_groups: Option<usize>) -> Areas {
        let figures_height = figure_groups.map_or(0, |groups| figures_height(groups, area.height));
        let main_height = area.height.saturating_sub(2 + figures_height);
        let main = Rect {
            y: area.y + figures_height,
            height: main_height,
            ..area
        };
        let line = |y: u16| Rect {
            y,
            height: 1,
            ..area
        };
        Areas {
            figures: Rect {
                height: figures_height,
                ..area
            },
            list: Rect {
                width: list_width,
                ..main
            },
            panes: Rect {
                x: main.x + list_width,
                width: main.width.saturating_sub(list_width),
                ..main
            },
            legend: line(main.y + main_height),
            status: line(main.y + main_height + 1),
            help: Rect {
                height: area.height.saturating_sub(1),
                ..area
            },
        }
    }
}

/// The open topic list's width on a screen `screen_width` wide.
pub fn list_width(screen_width: u16) -> u16 {
    (screen_width / 3).clamp(20, 48).min(screen_width / 2)
}

/// The figures panel: a line per group of figures and its border, at most a third of the
/// screen.
fn figures_height(groups: usize, height: u16) -> u16 {
    let groups = groups.max(1) as u16;
    (groups + 2).min(height / 3)
}

/// Lines each topic takes in the topic list: its label, then its coverage row.
pub const LINES_PER_TOPIC: usize = 2;

/// How many of the `listed` topics scroll off the top of a list drawn in `area`, so that the
/// `selected` one stays in view.
pub fn list_skip(listed: &[usize], selected: usize, area: Rect) -> usize {
    let at = listed.iter().position(|&t| t == selected).unwrap_or(0);
    let height = usize::from(area.height.saturating_sub(2)) / LINES_PER_TOPIC;
    (at + 1).saturating_sub(height.max(1))
}

/// The topic drawn at screen row `row` of a list in `area` showing `listed` from `skip` on.
pub fn list_row(listed: &[usize], skip: usize, area: Rect, row: u16) -> Option<usize> {
    let line = usize::from(row.checked_sub(area.y + 1)?);
    listed.get(skip + line / LINES_PER_TOPIC).copied()
}
