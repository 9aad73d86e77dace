//! JSON format version 2 carries everything version 1 does: every version 1 `shared_with` is
//! recomputed here from version 2 alone, the way the README tells a script to.

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::Value;
use synoptic_core::compare::synopsis::Synopsis;
use synoptic_core::input::ingest::{EMBEDDED_TOPICS, article_from_text, load_embedded};
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::export::{ExportOptions, Format, JsonVersion, write_export};

fn export(synopsis: &Synopsis, json_version: JsonVersion) -> Value {
    let mut out = Vec::new();
    let opts = ExportOptions {
        format: Format::Json,
        json_version,
        ..Default::default()
    };
    write_export(synopsis, &opts, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// The ids of the articles that share a version 2 span: the union, over the terms of its
/// `sharing`, of the articles that have every entry of the term, less its own article.
fn shared_with(v2: &Value, topic: &Value, member: &Value, span: &Value) -> BTreeSet<String> {
    let articles = v2["articles"].as_array().unwrap();
    let own = member["article"].as_str().unwrap();
    let entry = |e: &Value| -> BTreeSet<usize> {
        let e = e.as_u64().unwrap() as usize;
        topic["wording"][e][1]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_u64().unwrap() as usize)
            .collect()
    };
    let mut out = BTreeSet::new();
    let formula = span
        .get(3)
        .map(|n| &topic["sharing"][n.as_u64().unwrap() as usize]);
    for term in formula.and_then(Value::as_array).into_iter().flatten() {
        let mut entries = term.as_array().unwrap().iter().map(entry);
        let first = entries.next().unwrap();
        let all = entries.fold(first, |acc, e| acc.intersection(&e).copied().collect());
        out.extend(
            all.into_iter()
                .map(|a| articles[a]["id"].as_str().unwrap().to_owned()),
        );
    }
    out.remove(own);
    out
}

/// Version 2 holds the same articles, topics, members and span texts as version 1, and gives
/// back every `shared_with`; levels and counts agree with it.
fn assert_v1_from_v2(synopsis: &Synopsis) -> Result<usize, TestCaseError> {
    let v1 = export(synopsis, JsonVersion::V1);
    let v2 = export(synopsis, JsonVersion::V2);
    prop_assert_eq!(&v2["version"], 2);
    prop_assert_eq!(&v1["articles"], &v2["articles"]);
    let (t1, t2) = (
        v1["topics"].as_array().unwrap(),
        v2["topics"].as_array().unwrap(),
    );
    prop_assert_eq!(t1.len(), t2.len());
    let mut checked = 0;
    for (a, b) in t1.iter().zip(t2) {
        prop_assert_eq!(&a["id"], &b["id"]);
        let covering: BTreeSet<&str> = a["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["article"].as_str().unwrap())
            .collect();
        let (m1, m2) = (
            a["members"].as_array().unwrap(),
            b["members"].as_array().unwrap(),
        );
        prop_assert_eq!(m1.len(), m2.len());
        for (x, y) in m1.iter().zip(m2) {
            for key in ["article", "paragraph", "score"] {
                prop_assert_eq!(&x[key], &y[key]);
            }
            let (s1, s2) = (
                x["spans"].as_array().unwrap(),
                y["spans"].as_array().unwrap(),
            );
            prop_assert_eq!(s1.len(), s2.len());
            for (p, q) in s1.iter().zip(s2) {
                prop_assert_eq!(&p["text"], &q[0]);
                let want: BTreeSet<String> = p["shared_with"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap().to_owned())
                    .collect();
                let got = shared_with(&v2, b, y, q);
                prop_assert_eq!(&got, &want, "span {:?} of {}", q[0], y["article"]);
                prop_assert_eq!(q[2].as_u64().unwrap() as usize, want.len());
                // `sharing` is there exactly when other articles share the span.
                let len = q.as_array().unwrap().len();
                prop_assert_eq!(len, if want.is_empty() { 3 } else { 4 });
                let level = match want.len() {
                    0 => "none",
                    n if n + 1 >= covering.len() => "all",
                    _ => "several",
                };
                prop_assert_eq!(q[1].as_str().unwrap(), level);
                checked += 1;
            }
        }
    }
    Ok(checked)
}

#[test]
fn seeds_version_1_is_recomputed_from_version_2() {
    let topics = parse_topics("assets/topics.toml", EMBEDDED_TOPICS).unwrap();
    let synopsis = Synopsis::build(load_embedded().articles, &topics.topics);
    let spans = assert_v1_from_v2(&synopsis).unwrap();
    assert!(spans > 1000, "only {spans} spans compared");
}

#[test]
fn seeds_without_topics_file_too() {
    let synopsis = Synopsis::build(load_embedded().articles, &[]);
    assert!(assert_v1_from_v2(&synopsis).unwrap() > 1000);
}

#[test]
fn version_2_grows_linearly_where_version_1_grows_with_the_square() {
    // The same article, copied: every span of every copy is shared with all the others.
    let places = [
        "Bastille",
        "Montmartre",
        "Belleville",
        "Passy",
        "Auteuil",
        "Bercy",
        "Vaugirard",
    ];
    let mut text = String::from("Réunion à New York\n\n");
    text.push_str(
        "Le Conseil de sécurité se réunit lundi. Il examinera la plainte du Cambodge.\n\n",
    );
    for (k, place) in places.iter().enumerate() {
        text.push_str(&format!(
            "Le marché numéro {k} de {place} ouvre ses portes chaque matin.\n\n"
        ));
    }
    let size = |copies: usize, version| {
        let articles = (0..copies)
            .map(|i| article_from_text(format!("copy{i:03}"), format!("copy{i:03}.txt"), &text))
            .collect();
        let defs = [TopicDef {
            id: "conseil".into(),
            label: "Conseil".into(),
            keywords: vec!["Conseil de sécurité".into()],
            description: None,
            pins: Vec::new(),
        }];
        let mut out = Vec::new();
        let opts = ExportOptions {
            format: Format::Json,
            json_version: version,
            ..Default::default()
        };
        write_export(&Synopsis::build(articles, &defs), &opts, &mut out).unwrap();
        out.len() as f64
    };
    let v2 = size(200, JsonVersion::V2) / size(20, JsonVersion::V2);
    let v1 = size(200, JsonVersion::V1) / size(20, JsonVersion::V1);
    assert!(v2 < 13.0, "version 2 grew {v2:.1}x for 10x the articles");
    assert!(
        v1 > 30.0,
        "version 1 grew only {v1:.1}x: is the test corpus sharing anything?"
    );
}

fn sentence() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("le"),
            Just("de"),
            Just("la"),
            Just("Conseil"),
            Just("sécurité"),
            Just("Cambodge"),
            Just("temple"),
            Just("a"),
            Just("et"),
            Just("40"),
            Just("frontière"),
            Just("."),
            Just(","),
            // Escaped in JSON: quotes, a backslash, a tab.
            Just("\"dit\""),
            Just("c\\d\t"),
        ],
        1..30,
    )
    .prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Few words, many repeats: stopword chains, sentence ends and gaps in every combination.
    #[test]
    fn any_small_corpus_version_1_is_recomputed(texts in proptest::collection::vec(sentence(), 2..5)) {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| article_from_text(format!("a{i}"), format!("a{i}.txt"), &format!("temple {t}")))
            .collect();
        let defs = [TopicDef { id: "t".into(), label: "t".into(), keywords: vec!["temple".into()], description: None, pins: Vec::new() }];
        assert_v1_from_v2(&Synopsis::build(articles, &defs))?;
    }
}
