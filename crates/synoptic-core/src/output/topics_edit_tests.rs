//! Tests of `topics_edit`.

use super::*;
use crate::input::topics_file::parse_topics;

const FILE: &str = "# my topics\n\n[[topic]]\nid = \"outage\" # the outage\nlabel = \"The outage\"\nkeywords = [\"panne\"]\n";

fn def(id: &str) -> TopicDef {
    TopicDef {
        id: id.into(),
        label: format!("The {id}"),
        keywords: vec!["word".into()],
        description: None,
        pins: Vec::new(),
    }
}

fn pin(include: bool) -> Pin {
    Pin {
        article: "000_a".into(),
        key: "Lors de sa \"conversation\" sur X".into(),
        nth: 1,
        include,
    }
}

#[test]
fn a_pin_is_added_and_the_comments_stay() {
    let out = edit_topics("t.toml", FILE, &def("outage"), &Correction::Pin(pin(true))).unwrap();
    assert!(out.starts_with("# my topics\n"), "{out}");
    assert!(out.contains("id = \"outage\" # the outage"), "{out}");
    let read = parse_topics("t.toml", &out).unwrap();
    assert_eq!(read.topics[0].pins, vec![pin(true)]);
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
}

#[test]
fn the_last_correction_of_a_paragraph_holds() {
    let once = edit_topics("t.toml", FILE, &def("outage"), &Correction::Pin(pin(true))).unwrap();
    let twice = edit_topics(
        "t.toml",
        &once,
        &def("outage"),
        &Correction::Pin(pin(false)),
    )
    .unwrap();
    let read = parse_topics("t.toml", &twice).unwrap();
    assert_eq!(read.topics[0].pins, vec![pin(false)]);
}

#[test]
fn a_keyword_is_added_once_and_a_missing_topic_whole() {
    let k = Correction::Keyword("DDoS".into());
    let out = edit_topics("t.toml", FILE, &def("outage"), &k).unwrap();
    let out = edit_topics("t.toml", &out, &def("outage"), &k).unwrap();
    let read = parse_topics("t.toml", &out).unwrap();
    assert_eq!(read.topics[0].keywords, vec!["panne", "DDoS"]);
    let out = edit_topics("t.toml", &out, &def("found-1"), &Correction::Pin(pin(true))).unwrap();
    let read = parse_topics("t.toml", &out).unwrap();
    assert_eq!(read.topics[1].id, "found-1");
    assert_eq!(read.topics[1].keywords, vec!["word"]);
    assert_eq!(read.topics[1].pins, vec![pin(true)]);
    let empty = edit_topics("t.toml", "", &def("x"), &k).unwrap();
    assert_eq!(
        parse_topics("t.toml", &empty).unwrap().topics[0].keywords,
        vec!["word", "DDoS"]
    );
}

fn pins_of(out: &str, id: &str) -> Vec<Pin> {
    let read = parse_topics("t.toml", out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    read.topics.into_iter().find(|t| t.id == id).unwrap().pins
}

#[test]
fn topics_in_an_inline_array_get_the_pin_on_their_line() {
    let file = "topic = [ { id = \"outage\", label = \"O\", keywords = [\"panne\"] } ]\n";
    let out = edit_topics("t.toml", file, &def("outage"), &Correction::Pin(pin(true))).unwrap();
    assert_eq!(pins_of(&out, "outage"), vec![pin(true)]);
    assert_eq!(out.lines().count(), 1, "{out}");
    let added = edit_topics(
        "t.toml",
        &out,
        &def("found-1"),
        &Correction::Pin(pin(false)),
    );
    assert_eq!(pins_of(&added.unwrap(), "found-1"), vec![pin(false)]);
}

#[test]
fn pins_written_as_tables_stay_tables() {
    let file = "[[topic]]\nid = \"outage\"\nkeywords = [\"panne\"]\n\n\
                [[topic.exclude]]\narticle = \"000_a\"\nkey = \"Autre\"\n";
    let out = edit_topics("t.toml", file, &def("outage"), &Correction::Pin(pin(false))).unwrap();
    assert_eq!(out.matches("[[topic.exclude]]\n").count(), 2, "{out}");
    assert!(!out.contains("exclude = ["), "{out}");
    let mut other = pin(false);
    other.key = "Autre".into();
    assert_eq!(pins_of(&out, "outage"), vec![other, pin(false)]);
}

#[test]
fn a_list_emptied_by_the_last_correction_goes() {
    let once = edit_topics("t.toml", FILE, &def("outage"), &Correction::Pin(pin(false))).unwrap();
    let back = edit_topics("t.toml", &once, &def("outage"), &Correction::Pin(pin(true))).unwrap();
    assert!(!back.contains("exclude"), "{back}");
    assert_eq!(pins_of(&back, "outage"), vec![pin(true)]);
}

#[test]
fn a_file_the_reader_refuses_is_refused_with_the_readers_message() {
    let file = "[[topic]]\nid = \"outage\"\nextra = 99999999999999999999\n";
    let err = edit_topics("my.toml", file, &def("outage"), &Correction::Pin(pin(true)));
    let err = err.unwrap_err();
    let reader = parse_topics("my.toml", file).unwrap_err();
    assert_eq!(err.to_string(), reader.to_string());
    assert_eq!((err.file.as_str(), err.line), ("my.toml", 3));
}

#[test]
fn a_form_the_writer_cannot_edit_is_an_error_not_an_unchanged_file() {
    // An empty inline list takes a new topic; values the reader never lets through are
    // refused inside the writer all the same.
    let file = "topic = [ ]\n";
    let out = edit_topics("t.toml", file, &def("x"), &Correction::Pin(pin(true))).unwrap();
    assert_eq!(pins_of(&out, "x"), vec![pin(true)]);
    let mut doc: DocumentMut = FILE.parse().unwrap();
    doc["topic"] = value("not topics");
    assert!(topic_table(&mut doc, &def("outage")).is_err());
    let mut table = Table::new();
    table["include"] = value("not a list");
    assert!(add_pin(&mut table, &pin(true), true).is_err());
    table["keywords"] = value(3);
    let numbers = TopicTable {
        table: &mut table,
        inline: false,
    };
    assert!(correct(numbers, &Correction::Keyword("k".into())).is_err());
}

#[test]
fn a_later_pin_replaces_an_earlier_one_written_as_a_table() {
    let file = "[[topic]]\nid = \"outage\"\nkeywords = [\"panne\"]\n\n\
                [[topic.include]]\narticle = \"000_a\"\nkey = 'Lors de sa \"conversation\" sur X'\n";
    assert_eq!(pins_of(file, "outage"), vec![pin(true)]);
    let out = edit_topics("t.toml", file, &def("outage"), &Correction::Pin(pin(false))).unwrap();
    assert_eq!(pins_of(&out, "outage"), vec![pin(false)]);
    assert!(!out.contains("[[topic.include]]"), "{out}");
}

#[test]
fn nth_is_written_only_past_the_first() {
    let second = Pin {
        nth: 2,
        ..pin(true)
    };
    for file in [
        FILE,
        "[[topic]]\nid = \"outage\"\n\n[[topic.include]]\narticle = \"b\"\nkey = \"k\"\n",
    ] {
        let once =
            edit_topics("t.toml", file, &def("outage"), &Correction::Pin(pin(true))).unwrap();
        assert!(!once.contains("nth"), "{once}");
        let twice = edit_topics(
            "t.toml",
            &once,
            &def("outage"),
            &Correction::Pin(second.clone()),
        )
        .unwrap();
        assert_eq!(twice.matches("nth = 2").count(), 1, "{twice}");
        let pins = pins_of(&twice, "outage");
        assert!(
            pins.contains(&pin(true)) && pins.contains(&second),
            "{pins:?}"
        );
    }
}

#[test]
fn undoing_a_pin_takes_it_out_of_the_file_and_leaves_no_empty_list() {
    let pin = Pin {
        article: "a".into(),
        key: "Le direct".into(),
        nth: 1,
        include: false,
    };
    let before = def("outage");
    let pinned = edit_topics("t.toml", FILE, &before, &Correction::Pin(pin.clone())).unwrap();
    assert!(pinned.contains("exclude"), "{pinned}");
    let undo = Correction::Pin(pin.clone()).undoing(&before).unwrap();
    assert_eq!(undo, Correction::Unpin(pin.clone()));
    let mut after = before.clone();
    Correction::Pin(pin.clone()).apply_to(&mut after);
    let back = edit_topics("t.toml", &pinned, &after, &undo).unwrap();
    assert_eq!(back, FILE, "the file as it was");
    undo.apply_to(&mut after);
    assert_eq!(after, before);
}

#[test]
fn undoing_a_pin_that_replaced_another_puts_the_other_back() {
    let out = Pin {
        article: "a".into(),
        key: "Le direct".into(),
        nth: 1,
        include: false,
    };
    let back_in = Pin {
        include: true,
        ..out.clone()
    };
    let mut before = def("outage");
    before.pins.push(out.clone());
    assert_eq!(
        Correction::Pin(back_in).undoing(&before),
        Some(Correction::Pin(out))
    );
}

#[test]
fn undoing_a_keyword_drops_it_unless_it_was_there() {
    let mut before = def("outage");
    before.keywords = vec!["panne".into()];
    let added = Correction::Keyword("DDoS".into());
    assert_eq!(
        added.undoing(&before),
        Some(Correction::DropKeyword("DDoS".into()))
    );
    assert_eq!(Correction::Keyword("panne".into()).undoing(&before), None);
    let mut after = before.clone();
    added.apply_to(&mut after);
    let file = edit_topics("t.toml", FILE, &before, &added).unwrap();
    assert!(file.contains("\"DDoS\""), "{file}");
    let back = edit_topics(
        "t.toml",
        &file,
        &after,
        &Correction::DropKeyword("DDoS".into()),
    )
    .unwrap();
    assert_eq!(back, FILE);
}

#[test]
fn undoing_an_adopted_topic_takes_it_out_of_the_file_whole() {
    let added = edit_topics("t.toml", FILE, &def("found"), &Correction::Pin(pin(true))).unwrap();
    assert_eq!(parse_topics("t.toml", &added).unwrap().topics.len(), 2);
    let undone = edit_topics("t.toml", &added, &def("found"), &Correction::DropTopic).unwrap();
    assert_eq!(undone, FILE, "the file as it was, comments and all");
    let again = edit_topics("t.toml", &undone, &def("found"), &Correction::DropTopic).unwrap();
    assert_eq!(
        again, FILE,
        "a topic the file lacks is not added to drop it"
    );
}

#[test]
fn dropping_the_last_topic_leaves_a_file_of_no_topics() {
    let out = edit_topics("t.toml", FILE, &def("outage"), &Correction::DropTopic).unwrap();
    assert!(out.starts_with("# my topics"), "{out}");
    assert!(!out.contains("outage"), "{out}");
    assert!(parse_topics("t.toml", &out).unwrap().topics.is_empty());
}

#[test]
fn an_adopted_topic_goes_from_an_inline_array_too() {
    let inline = "topic = [{ id = \"outage\", keywords = [\"panne\"] }, { id = \"found\", keywords = [\"x\"] }]\n";
    let out = edit_topics("t.toml", inline, &def("found"), &Correction::DropTopic).unwrap();
    let ids: Vec<String> = (parse_topics("t.toml", &out).unwrap().topics)
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, vec!["outage".to_string()], "{out}");
}

#[test]
fn dropping_a_topic_changes_no_definition_and_cannot_be_undone() {
    let mut d = def("found");
    Correction::DropTopic.apply_to(&mut d);
    assert_eq!(d, def("found"));
    assert_eq!(Correction::DropTopic.undoing(&d), None);
}

#[test]
fn the_comments_opening_the_file_stay_when_its_first_topic_goes() {
    let two = format!("{FILE}\n[[topic]]\nid = \"after\"\nkeywords = [\"x\"]\n");
    let out = edit_topics("t.toml", &two, &def("outage"), &Correction::DropTopic).unwrap();
    assert_eq!(
        out,
        "# my topics\n\n\n[[topic]]\nid = \"after\"\nkeywords = [\"x\"]\n"
    );
}

#[test]
fn a_correction_applied_to_a_definition_holds_one_pin_a_paragraph_and_each_keyword_once() {
    let mut d = def("outage");
    Correction::Pin(pin(true)).apply_to(&mut d);
    Correction::Pin(pin(false)).apply_to(&mut d);
    assert_eq!(
        d.pins,
        vec![pin(false)],
        "the last pin of a paragraph holds"
    );
    Correction::Keyword("panne".into()).apply_to(&mut d);
    Correction::Keyword("panne".into()).apply_to(&mut d);
    assert_eq!(d.keywords, vec!["word".to_owned(), "panne".to_owned()]);
    Correction::DropKeyword("panne".into()).apply_to(&mut d);
    assert_eq!(d.keywords, vec!["word".to_owned()]);
    Correction::Unpin(pin(true)).apply_to(&mut d);
    assert!(d.pins.is_empty(), "either pin of the paragraph goes");
}

#[test]
fn a_topic_dropped_between_two_leaves_the_file_as_if_never_written() {
    let topic = |id: &str| format!("[[topic]]\nid = \"{id}\"\nkeywords = [\"x\"]\n");
    let three = format!("{}\n{}\n{}", topic("a"), topic("b"), topic("c"));
    let out = edit_topics("t.toml", &three, &def("b"), &Correction::DropTopic).unwrap();
    assert_eq!(out, format!("{}\n{}", topic("a"), topic("c")));
}

#[test]
fn undoing_a_keyword_dropped_puts_it_back_if_it_was_there() {
    let d = def("outage");
    let drop = Correction::DropKeyword("word".into());
    assert_eq!(drop.undoing(&d), Some(Correction::Keyword("word".into())));
    let other = Correction::DropKeyword("other".into());
    assert_eq!(other.undoing(&d), None, "it was not there: nothing to undo");
}
