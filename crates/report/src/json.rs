//! The JSON report, version 1 (the contract of DESIGN.md).

use checker::Checked;
use serde::Serialize;

use crate::{Lines, Span, Summary};

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
    let text_of = |path: &str| {
        all.iter()
            .find(|o| o.path == path)
            .map_or("", |o| o.text.as_str())
    };
    Diagnostic {
        code: d.code,
        severity: d.severity.as_str(),
        message: &d.message,
        span: lines.span(&d.span),
        found: &d.found,
        expected: d.expected.as_deref(),
        fact: d.fact.as_deref(),
        labels: d
            .labels
            .iter()
            .map(|l| Label {
                span: match l.path.as_deref() {
                    Some(path) => Span::of(text_of(path), &l.span),
                    None => lines.span(&l.span),
                },
                message: &l.message,
                path: l.path.as_deref(),
            })
            .collect(),
        help: d.help.as_deref(),
    }
}

fn source<'a>(c: &'a Checked, all: &'a [Checked]) -> Source<'a> {
    let lines = Lines::new(&c.text);
    Source {
        path: &c.path,
        published: c.extraction.published.map(|d| d.to_string()),
        claims: c.claim_count(),
        verified: c.verified_count(),
        diagnostics: c
            .diagnostics
            .iter()
            .map(|d| diagnostic(&lines, all, d))
            .collect(),
    }
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
    let pretty = serde_json::to_string_pretty(&source(c, all))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    // Room for the indentation (four bytes a line, a line is rarely shorter
    // than 20 bytes): the entry is written without growing the string.
    let mut out = String::with_capacity(pretty.len() + pretty.len() / 5 + 8);
    out.push_str(if first { "\n" } else { ",\n" });
    for (i, line) in pretty.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
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
