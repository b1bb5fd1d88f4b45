//! GitHub Actions annotations: one workflow command per diagnostic,
//!
//! ```text
//! ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE
//! ```
//!
//! with `warning` and `notice` for the other severities, so each discrepancy
//! shows on the pull request's diff. Columns count characters; `endColumn`
//! is the column after the last character, as in SARIF. GitHub accepts
//! columns only on a one-line annotation, so `col` and `endColumn` are left
//! out when a span crosses lines. The message is the diagnostic's, then one
//! line per label and the help, joined by escaped newlines.
//!
//! Everything that comes from an article or a fact is first neutralised
//! ([`crate::sanitize::neutralise`]: no escape sequence or other control
//! character reaches the log), then escaped as GitHub requires: `%`, CR and
//! LF everywhere, and also `:` and `,` in properties. A newline in an
//! article can therefore never start a new workflow command.

use checker::{Checked, Diagnostic, Severity};

use crate::sanitize::neutralise;

/// The workflow command of a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// Every diagnostic of a run as a workflow command, one per line.
pub fn render(checked: &[Checked]) -> String {
    let mut out = String::new();
    for c in checked {
        let lines = crate::Lines::new(&c.text);
        for d in &c.diagnostics {
            out.push_str(&annotation(c, &lines, checked, d));
            out.push('\n');
        }
    }
    out
}

fn annotation(c: &Checked, lines: &crate::Lines<'_>, all: &[Checked], d: &Diagnostic) -> String {
    let (line, col) = lines.line_column(d.span.start);
    let (end_line, end_col) = lines.line_column(d.span.end.max(d.span.start));
    let mut props = format!("file={},line={line}", property(&c.path));
    if end_line == line {
        props.push_str(&format!(",col={col}"));
    }
    props.push_str(&format!(",endLine={end_line}"));
    if end_line == line {
        props.push_str(&format!(",endColumn={end_col}"));
    }
    props.push_str(&format!(",title={}", property(d.code)));

    let mut message = d.message.clone();
    for l in &d.labels {
        let path = l.path.as_deref().unwrap_or(&c.path);
        let (l_line, l_col) = match &l.path {
            None => lines.line_column(l.span.start),
            Some(other) => {
                let text = all
                    .iter()
                    .find(|o| &o.path == other)
                    .map_or("", |o| o.text.as_str());
                facts::line_column(text, l.span.start)
            }
        };
        message.push_str(&format!("\n{}: {path}:{l_line}:{l_col}", l.message));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    format!("::{} {props}::{}", command(d.severity), data(&message))
}

/// A message escaped for a workflow command's data (control characters
/// neutralised).
pub fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in neutralise(text).chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A value escaped for a workflow command's property (control characters
/// neutralised).
pub fn property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in neutralise(text).chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use checker::Label;

    /// A real `Checked` (from an empty fact base) with these diagnostics.
    fn checked(path: &str, text: &str, diagnostics: Vec<Diagnostic>) -> Checked {
        let base = facts::load_strs([("facts.yaml", "entities: []\n")]).unwrap();
        let source = checker::Source {
            path: path.into(),
            text: text.into(),
        };
        let mut c = checker::Checker::new(&base).check(source, None);
        c.diagnostics = diagnostics;
        c
    }

    fn diagnostic(severity: Severity, span: std::ops::Range<usize>, message: &str) -> Diagnostic {
        Diagnostic {
            code: "amount-mismatch",
            severity,
            message: message.into(),
            span,
            found: String::new(),
            expected: None,
            fact: None,
            labels: Vec::new(),
            help: None,
        }
    }

    #[test]
    fn one_command_per_diagnostic_with_positions() {
        let text = "Intro.\nÀcme will invest 10 billion yuan.\n";
        let at = text.find("10").unwrap();
        let mut d = diagnostic(
            Severity::Error,
            at..at + 15,
            "the facts say 100 billion yuan",
        );
        d.help = Some("fact `acme-pledge` (facts/a.yaml:3:5)".into());
        d.labels.push(Label {
            span: 7..12,
            message: "Àcme".into(),
            path: None,
        });
        let w = diagnostic(Severity::Warning, 0..6, "w");
        let n = diagnostic(Severity::Note, 0..text.len(), "n");
        let out = render(&[checked("sources/a.txt", text, vec![d, w, n])]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "::error file=sources/a.txt,line=2,col=18,endLine=2,endColumn=33,\
                 title=amount-mismatch::the facts say 100 billion yuan%0AÀcme: \
                 sources/a.txt:2:1%0Ahelp: fact `acme-pledge` (facts/a.yaml:3:5)",
                "::warning file=sources/a.txt,line=1,col=1,endLine=1,endColumn=7,\
                 title=amount-mismatch::w",
                "::notice file=sources/a.txt,line=1,endLine=3,title=amount-mismatch::n",
            ]
        );
    }

    #[test]
    fn escapes_and_neutralises() {
        let text = "x";
        let d = diagnostic(
            Severity::Error,
            0..1,
            "50% \u{1b}[31mred\u{1b}[0m, a: b\r\n::error::injected\u{202E}",
        );
        let out = render(&[checked("dir,a:b%\n.txt", text, vec![d])]);
        assert_eq!(
            out,
            "::error file=dir%2Ca%3Ab%25%0A.txt,line=1,col=1,endLine=1,endColumn=2,\
             title=amount-mismatch::50%25 ?[31mred?[0m, a: b?%0A::error::injected???\n"
        );
        assert_eq!(out.lines().count(), 1);
    }

    #[test]
    fn bad_spans_do_not_panic() {
        let d = diagnostic(Severity::Note, std::ops::Range { start: 9, end: 3 }, "m");
        let out = render(&[checked("a.txt", "é", vec![d])]);
        assert!(out.starts_with("::notice file=a.txt,line=1,col="));
    }
}
