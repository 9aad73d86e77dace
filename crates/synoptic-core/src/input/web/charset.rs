//! A page's bytes as text: the character set from a byte-order mark, the HTTP header, the
//! page's `<meta>`, else UTF-8 when the bytes are valid UTF-8, else Windows-1252.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for (the HTML standard says 1024 bytes;
/// pages with long heads put it later, and a later one is still the page's own word).
const META_WINDOW: usize = 4096;

/// The text of `bytes`, and the name of the encoding it was read in. `declared` is the charset
/// the server named, if any. A declaration the bytes contradict (UTF-8 declared, invalid UTF-8
/// found) is passed over for the next clue rather than turning the page into mojibake.
pub fn decode_page(bytes: &[u8], declared: Option<&str>) -> (String, &'static str) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding.name());
    }
    let clues = [declared.map(str::to_owned), meta_charset(bytes)];
    for label in clues.into_iter().flatten() {
        let Some(encoding) = Encoding::for_label(label.trim().as_bytes()) else {
            continue;
        };
        if encoding == UTF_8 && std::str::from_utf8(bytes).is_err() {
            continue;
        }
        let (text, _, _) = encoding.decode(bytes);
        return (text.into_owned(), encoding.output_encoding().name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), UTF_8.name());
    }
    let (text, _, _) = WINDOWS_1252.decode(bytes);
    (text.into_owned(), WINDOWS_1252.name())
}

/// The charset named in a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(META_WINDOW)]).to_lowercase();
    head.match_indices("<meta").find_map(|(at, _)| {
        let tag = &head[at..head[at..].find('>').map_or(head.len(), |end| at + end)];
        let value = &tag[tag.find("charset")? + "charset".len()..];
        let value = value.trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value
            .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
            .unwrap_or(value.len());
        (end > 0).then(|| value[..end].to_owned())
    })
}

/// The charset parameter of a `Content-Type` header value.
pub fn header_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_charset_reads_latin1() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><p>\xe9t\xe9</p>";
        let (text, encoding) = decode_page(page, None);
        assert!(text.contains("<p>été</p>"), "{text}");
        assert_eq!(encoding, "windows-1252");
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert!(decode_page(page, None).0.contains("Москва"));
    }

    #[test]
    fn the_header_wins_over_the_meta_unless_the_bytes_contradict_it() {
        let latin1 = b"<meta charset=\"utf-8\"><p>caf\xe9</p>";
        assert!(decode_page(latin1, Some("iso-8859-1")).0.contains("café"));
        // Declared UTF-8 twice, but the bytes are not: read as Windows-1252, not U+FFFD.
        let (text, encoding) = decode_page(latin1, Some("utf-8"));
        assert!(text.contains("café"), "{text}");
        assert_eq!(encoding, "windows-1252");
        let utf8 = "<p>café</p>".as_bytes();
        assert_eq!(decode_page(utf8, Some("no-such-charset")).0, "<p>café</p>");
    }

    #[test]
    fn the_meta_value_ends_at_a_quote_a_semicolon_a_slash_or_a_space() {
        // Windows-1251: read as the fallback, Windows-1252, the text would not say Москва.
        for meta in [
            "<meta charset='windows-1251'>",
            "<meta charset=windows-1251;>",
            "<meta charset=windows-1251/>",
            "<meta charset=windows-1251 >",
        ] {
            let page = [meta.as_bytes(), b"<p>\xcc\xee\xf1\xea\xe2\xe0</p>"].concat();
            assert!(decode_page(&page, None).0.contains("Москва"), "{meta}");
        }
    }

    #[test]
    fn an_empty_meta_charset_leaves_the_next_meta_to_say() {
        let page = b"<meta charset=\"\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert_eq!(meta_charset(page).as_deref(), Some("windows-1251"));
        assert!(decode_page(page, None).0.contains("Москва"));
    }

    #[test]
    fn a_bom_decides_first() {
        let page = b"\xef\xbb\xbf<meta charset=\"iso-8859-1\"><p>\xc3\xa9</p>";
        assert_eq!(
            decode_page(page, Some("iso-8859-1")).0,
            "<meta charset=\"iso-8859-1\"><p>é</p>"
        );
    }

    #[test]
    fn the_header_parameter_is_found_in_any_case() {
        assert_eq!(
            header_charset("text/html; Charset=\"ISO-8859-1\""),
            Some("ISO-8859-1")
        );
        assert_eq!(header_charset("text/html"), None);
    }
}
