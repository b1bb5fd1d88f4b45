//! Dates at day, month or year precision, and reporting periods.

use std::fmt;

use jiff::civil::{Date, Weekday};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and the month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// A calendar date known to day, month or year precision: `2021-09-02`,
/// `2021-09` or `2021`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactDate {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

/// Why a date or period could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn parse_int<T: std::str::FromStr>(text: &str, what: &str) -> Result<T, DateError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError(format!("`{text}` is not a {what}")));
    }
    text.parse()
        .map_err(|_| DateError(format!("`{text}` is not a {what}")))
}

fn check_year(year: i16) -> Result<i16, DateError> {
    if (1..=9999).contains(&year) {
        Ok(year)
    } else {
        Err(DateError(format!("year {year} is out of range 1..=9999")))
    }
}

fn check_month(month: i8) -> Result<i8, DateError> {
    if (1..=12).contains(&month) {
        Ok(month)
    } else {
        Err(DateError(format!("month {month} does not exist (1..=12)")))
    }
}

impl FactDate {
    /// A date known to the day. Fails if the day does not exist.
    pub fn day(year: i16, month: i8, day: i8) -> Result<Self, DateError> {
        let year = check_year(year)?;
        let month = check_month(month)?;
        Date::new(year, month, day).map_err(|_| {
            DateError(format!(
                "{year:04}-{month:02}-{day:02} does not exist: {} has {} days",
                month_name(month),
                days_in_month(year, month)
            ))
        })?;
        Ok(FactDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A date known to the month.
    pub fn month(year: i16, month: i8) -> Result<Self, DateError> {
        Ok(FactDate {
            year: check_year(year)?,
            month: Some(check_month(month)?),
            day: None,
        })
    }

    /// A date known to the year.
    pub fn year(year: i16) -> Result<Self, DateError> {
        Ok(FactDate {
            year: check_year(year)?,
            month: None,
            day: None,
        })
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let shape_error = || {
            DateError(format!(
                "`{text}` is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"
            ))
        };
        match parts.as_slice() {
            [y] if y.len() == 4 => Self::year(parse_int(y, "year")?),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                Self::month(parse_int(y, "year")?, parse_int(m, "month")?)
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => Self::day(
                parse_int(y, "year")?,
                parse_int(m, "month")?,
                parse_int(d, "day")?,
            ),
            _ => Err(shape_error()),
        }
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The year.
    pub fn year_number(&self) -> i16 {
        self.year
    }

    /// The month, if known.
    pub fn month_number(&self) -> Option<i8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day_number(&self) -> Option<i8> {
        self.day
    }

    /// The first calendar day the date can mean.
    pub fn first_day(&self) -> Date {
        let month = self.month.unwrap_or(1);
        let day = self.day.unwrap_or(1);
        Date::new(self.year, month, day).unwrap_or(Date::MIN)
    }

    /// The last calendar day the date can mean.
    pub fn last_day(&self) -> Date {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Date::new(self.year, month, day).unwrap_or(Date::MAX)
    }

    /// The exact day, when the date is known to the day.
    pub fn exact(&self) -> Option<Date> {
        (self.precision() == Precision::Day).then(|| self.first_day())
    }

    /// The weekday, when the date is known to the day.
    pub fn weekday(&self) -> Option<Weekday> {
        self.exact().map(|d| d.weekday())
    }

    /// A date at day precision from a calendar date.
    pub fn from_date(date: Date) -> Self {
        FactDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// Whether the two dates can mean the same day: a month contains its
    /// days, a year its months.
    pub fn overlaps(&self, other: &FactDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    /// This date cut to a coarser precision.
    pub fn truncate(&self, precision: Precision) -> FactDate {
        match precision {
            Precision::Year => FactDate {
                year: self.year,
                month: None,
                day: None,
            },
            Precision::Month if self.month.is_some() => FactDate {
                year: self.year,
                month: self.month,
                day: None,
            },
            _ => *self,
        }
    }
}

impl fmt::Display for FactDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// The number of days in a month.
pub fn days_in_month(year: i16, month: i8) -> i8 {
    Date::new(year, month, 1)
        .map(|d| d.days_in_month())
        .unwrap_or(31)
}

/// The English name of a month (1-based).
pub fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(usize::try_from(month - 1).unwrap_or(usize::MAX))
        .copied()
        .unwrap_or("?")
}

/// The English name of a weekday.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The period a figure covers: a year, a half, a quarter or a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A calendar or fiscal year: `2021`.
    Year(i16),
    /// A half year: `2021-H1`.
    Half(i16, u8),
    /// A quarter: `2021-Q2`.
    Quarter(i16, u8),
    /// A month: `2021-06`.
    Month(i16, i8),
}

impl Period {
    /// Reads `2021`, `2021-H1`, `2021-Q2` or `2021-06`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let err = || {
            DateError(format!(
                "`{text}` is not a period: write 2021, 2021-H1, 2021-Q2 or 2021-06"
            ))
        };
        let (year, rest) = match text.split_once('-') {
            Some((y, rest)) => (y, Some(rest)),
            None => (text, None),
        };
        if year.len() != 4 {
            return Err(err());
        }
        let year = check_year(parse_int(year, "year")?)?;
        let Some(rest) = rest else {
            return Ok(Period::Year(year));
        };
        if let Some(h) = rest.strip_prefix('H') {
            let h: u8 = parse_int(h, "half")?;
            return if (1..=2).contains(&h) {
                Ok(Period::Half(year, h))
            } else {
                Err(DateError(format!("half H{h} does not exist (H1 or H2)")))
            };
        }
        if let Some(q) = rest.strip_prefix('Q') {
            let q: u8 = parse_int(q, "quarter")?;
            return if (1..=4).contains(&q) {
                Ok(Period::Quarter(year, q))
            } else {
                Err(DateError(format!("quarter Q{q} does not exist (Q1..Q4)")))
            };
        }
        if rest.len() == 2 {
            return Ok(Period::Month(year, check_month(parse_int(rest, "month")?)?));
        }
        Err(err())
    }

    /// The first and last calendar months of the period (1-based).
    fn months(&self) -> (i16, i8, i8) {
        match *self {
            Period::Year(y) => (y, 1, 12),
            Period::Half(y, h) => {
                let first = (h as i8 - 1) * 6 + 1;
                (y, first, first + 5)
            }
            Period::Quarter(y, q) => {
                let first = (q as i8 - 1) * 3 + 1;
                (y, first, first + 2)
            }
            Period::Month(y, m) => (y, m, m),
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> Date {
        let (y, first, _) = self.months();
        Date::new(y, first, 1).unwrap_or(Date::MIN)
    }

    /// The last day of the period.
    pub fn last_day(&self) -> Date {
        let (y, _, last) = self.months();
        Date::new(y, last, days_in_month(y, last)).unwrap_or(Date::MAX)
    }

    /// The year the period falls in.
    pub fn year(&self) -> i16 {
        self.months().0
    }

    /// The same period one year earlier.
    pub fn year_earlier(&self) -> Period {
        match *self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Half(y, h) => Period::Half(y - 1, h),
            Period::Quarter(y, q) => Period::Quarter(y - 1, q),
            Period::Month(y, m) => Period::Month(y - 1, m),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_at_three_precisions() {
        for (text, precision) in [
            ("2021-09-02", Precision::Day),
            ("2021-09", Precision::Month),
            ("2021", Precision::Year),
        ] {
            let date = FactDate::parse(text).unwrap();
            assert_eq!(date.precision(), precision);
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn impossible_dates_are_refused_with_reason() {
        let err = FactDate::parse("2021-02-30").unwrap_err();
        assert!(err.0.contains("February has 28 days"), "{err}");
        assert!(FactDate::parse("2021-13").is_err());
        assert!(FactDate::parse("2021-9-2").is_err());
        assert!(FactDate::parse("next week").is_err());
        assert!(FactDate::parse("2020-02-29").is_ok());
    }

    #[test]
    fn month_and_year_ranges() {
        let month = FactDate::parse("2021-09").unwrap();
        assert_eq!(month.first_day().to_string(), "2021-09-01");
        assert_eq!(month.last_day().to_string(), "2021-09-30");
        let day = FactDate::parse("2021-09-04").unwrap();
        assert!(month.overlaps(&day));
        assert_eq!(day.weekday(), Some(Weekday::Saturday));
        assert_eq!(month.weekday(), None);
    }

    #[test]
    fn periods() {
        let q2 = Period::parse("2021-Q2").unwrap();
        assert_eq!(q2.first_day().to_string(), "2021-04-01");
        assert_eq!(q2.last_day().to_string(), "2021-06-30");
        assert_eq!(q2.year_earlier().to_string(), "2020-Q2");
        assert_eq!(
            Period::parse("2021-H2").unwrap().first_day().to_string(),
            "2021-07-01"
        );
        assert_eq!(Period::parse("2021-06").unwrap(), Period::Month(2021, 6));
        assert!(Period::parse("2021-Q5").is_err());
        assert!(Period::parse("2021-H3").is_err());
    }
}
