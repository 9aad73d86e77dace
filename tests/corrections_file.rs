//! The corrections write-back, as the reader does it, on the files users really have: a BOM
//! and CRLF, a link, a read-only file, a file at the size limit, two readers at once.

use std::path::Path;

use synoptic::tui::effects::corrections_file::{Pending, save_corrections};
use synoptic_core::input::topics_file::parse_topics;
use synoptic_core::model::topic_def::Pin;
use synoptic_core::model::topic_def::TopicDef;
use synoptic_core::output::topics_edit::Correction;

fn def(id: &str) -> TopicDef {
    TopicDef {
        id: id.into(),
        label: id.into(),
        keywords: vec!["panne".into()],
        description: None,
        pins: Vec::new(),
    }
}

fn pin(key: &str) -> Pending {
    Pending {
        before: def("outage"),
        correction: Correction::Pin(Pin {
            article: "000_a".into(),
            key: key.into(),
            nth: 1,
            include: true,
        }),
    }
}

fn keys(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let read = parse_topics("t.toml", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    read.topics[0].pins.iter().map(|p| p.key.clone()).collect()
}

const FILE: &str = "# my topics\n[[topic]]\nid = \"outage\"\nkeywords = [\"panne\"]\n";

#[test]
fn a_bom_and_crlf_line_ends_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("topics.toml");
    let crlf = format!("\u{feff}{}", FILE.replace('\n', "\r\n"));
    std::fs::write(&path, &crlf).unwrap();
    save_corrections(&path, &[], &[pin("Un paragraphe")]).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("\u{feff}# my topics\r\n[[topic]]\r\n"),
        "{text:?}"
    );
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "{text:?}"
    );
    assert_eq!(keys(&path), ["Un paragraphe"]);
}

#[test]
fn a_linked_file_is_edited_where_it_points_and_the_link_stays() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    std::fs::write(&real, FILE).unwrap();
    let link = dir.path().join("topics.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    save_corrections(&link, &[], &[pin("Un paragraphe")]).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(keys(&real), ["Un paragraphe"]);
}

#[test]
fn a_read_only_file_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("topics.toml");
    std::fs::write(&path, FILE).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let message = refused_unchanged(&path, "Un paragraphe");
    assert!(
        message.contains("is read-only, so it was not replaced"),
        "{message}"
    );
    let mine = dir.path().join("topics.mine.toml");
    let offered = format!("--topics {}", mine.display());
    assert!(message.contains(&offered), "offers a path: {message}");
}

/// Save a pin that must be refused: the message, the file as it was.
fn refused_unchanged(path: &Path, key: &str) -> String {
    let before = std::fs::read(path).unwrap();
    let err = save_corrections(path, &[], &[pin(key)]).unwrap_err();
    assert_eq!(std::fs::read(path).unwrap(), before, "the file changed");
    format!("{err:#}")
}

#[test]
fn a_file_never_grows_past_what_the_reader_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("topics.toml");
    let limit = synoptic_core::input::read::SMALL_FILE_BYTES as usize;
    let big = format!("{FILE}# {}\n", "x".repeat(limit - FILE.len() - 10));
    std::fs::write(&path, &big).unwrap();
    let message = refused_unchanged(&path, "Un paragraphe assez long");
    assert!(message.contains("would grow past 1024 KB"), "{message}");
}

#[test]
fn two_readers_saving_to_one_file_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("topics.toml");
    std::fs::write(&path, FILE).unwrap();
    std::thread::scope(|scope| {
        for reader in ["a", "b"] {
            let path = &path;
            scope.spawn(move || {
                for n in 0..15 {
                    save_corrections(path, &[], &[pin(&format!("{reader} {n}"))]).unwrap();
                }
            });
        }
    });
    let mut got = keys(&path);
    got.sort();
    assert_eq!(got.len(), 30, "{got:?}");
}

#[test]
fn a_form_the_writer_cannot_edit_is_an_error_and_the_file_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("topics.toml");
    let bad = "[[topic]]\nid = \"outage\"\nextra = 99999999999999999999\n";
    std::fs::write(&path, bad).unwrap();
    let message = refused_unchanged(&path, "Un paragraphe");
    assert!(message.contains(":3:"), "names the line: {message}");
}
