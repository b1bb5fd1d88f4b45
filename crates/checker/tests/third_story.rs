//! Generality: a story written after the checker (`fixtures/acquisition`:
//! an acquisition, its price, its dates and its people), with a correct
//! article that must draw no error or warning and a copy with one planted
//! error per fact that must draw each of them, and nothing else.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};

use checker::{Checked, Checker, Severity, Source};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acquisition")
}

fn check(article: &str) -> Checked {
    let base = facts::load_dir_named(&fixture().join("facts"), "facts").unwrap();
    let text = std::fs::read_to_string(fixture().join("articles").join(article)).unwrap();
    Checker::new(&base).check(
        Source {
            path: article.into(),
            text,
        },
        None,
    )
}

/// (code, words) of each error and warning.
fn findings(c: &Checked) -> Vec<(&'static str, String)> {
    c.diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .map(|d| (d.code, d.found.clone()))
        .collect()
}

#[test]
fn the_correct_article_draws_no_error_or_warning() {
    let c = check("right.md");
    assert_eq!(findings(&c), [], "{:#?}", c.diagnostics);
    assert!(c.verified_count() >= 8, "{} verified", c.verified_count());
}

#[test]
fn each_planted_error_is_found_and_nothing_else() {
    let c = check("wrong.md");
    let found = findings(&c);
    let expected = [
        ("amount-mismatch", "$75 billion"),
        ("date-mismatch", "October 12, 2023"),
        ("weekday-mismatch", "Tuesday"),
        ("date-mismatch", "January 19, 2022"),
        ("amount-mismatch", "$92"),
        ("role-mismatch", "Bobby Kotick, Microsoft's chief executive"),
        ("date-mismatch", "November 2022"),
    ];
    assert_eq!(
        found,
        expected.map(|(code, words)| (code, words.to_owned())),
        "{:#?}",
        c.diagnostics
    );
}
