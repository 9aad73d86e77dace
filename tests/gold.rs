//! Quality on the seeds, scored against the hand labels in `tests/fixtures/` the way
//! `shared/tools/score.py` scores them: topic micro F1, segmentation, shared phrases.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, load_embedded};
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::output::export::{ExportOptions, Format, write_export};

fn export_json() -> Value {
    let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
    let synopsis = Synopsis::build(load_embedded().articles, &topics.topics);
    let mut out = Vec::new();
    let opts = ExportOptions {
        format: Format::Json,
        ..Default::default()
    };
    write_export(&synopsis, &opts, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Typographic quotes to ASCII and white space collapsed, as the scorer compares.
fn norm(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | '\u{201e}' => '"',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn article_id(export: &Value, label: &str) -> String {
    let hits: Vec<&str> = export["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str())
        .filter(|id| id.starts_with(label))
        .collect();
    assert_eq!(hits.len(), 1, "gold article {label}");
    hits[0].to_owned()
}

fn paragraph_index(export: &Value, article: &str, key: &str) -> Option<(u64, String)> {
    let a = export["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == article)?;
    a["paragraphs"]
        .as_array()?
        .iter()
        .find(|p| norm(p["text"].as_str().unwrap_or("")).contains(&norm(key)))
        .map(|p| {
            (
                p["index"].as_u64().unwrap(),
                p["kind"].as_str().unwrap().to_owned(),
            )
        })
}

#[test]
fn seeds_topics_micro_f1_at_least_0_93_with_clean_segmentation() {
    let export = export_json();
    let gold = fixture("seeds-topics.json");
    let names: Vec<String> = gold["topics"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut membership: HashMap<(String, u64), HashSet<String>> = HashMap::new();
    for t in export["topics"].as_array().unwrap() {
        for m in t["members"].as_array().unwrap() {
            let key = (
                m["article"].as_str().unwrap().to_owned(),
                m["paragraph"].as_u64().unwrap(),
            );
            membership
                .entry(key)
                .or_default()
                .insert(t["id"].as_str().unwrap().to_owned());
        }
    }
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut errors = Vec::new();
    for g in gold["paragraphs"].as_array().unwrap() {
        let id = article_id(&export, g["article"].as_str().unwrap());
        let key = g["key"].as_str().unwrap();
        let (index, kind) =
            paragraph_index(&export, &id, key).unwrap_or_else(|| panic!("paragraph lost: {key}"));
        let want_kind = g["kind"].as_str().unwrap();
        if want_kind == "boilerplate" || want_kind == "heading" {
            assert_eq!(kind, want_kind, "kind of {key:?}");
        }
        assert!(
            !(want_kind == "body" && kind == "boilerplate"),
            "body hidden as boilerplate: {key}"
        );
        if want_kind == "heading" {
            continue;
        }
        let got = membership.get(&(id, index)).cloned().unwrap_or_default();
        let list = |field: &str| -> Vec<String> {
            g[field]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect()
        };
        let (required, allowed) = (list("required"), list("allowed"));
        for n in &names {
            match (required.contains(n), got.contains(n), allowed.contains(n)) {
                (true, true, _) => tp += 1,
                (true, false, _) => {
                    fn_ += 1;
                    errors.push(format!("missed {n}: {key}"));
                }
                (false, true, false) => {
                    fp += 1;
                    errors.push(format!("wrong {n}: {key}"));
                }
                _ => {}
            }
        }
    }
    let p = f64::from(tp) / f64::from(tp + fp);
    let r = f64::from(tp) / f64::from(tp + fn_);
    let f1 = 2.0 * p * r / (p + r);
    assert!(
        f1 >= 0.93,
        "micro F1 {f1:.3} (P {p:.3}, R {r:.3}); errors: {errors:#?}"
    );
}

#[test]
fn seeds_shared_phrases_are_all_marked() {
    let export = export_json();
    let gold = fixture("seeds-shared-phrases.json");
    for ph in gold["phrases"].as_array().unwrap() {
        let id = article_id(&export, ph["article"].as_str().unwrap());
        let want: Vec<String> = ph["with"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| article_id(&export, w.as_str().unwrap()))
            .collect();
        let (index, _) = paragraph_index(&export, &id, ph["in"].as_str().unwrap()).unwrap();
        let topic = export["topics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == ph["topic"])
            .unwrap();
        let member = topic["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["article"] == id.as_str() && m["paragraph"] == index);
        let member =
            member.unwrap_or_else(|| panic!("{} not aligned to {}", ph["in"], ph["topic"]));
        // Characters of the paragraph with the articles they are shared with.
        let mut text = String::new();
        let mut marks: Vec<Vec<String>> = Vec::new();
        for s in member["spans"].as_array().unwrap() {
            let piece = s["text"].as_str().unwrap();
            let with: Vec<String> = s["shared_with"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            text.push_str(piece);
            marks.extend(piece.chars().map(|_| with.clone()));
        }
        let chars: Vec<char> = norm(&text).to_lowercase().chars().collect();
        let phrase: Vec<char> = norm(ph["phrase"].as_str().unwrap())
            .to_lowercase()
            .chars()
            .collect();
        assert_eq!(
            norm(&text).chars().count(),
            text.chars().count(),
            "test assumes single spaces"
        );
        let at = chars
            .windows(phrase.len())
            .position(|w| w == phrase.as_slice())
            .expect("phrase in paragraph");
        for i in at..at + phrase.len() {
            if chars[i].is_alphanumeric() {
                for w in &want {
                    assert!(
                        marks[i].contains(w),
                        "{:?} not shared with {w} at {:?}",
                        ph["phrase"],
                        chars[i]
                    );
                }
            }
        }
    }
}
