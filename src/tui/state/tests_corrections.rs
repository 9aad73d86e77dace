//! `App` driven by actions: corrections put a paragraph into a topic or take it out, add a
//! keyword, ask once where to save, and reach the topics file.

use super::sources_tests::many_sources_app;
use super::tests::{settle, type_text};
use super::*;
use crate::tui::effects::corrections_file::save_corrections;
use synoptic_core::input::topics_file::parse_topics;

/// Carry out the save the reader asked for, as the event loop does; the file's text.
pub(super) fn save(app: &mut App) -> String {
    let Some(Request::SaveTopics {
        path,
        defs,
        corrections,
    }) = app.requests.pop()
    else {
        panic!("no save asked: {:?}", app.status);
    };
    save_corrections(&path, &defs, &corrections).unwrap();
    app.saved(&path, corrections, Ok(()));
    std::fs::read_to_string(path).unwrap()
}

fn members(app: &App) -> Vec<(usize, usize)> {
    members_of(app, app.topic)
}

/// The members of topic `t` (an index), as (article, paragraph).
pub(super) fn members_of(app: &App, t: usize) -> Vec<(usize, usize)> {
    app.synopsis.topics[t]
        .members
        .iter()
        .map(|m| (m.at.article, m.at.paragraph))
        .collect()
}

#[test]
fn taking_a_paragraph_out_asks_once_where_to_save_then_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = many_sources_app(160, 45);
    app.export_dir = dir.path().to_owned();
    assert_eq!(members(&app), vec![(9, 1), (10, 1), (11, 1)]);
    assert_eq!(app.focus, 9);
    app.update(Action::PinOut);
    settle(&mut app);
    assert_eq!(members(&app), vec![(10, 1), (11, 1)], "applied at once");
    assert_eq!(app.overlay, Overlay::Confirm);
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(bar.contains("Save corrections to"), "{bar}");
    assert!(bar.contains("topics.toml"), "{bar}");
    assert!(app.requests.is_empty(), "nothing written before the answer");
    assert!(bar.contains("Read it back with --topics"), "{bar}");
    app.update(Action::ConfirmYes);
    let text = save(&mut app);
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("“The volcano”: 0 paragraphs in, 1 out (1 source) · saved to"),
        "the status says what changed: {status}"
    );
    let read = parse_topics("topics.toml", &text).unwrap();
    let volcano = read.topics.iter().find(|t| t.id == "volcano").unwrap();
    assert_eq!(volcano.pins.len(), 1);
    assert!(!volcano.pins[0].include);
    assert_eq!(volcano.pins[0].article, "s09");
    // Approved once: the next correction is saved without asking.
    assert_eq!(
        app.focus, 10,
        "the focus moved to a source still in the topic"
    );
    app.update(Action::PinOut);
    settle(&mut app);
    assert_eq!(app.overlay, Overlay::None);
    let text = save(&mut app);
    assert!(text.contains("s09") && text.contains("s10"), "{text}");
}

#[test]
fn saying_no_keeps_the_correction_for_the_session_only() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = many_sources_app(160, 45);
    app.update(Action::PinOut);
    settle(&mut app);
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(bar.trim_end().ends_with("y yes · n no"), "{bar}");
    let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
    let answer = app.keymap.lookup(Context::Confirm, n).unwrap();
    assert_eq!(answer, Action::ConfirmNo);
    app.update(answer);
    assert!(app.requests.is_empty());
    let status = app.status.as_deref().unwrap();
    assert!(
        status.starts_with("“The volcano”: 0 paragraphs in, 1 out (1 source) · not saved"),
        "{status}"
    );
    assert_eq!(members(&app).len(), 2);
}

#[test]
fn a_paragraph_of_the_full_article_can_be_put_into_the_topic() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::ToggleFullArticle);
    // The focused article's last paragraph (its council budget) is in no topic.
    app.update(Action::Bottom);
    app.update(Action::PinIn);
    settle(&mut app);
    assert!(members(&app).contains(&(9, 3)), "{:?}", members(&app));
    let pinned = &app.synopsis.topics[app.topic].members;
    assert!(
        pinned
            .iter()
            .any(|m| m.at.paragraph == 3 && (m.score - 1.0).abs() < 1e-6)
    );
    app.update(Action::PinIn);
    settle(&mut app);
    assert!(app.status.as_deref().unwrap().contains("already in"));
}

#[test]
fn a_keyword_typed_in_the_prompt_realigns_the_topic() {
    let mut app = many_sources_app(160, 45);
    let mut articles = app.synopsis.articles.clone();
    let geyser = synoptic_core::input::ingest::article_from_text(
        "s12".into(),
        "s12.txt".into(),
        "Headline number 12\n\nA geyser burst near the glacier at dawn.\n\nA new bakery opened on the main square.",
    );
    articles.push(geyser);
    let defs = app.topics.defs.clone();
    app = App::new(Synopsis::build(articles, &defs), (160, 45), true);
    assert!(!members(&app).contains(&(12, 1)));
    app.update(Action::AddKeyword);
    assert_eq!(app.overlay, Overlay::Keyword);
    type_text(&mut app, "geyser");
    assert!(
        crate::tui::widgets::status::status_text(&app, 160)
            .contains("keyword for “The volcano”: geyser")
    );
    app.update(Action::SearchSubmit);
    settle(&mut app);
    assert_eq!(
        app.topics.defs[0].keywords,
        vec!["volcano", "lava", "geyser"]
    );
    assert!(members(&app).contains(&(12, 1)), "{:?}", members(&app));
    assert_eq!(app.overlay, Overlay::Confirm);
}

#[test]
fn a_failed_save_is_kept_counted_and_written_with_the_next_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = many_sources_app(160, 45);
    app.export_dir = dir.path().to_owned();
    app.update(Action::PinOut);
    settle(&mut app);
    app.update(Action::ConfirmYes);
    let Some(Request::SaveTopics {
        path, corrections, ..
    }) = app.requests.pop()
    else {
        panic!("no save asked");
    };
    app.saved(&path, corrections, Err(anyhow::anyhow!("disk full")));
    assert_eq!(app.unsaved_count(), 1);
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("NOT saved to ") && status.contains("disk full"),
        "{status}"
    );
    app.status = None;
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(
        bar.contains("· 1 unsaved"),
        "the bar says so until it is saved: {bar}"
    );
    // The next correction writes both, the failed one first.
    app.update(Action::PinOut);
    settle(&mut app);
    let text = save(&mut app);
    let read = parse_topics("topics.toml", &text).unwrap();
    let volcano = read.topics.iter().find(|t| t.id == "volcano").unwrap();
    let articles: Vec<&str> = volcano.pins.iter().map(|p| p.article.as_str()).collect();
    assert_eq!(articles, ["s09", "s10"]);
    app.saved(&dir.path().join("topics.toml"), Vec::new(), Ok(()));
    assert_eq!(app.unsaved_count(), 0);
    assert!(!crate::tui::widgets::status::status_text(&app, 160).contains("unsaved"));
}

#[test]
fn update_only_asks_the_loop_realigns_then_saves_in_that_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = many_sources_app(160, 45);
    app.export_dir = dir.path().to_owned();
    app.update(Action::PinOut);
    assert_eq!(
        app.requests,
        [Request::Realign {
            stay_on: "volcano".into(),
            corrected: "volcano".into()
        }]
    );
    assert_eq!(members(&app), vec![(9, 1), (10, 1), (11, 1)], "not yet");
    app.update(Action::ConfirmYes);
    assert!(matches!(app.requests[1], Request::SaveTopics { .. }));
    let left = crate::tui::terminal::requests::carry_out_all_offscreen(&mut app);
    assert!(left.is_empty());
    assert_eq!(members(&app), vec![(10, 1), (11, 1)]);
    let saved = std::fs::read_to_string(dir.path().join("topics.toml")).unwrap();
    assert!(saved.contains("s09"), "{saved}");
    assert!(app.status.as_deref().unwrap_or("").contains("saved"));
}

#[test]
fn the_review_brings_each_doubtful_paragraph_to_the_top_of_its_pane_once() {
    let mut app = many_sources_app(160, 45);
    let mut shown = Vec::new();
    for _ in 0..3 {
        app.update(Action::Review);
        let at = app.cursor_paragraph().unwrap();
        assert_eq!(app.focus, at.article);
        let bar = app.status.clone().unwrap();
        assert!(
            bar.starts_with(&format!("review {} of 3: ", shown.len() + 1)),
            "{bar}"
        );
        assert!(
            bar.contains("in “The volcano”") && bar.contains("+ yes  - no  v next"),
            "{bar}"
        );
        shown.push((at.article, at.paragraph));
    }
    shown.sort_unstable();
    assert_eq!(shown, members(&app), "each member once");
    app.update(Action::Review);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("nothing left to review")
    );
}

#[test]
fn a_member_under_review_can_be_confirmed_and_the_pin_is_saved() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::Review);
    let at = app.cursor_paragraph().unwrap();
    app.update(Action::PinIn);
    settle(&mut app);
    let pins = &app.topics.defs[0].pins;
    assert_eq!(pins.len(), 1, "{:?}", app.status);
    assert!(pins[0].include);
    assert_eq!(pins[0].article, app.synopsis.articles[at.article].id);
    assert_eq!(app.overlay, Overlay::Confirm, "saved like any correction");
    assert_eq!(
        app.changed.as_deref(),
        Some("“The volcano”: no paragraph in or out"),
        "a confirmation moves nothing, and says so"
    );
    app.update(Action::Back);
    app.update(Action::Review);
    assert_ne!(
        app.cursor_paragraph(),
        Some(at),
        "a pinned paragraph is settled"
    );
}

#[test]
fn a_look_alike_out_of_the_topic_is_shown_in_its_full_article() {
    let mut app = many_sources_app(160, 45);
    // Source 3 names the coast the lava reached, and nothing else of the eruption.
    let mut articles = app.synopsis.articles.clone();
    articles[3] = synoptic_core::input::ingest::article_from_text(
        "s03".into(),
        "s03.txt".into(),
        "Headline number 3\n\nA new bakery opened on the main square.\n\n\
         The coast road was closed for repairs, they said.",
    );
    let defs = app.topics.defs.clone();
    app = App::new(Synopsis::build(articles, &defs), (160, 45), true);
    let mut out_of_topic = None;
    for _ in 0..6 {
        app.update(Action::Review);
        if app
            .status
            .as_deref()
            .unwrap_or("")
            .contains("not in “The volcano”")
        {
            out_of_topic = app.cursor_paragraph();
            break;
        }
    }
    let at = out_of_topic.expect("the look-alike is reviewed");
    assert_eq!((at.article, at.paragraph), (3, 2));
    assert!(
        app.full_article,
        "a paragraph out of the topic is read in its article"
    );
    assert!(app.status.as_deref().unwrap().contains("is it missing?"));
}

#[test]
fn undo_takes_a_saved_correction_back_out_of_the_reader_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = many_sources_app(160, 45);
    app.export_dir = dir.path().to_owned();
    app.update(Action::PinOut);
    settle(&mut app);
    app.update(Action::ConfirmYes);
    let text = save(&mut app);
    assert!(text.contains("exclude"), "{text}");
    assert_eq!(members(&app), vec![(10, 1), (11, 1)]);
    app.update(Action::Undo);
    settle(&mut app);
    assert_eq!(members(&app), vec![(9, 1), (10, 1), (11, 1)], "back in");
    assert!(app.topics.defs[0].pins.is_empty());
    let text = save(&mut app);
    assert!(
        !text.contains("exclude"),
        "no pin and no empty list left: {text}"
    );
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("undone: “The volcano”: 1 paragraph in, 0 out"),
        "{:?}",
        app.status
    );
    app.update(Action::Undo);
    assert_eq!(app.status.as_deref(), Some("nothing to undo"));
}

#[test]
fn undo_forgets_a_correction_never_saved() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::PinOut);
    settle(&mut app);
    app.update(Action::Back);
    assert_eq!(app.unsaved_count(), 1);
    app.update(Action::Undo);
    settle(&mut app);
    assert_eq!(app.unsaved_count(), 0);
    assert!(app.requests.is_empty(), "nothing to write");
    assert_eq!(members(&app), vec![(9, 1), (10, 1), (11, 1)]);
    let bar = app.status.clone().unwrap_or_default();
    assert!(
        bar.starts_with("undone: “The volcano”: 1 paragraph in"),
        "{bar}"
    );
    // The next correction is not said as an undo.
    app.update(Action::PinOut);
    settle(&mut app);
    let bar = app.status.clone().unwrap_or_default();
    assert!(
        bar.starts_with("“The volcano”: 0 paragraphs in, 1 out"),
        "{bar}"
    );
}

#[test]
fn a_keyword_no_paragraph_uses_is_refused() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::AddKeyword);
    type_text(&mut app, "geyser");
    app.update(Action::SearchSubmit);
    settle(&mut app);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("“geyser” is in no paragraph"),
        "{:?}",
        app.status
    );
    assert_eq!(app.topics.defs[0].keywords, vec!["volcano", "lava"]);
    assert_eq!(app.overlay, Overlay::None, "nothing to save");
}

#[test]
fn the_paragraph_under_review_is_shown_whole_even_alone_on_its_row() {
    let mut app = super::tests::seeds_app(160, 45);
    assert!(
        app.rows && app.fold,
        "passages alone on their row are folded"
    );
    let mut long = 0;
    for _ in 0..10 {
        app.update(Action::Review);
        let Some(at) = app.cursor_paragraph() else {
            continue;
        };
        let text = &at.paragraph_in(&app.synopsis.articles).text;
        let pane = app.view.panes.iter().find(|p| p.article == at.article);
        let lines = &pane.unwrap().lines;
        let shown: Vec<String> = lines
            .iter()
            .map(synoptic_core::output::layout::Line::plain)
            .collect();
        // Its last word, not a closing quote.
        let words = text.split_whitespace().rev();
        let last = words
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| w.chars().count() >= 4)
            .unwrap();
        assert!(
            shown.iter().any(|l| l.contains(last)),
            "{at:?} ends on {last:?}, not shown: {shown:#?}"
        );
        long += usize::from(text.chars().count() > 300);
    }
    assert!(
        long > 0,
        "a paragraph long enough to be folded was reviewed"
    );
}

#[test]
fn the_save_question_and_what_changed_are_both_shown_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = many_sources_app(100, 30);
    app.export_dir = dir.path().to_owned();
    app.update(Action::PinOut);
    settle(&mut app);
    assert_eq!(app.overlay, Overlay::Confirm);
    let changed = app.status.clone().unwrap();
    let rows = super::tests::screen_rows(&app);
    let shown = rows
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let file = dir.path().join("topics.toml").display().to_string();
    let question =
        format!("Save corrections to {file}? It is a new file. Read it back with --topics {file}.");
    assert!(shown.contains(&question), "{question}\n{rows:#?}");
    assert!(shown.contains(&changed), "{changed}\n{rows:#?}");
    // The question nearest the bar, what changed above it.
    assert!(shown.find(&changed) < shown.find(&question), "{rows:#?}");
}

/// The save question after a correction in a reader whose topics came from `file` (none: the
/// embedded ones), saving to `dir`, as the screen shows it on one line.
fn save_question(dir: &std::path::Path, file: Option<std::path::PathBuf>) -> String {
    let mut app = many_sources_app(200, 30);
    app.export_dir = dir.to_owned();
    app.topics.file = file;
    app.update(Action::PinOut);
    settle(&mut app);
    assert_eq!(app.overlay, Overlay::Confirm);
    let rows = super::tests::screen_rows(&app).join(" ");
    let shown = rows.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = shown.find("Save corrections").unwrap();
    shown[start..].to_owned()
}

#[test]
fn the_save_question_says_whether_the_file_is_new_or_edited_and_one_not_read_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("topics.toml");
    let name = file.display().to_string();
    let other_event = "[[topic]]\nid = \"other\"\nlabel = \"Another event\"\nkeywords = [\"x\"]\n";
    std::fs::write(&file, other_event).unwrap();
    // Another event's topics, maybe: corrections go to a file of their own.
    let fresh = dir.path().join("topics-2.toml").display().to_string();
    let question = save_question(dir.path(), None);
    assert!(
        question.starts_with(&format!(
            "Save corrections to {fresh}? It is a new file. Read it back with --topics {fresh}."
        )),
        "{question}"
    );
    // However wide the bar, what changed goes above it and the keys that answer stay.
    assert!(question.contains("y yes · n no"), "{question}");
    let question = save_question(dir.path(), Some(file.clone()));
    assert!(
        question.starts_with(&format!(
            "Save corrections to {name}? It is edited in place, comments kept."
        )),
        "{question}"
    );
    // A file the reader read is found by the next run the same way.
    assert!(!question.contains("--topics"), "{question}");
    std::fs::remove_file(&file).unwrap();
    let question = save_question(dir.path(), Some(file));
    assert!(
        question.starts_with(&format!("Save corrections to {name}? It is a new file.")),
        "{question}"
    );
}

#[test]
fn corrections_after_the_first_go_to_the_file_the_first_chose() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = many_sources_app(200, 30);
    app.export_dir = dir.path().to_owned();
    app.update(Action::PinOut);
    settle(&mut app);
    let first = app.save_path();
    assert_eq!(first, dir.path().join("topics.toml"));
    // Saved: the file is there now, and it is this run's own.
    std::fs::write(&first, "").unwrap();
    app.update(Action::ConfirmNo);
    app.update(Action::PinIn);
    settle(&mut app);
    assert_eq!(app.save_path(), first);
}
