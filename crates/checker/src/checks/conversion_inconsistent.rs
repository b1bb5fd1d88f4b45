//! `conversion-inconsistent`: "X (Y)" where Y is not X converted at the
//! rates of the fact base, or not at the rate the article itself uses.

use claims::{Amount, ClaimKind};
use facts::Unit;
use rust_decimal::Decimal;

use super::Check;
use crate::matching::{self, FactKind};
use crate::numbers;
use crate::{Context, Diagnostic, Findings, Label, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "conversion-inconsistent",
    severity: Severity::Error,
    summary: "\"X (Y)\" conversion disagrees with the fact rate or the article's own rate",
    doc: "\
**What it checks.** A currency conversion written next to an amount (\"20 billion yuan \
($3.1 billion)\", \"X, or Y,\") is recomputed with the exchange rates of the fact base nearest \
the date (the matched fact's date, else the sentence's, else the publication date; when no \
rate lies within a month of it, those of the publication date, at which writers convert an old \
figure), at the precision the article states; after a change (\"A$165,000, up from A$140,000, or \
US$109,000\") it may be the conversion of the figure the change ends at. Without a rate between the two currencies, a figure that is \
the conversion into a third currency is in the wrong one (\"420 million euros (£445 million)\" \
where €420 million is $445 million); otherwise each conversion is compared with the rate \
implied by the article's other conversions between the same currencies. A measure converted \
into another unit of its dimension (\"72 km (45 miles)\") is recomputed too, at the precision \
the conversion is written to.

**Why.** Conversions are arithmetic an editor can verify but rarely does; a wrong one \
misstates the figure by a factor readers cannot see.

**Example.** \"20 billion yuan ($12.5 billion)\" with a rate of 6.4577 yuan per dollar: 20 \
billion yuan is about $3.1 billion; $12.5 billion would mean 1.6 yuan per dollar.",
    run,
};

/// (claim index, from, to) for every conversion, including a malformed
/// amount followed by a parenthetical amount ("$20 billion yuan ($12.5
/// billion)"), read in the currency the parenthesis does not use.
fn conversions<'c>(ctx: &'c Context<'_>) -> Vec<(usize, Amount, &'c Amount, Option<usize>)> {
    let claims = ctx.claims();
    let mut out = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        match &claim.kind {
            ClaimKind::Conversion { from, to } => out.push((i, from.clone(), to, None)),
            ClaimKind::Malformed { amount, currencies } => {
                let next = claims[i + 1..]
                    .iter()
                    .enumerate()
                    .find_map(|(k, c)| match &c.kind {
                        ClaimKind::Amount(a) if a.span.start > amount.span.end => {
                            Some((i + 1 + k, a))
                        }
                        _ => None,
                    });
                let Some((next_index, next)) = next else {
                    continue;
                };
                let between = ctx.text.get(amount.span.end..next.span.start).unwrap_or("");
                if between.trim() != "(" {
                    continue;
                }
                let Some(Unit::Currency(paren)) = &next.unit else {
                    continue;
                };
                let Some(other) = currencies.iter().find(|c| *c != paren) else {
                    continue;
                };
                let mut from = amount.clone();
                from.unit = Some(Unit::Currency(other.clone()));
                out.push((i, from, next, Some(next_index)));
            }
            _ => {}
        }
    }
    out
}

fn midpoint(amount: &Amount) -> Option<Decimal> {
    amount.number.checked_mul(amount.scale.factor())
}

/// Quote units per base unit implied by a conversion, as `base` per `quote`.
fn implied_rate(from: &Amount, to: &Amount, base: &str) -> Option<Decimal> {
    let (f, t) = (midpoint(from)?, midpoint(to)?);
    let from_code = match &from.unit {
        Some(Unit::Currency(c)) => c.as_str(),
        _ => return None,
    };
    if t.is_zero() || f.is_zero() {
        return None;
    }
    // Rate = quote per base: if `from` is in the base currency, quote/base = t/f.
    if from_code == base {
        t.checked_div(f)
    } else {
        f.checked_div(t)
    }
}

/// "72 km (45 miles)": a measure and its conversion in parentheses, in
/// another unit of the same dimension, agree at the precision the
/// conversion is written to (no fact is needed). A pair one of whose
/// figures a fact contradicts is the fact's to report.
fn measure_pairs(ctx: &Context<'_>, out: &mut Findings) {
    let claims = ctx.claims();
    let amount = |k: usize| match claims.get(k).map(|c| &c.kind) {
        Some(ClaimKind::Amount(a)) => match &a.unit {
            Some(Unit::Noun(noun)) => facts::measure::measure(noun).map(|m| (a, m)),
            _ => None,
        },
        _ => None,
    };
    let contradicted = |k: usize| {
        ctx.matches
            .get(k)
            .and_then(Option::as_ref)
            .is_some_and(|m| m.contradicts())
    };
    for i in 0..claims.len() {
        let Some((from, from_unit)) = amount(i) else {
            continue;
        };
        // The next amount claim (mentions may come between).
        let Some(j) =
            (i + 1..claims.len()).find(|&k| matches!(claims[k].kind, ClaimKind::Amount(_)))
        else {
            continue;
        };
        let Some((to, to_unit)) = amount(j) else {
            continue;
        };
        let between = ctx.text.get(from.span.end..to.span.start).unwrap_or("");
        let closes = ctx
            .text
            .get(to.span.end..)
            .is_some_and(|t| t.starts_with(')'));
        if between.trim() != "("
            || !closes
            || from_unit.noun == to_unit.noun
            || contradicted(i)
            || contradicted(j)
        {
            continue;
        }
        // `Measure::convert` answers `None` across dimensions.
        let convert = |v: Decimal| from_unit.convert(v, &to_unit);
        let (Some(from_iv), Some(to_iv), Some(ratio)) = (
            numbers::conversion_interval(from),
            numbers::conversion_interval(to),
            convert(Decimal::ONE),
        ) else {
            continue;
        };
        let (Some(lo), Some(hi)) = (convert(from_iv.lo), convert(from_iv.hi)) else {
            continue;
        };
        let converted = numbers::Interval { lo, hi };
        if converted.meets(&numbers::widen_for_conversion(to_iv, to)) {
            out.verified.extend([i, j]);
            continue;
        }
        let Some(value) = midpoint(from).and_then(convert) else {
            continue;
        };
        let expected = numbers::render_like(value, to);
        let from_words = ctx.words(&from.span).to_owned();
        let found = ctx.words(&to.span).to_owned();
        let message = format!("{from_words} is about {expected}, not {found}");
        let help = format!(
            "a {} is {} {}",
            matching::singular(from_unit.noun),
            ratio.round_dp(4).normalize(),
            to_unit.noun
        );
        out.diagnostics.push((
            error(
                (from, from_words),
                (to, found),
                (message, expected, help),
                None,
            ),
            vec![i, j],
        ));
    }
}

/// The error on `to`, the conversion of `from` (each with its words),
/// with its message, expected figure and help.
fn error(
    (from, from_words): (&Amount, String),
    (to, found): (&Amount, String),
    (message, expected, help): (String, String, String),
    fact: Option<String>,
) -> Diagnostic {
    Diagnostic {
        code: CHECK.code,
        severity: Severity::Error,
        message,
        span: to.span.clone(),
        found,
        expected: Some(expected),
        fact,
        labels: vec![Label {
            span: from.span.clone(),
            message: from_words,
            path: None,
        }],
        help: Some(help),
    }
}

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    measure_pairs(ctx, &mut out);
    let all = conversions(ctx);
    // Each conversion's implied rate, computed once per reading (its `from`
    // in the base currency or not, all `implied_rate` depends on) rather
    // than once per conversion of the same pair.
    let mut implied: Vec<[Option<Option<Decimal>>; 2]> = vec![[None, None]; all.len()];
    let mut implied_at = |k: usize, base: &str| -> Option<Decimal> {
        let (_, f, t, _) = all.get(k)?;
        let from_is_base = matches!(&f.unit, Some(Unit::Currency(c)) if c == base);
        *implied
            .get_mut(k)?
            .get_mut(usize::from(from_is_base))?
            .get_or_insert_with(|| implied_rate(f, t, base))
    };
    // The article's conversions of each pair of currencies, read with each
    // base: the same for every conversion of the pair, so found once (per
    // conversion, an article made of conversions took quadratic time).
    let mut pairs: Vec<PairRates> = Vec::new();
    for (k, (i, from, to, to_claim)) in all.iter().enumerate() {
        let (Some(Unit::Currency(a)), Some(Unit::Currency(b))) = (&from.unit, &to.unit) else {
            continue;
        };
        if a == b {
            continue;
        }
        let claim = &ctx.claims()[*i];
        // The first amount contradicted by a fact is the error to report,
        // not its conversion.
        let m = ctx.matches.get(*i).and_then(Option::as_ref);
        if m.is_some_and(|m| m.contradicts()) {
            continue;
        }
        let q = m.and_then(|m| match m.kind {
            FactKind::Quantity(qi) => ctx.facts.quantities.get(qi),
            FactKind::Event(_) => None,
        });
        let mut date = matching::rate_date(q, claim, ctx.published());
        let (mut rates, mut far) = numbers::rates_near(ctx.facts, a, b, date.as_ref());
        // No rate near the fact's own time ("signed a 74 million euro ($87
        // million) contract in March 2024", reported in 2025): a writer
        // converts at the rate of the day of writing.
        if far {
            if let Some(published) = ctx.published() {
                let (then, too_far) = numbers::rates_near(ctx.facts, a, b, Some(&published));
                if !too_far {
                    (rates, far, date) = (then, false, Some(published));
                }
            }
        }
        let (Some(from_iv), Some(to_iv)) = (
            numbers::conversion_interval(from),
            numbers::conversion_interval(to),
        ) else {
            continue;
        };
        // The article's own rate, from its other conversions of the pair.
        let (base_code, quote_code) = rates.first().map_or((b.as_str(), a.as_str()), |r| {
            (r.base.as_str(), r.quote.as_str())
        });
        let group = match pairs.iter().position(|p| p.is_of(a, b, base_code)) {
            Some(group) => group,
            None => {
                let mut found = Vec::new();
                for (n, (j, f, t, _)) in all.iter().enumerate() {
                    if matches!((&f.unit, &t.unit), (Some(Unit::Currency(x)), Some(Unit::Currency(y)))
                            if (x == a && y == b) || (x == b && y == a))
                    {
                        if let Some(r) = implied_at(n, base_code) {
                            found.push((*j, r));
                        }
                    }
                }
                pairs.push(PairRates::new(a, b, base_code, found));
                pairs.len() - 1
            }
        };
        let Some(pair) = pairs.get(group) else {
            continue;
        };
        let same_pair = &pair.rates;
        // The first of the others' rates.
        let other = same_pair.iter().find(|(j, _)| j != i).map(|(_, r)| *r);
        // With two conversions, only the later one is reported; with more,
        // those far from the median of all. (Conversions come in claim
        // order: the last is the latest.)
        let is_later = same_pair.last().is_none_or(|(j, _)| j <= i);
        let reference = if same_pair.len() >= 3 {
            pair.median
        } else if is_later {
            other
        } else {
            None
        };
        let own = implied_at(k, base_code);
        // An error's message, expected figure, help and rate, from the
        // facts' rates, else from a third currency's.
        let error_of = if !rates.is_empty() {
            let Some(expected_iv) = numbers::convert(from_iv, a, b, &rates) else {
                continue;
            };
            if expected_iv.meets(&to_iv) {
                out.verified.extend(std::iter::once(*i).chain(*to_claim));
                continue;
            }
            // "received A$165,000, up from A$140,000, or US$109,000": the
            // conversion of the figure the change ends at.
            let of_the_change = changed_from(ctx, from)
                .and_then(numbers::conversion_interval)
                .and_then(|iv| numbers::convert(iv, a, b, &rates))
                .is_some_and(|iv| iv.meets(&to_iv));
            if far || of_the_change {
                continue;
            }
            let Some(rate) = numbers::central_rate(&rates, date.as_ref()) else {
                continue;
            };
            let Some(value) = midpoint(from).and_then(|v| numbers::convert_at(v, a, b, rate))
            else {
                continue;
            };
            let expected = numbers::render_like(value, to);
            // A malformed amount is named in the currency it was read in.
            let from_words = if matches!(claim.kind, ClaimKind::Malformed { .. }) {
                numbers::render(from.number, from.scale, from.unit.as_ref())
            } else {
                ctx.words(&from.span).to_owned()
            };
            let found = ctx.words(&to.span).to_owned();
            // "X yuan per dollar", written into the help as it grows.
            let per = |help: &mut String, rate: Decimal| {
                numbers::push_decimal(help, rate);
                help.push(' ');
                help.push_str(currency_word(quote_code));
                help.push_str(" per ");
                help.push_str(currency_word(base_code));
            };
            let mut help = String::with_capacity(256);
            help.push_str("at ");
            per(&mut help, rate.rate.normalize());
            help.push_str(" (rate `");
            help.push_str(&rate.id);
            help.push_str("`, ");
            help.push_str(&rate.origin.file);
            help.push(':');
            numbers::push_uint(
                &mut help,
                u64::try_from(rate.origin.line).unwrap_or(u64::MAX),
            );
            help.push(':');
            numbers::push_uint(
                &mut help,
                u64::try_from(rate.origin.column).unwrap_or(u64::MAX),
            );
            help.push(')');
            if let Some(own) = own {
                help.push_str("; ");
                help.push_str(&found);
                help.push_str(" would mean ");
                per(&mut help, own.round_dp(2).normalize());
            }
            if let Some(other) = other {
                help.push_str("; the article's other conversions use about ");
                numbers::push_decimal(&mut help, other.round_dp(2).normalize());
            }
            let mut message =
                String::with_capacity(32 + from_words.len() + expected.len() + found.len());
            message.push_str(&from_words);
            message.push_str(" is about ");
            message.push_str(&expected);
            message.push_str(", not ");
            message.push_str(&found);
            Some((from_words, found, (message, expected, help), rate))
        } else if let Some((rate, expected)) =
            labelled_in_the_wrong_currency(ctx, (from, from_iv), (to, to_iv), date.as_ref())
        {
            // No rate links the two, but the figure is the conversion into
            // a third currency: "420 million euros (£445 million)" where
            // €420 million is $445 million.
            let found = ctx.words(&to.span).to_owned();
            let from_words = ctx.words(&from.span).to_owned();
            let mut message =
                String::with_capacity(48 + from_words.len() + expected.len() + found.len());
            message.push_str(&found);
            message.push_str(" is in the wrong currency: ");
            message.push_str(&from_words);
            message.push_str(" is about ");
            message.push_str(&expected);
            let help = format!(
                "the facts hold no rate between {} and {}; at rate `{}` ({}) the figure is {expected}",
                currency_word(a),
                currency_word(b),
                rate.id,
                rate.origin.file,
            );
            Some((from_words, found, (message, expected, help), rate))
        } else {
            None
        };
        if let Some((from_words, found, text, rate)) = error_of {
            out.diagnostics.push((
                error((from, from_words), (to, found), text, Some(rate.id.clone())),
                std::iter::once(*i).chain(*to_claim).collect(),
            ));
        } else if rates.is_empty()
            && let (Some(own), Some(reference)) = (own, reference)
        {
            // No rate in the facts: compare with the article's own rate.
            let off = (own - reference).checked_div(reference).map(|d| d.abs());
            if off.is_some_and(|off| off > Decimal::new(5, 2)) {
                let found = ctx.words(&to.span).to_owned();
                out.diagnostics.push((
                    Diagnostic {
                        code: CHECK.code,
                        severity: Severity::Warning,
                        message: format!(
                            "{found} implies {} {} per {}, but the article's other conversions use about {}",
                            own.round_dp(2).normalize(),
                            currency_word(quote_code),
                            currency_word(base_code),
                            reference.round_dp(2).normalize()
                        ),
                        span: to.span.clone(),
                        found,
                        expected: None,
                        fact: None,
                        labels: vec![Label {
                            span: from.span.clone(),
                            message: ctx.words(&from.span).to_owned(),
                            path: None,
                        }],
                        help: Some("add the rate to the fact base (rates:) to check conversions exactly".into()),
                    },
                    vec![*i],
                ));
            } else {
                out.verified.push(*i);
            }
        }
    }
    out
}

/// The amount in the same currency a change to `from` starts at, right
/// before it in its sentence: "A$165,000 this year, up from A$140,000".
fn changed_from<'c>(ctx: &'c Context<'_>, from: &Amount) -> Option<&'c Amount> {
    const FROM: [&str; 3] = ["from", "compared with", "against"];
    // Claims come in text order: those ending before `from` are a prefix.
    let claims = ctx.claims();
    let before = claims.partition_point(|c| c.span.start < from.span.start);
    let claims = claims.get(..before).unwrap_or_default();
    claims.iter().rev().take(8).find_map(|c| match &c.kind {
        ClaimKind::Amount(a)
            if a.unit == from.unit
                && a.span.end <= from.span.start
                && from.span.start - a.span.end <= 40 =>
        {
            let between = ctx.text.get(a.span.end..from.span.start)?;
            let joined = !between.contains(['.', ';', '(', ')'])
                && FROM.iter().any(|w| between.trim_end().ends_with(w));
            joined.then_some(a)
        }
        _ => None,
    })
}

/// For a conversion between currencies no rate links, a third currency
/// whose conversion of `from` the stated figure is (the rate, and the
/// figure written in that currency): its label is wrong.
fn labelled_in_the_wrong_currency<'f>(
    ctx: &Context<'f>,
    (from, from_iv): (&Amount, numbers::Interval),
    (to, to_iv): (&Amount, numbers::Interval),
    date: Option<&facts::FactDate>,
) -> Option<(&'f facts::Rate, String)> {
    let (Some(Unit::Currency(a)), Some(Unit::Currency(b))) = (&from.unit, &to.unit) else {
        return None;
    };
    let mut thirds: Vec<&str> = Vec::new();
    for r in &ctx.facts.rates {
        let other = if r.base == *a {
            &r.quote
        } else if r.quote == *a {
            &r.base
        } else {
            continue;
        };
        if other != b && !thirds.contains(&other.as_str()) {
            thirds.push(other);
        }
    }
    thirds.into_iter().find_map(|c| {
        // A rate far from the date serves: a figure that is the
        // conversion at it is no coincidence.
        let (rates, _far) = numbers::rates_near(ctx.facts, a, c, date);
        if rates.is_empty() {
            return None;
        }
        let converted = numbers::convert(from_iv, a, c, &rates)?;
        if !converted.meets(&to_iv) {
            return None;
        }
        let rate = numbers::central_rate(&rates, date)?;
        let value = midpoint(from).and_then(|v| numbers::convert_at(v, a, c, rate))?;
        let mut like = to.clone();
        like.unit = Some(Unit::Currency(c.to_owned()));
        Some((rate, numbers::render_like(value, &like)))
    })
}

/// The implied rates of an article's conversions between two currencies
/// (either way round), read with `base` as the base currency, by claim
/// index in claim order, and their median when there are three or more.
struct PairRates {
    currencies: [String; 2],
    base: String,
    rates: Vec<(usize, Decimal)>,
    median: Option<Decimal>,
}

impl PairRates {
    fn new(a: &str, b: &str, base: &str, rates: Vec<(usize, Decimal)>) -> PairRates {
        let median = if rates.len() >= 3 {
            median(&mut rates.iter().map(|(_, r)| *r).collect::<Vec<_>>())
        } else {
            None
        };
        PairRates {
            currencies: [a.to_owned(), b.to_owned()],
            base: base.to_owned(),
            rates,
            median,
        }
    }

    fn is_of(&self, a: &str, b: &str, base: &str) -> bool {
        let [x, y] = &self.currencies;
        self.base == base && ((x == a && y == b) || (x == b && y == a))
    }
}

/// The median of `values`, which it sorts.
fn median(values: &mut [Decimal]) -> Option<Decimal> {
    values.sort();
    values.get(values.len() / 2).copied()
}

fn currency_word(code: &str) -> &str {
    match code {
        "CNY" => "yuan",
        "USD" => "dollar",
        "EUR" => "euro",
        "GBP" => "pound",
        "JPY" => "yen",
        "HKD" => "Hong Kong dollar",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
rates:
  - { base: USD, quote: CNY, rate: 6.4577, on: 2021-09-03, tolerance: 1% }
";

    #[test]
    fn conversions_are_recomputed() {
        let text = "---\npublished: 2021-09-04\n---\nIt includes 20 billion yuan ($12.5 billion) for a fund.";
        assert_eq!(
            check(FACTS, text, "conversion-inconsistent"),
            ["error \"$12.5 billion\": 20 billion yuan is about $3.1 billion, not $12.5 billion"]
        );
        let right = "---\npublished: 2021-09-04\n---\nIt includes 20 billion yuan ($3.1 billion) for a fund.";
        assert!(check(FACTS, right, "conversion-inconsistent").is_empty());
    }

    #[test]
    fn a_conversion_after_a_change_may_be_of_the_figure_it_ends_at() {
        let text = |usd: &str| {
            format!(
                "---\npublished: 2021-09-04\n---\nIt paid 20 billion yuan this year, up from \
                 16 billion yuan, or {usd}, to the fund."
            )
        };
        let found = |usd: &str| check(FACTS, &text(usd), "conversion-inconsistent").len();
        // 20 billion yuan is $3.1 billion, 16 billion yuan $2.5 billion.
        assert_eq!(found("$3.1 billion"), 0);
        assert_eq!(found("$2.5 billion"), 0);
        assert_eq!(found("$2.8 billion"), 1);
    }

    #[test]
    fn about_in_a_conversion_owns_up_to_rounding_only() {
        let text = |usd: &str| {
            format!(
                "---\npublished: 2021-09-04\n---\nIt includes 20 billion yuan ({usd}) for a fund."
            )
        };
        let found = |usd: &str| check(FACTS, &text(usd), "conversion-inconsistent").len();
        // 20 billion yuan is $3.097 billion.
        assert_eq!(found("about $2.9 billion"), 1);
        assert_eq!(found("about $3.1 billion"), 0);
        assert_eq!(found("about $3 billion"), 0);
        // A bound converts as the figure it bounds.
        let bound = |usd: &str| {
            let text = format!(
                "---\npublished: 2021-09-04\n---\nIt includes up to 20 billion yuan ({usd}) for a fund."
            );
            check(FACTS, &text, "conversion-inconsistent").len()
        };
        assert_eq!(bound("$3.1 billion"), 0);
        assert_eq!(bound("$2.1 billion"), 1);
    }

    #[test]
    fn an_old_figure_is_converted_at_the_rate_of_the_day_of_writing() {
        let facts = format!(
            "{FACTS}quantities:\n  - {{ id: deal, subject: acme, what: the deal, cues: [deal], value: 20 billion CNY, date: 2019-05-01 }}\n"
        );
        let text = |usd: &str| {
            format!(
                "---\npublished: 2021-09-04\n---\nAcme signed the 20 billion yuan ({usd}) deal in 2019."
            )
        };
        assert_eq!(
            check(&facts, &text("$12.5 billion"), "conversion-inconsistent").len(),
            1
        );
        assert!(check(&facts, &text("$3.1 billion"), "conversion-inconsistent").is_empty());
    }

    #[test]
    fn a_figure_converted_into_another_currency_is_in_the_wrong_one() {
        let published = "---\npublished: 2021-09-04\n---\n";
        // No rate links yuan and pounds; 20 billion yuan is $3.1 billion.
        let text = format!("{published}It includes 20 billion yuan (£3.1 billion) for a fund.");
        assert_eq!(
            check(FACTS, &text, "conversion-inconsistent"),
            [
                "error \"£3.1 billion\": £3.1 billion is in the wrong currency: 20 billion yuan is about $3.1 billion"
            ]
        );
        // Any other figure in pounds cannot be checked.
        let text = format!("{published}It includes 20 billion yuan (£2.3 billion) for a fund.");
        assert!(check(FACTS, &text, "conversion-inconsistent").is_empty());
    }

    #[test]
    fn a_measure_and_its_conversion_agree_without_a_fact() {
        let facts = "entities:\n  - { id: acme, kind: organization, name: Acme }\n";
        assert_eq!(
            check(
                facts,
                "It lies 72 km (55 miles) offshore.",
                "conversion-inconsistent"
            ),
            ["error \"55 miles\": 72 km is about 45 miles, not 55 miles"]
        );
        for right in [
            "It lies 72 km (45 miles) offshore.",
            "A range of 7,400 km (4,600 miles).",
            "It covers 38,400 acres (15,540 hectares).",
            // Not a conversion: another dimension, or no parentheses.
            "It lies 72 km (55 tonnes) offshore.",
            "It lies 72 km, 55 miles from here.",
        ] {
            assert!(
                check(facts, right, "conversion-inconsistent").is_empty(),
                "{right}"
            );
        }
    }

    #[test]
    fn a_malformed_amount_is_read_in_the_other_currency() {
        let text = "---\npublished: 2021-09-04\n---\nIt includes $20 billion yuan ($12.5 billion) for a fund.";
        assert_eq!(check(FACTS, text, "conversion-inconsistent").len(), 1);
    }

    #[test]
    fn without_rates_the_article_is_its_own_reference() {
        let facts = "entities:\n  - { id: acme, kind: organization, name: Acme }\n";
        let text = "It pledged 100 billion yuan ($15.5 billion), including 20 billion yuan ($12.5 billion).";
        let found = check(facts, text, "conversion-inconsistent");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(
                "warning \"$12.5 billion\": $12.5 billion implies 1.6 yuan per dollar"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn with_three_conversions_the_one_far_from_the_median_is_reported() {
        let facts = "entities:\n  - { id: acme, kind: organization, name: Acme }\n";
        // Both ways round: "$ (yuan)" counts with "yuan ($)".
        let text = "It pledged 100 billion yuan ($15.5 billion), then 64 billion yuan \
                    ($10 billion), then $2 billion (13 billion yuan), and 20 billion yuan \
                    ($12.5 billion).";
        let found = check(facts, text, "conversion-inconsistent");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("warning \"$12.5 billion\""),
            "{found:?}"
        );
    }
}
