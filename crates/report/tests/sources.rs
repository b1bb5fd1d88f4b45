//! One snapshot per file in `sources/`: the report a user sees (plain,
//! fixed width) and the JSON report, both stored under the top-level
//! `snapshots/`. All sources are checked together, as `factcheck check`
//! does, so cross-source findings appear.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};

use checker::{Checked, Checker, Source};
use report::human::{Options, Style};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run() -> Vec<Checked> {
    let root = root();
    let base = facts::load_dir_named(&root.join("facts"), "facts").expect("facts/ loads");
    let checker = Checker::new(&base);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("sources"))
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
                    path: format!("sources/{name}"),
                    text: std::fs::read_to_string(p).unwrap(),
                },
                None,
            )
        })
        .collect();
    checker::cross_check(&base, &mut checked);
    checked
}

#[test]
fn every_source_matches_its_reviewed_snapshot() {
    let all = run();
    assert!(!all.is_empty());
    for c in &all {
        let name = c.path.trim_start_matches("sources/").to_owned();
        let one = std::slice::from_ref(c);
        let mut human = report::human::render_diagnostics(
            one,
            &all,
            Options {
                style: Style::Plain,
                width: 100,
            },
        );
        human.push_str(&report::Summary::of(one).line());
        human.push('\n');
        let json = report::json::render_selected(one, &all);
        insta::with_settings!({
            snapshot_path => root().join("snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{name}.report"), human);
            insta::assert_snapshot!(format!("{name}.json"), json);
            insta::assert_snapshot!(format!("{name}.claims"), report::claims_listing::human(c));
        });
    }
}

#[test]
fn json_is_byte_identical_across_runs() {
    assert_eq!(report::json::render(&run()), report::json::render(&run()));
}

#[test]
fn json_follows_the_documented_shape() {
    let value: serde_json::Value = serde_json::from_str(&report::json::render(&run())).unwrap();
    assert_eq!(value["version"], 1);
    let sources = value["sources"].as_array().unwrap();
    assert_eq!(
        sources.len(),
        value["summary"]["sources"].as_u64().unwrap() as usize
    );
    for key in [
        "sources", "claims", "verified", "errors", "warnings", "notes",
    ] {
        assert!(value["summary"][key].is_u64(), "summary.{key}");
    }
    let codes: Vec<&str> = checker::checks::CHECKS.iter().map(|c| c.code).collect();
    for source in sources {
        assert!(source["path"].is_string());
        assert!(source["claims"].is_u64() && source["verified"].is_u64());
        for d in source["diagnostics"].as_array().unwrap() {
            assert!(codes.contains(&d["code"].as_str().unwrap()), "{d}");
            assert!(["error", "warning", "note"].contains(&d["severity"].as_str().unwrap()));
            assert!(d["message"].is_string() && d["found"].is_string());
            for key in ["start", "end", "line", "column"] {
                assert!(d["span"][key].is_u64(), "span.{key} in {d}");
            }
            for optional in ["expected", "fact", "help"] {
                assert!(
                    d.get(optional).is_none_or(|v| v.is_string()),
                    "{optional} in {d}"
                );
            }
            if let Some(labels) = d.get("labels") {
                for l in labels.as_array().unwrap() {
                    assert!(l["span"]["start"].is_u64() && l["message"].is_string());
                }
            }
        }
    }
}

#[test]
fn spans_quote_the_found_words() {
    for c in run() {
        for d in &c.diagnostics {
            assert_eq!(&c.text[d.span.clone()], d.found, "{} {}", c.path, d.code);
        }
    }
}
