//! Reading articles and topics files: bytes from files, web pages and standard input, decoding,
//! paragraphs and their kinds.

pub mod decode;
pub mod folder;
pub mod ingest;
pub mod kinds;
pub mod markdown;
mod markers;
mod questions;
pub mod read;
mod repeats;
pub mod segment;
pub mod source_text;
pub mod topics_file;
pub mod twins;
mod typing;
mod walk;
pub mod web;
