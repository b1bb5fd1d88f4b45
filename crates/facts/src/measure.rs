//! Units of measurement: the words news copy writes for lengths, masses,
//! areas, volumes, speeds and power, each with one canonical plural noun
//! and its size in the base unit of its dimension.
//!
//! A measure is a [`Unit::Noun`](crate::Unit::Noun) whose noun is the
//! canonical name, so "72 km" in an article and `72 kilometers` in a fact
//! are the same unit, and "45 miles" can be compared with 72 kilometres by
//! converting rather than by number alone.

use rust_decimal::Decimal;

/// What a measure measures: only measures of one dimension compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Base unit: the metre.
    Length,
    /// Base unit: the kilogram.
    Mass,
    /// Base unit: the square metre.
    Area,
    /// Base unit: the litre.
    Volume,
    /// Base unit: the kilometre per hour.
    Speed,
    /// Base unit: the watt.
    Power,
    /// Base unit: the watt-hour.
    Energy,
    /// A change of a rate: percentage points and basis points.
    Points,
    /// Oil output: barrels per day.
    Flow,
    /// Lengths of time counted in seconds, minutes and hours (a crossing
    /// "in 7 hours 38 minutes"). Days and longer are calendar words: a
    /// month has no fixed number of seconds.
    Time,
}

/// A unit of measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    /// The canonical plural noun ("kilometres").
    pub noun: &'static str,
    /// What it measures.
    pub dimension: Dimension,
    /// Size in the dimension's base unit (metre, kilogram, square metre,
    /// litre, kilometre per hour, watt), as mantissa and decimal scale.
    factor: (i64, u32),
}

impl Measure {
    /// Size in the dimension's base unit.
    pub fn factor(&self) -> Decimal {
        Decimal::new(self.factor.0, self.factor.1)
    }

    /// `value` in this unit, written in `to` (same dimension), or `None`
    /// across dimensions or on overflow.
    pub fn convert(&self, value: Decimal, to: &Measure) -> Option<Decimal> {
        if self.dimension != to.dimension {
            return None;
        }
        value.checked_mul(self.factor())?.checked_div(to.factor())
    }
}

const fn unit(noun: &'static str, dimension: Dimension, mantissa: i64, scale: u32) -> Measure {
    Measure {
        noun,
        dimension,
        factor: (mantissa, scale),
    }
}

use Dimension::{Area, Energy, Flow, Length, Mass, Points, Power, Speed, Time, Volume};

const KILOMETRES: Measure = unit("kilometres", Length, 1000, 0);
const METRES: Measure = unit("metres", Length, 1, 0);
const CENTIMETRES: Measure = unit("centimetres", Length, 1, 2);
const MILLIMETRES: Measure = unit("millimetres", Length, 1, 3);
const MILES: Measure = unit("miles", Length, 1_609_344, 3);
const NAUTICAL_MILES: Measure = unit("nautical miles", Length, 1852, 0);
const FEET: Measure = unit("feet", Length, 3048, 4);
const YARDS: Measure = unit("yards", Length, 9144, 4);
const INCHES: Measure = unit("inches", Length, 254, 4);
const KILOGRAMS: Measure = unit("kilograms", Mass, 1, 0);
const GRAMS: Measure = unit("grams", Mass, 1, 3);
const TONNES: Measure = unit("tonnes", Mass, 1000, 0);
const POUNDS: Measure = unit("pounds", Mass, 45_359_237, 8);
const OUNCES: Measure = unit("ounces", Mass, 28_349_523_125, 12);
const SQUARE_KILOMETRES: Measure = unit("square kilometres", Area, 1_000_000, 0);
const SQUARE_METRES: Measure = unit("square metres", Area, 1, 0);
const SQUARE_MILES: Measure = unit("square miles", Area, 2_589_988_110_336, 6);
const SQUARE_FEET: Measure = unit("square feet", Area, 9_290_304, 8);
const HECTARES: Measure = unit("hectares", Area, 10_000, 0);
const ACRES: Measure = unit("acres", Area, 40_468_564_224, 7);
const LITRES: Measure = unit("litres", Volume, 1, 0);
const MILLILITRES: Measure = unit("millilitres", Volume, 1, 3);
const CUBIC_METRES: Measure = unit("cubic metres", Volume, 1000, 0);
const KILOMETRES_PER_HOUR: Measure = unit("kilometres per hour", Speed, 1, 0);
const MILES_PER_HOUR: Measure = unit("miles per hour", Speed, 1_609_344, 6);
const KNOTS: Measure = unit("knots", Speed, 1852, 3);
const WATTS: Measure = unit("watts", Power, 1, 0);
const KILOWATTS: Measure = unit("kilowatts", Power, 1000, 0);
const MEGAWATTS: Measure = unit("megawatts", Power, 1_000_000, 0);
const GIGAWATTS: Measure = unit("gigawatts", Power, 1_000_000_000, 0);
const WATT_HOURS: Measure = unit("watt-hours", Energy, 1, 0);
const KILOWATT_HOURS: Measure = unit("kilowatt-hours", Energy, 1000, 0);
const MEGAWATT_HOURS: Measure = unit("megawatt-hours", Energy, 1_000_000, 0);
const GIGAWATT_HOURS: Measure = unit("gigawatt-hours", Energy, 1_000_000_000, 0);
const TERAWATT_HOURS: Measure = unit("terawatt-hours", Energy, 1_000_000_000_000, 0);
const PERCENTAGE_POINTS: Measure = unit("percentage points", Points, 1, 0);
const BASIS_POINTS: Measure = unit("basis points", Points, 1, 2);
const BARRELS_PER_DAY: Measure = unit("barrels per day", Flow, 1, 0);
const SECONDS: Measure = unit("seconds", Time, 1, 0);
const MINUTES: Measure = unit("minutes", Time, 60, 0);
const HOURS: Measure = unit("hours", Time, 3600, 0);

/// The measure a word or phrase names, as written (singular or plural,
/// British or American spelling, common abbreviations). Single letters
/// ("m", "g", "t") are left out: "£5m" and "5g" mean other things.
/// Gallons and tons are left out too: their size depends on the country.
pub fn measure(written: &str) -> Option<Measure> {
    // Case matters for the abbreviations of power ("MW", not "mw").
    let found = match written {
        "MW" => MEGAWATTS,
        "GW" => GIGAWATTS,
        "kW" => KILOWATTS,
        "Wh" => WATT_HOURS,
        "kWh" => KILOWATT_HOURS,
        "MWh" => MEGAWATT_HOURS,
        "GWh" => GIGAWATT_HOURS,
        "TWh" => TERAWATT_HOURS,
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => KILOMETRES,
        "metre" | "metres" | "meter" | "meters" => METRES,
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => CENTIMETRES,
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => MILLIMETRES,
        "mile" | "miles" => MILES,
        "nautical mile" | "nautical miles" => NAUTICAL_MILES,
        "ft" | "foot" | "feet" => FEET,
        "yd" | "yard" | "yards" => YARDS,
        "inch" | "inches" => INCHES,
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme"
        | "kilogrammes" => KILOGRAMS,
        "gram" | "grams" | "gramme" | "grammes" => GRAMS,
        "tonne" | "tonnes" | "metric ton" | "metric tons" => TONNES,
        // An article's "pounds" after a number is money (the claims scanner
        // reads currencies first); a fact's unit `pounds` is a mass, as a
        // fact's money is an ISO code.
        "lb" | "lbs" | "pound" | "pounds" => POUNDS,
        "oz" | "ounce" | "ounces" => OUNCES,
        "sq km" | "km2" | "km²" | "square kilometre" | "square kilometres" | "square kilometer"
        | "square kilometers" => SQUARE_KILOMETRES,
        "sq m" | "m2" | "m²" | "square metre" | "square metres" | "square meter"
        | "square meters" => SQUARE_METRES,
        "sq mi" | "sq miles" | "square mile" | "square miles" => SQUARE_MILES,
        "sq ft" | "square foot" | "square feet" => SQUARE_FEET,
        "hectare" | "hectares" => HECTARES,
        "acre" | "acres" => ACRES,
        "litre" | "litres" | "liter" | "liters" => LITRES,
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => MILLILITRES,
        "cubic metre" | "cubic metres" | "cubic meter" | "cubic meters" => CUBIC_METRES,
        "km/h"
        | "kph"
        | "kmh"
        | "kilometre per hour"
        | "kilometres per hour"
        | "kilometer per hour"
        | "kilometers per hour"
        | "kilometres an hour"
        | "kilometers an hour" => KILOMETRES_PER_HOUR,
        "mph" | "mile per hour" | "miles per hour" | "miles an hour" => MILES_PER_HOUR,
        "knot" | "knots" => KNOTS,
        "watt" | "watts" => WATTS,
        "kilowatt" | "kilowatts" => KILOWATTS,
        "megawatt" | "megawatts" => MEGAWATTS,
        "gigawatt" | "gigawatts" => GIGAWATTS,
        "watt-hour" | "watt-hours" | "watt hour" | "watt hours" => WATT_HOURS,
        "kilowatt-hour" | "kilowatt-hours" | "kilowatt hour" | "kilowatt hours" => KILOWATT_HOURS,
        "megawatt-hour" | "megawatt-hours" | "megawatt hour" | "megawatt hours" => MEGAWATT_HOURS,
        "gigawatt-hour" | "gigawatt-hours" | "gigawatt hour" | "gigawatt hours" => GIGAWATT_HOURS,
        "terawatt-hour" | "terawatt-hours" | "terawatt hour" | "terawatt hours" => TERAWATT_HOURS,
        "percentage point" | "percentage points" => PERCENTAGE_POINTS,
        "bp" | "bps" | "basis point" | "basis points" => BASIS_POINTS,
        "bpd" | "barrels per day" | "barrel per day" | "barrels a day" => BARRELS_PER_DAY,
        "second" | "seconds" | "sec" | "secs" => SECONDS,
        "minute" | "minutes" | "min" | "mins" => MINUTES,
        "hour" | "hours" | "hr" | "hrs" => HOURS,
        _ => return None,
    };
    Some(found)
}

/// Whether a measure's name can start with `word` (whose own measure, if
/// any, is `alone`) and run over several words ("square kilometres",
/// "miles per hour"): the claims scanner reads a second and third word
/// only after one of these.
pub fn opens_phrase(word: &str, alone: Option<Measure>) -> bool {
    matches!(
        word,
        "sq" | "square"
            | "cubic"
            | "metric"
            | "nautical"
            | "percentage"
            | "basis"
            | "barrels"
            | "barrel"
    ) || alone.is_some_and(|m| matches!(m.dimension, Length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_abbreviations_name_one_unit() {
        for written in ["km", "kilometre", "kilometers"] {
            assert_eq!(measure(written).map(|m| m.noun), Some("kilometres"));
        }
        assert_eq!(measure("mph").map(|m| m.noun), Some("miles per hour"));
        assert_eq!(measure("m"), None);
        assert_eq!(measure("people"), None);
        assert_eq!(measure("mw"), None);
        assert_eq!(measure("GWh").map(|m| m.noun), Some("gigawatt-hours"));
        assert_eq!(measure("gigawatt hours"), measure("gigawatt-hours"));
        assert_ne!(
            measure("gigawatt-hours").map(|m| m.dimension),
            measure("gigawatts").map(|m| m.dimension)
        );
    }

    #[test]
    fn converts_within_a_dimension_only() {
        let km = measure("km").unwrap();
        let miles = measure("miles").unwrap();
        let converted = km.convert(Decimal::new(72, 0), &miles).unwrap();
        assert_eq!(converted.round_dp(2), Decimal::new(4474, 2));
        let acres = measure("acres").unwrap();
        let hectares = measure("hectares").unwrap();
        assert_eq!(
            hectares.convert(Decimal::ONE, &acres).unwrap().round_dp(3),
            Decimal::new(2471, 3)
        );
        assert_eq!(km.convert(Decimal::ONE, &measure("kg").unwrap()), None);
        let hours = measure("hrs").unwrap();
        let minutes = measure("minute").unwrap();
        assert_eq!(
            hours.convert(Decimal::new(25, 1), &minutes),
            Some(Decimal::new(150, 0))
        );
    }

    #[test]
    fn every_canonical_noun_names_itself() {
        let all = [
            "kilometres",
            "metres",
            "centimetres",
            "millimetres",
            "miles",
            "nautical miles",
            "feet",
            "yards",
            "inches",
            "kilograms",
            "grams",
            "tonnes",
            "pounds",
            "ounces",
            "square kilometres",
            "square metres",
            "square miles",
            "square feet",
            "hectares",
            "acres",
            "litres",
            "millilitres",
            "cubic metres",
            "kilometres per hour",
            "miles per hour",
            "knots",
            "watts",
            "kilowatts",
            "megawatts",
            "gigawatts",
            "percentage points",
            "basis points",
            "seconds",
            "minutes",
            "hours",
        ];
        for noun in all {
            assert_eq!(measure(noun).map(|m| m.noun), Some(noun));
        }
    }
}
