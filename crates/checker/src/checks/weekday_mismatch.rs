//! `weekday-mismatch`: a weekday that does not fall on the date it is given
//! for.

use std::ops::Range;

use claims::{Claim, ClaimKind, DateKind, Resolved};
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
(Tuesday)\", \"September 2, a Tuesday\") must be that date's weekday. A weekday alone (\"on Friday\") means the last such \
day on or before the publication date (the next one, said of what is to come); if the matcher \
ties it to an event, that day must be the event's date (or one of its `accept` dates). A lone \
weekday dates only an event of its week, less than seven days away (a \"closing price on \
Friday\" is no date of an offer made in August). It dates the event its own phrase names; \
failing that, one its sentence names (\"X, who was arrested in 2023, was sentenced on \
Tuesday\" does not date the arrest), but not one named past \"after\", \"before\" or \"since\" \
(\"rose on Monday after the board agreed\"). \"On Tuesday\" dates the event of its week its \
phrase names even when the sentence names someone else or only describes who acted (\"local \
planners approved the project on Tuesday\"). Without a day-precision publication date a lone \
weekday is not resolved, never guessed.

**Why.** A wrong weekday reveals a wrong date, or a story re-dated without its weekdays.

**Example.** \"On Tuesday, September 2, 2021\": 2 September 2021 was a Thursday.",
    run,
};

/// The day-precision dates of an article, by where they start and by where
/// they end, so that the date next to a weekday is looked up rather than
/// searched for among every claim (an article of thousands of weekdays
/// took quadratic time).
struct Dates {
    /// (start, claim index), sorted.
    by_start: Vec<(usize, usize)>,
    /// (end, claim index), sorted.
    by_end: Vec<(usize, usize)>,
}

impl Dates {
    fn of(claims: &[Claim]) -> Dates {
        let mut by_start = Vec::new();
        let mut by_end = Vec::new();
        for (j, c) in claims.iter().enumerate() {
            if let ClaimKind::Date {
                written: DateKind::Calendar { day: Some(_), .. },
                resolved: Resolved::Date(_),
            } = &c.kind
            {
                by_start.push((c.span.start, j));
                by_end.push((c.span.end, j));
            }
        }
        by_start.sort_unstable();
        by_end.sort_unstable();
        Dates { by_start, by_end }
    }

    /// The first date (in claim order) after `span` by at most three
    /// bytes, none of them part of a word; else one before it so, or by
    /// ", a " ("March 3, 2023, a Friday"), maybe after a noun ("a June 4
    /// deadline, a Friday").
    fn next_to(&self, text: &str, span: &Range<usize>) -> Option<usize> {
        let gap_ok = |gap: Option<&str>| gap.is_some_and(claims::dates::weekday_gap);
        let after = within(&self.by_start, span.end, span.end + 3)
            .iter()
            .copied()
            .filter(|&(start, _)| gap_ok(text.get(span.end..start)));
        let before = within(&self.by_end, span.start.saturating_sub(24), span.start)
            .iter()
            .copied()
            .filter(|&(end, _)| {
                let gap = text.get(end..span.start);
                gap_ok(gap) || gap.is_some_and(claims::dates::weekday_apposed)
            });
        // "Tuesday, March 10, Thursday, March 12": a weekday right before
        // a date is that date's, not the one before it.
        (after.map(|(_, j)| j).min()).or_else(|| before.map(|(_, j)| j).min())
    }
}

/// The entries of `sorted` whose position is from `from` to `to`.
fn within(sorted: &[(usize, usize)], from: usize, to: usize) -> &[(usize, usize)] {
    let first = sorted.partition_point(|&(at, _)| at < from);
    let last = sorted.partition_point(|&(at, _)| at <= to);
    sorted.get(first..last).unwrap_or_default()
}

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let claims = ctx.claims();
    // Built at the first weekday: most articles have none.
    let mut dates: Option<Dates> = None;
    for (i, claim) in claims.iter().enumerate() {
        let ClaimKind::Date {
            written: DateKind::Weekday(weekday),
            resolved,
        } = &claim.kind
        else {
            continue;
        };
        // A calendar date right next to the weekday.
        let neighbour = dates
            .get_or_insert_with(|| Dates::of(claims))
            .next_to(ctx.text, &claim.span)
            .and_then(|j| Some((j, claims.get(j)?)));
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
    fn a_weekday_of_another_numbered_one_is_no_events() {
        const TOUR: &str = "\
entities:
  - { id: tour, kind: organization, name: Tour of Brackley }
  - { id: zorvak, kind: person, name: Anton Zorvak }
events:
  - { id: stage, subject: tour, what: stage 15 of the Tour of Brackley, cues: [stage, took], date: 2025-05-25 }
";
        let said = |body: &str| {
            crate::testing::check_published(TOUR, "2025-05-25", body, "weekday-mismatch")
        };
        assert!(
            said("Anton Zorvak won the Tour of Brackley stage, after he took the 11th stage on Wednesday.")
                .is_empty()
        );
        assert_eq!(
            said("Anton Zorvak won the Tour of Brackley stage, after he took the 15th stage on Wednesday.")
                .len(),
            1
        );
    }
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
    fn weekday_after_its_date_and_each_weekday_with_its_own_date() {
        let text = "---\npublished: 2021-09-10\n---\nAcme met on September 2 (Tuesday) and on \
                    Friday, September 3, then on Monday, September 7.";
        assert_eq!(
            check(FACTS, text, "weekday-mismatch"),
            [
                "error \"Tuesday\": 2 September 2021 was a Thursday, not a Tuesday",
                "error \"Monday\": 7 September 2021 was a Tuesday, not a Monday",
            ]
        );
    }

    #[test]
    fn weekdays_listed_before_their_dates() {
        let text = "---\npublished: 2021-09-01\n---\nAcme will meet on Tuesday, September 7, \
                    Thursday, September 9, and Friday, September 10.";
        assert!(check(FACTS, text, "weekday-mismatch").is_empty());
        let text = "---\npublished: 2021-09-01\n---\nAcme will meet on Tuesday, September 7, \
                    Wednesday, September 9.";
        assert_eq!(
            check(FACTS, text, "weekday-mismatch"),
            ["error \"Wednesday\": 9 September 2021 was a Thursday, not a Wednesday"]
        );
    }

    #[test]
    fn weekday_in_apposition_after_its_date() {
        let text = "---\npublished: 2021-09-10\n---\nAcme met on September 2, 2021, a Tuesday, \
                    and on September 3, 2021, a Friday.";
        assert_eq!(
            check(FACTS, text, "weekday-mismatch"),
            ["error \"Tuesday\": 2 September 2021 was a Thursday, not a Tuesday"]
        );
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
        // Weeks later, a lone weekday dates something of its own week,
        // not the event, whatever its day.
        for day in ["Thursday", "Tuesday"] {
            let later =
                format!("---\npublished: 2021-10-20\n---\nAcme announced its pledge on {day}.");
            assert!(check(FACTS, &later, "weekday-mismatch").is_empty());
        }
        // An event the weekday's own phrase does not name, weeks away,
        // is not what the weekday dates.
        let other = "---\npublished: 2021-10-20\n---\nAcme, whose pledge came in \
                     September, said on Tuesday that it would hire.";
        assert!(check(FACTS, other, "weekday-mismatch").is_empty());
    }

    /// A weekday of what is to come is the next such day, and it dates the
    /// event its own phrase names before one elsewhere in its sentence.
    #[test]
    fn weekday_ahead_dates_its_own_phrase() {
        const EVENTS: &str = "entities:
  - { id: acme, kind: organization, name: Acme }
events:
  - { id: orders, subject: acme, what: the opening of orders, cues: [pre-order], date: 2023-09-15 }
  - { id: sale, subject: acme, what: the first day of sales, cues: [on sale], date: 2023-09-22 }
";
        let head = "---\npublished: 2023-09-12\n---\nAcme said customers ";
        let right = format!(
            "{head}can pre-order the phones on Friday, and they go on sale on September 22."
        );
        assert!(check(EVENTS, &right, "weekday-mismatch").is_empty());
        let wrong = format!(
            "{head}can pre-order the phones on Thursday, and they go on sale on September 22."
        );
        assert_eq!(check(EVENTS, &wrong, "weekday-mismatch").len(), 1);
    }
}
