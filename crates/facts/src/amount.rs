//! Amounts as the facts write them: `100 billion CNY`, `89 percent`,
//! `68.7 million donations`.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

/// Active ISO 4217 currency codes.
const ISO_CURRENCIES: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB \
BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD \
FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR \
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR \
MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK \
SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES \
VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL";

/// Whether `code` is an active ISO 4217 currency code.
pub fn is_currency(code: &str) -> bool {
    code.len() == 3 && ISO_CURRENCIES.split(' ').any(|c| c == code)
}

/// A power-of-ten multiplier written as a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scale {
    /// No scale word.
    One,
    /// Thousand (10^3).
    Thousand,
    /// Million (10^6).
    Million,
    /// Billion (10^9, short scale as in English news copy).
    Billion,
    /// Trillion (10^12).
    Trillion,
}

impl Scale {
    /// The multiplier.
    pub fn factor(self) -> Decimal {
        match self {
            Scale::One => Decimal::ONE,
            Scale::Thousand => Decimal::from(1_000u32),
            Scale::Million => Decimal::from(1_000_000u32),
            Scale::Billion => Decimal::from(1_000_000_000u64),
            Scale::Trillion => Decimal::from(1_000_000_000_000u64),
        }
    }

    /// The scale word, or `None` for [`Scale::One`].
    pub fn word(self) -> Option<&'static str> {
        match self {
            Scale::One => None,
            Scale::Thousand => Some("thousand"),
            Scale::Million => Some("million"),
            Scale::Billion => Some("billion"),
            Scale::Trillion => Some("trillion"),
        }
    }

    /// Reads a full scale word.
    pub fn from_word(word: &str) -> Option<Scale> {
        match word {
            "thousand" => Some(Scale::Thousand),
            "million" => Some(Scale::Million),
            "billion" => Some(Scale::Billion),
            "trillion" => Some(Scale::Trillion),
            _ => None,
        }
    }

    /// The largest scale word that keeps `value` at or above 1, for display.
    pub fn for_value(value: Decimal) -> Scale {
        let abs = value.abs();
        [Scale::Trillion, Scale::Billion, Scale::Million]
            .into_iter()
            .find(|s| abs >= s.factor())
            .unwrap_or(Scale::One)
    }
}

/// What an amount counts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Money in an ISO 4217 currency.
    Currency(String),
    /// A percentage.
    Percent,
    /// A count of things, named by a plural noun (`users`, `donations`),
    /// or a measure, named by its canonical noun (see [`crate::measure`]).
    Noun(String),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Currency(code) => f.write_str(code),
            Unit::Percent => f.write_str("percent"),
            Unit::Noun(noun) => f.write_str(noun),
        }
    }
}

/// An amount with its stated precision: `number` keeps the digits as written
/// (so `15.50` keeps two decimal places), `scale` the scale word.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Amount {
    /// The number as written, before the scale word.
    pub number: Decimal,
    /// The scale word.
    pub scale: Scale,
    /// What is counted.
    pub unit: Unit,
}

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// The text does not have the shape `<number> [scale] <unit>`.
    Shape(String),
    /// The unit is neither a known currency, `percent`, nor a lowercase noun.
    UnknownUnit(String),
    /// The value is too large to represent.
    Overflow(String),
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmountError::Shape(text) => write!(
                f,
                "`{text}` is not an amount: write `<number> [thousand|million|billion|trillion] <unit>`"
            ),
            AmountError::UnknownUnit(unit) => write!(
                f,
                "unknown unit `{unit}`: use an ISO 4217 currency code (USD, CNY, EUR...), `percent`, or a lowercase plural noun (an acronym's plural, `SUVs`, may keep its capitals)"
            ),
            AmountError::Overflow(text) => write!(f, "`{text}` is too large"),
        }
    }
}

/// Reads a plain decimal number written with ASCII digits, an optional
/// leading minus and at most one decimal point. No exponent, no separators.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut points = 0;
    let valid = !digits.is_empty()
        && digits.bytes().all(|b| {
            if b == b'.' {
                points += 1;
                true
            } else {
                b.is_ascii_digit()
            }
        })
        && points <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    if !valid {
        return None;
    }
    Decimal::from_str(text).ok()
}

impl Amount {
    /// The full value: the number times the scale.
    pub fn value(&self) -> Option<Decimal> {
        self.number.checked_mul(self.scale.factor())
    }

    /// Reads `100 billion CNY`, `89 percent`, `241391 vehicles`.
    pub fn parse(text: &str) -> Result<Self, AmountError> {
        let text = text.trim();
        let mut words = text.split_whitespace();
        let shape = || AmountError::Shape(text.to_owned());
        let number = words.next().ok_or_else(shape)?;
        let (number, percent_sign) = match number.strip_suffix('%') {
            Some(n) => (n, true),
            None => (number, false),
        };
        let number = parse_decimal(number).ok_or_else(shape)?;
        let rest: Vec<&str> = words.collect();
        let (scale, unit_words) = match rest.split_first() {
            Some((first, tail)) => match Scale::from_word(first) {
                Some(scale) => (scale, tail),
                None => (Scale::One, rest.as_slice()),
            },
            None => (Scale::One, rest.as_slice()),
        };
        let unit_text = unit_words.join(" ");
        let unit = if percent_sign {
            if !unit_text.is_empty() {
                return Err(shape());
            }
            Unit::Percent
        } else {
            parse_unit(&unit_text)?
        };
        let amount = Amount {
            number,
            scale,
            unit,
        };
        amount
            .value()
            .ok_or_else(|| AmountError::Overflow(text.to_owned()))?;
        Ok(amount)
    }
}

fn parse_unit(text: &str) -> Result<Unit, AmountError> {
    if text.is_empty() {
        return Err(AmountError::UnknownUnit(String::new()));
    }
    if text == "percent" || text == "%" {
        return Ok(Unit::Percent);
    }
    if let Some(measure) = crate::measure::measure(text) {
        return Ok(Unit::Noun(measure.noun.to_owned()));
    }
    if text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase()) {
        return if is_currency(text) {
            Ok(Unit::Currency(text.to_owned()))
        } else {
            Err(AmountError::UnknownUnit(text.to_owned()))
        };
    }
    let is_noun = text.split(' ').all(|w| {
        !w.is_empty() && (w.chars().all(|c| c.is_lowercase() || c == '-') || acronym_plural(w))
    });
    if is_noun {
        // Lowercased, as the claims read a counted acronym ("4.35 million
        // TEUs" counts `teus`).
        Ok(Unit::Noun(text.to_ascii_lowercase()))
    } else {
        Err(AmountError::UnknownUnit(text.to_owned()))
    }
}

/// "SUVs", "TEUs", "EVs": the plural of an acronym is a plural noun as
/// newsrooms write it.
fn acronym_plural(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.len() >= 2
            && stem
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && stem.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
    })
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number)?;
        if let Some(word) = self.scale.word() {
            write!(f, " {word}")?;
        }
        write!(f, " {}", self.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_their_precision_and_scale() {
        let a = Amount::parse("23.046 billion CNY").unwrap();
        assert_eq!(a.number.to_string(), "23.046");
        assert_eq!(a.scale, Scale::Billion);
        assert_eq!(a.unit, Unit::Currency("CNY".into()));
        assert_eq!(a.value().unwrap().to_string(), "23046000000.000");
        assert_eq!(a.to_string(), "23.046 billion CNY");
        assert_eq!(
            Amount::parse("15.50 USD").unwrap().number.scale(),
            2,
            "trailing zeros are stated precision"
        );
    }

    #[test]
    fn units() {
        assert_eq!(Amount::parse("89 percent").unwrap().unit, Unit::Percent);
        assert_eq!(Amount::parse("89%").unwrap().unit, Unit::Percent);
        assert_eq!(
            Amount::parse("68.7 million donations").unwrap().unit,
            Unit::Noun("donations".into())
        );
        assert_eq!(
            Amount::parse("100 billion CNX"),
            Err(AmountError::UnknownUnit("CNX".into()))
        );
        assert_eq!(
            Amount::parse("100 billion Dollars"),
            Err(AmountError::UnknownUnit("Dollars".into()))
        );
        // An acronym's plural, read as the claims read it.
        assert_eq!(
            Amount::parse("4.8 million TEUs").unwrap().unit,
            Unit::Noun("teus".into())
        );
        for unit in ["SUV", "S", "Ss", "suVs", "2EVs"] {
            assert_eq!(
                Amount::parse(&format!("30 {unit}")),
                Err(AmountError::UnknownUnit(unit.into())),
                "{unit}"
            );
        }
        assert!(matches!(
            Amount::parse("100 billion"),
            Err(AmountError::UnknownUnit(_))
        ));
    }

    #[test]
    fn malformed_numbers() {
        for text in ["1,000 USD", "1e9 USD", "abc USD", "", ".5 USD", "٣ USD"] {
            assert!(Amount::parse(text).is_err(), "{text}");
        }
        assert!(matches!(
            Amount::parse("79228162514264337593543950335 trillion USD"),
            Err(AmountError::Overflow(_))
        ));
    }
}
