//! A saved web page read from disk: `.html`, `.htm`, and either gzipped.

use std::io::Read;

use super::charset::decode_page;
use super::extract::{ExtractError, Page, extract_page};

/// The largest page, once unzipped, that is read: a news page is well under it.
pub const MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

/// Whether a file name is a saved web page.
pub fn is_page_name(name: &str) -> bool {
    let stem = page_stem(name);
    stem.len() < name.len() && !name[stem.len()..].eq_ignore_ascii_case(".gz")
}

/// A page file's name without its page extensions (`a.html.gz` is `a`).
pub fn page_stem(name: &str) -> &str {
    let mut stem = name;
    for ext in [".gz", ".html", ".htm"] {
        if stem.len() > ext.len() && stem[stem.len() - ext.len()..].eq_ignore_ascii_case(ext) {
            stem = &stem[..stem.len() - ext.len()];
        }
    }
    stem
}

/// Why a saved page gave no article.
#[derive(Debug, thiserror::Error)]
pub enum PageFileError {
    #[error("is not valid gzip ({0}); save the page again")]
    Gzip(std::io::Error),
    #[error("is larger than {} MB once unzipped", MAX_PAGE_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("{0}")]
    Extract(#[from] ExtractError),
}

/// The article of the saved page `bytes`, named `name` (gzipped when it ends in `.gz`).
pub fn read_page(name: &str, bytes: &[u8], url: Option<&str>) -> Result<Page, PageFileError> {
    let unzipped;
    let html = if name.to_ascii_lowercase().ends_with(".gz") || bytes.starts_with(&[0x1f, 0x8b]) {
        unzipped = gunzip(bytes)?;
        &unzipped[..]
    } else {
        bytes
    };
    let (text, _) = decode_page(html, None);
    Ok(extract_page(&text, url)?)
}

fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, PageFileError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(PageFileError::Gzip)?;
    if out.len() as u64 > MAX_PAGE_BYTES {
        return Err(PageFileError::TooLarge);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_and_stems() {
        assert!(is_page_name("a.html") && is_page_name("B.HTM") && is_page_name("c.html.gz"));
        assert!(!is_page_name("a.txt") && !is_page_name("a.gz"));
        assert_eq!(page_stem("01_le-monde.html.gz"), "01_le-monde");
        assert_eq!(page_stem("x.htm"), "x");
        assert_eq!(page_stem(".html"), ".html");
    }

    /// `bytes` gzipped, streamed: a page of 32 MB never sits in memory unzipped.
    fn gzipped(mut bytes: impl Read) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::copy(&mut bytes, &mut gz).unwrap();
        gz.finish().unwrap()
    }

    fn gzipped_zeros(len: u64) -> Vec<u8> {
        gzipped(std::io::repeat(0).take(len))
    }

    #[test]
    fn a_page_unzips_up_to_32_mb_and_no_further() {
        assert_eq!(gunzip(&gzipped_zeros(100_000)).unwrap().len(), 100_000);
        let at_limit = gunzip(&gzipped_zeros(MAX_PAGE_BYTES)).unwrap();
        assert_eq!(at_limit.len() as u64, 32 * 1024 * 1024);
        let err = gunzip(&gzipped_zeros(MAX_PAGE_BYTES + 1)).unwrap_err();
        assert!(matches!(err, PageFileError::TooLarge));
        assert_eq!(err.to_string(), "is larger than 32 MB once unzipped");
    }

    /// A page with a title and three paragraphs of an article.
    const PAGE: &str = "<html><head><title>Floods close the valley road</title></head><body>\
        <article><h1>Floods close the valley road</h1>\
        <p>Heavy rain on Monday night flooded the only road into the valley, and the county \
        closed it to all traffic until the water goes down, officials said on Tuesday.</p>\
        <p>About two hundred households are cut off. Volunteers brought food and water to the \
        village hall by boat, and the school will stay shut for the rest of the week.</p>\
        <p>Engineers will inspect the bridge once the river falls; the county expects the \
        road to open again on Friday if no more rain comes.</p></article></body></html>";

    #[test]
    fn a_page_is_unzipped_when_its_name_or_its_bytes_say_gzip() {
        let plain = read_page("a.html", PAGE.as_bytes(), None).unwrap();
        let zipped_bytes = read_page("a.html", &gzipped(PAGE.as_bytes()), None).unwrap();
        assert_eq!(zipped_bytes.blocks, plain.blocks);
        assert!(!plain.blocks.is_empty());
        // Named .gz but not zipped: the name is believed, and the error says so.
        let err = read_page("a.HTML.GZ", PAGE.as_bytes(), None).unwrap_err();
        assert!(matches!(err, PageFileError::Gzip(_)), "{err}");
    }

    #[test]
    fn a_broken_gzip_is_named_as_such() {
        let err = read_page("a.html.gz", b"\x1f\x8bnot gzip", None).unwrap_err();
        assert!(matches!(err, PageFileError::Gzip(_)), "{err}");
    }
}
