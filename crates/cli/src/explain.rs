//! `factcheck explain CODE` and `factcheck explain --list`, from the check
//! files' own documentation.

use checker::checks::{self, Check};

/// The documentation of a check as plain text: Markdown emphasis removed.
pub fn text(check: &Check) -> String {
    let body = check.doc.replace("**", "").replace('`', "");
    format!(
        "{} ({})\n\n{}\n\n{}\n",
        check.code,
        check.severity.as_str(),
        check.summary,
        body
    )
}

/// One line per check: code, severity, summary.
pub fn list() -> String {
    let width = checks::CHECKS
        .iter()
        .map(|c| c.code.len())
        .max()
        .unwrap_or(0);
    checks::CHECKS
        .iter()
        .map(|c| {
            format!(
                "{:<width$}  {:<7}  {}\n",
                c.code,
                c.severity.as_str(),
                c.summary
            )
        })
        .collect()
}

/// The codes closest to an unknown one, for the error message.
pub fn suggest(code: &str) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> = checks::CHECKS
        .iter()
        .map(|c| (strsim::levenshtein(code, c.code), c.code))
        .filter(|(d, c)| *d <= 3 || (code.len() >= 3 && c.contains(code)))
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_explained_and_listed() {
        let listed = list();
        for check in checks::CHECKS {
            assert!(listed.contains(check.code));
            let t = text(check);
            assert!(t.starts_with(check.code) && t.contains("Example."), "{t}");
            assert!(!t.contains("**"));
        }
    }

    #[test]
    fn unknown_codes_get_suggestions() {
        assert_eq!(suggest("amount-missmatch"), ["amount-mismatch"]);
        assert!(suggest("zzzzzzzzzzzzzzzzzzzz").is_empty());
    }
}
