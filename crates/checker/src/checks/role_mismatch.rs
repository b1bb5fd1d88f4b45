//! `role-mismatch`: a person given a title or organisation they did not
//! hold at the time the sentence speaks of.

use std::fmt::Write as _;

use claims::{ClaimKind, DateKind, Resolved, Tense};
use facts::{FactDate, Precision, Role};

use super::Check;
use crate::matching::of_sentence;
use crate::{Context, Diagnostic, Findings, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "role-mismatch",
    severity: Severity::Error,
    summary: "a person is given a role or organisation they did not hold then",
    doc: "\
**What it checks.** Role phrases (\"Maria Lindqvist, chairman and CEO of Northwind\", \"CEO Maria \
Lindqvist\", \"X's founder and chairman Y\", \"Y is currently the CEO of X\", \"Y took over as CEO \
of X in May 2015\", \"Y, who has led X since 2019\") are compared with the person's dated roles \
in the facts: at the \
publication date for the present tense, at the sentence's date for past events. Titles go \
through the synonym table (`head of` is satisfied by any leading role). Only people whose \
roles the facts list are checked.

**Why.** Titles go stale: founders step down, chairmen change, and copied biographies keep \
the old ones. Naming the wrong person as head of a company misinforms readers directly.

**Example.** In October 2022, \"Tomas Berg, head of Northwind\" is reported: he left its \
board on 2021-06-30, and the head was Maria Lindqvist (chief executive). A former role \
stated as current in a sentence that itself says the person stepped down is a warning, and \
no finding when the role ended in the week before publication (the departure is the news: \
\"Northwind chairman Tomas Berg resigned on Monday\", or in the month the sentence dates the \
departure to, or on a day it names: \"sacked manager X on Monday, March 16\"). Nor is a title \
held until the one the sentence says the person took next (\"X, the club's under-21 coach, \
took over as caretaker manager\"). Nor is a title held until a move in the week before publication, in a sentence \
that names the body of the role that followed (\"Acme Rovers have signed Globex United forward X\"). A \
title the phrase itself calls former (\"Northwind's former chairman Tomas Berg\", \"retired \
judge\") is right \
when he held it. A qualifier before a title makes it another (\"Deputy Governor\", \"vice \
chairman\", \"assistant coach\"): right only when the person held that one.",
    run,
};

/// Whether a portfolio title written in full ("economy minister") whose
/// canonical form is the bare generic title ("minister", as the facts'
/// synonyms may map it) names another portfolio than the held title
/// ("prime minister"): a premier is a minister, not the economy minister.
fn another_portfolio(written: &str, canonical: &str, held: &str) -> bool {
    let Some((portfolio, generic)) = written.trim().rsplit_once(' ') else {
        return false;
    };
    let portfolio = portfolio.rsplit(' ').next().unwrap_or(portfolio);
    generic.eq_ignore_ascii_case(canonical)
        && held != canonical
        && held
            .strip_suffix(canonical)
            .and_then(|kind| kind.strip_suffix(' '))
            .is_some_and(|kind| !kind.eq_ignore_ascii_case(portfolio))
}

/// Writes `date` as its `Display` does: the year in four digits, then
/// `-MM` and `-DD` when known. Digits are written by hand for the years,
/// months and days a fact base holds; anything else goes through `Display`.
fn write_date(out: &mut String, date: FactDate) {
    let digit = |n: i16| char::from(b'0' + (n % 10) as u8);
    match date.year_number() {
        year @ 0..=9999 => {
            for div in [1000, 100, 10, 1] {
                out.push(digit(year / div));
            }
        }
        _ => {
            let _ = write!(out, "{:04}", date.year_number());
        }
    }
    for part in [date.month_number(), date.day_number()]
        .into_iter()
        .flatten()
    {
        match part {
            0..=99 => {
                out.push('-');
                out.push(digit(i16::from(part) / 10));
                out.push(digit(i16::from(part)));
            }
            _ => {
                let _ = write!(out, "-{part:02}");
            }
        }
    }
}

/// "title of Org from date to date; ...", written onto `out`.
fn describe_roles<'r>(
    out: &mut String,
    roles: impl IntoIterator<Item = &'r Role>,
    ctx: &Context<'_>,
) {
    for (k, r) in roles.into_iter().enumerate() {
        if k > 0 {
            out.push_str("; ");
        }
        out.push_str(&r.title);
        if let Some(e) = r.of.as_deref().and_then(|o| ctx.facts.entity(o)) {
            out.push_str(" of ");
            out.push_str(&e.name);
        }
        if let Some(f) = r.from {
            out.push_str(" from ");
            write_date(out, f);
        }
        if let Some(t) = r.to {
            out.push_str(" to ");
            write_date(out, t);
        }
    }
}

/// "title of Org", or the title alone.
fn write_title_there(out: &mut String, title: &str, org_name: Option<&str>) {
    out.push_str(title);
    if let Some(o) = org_name {
        out.push_str(" of ");
        out.push_str(o);
    }
}

/// The word before the capitalised words (at most four) that end `before`,
/// when there are some: the "retired" of "retired High Court judge", where
/// a body's name stands between the word and the title.
fn before_a_body(before: &str) -> &str {
    let mut rest = before.trim_end();
    for k in 0..=4 {
        let start = rest.rfind(char::is_whitespace).map_or(0, |at| at + 1);
        let word = rest.get(start..).unwrap_or("");
        // A sentence or clause ends there: nothing before it is the title's.
        if word.ends_with(|c: char| c.is_ascii_punctuation()) {
            return "";
        }
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return if k == 0 { "" } else { word };
        }
        rest = rest.get(..start).unwrap_or("").trim_end();
    }
    ""
}

/// Whether a role phrase calls its title former ("former", "formerly",
/// "ex-CEO", "retired judge").
fn calls_former(phrase: &str) -> bool {
    phrase
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            w.eq_ignore_ascii_case("former")
                || w.eq_ignore_ascii_case("formerly")
                || w.eq_ignore_ascii_case("retired")
                || w.get(..3).is_some_and(|ex| ex.eq_ignore_ascii_case("ex-"))
        })
}

/// The title a qualifier right before it makes another ("Deputy
/// Governor", "vice chairman", "assistant coach", "Economy Minister"): the
/// qualified title, canonical if the table knows it, or `None` when no
/// qualifier stands there.
fn qualified_title(
    text: &str,
    span: &std::ops::Range<usize>,
    title: &str,
    titles: &facts::TitleTable,
) -> Option<String> {
    let before = text.get(..span.start)?;
    let word = before
        .strip_suffix([' ', '-'])?
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()?;
    let portfolio = ["minister", "secretary"].contains(&title);
    let listed = |list: &[&str]| {
        (list.iter())
            .find(|q| q.eq_ignore_ascii_case(word))
            .map(|q| (*q).to_owned())
    };
    let qualifier = listed(&facts::titles::QUALIFIERS)
        // "Economy Minister": a portfolio makes a minister a particular one.
        .or_else(|| {
            portfolio
                .then(|| listed(&facts::titles::PORTFOLIOS))
                .flatten()
        })
        .or_else(|| portfolio.then(|| field_before(before)).flatten())
        // "Acme's finance director".
        .or_else(|| {
            (title == "director")
                .then(|| listed(&facts::titles::DIRECTOR_FIELDS))
                .flatten()
        })?;
    let qualified = format!("{qualifier} {title}");
    Some(
        titles
            .canonical(&qualified)
            .map_or(qualified.clone(), str::to_owned),
    )
}

/// Whether a "leader" is the leader of a standing, a place in a race or a
/// table ("race leader X", "the overall leader"), which is no office.
fn leads_a_standing(text: &str, span: &std::ops::Range<usize>, title: &str) -> bool {
    const STANDINGS: [&str; 8] = [
        "race",
        "overall",
        "series",
        "points",
        "championship",
        "league",
        "standings",
        "stage",
    ];
    title == facts::titles::HEAD
        && text
            .get(span.clone())
            .is_some_and(|t| t.eq_ignore_ascii_case("leader"))
        && text
            .get(..span.start)
            .and_then(|before| before.split_whitespace().next_back())
            .is_some_and(|w| one_of_ignoring_case(w, &STANDINGS))
}

/// A field written in capitals before a minister's or a secretary's title,
/// of one or two words ("Planning Minister", "Digital Affairs Minister"),
/// in lowercase; not an article, a pronoun or a word like a demonym
/// ("Ostrelian Minister" names the country, not the portfolio).
fn field_before(before: &str) -> Option<String> {
    const NOT_FIELDS: [&str; 12] = [
        "the", "a", "an", "his", "her", "their", "its", "our", "then", "new", "acting", "former",
    ];
    let field_word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_lowercase())
            && w.len() >= 4
            && !one_of_ignoring_case(w, &NOT_FIELDS)
            && !["an", "ese", "ish", "ian"]
                .iter()
                .any(|end| w.ends_with(end))
    };
    let mut words = before.split_whitespace().rev();
    let last = words.next().filter(|w| field_word(w))?;
    let field = match words.next() {
        Some(first) if field_word(first) => format!("{first} {last}"),
        _ => last.to_owned(),
    };
    Some(field.to_ascii_lowercase())
}

fn one_of_ignoring_case(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The title with the word right before it as its field ("Acme's export
/// director", "Finance Director X"), when the person held that title
/// ("director of exports"): the reader takes the title alone.
fn with_its_field(
    text: &str,
    span: &std::ops::Range<usize>,
    title: &str,
    person: &facts::Entity,
    titles: &facts::TitleTable,
) -> Option<String> {
    let word = text
        .get(..span.start)?
        .strip_suffix(' ')?
        .rsplit(char::is_whitespace)
        .next()?;
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // "Finance Director Jane Roe" as well.
    let fielded = format!("{} {title}", word.to_ascii_lowercase());
    (person.roles.iter())
        .any(|r| titles.satisfies(&fielded, &r.title))
        .then_some(fielded)
}

/// Whether the organisation a title is stated at is a place whose name
/// the held role's organisation bears ("Eastland's commissioner for
/// health" of the "Eastland State Ministry of Health"): the place is where the body
/// serves, not another body.
fn place_of(ctx: &Context<'_>, stated: Option<&str>, held_at: Option<&str>) -> bool {
    let (Some(place), Some(held_at)) = (stated.and_then(|o| ctx.facts.entity(o)), held_at) else {
        return false;
    };
    place.kind == facts::EntityKind::Place
        && place.names().any(|name| {
            held_at.match_indices(name).any(|(at, _)| {
                let before = held_at.get(..at).and_then(|b| b.chars().next_back());
                let after = held_at
                    .get(at + name.len()..)
                    .and_then(|a| a.chars().next());
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
}

/// The last `n` words of `text` ("Former" before "Acme chairman John
/// Doe"; "former finance" before a minister its portfolio qualifies).
fn last_words(text: &str, n: usize) -> &str {
    let trimmed = text.trim_end();
    let mut start = trimmed.len();
    for _ in 0..n {
        let before = trimmed.get(..start).unwrap_or("").trim_end();
        start = before.rfind(char::is_whitespace).map_or(0, |at| at + 1);
    }
    trimmed.get(start..).unwrap_or("")
}

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let titles = &ctx.facts.titles;
    // The help of each person this article gives a diagnostic, written once.
    let mut helps: Vec<(&str, String)> = Vec::new();
    let mut matching: Vec<&Role> = Vec::new();
    // Each claim's problems are written here, and copied at their length
    // into a diagnostic: growing a new string for each cost several
    // reallocations.
    let mut message = String::new();
    for (i, claim) in ctx.claims().iter().enumerate() {
        let ClaimKind::Role {
            role,
            person: Some(person_id),
            org,
        } = &claim.kind
        else {
            continue;
        };
        let Some(person) = ctx.facts.entity(person_id) else {
            continue;
        };
        if person.roles.is_empty() {
            continue;
        }
        // When the sentence speaks of.
        let when: Option<FactDate> = match role.tense {
            Tense::Current => ctx.published(),
            Tense::Started | Tense::Past => claim.when.as_ref().map(|(d, _)| *d),
        };
        // The name of the organisation a role is held at.
        let org_of = |r: &facts::Role| {
            (r.of.as_deref())
                .and_then(|o| ctx.facts.entity(o))
                .map(|e| e.name.as_str())
        };
        let org_name = org
            .as_deref()
            .and_then(|o| ctx.facts.entity(o))
            .map(|e| e.name.as_str());
        // The problems, joined by "; " as they are found: most claims have
        // none, and then nothing is written.
        message.clear();
        // Room for most messages at once, taken with the first claim checked.
        message.reserve(256);
        let mut severity = Severity::Error;
        for (title, span) in &role.titles {
            if leads_a_standing(ctx.text, span, title) {
                continue;
            }
            let qualified = qualified_title(ctx.text, span, title, titles)
                .or_else(|| with_its_field(ctx.text, span, title, person, titles));
            let title: &str = qualified.as_deref().unwrap_or(title);
            let written = ctx.text.get(span.clone()).unwrap_or("");
            matching.clear();
            matching.extend(
                person
                    .roles
                    .iter()
                    .filter(|r| titles.satisfies_at(title, &r.title, || org_of(r)))
                    .filter(|r| !another_portfolio(written, title, &r.title))
                    .filter(|r| {
                        org.is_none()
                            || r.of.as_deref() == org.as_deref()
                            || place_of(ctx, org.as_deref(), org_of(r))
                    }),
            );
            // "Acme's former chairman X", "the ex-CEO of Acme", "retired
            // judge X": a title the phrase itself calls former.
            let said_former = || {
                calls_former(ctx.words(&claim.span))
                    || calls_former(last_words(ctx.words(&(0..claim.span.start)), 1))
                    || calls_former(before_a_body(ctx.words(&(0..claim.span.start))))
                    || (qualified.is_some()
                        && calls_former(last_words(ctx.words(&(0..claim.span.start)), 2)))
            };
            // "chaired by retired judge X": a past title of no body the
            // sentence names, of a person whose past the facts do not
            // record (no role of theirs has ended).
            if matching.is_empty()
                && org.is_none()
                && role.tense == Tense::Current
                && person.roles.iter().all(|r| r.to.is_none())
                && said_former()
            {
                continue;
            }
            if matching.is_empty() {
                if !message.is_empty() {
                    message.push_str("; ");
                }
                // The right title elsewhere, or not at all.
                let mut elsewhere = person
                    .roles
                    .iter()
                    .filter(|r| titles.satisfies_at(title, &r.title, || org_of(r)))
                    .peekable();
                message.push_str(&person.name);
                if elsewhere.peek().is_none() {
                    message.push_str(" was never ");
                    write_title_there(&mut message, title, org_name);
                } else {
                    message.push_str(" was not ");
                    write_title_there(&mut message, title, org_name);
                    message.push_str(" (");
                    describe_roles(&mut message, elsewhere, ctx);
                    message.push(')');
                }
                if let Some(o) = org.as_deref() {
                    let holders = ctx
                        .facts
                        .entities
                        .iter()
                        .filter(|e| e.id != person.id)
                        .filter(|e| {
                            e.roles.iter().any(|r| {
                                r.of.as_deref() == Some(o)
                                    && titles.satisfies_at(title, &r.title, || org_of(r))
                                    && when.as_ref().is_none_or(|w| r.held_during(w))
                            })
                        });
                    for (k, holder) in holders.enumerate() {
                        if k == 0 {
                            message.push_str("; ");
                            write_title_there(&mut message, title, org_name);
                            message.push_str(" was ");
                        } else {
                            message.push_str(", ");
                        }
                        message.push_str(&holder.name);
                    }
                }
                continue;
            }
            // A title the phrase calls former, and the person held it.
            if role.tense == Tense::Current && said_former() {
                continue;
            }
            let Some(when) = when else { continue };
            // "In 1687, Captain X sailed ...": a title of a story's past,
            // dated there by a calendar date (not "last week": the week of
            // a departure is `just_left`'s).
            let dated_then = || {
                claim.when.as_ref().is_some_and(|(then, span)| {
                    ctx.words(span).bytes().any(|b| b.is_ascii_digit())
                        && matching.iter().any(|r| r.held_during(then))
                })
            };
            // "under then chief executive X": the title of the time the
            // sentence tells, which the person held at some time up to now.
            // So is one held "at the time" ("X, the chief information
            // officer at the time of the attack, left in March").
            let then = || {
                last_words(ctx.words(&(0..span.start)), 1).eq_ignore_ascii_case("then")
                    || (ctx.text.get(span.end..)).is_some_and(|after| {
                        after.starts_with(" at the time") || after.starts_with(", at the time")
                    })
            };
            let held_then = || {
                role.tense == Tense::Current
                    && then()
                    && matching
                        .iter()
                        .any(|r| r.from.is_none_or(|f| f.first_day() <= when.last_day()))
            };
            let fits = match role.tense {
                Tense::Current => {
                    matching.iter().any(|r| r.held_during(&when)) || dated_then() || held_then()
                }
                Tense::Past => matching.iter().any(|r| r.held_during(&when)),
                Tense::Started => matching
                    .iter()
                    .any(|r| r.from.is_none_or(|f| f.overlaps(&when))),
            };
            // "Chief Executive X resigned on Monday": a sentence that says
            // the person left gives the title held until then, when the
            // role ended in the week before publication (the news itself).
            // Or, without saying so, when the sentence names the other
            // title the person moved on to that day ("X, its vice president
            // of engineering, would serve as interim chief technology
            // officer", the day after the handover).
            // Lowercased once, and only for a role that ended.
            let sentence = std::cell::OnceCell::new();
            let handed_over = |r: &facts::Role| {
                r.to.is_some_and(|to| {
                    person.roles.iter().any(|next| {
                        next.from == Some(to)
                            && next.title != r.title
                            && sentence
                                .get_or_init(|| {
                                    (ctx.extraction.sentences.get(claim.sentence))
                                        .and_then(|s| ctx.text.get(s.span.clone()))
                                        .unwrap_or("")
                                        .to_lowercase()
                                })
                                .contains(&next.title.to_lowercase())
                    })
                })
            };
            let just_left = || {
                let week_before = when.first_day().checked_sub(jiff::Span::new().days(7));
                let week_before = week_before.ok();
                role.tense == Tense::Current
                    && matching.iter().any(|r| {
                        (role.former || handed_over(r))
                            && r.to
                                .zip(week_before)
                                .is_some_and(|(to, from)| to.last_day() >= from)
                    })
            };
            // "compliance director X departed the previous month", in a
            // sentence dated to the month the role ended: the title held
            // until then.
            let left_then = || {
                let month = || jiff::Span::new().days(31);
                let ended_near = |then: &FactDate| {
                    let (Ok(from), Ok(until)) = (
                        then.first_day().checked_sub(month()),
                        then.last_day().checked_add(month()),
                    ) else {
                        return false;
                    };
                    matching.iter().any(|r| {
                        r.to.is_some_and(|to| to.last_day() >= from && to.first_day() <= until)
                    })
                };
                // Or a day of its sentence is the day the role ended
                // ("sacked manager X seven weeks ago, on Monday, March 16"),
                // or a month of it holds that day ("COO X, who ran the
                // mine, resigned at the end of October"), however far from
                // the title.
                let ended_that_day = || {
                    of_sentence(ctx.claims(), claim.sentence).iter().any(|c| {
                        let ClaimKind::Date {
                            written: DateKind::Calendar { month: Some(_), .. },
                            resolved: Resolved::Date(d),
                        } = &c.kind
                        else {
                            return false;
                        };
                        matching.iter().any(|r| {
                            r.to.is_some_and(|to| {
                                to.precision() == Precision::Day && to.overlaps(d)
                            })
                        })
                    })
                };
                role.former
                    && role.tense == Tense::Current
                    && (claim
                        .when
                        .as_ref()
                        .is_some_and(|(then, _)| ended_near(then))
                        || ended_that_day())
            };
            // "Acme Rovers have signed Globex United forward X": a sentence
            // that names the body of the role that followed (begun within
            // a week of this one's end, in the week before publication)
            // tells of the move, and gives the title held until then.
            let moved = || {
                let week = || jiff::Span::new().days(7);
                let Ok(week_before) = when.first_day().checked_sub(week()) else {
                    return false;
                };
                let named = |org: &str| {
                    of_sentence(ctx.claims(), claim.sentence)
                        .iter()
                        .any(|c| matches!(&c.kind, ClaimKind::Mention(m) if *m.entity == *org))
                };
                role.tense == Tense::Current
                    && matching.iter().any(|r| {
                        let Some(to) = r.to.filter(|to| to.last_day() >= week_before) else {
                            return false;
                        };
                        let (Ok(from), Ok(until)) = (
                            to.first_day().checked_sub(week()),
                            to.last_day().checked_add(week()),
                        ) else {
                            return false;
                        };
                        person.roles.iter().any(|next| {
                            next.of.as_deref().is_some_and(|o| {
                                next.of != r.of
                                    && next.from.is_some_and(|f| {
                                        f.first_day() >= from && f.first_day() <= until
                                    })
                                    && named(o)
                            })
                        })
                    })
            };
            // "X, the club's under-21 coach since 2022, took over as
            // caretaker manager": a sentence that names the title begun
            // when this one ended tells of the step, however long ago.
            let stepped_up = || {
                role.tense == Tense::Current
                    && of_sentence(ctx.claims(), claim.sentence).iter().any(|c| {
                        let ClaimKind::Role {
                            role: next_claim,
                            person: Some(p),
                            ..
                        } = &c.kind
                        else {
                            return false;
                        };
                        p == person_id
                            && next_claim.tense == Tense::Started
                            && person.roles.iter().any(|next| {
                                next.from
                                    .is_some_and(|f| matching.iter().any(|r| r.to == Some(f)))
                                    && next_claim.titles.iter().any(|(t, _)| {
                                        titles.satisfies_at(t, &next.title, || org_of(next))
                                    })
                            })
                    })
            };
            if fits || just_left() || left_then() || moved() || stepped_up() {
                continue;
            }
            if !message.is_empty() {
                message.push_str("; ");
            }
            message.push_str(&person.name);
            if role.tense == Tense::Current && matching.iter().all(|r| r.ended_before(&when)) {
                if role.former {
                    severity = Severity::Warning;
                }
                message.push_str(" is no longer ");
                write_title_there(&mut message, title, org_name);
                message.push_str(": ");
                describe_roles(&mut message, matching.iter().copied(), ctx);
            } else {
                message.push_str(if role.tense == Tense::Started {
                    " became "
                } else {
                    " was "
                });
                write_title_there(&mut message, title, org_name);
                message.push(' ');
                for (k, r) in matching.iter().enumerate() {
                    if k > 0 {
                        message.push_str(" and ");
                    }
                    match (r.from, r.to) {
                        (Some(f), Some(t)) => {
                            message.push_str("from ");
                            write_date(&mut message, f);
                            message.push_str(" to ");
                            write_date(&mut message, t);
                        }
                        (Some(f), None) => {
                            message.push_str("from ");
                            write_date(&mut message, f);
                        }
                        (None, Some(t)) => {
                            message.push_str("until ");
                            write_date(&mut message, t);
                        }
                        (None, None) => message.push_str("at some time"),
                    }
                }
                message.push_str(", not in ");
                write_date(&mut message, when);
            }
        }
        if message.is_empty() {
            out.verified.push(i);
            continue;
        }
        if let Some(w) = when {
            message.push_str(" (as of ");
            write_date(&mut message, w);
            message.push(')');
        }
        let help = match helps.iter().find(|(id, _)| *id == person.id) {
            Some((_, help)) => help.clone(),
            None => {
                let help = roles_help(ctx, person);
                let copy = help.clone();
                helps.push((&person.id, help));
                copy
            }
        };
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity,
                message: message.clone(),
                span: claim.span.clone(),
                found: ctx.words(&claim.span).to_owned(),
                expected: None,
                fact: Some(person.id.clone()),
                labels: Vec::new(),
                help: Some(help),
            },
            vec![i],
        ));
    }
    led_since(ctx, &mut out);
    out
}

/// "X's roles: ...; fact `x` (file:line), source: ...": a role finding's
/// help.
fn roles_help(ctx: &Context<'_>, person: &facts::Entity) -> String {
    let mut help = String::with_capacity(512);
    help.push_str(&person.name);
    help.push_str("'s roles: ");
    describe_roles(&mut help, &person.roles, ctx);
    help.push_str("; ");
    ctx.cite_into(&mut help, &person.id);
    help
}

/// Nouns that stand for an organisation after "the" ("has run the bank
/// since 2019").
const ORGANISATIONS: [&str; 24] = [
    "agency",
    "airline",
    "bank",
    "business",
    "carrier",
    "charity",
    "club",
    "company",
    "council",
    "department",
    "firm",
    "foundation",
    "group",
    "insurer",
    "lender",
    "ministry",
    "museum",
    "organisation",
    "organization",
    "party",
    "retailer",
    "studio",
    "trust",
    "university",
];

/// "Roe, who has led Northwind since 2019": the start of a person's
/// leading role at an organisation, compared with the start of the
/// leading roles the facts give them there. A start within the one
/// stated (a day of that year) agrees. "who has run the bank since
/// 2019" is of the one organisation the person leads in the facts.
fn led_since(ctx: &Context<'_>, out: &mut Findings) {
    const LED: [&str; 6] = [
        "has led ",
        "has run ",
        "has headed ",
        "had led ",
        "had run ",
        "had headed ",
    ];
    let claims = ctx.claims();
    for (j, since) in claims.iter().enumerate() {
        let ClaimKind::Date {
            resolved: claims::Resolved::Date(date),
            ..
        } = &since.kind
        else {
            continue;
        };
        // The words before "since", whether or not the date's span holds it.
        let before = ctx.text.get(..since.span.start).unwrap_or("");
        let Some(head) = (if ctx.words(&since.span).starts_with("since ") {
            before.strip_suffix(' ')
        } else {
            before.strip_suffix(" since ")
        }) else {
            continue;
        };
        // The claims before it in its sentence, a few dozen at most (a
        // huge sentence is not read back whole).
        let in_sentence = || {
            claims[..j]
                .iter()
                .rev()
                .take_while(|c| c.sentence == since.sentence)
                .take(24)
        };
        // The organisation named right before "since", or "the bank".
        let named = in_sentence().find_map(|c| match &c.kind {
            ClaimKind::Mention(m)
                if m.kind == facts::EntityKind::Organization && c.span.end == head.len() =>
            {
                Some((c.span.start, &m.entity))
            }
            _ => None,
        });
        let led_at = |at: usize| {
            let verb = ctx.text.get(..at).unwrap_or("");
            LED.iter().any(|v| verb.ends_with(v))
        };
        let org: Option<&str> = match named {
            Some((at, entity)) if led_at(at) => Some(entity),
            Some(_) => continue,
            None => {
                let Some((rest, noun)) = head.rsplit_once(' ') else {
                    continue;
                };
                if !ORGANISATIONS.contains(&noun) || !rest.ends_with(" the") {
                    continue;
                }
                if !led_at(rest.len() - 3) {
                    continue;
                }
                None
            }
        };
        // The person named last before it in the sentence.
        let person = in_sentence().find_map(|c| match &c.kind {
            ClaimKind::Mention(m) if m.kind == facts::EntityKind::Person => Some(&m.entity),
            _ => None,
        });
        let Some(person) = person.and_then(|p| ctx.facts.entity(p)) else {
            continue;
        };
        let titles = &ctx.facts.titles;
        let name_of = |of: &str| ctx.facts.entity(of).map(|e| e.name.as_str());
        let leading: Vec<&Role> = (person.roles.iter())
            .filter(|r| org.is_none_or(|o| r.of.as_deref() == Some(o)))
            .filter(|r| {
                titles.satisfies_at(facts::titles::HEAD, &r.title, || {
                    r.of.as_deref().and_then(name_of)
                })
            })
            .collect();
        // "the bank" is the organisation the person leads, if only one.
        let Some(org) = org.or_else(|| leading.first().and_then(|r| r.of.as_deref())) else {
            continue;
        };
        if leading.is_empty()
            || leading.iter().any(|r| r.of.as_deref() != Some(org))
            || leading
                .iter()
                .any(|r| r.from.is_none_or(|f| f.overlaps(date)))
        {
            continue;
        }
        let org_name = name_of(org);
        let mut message = String::with_capacity(128);
        message.push_str(&person.name);
        message.push_str(" has led ");
        message.push_str(org_name.unwrap_or(org));
        message.push_str(" since ");
        let mut expected = String::new();
        for (n, r) in leading.iter().enumerate() {
            if let Some(from) = r.from {
                if n > 0 {
                    expected.push_str(" or ");
                    message.push_str(" or ");
                }
                write_date(&mut expected, from);
                write_date(&mut message, from);
                message.push_str(" (as ");
                message.push_str(&r.title);
                message.push(')');
            }
        }
        message.push_str(", not since ");
        write_date(&mut message, *date);
        let help = roles_help(ctx, person);
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Error,
                message,
                span: since.span.clone(),
                found: ctx.words(&since.span).to_owned(),
                expected: Some(expected),
                fact: Some(person.id.clone()),
                labels: Vec::new(),
                help: Some(help),
            },
            vec![j],
        ));
    }
}

#[cfg(test)]
mod tests {
    use facts::FactDate;

    use super::write_date;
    use crate::testing::check;

    #[test]
    fn the_leader_of_a_race_holds_no_office() {
        const RACE: &str = "\
entities:
  - { id: team, kind: organization, name: Brackley Cycling }
  - id: zorvak
    kind: person
    name: Anton Zorvak
    roles: [{ title: rider, of: team, from: 2020-01-01 }]
";
        let said = |body: &str| check(RACE, body, "role-mismatch");
        assert!(said("He gained time on race leader Anton Zorvak.").is_empty());
        assert_eq!(
            said("He gained time on party leader Anton Zorvak.").len(),
            1
        );
    }
    #[test]
    fn a_field_in_capitals_before_a_minister_is_the_portfolio() {
        const CABINET: &str = "\
entities:
  - { id: gov, kind: organization, name: Tamsen Government }
  - { id: planning, kind: organization, name: Ministry of Planning }
  - id: holt
    kind: person
    name: Mira Holt
    roles: [{ title: minister of digital affairs, of: gov, from: 2024-05-15 }]
  - id: rask
    kind: person
    name: Ivo Rask
    roles: [{ title: minister, of: planning, from: 2024-05-15 }]
";
        let said = |body: &str| {
            crate::testing::check_published(CABINET, "2026-02-12", body, "role-mismatch")
        };
        assert!(said("Digital Affairs Minister Mira Holt spoke.").is_empty());
        assert!(said("Minister Mira Holt spoke.").is_empty());
        assert!(said("Planning Minister Ivo Rask spoke.").is_empty());
        assert_eq!(said("Planning Minister Mira Holt spoke.").len(), 1);
        assert_eq!(said("Transport Minister Ivo Rask spoke.").len(), 1);
    }
    #[test]
    fn a_title_called_then_is_of_the_time_told() {
        const FIRM: &str = "\
entities:
  - { id: firm, kind: organization, name: Corvane Motors }
  - id: rell
    kind: person
    name: Otto Rell
    roles: [{ title: chief executive, of: firm, from: 2014-03-01, to: 2021-12-31 }]
  - id: vos
    kind: person
    name: Ada Vos
    roles: [{ title: chief executive, of: firm, from: 2022-01-01 }]
";
        let said =
            |body: &str| crate::testing::check_published(FIRM, "2025-09-24", body, "role-mismatch");
        assert!(said("It recalled cars under then chief executive Otto Rell.").is_empty());
        assert_eq!(
            said("It recalled cars under chief executive Otto Rell.").len(),
            1
        );
        // Still a title the person never held.
        assert_eq!(
            said("It recalled cars under then chairman Otto Rell.").len(),
            1
        );
        // Nor one taken up only after the time of writing.
        assert!(said("It recalled cars under then chief executive Ada Vos.").is_empty());
        // A title held "at the time".
        assert!(said("Otto Rell, the chief executive at the time of the recall, left.").is_empty());
        assert_eq!(said("Otto Rell, the chief executive, left.").len(), 1);
    }

    #[test]
    fn a_title_handed_over_in_the_week_before_is_still_its() {
        const FIRM: &str = "\
entities:
  - { id: firm, kind: organization, name: Corvane Data }
  - id: ruiz
    kind: person
    name: Tom Ruiz
    roles:
      - { title: vice president of engineering, of: firm, from: 2021-05-01, to: 2025-06-12 }
      - { title: chief technology officer, of: firm, from: 2025-06-12 }
  - id: lind
    kind: person
    name: Eva Lind
    roles:
      - { title: vice president of engineering, of: firm, from: 2021-05-01, to: 2025-06-12 }
";
        let said = |published: &str, body: &str| {
            crate::testing::check_published(FIRM, published, body, "role-mismatch")
        };
        let body = "Tom Ruiz, its vice president of engineering, will be chief technology officer.";
        assert!(said("2025-06-13", body).is_empty());
        // Long after the handover, or without the new title, the title is
        // stale.
        assert_eq!(said("2025-09-13", body).len(), 1);
        assert_eq!(
            said(
                "2025-06-13",
                "Tom Ruiz, its vice president of engineering, spoke."
            )
            .len(),
            1
        );
        // A role that ended without another begun.
        assert_eq!(
            said("2025-06-13", &body.replace("Tom Ruiz", "Eva Lind")).len(),
            1
        );
    }

    #[test]
    fn dates_are_written_as_displayed() {
        let mut dates = Vec::new();
        for year in 1..=9999 {
            dates.push(FactDate::year(year).unwrap());
            if year % 97 == 0 || !(3..=9997).contains(&year) || (1990..2030).contains(&year) {
                for month in 1..=12 {
                    dates.push(FactDate::month(year, month).unwrap());
                    for day in 1..=31 {
                        dates.extend(FactDate::day(year, month, day));
                    }
                }
            }
        }
        for date in dates {
            let mut written = String::from("x");
            write_date(&mut written, date);
            assert_eq!(written, format!("x{date}"));
        }
    }

    const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
  - { id: globex, kind: organization, name: Globex }
  - id: jane-roe
    kind: person
    name: Jane Roe
    roles:
      - { title: chief executive, of: acme, from: 2020-07-01 }
      - { title: chairman, of: acme, from: 2021-03-17 }
  - id: john-doe
    kind: person
    name: John Doe
    roles:
      - { title: founder, of: acme, from: 2015 }
      - { title: chairman, of: acme, from: 2015, to: 2021-03-17 }
  - id: max-poe
    kind: person
    name: Max Poe
    roles:
      - { title: chairman, of: globex, from: 2010 }
";

    const SEPT: &str = "---\npublished: 2021-09\n---\n";

    #[test]
    fn current_roles_pass() {
        let text = format!("{SEPT}Jane Roe, chairman and CEO of Acme, spoke.");
        assert!(check(FACTS, &text, "role-mismatch").is_empty());
        let text = format!("{SEPT}Acme's founder John Doe spoke.");
        assert!(check(FACTS, &text, "role-mismatch").is_empty());
    }

    #[test]
    fn its_is_no_organisation_named_before_a_body_the_facts_do_not_know() {
        let found = |body: &str| check(FACTS, &format!("{SEPT}{body}"), "role-mismatch");
        // Max Poe chairs Globex, not Acme.
        assert!(
            found("Acme shares fell.\n\nThe Commission fined nine firms. Max Poe, its chairman, spoke.")
                .is_empty()
        );
        assert_eq!(
            found("Acme shares fell.\n\nMax Poe, its chairman, spoke.").len(),
            1
        );
    }

    #[test]
    fn the_start_of_a_leading_role() {
        let found = |body: &str| check(FACTS, &format!("{SEPT}{body}"), "role-mismatch");
        for body in [
            "Jane Roe, who has led Acme since 2020, spoke.",
            "Jane Roe, who has run Acme since July 2020, spoke.",
            // No leading role the facts give there, or no person named.
            "Max Poe, who has led Acme since 2018, spoke.",
            "The chief, who has led Acme since 2018, spoke.",
        ] {
            assert_eq!(found(body), Vec::<String>::new(), "{body}");
        }
        assert_eq!(
            found("Jane Roe, who has led Acme since 2018, spoke."),
            [
                "error \"since 2018\": Jane Roe has led Acme since 2020-07-01 (as chief executive) or 2021-03-17 (as chairman), not since 2018"
            ]
        );
    }

    #[test]
    fn the_start_of_a_leading_role_at_the_one_organisation_a_person_leads() {
        let found = |body: &str| check(FACTS, &format!("{SEPT}{body}"), "role-mismatch");
        for body in [
            "Jane Roe, who has run the company since 2020, spoke.",
            // Not an organisation's noun.
            "Jane Roe, who has run the marathon since 2018, spoke.",
        ] {
            assert_eq!(found(body), Vec::<String>::new(), "{body}");
        }
        assert_eq!(
            found("Jane Roe, who has run the company since March 2018, spoke."),
            [
                "error \"March 2018\": Jane Roe has led Acme since 2020-07-01 (as chief executive) or 2021-03-17 (as chairman), not since 2018-03"
            ]
        );
        assert_eq!(
            found("Max Poe, who has led the group since 2004, spoke."),
            [
                "error \"since 2004\": Max Poe has led Globex since 2010 (as chairman), not since 2004"
            ]
        );
    }

    #[test]
    fn former_roles_stated_as_current() {
        let text = format!("{SEPT}The head of Acme, John Doe, spoke.");
        let found = check(FACTS, &text, "role-mismatch");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("error"), "{found:?}");
        let text =
            format!("{SEPT}Acme's founder and chairman John Doe, who stepped down in 2021, spoke.");
        let found = check(FACTS, &text, "role-mismatch");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("warning \"Acme's founder and chairman John Doe\": John Doe is no longer chairman of Acme"), "{found:?}");
        // The news of the departure itself, in the week it ended.
        let text = "---\npublished: 2021-03-19\n---\nAcme chairman John Doe resigned on Wednesday.";
        assert!(check(FACTS, text, "role-mismatch").is_empty());
        // A departure the sentence dates to the month the role ended.
        let text = "---\npublished: 2021-03-25\n---\nAcme chairman John Doe resigned last week.";
        assert!(check(FACTS, text, "role-mismatch").is_empty());
        let text = format!("{SEPT}In March 2021, Acme chairman John Doe resigned.");
        assert!(check(FACTS, &text, "role-mismatch").is_empty());
        let text = format!("{SEPT}In June 2021, Acme chairman John Doe resigned.");
        assert_eq!(check(FACTS, &text, "role-mismatch").len(), 1);
        // The phrase itself says former: the title is right.
        for text in [
            "John Doe, Acme's former chairman, spoke.",
            "John Doe, the former chairman of Acme, spoke.",
            "Former Acme chairman John Doe spoke.",
            "Retired Acme chairman John Doe spoke.",
        ] {
            let found = check(FACTS, &format!("{SEPT}{text}"), "role-mismatch");
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // A title the person never held stays wrong.
        let text = format!("{SEPT}John Doe, Acme's former chief executive, spoke.");
        assert_eq!(check(FACTS, &text, "role-mismatch").len(), 1);
        // Unless it is of no body named, and the facts record no past of
        // the person (no role of theirs has ended).
        let text = format!("{SEPT}The inquiry is chaired by retired judge Max Poe.");
        assert!(check(FACTS, &text, "role-mismatch").is_empty());
        for text in [
            "The inquiry is chaired by judge Max Poe.",
            "The inquiry is chaired by retired judge John Doe.",
        ] {
            let found = check(FACTS, &format!("{SEPT}{text}"), "role-mismatch");
            assert_eq!(found.len(), 1, "{text}: {found:?}");
        }
    }

    #[test]
    fn a_title_held_until_a_departure_or_step_the_sentence_tells_of() {
        const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Rovers }
  - id: roe
    kind: person
    name: Jane Roe
    roles:
      - { title: manager, of: acme, from: 2024-06-03, to: 2026-03-16 }
  - id: doe
    kind: person
    name: John Doe
    roles:
      - { title: coach, of: acme, from: 2022-07-01, to: 2026-03-16 }
      - { title: manager, of: acme, from: 2026-03-16 }
";
        let found = |body: &str| {
            let text = format!("---\npublished: 2026-05-04\n---\n{body}");
            check(FACTS, &text, "role-mismatch").len()
        };
        assert_eq!(
            found("Acme Rovers sacked manager Jane Roe on Monday, March 16."),
            0
        );
        assert_eq!(
            found("Acme Rovers thanked manager Jane Roe on Monday, March 16."),
            1
        );
        assert_eq!(
            found("Acme Rovers sacked manager Jane Roe on Monday, March 2."),
            1
        );
        assert_eq!(
            found("John Doe, the club's coach since 2022, took over as manager the same day."),
            0
        );
        assert_eq!(found("John Doe, the club's coach since 2022, spoke."), 1);
    }

    #[test]
    fn a_title_held_until_a_move_the_sentence_tells_of() {
        const FACTS: &str = "\
entities:
  - { id: rovers, kind: organization, name: Acme Rovers }
  - { id: globex, kind: organization, name: Globex United }
  - id: ann-lee
    kind: person
    name: Ann Lee
    roles:
      - { title: forward, of: globex, from: 2021-08-22, to: 2025-07-17 }
      - { title: forward, of: rovers, from: 2025-07-17 }
";
        let found = |published: &str, body: &str| {
            let text = format!("---\npublished: {published}\n---\n{body}");
            check(FACTS, &text, "role-mismatch").len()
        };
        let signed = "Acme Rovers have signed Globex United forward Ann Lee.";
        assert_eq!(found("2025-07-18", signed), 0);
        // Not weeks later, nor without the new club.
        assert_eq!(found("2025-09-18", signed), 1);
        assert_eq!(
            found("2025-07-18", "Globex United forward Ann Lee scored."),
            1
        );
    }

    #[test]
    fn a_title_of_the_storys_past_dated_there() {
        let found = |body: &str| check(FACTS, &format!("{SEPT}{body}"), "role-mismatch");
        for body in [
            "In 2018, Acme chairman John Doe opened the plant.",
            "Acme chairman John Doe opened the plant in March 2019.",
        ] {
            assert_eq!(found(body), Vec::<String>::new(), "{body}");
        }
        // Today, or at a date the role was not held, the title is wrong.
        for body in [
            "Acme chairman John Doe opened the plant on Monday.",
            "In 2023, Acme chairman John Doe opened the plant.",
        ] {
            assert_eq!(found(body).len(), 1, "{body}");
        }
    }

    #[test]
    fn former_before_a_portfolio_calls_the_minister_former() {
        const FACTS: &str = "\
entities:
  - { id: finance, kind: organization, name: Ministry of Finance }
  - id: mia-holt
    kind: person
    name: Mia Holt
    roles:
      - { title: minister of finance, of: finance, from: 2016, to: 2019 }
";
        let found = |body: &str| check(FACTS, &format!("{SEPT}{body}"), "role-mismatch");
        assert_eq!(
            found("The party, led by former finance minister Mia Holt, won."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("The party, led by finance minister Mia Holt, won.").len(),
            1
        );
    }

    #[test]
    fn a_field_before_a_title_is_its_field() {
        const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
  - id: rui-lobo
    kind: person
    name: Rui Lobo
    roles:
      - { title: director of exports, of: acme, from: 2020 }
";
        let found = |body: &str| check(FACTS, &format!("{SEPT}{body}"), "role-mismatch");
        assert_eq!(
            found("Acme's export director Rui Lobo spoke."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Acme Export Director Rui Lobo spoke."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Acme spoke.\n\nExport Director Rui Lobo spoke."),
            Vec::<String>::new()
        );
        assert_eq!(found("Acme's finance director Rui Lobo spoke.").len(), 1);
        // After the name, too.
        assert_eq!(
            found("Rui Lobo, Acme's export director, spoke."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Rui Lobo, Acme's finance director, spoke."),
            [
                "error \"Rui Lobo, Acme's finance director\": Rui Lobo was never finance director of Acme (as of 2021-09)"
            ]
        );
    }

    #[test]
    fn a_deputy_or_vice_title_is_another_title() {
        let text = format!("{SEPT}Acme deputy chief executive Jane Roe spoke.");
        let found = check(FACTS, &text, "role-mismatch");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("deputy chief executive"), "{found:?}");
        let text = format!("{SEPT}Acme Vice Chairman Jane Roe spoke.");
        assert_eq!(check(FACTS, &text, "role-mismatch").len(), 1);
        let text = format!("{SEPT}Acme chief executive Jane Roe spoke.");
        assert!(check(FACTS, &text, "role-mismatch").is_empty());
        // A portfolio before a minister.
        let minister = "entities:\n  - { id: gov, kind: organization, name: Government }\n  - id: ann\n    kind: person\n    name: Ann Lee\n    roles: [{ title: finance minister, of: gov, from: 2020-01-01 }]\n";
        let found = check(
            minister,
            &format!("{SEPT}Economy Minister Ann Lee spoke."),
            "role-mismatch",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("economy minister"), "{found:?}");
        for right in [
            "Finance Minister Ann Lee spoke.",
            "Minister Ann Lee spoke.",
            "Ann Lee, the finance minister, spoke.",
        ] {
            let found = check(minister, &format!("{SEPT}{right}"), "role-mismatch");
            assert!(found.is_empty(), "{right}: {found:?}");
        }
        // And after the name, in apposition.
        let found = check(
            minister,
            &format!("{SEPT}Ann Lee, the housing minister, spoke."),
            "role-mismatch",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        // After the name, too.
        let text = format!("{SEPT}Jane Roe, deputy chief executive of Acme, spoke.");
        let found = check(FACTS, &text, "role-mismatch");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("deputy chief executive"), "{found:?}");
    }

    #[test]
    fn a_place_a_body_serves_is_no_other_body() {
        const OFFICIALS: &str = "\
entities:
  - { id: kano, kind: place, name: Kano }
  - { id: lagos, kind: place, name: Lagos }
  - { id: kano-health, kind: organization, name: Kano State Ministry of Health }
  - id: ann-lee
    kind: person
    name: Ann Lee
    roles: [{ title: commissioner for health, of: kano-health }]
";
        let found = |text: &str| check(OFFICIALS, &format!("{SEPT}{text}"), "role-mismatch");
        assert!(found("Ann Lee, Kano's commissioner for health, spoke.").is_empty());
        assert!(found("Kano health commissioner Ann Lee spoke.").is_empty());
        assert_eq!(
            found("Ann Lee, Lagos's commissioner for health, spoke.").len(),
            1
        );
    }

    #[test]
    fn the_right_person_at_the_wrong_company() {
        let text = format!("{SEPT}Max Poe, head of the rival platform Acme, spoke.");
        let found = check(FACTS, &text, "role-mismatch");
        assert_eq!(
            found,
            [
                "error \"Max Poe, head of the rival platform Acme\": Max Poe was not head of Acme (chairman of Globex from 2010); head of Acme was Jane Roe (as of 2021-09)"
            ]
        );
    }

    #[test]
    fn an_officer_title_is_read_whole() {
        const OFFICERS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
  - id: ann-lee
    kind: person
    name: Ann Lee
    roles:
      - { title: chief scientific officer, of: acme }
      - { title: treasurer, of: acme }
";
        let found = |body: &str| check(OFFICERS, &format!("{SEPT}{body}"), "role-mismatch");
        for right in [
            "Chief Scientific Officer Ann Lee spoke.",
            "Ann Lee, Acme's chief science officer, spoke.",
            "Acme treasurer Ann Lee spoke.",
        ] {
            assert!(found(right).is_empty(), "{right}");
        }
        // Not "chief", the head of Acme, but another officer.
        for wrong in [
            "Chief Medical Officer Ann Lee spoke.",
            "Ann Lee, Acme's chief medical officer, spoke.",
            "Acme board secretary Ann Lee spoke.",
            "Ann Lee, executive director of Acme, spoke.",
        ] {
            let errors = found(wrong);
            assert_eq!(errors.len(), 1, "{wrong}");
            assert!(!errors[0].contains("head of"), "{errors:?}");
        }
    }

    #[test]
    fn dated_roles() {
        let text = format!("{SEPT}Jane Roe took over as CEO of Acme in July 2020.");
        assert!(check(FACTS, &text, "role-mismatch").is_empty());
        let text = format!("{SEPT}Jane Roe took over as CEO of Acme in May 2015.");
        assert_eq!(check(FACTS, &text, "role-mismatch").len(), 1);
    }

    #[test]
    fn a_title_held_until_a_departure_in_the_month_the_sentence_names() {
        const MINE: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Mining }
  - id: roe
    kind: person
    name: Jane Roe
    roles:
      - { title: chief operating officer, of: acme, from: 2022-07-01, to: 2024-10-31 }
";
        let found = |body: &str| {
            crate::testing::check_published(MINE, "2025-06-13", body, "role-mismatch").len()
        };
        assert_eq!(
            found(
                "Chief operating officer Jane Roe, who was responsible for the mine, resigned at the end of October."
            ),
            0
        );
        assert_eq!(
            found(
                "Chief operating officer Jane Roe, who was responsible for the mine, resigned at the end of September."
            ),
            1
        );
        assert_eq!(
            found(
                "Chief operating officer Jane Roe, who was responsible for the mine, spoke in October."
            ),
            1
        );
    }

    #[test]
    fn a_portfolio_the_facts_call_a_minister_is_no_premiers() {
        const STATE: &str = "\
titles:
  - { title: minister, synonyms: [economy minister, health minister] }
entities:
  - { id: state, kind: organization, name: Varnland State Government }
  - id: vos
    kind: person
    name: Ada Vos
    roles: [{ title: prime minister, of: state, from: 2022-01-01 }]
  - id: rell
    kind: person
    name: Otto Rell
    roles: [{ title: minister, of: state, from: 2022-01-01 }]
";
        let said = |body: &str| {
            crate::testing::check_published(STATE, "2025-09-24", body, "role-mismatch")
        };
        assert!(said("Prime Minister Ada Vos spoke.").is_empty());
        assert!(said("Otto Rell, the state's economy minister, spoke.").is_empty());
        // A premier is a minister, but not the economy minister.
        assert_eq!(
            said("Ada Vos, the state's economy minister, spoke.").len(),
            1
        );
        assert_eq!(said("Health Minister Ada Vos spoke.").len(), 1);
    }

    #[test]
    fn retired_before_a_courts_name_calls_the_judge_former() {
        const INQUIRY: &str = "\
entities:
  - { id: inquiry, kind: organization, name: Aldmoor Inquiry }
  - id: vos
    kind: person
    name: Ada Vos
    roles: [{ title: chair, of: inquiry, from: 2024-03-11 }]
";
        let said = |body: &str| {
            crate::testing::check_published(INQUIRY, "2025-06-10", body, "role-mismatch")
        };
        assert!(said("The chair, retired High Court judge Ada Vos, spoke.").is_empty());
        assert_eq!(said("The chair, High Court judge Ada Vos, spoke.").len(), 1);
        // A word of the sentence before is not the title's.
        assert_eq!(
            said("Ada Vos retired. High Court judge Ada Vos spoke.").len(),
            1
        );
    }

    #[test]
    fn the_company_is_no_public_body_named_before() {
        const PORT: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Ports }
  - { id: chamber, kind: organization, name: Globex Chamber of Commerce }
  - id: roe
    kind: person
    name: Jane Roe
    roles:
      - { title: chief financial officer, of: acme, from: 2022-09-01 }
";
        let found = |facts: &str, second: &str| {
            let body = format!(
                "Acme Ports settled the strike on Thursday. {second} The company's chief financial officer, Jane Roe, said the deal would cost £36 million."
            );
            crate::testing::check_published(facts, "2025-03-17", &body, "role-mismatch")
        };
        let losses = "The Globex Chamber of Commerce estimated the losses.";
        assert_eq!(found(PORT, losses), Vec::<String>::new());
        assert_eq!(found(PORT, ""), Vec::<String>::new());
        // The company is still Acme: a finance chief of the chamber is
        // none of Acme's.
        let of_the_chamber = PORT.replace("of: acme", "of: chamber");
        assert_eq!(found(&of_the_chamber, losses).len(), 1);
        // Nor a place named in the sentence.
        let with_a_place = PORT.replace(
            "entities:\n",
            "entities:\n  - { id: town, kind: place, name: Eastport }\n",
        );
        let body = "Acme Ports settled the strike. The ferry left Eastport with Jane Roe, the company's chief financial officer, on board.";
        assert_eq!(
            crate::testing::check_published(&with_a_place, "2025-03-17", body, "role-mismatch"),
            Vec::<String>::new()
        );
    }
}
