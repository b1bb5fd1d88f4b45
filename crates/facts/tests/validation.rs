//! One broken fixture per validation rule: each must produce a diagnostic
//! with the right code, file, line, column and label, and nothing else.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use facts::{LoadError, line_column, load_strs};
use miette::Diagnostic;

const PEOPLE: &str = "\
entities:
  - id: acme
    kind: organization
    name: Acme Corp
    source: https://example.org/acme
  - id: jane-roe
    kind: person
    name: Jane Roe
    roles:
      - { title: CEO, of: acme, from: 2019-03-01 }
    source: https://example.org/jane
";

/// `code file:line:column [label]` for every problem, in order.
fn problems(files: &[(&str, &str)]) -> Vec<String> {
    let err: LoadError = match load_strs(files.iter().copied()) {
        Ok(_) => return vec!["ok".into()],
        Err(e) => e,
    };
    err.problems
        .iter()
        .map(|p| {
            let code = p.code().map(|c| c.to_string()).unwrap_or_default();
            let Some(label) = p.labels().and_then(|mut l| l.next()) else {
                return format!("{code} [{p}]");
            };
            let src = p.source_code().expect("a labelled problem has its source");
            let contents = src
                .read_span(label.inner(), 0, 0)
                .expect("label inside the source");
            let name = contents.name().unwrap_or("?").to_owned();
            let text = files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| *t)
                .expect("named file");
            let (line, column) = line_column(text, label.offset());
            format!(
                "{code} {name}:{line}:{column} [{}]",
                label.label().unwrap_or("")
            )
        })
        .collect()
}

fn check(files: &[(&str, &str)], expected: &[&str]) {
    assert_eq!(problems(files), expected, "\nfor files: {files:#?}");
}

#[test]
fn a_valid_base_loads() {
    check(&[("f/people.yaml", PEOPLE)], &["ok"]);
}

#[test]
fn syntax_error() {
    check(
        &[("f/a.yaml", "entities:\n  - id: acme\n    name: [Acme\n")],
        &["facts::syntax f/a.yaml:4:1 [here]"],
    );
}

#[test]
fn unknown_field_points_at_the_key() {
    let text = "entities:\n  - id: acme\n    kind: organization\n    nmae: Acme\n";
    check(
        &[("f/a.yaml", text)],
        &["facts::schema f/a.yaml:4:5 [unknown field]"],
    );
}

#[test]
fn unknown_section() {
    check(
        &[("f/a.yaml", "entitys:\n  - id: acme\n")],
        &["facts::schema f/a.yaml:1:1 [not a section]"],
    );
}

#[test]
fn missing_field_and_wrong_type() {
    let text = "entities:\n  - id: acme\n    name: Acme\n  - id: bob\n    kind: person\n    name: Bob\n    aliases: Bobby\n";
    check(
        &[("f/a.yaml", text)],
        &[
            "facts::schema f/a.yaml:2:5 [in this item]",
            "facts::schema f/a.yaml:7:14 [here]",
        ],
    );
}

#[test]
fn duplicate_keys_are_detected() {
    let text =
        "entities:\n  - id: acme\n    kind: organization\n    name: Acme\n    name: Acme Corp\n";
    check(
        &[("f/a.yaml", text)],
        &["facts::duplicate_key f/a.yaml:5:5 [`name` again]"],
    );
}

#[test]
fn duplicate_ids_across_files() {
    let other = "events:\n  - { id: acme, subject: acme, date: 2021-01-01 }\n";
    check(
        &[("f/people.yaml", PEOPLE), ("f/z.yaml", other)],
        &["facts::duplicate_id f/z.yaml:2:11 [`acme` defined again]"],
    );
}

#[test]
fn unknown_entity_references() {
    let facts = "quantities:\n  - id: rev\n    subject: acme-corp\n    value: 5 million USD\n  - id: total\n    subject: acme\n    value: 5 million USD\n    sum_of: [rev, revenue]\n";
    check(
        &[("f/people.yaml", PEOPLE), ("f/q.yaml", facts)],
        &[
            "facts::unknown_id f/q.yaml:3:14 [no entity has this id]",
            "facts::unknown_id f/q.yaml:8:19 [no quantity has this id]",
        ],
    );
}

#[test]
fn role_of_unknown_entity() {
    let text = PEOPLE.replace("of: acme,", "of: acme-inc,");
    check(
        &[("f/people.yaml", &text)],
        &["facts::unknown_id f/people.yaml:10:27 [no entity has this id]"],
    );
}

#[test]
fn sum_of_that_does_not_add_up() {
    let facts = "quantities:\n  - { id: a, subject: acme, value: 50 billion CNY }\n  - { id: b, subject: acme, value: 40 billion CNY }\n  - { id: total, subject: acme, value: 100 billion CNY, sum_of: [a, b] }\n";
    check(
        &[("f/people.yaml", PEOPLE), ("f/q.yaml", facts)],
        &["facts::sum_mismatch f/q.yaml:4:40 [total]"],
    );
    let fixed = facts.replace("40 billion", "50 billion");
    check(&[("f/people.yaml", PEOPLE), ("f/q.yaml", &fixed)], &["ok"]);
}

#[test]
fn sum_of_parts_in_another_unit() {
    let facts = "quantities:\n  - { id: a, subject: acme, value: 50 billion USD }\n  - { id: total, subject: acme, value: 50 billion CNY, sum_of: [a] }\n";
    check(
        &[("f/people.yaml", PEOPLE), ("f/q.yaml", facts)],
        &["facts::invalid_amount f/q.yaml:3:40 [unit differs from a part]"],
    );
}

#[test]
fn unknown_currency_and_unit() {
    let facts = "quantities:\n  - { id: a, subject: acme, value: 5 billion CNX }\n  - { id: b, subject: acme, value: 5 billion Users }\n  - { id: c, subject: acme, value: five USD }\nrates:\n  - { base: USD, quote: RMB, rate: 6.45, on: 2021-09-03 }\n";
    check(
        &[("f/people.yaml", PEOPLE), ("f/q.yaml", facts)],
        &[
            "facts::invalid_amount f/q.yaml:2:36 [unknown currency or unit]",
            "facts::invalid_amount f/q.yaml:3:36 [unknown currency or unit]",
            "facts::invalid_amount f/q.yaml:4:36 [not an amount]",
            "facts::invalid_amount f/q.yaml:6:25 [unknown currency]",
        ],
    );
}

#[test]
fn impossible_dates() {
    let facts = "events:\n  - { id: e, subject: acme, date: 2021-02-30 }\nquantities:\n  - { id: q, subject: acme, value: 1 USD, period: 2021-Q5, date: 2021-13 }\n";
    check(
        &[("f/people.yaml", PEOPLE), ("f/e.yaml", facts)],
        &[
            "facts::invalid_date f/e.yaml:4:66 [not a valid date]",
            "facts::invalid_date f/e.yaml:4:51 [not a valid date]",
            "facts::invalid_date f/e.yaml:2:35 [not a valid date]",
        ],
    );
}

#[test]
fn role_ending_before_it_starts() {
    let text = PEOPLE.replace("from: 2019-03-01 }", "from: 2019-03-01, to: 2018 }");
    check(
        &[("f/people.yaml", &text)],
        &["facts::role_order f/people.yaml:10:55 [ends here]"],
    );
}

#[test]
fn alias_claimed_by_two_entities() {
    let other = "entities:\n  - id: acme-labs\n    kind: organization\n    name: Acme Labs\n    aliases: [Acme Corp]\n";
    check(
        &[("f/people.yaml", PEOPLE), ("f/z.yaml", other)],
        &["facts::alias_conflict f/z.yaml:5:15 [also claimed here]"],
    );
}

#[test]
fn empty_file_and_multiple_documents() {
    check(
        &[("f/a.yaml", "# nothing yet\n")],
        &["facts::empty_file [f/a.yaml holds no facts]"],
    );
    check(
        &[("f/a.yaml", "entities: []\n---\nentities: []\n")],
        &["facts::structure f/a.yaml:2:1 [here]"],
    );
}

#[test]
fn every_problem_is_collected_not_just_the_first() {
    let broken = "entities:\n  - id: acme\n    kind: company\n    name: Acme\nevents:\n  - { id: e, subject: nobody, date: 2021-02-29 }\nrates:\n  - { base: USD, quote: CNY, rate: -1, on: 2021 }\n";
    let found = problems(&[("f/a.yaml", broken)]);
    assert_eq!(found.len(), 4, "{found:#?}");
}

#[test]
fn alias_bombs_and_deep_nesting_are_refused_quickly() {
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 0..9 {
        let prev = if i == 0 {
            "a".to_owned()
        } else {
            format!("b{}", i - 1)
        };
        bomb.push_str(&format!(
            "b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    let found = problems(&[("f/a.yaml", &bomb)]);
    assert_ne!(found, vec!["ok".to_owned()]);
    let deep = format!("entities: {}", "[".repeat(500));
    let found = problems(&[("f/a.yaml", &deep)]);
    assert!(found[0].starts_with("facts::"), "{found:?}");
}

#[test]
fn rendered_diagnostics_name_file_line_and_label() {
    let text = "quantities:\n  - { id: a, subject: acme, value: 5 billion CNX }\n";
    let err = load_strs([("f/people.yaml", PEOPLE), ("f/q.yaml", text)]).unwrap_err();
    let mut out = String::new();
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, &err)
        .unwrap();
    insta::assert_snapshot!(out);
}

#[test]
fn aliases_are_refused_where_they_are_written() {
    let text = "entities:\n  - &acme {id: acme, kind: organization, name: Acme}\n  - id: beta\n    kind: organization\n    name: *acme\n";
    assert_eq!(
        problems(&[("f/a.yaml", text)]),
        ["facts::schema f/a.yaml:5:11 [here]"]
    );
    let err = load_strs([("f/a.yaml", text)]).unwrap_err();
    let message = err.problems[0].to_string();
    assert!(
        message.contains("aliases (`*name`) are not supported"),
        "{message}"
    );
}
