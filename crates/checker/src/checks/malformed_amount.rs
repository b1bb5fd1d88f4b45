//! `malformed-amount`: one number written with two currencies.

use claims::ClaimKind;
use facts::Unit;

use super::Check;
use crate::matching::{self, FactKind};
use crate::{Context, Diagnostic, Findings, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "malformed-amount",
    severity: Severity::Error,
    summary: "one number with two currencies, e.g. \"$20 billion yuan\"",
    doc: "\
**What it checks.** An amount that carries a currency symbol and a different currency word \
(\"$20 billion yuan\"), or the same currency twice (\"$10 dollars\").

**Why.** The reader cannot know which currency is meant, and the two readings differ by the \
exchange rate: $20 billion is six times 20 billion yuan.

**Example.** \"includes $20 billion yuan\": write \"20 billion yuan\" (or \"$20 billion\"). When \
a fact matches, the help says which reading it supports.",
    run,
};

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    for (i, claim) in ctx.claims().iter().enumerate() {
        let ClaimKind::Malformed { amount, currencies } = &claim.kind else {
            continue;
        };
        let found = ctx.words(&claim.span).to_owned();
        let mut readings = Vec::new();
        let mut supported = None;
        let q = ctx
            .matches
            .get(i)
            .and_then(Option::as_ref)
            .and_then(|m| match m.kind {
                FactKind::Quantity(qi) => ctx.facts.quantities.get(qi),
                FactKind::Event(_) => None,
            });
        for code in currencies {
            let mut reading = amount.clone();
            reading.unit = Some(Unit::Currency(code.clone()));
            let text = crate::numbers::render(amount.number, amount.scale, reading.unit.as_ref());
            if let Some(q) = q {
                let date = matching::rate_date(Some(q), claim, ctx.published());
                let (agrees, _, _) = matching::amount_agrees(ctx.facts, &reading, q, date.as_ref());
                if agrees && supported.is_none() {
                    supported = Some((text.clone(), q));
                }
            }
            readings.push(text);
        }
        let (expected, help) = match &supported {
            Some((text, q)) => (
                Some(text.clone()),
                format!("the facts support {text}: {}", ctx.cite(&q.id)),
            ),
            None => (
                None,
                format!("write one currency: {}", readings.join(" or ")),
            ),
        };
        let message = if currencies.windows(2).all(|w| w[0] == w[1]) {
            format!("{found} names its currency twice")
        } else {
            format!(
                "{found} gives one number two currencies ({})",
                currencies.join(" and ")
            )
        };
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Error,
                message,
                span: claim.span.clone(),
                found,
                expected,
                fact: supported.map(|(_, q)| q.id.clone()),
                labels: Vec::new(),
                help: Some(help),
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
    fn two_currencies_on_one_number() {
        let facts = "entities:\n  - { id: acme, kind: organization, name: Acme }\n";
        assert_eq!(
            check(
                facts,
                "Acme's offer includes $20 billion yuan for a fund.",
                "malformed-amount"
            ),
            [
                "error \"$20 billion yuan\": $20 billion yuan gives one number two currencies (USD and CNY)"
            ]
        );
        assert!(
            check(
                facts,
                "Acme's offer includes 20 billion yuan for a fund.",
                "malformed-amount"
            )
            .is_empty()
        );
    }
}
