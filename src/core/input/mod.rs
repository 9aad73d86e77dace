//! Reading articles: bytes from files and standard input, decoding, paragraphs and their kinds.

pub mod decode;
pub mod ingest;
pub mod kinds;
pub mod read;
pub mod segment;
