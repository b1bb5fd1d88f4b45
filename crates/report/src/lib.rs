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

/// Lines and columns of a known set of byte offsets of one text, found in
/// one forward pass that stops at the last offset: cheaper than [`Lines`]
/// (which indexes every line of the text) when a report needs a handful of
/// spans of each article. Gives exactly what [`Lines::span`] gives.
pub struct Positions<'a> {
    text: &'a str,
    /// `(offset as asked, line, column)`, sorted by offset.
    found: Vec<(usize, usize, usize)>,
}

/// Bytes of `bytes` that `hit` holds for, counted 128 at a time into a
/// byte counter, a loop the compiler turns into vector code (a plain
/// filtered count stays a byte-at-a-time loop here, and lanes kept across
/// blocks end up in scalar registers). The last bytes are counted as one
/// more block, padded with zeros whose hits are taken off again.
fn count(bytes: &[u8], hit: impl Fn(u8) -> bool) -> usize {
    const N: usize = 128;
    let block = |block: &[u8; N]| usize::from(block.iter().fold(0u8, |a, &b| a + u8::from(hit(b))));
    let mut blocks = bytes.chunks_exact(N);
    let mut n = 0;
    for chunk in &mut blocks {
        n += <&[u8; N]>::try_from(chunk).map_or(0, block);
    }
    let rest = blocks.remainder();
    let mut last = [0u8; N];
    if let Some(head) = last.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    let padding = (N - rest.len()) * usize::from(hit(0));
    n + block(&last) - padding
}

/// Characters that start in `bytes` (bytes that are not UTF-8 continuation
/// bytes).
fn chars_in(bytes: &[u8]) -> usize {
    count(bytes, |b| (b as i8) >= -0x40)
}

/// The position of the last `\n` in `bytes`: blocks of 32 from the end are
/// tested whole (vector compares) and only the block holding it is searched.
fn last_newline(bytes: &[u8]) -> Option<usize> {
    let mut blocks = bytes.rchunks_exact(32);
    for (i, chunk) in (&mut blocks).enumerate() {
        if chunk.iter().fold(false, |a, &b| a | (b == b'\n')) {
            let at = chunk.iter().rposition(|&b| b == b'\n').unwrap_or(0);
            return Some(bytes.len() - 32 * (i + 1) + at);
        }
    }
    blocks.remainder().iter().rposition(|&b| b == b'\n')
}

impl<'a> Positions<'a> {
    /// Resolves `offsets` of `text`.
    pub fn new(text: &'a str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut asked: Vec<usize> = offsets.into_iter().collect();
        // Reports give them mostly in order already.
        if !asked.is_sorted() {
            asked.sort_unstable();
        }
        asked.dedup();
        let bytes = text.as_bytes();
        // A byte-order mark is no character of the text an editor shows.
        let bom = usize::from(text.starts_with('\u{feff}'));
        let (mut line, mut line_start, mut pos, mut chars) = (1, 0, 0, 0);
        let found = asked
            .into_iter()
            .map(|raw| {
                let offset = raw.min(text.len());
                if !text.is_char_boundary(offset) {
                    return (raw, 1, 1);
                }
                // Offsets ascend, so `pos <= offset`: the pass reads each
                // byte a few times at most, even on a text without breaks.
                let run = bytes.get(pos..offset).unwrap_or_default();
                match last_newline(run) {
                    None => chars += chars_in(run),
                    Some(last) => {
                        line += 1 + count(run.get(..last).unwrap_or_default(), |b| b == b'\n');
                        line_start = pos + last + 1;
                        chars = chars_in(bytes.get(line_start..offset).unwrap_or_default());
                    }
                }
                pos = offset;
                let column = if line_start == 0 && offset > 0 {
                    chars + 1 - bom
                } else {
                    chars + 1
                };
                (raw, line, column)
            })
            .collect();
        Positions { text, found }
    }

    /// The span of `range`, as [`Span::of`] gives it (its start was one of
    /// the offsets given, or it is looked up the slow way).
    pub fn span(&self, range: &std::ops::Range<usize>) -> Span {
        match self.found.binary_search_by_key(&range.start, |f| f.0) {
            Ok(i) => match self.found.get(i) {
                Some(&(_, line, column)) => Span::at(range, (line, column)),
                None => Span::of(self.text, range),
            },
            Err(_) => Span::of(self.text, range),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of generated pieces: breaks (`\n`, `\r\n`), ASCII, multi-byte
    /// characters, sometimes a byte-order mark first and lines longer than
    /// the line index's 4,096-byte checkpoints.
    fn text(seed: u64) -> String {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        let pieces = ["\n", "\r\n", "a", "bc ", "é", "€", "😀", "\u{feff}", "\n\n"];
        let mut t = String::new();
        if next() % 3 == 0 {
            t.push('\u{feff}');
        }
        let long = next() % 4 == 0;
        let count = if long { next() % 30 } else { next() % 300 };
        for _ in 0..count {
            let p = pieces[next() % pieces.len()];
            if long && p.contains('\n') {
                t.push_str(&"x€".repeat(1500));
            } else {
                t.push_str(p);
            }
        }
        t
    }

    #[test]
    fn positions_are_the_line_index_spans() {
        for seed in 0..300 {
            let t = text(seed);
            let lines = Lines::new(&t);
            // Every offset, including ones inside characters and past the end.
            let all = Positions::new(&t, (0..t.len() + 3).rev());
            // A few offsets, some repeated, the rest looked up the slow way.
            let few = Positions::new(&t, (0..t.len() + 3).step_by(7).chain([5, 5, 0]));
            let step = if t.len() > 5000 { 11 } else { 1 };
            for start in (0..t.len() + 3).step_by(step).chain([t.len() + 1]) {
                let range = start..start + 2;
                let expected = lines.span(&range);
                assert_eq!(all.span(&range), expected, "seed {seed} offset {start}");
                assert_eq!(few.span(&range), expected, "seed {seed} offset {start}");
                if start % 13 == 0 {
                    assert_eq!(Span::of(&t, &range), expected, "seed {seed} offset {start}");
                }
            }
        }
    }
}
