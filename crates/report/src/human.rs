//! The human report: each discrepancy as a miette diagnostic pointing at the
//! article's words, then a summary line.

use std::fmt;

use checker::{Checked, Severity};
use facts::snippet::Snippet;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NarratableReportHandler,
    SourceCode,
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

/// An article as miette reads it: see [`facts::snippet`].
type Article<'a> = Snippet<&'a str>;

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
    let mut one = String::new();
    if draw(r, options, &mut one).is_ok() {
        out.push_str(&one);
    } else {
        // A snippet too long to draw (see `facts::snippet`): the
        // diagnostic without it, its place in the message.
        let at = r.labels.first().map_or(0, LabeledSpan::offset);
        let (line, column) = r.source.line_column(at);
        let bare = Rendered {
            message: format!("{} [{}:{line}:{column}]", r.message, r.source.name()),
            labels: Vec::new(),
            help: r.help.clone(),
            ..*r
        };
        let mut one = String::new();
        match draw(&bare, options, &mut one) {
            Ok(()) => out.push_str(&one),
            Err(_) => out.push_str(&bare.message),
        }
    }
    out.push('\n');
}

/// One diagnostic drawn by miette.
fn draw(r: &Rendered<'_>, options: Options, out: &mut String) -> fmt::Result {
    match options.style {
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
    }
}

/// The diagnostics of the given sources, without the summary line.
pub fn render_diagnostics(checked: &[Checked], all: &[Checked], options: Options) -> String {
    let mut out = String::new();
    for c in checked {
        render_source(c, all, options, &mut out);
    }
    out
}

/// The diagnostics of one source `c` of a run (`all`, which labels pointing
/// into other sources need), appended to `out`: a caller can render sources
/// in parallel and join them in order.
pub fn render_source(c: &Checked, all: &[Checked], options: Options, out: &mut String) {
    if c.diagnostics.is_empty() {
        return;
    }
    let text = neutralise(&c.text);
    let article = Article::new(neutralise(&c.path), text.as_ref());
    for d in &c.diagnostics {
        render_one(&rendered(&article, d, all), options, out);
    }
}

/// The whole run: every diagnostic, then the summary line.
pub fn render(checked: &[Checked], options: Options) -> String {
    let mut out = render_diagnostics(checked, checked, options);
    out.push_str(&Summary::of(checked).line());
    out.push('\n');
    out
}
