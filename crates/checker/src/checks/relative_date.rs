//! `relative-date`: "last month", "over the past 22 years", "since late
//! 2020" that disagree with the publication date and the facts.

use claims::{ClaimKind, DateKind, Resolved};

use super::Check;
use super::date_mismatch::describe;
use crate::{Context, Diagnostic, Findings, Label, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "relative-date",
    severity: Severity::Warning,
    summary: "\"last month\", \"past 22 years\"... disagree with publication date and facts",
    doc: "\
**What it checks.** A relative expression (\"last month\", \"yesterday\", \"over the past 22 \
years\", \"since late 2020\", \"before 2025\") is resolved against the publication date, then \
compared with the event or figure the sentence is about: \"Last month, Acme pledged 50 billion \
yuan\" in an article of September 2021 says the pledge came in August. Without a publication \
date precise enough, nothing is resolved and nothing is said.

**Why.** Relative dates go stale when copy is reused or published late; readers cannot see \
the drift.

**Example.** Published 2021-09-04, \"Last week, Acme released its results\" when the results \
came out on 24 August: last week was 23 to 29 August... but \"last month\" in an article of \
October would be wrong. It is a warning: the publication date itself may be approximate.",
    run,
};

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let claims = ctx.claims();
    // The first claim at each span, built on first use: a lookup per amount
    // must not scan every claim of a long article.
    let mut first_at: Option<std::collections::HashMap<(usize, usize), usize>> = None;
    for (i, claim) in claims.iter().enumerate() {
        // A relative expression matched to an event.
        if let ClaimKind::Date {
            written: DateKind::Relative(relative),
            resolved: Resolved::Date(date),
        } = &claim.kind
        {
            // A deadline ("before 2025") is not the date of the event it
            // bounds: it can be confirmed, never contradicted, here.
            let deadline = matches!(relative, claims::dates::Relative::Before { .. });
            let Some((m, event)) = ctx.matched_event(i) else {
                continue;
            };
            if m.confirms() {
                out.verified.push(i);
            } else if m.contradicts() && !deadline {
                let what = event.what.as_deref().unwrap_or(&event.id);
                let found = ctx.words(&claim.span).to_owned();
                out.diagnostics.push((
                    Diagnostic {
                        code: CHECK.code,
                        severity: Severity::Warning,
                        message: format!(
                            "\"{found}\" points to {}, but the facts date {what} to {}",
                            describe(date),
                            describe(&event.date)
                        ),
                        span: claim.span.clone(),
                        found,
                        expected: Some(describe(&event.date)),
                        fact: Some(event.id.clone()),
                        labels: Vec::new(),
                        help: Some(format!(
                            "resolved from the publication date {}; {}",
                            ctx.published().map(|p| p.to_string()).unwrap_or_default(),
                            ctx.cite(&event.id)
                        )),
                    },
                    vec![i],
                ));
            }
            continue;
        }
        // An amount whose sentence dates it relatively ("Last month, ...").
        let Some((when, when_span)) = &claim.when else {
            continue;
        };
        let Some((m, q)) = ctx.matched_quantity(i) else {
            continue;
        };
        let Some(fact_date) = q.date else { continue };
        let first_at = first_at.get_or_insert_with(|| {
            let mut map = std::collections::HashMap::new();
            for (k, c) in claims.iter().enumerate() {
                map.entry((c.span.start, c.span.end)).or_insert(k);
            }
            map
        });
        let Some(&j) = first_at.get(&(when_span.start, when_span.end)) else {
            continue;
        };
        let ClaimKind::Date {
            written: DateKind::Relative(_),
            ..
        } = &claims[j].kind
        else {
            continue;
        };
        if !m.clear || !m.agrees {
            continue;
        }
        if when.overlaps(&fact_date) {
            out.verified.push(j);
            continue;
        }
        let what = q.what.as_deref().unwrap_or(&q.id);
        let found = ctx.words(when_span).to_owned();
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Warning,
                message: format!(
                    "\"{found}\" points to {}, but the facts date {what} to {}",
                    describe(when),
                    describe(&fact_date)
                ),
                span: when_span.clone(),
                found,
                expected: Some(describe(&fact_date)),
                fact: Some(q.id.clone()),
                labels: vec![Label {
                    span: claim.span.clone(),
                    message: "dated by it".into(),
                    path: None,
                }],
                help: Some(ctx.cite(&q.id)),
            },
            vec![j],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: acme-pledge, subject: acme, what: the pledge, cues: [pledged], value: 50 billion CNY, date: 2021-08-18 }
";

    #[test]
    fn last_month_against_the_fact_date() {
        let ok = "---\npublished: 2021-09-04\n---\nLast month, Acme pledged 50 billion yuan.";
        assert!(check(FACTS, ok, "relative-date").is_empty());
        let stale = "---\npublished: 2021-10-04\n---\nLast month, Acme pledged 50 billion yuan.";
        assert_eq!(
            check(FACTS, stale, "relative-date"),
            [
                "warning \"Last month\": \"Last month\" points to September 2021, but the facts date the pledge to Wednesday 18 August 2021"
            ]
        );
    }
}
