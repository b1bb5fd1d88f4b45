//! What each fuzz target does with its input. Shared by the cargo-fuzz
//! targets (nightly) and by the stable test that replays every saved
//! corpus and crash file (`crates/report/tests/fuzz_corpus.rs`), so CI
//! guards found crashes without nightly.

#![allow(dead_code)]

use std::sync::OnceLock;

use checker::{Checker, Source};
use claims::{Extractor, Format};

/// A small fact base that exercises every check.
pub const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Corp, aliases: [Acme] }
  - id: jane-roe
    kind: person
    name: Jane Roe
    roles:
      - { title: chief executive, of: acme, from: 2019-03-01 }
      - { title: chairman, of: acme, from: 2015, to: 2019-03-01 }
quantities:
  - { id: acme-pledge, subject: acme, what: the pledge, cues: [pledge, invest], value: 100 billion CNY, date: 2021-09-02 }
  - { id: acme-users, subject: acme, what: users, cues: [users], value: 68.7 million users, period: 2021-Q2 }
events:
  - { id: acme-launch, subject: acme, what: the launch, cues: [launched, announced], date: 2021-09-02, accept: [2021-09-03] }
rates:
  - { base: USD, quote: CNY, rate: 6.4577, on: 2021-09-03, tolerance: 1% }
";

fn base() -> &'static facts::FactBase {
    static BASE: OnceLock<facts::FactBase> = OnceLock::new();
    BASE.get_or_init(|| facts::load_strs([("facts.yaml", FACTS)]).unwrap_or_default())
}

/// Built once per process, like the fact base: building it compiles the
/// title, name and cue automata, which costs far more than checking one
/// input (it was half of the `render` target's time when built per input).
fn checker() -> &'static Checker<'static> {
    static CHECKER: OnceLock<Checker<'static>> = OnceLock::new();
    // Built once for many inputs: the automata that search fastest.
    CHECKER.get_or_init(|| Checker::for_workload(base(), checker::Workload::Many))
}

fn extractor() -> &'static Extractor {
    checker().extractor()
}

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Loading arbitrary YAML: never panics, never loops. On a quarter of the
/// inputs (by length), the problems found are also drawn as the CLI draws
/// them, graphical and narrated, which must not panic either (miette's
/// drawing panicked on columns past 65,535). The CLI neutralises the drawn
/// text as a whole, so control characters are not asserted here.
pub fn facts_loader(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let Err(err) = facts::load_strs([("fuzz.yaml", t)]) else {
        return;
    };
    if data.len() % 4 != 0 {
        return;
    }
    let mut out = String::new();
    let graphical =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_links(false);
    let _ = graphical.render_report(&mut out, &err);
    let _ = miette::NarratableReportHandler::new().render_report(&mut out, &err);
}

fn extract(data: &[u8], format: Format) {
    let Some(t) = text(data) else { return };
    let extraction = extractor().extract(t, format, None);
    for claim in &extraction.claims {
        assert!(claim.span.start < claim.span.end, "empty span");
        assert!(
            t.get(claim.span.clone()).is_some(),
            "span off char boundaries"
        );
    }
}

/// Extraction from plain text: spans always valid.
pub fn extract_text(data: &[u8]) {
    extract(data, Format::Text);
}

/// Extraction from Markdown: spans always valid.
pub fn extract_markdown(data: &[u8]) {
    extract(data, Format::Markdown);
}

/// A decimal that parses prints back to a string that parses to the same
/// value with the same scale.
pub fn number_roundtrip(data: &[u8]) {
    let Some(t) = text(data) else { return };
    if let Some(d) = facts::amount::parse_decimal(t) {
        let printed = d.to_string();
        let again = facts::amount::parse_decimal(&printed);
        assert_eq!(again, Some(d), "{t:?} -> {printed:?}");
        assert_eq!(again.map(|a| a.scale()), Some(d.scale()));
    }
    if let Ok(a) = facts::Amount::parse(t) {
        let printed = a.to_string();
        assert_eq!(
            facts::Amount::parse(&printed).ok(),
            Some(a),
            "{t:?} -> {printed:?}"
        );
    }
}

/// Neutralising keeps byte length, removes every unsafe character, and is
/// idempotent.
pub fn sanitize(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let once = facts::sanitize::neutralise(t).into_owned();
    assert_eq!(once.len(), t.len());
    assert!(!once.chars().any(facts::sanitize::is_unsafe));
    assert_eq!(facts::sanitize::neutralise(&once), once);
}

/// Checking, then rendering in one format chosen by the input's length:
/// each format gets a seventh of the inputs, at a seventh of the cost per
/// input of rendering them all (the human report alone was over 40% of the
/// time). Whatever the input, JSON outputs parse and the human-readable ones
/// carry no control or bidi character.
pub fn render(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let mut checked = vec![checker().check(
        Source {
            path: "fuzz.md".into(),
            text: t.to_owned(),
        },
        None,
    )];
    checker::cross_check(base(), &mut checked);
    let human =
        |style| report::human::render(&checked, report::human::Options { style, width: 80 });
    match data.len() % 7 {
        0 => json_parses(&report::json::render(&checked)),
        1 => report::jsonl::render(&checked)
            .lines()
            .for_each(json_parses),
        2 => json_parses(&report::sarif::render(&checked)),
        3 => terminal_safe(&report::github::render(&checked)),
        4 => {
            let _ = report::html::render(&checked);
        }
        5 => terminal_safe(&human(report::human::Style::Plain)),
        _ => terminal_safe(&human(report::human::Style::Narrated)),
    }
}

fn json_parses(out: &str) {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(out) {
        panic!("output is not JSON ({e}): {out}");
    }
}

fn terminal_safe(out: &str) {
    if let Some(c) = out.chars().find(|&c| facts::sanitize::is_unsafe(c)) {
        panic!("unsafe character {c:?} reached a human-readable output: {out}");
    }
}
