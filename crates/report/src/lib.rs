//! Rendering of check results: one renderer per format (`human.rs`,
//! `json.rs`, `jsonl.rs`, `sarif.rs`, `github.rs`, `html.rs`,
//! `claims_listing.rs`) over the checker's results. Renderers
//! return strings; only the CLI writes them to the terminal.

pub mod claims_listing;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sanitize;
pub mod sarif;

use checker::{Checked, Severity};
use serde::Serialize;

/// A byte range with its 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// Byte after the last.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Span {
    /// The span of `range` in `text`.
    pub fn of(text: &str, range: &std::ops::Range<usize>) -> Span {
        Span::at(range, facts::line_column(text, range.start))
    }

    /// `range` starting at `(line, column)`.
    fn at(range: &std::ops::Range<usize>, (line, column): (usize, usize)) -> Span {
        Span {
            start: range.start,
            end: range.end,
            line,
            column,
        }
    }
}

/// Lines and columns of one text for many lookups, each without rescanning
/// the text: a report of a long article with many diagnostics stays linear.
pub struct Lines<'a> {
    text: &'a str,
    index: facts::load::LineIndex,
}

impl<'a> Lines<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        Lines {
            text,
            index: facts::load::LineIndex::new(text),
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        self.index.line_column(self.text, offset)
    }

    /// The span of `range`, as [`Span::of`] gives it.
    pub fn span(&self, range: &std::ops::Range<usize>) -> Span {
        Span::at(range, self.line_column(range.start))
    }
}

/// Totals over all sources.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Sources checked.
    pub sources: usize,
    /// Claims extracted (mentions are not counted).
    pub claims: usize,
    /// Claims confirmed.
    pub verified: usize,
    /// Diagnostics by severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// Diagnostics silenced by inline suppressions or a baseline.
    pub suppressed: usize,
}

impl Summary {
    /// Totals of a run.
    pub fn of(checked: &[Checked]) -> Summary {
        let mut s = Summary {
            sources: checked.len(),
            ..Summary::default()
        };
        for c in checked {
            s.claims += c.claim_count();
            s.verified += c.verified_count();
            s.suppressed += c.suppressed;
            for d in &c.diagnostics {
                match d.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Note => s.notes += 1,
                }
            }
        }
        s
    }

    /// "5 sources, 120 claims, 80 verified: 6 errors, 3 warnings, 4 notes",
    /// then ", 2 suppressed" if any were.
    pub fn line(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let suppressed = if self.suppressed > 0 {
            format!(", {} suppressed", self.suppressed)
        } else {
            String::new()
        };
        format!(
            "{}, {}, {} verified: {}, {}, {}{suppressed}",
            plural(self.sources, "source"),
            plural(self.claims, "claim"),
            self.verified,
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.notes, "note"),
        )
    }

    /// Adds another part of a run.
    pub fn add(&mut self, other: &Summary) {
        self.sources += other.sources;
        self.claims += other.claims;
        self.verified += other.verified;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notes += other.notes;
        self.suppressed += other.suppressed;
    }

    /// The highest severity found, if any.
    pub fn worst(checked: &[Checked]) -> Option<Severity> {
        checked
            .iter()
            .flat_map(|c| c.diagnostics.iter().map(|d| d.severity))
            .max()
    }
}
