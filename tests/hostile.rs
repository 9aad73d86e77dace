//! Messy and hostile input: each case gives a clear outcome, names the file, and the rest of
//! the set still loads. Large and binary fixtures are generated here.

use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::load_paths;
use synoptic_core::output::export::{ExportOptions, Format, write_export};

mod common;

use common::{screen_cells, stderr, synoptic as run};

const GOOD: &str = "Le volcan Etna est entré en éruption hier soir.\n";

/// Export JSON of `dir/c` (with one good article beside the case) and return it with stderr.
fn load_case(name: &str, bytes: &[u8]) -> (serde_json::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    std::fs::create_dir(&c).unwrap();
    std::fs::write(c.join("good.txt"), GOOD).unwrap();
    std::fs::write(c.join(name), bytes).unwrap();
    let out = run(&["export", "--format", "json", "c"], dir.path());
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
    (serde_json::from_slice(&out.stdout).unwrap(), stderr(&out))
}

fn article_ids(v: &serde_json::Value) -> Vec<String> {
    v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn unreadable_kinds_of_file_are_skipped_with_a_named_warning() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty.txt: empty file; skipped"),
        (
            "blank.txt",
            b"  \n\t \r\n",
            "blank.txt: empty file; skipped",
        ),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
            "image.txt: binary file, not an article; skipped",
        ),
    ];
    for (name, bytes, warning) in cases {
        let (v, err) = load_case(name, bytes);
        assert_eq!(article_ids(&v), vec!["good"], "{name}");
        assert!(err.contains(warning), "{name}: {err}");
    }
}

#[test]
fn other_encodings_are_decoded_and_reported() {
    let (v, err) = load_case("latin.txt", b"L'\xe9t\xe9 \x96 \x93cit\xe9\x94.\n");
    assert!(
        err.contains("latin.txt: not UTF-8; read as Windows-1252"),
        "{err}"
    );
    assert_eq!(v["articles"][1]["paragraphs"][0]["text"], "L'été – “cité”.");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Été à Gdansk.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (v, err) = load_case("wide.txt", &utf16);
    assert!(
        err.contains("wide.txt: not UTF-8; read as UTF-16LE"),
        "{err}"
    );
    assert_eq!(v["articles"][1]["paragraphs"][0]["text"], "Été à Gdansk.");
}

#[test]
fn a_50_mb_article_is_refused_with_advice() {
    let big = "Un mot. ".repeat(50 * 1024 * 1024 / 8);
    let (v, err) = load_case("huge.txt", big.as_bytes());
    assert_eq!(article_ids(&v), vec!["good"]);
    assert!(
        err.contains("huge.txt: 52.4 MB is too large (limit 8 MB)"),
        "{err}"
    );
}

#[test]
fn a_single_1_mb_line_is_one_paragraph() {
    let line = "mot ".repeat(256 * 1024);
    let (v, _) = load_case("line.txt", line.as_bytes());
    let paragraphs = v["articles"][1]["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 1);
    assert_eq!(
        paragraphs[0]["text"].as_str().unwrap().len(),
        line.trim_end().len()
    );
}

#[test]
fn a_thousand_files_load() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1000 {
        std::fs::write(
            dir.path().join(format!("a{i:04}.txt")),
            format!("Article {i} sur le volcan Etna.\n"),
        )
        .unwrap();
    }
    let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(loaded.articles.len(), 1000);
    assert_eq!(loaded.articles[999].id, "a0999");
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_and_a_missing_path_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    std::fs::create_dir(&c).unwrap();
    std::fs::write(c.join("good.txt"), GOOD).unwrap();
    std::os::unix::fs::symlink(c.join("gone"), c.join("dangling.txt")).unwrap();
    let out = run(
        &["export", "--format", "json", "c", "missing.txt"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("dangling.txt: cannot be read"), "{err}");
    assert!(
        err.contains("missing.txt: no such file or directory"),
        "{err}"
    );
    let alone = run(&["export", "missing.txt"], dir.path());
    assert_eq!(alone.status.code(), Some(2));
    assert!(stderr(&alone).contains("missing.txt"));
}

#[test]
fn a_directory_without_articles_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    std::fs::write(dir.path().join("d/notes.csv"), "a,b").unwrap();
    let out = run(&["export", "d"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no readable articles"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn nested_directories_a_symlink_loop_and_twin_names() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("r");
    std::fs::create_dir_all(root.join("x/deeper")).unwrap();
    std::fs::create_dir_all(root.join("y")).unwrap();
    std::fs::write(root.join("x/a.txt"), GOOD).unwrap();
    std::fs::write(root.join("y/a.txt"), GOOD).unwrap();
    std::fs::write(root.join("x/deeper/b.md"), GOOD).unwrap();
    std::os::unix::fs::symlink(&root, root.join("x/deeper/loop")).unwrap();
    let loaded = load_paths(&[root]).unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b", "y_a"]);
}

#[test]
fn one_article_alone_still_exports_and_reads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("solo.txt"), GOOD).unwrap();
    let out = run(&["export", "solo.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let loaded = load_paths(&[dir.path().join("solo.txt")]).unwrap();
    let app =
        synoptic::tui::state::app::App::new(Synopsis::build(loaded.articles, &[]), (80, 24), true);
    assert!(
        screen_cells(&app).contains("No topics"),
        "a lone article says there is nothing aligned"
    );
}

const ATTACK: &str = "Titre propre.\nLe \u{1b}[31mrouge\u{1b}[0m, le \u{1b}]0;titre\u{7}, le \u{1b}]52;c;cGF5bG9hZA==\u{7} \
presse-papier, un \u{1b}]8;;http://x\u{1b}\\lien\u{1b}]8;;\u{1b}\\, une cloche\u{7}, un retour\u{8}\u{8} arrière, \
un retour\rchariot et \u{202e}inversé\u{202c} volcan Etna.\n";

fn attack_synopsis() -> Synopsis {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil.txt"), ATTACK).unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    Synopsis::build(
        load_paths(&[dir.path().to_path_buf()]).unwrap().articles,
        &[],
    )
}

fn has_raw_control(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn escape_sequences_never_reach_the_terminal_raw() {
    let synopsis = attack_synopsis();
    for format in [Format::Text, Format::Markdown] {
        let mut out = Vec::new();
        write_export(
            &synopsis,
            &ExportOptions {
                format,
                ..Default::default()
            },
            &mut out,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!has_raw_control(&text), "{format:?}: {text:?}");
    }
    let mut out = Vec::new();
    write_export(
        &synopsis,
        &ExportOptions {
            format: Format::Json,
            ..Default::default()
        },
        &mut out,
    )
    .unwrap();
    let json = String::from_utf8(out).unwrap();
    assert!(
        json.contains("\\u001b]52;c;cGF5bG9hZA=="),
        "JSON keeps the text, escaped"
    );
    let mut app = synoptic::tui::state::app::App::new(synopsis, (120, 30), true);
    app.update(synoptic::tui::keys::action::Action::ToggleFullArticle);
    let screen = screen_cells(&app);
    assert!(
        screen.contains("␛[31mrouge"),
        "escape shown as a symbol: {screen}"
    );
    assert!(!has_raw_control(&screen));
}

#[test]
fn wide_and_zero_width_characters_keep_columns_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "Le volcan Etna: e\u{301}ruption, 👩\u{200d}🔬 scientifique, 火山 噴火 日本語, tab\there, 🇫🇷 drapeau.\n",
        "Le volcan Etna entre en éruption 火山 et 😀 les habitants fuient.\n",
        "Le volcan Etna, e\u{301}ruption spectaculaire, ｆｕｌｌ ｗｉｄｔｈ.\n",
    ];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), t).unwrap();
    }
    std::fs::write(
        dir.path().join("topics.toml"),
        "[[topic]]\nid = \"etna\"\nkeywords = [\"Etna\"]\n",
    )
    .unwrap();
    let out = run(
        &["export", "--width", "100", "--topic", "etna", "."],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.contains(" │ ")).collect();
    assert!(rows.len() >= 3, "{text}");
    // Widths as unicode-width measures strings (a ZWJ emoji sequence is one wide glyph).
    let gutters = |line: &str| -> Vec<usize> {
        line.match_indices('│')
            .map(|(i, _)| unicode_width::UnicodeWidthStr::width(&line[..i]))
            .collect()
    };
    let first = gutters(rows[0]);
    for row in &rows {
        assert_eq!(gutters(row), first, "misaligned row: {row}");
    }
}

#[test]
fn topics_file_problems_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, i32, &str)] = &[
        (
            "[[topic]]\nid = \"a\"\nkeywords = [\"x\"\n",
            "bad.toml",
            2,
            "bad.toml:",
        ),
        (
            "[[topic]]\nid = \"a\"\nkeywords = [\"x\"]\n[[topic]]\nid = \"a\"\nkeywords = [\"y\"]\n",
            "dup.toml",
            2,
            "dup.toml:5:",
        ),
        (
            "[[topic]]\nid = \"Bad Id\"\nkeywords = [\"x\"]\n",
            "chars.toml",
            2,
            "chars.toml:2:",
        ),
        (
            "[[topic]]\nid = \"a\"\n",
            "empty.toml",
            0,
            "has no keywords",
        ),
        (
            "[[topic]]\nid = \"a\"\nkeywords = [\"x\"]\ncolour = \"red\"\n",
            "unknown.toml",
            0,
            "unknown field \"colour\"",
        ),
    ];
    for (body, name, code, message) in cases {
        std::fs::write(dir.path().join(name), body).unwrap();
        let out = run(&["export", "--topics", name], dir.path());
        assert_eq!(out.status.code(), Some(*code), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{name}: {}", stderr(&out));
    }
}
