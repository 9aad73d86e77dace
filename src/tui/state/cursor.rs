//! The cursor: the one paragraph of the focused pane that copying and corrections act on.
//! It is always on screen: a remembered paragraph scrolled out of sight gives way to the first
//! one that starts on screen, never to one above it (a heading the pane has scrolled past).

use std::ops::Range;

use super::App;
use crate::tui::layout::view::PaneView;
use synoptic_core::model::vectors::ParaRef;

/// Each paragraph of a pane and the lines it takes, top to bottom, up to its first blank line:
/// what follows it before the next paragraph starts (blank lines, an echo of a sentence told
/// in another row, which never takes the cursor) is not its. A paragraph cut across rows is
/// there once for each part, so that any part on screen holds the cursor. A paragraph that
/// takes no line (the next one starts where it does) is left out.
pub(super) fn extents(pane: &PaneView) -> Vec<(usize, Range<usize>)> {
    let mut starts: Vec<(usize, usize)> = pane
        .paragraph_lines
        .iter()
        .map(|pl| (pl.line, pl.paragraph))
        .collect();
    starts.sort_unstable();
    starts
        .iter()
        .enumerate()
        .filter_map(|(i, &(line, paragraph))| {
            let next = starts.get(i + 1).map_or(pane.lines.len(), |s| s.0);
            let next = next.min(pane.lines.len());
            let end = (line..next)
                .find(|&l| is_blank(&pane.lines[l]))
                .unwrap_or(next);
            (end > line).then_some((paragraph, line..end))
        })
        .collect()
}

/// The entry of `all` (see `extents`) `by` paragraphs on from entry `at`, the parts of one
/// paragraph counting as one: the first part of the paragraph reached, or `at`'s own first
/// part when there is none further that way.
fn stepped(all: &[(usize, Range<usize>)], at: usize, by: isize) -> usize {
    let first_part = |mut i: usize| {
        while i > 0 && all[i - 1].0 == all[i].0 {
            i -= 1;
        }
        i
    };
    let mut i = first_part(at);
    for _ in 0..by.unsigned_abs() {
        let next = if by > 0 {
            (i..all.len()).find(|&j| all[j].0 != all[i].0)
        } else {
            i.checked_sub(1).map(first_part)
        };
        match next {
            Some(j) => i = j,
            None => break,
        }
    }
    i
}

/// With nothing of a paragraph on screen (a stretch of rows the pane leaves blank), the entry
/// of `all` nearest the screen's `top` line the way `by` goes: not the pane's first.
fn nearest(all: &[(usize, Range<usize>)], top: usize, by: isize) -> Option<usize> {
    let below = all.iter().position(|(_, r)| r.start >= top);
    let above = all.iter().rposition(|(_, r)| r.start < top);
    if by > 0 {
        below.or(above)
    } else {
        above.or(below)
    }
}

fn is_blank(line: &synoptic_core::output::layout::Line<crate::tui::layout::view::Paint>) -> bool {
    line.pieces.iter().all(|p| p.text.trim().is_empty())
}

impl App {
    /// Lines a pane shows inside its border.
    pub(super) fn pane_height(&self) -> usize {
        usize::from(self.areas().panes.height.saturating_sub(2))
    }

    /// The paragraph the cursor is on in `article`'s pane, and the lines it takes: the one
    /// last put there while any of it is on screen, else the first that starts on screen,
    /// else the one filling the screen; none when the screen shows no paragraph.
    pub fn cursor_in(&self, article: usize) -> Option<(usize, Range<usize>)> {
        let pane = self.view.panes.iter().find(|p| p.article == article)?;
        let top = self.scroll.get(article).copied().unwrap_or(0);
        let screen = top..top + self.pane_height().max(1);
        let shown = |r: &Range<usize>| r.start < screen.end && r.end > screen.start;
        let all = extents(pane);
        let remembered = self.cursor.get(article).copied().flatten();
        all.iter()
            .find(|(p, r)| Some(*p) == remembered && shown(r))
            .or_else(|| all.iter().find(|(_, r)| screen.contains(&r.start)))
            .or_else(|| all.iter().find(|(_, r)| shown(r)))
            .cloned()
    }

    /// The lines of each part of the paragraph under `article`'s cursor (one, but for a
    /// paragraph cut across rows), for the bar that marks it.
    pub fn cursor_parts(&self, article: usize) -> Vec<Range<usize>> {
        let Some((paragraph, _)) = self.cursor_in(article) else {
            return Vec::new();
        };
        let pane = self.view.panes.iter().find(|p| p.article == article);
        (pane.map(extents).unwrap_or_default().into_iter())
            .filter(|(p, _)| *p == paragraph)
            .map(|(_, lines)| lines)
            .collect()
    }

    /// The paragraph under the cursor of the focused pane.
    pub fn cursor_paragraph(&self) -> Option<ParaRef> {
        self.cursor_in(self.focus).map(|(paragraph, _)| ParaRef {
            article: self.focus,
            paragraph,
        })
    }

    /// Where else `at` is, by the numbers a reader types before `+` or `-` to correct those
    /// topics: "also in topic 3" beside the open topic, "in topics 2, 5" when the open topic
    /// does not hold it; none when no other topic does.
    pub fn other_topics_of(&self, at: ParaRef) -> Option<String> {
        let numbers: Vec<String> = (self.synopsis.topics.iter().enumerate())
            .filter(|(t, topic)| *t != self.topic && topic.holds(at))
            .map(|(t, _)| (t + 1).to_string())
            .collect();
        let here = (self.synopsis.topics.get(self.topic)).is_some_and(|t| t.holds(at));
        let also = if here { "also in" } else { "in" };
        match numbers.len() {
            0 => None,
            1 => Some(format!("{also} topic {}", numbers[0])),
            _ => Some(format!("{also} topics {}", numbers.join(", "))),
        }
    }

    /// `other_topics_of` as a clause to follow a place (", also in topics 2, 5"), or nothing.
    pub fn where_else(&self, at: ParaRef) -> String {
        self.other_topics_of(at)
            .map(|where_else| format!(", {where_else}"))
            .unwrap_or_default()
    }

    /// The paragraphs the panes of `articles` show whole where rows fold the passages alone
    /// on theirs: the one under review, and the one each pane's cursor was put on, so that
    /// what `+`, `-` and `y` act on can be read before. Where nothing is folded, none, so
    /// that moving a cursor lays nothing out again.
    pub(super) fn shown_whole(&self, articles: &[usize]) -> Vec<ParaRef> {
        let folding = self.fold && self.in_rows();
        let cursors = articles.iter().filter(|_| folding).filter_map(|&article| {
            let paragraph = self.cursor.get(article).copied().flatten()?;
            Some(ParaRef { article, paragraph })
        });
        self.under_review().into_iter().chain(cursors).collect()
    }

    /// Where the paragraph the focused pane's cursor is shown on is folded (at start, on a new
    /// topic or pane, after a scroll took the one it was put on out of sight), it becomes the
    /// cursor's own and is read whole like one put there with `}`.
    pub(super) fn adopt_shown_cursor(&mut self) {
        // Where nothing is folded (panes on their own, `z`), no pane lists a folded paragraph.
        let Some(pane) = self.view.panes.iter().find(|p| p.article == self.focus) else {
            return;
        };
        let shown = self.cursor_in(self.focus).map(|(paragraph, _)| paragraph);
        if let Some(paragraph) = shown.filter(|p| pane.folded.contains(p)) {
            self.put_cursor_whole(self.focus, paragraph);
        }
    }

    /// Put `article`'s cursor on `paragraph` and lay the panes out again, that paragraph
    /// unfolded and the one the cursor leaves folded again, keeping `paragraph`'s first line
    /// where it was on screen: what folds above it does not move the text read.
    fn put_cursor_whole(&mut self, article: usize, paragraph: usize) {
        let before = self.view.line_of(article, Some(paragraph));
        self.cursor[article] = Some(paragraph);
        self.lay_out();
        let after = self.view.line_of(article, Some(paragraph));
        if let (Some(before), Some(after)) = (before, after) {
            let top = self.scroll[article];
            self.scroll_to(article, (top + after).saturating_sub(before));
        }
    }

    /// Move the cursor of the focused pane `by` paragraphs, scrolling as little as shows it.
    pub(super) fn step_cursor(&mut self, by: isize) {
        let Some(pane) = self.view.panes.iter().find(|p| p.article == self.focus) else {
            return;
        };
        let all = extents(pane);
        let next = if let Some(here) = self.cursor_in(self.focus) {
            let at = all.iter().position(|e| *e == here);
            let next = at.map(|i| stepped(&all, i, by));
            // Going on from the last, stay: back to its first part would go up.
            if by > 0 && next.is_some_and(|i| all[i].0 == here.0) {
                self.status = Some("the last paragraph of this pane".into());
                return;
            }
            next
        } else {
            nearest(&all, self.scroll[self.focus], by)
        };
        let Some(&(paragraph, _)) = next.and_then(|i| all.get(i)) else {
            self.status = Some("no paragraph in this pane".into());
            return;
        };
        self.put_cursor_whole(self.focus, paragraph);
        let pane = self.view.panes.iter().find(|p| p.article == self.focus);
        let lines = pane.and_then(|pane| extents(pane).into_iter().find(|(p, _)| *p == paragraph));
        if let Some((_, lines)) = lines {
            self.show_lines(lines);
        }
    }

    /// Scroll the focused pane (and those that move with it) so that `lines` are on screen,
    /// or as much of them as fits, from their first.
    fn show_lines(&mut self, lines: Range<usize>) {
        let top = self.scroll[self.focus];
        let height = self.pane_height().max(1);
        if lines.start < top {
            self.scroll_to(self.focus, lines.start);
        } else if lines.end > top + height {
            let fits = lines.end.saturating_sub(height).min(lines.start);
            self.scroll_to(self.focus, fits.max(top));
        }
    }

    /// Put the cursor on the paragraph drawn at `line` of `article`'s pane, if any.
    pub(super) fn put_cursor(&mut self, article: usize, line: usize) {
        let Some(pane) = self.view.panes.iter().find(|p| p.article == article) else {
            return;
        };
        if let Some((paragraph, _)) = extents(pane).into_iter().find(|(_, r)| r.contains(&line)) {
            self.put_cursor_whole(article, paragraph);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::layout::view::{Paint, ParagraphLine};
    use synoptic_core::output::layout::{Line, Styled};

    fn pane(lines: &[&str], starts: &[(usize, usize)]) -> PaneView {
        PaneView {
            lines: lines
                .iter()
                .map(|t| Line {
                    pieces: vec![Styled::new(t.to_string(), Paint::Plain)],
                    width: t.len(),
                })
                .collect(),
            paragraph_lines: starts
                .iter()
                .map(|&(paragraph, line)| ParagraphLine { paragraph, line })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn paragraphs_take_their_lines_in_screen_order_less_the_blank_ones_after_them() {
        let p = pane(
            &["a", "a", "", "", "b", "", "c"],
            &[(12, 6), (7, 0), (8, 4), (9, 4)],
        );
        assert_eq!(extents(&p), vec![(7, 0..2), (9, 4..5), (12, 6..7)]);
    }

    #[test]
    fn an_echo_below_a_paragraph_is_not_the_paragraphs() {
        // In rows, an echo (a sentence told in another row) has no start of its own.
        let p = pane(&["a", "a", "", "", "↓ echo", "", "b"], &[(1, 0), (2, 6)]);
        assert_eq!(extents(&p), vec![(1, 0..2), (2, 6..7)]);
    }
}
