//! Hostile and broken input, end to end: one test per threat of sections
//! A–D of the reliability plan (`../shared/research/reliability.md`, issue
//! 7), named `threat_<id>_<what>` so that coverage can be listed with
//! `cargo test -p cli --test threats -- --list`.
//!
//! Every run of the binary goes through [`Run::expect`]: it must finish
//! within its time limit (the child is killed otherwise), exit with one of
//! the codes the threat allows (never 101, never a signal), and its stderr
//! must never contain `panicked at`. Fixtures are generated in a temporary
//! folder at test time (big files are sparse, made with `File::set_len`);
//! the static ones are under `tests/fixtures/threats/`: `facts/` is a small
//! invented fact base (Acme), so that only D1, D2 and D5, which are about
//! the bundled story's own output, depend on `sources/` and `facts/`.
//!
//! Not applicable yet, and why:
//! - Y9 (include path traversal): the facts format has no include
//!   directive; a facts folder is walked without following symlinked
//!   folders, which Y6 exercises.
//! - Y10 (user-supplied regexes): facts hold no patterns; names are matched
//!   literally (one Aho-Corasick automaton).
//! - I14 (hostile HTML input): articles are `.txt` and `.md` only; HTML
//!   inside Markdown is blanked, which I13 covers.
//! - O8 (progress bar pollution): there is no progress output.
//! - D4 (panics in worker threads): there is no fault-injection hook that
//!   makes a worker panic on demand.
//! - Section E (L1–L5): there is no LSP server.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long any run may take before it is killed and the test fails.
const LIMIT: Duration = Duration::from_secs(30);

/// The article size limit of `input.rs` (16 MiB).
const ARTICLE_LIMIT: u64 = 16 * 1024 * 1024;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/threats")
}

/// The invented fact base: Acme, 23.046 billion CNY of second-quarter
/// revenue, 12500 employees, a USD/CNY rate.
fn acme_facts() -> PathBuf {
    fixtures().join("facts")
}

fn acme_facts_arg() -> OsString {
    acme_facts().into_os_string()
}

// ---------------------------------------------------------------------------
// Running the binary under a guard

/// A temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(label: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("factcheck-threat-{label}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.0.join(name)
    }

    /// Writes `bytes` to `name` (creating folders) and returns the path.
    fn write(&self, name: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path
    }

    /// A sparse file of `len` bytes: instant, and takes no disk space.
    fn sparse(&self, name: impl AsRef<Path>, len: u64) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::File::create(&path).unwrap().set_len(len).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// One run of `factcheck`, configured before it starts.
struct Factcheck {
    dir: PathBuf,
    args: Vec<OsString>,
    envs: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
    stdout_file: Option<fs::File>,
    stdout_keep: Option<usize>,
    close_stderr: bool,
    limit: Duration,
    memory_cap_mib: Option<u64>,
}

/// `factcheck ARGS` in `dir`, with `NO_COLOR=1`.
fn factcheck<S: AsRef<OsStr>>(dir: &Path, args: impl IntoIterator<Item = S>) -> Factcheck {
    Factcheck {
        dir: dir.to_path_buf(),
        args: args.into_iter().map(|a| a.as_ref().to_owned()).collect(),
        envs: Vec::new(),
        stdin: None,
        stdout_file: None,
        stdout_keep: None,
        close_stderr: false,
        limit: LIMIT,
        memory_cap_mib: None,
    }
}

impl Factcheck {
    fn env(mut self, key: &str, value: &str) -> Self {
        self.envs.push((key.to_owned(), value.to_owned()));
        self
    }

    fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    fn limit(mut self, limit: Duration) -> Self {
        self.limit = limit;
        self
    }

    /// Caps the address space (`ulimit -v`, unix), so that a runaway
    /// allocation fails fast instead of eating the machine's memory.
    fn memory_cap_mib(mut self, mib: u64) -> Self {
        self.memory_cap_mib = Some(mib);
        self
    }

    fn stdout_to(mut self, file: fs::File) -> Self {
        self.stdout_file = Some(file);
        self
    }

    /// Reads at most `n` bytes of stdout, then closes the pipe (`| head -c n`).
    fn close_stdout_after(mut self, n: usize) -> Self {
        self.stdout_keep = Some(n);
        self
    }

    fn close_stderr(mut self) -> Self {
        self.close_stderr = true;
        self
    }

    fn command(&self) -> Command {
        let bin = env!("CARGO_BIN_EXE_factcheck");
        #[cfg(unix)]
        if let Some(mib) = self.memory_cap_mib {
            let mut command = Command::new("sh");
            command
                .arg("-c")
                .arg("ulimit -v \"$0\" 2>/dev/null; exec \"$@\"")
                .arg((mib * 1024).to_string())
                .arg(bin);
            return command;
        }
        Command::new(bin)
    }

    fn run(self) -> Run {
        let mut command = self.command();
        command
            .args(&self.args)
            .current_dir(&self.dir)
            .env("NO_COLOR", "1");
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        let what = format!(
            "factcheck {}",
            self.args
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let stdout = match self.stdout_file {
            Some(file) => Stdio::from(file),
            None => Stdio::piped(),
        };
        command.stdout(stdout);
        guarded(
            what,
            command,
            self.stdin,
            self.stdout_keep,
            self.close_stderr,
            self.limit,
        )
    }
}

/// What a run did.
struct Run {
    what: String,
    status: Option<ExitStatus>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    elapsed: Duration,
    limit: Duration,
}

fn shorten(text: &str) -> String {
    if text.len() <= 3000 {
        return text.to_owned();
    }
    let mut end = 3000;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... ({} bytes)", &text[..end], text.len())
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.and_then(|s| s.code())
    }

    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Finished in time, no panic, and an exit code among `codes`.
    fn expect(&self, codes: &[i32]) -> &Self {
        let what = shorten(&self.what);
        assert!(
            self.status.is_some(),
            "{what}: still running after {:?}, killed",
            self.limit
        );
        let stderr = self.stderr();
        assert!(
            !stderr.contains("panicked at"),
            "{what}: panicked\n{}",
            shorten(&stderr)
        );
        assert!(
            self.code().is_some_and(|c| codes.contains(&c)),
            "{what}: ended with {:?}, expected exit code {codes:?}\nstderr: {}",
            self.status,
            shorten(&stderr)
        );
        self
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "{}: stdout is not JSON ({e}): {}",
                self.what,
                shorten(&self.stdout())
            )
        })
    }
}

/// Spawns `command`, feeds it `stdin`, collects its output and kills it
/// after `limit`.
fn guarded(
    what: String,
    mut command: Command,
    stdin: Option<Vec<u8>>,
    stdout_keep: Option<usize>,
    close_stderr: bool,
    limit: Duration,
) -> Run {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = command.spawn().expect("factcheck starts");
    let writer = child.stdin.take().map(|mut pipe| {
        let bytes = stdin.unwrap_or_default();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let stdout = child.stdout.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            match stdout_keep {
                Some(n) => {
                    let _ = pipe.by_ref().take(n as u64).read_to_end(&mut bytes);
                }
                None => {
                    let _ = pipe.read_to_end(&mut bytes);
                }
            }
            bytes
        })
    });
    let stderr = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if !close_stderr {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    if let Some(w) = writer {
        let _ = w.join();
    }
    Run {
        what,
        status,
        stdout: stdout.map(|t| t.join().unwrap()).unwrap_or_default(),
        stderr: stderr.map(|t| t.join().unwrap()).unwrap_or_default(),
        elapsed,
        limit,
    }
}

// ---------------------------------------------------------------------------
// What the outputs must look like

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// Control characters (C0 but newline and tab, DEL, C1) and bidi controls:
/// none may reach a human-readable output.
fn is_terminal_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((at, c)) = text.char_indices().find(|(_, c)| is_terminal_unsafe(*c)) {
        let context: String = text[..at]
            .chars()
            .rev()
            .take(60)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .chain(text[at..].chars().take(20))
            .collect();
        panic!(
            "{what}: U+{:04X} reaches the terminal at byte {at}: {context:?}",
            u32::from(c),
        );
    }
}

/// The words each underline of miette's graphical output sits under, read
/// from the displayed source line just above it.
fn underlined_words(report: &str) -> Vec<String> {
    let lines: Vec<&str> = report.lines().collect();
    let mut words = Vec::new();
    for pair in lines.windows(2) {
        let (source, under) = (pair[0], pair[1]);
        let Some(bar) = source.find(" │ ") else {
            continue;
        };
        let gutter = source[..bar].trim();
        if gutter.is_empty() || !gutter.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let bar_at = source[..bar].chars().count() + 1;
        let under: Vec<char> = under.chars().collect();
        if under.get(bar_at) != Some(&'·') {
            continue;
        }
        let text: Vec<char> = source.chars().skip(bar_at + 2).collect();
        let marks = under.get(bar_at + 2..).unwrap_or(&[]);
        let mut i = 0;
        while i < marks.len() {
            if matches!(marks[i], '─' | '┬') {
                let start = i;
                while i < marks.len() && matches!(marks[i], '─' | '┬') {
                    i += 1;
                }
                words.push(text.get(start..i).unwrap_or(&[]).iter().collect());
            } else {
                i += 1;
            }
        }
    }
    words
}

/// The words each label of miette's narrated output points at, read from
/// the `snippet line` it names.
fn narrated_words(report: &str) -> Vec<String> {
    let mut lines = std::collections::BTreeMap::new();
    let mut words = Vec::new();
    for line in report.lines() {
        if let Some(rest) = line.strip_prefix("snippet line ") {
            if let Some((n, text)) = rest.split_once(": ") {
                lines.insert(n.to_owned(), text.chars().collect::<Vec<char>>());
            }
        } else if let Some(rest) = line.trim_start().strip_prefix("label at line ") {
            let Some((n, rest)) = rest.split_once(", ") else {
                continue;
            };
            let Some((cols, _label)) = rest.split_once(": ") else {
                continue;
            };
            let (from, to) = match cols.strip_prefix("columns ") {
                Some(range) => {
                    let (a, b) = range.split_once(" to ").unwrap();
                    (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap())
                }
                None => {
                    let a = cols.trim_start_matches("column ").parse::<usize>().unwrap();
                    (a, a)
                }
            };
            let text = &lines[n];
            words.push(text.get(from - 1..to).unwrap_or(&[]).iter().collect());
        }
    }
    words
}

/// Every diagnostic's span, read from the file, is its `found` text.
fn assert_spans_are_found_words(report: &Value, files: &Path) {
    for source in report["sources"].as_array().unwrap() {
        let path = files.join(source["path"].as_str().unwrap());
        let bytes = fs::read(&path).unwrap();
        for d in source["diagnostics"].as_array().unwrap() {
            let (start, end) = (
                d["span"]["start"].as_u64().unwrap() as usize,
                d["span"]["end"].as_u64().unwrap() as usize,
            );
            let words = String::from_utf8(bytes[start..end].to_vec()).unwrap();
            assert_eq!(
                words,
                d["found"].as_str().unwrap(),
                "{}: span {start}..{end}",
                path.display()
            );
        }
    }
}

fn diagnostics(report: &Value) -> Vec<&Value> {
    report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["diagnostics"].as_array().unwrap())
        .collect()
}

fn codes(report: &Value) -> Vec<String> {
    diagnostics(report)
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

fn report_paths(report: &Value) -> Vec<String> {
    report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap().to_owned())
        .collect()
}

/// Whether this process may read a file it has no permission for (root).
#[cfg(unix)]
fn permissions_are_bypassed(scratch: &Scratch) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = scratch.write("permission-probe", "x");
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let bypassed = fs::read(&probe).is_ok();
    let _ = fs::remove_file(&probe);
    bypassed
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// A file this process cannot read: mode 000, or for root (which reads
/// anything) a link to `/proc/self/mem`, whose first page is unmapped.
#[cfg(unix)]
fn unreadable(scratch: &Scratch, name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    if !permissions_are_bypassed(scratch) {
        let path = scratch.write(name, "Acme employs 12,500 employees.\n");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
        return Some(path);
    }
    let mem = Path::new("/proc/self/mem");
    if cfg!(target_os = "linux") && mem.exists() {
        let path = scratch.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(mem, &path).unwrap();
        return Some(path);
    }
    None
}

const GOOD: &str = "Acme employs 12,500 employees.\n";
const WRONG: &str = "Acme employs 13,500 employees.\n";

// ---------------------------------------------------------------------------
// A. Malicious or broken facts YAML

/// `factcheck facts check DIR` in the scratch folder.
fn facts_check(scratch: &Scratch, dir: &Path) -> Run {
    factcheck(
        scratch.path(),
        [OsStr::new("facts"), "check".as_ref(), dir.as_os_str()],
    )
    .run()
}

/// `factcheck claims FILE --format json` against the Acme facts.
fn claims_json(dir: &Path, file: &Path) -> Value {
    let run = factcheck(
        dir,
        [
            OsStr::new("claims"),
            file.as_os_str(),
            "--facts".as_ref(),
            acme_facts().as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
    )
    .run();
    run.expect(&[0]);
    run.json()
}

/// A folder holding one facts file with `text`.
fn facts_folder(scratch: &Scratch, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    scratch.write(Path::new(name).join("facts.yaml"), text);
    scratch.join(name)
}

#[test]
fn threat_y1_alias_bomb() {
    let scratch = Scratch::new("y1");
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        bomb.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    let top = facts_folder(&scratch, "top", &bomb);
    // The same bomb inside a section, where items are deserialised.
    let inside = format!(
        "entities:\n  - id: acme\n    kind: organization\n    name: Acme\n    aliases: *i\n    source: https://example.org\nanchors:\n{}",
        bomb.lines().map(|l| format!("  {l}\n")).collect::<String>()
    );
    let section = facts_folder(&scratch, "section", inside);
    let article = scratch.write("a.txt", GOOD);
    for dir in [&top, &section] {
        for args in [
            vec![OsString::from("facts"), OsString::from("check"), dir.into()],
            vec![
                "check".into(),
                article.clone().into(),
                "--facts".into(),
                dir.into(),
            ],
        ] {
            let run = factcheck(scratch.path(), &args)
                .limit(Duration::from_secs(10))
                .memory_cap_mib(1024)
                .run();
            run.expect(&[2]);
            let stderr = run.stderr();
            assert!(stderr.contains("facts.yaml"), "names the file: {stderr}");
            assert!(run.stdout.is_empty() || args[0] == "facts");
        }
    }
}

#[test]
fn threat_y6_problem_far_along_a_long_facts_line() {
    // A duplicate key at column 100,000 of a one-line flow mapping: the
    // error is located and drawn clipped, not echoed whole, and miette's
    // drawing (which panics past 65,535 columns) is never asked to.
    let scratch = Scratch::new("y6-long-line");
    let keys: String = (0..12_500).map(|i| format!("k{i:05}: 1, ")).collect();
    let dir = facts_folder(&scratch, "long", format!("{{{keys}k00000: 2}}\n"));
    let run = facts_check(&scratch, &dir);
    run.expect(&[2]);
    let stderr = run.stderr();
    assert!(
        stderr.contains("facts.yaml") && stderr.contains("`k00000` again"),
        "located: {}",
        shorten(&stderr)
    );
    let longest = stderr.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 1_000, "clipped, not {longest} bytes");
}

#[test]
fn threat_y2_deep_nesting() {
    let scratch = Scratch::new("y2");
    let flow = facts_folder(&scratch, "flow", "[".repeat(100_000) + "\n");
    let mut block = String::from("entities:\n");
    for depth in 0..2000 {
        block.push_str(&"  ".repeat(depth + 1));
        block.push_str("k:\n");
    }
    block.push_str(&"  ".repeat(2001));
    block.push_str("v\n");
    let block = facts_folder(&scratch, "block", block);
    let braces = facts_folder(&scratch, "braces", "{a: ".repeat(50_000) + "\n");
    for dir in [flow, block, braces] {
        let run = facts_check(&scratch, &dir);
        run.expect(&[2]);
        let stderr = run.stderr();
        assert!(
            stderr.contains("facts.yaml"),
            "names the file: {}",
            shorten(&stderr)
        );
        assert!(
            stderr.contains("nesting deeper") || stderr.contains("recursion limit"),
            "says why: {}",
            shorten(&stderr)
        );
    }
}

#[test]
fn threat_y3_huge_numbers_and_precision() {
    let scratch = Scratch::new("y3");
    let entity = "entities:\n  - {id: acme, kind: organization, name: Acme Corporation, aliases: [Acme], source: https://x}\n";
    let broken = facts_folder(
        &scratch,
        "broken",
        format!(
            "{entity}quantities:
  - {{id: q1, subject: acme, cues: [revenue], value: 123456789012345678901234567890123 CNY, source: https://x}}
  - {{id: q2, subject: acme, cues: [revenue], value: 1e400 CNY, source: https://x}}
  - {{id: q3, subject: acme, cues: [revenue], value: .nan, source: https://x}}
  - {{id: q4, subject: acme, cues: [revenue], value: 79228162514264337593543950335 trillion CNY, source: https://x}}
  - {{id: q5, subject: acme, cues: [revenue], value: ٣٤ CNY, source: https://x}}
rates:
  - {{base: USD, quote: CNY, rate: 1e400, on: 2021-09-03, source: https://x}}
  - {{base: USD, quote: EUR, rate: .inf, on: 2021-09-03, source: https://x}}
  - {{base: USD, quote: HKD, rate: 7.8, on: 2021-09-03, tolerance: 1e400%, source: https://x}}
"
        ),
    );
    let run = facts_check(&scratch, &broken);
    run.expect(&[2]);
    let stderr = run.stderr();
    assert!(stderr.contains("the fact base has 8 problems"), "{stderr}");
    for value in [
        "123456789012345678901234567890123 CNY",
        "1e400 CNY",
        ".nan",
        "79228162514264337593543950335 trillion CNY",
        "٣٤ CNY",
        "`1e400`",
        "`.inf`",
        "`1e400%`",
    ] {
        assert!(stderr.contains(value), "reports {value}: {stderr}");
    }
    // A number too large for any integer type is read from its digits
    // (the largest decimal): it loads, and converting with it overflows
    // into checked arithmetic, not a panic.
    let too_big = facts_folder(
        &scratch,
        "too-big",
        format!(
            "{entity}rates:\n  - {{base: USD, quote: CNY, rate: 79228162514264337593543950335, on: 2021-09-03, source: https://x}}\n"
        ),
    );
    facts_check(&scratch, &too_big).expect(&[0]);
    let article = scratch.write(
        "convert.txt",
        "---\npublished: 2021-09-03\n---\nAcme paid 100 billion yuan ($15.5 billion) on Friday.\n",
    );
    factcheck(
        scratch.path(),
        [
            OsStr::new("check"),
            article.as_os_str(),
            "--facts".as_ref(),
            too_big.as_os_str(),
        ],
    )
    .run()
    .expect(&[0, 1]);

    // Numbers keep the digits they are written with: never through f64.
    let exact = facts_folder(
        &scratch,
        "exact",
        format!(
            "{entity}quantities:
  - {{id: acme-revenue, subject: acme, cues: [revenue], value: 15.50 billion CNY, source: https://x}}
  - {{id: acme-margin, subject: acme, cues: [margin], value: 12.345678901234567891 percent, source: https://x}}
  - {{id: acme-staff, subject: acme, cues: [employs], value: 1234567890123456789 employees, source: https://x}}
"
        ),
    );
    let article = scratch.write(
        "exact.txt",
        "Acme revenue was 15.50 billion yuan.\n\nAcme margin was 12.345678901234567891%.\n\n\
         Acme employs 1,234,567,890,123,456,789 employees.\n\n\
         Acme revenue was 15.51 billion yuan.\n\nAcme margin was 12.345678901234567892%.\n\n\
         Acme employs 1,234,567,890,123,456,788 employees.\n",
    );
    let run = factcheck(
        scratch.path(),
        [
            OsStr::new("check"),
            article.as_os_str(),
            "--facts".as_ref(),
            exact.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
    )
    .run();
    run.expect(&[1]);
    let report = run.json();
    let messages: Vec<&str> = diagnostics(&report)
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(
        messages[0].ends_with("the facts say 15.50 billion yuan"),
        "{messages:#?}"
    );
    assert!(
        messages[1].ends_with("the facts say 12.345678901234567891%"),
        "{messages:#?}"
    );
    assert!(
        messages[2].ends_with("the facts say 1,234,567,890,123,456,789 employees"),
        "{messages:#?}"
    );
    assert_eq!(report["summary"]["verified"], 3, "the exact values verify");
}

#[test]
fn threat_y4_duplicate_keys() {
    let scratch = Scratch::new("y4");
    let dup_field = facts_folder(
        &scratch,
        "field",
        "entities:\n  - id: acme\n    kind: organization\n    name: Acme\n    name: Acme Corporation\n    source: https://x\n",
    );
    let dup_section = facts_folder(
        &scratch,
        "section",
        "entities:\n  - {id: acme, kind: organization, name: Acme, source: https://x}\nentities:\n  - {id: beta, kind: organization, name: Beta, source: https://x}\n",
    );
    let dup_id = scratch.join("id");
    scratch.write(
        "id/a.yaml",
        "entities:\n  - {id: acme, kind: organization, name: Acme, source: https://x}\n",
    );
    scratch.write(
        "id/b.yaml",
        "entities:\n  - {id: acme, kind: organization, name: Acme Two, source: https://x}\n",
    );
    for (dir, key, line) in [
        (dup_field, "duplicate key `name`", "line 5"),
        (dup_section, "duplicate key `entities`", "line 3"),
        (dup_id, "acme", "b.yaml"),
    ] {
        let run = facts_check(&scratch, &dir);
        run.expect(&[2]);
        let stderr = run.stderr();
        assert!(stderr.contains(key), "{key}: {stderr}");
        assert!(stderr.contains(line), "located at {line}: {stderr}");
    }
}

#[test]
fn threat_y5_unknown_fields() {
    let scratch = Scratch::new("y5");
    let dir = facts_folder(
        &scratch,
        "facts",
        "entities:\n  - {id: acme, kind: organization, name: Acme, source: https://x}\nquantities:\n  - id: acme-revenue\n    subject: acme\n    revenu: 5\n    value: 5 CNY\n    source: https://x\n",
    );
    let run = facts_check(&scratch, &dir);
    run.expect(&[2]);
    let stderr = run.stderr();
    assert!(stderr.contains("unknown field `revenu`"), "{stderr}");
    assert!(
        stderr.contains("label at line 6, columns 5 to 10"),
        "{stderr}"
    );
    assert!(stderr.contains("facts.yaml"), "{stderr}");
}

#[test]
fn threat_y6_huge_or_endless_facts_files() {
    let scratch = Scratch::new("y6");
    scratch.write(
        "facts/a.yaml",
        "entities:\n  - {id: acme, kind: organization, name: Acme, source: https://x}\n",
    );
    scratch.sparse("facts/big.yaml", 2 << 30);
    #[cfg(unix)]
    {
        // Neither a FIFO nor a device is read as a facts file.
        if Path::new("/dev/zero").exists() {
            std::os::unix::fs::symlink("/dev/zero", scratch.join("facts/zero.yaml")).unwrap();
        }
        mkfifo(&scratch.join("facts/pipe.yaml"));
    }
    let dir = scratch.join("facts");
    let run = factcheck(
        scratch.path(),
        [OsStr::new("facts"), "check".as_ref(), dir.as_os_str()],
    )
    .limit(Duration::from_secs(10))
    .memory_cap_mib(1024)
    .run();
    run.expect(&[2]);
    let stderr = run.stderr();
    assert!(stderr.contains("big.yaml is 2147483648 bytes"), "{stderr}");
    assert!(stderr.contains("limit"), "{stderr}");
}

#[test]
fn threat_y7_non_utf8_utf16_and_bom_facts() {
    let scratch = Scratch::new("y7");
    let latin = facts_folder(
        &scratch,
        "latin",
        b"entities:\n  - id: acme\n    name: \xff\xfe\n",
    );
    let utf16: Vec<u8> =
        "\u{feff}entities:\n  - {id: acme, kind: organization, name: Acme, source: https://x}\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
    let utf16 = facts_folder(&scratch, "utf16", utf16);
    for (dir, offset) in [(latin, "offset 33"), (utf16, "offset 0")] {
        let run = facts_check(&scratch, &dir);
        run.expect(&[2]);
        let stderr = run.stderr();
        assert!(stderr.contains("facts.yaml is not UTF-8"), "{stderr}");
        assert!(stderr.contains(offset), "{offset}: {stderr}");
    }
    // A UTF-8 BOM is accepted, and positions after it stay right.
    let bom = facts_folder(
        &scratch,
        "bom",
        "\u{feff}entities:\n  - id: acme\n    nmae: Acme\n    kind: organization\n    name: Acme\n    source: https://x\n",
    );
    let run = facts_check(&scratch, &bom);
    run.expect(&[2]);
    let stderr = run.stderr();
    assert!(stderr.contains("unknown field `nmae`"), "{stderr}");
    assert!(
        stderr.contains("label at line 3, columns 5 to 8"),
        "{stderr}"
    );
    let fine = facts_folder(
        &scratch,
        "fine",
        "\u{feff}entities:\n  - {id: acme, kind: organization, name: Acme, source: https://x}\n",
    );
    facts_check(&scratch, &fine).expect(&[0]);
}

#[test]
fn threat_y8_multi_document_and_empty_facts() {
    let scratch = Scratch::new("y8");
    let cases = [
        (
            "multi",
            "entities: []\n---\nentities: []\n",
            "more than one YAML document",
        ),
        ("empty", "", "holds no facts"),
        ("comment", "\n# only a comment\n", "holds no facts"),
        (
            "scalar",
            "just text\n",
            "a facts file is a mapping of sections",
        ),
        ("nothing", "entities:\n", "facts.yaml"),
    ];
    for (name, text, says) in cases {
        let dir = facts_folder(&scratch, name, text);
        let run = facts_check(&scratch, &dir);
        run.expect(&[0, 2]);
        let stderr = run.stderr();
        if name != "nothing" {
            assert_eq!(run.code(), Some(2), "{name}");
            assert!(stderr.contains(says), "{name}: {stderr}");
            assert!(
                stderr.contains("facts.yaml"),
                "{name} names the file: {stderr}"
            );
        }
    }
    let empty_folder = scratch.join("no-yaml");
    fs::create_dir_all(&empty_folder).unwrap();
    let run = factcheck(
        scratch.path(),
        [
            OsStr::new("facts"),
            "check".as_ref(),
            empty_folder.as_os_str(),
        ],
    )
    .run();
    run.expect(&[2]);
    assert!(run.stderr().contains("no-yaml"), "{}", run.stderr());
}

// ---------------------------------------------------------------------------
// B. Article inputs

fn check_args(paths: &[&Path], rest: &[&str]) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["check".into()];
    args.extend(paths.iter().map(|p| p.as_os_str().to_owned()));
    args.push("--facts".into());
    args.push(acme_facts_arg());
    args.extend(rest.iter().map(OsString::from));
    args
}

#[test]
fn threat_i1_invalid_utf8_article() {
    let scratch = Scratch::new("i1");
    let bad = scratch.write("bad.txt", b"Acme paid $5 \xff\xfe million\n");
    let good = scratch.write("good.txt", WRONG);
    let run = factcheck(
        scratch.path(),
        check_args(&[&bad, &good], &["--format", "json"]),
    )
    .run();
    run.expect(&[2]);
    let stderr = run.stderr();
    assert!(stderr.contains("bad.txt is not UTF-8"), "{stderr}");
    assert!(stderr.contains("offset 13"), "{stderr}");
    let report = run.json();
    assert_eq!(
        report["summary"]["sources"], 1,
        "the good file is still checked"
    );
    assert_eq!(codes(&report), ["amount-mismatch"]);
    // Alone, and in a walked folder.
    factcheck(scratch.path(), check_args(&[&bad], &[]))
        .run()
        .expect(&[2]);
    factcheck(scratch.path(), check_args(&[scratch.path()], &[]))
        .run()
        .expect(&[2]);
}

#[test]
fn threat_i2_utf16_and_bom_articles() {
    let scratch = Scratch::new("i2");
    let utf16: Vec<u8> = "\u{feff}Acme employs 12,500 employees.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16 = scratch.write("utf16.txt", utf16);
    let run = factcheck(scratch.path(), check_args(&[&utf16], &[])).run();
    run.expect(&[2]);
    assert!(run.stderr().contains("utf16.txt"), "{}", run.stderr());

    // A UTF-8 BOM: columns count what an editor shows (the BOM is not a
    // character of the text), spans stay byte offsets into the file.
    let bom = scratch.write("bom.txt", format!("\u{feff}{WRONG}"));
    let run = factcheck(scratch.path(), check_args(&[&bom], &["--format", "json"])).run();
    run.expect(&[1]);
    let report = run.json();
    assert_spans_are_found_words(&report, scratch.path());
    let d = diagnostics(&report)[0].clone();
    assert_eq!(d["found"], "13,500 employees");
    assert_eq!(
        d["span"]["column"], 14,
        "the column after a BOM is the column an editor shows: {d}"
    );
    // Front matter after a BOM is still front matter.
    let md = scratch.write(
        "bom.md",
        format!("\u{feff}---\npublished: 2021-09-04\n---\n{WRONG}"),
    );
    let run = factcheck(scratch.path(), check_args(&[&md], &["--format", "json"])).run();
    run.expect(&[1]);
    let report = run.json();
    assert_eq!(
        report["sources"][0]["published"], "2021-09-04",
        "front matter read despite the BOM: {report}"
    );
    let claims = claims_json(scratch.path(), &md);
    let from_front_matter: Vec<&Value> = claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["span"]["line"].as_u64() < Some(4))
        .collect();
    assert!(
        from_front_matter.is_empty(),
        "nothing is extracted from the front matter: {from_front_matter:?}"
    );
}

#[test]
fn threat_i3_binary_articles() {
    let scratch = Scratch::new("i3");
    let mut noise = Vec::new();
    let mut x: u32 = 0x1234_5678;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push((x >> 24) as u8);
    }
    noise[100] = 0;
    let random = scratch.write("corpus/random.md", noise);
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    let png = scratch.write("corpus/picture.txt", png);
    scratch.write("corpus/good.txt", WRONG);
    for file in [&random, &png] {
        let run = factcheck(scratch.path(), check_args(&[file], &[])).run();
        run.expect(&[2]);
        let name = file.file_name().unwrap().to_str().unwrap();
        assert!(
            run.stderr().contains(&format!("{name} looks binary")),
            "{}",
            run.stderr()
        );
    }
    let run = factcheck(
        scratch.path(),
        check_args(&[Path::new("corpus")], &["--format", "json"]),
    )
    .run();
    run.expect(&[2]);
    let report = run.json();
    assert_eq!(report_paths(&report).len(), 1, "the text file is checked");
    assert!(report_paths(&report)[0].ends_with("good.txt"));
}

#[test]
fn threat_i4_empty_and_whitespace_articles() {
    let scratch = Scratch::new("i4");
    let files = [
        scratch.write("empty.md", ""),
        scratch.write("empty.txt", ""),
        scratch.write("newlines.md", "\n\n"),
        scratch.write("spaces.txt", "   \t  \n \n"),
        scratch.write("crlf.txt", "\r\n\r\n"),
        scratch.write("front-only.md", "---\npublished: 2021-09\n---"),
        scratch.write("front-empty.md", "---\n---\n"),
        scratch.write("dashes.md", "---"),
        scratch.write("one-char.txt", "A"),
    ];
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    for format in ["human", "plain", "json", "jsonl", "sarif", "github", "html"] {
        let run = factcheck(scratch.path(), check_args(&paths, &["--format", format])).run();
        run.expect(&[0]);
    }
    let run = factcheck(scratch.path(), check_args(&paths, &["--format", "json"])).run();
    assert_eq!(run.json()["summary"]["sources"], files.len());
    assert!(codes(&run.json()).is_empty());
    for file in &files {
        factcheck(
            scratch.path(),
            [
                OsStr::new("claims"),
                file.as_os_str(),
                "--facts".as_ref(),
                acme_facts().as_os_str(),
            ],
        )
        .run()
        .expect(&[0]);
    }
}

#[test]
fn threat_i5_oversized_articles_are_refused_before_reading() {
    let scratch = Scratch::new("i5");
    let huge = scratch.sparse("huge.txt", 5 << 30);
    scratch.sparse("corpus/huge.md", 5 << 30);
    scratch.write("corpus/good.txt", GOOD);
    let just_over = scratch.sparse("just-over.txt", ARTICLE_LIMIT + 1);
    for path in [&huge, &scratch.join("corpus"), &just_over] {
        let run = factcheck(scratch.path(), check_args(&[path], &[]))
            .limit(Duration::from_secs(10))
            .memory_cap_mib(1024)
            .run();
        run.expect(&[2]);
        let stderr = run.stderr();
        assert!(
            stderr.contains("bytes, more than the 16777216-byte limit"),
            "{stderr}"
        );
    }
    // No size to ask for: reading must stop at the limit.
    #[cfg(unix)]
    if Path::new("/dev/zero").exists() {
        let run = factcheck(scratch.path(), check_args(&[Path::new("/dev/zero")], &[]))
            .limit(Duration::from_secs(10))
            .memory_cap_mib(1024)
            .run();
        run.expect(&[2]);
        let stderr = run.stderr();
        assert!(
            stderr.contains("/dev/zero")
                && (stderr.contains("limit") || stderr.contains("not a regular file")),
            "/dev/zero is refused (at the size limit, or as no regular file), not read until memory runs out: {stderr}"
        );
    }
}

#[test]
fn threat_i5_stdin_jsonl_record_over_the_size_limit() {
    let scratch = Scratch::new("i5-stream");
    let mut input = Vec::with_capacity(ARTICLE_LIMIT as usize + 4096);
    input.extend_from_slice(br#"{"path":"big","text":""#);
    input.resize(input.len() + ARTICLE_LIMIT as usize + 1024, b' ');
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(br#"{"path":"after","text":"Acme employs 13,500 employees."}"#);
    input.push(b'\n');
    let run = factcheck(
        scratch.path(),
        [
            OsString::from("check"),
            "--stdin-jsonl".into(),
            "--facts".into(),
            acme_facts_arg(),
        ],
    )
    .stdin(input)
    .run();
    run.expect(&[2]);
    let stderr = run.stderr();
    assert!(
        stderr.contains("line 1") && stderr.contains("limit"),
        "a record larger than an article may be is refused: {stderr}"
    );
    let stdout = run.stdout();
    assert!(
        stdout.contains("\"path\":\"after\""),
        "the stream goes on: {stdout}"
    );
}

#[cfg(unix)]
#[test]
fn threat_i6_fifo_socket_and_device_in_a_walked_folder() {
    let scratch = Scratch::new("i6");
    scratch.write("corpus/good.txt", WRONG);
    assert!(mkfifo(&scratch.join("corpus/pipe.md")), "mkfifo");
    std::os::unix::fs::symlink("pipe.md", scratch.join("corpus/pipe-link.txt")).unwrap();
    let _socket =
        std::os::unix::net::UnixListener::bind(scratch.join("corpus/socket.txt")).unwrap();
    if Path::new("/dev/zero").exists() {
        std::os::unix::fs::symlink("/dev/zero", scratch.join("corpus/zero.txt")).unwrap();
    }
    let run = factcheck(
        scratch.path(),
        check_args(&[Path::new("corpus")], &["--format", "json"]),
    )
    .limit(Duration::from_secs(10))
    .memory_cap_mib(1024)
    .run();
    run.expect(&[1]);
    let report = run.json();
    assert_eq!(report_paths(&report), ["corpus/good.txt"]);
}

#[cfg(unix)]
#[test]
fn threat_i7_symlink_loops_terminate() {
    use std::os::unix::fs::symlink;
    let scratch = Scratch::new("i7");
    scratch.write("t/a/x.txt", WRONG);
    fs::create_dir_all(scratch.join("t/a/b")).unwrap();
    symlink("../../a", scratch.join("t/a/b/loop")).unwrap();
    symlink("..", scratch.join("t/a/up")).unwrap();
    symlink("l2.txt", scratch.join("t/l1.txt")).unwrap();
    symlink("l1.txt", scratch.join("t/l2.txt")).unwrap();
    symlink("self.md", scratch.join("t/self.md")).unwrap();
    let run = factcheck(
        scratch.path(),
        check_args(&[Path::new("t")], &["--format", "json"]),
    )
    .run();
    run.expect(&[1, 2]);
    let report = run.json();
    assert_eq!(
        report_paths(&report),
        ["t/a/x.txt"],
        "the article is checked once, through no loop"
    );
    let run = factcheck(scratch.path(), check_args(&[Path::new("t/l1.txt")], &[])).run();
    run.expect(&[2]);
    assert!(run.stderr().contains("cannot read"), "{}", run.stderr());
}

/// A folder chain deeper than the walker reads is reported, not skipped in
/// silence, and the shallow articles are still checked.
#[test]
fn threat_i7_folders_nested_too_deep_are_reported() {
    let scratch = Scratch::new("i7-deep");
    scratch.write("t/top.txt", WRONG);
    let deep: PathBuf = std::iter::once("t".to_owned())
        .chain((0..40).map(|i| format!("d{i}")))
        .collect();
    scratch.write(deep.join("deep.txt"), WRONG);
    let run = factcheck(
        scratch.path(),
        check_args(&[Path::new("t")], &["--format", "json"]),
    )
    .run();
    run.expect(&[1]);
    assert_eq!(report_paths(&run.json()), ["t/top.txt"]);
    let stderr = run.stderr();
    assert!(
        stderr.contains("not read: folders nested deeper than 32 levels"),
        "{stderr}"
    );
}

#[test]
fn threat_i8_unreadable_and_vanishing_files() {
    let scratch = Scratch::new("i8");
    scratch.write("corpus/a.txt", WRONG);
    scratch.write("corpus/z.txt", GOOD);
    #[cfg(unix)]
    if let Some(secret) = unreadable(&scratch, "corpus/secret.md") {
        let run = factcheck(
            scratch.path(),
            check_args(&[Path::new("corpus")], &["--format", "json"]),
        )
        .run();
        run.expect(&[2]);
        assert!(
            run.stderr().contains("cannot read corpus/secret.md"),
            "{}",
            run.stderr()
        );
        assert_eq!(report_paths(&run.json()), ["corpus/a.txt", "corpus/z.txt"]);
        fs::remove_file(secret).unwrap();
    }
    // Files deleted and recreated while runs read the folder.
    let churn = scratch.join("churn");
    for i in 0..300 {
        scratch.write(format!("churn/{i:03}.txt"), WRONG);
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let vandal = {
        let stop = stop.clone();
        let churn = churn.clone();
        std::thread::spawn(move || {
            let mut i = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let path = churn.join(format!("{:03}.txt", (i * 7) % 300));
                if i % 2 == 0 {
                    let _ = fs::remove_file(&path);
                } else {
                    let _ = fs::write(&path, WRONG);
                }
                i += 1;
            }
        })
    };
    for _ in 0..3 {
        let run = factcheck(scratch.path(), check_args(&[&churn], &["--format", "json"])).run();
        run.expect(&[0, 1, 2]);
        if run.code() == Some(2) {
            assert!(run.stderr().contains("cannot read"), "{}", run.stderr());
        }
        let _ = run.json();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    vandal.join().unwrap();
}

#[cfg(unix)]
#[test]
fn threat_i9_non_utf8_file_names() {
    use std::os::unix::ffi::OsStrExt;
    let scratch = Scratch::new("i9");
    let name = OsStr::from_bytes(b"foo\xffbar.md");
    scratch.write(Path::new("corpus").join(name), WRONG);
    scratch.write("corpus/plain.txt", GOOD);
    let corpus = Path::new("corpus");
    let run = factcheck(scratch.path(), check_args(&[corpus], &["--format", "json"])).run();
    run.expect(&[1]);
    let report = run.json();
    assert_eq!(report["summary"]["sources"], 2);
    assert!(
        report_paths(&report).contains(&"corpus/foo\u{fffd}bar.md".to_owned()),
        "{:?}",
        report_paths(&report)
    );
    for format in ["human", "plain", "github", "html", "jsonl"] {
        let run = factcheck(scratch.path(), check_args(&[corpus], &["--format", format])).run();
        run.expect(&[1]);
        assert!(run.stdout().contains("foo\u{fffd}bar.md"), "{format}");
    }
    let run = factcheck(
        scratch.path(),
        check_args(&[corpus], &["--format", "sarif"]),
    )
    .run();
    run.expect(&[1]);
    let _ = run.json();
    // Given explicitly, and broken besides.
    let bad = scratch.write(Path::new("bad").join(name), b"\xff\n");
    let run = factcheck(scratch.path(), check_args(&[&bad], &[])).run();
    run.expect(&[2]);
    assert!(
        run.stderr().contains("foo\u{fffd}bar.md is not UTF-8"),
        "{}",
        run.stderr()
    );
}

/// Runs `check FILE --format json` on a generated article and expects it to
/// finish well within the limit.
fn pathological(scratch: &Scratch, name: &str, text: String) -> Run {
    let file = scratch.write(name, text);
    let run = factcheck(scratch.path(), check_args(&[&file], &["--format", "json"])).run();
    run.expect(&[0, 1]);
    let _ = run.json();
    run
}

#[test]
fn threat_i10_pathological_text() {
    let scratch = Scratch::new("i10");
    let cases = [
        ("commas.txt", "1,".repeat(500_000)),
        ("dollars.txt", "$".repeat(2_000_000)),
        (
            "one-line.txt",
            "the quick brown fox jumps over ".repeat(65_000),
        ),
        ("mister.txt", "Mr. ".repeat(200_000)),
        ("brackets.md", "[".repeat(200_000)),
        ("emphasis.md", "*a".repeat(200_000)),
        ("quotes.md", ">".repeat(100_000) + " Acme\n"),
        ("backticks.md", "`".repeat(200_000)),
        ("links.md", "[a](".repeat(100_000)),
        ("comments.md", "<!--".repeat(100_000)),
        ("newlines.md", "\n".repeat(1_000_000)),
        (
            "nested-list.md",
            (0..1500).map(|i| "  ".repeat(i) + "- item\n").collect(),
        ),
    ];
    for (name, text) in cases {
        let run = pathological(&scratch, name, text);
        eprintln!("{name}: {:?}", run.elapsed);
    }
}

#[test]
fn threat_i10_wrong_claims_far_along_one_line_in_the_human_report() {
    // miette pads its label markers with `format!` widths, which panic past
    // 65,535 columns; and it would echo the whole line for every
    // diagnostic. 4,000 wrong sentences on one line of 124 KB.
    let scratch = Scratch::new("i10-one-line");
    let text = WRONG.replace('\n', " ").repeat(4_000);
    let file = scratch.write("one-line.txt", text.clone());
    let run = factcheck(scratch.path(), check_args(&[&file], &[])).run();
    run.expect(&[1]);
    let out = run.stdout();
    let last = text.rfind("13,500").expect("a wrong number") + 1;
    assert!(
        out.contains(&format!("one-line.txt:1:{last}]")),
        "the last diagnostic, at column {last}, is reported"
    );
    let longest = out.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 1_000, "snippets are clipped, not {longest} bytes");
}

#[test]
fn threat_i10_many_claims_in_one_sentence() {
    // A table pasted into Markdown without blank lines is one paragraph and
    // one sentence: work per claim must not grow with the sentence.
    let scratch = Scratch::new("i10-table");
    let table: String = (0..10_000)
        .map(|i| format!("{},Acme,{i} yuan\n", 2000 + i % 20))
        .collect();
    let run = pathological(&scratch, "table.md", table);
    eprintln!("table.md: {:?}", run.elapsed);
}

#[test]
fn threat_i10_many_sentences_with_claims() {
    // Work per claim must not grow with the article: 40000 short sentences
    // (1.2 MB) with a mention and an amount each.
    let scratch = Scratch::new("i10-sentences");
    let run = pathological(
        &scratch,
        "long.txt",
        WRONG.replace('\n', " ").repeat(40_000),
    );
    eprintln!("long.txt: {:?}", run.elapsed);
}

#[test]
fn threat_i11_unicode_digits_and_lookalikes() {
    let scratch = Scratch::new("i11");
    // Each paragraph states the right number (12500 employees) in another
    // script or with another separator; none may be contradicted.
    let lines = [
        "Acme employs ١٢٥٠٠ employees.",
        "Acme employs ۱۲۵۰۰ employees.",
        "Acme employs １２,５００ employees.",
        "Acme employs １２５００ employees.",
        "Acme employs 𝟏𝟐𝟓𝟎𝟎 employees.",
        "Acme employs ¹²⁵⁰⁰ employees.",
        "Acme employs 12\u{a0}500 employees.",
        "Acme employs 12\u{202f}500 employees.",
        "Acme employs 12\u{2009}500 employees.",
        "Acme employs 12\u{66c}500 employees.",
        "Acme employs 12٫500 thousand employees.",
        "Acme revenue was ２３.０４６ billion yuan in the second quarter.",
        "Acme revenue was 23\u{a0}046 million yuan in the second quarter.",
    ];
    let text = lines.join("\n\n") + "\n";
    let file = scratch.write("digits.txt", &text);
    let run = factcheck(scratch.path(), check_args(&[&file], &["--format", "json"])).run();
    run.expect(&[0, 1]);
    let report = run.json();
    assert_spans_are_found_words(&report, scratch.path());
    let found: Vec<String> = diagnostics(&report)
        .iter()
        .map(|d| format!("{} {}", d["code"], d["found"]))
        .collect();
    assert!(
        found.is_empty(),
        "a right number written with other digits or separators is never read as another number: {found:#?}"
    );
    let claims = claims_json(scratch.path(), &file);
    for claim in claims["claims"].as_array().unwrap() {
        if claim["kind"] == "count" {
            assert_eq!(claim["value"], "12500 employees", "{claim}");
        }
    }
}

#[test]
fn threat_i12_decimal_overflow_in_scaling() {
    let scratch = Scratch::new("i12");
    let max = "79228162514264337593543950335";
    let lines = [
        format!("Acme revenue was ${max} trillion."),
        format!("Acme revenue was {max} trillion yuan ($1 billion)."),
        "Acme revenue was 792281625142643375935439 trillion yuan.".to_owned(),
        format!("Acme employs {max} employees."),
        "Acme employs 79228162514264337593543950 thousand employees.".to_owned(),
        format!("Acme revenue was 23.046 billion yuan (${max} trillion)."),
        format!("Acme employs 12,500 employees, up {max}%."),
        "Acme revenue was 10^10000 yuan and 1e999 billion yuan.".to_owned(),
        format!("Acme revenue was {} billion yuan.", "9".repeat(10_000)),
        format!("Acme revenue was 0.{}1 billion yuan.", "0".repeat(5_000)),
        "Acme revenue was 5 trillion trillion trillion yuan.".to_owned(),
        format!(
            "Acme revenue of {max} trillion yuan, {max} trillion yuan and {max} trillion yuan totals 3 yuan."
        ),
    ];
    let text = lines.join("\n\n") + "\n";
    let file = scratch.write("overflow.txt", &text);
    for format in ["json", "human", "sarif", "html"] {
        factcheck(scratch.path(), check_args(&[&file], &["--format", format]))
            .run()
            .expect(&[0, 1]);
    }
    let claims = claims_json(scratch.path(), &file);
    // None of these amounts is Acme's revenue or head count; one that
    // overflows cannot be compared, so it is never verified.
    let verified: Vec<String> = claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == "verified" && c["kind"] != "mention")
        .map(|c| format!("{} = {}", c["text"], c["value"]))
        .filter(|c| {
            !c.starts_with("\"12,500 employees\"") && !c.starts_with("\"23.046 billion yuan")
        })
        .collect();
    assert!(
        verified.is_empty(),
        "overflowing amounts reported as verified: {verified:#?}"
    );
}

#[test]
fn threat_i13_markdown_spans_and_blanked_regions() {
    let articles = fixtures().join("articles");
    let file = articles.join("markdown-edges.md");
    let run = factcheck(
        &articles,
        check_args(&[Path::new("markdown-edges.md")], &["--format", "json"]),
    )
    .run();
    run.expect(&[1]);
    let report = run.json();
    assert_spans_are_found_words(&report, &articles);
    let text = fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut reported = Vec::new();
    for d in diagnostics(&report) {
        let line = lines[d["span"]["line"].as_u64().unwrap() as usize - 1];
        reported.push(d["found"].as_str().unwrap().to_owned());
        for never in [
            "in code",
            "HTML block",
            "in a fence",
            "indented code",
            "in a comment",
            "autolink",
        ] {
            assert!(!line.contains(never), "reported from {never}: {d}");
        }
    }
    for number in ["27 billion", "33 billion", "34 billion", "12500"] {
        assert!(
            !reported.iter().any(|r| r.contains(number)),
            "{number} comes from a URL or a comment: {reported:?}"
        );
    }
    for visible in [
        "25 billion yuan",
        "26 billion yuan",
        "31 billion yuan",
        "32 billion yuan",
        "38 billion yuan",
        "39 billion yuan",
    ] {
        assert!(
            reported.iter().any(|r| r == visible),
            "{visible} is text: {reported:?}"
        );
    }
    assert_eq!(report["sources"][0]["published"], "2021-09-04");
}

#[test]
fn threat_i13_markdown_entities_do_not_split_numbers() {
    let articles = fixtures().join("articles");
    // Every paragraph states a right value, written with an HTML entity.
    let run = factcheck(
        &articles,
        check_args(&[Path::new("markdown-entities.md")], &["--format", "json"]),
    )
    .run();
    run.expect(&[0, 1]);
    let report = run.json();
    assert_spans_are_found_words(&report, &articles);
    let found: Vec<&str> = diagnostics(&report)
        .iter()
        .map(|d| d["found"].as_str().unwrap())
        .collect();
    assert!(
        found.is_empty(),
        "the digits after an entity are not a number of their own: {found:?}"
    );
}

// ---------------------------------------------------------------------------
// C. Output surfaces

/// An article line full of escape sequences, C1 and bidi controls, with a
/// wrong head count at its end.
const HOSTILE_LINE: &str = "Acme \u{1b}]0;pwned\u{7} \u{1b}[2J\u{1b}[H \u{1b}]8;;http://evil\u{7}link\u{1b}]8;;\u{7} \u{1b}[31mRED \u{9b}31m \u{85} \u{7f} \u{202e}gnp.exe\u{202c} \u{2067}x\u{2069} \u{200f} \u{61c} employs 13,500 employees.";

#[test]
fn threat_o1_ansi_osc_and_c1_never_reach_the_terminal() {
    let scratch = Scratch::new("o1");
    let article = scratch.write("hostile.txt", format!("{HOSTILE_LINE}\n"));
    let name = if cfg!(unix) {
        "esc-\u{1b}]0;pwned\u{7}-\u{9b}31m-\u{202e}.txt"
    } else {
        "named.txt"
    };
    let named = scratch.write(name, WRONG);
    let broken = scratch.write("broken.txt", b"Acme \x1b]0;pwned\x07 \xff\n");
    for format in ["human", "plain", "github"] {
        let run = factcheck(
            scratch.path(),
            check_args(&[&article, &named, &broken], &["--format", format]),
        )
        .run();
        run.expect(&[2]);
        assert_terminal_safe(&format!("{format} stdout"), &run.stdout);
        assert_terminal_safe(&format!("{format} stderr"), &run.stderr);
    }
    // The diagnostic still points at the words, in every format.
    let run = factcheck(
        scratch.path(),
        check_args(&[&article], &["--format", "json"]),
    )
    .run();
    run.expect(&[1]);
    let report = run.json();
    assert_spans_are_found_words(&report, scratch.path());
    assert_eq!(codes(&report), ["amount-mismatch"]);
    let run = factcheck(
        scratch.path(),
        check_args(&[&article], &["--format", "human"]),
    )
    .run();
    run.expect(&[1]);
    assert!(
        underlined_words(&run.stdout()).contains(&"13,500 employees".to_owned()),
        "human underline: {:?}\n{}",
        underlined_words(&run.stdout()),
        run.stdout()
    );
    let run = factcheck(
        scratch.path(),
        check_args(&[&article], &["--format", "plain"]),
    )
    .run();
    run.expect(&[1]);
    assert_eq!(
        narrated_words(&run.stdout()),
        ["13,500 employees"],
        "{}",
        run.stdout()
    );

    // Facts: a broken file and a valid fact, both with escapes.
    let facts_text = fs::read_to_string(acme_facts().join("acme.yaml")).unwrap();
    let hostile_facts = facts_text.replace(
        "what: employees at the end of June",
        "what: \"employees \\u001b]0;pwned\\u0007 \\u009b31m \\u202e at the end of June\"",
    );
    scratch.write("facts/acme.yaml", &hostile_facts);
    let run = factcheck(
        scratch.path(),
        [
            OsStr::new("check"),
            article.as_os_str(),
            "--facts".as_ref(),
            "facts".as_ref(),
        ],
    )
    .run();
    run.expect(&[1]);
    assert_terminal_safe("fact text in human stdout", &run.stdout);
    scratch.write(
        "broken-facts/x\u{1b}[2J.yaml",
        "entities:\n  - id: acme\n    nmae: \"\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}\"\n",
    );
    let run = factcheck(scratch.path(), ["facts", "check", "broken-facts"]).run();
    run.expect(&[2]);
    assert_terminal_safe("broken facts on stderr", &run.stderr);
}

#[cfg(target_os = "linux")]
#[test]
fn threat_o1_colour_output_keeps_only_sgr() {
    // On a terminal (util-linux `script` gives one), colour is on: every
    // escape sequence must be one of ours, `ESC [ digits ; m`.
    let have_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_script {
        eprintln!("skipped: no `script` to give a terminal");
        return;
    }
    let scratch = Scratch::new("o1-tty");
    scratch.write("hostile.txt", format!("{HOSTILE_LINE}\n"));
    scratch.write("broken \u{1b}]0;x\u{7}.txt", b"Acme \xff\n");
    let bin = env!("CARGO_BIN_EXE_factcheck");
    let facts = acme_facts();
    let inner = format!(
        "'{bin}' check hostile.txt 'broken \u{1b}]0;x\u{7}.txt' --facts '{}'",
        facts.display()
    );
    let mut command = Command::new("script");
    command
        .args(["-q", "-e", "-c", &inner, "/dev/null"])
        .current_dir(scratch.path())
        .env_remove("NO_COLOR")
        .stdout(Stdio::piped());
    let run = guarded(
        "script factcheck check".into(),
        command,
        None,
        None,
        false,
        LIMIT,
    );
    run.expect(&[2]);
    let output = run.stdout();
    assert!(output.contains("13,500 employees"), "{output}");
    assert!(
        output.contains("\u{1b}["),
        "colour is on, on a terminal: {output}"
    );
    let mut rest = output.as_str();
    while let Some(at) = rest.find('\u{1b}') {
        let tail = &rest[at + 1..];
        let body = tail
            .strip_prefix('[')
            .unwrap_or_else(|| panic!("not a CSI: {:?}", &tail[..tail.len().min(20)]));
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap();
        assert!(
            body[end..].starts_with('m'),
            "not SGR: {:?}",
            &body[..body.len().min(20)]
        );
        rest = &body[end + 1..];
    }
    let no_sgr: String = output.replace('\r', "");
    for c in no_sgr.chars() {
        assert!(
            !(('\u{80}'..='\u{9f}').contains(&c) || is_bidi_control(c)),
            "U+{:04X} reaches the terminal",
            u32::from(c)
        );
    }
}

#[cfg(unix)]
#[test]
fn threat_o1_newline_in_a_file_name_forges_no_output_line() {
    // CI logs treat a line starting with `::` as a workflow command: a file
    // name must never start a line of its own in a human-readable output.
    let scratch = Scratch::new("o1-newline");
    let forged = "x\n::error file=forged.txt::pwned\n.txt";
    scratch.write(Path::new("corpus").join(forged), WRONG);
    scratch.write(
        Path::new("broken").join("y\n::warning::forged.txt"),
        b"Acme \xff\n",
    );
    scratch.write(
        Path::new("facts").join("z\n::error::forged.yaml"),
        b"x: \xff\n",
    );
    let runs = [
        factcheck(
            scratch.path(),
            check_args(&[Path::new("corpus")], &["--format", "human"]),
        )
        .run(),
        factcheck(
            scratch.path(),
            check_args(&[Path::new("corpus")], &["--format", "plain"]),
        )
        .run(),
        factcheck(scratch.path(), check_args(&[Path::new("broken")], &[])).run(),
        factcheck(scratch.path(), ["facts", "check", "facts"]).run(),
    ];
    for run in &runs {
        run.expect(&[1, 2]);
        for (stream, text) in [("stdout", run.stdout()), ("stderr", run.stderr())] {
            for line in text.lines() {
                assert!(
                    !line.starts_with("::"),
                    "{}: {stream} has a forged line {line:?}",
                    run.what.escape_debug()
                );
            }
        }
    }
}

#[test]
fn threat_o1_diff_of_hostile_reports_leaks_no_escape() {
    let scratch = Scratch::new("o1-diff");
    let empty = serde_json::json!({
        "version": 1, "sources": [],
        "summary": {"sources": 0, "claims": 0, "verified": 0, "errors": 0, "warnings": 0, "notes": 0, "suppressed": 0}
    });
    let hostile = serde_json::json!({
        "version": 1,
        "sources": [{
            "path": "a\u{1b}[2J.txt", "claims": 1, "verified": 0,
            "diagnostics": [{
                "code": "amount-mismatch", "severity": "error",
                "message": "m \u{1b}]0;pwned\u{7} \u{202e} \u{9b}31m",
                "span": {"start": 0, "end": 1, "line": 1, "column": 1},
                "found": "f\u{1b}[31m", "expected": "e\u{1b}]8;;http://evil\u{7}",
                "help": "h\u{1b}[H"
            }]
        }],
        "summary": {"sources": 1, "claims": 1, "verified": 0, "errors": 1, "warnings": 0, "notes": 0, "suppressed": 0}
    });
    scratch.write("old.json", empty.to_string());
    scratch.write("new.json", hostile.to_string());
    for format in ["human", "github"] {
        let run = factcheck(
            scratch.path(),
            ["diff", "old.json", "new.json", "--format", format],
        )
        .run();
        run.expect(&[1]);
        assert_terminal_safe(&format!("diff --format {format}"), &run.stdout);
    }
    let run = factcheck(
        scratch.path(),
        ["diff", "old.json", "new.json", "--format", "json"],
    )
    .run();
    run.expect(&[1]);
    let _ = run.json();
}

#[test]
fn threat_o2_bidi_controls_in_excerpts() {
    let scratch = Scratch::new("o2");
    let article = "Acme’s chief executive, \u{202e}Jane Roe\u{202c}, said Acme employs \u{2066}13,500\u{2069} employees.\n\n\
                   Jane \u{200e}Roe\u{200f}, chairman of Acme, said Acme employs 13,500 employees \u{61c}today.\n";
    let file = scratch.write("bidi.txt", article);
    for format in ["human", "plain", "github"] {
        let run = factcheck(scratch.path(), check_args(&[&file], &["--format", format])).run();
        run.expect(&[1]);
        assert_terminal_safe(&format!("{format} stdout"), &run.stdout);
    }
    let run = factcheck(scratch.path(), check_args(&[&file], &["--format", "html"])).run();
    run.expect(&[1]);
    assert_terminal_safe("html", &run.stdout);
    // Machine outputs keep the true characters (escaping is JSON's job).
    let run = factcheck(scratch.path(), check_args(&[&file], &["--format", "json"])).run();
    run.expect(&[1]);
    let report = run.json();
    assert_spans_are_found_words(&report, scratch.path());
    assert!(!codes(&report).is_empty());
    let run = factcheck(scratch.path(), check_args(&[&file], &["--format", "plain"])).run();
    for words in narrated_words(&run.stdout()) {
        assert!(
            !words.trim().is_empty() && !words.starts_with(' '),
            "{words:?}"
        );
    }
}

#[test]
fn threat_o3_sanitising_keeps_labels_on_their_words() {
    // Replacements of every byte length before the words, on the same line.
    let scratch = Scratch::new("o3");
    let prefixes = [
        "\u{1b}",
        "\u{1}\u{2}\u{3}\u{8}\u{b}\u{c}\u{e}\u{1f}\u{7f}",
        "\u{80}\u{9b}\u{9f}",
        "\u{202e}\u{2066}\u{2069}\u{200e}",
        "\u{61c}",
        "\u{1b}]8;;http://x\u{1b}\\",
        "\r",
    ];
    for (i, prefix) in prefixes.iter().enumerate() {
        let file = scratch.write(
            format!("o3-{i}.txt"),
            format!("Acme {prefix} employs 13,500 employees.\n"),
        );
        let run = factcheck(scratch.path(), check_args(&[&file], &["--format", "human"])).run();
        run.expect(&[1]);
        assert_eq!(
            underlined_words(&run.stdout()).first().map(String::as_str),
            Some("13,500 employees"),
            "{prefix:?}: {}",
            run.stdout()
        );
        let run = factcheck(scratch.path(), check_args(&[&file], &["--format", "plain"])).run();
        run.expect(&[1]);
        assert_eq!(
            narrated_words(&run.stdout()),
            ["13,500 employees"],
            "{prefix:?}"
        );
        let run = factcheck(scratch.path(), check_args(&[&file], &["--format", "json"])).run();
        run.expect(&[1]);
        assert_spans_are_found_words(&run.json(), scratch.path());
    }
}

/// Tags of an HTML page: name and attributes, the style sheet skipped.
fn html_tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.split_once("-->").map_or("", |(_, r)| r);
            continue;
        }
        if rest.starts_with('/') || rest.starts_with('!') {
            rest = rest.split_once('>').map_or("", |(_, r)| r);
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        assert!(
            !name.is_empty(),
            "a raw `<` in the page: {:?}",
            &rest[..rest.len().min(40)]
        );
        rest = &rest[name_len..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.starts_with('>') || rest.starts_with("/>") || rest.is_empty() {
                rest = rest.split_once('>').map_or("", |(_, r)| r);
                break;
            }
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(rest.len());
            let attribute = rest[..len].to_ascii_lowercase();
            rest = &rest[len..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix('=') {
                if let Some(quoted) = after.strip_prefix('"') {
                    let (v, r) = quoted.split_once('"').unwrap();
                    value = v.to_owned();
                    rest = r;
                } else {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    value = after[..end].to_owned();
                    rest = &after[end..];
                }
            }
            attributes.push((attribute, value));
        }
        if name == "style" {
            rest = rest.split_once("</style>").map_or("", |(_, r)| r);
        }
        tags.push((name, attributes));
    }
    tags
}

#[test]
fn threat_o4_html_report_xss() {
    let scratch = Scratch::new("o4");
    let payload = "<img src=x onerror=alert(1)> </script><script>alert(1)</script> \"><svg onload=alert(1)> 'onmouseover='alert(1) {{7*7}} \u{2028}\u{2029} <a href=\"javascript:alert(1)\">x</a> &lt;b&gt;";
    let name = if cfg!(unix) {
        "a<b>\"x\" onload='y'.txt"
    } else {
        "a.txt"
    };
    scratch.write(
        Path::new("corpus").join(name),
        format!("Acme {payload} employs 13,500 employees. {payload}\n\nAcme revenue {payload} was 25 billion yuan.\n"),
    );
    let facts_text = fs::read_to_string(acme_facts().join("acme.yaml")).unwrap();
    let hostile_facts = facts_text
        .replace(
            "what: employees at the end of June",
            "what: \"employees <img src=x onerror=alert(2)> </script><script>alert(2)</script>\"",
        )
        .replace(
            "source: https://example.org/acme-staff",
            "source: \"javascript:alert(3)\"",
        );
    scratch.write("facts/acme.yaml", hostile_facts);
    let run = factcheck(
        scratch.path(),
        ["check", "corpus", "--facts", "facts", "--format", "html"],
    )
    .run();
    run.expect(&[1]);
    let html = run.stdout();
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "the payload is shown as text"
    );
    let tags = html_tags(&html);
    assert!(
        tags.iter().any(|(n, _)| n == "mark"),
        "the report marks the words"
    );
    for (name, attributes) in &tags {
        assert!(
            ![
                "script", "img", "svg", "iframe", "object", "embed", "link", "base", "form",
                "input", "math", "video", "audio"
            ]
            .contains(&name.as_str()),
            "<{name}> in the page"
        );
        for (attribute, value) in attributes {
            assert!(!attribute.starts_with("on"), "<{name} {attribute}=...>");
            assert!(
                attribute != "src" && attribute != "srcdoc" && attribute != "style",
                "<{name} {attribute}>"
            );
            if attribute == "href" {
                assert!(
                    value.starts_with('#')
                        || value.starts_with("https://")
                        || value.starts_with("http://"),
                    "<{name} href={value:?}>"
                );
            }
        }
    }
    let csp = tags
        .iter()
        .find(|(n, a)| {
            n == "meta"
                && a.iter().any(|(k, v)| {
                    k == "http-equiv" && v.eq_ignore_ascii_case("content-security-policy")
                })
        })
        .expect("a CSP meta tag");
    let policy = &csp.1.iter().find(|(k, _)| k == "content").unwrap().1;
    assert!(policy.contains("default-src 'none'"), "{policy}");
    assert_terminal_safe("html", &run.stdout);
}

#[test]
fn threat_o5_machine_outputs_are_well_formed() {
    let scratch = Scratch::new("o5");
    // Quotes, backslashes, every C0 control but NUL, DEL, C1, bidi, line
    // separators, and a 4-byte character before the words.
    let controls: String = (1u8..32).filter(|b| *b != b'\n').map(char::from).collect();
    let line = format!(
        "\"q\" \\ \\u0000 {controls}\u{7f}\u{85}\u{9b}\u{202e}\u{2028}\u{2029} Acme employs 13,500 employees."
    );
    let astral = "𐐀 é Acme employs 13,500 employees.";
    scratch.write("corpus/hostile.txt", format!("{line}\n\n{astral}\n"));
    let facts_text = fs::read_to_string(acme_facts().join("acme.yaml")).unwrap();
    let huge_what = format!("what: \"{}\"", "employees \\\" \\u001b ".repeat(4000));
    scratch.write(
        "facts/acme.yaml",
        facts_text.replace("what: employees at the end of June", &huge_what),
    );
    let base = ["check", "corpus", "--facts", "facts", "--format"];
    let json = factcheck(scratch.path(), base.iter().chain(&["json"])).run();
    json.expect(&[1]);
    let report = json.json();
    assert_eq!(codes(&report).len(), 2);
    let d = diagnostics(&report)[1].clone();
    assert_eq!(d["span"]["line"], 3);
    assert_eq!(d["span"]["column"], 18, "columns count code points: {d}");

    let jsonl = factcheck(scratch.path(), base.iter().chain(&["jsonl"])).run();
    jsonl.expect(&[1]);
    let lines: Vec<Value> = jsonl
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);

    let sarif = factcheck(scratch.path(), base.iter().chain(&["sarif"])).run();
    sarif.expect(&[1]);
    let sarif = sarif.json();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let region = &results[1]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 3);
    assert_eq!(region["startColumn"], 18, "{region}");

    let github = factcheck(scratch.path(), base.iter().chain(&["github"])).run();
    github.expect(&[1]);
    let text = github.stdout();
    assert_eq!(text.lines().count(), 2, "one annotation a line: {text}");
    for annotation in text.lines() {
        assert!(
            annotation.starts_with("::error file=corpus/hostile.txt,"),
            "{annotation}"
        );
    }
    assert_terminal_safe("github", &github.stdout);
}

#[test]
fn threat_o5_stdin_jsonl_with_hostile_records() {
    let scratch = Scratch::new("o5-stream");
    let mut input = Vec::new();
    input.extend_from_slice(br#"{"path":"a","text":"Acme employs 12,500 employees."}"#);
    input.extend_from_slice(b"\nnot json\n\xff\xfe\n");
    input.extend_from_slice(
        br#"{"path":"b\u001b[2J\n::error::x","text":"Acme \u001b]0;x\u0007\u202e employs 13,500 employees.","extra":1}"#,
    );
    input.extend_from_slice(b"\n");
    input.extend_from_slice(br#"{"path":"c","text":"Acme","published":"2021-02-30"}"#);
    input.extend_from_slice(b"\n\n");
    input.extend_from_slice("[".repeat(100_000).as_bytes());
    input.extend_from_slice(b"\n");
    input.extend_from_slice(br#"{"path":"d"}"#);
    input.extend_from_slice(b"\n");
    input.extend_from_slice(br#"{"path":"e","text":"Acme employs 13,500 employees."}"#);
    let run = factcheck(
        scratch.path(),
        [
            OsString::from("check"),
            "--stdin-jsonl".into(),
            "--facts".into(),
            acme_facts_arg(),
        ],
    )
    .stdin(input)
    .run();
    run.expect(&[2]);
    let records: Vec<Value> = run
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let paths: Vec<&str> = records
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["a", "b\u{1b}[2J\n::error::x", "e"],
        "records in input order"
    );
    let stderr = run.stderr();
    for line in ["line 2:", "line 3:", "line 5 (c):", "line 7:", "line 8:"] {
        assert!(stderr.contains(line), "{line} reported: {stderr}");
    }
    assert_terminal_safe("stream stderr", &run.stderr);
}

#[test]
fn threat_o6_output_is_written_atomically() {
    let scratch = Scratch::new("o6");
    let article = scratch.write("a.txt", WRONG);
    let leftovers = |dir: &Path| -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n.starts_with('.'))
            .collect()
    };
    // (b) a missing folder.
    let missing = scratch.join("no/such/dir/report.json");
    let run = factcheck(
        scratch.path(),
        check_args(
            &[&article],
            &["--format", "json", "--output", missing.to_str().unwrap()],
        ),
    )
    .run();
    run.expect(&[2]);
    assert!(run.stderr().contains("cannot write"), "{}", run.stderr());
    assert!(run.stderr().contains("report.json"), "{}", run.stderr());
    assert!(!scratch.join("no").exists());
    // (d) a previous report survives a run that fails before writing.
    let out = scratch.join("out");
    fs::create_dir_all(&out).unwrap();
    let report = out.join("report.json");
    fs::write(&report, b"previous report\n").unwrap();
    let broken = facts_folder(
        &scratch,
        "broken-facts",
        "entities:\n  - {id: acme, nmae: x}\n",
    );
    let run = factcheck(
        scratch.path(),
        [
            OsStr::new("check"),
            article.as_os_str(),
            "--facts".as_ref(),
            broken.as_os_str(),
            "--output".as_ref(),
            report.as_os_str(),
        ],
    )
    .run();
    run.expect(&[2]);
    assert_eq!(fs::read_to_string(&report).unwrap(), "previous report\n");
    #[cfg(unix)]
    if let Some(secret) = unreadable(&scratch, "facts-unreadable/acme.yaml") {
        let run = factcheck(
            scratch.path(),
            [
                OsStr::new("check"),
                article.as_os_str(),
                "--facts".as_ref(),
                secret.parent().unwrap().as_os_str(),
                "--output".as_ref(),
                report.as_os_str(),
            ],
        )
        .run();
        run.expect(&[2]);
        assert_eq!(fs::read_to_string(&report).unwrap(), "previous report\n");
    }
    // The target is a folder: refused, nothing left behind.
    let folder = out.join("folder.json");
    fs::create_dir_all(&folder).unwrap();
    let run = factcheck(
        scratch.path(),
        check_args(&[&article], &["--output", folder.to_str().unwrap()]),
    )
    .run();
    run.expect(&[2]);
    assert!(folder.is_dir());
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
    // A successful run replaces the file whole.
    let run = factcheck(
        scratch.path(),
        check_args(
            &[&article],
            &["--format", "json", "--output", report.to_str().unwrap()],
        ),
    )
    .run();
    run.expect(&[1]);
    assert!(run.stdout.is_empty());
    let written: Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    assert_eq!(written["summary"]["sources"], 1);
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

#[cfg(unix)]
#[test]
fn threat_o6_output_temp_file_is_no_symlink_trap() {
    // Whoever can write to the output's folder and guess the temporary
    // name must not be able to redirect the report into another file.
    let scratch = Scratch::new("o6-trap");
    scratch.write("a.txt", WRONG);
    let victim = scratch.write("victim.txt", "victim\n");
    let bin = env!("CARGO_BIN_EXE_factcheck");
    let facts = acme_facts();
    let mut command = Command::new("sh");
    command
        .arg("-c")
        // `exec` keeps the shell's pid, so `$$` is factcheck's own pid.
        .arg(r#"ln -s victim.txt ".report.json.$$.tmp" && exec "$0" "$@""#)
        .arg(bin)
        .args([
            "check",
            "a.txt",
            "--format",
            "json",
            "--output",
            "report.json",
            "--facts",
        ])
        .arg(&facts)
        .current_dir(scratch.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped());
    let run = guarded(
        "factcheck check --output report.json (trap)".into(),
        command,
        None,
        None,
        false,
        LIMIT,
    );
    run.expect(&[1, 2]);
    let victim_now = fs::read_to_string(&victim).unwrap();
    assert_eq!(
        victim_now, "victim\n",
        "the report was written through the planted link into victim.txt"
    );
    let report = scratch.join("report.json");
    if run.code() == Some(1) {
        assert!(
            !fs::symlink_metadata(&report)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let _: Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn threat_o6_output_onto_a_fifo_is_not_replaced() {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    // `--output /dev/stdout`, `/dev/null` or a named pipe: a special file
    // is written to (or refused), never replaced by a renamed regular file.
    let scratch = Scratch::new("o6-fifo");
    let article = scratch.write("a.txt", WRONG);
    let fifo = scratch.join("report.fifo");
    assert!(mkfifo(&fifo));
    let reader = {
        let fifo = fifo.clone();
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Ok(mut file) = fs::File::open(&fifo) {
                let _ = file.read_to_end(&mut bytes);
            }
            let _ = send.send(bytes);
        });
        receive
    };
    let run = factcheck(
        scratch.path(),
        check_args(
            &[&article],
            &["--format", "json", "--output", fifo.to_str().unwrap()],
        ),
    )
    .limit(Duration::from_secs(10))
    .run();
    // Release the reader if nothing opened the pipe for writing.
    let _ = fs::OpenOptions::new()
        .write(true)
        .custom_flags(0o4000) // O_NONBLOCK
        .open(&fifo);
    let received = reader
        .recv_timeout(Duration::from_secs(5))
        .unwrap_or_default();
    run.expect(&[1, 2]);
    let kind = fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(
        kind.is_fifo(),
        "the named pipe was replaced by a regular file"
    );
    if run.code() == Some(1) {
        let _: Value = serde_json::from_slice(&received).unwrap();
    }
}

#[test]
fn threat_o7_closed_pipe_ends_the_run_quietly() {
    let root = root();
    for format in ["json", "human", "jsonl", "sarif", "html"] {
        for keep in [0, 10] {
            factcheck(&root, ["check", "--format", format])
                .close_stdout_after(keep)
                .run()
                .expect(&[0, 1]);
        }
    }
    factcheck(&root, ["explain", "--list"])
        .close_stdout_after(0)
        .run()
        .expect(&[0]);
    factcheck(
        &root,
        [
            "claims",
            "sources/002-financial-district-alibaba-promises-15-5b.txt",
        ],
    )
    .close_stdout_after(0)
    .run()
    .expect(&[0]);
    // A stream closed early stops instead of checking the rest.
    let record = serde_json::json!({"path": "a", "text": WRONG}).to_string() + "\n";
    let run = factcheck(
        &root,
        [
            OsString::from("check"),
            "--stdin-jsonl".into(),
            "--facts".into(),
            acme_facts_arg(),
        ],
    )
    .stdin(record.repeat(20_000))
    .close_stdout_after(100)
    .run();
    run.expect(&[0, 1]);
    // Both pipes closed, with a bad input to report.
    let scratch = Scratch::new("o7");
    let bad = scratch.write("bad.txt", b"\xff\n");
    let run = factcheck(scratch.path(), check_args(&[&bad], &[]))
        .close_stdout_after(0)
        .close_stderr()
        .run();
    run.expect(&[2]);
}

#[cfg(target_os = "linux")]
#[test]
fn threat_o7_full_disk_is_a_clear_error() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let open = || fs::OpenOptions::new().write(true).open(full).unwrap();
    let root = root();
    let record = serde_json::json!({"path": "a", "text": WRONG}).to_string() + "\n";
    let runs = [
        factcheck(&root, ["check", "--format", "json"])
            .stdout_to(open())
            .run(),
        factcheck(&root, ["check"]).stdout_to(open()).run(),
        factcheck(&root, ["facts", "check"]).stdout_to(open()).run(),
        factcheck(
            &root,
            [
                OsString::from("check"),
                "--stdin-jsonl".into(),
                "--facts".into(),
                acme_facts_arg(),
            ],
        )
        .stdin(record.repeat(10))
        .stdout_to(open())
        .run(),
    ];
    for run in &runs {
        run.expect(&[2]);
        let stderr = run.stderr();
        assert!(
            stderr.contains("No space left on device"),
            "{}: a full disk is reported, not just an exit code: {stderr:?}",
            run.what
        );
    }
}

// ---------------------------------------------------------------------------
// D. Determinism and parallelism

#[test]
fn threat_d1_thread_count_does_not_change_output() {
    let root = root();
    let run = |threads: &str| {
        let run = factcheck(
            &root,
            ["check", "sources", "--facts", "facts", "--format", "json"],
        )
        .env("RAYON_NUM_THREADS", threads)
        .run();
        run.expect(&[1]);
        run.stdout
    };
    let one = run("1");
    assert!(String::from_utf8_lossy(&one).contains("\"sources\": 5"));
    for threads in ["2", "8", "16"] {
        assert!(
            run(threads) == one,
            "RAYON_NUM_THREADS={threads} changes the report"
        );
    }
    // The stream checks batches in parallel and keeps the input order.
    let mut input = String::new();
    let mut names: Vec<PathBuf> = fs::read_dir(root.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for i in 0..300 {
        let path = &names[i % names.len()];
        // The opening of each source: claims enough, and quick to check.
        let text: String = fs::read_to_string(path)
            .unwrap()
            .chars()
            .take(1500)
            .collect();
        input.push_str(&serde_json::json!({"path": format!("{i:04}"), "text": text}).to_string());
        input.push('\n');
    }
    let stream = |threads: &str| {
        let run = factcheck(&root, ["check", "--stdin-jsonl"])
            .env("RAYON_NUM_THREADS", threads)
            .stdin(input.clone())
            .run();
        run.expect(&[1]);
        run.stdout
    };
    let one = stream("1");
    for threads in ["2", "8", "16"] {
        assert!(
            stream(threads) == one,
            "RAYON_NUM_THREADS={threads} changes the stream"
        );
    }
}

#[test]
fn threat_d2_repeated_runs_are_byte_identical() {
    let root = root();
    for format in ["json", "jsonl", "sarif", "github", "html", "human", "plain"] {
        let run = || {
            let run = factcheck(&root, ["check", "--format", format])
                .env("RAYON_NUM_THREADS", "1")
                .run();
            run.expect(&[1]);
            run.stdout
        };
        assert!(run() == run(), "--format {format} differs between two runs");
    }
}

#[test]
fn threat_d3_every_input_is_accounted_for() {
    let scratch = Scratch::new("d3");
    let good = [
        "corpus/a-good.txt",
        "corpus/m-good.md",
        "corpus/sub/z-good.txt",
    ];
    for (i, name) in good.iter().enumerate() {
        scratch.write(name, if i == 1 { WRONG } else { GOOD });
    }
    let mut bad = vec![
        scratch.write("corpus/binary.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        scratch.write("corpus/latin1.txt", b"Acme \xe9mploys\n"),
    ];
    #[cfg(unix)]
    if let Some(path) = unreadable(&scratch, "corpus/unreadable.txt") {
        bad.push(path);
    }
    let run = factcheck(
        scratch.path(),
        check_args(&[Path::new("corpus")], &["--format", "json"]),
    )
    .run();
    run.expect(&[2]);
    let report = run.json();
    let paths = report_paths(&report);
    assert_eq!(paths, good, "every good file is in the report, once");
    assert_eq!(report["summary"]["sources"], good.len());
    let stderr = run.stderr();
    for path in &bad {
        let shown = path
            .strip_prefix(scratch.path())
            .unwrap()
            .display()
            .to_string();
        assert!(stderr.contains(&shown), "{shown} is reported: {stderr}");
    }
    assert_eq!(
        good.len() + bad.len(),
        paths.len() + stderr.matches("diagnostic code: input::").count(),
        "checked + refused = given"
    );
}

#[test]
fn threat_d5_no_timestamps_or_machine_paths_in_output() {
    let root = root();
    let formats = ["json", "sarif", "html", "github", "jsonl", "human"];
    let all = || -> Vec<Vec<u8>> {
        formats
            .iter()
            .map(|format| {
                let run = factcheck(
                    &root,
                    ["check", "sources", "--facts", "facts", "--format", format],
                )
                .run();
                run.expect(&[1]);
                run.stdout.clone()
            })
            .collect()
    };
    let first = all();
    std::thread::sleep(Duration::from_millis(1100));
    let second = all();
    let here = fs::canonicalize(&root).unwrap();
    for ((format, a), b) in formats.iter().zip(&first).zip(&second) {
        assert!(a == b, "--format {format} changes with the time");
        let text = String::from_utf8_lossy(a);
        assert!(
            !text.contains(here.to_str().unwrap()),
            "--format {format} holds this machine's path"
        );
    }
}
