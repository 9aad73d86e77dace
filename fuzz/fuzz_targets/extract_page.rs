//! Fuzz reading a saved web page: see `checks/extract_page.rs` for the property.
#![no_main]

#[path = "../checks/extract_page.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
