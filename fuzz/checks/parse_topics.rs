//! The property fuzzed on topics files: any text gives topics or an error that names a line
//! and column inside the file, never a panic.

use synoptic_core::input::topics_file::parse_topics;

pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = parse_topics("fuzz.toml", &text) {
        let lines = text.split('\n').count();
        assert!(e.line >= 1 && e.column >= 1, "{e}");
        assert!(e.line <= lines, "{e}: the file has {lines} lines");
    }
}
