//! `sum-mismatch`: a stated total that is not the sum of its stated parts.

use claims::ClaimKind;
use rust_decimal::Decimal;

use super::Check;
use crate::numbers::{self, Interval};
use crate::{Context, Diagnostic, Findings, Label, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "sum-mismatch",
    severity: Severity::Error,
    summary: "a stated total is not the sum of its stated parts",
    doc: "\
**What it checks.** In one sentence, an amount introduced as a total (\"a total of\", \"in \
all\", \"altogether\", \"raising\", \"bringing the total to\") is compared with the sum of the \
amounts of the same unit stated before it (after the sentence's previous total, if any), at \
the total's stated precision; so is an amount whose parts follow it (\"made up of\", \
\"consisting of\", \"comprising\", \"split between\") with the amounts of its unit after them. An amount \
of each one (\"$34 each\", \"will each get back $139\") or one compared with (\"down 54% from its \
$67.8 million debut\") is no part, and parts added to something \
written elsewhere (\"Together with $12 million from X, the gift brings the total to\") are not \
summed. A sentence that opens on its whole lists its parts too, written with or without their \
unit (\"Of the 874 million euros, the state paid 420 million, the city 304 million and a fund \
150 million\"), unless a number word, a share, a time or a rate among them leaves the list in \
doubt, or the parts are a few picked out (less than two thirds of the whole). (Totals in the fact base \
are checked when the facts are loaded: `sum_of`.)

**Why.** Parts and totals are often edited separately; when one changes, the other goes stale.

**Example.** \"3.569 billion yuan from users plus 600 million yuan from the foundation, \
raising a total of 4.169 billion yuan\" adds up; \"... a total of 4.5 billion yuan\" does not.",
    run,
};

const TOTAL_CUES: &[&str] = &[
    "a total of",
    "in total",
    "total of",
    "totaling",
    "totalling",
    "in all",
    "altogether",
    "combined",
    "raising",
    "bringing the total to",
    "bringing it to",
    "for a total of",
];

/// Where `needle` occurs in `hay`, left to right and not overlapping, as
/// `str::match_indices` finds a non-empty needle: for the 40 characters
/// searched here, comparing at each occurrence of the needle's first byte
/// costs less than setting up the two-way searcher once per cue.
fn match_starts<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        let (&first, rest) = n.split_first()?;
        while from + n.len() <= h.len() {
            let at = from;
            from += 1;
            if h[at] == first && h[at + 1..at + n.len()] == *rest {
                from = at + n.len();
                return Some(at);
            }
        }
        None
    })
}

/// Whether some cue may occur in `tail` (ASCII case folded), which most
/// amounts' tails fail; only those that pass are lowercased and searched.
/// Lowercasing turns no non-ASCII character into a cue's letters (the
/// Kelvin sign becomes `k`, which no cue has; `İ` becomes `i` and a
/// combining dot, which no cue has either), so a cue in the lowercase
/// tail is a cue here.
fn may_hold_cue(tail: &str) -> bool {
    let bytes = tail.as_bytes();
    // Every cue's first two letters: bit 5 set lowercases a letter (and
    // changes some other bytes, which only lets more tails through).
    bytes.windows(2).enumerate().any(|(i, pair)| {
        matches!(
            [pair[0] | 0x20, pair[1] | 0x20],
            [b'a', b' ']
                | [b'i', b'n']
                | [b't', b'o']
                | [b'a', b'l']
                | [b'c', b'o']
                | [b'r', b'a']
                | [b'b', b'r']
                | [b'f', b'o']
        ) && TOTAL_CUES.iter().any(|cue| {
            bytes
                .get(i..i + cue.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(cue.as_bytes()))
        })
    })
}

/// Where the last `n` characters of `text` start: back over `n` bytes that
/// do not continue a character, without decoding.
fn last_chars_start(text: &str, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = bytes.len();
    let mut chars = 0;
    while start > 0 && chars < n {
        start -= 1;
        if bytes[start] & 0xc0 != 0x80 {
            chars += 1;
        }
    }
    start
}

/// What the walk over an article's claims knows of a sentence so far.
#[derive(Debug, Clone, Copy, Default)]
struct SoFar {
    /// The amounts with a unit: a total needs two parts before it in its
    /// sentence, which most amounts lack, so this settles them before
    /// their words are read.
    with_unit: u32,
    /// Where its parts can start: at its first claim, and after each total
    /// (a total closes its parts: "A and B, a total of C; D and E, in all
    /// F" sums D and E for F). Looking no further back keeps an article of
    /// many totals linear.
    parts_from: Option<usize>,
    /// Where its last amount ends: a total's cue comes after it ("A, a
    /// total of B, then C and D": C is no total).
    amount_end: Option<usize>,
}

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    let claims = ctx.claims();
    let mut so_far = vec![SoFar::default(); ctx.extraction.sentences.len()];
    for (t, total_claim) in claims.iter().enumerate() {
        let Some(sentence_so_far) = so_far.get_mut(total_claim.sentence) else {
            continue;
        };
        let SoFar {
            with_unit: seen,
            amount_end: after_amount,
            ..
        } = *sentence_so_far;
        sentence_so_far.parts_from.get_or_insert(t);
        match &total_claim.kind {
            ClaimKind::Amount(a) | ClaimKind::Conversion { from: a, .. } => {
                sentence_so_far.amount_end = Some(total_claim.span.end);
                sentence_so_far.with_unit += u32::from(a.unit.is_some());
            }
            ClaimKind::Malformed { .. } => sentence_so_far.amount_end = Some(total_claim.span.end),
            _ => {}
        }
        let ClaimKind::Amount(total) = &total_claim.kind else {
            continue;
        };
        if seen < 2 {
            continue;
        }
        let Some(sentence) = ctx.extraction.sentences.get(total_claim.sentence) else {
            continue;
        };
        // The last 40 characters before the total and after the amount
        // before it, lowercase.
        let start = after_amount.map_or(sentence.span.start, |end| end.max(sentence.span.start));
        let before = ctx.text.get(start..total.span.start).unwrap_or("");
        let tail_start = last_chars_start(before, 40);
        let tail = before.get(tail_start..).unwrap_or("");
        if !may_hold_cue(tail)
            && !tail
                .as_bytes()
                .windows(5)
                .any(|w| w.eq_ignore_ascii_case(b"total"))
        {
            continue;
        }
        let written = tail;
        let tail = tail.to_lowercase();
        // Not a word of a name ("a grant from the Acme Combined
        // Authority and £40 million"): the cue as written is lowercase
        // (where lowercasing kept the offsets).
        let lowercase_at = |i: usize| {
            written.len() != tail.len()
                || written
                    .as_bytes()
                    .get(i)
                    .is_some_and(u8::is_ascii_lowercase)
        };
        let cue_then_space = |cue: &str| {
            match_starts(&tail, cue).any(|i| {
                lowercase_at(i)
                    && tail
                        .get(i + cue.len()..)
                        .is_some_and(|r| r.starts_with(' '))
            })
        };
        let trimmed = tail.trim_end();
        // "bringing the total paid to the finalists to", "take the total
        // fee to": "total" among the last six words, then "to".
        let total_to = || {
            trimmed.ends_with(" to")
                && trimmed
                    .split_whitespace()
                    .rev()
                    .take(6)
                    .any(|w| w == "total")
        };
        if !TOTAL_CUES
            .iter()
            .any(|cue| trimmed.ends_with(cue) || cue_then_space(cue))
            && !total_to()
        {
            continue;
        }
        let from = sentence_so_far.parts_from.replace(t + 1).unwrap_or(t);
        let parts: Vec<(usize, &claims::Amount)> = claims
            .get(from..t)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(k, c)| (from + k, c))
            .filter(|(_, c)| {
                c.sentence == total_claim.sentence
                    && !c.year_earlier
                    && c.when == total_claim.when
                    && !compared_with(ctx.text, c.span.start)
            })
            .filter_map(|(i, c)| match &c.kind {
                ClaimKind::Amount(a) | ClaimKind::Conversion { from: a, .. } => Some((i, a)),
                _ => None,
            })
            .filter(|(_, a)| a.unit.is_some() && a.unit == total.unit)
            .collect();
        if parts.len() < 2 || joins_another(ctx.text, &sentence.span, &parts) {
            continue;
        }
        judge(ctx, (t, total), &parts, &mut out);
    }
    // "1.35 billion euros in state aid, made up of a 1.1 billion euro grant
    // and 250 million euros in tax relief": a whole before its parts.
    for (t, whole_claim) in claims.iter().enumerate() {
        let ClaimKind::Amount(whole) = &whole_claim.kind else {
            continue;
        };
        let Some(sentence) = ctx.extraction.sentences.get(whole_claim.sentence) else {
            continue;
        };
        if whole.unit.is_none() {
            continue;
        }
        let after = ctx
            .text
            .get(whole.span.end..sentence.span.end)
            .unwrap_or("");
        let Some(from) = parts_cue_within(after, 40) else {
            continue;
        };
        // "The package, which covers 28% of the plant's €6.8 billion cost,
        // is made up of ...": a figure in an aside is not what the
        // sentence's subject is made up of.
        let aside_closed = after.get(..from).is_some_and(|b| b.contains(','));
        if aside_closed && in_a_relative_aside(ctx.text, sentence.span.start, whole.span.start) {
            continue;
        }
        let from = whole.span.end + from;
        // The list ends where a clause of its own begins ("..., and would
        // save about £45 million a year").
        let until = clause_after_list(ctx.text.get(from..sentence.span.end).unwrap_or(""))
            .map_or(sentence.span.end, |at| from + at);
        let parts: Vec<(usize, &claims::Amount)> = (claims.iter().enumerate().skip(t + 1))
            .take_while(|(_, c)| c.sentence == whole_claim.sentence && c.span.start < until)
            .filter(|(_, c)| c.span.start >= from && !c.year_earlier && c.when == whole_claim.when)
            .filter_map(|(i, c)| match &c.kind {
                ClaimKind::Amount(a) | ClaimKind::Conversion { from: a, .. } => Some((i, a)),
                _ => None,
            })
            .filter(|(_, a)| a.unit == whole.unit)
            .collect();
        if parts.len() >= 2 {
            judge(ctx, (t, whole), &parts, &mut out);
        }
    }
    of_the_whole(ctx, &mut out);
    out
}

/// Whether the text from `start` (a sentence's) to `at` ends in a relative
/// clause set off by a comma (", which ...", ", who ...") with no comma
/// after its opening.
fn in_a_relative_aside(text: &str, start: usize, at: usize) -> bool {
    let before = text.get(start..at).unwrap_or("");
    let before = before
        .get(before.len().saturating_sub(160)..)
        .unwrap_or(before);
    before.rsplit_once(',').is_some_and(|(_, clause)| {
        [" which ", " who ", " whose "]
            .iter()
            .any(|w| clause.starts_with(w))
    })
}

/// Where, in the words after a list's cue, a clause of its own begins:
/// ", and" or ", but" before a verb or a modal ("..., and would save").
fn clause_after_list(after: &str) -> Option<usize> {
    const VERBS: [&str; 16] = [
        "would", "will", "could", "should", "may", "might", "is", "was", "are", "were", "has",
        "have", "had", "said", "says", "expects",
    ];
    [", and ", ", but "]
        .iter()
        .flat_map(|joint| after.match_indices(joint))
        .filter(|(at, joint)| {
            let next = after.get(at + joint.len()..).unwrap_or("");
            let mut words = next.split_whitespace();
            let first = words.next().unwrap_or("");
            // "and would", or "and it would" after a pronoun.
            let verb = |w: &str| VERBS.iter().any(|v| v.eq_ignore_ascii_case(w));
            verb(first)
                || (["it", "they", "he", "she", "the"].contains(&first)
                    && words.next().is_some_and(verb))
        })
        .map(|(at, _)| at)
        .min()
}

/// "Of the 874 million euros, the state paid 420 million, the city 304
/// million and a regional fund 150 million": a sentence that opens on a
/// whole and lists its parts, often without their unit. The parts are read
/// from the words (plain numbers are no claims); the sentence is passed
/// over when a number word, a share, a time, a count of another noun or a
/// hyphenated figure leaves the list in doubt, or when the parts add up to
/// less than two thirds or more than half again of the whole (a few parts
/// picked out).
fn of_the_whole(ctx: &Context<'_>, out: &mut Findings) {
    for (t, claim) in ctx.claims().iter().enumerate() {
        let ClaimKind::Amount(whole) = &claim.kind else {
            continue;
        };
        let Some(sentence) = ctx.extraction.sentences.get(claim.sentence) else {
            continue;
        };
        let opening = (ctx.text)
            .get(sentence.span.start..whole.span.start)
            .unwrap_or("");
        if !opening
            .trim_start_matches(['"', '\u{201c}'])
            .eq_ignore_ascii_case("of the ")
        {
            continue;
        }
        let Some(parts) = listed_parts(ctx.text, whole, sentence.span.end) else {
            continue;
        };
        let (Some(stated), Some(whole_value)) = (
            numbers::stated_interval(whole),
            whole.number.checked_mul(whole.scale.factor()),
        ) else {
            continue;
        };
        let sum: Decimal = parts.iter().map(|(_, v)| *v).sum();
        if parts.len() < 2
            || sum * Decimal::from(3) < whole_value * Decimal::from(2)
            || sum * Decimal::from(2) > whole_value * Decimal::from(3)
        {
            continue;
        }
        if stated.meets(&Interval::exact(sum)) {
            out.verified.push(t);
            continue;
        }
        let spans: Vec<_> = parts.iter().map(|(span, _)| span.clone()).collect();
        out.diagnostics
            .push((not_the_sum(ctx, whole, sum, &spans), vec![t]));
    }
}

/// The diagnostic of a total that is not the sum of its parts (`exact`).
fn not_the_sum(
    ctx: &Context<'_>,
    total: &claims::Amount,
    exact: Decimal,
    parts: &[std::ops::Range<usize>],
) -> Diagnostic {
    let expected = numbers::render_exact_like(exact, total);
    let found = ctx.words(&total.span).to_owned();
    let parts_text: Vec<&str> = parts.iter().map(|span| ctx.words(span)).collect();
    Diagnostic {
        code: CHECK.code,
        severity: Severity::Error,
        message: format!("the parts add up to {expected}, not {found}"),
        span: total.span.clone(),
        found,
        expected: Some(expected.clone()),
        fact: None,
        labels: parts
            .iter()
            .map(|span| Label {
                span: span.clone(),
                message: "part".into(),
                path: None,
            })
            .collect(),
        help: Some(format!("{} = {expected}", parts_text.join(" + "))),
    }
}

/// The parts listed after a whole that opens its sentence ("Of the 412
/// cases counted, 268 were in X and 144 elsewhere"): each number's span
/// and value, from the first comma after the whole (past an "including"
/// aside) to `end`. `None` when the list is in doubt: a number word, a
/// percentage, a time, a hyphenated figure or money beside a count.
fn listed_parts(
    text: &str,
    whole: &claims::Amount,
    end: usize,
) -> Option<Vec<(std::ops::Range<usize>, Decimal)>> {
    const NUMBER_WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
        "half",
    ];
    const TIMES: [&str; 12] = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
        "minute", "minutes",
    ];
    let after = text.get(whole.span.end..end)?;
    let mut from = whole.span.end + after.find(", ")? + 2;
    // "Of the 214 people aboard, including six crew members, 177 were ...".
    let rest = text.get(from..end)?;
    if rest.starts_with("including ") {
        from += rest.find(", ")? + 2;
    }
    let region = text.get(from..end)?;
    let money = matches!(whole.unit, Some(facts::Unit::Currency(_)));
    let mut parts = Vec::new();
    let mut words = region
        .split(' ')
        .scan(from, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .peekable();
    while let Some((start, word)) = words.next() {
        let word = trim(word);
        let is_time =
            |w: Option<&str>| w.is_some_and(|w| TIMES.iter().any(|t| t.eq_ignore_ascii_case(w)));
        let next = words.peek().map(|&(_, w)| trim(w));
        // "every four weeks" is no part; "two died" may be one.
        if NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(word)) {
            if is_time(next) {
                continue;
            }
            return None;
        }
        // A currency sign may lead a part of money.
        let digits = word.trim_start_matches(['$', '€', '£', '¥']);
        let signed = digits.len() < word.len();
        if !digits.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if (signed && !money) || word.contains(['-', '%', '/']) {
            return None;
        }
        let plain = !digits.contains([',', '.']);
        // A year ("in 2024") is no part.
        if plain && digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
            continue;
        }
        let mut value: Decimal = digits.replace(',', "").parse().ok()?;
        let mut span_end = start + word.len();
        let scale = words.peek().and_then(|(_, w)| match trim(w) {
            "thousand" => Some(1_000u64),
            "million" => Some(1_000_000),
            "billion" => Some(1_000_000_000),
            _ => None,
        });
        if let Some(scale) = scale {
            value *= Decimal::from(scale);
            if let Some((at, w)) = words.next() {
                span_end = at + trim(w).len();
            }
        }
        // A share, a time or a rate ("$38 million a year") is no part,
        // nor is a count of another noun ("39,227 cast a ballot, and 125
        // ballots were rejected" of the people on a register).
        let unit = words.peek().map(|&(_, w)| trim(w));
        let another_noun = unit.is_some_and(|u| {
            u.len() > 3
                && u.ends_with('s')
                && u.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(&whole.unit, Some(facts::Unit::Noun(n)) if n == u)
        });
        if unit.is_some_and(|u| matches!(u, "percent" | "per" | "%" | "a" | "an" | "each"))
            || is_time(unit)
            || another_noun
        {
            return None;
        }
        parts.push((start..span_end, value));
    }
    Some(parts)
}

/// Whether the amount at `start` is what another is compared with ("down
/// 54% from its $67.8 million debut", "against $40 million"): no part of
/// a total. "From" only after a change ("commitments from €300 million,
/// €250 million and €400 million" lists parts).
fn compared_with(text: &str, start: usize) -> bool {
    const SKIPPED: [&str; 9] = [
        "its", "the", "a", "an", "their", "about", "some", "roughly", "nearly",
    ];
    const CHANGES: [&str; 12] = [
        "up",
        "down",
        "rose",
        "fell",
        "increased",
        "decreased",
        "higher",
        "lower",
        "climbed",
        "dropped",
        "declined",
        "jumped",
    ];
    let before = crate::matching::tail_before(text, start, 64);
    let mut words = before
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .rev()
        .filter(|w| !w.is_empty())
        .skip_while(|w| claims::one_of(w, &SKIPPED));
    match words.next() {
        Some(w) if claims::one_of(w, &["against", "versus", "than"]) => true,
        Some(w) if claims::one_of(w, &["from"]) => words
            .take(2)
            .any(|w| w.ends_with('%') || claims::one_of(w, &CHANGES)),
        _ => false,
    }
}

/// A word without the punctuation after it.
fn trim(word: &str) -> &str {
    word.trim_end_matches([',', '.', ';', ':'])
}

/// Whether the parts are what something else is added to: "Together
/// with £12 million from X and £6 million from Y, the gift brings the
/// total to £66 million" (the gift's own amount is written elsewhere).
fn joins_another(
    text: &str,
    sentence: &std::ops::Range<usize>,
    parts: &[(usize, &claims::Amount)],
) -> bool {
    const ADDED_TO: [&str; 8] = [
        "together with ",
        "along with ",
        "in addition to ",
        "on top of ",
        "added to ",
        // "The rest came from a $420 million grant and $760 million in
        // bonds, bringing the total to $1.68 billion": a part was named
        // before the sentence.
        "the rest ",
        "the remainder ",
        "the balance ",
    ];
    let Some((_, first)) = parts.first() else {
        return false;
    };
    let opening = text
        .get(sentence.start..first.span.start)
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    ADDED_TO.iter().any(|w| {
        opening
            .get(..w.len())
            .is_some_and(|o| o.eq_ignore_ascii_case(w))
    })
}

/// Words after a whole that introduce its parts.
const PARTS_CUES: [&str; 8] = [
    "made up of",
    "consisting of",
    "comprising",
    "composed of",
    "split between",
    "split into",
    "broken down into",
    "divided between",
];

/// Where a [`PARTS_CUES`] phrase ends, if one starts in the first `within`
/// bytes of `after`.
fn parts_cue_within(after: &str, within: usize) -> Option<usize> {
    let bytes = after.as_bytes();
    let last = within.min(bytes.len());
    // Only at the start of a word with a cue's first letter.
    let first_letter =
        |b: u8| (PARTS_CUES.iter()).any(|cue| cue.as_bytes().first() == Some(&(b | 0x20)));
    (1..last).find_map(|at| {
        let starts =
            bytes.get(at - 1) == Some(&b' ') && bytes.get(at).is_some_and(|&b| first_letter(b));
        if !starts {
            return None;
        }
        PARTS_CUES.iter().find_map(|cue| {
            (bytes.get(at..at + cue.len()))
                .filter(|w| w.eq_ignore_ascii_case(cue.as_bytes()))
                .map(|_| at + cue.len())
        })
    })
}

/// Whether the amount at `span` is each one's: "each" among the three
/// words before it ("will each get back A$139"), or "each", "apiece" or
/// "per" right after it ("$34 each").
fn of_each(text: &str, span: &std::ops::Range<usize>) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    };
    let before = crate::matching::tail_before(text, span.start, 40);
    let after = text.get(span.end..).unwrap_or("");
    // Past the clause's start only.
    let before = before.rsplit([',', ';', '.', ':']).next().unwrap_or("");
    words(before).iter().rev().take(3).any(|w| w == "each")
        || after.starts_with(' ')
            && words(after.get(..12).unwrap_or(after))
                .first()
                .is_some_and(|w| matches!(w.as_str(), "each" | "apiece" | "per"))
}

/// Compares a total with the sum of its parts (at least two): verified, or
/// a diagnostic on the total.
fn judge(
    ctx: &Context<'_>,
    (t, total): (usize, &claims::Amount),
    parts: &[(usize, &claims::Amount)],
    out: &mut Findings,
) {
    let mut sum = Interval::exact(Decimal::ZERO);
    let mut exact = Decimal::ZERO;
    let mut ok = true;
    for (_, a) in parts {
        match (
            numbers::stated_interval(a),
            a.number.checked_mul(a.scale.factor()),
        ) {
            (Some(i), Some(v)) => {
                sum.lo += i.lo;
                sum.hi += i.hi;
                exact += v;
            }
            _ => ok = false,
        }
    }
    let Some(stated) = numbers::stated_interval(total) else {
        return;
    };
    if !ok {
        return;
    }
    // Prices of one unit before what the units raised ("shares at $34
    // each, raising $748 million") are no parts of it: parts that add
    // up to less than a hundred-thousandth of the total are not taken
    // for its parts (a wrong scale word is a thousandth).
    if sum
        .hi
        .checked_mul(Decimal::from(100_000))
        .is_some_and(|s| s < stated.lo)
    {
        return;
    }
    // "will each get back A$139 ... for a total of A$7.3 million": an
    // amount of each one is a factor of the total, no part of it.
    if parts.iter().any(|(_, a)| of_each(ctx.text, &a.span)) {
        return;
    }
    let mut indices: Vec<usize> = parts.iter().map(|(i, _)| *i).collect();
    indices.push(t);
    if stated.meets(&sum) {
        out.verified.extend(indices);
        return;
    }
    let spans: Vec<_> = parts.iter().map(|(_, a)| a.span.clone()).collect();
    out.diagnostics
        .push((not_the_sum(ctx, total, exact, &spans), vec![t]));
}

#[cfg(test)]
mod tests {
    #[test]
    fn match_starts_finds_what_match_indices_finds() {
        for hay in [
            "",
            "a",
            "in all in all",
            "aaaa",
            "a total of a total",
            "é in all",
        ] {
            for needle in ["a", "aa", "in all", "total", "é", "x"] {
                let expected: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
                let found: Vec<usize> = super::match_starts(hay, needle).collect();
                assert_eq!(found, expected, "{needle:?} in {hay:?}");
            }
        }
    }

    #[test]
    fn last_chars_start_where_char_indices_say() {
        for text in [
            "",
            "abc",
            "“Returned” to society – 22 years ",
            "é",
            "张三 plus 600",
        ] {
            for n in [1, 2, 5, 40] {
                let expected = text.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
                assert_eq!(super::last_chars_start(text, n), expected, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn every_cue_starts_with_a_letter_the_prefilter_tries() {
        for cue in super::TOTAL_CUES {
            assert!(super::may_hold_cue(cue), "{cue}");
            assert!(super::may_hold_cue(&format!(
                "Then {} ",
                cue.to_uppercase()
            )));
        }
        assert!(!super::may_hold_cue("Users gave 3.569 billion yuan, plus "));
    }

    use crate::testing::check;

    const FACTS: &str = "entities:\n  - { id: acme, kind: organization, name: Acme }\n";

    #[test]
    fn totals_are_summed() {
        let right = "Users gave 3.569 billion yuan, plus 600 million yuan from Acme, raising a total of 4.169 billion yuan.";
        assert!(check(FACTS, right, "sum-mismatch").is_empty());
        let wrong = "Users gave 3.569 billion yuan, plus 600 million yuan from Acme, raising a total of 4.5 billion yuan.";
        assert_eq!(
            check(FACTS, wrong, "sum-mismatch"),
            [
                "error \"4.5 billion yuan\": the parts add up to 4.2 billion yuan, not 4.5 billion yuan"
            ]
        );
    }

    #[test]
    fn prices_of_one_unit_are_no_parts_but_a_wrong_scale_word_is_found() {
        let prices = "Acme sold 22 million shares at $34 each, the top of a range of $31 to $34, raising $748 million.";
        assert!(check(FACTS, prices, "sum-mismatch").is_empty());
        let scale = "Users gave 3 billion yuan and 2 billion yuan, a total of 5 million yuan.";
        assert_eq!(
            check(FACTS, scale, "sum-mismatch"),
            ["error \"5 million yuan\": the parts add up to 5 billion yuan, not 5 million yuan"]
        );
    }

    #[test]
    fn a_total_closes_its_parts() {
        // The second total sums the amounts after the first, not all before;
        // "1 billion yuan" follows the first total's cue, but is no total.
        let right = "Users gave 3 billion yuan and 2 billion yuan, a total of 5 billion yuan, \
                     then 1 billion yuan and 1.5 billion yuan, bringing the total to 2.5 billion yuan.";
        assert!(check(FACTS, right, "sum-mismatch").is_empty());
        let wrong = "Users gave 3 billion yuan and 2 billion yuan, a total of 5 billion yuan, \
                     then 1 billion yuan and 1.5 billion yuan, bringing the total to 4 billion yuan.";
        assert_eq!(
            check(FACTS, wrong, "sum-mismatch"),
            ["error \"4 billion yuan\": the parts add up to 2.5 billion yuan, not 4 billion yuan"]
        );
    }

    #[test]
    fn the_total_taken_to_an_amount_is_a_total() {
        let text = |total: &str| {
            format!(
                "Users gave 3 billion yuan and 2 billion yuan, bringing the total paid \
                 to the fund to {total} billion yuan."
            )
        };
        assert!(check(FACTS, &text("5"), "sum-mismatch").is_empty());
        assert_eq!(check(FACTS, &text("7"), "sum-mismatch").len(), 1);
    }

    #[test]
    fn a_whole_before_its_parts_is_summed() {
        let text = |grant: &str| {
            format!(
                "The state will give 1.35 billion yuan in aid, made up of a {grant} billion yuan \
                 grant and 250 million yuan in tax relief over ten years."
            )
        };
        assert!(check(FACTS, &text("1.1"), "sum-mismatch").is_empty());
        assert_eq!(
            check(FACTS, &text("1.2"), "sum-mismatch"),
            [
                "error \"1.35 billion yuan\": the parts add up to 1.45 billion yuan, not 1.35 billion yuan"
            ]
        );
        // A figure in an aside before the subject's parts is not their
        // whole.
        let aside = "The aid, which covers 28% of the plant's 6.8 billion yuan cost, is made \
                     up of a 1.1 billion yuan grant and 250 million yuan in tax relief.";
        assert!(check(FACTS, aside, "sum-mismatch").is_empty());
        // Parts that only include some ("including") are no sum.
        let some = "The state will give 1.35 billion yuan in aid, including a 1.2 billion yuan \
                    grant and 250 million yuan in tax relief.";
        assert!(check(FACTS, some, "sum-mismatch").is_empty());
        // The list ends where a clause of its own begins.
        let clause = "The state will give 1.35 billion yuan in aid, made up of a 1.1 billion yuan \
                      grant and 250 million yuan in tax relief, and would save 400 million yuan.";
        assert!(check(FACTS, clause, "sum-mismatch").is_empty());
    }

    #[test]
    fn an_amount_compared_with_is_no_part() {
        let text = "The film took $31.2 million in its second weekend, down 54% from its $67.8 million \
                    debut, taking its total to $128.4 million.";
        assert!(check(FACTS, text, "sum-mismatch").is_empty());
        let parts = "The film took $31.2 million in its second weekend and $67.8 million in its \
                     first, taking its total to $128.4 million.";
        assert_eq!(check(FACTS, parts, "sum-mismatch").len(), 1);
        // "From" with no change before it lists the parts.
        let listed = "Acme holds commitments from $300 million, $250 million and $400 million, \
                      a total of $900 million.";
        assert_eq!(check(FACTS, listed, "sum-mismatch").len(), 1);
    }

    #[test]
    fn an_amount_of_each_one_is_no_part() {
        let each = "Holders of passes, which cost $419, will each get back $139, for a total of $7.3 million.";
        assert!(check(FACTS, each, "sum-mismatch").is_empty());
        let parts = "Holders of passes got back $419 and $139, for a total of $7.3 million.";
        assert_eq!(check(FACTS, parts, "sum-mismatch").len(), 1);
    }

    #[test]
    fn parts_added_to_something_else_are_not_all_of_it() {
        let text = |opening: &str| {
            format!(
                "{opening} $12 million from Acme and $6 million from its partners, the gift \
                 brings the total funding to $66 million."
            )
        };
        assert!(check(FACTS, &text("Together with"), "sum-mismatch").is_empty());
        assert!(check(FACTS, &text("Along with"), "sum-mismatch").is_empty());
        assert_eq!(check(FACTS, &text("With"), "sum-mismatch").len(), 1);
        // "The rest": a part was named before the sentence.
        let rest = |opening: &str| {
            format!(
                "{opening} came from $420 million in grants and $760 million in bonds, bringing \
                 the total to $1.68 billion."
            )
        };
        assert!(check(FACTS, &rest("The rest"), "sum-mismatch").is_empty());
        assert!(check(FACTS, &rest("The remainder"), "sum-mismatch").is_empty());
        assert_eq!(check(FACTS, &rest("The money"), "sum-mismatch").len(), 1);
    }

    #[test]
    fn a_sentence_opening_on_its_whole_lists_its_parts() {
        let text = |city: &str| {
            format!(
                "Of the 874 million euros, the state paid 420 million, the city {city} million \
                 and a regional fund 150 million."
            )
        };
        assert!(check(FACTS, &text("304"), "sum-mismatch").is_empty());
        assert_eq!(
            check(FACTS, &text("340"), "sum-mismatch"),
            [
                "error \"874 million euros\": the parts add up to €910 million, not 874 million euros"
            ]
        );
        let counts = |rescued: &str| {
            format!(
                "Of the 214 people aboard, including six crew members, {rescued} were rescued, \
                 19 have died and 24 remain missing."
            )
        };
        assert!(check(FACTS, &counts("171"), "sum-mismatch").is_empty());
        assert_eq!(check(FACTS, &counts("177"), "sum-mismatch").len(), 1);
        // Parts in doubt, or a few picked out, are not summed.
        for text in [
            "Of the 412 cases, 268 were in the north and two died.",
            "Of the 412 cases, 268 were in the north, up 12% from 150 in May.",
            "Of the 412 cases, 40 were in the north and 30 in the south.",
            "Of the $1.74 billion, the state gave $480 million and bonds will cost $38 million a year.",
            "Of the 74,860 people on the register, 39,227 cast a ballot, and 125 ballots were rejected.",
        ] {
            assert!(check(FACTS, text, "sum-mismatch").is_empty(), "{text}");
        }
    }

    #[test]
    fn amounts_without_a_total_are_not_summed() {
        let text = "Revenue was 23 billion yuan, operating profit 2 billion yuan and net profit 2.4 billion yuan.";
        assert!(check(FACTS, text, "sum-mismatch").is_empty());
        // A cue inside a name is no cue.
        let named = "The 285 million yuan bill will be met with a 170 million yuan loan, \
                     a 75 million yuan grant from the Acme Combined Authority and 40 million \
                     yuan from reserves.";
        assert!(check(FACTS, named, "sum-mismatch").is_empty());
        assert_eq!(
            check(
                FACTS,
                &named.replace("Acme Combined Authority and", "authority, combined"),
                "sum-mismatch"
            )
            .len(),
            1
        );
    }
}
