//! End-to-end runs of the `factcheck` binary: exit codes and output.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn factcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("factcheck runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn facts_check_on_the_story_prints_a_summary_and_exits_0() {
    let out = factcheck(&["facts", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.ends_with(" rates: ok\n"), "{stdout}");
    assert!(
        stdout.contains(" facts, ") && stdout.contains(" entities, "),
        "{stdout}"
    );
}

#[test]
fn a_broken_fact_base_exits_2_with_located_diagnostics() {
    let out = factcheck(&["facts", "check", "crates/cli/tests/fixtures/broken-facts"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("the fact base has 2 problems"), "{stderr}");
    assert!(stderr.contains("unknown field `nmae`"), "{stderr}");
    assert!(stderr.contains("unknown entity `acme`"), "{stderr}");
    assert!(stderr.contains("people.yaml"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_missing_facts_folder_exits_2() {
    let out = factcheck(&["facts", "check", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read no/such/folder"));
}

#[test]
fn a_bad_flag_exits_2_and_help_exits_0() {
    assert_eq!(
        factcheck(&["facts", "check", "--bogus"]).status.code(),
        Some(2)
    );
    let help = factcheck(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("Exit codes"));
}

#[test]
fn check_on_the_story_reports_errors_and_exits_1() {
    let out = factcheck(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("conversion-inconsistent"), "{stdout}");
    assert!(
        stdout
            .trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("5 sources, "),
        "{stdout}"
    );
    assert!(
        !stdout.contains('\u{1b}'),
        "no colour when not on a terminal"
    );
}

#[test]
fn deny_levels_set_the_exit_code() {
    // 004 has no finding at all; 001 has notes and warnings but one error.
    let clean = "sources/004-pandaily-alibaba-team-common-prosperity.txt";
    assert_eq!(
        factcheck(&["check", clean, "--deny", "note"]).status.code(),
        Some(0)
    );
    let note_only = "crates/cli/tests/fixtures/articles/note-only.txt";
    assert_eq!(factcheck(&["check", note_only]).status.code(), Some(0));
    assert_eq!(
        factcheck(&["check", note_only, "--deny", "warning"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        factcheck(&["check", note_only, "--deny", "note"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn check_json_is_the_documented_report() {
    let out = factcheck(&["check", "--format", "json"]);
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("{\n  \"version\": 1,"), "{stdout}");
    assert!(stdout.contains("\"summary\""));
}

#[test]
fn check_with_a_missing_path_or_bad_input_exits_2() {
    let out = factcheck(&["check", "no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read no/such/article.txt"));
    let out = factcheck(&["check", "--facts", "crates/cli/tests/fixtures/broken-facts"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "nothing is checked against a broken fact base"
    );
    let out = factcheck(&["check", "--published", "2021-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    let out = factcheck(&["check", "crates/cli/tests/fixtures/articles/binary.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("looks binary"));
    assert!(!text(&out.stderr).contains("panicked"));
}

#[test]
fn claims_lists_spans_values_and_verdicts() {
    let file = "sources/002-financial-district-alibaba-promises-15-5b.txt";
    let out = factcheck(&["claims", file]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("conversion      \"20 billion yuan ($12.5 billion)\" = 20000000000 CNY = 12500000000 USD"), "{stdout}");
    let json = text(&factcheck(&["claims", file, "--format", "json"]).stdout);
    assert!(json.contains("\"kind\": \"conversion\""), "{json}");
}
