//! `App` driven by actions, without a terminal: many sources, jumps by number, clicks, the
//! filtered topic list, the view of unclaimed paragraphs, and taking passages out.

use super::tests::{screen, seeds_app};
use super::*;
use crate::tui::effects::Request;
use synoptic_core::input::ingest::article_from_text;
use synoptic_core::model::topic_def::TopicDef;

fn def(id: &str, keywords: &[&str]) -> TopicDef {
    TopicDef {
        id: id.into(),
        label: format!("The {id}"),
        keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        description: None,
        pins: Vec::new(),
    }
}

/// Twelve sources: the last three tell of an eruption, all of them of a bakery, and each one
/// has a paragraph of its own about something else.
pub(super) fn many_sources_app(w: u16, h: u16) -> App {
    let articles = (0..12)
        .map(|i| {
            let eruption = if i >= 9 {
                "The volcano erupted overnight and lava reached the coast.\n\n"
            } else {
                ""
            };
            let text = format!(
                "Headline number {i}\n\n{eruption}A new bakery opened on the main square.\n\n\
                 The council of town {i} voted a budget of {i} million for its roads."
            );
            article_from_text(format!("s{i:02}"), format!("s{i:02}.txt"), &text)
        })
        .collect();
    let defs = [
        def("volcano", &["volcano", "lava"]),
        def("bakery", &["bakery"]),
    ];
    App::new(Synopsis::build(articles, &defs), (w, h), true)
}

fn shown(app: &App) -> Vec<usize> {
    app.view.panes.iter().map(|p| p.article).collect()
}

#[test]
fn with_more_sources_than_fit_only_those_covering_the_topic_are_shown() {
    let mut app = many_sources_app(160, 45);
    assert!(app.visible_panes() < 12);
    assert_eq!(shown(&app), vec![9, 10, 11], "the eruption's three sources");
    assert!(app.view.panes.iter().all(|p| p.covers));
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(bar.contains("3/12 sources · 9 hidden (a all)"), "{bar}");
    app.update(Action::ToggleAllSources);
    assert_eq!(app.order, (0..12).collect::<Vec<_>>());
    assert_eq!(shown(&app)[0], 0);
    assert!(!crate::tui::widgets::status::status_text(&app, 160).contains("hidden"));
}

#[test]
fn a_number_then_enter_opens_that_topic_and_then_s_focuses_that_source() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::Digit(2));
    assert_eq!(
        app.status.as_deref(),
        Some("2: Enter topic · s source · + paragraph into topic 2 · - out of it")
    );
    app.update(Action::GoToTopic);
    assert_eq!(app.topic, 1);
    app.update(Action::Digit(1));
    app.update(Action::Digit(1));
    app.update(Action::GoToSource);
    assert_eq!(app.focus, 10);
    app.update(Action::Digit(9));
    app.update(Action::GoToTopic);
    assert_eq!(app.topic, 1);
    assert!(app.status.as_deref().unwrap().starts_with("no topic 9"));
    app.update(Action::GoToTopic);
    assert!(app.status.as_deref().unwrap().contains("number first"));
}

#[test]
fn jumping_to_a_hidden_source_shows_every_source() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::Digit(1));
    app.update(Action::GoToSource);
    assert!(app.all_sources);
    assert_eq!(app.focus, 0);
    assert!(shown(&app).contains(&0));
}

#[test]
fn a_number_is_forgotten_by_any_other_key() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::Digit(2));
    app.update(Action::ScrollDown);
    app.update(Action::GoToTopic);
    assert_eq!(app.topic, 0);
}

#[test]
fn typing_in_the_topic_list_filters_it_and_escape_clears_then_closes() {
    let mut app = seeds_app(160, 45);
    app.update(Action::ToggleTopicList);
    let all = app.listed_topics().len();
    for c in "BRET".chars() {
        app.update(Action::ListFilterInput(c));
    }
    let listed = app.listed_topics();
    assert_eq!(listed.len(), 1, "case ignored: {listed:?} of {all}");
    assert_eq!(app.list.selected, listed[0]);
    assert!(screen(&app).contains("1 of 7 · “BRET”"));
    app.update(Action::Back);
    assert_eq!(app.overlay, Overlay::TopicList);
    assert_eq!(app.listed_topics().len(), all);
    app.update(Action::ListFilterInput('z'));
    app.update(Action::ListFilterInput('q'));
    app.update(Action::ListOpen);
    assert_eq!(app.status.as_deref(), Some("no topic matches the filter"));
    app.update(Action::ListFilterBackspace);
    app.update(Action::ListFilterBackspace);
    app.update(Action::ListPageDown);
    assert_eq!(app.list.selected, all - 1);
    app.update(Action::ListOpen);
    assert_eq!(app.topic, all - 1);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn the_topic_list_narrows_the_panes_and_closing_it_gives_back_the_same_ones() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::ToggleAllSources);
    assert_eq!(shown(&app), vec![0, 1, 2, 3, 4]);
    for _ in 0..4 {
        app.update(Action::FocusRight);
    }
    assert_eq!(app.focus, 4);
    app.update(Action::ToggleTopicList);
    assert!(shown(&app).contains(&4), "the focused pane stays in sight");
    assert!(shown(&app).len() < 5);
    app.update(Action::Back);
    assert_eq!(
        shown(&app),
        vec![0, 1, 2, 3, 4],
        "not the window the list moved to"
    );
    assert_eq!(app.focus, 4);
}

#[test]
fn the_window_of_panes_follows_the_focus_both_ways() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::ToggleAllSources);
    for _ in 0..6 {
        app.update(Action::FocusRight);
    }
    assert_eq!(shown(&app), vec![2, 3, 4, 5, 6]);
    for _ in 0..4 {
        app.update(Action::FocusLeft);
    }
    assert_eq!(
        shown(&app),
        vec![2, 3, 4, 5, 6],
        "the focus is still in the window"
    );
    app.update(Action::FocusLeft);
    assert_eq!(app.focus, 1);
    assert_eq!(shown(&app), vec![1, 2, 3, 4, 5]);
}

#[test]
fn the_wheel_beside_the_topic_list_scrolls_the_pane_under_it() {
    // Low enough that each town's budget is longer than its pane.
    let mut app = many_sources_app(160, 5);
    app.update(Action::ToggleAllSources);
    // What no topic claims (each town's budget, two lines or more), each pane from its top so
    // that it scrolls alone.
    app.update(Action::ToggleUnclaimed);
    app.update(Action::ToggleRows);
    for _ in 0..4 {
        app.update(Action::FocusRight);
    }
    app.update(Action::ToggleTopicList);
    assert_eq!(shown(&app), vec![2, 3, 4], "moved to show the fifth pane");
    let lines = app.view.panes[0].lines.len();
    assert!(lines > app.pane_height(), "{lines} lines");
    app.update(Action::Wheel(app.list_width() + 1, 1));
    assert_eq!(app.scroll[2], 1);
    assert_eq!(app.scroll[0], 0);
}

#[test]
fn a_click_focuses_a_pane_and_opens_a_topic_in_the_list() {
    let mut app = seeds_app(160, 45);
    app.update(Action::Click(100, 10));
    assert_eq!(
        app.focus, 3,
        "160 columns, five panes of 32: column 100 is the fourth"
    );
    app.update(Action::ToggleTopicList);
    let list = app.areas().list;
    // Each topic takes two rows under the border: the third topic starts at row 5.
    app.update(Action::Click(list.x + 3, list.y + 5));
    assert_eq!(app.topic, 2);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn y_copies_the_focused_passage_with_its_source() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::CopyPassage);
    let Some(Request::Copy(text)) = app.requests.pop() else {
        panic!("no copy asked: {:?}", app.status);
    };
    assert_eq!(
        text,
        "The volcano erupted overnight and lava reached the coast.\n— Headline number 9\n"
    );
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("copied the passage")
    );
}

#[test]
fn shift_y_copies_the_passages_on_screen_as_a_markdown_table() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::CopyRow);
    let Some(Request::Copy(table)) = app.requests.pop() else {
        panic!("no copy asked");
    };
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "| Headline number 9 | Headline number 10 | Headline number 11 |"
    );
    assert_eq!(lines[1], "| --- | --- | --- |");
    assert_eq!(lines[2].matches("The volcano erupted").count(), 3);
}

#[test]
fn o_asks_for_the_pager_with_the_whole_article() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::OpenPager);
    let Some(Request::Pager(text)) = app.requests.pop() else {
        panic!("no pager asked");
    };
    assert!(text.starts_with("Headline number 9\ns09.txt\n"), "{text}");
    assert!(text.contains("\nThe council of town 9 voted"));
}

#[test]
fn m_lets_the_terminal_have_the_mouse() {
    let mut app = seeds_app(160, 45);
    assert!(app.mouse);
    app.update(Action::ToggleMouse);
    assert!(!app.mouse);
    assert!(app.status.as_deref().unwrap().contains("select text"));
}

#[test]
fn u_shows_what_no_topic_claims_and_n_goes_back_to_the_topics() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::ToggleUnclaimed);
    assert!(app.unclaimed);
    let first = &app.view.panes[0];
    let text: String = first
        .lines
        .iter()
        .map(synoptic_core::output::layout::Line::plain)
        .collect();
    assert!(text.contains("The council of town"), "{text}");
    assert!(
        !text.contains("bakery"),
        "a claimed paragraph is not listed"
    );
    assert!(screen(&app).contains("paragraphs no topic claims"));
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(
        bar.contains("Not in any topic · 12 paragraphs in 12/12 sources"),
        "{bar}"
    );
    app.update(Action::NextTopic);
    assert!(!app.unclaimed);
    assert_eq!(app.topic, 1);
}

#[test]
fn rows_keep_facing_passages_level_and_scroll_together() {
    let mut app = seeds_app(160, 45);
    assert!(app.rows);
    let heights: Vec<usize> = app.view.panes.iter().map(|p| p.lines.len()).collect();
    assert!(heights.windows(2).all(|w| w[0] == w[1]), "{heights:?}");
    // Passages that tell the same thing start on one line, across panes.
    let starts: Vec<Vec<usize>> = app
        .view
        .panes
        .iter()
        .map(|p| p.paragraph_lines.iter().map(|pl| pl.line).collect())
        .collect();
    let level = starts[0]
        .iter()
        .filter(|l| starts[1..].iter().any(|s| s.contains(l)))
        .count();
    assert!(level >= 2, "passages face each other: {starts:?}");
    app.update(Action::PageDown);
    let scrolls: Vec<usize> = app
        .view
        .panes
        .iter()
        .map(|p| app.scroll[p.article])
        .collect();
    assert!(
        scrolls[0] > 0 && scrolls.windows(2).all(|w| w[0] == w[1]),
        "{scrolls:?}"
    );
    app.update(Action::ToggleRows);
    assert!(!app.rows);
    let heights: Vec<usize> = app.view.panes.iter().map(|p| p.lines.len()).collect();
    assert!(
        heights.windows(2).any(|w| w[0] != w[1]),
        "each pane from its top: {heights:?}"
    );
    app.update(Action::ScrollDown);
    let focus = app.focus;
    let moved: Vec<usize> = app
        .view
        .panes
        .iter()
        .filter(|p| p.article != focus && app.scroll[p.article] != app.scroll[focus])
        .map(|p| p.article)
        .collect();
    assert!(!moved.is_empty(), "only the focused pane scrolls now");
}

#[test]
fn home_and_end_reach_the_ends_of_a_topic_list_of_thousands() {
    let mut app = seeds_app(120, 30);
    let mut topics = app.synopsis.topics.clone();
    let template = topics[0].clone();
    for i in 0..3000 {
        let mut t = template.clone();
        t.id = format!("t{i}");
        t.label = format!("Topic {i}");
        topics.push(t);
    }
    std::sync::Arc::make_mut(&mut app.synopsis).topics = topics;
    let last = app.synopsis.topics.len() - 1;
    app.update(Action::ToggleTopicList);
    app.update(Action::ListLast);
    app.update(Action::ListOpen);
    assert_eq!(app.topic, last);
    app.update(Action::ToggleTopicList);
    app.update(Action::ListFirst);
    app.update(Action::ListOpen);
    assert_eq!(app.topic, 0);
}

#[test]
fn the_topic_list_counts_the_sources_when_a_cell_each_would_hide_the_keywords() {
    let mut wide = many_sources_app(160, 45);
    wide.update(Action::ToggleTopicList);
    let shown = screen(&wide);
    assert!(shown.contains("3¶ ·········■■■ volcano, lava"), "{shown}");
    // At 78 columns the list's row is 24 wide: twelve cells fill half of it, exactly.
    let mut half = many_sources_app(78, 30);
    half.update(Action::ToggleTopicList);
    let shown = screen(&half);
    assert!(shown.contains("3¶ ·········■■■ vol"), "{shown}");
    let mut narrow = many_sources_app(72, 30);
    narrow.update(Action::ToggleTopicList);
    let shown = screen(&narrow);
    assert!(shown.contains("3¶ 3/12 sources vol"), "{shown}");
    assert!(!shown.contains("·■■■"), "{shown}");
}

#[test]
fn a_source_copying_an_earlier_one_is_named_a_copy_in_its_pane_title() {
    let story = "The volcano erupted overnight.\n\nLava reached the coast.\n\n\
                 The airport closed.\n\nAsh fell on the town.";
    let articles = [
        ("first", story),
        ("other", "The volcano is calm."),
        ("again", story),
    ]
    .iter()
    .map(|(name, body)| {
        let text = format!("Headline {name}\n\n{body}");
        article_from_text((*name).into(), format!("{name}.txt"), &text)
    })
    .collect();
    let app = App::new(
        Synopsis::build(articles, &[def("volcano", &["volcano"])]),
        (160, 40),
        true,
    );
    let titles: Vec<&str> = app.view.panes.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "1 · Headline first",
            "2 · Headline other",
            "3 · copy of 1 · Headline again"
        ]
    );
}
