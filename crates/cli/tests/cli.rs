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

fn factcheck_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factcheck runs");
    let input = stdin.map(<[u8]>::to_vec);
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = input {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

#[test]
fn stdin_jsonl_streams_thousands_of_records_matching_per_file_reports() {
    let root = root();
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(root.join("sources")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        sources.push((name, std::fs::read_to_string(&path).unwrap()));
    }
    sources.sort();
    // Each source's diagnostics when checked alone (no cross-source run).
    let mut alone = Vec::new();
    for (name, _) in &sources {
        let out = factcheck(&["check", &format!("sources/{name}"), "--format", "json"]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        alone.push(report["sources"][0]["diagnostics"].clone());
    }
    let count = 2000;
    let mut input = String::new();
    for i in 0..count {
        let (name, text) = &sources[i % sources.len()];
        let record = serde_json::json!({ "path": format!("stream/{i:05}-{name}"), "text": text });
        input.push_str(&record.to_string());
        input.push('\n');
    }
    let out = factcheck_in(&root, &["check", "--stdin-jsonl"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), count);
    for (i, line) in lines.iter().enumerate() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            record["path"]
                .as_str()
                .unwrap()
                .starts_with(&format!("stream/{i:05}-")),
            "order kept"
        );
        assert_eq!(
            record["diagnostics"],
            alone[i % sources.len()],
            "record {i}"
        );
    }
}

#[test]
fn diff_of_two_reports_shows_exactly_what_an_edit_added_and_removed() {
    let root = root();
    let name = "002-financial-district-alibaba-promises-15-5b.txt";
    let original = std::fs::read_to_string(root.join("sources").join(name)).unwrap();
    // The edit fixes the conversion and breaks the headline figure, and a
    // paragraph added at the top moves every line.
    let edited = original
        .replace(
            "20 billion yuan ($12.5 billion)",
            "20 billion yuan ($3.1 billion)",
        )
        .replace("it will spend $15.5 billion", "it will spend $25.5 billion")
        .replacen(
            "• By The Financial District",
            "Updated.\n\n• By The Financial District",
            1,
        );
    let dir = temp_dir("diff");
    let facts = root.join("facts");
    let mut reports = Vec::new();
    for (label, text) in [("old", &original), ("new", &edited)] {
        let work = dir.join(label);
        std::fs::create_dir_all(work.join("sources")).unwrap();
        std::fs::write(work.join("sources").join(name), text).unwrap();
        let out = factcheck_in(
            &work,
            &[
                "check",
                &format!("sources/{name}"),
                "--format",
                "json",
                "--facts",
                facts.to_str().unwrap(),
            ],
            None,
        );
        let report = dir.join(format!("{label}.json"));
        std::fs::write(&report, &out.stdout).unwrap();
        reports.push(report);
    }
    let old = reports[0].to_str().unwrap();
    let new = reports[1].to_str().unwrap();
    let out = factcheck(&["diff", old, new]);
    let review = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "something was added: {review}");
    assert!(
        review.ends_with("1 added, 1 removed, 0 changed\n"),
        "{review}"
    );
    assert!(
        review.contains("+ error amount-mismatch") && review.contains("\"$25.5 billion\""),
        "{review}"
    );
    assert!(
        review.contains("- error conversion-inconsistent") && review.contains("\"$12.5 billion\""),
        "{review}"
    );
    let same = factcheck(&["diff", old, old]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(text(&same.stdout), "0 added, 0 removed, 0 changed\n");
    let json = text(&factcheck(&["diff", old, new, "--format", "json"]).stdout);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["added"].as_array().unwrap().len(), 1);
    let github = text(&factcheck(&["diff", old, new, "--format", "github"]).stdout);
    assert!(github.starts_with("::error file=sources/002"), "{github}");
    assert_eq!(
        factcheck(&["diff", old, "no/such.json"]).status.code(),
        Some(2)
    );
}

#[test]
fn explain_knows_every_code() {
    let list = text(&factcheck(&["explain", "--list"]).stdout);
    for code in ["amount-mismatch", "cross-source-conflict", "unknown-entity"] {
        assert!(list.contains(code));
        let out = factcheck(&["explain", code]);
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stdout).contains("Example."));
    }
    let out = factcheck(&["explain", "amount-missmatch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("did you mean amount-mismatch"));
}

/// A fresh scratch directory, removed when the test ends, even when it fails.
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(label: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("factcheck-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

#[test]
fn a_baseline_hides_known_discrepancies_and_shows_new_ones() {
    let dir = temp_dir("baseline");
    let base = dir.join("baseline.json");
    let out = factcheck(&["check", "--write-baseline", base.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "writing a baseline adopts the archive"
    );
    let out = factcheck(&["check", "--baseline", base.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let summary = text(&out.stdout);
    assert!(
        summary.contains(": 0 errors, 0 warnings, 0 notes, ") && summary.contains(" suppressed"),
        "{summary}"
    );
    // A new error in a copy of one article is reported despite the baseline.
    let root = root();
    let name = "002-financial-district-alibaba-promises-15-5b.txt";
    let work = dir.join("work");
    std::fs::create_dir_all(work.join("sources")).unwrap();
    let edited = std::fs::read_to_string(root.join("sources").join(name))
        .unwrap()
        .replace("it will spend $15.5 billion", "it will spend $25.5 billion");
    std::fs::write(work.join("sources").join(name), edited).unwrap();
    let facts = root.join("facts");
    let out = factcheck_in(
        &work,
        &[
            "check",
            &format!("sources/{name}"),
            "--facts",
            facts.to_str().unwrap(),
            "--baseline",
            base.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(
        report.contains("$25.5 billion") && !report.contains("not $12.5 billion"),
        "{report}"
    );
    assert_eq!(
        factcheck(&["check", "--baseline", "no/such.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn factcheck_toml_sets_defaults_and_per_source_ignores_need_reasons() {
    let dir = temp_dir("config");
    let root = root();
    let facts = root.join("facts");
    std::fs::copy(
        root.join("sources/002-financial-district-alibaba-promises-15-5b.txt"),
        dir.join("a.txt"),
    )
    .unwrap();
    let settings = format!(
        "facts = {:?}\nsources = [\"a.txt\"]\ndeny = \"error\"\n\n[[ignore]]\npath = \"a.txt\"\ncode = \"conversion-inconsistent\"\nreason = \"the wire's own figure, queried\"\n\n[[ignore]]\npath = \"a.txt\"\ncode = \"amount-mismatch\"\nreason = \"an editorial figure, queried\"\n",
        facts.to_str().unwrap()
    );
    std::fs::write(dir.join("factcheck.toml"), &settings).unwrap();
    let out = factcheck_in(&dir, &["check"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 suppressed"));
    let no_reason = settings.replace("reason = \"the wire's own figure, queried\"\n", "");
    std::fs::write(dir.join("factcheck.toml"), no_reason).unwrap();
    let out = factcheck_in(&dir, &["check"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("gives no reason"));
    std::fs::write(dir.join("factcheck.toml"), "factz = 1\n").unwrap();
    let out = factcheck_in(&dir, &["check"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("unknown field"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn output_files_are_written_whole() {
    let dir = temp_dir("output");
    let file = dir.join("report.json");
    let out = factcheck(&[
        "check",
        "--format",
        "json",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&written).is_ok());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    let out = factcheck(&["check", "--output", "/no/such/dir/report.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn inline_suppressions_in_markdown() {
    let dir = temp_dir("suppress");
    let root = root();
    let article = "---\npublished: 2021-09\noutlet: Test\n---\n<!-- factcheck-ignore name-garbled: house style glosses names -->\nThe CEO of the company Daniel Zhang (Daniel Zhang) spoke.\n\n<!-- factcheck-ignore name-misspelled -->\nPingduoduo grew.\n";
    std::fs::write(dir.join("a.md"), article).unwrap();
    let facts = root.join("facts");
    let out = factcheck_in(
        &dir,
        &[
            "check",
            "a.md",
            "--facts",
            facts.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = report["sources"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["suppression-without-reason", "name-misspelled"]);
    assert_eq!(report["summary"]["suppressed"], 1);
}

#[test]
fn every_format_renders_the_story() {
    for format in ["human", "plain", "json", "jsonl", "sarif", "github", "html"] {
        let out = factcheck(&["check", "--format", format]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: {}",
            text(&out.stderr)
        );
        let stdout = text(&out.stdout);
        assert!(stdout.contains("conversion-inconsistent"), "{format}");
        assert!(
            !stdout.contains('\u{1b}'),
            "{format}: no escape codes off a terminal"
        );
    }
    let out = factcheck(&["check", "--format", "yaml"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown format is a usage error"
    );
}

/// `factcheck check DIR --facts FACTS --format FORMAT` with `env` set: exit
/// code, stdout and stderr.
fn check_dir(
    dir: &Path,
    facts: &Path,
    format: &str,
    env: &[(&str, &str)],
) -> (Option<i32>, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args([
            "check",
            dir.to_str().unwrap(),
            "--facts",
            facts.to_str().unwrap(),
            "--format",
            format,
        ])
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (out.status.code(), out.stdout, text(&out.stderr))
}

#[test]
fn large_runs_stream_in_chunks_with_the_same_bytes() {
    let dir = temp_dir("chunks");
    let root = root();
    let article = std::fs::read_to_string(
        root.join("sources/002-financial-district-alibaba-promises-15-5b.txt"),
    )
    .unwrap();
    for i in 0..300 {
        std::fs::write(dir.join(format!("a{i:03}.txt")), &article).unwrap();
    }
    let facts = root.join("facts");
    let run = |limit: &str, format: &str| {
        check_dir(
            &dir,
            &facts,
            format,
            &[("FACTCHECK_CROSS_SOURCE_LIMIT", limit)],
        )
    };
    for format in ["json", "human", "jsonl"] {
        let (whole_code, whole, _) = run("100000", format);
        let (chunked_code, chunked, stderr) = run("10", format);
        assert!(stderr.contains("checking in chunks"), "{stderr}");
        assert_eq!(whole_code, chunked_code);
        assert!(
            whole == chunked,
            "{format}: streamed output differs from the whole run"
        );
    }
    let (_, json, _) = run("10", "json");
    let report: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(report["summary"]["sources"], 300);
}

#[test]
fn chunked_runs_report_problems_in_path_order_at_any_thread_count() {
    // Three chunks, each with a file that cannot be read and one with bad
    // front matter: chunks are checked on the pool, yet every problem is
    // reported in path order, the same at any thread count.
    let dir = temp_dir("chunk-problems");
    let root = root();
    let article = std::fs::read_to_string(
        root.join("sources/002-financial-district-alibaba-promises-15-5b.txt"),
    )
    .unwrap();
    for i in 0..600 {
        std::fs::write(dir.join(format!("a{i:03}.txt")), &article).unwrap();
    }
    for i in [5, 300, 590] {
        std::fs::write(dir.join(format!("a{i:03}b.txt")), b"Acme \xff\n").unwrap();
        std::fs::write(
            dir.join(format!("a{i:03}c.md")),
            format!("---\npublished: someday\n---\n{article}"),
        )
        .unwrap();
    }
    let facts = root.join("facts");
    let run = |threads: &str, format: &str| {
        let env = [
            ("FACTCHECK_CROSS_SOURCE_LIMIT", "10"),
            ("RAYON_NUM_THREADS", threads),
        ];
        check_dir(&dir, &facts, format, &env)
    };
    for format in ["human", "json"] {
        let (code, stdout, stderr) = run("1", format);
        assert_eq!(code, Some(2), "{format}: unreadable files make trouble");
        let named: Vec<usize> = [5, 300, 590]
            .iter()
            .flat_map(|i| [format!("a{i:03}b.txt"), format!("a{i:03}c.md")])
            .map(|name| {
                stderr
                    .find(&name)
                    .unwrap_or_else(|| panic!("{name}: {stderr}"))
            })
            .collect();
        assert!(
            named.is_sorted(),
            "{format}: problems in path order: {stderr}"
        );
        for threads in ["2", "3"] {
            assert!(
                run(threads, format) == (code, stdout.clone(), stderr.clone()),
                "{format}: {threads} threads give other bytes"
            );
        }
    }
}
