//! Fuzz the corrections writer: see `checks/edit_topics.rs` for the property.
#![no_main]

#[path = "../checks/edit_topics.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
