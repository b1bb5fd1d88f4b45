//! `factcheck`: check news articles against a base of canonical facts.
//!
//! Only this crate touches the terminal, clap, colour and exit codes.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use miette::{GraphicalReportHandler, GraphicalTheme, NarratableReportHandler};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// One claim a line.
    Human,
    /// The JSON listing, version 1.
    Json,
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
        /// Files or folders (.txt and .md, recursively). Default: sources.
        paths: Vec<PathBuf>,
        /// The facts folder.
        #[arg(long, default_value = "facts")]
        facts: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Lowest severity that makes the exit code 1.
        #[arg(long, value_enum, default_value_t = Deny::Error)]
        deny: Deny,
        /// Publication date for sources without one (2021-09-04, 2021-09 or 2021).
        #[arg(long, value_parser = parse_date)]
        published: Option<facts::FactDate>,
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
        } => check(paths, &facts, format, deny, published),
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

fn check(
    paths: Vec<PathBuf>,
    facts_dir: &Path,
    format: Format,
    deny: Deny,
    published: Option<facts::FactDate>,
) -> ExitCode {
    let Some(base) = load_facts(facts_dir) else {
        return ExitCode::from(EXIT_TROUBLE);
    };
    let paths = if paths.is_empty() {
        vec![PathBuf::from("sources")]
    } else {
        paths
    };
    let (sources, mut trouble) = input::collect(&paths);
    let checker = checker::Checker::new(&base);
    let mut checked: Vec<checker::Checked> = Vec::new();
    for source in sources {
        let c = checker.check(source, published);
        if let Some(err) = &c.extraction.front_matter_error {
            eprint_diagnostic(&input::FrontMatterProblem::new(&c.path, &c.text, err));
            trouble = true;
        }
        checked.push(c);
    }
    checker::cross_check(&base, &mut checked);
    let text = match format {
        Format::Json => report::json::render(&checked),
        Format::Human | Format::Plain => {
            let style = if format == Format::Plain {
                report::human::Style::Narrated
            } else if io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
                report::human::Style::Color
            } else {
                report::human::Style::Plain
            };
            report::human::render(&checked, report::human::Options { style, width: 100 })
        }
    };
    let written = write_out(&text);
    if trouble {
        return ExitCode::from(EXIT_TROUBLE);
    }
    if written != ExitCode::SUCCESS {
        return written;
    }
    let threshold = match deny {
        Deny::Error => checker::Severity::Error,
        Deny::Warning => checker::Severity::Warning,
        Deny::Note => checker::Severity::Note,
    };
    match report::Summary::worst(&checked) {
        Some(worst) if worst >= threshold => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
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
        Err(_) => ExitCode::from(EXIT_TROUBLE),
    }
}

/// Renders a diagnostic to stderr: graphical with colour on a terminal,
/// narratable text otherwise (logs, CI, screen readers).
fn eprint_diagnostic(diagnostic: &dyn miette::Diagnostic) {
    let mut text = String::new();
    let rendered = if io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode())
            .with_links(false)
            .render_report(&mut text, diagnostic)
    } else {
        NarratableReportHandler::new().render_report(&mut text, diagnostic)
    };
    if rendered.is_err() {
        text = diagnostic.to_string();
    }
    let _ = writeln!(io::stderr().lock(), "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
