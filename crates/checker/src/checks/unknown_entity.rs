//! `unknown-entity`: a person the facts do not know, named with a title.

use claims::ClaimKind;

use super::Check;
use crate::{Context, Diagnostic, Findings, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "unknown-entity",
    severity: Severity::Note,
    summary: "(note) a person or organisation that the facts do not know",
    doc: "\
**What it checks.** A name of two or three capitalised words, not an ordinary phrase, written \
right after a job title (\"CEO Jane Roe\", \"chairman Max Poe\") or before one (\"Jane Roe, \
chairman of ...\"), that matches no name or alias of the fact base. Such a person's role \
cannot be checked until the facts know them.

**Why.** It tells the editor where the fact base is thin, so the next check can cover the \
claim. It is only a note: an unknown person is not an error.

**Example.** \"said CFO Max Poe\" with no entity named Max Poe: add Max Poe to the facts to \
check his title.",
    run,
};

/// Whether a word could be part of a person's name.
fn name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && word.chars().count() >= 2
}

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let claims = ctx.claims();
    let names = claims::mentions::SpanSet::of(
        claims
            .iter()
            .filter(|c| matches!(c.kind, ClaimKind::Mention(_) | ClaimKind::Misspelling(_)))
            .map(|c| c.span.clone()),
    );
    let covered = |start: usize, end: usize| names.overlaps(&(start..end));
    let titles = &ctx.facts.titles;
    // Each word with whether it can be part of a name, tested once; the
    // buffer serves every sentence.
    let mut words: Vec<(usize, &str, bool)> = Vec::new();
    for sentence in &ctx.extraction.sentences {
        let Some(text) = ctx.text.get(sentence.span.clone()) else {
            continue;
        };
        words.clear();
        words.extend(claims::mentions::words(text).map(|(i, w)| (i, w, name_word(w))));
        for (k, &(_, word, _)) in words.iter().enumerate() {
            // A title word immediately followed by two or three name words.
            // Abbreviations ("CEO") count only in capitals; "coo" is a word.
            // The cheap test on the name words comes first.
            let is_name = |j: usize| words.get(j).is_some_and(|w| w.2);
            if !(is_name(k + 1) && is_name(k + 2)) {
                continue;
            }
            let is_title = titles.canonical(word).is_some()
                && (word.len() > 3 || word.chars().all(char::is_uppercase));
            if !is_title {
                continue;
            }
            let run: Vec<(usize, &str)> = words[k + 1..]
                .iter()
                .take(3)
                .take_while(|w| w.2)
                .map(|&(i, w, _)| (i, w))
                .collect();
            let Some(first) = run.first() else { continue };
            let Some(last) = run.last() else { continue };
            let start = sentence.span.start + first.0;
            let end = sentence.span.start + last.0 + last.1.len();
            // Contiguous: only spaces between the words.
            let gap_ok = ctx
                .text
                .get(start..end)
                .is_some_and(|t| !t.contains([',', '.', ';', '(', ')']));
            if !gap_ok || covered(start, end) {
                continue;
            }
            if run
                .iter()
                .all(|(_, w)| claims::mentions::is_dictionary_word(w))
            {
                continue;
            }
            let found = ctx.words(&(start..end)).to_owned();
            out.diagnostics.push((
                Diagnostic {
                    code: CHECK.code,
                    severity: Severity::Note,
                    message: format!("the facts do not know \"{found}\""),
                    span: start..end,
                    found: found.clone(),
                    expected: None,
                    fact: None,
                    labels: Vec::new(),
                    help: Some(format!(
                        "add an entity for {found} (with roles) to check this claim"
                    )),
                },
                Vec::new(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    #[test]
    fn unknown_people_named_with_a_title() {
        let facts = "entities:\n  - { id: jane-roe, kind: person, name: Jane Roe }\n";
        assert_eq!(
            check(facts, "said CFO Max Poe in a statement.", "unknown-entity"),
            ["note \"Max Poe\": the facts do not know \"Max Poe\""]
        );
        assert!(check(facts, "said CEO Jane Roe in a statement.", "unknown-entity").is_empty());
        assert!(
            check(
                facts,
                "said the Chief Executive in a statement.",
                "unknown-entity"
            )
            .is_empty()
        );
    }
}
