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
    } else if let Some((enc, label)) = utf16_without_bom(bytes) {
        (
            enc.decode_without_bom_handling(bytes).0.into_owned(),
            Some(label),
        )
    } else if looks_binary(bytes) {
        return Decoded::Binary;
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), None),
            Err(_) if mostly_utf8(bytes) => (
                String::from_utf8_lossy(bytes).into_owned(),
                Some("UTF-8, its stray non-UTF-8 bytes shown as �"),
            ),
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

/// UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte, on
/// the odd bytes for little-endian, on the even ones for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, &'static str)> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let pairs = head.len() / 2;
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 7 && even * 10 <= pairs {
        Some((encoding_rs::UTF_16LE, "UTF-16LE (no byte-order mark)"))
    } else if even * 10 >= pairs * 7 && odd * 10 <= pairs {
        Some((encoding_rs::UTF_16BE, "UTF-16BE (no byte-order mark)"))
    } else {
        None
    }
}

/// Text that is UTF-8 but for a few stray bytes (`bytes` are not UTF-8: one bad byte at
/// least): as many well-formed multi-byte characters as bad bytes or more. Reading it as
/// Windows-1252 would garble every accented letter in it.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        bad += chunk.invalid().len();
    }
    bad <= good
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
        let bytes = [&[0xFF, 0xFE][..], &utf16le("été")].concat();
        assert_eq!(text(decode(&bytes)), ("été".into(), Some("UTF-16LE")));
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        assert_eq!(
            text(decode(&utf16le("Été à Gdansk."))),
            (
                "Été à Gdansk.".into(),
                Some("UTF-16LE (no byte-order mark)")
            )
        );
        assert_eq!(text(decode(&utf16be("Été à Gdansk."))).0, "Été à Gdansk.");
    }

    #[test]
    fn one_stray_byte_does_not_garble_a_utf8_text() {
        let mut bytes = "L'été à Paris, déjà chaud. ".as_bytes().to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice(" Fin.".as_bytes());
        let (t, enc) = text(decode(&bytes));
        assert_eq!(t, "L'été à Paris, déjà chaud. \u{FFFD} Fin.");
        assert!(enc.unwrap().contains("shown as �"));
        // Windows-1252 through and through stays Windows-1252.
        assert_eq!(text(decode(b"\xE9t\xE9")).1, Some("Windows-1252"));
    }

    #[test]
    fn stray_bytes_are_read_as_utf8_while_they_are_no_more_than_its_accented_letters() {
        let with_stray = |stray: usize| {
            let mut bytes = "Un été".as_bytes().to_vec();
            bytes.extend(std::iter::repeat_n(0xE9, stray));
            text(decode(&bytes)).1
        };
        // Two accented letters against as many bad bytes: still UTF-8.
        assert!(with_stray(2).is_some_and(|e| e.starts_with("UTF-8")));
        // Against three: Windows-1252, however much ASCII is around them.
        assert_eq!(with_stray(3), Some("Windows-1252"));
    }

    /// `chars` as UTF-16, little-endian, with no byte-order mark.
    fn utf16le(chars: &str) -> Vec<u8> {
        chars.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    /// `chars` as UTF-16, big-endian, with no byte-order mark.
    fn utf16be(chars: &str) -> Vec<u8> {
        chars.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn utf16_without_bom_needs_seven_in_ten_high_bytes_nul_and_one_in_ten_low_ones_at_most() {
        let utf16 = |s: &str| text(decode(&utf16le(s))).0;
        // Two characters are enough to tell, either way round.
        assert_eq!(utf16("ab"), "ab");
        assert_eq!(text(decode(&utf16be("ab"))).0, "ab");
        // Seven Latin letters in ten: their high bytes are NUL, the CJK letters' are not.
        assert_eq!(utf16("ab中c文d字efg"), "ab中c文d字efg");
        assert_eq!(decode(&utf16le("ab中c文d字e字g")), Decoded::Binary);
        assert_eq!(decode(&utf16be("ab中c文d字e字g")), Decoded::Binary);
        // U+0100 has a NUL low byte: one in ten is allowed, two are not.
        assert_eq!(utf16("Āabcdefghi"), "Āabcdefghi");
        assert_eq!(decode(&utf16le("ĀĀbcdefghi")), Decoded::Binary);
        assert_eq!(decode(&utf16be("ĀĀbcdefghi")), Decoded::Binary);
        assert_eq!(text(decode(&utf16be("Āabcdefghi"))).0, "Āabcdefghi");
    }

    #[test]
    fn more_than_one_control_byte_in_ten_is_binary() {
        assert_eq!(decode(b"\x01\x02abcdefgh"), Decoded::Binary);
        assert_eq!(text(decode(b"\x01abcdefghi")).0, "\u{1}abcdefghi");
    }

    #[test]
    fn binary_and_empty_are_recognised() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Decoded::Binary);
        assert_eq!(decode(b"  \n\t\r\n"), Decoded::Empty);
        assert_eq!(decode(b""), Decoded::Empty);
    }
}
