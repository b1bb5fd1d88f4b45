//! `date-mismatch`: a date given for an event differs from the fact.

use claims::{Claim, ClaimKind, DateKind, Resolved};
use facts::{FactDate, Precision, Quantity, Unit};

/// A first and a last day.
type Days = (jiff::civil::Date, jiff::civil::Date);

use super::Check;
use crate::{Context, Diagnostic, Findings, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "date-mismatch",
    severity: Severity::Error,
    summary: "an event's date differs from the fact",
    doc: "\
**What it checks.** A calendar date in a sentence (\"On August 24\", \"in May 2015\", \"on the \
24th\") that the matcher ties to one event of the fact base (same subject, the event's cue \
words in the sentence) is compared with the event's date at the precision the article states. \
A date without a year takes the publication year. The event's `accept` dates count as right. A \
dateline equal to the publication date is not a claim about an event.

**Why.** Dates anchor a story's chronology; a wrong one is easy to copy and hard to notice.

**Example.** With the event `acme-results: 2021-08-24`, \"On August 23, Acme released its \
results\" is reported: the facts date the results release to Tuesday 24 August 2021.

A figure no fact of its stated period holds, equal to the value of one fact of another period \
whose cue words its sentence has, is reported as a warning on the period: with `acme-q3-profit: \
412 million EUR, period: 2025-Q3`, \"Acme's net profit for the second quarter was €412 \
million\" states the wrong quarter. So does a figure stated for another day, by its date or its \
weekday, than the one day of its fact (\"shares fell 6.8 percent on Monday\" of a fall dated \
Tuesday). Only money, counts and percentages with decimals: a round percentage recurs too \
easily.",
    run,
};

/// "Tuesday 24 August 2021", "August 2021" or "2021".
pub fn describe(date: &FactDate) -> String {
    let mut out = String::with_capacity(32);
    describe_into(&mut out, date);
    out
}

/// [`describe`], appended to `out` without the formatting machinery.
pub fn describe_into(out: &mut String, date: &FactDate) {
    let month = date.month_number().map(facts::date::month_name);
    let year = i64::from(date.year_number());
    match (date.precision(), month, date.weekday()) {
        (Precision::Day, Some(m), Some(w)) => {
            out.push_str(facts::date::weekday_name(w));
            out.push(' ');
            crate::numbers::push_int(out, i64::from(date.day_number().unwrap_or(0)));
            out.push(' ');
            out.push_str(m);
            out.push(' ');
            crate::numbers::push_int(out, year);
        }
        (Precision::Month, Some(m), _) => {
            out.push_str(m);
            out.push(' ');
            crate::numbers::push_int(out, year);
        }
        _ => crate::numbers::push_int(out, year),
    }
}

/// Whether a date claim is a dateline: equal to the publication date and
/// at the start of its line (" date 2021-09-04 Acme announced ..."), or
/// after a place of up to 40 characters and before a wire's mark
/// ("SAN JOSE, California, March 6 (Reuters) -").
pub fn is_dateline(ctx: &Context<'_>, span: &std::ops::Range<usize>, resolved: &FactDate) -> bool {
    // The cheap test first: most dates are not the publication date, and
    // their line need not be searched for.
    if ctx.published().is_none_or(|p| p != *resolved) {
        return false;
    }
    let line_start = ctx
        .text
        .get(..span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let lead = ctx.text.get(line_start..span.start).unwrap_or("");
    if lead.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let lead_chars = lead.chars().count();
    let after = ctx.text.get(span.end..).unwrap_or("");
    let wire_mark = ["(", "-", "–", "—", "/"]
        .iter()
        .any(|mark| after.trim_start_matches(' ').starts_with(mark));
    lead_chars <= 16 || (lead_chars <= 40 && wire_mark)
}

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    for (i, claim) in ctx.claims().iter().enumerate() {
        let ClaimKind::Date {
            written,
            resolved: Resolved::Date(date),
        } = &claim.kind
        else {
            continue;
        };
        if !matches!(
            written,
            DateKind::Calendar { .. } | DateKind::DayOnly { .. }
        ) {
            continue;
        }
        if is_dateline(ctx, &claim.span, date) {
            continue;
        }
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
        let expected = describe(
            &event
                .date
                .truncate(date.precision().min(event.date.precision())),
        );
        let mut message = String::with_capacity(64 + what.len());
        message.push_str("the facts date ");
        message.push_str(what);
        message.push_str(" to ");
        describe_into(&mut message, &event.date);
        message.push_str(", not ");
        describe_into(&mut message, date);
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Error,
                message,
                span: claim.span.clone(),
                found,
                expected: Some(expected),
                fact: Some(event.id.clone()),
                labels: Vec::new(),
                help: Some(ctx.cite(&event.id)),
            },
            vec![i],
        ));
    }
    wrong_periods(ctx, &mut out);
    out
}

/// "Net profit for the second quarter came in at €412 million", where the
/// facts give €412 million as the third quarter's: a figure no fact of its
/// stated period holds, equal to one fact's value of another period, with
/// that fact's cue words in its sentence, states the wrong period. Money
/// and counts only: a percentage or a bare number recurs too easily.
fn wrong_periods(ctx: &Context<'_>, out: &mut Findings) {
    let claims = ctx.claims();
    // The entities the article names, gathered once: a huge article has
    // many figures.
    let named = std::cell::OnceCell::new();
    let mentioned = |entity: &str| {
        named
            .get_or_init(|| {
                let mut ids: Vec<&str> = claims
                    .iter()
                    .filter_map(|c| match &c.kind {
                        ClaimKind::Mention(m) => Some(&*m.entity),
                        _ => None,
                    })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .binary_search(&entity)
            .is_ok()
    };
    for (i, claim) in claims.iter().enumerate() {
        let ClaimKind::Amount(amount) = &claim.kind else {
            continue;
        };
        // A percentage with decimals ("88.4 percent") is as telling as a
        // sum; a round one recurs from period to period.
        let telling_percent = matches!(amount.unit, Some(Unit::Percent))
            && !amount.number.fract().is_zero()
            && !amount.fraction;
        if !(matches!(amount.unit, Some(Unit::Currency(_) | Unit::Noun(_))) || telling_percent) {
            continue;
        }
        let Some(value) = amount.number.checked_mul(amount.scale.factor()) else {
            continue;
        };
        let Some((t, days, a_day)) = its_time(ctx, i) else {
            continue;
        };
        // "cut its rate to 5.50 percent from 5.75 percent on Thursday": the
        // day of a change, not of the level it started from.
        let a_weekday = claims.get(t).is_some_and(|c| {
            matches!(
                c.kind,
                ClaimKind::Date {
                    written: DateKind::Weekday(_),
                    ..
                }
            )
        });
        if a_weekday && ctx.words(&(0..amount.span.start)).ends_with(" from ") {
            continue;
        }
        let equal = |q: &Quantity| {
            amount.unit.as_ref() == Some(&q.value.unit) && q.value.value() == Some(value)
        };
        let Some(sentence) = ctx.extraction.sentences.get(claim.sentence) else {
            continue;
        };
        let sentence = ctx.words(&sentence.span).to_ascii_lowercase();
        let cued = |q: &Quantity| q.cues.iter().any(|c| has_words(&sentence, c));
        let overlaps = |(first, last): Days| first <= days.1 && days.0 <= last;
        // The period a fact covers; else, beside a day, the day it gives.
        let time_of = |q: &Quantity| match (q.period, q.date) {
            (Some(p), _) if !a_day => Some((p.first_day(), p.last_day())),
            (None, Some(d)) if a_day && d.precision() == Precision::Day => {
                Some((d.first_day(), d.last_day()))
            }
            _ => None,
        };
        // "on March 1" without its year: the day of the month is what it
        // states, whichever year it falls in.
        let same_day = |q: &Quantity| {
            yearless(claims.get(t))
                && q.date.is_some_and(|d| {
                    month_and_day(claims.get(t)) == Some((d.month_number(), d.day_number()))
                })
        };
        // "a first half" without its year: the half is what it states.
        let same_part = |q: &Quantity| {
            let Some((part, months)) = yearless_part(claims.get(t)) else {
                return false;
            };
            q.period.is_some_and(|p| {
                let (first, last) = (p.first_day(), p.last_day());
                first.month() == (part - 1) * months + 1
                    && last.month() == first.month() + months - 1
            })
        };
        let mut found = ctx.facts.quantities.iter().filter(|q| {
            equal(q)
                && time_of(q).is_some_and(|t| !overlaps(t))
                // A forecast for a period, made on a day the text gives
                // ("revised down from 3.9 percent in December").
                && !q.date.is_some_and(|d| overlaps((d.first_day(), d.last_day())))
                && !of_its_split_year(q, days)
                && !same_day(q)
                && !same_part(q)
                && cued(q)
                && mentioned(&q.subject)
        });
        let (Some(q), None) = (found.next(), found.next()) else {
            continue;
        };
        // Unmatched, or agreeing with this very fact: a figure matched to
        // another is that one's.
        if ctx
            .matches
            .get(i)
            .is_some_and(|m| m.as_ref().is_some_and(|m| !(m.agrees && *m.fact == *q.id)))
        {
            continue;
        }
        // A fact of the stated period about the same measure is the
        // figure's own, and the matcher's to compare.
        let of_that_period = ctx.facts.quantities.iter().any(|o| {
            o.subject == q.subject && o.cues == q.cues && time_of(o).is_some_and(overlaps)
        });
        if of_that_period {
            continue;
        }
        let Some(period) = q
            .period
            .map(|p| p.to_string())
            .or_else(|| q.date.as_ref().map(describe))
        else {
            continue;
        };
        let Some(time) = claims.get(t) else {
            continue;
        };
        let what = q.what.as_deref().unwrap_or(&q.id);
        let mut message = String::with_capacity(64 + what.len());
        message.push_str("the facts give ");
        message.push_str(ctx.words(&amount.span));
        message.push_str(" as ");
        message.push_str(what);
        message.push_str(", for ");
        message.push_str(&period.to_string());
        message.push_str(", not for ");
        message.push_str(ctx.words(&time.span));
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Warning,
                message,
                span: time.span.clone(),
                found: ctx.words(&time.span).to_owned(),
                expected: Some(period),
                fact: Some(q.id.clone()),
                labels: Vec::new(),
                help: Some(ctx.cite(&q.id)),
            },
            // The time is what is wrong: the figure is the fact's.
            vec![t],
        ));
    }
}

/// The claim that dates amount claim `i` with a period or a month or year,
/// and its days: the nearest before it in its sentence with no amount
/// between, or right after it in its clause ("$684 million in 2023").
/// Whether the days fall in the second year of a split year the fact's
/// words name ("2024-25 academic year", "2024/25" of a fact for 2024):
/// "this year" in February 2025 is that year.
fn of_its_split_year(q: &Quantity, (first, last): Days) -> bool {
    let Some(year) = q.period.map(|p| p.first_day().year()) else {
        return false;
    };
    let next = year.saturating_add(1);
    let split = |sep: char| {
        [
            format!("{year}{sep}{:02}", next.rem_euclid(100)),
            format!("{year}{sep}{next}"),
        ]
    };
    let named = (q.cues.iter().map(String::as_str))
        .chain(q.what.as_deref())
        .any(|words| {
            split('-')
                .iter()
                .chain(&split('/'))
                .any(|s| words.contains(s.as_str()))
        });
    named && first.year() == next && last.year() == next
}

fn its_time(ctx: &Context<'_>, i: usize) -> Option<(usize, Days, bool)> {
    let claims = ctx.claims();
    let claim = claims.get(i)?;
    // Its days, and whether it is a day.
    let time = |c: &Claim| match &c.kind {
        ClaimKind::Date {
            resolved: Resolved::Period(p),
            ..
        } => Some(((p.first_day(), p.last_day()), false)),
        ClaimKind::Date {
            written: DateKind::Calendar { day, .. },
            resolved: Resolved::Date(d),
        } => Some(((d.first_day(), d.last_day()), day.is_some())),
        // "Shares fell 6.8 percent on Monday": a weekday resolved to its day.
        ClaimKind::Date {
            written: DateKind::Weekday(_),
            resolved: Resolved::Date(d),
        } if d.precision() == Precision::Day => Some(((d.first_day(), d.last_day()), true)),
        _ => None,
    };
    if let Some(next) = claims.get(i + 1).filter(|c| c.sentence == claim.sentence) {
        // "in 2023", "impairment in the second quarter", "in the
        // January-March period" (read from its last month), "36,905
        // megawatts, set on June 15, 2023", "77.9 feet on June 30".
        let mut words: Vec<&str> = ctx
            .words(&(claim.span.end..next.span.start))
            .split_whitespace()
            .filter(|w| *w != ",")
            .collect();
        if let Some(first) = words.first_mut() {
            *first = first.trim_start_matches(',');
        }
        if words.last().is_some_and(|w| w.ends_with('-')) {
            words.pop();
        }
        if words.last().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            words.pop();
        }
        let preposition = |w: &&str| {
            ["in", "for", "during", "on"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        };
        // "$612 million in sales last year": a relative time needs no
        // preposition; not past a comma ("C$88 million, reported last
        // month", when it was told).
        let relative = matches!(
            next.kind,
            ClaimKind::Date {
                written: DateKind::Relative(_),
                ..
            }
        ) && !ctx.words(&(claim.span.end..next.span.start)).contains(',');
        let lowercase = |w: &&str| w.bytes().all(|b| b.is_ascii_lowercase());
        let joined = match words.as_slice() {
            [w] => preposition(w) || (relative && lowercase(w) && !w.ends_with("ed")),
            // "impairment in", or "in sales" before a relative time.
            [a, b] => {
                (preposition(b) && lowercase(a)) || (relative && preposition(a) && lowercase(b))
            }
            [] => relative,
            _ => false,
        };
        // A relative time right after the figure ("in sales last year")
        // dates it as a written one does.
        let relative_time = |c: &Claim| match &c.kind {
            ClaimKind::Date {
                written: DateKind::Relative(_),
                resolved: Resolved::Date(d),
            } => Some((
                (d.first_day(), d.last_day()),
                d.precision() == Precision::Day,
            )),
            _ => None,
        };
        if joined {
            match time(next).or_else(|| relative_time(next)) {
                Some((days, false)) => return Some((i + 1, days, false)),
                // A period before the figure comes first: "first-quarter
                // revenue of 1.962 billion zlotys on May 13".
                Some((days, true)) => {
                    return earlier(ctx, i, time).or(Some((i + 1, days, true)));
                }
                None => {}
            }
        }
    }
    earlier(ctx, i, time)
}

/// [`its_time`] before the figure.
fn earlier(
    ctx: &Context<'_>,
    i: usize,
    time: impl Fn(&Claim) -> Option<(Days, bool)>,
) -> Option<(usize, Days, bool)> {
    let claims = ctx.claims();
    let claim = claims.get(i)?;
    let is_amount =
        |c: &Claim| matches!(c.kind, ClaimKind::Amount(_) | ClaimKind::Conversion { .. });
    for (k, c) in claims.get(..i)?.iter().enumerate().rev() {
        if c.sentence != claim.sentence || is_amount(c) {
            return None;
        }
        // In the amount's clause, and dating no comparison ("up 4.1
        // percent from 2025, splits into $3.57 billion").
        let between = ctx.words(&(c.span.end..claim.span.start));
        let before = ctx.text.get(..c.span.start).unwrap_or("").trim_end();
        let compared = ["from", "since", "than", "over", "on"].iter().any(|w| {
            before.len() >= w.len()
                && before
                    .get(before.len() - w.len()..)
                    .is_some_and(|t| t.eq_ignore_ascii_case(w))
        });
        if between.contains([',', ';', ':', '(', ')']) || compared {
            return None;
        }
        // A day before the figure dates the sentence's news, not it; a
        // time right after another figure is that one's ("20.2 tonnes in
        // the first half and 11.2 tonnes ...").
        let anothers = k
            .checked_sub(1)
            .and_then(|j| claims.get(j))
            .is_some_and(|p| p.sentence == claim.sentence && is_amount(p));
        if let (Some((days, false)), false) = (time(c), anothers) {
            return Some((k, days, false));
        }
    }
    None
}

/// Whether a date claim is a calendar day written without its year.
fn yearless(claim: Option<&Claim>) -> bool {
    matches!(
        claim.map(|c| &c.kind),
        Some(ClaimKind::Date {
            written: DateKind::Calendar {
                year: None,
                day: Some(_),
                ..
            },
            ..
        })
    )
}

/// The quarter or half a period claim written without its year states,
/// and its length in months: "the first half" is (1, 6).
fn yearless_part(claim: Option<&Claim>) -> Option<(i8, i8)> {
    use claims::dates::PeriodRef;
    match claim.map(|c| &c.kind) {
        Some(ClaimKind::Date {
            written: DateKind::Period(period),
            ..
        }) => match *period {
            PeriodRef::Quarter {
                quarter,
                year: None,
                this_year: false,
            } => Some((i8::try_from(quarter).ok()?, 3)),
            PeriodRef::Half {
                half,
                year: None,
                this_year: false,
            } => Some((i8::try_from(half).ok()?, 6)),
            _ => None,
        },
        _ => None,
    }
}

/// The month and the day a date claim resolves to.
fn month_and_day(claim: Option<&Claim>) -> Option<(Option<i8>, Option<i8>)> {
    match claim.map(|c| &c.kind) {
        Some(ClaimKind::Date {
            resolved: Resolved::Date(d),
            ..
        }) => Some((d.month_number(), d.day_number())),
        _ => None,
    }
}

/// Whether lowercase `text` holds `phrase` as whole words, case folded.
fn has_words(text: &str, phrase: &str) -> bool {
    let phrase = phrase.to_ascii_lowercase();
    text.match_indices(&phrase).any(|(at, _)| {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at + phrase.len()..).and_then(|t| t.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::testing::check;

    pub(crate) const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
events:
  - { id: acme-results, subject: acme, what: the results release, cues: [released, results], date: 2021-08-24 }
  - { id: acme-pledge, subject: acme, what: the pledge announcement, cues: [announced, pledge], date: 2021-09-02, accept: [2021-09-03] }
";

    #[test]
    fn the_start_of_a_role_of_the_sentences_person_is_no_date_of_anothers_event() {
        const CUP: &str = "\
entities:
  - { id: union, kind: organization, name: Fennick Union }
  - id: holt
    kind: person
    name: Mira Holt
    roles: [{ title: champion, of: union, from: 2021-12-05, to: 2025-12-14 }]
  - { id: rask, kind: person, name: Ivo Rask }
events:
  - { id: final, subject: union, what: the final Rask won, cues: [won], date: 2025-12-14 }
";
        let said =
            |body: &str| crate::testing::check_published(CUP, "2025-12-15", body, "date-mismatch");
        assert!(said("Ivo Rask beat Mira Holt. Holt won the title in December 2021.").is_empty());
        // A date that starts or ends none of her roles is still checked.
        assert_eq!(
            said("Ivo Rask beat Mira Holt. Holt won the title in December 2022.").len(),
            1
        );
    }
    #[test]
    fn describe_is_the_formatted_reference() {
        use facts::{FactDate, Precision};
        // The way `describe` was first written.
        fn reference(date: &FactDate) -> String {
            let month = date.month_number().map(facts::date::month_name);
            match (date.precision(), month, date.weekday()) {
                (Precision::Day, Some(m), Some(w)) => format!(
                    "{} {} {m} {}",
                    facts::date::weekday_name(w),
                    date.day_number().unwrap_or(0),
                    date.year_number()
                ),
                (Precision::Month, Some(m), _) => format!("{m} {}", date.year_number()),
                _ => date.year_number().to_string(),
            }
        }
        for text in [
            "2021-08-24",
            "2021-08",
            "2021",
            "0999-01-01",
            "1999-12-31",
            "2024-02-29",
            "0001",
        ] {
            let date = FactDate::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(super::describe(&date), reference(&date), "{text}");
        }
    }

    #[test]
    fn event_dates_are_compared() {
        let article = "---\npublished: 2021-09-10\n---\nOn August 23, Acme released its results.";
        assert_eq!(
            check(FACTS, article, "date-mismatch"),
            [
                "error \"August 23\": the facts date the results release to Tuesday 24 August 2021, not Monday 23 August 2021"
            ]
        );
        let right = "---\npublished: 2021-09-10\n---\nOn August 24, Acme released its results.";
        assert!(check(FACTS, right, "date-mismatch").is_empty());
        let accepted =
            "---\npublished: 2021-09-10\n---\nOn September 3, Acme announced its pledge.";
        assert!(check(FACTS, accepted, "date-mismatch").is_empty());
    }

    /// A day named in its own phrase as another event's, and exactly its
    /// day, is no contradiction of the event the sentence's verb names.
    #[test]
    fn a_day_its_phrase_gives_another_event_is_that_events() {
        const EVENTS: &str = "entities:
  - { id: acme, kind: organization, name: Acme }
  - { id: court, kind: organization, name: General Court }
events:
  - { id: fine, subject: acme, what: the fine, cues: [imposed], date: 2018-07-18 }
  - { id: ruling, subject: court, what: the judgment, cues: [judgment], date: 2022-09-14 }
";
        let right = "---\npublished: 2022-12-01\n---\nAcme, which paid, welcomed the \
                     September 14 judgment, saying the fine was wrongly imposed.";
        assert!(check(EVENTS, right, "date-mismatch").is_empty());
        // Without the judgment's cue, the day is the fine's, and wrong.
        let other = "---\npublished: 2023-01-10\n---\nAcme imposed the fine on September 14, 2022.";
        assert_eq!(check(EVENTS, other, "date-mismatch").len(), 1);
    }

    #[test]
    fn a_dateline_is_not_an_event_date() {
        let article = "---\npublished: 2021-09-04\n---\n date 2021-09-04 Acme announced its pledge on Friday.";
        assert!(check(FACTS, article, "date-mismatch").is_empty());
        let wire = "---\npublished: 2021-09-04\n---\nSAN JOSE, California, September 4 (Reuters) - \
                    Acme announced its pledge.";
        assert!(check(FACTS, wire, "date-mismatch").is_empty());
        // The same date inside the story dates the event.
        let inside = "---\npublished: 2021-09-04\n---\nIn San Jose, California, Acme announced \
                      its pledge on September 4.";
        assert_eq!(check(FACTS, inside, "date-mismatch").len(), 1);
    }

    #[test]
    fn a_figure_of_another_period_than_its_facts_is_a_wrong_period() {
        const PROFIT: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Air }
quantities:
  - { id: q3, subject: acme, what: net profit, cues: [net profit], value: 412 million EUR, period: 2025-Q3 }
  - { id: q3-before, subject: acme, what: net profit a year earlier, cues: [net profit], value: 356 million EUR, period: 2024-Q3 }
";
        let said = |body: &str| {
            crate::testing::check_published(PROFIT, "2025-10-23", body, "date-mismatch")
        };
        assert_eq!(
            said("Acme Air's net profit for the second quarter was €412 million."),
            [
                "warning \"the second quarter\": the facts give €412 million as net profit, for 2025-Q3, not for the second quarter"
            ]
        );
        assert_eq!(
            said("Acme Air posted net profit of $1 billion and €412 million in 2023.").len(),
            1
        );
        for body in [
            "Acme Air's net profit for the third quarter was €412 million.",
            "Acme Air's net profit was €412 million in the July-September period, up from €356 million a year earlier.",
            // Another figure's comparison, another clause.
            "Acme Air's net profit rose 4% from 2024, to €412 million.",
            "Acme Air's net profit for the second quarter rose, to €412 million in the third.",
            // The time of the figure before.
            "Acme Air's net profit was €300 million in the first half and €412 million in the final three months.",
        ] {
            assert_eq!(said(body), Vec::<String>::new(), "{body}");
        }
    }

    #[test]
    fn this_year_in_the_second_year_of_a_split_year_is_that_year() {
        const ENROLLED: &str = "\
entities:
  - { id: uni, kind: organization, name: Acme University }
quantities:
  - { id: split, subject: uni, what: \"students enrolled, 2024-25 academic year\", cues: [students], value: 28155 students, period: 2024 }
  - { id: plain, subject: uni, what: staff employed in 2024, cues: [staff], value: 4210 staff, period: 2024 }
";
        let said = |body: &str| {
            crate::testing::check_published(ENROLLED, "2025-02-27", body, "date-mismatch")
        };
        assert!(said("Acme University has 28,155 students this year.").is_empty());
        assert_eq!(said("Acme University has 4,210 staff this year.").len(), 1);
    }

    #[test]
    fn a_percentage_with_decimals_of_another_period_is_a_wrong_period() {
        const SHARE: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Rail }
quantities:
  - { id: q3, subject: acme, what: trains on time, cues: [punctuality], value: 88.4 percent, period: 2024-Q3 }
  - { id: round, subject: acme, what: trains cancelled, cues: [cancelled], value: 3 percent, period: 2024-Q3 }
  - { id: forecast, subject: acme, what: punctuality forecast for 2025 made in December, cues: [forecast], value: 91.5 percent, period: 2025, date: 2024-12-02 }
";
        let said = |body: &str| {
            crate::testing::check_published(SHARE, "2024-12-11", body, "date-mismatch")
        };
        assert_eq!(
            said("Acme Rail's punctuality was 88.4 percent in the second quarter.").len(),
            1
        );
        for body in [
            "Acme Rail's punctuality was 88.4 percent in the third quarter.",
            // A round percentage recurs from period to period.
            "Acme Rail said cancelled trains were 3 percent in the second quarter.",
            // The day a forecast for a period was made.
            "Acme Rail's forecast was revised down from 91.5 percent in December.",
        ] {
            assert_eq!(said(body), Vec::<String>::new(), "{body}");
        }
    }

    #[test]
    fn a_figure_of_a_day_stated_for_another_weekday_is_a_wrong_day() {
        const FALL: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Bank }
quantities:
  - { id: fall, subject: acme, what: fall in Acme shares on the day of the fine, cues: [shares, fell], value: 6.8 percent, date: 2024-05-14 }
";
        // Published on Wednesday 15 May 2024: the fine came on Tuesday.
        let said =
            |body: &str| crate::testing::check_published(FALL, "2024-05-15", body, "date-mismatch");
        assert_eq!(
            said("Acme Bank shares fell 6.8 percent on Monday.").len(),
            1
        );
        for body in [
            "Acme Bank shares fell 6.8 percent on Tuesday.",
            // The day of a change from the level, not the level's.
            "Acme Bank shares fell to 5.1 percent from 6.8 percent on Monday.",
        ] {
            assert_eq!(said(body), Vec::<String>::new(), "{body}");
        }
    }

    #[test]
    fn a_yearless_half_states_its_half_and_a_relative_time_after_a_figure_dates_it() {
        const FACTS: &str = "\
entities:
  - { id: grocer, kind: organization, name: Pellham Foods }
quantities:
  - { id: small, subject: grocer, what: convenience stores opened, cues: [convenience], value: 9 stores, period: 2024-H1 }
  - { id: sales, subject: grocer, what: sales of its own brand, cues: [sales], value: 612 million USD, period: 2023 }
";
        let said = |body: &str| {
            crate::testing::check_published(FACTS, "2024-07-25", body, "date-mismatch")
        };
        for body in [
            "Pellham Foods will keep opening shops after a first half in which nine of its 14 new stores were convenience formats.",
            "Pellham Foods was founded in October 2011 and made $612 million in sales last year.",
        ] {
            assert_eq!(said(body), Vec::<String>::new(), "{body}");
        }
        assert_eq!(
            said("Pellham Foods will keep opening shops after a second half in which nine of its 14 new stores were convenience formats.").len(),
            1
        );
        assert_eq!(
            said("Pellham Foods was founded in October 2011 and made $612 million in sales.").len(),
            1
        );
    }

    #[test]
    fn a_figure_given_another_day_than_its_facts_is_a_wrong_day() {
        const LEVEL: &str = "\
entities:
  - { id: lake, kind: place, name: Lake Orvel }
quantities:
  - { id: level, subject: lake, what: water level of Lake Orvel, cues: [lake, level], value: 77.9 feet, date: 2024-07-30 }
  - { id: fare, subject: lake, what: ferry fare from March 2025, cues: [fare], value: 3.10 USD, date: 2025-03-01 }
";
        let said = |body: &str| {
            crate::testing::check_published(LEVEL, "2024-12-15", body, "date-mismatch")
        };
        assert_eq!(
            said("Lake Orvel's level had fallen to 77.9 feet on June 30."),
            [
                "warning \"June 30\": the facts give 77.9 feet as water level of Lake Orvel, for Tuesday 30 July 2024, not for June 30"
            ]
        );
        for body in [
            "Lake Orvel's level had fallen to 77.9 feet on July 30.",
            // Without its year, the day of the month is what it states.
            "The Lake Orvel ferry fare rises to $3.10 on March 1.",
            // A day before the figure dates the news, not the figure.
            "On June 30, Lake Orvel's level was 77.9 feet.",
        ] {
            assert_eq!(said(body), Vec::<String>::new(), "{body}");
        }
        assert_eq!(
            said("The Lake Orvel ferry fare rises to $3.10 on May 1.").len(),
            1
        );
    }

    #[test]
    fn a_weekday_naming_the_day_of_its_date_leaves_the_date_to_be_checked() {
        const FARES: &str = "\
entities:
  - { id: ferries, kind: organization, name: Tern Ferries }
events:
  - { id: effect, subject: ferries, what: the new fares take effect, cues: [take effect], date: 2024-04-01 }
";
        let said = |body: &str, code: &str| {
            crate::testing::check_published(FARES, "2024-03-28", body, code)
        };
        assert_eq!(
            said(
                "Tern Ferries' new fares take effect on Monday, April 8.",
                "date-mismatch"
            ),
            [
                "error \"April 8\": the facts date the new fares take effect to Monday 1 April 2024, not Monday 8 April 2024"
            ]
        );
        assert!(
            said(
                "Tern Ferries' new fares take effect on Monday, April 1.",
                "date-mismatch"
            )
            .is_empty()
        );
        assert_eq!(
            said(
                "Tern Ferries' new fares take effect on Tuesday, April 1.",
                "weekday-mismatch"
            )
            .len(),
            1
        );
    }
}
