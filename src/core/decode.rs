//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1252 as a fallback.

/// What a file's bytes turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Readable text; `encoding` is set when it was not plain UTF-8, so the user can be told.
    Text {
        text: String,
        encoding: Option<&'static str>,
    },
    /// NUL bytes or other signs of a non-text file.
    Binary,
    /// Nothing but white space.
    Empty,
}

/// Decode a file's bytes, guessing the encoding the way a reader of French and English news
/// would expect: UTF-8 first, Windows-1252 when the bytes are not UTF-8.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_owned(), None),
            Err(_) => (lossy_1252(rest), Some("Windows-1252")),
        }
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (enc, label) = if bytes[0] == 0xFF {
            (encoding_rs::UTF_16LE, "UTF-16LE")
        } else {
            (encoding_rs::UTF_16BE, "UTF-16BE")
        };
        let (cow, _) = enc.decode_with_bom_removal(bytes);
        (cow.into_owned(), Some(label))
    } else if looks_binary(bytes) {
        return Decoded::Binary;
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), None),
            Err(_) => (lossy_1252(bytes), Some("Windows-1252")),
        }
    };
    if text.contains('\0') {
        return Decoded::Binary;
    }
    if text.trim().is_empty() {
        return Decoded::Empty;
    }
    Decoded::Text { text, encoding }
}

fn lossy_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// NUL bytes in the first 8 KiB, or mostly control bytes: an image, an archive, an executable.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x1B | 0x0C))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: Decoded) -> (String, Option<&'static str>) {
        match d {
            Decoded::Text { text, encoding } => (text, encoding),
            other => panic!("expected text, got {other:?}"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text(decode("été".as_bytes())), ("été".into(), None));
        assert_eq!(
            text(decode(b"\xEF\xBB\xBF\xC3\xA9t\xC3\xA9")),
            ("été".into(), None)
        );
    }

    #[test]
    fn windows_1252_is_decoded_and_reported() {
        assert_eq!(
            text(decode(b"\xE9t\xE9 \x92")),
            ("été \u{2019}".into(), Some("Windows-1252"))
        );
    }

    #[test]
    fn utf16_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("été".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(text(decode(&bytes)), ("été".into(), Some("UTF-16LE")));
    }

    #[test]
    fn binary_and_empty_are_recognised() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Decoded::Binary);
        assert_eq!(decode(b"  \n\t\r\n"), Decoded::Empty);
        assert_eq!(decode(b""), Decoded::Empty);
    }
}
