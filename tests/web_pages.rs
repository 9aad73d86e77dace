//! Web pages in, end to end: saved pages read as articles, `synoptic extract`, and pages
//! fetched from a local server (127.0.0.1 only) by the library and by `synoptic fetch`.

mod common;
mod web_support;

use std::path::Path;
use std::time::Duration;

use synoptic_core::input::web::charset::{decode_page, header_charset};
use synoptic_core::input::web::extract::{Block, extract_page};
use synoptic_core::input::web::fetch::{FetchError, FetchLimits, fetch_page};

use common::synoptic;
use web_support::{ENGLISH_LATIN1, FRENCH, SLOW, serve};

fn limits() -> FetchLimits {
    FetchLimits {
        timeout: Duration::from_secs(10),
        max_bytes: 1024 * 1024,
        max_redirects: 5,
    }
}

fn body(page: &synoptic_core::input::web::extract::Page) -> String {
    let texts: Vec<&str> = page.blocks.iter().map(Block::text).collect();
    texts.join("\n")
}

#[test]
fn a_french_page_gives_its_article_and_nothing_around_it() {
    let (html, _) = decode_page(FRENCH, None);
    let page = extract_page(&html, None).unwrap();
    assert_eq!(
        page.meta.title.as_deref(),
        Some("Inondations dans le Gard : la préfecture lève l'alerte rouge")
    );
    assert_eq!(page.meta.outlet.as_deref(), Some("Le Quotidien du Sud"));
    assert_eq!(page.meta.date.as_deref(), Some("2024-10-18"));
    assert_eq!(page.meta.author.as_deref(), Some("Claire Martin"));
    let text = body(&page);
    for kept in [
        "Après trois jours de pluies diluviennes",
        "« Nous restons mobilisés",
        "plusieurs centaines d'hectares de vignes",
    ] {
        assert!(text.contains(kept), "{kept} missing:\n{text}");
    }
    for dropped in [
        "Accueil",
        "Rechercher",
        "Par Claire Martin",
        "Photo AFP",
        "Lire aussi",
        "marché de Noël",
        "Tous droits réservés",
    ] {
        assert!(!text.contains(dropped), "{dropped} kept:\n{text}");
    }
    assert!(
        page.blocks
            .contains(&Block::Heading("Des écoles fermées jusqu'à lundi".into()))
    );
    assert_eq!(
        page.blocks
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(_)))
            .count(),
        6
    );
}

#[test]
fn a_page_set_with_line_breaks_instead_of_paragraphs_keeps_its_paragraphs() {
    let paragraphs = [
        "The minister announced on Monday that the new bridge would open in the spring, after two years of delays caused by supply problems and a strike.",
        "Local residents welcomed the news but said they would believe it when they saw the first cars cross the river, according to interviews in the town square.",
        "The project, which cost about 40 million euros, was first proposed in 2015 by the regional council and approved after a long public consultation.",
    ];
    let html = format!(
        "<html><head><title>Bridge to open</title></head><body><article>\
         <h1>Bridge to open in spring</h1>{}</article></body></html>",
        paragraphs.join("<br>\n<br>")
    );
    let page = extract_page(&html, None).unwrap();
    assert_eq!(body(&page), paragraphs.join("\n"));
}

#[test]
fn a_latin1_page_is_read_in_its_charset_and_its_byline_left_out() {
    let (html, encoding) = decode_page(ENGLISH_LATIN1, None);
    assert_eq!(encoding, "windows-1252");
    let page = extract_page(&html, Some("https://herald.example/bridge")).unwrap();
    let text = body(&page);
    assert!(text.contains("the cafés and shops"), "{text}");
    assert!(!text.contains("By Sam Okafor"), "{text}");
    assert!(
        !text.contains("Most read") && !text.contains("Copyright"),
        "{text}"
    );
    assert_eq!(
        page.meta.url.as_deref(),
        Some("https://herald.example/bridge")
    );
}

#[test]
fn saved_pages_are_read_as_articles_with_their_outlet_and_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), FRENCH).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, ENGLISH_LATIN1).unwrap();
    std::fs::write(dir.path().join("b.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(
        dir.path().join("c.htm"),
        b"<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    let out = synoptic(&["export", "--format", "json", "."], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("c.htm: no article found in the page"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(articles[0]["date"], "2024-10-18");
    assert_eq!(
        articles[1]["title"],
        "City council approves new bridge budget"
    );
    let heading = &articles[0]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "heading")
        .unwrap()["text"];
    assert_eq!(
        heading, "Des écoles fermées jusqu'à lundi",
        "a subhead without its marks"
    );
}

#[test]
fn extract_prints_markdown_with_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.html"), FRENCH).unwrap();
    let out = synoptic(&["extract", "page.html"], dir.path());
    assert!(out.status.success());
    // Nothing on standard error: not even the extractor's debug lines in a debug build.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("---\ntitle: Inondations dans le Gard : la préfecture lève l'alerte rouge\noutlet: Le Quotidien du Sud\ndate: 2024-10-18\nauthor: Claire Martin\nurl: https://quotidien-du-sud.example/gard/inondations-alerte-levee\n---\n\nAprès trois jours"), "{text}");
    assert!(text.contains("\n## Des écoles fermées jusqu'à lundi\n"));
    let missing = synoptic(&["extract", "nope.html"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.html: the page no such file"));
}

#[test]
fn fetching_follows_redirects_and_unzips() {
    let base = serve();
    let moved = fetch_page(&format!("{base}/moved"), limits()).unwrap();
    assert_eq!(moved.url, format!("{base}/fr"));
    assert_eq!(moved.bytes, FRENCH);
    let zipped = fetch_page(&format!("{base}/gzip"), limits()).unwrap();
    assert_eq!(zipped.bytes, FRENCH);
}

#[test]
fn fetching_says_why_a_page_was_not_had() {
    let base = serve();
    let get = |path: &str| fetch_page(&format!("{base}{path}"), limits()).unwrap_err();
    assert!(matches!(get("/missing"), FetchError::Status(404)));
    assert!(matches!(get("/broken"), FetchError::Status(500)));
    assert!(matches!(get("/pdf"), FetchError::NotHtml(t) if t == "application/pdf"));
    assert!(
        matches!(get("/huge"), FetchError::TooLarge { limit_mb: 1 }),
        "{}",
        get("/huge")
    );
    let quick = FetchLimits {
        timeout: SLOW / 3,
        ..limits()
    };
    let slow = fetch_page(&format!("{base}/slow"), quick).unwrap_err();
    assert!(matches!(slow, FetchError::Timeout(_)), "{slow}");
    // Nothing listens on this port: bound and closed again at once.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let refused = fetch_page(&format!("http://{closed}/"), limits()).unwrap_err();
    assert!(matches!(refused, FetchError::Network(_)), "{refused}");
}

#[test]
fn a_charset_the_bytes_contradict_is_not_believed() {
    let base = serve();
    let page = fetch_page(&format!("{base}/wrong-charset"), limits()).unwrap();
    let declared = header_charset(page.content_type.as_deref().unwrap());
    assert_eq!(declared, Some("utf-8"));
    let (html, encoding) = decode_page(&page.bytes, declared);
    assert_eq!(encoding, "windows-1252");
    assert!(html.contains("the cafés and shops"));
    assert!(!html.contains('\u{fffd}'));
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn fetch_writes_what_it_can_names_what_it_cannot_and_never_writes_over_a_folder() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let urls = [
        format!("{base}/fr"),
        format!("{base}/missing"),
        format!("{base}/en"),
        format!("{base}/empty"),
    ];
    let mut args = vec!["fetch", "-o", "today"];
    args.extend(urls.iter().map(String::as_str));
    let out = synoptic(&args, dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{base}/missing: the server answered HTTP 404")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{base}/empty: no article found")),
        "{stderr}"
    );
    assert!(stderr.contains("2 of 4 pages could not be had"), "{stderr}");
    let today = dir.path().join("today");
    assert_eq!(
        files_in(&today),
        [
            "01_le-quotidien-du-sud_inondations-dans-le-gard-la-prefecture.html",
            "01_le-quotidien-du-sud_inondations-dans-le-gard-la-prefecture.md",
            "03_the-riverside-herald_city-council-approves-new-bridge-budget.html",
            "03_the-riverside-herald_city-council-approves-new-bridge-budget.md",
        ]
    );
    // The page is kept as served, byte for byte: the corpus reads again offline.
    let saved = std::fs::read(
        today.join("03_the-riverside-herald_city-council-approves-new-bridge-budget.html"),
    )
    .unwrap();
    assert_eq!(saved, ENGLISH_LATIN1);
    // The folder reads as a corpus: each article once, from its Markdown, not again from
    // the page kept beside it.
    let read = synoptic(&["export", "--format", "json", "today"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    let titles: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Inondations dans le Gard : la préfecture lève l'alerte rouge",
            "City council approves new bridge budget"
        ]
    );
    let again = synoptic(&["fetch", "-o", "today", &urls[0]], dir.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("already holds files; choose a new folder, or give --force")
    );
    let forced = synoptic(&["fetch", "--force", "-o", "today", &urls[0]], dir.path());
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
}

#[test]
fn an_address_given_as_a_path_is_fetched_into_the_cache_and_read_from_it() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let run = |urls: &[String]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_synoptic"))
            .args(["export", "--format", "json"])
            .args(urls)
            .current_dir(dir.path())
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .unwrap()
    };
    let out = run(&[
        format!("{base}/fr"),
        format!("{base}/en"),
        format!("{base}/broken"),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{base}/broken: the server answered HTTP 500; left out"
        )),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 2);
    assert!(cache.join("synoptic/pages").is_dir());
    // One folder per address had; none for the one that failed, so it is tried again.
    let cached = std::fs::read_dir(cache.join("synoptic/pages"))
        .unwrap()
        .count();
    assert_eq!(cached, 2);
    // The second time the articles come from the cache: the same export, byte for byte.
    let again = run(&[format!("{base}/fr"), format!("{base}/en")]);
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn a_saved_page_being_read_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    std::fs::create_dir(&c).unwrap();
    std::fs::write(c.join("a.html"), FRENCH).unwrap();
    std::fs::write(c.join("b.html"), ENGLISH_LATIN1).unwrap();
    let out = synoptic(&["export", "-o", "c/a.html", "--force", "c"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("c/a.html is one of the articles being read"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(c.join("a.html")).unwrap(), FRENCH);
}
