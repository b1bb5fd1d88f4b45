//! A text as miette reads it for drawing snippets: fast on long texts, and
//! safe on long lines.
//!
//! miette's own `read_span` scans the text from its first byte for every
//! span it reads, several times per diagnostic, which made a report of a
//! long article quadratic. [`Snippet`] reads from a few lines before the
//! span, found in an index of line starts, and returns exactly what
//! miette's scan of the whole text would.
//!
//! Except on very long lines: miette pads label markers with `format!`
//! widths, which panic past 65,535 columns, and it would echo the whole
//! line for every diagnostic. A snippet longer than [`MAX_SNIPPET_BYTES`]
//! shows only the part of its lines around the span; a span that long
//! itself cannot be drawn, and miette falls back to the message alone.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::load::LineIndex;

/// Longest snippet drawn whole, in bytes.
pub const MAX_SNIPPET_BYTES: usize = 4096;

/// Bytes of a long line shown on each side of a span.
const CLIPPED_SIDE_BYTES: usize = 240;

/// A named text, prepared once for every diagnostic that points into it.
pub struct Snippet<T> {
    name: String,
    text: T,
    /// Byte offsets where miette's lines start: 0, then after each `\n`,
    /// `\r\n` or lone `\r`.
    line_starts: Vec<usize>,
    /// Where lines start for the header's line and column: after each `\n`.
    lines: LineIndex,
}

impl<T> std::fmt::Debug for Snippet<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snippet").field("name", &self.name).finish()
    }
}

impl<T: AsRef<str>> Snippet<T> {
    /// `text`, shown as `name`. Both should already be neutralised.
    pub fn new(name: impl Into<String>, text: T) -> Self {
        let bytes = text.as_ref().as_bytes();
        let mut line_starts = vec![0];
        let mut at = 0;
        while let Some(found) = bytes
            .get(at..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n' || b == b'\r'))
        {
            at += found + 1;
            if bytes.get(at - 1) == Some(&b'\r') && bytes.get(at) == Some(&b'\n') {
                at += 1;
            }
            line_starts.push(at);
        }
        let lines = LineIndex::new(text.as_ref());
        Snippet {
            name: name.into(),
            text,
            line_starts,
            lines,
        }
    }

    /// The name shown.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text.
    pub fn text(&self) -> &str {
        self.text.as_ref()
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        self.lines.line_column(self.text.as_ref(), offset)
    }

    /// 0-based index of the miette line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// `span`'s lines, clipped to [`CLIPPED_SIDE_BYTES`] on each side of it.
    fn clipped<'s>(&'s self, span: &SourceSpan) -> Result<MietteSpanContents<'s>, MietteError> {
        let text = self.text.as_ref();
        let end = span.offset() + span.len();
        if span.len() > MAX_SNIPPET_BYTES {
            return Err(MietteError::OutOfBounds);
        }
        let line = self.line_of(span.offset());
        let line_start = self.line_starts.get(line).copied().unwrap_or(0);
        // The end of the span's last line, before its line break.
        let line_end = self
            .line_starts
            .get(self.line_of(end) + 1)
            .map_or(text.len(), |&next| {
                let bytes = text.as_bytes();
                let mut e = next;
                while e > end && matches!(bytes.get(e - 1), Some(b'\n' | b'\r')) {
                    e -= 1;
                }
                e
            });
        let mut from = span
            .offset()
            .saturating_sub(CLIPPED_SIDE_BYTES)
            .max(line_start);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = end.saturating_add(CLIPPED_SIDE_BYTES).min(line_end);
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let data = text.as_bytes().get(from..to).unwrap_or_default();
        Ok(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            (from, to - from).into(),
            line,
            // Where the clipped snippet starts on its line (narrated output
            // says so).
            self.line_column(from).1 - 1,
            // miette counts the line breaks from the start of the text.
            self.line_of(to),
        ))
    }
}

impl<T: AsRef<str> + Send + Sync> SourceCode for Snippet<T> {
    fn read_span<'s>(
        &'s self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'s> + 's>, MietteError> {
        let text = self.text.as_ref();
        // miette's scan panics on a span past the end of the text.
        if span.offset().saturating_add(span.len()) > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let header = context_lines_before == 0 && context_lines_after == 0;
        // Start one line earlier than the context needs, at a line start,
        // so miette's scan of the window sees the same lines before the
        // span as a scan of the whole text.
        let first_line = self
            .line_of(span.offset())
            .saturating_sub(context_lines_before.saturating_add(1));
        let base = self.line_starts.get(first_line).copied().unwrap_or(0);
        // Long lines: miette's scan from the line start would cost the
        // line's length for every read, and its drawing would panic.
        let end = span.offset() + span.len();
        if header && span.offset() - base > MAX_SNIPPET_BYTES {
            let (_, column) = self.line_column(span.offset());
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                text.as_bytes().get(span.offset()..end).unwrap_or_default(),
                *span,
                self.line_of(span.offset()),
                column - 1,
                self.line_of(end),
            )));
        }
        let window_end = self
            .line_starts
            .get(
                self.line_of(end)
                    .saturating_add(context_lines_after)
                    .saturating_add(1),
            )
            .copied()
            .unwrap_or(text.len());
        if !header && window_end - base > MAX_SNIPPET_BYTES {
            return Ok(Box::new(self.clipped(span)?));
        }
        let window = text.as_bytes().get(base..).unwrap_or_default();
        let shifted = SourceSpan::from((span.offset() - base, span.len()));
        let contents = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        if !header && contents.data().len() > MAX_SNIPPET_BYTES {
            return Ok(Box::new(self.clipped(span)?));
        }
        // The header's column counts characters, as the JSON report does,
        // not bytes as miette's would.
        let column = if header {
            self.lines.line_column(text, span.offset()).1 - 1
        } else {
            contents.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            (contents.span().offset() + base, contents.span().len()).into(),
            contents.line() + first_line,
            column,
            contents.line_count() + first_line,
        )))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests fail loudly by design.

    use super::*;

    /// Every text of up to five characters from line breaks of each kind,
    /// a letter and a two-byte letter, every span and context: the windowed
    /// read returns what miette's scan of the whole text returns.
    #[test]
    fn reads_spans_exactly_as_miette_does() {
        let alphabet = ["a", "\n", "\r", "é"];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        let mut compared = 0;
        for text in texts.iter().filter(|t| t.len() <= 6) {
            let snippet = Snippet::new("a.md", text.as_str());
            for offset in 0..=text.len() {
                for len in 0..=text.len() - offset {
                    let span = SourceSpan::from((offset, len));
                    for (before, after) in [(0, 0), (1, 0), (0, 1), (1, 1), (2, 2), (3, 1)] {
                        let expected = text.as_str().read_span(&span, before, after);
                        let got = snippet.read_span(&span, before, after);
                        let (expected, got) = match (expected, got) {
                            (Err(_), Err(_)) => continue,
                            (Ok(e), Ok(g)) => (e, g),
                            (e, g) => {
                                panic!("{text:?} {span:?}: {:?} vs {:?}", e.is_ok(), g.is_ok())
                            }
                        };
                        let at = format!("{text:?} {span:?} context {before}/{after}");
                        assert_eq!(expected.data(), got.data(), "{at}");
                        assert_eq!(expected.span(), got.span(), "{at}");
                        assert_eq!(expected.line(), got.line(), "{at}");
                        assert_eq!(expected.line_count(), got.line_count(), "{at}");
                        assert_eq!(got.name(), Some("a.md"), "{at}");
                        if before != 0 || after != 0 {
                            assert_eq!(expected.column(), got.column(), "{at}");
                        } else {
                            let column = crate::line_column(text, offset).1 - 1;
                            assert_eq!(got.column(), column, "{at}");
                        }
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 100_000, "compared {compared} reads");
    }

    #[test]
    fn a_span_past_the_end_is_out_of_bounds_not_a_panic() {
        let snippet = Snippet::new("a.md", "ab\ncd");
        for (offset, len) in [(5, 1), (6, 0), (7, 0), (0, 6), (usize::MAX, 2)] {
            let read = snippet.read_span(&(offset, len).into(), 1, 1);
            assert!(read.is_err(), "{offset}+{len}");
        }
    }

    /// A span deep into a 100,000-character line: the snippet is the span
    /// with its neighbourhood, on the right line, never the whole line.
    #[test]
    fn long_lines_are_clipped_around_the_span() {
        let text = format!(
            "first\n{}needle{}\nlast\n",
            "é".repeat(50_000),
            "x".repeat(50_000)
        );
        let snippet = Snippet::new("a.md", text.as_str());
        let at = text.find("needle").unwrap();
        let read = snippet.read_span(&(at, 6).into(), 1, 1).unwrap();
        let data = std::str::from_utf8(read.data()).unwrap();
        assert!(data.contains("needle"), "{data}");
        assert!(
            data.len() <= 2 * CLIPPED_SIDE_BYTES + 6 + 3,
            "{}",
            data.len()
        );
        assert_eq!(read.line(), 1);
        let start = read.span().offset();
        assert_eq!(text.get(start..start + read.span().len()), Some(data));
        // Too long to draw at all: miette then prints the message alone.
        assert!(snippet.read_span(&(6, 100_000).into(), 1, 1).is_err());
    }
}
