//! Sentence segmentation with byte offsets.
//!
//! A small hand-written splitter rather than UAX #29: news copy needs the
//! abbreviation rules anyway ("Mr.", "Sept.", "Inc.", "U.S."), and one pass
//! over the bytes with no tables keeps a draft's check in microseconds.

use std::ops::Range;

use crate::document::Format;

/// A sentence (or a line that stands alone, such as a heading).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range, trimmed of surrounding whitespace.
    pub span: Range<usize>,
    /// Index of the paragraph (blocks separated by blank lines).
    pub paragraph: usize,
}

/// Words that end with a dot without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "ltd", "co", "corp", "plc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vs", "gov", "sen", "rep", "gen", "col", "lt", "capt", "sgt", "rev", "fig", "approx",
    "est", "dept", "univ", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
];

/// The longest word in [`ABBREVIATIONS`].
const LONGEST: usize = {
    let mut longest = 0;
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        if ABBREVIATIONS[k].len() > longest {
            longest = ABBREVIATIONS[k].len();
        }
        k += 1;
    }
    longest
};

/// A word of at most 7 bytes as one number: its bytes lowercased, and its
/// length in the top byte (so that a word never equals a shorter one
/// padded).
const fn key(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 56;
    let mut k = 0;
    while k < word.len() {
        key |= (word[k].to_ascii_lowercase() as u64) << (8 * k);
        k += 1;
    }
    key
}

/// [`ABBREVIATIONS`] as sorted keys: one binary search on a number instead
/// of comparing the word with each.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = key(ABBREVIATIONS[k].as_bytes());
        k += 1;
    }
    // Insertion sort: the only sort a constant can have.
    let mut k = 1;
    while k < keys.len() {
        let mut j = k;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        k += 1;
    }
    keys
};

fn is_abbreviation(word: &str) -> bool {
    // The list is lowercase ASCII: lowercasing ASCII bytes only compares
    // without case, as `eq_ignore_ascii_case` does (a word with other bytes
    // matches none), and longer words match none.
    let bytes = word.as_bytes();
    if bytes.len() <= LONGEST && ABBREVIATION_KEYS.binary_search(&key(bytes)).is_ok() {
        return true;
    }
    // A single capital initial ("Jane R. Roe") or dotted initials ("U.S").
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1),
    }
}

/// Closing characters that stay with the sentence after its final stop.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

/// Whether `n`, after a stop, stays with the sentence: a closer or another
/// stop.
fn closes_with(n: char) -> bool {
    is_closer(n) || matches!(n, '.' | '!' | '?')
}

/// Whether a sentence ending just before `rest` ends there: only if
/// whitespace follows and the next word starts like a sentence.
fn ends_before(rest: &str) -> bool {
    let spaces = rest
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    let after_space = &rest[spaces..];
    let had_space = spaces > 0;
    match after_space.chars().next() {
        None | Some('\n') | Some('\r') => true,
        Some(n) => {
            had_space
                && (n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '\'' | '“' | '‘' | '(' | '[' | '*' | '_'))
        }
    }
}

/// Where the word before a dot starts in `before`: after the last
/// whitespace, '(', '"' or '“'.
fn word_start(before: &str) -> usize {
    // Most words are ASCII: read bytes back to a separator, and read
    // characters only when a byte outside ASCII comes first.
    for (p, &b) in before.as_bytes().iter().enumerate().rev() {
        if !b.is_ascii() {
            return word_start_chars(before);
        }
        // ASCII whitespace as `char::is_whitespace` has it: tab to
        // carriage return, and space.
        if matches!(b, b'\t'..=b'\r' | b' ' | b'(' | b'"') {
            return p + 1;
        }
    }
    0
}

/// [`word_start`] on characters.
fn word_start_chars(before: &str) -> usize {
    before
        .rfind(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        })
}

/// Whether a Markdown line starts a new block (so a single newline before
/// it ends the sentence). `line` is the text from the line's first
/// character that is not whitespace: only its first bytes are read.
fn starts_block(line: &str) -> bool {
    // A numbered item: digits, then ". " (the first ". " of the line comes
    // right after them, as no digit is a dot).
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line.starts_with('#')
        || line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("+ ")
        || line.starts_with('>')
        || line.starts_with('|')
        || (digits > 0 && line[digits..].starts_with(". "))
}

/// A longer run without a sentence end (a table pasted into Markdown, a
/// transcript without stops) is cut at spaces into pieces of at most this
/// many bytes, so that no work per claim grows with the length of the text.
const MAX_SENTENCE_BYTES: usize = 2000;

/// `sentence` cut into pieces of at most [`MAX_SENTENCE_BYTES`], at spaces
/// where there are some, each trimmed.
fn cut(text: &str, sentence: Sentence, out: &mut Vec<Sentence>) {
    let Sentence { span, paragraph } = sentence;
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let at = text[start..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |i| start + i)
            .max(start + 1);
        let mut at = at;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let piece = &text[start..at];
        let end = start + piece.trim_end().len();
        if start < end {
            out.push(Sentence {
                span: start..end,
                paragraph,
            });
        }
        let rest = &text[at..span.end];
        start = at + (rest.len() - rest.trim_start().len());
    }
    if start < span.end {
        out.push(Sentence {
            span: start..span.end,
            paragraph,
        });
    }
}

/// Where a sentence or line can end: the next newline and the next of
/// `. ! ?`, each found with memchr (SIMD) and searched for again only once
/// the scan has passed it.
struct Breaks<'b> {
    bytes: &'b [u8],
    newline: Option<usize>,
    stop: Option<usize>,
}

impl<'b> Breaks<'b> {
    fn new(bytes: &'b [u8]) -> Breaks<'b> {
        Breaks {
            bytes,
            newline: memchr::memchr(b'\n', bytes),
            stop: memchr::memchr3(b'.', b'!', b'?', bytes),
        }
    }

    /// The first break at or after `i`; `i` never goes back.
    fn from(&mut self, i: usize) -> Option<usize> {
        let rest = self.bytes.get(i..).unwrap_or_default();
        if self.newline.is_some_and(|p| p < i) {
            self.newline = memchr::memchr(b'\n', rest).map(|p| p + i);
        }
        if self.stop.is_some_and(|p| p < i) {
            self.stop = memchr::memchr3(b'.', b'!', b'?', rest).map(|p| p + i);
        }
        match (self.newline, self.stop) {
            (Some(n), Some(s)) => Some(n.min(s)),
            (n, s) => n.or(s),
        }
    }
}

/// Splits `text` (the analysis copy) into sentences from `from` on.
pub fn split(text: &str, from: usize, format: Format) -> Vec<Sentence> {
    // News sentences run to about 100 bytes: room for all of them, mostly,
    // in one allocation.
    let mut out = Vec::with_capacity(text.len().saturating_sub(from) / 64 + 4);
    let mut paragraph = 0usize;
    let mut start = from;
    let push = |out: &mut Vec<Sentence>, range: Range<usize>, paragraph: usize| {
        let part = &text[range.clone()];
        let lead = part.len() - part.trim_start().len();
        let trail = part.len() - part.trim_end().len();
        let span = range.start + lead..range.end - trail;
        if span.start < span.end {
            out.push(Sentence { span, paragraph });
        }
    };
    let body = &text[from..];
    let bytes = body.as_bytes();
    // Only these four ASCII bytes can end a sentence or a line, and they are
    // never inside a multi-byte character: the scan jumps between them.
    let mut marks = Breaks::new(bytes);
    let mut i = 0;
    while let Some(next) = marks.from(i) {
        i = next;
        let at = from + i;
        let c = char::from(bytes[i]);
        i += 1;
        if c == '\n' {
            // The next line from its first character that is not
            // whitespace: it is blank if that is its newline. Only the
            // line's start is read, not the whole line.
            let line =
                text[at + 1..].trim_start_matches(|ch: char| ch != '\n' && ch.is_whitespace());
            let blank_line = line.starts_with('\n');
            let breaks = match format {
                Format::Text => true,
                Format::Markdown => blank_line || starts_block(line),
            };
            if breaks {
                push(&mut out, start..at, paragraph);
                start = at + 1;
                // A paragraph ends at a blank line after any sentence of
                // its own, stopped or not.
                if blank_line && out.last().is_some_and(|s| s.paragraph == paragraph) {
                    paragraph += 1;
                }
            }
            continue;
        }
        // A dot between digits is a decimal point; after an abbreviation it
        // ends nothing.
        if c == '.' {
            // Where no closer follows (so the scan below stays put) and the
            // next word does not start like a sentence, the dot ends nothing
            // whatever the word before it is: skip reading that word.
            let closes = body
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(closes_with);
            if !closes && !ends_before(&text[at + 1..]) {
                continue;
            }
            let before = &text[start..at];
            let word = &before[word_start(before)..];
            if is_abbreviation(word) {
                continue;
            }
            // A last byte that is an ASCII digit is a last character that is.
            if word.as_bytes().last().is_some_and(u8::is_ascii_digit)
                && bytes.get(i).is_some_and(u8::is_ascii_digit)
            {
                continue;
            }
        }
        // Take closing quotes and brackets with the sentence.
        let mut end = at + 1;
        while let Some(n) = body.get(i..).and_then(|r| r.chars().next()) {
            if closes_with(n) {
                i += n.len_utf8();
                end = from + i;
            } else {
                break;
            }
        }
        let ends = ends_before(&text[end..]);
        if ends {
            push(&mut out, start..end, paragraph);
            start = end;
        }
    }
    push(&mut out, start..text.len(), paragraph);
    // Most texts have no run to cut: they need no second list.
    if out.iter().all(|s| s.span.len() <= MAX_SENTENCE_BYTES) {
        return out;
    }
    let mut capped = Vec::with_capacity(out.len());
    for sentence in out {
        cut(text, sentence, &mut capped);
    }
    capped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, format: Format, expected: &[&str]) {
        let found: Vec<&str> = split(text, 0, format)
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect();
        assert_eq!(found, expected);
    }

    // The plain versions the fast paths must agree with: the splitter as
    // it was before it read only the start of lines and skipped the word
    // before dots that cannot end a sentence.
    fn is_abbreviation_plain(word: &str) -> bool {
        // The list is lowercase ASCII: comparing without case needs no copy.
        if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
            return true;
        }
        // A single capital initial ("Jane R. Roe") or dotted initials ("U.S").
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c.is_uppercase(),
            _ => word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1),
        }
    }

    fn starts_block_plain(line: &str) -> bool {
        let t = line.trim_start();
        t.starts_with('#')
            || t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("+ ")
            || t.starts_with('>')
            || t.starts_with('|')
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }

    fn split_plain(text: &str, from: usize, format: Format) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut paragraph = 0usize;
        let mut start = from;
        let push = |out: &mut Vec<Sentence>, range: Range<usize>, paragraph: usize| {
            let part = &text[range.clone()];
            let lead = part.len() - part.trim_start().len();
            let trail = part.len() - part.trim_end().len();
            let span = range.start + lead..range.end - trail;
            if span.start < span.end {
                out.push(Sentence { span, paragraph });
            }
        };
        let body = &text[from..];
        let bytes = body.as_bytes();
        // Only these four ASCII bytes can end a sentence or a line, and they are
        // never inside a multi-byte character: the scan jumps between them.
        let mut marks = Breaks::new(bytes);
        let mut i = 0;
        while let Some(next) = marks.from(i) {
            i = next;
            let at = from + i;
            let c = char::from(bytes[i]);
            i += 1;
            if c == '\n' {
                let rest = &text[at + 1..];
                let blank_line = rest
                    .split('\n')
                    .next()
                    .is_some_and(|l| l.trim().is_empty() && rest.contains('\n'));
                let breaks = match format {
                    Format::Text => true,
                    Format::Markdown => {
                        blank_line || starts_block_plain(rest.split('\n').next().unwrap_or(""))
                    }
                };
                if breaks {
                    push(&mut out, start..at, paragraph);
                    start = at + 1;
                    if blank_line && out.last().is_some_and(|s| s.paragraph == paragraph) {
                        paragraph += 1;
                    }
                }
                continue;
            }
            // A dot between digits is a decimal point; after an abbreviation it
            // ends nothing.
            if c == '.' {
                let before = &text[start..at];
                let word_start = before
                    .rfind(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '“')
                    .map_or(0, |p| {
                        p + before[p..].chars().next().map_or(1, char::len_utf8)
                    });
                let word = &before[word_start..];
                if is_abbreviation_plain(word) {
                    continue;
                }
                if word.chars().last().is_some_and(|ch| ch.is_ascii_digit())
                    && bytes.get(i).is_some_and(u8::is_ascii_digit)
                {
                    continue;
                }
            }
            // Take closing quotes and brackets with the sentence.
            let mut end = at + 1;
            while let Some(n) = body.get(i..).and_then(|r| r.chars().next()) {
                if is_closer(n) || matches!(n, '.' | '!' | '?') {
                    i += n.len_utf8();
                    end = from + i;
                } else {
                    break;
                }
            }
            // The sentence ends only if whitespace follows and the next word
            // starts like a sentence.
            let rest = &text[end..];
            let after_space = rest.trim_start_matches([' ', '\t']);
            let had_space = after_space.len() < rest.len();
            let next = after_space.chars().next();
            let ends = match next {
                None | Some('\n') | Some('\r') => true,
                Some(n) => {
                    had_space
                        && (n.is_uppercase()
                            || n.is_ascii_digit()
                            || matches!(n, '"' | '\'' | '“' | '‘' | '(' | '[' | '*' | '_'))
                }
            };
            if ends {
                push(&mut out, start..end, paragraph);
                start = end;
            }
        }
        push(&mut out, start..text.len(), paragraph);
        let mut capped = Vec::with_capacity(out.len());
        for sentence in out {
            cut(text, sentence, &mut capped);
        }
        capped
    }

    /// Text made of pieces that matter to the splitter.
    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let piece = proptest::sample::select(vec![
            ".", "!", "?", "\n", "\n\n", " \n", "\r\n", " ", "\t", "\u{a0}", "Mr", "mr", "INC",
            "Sept", "approx", "U", "u", "S", "e.g", "p.m", "word", "Word", "3", "15", "(", ")",
            "\"", "'", "”", "’", "»", "“", "‘", "[", "]", "*", "_", "# ", "- ", "* ", "+ ", "> ",
            "| ", "1. ", "12.", "é", "Éa", "日本",
        ]);
        proptest::collection::vec(piece, 0..60).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4000))]
        /// The splitter agrees with the plain one, in both formats and from
        /// any start.
        #[test]
        fn split_matches_plain(text in pieces(), from in 0usize..64) {
            let mut from = from.min(text.len());
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            for format in [Format::Text, Format::Markdown] {
                proptest::prop_assert_eq!(split(&text, from, format), split_plain(&text, from, format));
            }
        }

        /// The word before a dot starts where the search on characters
        /// says.
        #[test]
        fn word_start_matches_chars(before in "[a.( \t\n\x0b\x0c\r\x1c\x1f\"“”\u{a0}\u{2003}é]{0,12}") {
            proptest::prop_assert_eq!(word_start(&before), word_start_chars(&before));
        }

        /// Abbreviations are told by their keys as by comparing with each.
        #[test]
        fn abbreviations_match_plain(word in "[a-zA-Z.éÉİ]{0,8}") {
            proptest::prop_assert_eq!(is_abbreviation(&word), is_abbreviation_plain(&word));
        }
    }

    #[test]
    fn every_abbreviation_in_every_case() {
        for a in ABBREVIATIONS {
            for w in [
                a.to_string(),
                a.to_uppercase(),
                a[..1].to_uppercase() + &a[1..],
            ] {
                assert!(is_abbreviation(&w), "{w}");
                assert!(
                    !is_abbreviation(&format!("{w}x")) || is_abbreviation_plain(&format!("{w}x"))
                );
            }
        }
    }

    proptest::proptest! {
        /// From rising offsets, including repeated ones and ones past the
        /// end, the next break is the first of the four bytes, as a plain
        /// search finds it.
        #[test]
        fn breaks_are_the_first_of_the_four_bytes(
            text in "[a.!?\n é]{0,40}",
            steps in proptest::collection::vec(0usize..8, 0..20)
        ) {
            let bytes = text.as_bytes();
            let mut breaks = Breaks::new(bytes);
            let mut from = 0;
            for step in steps {
                from += step;
                let expected = bytes.get(from..).and_then(|rest| {
                    rest.iter()
                        .position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?'))
                        .map(|k| k + from)
                });
                proptest::prop_assert_eq!(breaks.from(from), expected);
            }
        }
    }

    #[test]
    fn sentences_and_abbreviations() {
        check(
            "Mr. Smith paid $15.5 million on Jan. 5, 2024. The U.S. firm agreed. Pinduoduo Inc. said so.",
            Format::Text,
            &[
                "Mr. Smith paid $15.5 million on Jan. 5, 2024.",
                "The U.S. firm agreed.",
                "Pinduoduo Inc. said so.",
            ],
        );
        check(
            "He said “it is done.” Then he left! Why? Because.",
            Format::Text,
            &["He said “it is done.”", "Then he left!", "Why?", "Because."],
        );
        check(
            "Jane R. Roe spoke. 3 people came.",
            Format::Text,
            &["Jane R. Roe spoke.", "3 people came."],
        );
    }

    #[test]
    fn lines_stand_alone_in_text_but_not_in_markdown_paragraphs() {
        let text = "Heading without stop\nBody sentence one. Two\n\nNext paragraph";
        check(
            text,
            Format::Text,
            &[
                "Heading without stop",
                "Body sentence one.",
                "Two",
                "Next paragraph",
            ],
        );
        check(
            text,
            Format::Markdown,
            &[
                "Heading without stop\nBody sentence one.",
                "Two",
                "Next paragraph",
            ],
        );
        let paragraphs: Vec<usize> = split(text, 0, Format::Text)
            .iter()
            .map(|s| s.paragraph)
            .collect();
        assert_eq!(paragraphs, [0, 0, 0, 1]);
    }

    #[test]
    fn a_blank_line_after_a_stopped_sentence_ends_its_paragraph() {
        let text = "# Head\n\nOne. Two.\n\n\nThree.\nFour.\n\nFive";
        for format in [Format::Text, Format::Markdown] {
            let paragraphs: Vec<usize> =
                split(text, 0, format).iter().map(|s| s.paragraph).collect();
            assert_eq!(paragraphs, [0, 1, 1, 2, 2, 3], "{format:?}");
        }
    }

    #[test]
    fn lowercase_after_a_stop_does_not_split() {
        check(
            "It rose 3.5 p.c. in May. ok",
            Format::Text,
            &["It rose 3.5 p.c. in May. ok"],
        );
    }

    #[test]
    fn markdown_blocks_split_on_single_newlines() {
        check(
            "# Title\n- one item\n- two item\n1. first",
            Format::Markdown,
            &["# Title", "- one item", "- two item", "1. first"],
        );
    }
}
