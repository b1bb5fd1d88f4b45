//! Reading an article: front matter, and the parts of the text that hold no
//! claims (front matter, Markdown code, HTML, link targets, URLs).
//!
//! Excluded parts are not removed but blanked out in an analysis copy of the
//! text of exactly the same length, each character replaced by spaces of its
//! byte length (newlines kept). Every offset found in the copy is therefore a
//! valid offset into the original file.

use std::ops::Range;

use facts::FactDate;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How the article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: every line stands alone.
    Text,
    /// Markdown (CommonMark): code, HTML and link targets hold no claims.
    Markdown,
}

impl Format {
    /// The format a file name implies: `.md` and `.markdown` are Markdown,
    /// anything else plain text.
    pub fn from_path(path: &str) -> Format {
        // The extension compared in any ASCII case, without a lowercase copy.
        let ends_with = |suffix: &str| {
            path.len()
                .checked_sub(suffix.len())
                .and_then(|at| path.as_bytes().get(at..))
                .is_some_and(|end| end.eq_ignore_ascii_case(suffix.as_bytes()))
        };
        if ends_with(".md") || ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// A problem in the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// Where.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
}

/// An article ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text with excluded parts blanked; same length as the original.
    pub analysis: String,
    /// Where the body starts (after the front matter).
    pub body_start: usize,
    /// `published:` from the front matter.
    pub published: Option<FactDate>,
    /// `outlet:` from the front matter.
    pub outlet: Option<String>,
    /// A front matter that could not be read.
    pub front_matter_error: Option<FrontMatterError>,
}

/// Blanks `range` of `buf`: every character becomes spaces of its byte
/// length; newlines stay.
fn blank(buf: &mut [u8], original: &str, range: Range<usize>) {
    let Some(part) = original.get(range.clone()) else {
        return;
    };
    // A newline is one byte and never inside a multi-byte character, so
    // blanking byte by byte gives every character spaces of its length.
    for b in &mut buf[range.start..range.start + part.len()] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// The front matter's range (including both `---` lines) and its YAML.
fn front_matter(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    // A UTF-8 byte-order mark may come first.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_len = if text[bom..].starts_with("---\n") {
        bom + 4
    } else if text[bom..].starts_with("---\r\n") {
        bom + 5
    } else {
        return None;
    };
    let mut offset = first_len;
    for line in text[first_len..].split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if trimmed == "---" || trimmed == "..." {
            return Some((0..offset + line.len(), first_len..offset));
        }
        offset += line.len();
    }
    None
}

/// The fields an article's front matter gives, as text.
#[derive(Debug, Default, PartialEq, Eq)]
struct Fields {
    /// `published`: a string as written, a number in its decimal form;
    /// empty for any other YAML value (so that it fails as a date).
    published: Option<String>,
    /// `outlet`, when it is a string.
    outlet: Option<String>,
}

/// Words a plain YAML scalar may resolve to null or a boolean; a key or
/// value spelled so (any case) is left to the YAML parser.
const NOT_PLAIN_STRINGS: [&str; 10] = [
    "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
];

/// The fields of the usual front matter, `key: value` lines of plain ASCII
/// words, read without a YAML parser (which costs more than the rest of a
/// short article's preparation). `None` as soon as a line is anything else
/// (quotes, flow, comments, blank lines, non-ASCII, repeated keys, a value
/// that may not be a string): serde_yaml then reads it. A test holds the
/// two to the same fields on every shape this accepts.
fn simple_fields(source: &str) -> Option<Fields> {
    let mut fields = Fields::default();
    let mut keys: Vec<&str> = Vec::new();
    let plain_word = |w: &str| !NOT_PLAIN_STRINGS.iter().any(|n| n.eq_ignore_ascii_case(w));
    for line in source.split_terminator('\n') {
        let (key, value) = line.split_once(": ")?;
        // YAML allows an implicit key of up to 1024 characters.
        let key_ok = key.len() <= 128
            && key.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && plain_word(key);
        let value_ok = value
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
            && value.bytes().all(|b| (0x20..0x7f).contains(&b))
            && !value.ends_with([' ', ':'])
            && !value.contains(": ")
            && !value.contains(" #");
        if !key_ok || !value_ok || keys.contains(&key) {
            return None;
        }
        keys.push(key);
        match key {
            "published" => {
                let b = value.as_bytes();
                let digits =
                    |r: Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
                // A year (a YAML integer, written back the same) or a
                // date-shaped string; anything else may be a float or a
                // sexagesimal or octal number to YAML.
                let year = b.len() == 4 && digits(0..4) && b[0] != b'0';
                let dated = digits(0..4)
                    && ((b.len() == 7 && b[4] == b'-' && digits(5..7))
                        || (b.len() == 10
                            && b[4] == b'-'
                            && digits(5..7)
                            && b[7] == b'-'
                            && digits(8..10)));
                if !(year || dated) {
                    return None;
                }
                fields.published = Some(value.to_owned());
            }
            "outlet" => {
                // A leading letter rules out numbers; the words above rule
                // out null and booleans.
                if !value.as_bytes()[0].is_ascii_alphabetic() || !plain_word(value) {
                    return None;
                }
                fields.outlet = Some(value.to_owned());
            }
            _ => {}
        }
    }
    Some(fields)
}

/// The fields as serde_yaml reads them, or where it fails (a byte offset
/// into `source`) and why.
fn yaml_fields(source: &str) -> Result<Fields, (usize, String)> {
    let value: serde_yaml::Value = serde_yaml::from_str(source)
        .map_err(|e| (e.location().map_or(0, |l| l.index()), e.to_string()))?;
    let published = value.get("published").map(|published| match published {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Number(n) => n.to_string(),
        _ => String::new(),
    });
    let outlet = match value.get("outlet") {
        Some(serde_yaml::Value::String(outlet)) => Some(outlet.clone()),
        _ => None,
    };
    Ok(Fields { published, outlet })
}

fn read_front_matter(text: &str, yaml: Range<usize>, doc: &mut Document) {
    let source = &text[yaml.clone()];
    let fields = match simple_fields(source).map_or_else(|| yaml_fields(source), Ok) {
        Ok(fields) => fields,
        Err((offset, e)) => {
            let at = yaml.start + offset;
            doc.front_matter_error = Some(FrontMatterError {
                span: at..at,
                message: format!("front matter is not valid YAML: {e}"),
            });
            return;
        }
    };
    let field_span = |key: &str| {
        source
            .lines()
            .scan(0usize, |pos, line| {
                let start = *pos;
                *pos += line.len() + 1;
                Some((start, line))
            })
            .find(|(_, line)| line.starts_with(key) && line[key.len()..].starts_with(':'))
            .map(|(start, line)| yaml.start + start..yaml.start + start + line.len())
            .unwrap_or(yaml.clone())
    };
    if let Some(text) = fields.published {
        match FactDate::parse(&text) {
            Ok(date) => doc.published = Some(date),
            Err(e) => {
                doc.front_matter_error = Some(FrontMatterError {
                    span: field_span("published"),
                    message: format!("`published` is not a date: {e}"),
                });
            }
        }
    }
    doc.outlet = fields.outlet;
}

/// Ranges of Markdown that hold no claims: code, HTML and link targets.
fn markdown_exclusions(text: &str, from: usize) -> Vec<Range<usize>> {
    let body = &text[from..];
    let mut out = Vec::new();
    let mut link_text_end: Vec<usize> = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + from..range.end + from;
        match event {
            Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) => out.push(range),
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) => out.push(range),
            Event::Start(Tag::Link { .. }) | Event::Start(Tag::Image { .. }) => {
                link_text_end.push(range.start);
            }
            Event::Text(_) if !link_text_end.is_empty() => {
                if let Some(last) = link_text_end.last_mut() {
                    *last = (*last).max(range.end);
                }
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                // The target follows the link text: `[text](target)`.
                if let Some(text_end) = link_text_end.pop() {
                    if text_end < range.end {
                        out.push(text_end..range.end);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// HTML entities written against a digit (`12&nbsp;500`, `&#x32;5`): they
/// are filled with letters in the analysis copy, so that the digits around
/// them are not read as numbers of their own.
fn entities_next_to_digits(text: &str, from: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while let Some(offset) = text.get(i..).and_then(|rest| rest.find('&')) {
        let start = i + offset;
        let name_len = bytes[start + 1..]
            .iter()
            .take(33)
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'#'))
            .unwrap_or(0);
        let end = start + 1 + name_len;
        if name_len > 0 && bytes.get(end) == Some(&b';') {
            let before = start.checked_sub(1).and_then(|j| bytes.get(j));
            let after = bytes.get(end + 1);
            if before.is_some_and(u8::is_ascii_digit) || after.is_some_and(u8::is_ascii_digit) {
                out.push(start..end + 1);
            }
        }
        i = start + 1;
    }
    out
}

/// Ranges of URLs and e-mail addresses written in the text.
fn url_exclusions(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Where a URL can start: "http://" and "https://" are found by their
    // "://", "www." by itself (both rare in prose, searched with SIMD),
    // then taken in text order as one left-to-right scan would.
    let mut starts: Vec<usize> = memchr::memmem::find_iter(bytes, b"://")
        .filter_map(|colon| {
            let http = colon
                .checked_sub(4)
                .filter(|&i| &bytes[i..colon] == b"http");
            http.or_else(|| {
                colon
                    .checked_sub(5)
                    .filter(|&i| &bytes[i..colon] == b"https")
            })
        })
        .collect();
    starts.extend(
        memchr::memmem::find_iter(bytes, b"www.")
            .filter(|&i| i == 0 || !bytes[i - 1].is_ascii_alphanumeric()),
    );
    starts.sort_unstable();
    let mut next = 0;
    for i in starts {
        if i < next {
            continue;
        }
        let mut end = i;
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() && bytes[end] < 0x80 {
            end += 1;
        }
        // Trailing punctuation belongs to the sentence, not the URL.
        while end > i
            && matches!(
                bytes[end - 1],
                b'.' | b',' | b')' | b';' | b':' | b'"' | b'\''
            )
        {
            end -= 1;
        }
        out.push(i..end);
        next = end.max(i + 1);
    }
    out
}

/// Reads front matter and blanks what holds no claims.
pub fn prepare(text: &str, format: Format) -> Document {
    let mut doc = Document {
        analysis: String::new(),
        body_start: 0,
        published: None,
        outlet: None,
        front_matter_error: None,
    };
    let mut buf = text.as_bytes().to_vec();
    if let Some((whole, yaml)) = front_matter(text) {
        read_front_matter(text, yaml, &mut doc);
        blank(&mut buf, text, whole.clone());
        doc.body_start = whole.end;
    }
    let mut excluded = url_exclusions(text);
    if format == Format::Markdown {
        excluded.extend(markdown_exclusions(text, doc.body_start));
    }
    for range in excluded {
        if range.start >= doc.body_start {
            blank(&mut buf, text, range);
        }
    }
    if format == Format::Markdown {
        for range in entities_next_to_digits(text, doc.body_start) {
            // Entities are ASCII: the copy stays UTF-8 and the same length.
            buf[range].fill(b'x');
        }
    }
    // Blanking replaces whole characters by ASCII spaces, so the buffer stays
    // UTF-8; the fallback only guards against a logic error.
    doc.analysis = String::from_utf8(buf).unwrap_or_else(|_| text.to_owned());
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `from_path` decides as the lowercase copy it replaced did.
    #[test]
    fn format_from_path_is_the_lowercase_reference() {
        let reference = |path: &str| {
            let lower = path.to_ascii_lowercase();
            if lower.ends_with(".md") || lower.ends_with(".markdown") {
                Format::Markdown
            } else {
                Format::Text
            }
        };
        for path in [
            "",
            "md",
            ".md",
            "a.MD",
            "a.Md",
            "x/y.markdown",
            "b.MarkDown",
            "c.txt",
            "d.mdx",
            "é.md",
            "émd",
            "a.m\u{e9}",
            "notes.markdow",
            "README.md.txt",
            "x.MARKDOWN",
        ] {
            assert_eq!(Format::from_path(path), reference(path), "{path:?}");
        }
    }

    /// The byte-by-byte scan `url_exclusions` replaced: every position is
    /// tried, a URL found is skipped.
    fn url_exclusions_reference(text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let rest = &bytes[i..];
            let starts_url = rest.starts_with(b"http://")
                || rest.starts_with(b"https://")
                || (rest.starts_with(b"www.") && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()));
            if starts_url {
                let mut end = i;
                while end < bytes.len() && !bytes[end].is_ascii_whitespace() && bytes[end] < 0x80 {
                    end += 1;
                }
                while end > i
                    && matches!(
                        bytes[end - 1],
                        b'.' | b',' | b')' | b';' | b':' | b'"' | b'\''
                    )
                {
                    end -= 1;
                }
                out.push(i..end);
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
        out
    }

    proptest::proptest! {
        /// URLs inside URLs, "www." after letters, "://" without "http",
        /// punctuation after them: the same ranges as the plain scan.
        #[test]
        fn url_exclusions_match_the_reference(
            parts in proptest::collection::vec(0usize..14, 0..12)
        ) {
            const PARTS: [&str; 14] = [
                "http://", "https://", "www.", "://", "a", " ", ".", "é", "\n", "xwww.",
                "httpshttp://", ")", "ftp://x", "hhttps://a.b/c,",
            ];
            let text: String = parts.iter().map(|&p| PARTS[p]).collect();
            proptest::prop_assert_eq!(url_exclusions(&text), url_exclusions_reference(&text));
        }
    }

    #[test]
    fn blanking_keeps_newlines_and_lengths() {
        let text = "a é\n“b”\nc";
        let mut buf = text.as_bytes().to_vec();
        blank(&mut buf, text, 0..text.len() - 1);
        assert_eq!(
            buf,
            format!("{}\n{}\nc", " ".repeat(4), " ".repeat(7)).as_bytes()
        );
    }

    #[test]
    fn front_matter_is_read_and_blanked() {
        let text = "---\npublished: 2021-09-04\noutlet: Example News\n---\nBody 2021.\n";
        let doc = prepare(text, Format::Text);
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some("2021-09-04")
        );
        assert_eq!(doc.outlet.as_deref(), Some("Example News"));
        assert_eq!(doc.analysis.len(), text.len());
        assert_eq!(&doc.analysis[doc.body_start..], "Body 2021.\n");
        assert!(doc.analysis[..doc.body_start].trim().is_empty());
    }

    #[test]
    fn month_and_year_publication_dates() {
        let doc = prepare("---\npublished: 2021-09\n---\nx", Format::Text);
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some("2021-09")
        );
        let doc = prepare("---\npublished: 2021\n---\nx", Format::Text);
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some("2021")
        );
    }

    #[test]
    fn bad_front_matter_is_reported_with_a_span() {
        let text = "---\npublished: 2021-02-30\n---\nx";
        let doc = prepare(text, Format::Text);
        let err = doc.front_matter_error.unwrap();
        assert_eq!(&text[err.span], "published: 2021-02-30");
        assert!(err.message.contains("February"), "{}", err.message);
    }

    #[test]
    fn markdown_code_html_and_link_targets_are_blanked() {
        let text = "Paid $5 million.\n\n```\n$9 billion\n```\n\nSee `$7 billion` and <!-- $8 billion --> [the $3 report](https://x.org/2021/09/04).\n";
        let doc = prepare(text, Format::Markdown);
        assert_eq!(doc.analysis.len(), text.len());
        assert!(doc.analysis.contains("$5 million"));
        assert!(doc.analysis.contains("the $3 report"));
        for gone in ["$9 billion", "$7 billion", "$8 billion", "2021/09/04"] {
            assert!(!doc.analysis.contains(gone), "{gone} should be blanked");
        }
    }

    #[test]
    fn urls_are_blanked_in_plain_text_and_multibyte_text_keeps_offsets() {
        let text = "张勇 said: see https://example.com/15-5b, then www.x.org.\n";
        let doc = prepare(text, Format::Text);
        assert_eq!(doc.analysis.len(), text.len());
        assert!(doc.analysis.starts_with("张勇 said: see "));
        assert!(!doc.analysis.contains("15-5b"));
        assert!(doc.analysis.contains(", then "));
        assert!(doc.analysis.ends_with(".\n"));
    }

    /// Keys and values the fast front-matter reader must either read as
    /// serde_yaml does or leave to it: numbers of every YAML form, null and
    /// boolean spellings, indicators, comments, colons.
    const KEYS: [&str; 12] = [
        "published",
        "outlet",
        "url",
        "seed",
        "title",
        "Null",
        "true",
        "1st",
        "x-y",
        "a_b",
        "no",
        "published2",
    ];
    const VALUES: [&str; 44] = [
        "2021-09-04",
        "2021-09",
        "2021",
        "0921",
        "2021-13-45",
        "1e3",
        "2021.5",
        "20210904",
        "2021-9-4",
        "12:30",
        "0x1F",
        "0o17",
        "1_000",
        "+2021",
        "-2021",
        ".inf",
        ".nan",
        "inf",
        "nan",
        "NaN",
        "Infinity",
        "null",
        "Null",
        "NULL",
        "~",
        "true",
        "True",
        "FALSE",
        "yes",
        "No",
        "on",
        "Example News",
        "Tech News Space",
        "https://example.com/a-b?c=d#e",
        "a # comment",
        "a: b",
        "a:",
        "*alias",
        "&anchor x",
        "!tag x",
        "[a, b]",
        "{a: b}",
        "'quoted'",
        "\"quoted\"",
    ];

    #[test]
    fn simple_front_matter_reads_as_yaml_does() {
        let mut accepted = 0;
        for key in KEYS {
            for value in VALUES {
                for other in ["", "seed: x.txt\n", "outlet: Daily\n"] {
                    let source = format!("{other}{key}: {value}\n");
                    if let Some(fast) = simple_fields(&source) {
                        accepted += 1;
                        assert_eq!(Ok(fast), yaml_fields(&source), "{source:?}");
                    }
                }
            }
        }
        // The usual shape takes the fast path.
        assert!(accepted > 100, "{accepted}");
        let usual = "published: 2021-09-04\noutlet: Example News\nurl: https://example.com/x\n";
        assert!(simple_fields(usual).is_some());
        // Repeated keys are an error for YAML: left to it.
        assert!(simple_fields("outlet: A\noutlet: B\n").is_none());
    }

    proptest::proptest! {
        #[test]
        fn simple_front_matter_agrees_on_generated_lines(
            lines in proptest::collection::vec(
                (
                    proptest::sample::select(KEYS.to_vec()),
                    proptest::sample::select(VALUES.to_vec()),
                    "[a-zA-Z0-9 :#.,'\"_-]{0,12}",
                ),
                0..5,
            )
        ) {
            let source: String = lines
                .iter()
                .map(|(k, v, tail)| format!("{k}: {v}{tail}\n"))
                .collect();
            if let Some(fast) = simple_fields(&source) {
                proptest::prop_assert_eq!(Ok(fast), yaml_fields(&source), "{:?}", source);
            }
        }
    }
}
