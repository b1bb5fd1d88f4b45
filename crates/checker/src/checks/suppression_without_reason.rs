//! `suppression-without-reason`: an inline suppression that does not say
//! why. The work is done by [`crate::suppress`]; this file documents the
//! code and registers it.

use super::Check;
use crate::{Context, Findings, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: crate::suppress::UNEXPLAINED,
    severity: Severity::Warning,
    summary: "a `factcheck-ignore` comment that gives no reason",
    doc: "\
**What it checks.** `<!-- factcheck-ignore CODE: reason -->` silences diagnostics of CODE \
(or `all`) in the paragraph after the comment. Without the reason after the colon the comment \
suppresses nothing and is reported instead.

**Why.** A finding silenced without a reason is a finding nobody can review later; the \
reason travels with the article.

**Example.** `<!-- factcheck-ignore amount-mismatch -->` is reported; write \
`<!-- factcheck-ignore amount-mismatch: preliminary figure, confirmed by the desk -->`.",
    run: per_source,
};

fn per_source(_: &Context<'_>) -> Findings {
    Findings::default()
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: acme-pledge, subject: acme, what: the pledge, cues: [invest], value: 100 billion CNY }
";

    #[test]
    fn reasons_are_required_and_reasoned_suppressions_apply() {
        let wrong = "Acme will invest 10 billion yuan.";
        assert_eq!(check(FACTS, wrong, "amount-mismatch").len(), 1);
        let reasoned = format!("<!-- factcheck-ignore amount-mismatch: draft figure -->\n{wrong}");
        assert!(check(FACTS, &reasoned, "amount-mismatch").is_empty());
        assert!(check(FACTS, &reasoned, "suppression-without-reason").is_empty());
        let bare = format!("<!-- factcheck-ignore amount-mismatch -->\n{wrong}");
        assert_eq!(check(FACTS, &bare, "amount-mismatch").len(), 1);
        assert_eq!(check(FACTS, &bare, "suppression-without-reason").len(), 1);
        let elsewhere =
            format!("<!-- factcheck-ignore amount-mismatch: draft -->\nOther words.\n\n{wrong}");
        assert_eq!(
            check(FACTS, &elsewhere, "amount-mismatch").len(),
            1,
            "only the next paragraph"
        );
    }
}
