//! `App` and the screen with what a terminal sends beside keys: pastes, text with invisible
//! and joining characters, and messages longer than the status bar.

use super::tests::{screen, screen_rows, seeds_app};
use super::*;

#[test]
fn a_paste_fills_the_open_prompt_on_one_line_and_is_ignored_elsewhere() {
    let mut app = seeds_app(120, 30);
    let topic = app.topic;
    app.paste("qqq\nnnn");
    assert_eq!(app.topic, topic);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("pasted text ignored")
    );
    app.update(Action::StartSearch);
    app.paste("Elon\tMusk\n\u{1b}[31m");
    assert_eq!(app.search.input, "Elon Musk [31m");
    app.paste(&"x".repeat(5000));
    assert_eq!(app.search.input.chars().count(), super::moves::PASTE_LIMIT);
    assert_eq!(app.status.as_deref(), Some("paste cut to 1000 characters"));
}

#[test]
fn invisible_and_joining_characters_never_reach_the_screen() {
    let text = "Titre\n\nUn para\u{200B}graphe in\u{200D}visible, \u{2764}\u{FE0F} et \
                \u{1F468}\u{200D}\u{1F469}, tiret\u{AD}conditionnel, \u{1B}[31m rouge.\n\n\
                Un autre paragraphe.";
    let articles = vec![
        synoptic_core::input::ingest::article_from_text("a".into(), "a.txt".into(), text),
        synoptic_core::input::ingest::article_from_text(
            "b".into(),
            "b.txt".into(),
            "Titre\n\nAutre.",
        ),
    ];
    let mut app = App::new(Synopsis::build(articles, &[]), (80, 20), true);
    app.update(Action::ToggleFullArticle);
    let shown = screen(&app);
    assert!(shown.contains("Un paragraphe invisible,"), "{shown}");
    for hidden in ['\u{200B}', '\u{200D}', '\u{FE0F}', '\u{AD}', '\u{1B}'] {
        assert!(!shown.contains(hidden), "{hidden:?} reached the screen");
    }
}

#[test]
fn a_message_as_wide_as_the_bar_goes_above_it_one_column_less_stays_in_it() {
    let mut app = seeds_app(80, 24);
    let bar_of = |app: &App| crate::tui::widgets::status::status_text(app, 80);
    app.status = Some("m".repeat(79));
    assert!(bar_of(&app).contains(&"m".repeat(79)), "{}", bar_of(&app));
    app.status = Some("m".repeat(80));
    let bar = bar_of(&app);
    assert!(!bar.contains("mm") && bar.contains("q quit"), "{bar}");
    let rows = screen_rows(&app);
    assert!(
        rows[rows.len() - 3..rows.len() - 1]
            .concat()
            .contains(&"m".repeat(78))
    );
}

#[test]
fn a_message_longer_than_the_bar_is_shown_whole_above_it() {
    let mut app = seeds_app(80, 24);
    let path = format!(
        "/tmp/{}/export-{}.txt",
        "dossier".repeat(12),
        "x".repeat(120)
    );
    app.status = Some(format!(
        "could not write {path}: File name too long (os error 36)"
    ));
    let rows = screen_rows(&app);
    let joined = rows.concat();
    assert!(joined.contains(&path), "the path is cut:\n{joined}\n{path}");
    assert!(
        rows.join(" ").contains("File name too long (os error 36)"),
        "{rows:?}"
    );
    // The whole of it stands above the bar, which keeps the place and the hints.
    let bar = rows.last().unwrap();
    assert!(bar.starts_with("Topic 1/"), "{bar}");
    assert!(
        bar.ends_with("q quit") && !bar.contains("could not"),
        "{bar}"
    );
    assert!(
        rows[rows.len() - 2].ends_with("too long (os error 36)"),
        "{rows:?}"
    );
}

#[test]
fn with_one_article_the_status_bar_says_there_is_nothing_to_compare() {
    let articles = vec![synoptic_core::input::ingest::article_from_text(
        "only".into(),
        "only.txt".into(),
        "Headline\n\nThe volcano erupted overnight.",
    )];
    let mut app = App::new(Synopsis::build(articles, &[]), (120, 30), true);
    let bar = crate::tui::widgets::status::status_text(&app, 120);
    assert!(
        bar.contains("one article only: nothing to compare it with"),
        "{bar}"
    );
    app.update(Action::ScrollDown);
    let bar = crate::tui::widgets::status::status_text(&app, 120);
    assert!(bar.contains("one article only"), "it stays: {bar}");
}
