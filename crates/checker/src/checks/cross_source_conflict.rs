//! `cross-source-conflict`: two sources checked together that state
//! different values for the same fact.

use std::collections::BTreeMap;

use facts::FactBase;

use super::Check;
use crate::{Checked, Context, Diagnostic, Findings, Label, Severity, Verdict};

/// The check. It runs across sources ([`run`]), not per source.
pub const CHECK: Check = Check {
    code: "cross-source-conflict",
    severity: Severity::Warning,
    summary: "two sources state different values for the same thing",
    doc: "\
**What it checks.** When several sources are checked in one run, the claims matched to the \
same fact are compared across sources. If one source states the fact's value and another \
only one of its `accept` values (a defensible alternative: a preliminary figure, the day of a \
formal statement rather than of the first report), the second gets a warning pointing at the \
first, and the first a note pointing back.

**Why.** Readers compare coverage; two outlets of one newsroom giving different dates or \
figures for the same event undermine both, even when each is defensible.

**Example.** One article says Acme announced its pledge \"On September 2\"; another, dated \
2021-09-04, says \"on Friday\" (3 September), the day of the formal statement. The second is \
a warning, the first a note.",
    run: per_source,
};

fn per_source(_: &Context<'_>) -> Findings {
    Findings::default()
}

struct Statement {
    source: usize,
    claim: usize,
    accepted_only: bool,
}

/// Compares the sources of one run and adds diagnostics to them.
pub fn run(facts: &FactBase, checked: &mut [Checked]) {
    // Keyed by the matches' own ids, lent: nothing changes `checked` until
    // the diagnostics are added.
    let mut by_fact: BTreeMap<&str, Vec<Statement>> = BTreeMap::new();
    for (s, source) in checked.iter().enumerate() {
        for (c, m) in source.matches.iter().enumerate() {
            let Some(m) = m else { continue };
            if m.agrees && m.clear {
                by_fact.entry(&*m.fact).or_default().push(Statement {
                    source: s,
                    claim: c,
                    accepted_only: m.accepted_only,
                });
            }
        }
    }
    let mut added: Vec<(usize, Diagnostic)> = Vec::new();
    for (fact, statements) in &by_fact {
        let Some(primary) = statements.iter().find(|s| !s.accepted_only) else {
            continue;
        };
        for alt in statements
            .iter()
            .filter(|s| s.accepted_only && s.source != primary.source)
        {
            let (Some(p_src), Some(a_src)) = (checked.get(primary.source), checked.get(alt.source))
            else {
                continue;
            };
            let (Some(p_claim), Some(a_claim)) = (
                p_src.extraction.claims.get(primary.claim),
                a_src.extraction.claims.get(alt.claim),
            ) else {
                continue;
            };
            let p_words = p_src
                .text
                .get(p_claim.span.clone())
                .unwrap_or("")
                .to_owned();
            let a_words = a_src
                .text
                .get(a_claim.span.clone())
                .unwrap_or("")
                .to_owned();
            let cite = match facts.provenance(fact) {
                Some((Some(url), origin)) => format!("fact `{fact}` ({origin}), source: {url}"),
                Some((None, origin)) => format!("fact `{fact}` ({origin})"),
                None => format!("fact `{fact}`"),
            };
            added.push((
                alt.source,
                Diagnostic {
                    code: CHECK.code,
                    severity: Severity::Warning,
                    message: format!(
                        "\"{a_words}\" conflicts with \"{p_words}\" in {}",
                        p_src.path
                    ),
                    span: a_claim.span.clone(),
                    found: a_words.clone(),
                    expected: Some(p_words.clone()),
                    fact: Some((*fact).to_owned()),
                    labels: vec![Label {
                        span: p_claim.span.clone(),
                        message: format!("stated as \"{p_words}\" here"),
                        path: Some(p_src.path.clone()),
                    }],
                    help: Some(format!(
                        "the facts accept both, but prefer the other source's value; {cite}"
                    )),
                },
            ));
            added.push((
                primary.source,
                Diagnostic {
                    code: CHECK.code,
                    severity: Severity::Note,
                    message: format!(
                        "{} says \"{a_words}\" for the same fact; this one agrees with the facts",
                        a_src.path
                    ),
                    span: p_claim.span.clone(),
                    found: p_words,
                    expected: None,
                    fact: Some((*fact).to_owned()),
                    labels: vec![Label {
                        span: a_claim.span.clone(),
                        message: format!("\"{a_words}\" there"),
                        path: Some(a_src.path.clone()),
                    }],
                    help: Some(cite),
                },
            ));
        }
    }
    for (source, diagnostic) in added {
        if let Some(c) = checked.get_mut(source) {
            if c.diagnostics.contains(&diagnostic) {
                continue;
            }
            if diagnostic.severity == Severity::Warning {
                if let Some(i) = c
                    .extraction
                    .claims
                    .iter()
                    .position(|cl| cl.span == diagnostic.span)
                {
                    if let Some(v) = c.verdicts.get_mut(i) {
                        *v = Verdict::Contradicted;
                    }
                }
            }
            c.diagnostics.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::date_mismatch::tests::FACTS;
    use crate::{Checker, Source, cross_check};

    #[test]
    fn accepted_alternatives_conflict_across_sources() {
        let base = facts::load_strs([("facts.yaml", FACTS)]).unwrap();
        let checker = Checker::new(&base);
        let a = "---\npublished: 2021-09-10\n---\nOn September 2, Acme announced its pledge.";
        let b = "---\npublished: 2021-09-04\n---\nAcme announced its pledge on Friday.";
        let mut checked = vec![
            checker.check(
                Source {
                    path: "a.txt".into(),
                    text: a.into(),
                },
                None,
            ),
            checker.check(
                Source {
                    path: "b.txt".into(),
                    text: b.into(),
                },
                None,
            ),
        ];
        cross_check(&base, &mut checked);
        let summary: Vec<String> = checked
            .iter()
            .flat_map(|c| {
                c.diagnostics
                    .iter()
                    .map(move |d| format!("{} {} {}", c.path, d.severity.as_str(), d.found))
            })
            .collect();
        assert_eq!(summary, ["a.txt note September 2", "b.txt warning Friday"]);
    }
}
