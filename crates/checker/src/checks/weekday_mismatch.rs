//! `weekday-mismatch`: a weekday that does not fall on the date it is given
//! for.

use claims::{ClaimKind, DateKind, Resolved};
use facts::date::weekday_name;

use super::Check;
use super::date_mismatch::describe;
use crate::{Context, Diagnostic, Findings, Label, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "weekday-mismatch",
    severity: Severity::Error,
    summary: "a weekday does not fall on the date it is given for",
    doc: "\
**What it checks.** A weekday written next to a date (\"Tuesday, September 2\", \"September 2 \
(Tuesday)\") must be that date's weekday. A weekday alone (\"on Friday\") means the last such \
day on or before the publication date; if the matcher ties it to an event, that day must be \
the event's date (or one of its `accept` dates). Without a day-precision publication date a \
lone weekday is not resolved, never guessed.

**Why.** A wrong weekday reveals a wrong date, or a story re-dated without its weekdays.

**Example.** \"On Tuesday, September 2, 2021\": 2 September 2021 was a Thursday.",
    run,
};

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let claims = ctx.claims();
    for (i, claim) in claims.iter().enumerate() {
        let ClaimKind::Date {
            written: DateKind::Weekday(weekday),
            resolved,
        } = &claim.kind
        else {
            continue;
        };
        // A calendar date right next to the weekday.
        let neighbour = claims.iter().enumerate().find(|(_, c)| {
            let ClaimKind::Date {
                written: DateKind::Calendar { day: Some(_), .. },
                resolved: Resolved::Date(_),
            } = &c.kind
            else {
                return false;
            };
            let gap = if c.span.start >= claim.span.end {
                ctx.text.get(claim.span.end..c.span.start)
            } else if claim.span.start >= c.span.end {
                ctx.text.get(c.span.end..claim.span.start)
            } else {
                None
            };
            gap.is_some_and(|g| g.len() <= 3 && !g.chars().any(char::is_alphanumeric))
        });
        if let Some((j, date_claim)) = neighbour {
            let ClaimKind::Date {
                resolved: Resolved::Date(date),
                ..
            } = &date_claim.kind
            else {
                continue;
            };
            let Some(actual) = date.weekday() else {
                continue;
            };
            if actual == *weekday {
                out.verified.extend([i, j]);
                continue;
            }
            let found = ctx.words(&claim.span).to_owned();
            out.diagnostics.push((
                Diagnostic {
                    code: CHECK.code,
                    severity: Severity::Error,
                    message: format!(
                        "{} was a {}, not a {}",
                        describe(date)
                            .split_once(' ')
                            .map_or(String::new(), |(_, d)| d.to_owned()),
                        weekday_name(actual),
                        weekday_name(*weekday)
                    ),
                    span: claim.span.clone(),
                    found,
                    expected: Some(weekday_name(actual).to_owned()),
                    fact: None,
                    labels: vec![Label {
                        span: date_claim.span.clone(),
                        message: format!("a {}", weekday_name(actual)),
                        path: None,
                    }],
                    help: Some(format!("{} is {}", date, describe(date))),
                },
                vec![i],
            ));
            continue;
        }
        // A lone weekday, resolved from the publication date.
        let Resolved::Date(date) = resolved else {
            continue;
        };
        let Some((m, event)) = ctx.matched_event(i) else {
            continue;
        };
        if m.confirms() {
            out.verified.push(i);
            continue;
        }
        if !m.contradicts() {
            continue;
        }
        let what = event.what.as_deref().unwrap_or(&event.id);
        let found = ctx.words(&claim.span).to_owned();
        let published = ctx.published().map(|p| p.to_string()).unwrap_or_default();
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Error,
                message: format!(
                    "{found} here is {}, but the facts date {what} to {}",
                    describe(date),
                    describe(&event.date)
                ),
                span: claim.span.clone(),
                found,
                expected: event.date.weekday().map(|w| weekday_name(w).to_owned()),
                fact: Some(event.id.clone()),
                labels: Vec::new(),
                help: Some(format!(
                    "the last {} on or before the publication date {published}; {}",
                    weekday_name(*weekday),
                    ctx.cite(&event.id)
                )),
            },
            vec![i],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::date_mismatch::tests::FACTS;
    use crate::testing::check;

    #[test]
    fn weekday_next_to_a_date() {
        let text =
            "---\npublished: 2021-09-10\n---\nOn Tuesday, September 2, Acme announced its pledge.";
        assert_eq!(
            check(FACTS, text, "weekday-mismatch"),
            ["error \"Tuesday\": 2 September 2021 was a Thursday, not a Tuesday"]
        );
        let right =
            "---\npublished: 2021-09-10\n---\nOn Thursday, September 2, Acme announced its pledge.";
        assert!(check(FACTS, right, "weekday-mismatch").is_empty());
    }

    #[test]
    fn lone_weekday_against_the_event() {
        // Published Saturday 4 September: "Friday" is the 3rd, an accepted date.
        let ok = "---\npublished: 2021-09-04\n---\nAcme announced its pledge on Friday.";
        assert!(check(FACTS, ok, "weekday-mismatch").is_empty());
        let wrong = "---\npublished: 2021-09-04\n---\nAcme announced its pledge on Wednesday.";
        assert_eq!(check(FACTS, wrong, "weekday-mismatch").len(), 1);
        // Month precision: "Friday" is not resolved, so nothing is said.
        let vague = "---\npublished: 2021-09\n---\nAcme announced its pledge on Wednesday.";
        assert!(check(FACTS, vague, "weekday-mismatch").is_empty());
    }
}
