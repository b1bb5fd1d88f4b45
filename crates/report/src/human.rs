//! The human report: each discrepancy as a miette diagnostic pointing at the
//! article's words, then a summary line.

use std::fmt;

use checker::{Checked, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NarratableReportHandler, SourceCode, SourceSpan, SpanContents,
};

use crate::sanitize::neutralise;
use crate::{Span, Summary};

/// How to draw the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// miette's graphical handler, with colour.
    Color,
    /// The graphical handler in plain Unicode, no colour (snapshots, logs).
    Plain,
    /// Screen-reader text, no drawing.
    Narrated,
}

/// Rendering options.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// How to draw.
    pub style: Style,
    /// Line width for wrapping.
    pub width: usize,
}

struct Rendered<'a> {
    code: &'static str,
    severity: Severity,
    message: String,
    source: &'a Article<'a>,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
}

/// One article as miette reads it, prepared once for all its diagnostics.
///
/// miette's own `read_span` scans the text from its first byte for every
/// span it reads, several times per diagnostic, which made the report
/// quadratic in the article's length. This one reads from a few lines
/// before the span, found in an index of where miette's lines start, and
/// returns exactly what miette's scan of the whole text would.
///
/// The column of a span read without context (the `[path:line:column]`
/// header) counts characters, as the JSON report and the narrated output
/// do, not bytes as miette's would.
struct Article<'a> {
    name: String,
    text: &'a str,
    /// Byte offsets where miette's lines start: 0, then after each `\n`,
    /// `\r\n` or lone `\r`.
    line_starts: Vec<usize>,
    /// Where lines start for the header's line and column: after each `\n`.
    lines: facts::load::LineIndex,
}

impl<'a> Article<'a> {
    fn new(name: &str, text: &'a str) -> Self {
        let bytes = text.as_bytes();
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
        Article {
            name: neutralise(name).into_owned(),
            text,
            line_starts,
            lines: facts::load::LineIndex::new(text),
        }
    }
}

impl SourceCode for Article<'_> {
    fn read_span<'s>(
        &'s self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'s> + 's>, MietteError> {
        // miette's scan panics on a span past the end of the text.
        if span.offset().saturating_add(span.len()) > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // Start one line earlier than the context needs, at a line start,
        // so miette's scan of the window sees the same lines before the
        // span as a scan of the whole text.
        let line = self
            .line_starts
            .partition_point(|&s| s <= span.offset())
            .saturating_sub(1);
        let first_line = line.saturating_sub(context_lines_before.saturating_add(1));
        let base = self.line_starts.get(first_line).copied().unwrap_or(0);
        let window = self.text.as_bytes().get(base..).unwrap_or_default();
        let shifted = SourceSpan::from((span.offset() - base, span.len()));
        let contents = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let column = if context_lines_before == 0 && context_lines_after == 0 {
            self.lines.line_column(self.text, span.offset()).1 - 1
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

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl Diagnostic for Rendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

fn rendered<'a>(
    article: &'a Article<'a>,
    d: &checker::Diagnostic,
    all: &[Checked],
) -> Rendered<'a> {
    let primary = match &d.expected {
        Some(e) => format!("expected {}", neutralise(e)),
        None => String::new(),
    };
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        (!primary.is_empty()).then_some(primary),
        (d.span.start, d.span.len()),
    )];
    let mut help = d.help.as_deref().map(|h| neutralise(h).into_owned());
    for l in &d.labels {
        match &l.path {
            None => labels.push(LabeledSpan::new_with_span(
                Some(neutralise(&l.message).into_owned()),
                (l.span.start, l.span.len()),
            )),
            Some(path) => {
                let other = all
                    .iter()
                    .find(|o| &o.path == path)
                    .map_or("", |o| o.text.as_str());
                let at = Span::of(other, &l.span);
                let see = format!(
                    "see {}:{}:{}: {}",
                    neutralise(path),
                    at.line,
                    at.column,
                    neutralise(&l.message)
                );
                help = Some(match help {
                    Some(h) => format!("{h}\n{see}"),
                    None => see,
                });
            }
        }
    }
    Rendered {
        code: d.code,
        severity: d.severity,
        message: neutralise(&d.message).into_owned(),
        source: article,
        labels,
        help,
    }
}

/// Renders one diagnostic.
fn render_one(r: &Rendered<'_>, options: Options, out: &mut String) {
    let result = match options.style {
        Style::Narrated => NarratableReportHandler::new().render_report(out, r),
        Style::Plain | Style::Color => {
            let theme = if options.style == Style::Color {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            };
            GraphicalReportHandler::new_themed(theme)
                .with_width(options.width)
                .with_links(false)
                .render_report(out, r)
        }
    };
    if result.is_err() {
        out.push_str(&r.message);
    }
    out.push('\n');
}

/// The diagnostics of the given sources, without the summary line.
pub fn render_diagnostics(checked: &[Checked], all: &[Checked], options: Options) -> String {
    let mut out = String::new();
    for c in checked {
        if c.diagnostics.is_empty() {
            continue;
        }
        let text = neutralise(&c.text);
        let article = Article::new(&c.path, &text);
        for d in &c.diagnostics {
            render_one(&rendered(&article, d, all), options, &mut out);
        }
    }
    out
}

/// The whole run: every diagnostic, then the summary line.
pub fn render(checked: &[Checked], options: Options) -> String {
    let mut out = render_diagnostics(checked, checked, options);
    out.push_str(&Summary::of(checked).line());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests fail loudly by design.

    use super::*;

    /// Every text of up to five characters from line breaks of each kind,
    /// a letter and a two-byte letter, every span and context: the windowed
    /// read returns what miette's scan of the whole text returns.
    #[test]
    fn article_reads_spans_exactly_as_miette_does() {
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
            let article = Article::new("a.md", text);
            for offset in 0..=text.len() {
                for len in 0..=text.len() - offset {
                    let span = SourceSpan::from((offset, len));
                    for (before, after) in [(0, 0), (1, 0), (0, 1), (1, 1), (2, 2), (3, 1)] {
                        let expected = text.as_str().read_span(&span, before, after);
                        let got = article.read_span(&span, before, after);
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
                            let column = Span::of(text, &(offset..offset)).column - 1;
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
        let article = Article::new("a.md", "ab\ncd");
        for (offset, len) in [(5, 1), (6, 0), (7, 0), (0, 6), (usize::MAX, 2)] {
            let read = article.read_span(&(offset, len).into(), 1, 1);
            assert!(read.is_err(), "{offset}+{len}");
        }
    }
}
