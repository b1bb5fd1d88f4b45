//! The JSON report, version 1 (the contract of DESIGN.md).

use checker::Checked;
use serde::Serialize;

use crate::{Lines, Positions, Span, Summary};

/// Report format version.
pub const VERSION: u32 = 1;

/// A label as the JSON report writes it.
#[derive(Serialize)]
pub(crate) struct Label<'a> {
    span: Span,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
}

/// A diagnostic as the JSON report writes it (shared with `jsonl.rs`).
#[derive(Serialize)]
pub(crate) struct Diagnostic<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    span: Span,
    found: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<Label<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Source<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    claims: usize,
    verified: usize,
    diagnostics: Vec<Diagnostic<'a>>,
}

/// One diagnostic of the source indexed by `lines`, with label spans in
/// other sources resolved against the run `all`.
pub(crate) fn diagnostic<'a>(
    lines: &Lines<'_>,
    all: &'a [Checked],
    d: &'a checker::Diagnostic,
) -> Diagnostic<'a> {
    diagnostic_at(|r| lines.span(r), all, d)
}

/// [`diagnostic`] with spans in its own source given by `span`.
fn diagnostic_at<'a>(
    span: impl Fn(&std::ops::Range<usize>) -> Span,
    all: &'a [Checked],
    d: &'a checker::Diagnostic,
) -> Diagnostic<'a> {
    let text_of = |path: &str| {
        all.iter()
            .find(|o| o.path == path)
            .map_or("", |o| o.text.as_str())
    };
    Diagnostic {
        code: d.code,
        severity: d.severity.as_str(),
        message: &d.message,
        span: span(&d.span),
        found: &d.found,
        expected: d.expected.as_deref(),
        fact: d.fact.as_deref(),
        labels: d
            .labels
            .iter()
            .map(|l| Label {
                span: match l.path.as_deref() {
                    Some(path) => Span::of(text_of(path), &l.span),
                    None => span(&l.span),
                },
                message: &l.message,
                path: l.path.as_deref(),
            })
            .collect(),
        help: d.help.as_deref(),
    }
}

fn source<'a>(c: &'a Checked, all: &'a [Checked]) -> Source<'a> {
    // Only the starts of the spans in this source are looked up: one pass
    // over the text up to the last of them, no index of every line.
    // Gathered into a vector of the right size: collecting the nested
    // iterator grew its vector step by step.
    let labels: usize = c.diagnostics.iter().map(|d| d.labels.len()).sum();
    let mut starts = Vec::with_capacity(c.diagnostics.len() + labels);
    for d in &c.diagnostics {
        starts.push(d.span.start);
        starts.extend(
            d.labels
                .iter()
                .filter(|l| l.path.is_none())
                .map(|l| l.span.start),
        );
    }
    let positions = Positions::new(&c.text, starts);
    Source {
        path: &c.path,
        published: c.extraction.published.map(date_text),
        claims: c.claim_count(),
        verified: c.verified_count(),
        diagnostics: c
            .diagnostics
            .iter()
            .map(|d| diagnostic_at(|r| positions.span(r), all, d))
            .collect(),
    }
}

/// A date as its `Display` writes it (`2021-09-04`, `2021-09`, `2021`):
/// years of four digits and months and days of two without the formatting
/// machinery, which cost more than the rest of a source's entry header.
fn date_text(date: facts::FactDate) -> String {
    let (year, month, day) = (date.year_number(), date.month_number(), date.day_number());
    let two = |n: Option<i8>| n.is_none_or(|n| (0..100).contains(&n));
    let Ok(year) = u16::try_from(year) else {
        return date.to_string();
    };
    if year > 9999 || !two(month) || !two(day) {
        return date.to_string();
    }
    let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
    let mut out = String::with_capacity(10);
    for unit in [1000, 100, 10, 1] {
        out.push(digit(year / unit));
    }
    for part in [month, day].into_iter().flatten() {
        let part = part.unsigned_abs();
        out.push('-');
        out.push(digit(u16::from(part / 10)));
        out.push(digit(u16::from(part)));
    }
    out
}

/// One source as a single-line JSON object (the `sources[]` entry of the
/// report), newline-terminated: the record of `--stdin-jsonl`.
pub fn source_line(c: &Checked) -> String {
    let mut out = serde_json::to_string(&source(c, std::slice::from_ref(c)))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The whole run as one JSON document, pretty-printed, ending in a newline.
pub fn render(checked: &[Checked]) -> String {
    render_selected(checked, checked)
}

/// A report of `selected` sources of a run (`all`, which labels pointing
/// into other sources need), with their own summary.
pub fn render_selected(selected: &[Checked], all: &[Checked]) -> String {
    let mut out = begin();
    for (i, c) in selected.iter().enumerate() {
        out.push_str(&source_entry(c, all, i == 0));
    }
    out.push_str(&end(&Summary::of(selected), selected.is_empty()));
    out
}

/// The report's opening, for writing it source by source: `begin()`, then
/// `source_entry` for each source, then `end`. The pieces join into exactly
/// the bytes `render` gives, so a long run can stream its report.
pub fn begin() -> String {
    format!("{{\n  \"version\": {VERSION},\n  \"sources\": [")
}

/// One source's entry in the `sources` array (`first`: no comma before it).
pub fn source_entry(c: &Checked, all: &[Checked], first: bool) -> String {
    let source = source(c, all);
    let mut out = String::with_capacity(256 + 512 * source.diagnostics.len());
    out.push_str(if first { "\n" } else { ",\n" });
    Pretty { out: &mut out }.source(&source);
    out
}

/// The report's closing, with the run's summary (`empty`: no source was
/// written).
pub fn end(summary: &Summary, empty: bool) -> String {
    let pretty = serde_json::to_string_pretty(summary).unwrap_or_default();
    let summary = pretty.replace('\n', "\n  ");
    let close = if empty { "]" } else { "\n  ]" };
    format!("{close},\n  \"summary\": {summary}\n}}\n")
}

/// The indentation of `level` (two spaces each), as a literal for
/// `concat!`: with every key a literal of known length, its copy is a few
/// moves instead of a call.
macro_rules! pad {
    (2) => {
        "    "
    };
    (3) => {
        "      "
    };
    (4) => {
        "        "
    };
    (5) => {
        "          "
    };
    (6) => {
        "            "
    };
    (7) => {
        "              "
    };
    (8) => {
        "                "
    };
}

/// A member's key at `level` with the line break before it: `first` (no
/// comma) or `next`.
macro_rules! key {
    (first, $level:tt, $key:literal) => {
        concat!("\n", pad!($level), "\"", $key, "\": ")
    };
    (next, $level:tt, $key:literal) => {
        concat!(",\n", pad!($level), "\"", $key, "\": ")
    };
}

/// Writes a non-empty array whose items are at `$level`, each by the
/// method `$item`, and whose closing bracket is at `$close`.
macro_rules! array {
    ($self:ident, $items:expr, $item:ident, $level:tt, $close:tt) => {{
        $self.out.push('[');
        for (i, item) in $items.iter().enumerate() {
            $self.out.push_str(if i == 0 {
                concat!("\n", pad!($level))
            } else {
                concat!(",\n", pad!($level))
            });
            $self.$item(item);
        }
        $self.out.push_str(concat!("\n", pad!($close), "]"));
    }};
}

/// Writes a span object whose keys are at `$level` and whose closing brace
/// is at the level below.
macro_rules! span {
    ($self:ident, $span:expr, $level:tt, $close:tt) => {{
        let Span {
            start,
            end,
            line,
            column,
        } = $span;
        $self.out.push('{');
        $self.out.push_str(key!(first, $level, "start"));
        $self.usize(*start);
        $self.out.push_str(key!(next, $level, "end"));
        $self.usize(*end);
        $self.out.push_str(key!(next, $level, "line"));
        $self.usize(*line);
        $self.out.push_str(key!(next, $level, "column"));
        $self.usize(*column);
        $self.out.push_str(concat!("\n", pad!($close), "}"));
    }};
}

/// Writes an entry of the `sources` array as `serde_json::to_string_pretty`
/// writes it, every line indented by four more spaces (two levels): straight
/// into the report, with no second copy to indent it, and with a string
/// escaper that tests up to 64 bytes at a time. The levels are fixed by the
/// report's shape, so each key and its indentation is one literal. The
/// destructuring `let`s stop the build when a field is added to a type
/// without being written here; the tests hold the output to serde_json's.
struct Pretty<'o> {
    out: &'o mut String,
}

/// Whether `b` needs escaping in a JSON string.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether some byte of `block` needs escaping: a fixed-length fold the
/// compiler turns into vector compares.
fn dirty_block<const N: usize>(block: &[u8; N]) -> bool {
    block.iter().fold(0u8, |a, &b| {
        a | u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\')
    }) != 0
}

/// Whether some byte of the eight in `w` needs escaping: one below 0x20
/// (exact for the whole word as 0x20 <= 0x80), a quote or a backslash (a
/// zero byte after XOR, exact for the whole word too).
fn dirty_word(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let quote = w ^ (u64::from(b'"') * ONES);
    let backslash = w ^ (u64::from(b'\\') * ONES);
    (w.wrapping_sub(0x20 * ONES) & !w
        | quote.wrapping_sub(ONES) & !quote
        | backslash.wrapping_sub(ONES) & !backslash)
        & HIGHS
        != 0
}

impl Pretty<'_> {
    /// A number in decimal. Those below 10,000 (nearly all offsets, lines
    /// and columns) are written two digits at a time from a table, without
    /// the digit loop.
    fn usize(&mut self, n: usize) {
        /// "00" to "99".
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let mut pair = |n: usize, both: bool| {
            let at = 2 * (n % 100);
            let (tens, ones) = (PAIRS.get(at).copied(), PAIRS.get(at + 1).copied());
            if both {
                self.out.push(char::from(tens.unwrap_or(b'0')));
            }
            self.out.push(char::from(ones.unwrap_or(b'0')));
        };
        match n {
            0..10 => pair(n, false),
            10..100 => pair(n, true),
            100..1000 => {
                pair(n / 100, false);
                pair(n, true);
            }
            1000..10000 => {
                pair(n / 100, true);
                pair(n, true);
            }
            _ => {
                let mut digits = [0u8; 20];
                let mut i = digits.len();
                let mut n = n;
                loop {
                    i -= 1;
                    if let Some(d) = digits.get_mut(i) {
                        *d = b'0' + (n % 10) as u8;
                    }
                    n /= 10;
                    if n == 0 || i == 0 {
                        break;
                    }
                }
                for &d in digits.get(i..).unwrap_or_default() {
                    self.out.push(char::from(d));
                }
            }
        }
    }

    /// A JSON string, escaped as serde_json escapes it: `"`, `\\` and the
    /// control characters below U+0020 (short forms where JSON has them,
    /// else `\u00xx` in lower-case hex); everything else as it is. Bytes
    /// are tested in blocks of 64 (32 or 16 for shorter strings, so that
    /// one takes two tests at most), a string's last bytes as the
    /// (overlapping) last block; strings under 16 bytes as two overlapping
    /// words or byte by byte. Clean stretches are copied whole.
    fn str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let n = bytes.len();
        self.out.reserve(n + 2);
        self.out.push('"');
        let mut run = 0;
        if n >= 64 {
            self.blocks::<64>(s, &mut run);
        } else if n >= 32 {
            self.blocks::<32>(s, &mut run);
        } else if n >= 16 {
            self.blocks::<16>(s, &mut run);
        } else if n >= 8 {
            let word = |w: Option<&[u8; 8]>| w.map_or(u64::MAX, |w| u64::from_le_bytes(*w));
            if dirty_word(word(bytes.first_chunk())) | dirty_word(word(bytes.last_chunk())) {
                self.escape(s, 0, n, &mut run);
            }
        } else if bytes.iter().any(|&b| needs_escape(b)) {
            self.escape(s, 0, n, &mut run);
        }
        self.out.push_str(s.get(run..).unwrap_or_default());
        self.out.push('"');
    }

    /// Escapes `s` (at least `N` bytes long) block by block, the last bytes
    /// as the (overlapping) last block.
    fn blocks<const N: usize>(&mut self, s: &str, run: &mut usize) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(block) = bytes.get(i..).and_then(<[u8]>::first_chunk::<N>) {
            if dirty_block(block) {
                self.escape(s, i, i + N, run);
            }
            i += N;
        }
        if i < bytes.len() && bytes.last_chunk::<N>().is_some_and(dirty_block) {
            self.escape(s, i, bytes.len(), run);
        }
    }

    /// Escapes the bytes of `s[from..to]` that need it, writing the clean
    /// text from `run` before each; `run` moves past each escaped byte.
    fn escape(&mut self, s: &str, from: usize, to: usize, run: &mut usize) {
        let bytes = s.as_bytes().get(..to).unwrap_or_default();
        let mut next = from;
        while let Some(i) = bytes
            .get(next..)
            .and_then(|rest| rest.iter().position(|&b| needs_escape(b)))
        {
            let at = next + i;
            next = at + 1;
            let b = bytes.get(at).copied().unwrap_or_default();
            let short = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                0x08 => "\\b",
                0x09 => "\\t",
                0x0a => "\\n",
                0x0c => "\\f",
                0x0d => "\\r",
                0..0x20 => "",
                _ => continue,
            };
            // `b` is ASCII, so `run..at` lies on char boundaries.
            self.out.push_str(s.get(*run..at).unwrap_or_default());
            if short.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                self.out.push_str(short);
            }
            *run = at + 1;
        }
    }

    /// An entry of `sources`, at level 2, its first line indented too.
    fn source(&mut self, source: &Source<'_>) {
        let Source {
            path,
            published,
            claims,
            verified,
            diagnostics,
        } = source;
        self.out.push_str(concat!(pad!(2), "{"));
        self.out.push_str(key!(first, 3, "path"));
        self.str(path);
        if let Some(published) = published {
            self.out.push_str(key!(next, 3, "published"));
            self.str(published);
        }
        self.out.push_str(key!(next, 3, "claims"));
        self.usize(*claims);
        self.out.push_str(key!(next, 3, "verified"));
        self.usize(*verified);
        self.out.push_str(key!(next, 3, "diagnostics"));
        if diagnostics.is_empty() {
            self.out.push_str("[]");
        } else {
            array!(self, diagnostics, diagnostic, 4, 3);
        }
        self.out.push_str(concat!("\n", pad!(2), "}"));
    }

    /// A diagnostic at level 4.
    fn diagnostic(&mut self, d: &Diagnostic<'_>) {
        let Diagnostic {
            code,
            severity,
            message,
            span,
            found,
            expected,
            fact,
            labels,
            help,
        } = d;
        self.out.push('{');
        self.out.push_str(key!(first, 5, "code"));
        self.str(code);
        self.out.push_str(key!(next, 5, "severity"));
        self.str(severity);
        self.out.push_str(key!(next, 5, "message"));
        self.str(message);
        self.out.push_str(key!(next, 5, "span"));
        span!(self, span, 6, 5);
        self.out.push_str(key!(next, 5, "found"));
        self.str(found);
        if let Some(expected) = expected {
            self.out.push_str(key!(next, 5, "expected"));
            self.str(expected);
        }
        if let Some(fact) = fact {
            self.out.push_str(key!(next, 5, "fact"));
            self.str(fact);
        }
        if !labels.is_empty() {
            self.out.push_str(key!(next, 5, "labels"));
            array!(self, labels, label, 6, 5);
        }
        if let Some(help) = help {
            self.out.push_str(key!(next, 5, "help"));
            self.str(help);
        }
        self.out.push_str(concat!("\n", pad!(4), "}"));
    }

    /// A label at level 6.
    fn label(&mut self, l: &Label<'_>) {
        let Label {
            span,
            message,
            path,
        } = l;
        self.out.push('{');
        self.out.push_str(key!(first, 7, "span"));
        span!(self, span, 8, 7);
        self.out.push_str(key!(next, 7, "message"));
        self.str(message);
        if let Some(path) = path {
            self.out.push_str(key!(next, 7, "path"));
            self.str(path);
        }
        self.out.push_str(concat!("\n", pad!(6), "}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Whole<'a> {
        version: u32,
        sources: Vec<Source<'a>>,
        summary: Summary,
    }

    fn checked(texts: &[&str]) -> Vec<Checked> {
        let base = facts::load_strs([(
            "f.yaml",
            "entities:\n  - { id: acme, kind: organization, name: Acme }\n",
        )])
        .unwrap();
        let checker = checker::Checker::new(&base);
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                checker.check(
                    checker::Source {
                        path: format!("s{i}.txt"),
                        text: (*t).into(),
                    },
                    None,
                )
            })
            .collect()
    }

    /// A source entry the way it was first written: serde_json's pretty
    /// output, every line then indented by four spaces.
    fn indented(source: &Source<'_>) -> String {
        let pretty = serde_json::to_string_pretty(source).unwrap();
        let lines: Vec<String> = pretty.lines().map(|l| format!("    {l}")).collect();
        lines.join("\n")
    }

    /// Generated values: strings of ASCII, quotes, backslashes, every
    /// control character, DEL, multi-byte characters, runs longer than
    /// eight bytes; numbers of every width.
    struct Gen {
        state: u64,
        pieces: Vec<String>,
        texts: Vec<String>,
    }

    #[test]
    fn strings_are_escaped_as_serde_json_at_every_position() {
        // Every length past two 64-byte blocks, each byte that needs
        // escaping (and a clean one) at every position, so that whole
        // blocks, the overlapping last block, words and short strings are
        // all covered.
        for len in 0..140 {
            for at in 0..len.max(1) {
                for special in ['"', '\\', '\n', '\u{1}', '\u{1f}', ' ', '\u{7f}', 'é'] {
                    let text: String = (0..len)
                        .map(|i| if i == at { special } else { 'x' })
                        .collect();
                    let mut out = String::new();
                    Pretty { out: &mut out }.str(&text);
                    assert_eq!(out, serde_json::to_string(&text).unwrap(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn dates_are_written_as_display_writes_them() {
        let mut dates = Vec::new();
        for year in [
            0, 1, 9, 10, 99, 100, 999, 1000, 2021, 9999, 10000, -1, -5, -2021,
        ] {
            dates.extend(facts::FactDate::year(year));
            for month in 1..=12 {
                dates.extend(facts::FactDate::month(year, month));
                for day in [1, 9, 10, 28, 31] {
                    dates.extend(facts::FactDate::day(year, month, day));
                }
            }
        }
        assert!(dates.len() > 500);
        for date in dates {
            assert_eq!(date_text(date), date.to_string());
        }
    }

    #[test]
    fn numbers_are_written_as_display_writes_them() {
        let edges = (0..20).flat_map(|p| {
            let n = 10usize.pow(p);
            [n - 1, n, n + 1]
        });
        for n in (0..20_000).chain(edges).chain([usize::MAX]) {
            let mut out = String::new();
            Pretty { out: &mut out }.usize(n);
            assert_eq!(out, n.to_string());
        }
    }

    impl Gen {
        fn new(seed: u64) -> Gen {
            let pieces: Vec<String> = (0u8..0x20)
                .map(|b| char::from(b).to_string())
                .chain(
                    [
                        "\"",
                        "\\",
                        "\u{7f}",
                        "a",
                        "plain words ",
                        "é",
                        "€",
                        "😀",
                        "\u{2028}",
                        "\u{feff}",
                        "/",
                        "'",
                        "ABCDEFGHIJ",
                    ]
                    .map(String::from),
                )
                .collect();
            let mut g = Gen {
                state: seed,
                pieces,
                texts: Vec::new(),
            };
            g.texts = (0..64)
                .map(|_| {
                    (0..g.next() % 24)
                        .map(|_| {
                            let i = g.next() % g.pieces.len();
                            g.pieces[i].clone()
                        })
                        .collect()
                })
                .collect();
            g
        }

        fn next(&mut self) -> usize {
            self.state = self
                .state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.state >> 33) as usize
        }

        fn text(&mut self) -> &'static str {
            let i = self.next() % self.texts.len();
            self.texts[i].clone().leak()
        }

        fn opt(&mut self) -> Option<&'static str> {
            (self.next() % 2 == 0).then(|| self.text())
        }

        fn number(&mut self) -> usize {
            let n = self.next() * self.next();
            n >> (self.next() % 64)
        }

        fn span(&mut self) -> Span {
            Span {
                start: self.number(),
                end: self.number(),
                line: self.number(),
                column: self.number(),
            }
        }
    }

    #[test]
    fn pretty_writer_is_serde_json_indented() {
        for seed in 0..400 {
            let mut g = Gen::new(seed);
            let published = g.opt().map(String::from);
            let diagnostics = (0..g.next() % 4)
                .map(|_| Diagnostic {
                    code: g.text(),
                    severity: g.text(),
                    message: g.text(),
                    span: g.span(),
                    found: g.text(),
                    expected: g.opt(),
                    fact: g.opt(),
                    labels: (0..g.next() % 3)
                        .map(|_| Label {
                            span: g.span(),
                            message: g.text(),
                            path: g.opt(),
                        })
                        .collect(),
                    help: g.opt(),
                })
                .collect();
            let source = Source {
                path: g.text(),
                published,
                claims: g.number(),
                verified: usize::MAX >> (g.next() % 64),
                diagnostics,
            };
            let mut written = String::new();
            Pretty { out: &mut written }.source(&source);
            assert_eq!(written, indented(&source), "seed {seed}");
        }
    }

    #[test]
    fn streamed_pieces_are_serde_json_pretty_output() {
        for texts in [
            vec![],
            vec!["Acme pays $20 billion yuan."],
            vec!["a", "Acme's $20 billion yuan."],
        ] {
            let run = checked(&texts);
            let whole = Whole {
                version: VERSION,
                sources: run.iter().map(|c| source(c, &run)).collect(),
                summary: Summary::of(&run),
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(render(&run), expected);
        }
    }
}
