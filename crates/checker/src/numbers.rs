//! Numbers as intervals: a stated amount means every value that rounds (or
//! truncates) to it at its stated precision, widened by its hedge; a fact
//! converted between currencies is the interval its rates allow. Two amounts
//! agree when their intervals meet.

use claims::{Amount, Hedge};
use facts::{FactBase, FactDate, Rate, Scale, Unit};
use jiff::civil::Date;
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

/// The place of a number's last significant digit: 0.01 for "5.75", 1000
/// for "2,000", 100 for "12,500".
fn significant_unit(number: Decimal) -> Decimal {
    if number.scale() > 0 {
        return last_digit(number);
    }
    let mut unit = Decimal::ONE;
    let mut rest = number.abs().trunc();
    while !rest.is_zero() && (rest % Decimal::TEN).is_zero() {
        rest /= Decimal::TEN;
        unit *= Decimal::TEN;
    }
    unit
}

/// `claim` (the interval of `stated`) widened for a converted measure:
/// "7,400 km (4,600 miles)" rounds the conversion to its last significant
/// digit (4,598 miles), so 4,600 stands for 4,550 to 4,650.
pub fn widen_for_conversion(claim: Interval, stated: &Amount) -> Interval {
    let half = significant_unit(stated.number)
        .checked_mul(stated.scale.factor())
        .and_then(|u| u.checked_div(Decimal::TWO))
        .unwrap_or_default();
    Interval {
        lo: claim.lo.checked_sub(half).unwrap_or(claim.lo),
        hi: claim.hi.checked_add(half).unwrap_or(claim.hi),
    }
}

/// The values a stated amount stands for. "15.5 billion" is
/// [15.45, 15.55] billion: anything that rounds to it at the stated
/// precision. Hedges widen it.
pub fn stated_interval(amount: &Amount) -> Option<Interval> {
    hedged_interval(amount, amount.hedge, Decimal::TEN)
}

/// [`stated_interval`] of a bound as the figure it bounds: "up to
/// £10,000" stated of a cap is £10,000 at its precision.
pub fn bound_interval(amount: &Amount) -> Option<Interval> {
    hedged_interval(amount, Hedge::None, Decimal::TEN)
}

/// [`stated_interval`] of a side of a conversion, where "about" owns up
/// to the rounding of arithmetic rather than to a loose figure: "4.2
/// billion euros (about $4.5 billion)" is within a fortieth of $4.5
/// billion, not a tenth, so it is no conversion of $4.87 billion. A
/// bound converts as the figure it bounds: "up to 2.4 billion francs
/// ($2.84 billion)".
pub fn conversion_interval(amount: &Amount) -> Option<Interval> {
    let hedge = match amount.hedge {
        Hedge::About => Hedge::About,
        _ => Hedge::None,
    };
    hedged_interval(amount, hedge, Decimal::from(40))
}

/// The interval of `amount` under `hedge`, with "about" spread over a
/// `divisor`-th of its value at most.
fn hedged_interval(amount: &Amount, hedge: Hedge, divisor: Decimal) -> Option<Interval> {
    let factor = amount.scale.factor();
    let n = amount.number;
    // "84,000 cars" of 84,312, "138,400 in the United States" of
    // 138,420: a whole number of five digits or more rounded to the
    // hundred or the thousand stands for what rounds to it there, within a
    // hundredth of it. ("190,000" is no rounding of 186,000, "1,000" of
    // 1,400, "4,500" of 4,480, nor "$15 billion" of 15.49 billion.)
    let rounded = |n: Decimal| {
        // Asked only of whole numbers of five digits or more.
        if n.scale() > 0 || n.abs() < Decimal::from(10_000) {
            return None;
        }
        let round = significant_unit(n);
        (round >= Decimal::ONE_HUNDRED && n.abs() >= round.checked_mul(Decimal::TEN)?)
            .then(|| (round / Decimal::TWO).min(n.abs() / Decimal::ONE_HUNDRED))
    };
    // "a third": within a twelfth of its share either way, as news rounds
    // a share to the nearest fraction ("a third" of 34.6%).
    let half = match rounded(n) {
        _ if amount.fraction => n.checked_div(Decimal::from(12))?,
        Some(half) => half,
        None => last_digit(n).checked_div(Decimal::TWO)?,
    };
    // A bound on a fraction is on the fraction itself: "more than half"
    // is no 48%.
    let edge = if amount.fraction {
        n.checked_div(Decimal::from(50))?
    } else {
        half
    };
    let times = |k: Decimal| n.checked_mul(k);
    // Amounts come from untrusted text: every operation is checked, and an
    // amount too large to reason about has no interval.
    let (lo, hi) = match hedge {
        Hedge::None => (n.checked_sub(half)?, n.checked_add(half)?),
        // "about 15 billion": within a tenth either way, but no more than
        // five of its last significant digit: "about 5.75%" is 5.70% to
        // 5.80%, a precise figure hedged, not 5.2% to 6.3%.
        Hedge::About if amount.fraction => {
            let spread = n.checked_div(Decimal::from(8))?;
            (n.checked_sub(spread)?, n.checked_add(spread)?)
        }
        Hedge::About => {
            // A figure that ends in a digit other than 0 or 5 is precise
            // already: "roughly 78%" is within three of it, no 82%.
            let unit = significant_unit(n);
            let last = (n.abs() / unit).trunc() % Decimal::TEN;
            let round = last.is_zero() || last == Decimal::from(5);
            let units = if round { 5 } else { 3 };
            let spread = n
                .abs()
                .checked_div(divisor)?
                .min(unit.checked_mul(Decimal::from(units))?);
            (
                n.checked_sub(half)?.min(n.checked_sub(spread)?),
                n.checked_add(half)?.max(n.checked_add(spread)?),
            )
        }
        Hedge::MoreThan | Hedge::AtLeast => (
            n.checked_sub(edge)?,
            times(Decimal::TWO)?.checked_add(edge)?,
        ),
        Hedge::Nearly => (times(Decimal::new(75, 2))?, n.checked_add(edge)?),
        // "up to 5,000 workers" is a maximum near its figure, no 800.
        Hedge::UpTo => (times(Decimal::new(5, 1))?, n.checked_add(edge)?),
        Hedge::LessThan => (Decimal::ZERO, n.checked_add(edge)?),
    };
    Some(Interval {
        lo: lo.checked_mul(factor)?,
        hi: hi.checked_mul(factor)?,
    })
}

/// How many days apart two dates are, at worst.
fn days_apart(a: &FactDate, b: &FactDate) -> i64 {
    days_between((a.first_day(), a.last_day()), (b.first_day(), b.last_day()))
}

/// [`days_apart`] of two dates given by their first and last days.
fn days_between((a0, a1): (Date, Date), (b0, b1): (Date, Date)) -> i64 {
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
    near_of(base.rates_between(from, to), date)
}

/// [`rates_near`] among `all`, the rates between the two currencies.
fn near_of<'a>(mut all: Vec<&'a Rate>, date: Option<&FactDate>) -> (Vec<&'a Rate>, bool) {
    let Some(date) = date else {
        return (all, false);
    };
    // Each rate's distance, computed once (calendar days are not free)
    // for the two windows and the nearest; on the stack for the few rates
    // a pair of currencies has. The answer is kept in `all`'s buffer.
    let (b0, b1) = (date.first_day(), date.last_day());
    let mut stack = [0i64; 32];
    let mut heap = Vec::new();
    let days: &mut [i64] = match stack.get_mut(..all.len()) {
        Some(days) => days,
        None => {
            heap.resize(all.len(), 0);
            &mut heap
        }
    };
    for (d, r) in days.iter_mut().zip(&all) {
        *d = days_between((r.on.first_day(), r.on.last_day()), (b0, b1));
    }
    let Some(&closest) = days.iter().min() else {
        // No rate at all: none is near.
        return (all, true);
    };
    if closest > 31 {
        // The first of the nearest, as `min_by_key` picks it.
        let nearest = days.iter().position(|d| *d == closest).unwrap_or(0);
        all.swap(0, nearest);
        all.truncate(1);
        return (all, true);
    }
    let window = if closest <= 7 { 7 } else { 31 };
    let mut k = 0;
    all.retain(|_| {
        let keep = days.get(k).is_some_and(|d| *d <= window);
        k += 1;
        keep
    });
    (all, false)
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
    render_rounded(value, like, false)
}

/// [`render_like`] for a value that is exact (a fact's, a sum of stated
/// parts) rather than computed: one decimal more than the article's is
/// written whole. "5.25%" like "5.5%" stays "5.25%", as a rate rounded to
/// "5.3%" would be a figure nobody announced.
pub fn render_exact_like(value: Decimal, like: &Amount) -> String {
    render_rounded(value, like, true)
}

fn render_rounded(value: Decimal, like: &Amount, one_more: bool) -> String {
    let mut scale = like.scale;
    let mut scaled = value.checked_div(scale.factor()).unwrap_or(value);
    // Under another scale word the value reads as news copy would write
    // it ("5 billion", not "5000 million"; "4 million", not "0.00 billion").
    let thousand = Decimal::from(1000);
    loop {
        let (bigger, smaller) = match scale {
            Scale::Million => (Some(Scale::Billion), None),
            Scale::Billion => (Some(Scale::Trillion), Some(Scale::Million)),
            Scale::Trillion => (None, Some(Scale::Billion)),
            Scale::One | Scale::Thousand => (None, None),
        };
        match (bigger, smaller) {
            (Some(b), _) if scaled.abs() >= thousand => {
                scale = b;
                scaled /= thousand;
            }
            (_, Some(s)) if scaled.abs() < Decimal::ONE && !scaled.is_zero() => {
                scale = s;
                scaled *= thousand;
            }
            // Under a thousandth of a million, the figure is written whole
            // ("$46.90", not "$0 million").
            _ if scale == Scale::Million
                && scaled.abs() < Decimal::new(1, 3)
                && !scaled.is_zero() =>
            {
                scale = Scale::One;
                scaled *= Decimal::from(1_000_000);
            }
            _ => break,
        }
    }
    let mut digits = like.number.scale();
    // A figure smaller than the article's last digit keeps its first
    // significant digit ("0.25 percentage points", not "0").
    while digits < 12 && !scaled.is_zero() && scaled.round_dp(digits).is_zero() {
        digits += 1;
    }
    let digits = if one_more && scaled.normalize().scale() == digits + 1 {
        digits + 1
    } else {
        digits
    };
    let scaled =
        scaled.round_dp_with_strategy(digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    render(scaled, scale, like.unit.as_ref())
}

/// Writes a number with its scale word and unit in news style.
pub fn render(number: Decimal, scale: Scale, unit: Option<&Unit>) -> String {
    let mut out = String::with_capacity(32);
    render_into(&mut out, number, scale, unit);
    out
}

/// [`render`], appended to `out`: diagnostics build their sentences in one
/// buffer instead of formatting pieces and copying them.
pub fn render_into(out: &mut String, number: Decimal, scale: Scale, unit: Option<&Unit>) {
    let scale_word = |out: &mut String| {
        if let Some(w) = scale.word() {
            out.push(' ');
            out.push_str(w);
        }
    };
    match unit {
        Some(Unit::Currency(code)) => {
            let (prefix, suffix) = match code.as_str() {
                "USD" => ("$", None),
                "CNY" => ("", Some("yuan")),
                "JPY" => ("", Some("yen")),
                "INR" => ("", Some("rupees")),
                "EUR" => ("€", None),
                "GBP" => ("£", None),
                "HKD" => ("HK$", None),
                other => ("", Some(other)),
            };
            out.push_str(prefix);
            push_grouped(out, number);
            scale_word(out);
            if let Some(suffix) = suffix {
                out.push(' ');
                out.push_str(suffix);
            }
        }
        Some(Unit::Percent) => {
            push_grouped(out, number);
            out.push('%');
        }
        Some(Unit::Noun(noun)) => {
            push_grouped(out, number);
            scale_word(out);
            out.push(' ');
            out.push_str(noun);
        }
        None => {
            push_grouped(out, number);
            scale_word(out);
        }
    }
}

/// [`push_decimal`] with the thousands of the whole part grouped by
/// commas, as news copy writes them ("$250,000", "1,850 kilograms").
pub fn push_grouped(out: &mut String, number: Decimal) {
    let start = out.len();
    push_decimal(out, number);
    let digits_start = start + usize::from(out.as_bytes().get(start) == Some(&b'-'));
    let whole_end = out
        .get(digits_start..)
        .and_then(|d| d.find('.'))
        .map_or(out.len(), |i| digits_start + i);
    let whole = whole_end.saturating_sub(digits_start);
    if whole <= 3 {
        return;
    }
    let mut at = whole_end;
    while at > digits_start + 3 {
        at -= 3;
        out.insert(at, ',');
    }
}

/// A fact's amount written in news style at its own precision.
pub fn render_fact(amount: &facts::Amount) -> String {
    render(amount.number, amount.scale, Some(&amount.unit))
}

/// [`render_fact`], appended to `out`.
pub fn render_fact_into(out: &mut String, amount: &facts::Amount) {
    render_into(out, amount.number, amount.scale, Some(&amount.unit));
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

/// Appends `number` exactly as its `Display` writes it without a precision
/// (every digit of its scale, `-` for any negative value, negative zero
/// included), without the formatting machinery.
pub fn push_decimal(out: &mut String, number: Decimal) {
    if number.is_sign_negative() {
        out.push('-');
    }
    let scale = number.scale() as usize;
    // Digits, least significant first, then zeros up to the scale.
    let mut digits = [b'0'; 40];
    let mut len = 0;
    let mantissa = number.mantissa().unsigned_abs();
    if let Ok(mut m) = u64::try_from(mantissa) {
        while m != 0 {
            if let Some(d) = digits.get_mut(len) {
                *d = b'0' + (m % 10) as u8;
            }
            m /= 10;
            len += 1;
        }
    } else {
        let mut m = mantissa;
        while m != 0 {
            if let Some(d) = digits.get_mut(len) {
                *d = b'0' + (m % 10) as u8;
            }
            m /= 10;
            len += 1;
        }
    }
    let len = len.max(scale).min(digits.len());
    if len == 0 {
        out.push('0');
        return;
    }
    let whole = len - scale.min(len);
    if whole == 0 {
        out.push('0');
    }
    for (i, &d) in digits.iter().take(len).rev().enumerate() {
        if i == whole {
            out.push('.');
        }
        out.push(char::from(d));
    }
}

/// Appends the decimal digits of `n`, with `-` when negative, as its
/// `Display` writes it.
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_uint(out, n.unsigned_abs());
}

/// Appends the decimal digits of `n`, as its `Display` writes it.
pub fn push_uint(out: &mut String, n: u64) {
    let mut m = n;
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + (m % 10) as u8;
        }
        len += 1;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    for &d in digits.iter().take(len).rev() {
        out.push(char::from(d));
    }
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
            fraction: false,
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
        // Rounded to the thousand or the hundred, within a hundredth.
        assert!(agrees("84000", Hedge::None, "84312"));
        assert!(!agrees("84000", Hedge::None, "84512"));
        assert!(!agrees("190000", Hedge::None, "186000"));
        assert!(!agrees("1000", Hedge::None, "1400"));
        assert!(agrees("138400", Hedge::None, "138420"));
        assert!(agrees("12500", Hedge::None, "12480"));
        assert!(!agrees("12500", Hedge::None, "12380"));
        // Four digits state every one of them.
        assert!(!agrees("4500", Hedge::None, "4480"));
    }

    #[test]
    fn hedges_widen_the_interval() {
        assert!(agrees("300", Hedge::MoreThan, "310"));
        assert!(!agrees("300", Hedge::MoreThan, "250"));
        assert!(agrees("15", Hedge::About, "15.49"));
        assert!(agrees("15", Hedge::About, "16.4"));
        assert!(agrees("2000", Hedge::About, "2122"));
        // A figure ending in 0 or 5 is rounded, up to five of its last
        // digit away; another is precise, up to three.
        assert!(agrees("5.5", Hedge::About, "5.9"));
        assert!(agrees("5.4", Hedge::About, "5.7"));
        assert!(!agrees("5.4", Hedge::About, "5.8"));
        assert!(agrees("80", Hedge::About, "84"));
        assert!(!agrees("78", Hedge::About, "82"));
        assert!(!agrees("5.75", Hedge::About, "5.25"));
        assert!(agrees("5.75", Hedge::About, "5.79"));
        assert!(agrees("300", Hedge::Nearly, "290"));
        assert!(!agrees("300", Hedge::Nearly, "320"));
    }

    proptest::proptest! {
        #[test]
        fn push_decimal_is_display(
            lo in proptest::prelude::any::<u32>(),
            mid in proptest::prelude::any::<u32>(),
            hi in proptest::prelude::any::<u32>(),
            small in 0u32..5,
            negative in proptest::prelude::any::<bool>(),
            scale in 0u32..=28,
        ) {
            // Small mantissas (the common case, the u64 path) as well as
            // ones of all 96 bits.
            let (mid, hi) = match small { 0 => (0, 0), 1 => (mid, 0), _ => (mid, hi) };
            let lo = if small == 4 { 0 } else { lo };
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            let mut out = String::from("x");
            push_decimal(&mut out, d);
            proptest::prop_assert_eq!(out, format!("x{d}"));
        }

        #[test]
        fn push_int_is_display(n in proptest::prelude::any::<i64>()) {
            let mut out = String::new();
            push_int(&mut out, n);
            proptest::prop_assert_eq!(out, n.to_string());
        }
    }

    /// `rates_near` as first written: the distances computed per window.
    fn near_reference<'a>(all: Vec<&'a Rate>, date: Option<&FactDate>) -> (Vec<&'a Rate>, bool) {
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

    fn fact_date(day: u16, precision: u8) -> FactDate {
        // Days from 2021-01-01, at day, month or year precision.
        let d = jiff::civil::date(2021, 1, 1)
            .checked_add(jiff::Span::new().days(i64::from(day)))
            .unwrap();
        match precision {
            0 => FactDate::day(d.year(), d.month(), d.day()),
            1 => FactDate::month(d.year(), d.month()),
            _ => FactDate::year(d.year()),
        }
        .unwrap()
    }

    proptest::proptest! {
        #[test]
        fn rates_near_is_the_reference(
            rates in proptest::collection::vec((0u16..800, 0u8..3), 0..40),
            date in proptest::option::of((0u16..800, 0u8..3)),
        ) {
            let rates: Vec<Rate> = rates
                .iter()
                .enumerate()
                .map(|(i, &(day, precision))| Rate {
                    id: format!("r{i}"),
                    base: "USD".into(),
                    quote: "CNY".into(),
                    rate: Decimal::ONE,
                    on: fact_date(day, precision),
                    tolerance: Decimal::ZERO,
                    source: None,
                    origin: facts::Origin { file: "f".into(), line: 1, column: 1 },
                })
                .collect();
            let all: Vec<&Rate> = rates.iter().collect();
            let date = date.map(|(day, precision)| fact_date(day, precision));
            let ids = |(v, far): (Vec<&Rate>, bool)| (v.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), far);
            proptest::prop_assert_eq!(
                ids(near_of(all.clone(), date.as_ref())),
                ids(near_reference(all, date.as_ref()))
            );
        }
    }

    #[test]
    fn push_decimal_edges() {
        for d in [
            Decimal::ZERO,
            Decimal::from_parts(0, 0, 0, true, 0),
            Decimal::from_parts(0, 0, 0, true, 3),
            Decimal::from_parts(0, 0, 0, false, 28),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(5, 2),
            Decimal::new(-5, 28),
            Decimal::new(i64::MIN, 0),
            Decimal::from_parts(u32::MAX, u32::MAX, 0, false, 0),
            Decimal::from_parts(0, 0, 1, false, 0),
        ] {
            let mut out = String::new();
            push_decimal(&mut out, d);
            assert_eq!(out, d.to_string());
        }
        for n in [0, -1, 9, 10, i64::MIN, i64::MAX] {
            let mut out = String::new();
            push_int(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        let mut out = String::new();
        push_uint(&mut out, u64::MAX);
        assert_eq!(out, u64::MAX.to_string());
    }

    /// The format each unit had before rendering wrote into one buffer.
    fn render_reference(number: Decimal, scale: Scale, unit: Option<&Unit>) -> String {
        let scale_word = scale.word().map(|w| format!(" {w}")).unwrap_or_default();
        match unit {
            Some(Unit::Currency(code)) => match code.as_str() {
                "USD" => format!("${number}{scale_word}"),
                "CNY" => format!("{number}{scale_word} yuan"),
                "JPY" => format!("{number}{scale_word} yen"),
                "INR" => format!("{number}{scale_word} rupees"),
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

    #[test]
    fn render_matches_the_reference() {
        let units = [
            None,
            Some(Unit::Percent),
            Some(Unit::Noun("users".into())),
            Some(Unit::Currency("USD".into())),
            Some(Unit::Currency("CNY".into())),
            Some(Unit::Currency("EUR".into())),
            Some(Unit::Currency("GBP".into())),
            Some(Unit::Currency("HKD".into())),
            Some(Unit::Currency("JPY".into())),
        ];
        let scales = [
            Scale::One,
            Scale::Thousand,
            Scale::Million,
            Scale::Billion,
            Scale::Trillion,
        ];
        for number in [Decimal::new(155, 1), Decimal::new(-3, 0), Decimal::ZERO] {
            for &scale in &scales {
                for unit in &units {
                    assert_eq!(
                        render(number, scale, unit.as_ref()),
                        render_reference(number, scale, unit.as_ref())
                    );
                }
            }
        }
    }

    #[test]
    fn rendering_follows_the_article() {
        let like = amount("12.5", Scale::Billion, Hedge::None);
        let value = Decimal::from_str("3097078526").unwrap();
        assert_eq!(render_like(value, &like), "$3.1 billion");
        // An exact value one decimal longer than the article's is written
        // whole; two decimals longer, or computed, it is rounded.
        let value = Decimal::from_str("3125000000").unwrap();
        assert_eq!(render_exact_like(value, &like), "$3.1 billion");
        let value = Decimal::from_str("3150000000").unwrap();
        assert_eq!(render_exact_like(value, &like), "$3.15 billion");
        assert_eq!(render_like(value, &like), "$3.2 billion");
        // Another scale word where the article's would read oddly.
        let value = Decimal::from_str("5000000000000").unwrap();
        assert_eq!(render_like(value, &like), "$5 trillion");
        let value = Decimal::from_str("4500000").unwrap();
        assert_eq!(render_like(value, &like), "$4.5 million");
        assert_eq!(
            render_value(
                Decimal::from_str("20000000000").unwrap(),
                Some(&Unit::Currency("CNY".into())),
                2
            ),
            "20 billion yuan"
        );
        // Thousands are grouped, as news copy writes them.
        let like = amount("250000", Scale::One, Hedge::None);
        let value = Decimal::from_str("250000").unwrap();
        assert_eq!(render_exact_like(value, &like), "$250,000");
        let mut out = String::new();
        push_grouped(&mut out, Decimal::from_str("-1234567.891").unwrap());
        assert_eq!(out, "-1,234,567.891");
        // A figure far below the article's scale or last digit keeps its
        // significant digits.
        let like = amount("350", Scale::Million, Hedge::None);
        let value = Decimal::from_str("46.90").unwrap();
        assert_eq!(render_exact_like(value, &like), "$46.9");
        let like = amount("25", Scale::One, Hedge::None);
        let value = Decimal::from_str("0.25").unwrap();
        assert_eq!(render_exact_like(value, &like), "$0.25");
    }
}
