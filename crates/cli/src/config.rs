//! `factcheck.toml`: project settings at the repository root. Flags on the
//! command line win over it.
//!
//! ```toml
//! facts = "facts"                 # the facts folder
//! sources = ["sources"]           # what `factcheck check` checks by default
//! deny = "error"                  # error | warning | note
//!
//! [[ignore]]                      # a per-source suppression, with its reason
//! path = "sources/003-*.txt"      # a path, or a prefix ending in `*`
//! code = "cross-source-conflict"  # a code, or "all"
//! reason = "the formal statement was on Friday"
//! ```

use std::path::Path;

use serde::Deserialize;

/// The settings file's name.
pub const FILE: &str = "factcheck.toml";

/// Project settings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The facts folder.
    pub facts: Option<String>,
    /// Default paths to check.
    pub sources: Option<Vec<String>>,
    /// Default deny level.
    pub deny: Option<String>,
    /// Per-source suppressions.
    #[serde(default)]
    pub ignore: Vec<Ignore>,
}

/// One per-source suppression.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ignore {
    /// A source path, or a prefix ending in `*`.
    pub path: String,
    /// The code silenced, or `all`.
    pub code: String,
    /// Why: required for the suppression to apply.
    #[serde(default)]
    pub reason: Option<String>,
}

impl Ignore {
    /// Whether this suppression covers `path`.
    pub fn covers(&self, path: &str) -> bool {
        match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == self.path,
        }
    }
}

/// Reads `file` if it exists; `Ok(None)` when there is none.
pub fn load(file: &Path) -> Result<Option<Config>, String> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", file.display())),
    };
    let config: Config = toml::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    if let Some(deny) = &config.deny {
        if checker::Severity::parse(deny).is_none() {
            return Err(format!(
                "{}: deny = \"{deny}\" must be error, warning or note",
                file.display()
            ));
        }
    }
    Ok(Some(config))
}

fn has_reason(ignore: &Ignore) -> bool {
    ignore
        .reason
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty())
}

/// A warning line for each per-source suppression without a reason.
pub fn warnings(config: &Config) -> Vec<String> {
    config
        .ignore
        .iter()
        .filter(|i| !has_reason(i))
        .map(|i| {
            format!(
                "{FILE}: the ignore of `{}` for `{}` gives no reason, so it suppresses nothing",
                i.code, i.path
            )
        })
        .collect()
}

/// Applies the per-source suppressions that give a reason.
pub fn apply(config: &Config, checked: &mut [checker::Checked]) {
    for ignore in &config.ignore {
        if !has_reason(ignore) {
            continue;
        }
        for c in checked.iter_mut().filter(|c| ignore.covers(&c.path)) {
            let before = c.diagnostics.len();
            c.diagnostics
                .retain(|d| ignore.code != "all" && d.code != ignore.code);
            c.suppressed += before - c.diagnostics.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_parse_and_unknown_keys_are_refused() {
        let config: Config = toml::from_str(
            "facts = \"f\"\ndeny = \"warning\"\n[[ignore]]\npath = \"sources/a*\"\ncode = \"all\"\nreason = \"x\"\n",
        )
        .unwrap();
        assert_eq!(config.facts.as_deref(), Some("f"));
        assert!(config.ignore[0].covers("sources/abc.txt"));
        assert!(!config.ignore[0].covers("sources/b.txt"));
        assert!(toml::from_str::<Config>("factz = \"f\"\n").is_err());
    }
}
