//! `App` driven by actions: a number typed before `+` or `-` corrects that topic, from
//! wherever the reader is, and the review names the other topics its paragraph is in.

use super::correction_tests::{members_of, save};
use super::sources_tests::many_sources_app;
use super::tests::settle;
use super::*;
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::topic::Origin;

/// Topic `id`'s number, as typed, and its index.
fn topic_number(app: &App, id: &str) -> (u8, usize) {
    let t = app.synopsis.topics.iter().position(|t| t.id == id).unwrap();
    (u8::try_from(t + 1).unwrap(), t)
}

#[test]
fn a_number_then_plus_puts_the_paragraph_into_that_topic_and_stays_here() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = many_sources_app(160, 45);
    app.export_dir = dir.path().to_owned();
    let (bakery, bakery_at) = topic_number(&app, "bakery");
    assert_eq!(app.synopsis.topics[app.topic].id, "volcano");
    let at = app.cursor_paragraph().unwrap();
    assert_eq!((at.article, at.paragraph), (9, 1));
    assert!(!members_of(&app, bakery_at).contains(&(9, 1)));
    app.update(Action::Digit(bakery));
    app.update(Action::PinIn);
    settle(&mut app);
    assert_eq!(
        app.synopsis.topics[app.topic].id, "volcano",
        "the reader stays"
    );
    assert!(members_of(&app, bakery_at).contains(&(9, 1)));
    assert!(members_of(&app, app.topic).contains(&(9, 1)), "and here");
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("“The bakery”: 1 paragraph in, 0 out (1 source)"),
        "the status names the topic corrected: {status}"
    );
    app.update(Action::ConfirmYes);
    let text = save(&mut app);
    let read = parse_topics("topics.toml", &text).unwrap();
    let pins = |id: &str| {
        read.topics
            .iter()
            .find(|t| t.id == id)
            .unwrap()
            .pins
            .clone()
    };
    assert!(pins("volcano").is_empty(), "{text}");
    let into_bakery = pins("bakery");
    assert_eq!(into_bakery.len(), 1, "{text}");
    assert!(into_bakery[0].include);
    assert_eq!(into_bakery[0].article, "s09");
}

#[test]
fn a_number_then_minus_takes_it_out_of_that_topic_and_undo_puts_it_back() {
    let mut app = many_sources_app(160, 45);
    let (bakery, bakery_at) = topic_number(&app, "bakery");
    app.update(Action::Digit(bakery));
    app.update(Action::PinIn);
    settle(&mut app);
    app.update(Action::Back);
    app.update(Action::Digit(bakery));
    app.update(Action::PinOut);
    settle(&mut app);
    assert!(!members_of(&app, bakery_at).contains(&(9, 1)));
    assert_eq!(app.synopsis.topics[app.topic].id, "volcano");
    app.update(Action::Undo);
    settle(&mut app);
    assert!(members_of(&app, bakery_at).contains(&(9, 1)), "back in");
    assert_eq!(
        app.synopsis.topics[app.topic].id, "volcano",
        "undo stays too"
    );
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("undone: “The bakery”: 1 paragraph in"),
        "{status}"
    );
}

#[test]
fn a_number_beyond_the_topics_corrects_nothing() {
    let mut app = many_sources_app(160, 45);
    let count = app.synopsis.topics.len();
    app.update(Action::Digit(u8::try_from(count + 1).unwrap()));
    app.update(Action::PinIn);
    assert!(app.requests.is_empty());
    assert_eq!(
        app.status.as_deref(),
        Some(format!("no topic {}: topics are numbered 1 to {count}", count + 1).as_str())
    );
    app.update(Action::PinIn);
    assert!(!app.requests.is_empty(), "without a number: this topic");
}

#[test]
fn the_review_names_the_other_topics_its_paragraph_is_in() {
    let mut app = many_sources_app(160, 45);
    let (bakery, bakery_at) = topic_number(&app, "bakery");
    app.update(Action::Review);
    let at = app.cursor_paragraph().unwrap();
    let bar = app.status.clone().unwrap();
    assert!(!bar.contains("also in"), "{bar}");
    app.update(Action::Digit(bakery));
    app.update(Action::PinIn);
    settle(&mut app);
    assert_eq!(app.cursor_paragraph(), Some(at), "the cursor stays on it");
    app.update(Action::Back);
    assert!(members_of(&app, bakery_at).contains(&(at.article, at.paragraph)));
    // A new review of the topic asks about the same paragraph first: it is still unsure here.
    app.review = None;
    app.update(Action::Review);
    assert_eq!(app.cursor_paragraph(), Some(at));
    let bar = app.status.clone().unwrap();
    assert!(
        bar.contains(&format!("in “The volcano”, also in topic {bakery}, ")),
        "{bar}"
    );
}

#[test]
fn the_status_bar_names_the_other_topics_of_the_paragraph_under_the_cursor() {
    let mut app = many_sources_app(160, 45);
    let (bakery, _) = topic_number(&app, "bakery");
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(
        bar.contains(" · ¶2/4 ") && !bar.contains("in topic"),
        "{bar}"
    );
    app.update(Action::Digit(bakery));
    app.update(Action::PinIn);
    settle(&mut app);
    app.update(Action::Back);
    app.status = None;
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(
        bar.contains(&format!(" · ¶2/4, also in topic {bakery} ")),
        "{bar}"
    );
    // In the full article, a paragraph out of the open topic is named by its own topics.
    app.update(Action::ToggleFullArticle);
    app.update(Action::NextParagraph);
    let at = app.cursor_paragraph().unwrap();
    assert!(!members_of(&app, app.topic).contains(&(at.article, at.paragraph)));
    let holding: Vec<usize> = (0..app.synopsis.topics.len())
        .filter(|&t| members_of(&app, t).contains(&(at.article, at.paragraph)))
        .collect();
    let [t] = holding[..] else {
        panic!("one topic holds it: {holding:?}");
    };
    let bar = crate::tui::widgets::status::status_text(&app, 160);
    assert!(
        bar.contains(&format!(" · ¶{}/4, in topic {} ", at.paragraph + 1, t + 1)),
        "{bar}"
    );
}

#[test]
fn a_paragraph_under_review_that_leaves_the_topic_stays_under_the_cursor() {
    let mut app = many_sources_app(160, 45);
    let (bakery, bakery_at) = topic_number(&app, "bakery");
    app.update(Action::Review);
    let at = app.cursor_paragraph().unwrap();
    assert!(
        !app.full_article,
        "a member is shown among the topic's passages"
    );
    app.update(Action::PinOut);
    settle(&mut app);
    app.update(Action::Back);
    assert!(!members_of(&app, app.topic).contains(&(at.article, at.paragraph)));
    assert!(app.full_article, "shown in its full article");
    assert_eq!(app.focus, at.article);
    assert_eq!(
        app.cursor_paragraph(),
        Some(at),
        "not a neighbour in its place"
    );
    // So the number that follows puts this paragraph, and no other, where it belongs.
    app.update(Action::Digit(bakery));
    app.update(Action::PinIn);
    settle(&mut app);
    assert!(members_of(&app, bakery_at).contains(&(at.article, at.paragraph)));
    assert_eq!(app.cursor_paragraph(), Some(at));
}

#[test]
fn without_a_review_a_paragraph_taken_out_is_not_followed() {
    let mut app = many_sources_app(160, 45);
    app.update(Action::PinOut);
    settle(&mut app);
    assert!(!app.full_article);
    assert_ne!(
        app.focus, 9,
        "the focus goes to a source still in the topic"
    );
}

#[test]
fn a_found_topic_a_correction_empties_gives_way_to_the_topic_corrected() {
    let mut app = many_sources_app(160, 45);
    let (bakery, bakery_at) = topic_number(&app, "bakery");
    // "bakery" is in every article, so tells nothing: a found topic holds those paragraphs.
    assert!(members_of(&app, bakery_at).is_empty());
    let found = (app.synopsis.topics.iter())
        .position(|t| t.origin == Origin::Discovered)
        .unwrap();
    assert!(found > bakery_at && bakery_at > 0);
    app.topic = found;
    app.refresh();
    let at = app
        .cursor_paragraph()
        .expect("a paragraph of the found topic");
    app.update(Action::Digit(bakery));
    app.update(Action::PinIn);
    settle(&mut app);
    // Twelve paragraphs word for word alike: the one put in brings the others with it.
    assert!(members_of(&app, bakery_at).contains(&(at.article, at.paragraph)));
    assert!(
        app.synopsis
            .topics
            .iter()
            .all(|t| t.origin == Origin::Defined)
    );
    assert_eq!(
        app.topic, bakery_at,
        "where its paragraphs went, not the first topic"
    );
}

/// A topic as these tests compare it: its id, its origin and its members.
type TopicState = (String, Origin, Vec<(usize, usize)>);

/// Every topic, in order.
fn topics_of(app: &App) -> Vec<TopicState> {
    (0..app.synopsis.topics.len())
        .map(|t| {
            let topic = &app.synopsis.topics[t];
            (topic.id.clone(), topic.origin, members_of(app, t))
        })
        .collect()
}

#[test]
fn undo_gives_a_found_topic_back_the_paragraph_a_correction_took() {
    let mut app = many_sources_app(160, 45);
    let found = (app.synopsis.topics.iter())
        .position(|t| t.origin == Origin::Discovered)
        .expect("a found topic beside the two defined");
    let first = topics_of(&app);
    app.update(Action::Digit(u8::try_from(found + 1).unwrap()));
    app.update(Action::GoToTopic);
    let at = app.cursor_paragraph().unwrap();
    let (bakery, bakery_at) = topic_number(&app, "bakery");
    app.update(Action::Digit(bakery));
    app.update(Action::PinIn);
    settle(&mut app);
    let done = app.status.clone().unwrap();
    app.update(Action::Back);
    assert!(members_of(&app, bakery_at).contains(&(at.article, at.paragraph)));
    let found_now = app
        .synopsis
        .topics
        .iter()
        .position(|t| t.origin == Origin::Discovered);
    assert!(
        found_now.is_none_or(|t| !members_of(&app, t).contains(&(at.article, at.paragraph))),
        "the defined topic claims it"
    );
    app.update(Action::Undo);
    settle(&mut app);
    let now = topics_of(&app);
    assert_eq!(now, first, "every topic as it was, the found one too");
    // What the undo says mirrors what the correction said, topic by topic.
    let undone = app.status.clone().unwrap();
    let counts = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (c, u) = (counts(&done), counts(&undone));
    assert!(
        undone.starts_with("undone: “The bakery”: 0 paragraphs in"),
        "{undone}"
    );
    assert_eq!((c[0].as_str(), c[1].as_str()), ("12", "0"), "{done}");
    assert!(
        done.ends_with(" in other topics"),
        "the found topic lost it: {done}"
    );
    assert_eq!(
        (&u[0], &u[1], &u[2..]),
        (&c[1], &c[0], &c[2..]),
        "{done} / {undone}"
    );
}

#[test]
fn undoing_the_correction_that_adopted_a_found_topic_makes_it_found_again() {
    let mut app = many_sources_app(160, 45);
    let found = (app.synopsis.topics.iter())
        .position(|t| t.origin == Origin::Discovered)
        .unwrap();
    let first = topics_of(&app);
    app.update(Action::Digit(u8::try_from(found + 1).unwrap()));
    app.update(Action::GoToTopic);
    app.update(Action::PinIn);
    settle(&mut app);
    app.update(Action::ConfirmNo);
    let id = &first[found].0;
    let adopted = app.synopsis.topics.iter().find(|t| &t.id == id).unwrap();
    assert_eq!(
        adopted.origin,
        Origin::Defined,
        "a corrected found topic is adopted"
    );
    app.update(Action::Undo);
    settle(&mut app);
    let now = topics_of(&app);
    assert_eq!(
        now, first,
        "found again, with the paragraphs discovery gave it"
    );
    assert!(!app.topics.defs.iter().any(|d| &d.id == id));
    assert_eq!(
        app.synopsis.topics[app.topic].id, *id,
        "the reader stays on it"
    );
}

#[test]
fn undoing_a_saved_adoption_takes_the_found_topic_out_of_the_file_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = many_sources_app(160, 45);
    app.export_dir = dir.path().to_owned();
    let found = (app.synopsis.topics.iter())
        .position(|t| t.origin == Origin::Discovered)
        .unwrap();
    let first = topics_of(&app);
    let id = first[found].0.clone();
    let ids_in = |text: &str| -> Vec<String> {
        let read = parse_topics("topics.toml", text).unwrap();
        read.topics.into_iter().map(|t| t.id).collect()
    };
    app.update(Action::Digit(u8::try_from(found + 1).unwrap()));
    app.update(Action::GoToTopic);
    app.update(Action::PinIn);
    settle(&mut app);
    app.update(Action::ConfirmYes);
    let saved = save(&mut app);
    assert!(ids_in(&saved).contains(&id), "adopted and written: {saved}");
    app.update(Action::Undo);
    settle(&mut app);
    let undone = save(&mut app);
    assert!(
        !ids_in(&undone).contains(&id),
        "gone from the file: {undone}"
    );
    assert_eq!(ids_in(&undone).len(), ids_in(&saved).len() - 1, "{undone}");
    assert_eq!(topics_of(&app), first, "found again, as discovery made it");
    assert!(app.status.as_deref().unwrap().starts_with("undone: "));
}

#[test]
fn where_else_a_paragraph_is_says_also_only_beside_the_open_topic() {
    let mut app = many_sources_app(160, 45);
    let (bakery, bakery_at) = topic_number(&app, "bakery");
    let volcano = members_of(&app, app.topic);
    let at = app.cursor_paragraph().unwrap();
    assert_eq!(app.other_topics_of(at), None, "in no other topic");
    app.update(Action::Digit(bakery));
    app.update(Action::PinIn);
    settle(&mut app);
    app.update(Action::Back);
    let also = format!("also in topic {bakery}");
    assert_eq!(app.other_topics_of(at).as_deref(), Some(also.as_str()));
    // From the bakery, the volcano's other paragraphs are not beside the open topic.
    app.topic = bakery_at;
    let (article, paragraph) = *volcano
        .iter()
        .find(|&&m| m != (at.article, at.paragraph))
        .unwrap();
    let elsewhere = ParaRef { article, paragraph };
    assert_eq!(
        app.other_topics_of(elsewhere).as_deref(),
        Some("in topic 1")
    );
    assert_eq!(app.other_topics_of(at).as_deref(), Some("also in topic 1"));
}
