//! `name-garbled`: a name repeated with conflicting roles, or glossed with
//! itself.

use std::collections::BTreeMap;

use claims::ClaimKind;

use super::Check;
use crate::{Context, Diagnostic, Findings, Label, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "name-garbled",
    severity: Severity::Warning,
    summary: "a name repeated with conflicting roles, or names and roles scrambled",
    doc: "\
**What it checks.** Two signs of a garbled list or a bad translation: a person named twice in \
one sentence with roles at different organisations (\"Anders Holm, head of Solvik, Anders \
Holm, head of Northwind\"), and a name glossed in parentheses with itself (\"Maria Lindqvist \
(Maria Lindqvist)\") where another name of the person was meant.

**Why.** Scrambled names and roles attribute statements and positions to the wrong people; a \
self-gloss usually hides a lost alternative name.

**Example.** \"Maria Lindqvist (Maria Lindqvist)\" is a note when the facts also know her as \
Lindqvist Maria: the gloss probably lost that name.",
    run,
};

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let claims = ctx.claims();
    // "NAME (NAME)": a mention followed by a parenthesised mention of the
    // same entity written the same way.
    // Each mention with the one before it, walked without a list of them.
    let mut previous: Option<&claims::Mention> = None;
    for (j, claim) in claims.iter().enumerate() {
        let ClaimKind::Mention(b) = &claim.kind else {
            continue;
        };
        let Some(a) = previous.replace(b) else {
            continue;
        };
        let between = ctx.text.get(a.span.end..b.span.start).unwrap_or("");
        let closes = ctx
            .text
            .get(b.span.end..)
            .is_some_and(|rest| rest.starts_with(')'));
        if a.entity != b.entity || between.trim() != "(" || !closes {
            continue;
        }
        if ctx.words(&a.span) != ctx.words(&b.span) {
            continue;
        }
        let span = a.span.start..b.span.end + 1;
        let found = ctx.words(&span).to_owned();
        let others: Vec<String> = ctx
            .facts
            .entity(&a.entity)
            .map(|e| {
                e.names()
                    .filter(|n| *n != ctx.words(&a.span))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let expected = others
            .first()
            .map(|o| format!("{} ({o})", ctx.words(&a.span)));
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Note,
                message: format!("\"{}\" is glossed with itself", ctx.words(&a.span)),
                span,
                found,
                expected,
                fact: Some(String::from(&*a.entity)),
                labels: Vec::new(),
                help: Some(if others.is_empty() {
                    "remove the parenthesis".to_owned()
                } else {
                    format!(
                        "the facts also know this person as {}; {}",
                        others.join(", "),
                        ctx.cite(&a.entity)
                    )
                }),
            },
            vec![j],
        ));
    }
    // One person, two organisations, one sentence.
    let mut seen: BTreeMap<(usize, &str), (usize, &str, std::ops::Range<usize>)> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        let ClaimKind::Role {
            person: Some(person),
            org: Some(org),
            role,
        } = &claim.kind
        else {
            continue;
        };
        let Some(mention) = &role.person else {
            continue;
        };
        let key = (claim.sentence, &**person);
        match seen.get(&key) {
            Some((_, first_org, first_span))
                if *first_org != &**org && *first_span != mention.span =>
            {
                let name = ctx.words(&mention.span).to_owned();
                let org_name = |id: &str| {
                    ctx.facts
                        .entity(id)
                        .map_or(id.to_owned(), |e| e.name.clone())
                };
                out.diagnostics.push((
                    Diagnostic {
                        code: CHECK.code,
                        severity: Severity::Warning,
                        message: format!(
                            "{name} is named twice in one sentence, with {} and with {}",
                            org_name(first_org),
                            org_name(org)
                        ),
                        span: mention.span.clone(),
                        found: name,
                        expected: None,
                        fact: Some(String::from(&**person)),
                        labels: vec![Label {
                            span: first_span.clone(),
                            message: format!("first named here, with {}", org_name(first_org)),
                            path: None,
                        }],
                        help: Some("a list of people and roles may have been scrambled; check each attribution".into()),
                    },
                    vec![i],
                ));
            }
            Some(_) => {}
            None => {
                seen.insert(key, (i, &**org, mention.span.clone()));
            }
        }
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
  - { id: jane-roe, kind: person, name: Jane Roe, aliases: [Roe Jane] }
";

    #[test]
    fn self_gloss() {
        assert_eq!(
            check(FACTS, "said the CEO Jane Roe (Jane Roe).", "name-garbled"),
            ["note \"Jane Roe (Jane Roe)\": \"Jane Roe\" is glossed with itself"]
        );
        assert!(check(FACTS, "said the CEO Jane Roe (Roe Jane).", "name-garbled").is_empty());
    }

    #[test]
    fn one_person_two_companies_in_one_list() {
        let text = "Jane Roe, head of Acme, Jane Roe, head of Globex, and others gave.";
        let found = check(FACTS, text, "name-garbled");
        assert_eq!(
            found,
            [
                "warning \"Jane Roe\": Jane Roe is named twice in one sentence, with Acme and with Globex"
            ]
        );
    }
}
