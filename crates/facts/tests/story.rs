//! The bundled story's facts reproduce the values of ../shared/facts-brief.md
//! that the articles touch. Story names are fine here: this is a test of the
//! data in facts/, not of the code.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::Path;

use facts::{FactBase, FactDate};

fn story() -> FactBase {
    facts::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../facts"))
        .expect("facts/ loads")
}

fn value(base: &FactBase, id: &str) -> String {
    base.quantity(id)
        .unwrap_or_else(|| panic!("no quantity `{id}`"))
        .value
        .to_string()
}

#[test]
fn amounts_of_the_brief() {
    let base = story();
    for (id, expected) in [
        ("alibaba-pledge", "100 billion CNY"),
        ("alibaba-common-prosperity-fund", "20 billion CNY"),
        ("alibaba-antitrust-fine", "18.228 billion CNY"),
        ("tencent-ssv", "50 billion CNY"),
        ("tencent-common-prosperity", "50 billion CNY"),
        ("tencent-social-pledge-total", "100 billion CNY"),
        ("giving-day-2021-public-donations", "3.569 billion CNY"),
        ("giving-day-2021-tencent-match", "600 million CNY"),
        ("giving-day-2021-total", "4.169 billion CNY"),
    ] {
        assert_eq!(value(&base, id), expected, "{id}");
    }
}

#[test]
fn tencent_total_is_the_sum_of_its_two_tranches() {
    let base = story();
    let total = base.quantity("tencent-social-pledge-total").unwrap();
    assert_eq!(total.sum_of, ["tencent-ssv", "tencent-common-prosperity"]);
    // The loader refuses a base whose sum_of does not add up; loading is the check.
}

#[test]
fn roles_with_their_dates() {
    let base = story();
    let sept_2021 = FactDate::parse("2021-09").unwrap();
    let role = |person: &str, title: &str, of: &str| {
        base.entity(person)
            .unwrap_or_else(|| panic!("no entity `{person}`"))
            .roles
            .iter()
            .find(|r| r.title == title && r.of.as_deref() == Some(of))
            .unwrap_or_else(|| panic!("{person} has no role {title} of {of}"))
            .clone()
    };
    let jack_ma_chair = role("jack-ma", "chairman", "alibaba");
    assert_eq!(jack_ma_chair.to.unwrap().to_string(), "2019-09-10");
    assert!(jack_ma_chair.ended_before(&sept_2021));
    let colin_chair = role("colin-huang", "chairman", "pinduoduo");
    assert_eq!(colin_chair.to.unwrap().to_string(), "2021-03-17");
    assert!(role("zhang-yong", "chief executive", "alibaba").held_during(&sept_2021));
    assert!(role("zhang-yong", "chairman", "alibaba").held_during(&sept_2021));
    assert!(role("chen-lei", "chairman", "pinduoduo").held_during(&sept_2021));
    let zhang = base.entity("zhang-yong").unwrap();
    assert!(zhang.aliases.iter().any(|a| a == "Daniel Zhang"));
}

#[test]
fn usd_cny_rates_around_the_story() {
    let base = story();
    let rates: Vec<String> = base
        .rates_between("USD", "CNY")
        .iter()
        .map(|r| format!("{} {}", r.on, r.rate))
        .collect();
    assert!(rates.contains(&"2021-09-03 6.4577".to_owned()), "{rates:?}");
    assert!(rates.contains(&"2021-09-02 6.4613".to_owned()), "{rates:?}");
}
