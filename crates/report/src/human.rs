//! The human report: each discrepancy as a miette diagnostic pointing at the
//! article's words, then a summary line.

use std::fmt;

use checker::{Checked, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NamedSource, NarratableReportHandler, SourceCode, SourceSpan, SpanContents,
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

struct Rendered {
    code: &'static str,
    severity: Severity,
    message: String,
    source: CharColumns,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
}

/// An article as miette reads it, except that the column of a span read
/// without context (the `[path:line:column]` header) counts characters, as
/// the JSON report and the narrated output do, not bytes.
struct CharColumns(NamedSource<String>);

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .0
            .read_span(span, context_lines_before, context_lines_after)?;
        if context_lines_before != 0 || context_lines_after != 0 {
            return Ok(contents);
        }
        let text = self.0.inner().as_str();
        let column = Span::of(text, &(span.offset()..span.offset())).column - 1;
        let name = contents.name().unwrap_or_default().to_owned();
        Ok(Box::new(MietteSpanContents::new_named(
            name,
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl Diagnostic for Rendered {
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
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

fn rendered(c: &Checked, d: &checker::Diagnostic, all: &[Checked]) -> Rendered {
    let text = neutralise(&c.text).into_owned();
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
        source: CharColumns(NamedSource::new(neutralise(&c.path), text)),
        labels,
        help,
    }
}

/// Renders one diagnostic.
fn render_one(r: &Rendered, options: Options, out: &mut String) {
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
        for d in &c.diagnostics {
            render_one(&rendered(c, d, all), options, &mut out);
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
