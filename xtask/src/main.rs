//! Project automation, run as `cargo xtask <task>`.
//!
//! `xtask` depends on no crate of the workspace: it drives cargo, so that it
//! builds in seconds and works even when the code does not compile.

use std::env;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

mod bench;
#[cfg(test)]
mod tidy;

const HELP: &str = "\
cargo xtask <task>

tasks:
  ci                   everything CI runs: fmt --check, clippy -D warnings, doc, codegen --check,
                       tests (INSTA_UPDATE=no)
  check                run `factcheck check` over sources/ exactly as CI does
  snapshots [--accept] re-render every report snapshot and show the differences for review;
                       --accept replaces the reviewed snapshots with the new ones
  codegen [--check]    regenerate the README's table of checks from the check files' docs
  bench [--articles N] [--scaling] [--keep]
                       throughput, memory and cold latency of a release build on a generated
                       corpus, beside typos, rg and cat when installed (target/bench/)
  fuzz TARGET [--seconds N] [--sanitizer none|address] [--max-len BYTES]
                       run a cargo-fuzz target (nightly; installs cargo-fuzz if missing) for N
                       seconds (default 60), with debug assertions (overflow checks) and, by
                       default, no sanitizer and libFuzzer's input length bound; prints `fuzz TARGET: N executions in S s, K
                       crashes`; targets: facts_loader, extract_text, extract_markdown,
                       number_roundtrip, sanitize, render
";

fn main() -> ExitCode {
    let task = env::args().nth(1);
    let result = match task.as_deref() {
        Some("ci") => ci(),
        Some("check") => run(
            "check",
            cargo().args(["run", "--quiet", "--release", "-p", "cli", "--", "check"]),
        ),
        Some("snapshots") => snapshots(env::args().any(|a| a == "--accept")),
        Some("codegen") => codegen(env::args().any(|a| a == "--check")),
        Some("bench") => bench::bench(&env::args().skip(2).collect::<Vec<_>>()),
        Some("fuzz") => fuzz(&env::args().skip(2).collect::<Vec<_>>()),
        None | Some("help" | "--help" | "-h") => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's folder).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn cargo() -> Command {
    let mut cmd = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

fn run(step: &str, cmd: &mut Command) -> Result<(), String> {
    eprintln!("\n== {step}");
    let status = cmd
        .status()
        .map_err(|e| format!("{step}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{step} failed ({status})"))
    }
}

fn ci() -> Result<(), String> {
    run("fmt", cargo().args(["fmt", "--all", "--check"]))?;
    run(
        "clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run(
        "doc",
        cargo()
            .args(["doc", "--workspace", "--no-deps", "--quiet"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )?;
    codegen(true)?;
    tests()
}

/// Runs one fuzz target with nightly for a while. New corpus entries land in
/// `fuzz/corpus/TARGET`, crashes in `fuzz/artifacts/TARGET`; commit crash
/// files (as `fuzz/corpus/TARGET/seed-*`) so that the stable replay test
/// guards them.
///
/// The default sanitizer is none: the workspace forbids `unsafe` code, and
/// AddressSanitizer made the slow targets five times slower, which costs far
/// more inputs than it could find. Debug assertions stay on, so integer
/// overflow panics.
fn fuzz(args: &[String]) -> Result<(), String> {
    let target = args
        .first()
        .filter(|t| !t.starts_with('-'))
        .ok_or("fuzz: name a target, e.g. `cargo xtask fuzz extract_text --seconds 600`")?;
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .map(|i| args.get(i + 1).ok_or(format!("fuzz: {name} needs a value")))
            .transpose()
    };
    let seconds = option("--seconds")?
        .map_or(Ok(60), |s| s.parse::<u64>())
        .map_err(|e| format!("fuzz: --seconds: {e}"))?;
    let sanitizer = option("--sanitizer")?.map_or("none", String::as_str);
    // libFuzzer's default is the longest corpus input; a smaller bound
    // trades long inputs for many more executions.
    let max_len = option("--max-len")?
        .map(|n| n.parse::<usize>())
        .transpose()
        .map_err(|e| format!("fuzz: --max-len: {e}"))?;
    if !["none", "address"].contains(&sanitizer) {
        return Err(format!(
            "fuzz: --sanitizer {sanitizer}: expected `none` or `address`"
        ));
    }
    let has_fuzz = Command::new("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_fuzz {
        run(
            "install cargo-fuzz",
            Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]),
        )?;
    }
    let fuzz_dir = root().join("fuzz");
    println!("== fuzz {target} for {seconds} s (sanitizer: {sanitizer})");
    let mut child = Command::new("cargo")
        .current_dir(&fuzz_dir)
        .args(["+nightly", "fuzz", "run", "--sanitizer", sanitizer])
        .args(["--debug-assertions", target.as_str(), "--"])
        .arg(format!("-max_total_time={seconds}"))
        .arg("-print_final_stats=1")
        .args(max_len.map(|n| format!("-max_len={n}")))
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("fuzz: cannot run cargo fuzz: {e}"))?;
    // libFuzzer reports on stderr: passed through, and its final stats kept.
    let mut executions = None;
    let mut crashes = 0;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                executions = n.trim().parse::<u64>().ok();
            }
            // Crash, timeout, leak and out-of-memory inputs are findings; a
            // `slow-unit-` is only a report (a paused process writes one).
            if let Some((_, written)) = line.split_once("Test unit written to ") {
                let name = written.rsplit('/').next().unwrap_or(written);
                if ["crash-", "timeout-", "leak-", "oom-"]
                    .iter()
                    .any(|p| name.starts_with(p))
                {
                    crashes += 1;
                }
            }
        }
    }
    let status = child.wait().map_err(|e| format!("fuzz: cargo fuzz: {e}"))?;
    let executions = executions.map_or("?".to_owned(), |n| n.to_string());
    println!("fuzz {target}: {executions} executions in {seconds} s, {crashes} crashes");
    if status.success() && crashes == 0 {
        Ok(())
    } else {
        Err(format!("fuzz {target}: {status}, {crashes} crashes"))
    }
}

/// Markers around the generated table in README.md.
const TABLE_START: &str = "<!-- checks:start (generated by `cargo xtask codegen`) -->";
const TABLE_END: &str = "<!-- checks:end -->";

/// The README's table of checks, from `factcheck explain --list` (which
/// reads the check files' docs).
fn checks_table() -> Result<String, String> {
    let out = cargo()
        .args(["run", "--quiet", "-p", "cli", "--", "explain", "--list"])
        .output()
        .map_err(|e| format!("codegen: cannot run factcheck: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "codegen: factcheck explain --list failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut table = String::from("| code | severity | what it reports |\n|---|---|---|\n");
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let mut parts = line.splitn(2, "  ");
        let code = parts.next().unwrap_or("").trim();
        let rest = parts.next().unwrap_or("").trim_start();
        let mut rest_parts = rest.splitn(2, "  ");
        let severity = rest_parts.next().unwrap_or("").trim();
        let summary = rest_parts.next().unwrap_or("").trim().replace('|', "\\|");
        if !code.is_empty() {
            table.push_str(&format!("| `{code}` | {severity} | {summary} |\n"));
        }
    }
    Ok(table)
}

/// Regenerates (or, with `check`, verifies) the README's table of checks.
fn codegen(check: bool) -> Result<(), String> {
    let readme_path = root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).map_err(|e| format!("codegen: {e}"))?;
    let (Some(start), Some(end)) = (readme.find(TABLE_START), readme.find(TABLE_END)) else {
        return Err(format!(
            "codegen: README.md lacks the markers {TABLE_START} ... {TABLE_END}"
        ));
    };
    let table = checks_table()?;
    let generated = format!(
        "{}{TABLE_START}\n{table}{}",
        &readme[..start],
        &readme[end..]
    );
    if generated == readme {
        return Ok(());
    }
    if check {
        return Err(
            "codegen: README.md's table of checks is out of date; run `cargo xtask codegen`".into(),
        );
    }
    std::fs::write(&readme_path, generated).map_err(|e| format!("codegen: {e}"))
}

/// Re-renders every snapshot into `.snap.new` files, shows how each differs
/// from the reviewed one, and replaces them with `accept`.
fn snapshots(accept: bool) -> Result<(), String> {
    eprintln!("\n== re-rendering snapshots");
    let status = cargo()
        .args(["test", "--quiet", "--workspace"])
        .env("INSTA_UPDATE", "new")
        .env("INSTA_FORCE_PASS", "1")
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("snapshots: {e}"))?;
    let mut pending = Vec::new();
    collect_pending(&root(), &mut pending);
    pending.sort();
    if pending.is_empty() {
        println!("snapshots: every snapshot is up to date");
        return if status.success() {
            Ok(())
        } else {
            Err("tests failed".into())
        };
    }
    for new in &pending {
        let old = new.with_extension("");
        let _ = Command::new("git")
            .args(["--no-pager", "diff", "--no-index", "--color=auto", "--"])
            .arg(&old)
            .arg(new)
            .status();
        if accept {
            std::fs::rename(new, &old).map_err(|e| format!("snapshots: {e}"))?;
        }
    }
    if accept {
        println!(
            "snapshots: accepted {} changed snapshot(s); review them in `git diff`",
            pending.len()
        );
        Ok(())
    } else {
        Err(format!(
            "{} snapshot(s) changed (shown above); review them, then run `cargo xtask snapshots --accept`",
            pending.len()
        ))
    }
}

fn collect_pending(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        if path.is_dir() {
            collect_pending(&path, out);
        } else if path.to_string_lossy().ends_with(".snap.new") {
            out.push(path);
        }
    }
}

/// Runs every test with snapshots frozen, echoing cargo's output, and ends
/// with one `N passed, N failed` line for the whole run.
fn tests() -> Result<(), String> {
    eprintln!("\n== test");
    let mut child = cargo()
        .args(["test", "--workspace", "--no-fail-fast"])
        .env("INSTA_UPDATE", "no")
        .env("INSTA_FORCE_PASS", "0")
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("test: cannot start: {e}"))?;
    let (mut passed, mut failed) = (0u64, 0u64);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(rest) = line.strip_prefix("test result: ") {
                passed += count(rest, " passed");
                failed += count(rest, " failed");
            }
        }
    }
    let status = child.wait().map_err(|e| format!("test: {e}"))?;
    println!("\nci: {passed} passed, {failed} failed");
    if status.success() && failed == 0 {
        Ok(())
    } else {
        Err("tests failed".into())
    }
}

/// The number before `label` in a cargo summary (`ok. 12 passed; 0 failed`).
fn count(summary: &str, label: &str) -> u64 {
    summary
        .split(';')
        .find_map(|part| {
            let part = part
                .trim()
                .trim_start_matches("ok. ")
                .trim_start_matches("FAILED. ");
            part.strip_suffix(label.trim_start())
                .and_then(|n| n.trim().parse().ok())
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_come_from_cargo_summaries() {
        let line =
            "ok. 12 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.1s";
        assert_eq!(count(line, " passed"), 12);
        assert_eq!(count(line, " failed"), 3);
        assert_eq!(count("FAILED. 1 passed; 2 failed;", " failed"), 2);
    }
}
