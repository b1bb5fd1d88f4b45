//! `factcheck`: check news articles against a base of canonical facts.
//!
//! Only this crate touches the terminal, clap, colour and exit codes.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use miette::{GraphicalReportHandler, GraphicalTheme, NarratableReportHandler};
use rayon::prelude::*;

// Claims, findings and reports are many small short-lived allocations made
// on two threads at once; mimalloc serves them with less work than glibc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod baseline;
mod config;
mod diff;
mod explain;
mod input;

/// Exit code when the run could not be done (bad input, broken fact base).
const EXIT_TROUBLE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "factcheck",
    version,
    about = "Check news articles against canonical facts written in YAML",
    long_about = "Check news articles against canonical facts written in YAML.\n\n\
                  Every claim that contradicts the facts, itself or another source is \
                  reported as a diagnostic pointing at the exact words.\n\n\
                  Exit codes: 0 nothing to report, 1 discrepancies found, 2 the run could not be done."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Diagnostics drawn for people (colour on a terminal only).
    Human,
    /// Diagnostics as screen-reader text, no drawing.
    Plain,
    /// The JSON report, version 1.
    Json,
    /// One JSON object per diagnostic per line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// One self-contained HTML page for an editor (use with --output).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// One claim a line.
    Human,
    /// The JSON listing, version 1.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DiffFormat {
    /// A readable review.
    Human,
    /// Added, removed and changed diagnostics as JSON.
    Json,
    /// GitHub workflow annotations for added and changed diagnostics.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Deny {
    /// Exit 1 on errors only.
    Error,
    /// Exit 1 on warnings or errors.
    Warning,
    /// Exit 1 on any diagnostic.
    Note,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check articles against the facts (and against each other).
    Check {
        /// Files or folders (.txt and .md, recursively). Default: sources
        /// (or `sources` in factcheck.toml).
        paths: Vec<PathBuf>,
        /// The facts folder. Default: facts (or `facts` in factcheck.toml).
        #[arg(long)]
        facts: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Lowest severity that makes the exit code 1. Default: error (or
        /// `deny` in factcheck.toml).
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Publication date for sources without one (2021-09-04, 2021-09 or 2021).
        #[arg(long, value_parser = parse_date)]
        published: Option<facts::FactDate>,
        /// Read articles as JSON lines on stdin ({"path", "text", "published"})
        /// and write one report record per line, in constant memory.
        #[arg(long, conflicts_with_all = ["paths", "format", "baseline", "write_baseline", "output"])]
        stdin_jsonl: bool,
        /// Report only discrepancies not recorded in this baseline.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Record the current discrepancies as a baseline (and exit 0).
        #[arg(long)]
        write_baseline: Option<PathBuf>,
        /// Write the report to this file (atomically) instead of stdout.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Project settings. Default: ./factcheck.toml if it exists.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Explain a diagnostic code, with an example.
    Explain {
        /// The code, e.g. amount-mismatch.
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every code.
        #[arg(long)]
        list: bool,
    },
    /// Compare two JSON reports: discrepancies added, removed and changed.
    Diff {
        /// The earlier report (`factcheck check --format json`).
        old: PathBuf,
        /// The later report.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
    },
    /// List the claims extracted from one article, with the fact each matched.
    Claims {
        /// The article.
        file: PathBuf,
        /// The facts folder.
        #[arg(long, default_value = "facts")]
        facts: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
        /// Publication date if the article has none.
        #[arg(long, value_parser = parse_date)]
        published: Option<facts::FactDate>,
    },
    /// Work with the fact base.
    Facts {
        #[command(subcommand)]
        command: FactsCommand,
    },
}

#[derive(Debug, Subcommand)]
enum FactsCommand {
    /// Validate the fact base and print a one-line summary.
    Check {
        /// The facts folder: every *.yaml under it is merged.
        #[arg(default_value = "facts")]
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout with exit 0; usage errors exit 2.
            let code = if err.use_stderr() { EXIT_TROUBLE } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Facts {
            command: FactsCommand::Check { dir },
        } => facts_check(&dir),
        Command::Check {
            paths,
            facts,
            format,
            deny,
            published,
            stdin_jsonl,
            baseline,
            write_baseline,
            output,
            config,
        } => {
            let config_file = config.unwrap_or_else(|| PathBuf::from(config::FILE));
            let settings = match config::load(&config_file) {
                Ok(c) => c.unwrap_or_default(),
                Err(e) => {
                    let _ = writeln!(io::stderr().lock(), "factcheck: {e}");
                    return ExitCode::from(EXIT_TROUBLE);
                }
            };
            let facts = facts
                .or_else(|| settings.facts.as_ref().map(PathBuf::from))
                .unwrap_or_else(|| PathBuf::from("facts"));
            let configured = match settings.deny.as_deref() {
                Some("warning") => Deny::Warning,
                Some("note") => Deny::Note,
                _ => Deny::Error,
            };
            let deny = deny.unwrap_or(configured);
            if stdin_jsonl {
                return stream(&facts, deny, published);
            }
            let paths = if paths.is_empty() {
                settings
                    .sources
                    .clone()
                    .map(|s| s.into_iter().map(PathBuf::from).collect())
                    .unwrap_or_else(|| vec![PathBuf::from("sources")])
            } else {
                paths
            };
            check(
                paths,
                &facts,
                format,
                deny,
                published,
                Outputs {
                    settings: &settings,
                    baseline: baseline.as_deref(),
                    write_baseline: write_baseline.as_deref(),
                    output: output.as_deref(),
                },
            )
        }
        Command::Explain { code, list } => explain_code(code.as_deref(), list),
        Command::Diff { old, new, format } => diff_reports(&old, &new, format),
        Command::Claims {
            file,
            facts,
            format,
            published,
        } => list_claims(&file, &facts, format, published),
    }
}

fn parse_date(text: &str) -> Result<facts::FactDate, String> {
    facts::FactDate::parse(text).map_err(|e| e.to_string())
}

fn load_facts(dir: &Path) -> Option<facts::FactBase> {
    match facts::load_dir(dir) {
        Ok(base) => Some(base),
        Err(err) => {
            eprint_diagnostic(&err);
            None
        }
    }
}

/// Where results go besides the report, and what filters them.
struct Outputs<'a> {
    settings: &'a config::Config,
    baseline: Option<&'a Path>,
    write_baseline: Option<&'a Path>,
    output: Option<&'a Path>,
}

/// Writes `text` to `path` atomically: a temporary file in the same folder,
/// renamed over the target, so a reader never sees half a report.
fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let failed = |e: io::Error| format!("cannot write {}: {e}", path.display());
    if is_special(path) {
        return std::fs::write(path, text).map_err(failed);
    }
    let (temp, mut file) = create_temp(path).map_err(failed)?;
    let result = file
        .write_all(text.as_bytes())
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(failed)
}

/// A new temporary file next to `target`, created exclusively: never
/// through an existing file or a link planted under a guessed name.
fn create_temp(target: &Path) -> io::Result<(PathBuf, std::fs::File)> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut attempt = 0u32;
    loop {
        let temp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Whether `target` exists and is neither a regular file nor a folder (a
/// pipe, a device, `/dev/stdout`): it is written in place, never replaced.
fn is_special(target: &Path) -> bool {
    std::fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Runs of up to this many sources are checked together, with cross-source
/// checks; larger runs (archives) stream in chunks in constant memory.
const CROSS_SOURCE_LIMIT: usize = 1000;
/// Sources read and checked in parallel at a time when streaming.
const CHUNK: usize = 256;

/// Where the report goes: stdout, or a temporary file renamed over the
/// target at the end so that a reader never sees half a report.
enum Sink {
    Stdout(io::StdoutLock<'static>),
    /// An existing pipe or device, written in place.
    Special(io::BufWriter<std::fs::File>),
    File {
        temp: PathBuf,
        target: PathBuf,
        file: io::BufWriter<std::fs::File>,
    },
}

impl Sink {
    fn open(output: Option<&Path>) -> Result<Sink, String> {
        let Some(target) = output else {
            return Ok(Sink::Stdout(io::stdout().lock()));
        };
        let failed = |e: io::Error| format!("cannot write {}: {e}", target.display());
        if is_special(target) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(failed)?;
            return Ok(Sink::Special(io::BufWriter::new(file)));
        }
        let (temp, file) = create_temp(target).map_err(failed)?;
        Ok(Sink::File {
            temp,
            target: target.to_path_buf(),
            file: io::BufWriter::new(file),
        })
    }

    /// Writes a piece; `Ok(false)` when the reader has gone (closed pipe).
    fn write(&mut self, text: &str) -> Result<bool, String> {
        let result = match self {
            Sink::Stdout(out) => out.write_all(text.as_bytes()),
            Sink::Special(file) | Sink::File { file, .. } => file.write_all(text.as_bytes()),
        };
        match result {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
            Err(e) => Err(format!("cannot write the report: {e}")),
        }
    }

    fn finish(self) -> Result<(), String> {
        match self {
            Sink::Stdout(mut out) => match out.flush() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write the report: {e}"))
                }
                _ => Ok(()),
            },
            Sink::Special(mut file) => file
                .flush()
                .map_err(|e| format!("cannot write the report: {e}")),
            Sink::File {
                temp,
                target,
                mut file,
            } => {
                let result = file
                    .flush()
                    .and_then(|()| file.get_ref().sync_all())
                    .and_then(|()| std::fs::rename(&temp, &target));
                if result.is_err() {
                    let _ = std::fs::remove_file(&temp);
                }
                result.map_err(|e| format!("cannot write {}: {e}", target.display()))
            }
        }
    }

    fn abandon(self) {
        if let Sink::File { temp, .. } = self {
            let _ = std::fs::remove_file(temp);
        }
    }
}

fn check(
    paths: Vec<PathBuf>,
    facts_dir: &Path,
    format: Format,
    deny: Deny,
    published: Option<facts::FactDate>,
    outputs: Outputs<'_>,
) -> ExitCode {
    let baseline = match outputs.baseline.map(baseline::read) {
        Some(Err(e)) => {
            let _ = writeln!(io::stderr().lock(), "factcheck: {e}");
            return ExitCode::from(EXIT_TROUBLE);
        }
        Some(Ok(entries)) => Some(entries),
        None => None,
    };
    let Some(base) = load_facts(facts_dir) else {
        return ExitCode::from(EXIT_TROUBLE);
    };
    let (mut files, total, mut trouble) = input::list(&paths);
    let checker = checker::Checker::for_workload(&base, checker::Workload::of_sources(total));
    // The limit can be lowered for tests and tuning.
    let limit = std::env::var("FACTCHECK_CROSS_SOURCE_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CROSS_SOURCE_LIMIT);
    let whole = total <= limit || matches!(format, Format::Sarif | Format::Html);
    if !whole {
        let _ = writeln!(
            io::stderr().lock(),
            "factcheck: {total} sources: checking in chunks, without cross-source checks (they run on up to {limit} sources)"
        );
    }
    for warning in config::warnings(outputs.settings) {
        let _ = writeln!(io::stderr().lock(), "factcheck: warning: {warning}");
    }
    let style = if format == Format::Plain {
        report::human::Style::Narrated
    } else if outputs.output.is_none()
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none()
    {
        report::human::Style::Color
    } else {
        report::human::Style::Plain
    };
    let options = report::human::Options { style, width: 100 };
    let mut sink = match Sink::open(outputs.output) {
        Ok(sink) => sink,
        Err(e) => {
            let _ = writeln!(io::stderr().lock(), "factcheck: {e}");
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let mut summary = report::Summary::default();
    let mut worst: Option<checker::Severity> = None;
    let mut baseline_entries = Vec::new();
    let mut written_any = false;
    let mut reader_gone = false;
    let mut failure: Option<String> = None;
    // A whole run takes every file in one chunk, even if a folder gained
    // some since they were counted.
    let chunk_size = if whole { usize::MAX } else { CHUNK };
    if format == Format::Json {
        reader_gone |= !sink.write(&report::json::begin()).unwrap_or_else(|e| {
            failure = Some(e);
            true
        });
    }
    // A chunk is read, checked and rendered per source on the thread pool;
    // collecting keeps path order, so output is the same at any thread
    // count. `first`: no source has been written before the chunk.
    let prepare = |files: &[PathBuf], first: bool| -> Prepared {
        let read_and_check =
            |path: &PathBuf| input::read(path).map(|source| checker.check(source, published));
        // One file (an editor's save) does without the thread pool's start.
        let results: Vec<Result<checker::Checked, input::InputError>> = if files.len() == 1 {
            files.iter().map(read_and_check).collect()
        } else {
            files.par_iter().map(read_and_check).collect()
        };
        let mut unreadable = Vec::new();
        let mut checked = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(c) => checked.push(c),
                Err(e) => unreadable.push(e),
            }
        }
        if whole {
            checker::cross_check(&base, &mut checked);
        }
        config::apply(outputs.settings, &mut checked);
        if let Some(entries) = &baseline {
            baseline::apply(entries, &mut checked);
        }
        let pieces = render_pieces(format, &checked, first, options);
        Prepared {
            unreadable,
            checked,
            pieces,
        }
    };
    // Paths are found as chunks are taken: only the chunk's are held.
    let mut paths = files.by_ref().peekable();
    let mut chunk: Vec<PathBuf> = Vec::new();
    // Each chunk is prepared after the one before is written: preparing it
    // meanwhile (rayon::in_place_scope) took about 4% more CPU and wall on
    // 10k articles and gained nothing, writes being short.
    while !reader_gone && failure.is_none() {
        chunk.clear();
        chunk.extend(paths.by_ref().take(chunk_size));
        if chunk.is_empty() {
            break;
        }
        let Prepared {
            unreadable,
            checked,
            pieces,
        } = prepare(&chunk, !written_any);
        // Problems are reported here, on the main thread: in path order at
        // any thread count (pool threads printed read errors in any order).
        for e in &unreadable {
            eprint_diagnostic(e);
        }
        trouble |= !unreadable.is_empty();
        for c in &checked {
            if let Some(err) = &c.extraction.front_matter_error {
                eprint_diagnostic(&input::FrontMatterProblem::new(&c.path, &c.text, err));
                trouble = true;
            }
        }
        if outputs.write_baseline.is_some() {
            baseline_entries.extend(baseline::entries(&checked));
        }
        summary.add(&report::Summary::of(&checked));
        worst = worst.max(report::Summary::worst(&checked));
        written_any |= !checked.is_empty();
        // Freed on the pool while this thread writes: freed here, the pool
        // waited for it (4% of the wall time on 10k articles). With glibc's
        // allocator, freeing on the pool made its arenas contend; mimalloc's
        // do not. The last chunk is left to process exit, like the fact
        // base (3% of a 300-article run).
        if paths.peek().is_none() {
            std::mem::forget(checked);
        } else {
            rayon::spawn(move || drop(checked));
        }
        for piece in &pieces {
            match sink.write(piece) {
                Ok(true) => {}
                Ok(false) => reader_gone = true,
                Err(e) => failure = Some(e),
            }
            if reader_gone || failure.is_some() {
                break;
            }
        }
    }
    drop(paths);
    trouble |= files.trouble();
    let closing = match format {
        Format::Json => report::json::end(&summary, !written_any),
        Format::Human | Format::Plain => format!("{}\n", summary.line()),
        _ => String::new(),
    };
    if failure.is_none() && !reader_gone {
        if let Err(e) = sink.write(&closing) {
            failure = Some(e);
        }
    }
    if let Some(e) = failure {
        sink.abandon();
        let _ = writeln!(io::stderr().lock(), "factcheck: {e}");
        return ExitCode::from(EXIT_TROUBLE);
    }
    if let Err(e) = sink.finish() {
        let _ = writeln!(io::stderr().lock(), "factcheck: {e}");
        return ExitCode::from(EXIT_TROUBLE);
    }
    // The process ends soon: freeing the automata and the fact base costs
    // about 1.5 million instructions of a 29 million cold run; exit does it.
    std::mem::forget(checker);
    std::mem::forget(base);
    if let Some(path) = outputs.write_baseline {
        if let Err(e) = write_atomically(path, &baseline::render_entries(baseline_entries)) {
            let _ = writeln!(io::stderr().lock(), "factcheck: {e}");
            return ExitCode::from(EXIT_TROUBLE);
        }
    }
    if trouble {
        return ExitCode::from(EXIT_TROUBLE);
    }
    if outputs.write_baseline.is_some() {
        return ExitCode::SUCCESS;
    }
    match worst {
        Some(w) if w >= threshold(deny) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// A chunk read, checked and rendered, waiting to be reported and written.
struct Prepared {
    /// The sources that could not be read, in path order.
    unreadable: Vec<input::InputError>,
    /// The others, in path order.
    checked: Vec<checker::Checked>,
    /// Their part of the report, in pieces.
    pieces: Vec<String>,
}

/// The report's part for `checked`, rendered on the thread pool and kept in
/// path order as a few pieces, each the sources one task rendered (`first`:
/// no source was written before). Written one after the other, the pieces
/// need no joining on the main thread.
fn render_pieces(
    format: Format,
    checked: &[checker::Checked],
    first: bool,
    options: report::human::Options,
) -> Vec<String> {
    // One source (an editor's save) does without the thread pool's start.
    let serial = checked.len() <= 1;
    // Rayon's fold and collect keep the order of the sources. Entries made
    // as strings are joined once per task, with the exact size.
    let entries = |entry: &(dyn Fn(usize, &checker::Checked) -> String + Sync)| {
        if serial {
            return checked
                .iter()
                .enumerate()
                .map(|(i, c)| entry(i, c))
                .collect();
        }
        checked
            .par_iter()
            .enumerate()
            .fold(Vec::new, |mut some: Vec<String>, (i, c)| {
                some.push(entry(i, c));
                some
            })
            .map(|some| some.concat())
            .collect()
    };
    match format {
        Format::Json => entries(&|i, c| report::json::source_entry(c, checked, first && i == 0)),
        Format::Jsonl => entries(&|_, c| report::jsonl::render_source(c, checked)),
        Format::Human | Format::Plain => {
            let render = |mut out: String, c: &checker::Checked| {
                report::human::render_source(c, checked, options, &mut out);
                out
            };
            if serial {
                return vec![checked.iter().fold(String::new(), render)];
            }
            checked.par_iter().fold(String::new, render).collect()
        }
        Format::Github => vec![report::github::render(checked)],
        Format::Sarif => vec![report::sarif::render(checked)],
        Format::Html => vec![report::html::render(checked)],
    }
}

fn threshold(deny: Deny) -> checker::Severity {
    match deny {
        Deny::Error => checker::Severity::Error,
        Deny::Warning => checker::Severity::Warning,
        Deny::Note => checker::Severity::Note,
    }
}

/// One article per input line, one report record per output line. Lines
/// are read and checked in batches, so memory stays bounded however long
/// the stream; records keep the input order.
fn stream(facts_dir: &Path, deny: Deny, published: Option<facts::FactDate>) -> ExitCode {
    #[derive(serde::Deserialize)]
    struct Record {
        path: String,
        text: String,
        #[serde(default)]
        published: Option<String>,
    }
    const BATCH: usize = 256;
    /// A batch holds at most this many bytes of records, however long each.
    const BATCH_BYTES: usize = 256 * 1024 * 1024;
    let record_limit = usize::try_from(input::MAX_ARTICLE_BYTES).unwrap_or(usize::MAX);
    let Some(base) = load_facts(facts_dir) else {
        return ExitCode::from(EXIT_TROUBLE);
    };
    // A stream is a corpus: automata that search fastest.
    let checker = checker::Checker::for_workload(&base, checker::Workload::Many);
    let threshold = threshold(deny);
    let mut worst: Option<checker::Severity> = None;
    let mut trouble = false;
    let mut stdin = io::stdin().lock();
    let mut out = io::stdout().lock();
    let mut next = 0usize;
    let mut at_end = false;
    while !at_end {
        let mut batch: Vec<(usize, io::Result<String>)> = Vec::new();
        let mut bytes = 0usize;
        while batch.len() < BATCH && bytes < BATCH_BYTES {
            let Some(line) = read_record(&mut stdin, record_limit) else {
                at_end = true;
                break;
            };
            // A failing stream (not a bad record) ends the run.
            at_end = matches!(&line, Err(e) if e.kind() != io::ErrorKind::InvalidData);
            bytes += line.as_ref().map_or(0, String::len);
            batch.push((next, line));
            next += 1;
            if at_end {
                break;
            }
        }
        let results: Vec<Result<(String, Option<checker::Severity>), String>> = batch
            .into_par_iter()
            .map(|(n, line)| {
                let line = match line {
                    Ok(l) => l,
                    Err(e) => return Err(format!("line {}: {e}", n + 1)),
                };
                if line.trim().is_empty() {
                    return Ok((String::new(), None));
                }
                let record: Record = serde_json::from_str(&line).map_err(|e| {
                    format!(
                        "line {}: not an article record ({{\"path\", \"text\"}}): {e}",
                        n + 1
                    )
                })?;
                let date = match record.published.as_deref().map(facts::FactDate::parse) {
                    Some(Ok(d)) => Some(d),
                    Some(Err(e)) => return Err(format!("line {} ({}): {e}", n + 1, record.path)),
                    None => published,
                };
                let c = checker.check(
                    checker::Source {
                        path: record.path,
                        text: record.text,
                    },
                    date,
                );
                let worst = c.diagnostics.iter().map(|d| d.severity).max();
                Ok((report::json::source_line(&c), worst))
            })
            .collect();
        for result in results {
            match result {
                Ok((record, severity)) => {
                    worst = worst.max(severity);
                    if let Err(e) = out.write_all(record.as_bytes()) {
                        if e.kind() == io::ErrorKind::BrokenPipe {
                            return ExitCode::SUCCESS;
                        }
                        let _ = writeln!(
                            io::stderr().lock(),
                            "factcheck: cannot write to stdout: {e}"
                        );
                        return ExitCode::from(EXIT_TROUBLE);
                    }
                }
                Err(message) => {
                    let _ = writeln!(io::stderr().lock(), "factcheck: {message}");
                    trouble = true;
                }
            }
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(
                io::stderr().lock(),
                "factcheck: cannot write to stdout: {e}"
            );
            return ExitCode::from(EXIT_TROUBLE);
        }
    }
    if trouble {
        ExitCode::from(EXIT_TROUBLE)
    } else if worst.is_some_and(|w| w >= threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The next line of `input` without its line ending; an error for a line
/// longer than `limit` bytes (read to its end, never held) or not UTF-8;
/// `None` at the end.
fn read_record(input: &mut impl io::BufRead, limit: usize) -> Option<io::Result<String>> {
    let mut line = Vec::new();
    let mut read_any = false;
    let mut too_long = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Some(Err(e)),
        };
        if buf.is_empty() {
            if !read_any {
                return None;
            }
            break;
        }
        read_any = true;
        let (len, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if !too_long && line.len() + len <= limit.saturating_add(2) {
            line.extend_from_slice(&buf[..len]);
        } else {
            too_long = true;
            line = Vec::new();
        }
        input.consume(len);
        if done {
            break;
        }
    }
    if too_long {
        return Some(Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("record longer than the {limit}-byte limit, skipped"),
        )));
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    Some(String::from_utf8(line).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    }))
}

fn explain_code(code: Option<&str>, list: bool) -> ExitCode {
    if list {
        return write_out(&explain::list());
    }
    let code = code.unwrap_or("");
    match checker::checks::find(code) {
        Some(check) => write_out(&explain::text(check)),
        None => {
            let hint = match explain::suggest(code).as_slice() {
                [] => "`factcheck explain --list` shows every code".to_owned(),
                some => format!("did you mean {}?", some.join(", ")),
            };
            let _ = writeln!(
                io::stderr().lock(),
                "factcheck: unknown code `{code}`: {hint}"
            );
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

fn diff_reports(old: &Path, new: &Path, format: DiffFormat) -> ExitCode {
    let (old, new) = match (diff::read(old), diff::read(new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(io::stderr().lock(), "factcheck: {e}");
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let changes = diff::compare(old, new);
    let text = match format {
        DiffFormat::Human => diff::human(&changes),
        DiffFormat::Json => serde_json::to_string_pretty(&changes).unwrap_or_default() + "\n",
        DiffFormat::Github => diff::github(&changes),
    };
    let written = write_out(&text);
    if written != ExitCode::SUCCESS {
        return written;
    }
    if changes.added.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn list_claims(
    file: &Path,
    facts_dir: &Path,
    format: ListFormat,
    published: Option<facts::FactDate>,
) -> ExitCode {
    let Some(base) = load_facts(facts_dir) else {
        return ExitCode::from(EXIT_TROUBLE);
    };
    let (sources, trouble) = input::collect(&[file.to_path_buf()]);
    if trouble {
        return ExitCode::from(EXIT_TROUBLE);
    }
    let checker = checker::Checker::new(&base);
    let mut out = String::new();
    for source in sources {
        let c = checker.check(source, published);
        out.push_str(&match format {
            ListFormat::Human => report::claims_listing::human(&c),
            ListFormat::Json => report::claims_listing::json(&c),
        });
    }
    write_out(&out)
}

fn facts_check(dir: &std::path::Path) -> ExitCode {
    match facts::load_dir(dir) {
        Ok(base) => {
            let line = format!(
                "{} facts, {} entities, {} rates: ok",
                base.fact_count(),
                base.entities.len(),
                base.rates.len()
            );
            write_out(&line)
        }
        Err(err) => {
            eprint_diagnostic(&err);
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// Writes a line to stdout. A closed pipe (`factcheck ... | head`) ends the
/// run quietly instead of panicking as `println!` would.
fn write_out(line: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    let newline = if line.ends_with('\n') { "" } else { "\n" };
    match write!(out, "{line}{newline}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(
                io::stderr().lock(),
                "factcheck: cannot write to stdout: {e}"
            );
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// Renders a diagnostic to stderr: graphical with colour on a terminal,
/// narratable text otherwise (logs, CI, screen readers). Control characters
/// from the input never reach the terminal: only miette's own colour codes
/// survive.
fn eprint_diagnostic(diagnostic: &dyn miette::Diagnostic) {
    let mut text = String::new();
    let colour = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let rendered = if colour {
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode())
            .with_links(false)
            .render_report(&mut text, diagnostic)
    } else {
        NarratableReportHandler::new().render_report(&mut text, diagnostic)
    };
    if rendered.is_err() {
        text = diagnostic.to_string();
    }
    let safe = if colour {
        keep_only_colour_codes(&text)
    } else {
        facts::sanitize::neutralise(&text).into_owned()
    };
    let _ = writeln!(io::stderr().lock(), "{safe}");
}

/// Neutralises control characters except SGR colour sequences (`ESC [ ... m`),
/// which only change colours.
fn keep_only_colour_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\u{1b}') {
        out.push_str(&facts::sanitize::neutralise(&rest[..i]));
        let tail = &rest[i + 1..];
        let sgr_len = tail
            .strip_prefix('[')
            .and_then(|t| {
                t.find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .map(|n| (t, n))
            })
            .filter(|(t, n)| t[*n..].starts_with('m'))
            .map(|(_, n)| n + 2);
        match sgr_len {
            Some(len) => {
                out.push_str(&rest[i..i + 1 + len]);
                rest = &rest[i + 1 + len..];
            }
            None => {
                out.push('?');
                rest = tail;
            }
        }
    }
    out.push_str(&facts::sanitize::neutralise(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn only_colour_codes_reach_the_terminal() {
        let text = "\u{1b}[31mred\u{1b}[0m \u{1b}]8;;http://x\u{7}link \u{202E}";
        assert_eq!(
            keep_only_colour_codes(text),
            "\u{1b}[31mred\u{1b}[0m ?]8;;http://x?link ???"
        );
    }
}
