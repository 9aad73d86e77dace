//! Topics found with no topics file: a handful of labelled topics, written as a topics file
//! that reads back to the same alignment.

use std::collections::BTreeMap;
use std::path::Path;

mod common;

use common::{stderr, synoptic};

/// The seed articles in a folder of their own, with no topics file.
fn seeds_without_topics() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    for entry in std::fs::read_dir(assets).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// Topic id -> (origin, members as article id and paragraph), from a JSON export.
fn members(json: &[u8]) -> BTreeMap<String, (String, Vec<(String, u64)>)> {
    let v: serde_json::Value = serde_json::from_slice(json).unwrap();
    v["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let members = t["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    let article = m["article"].as_str().unwrap().to_owned();
                    (article, m["paragraph"].as_u64().unwrap())
                })
                .collect();
            let origin = t["origin"].as_str().unwrap().to_owned();
            (t["id"].as_str().unwrap().to_owned(), (origin, members))
        })
        .collect()
}

#[test]
fn discovered_topics_written_as_a_topics_file_read_back_the_same() {
    let dir = seeds_without_topics();
    let path = dir.path().to_str().unwrap();
    let toml = synoptic(&["topics", "--format", "toml", path], dir.path());
    assert!(toml.status.success(), "{}", stderr(&toml));
    let text = String::from_utf8(toml.stdout).unwrap();
    assert!(text.starts_with("# Topics of 5 articles"), "{text}");
    let file = dir.path().join("found.toml");
    std::fs::write(&file, &text).unwrap();

    let before = synoptic(&["export", "--format", "json", path], dir.path());
    assert!(before.status.success(), "{}", stderr(&before));
    let file_arg = file.to_str().unwrap();
    let after = synoptic(
        &["export", "--format", "json", "--topics", file_arg, path],
        dir.path(),
    );
    assert!(after.status.success(), "{}", stderr(&after));

    let (before, after) = (members(&before.stdout), members(&after.stdout));
    assert!(
        (4..=10).contains(&before.len()),
        "a handful of topics: {before:?}"
    );
    for (id, (origin, found)) in &before {
        assert_eq!(origin, "discovered");
        let (origin_after, read_back) = &after[id];
        assert_eq!(origin_after, "defined", "{id} is the user's once read back");
        assert_eq!(read_back, found, "{id} aligns the same paragraphs");
    }
}

#[test]
fn discovered_topics_are_labelled_with_the_sources_words_and_stable() {
    let dir = seeds_without_topics();
    let path = dir.path().to_str().unwrap();
    let run = || synoptic(&["topics", "--format", "json", path], dir.path());
    let (first, second) = (run(), run());
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(first.stdout, second.stdout, "same input, same topics");
    let v: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let topics = v["topics"].as_array().unwrap();
    let labels: Vec<&str> = topics
        .iter()
        .map(|t| t["label"].as_str().unwrap())
        .collect();
    // Each label is words the articles use, not a list of stems.
    let corpus: String = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect();
    for label in &labels {
        assert!(!label.contains(", "), "{label}");
        assert!(
            corpus.contains(label),
            "{label} is not the sources' own words"
        );
    }
    assert!(labels.contains(&"Thierry Breton"), "{labels:?}");
    // Ordered by how many sources cover them.
    let sources: Vec<usize> = topics
        .iter()
        .map(|t| t["coverage"].as_object().unwrap().len())
        .collect();
    assert!(sources.windows(2).all(|w| w[0] >= w[1]), "{sources:?}");
    assert!(sources.iter().all(|&s| s >= 2));
}

#[test]
fn a_found_topic_saved_alone_keeps_about_its_size_when_read_back() {
    let dir = seeds_without_topics();
    let path = dir.path().to_str().unwrap();
    let toml = synoptic(&["topics", "--format", "toml", path], dir.path());
    let text = String::from_utf8(toml.stdout).unwrap();
    let (head, topics) = text.split_once("[[topic]]").unwrap();
    let before = members(&synoptic(&["export", "--format", "json", path], dir.path()).stdout);
    let (mut found, mut read_back) = (0, 0);
    for topic in topics.split("[[topic]]") {
        let file = dir.path().join("one.toml");
        std::fs::write(&file, format!("{head}[[topic]]{topic}")).unwrap();
        let file_arg = file.to_str().unwrap();
        let run = synoptic(
            &["export", "--format", "json", "--topics", file_arg, path],
            dir.path(),
        );
        assert!(run.status.success(), "{}", stderr(&run));
        let after = members(&run.stdout);
        let (id, (_, alone)) = after.iter().find(|(_, (o, _))| o == "defined").unwrap();
        found += before[id].1.len();
        read_back += alone.len();
    }
    // Alone in a file, a found topic still meets the topics found beside it: it does not take
    // every paragraph that resembles it (it took twice its paragraphs when it met none).
    assert!(
        read_back * 2 <= found * 3,
        "{read_back} paragraphs read back against {found} found"
    );
}
