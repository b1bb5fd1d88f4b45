//! `name-misspelled`: a near miss of a known name.

use claims::ClaimKind;

use super::Check;
use crate::{Context, Diagnostic, Findings, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "name-misspelled",
    severity: Severity::Warning,
    summary: "a near miss of a known name (\"Nortwind\")",
    doc: "\
**What it checks.** A capitalised word of five letters or more that is one edit (two for long \
words) away from a distinctive word of a name or alias in the facts, and is neither that name, \
an ordinary English word, nor a plural of either. An ordinary word of a name counts only when \
it is the whole name or alias of something other than a person (\"Osprey\"). At the start of \
a sentence only one edit counts. Right after a person's first name, a near miss of the second name counts too, whatever \
its length and even if it is an ordinary word: \"Dana Reave\" for Dana Reeve, \"Park \
Min-seung\" for Park Min-sung.

**Why.** Misspelt names are the errors readers notice first, and they break search and \
archives. A near miss is much more likely a typo than a new entity.

**Example.** \"Nortwind\" is reported as a likely misspelling of \"Northwind\".",
    run,
};

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    for (i, claim) in ctx.claims().iter().enumerate() {
        let ClaimKind::Misspelling(m) = &claim.kind else {
            continue;
        };
        let found = ctx.words(&claim.span).to_owned();
        let entity = ctx.facts.entity(&m.entity);
        let name = entity.map_or(m.closest.clone(), |e| e.name.clone());
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Warning,
                message: format!("\"{found}\" looks like a misspelling of \"{}\"", m.closest),
                span: claim.span.clone(),
                found,
                expected: Some(m.closest.clone()),
                fact: Some(String::from(&*m.entity)),
                labels: Vec::new(),
                help: Some(format!(
                    "{} edit{} from {name}; {}",
                    m.distance,
                    if m.distance == 1 { "" } else { "s" },
                    ctx.cite(&m.entity)
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

    #[test]
    fn near_misses_are_warnings() {
        let facts = "entities:\n  - { id: pdd, kind: organization, name: Northwind, aliases: [Northwind Motors] }\n";
        assert_eq!(
            check(
                facts,
                "Nortwind: a plan. Then Northwind grew.",
                "name-misspelled"
            ),
            ["warning \"Nortwind\": \"Nortwind\" looks like a misspelling of \"Northwind\""]
        );
        assert!(check(facts, "Northwind grew in Gothenburg.", "name-misspelled").is_empty());
    }
}
