//! Fuzz parsing a topics file: any text gives topics or an error with a line, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use synoptic::core::topics::parse_topics;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = parse_topics("fuzz.toml", &text) {
        assert!(e.line >= 1 && e.column >= 1);
    }
});
