//! Fuzz parsing a topics file: see `checks/parse_topics.rs` for the property.
#![no_main]

#[path = "../checks/parse_topics.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
