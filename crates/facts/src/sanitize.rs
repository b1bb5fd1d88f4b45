//! Terminal safety: control characters and bidi controls from articles,
//! facts or file names never reach a human-readable output as themselves.
//!
//! Each is replaced by `?` characters of the same byte length, so every byte
//! offset computed on the original text still points at the same visible
//! words.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal: C0 controls except newline and
/// tab, DEL, C1 controls, and the bidirectional formatting characters.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// Whether `b` can be the first byte of an unsafe character in UTF-8: a C0
/// control or DEL, or the lead byte of C1 controls (`C2`), of U+061C
/// (`D8`) or of the bidi controls (`E2`). Text without such a byte is safe
/// without decoding it.
fn may_start_unsafe(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2)
}

/// `text` with every unsafe character replaced by `?` of equal byte length.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(may_start_unsafe) || !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A file name or path as shown: like [`neutralise`], and newlines and
/// tabs too, so that a name never starts a line of its own.
pub fn neutralise_path(path: &str) -> String {
    neutralise(path).replace(['\n', '\t'], "?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_replaced_keeping_length() {
        let text = "a\u{1b}[31mred\u{7}\u{202E}x\u{85}y\tz\n";
        let safe = neutralise(text);
        assert_eq!(safe.len(), text.len());
        assert_eq!(safe, "a?[31mred????x??y\tz\n");
        assert!(matches!(neutralise("plain text\n"), Cow::Borrowed(_)));
    }

    /// The byte pre-check never lets an unsafe character through.
    #[test]
    fn every_unsafe_character_starts_with_a_flagged_byte() {
        let unsafe_chars = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe(c));
        for c in unsafe_chars {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_start_unsafe(lead), "{c:?}");
        }
    }

    #[test]
    fn idempotent() {
        let once = neutralise("\u{1b}]8;;x\u{7}").into_owned();
        assert_eq!(neutralise(&once), once);
    }
}
