//! JSON Lines: one diagnostic per line, for streaming into other tools
//! (`jq`, log shippers, databases) without holding a whole report.
//!
//! Each line is one JSON object with the fields of a diagnostic in the JSON
//! report (`code`, `severity`, `message`, `span`, `found`, and `expected`,
//! `fact`, `labels`, `help` when present) plus the `path` of its source.
//! Lines come in the order of the JSON report: sources in the order given,
//! diagnostics in span order. Nothing else is written: no header, no
//! summary. A run without diagnostics is an empty string. JSON escaping
//! keeps every control character of an article inside its string, so a line
//! never breaks early.

use checker::{Checked, Diagnostic};
use serde::Serialize;

/// A JSON report diagnostic with its source's path first.
#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    diagnostic: crate::json::Diagnostic<'a>,
}

fn line<'a>(
    c: &'a Checked,
    lines: &crate::Lines<'_>,
    all: &'a [Checked],
    d: &'a Diagnostic,
) -> Line<'a> {
    Line {
        path: &c.path,
        diagnostic: crate::json::diagnostic(lines, all, d),
    }
}

/// Every diagnostic of a run, one JSON object per line, each line ending in
/// a newline.
pub fn render(checked: &[Checked]) -> String {
    checked.iter().map(|c| render_source(c, checked)).collect()
}

/// The lines of one source `c` of a run (`all`, which labels pointing into
/// other sources need), so a caller can stream a run source by source.
pub fn render_source(c: &Checked, all: &[Checked]) -> String {
    let mut out = String::new();
    let lines = crate::Lines::new(&c.text);
    for d in &c.diagnostics {
        let json = serde_json::to_string(&line(c, &lines, all, d)).unwrap_or_else(|e| {
            serde_json::json!({ "path": c.path, "error": e.to_string() }).to_string()
        });
        out.push_str(&json);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use checker::{Label as CheckerLabel, Severity};

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

    fn diagnostic(span: std::ops::Range<usize>, found: &str) -> Diagnostic {
        Diagnostic {
            code: "amount-mismatch",
            severity: Severity::Error,
            message: "the facts say 100 billion yuan".into(),
            span,
            found: found.into(),
            expected: Some("100 billion yuan".into()),
            fact: Some("acme-pledge".into()),
            labels: Vec::new(),
            help: None,
        }
    }

    #[test]
    fn one_line_per_diagnostic_with_the_report_fields() {
        let text = "Intro.\nAcme will invest 10 billion yuan.\n";
        let mut d = diagnostic(24..39, "10 billion yuan");
        d.labels.push(CheckerLabel {
            span: 0..5,
            message: "there".into(),
            path: Some("b.txt".into()),
        });
        let a = checked("a.txt", text, vec![d.clone(), d]);
        let b = checked("b.txt", "x\nThere.", Vec::new());
        let out = render(&[a, b]);
        assert!(out.ends_with('\n'));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["path"], "a.txt");
        assert_eq!(v["code"], "amount-mismatch");
        assert_eq!(v["severity"], "error");
        assert_eq!(v["found"], "10 billion yuan");
        assert_eq!(v["expected"], "100 billion yuan");
        assert_eq!(v["fact"], "acme-pledge");
        assert_eq!(
            v["span"],
            serde_json::json!({"start": 24, "end": 39, "line": 2, "column": 18})
        );
        assert_eq!(v["labels"][0]["path"], "b.txt");
        assert!(v.get("help").is_none());
    }

    #[test]
    fn control_characters_stay_inside_one_line() {
        let text = "a\u{1b}[31m\r\n\u{2028}b";
        let d = diagnostic(0..text.len(), text);
        let out = render(&[checked("x\ny.txt", text, vec![d])]);
        assert_eq!(out.lines().count(), 1);
        assert!(!out.trim_end().chars().any(char::is_control));
        let v: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
        assert_eq!(v["found"], text);
    }

    #[test]
    fn no_diagnostics_no_output_and_bad_spans_do_not_panic() {
        assert_eq!(render(&[checked("a.txt", "text", Vec::new())]), "");
        let d = diagnostic(3..900, "?");
        let out = render(&[checked("a.txt", "é", vec![d])]);
        assert_eq!(out.lines().count(), 1);
    }
}
