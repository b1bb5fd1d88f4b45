//! Dates, weekdays, relative expressions and reporting periods in prose.
//!
//! [`find`] reads a text once and returns every temporal expression with the
//! exact byte span of its words: calendar dates at whatever precision they are
//! written ("Sept. 5, 2019", "May 2012", "in 2017", "In March"), days of an
//! unnamed month ("on the 12th"), weekdays ("on Monday"), relative expressions
//! ("last month", "over the past 15 years", "since late 2019", "a few days
//! after") and reporting periods ("the March quarter", "Q2 ... of this year",
//! "fiscal 2020", "year-on-year").
//!
//! [`resolve`] anchors one mention on the publication date (known to the
//! day, the month or the year, or not at all) and never guesses: what cannot
//! be pinned down at the precision available is [`Resolved::Unresolved`].
//!
//! The scanner works on a token stream (words, ASCII digit runs, single
//! symbols; URLs are one opaque token) with small static word tables, so it
//! needs no pattern compilation and allocates only the token and result
//! vectors. Only ASCII digits count as digits. Month and weekday names must be
//! capitalised ("May", "MAY"; never "may"); everything else is matched without
//! regard to case.

use std::ops::Range;

use facts::{FactDate, Period, Precision};
use jiff::Span;
use jiff::civil::{Date, Weekday};

/// The part of a year named before it: "early", "mid", "late".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// "early 2020", "the beginning of 2020", "the start of 2020".
    Early,
    /// "mid-2020", "the middle of 2020".
    Mid,
    /// "late 2019", "the end of 2020".
    Late,
}

/// A date expressed relative to the publication date or to another event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// "today", "tonight", "this morning".
    Today,
    /// "yesterday".
    Yesterday,
    /// "tomorrow".
    Tomorrow,
    /// "last week".
    LastWeek,
    /// "this week", "earlier this week", "later this week".
    ThisWeek,
    /// "next week".
    NextWeek,
    /// "last month".
    LastMonth,
    /// "this month", "later this month".
    ThisMonth,
    /// "next month".
    NextMonth,
    /// "earlier this month".
    EarlierThisMonth,
    /// "last year", "last year's".
    LastYear,
    /// "this year", "later this year".
    ThisYear,
    /// "next year".
    NextYear,
    /// "earlier this year".
    EarlierThisYear,
    /// "last September": the latest September before the publication
    /// month (1-based month).
    LastNamedMonth(i8),
    /// "next March": the first March after the publication month.
    NextNamedMonth(i8),
    /// "over the past 15 years", "during the last two decades" (n in years: decades*10),
    /// "the past decade", "five years ago".
    PastYears(u16),
    /// "since late 2019", "since 2016".
    Since {
        /// The year.
        year: i16,
        /// The part of the year, if written.
        part: Option<Part>,
    },
    /// "before 2030", "by 2030", "by the end of 2030", "until 2030".
    Before {
        /// The year.
        year: i16,
    },
    /// "a day after", "two days later", "a few days after" (None = a few),
    /// "the next day" (weeks count as 7 days): anchored on another event,
    /// never resolved here.
    DaysAfter(Option<u16>),
    /// "recently", "a few days ago", "in recent years", "the past few
    /// months"...: vague, never resolved.
    Recently,
}

impl Relative {
    /// Whether it names a day, week, month or year next to the publication
    /// date ("yesterday", "last week", "this year", "next month"), not a
    /// bound, a span or a vague time ("by 2025", "since 2019", "the past
    /// 15 years", "recently").
    pub fn is_a_calendar_neighbour(&self) -> bool {
        !matches!(
            self,
            Relative::PastYears(_)
                | Relative::Since { .. }
                | Relative::Before { .. }
                | Relative::DaysAfter(_)
                | Relative::Recently
        )
    }
}

/// A reporting period as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodRef {
    /// "the second quarter", "Q2", "2Q", "the September quarter" (quarter ending in September = 3), with the year if
    /// written ("Q2 2020", "the second quarter of 2020", "Q2 ... of this year" -> this_year=true).
    Quarter {
        /// 1 to 4.
        quarter: u8,
        /// The year, when written.
        year: Option<i16>,
        /// "of this year" qualifies it.
        this_year: bool,
    },
    /// "the first half", "H1", "first-half".
    Half {
        /// 1 or 2.
        half: u8,
        /// The year, when written.
        year: Option<i16>,
        /// "of this year" qualifies it.
        this_year: bool,
    },
    /// "fiscal 2020", "FY2020", "full-year 2020".
    FiscalYear {
        /// The year.
        year: i16,
    },
    /// "the first nine months", "first six months" (n months from January).
    FirstMonths {
        /// The number of months, 1 to 11.
        months: u8,
        /// The year, when written.
        year: Option<i16>,
    },
    /// "a year earlier", "the same period last year", "year-on-year", "year over year", "from a year ago",
    /// "YoY": a comparison with the period one year before.
    YearEarlier,
}

/// What a mention says, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateKind {
    /// A calendar date as written, fields absent when not written: "September 5" (no year), "Sept. 5, 2019",
    /// "5 September 2019", "March 14, 2018", "2019-03-14", "May 2012", "in September", "in 2017",
    /// "In March" ... "September of the same year" takes the year of the
    /// preceding date in the text.
    Calendar {
        /// The year, when written.
        year: Option<i16>,
        /// The month (1-based), when written.
        month: Option<i8>,
        /// The day of the month, when written and possible.
        day: Option<i8>,
    },
    /// "the 12th", "on the 3rd": a day of an unnamed month.
    DayOnly {
        /// The day of the month.
        day: i8,
    },
    /// "on Monday", "Tuesday's meeting", "Monday": a weekday.
    Weekday(Weekday),
    /// A relative expression.
    Relative(Relative),
    /// A reporting period.
    Period(PeriodRef),
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets of the words of the mention: the weekday word itself, the
    /// whole phrase of a relative expression or a period, the date words of
    /// a calendar date (with its year; "2017" for "in 2017").
    pub span: Range<usize>,
    /// What the words say.
    pub kind: DateKind,
}

/// What a mention means once anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A date at day, month or year precision.
    Date(FactDate),
    /// A reporting period.
    Period(Period),
    /// Not resolvable without guessing (no or too coarse publication date, anchored on another event, vague).
    Unresolved,
}

/// Every date, weekday, relative expression and period in `text`, in order, non-overlapping.
/// A weekday written next to a calendar date ("Tuesday, September 5", "September 5 (Tuesday)") is returned as two mentions (the checker compares them).
pub fn find(text: &str) -> Vec<DateMention> {
    // The token buffers of the last article this thread read, refilled:
    // allocating and growing them again for each article cost more than
    // the tokens are read for.
    let (mut t, mut keys) = TOKENS.take();
    tokenize_into(text, &mut t, &mut keys);
    let scanner = Scanner {
        text,
        t,
        keys,
        prefilter: true,
    };
    let out = scanner.run();
    let Scanner { mut t, keys, .. } = scanner;
    // A huge article's buffer is not kept.
    if t.capacity() > KEPT_TOKENS {
        t = Vec::new();
    }
    TOKENS.set((t, keys));
    out
}

/// The most tokens of buffer a thread keeps between articles.
const KEPT_TOKENS: usize = 1 << 16;

thread_local! {
    static TOKENS: std::cell::Cell<(Vec<Tok>, Vec<usize>)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

/// Resolves a mention against the publication date (day, month or year precision) and, for "the 12th", the
/// month of the nearest preceding calendar date in the article (`context`).
///
/// - A calendar date without a year takes the publication year, or the year
///   before when that would put it more than two months after the
///   publication date.
/// - A weekday is the latest such day on or before a publication date known
///   to the day.
/// - "last week" (and this/next week) needs a publication day; the result is
///   the month (or the year) that contains the whole Monday-to-Sunday week.
/// - "last month" needs a publication month; "last year" a publication year.
/// - A quarter or half without a year is the latest one that ended on or
///   before the publication date, when every day the publication date can
///   mean gives the same answer.
/// - "a day after", "recently", "the first nine months" and "a year earlier"
///   are never resolved here.
pub fn resolve(
    kind: &DateKind,
    published: Option<FactDate>,
    context: Option<FactDate>,
) -> Resolved {
    let resolved = match kind {
        DateKind::Calendar { year, month, day } => {
            calendar(*year, *month, *day, published).map(Resolved::Date)
        }
        DateKind::DayOnly { day } => context
            .filter(|c| c.precision() >= Precision::Month)
            .and_then(|c| FactDate::day(c.year_number(), c.month_number()?, *day).ok())
            .map(Resolved::Date),
        DateKind::Weekday(weekday) => published
            .and_then(|p| p.exact())
            .and_then(|d| on_or_before(d, *weekday))
            .map(|d| Resolved::Date(FactDate::from_date(d))),
        DateKind::Relative(relative) => resolve_relative(*relative, published).map(Resolved::Date),
        DateKind::Period(period) => resolve_period(*period, published).map(Resolved::Period),
    };
    resolved.unwrap_or(Resolved::Unresolved)
}

/// A weekday said of what is still to come ("can pre-order the phones on
/// Friday", "will report on Thursday"): the first such day after a
/// publication date known to the day.
pub fn resolve_ahead(weekday: Weekday, published: Option<FactDate>) -> Resolved {
    published
        .and_then(|p| p.exact())
        .and_then(|d| d.checked_add(days(1)).ok())
        .and_then(|d| d.checked_add(days(6)).ok())
        .and_then(|d| on_or_before(d, weekday))
        .map_or(Resolved::Unresolved, |d| {
            Resolved::Date(FactDate::from_date(d))
        })
}

/// A weekday after "next" ("when it reports results next Thursday"): the
/// first such day after a publication date known to the day, when that
/// day is in the week after the publication's, where both readings of
/// "next" (the coming one, the one of next week) meet; else unresolved.
pub fn resolve_next(weekday: Weekday, published: Option<FactDate>) -> Resolved {
    let Some(day) = published.and_then(|p| p.exact()) else {
        return Resolved::Unresolved;
    };
    match resolve_ahead(weekday, published) {
        Resolved::Date(ahead)
            if weekday.to_monday_zero_offset() <= day.weekday().to_monday_zero_offset() =>
        {
            Resolved::Date(ahead)
        }
        _ => Resolved::Unresolved,
    }
}

/// A weekday after "last" ("the vehicle broke up last Thursday"): the
/// last such day before a publication date known to the day, a week back
/// when published on that weekday.
pub fn resolve_last(weekday: Weekday, published: Option<FactDate>) -> Resolved {
    published
        .and_then(|p| p.exact())
        .and_then(|d| d.checked_sub(days(1)).ok())
        .and_then(|d| on_or_before(d, weekday))
        .map_or(Resolved::Unresolved, |d| {
            Resolved::Date(FactDate::from_date(d))
        })
}

/// A month, a day of a month or a quarter or half written without a
/// year, said of what is still to come ("expected in January", "must
/// report on June 10", "expects revenue of $2 billion in the first
/// quarter"): the first such one that has not ended by the publication
/// date. `None` for any other kind, which [`resolve`] reads as it is.
pub fn resolve_upcoming(kind: &DateKind, published: Option<FactDate>) -> Option<Resolved> {
    let p = published?;
    let today = p.first_day();
    let y = p.year_number();
    match *kind {
        DateKind::Calendar {
            year: None,
            month: Some(m),
            day,
        } => upcoming(y, today, |y| with_day(y, m, day), FactDate::last_day).map(Resolved::Date),
        DateKind::Period(PeriodRef::Quarter {
            quarter,
            year: None,
            this_year: false,
        }) if (1..=4).contains(&quarter) => upcoming(
            y,
            today,
            |y| Some(Period::Quarter(y, quarter)),
            Period::last_day,
        )
        .map(Resolved::Period),
        DateKind::Period(PeriodRef::Half {
            half,
            year: None,
            this_year: false,
        }) if (1..=2).contains(&half) => {
            upcoming(y, today, |y| Some(Period::Half(y, half)), Period::last_day)
                .map(Resolved::Period)
        }
        _ => None,
    }
}

/// What `of` makes of year `y`, or of the next year if that ended before
/// `today`.
fn upcoming<T>(
    y: i16,
    today: Date,
    of: impl Fn(i16) -> Option<T>,
    last_day: impl Fn(&T) -> Date,
) -> Option<T> {
    let this_year = of(y)?;
    if last_day(&this_year) < today {
        of(y.checked_add(1)?)
    } else {
        Some(this_year)
    }
}

// ---------------------------------------------------------------------------
// Resolution

/// A month written without a year ("January", "January 18") resolved
/// with the relative year written right after it ("January last year",
/// "March 3 this year"), which the month alone would take from the
/// publication date.
pub fn year_of_month(
    text: &str,
    month: &DateMention,
    next: &DateMention,
    published: Option<FactDate>,
) -> Option<Resolved> {
    let DateKind::Calendar {
        year: None,
        month: Some(m),
        day,
    } = month.kind
    else {
        return None;
    };
    let DateKind::Relative(Relative::LastYear | Relative::ThisYear | Relative::NextYear) =
        next.kind
    else {
        return None;
    };
    let gap = text.get(month.span.end..next.span.start)?;
    if !gap.chars().all(char::is_whitespace) {
        return None;
    }
    let Resolved::Date(year) = resolve(&next.kind, published, None) else {
        return None;
    };
    with_day(year.year_number(), m, day).map(Resolved::Date)
}

/// A day without a year, told after a day with one in the same passage
/// ("got in on Oct. 2, 2023, ... and told users on Dec. 5"): the first
/// such day on or after that date.
pub fn after_dated(kind: &DateKind, earlier: FactDate) -> Option<Resolved> {
    let DateKind::Calendar {
        year: None,
        month: Some(m),
        day: day @ Some(_),
    } = *kind
    else {
        return None;
    };
    let y = earlier.year_number();
    let same_year = with_day(y, m, day)?;
    let resolved = if same_year.first_day() >= earlier.first_day() {
        same_year
    } else {
        with_day(y.checked_add(1)?, m, day)?
    };
    Some(Resolved::Date(resolved))
}

fn with_day(year: i16, month: i8, day: Option<i8>) -> Option<FactDate> {
    match day {
        Some(d) => FactDate::day(year, month, d)
            .or_else(|_| FactDate::month(year, month))
            .ok(),
        None => FactDate::month(year, month).ok(),
    }
}

fn calendar(
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    published: Option<FactDate>,
) -> Option<FactDate> {
    match (year, month) {
        (Some(y), None) => FactDate::year(y).ok(),
        (Some(y), Some(m)) => with_day(y, m, day),
        (None, Some(m)) => {
            let p = published?;
            let y = p.year_number();
            let first = Date::new(y, m, day.unwrap_or(1))
                .or_else(|_| Date::new(y, m, 1))
                .ok()?;
            let limit = p
                .last_day()
                .checked_add(Span::new().months(2))
                .unwrap_or(Date::MAX);
            let y = if first > limit { y.checked_sub(1)? } else { y };
            with_day(y, m, day)
        }
        (None, None) => None,
    }
}

fn days(n: i8) -> Span {
    Span::new().days(n)
}

fn on_or_before(date: Date, weekday: Weekday) -> Option<Date> {
    let back =
        (date.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
    date.checked_sub(days(back)).ok()
}

/// The month, else the year, that contains every day from `a` to `b`.
fn cover(a: Date, b: Date) -> Option<FactDate> {
    if a.year() != b.year() {
        None
    } else if a.month() == b.month() {
        FactDate::month(a.year(), a.month()).ok()
    } else {
        FactDate::year(a.year()).ok()
    }
}

fn week(published: FactDate, offset: i8) -> Option<FactDate> {
    let (first, last) = week_span(published, offset)?;
    cover(first, last)
}

/// Monday and Sunday of the week `offset` weeks from the publication's.
fn week_span(published: FactDate, offset: i8) -> Option<(Date, Date)> {
    let day = published.exact()?;
    let monday = day
        .checked_sub(days(day.weekday().to_monday_zero_offset()))
        .ok()?;
    let first = monday.checked_add(days(offset * 7)).ok()?;
    Some((first, first.checked_add(days(6)).ok()?))
}

/// The days of the week a relative expression names ("last week": Monday
/// to Sunday of the week before the publication's), which its date, a
/// month or a year, only covers.
pub fn week_days(relative: &Relative, published: Option<FactDate>) -> Option<(Date, Date)> {
    let offset = match relative {
        Relative::LastWeek => -1,
        Relative::ThisWeek => 0,
        Relative::NextWeek => 1,
        _ => return None,
    };
    week_span(published?, offset)
}

fn month_shift(published: FactDate, delta: i32) -> Option<FactDate> {
    let month = published.month_number()?;
    let index = i32::from(published.year_number()) * 12 + i32::from(month) - 1 + delta;
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    let month = i8::try_from(index.rem_euclid(12) + 1).ok()?;
    FactDate::month(year, month).ok()
}

fn year_shift(published: FactDate, delta: i32) -> Option<FactDate> {
    let year = i16::try_from(i32::from(published.year_number()) + delta).ok()?;
    FactDate::year(year).ok()
}

fn resolve_relative(relative: Relative, published: Option<FactDate>) -> Option<FactDate> {
    match relative {
        Relative::Since { year, .. } | Relative::Before { year } => {
            return FactDate::year(year).ok();
        }
        Relative::DaysAfter(_) | Relative::Recently => return None,
        _ => {}
    }
    let p = published?;
    match relative {
        Relative::Today => p.exact().map(FactDate::from_date),
        Relative::Yesterday => p.exact()?.yesterday().ok().map(FactDate::from_date),
        Relative::Tomorrow => p.exact()?.tomorrow().ok().map(FactDate::from_date),
        Relative::LastWeek => week(p, -1),
        Relative::ThisWeek => week(p, 0),
        Relative::NextWeek => week(p, 1),
        Relative::LastMonth => month_shift(p, -1),
        Relative::ThisMonth | Relative::EarlierThisMonth => month_shift(p, 0),
        Relative::NextMonth => month_shift(p, 1),
        Relative::LastYear => year_shift(p, -1),
        Relative::ThisYear | Relative::EarlierThisYear => year_shift(p, 0),
        Relative::NextYear => year_shift(p, 1),
        Relative::PastYears(n) => year_shift(p, -i32::from(n)),
        Relative::LastNamedMonth(m) => {
            let y = p.year_number();
            let y = if m < p.month_number()? {
                y
            } else {
                y.checked_sub(1)?
            };
            FactDate::month(y, m).ok()
        }
        Relative::NextNamedMonth(m) => {
            let y = p.year_number();
            let y = if m > p.month_number()? {
                y
            } else {
                y.checked_add(1)?
            };
            FactDate::month(y, m).ok()
        }
        Relative::Since { .. }
        | Relative::Before { .. }
        | Relative::DaysAfter(_)
        | Relative::Recently => None,
    }
}

/// The year of the latest period made by `make` that ended on or before the
/// publication date, if every day the publication date can mean agrees.
fn latest_ended(published: FactDate, make: impl Fn(i16) -> Period) -> Option<i16> {
    let pick = |d: Date| {
        let y = d.year();
        if make(y).last_day() <= d {
            Some(y)
        } else {
            y.checked_sub(1).filter(|y| *y >= 1)
        }
    };
    let first = pick(published.first_day())?;
    let last = pick(published.last_day())?;
    (first == last).then_some(first)
}

fn period_year(
    year: Option<i16>,
    this_year: bool,
    published: Option<FactDate>,
    make: impl Fn(i16) -> Period,
) -> Option<Period> {
    let year = match year {
        Some(y) => y,
        None if this_year => published?.year_number(),
        None => latest_ended(published?, &make)?,
    };
    Some(make(year))
}

fn resolve_period(period: PeriodRef, published: Option<FactDate>) -> Option<Period> {
    match period {
        PeriodRef::Quarter {
            quarter,
            year,
            this_year,
        } if (1..=4).contains(&quarter) => {
            period_year(year, this_year, published, |y| Period::Quarter(y, quarter))
        }
        PeriodRef::Half {
            half,
            year,
            this_year,
        } if (1..=2).contains(&half) => {
            period_year(year, this_year, published, |y| Period::Half(y, half))
        }
        PeriodRef::FiscalYear { year } if (1..=9999).contains(&year) => Some(Period::Year(year)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of alphabetic characters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single character.
    Sym(char),
    /// A URL: never looked into.
    Skip,
}

/// How a token is attached to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// Whitespace (or the start of the text) before it.
    Space,
    /// Directly after the previous token.
    Touch,
    /// After a single hyphen that touches both tokens ("mid-2020").
    Hyphen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    join: Join,
    /// Which word of [`VOCABULARY`] this is (0: none). Only such a word can
    /// equal a literal the matchers compare with, so the matchers compare
    /// these small numbers instead of the text.
    id: WordId,
}

/// The first position of `needle` in `hay`, compared byte by byte (the
/// needles are a few bytes; a general substring searcher costs more to set up
/// than the search).
fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    (0..(hay.len() + 1).saturating_sub(n)).find(|&p| hay.get(p..p + n) == Some(needle))
}

/// Where a URL starts inside a whitespace-delimited chunk.
fn url_start(chunk: &str) -> Option<usize> {
    // Most chunks are words: neither "://" nor "www." without these bytes.
    if !chunk.bytes().any(|b| b == b':' || b == b'.') {
        return None;
    }
    let b = chunk.as_bytes();
    if let Some(p) = find_bytes(b, b"://") {
        let mut s = p;
        while s > 0 && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'+' | b'.' | b'-'))
        {
            s -= 1;
        }
        return Some(s);
    }
    find_bytes(b, b"www.").filter(|&p| p == 0 || !b[p - 1].is_ascii_alphanumeric())
}

/// The character at byte `i` of `text` (a character boundary), decoded:
/// only for non-ASCII bytes, the ASCII ones are read directly.
fn decode(text: &str, i: usize) -> char {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// `char::is_whitespace` for an ASCII byte.
const fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Eight bytes at once (little-endian): the high bit of each byte that is
/// not an ASCII letter is set. With the high bits cleared and bit 5 set
/// (lowercase), a byte is at most 0x7f, so adding to it never carries into
/// the next byte.
const fn non_letters(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let lower = (x | (ONES * 0x20)) & !HIGH;
    let at_least_a = lower + ONES * (0x80 - b'a' as u64);
    let past_z = lower + ONES * (0x80 - b'z' as u64 - 1);
    (!at_least_a | past_z | x) & HIGH
}

/// The end and [`WordId`] of the word that starts with the ASCII letter at
/// `start`: its first sixteen bytes are tested eight at a time and, when
/// they hold the whole word and it is ASCII, are the packed word too.
/// Anything else (near the end of the text, a word of 16 letters or more, a
/// non-ASCII byte after the letters) goes the byte-wise way.
#[inline(always)]
fn ascii_word(text: &str, start: usize) -> (usize, WordId) {
    let b = text.as_bytes();
    let wide = b
        .get(start..start + 16)
        .and_then(|w| <[u8; 16]>::try_from(w).ok())
        .map(u128::from_le_bytes);
    if let Some(x) = wide {
        let low = non_letters(x as u64);
        let len = if low != 0 {
            low.trailing_zeros() as usize / 8
        } else {
            8 + non_letters((x >> 64) as u64).trailing_zeros() as usize / 8
        };
        // `len` is 16 when no byte stopped the word; an ASCII byte ends it.
        if len < 16 && b.get(start + len).is_some_and(u8::is_ascii) {
            let id = if len <= 8 {
                known_short(x as u64, len)
            } else if len <= LONGEST_KNOWN {
                known(x.swap_bytes(), len)
            } else {
                0
            };
            return (start + len, id);
        }
    }
    let end = word_end(text, start + 1, b.len());
    (end, word_id(b, start..end))
}

/// `char::is_alphabetic` for a non-ASCII character, without the table
/// search for General Punctuation (U+2000 to U+206F: curly quotes, dashes,
/// spaces), where no character is alphabetic and most non-ASCII bytes of
/// news text fall.
fn alphabetic(ch: char) -> bool {
    !matches!(ch, '\u{2000}'..='\u{206f}') && ch.is_alphabetic()
}

/// The end of the run of alphabetic characters from `i`, within `..end`.
fn word_end(text: &str, mut i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    while i < end {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            i += 1;
        } else if c.is_ascii() {
            break;
        } else {
            let ch = decode(text, i);
            if !alphabetic(ch) {
                break;
            }
            i += ch.len_utf8();
        }
    }
    i
}

/// One pass over the text. Chunks (runs of non-whitespace) are no loop of
/// their own: whitespace only resets the join, and a single space after a
/// token is stepped over with it, so a word costs one trip round the loop.
///
/// Also the indices of the key tokens (see [`Scanner::keys`]), told here,
/// where a word's id and first byte and the token before are at hand.
// Only the tests want new buffers; `find` refills its own.
#[cfg_attr(not(test), allow(dead_code))]
fn tokenize(text: &str) -> (Vec<Tok>, Vec<usize>) {
    let (mut toks, mut keys) = (Vec::new(), Vec::new());
    tokenize_into(text, &mut toks, &mut keys);
    (toks, keys)
}

/// [`tokenize`] into buffers, emptied first: room for a token per four
/// bytes and a key per 64, which most texts stay under.
fn tokenize_into(text: &str, toks: &mut Vec<Tok>, keys: &mut Vec<usize>) {
    toks.clear();
    keys.clear();
    toks.reserve(text.len() / 4 + 1);
    keys.reserve(text.len() / 64 + 8);
    tokens::<false>(text, 0, Join::Space, toks, keys);
}

/// The tokens from byte `i` on, the first joined by `join`; with `CHUNK`,
/// up to the end of the chunk only, whose end is returned.
///
/// A URL needs "://" or "www.": at a ':', or a '.' after "www", the rest of
/// the chunk is tokenized as if it held no URL, and the chunk is then
/// checked for one, its tokens from the URL's start replaced by one
/// [`Kind::Skip`]. Every ':' and '.' of a chunk is a symbol token, so no URL
/// is missed; the rest of the text pays nothing for them.
fn tokens<const CHUNK: bool>(
    text: &str,
    mut i: usize,
    mut join: Join,
    toks: &mut Vec<Tok>,
    keys: &mut Vec<usize>,
) -> usize {
    let b = text.as_bytes();
    while let Some(&c) = b.get(i) {
        // Most tokens are ASCII words: told apart first.
        let (kind, end, id, key) = if c.is_ascii_alphabetic() {
            let (end, id) = ascii_word(text, i);
            (Kind::Word, end, id, key_word(id, c, join, toks))
        } else if ascii_space(c) {
            if CHUNK {
                return i;
            }
            join = Join::Space;
            i += 1;
            continue;
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while b.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            // Four digits from 1000 to 2999: every year a matcher reads.
            let key = end - i == 4 && matches!(c, b'1' | b'2');
            (Kind::Num, end, 0, key)
        } else if c.is_ascii() {
            if c == b'-'
                && join == Join::Touch
                && toks
                    .last()
                    .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Num))
                && b.get(i + 1).is_some_and(|&d| {
                    d.is_ascii_alphanumeric() || (!d.is_ascii() && alphabetic(decode(text, i + 1)))
                })
            {
                join = Join::Hyphen;
                i += 1;
                continue;
            }
            // "www" is letters, so it is in the chunk of the '.'.
            if !CHUNK && (c == b':' || (c == b'.' && i >= 3 && b.get(i - 3..i) == Some(&[b'w'; 3])))
            {
                i = tokens::<true>(text, i, join, toks, keys);
                replace_url(text, i, toks, keys);
                continue;
            }
            (Kind::Sym(char::from(c)), i + 1, 0, false)
        } else {
            let ch = decode(text, i);
            let next = i + ch.len_utf8();
            if ch.is_whitespace() {
                if CHUNK {
                    return i;
                }
                join = Join::Space;
                i = next;
                continue;
            }
            if alphabetic(ch) {
                let end = word_end(text, next, b.len());
                let id = word_id(b, i..end);
                (Kind::Word, end, id, key_word(id, c, join, toks))
            } else {
                (Kind::Sym(ch), next, 0, false)
            }
        };
        if key {
            keys.push(toks.len());
        }
        toks.push(Tok {
            start: i,
            end,
            kind,
            join,
            id,
        });
        // The common case, one space between words, without a trip round
        // the loop.
        if !CHUNK && b.get(end) == Some(&b' ') {
            join = Join::Space;
            i = end + 1;
        } else {
            join = Join::Touch;
            i = end;
        }
    }
    i
}

/// Puts the URL of the chunk that ends at `end`, if it holds one, in place
/// of its tokens from the URL's start on. The chunk's first token is the
/// last one after whitespace (every later one touches the one before it),
/// and its first byte is that token's start.
fn replace_url(text: &str, end: usize, toks: &mut Vec<Tok>, keys: &mut Vec<usize>) {
    let Some(first) = toks.iter().rposition(|t| t.join == Join::Space) else {
        return;
    };
    let Some(start) = toks.get(first).map(|t| t.start) else {
        return;
    };
    if let Some(at) = text.get(start..end).and_then(url_start) {
        skip_url(text.as_bytes(), start + at..end, first, toks, keys);
    }
}

/// Puts a URL spanning `url` (to its chunk's end) in place of the tokens
/// from its start on, the first of the chunk being `toks[first]`. The URL
/// counts only when a token or a hyphen (a '-' that is no token, as a '-' is
/// never inside one) starts where it does; one that starts inside a token is
/// ignored, as it always was.
fn skip_url(b: &[u8], url: Range<usize>, first: usize, toks: &mut Vec<Tok>, keys: &mut Vec<usize>) {
    let from = toks
        .get(first..)
        .and_then(|chunk| chunk.iter().position(|t| t.end > url.start))
        .map_or(toks.len(), |k| first + k);
    let join = match toks.get(from) {
        Some(t) if t.start == url.start => t.join,
        // A hyphen directly follows the token before it.
        _ if b.get(url.start) == Some(&b'-') => Join::Touch,
        _ => return,
    };
    toks.truncate(from);
    while keys.last().is_some_and(|&k| k >= from) {
        keys.pop();
    }
    toks.push(Tok {
        start: url.start,
        end: url.end,
        kind: Kind::Skip,
        join,
        id: 0,
    });
}

/// A word with id `id` and first byte `first`, joined by `join` to the last
/// of `toks`, is a key.
#[inline(always)]
fn key_word(id: WordId, first: u8, join: Join, toks: &[Tok]) -> bool {
    // Most words are no word of the vocabulary: no table load for them.
    if id == 0 {
        return false;
    }
    match KEY_WORD.get(usize::from(id)) {
        None | Some(KeyWord::No) => false,
        Some(KeyWord::Always) => true,
        Some(KeyWord::Capitalised) => first.is_ascii_uppercase(),
        Some(KeyWord::Suffix) => {
            join == Join::Touch && toks.last().is_some_and(|p| p.kind == Kind::Num)
        }
    }
}

// ---------------------------------------------------------------------------
// Word tables

/// Every word (lowercase, sorted) that appears as a literal in the matchers
/// below. A test reads this file and fails when a literal is missing, so the
/// pre-filter in [`Tok::known`] can never hide a match.
#[rustfmt::skip]
const VOCABULARY: [&str; 268] = [
    "a", "across", "after", "afternoon", "ago", "an", "and", "apr", "april", "as", "at", "aug",
    "august", "autumn", "because", "before", "beginning", "between", "billion", "bn", "but", "by",
    "cars", "cases", "cities", "close", "coming", "companies", "concluding", "couple", "course", "current",
    "customers", "day", "days", "deaths", "dec", "decade", "decades", "december", "deciding", "dollar",
    "dollars", "during", "earlier", "early", "eight", "eighteen", "eighty", "eleven", "employees",
    "end", "ended", "ending", "euro", "euros", "evening", "fall", "feb", "february", "few",
    "fifteen", "fifty", "final", "firms", "first", "fiscal", "five", "following", "for", "forty", "four",
    "fourteen", "fourth", "fri", "friday", "from", "full", "fy", "h", "had", "half", "has", "he",
    "her", "his", "homes", "households", "hundred", "i", "in", "is", "it", "its", "jan", "january",
    "jobs", "jul", "july", "jun", "june", "k", "kg", "km", "last", "late", "lately", "later", "m",
    "many", "mar", "march", "may", "members", "meters", "metres", "mid", "middle", "miles",
    "million", "mn", "mon", "monday", "month", "months", "morning", "nd", "next", "nine",
    "nineteen", "ninety", "nov", "november", "o", "oct", "october", "of", "on", "one", "or",
    "over", "pages", "part", "past", "patients", "pct", "people", "per", "percent", "period",
    "persons", "points", "pounds", "preceding", "previous", "prior", "q", "quarter", "rd",
    "recent", "recently", "remainder", "renminbi", "residents", "rest", "rmb", "rupees", "said",
    "same", "sat", "saturday", "second", "sep", "sept", "september", "seven", "seventeen",
    "seventy", "several", "shares", "she", "shops", "since", "six", "sixteen", "sixty", "some",
    "soon", "spring", "st", "staff", "start", "stores", "students", "summer", "sun", "sunday", "t",
    "ten", "th", "that", "the", "their", "they", "third", "thirteen", "thirty", "this", "thousand",
    "three", "through", "throughout", "thu", "thur", "thurs", "thursday", "till", "time", "times",
    "to", "today", "tomorrow", "tonight", "tonnes", "tons", "trillion", "tue", "tues", "tuesday",
    "turn", "twelve", "twenty", "two", "units", "until", "usd", "users", "vehicles", "votes",
    "was", "we", "wed", "wednesday", "weds", "week", "weeks", "when", "where", "which", "while",
    "who", "whole", "will", "winter", "with", "within", "won", "workers", "would", "y", "year", "years",
    "yen", "yesterday", "you", "yoy", "yuan", "zero",
];

/// The words (lowercase, sorted) a matcher can start at: a word outside
/// this list starts no date. `prefilter_changes_nothing` and the property
/// test below prove that leaving a word out here loses no match.
#[rustfmt::skip]
const STARTERS: [&str; 126] = [
    "a", "across", "an", "apr", "april", "aug", "august", "before", "by", "day", "days", "dec",
    "decade", "decades", "december", "during", "earlier", "eight", "eighteen", "eighty", "eleven",
    "feb", "february", "few", "fifteen", "fifty", "first", "fiscal", "five", "for", "forty",
    "four", "fourteen", "fourth", "fri", "friday", "from", "full", "fy", "h", "in", "jan",
    "january", "jul", "july", "jun", "june", "last", "lately", "later", "many", "mar", "march",
    "may", "mon", "monday", "month", "months", "next", "nine", "nineteen", "ninety", "nov",
    "november", "oct", "october", "one", "over", "past", "preceding", "previous", "q", "quarter",
    "recently", "sat", "saturday", "second", "sep", "sept", "september", "seven", "seventeen",
    "seventy", "several", "since", "six", "sixteen", "sixty", "some", "sun", "sunday", "ten",
    "the", "third", "thirteen", "thirty", "this", "three", "throughout", "thu", "thur", "thurs",
    "thursday", "till", "today", "tomorrow", "tonight", "tue", "tues", "tuesday", "twelve",
    "twenty", "two", "until", "wed", "wednesday", "weds", "week", "weeks", "within", "y", "year",
    "years", "yesterday", "yoy", "zero",
];

/// The longest word of [`VOCABULARY`].
const LONGEST_KNOWN: usize = 10;

/// `word`'s bytes as one big-endian number, zero-padded: the numbers sort
/// as the words do, so [`VOCABULARY`]'s order carries over.
const fn pack(word: &[u8]) -> u128 {
    let mut value = 0u128;
    let mut i = 0;
    while i < 16 {
        value <<= 8;
        if i < word.len() {
            value |= word[i] as u128;
        }
        i += 1;
    }
    value
}

const STARTER_SET: Words = Words::of(&STARTERS);

/// Slots of [`VOCABULARY_TABLE`]: a power of two, about four per word, so
/// most lookups of an unknown word end at the first, empty, slot.
const SLOTS: usize = 1024;

/// The slot a packed word hashes to.
const fn slot(p: u128) -> usize {
    let x = (p >> 64) as u64 ^ p as u64;
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize % SLOTS
}

/// [`VOCABULARY`] in an open-addressing hash table with linear probing:
/// the packed words (0: empty slot) and their ids.
static VOCABULARY_TABLE: ([u128; SLOTS], [WordId; SLOTS]) = {
    let mut keys = [0u128; SLOTS];
    let mut ids = [0 as WordId; SLOTS];
    let mut k = 0;
    while k < VOCABULARY.len() {
        let p = pack(VOCABULARY[k].as_bytes());
        let mut s = slot(p);
        while keys[s] != 0 {
            s = (s + 1) % SLOTS;
        }
        keys[s] = p;
        ids[s] = (k + 1) as WordId;
        k += 1;
    }
    (keys, ids)
};

/// The [`WordId`] of the word at `word` in `text` (a run of alphabetic
/// characters), in any case.
fn word_id(text: &[u8], word: Range<usize>) -> WordId {
    let len = word.len();
    if len == 0 || len > LONGEST_KNOWN {
        return 0;
    }
    // The word's bytes as `pack` puts them, read at once when 16 bytes are
    // left in the text, the bytes after the word then cut off.
    let raw = match text.get(word.start..word.start + 16) {
        Some(wide) => wide.try_into().map_or(0, u128::from_be_bytes),
        None => {
            let mut buf = [0u8; 16];
            if let (Some(to), Some(from)) = (buf.get_mut(..len), text.get(word)) {
                to.copy_from_slice(from);
            }
            u128::from_be_bytes(buf)
        }
    };
    known(raw, len)
}

/// Masks that keep a packed word's first `len` bytes, by `len` (a table:
/// a shift of a `u128` by a variable amount costs more than a load).
static KEEP: [u128; LONGEST_KNOWN + 1] = {
    let mut keep = [0u128; LONGEST_KNOWN + 1];
    let mut len = 1;
    while len <= LONGEST_KNOWN {
        keep[len] = !0u128 << (8 * (16 - len));
        len += 1;
    }
    keep
};

/// The [`WordId`] of the word of `len` letters (1 to [`LONGEST_KNOWN`])
/// whose bytes, big-endian, start `raw` (what follows them is cut off).
fn known(raw: u128, len: usize) -> WordId {
    let keep = KEEP.get(len).copied().unwrap_or(0);
    // Lowercase: a word holds letters only, and setting bit 5 lowers an
    // ASCII letter; a non-ASCII byte stays non-ASCII, so it still matches
    // nothing.
    let p = (raw | 0x2020_2020_2020_2020_2020_2020_2020_2020) & keep;
    probe(&VOCABULARY_TABLE, slot(p), p)
}

/// The id stored with `key` in an open-addressing table (keys, ids; an
/// empty slot holds the zero key), searched from slot `from` on.
#[inline(always)]
fn probe<K: Copy + PartialEq + Default>(
    (keys, ids): &([K; SLOTS], [WordId; SLOTS]),
    from: usize,
    key: K,
) -> WordId {
    let mut s = from;
    loop {
        let k = keys[s];
        if k == key {
            return ids[s];
        }
        if k == K::default() {
            return 0;
        }
        s = (s + 1) % SLOTS;
    }
}

/// `word`'s bytes (at most eight) as one little-endian number,
/// zero-padded: the key of [`SHORT_TABLE`].
const fn pack_short(word: &[u8]) -> u64 {
    let mut value = 0u64;
    let mut i = word.len();
    while i > 0 {
        i -= 1;
        value = value << 8 | word[i] as u64;
    }
    value
}

/// The slot a word packed by [`pack_short`] hashes to.
const fn short_slot(p: u64) -> usize {
    (p.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize % SLOTS
}

/// The words of [`VOCABULARY`] of at most eight letters, as
/// [`VOCABULARY_TABLE`] holds them but keyed by a `u64`: most words are
/// that short, and one `u64` is read, masked and hashed in fewer steps than
/// a `u128` (no byte swap, one mask).
static SHORT_TABLE: ([u64; SLOTS], [WordId; SLOTS]) = {
    let mut keys = [0u64; SLOTS];
    let mut ids = [0 as WordId; SLOTS];
    let mut k = 0;
    while k < VOCABULARY.len() {
        let word = VOCABULARY[k].as_bytes();
        if word.len() <= 8 {
            let p = pack_short(word);
            let mut s = short_slot(p);
            while keys[s] != 0 {
                s = (s + 1) % SLOTS;
            }
            keys[s] = p;
            ids[s] = (k + 1) as WordId;
        }
        k += 1;
    }
    (keys, ids)
};

/// Masks that keep the first `len` bytes of a little-endian `u64`, by `len`.
static KEEP_SHORT: [u64; 9] = {
    let mut keep = [0u64; 9];
    let mut len = 1;
    while len <= 8 {
        keep[len] = !0u64 >> (8 * (8 - len));
        len += 1;
    }
    keep
};

/// The [`WordId`] of the ASCII word of `len` letters (1 to 8) whose bytes,
/// little-endian, start `raw` (what follows them is cut off).
#[inline(always)]
fn known_short(raw: u64, len: usize) -> WordId {
    let keep = KEEP_SHORT.get(len).copied().unwrap_or(0);
    // Lowercase, as in `known`.
    let p = (raw | 0x2020_2020_2020_2020) & keep;
    probe(&SHORT_TABLE, short_slot(p), p)
}

/// A word of [`VOCABULARY`] as a number: its index plus one (0: any other
/// word, or not a word).
type WordId = u16;

/// How many [`WordId`]s there are, 0 included.
const IDS: usize = VOCABULARY.len() + 1;

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The id of a lowercase word of [`VOCABULARY`]; used in `const` only, so a
/// word missing from [`VOCABULARY`] fails the build.
const fn id(word: &str) -> WordId {
    let mut k = 0;
    while k < VOCABULARY.len() {
        if same(VOCABULARY[k].as_bytes(), word.as_bytes()) {
            return (k + 1) as WordId;
        }
        k += 1;
    }
    panic!("a matcher's word is missing from VOCABULARY")
}

/// A set of [`WordId`]s, one bit each.
#[derive(Clone, Copy)]
struct Words([u64; IDS.div_ceil(64)]);

impl Words {
    const fn of(words: &[&str]) -> Words {
        let mut bits = [0u64; IDS.div_ceil(64)];
        let mut k = 0;
        while k < words.len() {
            let i = id(words[k]) as usize;
            bits[i / 64] |= 1 << (i % 64);
            k += 1;
        }
        Words(bits)
    }

    fn has(self, id: WordId) -> bool {
        let i = usize::from(id);
        self.0.get(i / 64).is_some_and(|b| (b >> (i % 64)) & 1 == 1)
    }

    /// [`Words::has`] for `const` tables.
    const fn has_const(&self, id: WordId) -> bool {
        let i = id as usize;
        (self.0[i / 64] >> (i % 64)) & 1 == 1
    }

    /// The set with `word` added.
    const fn with(mut self, word: &str) -> Words {
        let i = id(word) as usize;
        self.0[i / 64] |= 1 << (i % 64);
        self
    }

    /// The set with the word of each pair added.
    const fn with_all<T: Copy>(mut self, pairs: &[(&str, T)]) -> Words {
        let mut k = 0;
        while k < pairs.len() {
            self = self.with(pairs[k].0);
            k += 1;
        }
        self
    }
}

/// The id of a lowercase literal, computed at compile time.
macro_rules! w {
    ($word:literal) => {
        const { id($word) }
    };
}

/// A set of literals, built at compile time.
macro_rules! words {
    ($($word:literal),+ $(,)?) => {
        const { Words::of(&[$($word),+]) }
    };
}

/// `table[k]` by word id: `Some(value)` for the word of each pair.
const fn by_id<T: Copy>(pairs: &[(&str, T)]) -> [Option<T>; IDS] {
    let mut out = [None; IDS];
    let mut k = 0;
    while k < pairs.len() {
        out[id(pairs[k].0) as usize] = Some(pairs[k].1);
        k += 1;
    }
    out
}

/// Each word's place in `words` by word id.
const fn positions(words: &[&str]) -> [Option<u8>; IDS] {
    let mut out = [None; IDS];
    let mut k = 0;
    while k < words.len() {
        out[id(words[k]) as usize] = Some(k as u8);
        k += 1;
    }
    out
}

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

#[rustfmt::skip]
const MONTH_ABBREVIATIONS: [(&str, i8); 12] = [
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
    ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
];

/// Days in each month, February counted as in a leap year.
const MONTH_DAYS: [i8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

#[rustfmt::skip]
pub(crate) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday), ("tuesday", Weekday::Tuesday), ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday), ("friday", Weekday::Friday), ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

#[rustfmt::skip]
const WEEKDAY_ABBREVIATIONS: [(&str, Weekday); 11] = [
    ("mon", Weekday::Monday), ("tue", Weekday::Tuesday), ("tues", Weekday::Tuesday),
    ("wed", Weekday::Wednesday), ("thu", Weekday::Thursday), ("thur", Weekday::Thursday),
    ("thurs", Weekday::Thursday), ("fri", Weekday::Friday), ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday), ("weds", Weekday::Wednesday),
];

#[rustfmt::skip]
const NUMBER_WORDS: [&str; 20] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
];

#[rustfmt::skip]
const TENS_WORDS: [(&str, u16); 8] = [
    ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70),
    ("eighty", 80), ("ninety", 90),
];

const ORDINAL_WORDS: [&str; 4] = ["first", "second", "third", "fourth"];

const ORDINAL_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

/// Words after which a bare year or a bare month name is a date.
#[rustfmt::skip]
const DATE_CONTEXT: [&str; 18] = [
    "in", "since", "by", "before", "after", "until", "till", "through", "throughout", "from",
    "during", "for", "early", "mid", "late", "between", "year", "this",
];

/// Words before "of" that make "of 2020" / "of May" a date ("the end of 2020").
#[rustfmt::skip]
const OF_CONTEXT: [&str; 19] = [
    "end", "beginning", "start", "middle", "spring", "summer", "autumn", "fall", "winter", "half",
    "quarter", "months", "part", "rest", "course", "remainder", "as", "close", "turn",
];

/// Words joining a second date to a first ("between 2018 and 2020").
const CONJUNCTIONS: [&str; 4] = ["and", "or", "to", "through"];

/// Words that make a number a quantity, not a year or a day.
#[rustfmt::skip]
const UNIT_WORDS: [&str; 60] = [
    "million", "billion", "trillion", "thousand", "hundred", "mn", "bn", "m", "k", "yuan",
    "renminbi", "rmb", "dollars", "dollar", "usd", "euros", "euro", "pounds", "yen", "won",
    "rupees", "percent", "per", "pct", "people", "persons", "users", "employees", "workers",
    "staff", "units", "shares", "stores", "shops", "cities", "customers", "companies", "firms",
    "homes", "households", "jobs", "vehicles", "cars", "points", "times", "votes", "tons",
    "tonnes", "km", "miles", "metres", "meters", "kg", "pages", "cases", "deaths", "patients",
    "students", "members", "residents",
];

/// Words that may follow "the 12th" when it is a day of the month.
const DAY_FOLLOW: [&str; 44] = [
    "that", "and", "or", "when", "where", "at", "in", "on", "the", "a", "an", "to", "with", "by",
    "for", "as", "after", "before", "but", "which", "who", "he", "she", "it", "they", "we", "i",
    "you", "this", "its", "his", "her", "their", "was", "is", "will", "would", "had", "has",
    "said", "from", "until", "while", "because",
];

/// Opening symbols a number may touch and still stand alone.
const OPENERS: [char; 11] = [
    '(', '[', '{', '"', '\'', '\u{201c}', '\u{2018}', '\u{ab}', '\u{2014}', '\u{2013}', '/',
];

/// Words that end the search for a distant "of this year" after a period.
const LOOKAHEAD_STOP: [&str; 14] = [
    "year", "years", "quarter", "half", "month", "months", "week", "this", "last", "next", "since",
    "before", "ago", "and",
];

const UNITS: Words = Words::of(&UNIT_WORDS);
/// The plural time units ("years"), among the units the matchers accept.
const PLURAL_UNITS: Words = Words::of(&["days", "weeks", "months", "years", "decades"]);
const ORDINAL_SUFFIX_SET: Words = Words::of(&ORDINAL_SUFFIXES);
const DATE_CONTEXT_SET: Words = Words::of(&DATE_CONTEXT);
const OF_CONTEXT_SET: Words = Words::of(&OF_CONTEXT);
const CONJUNCTION_SET: Words = Words::of(&CONJUNCTIONS);
const DAY_FOLLOW_SET: Words = Words::of(&DAY_FOLLOW);
const LOOKAHEAD_STOP_SET: Words = Words::of(&LOOKAHEAD_STOP);
const MONTH_BY_ID: [Option<u8>; IDS] = positions(&MONTHS);
const MONTH_ABBREVIATION_BY_ID: [Option<i8>; IDS] = by_id(&MONTH_ABBREVIATIONS);
const WEEKDAY_BY_ID: [Option<Weekday>; IDS] = by_id(&WEEKDAYS);
const WEEKDAY_ABBREVIATION_BY_ID: [Option<Weekday>; IDS] = by_id(&WEEKDAY_ABBREVIATIONS);
const NUMBER_BY_ID: [Option<u8>; IDS] = positions(&NUMBER_WORDS);
const TENS_BY_ID: [Option<u16>; IDS] = by_id(&TENS_WORDS);
const ORDINAL_BY_ID: [Option<u8>; IDS] = positions(&ORDINAL_WORDS);

/// Whether `word` (letters only) names a month or a weekday, in full or
/// abbreviated, in any case.
pub fn names_a_time(word: &str) -> bool {
    if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let id = word_id(word.as_bytes(), 0..word.len());
    lookup(&MONTH_BY_ID, id).is_some()
        || lookup(&MONTH_ABBREVIATION_BY_ID, id).is_some()
        || lookup(&WEEKDAY_BY_ID, id).is_some()
        || lookup(&WEEKDAY_ABBREVIATION_BY_ID, id).is_some()
}

/// Whether `gap`, the text between a weekday and a date, joins them
/// ("Wednesday, Jan. 14", "Jan. 14 (Wednesday)"): at most three bytes, none
/// of them part of a word.
pub fn weekday_gap(gap: &str) -> bool {
    gap.len() <= 3 && !gap.chars().any(char::is_alphanumeric)
}

/// Whether `gap`, the text between a date and a weekday after it, sets the
/// weekday beside the date: ", a " ("March 3, 2023, a Friday"), maybe
/// after one lowercase noun ("a June 4 deadline, a Friday").
pub fn weekday_apposed(gap: &str) -> bool {
    gap.eq_ignore_ascii_case(", a ")
        || gap
            .strip_prefix(' ')
            .and_then(|g| g.strip_suffix(", a "))
            .is_some_and(|noun| !noun.is_empty() && noun.bytes().all(|b| b.is_ascii_lowercase()))
}

/// The year a weekday gives a date written without one: `date`, resolved
/// to a year by [`resolve`], moved to the next year when `weekday` falls
/// on that one and not on `date`, and the next year's date is at most six
/// months after publication ("a hearing on Wednesday, Jan. 14" in a
/// November story is next January's). Only forward, and only so far: a
/// weekday that fits neither year is the writer's slip, to be reported.
pub fn year_by_weekday(
    date: FactDate,
    weekday: Weekday,
    published: Option<FactDate>,
) -> Option<FactDate> {
    let day = date.exact()?;
    if day.weekday() == weekday {
        return None;
    }
    let next = Date::new(day.year().checked_add(1)?, day.month(), day.day()).ok()?;
    let p = published?.last_day();
    let limit = p.checked_add(Span::new().months(6)).ok()?;
    (next.weekday() == weekday && next > p && next <= limit).then(|| FactDate::from_date(next))
}

/// Whether `word` is a weekday's name, in full ("Friday").
pub fn names_a_weekday(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .any(|(day, _)| day.eq_ignore_ascii_case(word))
}

/// The value of word `id` in a table made by [`by_id`] or [`positions`].
fn lookup<T: Copy>(table: &[Option<T>; IDS], id: WordId) -> Option<T> {
    table.get(usize::from(id)).copied().flatten()
}

/// "May" or "MAY", not "may" nor "mAy".
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    first.is_ascii_uppercase()
        && (rest.chars().all(|c| c.is_ascii_lowercase())
            || rest.chars().all(|c| c.is_ascii_uppercase()))
}

// ---------------------------------------------------------------------------
// Keys: where a date can start

/// Every match (a mention, or words consumed silently) holds a key token at
/// most [`REACH`] tokens after its first (see [`Scanner::keys`]): a word
/// of this list in any case (time units, one-word dates), a capitalised
/// word of [`CAPITAL_KEY_SET`] (month and weekday names, "FY", "Q", "H"),
/// an ordinal suffix against a number ("12th"), or four digits from 1000
/// to 2999 (every year a matcher reads). So the scanner tries its matchers
/// only at the few tokens just before a key; `prefilter_changes_nothing`
/// and the property tests below hold it to trying them everywhere.
#[rustfmt::skip]
const KEY_WORDS: [&str; 23] = [
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
    "quarter", "half", "today", "tonight", "yesterday", "tomorrow", "recently", "lately",
    "morning", "afternoon", "evening", "yoy", "y",
];

/// The most tokens from a match's first to its first key ("the same period
/// of the previous year", "throughout the last twenty-five years").
const REACH: usize = 6;

const KEY_SET: Words = Words::of(&KEY_WORDS);

/// Keys when capitalised, as the matchers want them: month and weekday
/// names, and the codes "FY", "Q", "H" (compared as written).
const CAPITAL_KEY_SET: Words = Words::of(&MONTHS)
    .with_all(&MONTH_ABBREVIATIONS)
    .with_all(&WEEKDAYS)
    .with_all(&WEEKDAY_ABBREVIATIONS)
    .with("fy")
    .with("q")
    .with("h");

/// What makes a word a key, by [`WordId`]: one load rules out most words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyWord {
    No,
    /// In any case ([`KEY_SET`]).
    Always,
    /// Capitalised ([`CAPITAL_KEY_SET`]).
    Capitalised,
    /// Directly after a number ([`ORDINAL_SUFFIXES`]).
    Suffix,
}

static KEY_WORD: [KeyWord; IDS] = {
    let mut table = [KeyWord::No; IDS];
    let mut i = 0;
    while i < IDS {
        let id = i as WordId;
        table[i] = if KEY_SET.has_const(id) {
            KeyWord::Always
        } else if CAPITAL_KEY_SET.has_const(id) {
            KeyWord::Capitalised
        } else if ORDINAL_SUFFIX_SET.has_const(id) {
            KeyWord::Suffix
        } else {
            KeyWord::No
        };
        i += 1;
    }
    table
};

// ---------------------------------------------------------------------------
// Scanner

/// One match at a token: where it ends (exclusive token index), what it is
/// (`None`: consume the words, report nothing) and a later range of tokens
/// whose meaning it has taken ("of this year" after "Q2 financial report").
struct Match {
    end: usize,
    kind: Option<DateKind>,
    absorb: Option<Range<usize>>,
}

impl Match {
    fn new(end: usize, kind: DateKind) -> Option<Match> {
        Some(Match {
            end,
            kind: Some(kind),
            absorb: None,
        })
    }

    fn silent(end: usize) -> Option<Match> {
        Some(Match {
            end,
            kind: None,
            absorb: None,
        })
    }
}

/// The year "the same year" refers to, from the last mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Year(i16),
    Published,
    Unknown,
}

struct Ctx {
    /// Token index just after the last reported mention.
    last_end: Option<usize>,
    anchor: Anchor,
}

#[derive(Debug, Clone, Copy)]
enum Shape {
    Quarter(u8),
    Half(u8),
    FirstMonths(u8),
}

/// A count written in digits or words: `Some(n)`, or `None` when vague ("a few").
type Count = Option<u16>;

struct Scanner<'a> {
    text: &'a str,
    t: Vec<Tok>,
    /// The indices of the key tokens, in order: every match holds one at
    /// most [`REACH`] tokens after its first token. A key is a word of
    /// [`KEY_SET`] in any case, a capitalised word of [`CAPITAL_KEY_SET`],
    /// an ordinal suffix directly after a number, or four digits from 1000
    /// to 2999.
    keys: Vec<usize>,
    /// Skip words outside [`STARTERS`] at once, and tokens more than
    /// [`REACH`] before a key (off only in the tests that prove the
    /// pre-filters change nothing).
    prefilter: bool,
}

impl<'a> Scanner<'a> {
    fn run(&self) -> Vec<DateMention> {
        // Every mention holds a key token of its own.
        let mut out = Vec::with_capacity(self.keys.len());
        let mut ctx = Ctx {
            last_end: None,
            anchor: Anchor::Unknown,
        };
        let mut absorbed: Option<Range<usize>> = None;
        let mut i = 0;
        // The first key token at or after `i` (with the pre-filter on): no
        // match starts more than REACH tokens before it, so the tokens up to
        // there are skipped as if no matcher had matched at them (an
        // absorbed range they cross is then left, as it would have been).
        let mut next_key = 0;
        while i < self.t.len() {
            if let Some(r) = absorbed.clone().filter(|r| i >= r.start) {
                absorbed = None;
                if i < r.end {
                    i = r.end;
                    continue;
                }
            }
            if self.prefilter {
                while self.keys.get(next_key).is_some_and(|&k| k < i) {
                    next_key += 1;
                }
                let Some(&key) = self.keys.get(next_key) else {
                    break;
                };
                if key > i + REACH {
                    i = key - REACH;
                    continue;
                }
            }
            let Some(m) = self.at(i, &ctx) else {
                i += 1;
                continue;
            };
            let end = m.end.clamp(i + 1, self.t.len());
            if let Some(kind) = m.kind {
                ctx.last_end = Some(end);
                ctx.anchor = anchor_after(&kind, ctx.anchor);
                out.push(DateMention {
                    span: self.t[i].start..self.t[end - 1].end,
                    kind,
                });
            }
            if m.absorb.is_some() {
                absorbed = m.absorb;
            }
            i = end;
        }
        out
    }

    fn at(&self, i: usize, ctx: &Ctx) -> Option<Match> {
        match self.t[i].kind {
            // Every matcher that starts at a word compares it with a literal.
            Kind::Word if self.prefilter && !STARTER_SET.has(self.t[i].id) => None,
            Kind::Word => self
                .year_earlier(i)
                .or_else(|| self.past(i))
                .or_else(|| self.the_next(i))
                .or_else(|| self.period_words(i))
                .or_else(|| self.day_only(i))
                .or_else(|| self.since(i))
                .or_else(|| self.before(i))
                .or_else(|| self.counted(i))
                .or_else(|| self.simple(i))
                .or_else(|| self.codes(i))
                .or_else(|| self.month_first(i, ctx))
                .or_else(|| self.weekday(i)),
            Kind::Num => self
                .iso(i)
                .or_else(|| self.day_month(i))
                .or_else(|| self.codes(i))
                .or_else(|| self.counted(i))
                .or_else(|| self.year_fiscal(i))
                .or_else(|| self.bare_year(i, ctx)),
            Kind::Sym(_) | Kind::Skip => None,
        }
    }

    // -- token helpers ------------------------------------------------------

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Word).then(|| &self.text[t.start..t.end])
    }

    fn num(&self, i: usize) -> Option<&'a str> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Num).then(|| &self.text[t.start..t.end])
    }

    /// The [`WordId`] of token `i` (0 past the end).
    fn id(&self, i: usize) -> WordId {
        self.t.get(i).map_or(0, |t| t.id)
    }

    /// Token `i` is the word `w` (a nonzero id, from `w!`).
    fn is(&self, i: usize, w: WordId) -> bool {
        self.id(i) == w
    }

    fn is_any(&self, i: usize, set: Words) -> bool {
        set.has(self.id(i))
    }

    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn sym(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Sym(c))
    }

    fn join(&self, i: usize) -> Join {
        self.t.get(i).map_or(Join::Space, |t| t.join)
    }

    /// Whether token `i` follows a possessive ("X's", "his", "their").
    fn owned(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else {
            return false;
        };
        let before = self.text.get(..t.start).unwrap_or("").trim_end();
        before.ends_with("'s")
            || before.ends_with("’s")
            || before.ends_with("s'")
            || before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| {
                    ["his", "her", "its", "their"]
                        .iter()
                        .any(|p| w.eq_ignore_ascii_case(p))
                })
    }

    /// The [`WordId`] of the token before `i` (0 at the start).
    fn prev_id(&self, i: usize) -> WordId {
        i.checked_sub(1).map_or(0, |p| self.id(p))
    }

    /// Token `i` stands apart from what precedes it.
    fn starts_clean(&self, i: usize, hyphen_ok: bool) -> bool {
        match self.join(i) {
            Join::Space => true,
            Join::Hyphen => hyphen_ok,
            Join::Touch => i
                .checked_sub(1)
                .and_then(|p| self.t.get(p))
                .is_some_and(|p| matches!(p.kind, Kind::Sym(c) if OPENERS.contains(&c))),
        }
    }

    /// Token `i` (a number or its suffix) ends a number: no decimals, digit
    /// groups, times, fractions, percent sign, hyphenated tail or letters.
    fn ends_clean(&self, i: usize) -> bool {
        let Some(next) = self.t.get(i + 1) else {
            return true;
        };
        if next.join == Join::Space {
            return true;
        }
        match next.kind {
            Kind::Num | Kind::Word | Kind::Skip | Kind::Sym('%') => false,
            Kind::Sym('.' | ',' | ':' | '/') => !self
                .t
                .get(i + 2)
                .is_some_and(|m| m.join != Join::Space && m.kind == Kind::Num),
            Kind::Sym(_) => true,
        }
    }

    /// A unit or scale word (or a percent sign) at `i` makes the number
    /// before it a quantity.
    fn unit_at(&self, i: usize) -> bool {
        self.sym(i, '%') || self.is_any(i, UNITS)
    }

    /// A four-digit year at `i` within `lo..=hi`, standing alone.
    fn year_in(&self, i: usize, lo: u16, hi: u16, hyphen_ok: bool) -> Option<i16> {
        let s = self.num(i)?;
        if s.len() != 4 || !self.starts_clean(i, hyphen_ok) || !self.ends_clean(i) {
            return None;
        }
        if self.unit_at(i + 1) {
            return None;
        }
        let y: u16 = s.parse().ok()?;
        if !(lo..=hi).contains(&y) {
            return None;
        }
        i16::try_from(y).ok()
    }

    /// A year written with a month or a period ("May 2012", "Q2 2020").
    fn year(&self, i: usize) -> Option<i16> {
        self.year_in(i, 1000, 2999, false)
    }

    /// A year written alone ("in 2017"): a narrower range.
    fn bare(&self, i: usize, hyphen_ok: bool) -> Option<i16> {
        self.year_in(i, 1800, 2199, hyphen_ok)
    }

    /// A count at `i`: (Some(n) or None for "a few", next token).
    fn count(&self, i: usize) -> Option<(Count, usize)> {
        if let Some(s) = self.num(i) {
            if s.len() > 4 || !self.starts_clean(i, false) || !self.ends_clean(i) {
                return None;
            }
            return Some((Some(s.parse().ok()?), i + 1));
        }
        let w = self.id(i);
        if w == w!("a") || w == w!("an") {
            if self.is(i + 1, w!("few")) {
                return Some((None, i + 2));
            }
            if self.is(i + 1, w!("couple")) && self.is(i + 2, w!("of")) {
                return Some((Some(2), i + 3));
            }
            return Some((Some(1), i + 1));
        }
        if words!["few", "several", "some", "many"].has(w) {
            return Some((None, i + 1));
        }
        if let Some(n) = lookup(&NUMBER_BY_ID, w) {
            return Some((Some(u16::from(n)), i + 1));
        }
        let tens = lookup(&TENS_BY_ID, w)?;
        if self.join(i + 1) == Join::Hyphen {
            // "twenty-five": a unit word one to nine.
            if let Some(u) = lookup(&NUMBER_BY_ID, self.id(i + 1)).filter(|u| (1..=9).contains(u)) {
                return Some((Some(tens + u16::from(u)), i + 2));
            }
        }
        Some((Some(tens), i + 1))
    }

    /// An ordinal 1 to 4 at `i` ("second", "2nd"): (n, next token).
    fn ordinal(&self, i: usize) -> Option<(u8, usize)> {
        if self.is_word(i) {
            let n = lookup(&ORDINAL_BY_ID, self.id(i))?;
            return Some((n + 1, i + 1));
        }
        let s = self.num(i)?;
        if s.len() != 1 || !self.starts_clean(i, false) || self.join(i + 1) != Join::Touch {
            return None;
        }
        let hyphenated = self.join(i + 2) == Join::Hyphen && self.is_word(i + 2);
        if !self.is_any(i + 1, ORDINAL_SUFFIX_SET) || !(hyphenated || self.ends_clean(i + 1)) {
            return None;
        }
        let n: u8 = s.parse().ok()?;
        (1..=4).contains(&n).then_some((n, i + 2))
    }

    /// A day number at `i` ("2", "12th"): (day, next token, suffix written,
    /// range end written: "17-18").
    fn day_number(&self, i: usize) -> Option<(i8, usize, bool, bool)> {
        let s = self.num(i)?;
        if s.len() > 2 {
            return None;
        }
        let day: i8 = s.parse().ok()?;
        if !(1..=31).contains(&day) {
            return None;
        }
        let mut last = i;
        let suffix = self.join(i + 1) == Join::Touch && self.is_any(i + 1, ORDINAL_SUFFIX_SET);
        if suffix {
            last = i + 1;
        }
        if !suffix
            && self.join(i + 1) == Join::Hyphen
            && self.num(i + 1).is_some_and(|s| s.len() <= 2)
            && self.ends_clean(i + 1)
            && !self.unit_at(i + 2)
        {
            return Some((day, i + 2, false, true));
        }
        if !self.ends_clean(last) || self.unit_at(last + 1) {
            return None;
        }
        Some((day, last + 1, suffix, false))
    }

    /// A month name at `i`: (month, next token, abbreviation without a dot).
    fn month_of(&self, i: usize) -> Option<(i8, usize, bool)> {
        let id = self.id(i);
        let full = lookup(&MONTH_BY_ID, id);
        let abbreviation = lookup(&MONTH_ABBREVIATION_BY_ID, id);
        if full.is_none() && abbreviation.is_none() {
            return None;
        }
        if !capitalised(self.word(i)?) {
            return None;
        }
        if let Some(m) = full {
            return Some((i8::try_from(m + 1).ok()?, i + 1, false));
        }
        let m = abbreviation?;
        if self.sym(i + 1, '.') && self.join(i + 1) == Join::Touch {
            Some((m, i + 2, false))
        } else {
            Some((m, i + 1, true))
        }
    }

    /// A word before token `i` that makes a bare year or month a date.
    fn has_context(&self, i: usize, ctx: &Ctx) -> bool {
        if self.continues_list(i, ctx) {
            return true;
        }
        let w = self.prev_id(i);
        if DATE_CONTEXT_SET.has(w) {
            return true;
        }
        if w == w!("of") {
            return i
                .checked_sub(2)
                .is_some_and(|p| self.is_any(p, OF_CONTEXT_SET));
        }
        // "would open 30 shops over 2024 as a whole" (not "up 5% over
        // 2023", a comparison).
        if w == w!("over") {
            return self.is(i + 1, w!("as"))
                && self.is(i + 2, w!("a"))
                && self.is(i + 3, w!("whole"));
        }
        if w == w!("as") {
            // "as early as April", "as late as 2019"
            return i >= 3
                && self.is(i - 3, w!("as"))
                && self.is_any(i - 2, words!["early", "late", "recently", "soon"]);
        }
        CONJUNCTION_SET.has(w) && ctx.last_end == Some(i - 1)
    }

    /// Token `i` ends a phrase: the end of the text, a symbol, or "and"/"or".
    fn ends_phrase(&self, i: usize) -> bool {
        match self.t.get(i) {
            None => true,
            Some(t) => matches!(t.kind, Kind::Sym(_)) || self.is_any(i, words!["and", "or"]),
        }
    }

    /// Token `i` continues a list after a comma that directly follows the
    /// last mention ("in March, April and May", "in 2017, 2018").
    fn continues_list(&self, i: usize, ctx: &Ctx) -> bool {
        i >= 1 && self.sym(i - 1, ',') && ctx.last_end == Some(i - 1)
    }

    // -- matchers -----------------------------------------------------------

    /// "a year earlier", "from a year ago", "the same period last year",
    /// "year-on-year", "YoY", "year-earlier".
    fn year_earlier(&self, i: usize) -> Option<Match> {
        let kind = DateKind::Period(PeriodRef::YearEarlier);
        let a_year = |j: usize, ends: Words| {
            self.is_any(j, words!["a", "one"])
                && self.is(j + 1, w!("year"))
                && self.is_any(j + 2, ends)
        };
        if self.is(i, w!("from")) && a_year(i + 1, words!["ago", "earlier", "before"]) {
            return Match::new(i + 4, kind);
        }
        if a_year(i, words!["earlier", "ago"]) {
            return Match::new(i + 3, kind);
        }
        if self.is(i, w!("the"))
            && self.is(i + 1, w!("same"))
            && self.is_any(
                i + 2,
                words!["period", "quarter", "month", "time", "half", "week", "day"],
            )
        {
            let k = if self.is_any(i + 3, words!["of", "in"]) {
                i + 4
            } else {
                i + 3
            };
            if self.is(k, w!("last")) && self.is(k + 1, w!("year")) {
                return Match::new(k + 2, kind);
            }
            if a_year(k, words!["earlier", "ago", "before"]) {
                return Match::new(k + 3, kind);
            }
            if self.is(k, w!("the"))
                && self.is_any(k + 1, words!["previous", "prior", "preceding"])
                && self.is(k + 2, w!("year"))
            {
                return Match::new(k + 3, kind);
            }
            return None;
        }
        if self.is(i, w!("year"))
            && self.is_any(i + 1, words!["on", "over"])
            && self.is(i + 2, w!("year"))
        {
            return Match::new(i + 3, kind);
        }
        if self.is(i, w!("yoy")) {
            return Match::new(i + 1, kind);
        }
        if self.is(i, w!("y"))
            && self.join(i + 1) == Join::Hyphen
            && self.is(i + 1, w!("o"))
            && self.join(i + 2) == Join::Hyphen
            && self.is(i + 2, w!("y"))
        {
            return Match::new(i + 3, kind);
        }
        if self.is(i, w!("y"))
            && self.sym(i + 1, '/')
            && self.join(i + 1) == Join::Touch
            && self.join(i + 2) == Join::Touch
            && self.is(i + 2, w!("y"))
            && self.join(i + 3) != Join::Touch
        {
            return Match::new(i + 3, kind);
        }
        if self.is(i, w!("year"))
            && self.join(i + 1) == Join::Hyphen
            && self.is_any(i + 1, words!["earlier", "ago"])
        {
            return Match::new(i + 2, kind);
        }
        None
    }

    /// "over the past 15 years", "during the last two decades", "the past
    /// decade", "in recent years", "the past few months".
    fn past(&self, i: usize) -> Option<Match> {
        let mut j = i;
        let prep = self.is_any(
            j,
            words![
                "over",
                "during",
                "in",
                "for",
                "throughout",
                "within",
                "across"
            ],
        );
        if prep {
            j += 1;
        }
        let the = self.is(j, w!("the"));
        if the {
            j += 1;
        }
        if prep && !the && self.is(j, w!("recent")) {
            return self
                .is_any(j + 1, words!["years", "months", "weeks", "days", "decades"])
                .then(|| Match::new(j + 2, DateKind::Relative(Relative::Recently)))
                .flatten();
        }
        if !self.is_any(j, words!["past", "last", "previous", "preceding"]) {
            return None;
        }
        j += 1;
        let (count, k) = match self.count(j) {
            Some(_) if self.is_any(j, words!["a", "an", "some"]) => (None, j),
            Some((c, k)) => (Some(c), k),
            None => (None, j),
        };
        let unit = self.id(k);
        if count.is_none() && !the {
            return None;
        }
        let years = if words!["year", "years"].has(unit) {
            Some(1u16)
        } else if words!["decade", "decades"].has(unit) {
            Some(10)
        } else if words!["day", "days", "week", "weeks", "month", "months"].has(unit) {
            None
        } else {
            return None;
        };
        if self.is(k + 1, w!("of")) {
            // "the last year of his tenure": not about the publication date.
            return Match::silent(k + 1);
        }
        let plural = PLURAL_UNITS.has(unit);
        let kind = match (years, count) {
            (Some(mult), Some(Some(n))) if n > 0 => match n.checked_mul(mult) {
                Some(total) => Relative::PastYears(total),
                None => return None,
            },
            (Some(mult), None) if !plural => Relative::PastYears(mult),
            (Some(_), Some(Some(_))) => return None,
            _ => Relative::Recently,
        };
        Match::new(k + 1, DateKind::Relative(kind))
    }

    /// "the next day", "the following week", "the day after"; "the next
    /// year" is about another event and is consumed silently.
    fn the_next(&self, i: usize) -> Option<Match> {
        if !self.is(i, w!("the")) {
            return None;
        }
        if self.is_any(i + 1, words!["next", "following"]) {
            if self.is(i + 2, w!("day")) {
                return Match::new(i + 3, DateKind::Relative(Relative::DaysAfter(Some(1))));
            }
            if self.is(i + 2, w!("week")) {
                return Match::new(i + 3, DateKind::Relative(Relative::DaysAfter(Some(7))));
            }
            if self.is_any(i + 2, words!["month", "year"]) {
                return Match::silent(i + 3);
            }
        }
        if self.is_any(i + 1, words!["day", "week"]) && self.is(i + 2, w!("after")) {
            let n = if self.is(i + 1, w!("day")) { 1 } else { 7 };
            return Match::new(i + 3, DateKind::Relative(Relative::DaysAfter(Some(n))));
        }
        None
    }

    /// "the second quarter", "the first half", "the first nine months", "the
    /// June quarter", "the quarter ended June 30, 2020", with their year.
    fn period_words(&self, i: usize) -> Option<Match> {
        let j = if self.is(i, w!("the")) { i + 1 } else { i };
        if let Some((n, k)) = self
            .ordinal(j)
            .filter(|&(_, k)| self.join(k + 1) != Join::Hyphen)
        {
            // not "quarter-final", "half-time"
            if self.is(k, w!("quarter")) {
                return self.with_year(k + 1, Shape::Quarter(n));
            }
            if self.is(k, w!("half")) && n <= 2 {
                return self.with_year(k + 1, Shape::Half(n));
            }
        }
        if self.is(j, w!("first"))
            && !self.is_any(j + 1, words!["a", "an", "few", "several", "some", "many"])
        {
            if let Some((Some(n), k)) = self.count(j + 1) {
                if self.is(k, w!("months")) && (1..=11).contains(&n) {
                    return self.with_year(k + 1, Shape::FirstMonths(u8::try_from(n).ok()?));
                }
            }
        }
        if let Some((m, k, _)) = self.month_of(j) {
            if m % 3 == 0 {
                let (year, k) = match self.year(k) {
                    Some(y) => (Some(y), k + 1),
                    None => (None, k),
                };
                // "the July-September period" names the quarter too.
                let three_months = j > 0
                    && self.join(j) == Join::Hyphen
                    && self
                        .month_of(j - 1)
                        .is_some_and(|(first, ..)| first == m - 2);
                if self.is(k, w!("quarter")) || (three_months && self.is(k, w!("period"))) {
                    let quarter = u8::try_from(m / 3).ok()?;
                    if year.is_some() {
                        return Match::new(
                            k + 1,
                            DateKind::Period(PeriodRef::Quarter {
                                quarter,
                                year,
                                this_year: false,
                            }),
                        );
                    }
                    return self.with_year(k + 1, Shape::Quarter(quarter));
                }
            }
        }
        if self.is(j, w!("quarter")) && self.is_any(j + 1, words!["ended", "ending"]) {
            let k = if self.is(j + 2, w!("on")) {
                j + 3
            } else {
                j + 2
            };
            let (m, mut end, _) = self.month_of(k)?;
            if m % 3 != 0 {
                return None;
            }
            if let Some((_, e, _, false)) = self.day_number(end) {
                end = e;
            }
            let comma = if self.sym(end, ',') { end + 1 } else { end };
            let year = self.year(comma);
            if year.is_some() {
                end = comma + 1;
            }
            return Match::new(
                end,
                DateKind::Period(PeriodRef::Quarter {
                    quarter: u8::try_from(m / 3).ok()?,
                    year,
                    this_year: false,
                }),
            );
        }
        None
    }

    /// A period's year after its words at `k`: "of 2020", "2020", "of this
    /// year", "of the year", or a few words later "... of this year".
    fn with_year(&self, k: usize, shape: Shape) -> Option<Match> {
        let mut year = None;
        let mut this_year = false;
        let mut end = k;
        let mut absorb = None;
        let last_year = |j: usize| {
            (self.is_any(j, words!["last", "next"]) && self.is(j + 1, w!("year")))
                || (self.is(j, w!("the"))
                    && self.is_any(
                        j + 1,
                        words!["previous", "prior", "preceding", "next", "following"],
                    )
                    && self.is(j + 2, w!("year")))
        };
        if self.is(k, w!("of")) {
            if let Some(y) = self.bare(k + 1, false) {
                year = Some(y);
                end = k + 2;
            } else if self.is(k + 1, w!("this")) && self.is(k + 2, w!("year")) {
                this_year = true;
                end = k + 3;
            } else if self.is(k + 1, w!("the"))
                && self.is(k + 2, w!("current"))
                && self.is(k + 3, w!("year"))
            {
                this_year = true;
                end = k + 4;
            } else if self.is(k + 1, w!("the")) && self.is(k + 2, w!("year")) {
                // "the second half of the year": the year of the news.
                this_year = true;
                end = k + 3;
            } else if last_year(k + 1) {
                return Match::silent(k);
            } else if !matches!(shape, Shape::FirstMonths(_)) {
                // "the second half of the match", "the first quarter of the
                // fiscal year", "the first quarter of the century".
                return Match::silent(k);
            }
        } else if let Some(y) = self.year(k) {
            year = Some(y);
            end = k + 1;
        } else if !matches!(shape, Shape::FirstMonths(_)) {
            // "Q2 financial report of this year"
            let mut l = k;
            while l < k + 5 {
                if !self.is_word(l) {
                    break;
                }
                let w = self.id(l);
                if w == w!("of") {
                    if self.is(l + 1, w!("this")) && self.is(l + 2, w!("year")) {
                        this_year = true;
                        absorb = Some(l..l + 3);
                    } else if let Some(y) = self.bare(l + 1, false) {
                        year = Some(y);
                        absorb = Some(l..l + 2);
                    } else if last_year(l + 1) {
                        return Match::silent(k);
                    }
                    break;
                }
                if LOOKAHEAD_STOP_SET.has(w) || self.month_of(l).is_some() {
                    break;
                }
                l += 1;
            }
        }
        let period = match shape {
            Shape::Quarter(quarter) => PeriodRef::Quarter {
                quarter,
                year,
                this_year,
            },
            Shape::Half(half) => PeriodRef::Half {
                half,
                year,
                this_year,
            },
            Shape::FirstMonths(months) => PeriodRef::FirstMonths { months, year },
        };
        Some(Match {
            end,
            kind: Some(DateKind::Period(period)),
            absorb,
        })
    }

    /// "the 12th", "the 3rd of this month": a day of an unnamed month.
    fn day_only(&self, i: usize) -> Option<Match> {
        if !self.is(i, w!("the")) || self.join(i + 1) != Join::Space {
            return None;
        }
        let (day, k, true, false) = self.day_number(i + 1)? else {
            return None;
        };
        let Some(next) = self.t.get(k) else {
            return Match::new(k, DateKind::DayOnly { day });
        };
        match next.kind {
            Kind::Word if next.join == Join::Space => {
                let w = self.word(k)?;
                if self.is(k, w!("of")) {
                    if self.is_any(k + 1, words!["this", "the", "that"])
                        && self.is(k + 2, w!("month"))
                    {
                        return Match::new(k + 3, DateKind::DayOnly { day });
                    }
                    return None;
                }
                if !w.starts_with(|c: char| c.is_ascii_lowercase()) && !self.is(k, w!("i")) {
                    return None;
                }
                // "the 14th and final game": the ordinal of a thing in a series.
                if self.is(k, w!("and"))
                    && self.is_any(k + 1, words!["final", "last", "deciding", "concluding"])
                {
                    return None;
                }
                self.is_any(k, DAY_FOLLOW_SET)
                    .then(|| Match::new(k, DateKind::DayOnly { day }))
                    .flatten()
            }
            Kind::Sym(_) => Match::new(k, DateKind::DayOnly { day }),
            _ => None,
        }
    }

    /// "early", "mid", "late", "the end of"... before a year at `j`.
    fn part(&self, j: usize) -> (Option<Part>, usize) {
        if self.is(j, w!("early")) {
            return (Some(Part::Early), j + 1);
        }
        if self.is(j, w!("mid")) {
            return (Some(Part::Mid), j + 1);
        }
        if self.is(j, w!("late")) {
            return (Some(Part::Late), j + 1);
        }
        if self.is(j, w!("the")) && self.is(j + 2, w!("of")) {
            let part = if self.is_any(j + 1, words!["end", "close"]) {
                Some(Part::Late)
            } else if self.is_any(j + 1, words!["beginning", "start"]) {
                Some(Part::Early)
            } else if self.is(j + 1, w!("middle")) {
                Some(Part::Mid)
            } else {
                None
            };
            if part.is_some() {
                return (part, j + 3);
            }
        }
        (None, j)
    }

    /// "since 2016", "since late 2019", "since mid-2020".
    fn since(&self, i: usize) -> Option<Match> {
        if !self.is(i, w!("since")) {
            return None;
        }
        let (part, k) = self.part(i + 1);
        let year = self.bare(k, part.is_some() && k == i + 2)?;
        Match::new(k + 1, DateKind::Relative(Relative::Since { year, part }))
    }

    /// "before 2030", "by 2030", "by the end of 2030", "until 2030".
    fn before(&self, i: usize) -> Option<Match> {
        if !self.is_any(i, words!["before", "by", "until", "till"]) {
            return None;
        }
        let mut k = i + 1;
        if self.is(k, w!("the")) && self.is(k + 1, w!("end")) && self.is(k + 2, w!("of")) {
            k += 3;
        }
        let year = self.bare(k, false)?;
        Match::new(k + 1, DateKind::Relative(Relative::Before { year }))
    }

    /// "two days after", "a few days later", "days after", "15 years ago",
    /// "a few days ago".
    fn counted(&self, i: usize) -> Option<Match> {
        let units = words![
            "day", "days", "week", "weeks", "month", "months", "year", "years", "decade",
            "decades",
        ];
        let (count, k): (Option<Count>, usize) = if self.is_any(i, units) {
            (None, i)
        } else {
            let (c, k) = self.count(i)?;
            (Some(c), k)
        };
        let unit = self.id(k);
        if !units.has(unit) || self.join(k + 1) != Join::Space {
            return None;
        }
        let plural = PLURAL_UNITS.has(unit);
        if count.is_none() && !plural {
            return None;
        }
        let days = if words!["day", "days"].has(unit) {
            Some(1u16)
        } else if words!["week", "weeks"].has(unit) {
            Some(7)
        } else {
            None
        };
        if self.is_any(k + 1, words!["after", "later"]) {
            let mult = days?;
            let n = match count {
                Some(Some(n)) => Some(n.checked_mul(mult)?),
                _ => None,
            };
            return Match::new(k + 2, DateKind::Relative(Relative::DaysAfter(n)));
        }
        if self.is(k + 1, w!("ago")) {
            let years = if words!["year", "years"].has(unit) {
                Some(1u16)
            } else if words!["decade", "decades"].has(unit) {
                Some(10)
            } else {
                None
            };
            let kind = match (years, count) {
                (Some(1), Some(Some(1))) => DateKind::Period(PeriodRef::YearEarlier),
                (Some(mult), Some(Some(n))) if n > 0 => {
                    DateKind::Relative(Relative::PastYears(n.checked_mul(mult)?))
                }
                (_, Some(Some(0))) => return None,
                _ => DateKind::Relative(Relative::Recently),
            };
            return Match::new(k + 2, kind);
        }
        None
    }

    /// "today", "yesterday", "last month", "earlier this year", "recently".
    fn simple(&self, i: usize) -> Option<Match> {
        let w = self.id(i);
        let single = if words!["today", "tonight"].has(w) {
            Some(Relative::Today)
        } else if w == w!("yesterday") {
            Some(Relative::Yesterday)
        } else if w == w!("tomorrow") {
            Some(Relative::Tomorrow)
        } else if words!["recently", "lately"].has(w) {
            Some(Relative::Recently)
        } else {
            None
        };
        if let Some(r) = single {
            return Match::new(i + 1, DateKind::Relative(r));
        }
        if w == w!("this") && self.is_any(i + 1, words!["morning", "afternoon", "evening"]) {
            return Match::new(i + 2, DateKind::Relative(Relative::Today));
        }
        let (earlier, later, j) = if w == w!("earlier") {
            (true, false, i + 1)
        } else if w == w!("later") {
            (false, true, i + 1)
        } else {
            (false, false, i)
        };
        let unit = self.id(j + 1);
        let relative = if self.is(j, w!("this")) {
            if unit == w!("week") {
                Relative::ThisWeek
            } else if unit == w!("month") {
                if earlier {
                    Relative::EarlierThisMonth
                } else {
                    Relative::ThisMonth
                }
            } else if unit == w!("year") {
                if earlier {
                    Relative::EarlierThisYear
                } else {
                    Relative::ThisYear
                }
            } else {
                return None;
            }
        } else if !earlier && !later && self.is_any(j, words!["last", "next"]) {
            // "Roe's last year in office", "his last year as chairman":
            // someone's final year, no year before publication.
            if self.owned(j) {
                return None;
            }
            let last = self.is(j, w!("last"));
            // "last September", "next March".
            let month = self.month_of(j + 1);
            if let Some((month, end, false)) =
                month.filter(|&(_, end, _)| self.day_number(end).is_none())
            {
                let relative = if last {
                    Relative::LastNamedMonth(month)
                } else {
                    Relative::NextNamedMonth(month)
                };
                return Match::new(end, DateKind::Relative(relative));
            }
            if unit == w!("week") {
                if last {
                    Relative::LastWeek
                } else {
                    Relative::NextWeek
                }
            } else if unit == w!("month") {
                if last {
                    Relative::LastMonth
                } else {
                    Relative::NextMonth
                }
            } else if unit == w!("year") {
                if last {
                    Relative::LastYear
                } else {
                    Relative::NextYear
                }
            } else {
                return None;
            }
        } else {
            return None;
        };
        if self.join(j + 2) == Join::Hyphen {
            return None;
        }
        Match::new(j + 2, DateKind::Relative(relative))
    }

    /// "Q2", "H1", "2Q", "1H", "2Q20", "FY2020", "FY20", "fiscal 2020",
    /// "fiscal year 2020", "full-year 2020".
    fn codes(&self, i: usize) -> Option<Match> {
        if let Some(w) = self.word(i) {
            if (w == "Q" || w == "H") && self.starts_clean(i, false) {
                let d = self.num(i + 1)?;
                if self.join(i + 1) != Join::Touch || d.len() != 1 || !self.ends_clean(i + 1) {
                    return None;
                }
                let n: u8 = d.parse().ok()?;
                let shape = match (w, n) {
                    ("Q", 1..=4) => Shape::Quarter(n),
                    ("H", 1..=2) => Shape::Half(n),
                    _ => return None,
                };
                return self.with_year(i + 2, shape);
            }
            if w == "FY" && self.starts_clean(i, false) && self.join(i + 1) != Join::Hyphen {
                let s = self.num(i + 1)?;
                if !self.ends_clean(i + 1) || self.unit_at(i + 2) {
                    return None;
                }
                let n: i16 = match s.len() {
                    2 => 2000 + s.parse::<i16>().ok()?,
                    4 => s.parse().ok()?,
                    _ => return None,
                };
                if !(1000..=2999).contains(&n) {
                    return None;
                }
                return Match::new(i + 2, DateKind::Period(PeriodRef::FiscalYear { year: n }));
            }
            if self.is(i, w!("fiscal")) {
                let k = if self.is(i + 1, w!("year")) {
                    i + 2
                } else {
                    i + 1
                };
                let year = self.year(k)?;
                return Match::new(k + 1, DateKind::Period(PeriodRef::FiscalYear { year }));
            }
            if self.is(i, w!("full")) && self.is(i + 1, w!("year")) {
                let year = self.year(i + 2)?;
                return Match::new(i + 3, DateKind::Period(PeriodRef::FiscalYear { year }));
            }
            return None;
        }
        // "2Q", "1H", "2Q21", "2Q 2021"
        let d = self.num(i)?;
        if d.len() != 1 || !self.starts_clean(i, false) || self.join(i + 1) != Join::Touch {
            return None;
        }
        let letter = self.word(i + 1)?;
        let n: u8 = d.parse().ok()?;
        let shape = match (letter, n) {
            ("Q", 1..=4) => Shape::Quarter(n),
            ("H", 1..=2) => Shape::Half(n),
            _ => return None,
        };
        if let Some(yy) = self.num(i + 2) {
            if self.join(i + 2) != Join::Touch || yy.len() != 2 || !self.ends_clean(i + 2) {
                return None;
            }
            let year = Some(2000 + yy.parse::<i16>().ok()?);
            let period = match shape {
                Shape::Quarter(quarter) => PeriodRef::Quarter {
                    quarter,
                    year,
                    this_year: false,
                },
                Shape::Half(half) => PeriodRef::Half {
                    half,
                    year,
                    this_year: false,
                },
                Shape::FirstMonths(_) => return None,
            };
            return Match::new(i + 3, DateKind::Period(period));
        }
        if !self.ends_clean(i + 1) {
            return None;
        }
        self.with_year(i + 2, shape)
    }

    /// A date starting with a month name: "September 5", "Sept. 5, 2019",
    /// "May 2012", "September of the same year", "in September".
    fn month_first(&self, i: usize, ctx: &Ctx) -> Option<Match> {
        let (month, j, bare_abbreviation) = self.month_of(i)?;
        let calendar = |year: Option<i16>, day: Option<i8>| DateKind::Calendar {
            year,
            month: Some(month),
            day,
        };
        if self.join(j) == Join::Space {
            if let Some((day, k, _, range)) = self.day_number(j) {
                let (year, end) = if self.sym(k, ',') {
                    match self.year(k + 1) {
                        Some(y) => (Some(y), k + 2),
                        None => (None, k),
                    }
                } else {
                    match self.year(k) {
                        Some(y) => (Some(y), k + 1),
                        None => (None, k),
                    }
                };
                let day = (!range && possible(year, month, day)).then_some(day);
                return Match::new(end, calendar(year, day));
            }
        }
        if let Some(y) = self.year(j) {
            return Match::new(j + 1, calendar(Some(y), None));
        }
        if self.sym(j, ',') && self.ends_phrase(j + 2) {
            if let Some(y) = self.year(j + 1) {
                return Match::new(j + 2, calendar(Some(y), None));
            }
        }
        if self.is(j, w!("of")) {
            if let Some(y) = self.year(j + 1) {
                return Match::new(j + 2, calendar(Some(y), None));
            }
            let same = if self.is(j + 1, w!("the"))
                && self.is(j + 2, w!("same"))
                && self.is(j + 3, w!("year"))
            {
                Some(j + 4)
            } else if self.is(j + 1, w!("that")) && self.is(j + 2, w!("year")) {
                Some(j + 3)
            } else {
                None
            };
            if let Some(end) = same {
                return match ctx.anchor {
                    Anchor::Year(y) => Match::new(end, calendar(Some(y), None)),
                    Anchor::Published => Match::new(end, calendar(None, None)),
                    Anchor::Unknown => Match::silent(end),
                };
            }
            if self.is(j + 1, w!("this")) && self.is(j + 2, w!("year")) {
                return Match::new(j + 3, calendar(None, None));
            }
            if (self.is_any(j + 1, words!["last", "next"]) && self.is(j + 2, w!("year")))
                || (self.is(j + 1, w!("the"))
                    && self.is_any(j + 2, words!["previous", "prior", "following", "next"])
                    && self.is(j + 3, w!("year")))
            {
                // "September of last year": the year is relative; leave it to
                // the "last year" mention.
                return Match::silent(j);
            }
        }
        if bare_abbreviation {
            return None;
        }
        if words!["last", "next", "coming"].has(self.prev_id(i)) {
            return Match::silent(j);
        }
        if self.join(i) == Join::Hyphen && !words!["mid", "early", "late"].has(self.prev_id(i)) {
            return None;
        }
        self.has_context(i, ctx)
            .then(|| Match::new(j, calendar(None, None)))
            .flatten()
    }

    /// "Monday", "Tuesday's", "Fri., Sept. 3".
    fn weekday(&self, i: usize) -> Option<Match> {
        let id = self.id(i);
        let full = lookup(&WEEKDAY_BY_ID, id);
        let abbreviation = lookup(&WEEKDAY_ABBREVIATION_BY_ID, id);
        if full.is_none() && abbreviation.is_none() {
            return None;
        }
        if !capitalised(self.word(i)?) {
            return None;
        }
        let (weekday, end) = if let Some(d) = full {
            (d, i + 1)
        } else {
            let d = abbreviation?;
            let dotted = self.sym(i + 1, '.') && self.join(i + 1) == Join::Touch;
            let k = if self.sym(i + 2, ',') { i + 3 } else { i + 2 };
            if !dotted || self.month_of(k).is_none() {
                return None;
            }
            (d, i + 2)
        };
        // "next Thursday" is read where it is found (`resolve_next`).
        if self.prev_id(i) == w!("coming") {
            return Match::silent(end);
        }
        Match::new(end, DateKind::Weekday(weekday))
    }

    /// "2019-03-14".
    fn iso(&self, i: usize) -> Option<Match> {
        let y = self.num(i)?;
        let m = self.num(i + 1)?;
        let d = self.num(i + 2)?;
        if y.len() != 4 || m.len() != 2 || d.len() != 2 || !self.starts_clean(i, false) {
            return None;
        }
        if self.join(i + 1) != Join::Hyphen || self.join(i + 2) != Join::Hyphen {
            return None;
        }
        let time_follows = self.join(i + 3) == Join::Touch && self.word(i + 3) == Some("T");
        if !self.ends_clean(i + 2) && !time_follows {
            return None;
        }
        let (y, m, d): (i16, i8, i8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        if !(1000..=2999).contains(&y) {
            return None;
        }
        Date::new(y, m, d).ok()?;
        Match::new(
            i + 3,
            DateKind::Calendar {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            },
        )
    }

    /// "5 September 2019", "2nd of September".
    fn day_month(&self, i: usize) -> Option<Match> {
        if !self.starts_clean(i, false) {
            return None;
        }
        let (day, k, _, false) = self.day_number(i)? else {
            return None;
        };
        let k = if self.is(k, w!("of")) { k + 1 } else { k };
        if self.join(k) != Join::Space {
            return None;
        }
        let (month, j, _) = self.month_of(k)?;
        let (year, end) = if self.sym(j, ',') {
            match self.year(j + 1) {
                Some(y) => (Some(y), j + 2),
                None => (None, j),
            }
        } else {
            match self.year(j) {
                Some(y) => (Some(y), j + 1),
                None => (None, j),
            }
        };
        Match::new(
            end,
            DateKind::Calendar {
                year,
                month: Some(month),
                day: possible(year, month, day).then_some(day),
            },
        )
    }

    /// "the 2020 fiscal year".
    fn year_fiscal(&self, i: usize) -> Option<Match> {
        let year = self.year(i)?;
        (self.is(i + 1, w!("fiscal")) && self.is(i + 2, w!("year")))
            .then(|| Match::new(i + 3, DateKind::Period(PeriodRef::FiscalYear { year })))
            .flatten()
    }

    /// "in 2017", "late 2019", "mid-2020", "between 2018 and 2020".
    fn bare_year(&self, i: usize, ctx: &Ctx) -> Option<Match> {
        let hyphen_ok = words!["mid", "early", "late"].has(self.prev_id(i));
        let year = self.bare(i, hyphen_ok)?;
        if self.join(i) != Join::Space && !hyphen_ok {
            return None;
        }
        if self.continues_list(i, ctx) && !self.ends_phrase(i + 1) {
            return None;
        }
        self.has_context(i, ctx)
            .then(|| {
                Match::new(
                    i + 1,
                    DateKind::Calendar {
                        year: Some(year),
                        month: None,
                        day: None,
                    },
                )
            })
            .flatten()
    }
}

/// Whether `day` exists in `month` (of `year`, or of some year).
fn possible(year: Option<i16>, month: i8, day: i8) -> bool {
    match year {
        Some(y) => Date::new(y, month, day).is_ok(),
        None => usize::try_from(month - 1)
            .ok()
            .and_then(|m| MONTH_DAYS.get(m))
            .is_some_and(|max| (1..=*max).contains(&day)),
    }
}

/// The year "of the same year" refers to after a mention.
fn anchor_after(kind: &DateKind, previous: Anchor) -> Anchor {
    match kind {
        DateKind::Calendar { year: Some(y), .. } => Anchor::Year(*y),
        DateKind::Calendar { year: None, .. } => Anchor::Published,
        DateKind::Relative(Relative::Since { year, .. } | Relative::Before { year }) => {
            Anchor::Year(*year)
        }
        DateKind::Relative(Relative::ThisYear | Relative::EarlierThisYear) => Anchor::Published,
        DateKind::Period(
            PeriodRef::Quarter { year: Some(y), .. }
            | PeriodRef::Half { year: Some(y), .. }
            | PeriodRef::FirstMonths { year: Some(y), .. }
            | PeriodRef::FiscalYear { year: y },
        ) => Anchor::Year(*y),
        DateKind::Period(
            PeriodRef::Quarter {
                this_year: true, ..
            }
            | PeriodRef::Half {
                this_year: true, ..
            },
        ) => Anchor::Published,
        DateKind::Weekday(_) | DateKind::DayOnly { .. } => previous,
        _ => Anchor::Unknown,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// `word` lowercase and packed, when it is short enough to be known.
    fn pack_lowercase(word: &str) -> Option<u128> {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > LONGEST_KNOWN {
            return None;
        }
        let mut lower = [0u8; 16];
        for (l, b) in lower.iter_mut().zip(bytes) {
            *l = b.to_ascii_lowercase();
        }
        Some(u128::from_be_bytes(lower))
    }

    /// A word's [`WordId`] as first found: a binary search of the sorted,
    /// packed [`VOCABULARY`]. The reference for `word_id`.
    fn classify(word: &str) -> WordId {
        let Some(p) = pack_lowercase(word) else {
            return 0;
        };
        let packed: Vec<u128> = VOCABULARY.iter().map(|w| pack(w.as_bytes())).collect();
        packed
            .binary_search(&p)
            .map_or(0, |k| WordId::try_from(k + 1).unwrap())
    }

    fn known_word(word: &str) -> bool {
        classify(word) != 0
    }

    /// Every alphabetic string literal of the matchers (this file before
    /// its tests), lowercase. Char literals and comments are skipped.
    fn literals() -> Vec<String> {
        let source = include_str!("dates.rs");
        let code = source.split("#[cfg(test)]").next().unwrap_or(source);
        let b = code.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    i += code[i..].find('\n').unwrap_or(code.len() - i);
                }
                b'\'' => {
                    // '"', '\'' and '\u{201c}' are chars, not strings.
                    let rest = &code[i + 1..];
                    let close = if let Some(escaped) = rest.strip_prefix('\\') {
                        escaped.find('\'').map(|k| k + 2)
                    } else {
                        rest.char_indices()
                            .nth(1)
                            .filter(|&(_, c)| c == '\'')
                            .map(|(k, _)| k + 1)
                    };
                    i += close.map_or(1, |k| k + 1);
                }
                b'"' => {
                    let mut j = i + 1;
                    while j < b.len() && b[j] != b'"' {
                        j += if b[j] == b'\\' { 2 } else { 1 };
                    }
                    let lit = &code[i + 1..j.min(code.len())];
                    if !lit.is_empty() && lit.bytes().all(|c| c.is_ascii_alphabetic()) {
                        out.push(lit.to_ascii_lowercase());
                    }
                    i = j + 1;
                }
                _ => i += 1,
            }
        }
        out
    }

    #[test]
    fn vocabulary_holds_every_literal_of_the_matchers() {
        let literals = literals();
        assert!(literals.len() > 300, "scanner found {}", literals.len());
        let missing: Vec<&String> = literals.iter().filter(|w| !known_word(w)).collect();
        assert!(missing.is_empty(), "add to VOCABULARY: {missing:?}");
        assert!(VOCABULARY.windows(2).all(|w| w[0] < w[1]), "sorted, unique");
        assert!(VOCABULARY.iter().all(|w| w.len() <= LONGEST_KNOWN));
        assert!(known_word("SEPTEMBER") && known_word("Yoy"));
        assert!(!known_word("pinstripe") && !known_word("septembers"));
    }

    /// The id a token gets (`classify`, any case) is the id the matchers
    /// compare with (`id`, in `w!` and `words!`).
    #[test]
    fn word_ids_agree() {
        for (k, word) in VOCABULARY.iter().enumerate() {
            let expected = WordId::try_from(k + 1).unwrap();
            assert_eq!(id(word), expected);
            assert_eq!(classify(word), expected);
            assert_eq!(classify(&word.to_ascii_uppercase()), expected);
            let text = format!("{word} {} x{word}", word.to_ascii_uppercase());
            let ids: Vec<WordId> = tokenize(&text).iter().map(|t| t.id).collect();
            assert_eq!(ids, [expected, expected, 0], "{text:?}");
            assert_eq!(
                tokenize(&format!("{word}. Then the rest of a long line"))[0].id,
                expected
            );
            assert!(Words::of(&[word]).has(expected));
            assert!(!Words::of(&[word]).has(0) && !Words::of(&VOCABULARY).has(0));
        }
        assert_eq!(classify("pinstripe"), 0);
        assert_eq!(classify("Ünïcödé"), 0);
    }

    /// `url_start` as first written, with `str::find`.
    fn url_start_reference(chunk: &str) -> Option<usize> {
        if let Some(p) = chunk.find("://") {
            let b = chunk.as_bytes();
            let mut s = p;
            while s > 0
                && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'+' | b'.' | b'-'))
            {
                s -= 1;
            }
            return Some(s);
        }
        chunk
            .find("www.")
            .filter(|&p| p == 0 || !chunk.as_bytes()[p - 1].is_ascii_alphanumeric())
    }

    /// The tokenizer as first written, over `char_indices`: the byte-wise
    /// one must give the same tokens.
    fn tokenize_reference(text: &str) -> Vec<Tok> {
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 1);
        let mut join = Join::Space;
        let mut chunk_start = true;
        let mut url: Option<Range<usize>> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                join = Join::Space;
                chunk_start = true;
                continue;
            }
            if chunk_start {
                chunk_start = false;
                let rest = &text[i..];
                let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
                url = url_start_reference(&rest[..len]).map(|at| i + at..i + len);
            }
            if let Some(u) = url.clone().filter(|u| u.start == i) {
                toks.push(Tok {
                    start: u.start,
                    end: u.end,
                    kind: Kind::Skip,
                    join,
                    id: 0,
                });
                while chars.next_if(|&(k, _)| k < u.end).is_some() {}
                url = None;
                join = Join::Touch;
                continue;
            }
            let mut end = i + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                while let Some((k, d)) = chars.next_if(|(_, d)| d.is_ascii_digit()) {
                    end = k + d.len_utf8();
                }
                Kind::Num
            } else if c.is_alphabetic() {
                while let Some((k, d)) = chars.next_if(|(_, d)| d.is_alphabetic()) {
                    end = k + d.len_utf8();
                }
                Kind::Word
            } else if c == '-'
                && join == Join::Touch
                && toks
                    .last()
                    .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Num))
                && chars
                    .peek()
                    .is_some_and(|&(_, d)| d.is_ascii_digit() || d.is_alphabetic())
            {
                join = Join::Hyphen;
                continue;
            } else {
                Kind::Sym(c)
            };
            let id = if kind == Kind::Word {
                classify(&text[i..end])
            } else {
                0
            };
            toks.push(Tok {
                start: i,
                end,
                kind,
                join,
                id,
            });
            join = Join::Touch;
        }
        toks
    }

    /// The tokens of `text`, its keys held to `key_reference`.
    fn tokenize(text: &str) -> Vec<Tok> {
        let (toks, keys) = super::tokenize(text);
        let expected: Vec<usize> = (0..toks.len())
            .filter(|&i| key_reference(text, &toks, i))
            .collect();
        assert_eq!(keys, expected, "{text:?}");
        toks
    }

    /// Token `i` is a key, as first told by the scanner from the tokens.
    fn key_reference(text: &str, toks: &[Tok], i: usize) -> bool {
        let t = &toks[i];
        match t.kind {
            Kind::Word => match KEY_WORD.get(usize::from(t.id)) {
                None | Some(KeyWord::No) => false,
                Some(KeyWord::Always) => true,
                Some(KeyWord::Capitalised) => text.as_bytes()[t.start].is_ascii_uppercase(),
                Some(KeyWord::Suffix) => {
                    t.join == Join::Touch && i > 0 && toks[i - 1].kind == Kind::Num
                }
            },
            Kind::Num => t.end - t.start == 4 && matches!(text.as_bytes()[t.start], b'1' | b'2'),
            Kind::Sym(_) | Kind::Skip => false,
        }
    }

    #[test]
    fn tokenizer_matches_the_reference() {
        let texts = [
            "On Sept. 3, 2021 (Friday) the firm said: http://x.org/a-b www.acme.com/q?x=1.",
            "mid-2020 2nd-largest 17-18 \u{a0}12\u{2009}500 Q2 FY2021 y/y y-o-y",
            "Ünïcödé-Wörds ٣٤ ²³ 张勇 — “quoted” \u{85}next\u{3000}line\r\n-x- --",
            "",
            "-",
            "a-",
            "https://",
            // a URL starting at a hyphen, inside a word, after a symbol
            "\u{e9}-http://x.org \u{e9}-www.x.org \u{e9}www.x.org \u{e9}http://x",
            "(www.x) a-b://c 1-www.x x.-http://y :// www. -http://z",
        ];
        for text in texts {
            assert_eq!(tokenize(text), tokenize_reference(text), "{text:?}");
        }
    }

    /// `known_short` (the `u64` table) gives every word of at most eight
    /// letters the id `classify` gives it: each word of the vocabulary, in
    /// three cases, cut short, lengthened, and with whatever bytes follow.
    #[test]
    fn known_short_agrees_with_classify() {
        let mut words: Vec<String> = Vec::new();
        for word in VOCABULARY {
            for w in [
                word.to_string(),
                word.to_ascii_uppercase(),
                capitalise(word),
            ] {
                words.push(w[..w.len() - 1].to_string());
                words.push(format!("{w}s"));
                words.push(format!("a{w}"));
                words.push(w);
            }
        }
        for word in words.iter().filter(|w| (1..=8).contains(&w.len())) {
            let mut raw = [b'z'; 8];
            raw[..word.len()].copy_from_slice(word.as_bytes());
            let id = known_short(u64::from_le_bytes(raw), word.len());
            assert_eq!(id, classify(word), "{word:?}");
        }
    }

    fn capitalise(word: &str) -> String {
        let mut w = word.to_string();
        w[..1].make_ascii_uppercase();
        w
    }

    /// The shortcut of `alphabetic` agrees with `char::is_alphabetic`.
    #[test]
    fn general_punctuation_is_not_alphabetic() {
        for ch in ('\u{1fff}'..='\u{2070}').chain(['\u{e9}', '\u{2071}', 'x']) {
            assert_eq!(alphabetic(ch), ch.is_alphabetic(), "{ch:?}");
        }
    }

    /// `non_letters` flags exactly the bytes that are not ASCII letters,
    /// whatever byte stands at whatever place among whatever neighbours.
    #[test]
    fn non_letters_flags_each_byte() {
        let flags = |x: u64| -> u64 {
            x.to_le_bytes()
                .iter()
                .enumerate()
                .filter(|(_, b)| !b.is_ascii_alphabetic())
                .map(|(k, _)| 0x80u64 << (8 * k))
                .sum()
        };
        for fill in [
            b'a', b'Z', b'@', b'[', b'`', b'{', 0x00, 0x7f, 0x80, 0xff, 0xc3,
        ] {
            for byte in 0..=255u8 {
                for k in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[k] = byte;
                    let x = u64::from_le_bytes(bytes);
                    assert_eq!(non_letters(x), flags(x), "{bytes:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn non_letters_flags_each_byte_of_anything(x: u64) {
            let expected: u64 = x
                .to_le_bytes()
                .iter()
                .enumerate()
                .filter(|(_, b)| !b.is_ascii_alphabetic())
                .map(|(k, _)| 0x80u64 << (8 * k))
                .sum();
            proptest::prop_assert_eq!(non_letters(x), expected);
        }

        /// Words of every length around the 8- and 16-byte steps of
        /// `ascii_word`, ending in ASCII, in non-ASCII letters or not, near
        /// the end of the text or not: the same tokens as the reference.
        #[test]
        fn tokenizer_matches_the_reference_on_long_words(
            parts in proptest::collection::vec((1usize..20, 0usize..8, 0usize..3), 0..6)
        ) {
            const TAILS: [&str; 8] = [" ", "\u{e9}", "\u{2019}s ", ".", "-", "7", "\u{a0}", ""];
            let mut text = String::new();
            for (len, tail, case) in parts {
                let word: String = "septemberthroughoutabc".chars().take(len).collect();
                text.push_str(&match case {
                    0 => word.to_ascii_uppercase(),
                    _ => word,
                });
                text.push_str(TAILS[tail]);
            }
            proptest::prop_assert_eq!(tokenize(&text), tokenize_reference(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn tokenizer_matches_the_reference_on_anything(text in "[a-zA-Z0-9 .,:/\\-\u{a0}\u{2009}\u{85}éü张٣²“\n\t]{0,60}") {
            proptest::prop_assert_eq!(tokenize(&text), tokenize_reference(&text));
        }

        #[test]
        fn tokenizer_matches_the_reference_near_urls(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "http://", "www.", "x", "-", "1", " ", "é", ".", ":", "\u{a0}", "/", "Q", "2021",
                "w", "ww", "W", "\u{2019}", "//",
            ]), 0..20)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(tokenize(&text), tokenize_reference(&text));
        }
    }

    proptest::proptest! {
        /// Text made of VOCABULARY words in any case, glued or apart, some
        /// at the very end (where `word_id` cannot read 16 bytes at once):
        /// the same tokens, ids included, as the reference.
        #[test]
        fn tokenizer_matches_the_reference_on_matcher_words(
            parts in proptest::collection::vec((0usize..VOCABULARY.len() + 6, 0u8..4, 0usize..6), 0..12)
        ) {
            const OTHER: [&str; 6] = ["\u{e9}", "\u{17f}", "KELVIN\u{212a}", "x", "Stra\u{df}e", "abcdefghijklmnop"];
            const SEPARATORS: [&str; 6] = [" ", "", "-", ".", "\u{a0}", "/"];
            let mut text = String::new();
            for (k, style, sep) in parts {
                let word = VOCABULARY.get(k).copied().unwrap_or_else(|| OTHER[k % OTHER.len()]);
                let word = match style {
                    0 => word.to_ascii_uppercase(),
                    1 => {
                        let mut c = word.chars();
                        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
                    }
                    _ => word.to_owned(),
                };
                text.push_str(&word);
                text.push_str(SEPARATORS[sep]);
            }
            proptest::prop_assert_eq!(tokenize(&text), tokenize_reference(&text));
        }
    }

    fn scan(text: &str, prefilter: bool) -> Vec<DateMention> {
        let (t, keys) = super::tokenize(text);
        Scanner {
            text,
            t,
            keys,
            prefilter,
        }
        .run()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2000,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Text made of the matchers' own words (any case), numbers and
        /// punctuation: the pre-filter never changes what is found.
        #[test]
        fn prefilter_loses_nothing_on_matcher_words(
            parts in proptest::collection::vec((0usize..VOCABULARY.len() + 40, 0u8..8), 1..40)
        ) {
            const OTHER: [&str; 28] = [
                "2021", "12", "3", "30", "1999", "2nd", "17-18", "plan", "Acme", ",", ".", "-",
                "(", "/", "12th", "3rd", "Q2", "2Q21", "1H", "H1", "FY20", "FY", "Q", "y/y",
                "Y-o-Y", "2Q", "3999", "0930",
            ];
            let mut text = String::new();
            for (k, style) in parts {
                let word = VOCABULARY.get(k).copied().unwrap_or_else(|| OTHER[k % OTHER.len()]);
                let word = match style {
                    0 => word.to_ascii_uppercase(),
                    1 | 2 => {
                        let mut c = word.chars();
                        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
                    }
                    _ => word.to_owned(),
                };
                text.push_str(&word);
                text.push_str(if style == 7 { "-" } else { " " });
            }
            proptest::prop_assert_eq!(scan(&text, true), scan(&text, false), "{:?}", text);
        }
    }

    /// The matches whose first key is furthest from their first token
    /// ([`REACH`] tokens at most) are found with the key pre-filter too.
    #[test]
    fn keys_within_reach() {
        for phrase in [
            "the same period of the previous year",
            "the same time of the preceding year",
            "throughout the last twenty-five years",
            "over the past 15 years",
            "by the end of 2030",
            "since the beginning of 2019",
            "a couple of days after",
            "the first eleven months of 2020",
            "the 12th of this month",
        ] {
            let text = format!("Profits rose, he said, {phrase}, and more.");
            let found = scan(&text, true);
            assert!(!found.is_empty(), "{text:?}");
            assert_eq!(found, scan(&text, false), "{text:?}");
        }
    }

    /// The pre-filter drops no match: with and without it, every test
    /// sentence of this module and every bundled article give the same.
    #[test]
    fn prefilter_changes_nothing() {
        let source = include_str!("dates.rs");
        let mut texts: Vec<String> = source
            .split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        let sources = concat!(env!("CARGO_MANIFEST_DIR"), "/../../sources");
        for entry in std::fs::read_dir(sources).into_iter().flatten().flatten() {
            texts.extend(std::fs::read_to_string(entry.path()));
        }
        assert!(texts.len() > 200);
        for text in &texts {
            assert_eq!(scan(text, true), scan(text, false), "{text:?}");
        }
    }

    fn show_kind(kind: &DateKind) -> (&'static str, String) {
        match kind {
            DateKind::Calendar { year, month, day } => {
                let mut s = year.map_or("?".to_string(), |y| y.to_string());
                if let Some(m) = month {
                    s.push_str(&format!("-{m:02}"));
                }
                if let Some(d) = day {
                    s.push_str(&format!("-{d:02}"));
                }
                ("date", s)
            }
            DateKind::DayOnly { day } => ("day", day.to_string()),
            DateKind::Weekday(w) => ("weekday", format!("{w:?}")),
            DateKind::Relative(r) => (
                "relative",
                match r {
                    Relative::Since { year, part } => match part {
                        Some(p) => format!("Since({p:?} {year})"),
                        None => format!("Since({year})"),
                    },
                    Relative::Before { year } => format!("Before({year})"),
                    Relative::DaysAfter(None) => "DaysAfter(few)".to_string(),
                    Relative::DaysAfter(Some(n)) => format!("DaysAfter({n})"),
                    other => format!("{other:?}"),
                },
            ),
            DateKind::Period(p) => (
                "period",
                match p {
                    PeriodRef::Quarter {
                        quarter,
                        year,
                        this_year,
                    } => match (year, this_year) {
                        (Some(y), _) => format!("{y}-Q{quarter}"),
                        (None, true) => format!("this-year-Q{quarter}"),
                        (None, false) => format!("Q{quarter}"),
                    },
                    PeriodRef::Half {
                        half,
                        year,
                        this_year,
                    } => match (year, this_year) {
                        (Some(y), _) => format!("{y}-H{half}"),
                        (None, true) => format!("this-year-H{half}"),
                        (None, false) => format!("H{half}"),
                    },
                    PeriodRef::FiscalYear { year } => format!("FY{year}"),
                    PeriodRef::FirstMonths { months, year } => match year {
                        Some(y) => format!("{y}-first{months}"),
                        None => format!("first{months}"),
                    },
                    PeriodRef::YearEarlier => "year-earlier".to_string(),
                },
            ),
        }
    }

    fn show(text: &str, mentions: &[DateMention]) -> String {
        mentions
            .iter()
            .map(|m| {
                let (tag, value) = show_kind(&m.kind);
                format!("{tag} [{}] = {value}", &text[m.span.clone()])
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// `expected`: the mentions as `kind [words] = value`, joined by "; ".
    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(show(input, &find(input)), expected, "input: {input:?}");
    }

    fn published(p: &str) -> Option<FactDate> {
        (!p.is_empty()).then(|| FactDate::parse(p).unwrap())
    }

    /// Every mention with its resolution, anchoring "the 24th" on the month
    /// of the nearest preceding calendar date (as the claims crate does).
    fn resolve_all(text: &str, published: Option<FactDate>) -> Vec<(DateMention, Resolved)> {
        let mut context = None;
        find(text)
            .into_iter()
            .map(|m| {
                let r = resolve(&m.kind, published, context);
                if let (DateKind::Calendar { month: Some(_), .. }, Resolved::Date(d)) =
                    (&m.kind, &r)
                {
                    context = Some(*d);
                }
                (m, r)
            })
            .collect()
    }

    fn show_resolved(text: &str, all: &[(DateMention, Resolved)]) -> String {
        all.iter()
            .map(|(m, r)| {
                let r = match r {
                    Resolved::Date(d) => d.to_string(),
                    Resolved::Period(p) => p.to_string(),
                    Resolved::Unresolved => "?".to_string(),
                };
                format!("[{}] {r}", &text[m.span.clone()])
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// `expected`: `[words] resolution` joined by "; " ("?" = unresolved).
    #[track_caller]
    fn check_resolved(input: &str, publication: &str, expected: &str) {
        let all = resolve_all(input, published(publication));
        assert_eq!(
            show_resolved(input, &all),
            expected,
            "input: {input:?}, published {publication:?}"
        );
    }

    #[test]
    fn calendar_dates() {
        check("On September 2, Alibaba", "date [September 2] = ?-09-02");
        check("on Sept. 2, 2021.", "date [Sept. 2, 2021] = 2021-09-02");
        check("on Sept 2 2021", "date [Sept 2 2021] = 2021-09-02");
        check(
            "on 2 September 2021",
            "date [2 September 2021] = 2021-09-02",
        );
        check("the 2nd of September", "date [2nd of September] = ?-09-02");
        check(
            "on September 10, 2019.",
            "date [September 10, 2019] = 2019-09-10",
        );
        check("date 2021-09-04 Alibaba", "date [2021-09-04] = 2021-09-04");
        check("at 2021-09-04T10:00Z", "date [2021-09-04] = 2021-09-04");
        check("In May 2015, he", "date [May 2015] = 2015-05");
        check("in May, 2015", "date [May, 2015] = 2015-05");
        check("in September of 2019", "date [September of 2019] = 2019-09");
        check("In August, Tencent", "date [August] = ?-08");
        check("In this September, Alibaba", "date [September] = ?-09");
        check("As early as April, Tencent", "date [April] = ?-04");
        check(
            "in mid-September and late August",
            "date [September] = ?-09; date [August] = ?-08",
        );
        check("from May to June", "date [May] = ?-05; date [June] = ?-06");
        check("at the end of May", "date [May] = ?-05");
        check("in Jan. and Feb.", "date [Jan.] = ?-01; date [Feb.] = ?-02");
        check("Dec 30", "date [Dec 30] = ?-12-30");
        check("AUGUST 17", "date [AUGUST 17] = ?-08-17");
        check("on August 24th, and", "date [August 24th] = ?-08-24");
        check(
            "in September of this year",
            "date [September of this year] = ?-09",
        );
        check("Founded in 2015, the", "date [2015] = 2015");
        check("who took power in 2012,", "date [2012] = 2012");
        check("in late 2020", "date [2020] = 2020");
        check("by mid-2020", "date [2020] = 2020");
        check("at the end of 2021", "date [2021] = 2021");
        check(
            "between 2018 and 2020",
            "date [2018] = 2018; date [2020] = 2020",
        );
        check(
            "from 2018 to 2020",
            "date [2018] = 2018; date [2020] = 2020",
        );
        check("the year 2019", "date [2019] = 2019");
        check("in 2019's report", "date [2019] = 2019");
        check("(in 2019)", "date [2019] = 2019");
        // The span of a whole year, not a comparison with it.
        check("open 30 shops over 2024 as a whole", "date [2024] = 2024");
        check("rose 5 percent over 2023", "");
    }

    #[test]
    fn impossible_and_ranged_days() {
        check("on February 30", "date [February 30] = ?-02");
        check("on February 30, 2021", "date [February 30, 2021] = 2021-02");
        check(
            "on February 29, 2020",
            "date [February 29, 2020] = 2020-02-29",
        );
        check("on February 29", "date [February 29] = ?-02-29");
        check("on 31 April 2021", "date [31 April 2021] = 2021-04");
        check("2021-02-30", "");
        check("on August 17-18", "date [August 17-18] = ?-08");
        check("September 32", "");
    }

    #[test]
    fn same_year() {
        check(
            "in May 2015 and in September of the same year",
            "date [May 2015] = 2015-05; date [September of the same year] = 2015-09",
        );
        check(
            "In August, and in September of that year",
            "date [August] = ?-08; date [September of that year] = ?-09",
        );
        // No antecedent: the words are consumed, nothing is guessed.
        check("in September of the same year", "");
        // "of last year" is left to the relative expression.
        check(
            "in September of last year",
            "relative [last year] = LastYear",
        );
    }

    #[test]
    fn day_only() {
        check("on the 24th that the", "day [the 24th] = 24");
        check("on the 3rd.", "day [the 3rd] = 3");
        check(
            "on the 3rd of this month",
            "day [the 3rd of this month] = 3",
        );
        check("the 24th floor", "");
        check("the 24th anniversary", "");
        check("the 24th Street", "");
        check("the 45th", "");
        check("in the 14th and final game", "");
        check("on the 14th and 15th", "day [the 14th] = 14");
    }

    #[test]
    fn weekdays() {
        check("announced, on Friday, that", "weekday [Friday] = Friday");
        check("Tuesday's meeting", "weekday [Tuesday] = Tuesday");
        check("Black Friday sales", "weekday [Friday] = Friday");
        check(
            "Tuesday, September 2",
            "weekday [Tuesday] = Tuesday; date [September 2] = ?-09-02",
        );
        check(
            "September 2 (Tuesday)",
            "date [September 2] = ?-09-02; weekday [Tuesday] = Tuesday",
        );
        check(
            "Fri., Sept. 3",
            "weekday [Fri.] = Friday; date [Sept. 3] = ?-09-03",
        );
        // Resolved where it is found (`resolve_next`); "coming" is left.
        check("next Friday", "weekday [Friday] = Friday");
        check("the coming Friday", "");
        check("on Fridays", "");
        check("Sun and Sat.", "");
        check("last Friday", "weekday [Friday] = Friday");
    }

    #[test]
    fn relative_expressions() {
        check("Last month, the head", "relative [Last month] = LastMonth");
        check("agreed last month to", "relative [last month] = LastMonth");
        check(
            "last year's 2.72 billion",
            "relative [last year] = LastYear",
        );
        check("This year, more than", "relative [This year] = ThisYear");
        check("next year", "relative [next year] = NextYear");
        check(
            "earlier this month",
            "relative [earlier this month] = EarlierThisMonth",
        );
        check(
            "earlier this year",
            "relative [earlier this year] = EarlierThisYear",
        );
        check("later this year", "relative [later this year] = ThisYear");
        check("this month", "relative [this month] = ThisMonth");
        check("next month", "relative [next month] = NextMonth");
        check("last week", "relative [last week] = LastWeek");
        check(
            "earlier this week",
            "relative [earlier this week] = ThisWeek",
        );
        check("next week", "relative [next week] = NextWeek");
        check(
            "today, yesterday and tomorrow",
            "relative [today] = Today; relative [yesterday] = Yesterday; relative [tomorrow] = Tomorrow",
        );
        check("this morning", "relative [this morning] = Today");
        check(
            "over the past 22 years.",
            "relative [over the past 22 years] = PastYears(22)",
        );
        check(
            "during the last three decades",
            "relative [during the last three decades] = PastYears(30)",
        );
        check(
            "last three decades",
            "relative [last three decades] = PastYears(30)",
        );
        check(
            "over the past twenty-two years",
            "relative [over the past twenty-two years] = PastYears(22)",
        );
        check(
            "in the past decade",
            "relative [in the past decade] = PastYears(10)",
        );
        check(
            "over the last year",
            "relative [over the last year] = PastYears(1)",
        );
        check("five years ago", "relative [five years ago] = PastYears(5)");
        check("the last year of his tenure", "");
        check("the next year, he", "");
        check(
            "over the past few years",
            "relative [over the past few years] = Recently",
        );
        check("in recent years", "relative [in recent years] = Recently");
        check(
            "over the past three months",
            "relative [over the past three months] = Recently",
        );
        check("Recently, China", "relative [Recently] = Recently");
        check("a few days ago", "relative [a few days ago] = Recently");
        check("two weeks ago", "relative [two weeks ago] = Recently");
        check(
            "since late 2020",
            "relative [since late 2020] = Since(Late 2020)",
        );
        check(
            "Since 2018, Kuaishou",
            "relative [Since 2018] = Since(2018)",
        );
        check(
            "since mid-2020",
            "relative [since mid-2020] = Since(Mid 2020)",
        );
        check(
            "since the end of 2019",
            "relative [since the end of 2019] = Since(Late 2019)",
        );
        check("since August", "date [August] = ?-08");
        check("before 2025 in", "relative [before 2025] = Before(2025)");
        check("by 2025", "relative [by 2025] = Before(2025)");
        check(
            "by the end of 2025",
            "relative [by the end of 2025] = Before(2025)",
        );
        check("by early 2025", "date [2025] = 2025");
        check(
            "a few days after the IPO",
            "relative [a few days after] = DaysAfter(few)",
        );
        check("a day after", "relative [a day after] = DaysAfter(1)");
        check("two days later", "relative [two days later] = DaysAfter(2)");
        check("a week later", "relative [a week later] = DaysAfter(7)");
        check(
            "days after the IPO",
            "relative [days after] = DaysAfter(few)",
        );
        check("the next day", "relative [the next day] = DaysAfter(1)");
        check("the day after", "relative [the day after] = DaysAfter(1)");
        check("over the next years", "");
    }

    #[test]
    fn periods() {
        check(
            "in the second quarter as well as",
            "period [the second quarter] = Q2",
        );
        check("second-quarter revenue", "period [second-quarter] = Q2");
        check("in the June quarter.", "period [the June quarter] = Q2");
        check(
            "the March 2021 quarter",
            "period [the March 2021 quarter] = 2021-Q1",
        );
        check("the 4th quarter", "period [the 4th quarter] = Q4");
        check("Q2 revenue", "period [Q2] = Q2");
        check("Q2 2021 revenue", "period [Q2 2021] = 2021-Q2");
        check(
            "2Q revenue and 3Q21",
            "period [2Q] = Q2; period [3Q21] = 2021-Q3",
        );
        check(
            "the second quarter of 2021",
            "period [the second quarter of 2021] = 2021-Q2",
        );
        check(
            "the second quarter of this year",
            "period [the second quarter of this year] = this-year-Q2",
        );
        check(
            "released its Q2 financial report of this year, with",
            "period [Q2] = this-year-Q2",
        );
        check("its Q2 report of 2020", "period [Q2] = 2020-Q2");
        check(
            "the second quarter of last year",
            "relative [last year] = LastYear",
        );
        check(
            "the quarter ended June 30, 2021",
            "period [the quarter ended June 30, 2021] = 2021-Q2",
        );
        check("the first half", "period [the first half] = H1");
        check("first-half profit", "period [first-half] = H1");
        check(
            "H1 2021 and H2",
            "period [H1 2021] = 2021-H1; period [H2] = H2",
        );
        check(
            "the first half of the year",
            "period [the first half of the year] = this-year-H1",
        );
        check("the second half of the match", "");
        check("fiscal 2021", "period [fiscal 2021] = FY2021");
        check("fiscal year 2021", "period [fiscal year 2021] = FY2021");
        check(
            "FY2021 and FY 2022 and FY21",
            "period [FY2021] = FY2021; period [FY 2022] = FY2022; period [FY21] = FY2021",
        );
        check("full-year 2021 results", "period [full-year 2021] = FY2021");
        check("the 2021 fiscal year", "period [2021 fiscal year] = FY2021");
        check(
            "the first nine months",
            "period [the first nine months] = first9",
        );
        check(
            "first six months of 2021",
            "period [first six months of 2021] = 2021-first6",
        );
        check("a year earlier", "period [a year earlier] = year-earlier");
        check(
            "up 5% from a year ago",
            "period [from a year ago] = year-earlier",
        );
        check(
            "the same period last year",
            "period [the same period last year] = year-earlier",
        );
        check(
            "a year-on-year increase of 89%",
            "period [year-on-year] = year-earlier",
        );
        check("year over year", "period [year over year] = year-earlier");
        check(
            "YoY, y-o-y and y/y",
            "period [YoY] = year-earlier; period [y-o-y] = year-earlier; period [y/y] = year-earlier",
        );
        check(
            "the year-earlier quarter",
            "period [year-earlier] = year-earlier",
        );
        check("the 2nd-quarter numbers", "period [the 2nd-quarter] = Q2");
        check("the second quarter-final", "");
        check("in the first half-hour", "");
        check("first", "");
        check("the first time", "");
        check("Second Avenue", "");
        check("a quarter of the revenue", "");
    }

    #[test]
    fn not_dates() {
        check("the 1.4 billion population", "");
        check("was fined $2.8 billion in", "");
        check("more than 68.7 million users donated", "");
        check("an increase of 89%", "");
        check("spent in 10 areas, including", "");
        check("a Boeing 737 and the Series 2021 bonds", "");
        check("2021 revenue of", "");
        check("call 555-2021 or +1 (212) 555-1234", "");
        check("at 9:30 in", "");
        check("see page 24", "");
        check("https://x.com/2021/09/04/a in 2019", "date [2019] = 2019");
        check("(see www.example.com/news/May-2015)", "");
        check("he may leave", "");
        check("May I ask", "");
        check("a march on Washington", "");
        check("in 2000 stores", "");
        check("in 2,021 cases and in $2021", "");
        check("the 2019-20 season and the 2010s", "");
        check("in 2019.5", "");
        check("H1N1 and Q5 and Q21", "");
        check("children under 18 and 99 Giving Day", "");
        check("May 20 billion yuan", "");
        check("In May 20 billion yuan", "date [May] = ?-05");
        check("Jan Koum said", "");
        check("to Jan Koum", "");
        check("Theresa May said", "");
        check("in 1500 and 2500", "");
    }

    #[test]
    fn adversarial_inputs_never_panic() {
        let inputs = [
            "",
            "the",
            "the ",
            "Sept.",
            "Sept. ",
            "May",
            "Q",
            "Q2",
            "FY",
            "fiscal",
            "since",
            "the 24th",
            "over the past",
            "a few",
            "99999999999-09-04",
            "2021-02-30",
            "2021-09-",
            "-2021",
            "September 99999999999999999999",
            "the 99999999999999th",
            "over the past 99999 decades",
            "over the past 65535 decades",
            "99999 days after",
            "FY99",
            "in 0000",
            "in 9999",
            "été 2021 — “in 2021”",
            "日本 in 2021年 and 2021年9月4日",
            "𝟚𝟘𝟚𝟙 in ٢٠٢١",
            "Ｍａｙ ２０１５",
            "-",
            "--",
            "- -2021-",
            "in\u{a0}2019",
            "in 2019\u{301}",
            "May\u{301} 2015",
        ];
        for input in inputs {
            check_spans(input);
        }
        // Deterministic pseudo-random soup of fragments and characters.
        let fragments = [
            "the",
            " ",
            "  ",
            "-",
            ".",
            ",",
            "'",
            "’",
            "“",
            "2021",
            "09",
            "04",
            "24",
            "th",
            "Q",
            "H",
            "2",
            "May",
            "Sept",
            "September",
            "Friday",
            "last",
            "month",
            "year",
            "of",
            "this",
            "since",
            "late",
            "in",
            "over",
            "past",
            "22",
            "years",
            "a",
            "few",
            "days",
            "after",
            "é",
            "日",
            "\u{301}",
            "%",
            "$",
            "/",
            ":",
            "https://",
            "first",
            "half",
            "quarter",
            "FY",
            "fiscal",
            "ago",
            "99999",
            "0",
            "same",
            "period",
            "on",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..4000 {
            let mut text = String::new();
            let len = (state % 24) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(fragments[(state % fragments.len() as u64) as usize]);
                if state % 3 == 0 {
                    text.push(' ');
                }
            }
            check_spans(&text);
        }
    }

    fn check_spans(input: &str) {
        let mentions = find(input);
        let mut last = 0;
        for m in &mentions {
            assert!(m.span.start >= last, "overlap in {input:?}: {mentions:?}");
            assert!(m.span.start < m.span.end, "empty span in {input:?}");
            assert!(input.get(m.span.clone()).is_some(), "bad span in {input:?}");
            last = m.span.end;
            for p in [
                "2021-09-04",
                "2021-09",
                "2021",
                "2021-01-01",
                "2021-12-31",
                "0001",
                "9999-12-31",
                "",
            ] {
                let _ = resolve(&m.kind, published(p), published(p));
            }
        }
    }

    #[test]
    fn resolving_calendar_dates() {
        check_resolved("On August 17", "2021-09-04", "[August 17] 2021-08-17");
        check_resolved("On August 17", "2021-09", "[August 17] 2021-08-17");
        check_resolved("On August 17", "2021", "[August 17] 2021-08-17");
        check_resolved("On August 17", "", "[August 17] ?");
        check_resolved("In August", "2021-09", "[August] 2021-08");
        check_resolved("In August", "", "[August] ?");
        check_resolved("on December 30", "2021-01-05", "[December 30] 2020-12-30");
        check_resolved("in November", "2021-09-04", "[November] 2021-11");
        check_resolved("on November 5", "2021-09-04", "[November 5] 2020-11-05");
        check_resolved("in 2019", "", "[2019] 2019");
        check_resolved("May 2015", "", "[May 2015] 2015-05");
        check_resolved("September 10, 2019", "", "[September 10, 2019] 2019-09-10");
        check_resolved("on February 29", "2021-09", "[February 29] 2021-02");
        check_resolved("on February 29", "2020-09", "[February 29] 2020-02-29");
    }

    #[test]
    fn resolving_day_only() {
        check_resolved(
            "On August 24, it said on the 24th that",
            "2021-09-10",
            "[August 24] 2021-08-24; [the 24th] 2021-08-24",
        );
        check_resolved("on the 24th that", "2021-09-04", "[the 24th] ?");
        check_resolved(
            "in 2019, on the 24th that",
            "2021-09-04",
            "[2019] 2019; [the 24th] ?",
        );
        check_resolved(
            "In February, on the 30th that",
            "2021-09",
            "[February] 2021-02; [the 30th] ?",
        );
    }

    #[test]
    fn resolving_weekdays() {
        check_resolved("on Friday", "2021-09-04", "[Friday] 2021-09-03");
        check_resolved("on Saturday", "2021-09-04", "[Saturday] 2021-09-04");
        check_resolved("on Sunday", "2021-09-04", "[Sunday] 2021-08-29");
        check_resolved("on Friday", "2021-09", "[Friday] ?");
        check_resolved("on Friday", "2021", "[Friday] ?");
        check_resolved("on Friday", "", "[Friday] ?");
    }

    #[test]
    fn resolving_relative_days_and_weeks() {
        check_resolved(
            "today, yesterday, tomorrow",
            "2021-09-04",
            "[today] 2021-09-04; [yesterday] 2021-09-03; [tomorrow] 2021-09-05",
        );
        check_resolved("yesterday", "2021-09", "[yesterday] ?");
        // Week of Monday 2021-08-30 to Sunday 2021-09-05 spans two months.
        check_resolved(
            "last week, this week, next week",
            "2021-09-04",
            "[last week] 2021-08; [this week] 2021; [next week] 2021-09",
        );
        check_resolved("last week", "2021-09", "[last week] ?");
        check_resolved("this week", "2021-12-29", "[this week] ?");
        check_resolved("next week", "2021-12-29", "[next week] 2022-01");
    }

    #[test]
    fn resolving_relative_months_and_years() {
        for p in ["2021-09-04", "2021-09"] {
            check_resolved(
                "last month, this month, earlier this month, next month",
                p,
                "[last month] 2021-08; [this month] 2021-09; [earlier this month] 2021-09; [next month] 2021-10",
            );
        }
        check_resolved("last month", "2021-01", "[last month] 2020-12");
        check_resolved("next month", "2021-12", "[next month] 2022-01");
        check_resolved("last month", "2021", "[last month] ?");
        check_resolved("last month", "", "[last month] ?");
        // A named month: the latest before the publication month, or the
        // first after it; a day after it leaves the month a date.
        check_resolved(
            "last September, last March, next March, next October",
            "2026-03-13",
            "[last September] 2025-09; [last March] 2025-03; [next March] 2027-03; [next October] 2026-10",
        );
        check_resolved("last September", "2026", "[last September] ?");
        for p in ["2021-09-04", "2021-09", "2021"] {
            check_resolved(
                "last year, this year, earlier this year, next year",
                p,
                "[last year] 2020; [this year] 2021; [earlier this year] 2021; [next year] 2022",
            );
            check_resolved("over the past 22 years", p, "[over the past 22 years] 1999");
        }
        check_resolved("last year", "", "[last year] ?");
        // Someone's last year is their final one.
        check_resolved(
            "Roe's last year in office, his last year as chair, the last year",
            "2021",
            "[the last year] 2020",
        );
        check_resolved("over the past 22 years", "", "[over the past 22 years] ?");
        check_resolved(
            "since late 2020, before 2025",
            "",
            "[since late 2020] 2020; [before 2025] 2025",
        );
        check_resolved(
            "a few days after, recently",
            "2021-09-04",
            "[a few days after] ?; [recently] ?",
        );
    }

    #[test]
    fn resolving_periods() {
        check_resolved(
            "the June quarter, the second quarter, the third quarter, the fourth quarter",
            "2021-09-04",
            "[the June quarter] 2021-Q2; [the second quarter] 2021-Q2; [the third quarter] 2020-Q3; [the fourth quarter] 2020-Q4",
        );
        check_resolved(
            "the third quarter",
            "2021-09-30",
            "[the third quarter] 2021-Q3",
        );
        check_resolved(
            "the second quarter, the third quarter",
            "2021-09",
            "[the second quarter] 2021-Q2; [the third quarter] ?",
        );
        check_resolved("the second quarter", "2021", "[the second quarter] ?");
        check_resolved("the second quarter", "", "[the second quarter] ?");
        check_resolved("its Q2 report of this year", "2021", "[Q2] 2021-Q2");
        check_resolved("Q2 of this year", "", "[Q2 of this year] ?");
        check_resolved("Q2 2020", "", "[Q2 2020] 2020-Q2");
        check_resolved(
            "the second half of the year, the July-September period",
            "2025-03-13",
            "[the second half of the year] 2025-H2; [September period] 2024-Q3",
        );
        check_resolved(
            "the first half, the second half",
            "2021-09-04",
            "[the first half] 2021-H1; [the second half] 2020-H2",
        );
        check_resolved(
            "the first half of 2020",
            "",
            "[the first half of 2020] 2020-H1",
        );
        check_resolved("fiscal 2021", "", "[fiscal 2021] 2021");
        check_resolved(
            "the first nine months, a year earlier",
            "2021-09-04",
            "[the first nine months] ?; [a year earlier] ?",
        );
    }

    /// Runs over the seed articles when they are present; prints what was
    /// found (`cargo test -- --nocapture`) and checks the expressions an
    /// editor would check.
    #[test]
    fn seed_articles() {
        // The seed articles are the repository's sources (front matter is
        // blanked below).
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sources");
        if !dir.exists() {
            return;
        }
        let seeds: [(&str, &str, &[&str]); 5] = [
            (
                "000-",
                "2021-09",
                &[
                    "[Last month] 2021-08",
                    "[over the past 22 years] 1999",
                    "[Recently] ?",
                    "[a few days after] ?",
                    "[August] 2021-08",
                ],
            ),
            (
                "001-",
                "2021-09-10",
                &[
                    "[August 17] 2021-08-17",
                    "[September] 2021-09",
                    "[September 2] 2021-09-02",
                    "[before 2025] 2025",
                    "[August 24] 2021-08-24",
                    "[Q2] 2021-Q2",
                    "[year-on-year] ?",
                    "[the 24th] 2021-08-24",
                    "[the second quarter] 2021-Q2",
                    "[Since 2018] 2018",
                    "[August 18] 2021-08-18",
                    "[April] 2021-04",
                    "[2015] 2015",
                    "[This year] 2021",
                    "[last year] 2020",
                ],
            ),
            (
                "002-",
                "2021-09",
                &[
                    "[since late 2020] 2020",
                    "[over the past three decades] 1991",
                    "[2012] 2012",
                ],
            ),
            (
                "003-",
                "2021-09-04",
                &[
                    "[2021-09-04] 2021-09-04",
                    "[Friday] 2021-09-03",
                    "[Since late 2020] 2020",
                    "[during the last three decades] 1991",
                    "[2012] 2012",
                    "[Last month] 2021-08",
                    "[last month] 2021-08",
                    "[the June quarter] 2021-Q2",
                    "[2019] 2019",
                ],
            ),
            (
                "004-",
                "2021-09",
                &[
                    "[recently] ?",
                    "[before 2025] 2025",
                    "[by 2025] 2025",
                    "[May 2015] 2015-05",
                    "[May 2015] 2015-05",
                    "[September of the same year] 2015-09",
                    "[September 10, 2019] 2019-09-10",
                ],
            ),
        ];
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for (prefix, publication, expected) in seeds {
            let Some(path) = files.iter().find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            }) else {
                panic!("no source file starts with {prefix}");
            };
            let source = std::fs::read_to_string(path).unwrap();
            let body_start = source[4..].find("\n---\n").unwrap() + 4 + 5;
            let text = " ".repeat(body_start) + &source[body_start..];
            let all = resolve_all(&text, published(publication));
            let shown = show_resolved(&text, &all);
            println!("{} (published {publication}):", path.display());
            for (m, r) in &all {
                let (tag, value) = show_kind(&m.kind);
                println!("  {tag:8} {:?} = {value} -> {r:?}", &text[m.span.clone()]);
            }
            let items: Vec<&str> = shown.split("; ").collect();
            let mut from = 0;
            for e in expected {
                let at = items[from..].iter().position(|i| i == e);
                assert!(
                    at.is_some(),
                    "{prefix}: {e:?} missing or out of order in {shown}"
                );
                from += at.unwrap_or(0) + 1;
            }
            assert_eq!(
                items.len(),
                expected.len(),
                "{prefix}: unexpected mentions in {shown}"
            );
        }
    }
}
