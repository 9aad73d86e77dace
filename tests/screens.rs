//! Whole screens of the reader on the seeds, drawn with ratatui's `TestBackend`.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use synoptic::tui::keys::action::Action;
use synoptic::tui::state::app::App;
use synoptic::tui::widgets::render::render;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, load_embedded};
use synoptic_core::input::topics_file::parse_topics;

/// The seeds aligned once for every test and property case: each app starts from a copy.
fn seeds() -> &'static Synopsis {
    static SEEDS: std::sync::OnceLock<Synopsis> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
        Synopsis::build(load_embedded().articles, &topics.topics)
    })
}

fn app(w: u16, h: u16) -> App {
    App::new(seeds().clone(), (w, h), false)
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen's text, then its style map: what a user reads and how it stands out.
fn screen_and_styles(app: &App) -> String {
    format!("{}\n\n{}", screen(app), style_map(app))
}

#[test]
fn first_topic_at_160x45() {
    insta::assert_snapshot!(screen_and_styles(&app(160, 45)));
}

#[test]
fn first_topic_at_80x24() {
    insta::assert_snapshot!(screen_and_styles(&app(80, 24)));
}

#[test]
fn breton_with_topic_list_at_160x45() {
    let mut a = colour_app(160, 45);
    a.update(Action::ToggleTopicList);
    for _ in 0..3 {
        a.update(Action::ListDown);
    }
    a.update(Action::ListOpen);
    a.update(Action::ToggleTopicList);
    insta::assert_snapshot!(screen_and_styles(&a));
}

#[test]
fn unclaimed_paragraphs_at_120x30() {
    let mut a = app(120, 30);
    a.update(Action::ToggleUnclaimed);
    insta::assert_snapshot!(screen_and_styles(&a));
}

#[test]
fn filtered_topic_list_at_100x30() {
    let mut a = colour_app(100, 30);
    a.update(Action::ToggleTopicList);
    for c in "tion".chars() {
        a.update(Action::ListFilterInput(c));
    }
    insta::assert_snapshot!(screen_and_styles(&a));
}

#[test]
fn help_at_80x24() {
    let mut a = colour_app(80, 24);
    a.update(Action::Help);
    insta::assert_snapshot!(screen_and_styles(&a));
}

#[test]
fn too_small_shows_a_message() {
    let s = screen(&app(20, 5));
    assert!(s.contains("Terminal too small"), "{s}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]
    #[test]
    fn any_size_and_keys_render_without_panic(w in 1u16..400, h in 1u16..120, keys in proptest::collection::vec(0usize..24, 0..12)) {
        let all = [Action::NextTopic, Action::PrevTopic, Action::ScrollDown, Action::PageDown, Action::Bottom,
                   Action::FocusRight, Action::FocusLeft, Action::CycleMode, Action::ToggleFullArticle,
                   Action::ToggleTopicList, Action::ToggleFigures, Action::Help, Action::ToggleAllSources,
                   Action::ToggleUnclaimed, Action::Digit(3), Action::GoToSource, Action::Click(40, 5),
                   Action::ListFilterInput('e'), Action::CopyRow, Action::NextParagraph,
                   Action::PrevParagraph, Action::ToggleFold, Action::ToggleRows, Action::Review];
        let mut a = app(w, h);
        for k in keys {
            a.update(all[k]);
            let _ = screen(&a);
        }
        let _ = screen(&a);
    }
}

/// A member that joined on its neighbours alone says so above its text, in the note style,
/// and a member found by its keywords does not.
#[test]
fn weakly_linked_members_are_marked_in_the_note_style() {
    // Tall enough for the whole topic: a weak member may sit on a row far down.
    let app = app(160, 150);
    let topic = &app.synopsis.topics[app.topic];
    let weak = topic.members.iter().filter(|m| m.score < 0.5).count();
    assert!(
        weak > 0,
        "the seeds' first topic has a member joined on context"
    );
    let mut terminal = Terminal::new(TestBackend::new(160, 150)).unwrap();
    terminal.draw(|f| render(&app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut marked = 0;
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.symbol() == "≈" {
                marked += 1;
                assert!(
                    cell.modifier.contains(ratatui::style::Modifier::ITALIC),
                    "the mark is drawn as a note: {cell:?}"
                );
            }
        }
    }
    assert!(
        (1..=weak).contains(&marked),
        "{marked} marks for {weak} weak members"
    );
}

/// The screen's styles as a map: one letter per cell for each distinct style (`.` for the
/// default), then what each letter stands for. A change in what is highlighted, or how,
/// changes the map.
fn style_map(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut styles: Vec<ratatui::style::Style> = Vec::new();
    let mut rows = Vec::new();
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| {
                let style = buffer[(x, y)].style();
                if style == ratatui::style::Style::default() {
                    return '.';
                }
                let k = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
                    styles.push(style);
                    styles.len() - 1
                });
                char::from(b'a' + u8::try_from(k % 26).unwrap())
            })
            .collect();
        rows.push(row);
    }
    for (k, style) in styles.iter().enumerate() {
        rows.push(format!(
            "{} = {style:?}",
            char::from(b'a' + u8::try_from(k % 26).unwrap())
        ));
    }
    rows.join("\n")
}

fn colour_app(w: u16, h: u16) -> App {
    App::new(seeds().clone(), (w, h), true)
}

#[test]
fn agreement_colours_at_100x30() {
    insta::assert_snapshot!(style_map(&colour_app(100, 30)));
}

#[test]
fn pairwise_colours_at_100x30() {
    let mut a = colour_app(100, 30);
    a.update(Action::CycleMode);
    a.update(Action::CycleMode);
    assert_eq!(a.mode.name(), "pairwise");
    insta::assert_snapshot!(style_map(&a));
}

#[test]
fn own_wording_colours_at_100x30() {
    let mut a = colour_app(100, 30);
    a.update(Action::CycleMode);
    assert_eq!(a.mode.name(), "own");
    insta::assert_snapshot!(style_map(&a));
}

/// The share of the letters inside the panes (titles, borders, legend and status bar left
/// out) drawn in a style of their own, as `tmux capture-pane -e` would show them.
fn highlighted_share(app: &App) -> f64 {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let (mut letters, mut marked) = (0u32, 0u32);
    for y in 1..buffer.area.height - 3 {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.symbol().chars().all(char::is_alphanumeric) && !cell.symbol().is_empty() {
                letters += 1;
                // Notes ("≈ weak link") are grey: they are not marks of wording.
                let grey = cell.fg == ratatui::style::Color::DarkGray;
                let styled = cell.fg != ratatui::style::Color::Reset || !cell.modifier.is_empty();
                marked += u32::from(styled && !grey);
            }
        }
    }
    f64::from(marked) / f64::from(letters.max(1))
}

#[test]
fn marks_stay_sparse_enough_to_mean_something_on_the_first_topic() {
    let mut a = colour_app(160, 45);
    let agreement = highlighted_share(&a);
    assert!(
        (0.02..=0.25).contains(&agreement),
        "agreement marks {agreement:.2} of the letters"
    );
    a.update(Action::CycleMode);
    a.update(Action::CycleMode);
    // Against the first source: a reference telling more marks more.
    a.update(Action::Digit(1));
    a.update(Action::GoToSource);
    let pairwise = highlighted_share(&a);
    assert!(
        (0.02..=0.40).contains(&pairwise),
        "pairwise marks {pairwise:.2} of the letters"
    );
}

#[test]
fn without_colour_shared_wording_still_stands_out_at_100x30() {
    insta::assert_snapshot!(style_map(&app(100, 30)));
}

#[test]
fn the_legend_names_echoes_only_where_rows_can_show_them() {
    let hint = "↓↑ told further down or up, repeated here";
    let mut a = app(160, 45);
    assert!(screen(&a).contains(hint), "rows are on by default");
    a.update(Action::ToggleRows);
    assert!(!screen(&a).contains(hint), "columns repeat nothing");
    // Too narrow for the hint: it goes with its separator.
    let narrow = screen(&app(120, 30));
    let legend = narrow.lines().nth(28).unwrap_or_default();
    assert!(legend.starts_with("same words"), "{narrow}");
    assert!(!legend.contains(hint) && !legend.ends_with('·'), "{legend}");
}
