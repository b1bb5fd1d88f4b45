//! Generality: stories written after the checker (`fixtures/acquisition`:
//! an acquisition, its price, its dates and its people; `fixtures/election`:
//! an election in votes and electoral votes, an inauguration, presidents;
//! `fixtures/earnings`: quarterly results beside figures per share, a year
//! earlier, estimated, and the shares' own move; `fixtures/transfer`: a
//! football transfer in pounds, compared with older fees, and a manager;
//! `fixtures/inflation`: a monthly price index beside forecasts, and
//! officials past and present; `fixtures/layoffs`: job cuts as a count and
//! a share, the shares' fall, a former officer; `fixtures/ratedecision`:
//! a central bank's decision beside dates of other things, bounds
//! ("since April 2008"), ranges, figures' months ("7.9% in June") and a
//! date in an aside),
//! each with correct articles that must draw no error or warning and a copy
//! with planted errors that must draw each of them, and nothing else.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::Path;

use checker::{Checked, Checker, Severity, Source};

fn check(story: &str, article: &str) -> Checked {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(story);
    let base = facts::load_dir_named(&fixture.join("facts"), "facts").unwrap();
    let text = std::fs::read_to_string(fixture.join("articles").join(article)).unwrap();
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

/// Asserts that the wrong copy of `story` draws exactly the `expected`
/// errors and warnings (code, words), in order.
fn assert_planted(story: &str, expected: &[(&str, &str)]) {
    let c = check(story, "wrong.md");
    let expected: Vec<(&str, String)> = expected
        .iter()
        .map(|&(code, words)| (code, words.to_owned()))
        .collect();
    assert_eq!(findings(&c), expected, "{story}: {:#?}", c.diagnostics);
}

#[test]
fn the_correct_articles_draw_no_error_or_warning() {
    // `hedged.md` rounds and abbreviates ("nearly $69 billion",
    // "$68.7bn"), dates one event twice in a sentence and another event
    // in it ("sued in December 2022 and lost its bid ... in July"), and
    // glosses other deals' prices ("LinkedIn ($26.2 billion)").
    for (story, article) in [
        ("acquisition", "right.md"),
        ("acquisition", "hedged.md"),
        ("election", "right.md"),
        ("earnings", "right.md"),
        ("transfer", "right.md"),
        ("inflation", "right.md"),
        ("layoffs", "right.md"),
        ("ratedecision", "right.md"),
    ] {
        let c = check(story, article);
        assert_eq!(findings(&c), [], "{article}: {:#?}", c.diagnostics);
        assert!(
            c.verified_count() >= 3,
            "{article}: {} verified",
            c.verified_count()
        );
    }
}

#[test]
fn each_planted_error_is_found_and_nothing_else() {
    assert_planted(
        "acquisition",
        &[
            ("amount-mismatch", "$75 billion"),
            ("date-mismatch", "October 12, 2023"),
            ("weekday-mismatch", "Tuesday"),
            ("date-mismatch", "January 19, 2022"),
            ("amount-mismatch", "$92"),
            ("role-mismatch", "Bobby Kotick, Microsoft's chief executive"),
            ("date-mismatch", "November 2022"),
        ],
    );
}

#[test]
fn each_planted_election_error_is_found_and_nothing_else() {
    assert_planted(
        "election",
        &[
            ("weekday-mismatch", "Thursday"),
            ("date-mismatch", "November 4"),
            ("amount-mismatch", "290 electoral votes"),
            ("amount-mismatch", "75 million votes"),
            ("amount-mismatch", "53.1%"),
            ("role-mismatch", "Trump, the former vice president"),
        ],
    );
}

#[test]
fn each_planted_earnings_error_is_found_and_nothing_else() {
    assert_planted(
        "earnings",
        &[
            ("weekday-mismatch", "Monday"),
            ("amount-mismatch", "26%"),
            ("amount-mismatch", "$68.18 billion"),
            ("amount-mismatch", "$15.83 billion"),
            (
                "role-mismatch",
                "Sundar Pichai, Alphabet's chief financial officer",
            ),
        ],
    );
}

#[test]
fn each_planted_transfer_error_is_found_and_nothing_else() {
    assert_planted(
        "transfer",
        &[
            ("weekday-mismatch", "Friday"),
            ("amount-mismatch", "£110 million"),
            ("amount-mismatch", "five-year"),
            ("date-mismatch", "August 4"),
            ("role-mismatch", "Villa manager Pep Guardiola"),
        ],
    );
}

#[test]
fn each_planted_inflation_error_is_found_and_nothing_else() {
    assert_planted(
        "inflation",
        &[
            ("amount-mismatch", "4.5%"),
            ("amount-mismatch", "5.4%"),
            ("role-mismatch", "Fed Chair Janet Yellen"),
        ],
    );
}

#[test]
fn each_planted_layoffs_error_is_found_and_nothing_else() {
    assert_planted(
        "layoffs",
        &[
            ("weekday-mismatch", "Tuesday"),
            ("amount-mismatch", "13,000 employees"),
            ("amount-mismatch", "18%"),
            (
                "role-mismatch",
                "Sheryl Sandberg, Meta's chief operating officer",
            ),
        ],
    );
}

#[test]
fn each_planted_rate_decision_error_is_found_and_nothing_else() {
    assert_planted(
        "ratedecision",
        &[
            ("amount-mismatch", "5.5%"),
            ("weekday-mismatch", "Wednesday"),
            ("date-mismatch", "July 12"),
            ("date-mismatch", "March 2019"),
        ],
    );
}
