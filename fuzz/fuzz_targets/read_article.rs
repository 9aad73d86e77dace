//! Fuzz reading an article: see `checks/read_article.rs` for the property.
#![no_main]

#[path = "../checks/read_article.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
