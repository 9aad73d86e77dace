//! The cursor driven by actions: it moves paragraph by paragraph, follows clicks, never sits
//! off screen, and is what copying and corrections act on.

use super::cursor::extents;
use super::tests::{assassination_app, screen, screen_rows, seeds_app};
use super::*;
use crate::tui::effects::Request;
use crate::tui::widgets::pane::CURSOR_MARK;
use synoptic_core::model::pins::pin_for;

/// The seeds' longest article, whole, in a small terminal: it needs scrolling.
fn full_article_app() -> App {
    let mut app = seeds_app(80, 24);
    let longest = (0..app.synopsis.articles.len())
        .max_by_key(|&a| app.synopsis.articles[a].paragraphs.len())
        .unwrap();
    app.update(Action::Digit((longest + 1) as u8));
    app.update(Action::GoToSource);
    app.update(Action::ToggleFullArticle);
    assert!(app.full_article);
    // The article opens on the topic's first paragraph: from its top, for the tests.
    app.update(Action::Top);
    app
}

/// The focused pane's paragraphs from top to bottom.
fn on_screen_order(app: &App) -> Vec<crate::tui::layout::view::ParagraphLine> {
    let pane = app
        .view
        .panes
        .iter()
        .find(|p| p.article == app.focus)
        .unwrap();
    let mut all = pane.paragraph_lines.clone();
    all.sort_by_key(|p| p.line);
    all
}

fn screen_lines(app: &App) -> (usize, usize) {
    let top = app.scroll[app.focus];
    (top, top + app.pane_height())
}

#[test]
fn the_cursor_steps_paragraph_by_paragraph_and_the_status_names_it() {
    let mut app = full_article_app();
    let starts: Vec<usize> = on_screen_order(&app).iter().map(|p| p.paragraph).collect();
    let cursor = |app: &App| {
        let p = app.cursor_paragraph().unwrap().paragraph;
        starts.iter().position(|&q| q == p).unwrap()
    };
    let first = cursor(&app);
    app.update(Action::NextParagraph);
    app.update(Action::NextParagraph);
    assert_eq!(cursor(&app), first + 2);
    let count = app.synopsis.articles[app.focus].paragraphs.len();
    let bar = crate::tui::widgets::status::status_text(&app, 80);
    let shown = starts[first + 2] + 1;
    assert!(bar.contains(&format!("¶{shown}/{count}")), "{bar}");
    app.update(Action::PrevParagraph);
    assert_eq!(cursor(&app), first + 1);
    for _ in 0..first + 5 {
        app.update(Action::PrevParagraph);
    }
    assert_eq!(cursor(&app), 0);
}

#[test]
fn the_full_article_opens_on_the_paragraph_under_the_cursor() {
    let mut app = seeds_app(80, 24);
    app.update(Action::NextParagraph);
    let at = app.cursor_paragraph().unwrap();
    app.update(Action::ToggleFullArticle);
    assert_eq!(app.cursor_paragraph(), Some(at));
    let line = app.view.line_of(at.article, Some(at.paragraph)).unwrap();
    assert_eq!(app.scroll[at.article], line);
}

#[test]
fn stepping_down_scrolls_so_that_the_cursor_stays_on_screen() {
    let mut app = full_article_app();
    let last = *on_screen_order(&app).last().unwrap();
    for _ in 0..app.view.panes[0].paragraph_lines.len() {
        app.update(Action::NextParagraph);
        let (_, lines) = app.cursor_in(app.focus).unwrap();
        let (top, bottom) = screen_lines(&app);
        assert!(
            lines.start >= top && lines.start < bottom,
            "{lines:?} {top}"
        );
    }
    assert_eq!(app.cursor_paragraph().unwrap().paragraph, last.paragraph);
    assert!(app.scroll[app.focus] > 0, "the pane scrolled");
}

#[test]
fn a_cursor_scrolled_out_of_sight_gives_way_to_the_first_paragraph_starting_on_screen() {
    let mut app = full_article_app();
    app.update(Action::PageDown);
    let (top, bottom) = screen_lines(&app);
    let (_, lines) = app.cursor_in(app.focus).unwrap();
    assert!(
        lines.start >= top && lines.start < bottom,
        "never a paragraph that starts above the screen: {lines:?} from {top}"
    );
    let first_on_screen = on_screen_order(&app)
        .into_iter()
        .find(|p| p.line >= top)
        .unwrap();
    assert_eq!(
        app.cursor_paragraph().unwrap().paragraph,
        first_on_screen.paragraph
    );
    // Back where it was, the paragraph the cursor was put on has it again.
    app.update(Action::Top);
    app.update(Action::NextParagraph);
    let second = app.cursor_paragraph();
    app.update(Action::PageDown);
    app.update(Action::Top);
    assert_eq!(app.cursor_paragraph(), second);
}

#[test]
fn a_click_puts_the_cursor_on_the_paragraph_clicked() {
    let mut app = full_article_app();
    let third = on_screen_order(&app)[2];
    let panes = app.areas().panes;
    // One line into the third paragraph, inside the pane's border.
    let row = panes.y + 1 + (third.line + 1) as u16;
    app.update(Action::Click(panes.x + 5, row));
    assert_eq!(app.cursor_paragraph().unwrap().paragraph, third.paragraph);
    let drawn: Vec<char> = screen(&app).chars().collect();
    let mark = CURSOR_MARK.chars().next().unwrap();
    let marked: Vec<usize> = drawn
        .chunks(usize::from(app.size.0))
        .enumerate()
        .filter(|(_, row)| row.first() == Some(&mark))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        marked.first(),
        Some(&(usize::from(panes.y) + 1 + third.line)),
        "the mark is beside the paragraph"
    );
    let (_, lines) = app.cursor_in(app.focus).unwrap();
    assert_eq!(marked.len(), lines.len(), "beside each of its lines");
}

#[test]
fn copying_and_corrections_take_the_paragraph_under_the_cursor_not_the_top_one() {
    let mut app = seeds_app(160, 45);
    app.update(Action::ToggleRows);
    app.update(Action::NextParagraph);
    let at = app.cursor_paragraph().unwrap();
    let top = app.view.line_of(app.focus, None);
    assert_ne!(app.view.line_of(at.article, Some(at.paragraph)), top);
    app.update(Action::CopyPassage);
    let Some(Request::Copy(text)) = app.requests.pop() else {
        panic!("no copy: {:?}", app.status)
    };
    let paragraph = &at.paragraph_in(&app.synopsis.articles).text;
    assert!(text.contains(paragraph.as_str()), "{text}");
    app.update(Action::PinOut);
    let def = app
        .topics
        .defs
        .iter()
        .find(|d| d.id == app.synopsis.topics[app.topic].id)
        .unwrap();
    assert_eq!(def.pins, vec![pin_for(&app.synopsis.articles, at, false)]);
}

#[test]
fn the_row_copied_is_the_cursors_row() {
    let mut app = seeds_app(160, 45);
    // A pane with a passage on screen and another below it.
    let passages = |app: &App| {
        let pane = app.view.panes.iter().find(|p| p.article == app.focus);
        pane.map_or(0, |p| p.paragraph_lines.len())
    };
    while app.cursor_paragraph().is_none() || passages(&app) < 2 {
        let before = app.focus;
        app.update(Action::FocusRight);
        assert_ne!(app.focus, before, "no pane with two passages");
    }
    let first = app.cursor_paragraph().unwrap();
    app.update(Action::NextParagraph);
    let at = app.cursor_paragraph().unwrap();
    let (_, lines) = app.cursor_in(app.focus).unwrap();
    app.update(Action::CopyRow);
    let Some(Request::Copy(table)) = app.requests.pop() else {
        panic!("no copy: {:?}", app.status)
    };
    // The header names the sources, some by their opening words: the row is below it.
    let table: String = table.lines().skip(2).collect();
    let opening = |p: ParaRef| -> String {
        let text = &p.paragraph_in(&app.synopsis.articles).text;
        text.chars().take(30).collect()
    };
    assert!(table.contains(&opening(at)), "{table}");
    assert!(!table.contains(&opening(first)), "{table}");
    for pane in app.view.panes.iter().filter(|p| p.article != at.article) {
        let on_row = pane.paragraph_lines.iter().find(|p| p.line == lines.start);
        if let Some(p) = on_row {
            let other = ParaRef {
                article: pane.article,
                paragraph: p.paragraph,
            };
            assert!(table.contains(&opening(other)), "{table}");
        }
    }
}

#[test]
fn the_reader_opens_with_the_focus_on_a_pane_that_shows_a_passage() {
    // In rows, the first source waits blank for a row further down.
    let app = assassination_app(160, 8);
    let first = app.view.panes[0].article;
    assert!(
        app.cursor_in(first).is_none(),
        "the first pane is blank at its top"
    );
    assert_ne!(app.focus, first);
    assert!(app.cursor_paragraph().is_some());
}

#[test]
fn a_paragraph_just_off_either_edge_of_the_screen_is_not_under_the_cursor() {
    let mut app = full_article_app();
    let height = app.pane_height();
    let order = on_screen_order(&app);
    // A paragraph below the first screen, and the lines it takes.
    let k = order.iter().position(|p| p.line > height).unwrap();
    let (p, start) = (order[k].paragraph, order[k].line);
    let on_it = |app: &App| app.cursor_paragraph().map(|c| c.paragraph) == Some(p);
    app.put_cursor(app.focus, start);
    app.scroll_to(app.focus, start);
    let lines = app.cursor_in(app.focus).unwrap().1;
    assert_eq!(lines.start, start);
    app.scroll_to(app.focus, start - height);
    assert!(!on_it(&app), "it starts on the line just below the screen");
    app.scroll_to(app.focus, start + 1 - height);
    assert!(on_it(&app), "its first line is the screen's last");
    app.scroll_to(app.focus, lines.end);
    assert!(!on_it(&app), "it ends on the line just above the screen");
    app.scroll_to(app.focus, lines.end - 1);
    assert!(on_it(&app), "its last line is on top of the screen");
}

#[test]
fn stepping_back_to_a_paragraph_above_the_screen_scrolls_up_to_it() {
    let mut app = full_article_app();
    let order = on_screen_order(&app);
    // The cursor on a paragraph whose first line is on top of the screen.
    let k = order
        .iter()
        .position(|p| p.line > app.pane_height())
        .unwrap();
    app.scroll_to(app.focus, order[k].line);
    app.put_cursor(app.focus, order[k].line);
    app.update(Action::PrevParagraph);
    assert_eq!(
        app.cursor_paragraph().unwrap().paragraph,
        order[k - 1].paragraph
    );
    assert_eq!(
        app.scroll[app.focus],
        order[k - 1].line,
        "scrolled up to its first line"
    );
}

/// The lines of `paragraph`'s extent in the focused pane, as text.
fn extent_text(app: &App, paragraph: usize) -> Vec<String> {
    let pane = app.view.panes.iter().find(|p| p.article == app.focus);
    let pane = pane.unwrap();
    let (_, lines) = extents(pane)
        .into_iter()
        .find(|(p, _)| *p == paragraph)
        .unwrap();
    pane.lines[lines]
        .iter()
        .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
        .collect()
}

#[test]
fn in_rows_the_passage_under_the_cursor_unfolds_and_folds_again_when_it_leaves() {
    let mut app = seeds_app(160, 45);
    assert!(app.rows && app.fold);
    // The first pane, on any topic, whose passages include one folded with a note.
    let folded = |app: &App| {
        let pane = app.view.panes.iter().find(|p| p.article == app.focus)?;
        extents(pane).into_iter().map(|(p, _)| p).find(|&p| {
            let text = extent_text(app, p);
            text.iter().any(|l| l.contains("more lines (z unfolds)"))
        })
    };
    let mut found = None;
    'topics: for _ in 0..app.topic_count() {
        for _ in 0..app.view.panes.len() {
            if let Some(p) = folded(&app) {
                found = Some(p);
                break 'topics;
            }
            app.update(Action::FocusRight);
        }
        app.update(Action::NextTopic);
    }
    let paragraph = found.expect("the seeds fold a passage somewhere in rows");
    let folded_lines = extent_text(&app, paragraph).len();
    while app.cursor_paragraph().map(|c| c.paragraph) != Some(paragraph) {
        let before = app.cursor_paragraph();
        app.update(Action::NextParagraph);
        assert_ne!(
            app.cursor_paragraph(),
            before,
            "the cursor reaches the folded passage"
        );
    }
    let whole = extent_text(&app, paragraph);
    assert!(
        whole.iter().all(|l| !l.contains("more lines")) && whole.len() > folded_lines,
        "under the cursor the passage is whole: {whole:#?}"
    );
    // As `z` shows every passage whole.
    app.update(Action::ToggleFold);
    assert_eq!(extent_text(&app, paragraph), whole);
    app.update(Action::ToggleFold);
    // The cursor leaves it, up or down: folded again.
    app.update(Action::PrevParagraph);
    if app.cursor_paragraph().map(|c| c.paragraph) == Some(paragraph) {
        app.update(Action::NextParagraph);
    }
    assert_ne!(app.cursor_paragraph().map(|c| c.paragraph), Some(paragraph));
    let again = extent_text(&app, paragraph);
    assert!(
        again.iter().any(|l| l.contains("more lines (z unfolds)")),
        "folded again once the cursor left: {again:#?}"
    );
}

/// Whether the focused pane's cursor is on a passage shown folded.
fn cursor_folded(app: &App) -> bool {
    let at = app.cursor_paragraph();
    let pane = app.view.panes.iter().find(|p| p.article == app.focus);
    let folded = pane.map_or(&[][..], |p| p.folded.as_slice());
    at.is_some_and(|at| folded.contains(&at.paragraph))
}

#[test]
fn in_rows_the_cursor_is_never_on_a_folded_passage() {
    let moves = [
        Action::FocusRight,
        Action::ScrollDown,
        Action::NextParagraph,
        Action::PageDown,
        Action::ScrollUp,
        Action::NextParagraph,
        Action::PrevParagraph,
        Action::Bottom,
    ];
    for (w, h) in [(160, 45), (120, 30), (80, 24)] {
        let mut app = seeds_app(w, h);
        for _ in 0..app.topic_count() {
            for (i, &action) in moves.iter().cycle().take(40).enumerate() {
                app.update(action);
                assert!(
                    !cursor_folded(&app),
                    "{w}x{h}, topic {}, after {i} moves ({action:?}): the cursor's {:?} is folded",
                    app.topic + 1,
                    app.cursor_paragraph()
                );
            }
            app.update(Action::NextTopic);
        }
    }
}

#[test]
fn scrolled_past_its_passage_the_cursor_takes_the_next_one_and_the_text_moves_one_line() {
    // Wherever a line's scroll moves the cursor onto a folded passage, that passage unfolds
    // and the one it left folds again above the screen: the screen moves by the one line.
    let top_text = |app: &App, down: usize| {
        let pane = app.view.panes.iter().find(|p| p.article == app.focus)?;
        let line = pane.lines.get(app.scroll[app.focus] + down)?;
        Some(
            line.pieces
                .iter()
                .map(|p| p.text.as_str())
                .collect::<String>(),
        )
    };
    let mut refolded = 0;
    for topic in 0..seeds_app(80, 24).topic_count() {
        for (pane, start) in (0..2).flat_map(|pane| (1..8).map(move |start| (pane, start))) {
            let mut app = seeds_app(80, 24);
            app.update(Action::Digit(topic as u8 + 1));
            app.update(Action::GoToTopic);
            (0..pane).for_each(|_| app.update(Action::FocusRight));
            (0..start).for_each(|_| app.update(Action::NextParagraph));
            for _ in 0..40 {
                let (before, second) = (app.cursor_paragraph(), top_text(&app, 1));
                app.update(Action::ScrollDown);
                let Some(left) = before.filter(|&b| app.cursor_paragraph() != Some(b)) else {
                    continue;
                };
                assert_eq!(top_text(&app, 0), second, "topic {}", topic + 1);
                let pane = app.view.panes.iter().find(|p| p.article == app.focus);
                refolded += usize::from(pane.is_some_and(|p| p.folded.contains(&left.paragraph)));
            }
        }
    }
    assert!(
        refolded > 0,
        "some scroll folded the passage the cursor left"
    );
}

/// The focused article, and the paragraphs and parts of them its pane shows (`extents`).
fn focused_extents(app: &App) -> (usize, Vec<(usize, std::ops::Range<usize>)>) {
    let a = app.focus;
    let pane = app.view.panes.iter().find(|p| p.article == a).unwrap();
    (a, super::cursor::extents(pane))
}

/// The seeds with no topics file, topics found: their ledes are cut across rows.
fn found_topics_app(w: u16, h: u16) -> App {
    use synoptic_core::compare::synopsis::Synopsis;
    use synoptic_core::input::ingest::load_embedded;
    App::new(Synopsis::build(load_embedded().articles, &[]), (w, h), true)
}

#[test]
fn a_paragraph_cut_across_rows_holds_the_cursor_at_any_of_its_parts() {
    let mut app = found_topics_app(130, 34);
    assert!(app.in_rows());
    let (a, all) = focused_extents(&app);
    let (cut, later) = (1..all.len())
        .find(|&i| all[i].0 == all[i - 1].0)
        .map(|i| all[i].clone())
        .expect("a paragraph in two parts");
    for _ in 0..later.start {
        app.update(Action::ScrollDown);
    }
    assert_eq!(app.scroll[a], later.start);
    assert_eq!(app.cursor_in(a), Some((cut, later.clone())));
    if all.last().is_some_and(|(p, _)| *p == cut) {
        unreachable!("the cut paragraph is not the pane's last here");
    }
    // Its parts count as one paragraph: on to the next, and back to its first part.
    app.update(Action::NextParagraph);
    let next = app.cursor_paragraph().unwrap().paragraph;
    assert_ne!(next, cut);
    app.update(Action::PrevParagraph);
    assert_eq!(app.cursor_paragraph().unwrap().paragraph, cut);
    let first = all.iter().find(|(p, _)| *p == cut).unwrap().1.start;
    assert!(app.scroll[a] <= first, "its first part is on screen");
}

#[test]
fn on_a_blank_stretch_the_cursor_goes_to_the_nearest_paragraph_the_way_asked() {
    let mut app = seeds_app(120, 12);
    let height = app.pane_height();
    // A pane with passages above and below a screen that shows none of them.
    let found = app.view.panes.iter().find_map(|pane| {
        let all = super::cursor::extents(pane);
        (1..=pane.lines.len().saturating_sub(height)).find_map(|top| {
            let screen = top..top + height;
            let blank = all
                .iter()
                .all(|(_, r)| r.end <= screen.start || r.start >= screen.end);
            let above = all.iter().rposition(|(_, r)| r.start < top)?;
            let below = all.iter().position(|(_, r)| r.start >= top)?;
            // Neither the pane's first paragraph, where a cursor with nowhere to be went.
            let first = all[0].0;
            let apart = all[above].0 != first && all[below].0 != first;
            (blank && apart).then(|| (pane.article, top, all[above].0, all[below].0))
        })
    });
    let (a, top, above, below) = found.expect("a blank stretch between two passages");
    app.focus = a;
    for _ in 0..top {
        app.update(Action::ScrollDown);
    }
    assert_eq!(app.cursor_in(a), None);
    app.update(Action::NextParagraph);
    assert_eq!(app.cursor_paragraph().unwrap().paragraph, below);
    // Back on the blank stretch, the cursor's paragraph out of sight below it.
    app.update(Action::Top);
    for _ in 0..top {
        app.update(Action::ScrollDown);
    }
    assert_eq!((app.scroll[a], app.cursor_in(a)), (top, None));
    app.update(Action::PrevParagraph);
    assert_eq!(app.cursor_paragraph().unwrap().paragraph, above);
}

#[test]
fn on_past_the_last_paragraph_the_cursor_and_the_screen_stay() {
    let mut app = found_topics_app(130, 34);
    let (a, all) = focused_extents(&app);
    let last = all.last().unwrap().0;
    for _ in 0..all.len() {
        app.update(Action::NextParagraph);
    }
    assert_eq!(app.cursor_paragraph().unwrap().paragraph, last);
    // Further down, on the last part of the last paragraph: `}` moves nothing up.
    app.update(Action::Bottom);
    let (scroll, cursor) = (app.scroll[a], app.cursor_in(a));
    app.update(Action::NextParagraph);
    assert_eq!((app.scroll[a], app.cursor_in(a)), (scroll, cursor));
    assert_eq!(
        app.status.as_deref(),
        Some("the last paragraph of this pane")
    );
}

#[test]
fn back_from_a_later_part_the_cursor_goes_to_the_paragraph_before() {
    // Low, so that the later part can be at the top with its first part out of sight.
    let mut app = found_topics_app(130, 16);
    let (a, all) = focused_extents(&app);
    // A paragraph in two parts, with another paragraph before it.
    let (before, cut, later) = (2..all.len())
        .find(|&i| all[i].0 == all[i - 1].0 && all[i - 2].0 != all[i].0)
        .map(|i| (all[i - 2].0, all[i].0, all[i].1.start))
        .expect("a cut paragraph after another");
    for _ in 0..later {
        app.update(Action::ScrollDown);
    }
    assert_eq!(app.scroll[a], later);
    assert_eq!(app.cursor_paragraph().unwrap().paragraph, cut);
    app.update(Action::PrevParagraph);
    assert_eq!(app.cursor_paragraph().unwrap().paragraph, before);
}

#[test]
fn opening_the_same_topic_again_keeps_the_focus_on_a_pane_blank_at_its_top() {
    let mut app = found_topics_app(130, 34);
    let blank = (app.view.panes.iter())
        .map(|p| p.article)
        .find(|&a| app.cursor_in(a).is_none())
        .expect("a pane whose first passage is further down");
    app.focus = blank;
    app.update(Action::Digit(1));
    app.update(Action::GoToTopic);
    assert_eq!(app.topic, 0);
    assert_eq!(app.focus, blank, "the reader's pane, kept");
}

#[test]
fn the_bar_marks_every_part_of_a_cut_paragraph_on_screen() {
    let mut app = found_topics_app(130, 34);
    let parts_of = |app: &App| {
        let (_, all) = focused_extents(app);
        let Some(cursor) = app.cursor_paragraph() else {
            return Vec::new();
        };
        (all.iter().filter(|(q, _)| *q == cursor.paragraph))
            .map(|(_, r)| r.clone())
            .collect::<Vec<_>>()
    };
    let shown: Vec<usize> = app.view.panes.iter().map(|p| p.article).collect();
    let a = (shown.into_iter())
        .find(|&a| {
            app.focus = a;
            parts_of(&app).len() > 1
        })
        .expect("a pane whose cursor's paragraph is cut across rows");
    let parts = parts_of(&app);
    assert_eq!(app.cursor_parts(a), parts);
    let (top, end) = screen_lines(&app);
    let on_screen: usize = parts
        .iter()
        .map(|r| r.end.min(end).saturating_sub(r.start.max(top)))
        .sum();
    assert!(on_screen > parts[0].len(), "a second part is on screen");
    // Only the focused pane has the bar: one mark a screen row it marks.
    let mark = CURSOR_MARK.chars().next().unwrap();
    let marked = (screen_rows(&app).iter())
        .filter(|l| l.contains(mark))
        .count();
    assert_eq!(marked, on_screen);
}
