//! Baselines: the discrepancies an archive already has, recorded so that
//! only new ones are reported (`--write-baseline FILE`, `--baseline FILE`).
//! Entries are matched like `factcheck diff` matches them: source path,
//! code and the words found, never the position.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// One recorded discrepancy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The source.
    pub path: String,
    /// The code.
    pub code: String,
    /// The words found.
    pub found: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    entries: Vec<Entry>,
}

/// The entries recording the current diagnostics of `checked`.
pub fn entries(checked: &[checker::Checked]) -> Vec<Entry> {
    checked
        .iter()
        .flat_map(|c| {
            c.diagnostics.iter().map(|d| Entry {
                path: c.path.clone(),
                code: d.code.to_owned(),
                found: d.found.clone(),
            })
        })
        .collect()
}

/// A baseline file of these entries, sorted: the file is deterministic and
/// diffs well.
pub fn render_entries(mut entries: Vec<Entry>) -> String {
    entries.sort();
    let mut out = serde_json::to_string_pretty(&File {
        version: 1,
        entries,
    })
    .unwrap_or_default();
    out.push('\n');
    out
}

/// Reads a baseline.
pub fn read(path: &Path) -> Result<Vec<Entry>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    let file: File = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{} is not a baseline: {e} (write one with --write-baseline)",
            path.display()
        )
    })?;
    Ok(file.entries)
}

/// Removes the diagnostics the baseline records (each entry once) and
/// counts them as suppressed.
pub fn apply(entries: &[Entry], checked: &mut [checker::Checked]) {
    let mut budget: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for e in entries {
        *budget
            .entry((e.path.clone(), e.code.clone(), e.found.clone()))
            .or_default() += 1;
    }
    for c in checked.iter_mut() {
        let before = c.diagnostics.len();
        let path = c.path.clone();
        c.diagnostics.retain(|d| {
            let key = (path.clone(), d.code.to_owned(), d.found.clone());
            match budget.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        c.suppressed += before - c.diagnostics.len();
    }
}
