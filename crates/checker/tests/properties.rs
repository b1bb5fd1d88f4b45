//! Properties: the precision rule, number and date round trips, the
//! sanitiser, and independence from the order sources are given in.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};

use checker::numbers::{Interval, stated_interval};
use claims::{Amount, Hedge};
use facts::{FactDate, Scale, Unit};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

fn stated(number: Decimal) -> Amount {
    Amount {
        span: 0..1,
        number,
        scale: Scale::Billion,
        unit: Some(Unit::Currency("USD".into())),
        hedge: Hedge::None,
        hedge_span: None,
        ambiguous_currency: false,
        fraction: false,
    }
}

fn meets(number: Decimal, fact: Decimal) -> bool {
    let fact = fact * Scale::Billion.factor();
    stated_interval(&stated(number))
        .unwrap()
        .meets(&Interval::exact(fact))
}

/// How far a whole number rounded to the hundred or the thousand reaches
/// (README, "Numbers"): half its last significant place, within a
/// hundredth of it, for numbers of five digits or more; else nothing.
fn rounding(number: Decimal) -> Decimal {
    if number.scale() > 0 || number.abs() < Decimal::from(10_000) {
        return Decimal::ZERO;
    }
    let mut place = Decimal::ONE;
    let mut rest = number.abs().trunc();
    while !rest.is_zero() && (rest % Decimal::TEN).is_zero() {
        rest /= Decimal::TEN;
        place *= Decimal::TEN;
    }
    if place < Decimal::ONE_HUNDRED || rest < Decimal::TEN {
        return Decimal::ZERO;
    }
    (place / Decimal::TWO).min(number.abs() / Decimal::ONE_HUNDRED)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// An amount rounded from the fact at its stated precision is never
    /// flagged; one off by more than half a unit always is.
    #[test]
    fn precision_rule(mantissa in 1i64..10_000_000, fact_scale in 0u32..5, dp in 0u32..4, off in 1i64..50) {
        let fact = Decimal::new(mantissa, fact_scale);
        // The fact as an article would write it at `dp` decimals.
        let mut written = fact.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        written.rescale(dp);
        prop_assert!(meets(written, fact), "{written} should agree with {fact}");
        let unit = Decimal::new(1, dp);
        let mut wrong = written + unit * Decimal::from(off);
        wrong.rescale(dp);
        if (wrong - fact).abs() > rounding(wrong).max(unit / Decimal::TWO) {
            prop_assert!(!meets(wrong, fact), "{wrong} should not agree with {fact}");
        }
    }

    /// Numbers print back to themselves, stated precision included.
    #[test]
    fn number_round_trip(mantissa in -1_000_000_000i64..1_000_000_000, scale in 0u32..8) {
        let d = Decimal::new(mantissa, scale);
        let printed = d.to_string();
        let parsed = facts::amount::parse_decimal(&printed).unwrap();
        prop_assert_eq!(parsed, d);
        prop_assert_eq!(parsed.scale(), d.scale());
    }

    /// Dates print and parse back; the weekday is the calendar's.
    #[test]
    fn date_and_weekday_round_trip(days in 0i32..3_000_000) {
        let date = jiff::civil::date(1, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        let fact = FactDate::from_date(date);
        let parsed = FactDate::parse(&fact.to_string()).unwrap();
        prop_assert_eq!(parsed, fact);
        prop_assert_eq!(parsed.weekday(), Some(date.weekday()));
    }

    /// Neutralising keeps length, removes every unsafe character, and is
    /// idempotent.
    #[test]
    fn sanitiser_is_idempotent(text in "\\PC{0,40}|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}a-z]{0,40}") {
        let once = facts::sanitize::neutralise(&text).into_owned();
        prop_assert_eq!(once.len(), text.len());
        prop_assert!(!once.chars().any(facts::sanitize::is_unsafe));
        prop_assert_eq!(facts::sanitize::neutralise(&once).into_owned(), once);
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Each source's diagnostics do not depend on the order sources are given.
#[test]
fn order_independence() {
    let base = facts::load_dir_named(&root().join("facts"), "facts").unwrap();
    let checker = checker::Checker::new(&base);
    let mut sources: Vec<(String, String)> = std::fs::read_dir(root().join("sources"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                format!("sources/{}", p.file_name().unwrap().to_string_lossy()),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    sources.sort();
    let run = |order: &[(String, String)]| {
        let mut checked: Vec<checker::Checked> = order
            .iter()
            .map(|(path, text)| {
                checker.check(
                    checker::Source {
                        path: path.clone(),
                        text: text.clone(),
                    },
                    None,
                )
            })
            .collect();
        checker::cross_check(&base, &mut checked);
        let mut by_path: Vec<(String, Vec<checker::Diagnostic>)> = checked
            .into_iter()
            .map(|c| (c.path, c.diagnostics))
            .collect();
        by_path.sort_by(|a, b| a.0.cmp(&b.0));
        by_path
    };
    let forward = run(&sources);
    let mut reversed = sources.clone();
    reversed.reverse();
    assert_eq!(run(&reversed), forward);
    let mut rotated = sources.clone();
    rotated.rotate_left(2);
    assert_eq!(run(&rotated), forward);
}
