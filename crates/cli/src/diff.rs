//! `factcheck diff OLD.json NEW.json`: the discrepancies added, removed and
//! changed between two JSON reports, for reviewers.
//!
//! Diagnostics are matched by a fingerprint that survives edits elsewhere in
//! the article: the source path, the code, the words found, and the rank
//! among identical (path, code, words) triples; never the line or offset.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

/// A diagnostic as the JSON report (version 1) writes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Entry {
    /// Code.
    pub code: String,
    /// Severity.
    pub severity: String,
    /// Message.
    pub message: String,
    /// Span.
    pub span: Span,
    /// Found words.
    pub found: String,
    /// Expected value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// Fact id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// Help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// A span as the JSON report writes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// Byte after the last.
    pub end: usize,
    /// Line.
    pub line: usize,
    /// Column.
    pub column: usize,
}

#[derive(Debug, Deserialize)]
struct Source {
    path: String,
    #[serde(default)]
    diagnostics: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Report {
    version: u32,
    sources: Vec<Source>,
}

/// A diagnostic with its source path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    /// The source.
    pub path: String,
    /// The diagnostic.
    #[serde(flatten)]
    pub entry: Entry,
}

/// What changed between two reports.
#[derive(Debug, Default, Serialize)]
pub struct Changes {
    /// Report format version.
    pub version: u32,
    /// In the new report only.
    pub added: Vec<Located>,
    /// In the old report only.
    pub removed: Vec<Located>,
    /// In both, with a different severity, message, expectation or fact.
    pub changed: Vec<Change>,
}

/// One diagnostic in both reports, changed.
#[derive(Debug, Serialize)]
pub struct Change {
    /// Before.
    pub old: Located,
    /// After.
    pub new: Located,
}

/// Reads a JSON report, or says why it cannot.
pub fn read(path: &std::path::Path) -> Result<Vec<Located>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let report: Report = serde_json::from_str(&text).map_err(|e| {
        format!("{} is not a factcheck JSON report: {e} (write one with `factcheck check --format json`)", path.display())
    })?;
    if report.version != 1 {
        return Err(format!(
            "{}: report version {} is not supported (expected 1)",
            path.display(),
            report.version
        ));
    }
    Ok(report
        .sources
        .into_iter()
        .flat_map(|s| {
            let path = s.path;
            s.diagnostics.into_iter().map(move |entry| Located {
                path: path.clone(),
                entry,
            })
        })
        .collect())
}

fn keyed(entries: Vec<Located>) -> BTreeMap<(String, String, String, usize), Located> {
    let mut seen: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for e in entries {
        let base = (e.path.clone(), e.entry.code.clone(), e.entry.found.clone());
        let rank = seen.entry(base.clone()).or_default();
        out.insert((base.0, base.1, base.2, *rank), e);
        *rank += 1;
    }
    out
}

/// Compares two reports.
pub fn compare(old: Vec<Located>, new: Vec<Located>) -> Changes {
    let old = keyed(old);
    let mut new = keyed(new);
    let mut changes = Changes {
        version: 1,
        ..Changes::default()
    };
    for (key, before) in old {
        match new.remove(&key) {
            None => changes.removed.push(before),
            Some(after) => {
                let same = before.entry.severity == after.entry.severity
                    && before.entry.message == after.entry.message
                    && before.entry.expected == after.entry.expected
                    && before.entry.fact == after.entry.fact;
                if !same {
                    changes.changed.push(Change {
                        old: before,
                        new: after,
                    });
                }
            }
        }
    }
    changes.added = new.into_values().collect();
    changes
}

/// Text from a report file (which anyone may have written), made safe for
/// a terminal and kept on one line.
fn one_line(text: &str) -> String {
    facts::sanitize::neutralise(text).replace(['\n', '\t'], " ")
}

fn line(sign: char, l: &Located) -> String {
    one_line(&format!(
        "{sign} {} {} {}:{}:{} {:?}: {}",
        l.entry.severity,
        l.entry.code,
        l.path,
        l.entry.span.line,
        l.entry.span.column,
        l.entry.found,
        l.entry.message
    )) + "\n"
}

/// A readable review: `+` added, `-` removed, `~` changed with a word diff
/// of the message.
pub fn human(changes: &Changes) -> String {
    let mut out = String::new();
    for a in &changes.added {
        out.push_str(&line('+', a));
    }
    for r in &changes.removed {
        out.push_str(&line('-', r));
    }
    for c in &changes.changed {
        out.push_str(&line('~', &c.new));
        if c.old.entry.severity != c.new.entry.severity {
            out.push_str(&format!(
                "    severity: {} -> {}\n",
                one_line(&c.old.entry.severity),
                one_line(&c.new.entry.severity)
            ));
        }
        if c.old.entry.message != c.new.entry.message {
            let diff = TextDiff::from_words(&c.old.entry.message, &c.new.entry.message);
            let mut words = String::new();
            for change in diff.iter_all_changes() {
                let value = change.value();
                match change.tag() {
                    ChangeTag::Equal => words.push_str(value),
                    ChangeTag::Delete => words.push_str(&format!("[-{value}-]")),
                    ChangeTag::Insert => words.push_str(&format!("{{+{value}+}}")),
                }
            }
            out.push_str(&format!("    message: {}\n", one_line(&words)));
        }
        if c.old.entry.expected != c.new.entry.expected {
            out.push_str(&format!(
                "    expected: {} -> {}\n",
                one_line(c.old.entry.expected.as_deref().unwrap_or("-")),
                one_line(c.new.entry.expected.as_deref().unwrap_or("-"))
            ));
        }
    }
    out.push_str(&format!(
        "{} added, {} removed, {} changed\n",
        changes.added.len(),
        changes.removed.len(),
        changes.changed.len()
    ));
    out
}

/// GitHub workflow commands for added and changed diagnostics.
pub fn github(changes: &Changes) -> String {
    use report::github::{data, property};
    let mut out = String::new();
    for (what, l) in changes
        .added
        .iter()
        .map(|l| ("new", l))
        .chain(changes.changed.iter().map(|c| ("changed", &c.new)))
    {
        let level = match l.entry.severity.as_str() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{what}: {}\n",
            property(&l.path),
            l.entry.span.line,
            l.entry.span.column,
            property(&l.entry.code),
            data(&l.entry.message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, code: &str, found: &str, message: &str, line: usize) -> Located {
        Located {
            path: path.into(),
            entry: Entry {
                code: code.into(),
                severity: "error".into(),
                message: message.into(),
                span: Span {
                    start: line * 10,
                    end: line * 10 + 3,
                    line,
                    column: 1,
                },
                found: found.into(),
                expected: None,
                fact: None,
                help: None,
            },
        }
    }

    #[test]
    fn matched_by_fingerprint_not_position() {
        let old = vec![
            entry("a.txt", "amount-mismatch", "10 billion", "wrong", 3),
            entry("a.txt", "role-mismatch", "CEO X", "not CEO", 5),
        ];
        // A paragraph added at the top moves everything down two lines.
        let new = vec![
            entry("a.txt", "amount-mismatch", "10 billion", "wrong", 5),
            entry("a.txt", "date-mismatch", "May 2", "not May 2", 9),
        ];
        let changes = compare(old, new);
        assert_eq!(changes.added.len(), 1);
        assert_eq!(changes.added[0].entry.code, "date-mismatch");
        assert_eq!(changes.removed.len(), 1);
        assert_eq!(changes.removed[0].entry.code, "role-mismatch");
        assert!(changes.changed.is_empty());
    }

    #[test]
    fn changed_messages_are_diffed_word_by_word() {
        let old = vec![entry(
            "a.txt",
            "amount-mismatch",
            "10",
            "the facts say 100 yuan",
            3,
        )];
        let new = vec![entry(
            "a.txt",
            "amount-mismatch",
            "10",
            "the facts say 120 yuan",
            3,
        )];
        let changes = compare(old, new);
        assert_eq!(changes.changed.len(), 1);
        let text = human(&changes);
        assert!(text.contains("[-100-]{+120+}"), "{text}");
        assert!(text.ends_with("0 added, 0 removed, 1 changed\n"));
    }
}
