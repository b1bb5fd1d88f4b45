//! Accuracy on the seed story against the expert's gold
//! (`fixtures/dev-gold.json`, a copy of ../shared/dev-gold.json): every
//! in-scope discrepancy is reported, no correct claim is flagged as an error
//! or a warning, and every example edit of a correct claim is caught at the
//! edited words. Story names are fine here: this tests the data-driven
//! pipeline on one story, not code that knows it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::ops::Range;
use std::path::{Path, PathBuf};

use checker::{Checked, Checker, Severity, Source};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gold() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev-gold.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// (seed file name, source path, text) for every source with a `seed:` line.
fn sources() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let seed = text
            .lines()
            .find_map(|l| l.strip_prefix("seed: "))
            .unwrap()
            .trim()
            .to_owned();
        let path = format!("sources/{}", p.file_name().unwrap().to_string_lossy());
        out.push((seed, path, text));
    }
    out
}

fn check_all(base: &facts::FactBase, inputs: &[(String, String, String)]) -> Vec<Checked> {
    let checker = Checker::new(base);
    let mut checked: Vec<Checked> = inputs
        .iter()
        .map(|(_, path, text)| {
            checker.check(
                Source {
                    path: path.clone(),
                    text: text.clone(),
                },
                None,
            )
        })
        .collect();
    checker::cross_check(base, &mut checked);
    checked
}

fn occurrences(text: &str, quote: &str) -> Vec<Range<usize>> {
    text.match_indices(quote)
        .map(|(i, q)| i..i + q.len())
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn base() -> facts::FactBase {
    facts::load_dir_named(&root().join("facts"), "facts").unwrap()
}

#[test]
fn every_in_scope_discrepancy_is_reported() {
    let base = base();
    let inputs = sources();
    let checked = check_all(&base, &inputs);
    let mut missed = Vec::new();
    for item in gold()["gold"].as_array().unwrap() {
        if item["in_scope"] != true {
            continue;
        }
        let file = item["file"].as_str().unwrap();
        let quote = item["quote"].as_str().unwrap();
        let i = inputs.iter().position(|(seed, ..)| seed == file).unwrap();
        let spans = occurrences(&checked[i].text, quote);
        assert!(!spans.is_empty(), "{file}: quote not found: {quote}");
        let found = checked[i]
            .diagnostics
            .iter()
            .any(|d| spans.iter().any(|s| overlaps(s, &d.span)));
        if !found {
            missed.push(format!("{file}: {quote}"));
        }
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn no_correct_claim_is_flagged_as_an_error_or_warning() {
    let base = base();
    let inputs = sources();
    let checked = check_all(&base, &inputs);
    let gold = gold();
    // A gold discrepancy may contain a correct phrase ("Lei Jun, head of the
    // largest agricultural trading platform Pinduoduo" contains "largest
    // agricultural trading platform Pinduoduo"): a diagnostic on the
    // discrepancy is not a false alarm on the phrase.
    let expected = |file: &str, span: &Range<usize>, text: &str| {
        gold["gold"].as_array().unwrap().iter().any(|g| {
            g["file"] == file
                && occurrences(text, g["quote"].as_str().unwrap())
                    .iter()
                    .any(|q| overlaps(q, span))
        })
    };
    let mut false_alarms = Vec::new();
    for item in gold["correct"].as_array().unwrap() {
        let file = item["file"].as_str().unwrap();
        let quote = item["quote"].as_str().unwrap();
        let i = inputs.iter().position(|(seed, ..)| seed == file).unwrap();
        let spans = occurrences(&checked[i].text, quote);
        assert!(!spans.is_empty(), "{file}: quote not found: {quote}");
        for d in &checked[i].diagnostics {
            if d.severity >= Severity::Warning
                && spans.iter().any(|s| overlaps(s, &d.span))
                && !expected(file, &d.span, &checked[i].text)
            {
                false_alarms.push(format!("{file}: {quote} <- {} {}", d.code, d.message));
            }
        }
    }
    assert!(
        false_alarms.is_empty(),
        "false alarms:\n{}",
        false_alarms.join("\n")
    );
}

#[test]
fn example_edits_of_correct_claims_are_caught_where_they_are_made() {
    let base = base();
    let inputs = sources();
    let mut missed = Vec::new();
    for m in gold()["example_mutations"].as_array().unwrap() {
        let file = m["file"].as_str().unwrap();
        let find = m["find"].as_str().unwrap();
        let replace = m["replace"].as_str().unwrap();
        let mut mutated = inputs.clone();
        let i = mutated.iter().position(|(seed, ..)| seed == file).unwrap();
        let at = mutated[i]
            .2
            .find(find)
            .unwrap_or_else(|| panic!("{file}: {find}"));
        mutated[i].2.replace_range(at..at + find.len(), replace);
        // The edited words: the part of `replace` that differs from `find`.
        let prefix = find
            .bytes()
            .zip(replace.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let suffix = find
            .bytes()
            .rev()
            .zip(replace.bytes().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let edited = at + prefix.min(replace.len())
            ..at + replace.len().saturating_sub(suffix).max(prefix + 1);
        let before = check_all(&base, &inputs);
        let after = check_all(&base, &mutated);
        let new: Vec<_> = after[i]
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .filter(|d| {
                !before[i]
                    .diagnostics
                    .iter()
                    .any(|b| b.code == d.code && b.message == d.message)
            })
            .collect();
        let caught = new
            .iter()
            .any(|d| overlaps(&d.span, &edited) || overlaps(&d.span, &(at..at + replace.len())));
        if !caught {
            missed.push(format!(
                "{file}: {find:?} -> {replace:?} ({} kind); new: {:?}",
                m["kind"],
                new.iter().map(|d| &d.message).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        missed.is_empty(),
        "edits not caught:\n{}",
        missed.join("\n")
    );
}
