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
