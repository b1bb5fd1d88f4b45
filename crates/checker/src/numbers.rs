//! Numbers as intervals: a stated amount means every value that rounds (or
//! truncates) to it at its stated precision, widened by its hedge; a fact
//! converted between currencies is the interval its rates allow. Two amounts
//! agree when their intervals meet.

use claims::{Amount, Hedge};
use facts::{FactBase, FactDate, Rate, Scale, Unit};
use rust_decimal::Decimal;

/// A closed interval of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// Lowest value.
    pub lo: Decimal,
    /// Highest value.
    pub hi: Decimal,
}

impl Interval {
    /// A single value.
    pub fn exact(v: Decimal) -> Interval {
        Interval { lo: v, hi: v }
    }

    /// Whether the two intervals meet.
    pub fn meets(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

/// One unit of the last stated digit: 0.1 for "15.5", 1 for "100".
fn last_digit(number: Decimal) -> Decimal {
    Decimal::new(1, number.scale())
}

/// The values a stated amount stands for. "15.5 billion" is
/// [15.45, 15.55] billion: anything that rounds to it at the stated
/// precision. Hedges widen it.
pub fn stated_interval(amount: &Amount) -> Option<Interval> {
    let factor = amount.scale.factor();
    let n = amount.number;
    let unit = last_digit(n);
    let half = unit.checked_div(Decimal::TWO)?;
    let times = |k: Decimal| n.checked_mul(k);
    // Amounts come from untrusted text: every operation is checked, and an
    // amount too large to reason about has no interval.
    let (lo, hi) = match amount.hedge {
        Hedge::None => (n.checked_sub(half)?, n.checked_add(half)?),
        // "about 15 billion": within a tenth either way.
        Hedge::About => (
            n.checked_sub(half)?.min(times(Decimal::new(9, 1))?),
            n.checked_add(half)?.max(times(Decimal::new(11, 1))?),
        ),
        Hedge::MoreThan | Hedge::AtLeast => (
            n.checked_sub(half)?,
            times(Decimal::TWO)?.checked_add(half)?,
        ),
        Hedge::Nearly => (times(Decimal::new(75, 2))?, n.checked_add(half)?),
        Hedge::UpTo | Hedge::LessThan => (Decimal::ZERO, n.checked_add(half)?),
    };
    Some(Interval {
        lo: lo.checked_mul(factor)?,
        hi: hi.checked_mul(factor)?,
    })
}

/// How many days apart two dates are, at worst.
fn days_apart(a: &FactDate, b: &FactDate) -> i64 {
    let (a0, a1) = (a.first_day(), a.last_day());
    let (b0, b1) = (b.first_day(), b.last_day());
    if a1 < b0 {
        i64::from((b0 - a1).get_days())
    } else if b1 < a0 {
        i64::from((a0 - b1).get_days())
    } else {
        0
    }
}

/// The rates used to convert between `from` and `to` around `date`: those
/// within a week, else within a month, else the nearest one. The second
/// value is true when the nearest rate is more than a month away, which is
/// too far to call a conversion wrong.
pub fn rates_near<'a>(
    base: &'a FactBase,
    from: &str,
    to: &str,
    date: Option<&FactDate>,
) -> (Vec<&'a Rate>, bool) {
    let all: Vec<&Rate> = base.rates_between(from, to);
    let Some(date) = date else {
        return (all, false);
    };
    for window in [7, 31] {
        let near: Vec<&Rate> = all
            .iter()
            .copied()
            .filter(|r| days_apart(&r.on, date) <= window)
            .collect();
        if !near.is_empty() {
            return (near, false);
        }
    }
    let nearest = all.iter().copied().min_by_key(|r| days_apart(&r.on, date));
    (nearest.into_iter().collect(), true)
}

/// `value` in `from` converted to `to` through `rates`, as an interval over
/// the rates and their tolerances.
pub fn convert(value: Interval, from: &str, to: &str, rates: &[&Rate]) -> Option<Interval> {
    let mut lo: Option<Decimal> = None;
    let mut hi: Option<Decimal> = None;
    for r in rates {
        // quote units per base unit; tolerance widens the rate both ways.
        let low_rate = r.rate.checked_mul(Decimal::ONE - r.tolerance)?;
        let high_rate = r.rate.checked_mul(Decimal::ONE + r.tolerance)?;
        let (a, b) = if r.base == from && r.quote == to {
            (
                value.lo.checked_mul(low_rate)?,
                value.hi.checked_mul(high_rate)?,
            )
        } else if r.base == to && r.quote == from {
            (
                value.lo.checked_div(high_rate)?,
                value.hi.checked_div(low_rate)?,
            )
        } else {
            continue;
        };
        lo = Some(lo.map_or(a, |l| l.min(a)));
        hi = Some(hi.map_or(b, |h| h.max(b)));
    }
    Some(Interval { lo: lo?, hi: hi? })
}

/// The best single rate for explanations: the one closest to the date.
pub fn central_rate<'a>(rates: &[&'a Rate], date: Option<&FactDate>) -> Option<&'a Rate> {
    rates
        .iter()
        .copied()
        .min_by_key(|r| date.map_or(0, |d| days_apart(&r.on, d)))
}

/// `value` in `from` converted to `to` at one rate.
pub fn convert_at(value: Decimal, from: &str, to: &str, rate: &Rate) -> Option<Decimal> {
    if rate.base == from && rate.quote == to {
        value.checked_mul(rate.rate)
    } else if rate.base == to && rate.quote == from {
        value.checked_div(rate.rate)
    } else {
        None
    }
}

/// Writes `value` the way the article wrote `like`: same scale word, same
/// number of decimals, same currency style. "15.485e9" like "$15.5 billion"
/// gives "$15.5 billion".
pub fn render_like(value: Decimal, like: &Amount) -> String {
    let scale = like.scale;
    let digits = like.number.scale();
    let scaled = value
        .checked_div(scale.factor())
        .unwrap_or(value)
        .round_dp_with_strategy(digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    render(scaled, scale, like.unit.as_ref())
}

/// Writes a number with its scale word and unit in news style.
pub fn render(number: Decimal, scale: Scale, unit: Option<&Unit>) -> String {
    let scale_word = scale.word().map(|w| format!(" {w}")).unwrap_or_default();
    match unit {
        Some(Unit::Currency(code)) => match code.as_str() {
            "USD" => format!("${number}{scale_word}"),
            "CNY" => format!("{number}{scale_word} yuan"),
            "EUR" => format!("€{number}{scale_word}"),
            "GBP" => format!("£{number}{scale_word}"),
            "HKD" => format!("HK${number}{scale_word}"),
            other => format!("{number}{scale_word} {other}"),
        },
        Some(Unit::Percent) => format!("{number}%"),
        Some(Unit::Noun(noun)) => format!("{number}{scale_word} {noun}"),
        None => format!("{number}{scale_word}"),
    }
}

/// A fact's amount written in news style at its own precision.
pub fn render_fact(amount: &facts::Amount) -> String {
    render(amount.number, amount.scale, Some(&amount.unit))
}

/// Writes `value` at the largest fitting scale with up to `digits` decimals.
pub fn render_value(value: Decimal, unit: Option<&Unit>, digits: u32) -> String {
    let scale = Scale::for_value(value);
    let number = value
        .checked_div(scale.factor())
        .unwrap_or(value)
        .round_dp_with_strategy(digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    render(number, scale, unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn amount(number: &str, scale: Scale, hedge: Hedge) -> Amount {
        Amount {
            span: 0..0,
            number: Decimal::from_str(number).unwrap(),
            scale,
            unit: Some(Unit::Currency("USD".into())),
            hedge,
            hedge_span: None,
            ambiguous_currency: false,
        }
    }

    fn agrees(stated: &str, hedge: Hedge, fact: &str) -> bool {
        let i = stated_interval(&amount(stated, Scale::One, hedge)).unwrap();
        i.meets(&Interval::exact(Decimal::from_str(fact).unwrap()))
    }

    #[test]
    fn stated_precision_is_an_interval() {
        assert!(agrees("15.5", Hedge::None, "15.49"));
        assert!(agrees("15.5", Hedge::None, "15.45"));
        assert!(agrees("15.48", Hedge::None, "15.485"), "half a unit away");
        assert!(
            agrees("15", Hedge::None, "15.49"),
            "rounded at its precision"
        );
        assert!(!agrees("100", Hedge::None, "50"));
        assert!(
            !agrees("15.5", Hedge::None, "15.56"),
            "more than half a unit off"
        );
        assert!(agrees("15.5", Hedge::None, "15.54"));
        assert!(
            !agrees("15.50", Hedge::None, "15.54"),
            "15.50 states two decimals"
        );
    }

    #[test]
    fn hedges_widen_the_interval() {
        assert!(agrees("300", Hedge::MoreThan, "310"));
        assert!(!agrees("300", Hedge::MoreThan, "250"));
        assert!(agrees("15", Hedge::About, "15.49"));
        assert!(agrees("300", Hedge::Nearly, "290"));
        assert!(!agrees("300", Hedge::Nearly, "320"));
    }

    #[test]
    fn rendering_follows_the_article() {
        let like = amount("12.5", Scale::Billion, Hedge::None);
        let value = Decimal::from_str("3097078526").unwrap();
        assert_eq!(render_like(value, &like), "$3.1 billion");
        assert_eq!(
            render_value(
                Decimal::from_str("20000000000").unwrap(),
                Some(&Unit::Currency("CNY".into())),
                2
            ),
            "20 billion yuan"
        );
    }
}
