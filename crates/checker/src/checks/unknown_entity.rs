//! `unknown-entity`: a person the facts do not know, named with a title.

use claims::{Claim, ClaimKind};

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

/// Whether `c` (not ASCII) is a letter or digit. General Punctuation
/// (curly quotes, dashes: most non-ASCII characters of news text) holds
/// none, and costs less to rule out than a look-up in the Unicode tables.
#[inline]
fn wide_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// Whether `c` belongs to a word, as `claims::mentions::words` splits them.
#[inline]
fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        wide_alphanumeric(c)
    }
}

/// The character of `text` starting at byte `at`, if one does.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// The character of `text` ending at byte `at`, if one does.
#[inline]
fn char_before(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at.checked_sub(1)?) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..at)?.chars().next_back(),
    }
}

/// Bit 7 of each byte of `x` that is an ASCII capital or not ASCII.
#[inline]
fn capitals_or_multibyte(x: u64) -> u64 {
    claims::mentions::ascii_capitals(x) | x & u64::from_le_bytes([0x80; 8])
}

/// The name words of `text` (an uppercase character, then lowercase ones,
/// two at least, as a whole word: what [`name_word`] tells of the words
/// of `claims::mentions::words`), as byte ranges, in order. Every name
/// word starts with an ASCII capital or a non-ASCII byte: those are found
/// eight bytes at a time and only the text around them is read, where a
/// walk of every word cost most of this check.
fn name_words(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = text.as_bytes();
    // Bytes before this belong to a word already read.
    let mut resume = 0;
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
        let mut hits = capitals_or_multibyte(x);
        while hits != 0 {
            let at = chunk_start + (hits.trailing_zeros() / 8) as usize;
            hits &= hits - 1;
            if at < resume {
                continue;
            }
            // Not a character's start (`char_at` refuses it), or not a
            // word's: no word starts here.
            let Some(first) = char_at(text, at) else {
                continue;
            };
            if !word_char(first) || char_before(text, at).is_some_and(word_char) {
                continue;
            }
            // The word, and whether all its characters after the first are
            // lowercase.
            let mut end = at + first.len_utf8();
            let mut lower = true;
            while let Some(&b) = bytes.get(end) {
                if b.is_ascii() {
                    if b.is_ascii_lowercase() {
                        end += 1;
                    } else if b.is_ascii_alphanumeric() {
                        lower = false;
                        end += 1;
                    } else {
                        break;
                    }
                } else {
                    match char_at(text, end) {
                        Some(c) if wide_alphanumeric(c) => {
                            lower &= c.is_lowercase();
                            end += c.len_utf8();
                        }
                        _ => break,
                    }
                }
            }
            resume = end;
            if lower && first.is_uppercase() && end > at + first.len_utf8() {
                out.push((at, end));
            }
        }
        chunk_start += 8;
    }
}

/// Whether `gap` holds no word character: the words on either side of it
/// are neighbours. Gaps are mostly a space.
fn no_word_in(gap: &str) -> bool {
    match gap.as_bytes() {
        [b] if b.is_ascii() => !b.is_ascii_alphanumeric(),
        _ => !gap.chars().any(word_char),
    }
}

/// Whether some word of `text` ends before byte `at`.
fn word_ends_before(text: &str, mut at: usize) -> bool {
    while let Some(c) = char_before(text, at) {
        if word_char(c) {
            return true;
        }
        at -= c.len_utf8();
    }
    false
}

/// The word of `text` that ends last before byte `at`, if any.
fn word_before(text: &str, at: usize) -> Option<&str> {
    let mut end = at;
    loop {
        let c = char_before(text, end)?;
        if word_char(c) {
            break;
        }
        end -= c.len_utf8();
    }
    let mut start = end;
    while let Some(c) = char_before(text, start).filter(|&c| word_char(c)) {
        start -= c.len_utf8();
    }
    text.get(start..end)
}

/// Calls `visit` with every run of two or three name words (byte offset
/// and word) that follows a word of `text`, in order, and the offset of
/// the run: [`word_before`] it gives that word, which callers ask only of
/// the runs that pass cheaper tests. What a walk of all words with
/// [`name_word`] of each gives (a test holds it to that).
fn for_each_name_run<'t>(
    text: &'t str,
    names: &mut Vec<(usize, usize)>,
    mut visit: impl FnMut(&[(usize, &'t str)]),
) {
    name_words(text, names);
    let word = |&(start, end): &(usize, usize)| (start, text.get(start..end).unwrap_or(""));
    // Whether the name words `a` and `b` are neighbouring words.
    let next_to =
        |a: &(usize, usize), b: &(usize, usize)| text.get(a.1..b.0).is_some_and(no_word_in);
    for (j, first) in names.iter().enumerate() {
        let Some(second) = names.get(j + 1).filter(|second| next_to(first, second)) else {
            continue;
        };
        if !word_ends_before(text, first.0) {
            continue;
        }
        let mut run = [word(first), word(second), (0, "")];
        let mut len = 2;
        if let Some(third) = names.get(j + 2).filter(|third| next_to(second, third)) {
            run[2] = word(third);
            len = 3;
        }
        visit(run.get(..len).unwrap_or_default());
    }
}

/// Whether a span overlaps a known name or near miss, asked of spans that
/// come in order (starts rising, ends never falling): the claims, in span
/// order, are walked once alongside. Claims out of order, or a span out of
/// order, take a [`claims::mentions::SpanSet`] instead.
struct KnownSpans<'c> {
    claims: &'c [Claim],
    /// Claims before this start before the last span asked ends.
    next: usize,
    /// The furthest end of the names among them.
    furthest: usize,
    /// The end of the last span asked.
    last_end: usize,
    fallback: Option<claims::mentions::SpanSet>,
}

impl<'c> KnownSpans<'c> {
    fn new(claims: &'c [Claim]) -> KnownSpans<'c> {
        let mut spans = KnownSpans {
            claims,
            next: 0,
            furthest: 0,
            last_end: 0,
            fallback: None,
        };
        if !claims.is_sorted_by_key(|c| c.span.start) {
            // Never behind the next span asked: the set is built then.
            spans.last_end = usize::MAX;
        }
        spans
    }

    fn is_name(claim: &Claim) -> bool {
        matches!(
            claim.kind,
            ClaimKind::Mention(_) | ClaimKind::Misspelling(_)
        )
    }

    /// Whether some name's span shares a position with `start..end`.
    fn overlaps(&mut self, start: usize, end: usize) -> bool {
        if self.fallback.is_none() && end < self.last_end {
            self.fallback = Some(claims::mentions::SpanSet::of(
                self.claims
                    .iter()
                    .filter(|c| KnownSpans::is_name(c))
                    .map(|c| c.span.clone()),
            ));
        }
        if let Some(set) = &self.fallback {
            return set.overlaps(&(start..end));
        }
        self.last_end = end;
        while let Some(claim) = self.claims.get(self.next).filter(|c| c.span.start < end) {
            if KnownSpans::is_name(claim) {
                self.furthest = self.furthest.max(claim.span.end);
            }
            self.next += 1;
        }
        self.furthest > start
    }
}

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let mut names = KnownSpans::new(ctx.claims());
    let titles = &ctx.facts.titles;
    // The name words of a sentence; the buffer serves every sentence.
    let mut words: Vec<(usize, usize)> = Vec::new();
    for sentence in &ctx.extraction.sentences {
        let Some(text) = ctx.text.get(sentence.span.clone()) else {
            continue;
        };
        // A title word immediately followed by two or three name words.
        // Abbreviations ("CEO") count only in capitals; "coo" is a word.
        for_each_name_run(text, &mut words, |run| {
            let (Some(first), Some(last)) = (run.first(), run.last()) else {
                return;
            };
            let start = sentence.span.start + first.0;
            let end = sentence.span.start + last.0 + last.1.len();
            // Contiguous: only spaces between the words. Known names are
            // the usual capitalised pairs: these tests cost less than the
            // title look-up, so they come first.
            let gap_ok = ctx.text.get(start..end).is_some_and(|t| {
                !t.bytes()
                    .any(|b| matches!(b, b',' | b'.' | b';' | b'(' | b')'))
            });
            if !gap_ok {
                return;
            }
            if names.overlaps(start, end) {
                return;
            }
            let word = word_before(text, first.0).unwrap_or_default();
            let is_title = (word.len() > 3 || word.chars().all(char::is_uppercase))
                && titles.canonical(word).is_some();
            if !is_title {
                return;
            }
            if run
                .iter()
                .all(|(_, w)| claims::mentions::is_dictionary_word(w))
            {
                return;
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
        });
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

    /// Each word followed by two or three name words, and those words, as
    /// a walk of every word finds them.
    fn reference(text: &str) -> Vec<(&str, Vec<(usize, &str)>)> {
        let words: Vec<(usize, &str, bool)> = claims::mentions::words(text)
            .map(|(i, w)| (i, w, super::name_word(w)))
            .collect();
        let mut out = Vec::new();
        for (k, &(_, word, _)) in words.iter().enumerate() {
            let after = words.get(k + 1..).unwrap_or_default();
            let len = after.iter().take(3).take_while(|w| w.2).count();
            if len >= 2 {
                out.push((word, after[..len].iter().map(|w| (w.0, w.1)).collect()));
            }
        }
        out
    }

    fn fast(text: &str) -> Vec<(&str, Vec<(usize, &str)>)> {
        let mut out = Vec::new();
        super::for_each_name_run(text, &mut Vec::new(), |run| {
            let word = super::word_before(text, run[0].0).unwrap_or("(none)");
            out.push((word, run.to_vec()));
        });
        out
    }

    #[test]
    fn titles_and_names_as_the_word_walk_finds_them() {
        for text in [
            "said CFO Max Poe.",
            "said CFO Max Poe Smith Jones in a statement",
            "Max Poe",
            "x Émile Poe",
            "x Zoë Poe",
            "x Max Émile",
            "x Max “Poe”",
            "CEO Łukasz Poe",
            "the ceo, Max Zoë",
            "McDonald O'Neil Jean-Luc Poe",
            "3M Max Poe A1 Ab Cd",
        ] {
            assert_eq!(fast(text), reference(text), "{text}");
        }
    }

    /// The General Punctuation shortcut, over every non-ASCII character.
    #[test]
    fn wide_alphanumeric_is_alphanumeric() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::wide_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn name_claim(span: std::ops::Range<usize>, misspelt: bool) -> claims::Claim {
        let kind = if misspelt {
            claims::ClaimKind::Misspelling(claims::Misspelling {
                span: span.clone(),
                closest: "Poe".into(),
                entity: "poe".into(),
                distance: 1,
            })
        } else {
            claims::ClaimKind::Mention(claims::Mention {
                span: span.clone(),
                entity: "poe".into(),
                kind: facts::EntityKind::Person,
                name: "Poe".into(),
            })
        };
        claims::Claim {
            span,
            sentence: 0,
            kind,
            subject: None,
            period: None,
            year_earlier: false,
            when: None,
        }
    }

    proptest::proptest! {
        /// The walk from capitals finds what the walk of every word finds.
        #[test]
        fn titles_and_names_agree_with_the_word_walk(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Max", "Poe", "CEO", "ceo", "chairman", "McDonald", "O'Neil", "Jean-Luc",
                "Émile", "Zoë", "ÉMILE", "Łukasz", "İ", "X", "x", "A1", "a1", "Ǆemal", "ǅemal",
                "ß", "Straße", "Ⅻ", "Ⅻx", "日本", "٣", " ", " ", ", ", ".", "-", "'", "’", "“",
                "—", "(", "\u{301}", "é", "Ab\u{301}c",
            ]), 0..16),
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(fast(&text), reference(&text));
        }

        /// The same on any text.
        #[test]
        fn titles_and_names_agree_on_anything(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(fast(&text), reference(&text));
        }

        /// The walk along the claims answers as the set of their spans,
        /// spans asked in order or not, claims in order or not.
        #[test]
        fn known_spans_agree_with_the_span_set(
            spans in proptest::collection::vec((0..40usize, 0..8usize, proptest::bool::ANY), 0..12),
            asked in proptest::collection::vec((0..40usize, 1..8usize), 0..12),
            sort_claims in proptest::bool::ANY,
            sort_asked in proptest::bool::ANY,
        ) {
            let mut claims: Vec<claims::Claim> = spans
                .iter()
                .map(|&(start, len, misspelt)| name_claim(start..start + len, misspelt))
                .collect();
            if sort_claims {
                claims.sort_by_key(|c| c.span.start);
            }
            let mut asked: Vec<(usize, usize)> =
                asked.iter().map(|&(start, len)| (start, start + len)).collect();
            if sort_asked {
                asked.sort_unstable();
                // Ends never fall, as runs of name words give them.
                let mut end = 0;
                for a in &mut asked {
                    end = end.max(a.1);
                    a.1 = end;
                }
            }
            let set = claims::mentions::SpanSet::of(claims.iter().map(|c| c.span.clone()));
            let mut walk = super::KnownSpans::new(&claims);
            for &(start, end) in &asked {
                proptest::prop_assert_eq!(walk.overlaps(start, end), set.overlaps(&(start..end)));
            }
        }
    }
}
