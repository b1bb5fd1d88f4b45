//! `relative-date`: "last month", "over the past 22 years", "since late
//! 2020" that disagree with the publication date and the facts.

use std::fmt::Write as _;

use claims::{ClaimKind, DateKind, Resolved};

use super::Check;
use super::date_mismatch::{describe, describe_into};
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
October would be wrong. \"Last week\" is its own days, give or take a day, for an event and for \
a figure it dates alike, not its month. \"This year\" before August may be a school, academic or \
sports year begun the autumn before: it agrees with a figure dated then. It is a warning: the publication date itself may be approximate.",
    run,
};

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let claims = ctx.claims();
    for (i, claim) in claims.iter().enumerate() {
        // A relative expression matched to an event.
        if let ClaimKind::Date {
            written: DateKind::Relative(relative),
            resolved: Resolved::Date(date),
        } = &claim.kind
        {
            let Some((m, event)) = ctx.matched_event(i) else {
                continue;
            };
            // A deadline ("before 2025") is not the date of the event it
            // bounds, nor a span of past years one within it: either can
            // be confirmed, never contradicted, here.
            let bound = matches!(relative, claims::dates::Relative::Before { .. })
                || within_the_past_years(ctx, claim, relative, event)
                || years_before_the_news(ctx, relative, event);
            if m.confirms() {
                if let Some(diagnostic) = outside_its_week(ctx, claim, relative, event) {
                    out.diagnostics.push((diagnostic, vec![i]));
                } else {
                    out.verified.push(i);
                }
            } else if m.contradicts() && !bound {
                let mut help = String::with_capacity(128);
                help.push_str("resolved from the publication date ");
                if let Some(p) = ctx.published() {
                    // Infallible: writing to a String.
                    let _ = write!(help, "{p}");
                }
                help.push_str("; ");
                ctx.cite_into(&mut help, &event.id);
                let diagnostic = event_diagnostic(ctx, claim, (date, None), event, help);
                out.diagnostics.push((diagnostic, vec![i]));
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
        // The first claim at the span: claims are in span order, so a binary
        // search finds it (no map of every claim per article).
        let j = claims
            .partition_point(|c| (c.span.start, c.span.end) < (when_span.start, when_span.end));
        let Some(first) = claims.get(j) else {
            continue;
        };
        if first.span != *when_span {
            continue;
        }
        // "The price freeze on 400 staples took effect yesterday": a
        // relative date that states an event's day is that event's, not
        // the time of the figures beside it.
        let states_its_event = |relative| {
            ctx.matched_event(j).is_some_and(|(m, event)| {
                m.confirms() && week_apart(ctx, relative, event.dates()).is_none()
            })
        };
        // "The government last month launched a scheme, which had already
        // received 1,150 applications": the relative clause keeps its own
        // time.
        let between = ctx.text.get(when_span.end..claim.span.start).unwrap_or("");
        if [", which ", ", who ", ", where "]
            .iter()
            .any(|w| between.contains(w))
            || reported_after(ctx.text, when_span)
        {
            continue;
        }
        // "the 24-year-old who finished fifth last year", "from the storm
        // that hit the coast last week": nor does a relative clause after
        // the figure date it, nor what it is compared with ("burn 18% less
        // fuel than what we fly today").
        let after = ctx.text.get(claim.span.end..when_span.start).unwrap_or("");
        let relative = |w: &str| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            ["who", "which", "whose", "where", "that", "than"].contains(&w)
        };
        if after.split_whitespace().any(relative) {
            continue;
        }
        let ClaimKind::Date {
            written: DateKind::Relative(relative),
            ..
        } = &claims[j].kind
        else {
            continue;
        };
        if states_its_event(relative) {
            continue;
        }
        // An open bound ("less than $75,000 a year") agrees with too much
        // to date its fact.
        let open = crate::matching::stated_amount(claim).is_some_and(|a| {
            use claims::Hedge::{AtLeast, LessThan, MoreThan, UpTo};
            matches!(a.hedge, LessThan | UpTo | MoreThan | AtLeast)
        });
        if !m.clear || !m.agrees || open {
            continue;
        }
        // "will cost it about $21 million next year", of a fact dated when
        // it was said: a time to come is the figure's, not its fact's date.
        let to_come = ctx.published().is_some_and(|p| {
            when.first_day() > p.last_day() && fact_date.last_day() <= p.last_day()
        });
        if to_come {
            continue;
        }
        // "completed its 2.3 billion franc purchase last week, three months
        // after announcing the deal on July 8", "said on Thursday that last
        // week's strike cost it": a sentence that gives the fact's day in a
        // date of its own dates something else relatively.
        let stated_elsewhere = crate::matching::of_sentence(claims, claim.sentence)
            .iter()
            .any(|c| match &c.kind {
                ClaimKind::Date {
                    written: DateKind::Calendar { .. } | DateKind::Weekday(_),
                    resolved: Resolved::Date(d),
                } => d.overlaps(&fact_date) && fact_date.overlaps(d) && d.exact().is_some(),
                _ => false,
            });
        if stated_elsewhere {
            continue;
        }
        // "handled 4.82 million TEUs last year" of a figure for 2025 stated
        // in February 2026: the time is the figure's period, not the day
        // it was published.
        let of_its_period = q
            .period
            .is_some_and(|p| when.first_day() >= p.first_day() && when.last_day() <= p.last_day());
        if of_its_period {
            out.verified.push(j);
            continue;
        }
        if a_year_begun_the_autumn_before(relative, &fact_date, ctx.published()) {
            out.verified.push(j);
            continue;
        }
        // A week resolves to its month: a figure of a day more than a day
        // outside the week itself is of another time ("The ruling,
        // published last week, lets it raise bills by 21%" of a ruling
        // two days into this week).
        let week = week_apart(ctx, relative, std::iter::once(&fact_date));
        if when.overlaps(&fact_date) && week.is_none() {
            out.verified.push(j);
            continue;
        }
        let what = q.what.as_deref().unwrap_or(&q.id);
        let found = ctx.words(when_span).to_owned();
        let expected = describe(&fact_date);
        let pointed = match &week {
            Some((first, last)) => (first, Some(last)),
            None => (when, None),
        };
        let message = points_to(&found, pointed, what, &expected);
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Warning,
                message,
                span: when_span.clone(),
                found,
                expected: Some(expected),
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

/// Whether a span of past years ("ordered in Europe over the past two
/// years") holds every date of the event: a span up to publication dates
/// no single day, and one inside it is no contradiction. ("Five years
/// ago" is a point, and is compared.)
fn within_the_past_years(
    ctx: &Context<'_>,
    claim: &claims::Claim,
    relative: &claims::dates::Relative,
    event: &facts::Event,
) -> bool {
    let (claims::dates::Relative::PastYears(years), Some(published)) = (relative, ctx.published())
    else {
        return false;
    };
    let words = ctx.words(&claim.span);
    if words.ends_with("ago") {
        return false;
    }
    let last = published.last_day();
    let Ok(first) = last.checked_sub(jiff::Span::new().years(i64::from(*years))) else {
        return false;
    };
    event
        .dates()
        .all(|d| first <= d.first_day() && d.last_day() <= last)
}

/// Whether a time some years ago ("Ten years ago we were a local race")
/// is set against an event of the news, within the year before
/// publication: years are no slip of days, so the time is another's.
fn years_before_the_news(
    ctx: &Context<'_>,
    relative: &claims::dates::Relative,
    event: &facts::Event,
) -> bool {
    let (claims::dates::Relative::PastYears(2..), Some(published)) = (relative, ctx.published())
    else {
        return false;
    };
    let Ok(year_before) = published
        .first_day()
        .checked_sub(jiff::Span::new().years(1))
    else {
        return false;
    };
    event.dates().all(|d| d.first_day() >= year_before)
}

/// Whether the time at `span` dates a verb of saying whose "that" clause
/// follows it ("announced last week that fares would rise by 4.9
/// percent"): what was said keeps its own time.
fn reported_after(text: &str, span: &std::ops::Range<usize>) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let verb = before.split_ascii_whitespace().next_back().unwrap_or("");
    let said = verb.ends_with("ed")
        || ["said", "told", "wrote", "says", "announces", "confirms"].contains(&verb);
    said && text.get(span.end..).is_some_and(|after| {
        after
            .trim_start_matches(',')
            .trim_start()
            .starts_with("that ")
    })
}

/// Whether "this year" early in a year may be a school, academic or
/// sports year that began in the autumn before, the year of a figure
/// dated then: "has 212 pupils this year" in February, of the October
/// census; "this year's research budget" of one set on 1 August.
fn a_year_begun_the_autumn_before(
    relative: &claims::dates::Relative,
    fact_date: &facts::FactDate,
    published: Option<facts::FactDate>,
) -> bool {
    let Some(published) = published else {
        return false;
    };
    matches!(relative, claims::dates::Relative::ThisYear)
        && published.month_number().is_some_and(|m| m <= 7)
        && fact_date.year_number() + 1 == published.year_number()
        && fact_date.month_number().is_some_and(|m| m >= 8)
}

/// A week named relatively ("last week") resolves to the month or year
/// that holds it, which an event of that month agrees with; an event on a
/// day more than a day outside the week itself ("said last week" of a
/// statement two days into this week) is another time.
fn outside_its_week(
    ctx: &Context<'_>,
    claim: &claims::Claim,
    relative: &claims::dates::Relative,
    event: &facts::Event,
) -> Option<Diagnostic> {
    let (first, last) = week_apart(
        ctx,
        relative,
        std::iter::once(&event.date).chain(&event.accept),
    )?;
    Some(event_diagnostic(
        ctx,
        claim,
        (&first, Some(&last)),
        event,
        ctx.cite(&event.id),
    ))
}

/// The first and last days of the week a relative expression names, when
/// none of `dates` (known to the day) falls within it or on the Sunday
/// before it.
fn week_apart<'d>(
    ctx: &Context<'_>,
    relative: &claims::dates::Relative,
    mut dates: impl Iterator<Item = &'d facts::FactDate>,
) -> Option<(facts::FactDate, facts::FactDate)> {
    let (first, last) = claims::dates::week_days(relative, ctx.published())?;
    let (from, to) = within_the_week(relative, ctx.published())?;
    let within = |d: &facts::FactDate| d.exact().is_none_or(|day| from <= day && day <= to);
    if dates.any(within) {
        return None;
    }
    let day = |d: jiff::civil::Date| facts::FactDate::day(d.year(), d.month(), d.day()).ok();
    Some((day(first)?, day(last)?))
}

/// The days a relative week ("last week") holds: Monday to Sunday, and
/// the Sunday before, as weeks run Sunday to Saturday for some writers
/// (the Monday after is the next week's).
pub(crate) fn within_the_week(
    relative: &claims::dates::Relative,
    published: Option<facts::FactDate>,
) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    let (first, last) = claims::dates::week_days(relative, published)?;
    Some((first.checked_sub(jiff::Span::new().days(1)).ok()?, last))
}

/// The warning that a relative date points to `pointed` (a date, or the
/// first and last days of a week) while the facts date `event` otherwise.
fn event_diagnostic(
    ctx: &Context<'_>,
    claim: &claims::Claim,
    pointed: (&facts::FactDate, Option<&facts::FactDate>),
    event: &facts::Event,
    help: String,
) -> Diagnostic {
    let what = event.what.as_deref().unwrap_or(&event.id);
    let found = ctx.words(&claim.span).to_owned();
    let expected = describe(&event.date);
    let message = points_to(&found, pointed, what, &expected);
    Diagnostic {
        code: CHECK.code,
        severity: Severity::Warning,
        message,
        span: claim.span.clone(),
        found,
        expected: Some(expected),
        fact: Some(event.id.clone()),
        labels: Vec::new(),
        help: Some(help),
    }
}

/// "\"`found`\" points to `date` [to `last`], but the facts date `what` to
/// `fact`", written into one buffer.
fn points_to(
    found: &str,
    (date, last): (&facts::FactDate, Option<&facts::FactDate>),
    what: &str,
    fact: &str,
) -> String {
    let mut message = String::with_capacity(64 + found.len() + what.len() + fact.len());
    message.push('"');
    message.push_str(found);
    message.push_str("\" points to ");
    describe_into(&mut message, date);
    if let Some(last) = last {
        message.push_str(" to ");
        describe_into(&mut message, last);
    }
    message.push_str(", but the facts date ");
    message.push_str(what);
    message.push_str(" to ");
    message.push_str(fact);
    message
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: acme-pledge, subject: acme, what: the pledge, cues: [pledged], value: 50 billion CNY, date: 2021-08-18 }
events:
  - { id: recall, subject: acme, what: the recall, cues: [recall, recalled], date: 2025-11-12 }
";

    #[test]
    fn last_week_is_its_days_not_its_month() {
        let facts = |date: &str| {
            format!(
                "entities:\n  - {{ id: acme, kind: organization, name: Acme }}\nevents:\n  - {{ id: recall, subject: acme, what: the recall, cues: [recall, announced], date: {date} }}\n"
            )
        };
        let found = |date: &str| {
            crate::testing::check_published(
                &facts(date),
                "2026-02-12",
                "Acme announced the recall last week.",
                "relative-date",
            )
        };
        // Published on Thursday 12 February: last week ran from 2 to 8
        // February.
        assert_eq!(
            found("2026-02-10"),
            [
                "warning \"last week\": \"last week\" points to Monday 2 February 2026 to Sunday 8 February 2026, but the facts date the recall to Tuesday 10 February 2026"
            ]
        );
        assert!(found("2026-02-05").is_empty());
        // The Sunday before is in a week that starts on Sunday; the Monday
        // after is in the next week either way.
        assert!(found("2026-02-01").is_empty());
        assert_eq!(found("2026-02-09").len(), 1);
        // A rival's week is the rival's.
        let rival = |body: &str| {
            crate::testing::check_published(
                &facts("2026-02-10"),
                "2026-02-12",
                body,
                "relative-date",
            )
        };
        assert!(rival("Acme recalled more cars than its rival, Globex, which announced a recall last week.").is_empty());
        assert_eq!(
            rival("Acme, unlike Globex, announced the recall last week.").len(),
            1
        );
    }
    #[test]
    fn a_span_of_past_years_holds_the_days_within_it() {
        let found = |body: &str| {
            crate::testing::check_published(
                "entities:\n  - { id: acme, kind: organization, name: Acme }\nevents:\n  - { id: order, subject: acme, what: the order, cues: [ordered], date: 2025-06-12 }\n",
                "2025-06-17",
                body,
                "relative-date",
            )
        };
        assert!(found("Acme ordered more ferries over the past two years.").is_empty());
        // A point some years back is compared with an event of its years
        // (years before the news are another time: `gone_by_tests`).
        let years_back = |body: &str| {
            crate::testing::check_published(
                "entities:\n  - { id: acme, kind: organization, name: Acme }\nevents:\n  - { id: order, subject: acme, what: the order, cues: [ordered], date: 2020-06-12 }\n",
                "2025-06-17",
                body,
                "relative-date",
            )
        };
        assert_eq!(
            years_back("Acme ordered the ferries two years ago.").len(),
            1
        );
        assert!(years_back("Acme ordered the ferries five years ago.").is_empty());
    }

    #[test]
    fn last_week_of_a_figure_is_its_days_not_its_month() {
        let facts = |date: &str| {
            format!(
                "entities:\n  - {{ id: acme, kind: organization, name: Acme }}\nquantities:\n  - {{ id: rise, subject: acme, what: bill rise allowed, cues: [bills], value: 21%, date: {date} }}\n"
            )
        };
        let found = |date: &str, body: &str| {
            crate::testing::check_published(&facts(date), "2026-02-12", body, "relative-date")
        };
        let ruling = "The ruling, published last week, lets Acme lift bills by 21%.";
        // Published on Thursday 12 February: last week ran from 2 to 8
        // February.
        assert_eq!(
            found("2026-02-10", ruling),
            [
                "warning \"last week\": \"last week\" points to Monday 2 February 2026 to Sunday 8 February 2026, but the facts date bill rise allowed to Tuesday 10 February 2026"
            ]
        );
        assert!(found("2026-02-06", ruling).is_empty());
        // Nor does a relative clause after the figure date it.
        let storm = "Acme lifts bills by 21% after the storm that hit the coast last week.";
        assert!(found("2026-02-10", storm).is_empty());
        let than = "Acme's bills are 21% higher than what Globex charged last week.";
        assert!(found("2026-02-10", than).is_empty());
        // What was said keeps its own time, not the saying's.
        let said = "Acme announced last week that bills would rise by 21%.";
        assert!(found("2026-02-10", said).is_empty());
        let unsaid = "Last week Acme said bills would rise by 21%.";
        assert_eq!(found("2026-02-10", unsaid).len(), 1);
        // A time to come is the figure's, not the date it was stated on.
        let next = "Acme will lift bills by 21% next month.";
        assert!(found("2026-02-10", next).is_empty());
        // Nor of a sentence that gives the fact's day in a date of its own.
        let done = "Acme lifted bills by 21% last week, days after the ruling of February 10.";
        assert!(found("2026-02-10", done).is_empty());
        assert_eq!(found("2026-02-11", done).len(), 1);
    }

    #[test]
    fn a_relative_date_stating_an_events_day_is_not_its_figures() {
        let facts = |start: &str, counted: &str| {
            format!(
                "entities:\n  - {{ id: acme, kind: organization, name: Acme }}\nquantities:\n  - {{ id: items, subject: acme, what: items whose prices are frozen, cues: [items], value: 400 items, date: {counted} }}\nevents:\n  - {{ id: start, subject: acme, what: the freeze takes effect, cues: [took effect], date: {start} }}\n"
            )
        };
        let found = |(start, counted): (&str, &str), body: &str| {
            crate::testing::check_published(
                &facts(start, counted),
                "2024-11-12",
                body,
                "relative-date",
            )
            .len()
        };
        let yesterday = "Acme's price freeze on 400 items took effect yesterday.";
        assert_eq!(found(("2024-11-11", "2024-11-06"), yesterday), 0);
        // The event's day not the one stated: nothing is sure of it, and
        // both the event and the figure are reported.
        assert_eq!(found(("2024-11-08", "2024-11-06"), yesterday), 2);
        // A week that holds the event's month but not its day states no
        // day of it (published on Tuesday 12 November, last week ran from
        // 4 to 10 November), and still dates the figure.
        let last_week = "Acme's price freeze on 400 items took effect last week.";
        assert_eq!(found(("2024-11-12", "2024-10-30"), last_week), 2);
    }

    #[test]
    fn this_year_early_in_a_year_may_be_one_begun_in_the_autumn() {
        let facts = |date: &str| {
            format!(
                "entities:\n  - {{ id: school, kind: organization, name: Acme Elementary }}\nquantities:\n  - {{ id: pupils, subject: school, what: pupils on the census day, cues: [pupils], value: 212 pupils, date: {date} }}\n"
            )
        };
        let found = |date: &str, published: &str| {
            crate::testing::check_published(
                &facts(date),
                published,
                "Acme Elementary has 212 pupils this year.",
                "relative-date",
            )
        };
        assert!(found("2025-10-01", "2026-02-12").is_empty());
        // Not in the autumn itself, nor of a figure of the spring before.
        assert_eq!(found("2025-10-01", "2026-09-14").len(), 1);
        assert_eq!(found("2025-04-01", "2026-02-12").len(), 1);
    }

    #[test]
    fn a_relative_date_of_another_event_says_nothing() {
        let article = |body: &str| format!("---\npublished: 2025-11-14\n---\n{body}\n");
        let found = |body: &str| check(FACTS, &article(body), "relative-date");
        // A superlative reaches back to the year.
        assert!(found("The recall is Acme's biggest since 2019.").is_empty());
        assert!(
            found("It is Acme's largest recall of a blood-pressure drug since 2019.").is_empty()
        );
        // Not across a clause: the superlative is another's.
        assert_eq!(
            found("Acme is the largest maker, and it has recalled since 2019.").len(),
            1
        );
        // The sentence dates the event rightly: "last year" is another's.
        assert!(
            found("Acme announced the recall on Nov. 12 after it rejected two warnings last year.")
                .is_empty()
        );
        assert_eq!(found("Acme announced the recall last year.").len(), 1);
        // Restated by the day itself, a relative date is that event's.
        assert!(found("Acme announced the recall this week, on Nov. 12.").is_empty());
        assert_eq!(
            found("Acme announced the recall last month, on Nov. 12."),
            [
                "warning \"last month\": \"last month\" points to October 2025, but the facts date the recall to Wednesday 12 November 2025"
            ]
        );
        // The day restating a relative date that agrees is still the
        // event's.
        assert_eq!(
            check(
                FACTS,
                &article("Acme announced the recall this month, on Nov. 5."),
                "date-mismatch"
            )
            .len(),
            1
        );
        // What the recall is compared with.
        assert!(found("The recall is 6% larger than last year.").is_empty());
        assert!(found("Recalls ran 6% ahead of last year, Acme said of the recall.").is_empty());
    }

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
        // An open bound agrees with too much to date a fact.
        let facts = "entities:\n  - { id: acme, kind: organization, name: Acme }\nquantities:\n  - { id: fee, subject: acme, what: tuition, cues: [tuition, a year], value: 11746 USD, date: 2026-03-10 }\n";
        let bound = "---\npublished: 2026-03-12\n---\nAt Acme, families earning less than $75,000 a year will pay no more tuition next year.";
        assert!(check(facts, bound, "relative-date").is_empty());
        // A relative clause keeps its own time.
        let clause = "---\npublished: 2021-10-04\n---\nLast month, Acme launched a fund, which has since pledged 50 billion yuan.";
        assert!(check(FACTS, clause, "relative-date").is_empty());
        // So does one after the figure.
        let after = |clause: &str| {
            let text = format!(
                "---\npublished: 2021-10-04\n---\nAcme pledged 50 billion yuan{clause} last month."
            );
            check(FACTS, &text, "relative-date").len()
        };
        assert_eq!(after(" which it restated"), 0);
        assert_eq!(after(""), 1);
    }

    #[test]
    fn a_time_within_the_figures_period_agrees_whenever_it_was_stated() {
        let facts = "entities:\n  - { id: acme, kind: organization, name: Acme }\nquantities:\n  - { id: volume, subject: acme, what: containers handled, cues: [handled], value: 4.82 million containers, period: 2025, date: 2026-02-10 }\n";
        let text = |when: &str| {
            format!("---\npublished: 2026-02-12\n---\nAcme handled 4.82 million containers {when}.")
        };
        assert!(check(facts, &text("last year"), "relative-date").is_empty());
        // Another time than the period is still asked about.
        assert_eq!(check(facts, &text("last month"), "relative-date").len(), 1);
    }
}

#[cfg(test)]
mod gone_by_tests {
    use crate::testing::check_published;

    const FACTS: &str = "\
entities:
  - { id: race, kind: program, name: Acme Marathon }
quantities:
  - { id: finishers, subject: race, what: runners who finished, cues: [finishers, crossed the line], value: 15912 finishers, date: 2024-10-20 }
events:
  - { id: run, subject: race, what: the 2024 race, cues: [race, ran, crossed], date: 2024-10-20 }
";

    fn found(body: &str) -> Vec<String> {
        check_published(FACTS, "2024-10-21", body, "relative-date")
    }

    /// "up 18% on last year" measures a change from last year: no time
    /// of what the sentence goes on to say.
    #[test]
    fn a_change_on_last_year_dates_nothing() {
        let body = "The Acme Marathon drew 16,480 runners, up 18% on last year, and 15,912 finishers crossed the line.";
        assert!(found(body).is_empty(), "{:?}", found(body));
        // A day the change was on still dates it.
        let wrong = "The Acme Marathon drew 16,480 runners last year, and 15,912 finishers crossed the line.";
        assert_eq!(found(wrong).len(), 1, "{wrong}");
    }

    /// Years ago are no slip of a day of the news.
    #[test]
    fn years_ago_are_not_set_against_the_news() {
        let body = "\"Ten years ago we were a local race with a few hundred runners,\" the Acme Marathon's director said.";
        assert!(found(body).is_empty(), "{:?}", found(body));
        let wrong = "The Acme Marathon's race was run last year.";
        assert_eq!(found(wrong).len(), 1, "{wrong}");
    }
}

#[cfg(test)]
mod time_of_another_figure_tests {
    use crate::testing::check_published;

    const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Airport }
quantities:
  - { id: passengers, subject: acme, what: passengers in 2024, cues: [passengers, handled], value: 3.5 million passengers, period: 2024 }
  - { id: cost, subject: acme, what: cost of the new terminal, cues: [terminal, cost], value: 285 million GBP, date: 2025-01-14 }
  - { id: cash, subject: acme, what: cash held at the end of 2024, cues: [cash], value: 600 million GBP, date: 2024-12-31 }
";

    fn found(body: &str) -> Vec<String> {
        check_published(FACTS, "2025-01-15", body, "relative-date")
    }

    /// A past time dates no figure of a later clause whose verb is to come.
    #[test]
    fn a_past_time_dates_no_figure_of_a_clause_to_come() {
        let body = "Acme Airport handled 3.5 million passengers last year, beating its record, and its boss says the new £285 million terminal will let it grow.";
        assert!(found(body).is_empty(), "{:?}", found(body));
        let wrong = "Acme Airport handled 3.5 million passengers last year, beating its record, and its boss says the new £285 million terminal opened then.";
        assert_eq!(found(wrong).len(), 1, "{wrong}");
    }

    /// The time that ends an opening phrase with a sum of its own is that
    /// sum's.
    #[test]
    fn the_time_of_an_opening_sum_is_that_sums() {
        let body = "Net of the £600 million in cash Acme Airport held at the end of last year, the new terminal cost £285 million.";
        assert!(found(body).is_empty(), "{:?}", found(body));
        let wrong = "Net of its cash at the end of last year, the new terminal of Acme Airport cost £285 million.";
        assert_eq!(found(wrong).len(), 1, "{wrong}");
    }
}
