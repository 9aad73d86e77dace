//! Tests of the panes' lines: each kind of pane, the search overlay, weak members, titles.

use super::*;
use crate::tui::layout::build::build_view;
use crate::tui::layout::cache::Caches;
use crate::tui::layout::mode::Mode;
use crate::tui::layout::view::Shape;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::fixtures::{articles, topic_with};
use synoptic_core::model::topic::Member;
use synoptic_core::model::vectors::ParaRef;

fn member(article: usize, paragraph: usize, score: f32) -> Member {
    Member {
        at: ParaRef { article, paragraph },
        score,
    }
}

/// Two articles; the topic holds paragraphs 1 and 3 of the first and none of the second.
fn synopsis(score: f32) -> Synopsis {
    let articles = articles(&[
        &[
            "The volcano woke at dawn.",
            "Roads were closed.",
            "Lava reached the sea.",
        ],
        &["Nothing about it here."],
    ]);
    let topic = topic_with(vec![member(0, 1, 1.0), member(0, 3, score)]);
    Synopsis {
        articles,
        topics: vec![topic],
    }
}

/// Synopsis rows in narrow panes, passages alone on their row folded (`z` unfolds).
fn folded_rows() -> Shape {
    Shape {
        rows: true,
        inner_width: 20,
        fold: Some("z".into()),
        ..shape()
    }
}

fn shape() -> Shape {
    Shape {
        topic: 0,
        mode: Mode::Plain,
        articles: vec![0, 1],
        inner_width: 60,
        full_article: false,
        rows: false,
        unclaimed: false,
        reference: 0,
        query: None,
        fold: None,
        whole: Vec::new(),
    }
}

fn texts(pane: &PaneView) -> Vec<String> {
    pane.lines.iter().map(Line::plain).collect()
}

fn paints(pane: &PaneView) -> Vec<(String, Paint)> {
    pane.lines
        .iter()
        .flat_map(|l| l.pieces.iter().map(|p| (p.text.clone(), p.style)))
        .collect()
}

#[test]
fn a_topic_pane_lists_its_members_apart_and_a_source_without_one_says_so() {
    let s = synopsis(1.0);
    let view = build_view(&shape(), &s, &Caches::default());
    let [first, second] = &view.panes[..] else {
        panic!("two panes: {view:?}");
    };
    assert_eq!(
        texts(first),
        ["The volcano woke at dawn.", "", "Lava reached the sea."]
    );
    assert_eq!(
        first.paragraph_lines,
        [
            ParagraphLine {
                paragraph: 1,
                line: 0
            },
            ParagraphLine {
                paragraph: 3,
                line: 2
            }
        ]
    );
    assert!(first.covers);
    assert!(!second.covers);
    assert_eq!(
        paints(second),
        [("(does not cover this topic)".to_owned(), Paint::Note)]
    );
    assert_eq!(first.title, "1 · Title");
}

#[test]
fn a_weak_member_opens_with_a_note_giving_its_score() {
    let s = synopsis(0.2);
    let view = build_view(&shape(), &s, &Caches::default());
    let lines = texts(&view.panes[0]);
    assert_eq!(lines[2], "≈ weak link, score 0.20");
    assert_eq!(view.panes[0].lines[2].pieces[0].style, Paint::Note);
    assert_eq!(lines[3], "Lava reached the sea.");
    let at_the_limit = synopsis(WEAK_MEMBER);
    let view = build_view(&shape(), &at_the_limit, &Caches::default());
    assert_eq!(
        texts(&view.panes[0])[2],
        "Lava reached the sea.",
        "a score of {WEAK_MEMBER} is no weak link"
    );
}

#[test]
fn the_full_article_dims_what_is_outside_the_topic_and_can_jump_to_every_paragraph() {
    let s = synopsis(1.0);
    let shape = Shape {
        full_article: true,
        articles: vec![0],
        ..shape()
    };
    let view = build_view(&shape, &s, &Caches::default());
    let pane = &view.panes[0];
    assert!(pane.title.ends_with("— full article"), "{}", pane.title);
    assert!(
        pane.covers,
        "the whole article is shown, whatever the topic"
    );
    assert_eq!(
        paints(pane),
        [
            ("Title".to_owned(), Paint::Heading),
            ("The volcano woke at dawn.".to_owned(), Paint::Plain),
            ("Roads were closed.".to_owned(), Paint::Dim),
            ("Lava reached the sea.".to_owned(), Paint::Plain),
        ]
    );
    let at: Vec<(usize, usize)> = pane
        .paragraph_lines
        .iter()
        .map(|pl| (pl.paragraph, pl.line))
        .collect();
    // Every paragraph where it is drawn (a blank line between two), the topic's first: the
    // article opens on them.
    assert_eq!(at, [(1, 2), (3, 6), (0, 0), (2, 4)]);
    assert_eq!(view.line_of(0, None), Some(2));
    assert_eq!(texts(pane)[4], "Roads were closed.");
}

#[test]
fn unclaimed_panes_list_what_no_topic_holds_or_say_there_is_none() {
    let mut s = synopsis(1.0);
    let mut caches = Caches::default();
    caches.fill_unclaimed(&s);
    let shape = Shape {
        unclaimed: true,
        ..shape()
    };
    let view = build_view(&shape, &s, &caches);
    assert_eq!(texts(&view.panes[0]), ["Roads were closed."]);
    assert_eq!(texts(&view.panes[1]), ["Nothing about it here."]);
    assert_eq!(
        (view.panes[1].article, view.panes[1].title.as_str()),
        (1, "2 · Title")
    );
    s.topics[0].members.push(member(0, 2, 1.0));
    s.topics[0].members.push(member(1, 1, 1.0));
    let mut caches = Caches::default();
    caches.fill_unclaimed(&s);
    let view = build_view(&shape, &s, &caches);
    assert!(!view.panes[0].covers);
    assert_eq!(texts(&view.panes[0]), ["(every paragraph is in a topic)"]);
}

#[test]
fn with_no_topic_there_is_nothing_to_lay_out_but_the_full_article() {
    let mut s = synopsis(1.0);
    s.topics.clear();
    assert!(
        build_view(&shape(), &s, &Caches::default())
            .panes
            .is_empty()
    );
    let full = Shape {
        full_article: true,
        ..shape()
    };
    assert_eq!(build_view(&full, &s, &Caches::default()).panes.len(), 2);
}

#[test]
fn search_matches_are_painted_over_the_text_they_fall_in() {
    let s = synopsis(1.0);
    let shape = Shape {
        query: Some("lava".into()),
        ..shape()
    };
    let view = build_view(&shape, &s, &Caches::default());
    let pane = &view.panes[0];
    assert_eq!(
        pane.lines[2]
            .pieces
            .iter()
            .map(|p| (p.text.as_str(), p.style))
            .collect::<Vec<_>>(),
        [("Lava", Paint::Match), (" reached the sea.", Paint::Plain)]
    );
}

#[test]
fn the_overlay_splits_pieces_at_every_match_boundary() {
    let pieces = [
        Styled::new(0..10, Paint::SharedAll),
        Styled::new(10..20, Paint::Plain),
    ];
    let got: Vec<(Range<usize>, Paint)> = overlay(&pieces, &[5..12, 15..16, 30..31])
        .into_iter()
        .map(|p| (p.text, p.style))
        .collect();
    assert_eq!(
        got,
        [
            (0..5, Paint::SharedAll),
            (5..10, Paint::Match),
            (10..12, Paint::Match),
            (12..15, Paint::Plain),
            (15..16, Paint::Match),
            (16..20, Paint::Plain),
        ]
    );
    assert_eq!(overlay(&pieces, &[]), pieces.to_vec());
    // A match over before a piece starts is passed by, never laid over the pieces after it;
    // one that starts where a piece ends belongs to the next piece only.
    let three = [
        Styled::new(0..4, Paint::Plain),
        Styled::new(4..10, Paint::SharedSome),
        Styled::new(10..20, Paint::Plain),
    ];
    let got: Vec<(Range<usize>, Paint)> = overlay(&three, &[1..2, 4..5, 12..13])
        .into_iter()
        .map(|p| (p.text, p.style))
        .collect();
    assert_eq!(
        got,
        [
            (0..1, Paint::Plain),
            (1..2, Paint::Match),
            (2..4, Paint::Plain),
            (4..5, Paint::Match),
            (5..10, Paint::SharedSome),
            (10..12, Paint::Plain),
            (12..13, Paint::Match),
            (13..20, Paint::Plain),
        ]
    );
}

#[test]
fn a_source_with_no_name_is_titled_by_its_opening_words_and_its_date() {
    let mut s = synopsis(1.0);
    s.articles[1].meta.date = Some("2024-08-12".into());
    s.articles[1].meta.title = None;
    s.articles[1].meta.outlet = Some("Le Monde".into());
    let view = build_view(&shape(), &s, &Caches::default());
    assert_eq!(view.panes[1].title, "2 · Le Monde · 2024-08-12");
    s.articles[1].meta.outlet = None;
    let view = build_view(&shape(), &s, &Caches::default());
    assert_eq!(view.panes[1].title, "2 · “Title” · 2024-08-12");
}

#[test]
fn a_source_that_copies_an_earlier_one_says_so_in_its_title() {
    let story: &[&str] = &[
        "The volcano woke.",
        "Roads closed.",
        "Lava ran.",
        "Ash fell.",
        "Planes stayed.",
    ];
    let articles = articles(&[story, &["Nothing about it."], story, &story[..4]]);
    let s = Synopsis {
        articles,
        topics: vec![topic_with(vec![member(0, 1, 1.0)])],
    };
    let mut caches = Caches::default();
    caches.fill_copies(&s);
    let shape = Shape {
        articles: vec![0, 1, 2, 3],
        ..shape()
    };
    let titles: Vec<String> = build_view(&shape, &s, &caches)
        .panes
        .into_iter()
        .map(|p| p.title)
        .collect();
    assert_eq!(
        titles,
        [
            "1 · Title",
            "2 · Title",
            "3 · copy of 1 · Title",
            "4 · near copy of 1 · Title"
        ]
    );
}

fn text_of(line: &Line<Paint>) -> String {
    line.pieces.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn in_rows_a_passage_alone_on_its_row_is_folded_and_the_note_names_the_key() {
    let long = "The volcano woke at dawn, and what the villagers saw through the night \
                is told here at length: the glow, the ash, the roads, the boats, the calls.";
    let synopsis = Synopsis {
        articles: articles(&[&[long], &["Ferries were cancelled for the week."]]),
        topics: vec![topic_with(vec![member(0, 1, 1.0), member(1, 1, 1.0)])],
    };
    let mut caches = Caches::default();
    caches.fill_weights(&synopsis);
    let folded_shape = folded_rows();
    let folded = build_view(&folded_shape, &synopsis, &caches);
    let whole_shape = Shape {
        fold: None,
        ..folded_shape
    };
    let whole = build_view(&whole_shape, &synopsis, &caches);
    let notes: Vec<usize> = (0..folded.panes[0].lines.len())
        .filter(|&i| text_of(&folded.panes[0].lines[i]).contains("more lines (z unfolds)"))
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", folded.panes[0].lines);
    let note = &folded.panes[0].lines[notes[0]];
    assert!(note.pieces.iter().all(|p| p.style == Paint::Note));
    // Two lines of the passage, then the note, beside a blank pane.
    assert_eq!(notes[0], folded.panes[0].paragraph_lines[0].line + 2);
    assert!(text_of(&folded.panes[1].lines[notes[0]]).trim().is_empty());
    let hidden = whole.panes[0].lines.len() - folded.panes[0].lines.len() + 1;
    assert!(text_of(note).starts_with(&format!("⋯ {hidden} more lines")));
    assert!(
        whole.panes[0]
            .lines
            .iter()
            .all(|l| !text_of(l).contains("more lines")),
        "unfolded, every passage is whole"
    );
}

#[test]
fn in_rows_passages_that_meet_on_a_row_are_never_folded() {
    let told = "The volcano woke at dawn, and what the villagers saw through the night \
                is told here at length: the glow, the ash, the roads, the boats, the calls.";
    let synopsis = Synopsis {
        articles: articles(&[&[told], &[told]]),
        topics: vec![topic_with(vec![member(0, 1, 1.0), member(1, 1, 1.0)])],
    };
    let shape = folded_rows();
    let mut caches = Caches::default();
    caches.fill_weights(&synopsis);
    let view = build_view(&shape, &synopsis, &caches);
    assert_eq!(view.panes[0].paragraph_lines[0].line, 0, "one row");
    for pane in &view.panes {
        assert!(pane.lines.len() > 4);
        assert!(
            pane.lines
                .iter()
                .all(|l| !text_of(l).contains("more lines"))
        );
    }
}

#[test]
fn in_rows_an_echo_opens_with_its_mark_and_never_takes_the_cursor() {
    let dam = "The dam burst at dawn and muddy water flooded the valley villages.";
    let rescue = "Rescue teams pulled forty people from the flooded rooftops by noon.";
    let baker = "A local baker handed out warm bread to the soaked families.";
    let synopsis = Synopsis {
        articles: articles(&[&[dam, rescue], &[rescue, baker, dam]]),
        topics: vec![topic_with(
            [(0, 1), (0, 2), (1, 1), (1, 2), (1, 3)]
                .map(|(a, p)| member(a, p, 1.0))
                .to_vec(),
        )],
    };
    let mut caches = Caches::default();
    caches.fill_weights(&synopsis);
    let view = build_view(
        &Shape {
            rows: true,
            ..shape()
        },
        &synopsis,
        &caches,
    );
    let marked = |l: &Line<Paint>| {
        l.pieces.first().is_some_and(|p| {
            p.style == Paint::Note && (p.text.starts_with('↓') || p.text.starts_with('↑'))
        })
    };
    let echoes: Vec<(usize, usize)> = (0..2)
        .flat_map(|k| {
            let lines = &view.panes[k].lines;
            (0..lines.len())
                .filter(move |&i| marked(&lines[i]))
                .map(move |i| (k, i))
        })
        .collect();
    assert_eq!(echoes.len(), 1, "{:?}", view.panes);
    let (k, line) = echoes[0];
    let starts = &view.panes[k].paragraph_lines;
    assert_eq!(
        starts.len(),
        [2, 3][k],
        "each paragraph starts once, in its place"
    );
    assert!(starts.iter().all(|s| s.line != line));
}

/// Three long passages and a short one in the first article, none of which the second tells.
fn passages_alone_in_one_pane() -> (Synopsis, Caches) {
    let long = |subject: &str| {
        format!(
            "The {subject} was told here at length, with every detail the reporter could \
             gather through the night: the hour, the place, the people, the numbers, the calls."
        )
    };
    let (dam, ferry, school) = (long("dam"), long("ferry"), long("school"));
    let synopsis = Synopsis {
        articles: articles(&[
            &[dam.as_str(), ferry.as_str(), school.as_str(), "A fox ran."],
            &["Bakers handed out bread on the square."],
        ]),
        topics: vec![topic_with(vec![
            member(0, 1, 1.0),
            member(0, 2, 1.0),
            member(0, 3, 1.0),
            member(0, 4, 1.0),
            member(1, 1, 1.0),
        ])],
    };
    let mut caches = Caches::default();
    caches.fill_weights(&synopsis);
    (synopsis, caches)
}

#[test]
fn one_pane_alone_in_rows_folds_nothing() {
    let (synopsis, caches) = passages_alone_in_one_pane();
    let shape = Shape {
        articles: vec![0],
        ..folded_rows()
    };
    let view = build_view(&shape, &synopsis, &caches);
    let lines: Vec<String> = view.panes[0].lines.iter().map(text_of).collect();
    assert!(
        lines.iter().all(|l| !l.contains("more lines")),
        "{lines:#?}"
    );
    assert_eq!(lines.iter().filter(|l| l.contains("calls.")).count(), 3);
}

#[test]
fn passages_alone_one_after_the_other_fold_into_one_block_with_one_note() {
    let (synopsis, caches) = passages_alone_in_one_pane();
    let shape = folded_rows();
    let view = build_view(&shape, &synopsis, &caches);
    let lines: Vec<String> = view.panes[0].lines.iter().map(text_of).collect();
    let notes = lines.iter().filter(|l| l.contains("more lines")).count();
    assert_eq!(notes, 1, "{lines:#?}");
    for subject in ["dam", "ferry", "school"] {
        let first = format!("The {subject} was");
        let cut = |l: &String| l.starts_with(&first) && l.ends_with('…');
        assert!(lines.iter().any(cut), "{first}: {lines:#?}");
    }
    // The fox's one line is shown whole: it is not folded.
    assert!(lines.iter().any(|l| l == "A fox ran."), "{lines:#?}");
    assert_eq!(view.panes[0].folded, vec![1, 2, 3]);
    // A blank line parts the rows, in every pane: the bakers' row ends one line above the
    // block.
    assert_eq!(view.panes[0].lines.len(), view.panes[1].lines.len());
    let block = view.panes[0].paragraph_lines[0].line;
    let bakers: Vec<String> = view.panes[1].lines.iter().map(text_of).collect();
    assert!(bakers[block - 1].trim().is_empty(), "{bakers:#?}");
    assert!(bakers[block - 2].contains("square."), "{bakers:#?}");
}

#[test]
fn in_rows_only_the_paragraph_under_review_is_unfolded() {
    let (synopsis, caches) = passages_alone_in_one_pane();
    let shape = Shape {
        whole: vec![ParaRef {
            article: 0,
            paragraph: 2,
        }],
        ..folded_rows()
    };
    let view = build_view(&shape, &synopsis, &caches);
    let lines: Vec<String> = view.panes[0].lines.iter().map(text_of).collect();
    let start = |p: usize| {
        let at = view.panes[0]
            .paragraph_lines
            .iter()
            .find(|l| l.paragraph == p);
        at.unwrap().line
    };
    let (ferry_at, school_at) = (start(2), start(3));
    assert!(
        lines[ferry_at..school_at]
            .iter()
            .all(|l| !l.contains("more lines")),
        "the ferry is whole: {lines:#?}"
    );
    assert!(
        lines[ferry_at..school_at]
            .iter()
            .any(|l| l.contains("calls."))
    );
    assert!(
        lines[..ferry_at].iter().any(|l| l.contains("more lines")),
        "the dam above it is folded: {lines:#?}"
    );
    assert!(
        lines[school_at..].iter().any(|l| l.contains("more lines")),
        "the school below it is folded: {lines:#?}"
    );
}
