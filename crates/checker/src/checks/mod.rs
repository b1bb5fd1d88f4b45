//! The checks: one file each, registered in [`CHECKS`]. Each file holds the
//! check's documentation (what it checks, why, an example), its logic and
//! its tests. "Which checks exist?" is answered by this list.

pub mod amount_mismatch;
pub mod conversion_inconsistent;
pub mod cross_source_conflict;
pub mod date_mismatch;
pub mod malformed_amount;
pub mod name_garbled;
pub mod name_misspelled;
pub mod relative_date;
pub mod role_mismatch;
pub mod sum_mismatch;
pub mod suppression_without_reason;
pub mod unknown_entity;
pub mod weekday_mismatch;

use crate::{Context, Findings, Severity};

/// A registered check.
pub struct Check {
    /// The stable code, as in reports and `factcheck explain`.
    pub code: &'static str,
    /// The usual severity of its findings.
    pub severity: Severity,
    /// One line: what it reports.
    pub summary: &'static str,
    /// What it checks, why it matters, and an example (Markdown).
    pub doc: &'static str,
    /// Runs the check over one article.
    pub run: fn(&Context<'_>) -> Findings,
}

/// Every check, in the order of DESIGN.md's code list, then the codes
/// added since.
pub const CHECKS: &[Check] = &[
    amount_mismatch::CHECK,
    conversion_inconsistent::CHECK,
    malformed_amount::CHECK,
    sum_mismatch::CHECK,
    date_mismatch::CHECK,
    weekday_mismatch::CHECK,
    relative_date::CHECK,
    role_mismatch::CHECK,
    name_misspelled::CHECK,
    name_garbled::CHECK,
    cross_source_conflict::CHECK,
    unknown_entity::CHECK,
    suppression_without_reason::CHECK,
];

/// The check with this code.
pub fn find(code: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut codes: Vec<&str> = CHECKS.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CHECKS.len(), "duplicate code");
        for check in CHECKS {
            assert!(
                check
                    .code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')
            );
            for part in ["What it checks", "Why", "Example"] {
                assert!(
                    check.doc.contains(part),
                    "{}: doc lacks `{part}`",
                    check.code
                );
            }
        }
    }
}
