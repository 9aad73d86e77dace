//! Web pages in: the article of a page's HTML (body, subheads, the page's own metadata), the
//! Markdown synoptic reads it as, and pages fetched over HTTP.

pub mod charset;
pub mod extract;
pub mod fetch;
pub mod markdown;
pub mod page_file;
