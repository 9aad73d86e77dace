//! `App` driven by actions, without a terminal: the status bar, help, topic list, figures
//! panel and screen bounds.

use super::tests::{finish_export, screen, seeds_app, settle, type_text};
use super::*;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, load_embedded};
use synoptic_core::input::topics_file::parse_topics;

/// The seeds with one topic whose label is far longer than a status bar.
fn long_label_app(w: u16, h: u16) -> App {
    let mut defs = parse_topics("assets/topics.toml", EMBEDDED_TOPICS)
        .unwrap()
        .topics;
    defs[0].label = "The outage of the conversation on X, which Musk blamed on a massive \
                     cyberattack against the platform"
        .into();
    App::new(
        Synopsis::build(load_embedded().articles, &defs),
        (w, h),
        true,
    )
}

fn status_bar(app: &App) -> String {
    crate::tui::widgets::status::status_text(app, usize::from(app.size.0))
}

#[test]
fn a_status_message_is_never_cut_the_label_gives_way() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = long_label_app(100, 30);
    app.export_dir = dir.path().join("a-folder-with-a-rather-long-name");
    std::fs::create_dir(&app.export_dir).unwrap();
    app.update(Action::Export);
    settle(&mut app);
    finish_export(&mut app);
    let bar = status_bar(&app);
    let message = app.status.clone().unwrap();
    assert!(message.starts_with("exported to "), "{message}");
    assert!(bar.contains(&message), "{bar}");
    assert!(bar.contains("Topic 1/"), "{bar}");
    assert!(bar.contains('…'), "the label is shortened: {bar}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(bar.as_str()), 100);
}

#[test]
fn search_says_which_match_of_how_many_and_goes_back() {
    let mut app = long_label_app(100, 30);
    app.update(Action::StartSearch);
    type_text(&mut app, "Trump");
    app.update(Action::SearchSubmit);
    settle(&mut app);
    let n = app.search.matches.len();
    assert!(n > 3);
    assert!(status_bar(&app).contains(&format!("match 1 of {n} for “Trump”")));
    app.update(Action::NextMatch);
    assert!(status_bar(&app).contains(&format!("match 2 of {n}")));
    app.update(Action::PrevMatch);
    app.update(Action::PrevMatch);
    assert!(status_bar(&app).contains(&format!("match {n} of {n}")));
    let last = app.search.matches[n - 1];
    assert_eq!(app.focus, last.article);
}

#[test]
fn hints_shorten_to_fit_keeping_help_and_quit() {
    let app = seeds_app(80, 24);
    let bar = status_bar(&app);
    assert!(bar.contains("? help") && bar.contains("q quit"), "{bar}");
    assert!(bar.contains("agreement"), "{bar}");
    let wide = status_bar(&seeds_app(160, 45));
    assert!(
        wide.contains("/ search") && wide.contains("d mode"),
        "{wide}"
    );
}

#[test]
fn the_paragraphs_no_topic_claims_keep_help_and_quit_in_a_narrow_bar() {
    let mut app = seeds_app(80, 24);
    app.update(Action::ToggleUnclaimed);
    assert!(app.unclaimed);
    app.update(Action::NextParagraph);
    let bar = status_bar(&app);
    assert!(bar.starts_with(" Not in any topic · "), "{bar}");
    assert!(bar.trim_end().ends_with("? help · q quit"), "{bar}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(bar.as_str()), 80);
}

#[test]
fn a_long_label_keeps_its_first_words_before_the_lesser_hints() {
    // At 160 columns the label and every hint do not fit: hints give way first, down to
    // help and quit, and the label keeps at least 32 columns.
    let bar = status_bar(&long_label_app(160, 45));
    assert!(
        bar.contains("The outage of the conversation on") && bar.contains('…'),
        "{bar}"
    );
    assert!(bar.contains("? help") && bar.contains("q quit"), "{bar}");
    assert!(!bar.contains("y copy"), "the least needed hint went: {bar}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(bar.as_str()), 160);
    // At 80 columns help and quit stay, and the label is cut short for them.
    let narrow = status_bar(&long_label_app(80, 24));
    assert!(narrow.contains("? help · q quit"), "{narrow}");
    assert!(
        narrow.contains("Topic 1/") && narrow.contains("The out"),
        "{narrow}"
    );
}

#[test]
fn a_narrow_bar_leaves_out_what_the_panes_show_before_help_and_quit() {
    let mut app = long_label_app(80, 24);
    app.update(Action::NextTopic);
    app.update(Action::NextTopic);
    let wide = status_bar(&long_label_app(200, 24));
    assert!(
        wide.contains("· ¶1/"),
        "the cursor's paragraph when there is room: {wide}"
    );
    // Ukraine and Putin: one source of five does not cover it and is hidden.
    let bar = status_bar(&app);
    assert!(bar.contains("Topic 3/"), "{bar}");
    assert!(bar.contains("? help · q quit"), "{bar}");
    assert!(
        bar.contains("Ukraine") && bar.contains("4/5 sources · agreement · rows"),
        "{bar}"
    );
    assert!(!bar.contains("hidden") && !bar.contains('¶'), "{bar}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(bar.as_str()), 80);
}

#[test]
fn help_wraps_rather_than_cuts_on_a_narrow_terminal() {
    let mut app = seeds_app(60, 40);
    app.update(Action::Help);
    let lines = crate::tui::keys::help::help_lines_within(&app.keymap, 58);
    assert!(lines.iter().all(|l| l.text.chars().count() <= 58));
    let words = |ls: &[crate::tui::keys::help::HelpLine]| -> Vec<String> {
        ls.iter()
            .flat_map(|l| {
                l.text
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(
        words(&lines),
        words(&crate::tui::keys::help::help_lines(&app.keymap))
    );
    let shown = screen(&app);
    assert!(
        shown.contains("parallel passages in rows, or") && shown.contains("each pane from its top"),
        "{shown}"
    );
}

#[test]
fn help_scrolls_to_its_last_line_on_a_small_terminal() {
    let mut app = seeds_app(80, 24);
    app.update(Action::Help);
    let last = crate::tui::keys::help::help_lines_within(&app.keymap, 74)
        .pop()
        .unwrap()
        .text;
    assert!(!screen(&app).contains(last.trim()), "cut at first");
    app.update(Action::Bottom);
    assert!(screen(&app).contains(last.trim()));
    assert_eq!(app.scroll[0], 0, "the panes did not move");
    app.update(Action::Top);
    assert!(screen(&app).contains("Keys"));
    app.update(Action::Back);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn the_topic_list_says_which_panes_it_leaves_on_screen() {
    let mut app = seeds_app(160, 45);
    assert!(!screen(&app).contains(" panes "));
    app.update(Action::ToggleTopicList);
    let shown = app.view.panes.len();
    assert!(shown < 5);
    assert!(screen(&app).contains(&format!("{shown} of 5 panes")));
}

#[test]
fn the_figures_panel_names_its_sources() {
    let mut app = seeds_app(160, 45);
    app.update(Action::ToggleFigures);
    let shown = screen(&app);
    assert!(shown.contains("20h42"), "{shown}");
    assert!(
        !shown.contains("(#"),
        "pane numbers the screen does not show"
    );
    assert!(
        shown.contains("20h42 (4 · Musk accuse une cyberat…)"),
        "by its pane number and title, as its pane: {shown}"
    );
    assert!(!shown.contains("003_9f4bc14a37e2f9a6"), "never a file hash");
}

#[test]
fn a_huge_terminal_is_laid_out_at_a_bounded_size() {
    use ratatui::crossterm::event::Event;
    let mut app = seeds_app(160, 45);
    let action = crate::tui::terminal::to_action(&app, &Event::Resize(10_000, 10_000)).unwrap();
    assert_eq!(action, Action::Resize(1000, 500));
    app.update(action);
    assert_eq!(app.size, (1000, 500));
    assert!(app.view.panes.len() <= 5);
}

/// The first member paragraph of `article` in the current topic.
fn member_in(app: &App, article: usize) -> ParaRef {
    app.synopsis.topics[app.topic]
        .members_of(article)
        .next()
        .unwrap()
        .at
}

#[test]
fn spans_are_made_for_the_panes_on_screen_only() {
    let mut app = seeds_app(60, 30);
    assert!(
        app.visible_panes() < 5,
        "every pane fits: the test shows nothing"
    );
    let order = app.order.clone();
    assert!(order.len() > app.visible_panes(), "{order:?}");
    let (first, last) = (order[0], order[order.len() - 1]);
    assert!(app.spans_of(app.topic, member_in(&app, first)).is_some());
    assert!(app.spans_of(app.topic, member_in(&app, last)).is_none());
    for _ in 0..order.len() {
        app.update(Action::FocusRight);
    }
    assert!(app.spans_of(app.topic, member_in(&app, last)).is_some());
}

#[test]
fn the_reader_keeps_a_few_topics_and_shows_a_forgotten_one_as_before() {
    let mut app = seeds_app(120, 30);
    let n = app.synopsis.topics.len();
    assert!(
        n > crate::tui::layout::cache::KEEP_TOPICS + 1,
        "only {n} topics"
    );
    let first_screen = screen(&app);
    let first_focus = app.focus;
    let keep = crate::tui::layout::cache::KEEP_TOPICS;
    for visited in 2..=n {
        app.update(Action::NextTopic);
        let held = app.cached_topics();
        assert_eq!(held.len(), visited.min(keep), "{held:?}");
        assert_eq!(held.last(), Some(&app.topic));
    }
    assert!(!app.cached_topics().contains(&0));
    // Going back to a held topic makes it the newest and forgets nothing.
    let before = app.cached_topics();
    app.update(Action::PrevTopic);
    let after = app.cached_topics();
    assert_eq!(after.last(), Some(&app.topic));
    assert_eq!(after.len(), keep);
    assert!(
        after.iter().all(|t| before.contains(t)),
        "{before:?} {after:?}"
    );
    app.update(Action::NextTopic);
    app.update(Action::NextTopic);
    assert_eq!(app.topic, 0);
    // Visiting other topics may move the focus (the cursor's pane); the screen is the same.
    app.focus = first_focus;
    assert_eq!(screen(&app), first_screen);
}

#[test]
fn a_page_down_moves_what_is_visible_with_the_figures_panel_open_or_not() {
    for figures in [false, true] {
        let mut app = seeds_app(120, 20);
        app.update(Action::ToggleFullArticle);
        if figures {
            app.update(Action::ToggleFigures);
        }
        let panes = app.areas().panes;
        let visible = usize::from(panes.height - 2);
        let before = app.scroll[app.focus];
        let lines = app.view.panes[0].lines.len();
        assert!(
            lines >= before + 2 * visible,
            "the pane must be two pages long: {lines} lines, {visible} visible"
        );
        app.update(Action::PageDown);
        let moved = app.scroll[app.focus] - before;
        assert!(
            moved < visible && moved + 2 >= visible,
            "moved {moved} of {visible} visible"
        );
    }
}

#[test]
fn the_topic_list_takes_a_third_between_20_and_48_columns_and_never_half() {
    for (width, want) in [(30, 15), (90, 30), (200, 48)] {
        let mut app = seeds_app(width, 30);
        assert_eq!(app.list_width(), 0, "closed");
        app.update(Action::ToggleTopicList);
        assert_eq!(app.list_width(), want, "width {width}");
    }
}

#[test]
fn the_figures_panel_fits_its_groups_up_to_a_third_of_the_screen() {
    let mut app = seeds_app(120, 90);
    app.update(Action::ToggleFigures);
    let groups = app.figures_of(app.topic).len().max(1) as u16;
    // Three groups or more, so that a short screen cuts the panel (and groups + 2 is not
    // groups * 2).
    assert!((3..28).contains(&groups), "{groups} groups");
    assert_eq!(app.areas().figures.height, groups + 2);
    app.update(Action::Resize(120, 12));
    let areas = app.areas();
    assert_eq!(areas.figures.height, 4, "a third of 12 lines");
    assert_eq!(areas.panes.y, areas.figures.height);
}

#[test]
fn scroll_keys_move_the_help_screen_by_a_line_and_by_a_page() {
    let mut app = seeds_app(80, 24);
    app.update(Action::Help);
    let page = app.page();
    app.update(Action::ScrollDown);
    assert_eq!(app.help.scroll, 1);
    app.update(Action::PageDown);
    assert_eq!(app.help.scroll, 1 + page);
    app.update(Action::ScrollUp);
    assert_eq!(app.help.scroll, page);
    app.update(Action::PageUp);
    assert_eq!(app.help.scroll, 0);
}

#[test]
fn the_topic_list_moves_by_one_and_by_half_a_screen_both_ways() {
    let mut app = seeds_app(160, 8);
    app.update(Action::ToggleTopicList);
    let listed = app.listed_topics();
    assert!(listed.len() > 5, "{listed:?}");
    app.update(Action::ListDown);
    app.update(Action::ListDown);
    app.update(Action::ListUp);
    assert_eq!(app.list.selected, listed[1]);
    // Half of eight rows: four topics at a time.
    app.update(Action::ListPageDown);
    assert_eq!(app.list.selected, listed[5]);
    app.update(Action::ListPageUp);
    assert_eq!(app.list.selected, listed[1]);
}

#[test]
fn backspace_in_the_search_prompt_takes_back_the_last_letter() {
    let mut app = seeds_app(160, 45);
    app.update(Action::StartSearch);
    type_text(&mut app, "DDoS");
    app.update(Action::SearchBackspace);
    assert_eq!(app.search.input, "DDo");
}

#[test]
fn warnings_written_while_loading_are_shown_at_start_until_a_key() {
    use crate::tui::widgets::status::loading_note;
    assert_eq!(loading_note(&[]), None);
    let warnings: Vec<String> = [
        "synoptic: warning: topic \"outage\": keyword \"zzqqxx\" is in no paragraph",
        "synoptic: warning: a.html: no article found; skipped",
        "synoptic: note: only one article",
    ]
    .map(String::from)
    .to_vec();
    let one = loading_note(&warnings[..1]).unwrap();
    assert!(
        one.starts_with("While loading: topic \"outage\": keyword \"zzqqxx\""),
        "{one}"
    );
    let all = loading_note(&warnings).unwrap();
    assert!(
        all.starts_with("3 warnings while loading: topic \"outage\"") && all.contains(" · a.html"),
        "{all}"
    );
    assert!(
        all.contains("and 1 more") && !all.contains("only one article"),
        "{all}"
    );
    let two = loading_note(&warnings[..2]).unwrap();
    assert!(
        two.starts_with("2 warnings") && !two.contains("more"),
        "{two}"
    );
    let mut app = seeds_app(80, 24);
    app.status = Some(all);
    let drawn = screen(&app);
    assert!(
        drawn.contains("zzqqxx") && drawn.contains("when you quit"),
        "{drawn}"
    );
    app.update(Action::ScrollDown);
    assert!(!screen(&app).contains("zzqqxx"));
}

#[test]
fn a_narrow_topic_list_keeps_its_count_whole_and_drops_its_hint() {
    // The hint, " Topics (7) · type to filter ", takes 29 columns inside the border: a list
    // 31 wide (a screen of 93) has room for it, one 30 wide (90) has not.
    for (width, hint) in [(80, false), (90, false), (93, true), (160, true)] {
        let mut app = seeds_app(width, 24);
        app.update(Action::ToggleTopicList);
        let top: String = screen(&app).chars().take(usize::from(width)).collect();
        assert!(top.starts_with("┌ Topics (7) "), "{top}");
        // Whole or not at all: never "type to fi".
        assert_eq!(top.contains("type to"), hint, "{top}");
        assert_eq!(top.contains("type to filter"), hint, "{top}");
    }
}

#[test]
fn the_topic_list_counts_panes_only_when_it_pushes_some_off() {
    let mut app = seeds_app(300, 24);
    app.update(Action::ToggleTopicList);
    assert_eq!(app.view.panes.len(), 5);
    assert!(!screen(&app).contains("panes shown"));
    let mut app = seeds_app(160, 24);
    app.update(Action::ToggleTopicList);
    assert!(screen(&app).contains("3 of 5 panes shown"));
}

#[test]
fn a_message_goes_beside_the_search_prompt_only_when_both_fit_in_the_bar() {
    let mut app = seeds_app(120, 30);
    app.update(Action::StartSearch);
    for c in "volcano".chars() {
        app.update(Action::SearchInput(c));
    }
    let message = "a message twenty long";
    app.status = Some(message.into());
    // " /volcano█" and a space before the message, and a column to spare.
    let fits = message.chars().count() + " /volcano█".chars().count() + 2;
    let bar = |width: usize| crate::tui::widgets::status::status_text(&app, width);
    assert!(bar(fits).contains(message), "{}", bar(fits));
    assert!(!bar(fits - 1).contains(message), "{}", bar(fits - 1));
}
