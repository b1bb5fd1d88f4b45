//! `factcheck`: check news articles against a base of canonical facts.
//!
//! Only this crate touches the terminal, clap, colour and exit codes.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use miette::{GraphicalReportHandler, GraphicalTheme, NarratableReportHandler};

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

#[derive(Debug, Subcommand)]
enum Command {
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
    }
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
    match writeln!(out, "{line}").and_then(|()| out.flush()) {
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
