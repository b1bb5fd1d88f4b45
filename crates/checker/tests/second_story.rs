//! Generality: an invented story (`fixtures/northwind`: its own facts and
//! articles, unrelated to the bundled one) with a planted error for every
//! diagnostic code. Its reports are locked by reviewed snapshots.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};

use checker::{Checked, Checker, Source};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/northwind")
}

fn run() -> Vec<Checked> {
    let base = facts::load_dir_named(&fixture().join("facts"), "facts").unwrap();
    let checker = Checker::new(&base);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut checked: Vec<Checked> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            checker.check(
                Source {
                    path: format!("articles/{name}"),
                    text: std::fs::read_to_string(p).unwrap(),
                },
                None,
            )
        })
        .collect();
    checker::cross_check(&base, &mut checked);
    checked
}

/// One line per diagnostic: severity, code, line:column, the words, the
/// message, what was expected and the fact.
fn describe(c: &Checked) -> String {
    let mut out = format!(
        "{}: {} claims, {} verified, {} suppressed\n",
        c.path,
        c.claim_count(),
        c.verified_count(),
        c.suppressed
    );
    for d in &c.diagnostics {
        let (line, column) = facts::line_column(&c.text, d.span.start);
        out.push_str(&format!(
            "{} {} {line}:{column} {:?}: {}\n",
            d.severity.as_str(),
            d.code,
            d.found,
            d.message
        ));
        if let Some(e) = &d.expected {
            out.push_str(&format!("    expected: {e}\n"));
        }
        if let Some(f) = &d.fact {
            out.push_str(&format!("    fact: {f}\n"));
        }
    }
    out
}

#[test]
fn every_article_matches_its_reviewed_snapshot() {
    for c in run() {
        let name = c.path.trim_start_matches("articles/").to_owned();
        insta::assert_snapshot!(format!("northwind-{name}"), describe(&c));
    }
}

#[test]
fn every_diagnostic_code_is_planted_and_found() {
    let checked = run();
    for check in checker::checks::CHECKS {
        assert!(
            checked
                .iter()
                .any(|c| c.diagnostics.iter().any(|d| d.code == check.code)),
            "no `{}` in the Northwind story",
            check.code
        );
    }
}

#[test]
fn markdown_comments_and_code_hold_no_claims() {
    let checked = run();
    let results = checked
        .iter()
        .find(|c| c.path.ends_with("results.md"))
        .unwrap();
    for claim in &results.extraction.claims {
        let words = &results.text[claim.span.clone()];
        assert!(
            !words.contains("€9 billion") && !words.contains("€8 billion"),
            "{words}"
        );
    }
}
