//! The machine formats (`jsonl`, `sarif`, `github`) over the real story:
//! every source in `sources/` checked against `facts/` together, as
//! `factcheck check` does.
//!
//! `fixtures/sarif-schema-2.1.0.json` is the SARIF 2.1.0 JSON schema as
//! shipped by Microsoft's SARIF SDK in the npm package
//! `@microsoft/sarif-multitool-linux` 5.7.0 (file `package/sarif-2.1.0.json`,
//! fetched with `npm pack`; sha256
//! 1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c). It is
//! the OASIS 2.1.0 schema with its `$schema` moved to draft 2020-12.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use checker::{Checked, Checker, Diagnostic, Severity, Source};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every source, as read.
fn sources() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            (
                format!("sources/{name}"),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

/// Checks these sources together against the story's facts.
fn check(sources: Vec<(String, String)>) -> Vec<Checked> {
    let base = facts::load_dir_named(&root().join("facts"), "facts").expect("facts/ loads");
    let checker = Checker::new(&base);
    let mut checked: Vec<Checked> = sources
        .into_iter()
        .map(|(path, text)| checker.check(Source { path, text }, None))
        .collect();
    checker::cross_check(&base, &mut checked);
    checked
}

fn run() -> Vec<Checked> {
    check(sources())
}

fn diagnostic_count(checked: &[Checked]) -> usize {
    checked.iter().map(|c| c.diagnostics.len()).sum()
}

fn schema_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json"))
        .expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_story_has_diagnostics_to_render() {
    assert!(diagnostic_count(&run()) >= 5);
}

// ---- SARIF ----

#[test]
fn sarif_is_valid_against_the_2_1_0_schema() {
    let validator = schema_validator();
    let all = run();
    let log: Value = serde_json::from_str(&report::sarif::render(&all)).unwrap();
    assert_eq!(schema_errors(&validator, &log), Vec::<String>::new());
    // Also each source alone, and an empty run.
    for c in &all {
        let log: Value =
            serde_json::from_str(&report::sarif::render(std::slice::from_ref(c))).unwrap();
        assert_eq!(schema_errors(&validator, &log), Vec::<String>::new());
    }
    let empty: Value = serde_json::from_str(&report::sarif::render(&[])).unwrap();
    assert_eq!(schema_errors(&validator, &empty), Vec::<String>::new());
}

#[test]
fn sarif_keeps_the_exact_words_of_a_hostile_article() {
    let all = hostile();
    let out = report::sarif::render(&all);
    assert!(!out.contains('\u{1b}') && !out.contains('\r'));
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        schema_errors(&schema_validator(), &log),
        Vec::<String>::new()
    );
    let results = log["runs"][0]["results"].as_array().unwrap();
    let c = &all[0];
    for (result, d) in results.iter().zip(&c.diagnostics) {
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "sources/a%2Cb%3Ac%25.txt"
        );
        assert_eq!(
            location["region"]["snippet"]["text"],
            &c.text[d.span.clone()]
        );
        assert_eq!(result["properties"]["found"], d.found.as_str());
    }
    assert!(
        results
            .iter()
            .any(|r| r["properties"]["found"] == "\u{1b}[31m50%, or: a lot\nat once\u{1b}[0m")
    );
}

#[test]
fn the_schema_check_is_not_vacuous() {
    let validator = schema_validator();
    let mut log: Value = serde_json::from_str(&report::sarif::render(&run())).unwrap();
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    log["runs"][0]["columnKind"] = "bytes".into();
    assert_eq!(schema_errors(&validator, &log).len(), 3);
    let no_version = serde_json::json!({ "runs": [] });
    assert!(!validator.is_valid(&no_version));
}

#[test]
fn sarif_run_rules_and_results() {
    let all = run();
    let log: Value = serde_json::from_str(&report::sarif::render(&all)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["$schema"], report::sarif::SCHEMA);
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "factcheck");
    assert!(driver.get("informationUri").is_none());
    assert_eq!(driver["semanticVersion"], report::sarif::VERSION);

    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let codes: Vec<&str> = checker::checks::CHECKS.iter().map(|c| c.code).collect();
    assert_eq!(ids, codes);
    for (rule, check) in rules.iter().zip(checker::checks::CHECKS) {
        assert_eq!(rule["shortDescription"]["text"], check.summary);
        assert_eq!(rule["help"]["markdown"], check.doc);
        let text = rule["help"]["text"].as_str().unwrap();
        assert!(text.contains("What it checks.") && !text.contains("**"));
        assert_eq!(
            rule["defaultConfiguration"]["level"],
            report::sarif::level(check.severity)
        );
    }

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), diagnostic_count(&all));
    let diagnostics = all
        .iter()
        .flat_map(|c| c.diagnostics.iter().map(move |d| (c, d)));
    for (result, (c, d)) in results.iter().zip(diagnostics) {
        // Every result has its rule.
        let id = result["ruleId"].as_str().unwrap();
        assert!(ids.contains(&id), "{id} has no rule");
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], id);
        assert_eq!(id, d.code);

        let level = result["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
        assert_eq!(level, report::sarif::level(d.severity));
        assert_eq!(result["message"]["text"], d.message.as_str());
        assert_eq!(result["properties"]["found"], d.found.as_str());

        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], c.path.as_str());
        let region = &location["region"];
        let (line, column) = facts::line_column(&c.text, d.span.start);
        let (end_line, end_column) = facts::line_column(&c.text, d.span.end);
        assert_eq!(region["startLine"], line);
        assert_eq!(region["startColumn"], column);
        assert_eq!(region["endLine"], end_line);
        assert_eq!(region["endColumn"], end_column);
        assert_eq!(region["byteOffset"], d.span.start);
        assert_eq!(region["byteLength"], d.span.len());
        assert_eq!(region["snippet"]["text"], &c.text[d.span.clone()]);

        let related = result
            .get("relatedLocations")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        assert_eq!(related, d.labels.len());
        for (r, l) in result
            .get("relatedLocations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .zip(&d.labels)
        {
            let uri = l.path.as_deref().unwrap_or(&c.path);
            assert_eq!(r["physicalLocation"]["artifactLocation"]["uri"], uri);
            assert_eq!(r["message"]["text"], l.message.as_str());
        }
        let print = result["partialFingerprints"]["factcheck/v1"]
            .as_str()
            .unwrap();
        let (hash, n) = print.split_once(':').unwrap();
        assert_eq!(hash.len(), 16);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(n.parse::<usize>().unwrap() >= 1);
    }
    // The story has cross-source findings; their labels point elsewhere.
    assert!(
        all.iter()
            .flat_map(|c| &c.diagnostics)
            .any(|d| d.labels.iter().any(|l| l.path.is_some()))
    );
}

#[test]
fn sarif_is_byte_identical_across_runs() {
    assert_eq!(report::sarif::render(&run()), report::sarif::render(&run()));
}

/// `(path, ruleId, fingerprint, startLine)` of every result.
fn fingerprinted(log: &str) -> Vec<(String, String, String, u64)> {
    let log: Value = serde_json::from_str(log).unwrap();
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                location["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                r["ruleId"].as_str().unwrap().to_owned(),
                r["partialFingerprints"]["factcheck/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                location["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_a_paragraph_inserted_at_the_top() {
    let original = sources();
    let before = fingerprinted(&report::sarif::render(&check(original.clone())));
    // Unique within each source.
    let prints: BTreeSet<(&str, &str)> = before
        .iter()
        .map(|(p, _, f, _)| (p.as_str(), f.as_str()))
        .collect();
    assert_eq!(prints.len(), before.len());
    let mut moved = 0;
    for i in 0..original.len() {
        let mut edited = original.clone();
        let text = &mut edited[i].1;
        // After the front matter, if any: the top of the article's body.
        let body = text
            .strip_prefix("---\n")
            .and_then(|rest| rest.find("\n---\n"))
            .map_or(0, |end| end + "---\n".len() + "\n---\n".len());
        text.insert_str(
            body,
            "An editor added this paragraph.\nIt spans two lines.\n\n",
        );
        let after = fingerprinted(&report::sarif::render(&check(edited)));
        let path = &original[i].0;
        // Every finding is still there under the same fingerprint, three
        // lines further down in the edited article. (The edit may add
        // findings: a dateline that is no longer the first line reads as
        // a claim.)
        for (p, rule, print, line) in &before {
            let found = after
                .iter()
                .find(|(q, r, f, _)| q == p && r == rule && f == print);
            let Some((.., new_line)) = found else {
                panic!("{rule} {print} in {p} lost its fingerprint when {path} was edited");
            };
            if p == path {
                assert_eq!(*new_line, line + 3, "{rule} {print} in {p}");
                moved += 1;
            }
        }
    }
    assert!(moved >= 5);
}

#[test]
fn fingerprints_change_when_the_finding_changes() {
    let original = sources();
    let all = check(original.clone());
    let (i, c) = all
        .iter()
        .enumerate()
        .find(|(_, c)| !c.diagnostics.is_empty())
        .unwrap();
    let d = &c.diagnostics[0];
    let before = report::sarif::fingerprints(c);
    // Another word right after the finding: its context changes.
    let mut edited = original;
    edited[i].1.insert_str(d.span.end, " indeed");
    let after = check(edited);
    let changed = &after[i];
    let same = changed
        .diagnostics
        .iter()
        .position(|e| e.code == d.code && e.span.start == d.span.start);
    let j = same.expect("the finding is still reported");
    assert_ne!(report::sarif::fingerprints(changed)[j], before[0]);
}

// ---- JSON Lines ----

#[test]
fn jsonl_one_valid_line_per_diagnostic() {
    let all = run();
    let out = report::jsonl::render(&all);
    assert!(out.ends_with('\n'));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), diagnostic_count(&all));
    let streamed: String = all
        .iter()
        .map(|c| report::jsonl::render_source(c, &all))
        .collect();
    assert_eq!(streamed, out);

    // Each line is the JSON report's diagnostic plus its path.
    let report: Value = serde_json::from_str(&report::json::render(&all)).unwrap();
    let expected: Vec<Value> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            let path = s["path"].clone();
            s["diagnostics"].as_array().unwrap().iter().map(move |d| {
                let mut d = d.clone();
                d["path"] = path.clone();
                d
            })
        })
        .collect();
    for (line, expected) in lines.iter().zip(&expected) {
        let value: Value = serde_json::from_str(line).unwrap();
        assert!(value.is_object());
        assert_eq!(&value, expected);
        for field in ["path", "code", "severity", "message", "span", "found"] {
            assert!(value.get(field).is_some(), "{field} missing in {line}");
        }
    }
    assert_eq!(report::jsonl::render(&run()), out);
}

// ---- GitHub annotations ----

/// An article whose found words hold an escape sequence, `%`, `,`, `:` and
/// a newline, under a path that needs escaping too.
fn hostile() -> Vec<Checked> {
    let text = "---\npublished: 2021-09-04\n---\n\n\
        Alibaba will invest $20 billion\nyuan in common prosperity.\n\n\
        Shares rose \u{1b}[31m50%, or: a lot\nat once\u{1b}[0m on Friday.\n";
    let mut all = check(vec![("sources/a,b:c%.txt".into(), text.into())]);
    let c = &mut all[0];
    // A real finding whose words span a line break.
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.code == "malformed-amount" && d.found.contains('\n'))
    );
    // And one whose words hold all the rest.
    let start = text.find('\u{1b}').unwrap();
    let end = text.rfind('m').unwrap() + 1;
    let found = text[start..end].to_owned();
    c.diagnostics.push(Diagnostic {
        code: "amount-mismatch",
        severity: Severity::Note,
        message: format!("\"{found}\" is not a number"),
        span: start..end,
        found: found.clone(),
        expected: Some("50%".into()),
        fact: None,
        labels: Vec::new(),
        help: Some(format!("see {found}")),
    });
    checker::sort(&mut c.diagnostics);
    all
}

#[test]
fn github_annotations_escape_and_neutralise_article_text() {
    let all = hostile();
    let out = report::github::render(&all);
    assert!(out.ends_with('\n'));
    let lines: Vec<&str> = out.split_terminator('\n').collect();
    assert_eq!(lines.len(), diagnostic_count(&all));
    for line in &lines {
        assert!(
            !line.chars().any(|c| c.is_control()),
            "a control character reached the log: {line:?}"
        );
        assert!(
            line.starts_with("::error file=sources/a%2Cb%3Ac%25.txt,line=")
                || line.starts_with("::warning file=sources/a%2Cb%3Ac%25.txt,line=")
                || line.starts_with("::notice file=sources/a%2Cb%3Ac%25.txt,line="),
            "{line}"
        );
    }
    let malformed = lines
        .iter()
        .find(|l| l.contains("title=malformed-amount::"))
        .unwrap();
    assert!(malformed.contains("::$20 billion%0Ayuan gives one number two currencies"));
    // A span over two lines has no columns.
    assert!(malformed.contains(",line=5,endLine=6,title="));

    let note = lines
        .iter()
        .find(|l| l.contains("is not a number"))
        .unwrap();
    assert_eq!(
        *note,
        "::notice file=sources/a%2Cb%3Ac%25.txt,line=8,endLine=9,title=amount-mismatch::\
         \"?[31m50%25, or: a lot%0Aat once?[0m\" is not a number%0A\
         help: see ?[31m50%25, or: a lot%0Aat once?[0m"
    );
}

#[test]
fn github_annotations_for_the_story() {
    let all = run();
    let out = report::github::render(&all);
    assert_eq!(out.lines().count(), diagnostic_count(&all));
    let diagnostics = all
        .iter()
        .flat_map(|c| c.diagnostics.iter().map(move |d| (c, d)));
    for (line, (c, d)) in out.lines().zip(diagnostics) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let (line_no, col) = facts::line_column(&c.text, d.span.start);
        let prefix = format!("::{command} file={},line={line_no},", c.path);
        assert!(line.starts_with(&prefix), "{line}");
        assert!(line.contains(&format!(",col={col},")) || !line.contains(",col="));
        assert!(line.contains(&format!(",title={}::", d.code)));
        assert!(!line.chars().any(|c| c.is_control()));
    }
}

/// The human report's `[path:line:column]` headers name the same places as
/// the JSON report, columns counted in characters (the story has curly
/// quotes and dashes before some findings).
#[test]
fn human_headers_and_json_agree_on_line_and_column() {
    let checked = run();
    let human = report::human::render(
        &checked,
        report::human::Options {
            style: report::human::Style::Plain,
            width: 400,
        },
    );
    let mut headers: Vec<(String, u64, u64)> = human
        .lines()
        .filter_map(|l| l.split_once("╭─[").map(|(_, rest)| rest))
        .filter_map(|rest| {
            let inside = rest.strip_suffix(']')?;
            let (place, column) = inside.rsplit_once(':')?;
            let (path, line) = place.rsplit_once(':')?;
            Some((path.to_owned(), line.parse().ok()?, column.parse().ok()?))
        })
        .collect();
    let json: Value = serde_json::from_str(&report::json::render(&checked)).unwrap();
    let mut places: Vec<(String, u64, u64)> = Vec::new();
    for source in json["sources"].as_array().unwrap() {
        for d in source["diagnostics"].as_array().unwrap() {
            places.push((
                source["path"].as_str().unwrap().to_owned(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
            ));
        }
    }
    headers.sort();
    places.sort();
    assert!(!places.is_empty());
    assert_eq!(headers, places);
}
