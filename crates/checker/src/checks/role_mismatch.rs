//! `role-mismatch`: a person given a title or organisation they did not
//! hold at the time the sentence speaks of.

use claims::{ClaimKind, Tense};
use facts::{FactDate, Role};

use super::Check;
use crate::{Context, Diagnostic, Findings, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "role-mismatch",
    severity: Severity::Error,
    summary: "a person is given a role or organisation they did not hold then",
    doc: "\
**What it checks.** Role phrases (\"Maria Lindqvist, chairman and CEO of Northwind\", \"CEO Maria \
Lindqvist\", \"X's founder and chairman Y\", \"Y is currently the CEO of X\", \"Y took over as CEO \
of X in May 2015\") are compared with the person's dated roles in the facts: at the \
publication date for the present tense, at the sentence's date for past events. Titles go \
through the synonym table (`head of` is satisfied by any leading role). Only people whose \
roles the facts list are checked.

**Why.** Titles go stale: founders step down, chairmen change, and copied biographies keep \
the old ones. Naming the wrong person as head of a company misinforms readers directly.

**Example.** In October 2022, \"Tomas Berg, head of Northwind\" is reported: he left its \
board on 2021-06-30, and the head was Maria Lindqvist (chief executive). A former role \
stated as current in a sentence that itself says the person stepped down is a warning.",
    run,
};

/// "title of Org from date to date; ...", written into one string.
fn describe_roles(roles: &[&Role], ctx: &Context<'_>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (k, r) in roles.iter().enumerate() {
        if k > 0 {
            out.push_str("; ");
        }
        out.push_str(&r.title);
        if let Some(e) = r.of.as_deref().and_then(|o| ctx.facts.entity(o)) {
            out.push_str(" of ");
            out.push_str(&e.name);
        }
        if let Some(f) = r.from {
            let _ = write!(out, " from {f}");
        }
        if let Some(t) = r.to {
            let _ = write!(out, " to {t}");
        }
    }
    out
}

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let titles = &ctx.facts.titles;
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
        let org_name = org
            .as_deref()
            .and_then(|o| ctx.facts.entity(o))
            .map(|e| e.name.clone());
        let mut problems = Vec::new();
        let mut severity = Severity::Error;
        for (title, _) in &role.titles {
            let matching: Vec<&Role> = person
                .roles
                .iter()
                .filter(|r| titles.satisfies(title, &r.title))
                .filter(|r| org.is_none() || r.of.as_deref() == org.as_deref())
                .collect();
            let title_there = match &org_name {
                Some(o) => format!("{title} of {o}"),
                None => title.clone(),
            };
            if matching.is_empty() {
                // The right title elsewhere, or not at all.
                let elsewhere: Vec<&Role> = person
                    .roles
                    .iter()
                    .filter(|r| titles.satisfies(title, &r.title))
                    .collect();
                let holders: Vec<String> = org
                    .as_deref()
                    .map(|o| {
                        ctx.facts
                            .entities
                            .iter()
                            .filter(|e| e.id != person.id)
                            .filter(|e| {
                                e.roles.iter().any(|r| {
                                    r.of.as_deref() == Some(o)
                                        && titles.satisfies(title, &r.title)
                                        && when.as_ref().is_none_or(|w| r.held_during(w))
                                })
                            })
                            .map(|e| e.name.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                let mut text = if elsewhere.is_empty() {
                    format!("{} was never {title_there}", person.name)
                } else {
                    format!(
                        "{} was not {title_there} ({})",
                        person.name,
                        describe_roles(&elsewhere, ctx)
                    )
                };
                if !holders.is_empty() {
                    text.push_str(&format!("; {title_there} was {}", holders.join(", ")));
                }
                problems.push(text);
                continue;
            }
            let Some(when) = when else { continue };
            let fits = match role.tense {
                Tense::Current | Tense::Past => matching.iter().any(|r| r.held_during(&when)),
                Tense::Started => matching
                    .iter()
                    .any(|r| r.from.is_none_or(|f| f.overlaps(&when))),
            };
            if fits {
                continue;
            }
            if role.tense == Tense::Current && matching.iter().all(|r| r.ended_before(&when)) {
                if role.former {
                    severity = Severity::Warning;
                }
                problems.push(format!(
                    "{} is no longer {title_there}: {}",
                    person.name,
                    describe_roles(&matching, ctx)
                ));
            } else {
                let spans: Vec<String> = matching
                    .iter()
                    .map(|r| match (r.from, r.to) {
                        (Some(f), Some(t)) => format!("from {f} to {t}"),
                        (Some(f), None) => format!("from {f}"),
                        (None, Some(t)) => format!("until {t}"),
                        (None, None) => "at some time".to_owned(),
                    })
                    .collect();
                let verb = if role.tense == Tense::Started {
                    "became"
                } else {
                    "was"
                };
                problems.push(format!(
                    "{} {verb} {title_there} {}, not in {when}",
                    person.name,
                    spans.join(" and ")
                ));
            }
        }
        if problems.is_empty() {
            out.verified.push(i);
            continue;
        }
        let found = ctx.words(&claim.span).to_owned();
        let at = when.map(|w| format!(" (as of {w})")).unwrap_or_default();
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity,
                message: format!("{}{at}", problems.join("; ")),
                span: claim.span.clone(),
                found,
                expected: None,
                fact: Some(person.id.clone()),
                labels: Vec::new(),
                help: Some(format!(
                    "{}'s roles: {}; {}",
                    person.name,
                    describe_roles(&person.roles.iter().collect::<Vec<_>>(), ctx),
                    ctx.cite(&person.id)
                )),
            },
            vec![i],
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
    fn dated_roles() {
        let text = format!("{SEPT}Jane Roe took over as CEO of Acme in July 2020.");
        assert!(check(FACTS, &text, "role-mismatch").is_empty());
        let text = format!("{SEPT}Jane Roe took over as CEO of Acme in May 2015.");
        assert_eq!(check(FACTS, &text, "role-mismatch").len(), 1);
    }
}
