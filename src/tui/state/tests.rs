//! `App` driven by actions, without a terminal.

use super::*;
use crate::tui::effects::Request;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, load_embedded};
use synoptic_core::input::topics_file::parse_topics;

pub(super) fn seeds_app(w: u16, h: u16) -> App {
    let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
    let synopsis = Synopsis::build(load_embedded().articles, &topics.topics);
    App::new(synopsis, (w, h), true)
}

/// The seeds with one topic only, the assassination attempt: in rows, its first row holds the
/// fifth source alone, and the other panes wait blank for the rows below.
pub(super) fn assassination_app(w: u16, h: u16) -> App {
    let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
    let defs: Vec<_> = topics
        .topics
        .into_iter()
        .filter(|t| t.id == "assassination")
        .collect();
    let synopsis = Synopsis::build(load_embedded().articles, &defs);
    App::new(synopsis, (w, h), true)
}

/// Type `text` into the prompt open (search or keyword), letter by letter, as a user does.
pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

/// Open a topic the way a user does: through the topic list.
fn open_topic(app: &mut App, id: &str) -> usize {
    let t = app.synopsis.topic_index(id).unwrap();
    app.update(Action::ToggleTopicList);
    for _ in 0..t {
        app.update(Action::ListDown);
    }
    app.update(Action::ListOpen);
    t
}

/// Play the event loop's part for what needs no terminal and is no file of the user's: exports
/// start and topics are aligned again. Saves, copies and the pager stay queued, for the test
/// to read.
pub(super) fn settle(app: &mut App) {
    for request in std::mem::take(&mut app.requests) {
        match request {
            Request::Export { .. } | Request::Realign { .. } => {
                let on_screen = crate::tui::terminal::requests::carry_out_offscreen(app, request);
                assert!(on_screen.is_none(), "carried out off screen");
            }
            left @ (Request::SaveTopics { .. } | Request::Copy(_) | Request::Pager(_)) => {
                app.requests.push(left);
            }
        }
    }
}

/// Wait (at most ten seconds) for the export being written to report, as the event loop does.
pub(super) fn finish_export(app: &mut App) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !app.poll_background() {
        assert!(
            std::time::Instant::now() < deadline,
            "the export never reported"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// The screen as drawn, row by row, each trimmed.
pub(super) fn screen_rows(app: &App) -> Vec<String> {
    screen(app)
        .chars()
        .collect::<Vec<_>>()
        .chunks(usize::from(app.size.0))
        .map(|row| row.iter().collect::<String>().trim().to_owned())
        .collect()
}

/// The screen as drawn, one string.
pub(super) fn screen(app: &App) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|f| crate::tui::widgets::render::render(app, f))
        .unwrap();
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn topics_cycle_both_ways() {
    let mut app = seeds_app(160, 45);
    let n = app.synopsis.topics.len();
    app.update(Action::NextTopic);
    assert_eq!(app.topic, 1);
    app.update(Action::PrevTopic);
    app.update(Action::PrevTopic);
    assert_eq!(app.topic, n - 1);
}

#[test]
fn five_panes_fit_at_160_columns_and_page_at_80() {
    let mut app = seeds_app(160, 45);
    assert_eq!(app.view.panes.len(), 5);
    assert_eq!(app.order, vec![0, 1, 2, 3, 4], "all fit: file order");
    app.update(Action::Resize(80, 24));
    assert_eq!(app.view.panes.len(), 2);
    let order = app.order.clone();
    assert!(order.len() >= 2);
    for _ in 0..4 {
        app.update(Action::FocusRight);
    }
    assert_eq!(Some(&app.focus), order.last());
    let shown: Vec<usize> = app.view.panes.iter().map(|p| p.article).collect();
    assert_eq!(shown, order[order.len() - 2..]);
}

#[test]
fn a_pane_that_does_not_cover_the_topic_says_so() {
    let mut app = seeds_app(160, 45);
    let breton = open_topic(&mut app, "breton");
    assert_eq!(app.topic, breton);
    let silent = app
        .view
        .panes
        .iter()
        .find(|p| !p.covers)
        .expect("a pane without the topic");
    assert!(silent.lines[0].plain().contains("does not cover"));
}

#[test]
fn modes_cycle_and_pairwise_is_computed_when_shown() {
    let mut app = seeds_app(160, 45);
    let reference = app.focus;
    assert!(app.pairwise_of(0, reference).is_none());
    app.update(Action::CycleMode);
    assert_eq!(app.mode, Mode::Own);
    assert!(app.pairwise_of(0, reference).is_none());
    app.update(Action::CycleMode);
    assert_eq!(app.mode, Mode::Pairwise);
    assert!(app.pairwise_of(0, reference).is_some());
    app.update(Action::CycleMode);
    app.update(Action::CycleMode);
    assert_eq!(app.mode, Mode::Agreement);
}

#[test]
fn scrolling_stays_inside_the_text() {
    let mut app = seeds_app(80, 24);
    let a = app.focus;
    app.update(Action::Bottom);
    let pane = app.view.panes.iter().find(|p| p.article == a).unwrap();
    let last_screenful = pane.lines.len() - app.pane_height();
    assert!(
        last_screenful > 0,
        "the pane must be longer than the screen"
    );
    assert_eq!(app.scroll[a], last_screenful);
    // As a pager, no further: the screen never goes blank below the text's end.
    app.update(Action::ScrollDown);
    app.update(Action::PageDown);
    assert_eq!(app.scroll[a], last_screenful);
    let shown = screen(&app);
    let last_words: String = pane_text_last_line(&app, a);
    assert!(shown.contains(last_words.trim()), "{shown}");
    app.update(Action::Top);
    assert_eq!(app.scroll[a], 0);
    app.update(Action::ScrollUp);
    assert_eq!(app.scroll[a], 0);
}

/// The text of the last line of `article`'s pane.
fn pane_text_last_line(app: &App, article: usize) -> String {
    let pane = app
        .view
        .panes
        .iter()
        .find(|p| p.article == article)
        .unwrap();
    let line = pane.lines.last().unwrap();
    line.pieces.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn in_rows_top_and_bottom_move_every_pane_together() {
    let mut app = seeds_app(160, 45);
    assert!(app.rows);
    app.update(Action::Bottom);
    let height = app.pane_height();
    for pane in &app.view.panes {
        assert_eq!(
            app.scroll[pane.article],
            pane.lines.len() - height,
            "pane {}",
            pane.article
        );
    }
    assert!(app.view.panes.iter().all(|p| app.scroll[p.article] > 0));
    app.update(Action::Top);
    assert!(app.view.panes.iter().all(|p| app.scroll[p.article] == 0));
}

#[test]
fn at_the_bottom_the_cursor_is_on_the_last_paragraph() {
    let mut app = seeds_app(120, 30);
    app.update(Action::ToggleFullArticle);
    let a = app.focus;
    app.update(Action::Bottom);
    let last = app.synopsis.articles[a].paragraphs.len() - 1;
    assert_eq!(app.cursor_paragraph().map(|p| p.paragraph), Some(last));
}

#[test]
fn each_pane_says_where_it_is_scrolled_and_when_its_passage_is_below() {
    let mut app = assassination_app(160, 16);
    // Whole passages: the rows are taller than the screen.
    app.update(Action::ToggleFold);
    assert_eq!(app.status.as_deref(), Some("rows: every passage whole"));
    let shown = screen(&app);
    assert!(shown.contains(" top "), "{shown}");
    // The first row is the fifth source's alone: the others are blank at the top.
    assert!(shown.contains("↓ passage below · top"), "{shown}");
    app.update(Action::Bottom);
    let shown = screen(&app);
    assert!(shown.contains(" end "), "{shown}");
    assert!(!shown.contains(" top "), "{shown}");
}

#[test]
fn search_jumps_to_a_match_and_highlights_it() {
    let mut app = seeds_app(160, 45);
    app.update(Action::StartSearch);
    type_text(&mut app, "Butler");
    app.update(Action::SearchSubmit);
    settle(&mut app);
    assert!(!app.search.matches.is_empty());
    let topic = app.synopsis.topics[app.topic].id.clone();
    assert_eq!(topic, "assassination");
    let highlighted = app
        .view
        .panes
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.pieces)
        .any(|p| p.style == crate::tui::layout::view::Paint::Match && p.text == "Butler");
    assert!(highlighted);
}

#[test]
fn full_article_shows_every_paragraph_of_the_focused_pane() {
    let mut app = seeds_app(160, 45);
    app.update(Action::ToggleFullArticle);
    assert_eq!(app.view.panes.len(), 1);
    let text: String = app.view.panes[0]
        .lines
        .iter()
        .map(synoptic_core::output::layout::Line::plain)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Thierry Breton"),
        "the last paragraph of the first article is there"
    );
    // The status bar names the view, not the rows the panes go back to.
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(bar.contains("· agreement · full ·"), "{bar}");
    assert!(!bar.contains("rows"), "{bar}");
}

#[test]
fn export_writes_a_new_file_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(160, 45);
    app.export_dir = dir.path().to_path_buf();
    app.update(Action::Export);
    settle(&mut app);
    assert!(app.is_exporting(), "the write happens off the input loop");
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .starts_with("exporting to ")
    );
    finish_export(&mut app);
    app.update(Action::Export);
    settle(&mut app);
    finish_export(&mut app);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["synoptic-outage-2.txt", "synoptic-outage.txt"]);
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .contains("synoptic-outage-2.txt")
    );
}

#[test]
fn quit_and_tiny_sizes_do_not_panic() {
    let mut app = seeds_app(1, 1);
    app.update(Action::Resize(1, 1));
    app.update(Action::NextTopic);
    app.update(Action::Wheel(0, 3));
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn pairwise_against_a_pane_without_the_topic_says_so() {
    let mut app = seeds_app(160, 45);
    open_topic(&mut app, "breton");
    app.update(Action::CycleMode);
    app.update(Action::CycleMode);
    let silent = app.view.panes.iter().find(|p| !p.covers).unwrap().article;
    for _ in 0..app.view.panes.len() {
        if app.focus == silent {
            break;
        }
        app.update(Action::FocusRight);
    }
    assert_eq!(app.focus, silent, "l reaches every pane");
    let screen = screen(&app);
    assert!(
        screen.contains("does not cover this topic: focus another pane (h/l)"),
        "{screen}"
    );
}

#[test]
fn the_pairwise_legend_cuts_the_reference_name_never_the_marks() {
    for width in [80, 160] {
        let mut app = seeds_app(width, 24);
        app.update(Action::CycleMode);
        app.update(Action::CycleMode);
        let rows = screen_rows(&app);
        let legend = &rows[rows.len() - 2];
        assert!(
            legend.starts_with("against 1 · “Lors de sa con")
                && legend.contains("…: same sentence or quote · told elsewhere · edited"),
            "{width}: {legend}"
        );
        assert_eq!(
            legend.contains("unmarked: not in it"),
            width > 80,
            "{legend}"
        );
    }
}

#[test]
fn outside_rows_moving_the_cursor_does_not_lay_the_text_out_again() {
    let mut app = seeds_app(160, 45);
    app.update(Action::ToggleRows);
    assert!(!app.in_rows());
    let before = app.view.panes[0].lines.as_ptr();
    app.update(Action::NextParagraph);
    assert!(app.cursor_paragraph().is_some());
    assert_eq!(
        app.view.panes[0].lines.as_ptr(),
        before,
        "same lines, not rebuilt"
    );
    // Nothing is folded outside rows: no cursor is part of what the panes are laid out from.
    app.update(Action::NextParagraph);
    assert_eq!(app.shape().whole, Vec::new());
}

#[test]
fn scrolling_does_not_lay_the_text_out_again() {
    let mut app = seeds_app(160, 45);
    let before = app.view.panes[0].lines.as_ptr();
    app.update(Action::ScrollDown);
    app.update(Action::Help);
    app.update(Action::Back);
    // Outside pairwise, the focus does not shape the lines either.
    app.update(Action::FocusRight);
    assert_eq!(
        app.view.panes[0].lines.as_ptr(),
        before,
        "same lines, not rebuilt"
    );
    app.update(Action::Resize(100, 30));
    assert_ne!(
        app.view.panes[0].lines.as_ptr(),
        before,
        "a new width wraps again"
    );
}

/// The seed articles plus three more sources, as a corpus of eight articles.
fn eight_articles_app(w: u16, h: u16) -> App {
    let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
    let mut articles = load_embedded().articles;
    for i in 0..3 {
        let mut extra = articles[i].clone();
        extra.id = format!("extra_{i}");
        articles.push(extra);
    }
    App::new(Synopsis::build(articles, &topics.topics), (w, h), true)
}

/// The articles shown, and the widest wrapped line of each pane against its inner width.
fn panes_fit(app: &App) -> (Vec<usize>, bool) {
    let shown: Vec<usize> = app.view.panes.iter().map(|p| p.article).collect();
    let inner = usize::from(app.pane_area_width() / shown.len() as u16) - 2;
    let wide = app
        .view
        .panes
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.width)
        .max();
    let filled = wide.is_some_and(|w| w <= inner && w + 6 >= inner);
    (shown, filled)
}

#[test]
fn leaving_the_full_article_view_brings_every_pane_back_at_its_width() {
    let mut app = seeds_app(160, 45);
    let before = panes_fit(&app);
    assert_eq!(before.0, vec![0, 1, 2, 3, 4]);
    for keys in [
        &[Action::ToggleFullArticle, Action::NextTopic][..],
        &[Action::ToggleFullArticle, Action::ToggleFullArticle][..],
        &[Action::ToggleFullArticle, Action::Back][..],
    ] {
        app.update(Action::FocusRight);
        app.update(Action::FocusRight);
        let focused = app.focus;
        for &k in keys {
            app.update(k);
        }
        assert!(!app.full_article);
        assert_eq!(panes_fit(&app), before, "after {keys:?}");
        assert_eq!(app.focus, focused, "the focus stays where it was");
        app.update(Action::FocusLeft);
        app.update(Action::FocusLeft);
    }
}

#[test]
fn full_article_on_the_last_of_eight_panes_then_back_fills_the_screen() {
    let mut app = eight_articles_app(100, 30);
    let visible = app.visible_panes();
    assert!((2..8).contains(&visible));
    let order = app.order.clone();
    assert!(order.len() > visible);
    for _ in 0..7 {
        app.update(Action::FocusRight);
    }
    app.update(Action::ToggleFullArticle);
    assert_eq!(app.view.panes.len(), 1);
    app.update(Action::ToggleFullArticle);
    let (shown, filled) = panes_fit(&app);
    assert_eq!(shown, order[order.len() - visible..]);
    assert!(filled, "text wraps at the pane's own width");
}

#[test]
fn escape_closes_figures_and_the_full_article_view() {
    let mut app = seeds_app(160, 45);
    app.update(Action::ToggleFigures);
    app.update(Action::ToggleFullArticle);
    app.update(Action::Help);
    app.update(Action::Back);
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.full_article && app.show_figures, "one thing at a time");
    app.update(Action::Back);
    assert!(!app.full_article && app.show_figures);
    app.update(Action::Back);
    assert!(!app.show_figures);
}

#[test]
fn mode_names_are_one_table_and_m_cycles_through_every_mode() {
    for mode in Mode::all() {
        assert_eq!(Mode::from_name(mode.name()), Some(mode));
    }
    assert_eq!(Mode::from_name("colour"), None);
    let mut app = seeds_app(100, 30);
    let mut seen = vec![app.mode];
    for _ in 0..Mode::all().count() {
        app.update(Action::CycleMode);
        seen.push(app.mode);
    }
    assert_eq!(seen.first(), seen.last());
    seen.pop();
    seen.sort_by_key(|m| m.name());
    seen.dedup();
    assert_eq!(seen.len(), Mode::all().count());
}
