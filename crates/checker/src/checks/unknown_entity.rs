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
#[cfg(test)]
fn name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && word.chars().count() >= 2
}

/// Classes of bytes for the word walk.
const OTHER: u8 = 0; // punctuation, space or control: not in a word
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 3;
const WIDE: u8 = 4; // a byte of a non-ASCII character: decode it

const CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            0x80..=0xFF => WIDE,
            _ => OTHER,
        };
        b += 1;
    }
    class
};

/// The words of `text` as [`claims::mentions::words`] splits them (runs of
/// letters and digits), each with whether [`name_word`] holds for it, in
/// one pass over the bytes, ASCII by a table: the name test falls out of
/// the walk instead of decoding every word again. Tells whether two name
/// words follow a first word, which a finding needs.
fn name_words<'t>(text: &'t str, out: &mut Vec<(usize, &'t str, bool)>) -> bool {
    out.clear();
    let bytes = text.as_bytes();
    let wide = |at: usize| {
        let c = text.get(at..).and_then(|t| t.chars().next()).unwrap_or(' ');
        (c, c.len_utf8())
    };
    let mut pair = false;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // A word starts with a letter or digit; a name word's first is
        // uppercase, the rest (letters and digits too, as words hold
        // nothing else) lowercase, two characters at least.
        let (mut name, len) = match CLASS[usize::from(b)] {
            OTHER => {
                at += 1;
                continue;
            }
            WIDE => {
                let (c, len) = wide(at);
                if !c.is_alphanumeric() {
                    at += len;
                    continue;
                }
                (c.is_uppercase(), len)
            }
            class => (class == UPPER, 1),
        };
        let start = at;
        at += len;
        while let Some(&b) = bytes.get(at) {
            match CLASS[usize::from(b)] {
                LOWER => at += 1,
                OTHER => break,
                WIDE => {
                    let (c, len) = wide(at);
                    if !c.is_alphanumeric() {
                        break;
                    }
                    name &= c.is_lowercase();
                    at += len;
                }
                _ => {
                    name = false;
                    at += 1;
                }
            }
        }
        name &= at > start + len;
        let word = text.get(start..at).unwrap_or("");
        if name && out.len() >= 2 && out.last().is_some_and(|w| w.2) {
            pair = true;
        }
        out.push((start, word, name));
    }
    pair
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
        // Most sentences have no two name words after a first word.
        if !name_words(text, &mut words) {
            continue;
        }
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

    proptest::proptest! {
        /// The one-pass walk finds the words `claims::mentions::words`
        /// finds, with `name_word` of each, and a pair exactly when a name
        /// word after the first word is followed by another.
        #[test]
        fn name_words_agree_with_words_and_name_word(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Max", "Poe", "CEO", "ceo", "chairman", "McDonald", "O'Neil", "Jean-Luc",
                "Émile", "Zoë", "ÉMILE", "Łukasz", "İ", "X", "x", "A1", "a1", "Ǆemal", "ǅemal",
                "ß", "Straße", "Ⅻ", "Ⅻx", "日本", "٣", " ", " ", ", ", ".", "-", "'", "’", "“",
                "—", "(", "\u{301}", "é", "Ab\u{301}c",
            ]), 0..16),
        ) {
            let text: String = parts.concat();
            let mut fast = Vec::new();
            let pair = super::name_words(&text, &mut fast);
            let slow: Vec<(usize, &str, bool)> = claims::mentions::words(&text)
                .map(|(i, w)| (i, w, super::name_word(w)))
                .collect();
            proptest::prop_assert_eq!(&fast, &slow);
            let slow_pair = (1..slow.len().saturating_sub(1)).any(|j| slow[j].2 && slow[j + 1].2);
            proptest::prop_assert_eq!(pair, slow_pair);
        }
    }
}
