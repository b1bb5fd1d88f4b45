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

/// Whether `c` (not ASCII) is a letter or digit. General Punctuation
/// (curly quotes, dashes: most non-ASCII characters of news text) holds
/// none, and costs less to rule out than a look-up in the Unicode tables.
#[inline]
fn wide_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// Whether `text` may hold a name word after its first word followed by
/// another ([`name_words`] tells for sure): an ASCII capital or non-ASCII
/// byte starting a word, then lowercase ASCII letters, separators, and an
/// ASCII capital or non-ASCII byte. Capitals are found eight bytes at a
/// time; a sentence without such a pair is skipped unread.
fn may_hold_pair(text: &str) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let mut chunk_start = 0;
    while chunk_start < bytes.len() {
        let x = match bytes.get(chunk_start..chunk_start + 8) {
            Some(eight) => u64::from_le_bytes(<[u8; 8]>::try_from(eight).unwrap_or_default()),
            None => {
                let mut tail = [0u8; 8];
                for (slot, b) in tail.iter_mut().zip(bytes.iter().skip(chunk_start)) {
                    *slot = *b;
                }
                u64::from_le_bytes(tail)
            }
        };
        // Bit 7 of each byte that is an ASCII capital or not ASCII (as in
        // `claims::mentions`: per byte, without carries).
        let low = x & !HIGH;
        let from_a = low + ONES * (0x80 - u64::from(b'A'));
        let past_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
        let mut hits = ((from_a & !past_z) | x) & HIGH;
        while hits != 0 {
            let at = chunk_start + (hits.trailing_zeros() / 8) as usize;
            hits &= hits - 1;
            if at > 0 && pair_at(bytes, at) {
                return true;
            }
        }
        chunk_start += 8;
    }
    false
}

/// Whether the capital or non-ASCII byte at `at` (not the first) may start
/// a name word followed by another: see [`may_hold_pair`]. Anything not
/// ASCII on the way is taken to allow it.
fn pair_at(bytes: &[u8], at: usize) -> bool {
    let before = bytes.get(at - 1).copied().unwrap_or(b' ');
    if before.is_ascii_alphanumeric() {
        return false;
    }
    let mut j = at + 1;
    while bytes.get(j).is_some_and(u8::is_ascii_lowercase) {
        j += 1;
    }
    match bytes.get(j) {
        Some(b) if !b.is_ascii() => return true,
        Some(b) if b.is_ascii_alphanumeric() => return false,
        Some(_) if j > at + 1 => {}
        _ => return false,
    }
    while bytes
        .get(j)
        .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
    {
        j += 1;
    }
    bytes
        .get(j)
        .is_some_and(|b| !b.is_ascii() || b.is_ascii_uppercase())
}

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
                if !wide_alphanumeric(c) {
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
                    if !wide_alphanumeric(c) {
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
        if !may_hold_pair(text) || !name_words(text, &mut words) {
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
            // Two or three name words: borrowed, not collected.
            let after = words.get(k + 1..).unwrap_or_default();
            let len = after.iter().take(3).take_while(|w| w.2).count();
            let run = after.get(..len).unwrap_or_default();
            let Some(first) = run.first() else { continue };
            let Some(last) = run.last() else { continue };
            let start = sentence.span.start + first.0;
            let end = sentence.span.start + last.0 + last.1.len();
            // Contiguous: only spaces between the words. Known names are
            // the usual capitalised pairs: these tests cost less than the
            // title look-up, so they come first.
            let gap_ok = ctx
                .text
                .get(start..end)
                .is_some_and(|t| !t.contains([',', '.', ';', '(', ')']));
            if !gap_ok || covered(start, end) {
                continue;
            }
            let is_title = (word.len() > 3 || word.chars().all(char::is_uppercase))
                && titles.canonical(word).is_some();
            if !is_title {
                continue;
            }
            if run
                .iter()
                .all(|(_, w, _)| claims::mentions::is_dictionary_word(w))
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

    /// The pre-test lets through pairs with non-ASCII letters and
    /// punctuation anywhere.
    #[test]
    fn pre_test_keeps_pairs() {
        for text in [
            "said CFO Max Poe.",
            "x Émile Poe",
            "x Zoë Poe",
            "x Max Émile",
            "x Max “Poe”",
            "CEO Łukasz Poe",
            "the ceo, Max Zoë",
        ] {
            let mut words = Vec::new();
            assert!(super::name_words(text, &mut words), "{text}");
            assert!(super::may_hold_pair(text), "{text}");
        }
    }

    /// The General Punctuation shortcut, over every non-ASCII character.
    #[test]
    fn wide_alphanumeric_is_alphanumeric() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::wide_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
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
            // The pre-test never misses a pair.
            proptest::prop_assert!(!pair || super::may_hold_pair(&text));
        }
    }
}
