//! Money, counts and percentages stated in article text.
//!
//! [`find`] scans a text once, left to right, and returns every amount it
//! states with exact byte spans (`&text[span]` is the amount as written):
//!
//! - money: `100 billion yuan`, `$ 2.8 billion`, `100-billion yuan`,
//!   `RMB23bn`, `US$1.5 billion`, `£4.5m`, `3 million euros`, `1.2 trillion won`;
//! - counts with their noun: `68.7 million users`, `ten actions`,
//!   `300 million Chinese peasants` (noun `peasants`);
//! - percentages: `89%`, `89 percent`, `89 per cent`;
//! - bare scaled numbers: `50 billion` (no unit).
//!
//! Each [`Amount`] keeps the number as written, so `15.50` and `15.5` differ in
//! stated precision (`number.scale()`), the scale word apart from the number,
//! the unit, and the hedge written before it (`about`, `more than`, `up to`...).
//! Two amounts in different currencies written as `X (Y)` or `X, or Y` form one
//! [`Finding::Conversion`]; one number carrying two currencies (`$20 billion
//! yuan`) is a [`Finding::Malformed`].
//!
//! The scanner is conservative, since a false alarm costs more than a miss:
//! years, dates, times, durations, ages, ordinals, phone numbers, model, list
//! and page numbers, numbers glued to letters and numbers inside URLs or e-mail
//! addresses are not amounts. Only ASCII digits are read. Currency words and
//! symbols map to ISO 4217 codes through one table, `CURRENCIES`.

use std::ops::Range;

use facts::amount::{is_currency, parse_decimal};
use facts::{Scale, Unit};
use rust_decimal::Decimal;

/// The qualifier written before an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// No qualifier: the amount is stated as exact, at its precision.
    None,
    /// `about`, `around`, `approximately`, `roughly`, `some`, `an estimated`,
    /// `~`.
    About,
    /// `more than`, `over`, `above`, `in excess of`, `upwards of`.
    MoreThan,
    /// `at least`, `no less than`, `no fewer than`.
    AtLeast,
    /// `nearly`, `almost`, `close to`, `just under`, `just below`.
    Nearly,
    /// `up to`, `as much as`, `as many as`.
    UpTo,
    /// `less than`, `fewer than`, `under`, `below`.
    LessThan,
}

/// One amount as the text states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The amount: currency symbol or word, number, scale word, noun or percent
    /// sign, without the hedge words.
    pub span: Range<usize>,
    /// The number as written: `15.50` keeps two decimal places, `1,000` is
    /// 1000, `ten` is 10, the `a` of `a billion` is 1.
    pub number: Decimal,
    /// The scale written after the number (`million`, `bn`, `m`...).
    pub scale: Scale,
    /// What is counted: a currency, a percentage, or a lowercase plural noun;
    /// `None` for a bare scaled number such as `50 billion`.
    pub unit: Option<Unit>,
    /// The qualifier before the amount.
    pub hedge: Hedge,
    /// Where the hedge words are, if any.
    pub hedge_span: Option<Range<usize>>,
    /// Whether the currency could be another one: `¥` (yuan or yen) and
    /// `dollars` without a country.
    pub ambiguous_currency: bool,
    /// Whether the amount is a fraction written in words ("a third of",
    /// "half of"), a percentage that stands for the values near it rather
    /// than for its digits.
    pub fraction: bool,
}

/// What [`find`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A single amount.
    Amount(Amount),
    /// An amount and its conversion into another currency, written as
    /// `2.4 billion yuan ($372 million)`, `100-billion yuan ($15.5 billion)`,
    /// `X (about Y)` or `X, or Y`. The span runs from the first amount to the
    /// closing parenthesis or the end of the second amount.
    Conversion {
        /// Both amounts, with the parentheses or `, or` between them.
        span: Range<usize>,
        /// The amount written first.
        from: Amount,
        /// The amount written second.
        to: Amount,
    },
    /// One number with two currencies, such as `$20 billion yuan` or
    /// `$10 dollars`. The amount's unit is the currency written after the
    /// number (`yuan` in `$20 billion yuan`).
    Malformed {
        /// The whole amount, both currencies included.
        span: Range<usize>,
        /// The amount, with the currency written after the number as its unit.
        amount: Amount,
        /// The ISO codes of the currencies, in written order (`["USD", "CNY"]`).
        currencies: Vec<String>,
    },
}

impl Finding {
    /// The byte range of the whole finding.
    pub fn span(&self) -> Range<usize> {
        match self {
            Finding::Amount(amount) => amount.span.clone(),
            Finding::Conversion { span, .. } | Finding::Malformed { span, .. } => span.clone(),
        }
    }
}

/// Every amount in `text`, in order of span start, non-overlapping.
pub fn find(text: &str) -> Vec<Finding> {
    // News copy holds an amount every few hundred bytes: room for most
    // articles' findings in one allocation.
    let mut findings = Vec::with_capacity(text.len() / 256 + 4);
    // An amount that may still be the first of a conversion with the next.
    let mut pending: Option<Amount> = None;
    scan(text, |atom| {
        if let Some(from) = pending.take() {
            let end = atom
                .malformed
                .is_none()
                .then(|| conversion_end(text, &from, &atom.amount))
                .flatten();
            if let Some(end) = end {
                findings.push(Finding::Conversion {
                    span: from.span.start..end,
                    from,
                    to: atom.amount,
                });
                return;
            }
            findings.push(Finding::Amount(from));
        }
        if let Some(currencies) = atom.malformed {
            findings.push(Finding::Malformed {
                span: atom.amount.span.clone(),
                amount: atom.amount,
                currencies,
            });
        } else {
            pending = Some(atom.amount);
        }
    });
    if let Some(from) = pending {
        findings.push(Finding::Amount(from));
    }
    findings
}

// ---------------------------------------------------------------------------
// Tables

/// Where a currency is written relative to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A symbol or prefix: `$5`, `HK$3`.
    Before,
    /// A word after the number (and its scale): `5 million yuan`.
    After,
    /// A code, written either way: `RMB 23bn`, `23bn RMB`.
    Either,
}

/// Currency symbols, codes and words as written, with their ISO 4217 code and
/// whether the writing is ambiguous. Other uppercase three-letter ISO codes
/// are recognised too (except `ENGLISH_WORD_CODES`).
const CURRENCIES: &[(&str, &str, Place, bool)] = &[
    // Symbols.
    ("US$", "USD", Place::Before, false),
    ("U.S.$", "USD", Place::Before, false),
    ("HK$", "HKD", Place::Before, false),
    ("NZ$", "NZD", Place::Before, false),
    ("NT$", "TWD", Place::Before, false),
    ("MX$", "MXN", Place::Before, false),
    ("S$", "SGD", Place::Before, false),
    ("A$", "AUD", Place::Before, false),
    ("C$", "CAD", Place::Before, false),
    ("R$", "BRL", Place::Before, false),
    ("$", "USD", Place::Before, true),
    ("£", "GBP", Place::Before, true),
    ("€", "EUR", Place::Before, false),
    ("¥", "CNY", Place::Before, true),
    ("￥", "CNY", Place::Before, true),
    ("₹", "INR", Place::Before, false),
    ("Rs.", "INR", Place::Before, true),
    ("Rs", "INR", Place::Before, true),
    ("₩", "KRW", Place::Before, false),
    ("₽", "RUB", Place::Before, false),
    ("₪", "ILS", Place::Before, false),
    ("₦", "NGN", Place::Before, false),
    ("₱", "PHP", Place::Before, false),
    ("₺", "TRY", Place::Before, false),
    // Codes.
    ("RMB", "CNY", Place::Either, false),
    ("CNY", "CNY", Place::Either, false),
    ("USD", "USD", Place::Either, false),
    ("HKD", "HKD", Place::Either, false),
    ("GBP", "GBP", Place::Either, false),
    ("EUR", "EUR", Place::Either, false),
    ("JPY", "JPY", Place::Either, false),
    ("SGD", "SGD", Place::Either, false),
    ("AUD", "AUD", Place::Either, false),
    ("CAD", "CAD", Place::Either, false),
    ("TWD", "TWD", Place::Either, false),
    ("INR", "INR", Place::Either, false),
    ("KRW", "KRW", Place::Either, false),
    ("CHF", "CHF", Place::Either, false),
    // Words (matched case-insensitively, longest first).
    ("US dollars", "USD", Place::After, false),
    ("U.S. dollars", "USD", Place::After, false),
    ("US dollar", "USD", Place::After, false),
    ("American dollars", "USD", Place::After, false),
    ("Hong Kong dollars", "HKD", Place::After, false),
    ("Singapore dollars", "SGD", Place::After, false),
    ("Australian dollars", "AUD", Place::After, false),
    ("Canadian dollars", "CAD", Place::After, false),
    ("New Zealand dollars", "NZD", Place::After, false),
    ("New Taiwan dollars", "TWD", Place::After, false),
    ("Taiwan dollars", "TWD", Place::After, false),
    ("dollars", "USD", Place::After, true),
    ("dollar", "USD", Place::After, true),
    ("Chinese yuan", "CNY", Place::After, false),
    ("yuan", "CNY", Place::After, false),
    ("renminbi", "CNY", Place::After, false),
    ("British pounds", "GBP", Place::After, false),
    ("pounds sterling", "GBP", Place::After, false),
    ("pounds", "GBP", Place::After, true),
    ("sterling", "GBP", Place::After, false),
    ("euros", "EUR", Place::After, false),
    ("euro", "EUR", Place::After, false),
    ("Japanese yen", "JPY", Place::After, false),
    ("yen", "JPY", Place::After, false),
    ("Indian rupees", "INR", Place::After, false),
    ("rupees", "INR", Place::After, true),
    ("rupee", "INR", Place::After, true),
    ("South Korean won", "KRW", Place::After, false),
    ("Korean won", "KRW", Place::After, false),
    (WON, "KRW", Place::After, false),
    ("Swiss francs", "CHF", Place::After, false),
    ("roubles", "RUB", Place::After, false),
    ("rubles", "RUB", Place::After, false),
    ("rouble", "RUB", Place::After, false),
    ("ruble", "RUB", Place::After, false),
    // A word several currencies share is read as the first of its family
    // (ambiguous) and as another one of the family by a fact base that
    // counts in that one alone (the checker's `currency_readings`).
    ("Mexican pesos", "MXN", Place::After, false),
    ("Argentine pesos", "ARS", Place::After, false),
    ("Chilean pesos", "CLP", Place::After, false),
    ("Colombian pesos", "COP", Place::After, false),
    ("Philippine pesos", "PHP", Place::After, false),
    ("pesos", "MXN", Place::After, true),
    ("peso", "MXN", Place::After, true),
    ("Swedish crowns", "SEK", Place::After, false),
    ("Danish crowns", "DKK", Place::After, false),
    ("Norwegian crowns", "NOK", Place::After, false),
    ("Czech crowns", "CZK", Place::After, false),
    (CROWNS, "SEK", Place::After, true),
    ("kronor", "SEK", Place::After, false),
    ("krona", "SEK", Place::After, true),
    ("kroner", "DKK", Place::After, true),
    ("krone", "DKK", Place::After, true),
    ("koruna", "CZK", Place::After, false),
    ("francs", "CHF", Place::After, true),
    ("franc", "CHF", Place::After, true),
    ("Pakistani rupees", "PKR", Place::After, false),
    ("rand", "ZAR", Place::After, false),
    ("reais", "BRL", Place::After, false),
    ("lira", "TRY", Place::After, false),
    ("zlotys", "PLN", Place::After, false),
    ("zloty", "PLN", Place::After, false),
    ("forints", "HUF", Place::After, false),
    ("forint", "HUF", Place::After, false),
    ("ringgit", "MYR", Place::After, false),
    ("baht", "THB", Place::After, false),
    ("rupiah", "IDR", Place::After, false),
    ("dirhams", "AED", Place::After, true),
    ("dirham", "AED", Place::After, true),
    ("riyals", "SAR", Place::After, true),
    ("riyal", "SAR", Place::After, true),
    ("naira", "NGN", Place::After, false),
    ("shekels", "ILS", Place::After, false),
    ("shekel", "ILS", Place::After, false),
    ("hryvnias", "UAH", Place::After, false),
    ("hryvnia", "UAH", Place::After, false),
    ("kwacha", "ZMW", Place::After, true),
    ("shillings", "KES", Place::After, true),
    ("shilling", "KES", Place::After, true),
    ("cedis", "GHS", Place::After, false),
    ("cedi", "GHS", Place::After, false),
    ("birr", "ETB", Place::After, false),
    ("taka", "BDT", Place::After, false),
    ("tenge", "KZT", Place::After, false),
    ("soles", "PEN", Place::After, false),
    // Also a word ("Dong"): money only after a scale word, as won is.
    (DONG, "VND", Place::After, false),
];

/// The entries of `CURRENCIES` (one bit per index) written before the number
/// that end with a byte, and those written after it that start with a
/// (lowercased) byte: a lookup replaces a walk over the whole table.
const CURRENCIES_BY_LAST_BYTE: [u128; 256] = currencies_by_byte(false);
const CURRENCIES_BY_FIRST_BYTE: [u128; 256] = currencies_by_byte(true);

const fn currencies_by_byte(after: bool) -> [u128; 256] {
    let mut sets = [0; 256];
    let mut i = 0;
    while i < CURRENCIES.len() {
        // Fails to compile if the table outgrows 128 entries.
        let bit = 1u128 << i;
        let (written, _, place, _) = CURRENCIES[i];
        let w = written.as_bytes();
        match (after, place) {
            (false, Place::Before | Place::Either) => sets[w[w.len() - 1] as usize] |= bit,
            (true, Place::After | Place::Either) => {
                sets[w[0].to_ascii_lowercase() as usize] |= bit;
            }
            _ => {}
        }
        i += 1;
    }
    sets
}

/// The entries of `CURRENCIES` whose bits are set, in table order.
fn currency_entries(
    mut set: u128,
) -> impl Iterator<Item = &'static (&'static str, &'static str, Place, bool)> {
    std::iter::from_fn(move || {
        let i = set.trailing_zeros();
        set &= set.wrapping_sub(1);
        CURRENCIES.get(usize::try_from(i).ok()?)
    })
}

/// The index of the bare `$` in `CURRENCIES`.
const DOLLAR: usize = {
    let mut i = 0;
    // Fails to compile if the table has no `$`.
    while !matches!(CURRENCIES[i].0.as_bytes(), b"$") {
        i += 1;
    }
    i
};

/// `won` is also a verb: it is a currency only after a scale word
/// (`1.2 trillion won`) and never after a currency symbol.
const WON: &str = "won";
/// Crowns are also titles won ("three crowns"): a currency only after a
/// scale word too (`2.1 billion crowns`).
const CROWNS: &str = "crowns";

/// `dong` is also a word and a name: a currency only after a scale word.
const DONG: &str = "dong";

/// ISO codes that are also English words, so not read as currencies unless
/// the table above lists them.
const ENGLISH_WORD_CODES: &[&str] = &[
    "ALL", "ANG", "BAM", "BOB", "CUP", "ERN", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "TRY",
];

/// Scale abbreviations glued to the number: `23bn`, `£4.5m`, `$15.5B`. The
/// flag marks single letters, which are read only next to a currency or a
/// counted noun (`100m` alone may be metres).
const GLUED_SCALES: &[(&str, Scale, bool)] = &[
    ("k", Scale::Thousand, true),
    ("K", Scale::Thousand, true),
    ("m", Scale::Million, true),
    ("M", Scale::Million, true),
    ("mn", Scale::Million, false),
    ("mln", Scale::Million, false),
    ("b", Scale::Billion, true),
    ("B", Scale::Billion, true),
    ("bn", Scale::Billion, false),
    ("Bn", Scale::Billion, false),
    ("BN", Scale::Billion, false),
    ("bln", Scale::Billion, false),
    ("tn", Scale::Trillion, false),
    ("T", Scale::Trillion, true),
];

/// Scale words for which `Scale` has no variant: an amount using them is not
/// reported rather than reported with the wrong value.
const UNSUPPORTED_SCALES: &[&str] = &["crore", "crores", "lakh", "lakhs", "lac"];

/// Hedges, longest first; matched case-insensitively as whole words.
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["in", "excess", "of"], Hedge::MoreThan),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["as", "much", "as"], Hedge::UpTo),
    (&["as", "many", "as"], Hedge::UpTo),
    (&["more", "than"], Hedge::MoreThan),
    (&["upwards", "of"], Hedge::MoreThan),
    (&["at", "least"], Hedge::AtLeast),
    (&["close", "to"], Hedge::Nearly),
    (&["just", "under"], Hedge::Nearly),
    (&["just", "below"], Hedge::Nearly),
    (&["up", "to"], Hedge::UpTo),
    (&["less", "than"], Hedge::LessThan),
    (&["fewer", "than"], Hedge::LessThan),
    (&["an", "estimated"], Hedge::About),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["some"], Hedge::About),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    // "as claims near 39,000".
    (&["near"], Hedge::Nearly),
    (&["nears"], Hedge::Nearly),
    (&["over"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["under"], Hedge::LessThan),
    (&["below"], Hedge::LessThan),
    // "the death toll passes 2,100".
    (&["passes"], Hedge::MoreThan),
    (&["passed"], Hedge::MoreThan),
    (&["tops"], Hedge::MoreThan),
    (&["topped"], Hedge::MoreThan),
    (&["exceeds"], Hedge::MoreThan),
    (&["exceeded"], Hedge::MoreThan),
    (&["surpasses"], Hedge::MoreThan),
    (&["surpassed"], Hedge::MoreThan),
];

/// The entries of `HEDGES` (one bit per index) whose last word ends with a
/// byte: a lookup replaces a walk over the whole table.
const HEDGES_BY_LAST_BYTE: [u64; 256] = {
    let mut sets = [0; 256];
    let mut i = 0;
    while i < HEDGES.len() {
        // Fails to compile if the table outgrows 64 entries.
        let bit = 1u64 << i;
        let words = HEDGES[i].0;
        let last = words[words.len() - 1].as_bytes();
        sets[last[last.len() - 1] as usize] |= bit;
        i += 1;
    }
    sets
};

/// Number words up to nineteen.
const ONES: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Tens from twenty.
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Whether `word` (any case) is a number word from two up ("Nine", "twenty",
/// "hundreds") or a scale word ("million"): a count's last word before
/// "of" in "Nine of the 14", "4.32 million of the 6.42 million".
pub fn counts_from_two(word: &str) -> bool {
    const SCALES: [&str; 8] = [
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
        "thousand",
        "thousands",
        "million",
        "billion",
    ];
    (ONES.iter().skip(1).chain(TENS)).any(|w| w.eq_ignore_ascii_case(word))
        || SCALES.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// For each first letter and length of a number word, its possible last
/// letters (one bit each), built from `ONES` and `TENS`: two loads reject
/// almost every other word.
const NUMBER_WORD_SHAPES: [[u32; 10]; 26] = number_word_shapes();

const fn number_word_shapes() -> [[u32; 10]; 26] {
    let mut shapes = [[0; 10]; 26];
    let lists = [ONES, TENS];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            // Fails to compile unless the words are lowercase ASCII, at most
            // 9 letters long.
            let w = lists[l][i].as_bytes();
            shapes[(w[0] - b'a') as usize][w.len()] |= 1 << (w[w.len() - 1] - b'a');
            i += 1;
        }
        l += 1;
    }
    shapes
}

/// Whether `word` has the first letter, length and last letter of a number
/// word, in any case.
fn number_word_shape(word: &[u8]) -> bool {
    let (Some(first), Some(last)) = (word.first(), word.last()) else {
        return false;
    };
    // `b | 0x20` is `b` lowercased if `b` is an ASCII letter, and no letter
    // otherwise.
    let first = (first | 0x20).wrapping_sub(b'a');
    let last = (last | 0x20).wrapping_sub(b'a');
    first < 26
        && last < 26
        && NUMBER_WORD_SHAPES[usize::from(first)]
            .get(word.len())
            .is_some_and(|letters| letters & (1 << last) != 0)
}

/// Time units: a number before them is a duration or an age, not a count.
const TIME_WORDS: &[&str] = &[
    "year",
    "years",
    "yr",
    "yrs",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "night",
    "nights",
    "weekend",
    "weekends",
    "fortnight",
    "fortnights",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "second",
    "seconds",
    "sec",
    "secs",
    "decade",
    "decades",
    "century",
    "centuries",
    "millennium",
    "millennia",
    "quarter",
    "quarters",
    "semester",
    "semesters",
];

/// Plural-looking words after a number that are not counted things.
const NOT_COUNTED: &[&str] = &["times", "fold", "percent", "pm", "am"];

/// Words ending in `s` that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "as",
    "has",
    "was",
    "does",
    "is",
    "its",
    "this",
    "thus",
    "yes",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "perhaps",
    "always",
    "besides",
    "towards",
    "afterwards",
    "upwards",
    "downwards",
    "backwards",
    "forwards",
    "sometimes",
    "nevertheless",
    "whereas",
    "overseas",
    "nowadays",
    "says",
    "seems",
    "remains",
    "includes",
    "goes",
    "becomes",
    "appears",
    "means",
    "makes",
    "takes",
    "gets",
    "gives",
    "comes",
    "news",
];

/// Plural or collective nouns that do not end in `s`.
const COLLECTIVE_NOUNS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "staff",
    "personnel",
    "crew",
    "population",
    "workforce",
    "police",
    "cattle",
    "livestock",
    "poultry",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "spacecraft",
    "offspring",
    "feet",
    "teeth",
    "mice",
    "geese",
];

/// Words that end the search for a counted noun after a number.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "it",
    "its",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "not",
    "no",
    "per",
    "each",
    "every",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "after",
    "before",
    "between",
    "during",
    "since",
    "until",
    "up",
    "down",
    "out",
    "off",
    "so",
    "if",
    "then",
    "such",
    "also",
    "only",
    "just",
    "still",
    "yet",
    "all",
    "both",
    "any",
    "another",
    "they",
    "we",
    "he",
    "she",
    "you",
    "i",
    "there",
    "here",
    "when",
    "where",
    "while",
    "because",
    "said",
    "say",
    "says",
    "told",
    "won",
    "lost",
    "got",
    "made",
    "took",
    "gave",
    "went",
    "came",
    "became",
    "remained",
    "via",
    "within",
    "without",
    "through",
    "among",
    "against",
    "across",
    "including",
    "versus",
    "vs",
    "according",
    "around",
    "toward",
    "towards",
    "upon",
    "like",
    "unlike",
    "despite",
    "except",
    "plus",
    "minus",
    "ago",
    "later",
    "earlier",
    "again",
    "too",
    "very",
    "even",
    "ever",
    "never",
    "much",
    "many",
    "few",
    "less",
    "least",
    "most",
    "own",
    "seems",
    "remains",
    "includes",
    "goes",
    "becomes",
    "appears",
    "means",
    "makes",
    "takes",
    "gets",
    "gives",
    "comes",
    "percentage",
];

/// Adjectives ending in `-ly` that may stand between a number and its noun
/// (`600 million monthly active users`); other `-ly` words are adverbs.
const LY_ADJECTIVES: &[&str] = &[
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "yearly",
    "hourly",
    "nightly",
    "elderly",
    "early",
    "lonely",
];

/// Words before a number that make it a label, not a quantity (`page 5`).
const LABELS: &[&str] = &[
    "page",
    "pages",
    "section",
    "sections",
    "chapter",
    "chapters",
    "article",
    "articles",
    "item",
    "items",
    "room",
    "flight",
    "route",
    "line",
    "number",
    "version",
    "level",
    "grade",
    "step",
    "phase",
    "season",
    "episode",
    "volume",
    "issue",
    "part",
    "figure",
    "table",
    "rule",
    "paragraph",
    "clause",
    "platform",
    "gate",
    "channel",
    "highway",
    "aged",
    "age",
    "ages",
    "model",
    "type",
    "class",
    "row",
    "column",
    "exit",
    "floor",
    "stage",
    "round",
    "verse",
    "act",
    "scene",
];

/// Capitalised words before a number that are not names (`Only 5 users`).
const CAPITALISED_OK: &[&str] = &[
    "only",
    "another",
    "other",
    "every",
    "those",
    "these",
    "its",
    "their",
    "some",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "around",
    "about",
    "over",
    "under",
    "just",
    "top",
    "total",
    "overall",
    "altogether",
    "now",
    "today",
    "yesterday",
    "last",
    "next",
    "first",
];

/// A word list hashed at compile time: a lookup hashes the word once and
/// compares an entry or two, where `contains` on the list compares lengths
/// with every entry (`STOPWORDS` has over 170).
struct WordSet {
    words: &'static [&'static str],
    /// Open addressing: the index in `words` plus one, 0 for an empty slot.
    slots: [u8; WORD_SET_SLOTS],
}

const WORD_SET_SLOTS: usize = 512;

/// FNV-1a, reduced to a slot.
const fn word_hash(word: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < word.len() {
        h = (h ^ word[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h as usize % WORD_SET_SLOTS
}

impl WordSet {
    const fn new(words: &'static [&'static str]) -> WordSet {
        // Fails to compile if a list outgrows half the slots.
        assert!(words.len() < WORD_SET_SLOTS / 2);
        let mut slots = [0u8; WORD_SET_SLOTS];
        let mut i = 0;
        while i < words.len() {
            let mut slot = word_hash(words[i].as_bytes());
            while slots[slot] != 0 {
                slot = (slot + 1) % WORD_SET_SLOTS;
            }
            slots[slot] = (i + 1) as u8;
            i += 1;
        }
        WordSet { words, slots }
    }

    /// Whether `word` is in the list, as `list.contains(&word)`.
    fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    fn contains_bytes(&self, word: &[u8]) -> bool {
        let mut slot = word_hash(word);
        loop {
            let Some(&index) = self.slots.get(slot) else {
                return false;
            };
            let Some(entry) = usize::from(index)
                .checked_sub(1)
                .and_then(|i| self.words.get(i))
            else {
                return false;
            };
            if entry.as_bytes() == word {
                return true;
            }
            slot = (slot + 1) % WORD_SET_SLOTS;
        }
    }

    /// Whether a word of the list is `word` in any ASCII case (the words are
    /// lowercase ASCII, none longer than 16 bytes).
    fn contains_ignore_ascii_case(&self, word: &str) -> bool {
        let mut lower = [0u8; 16];
        let Some(buffer) = lower.get_mut(..word.len()) else {
            return false;
        };
        buffer.copy_from_slice(word.as_bytes());
        buffer.make_ascii_lowercase();
        self.contains_bytes(buffer)
    }
}

/// The last word of each of `HEDGES`.
const HEDGE_LAST_WORDS: [&str; HEDGES.len()] = {
    let mut words = [""; HEDGES.len()];
    let mut i = 0;
    while i < HEDGES.len() {
        let hedge = HEDGES[i].0;
        words[i] = hedge[hedge.len() - 1];
        i += 1;
    }
    words
};

static HEDGE_LAST_WORD_SET: WordSet = WordSet::new(&HEDGE_LAST_WORDS);
static TIME_WORD_SET: WordSet = WordSet::new(TIME_WORDS);
static NOT_COUNTED_SET: WordSet = WordSet::new(NOT_COUNTED);
static NOT_PLURAL_SET: WordSet = WordSet::new(NOT_PLURAL);
static COLLECTIVE_NOUN_SET: WordSet = WordSet::new(COLLECTIVE_NOUNS);
static STOPWORD_SET: WordSet = WordSet::new(STOPWORDS);
static LY_ADJECTIVE_SET: WordSet = WordSet::new(LY_ADJECTIVES);
static LABEL_SET: WordSet = WordSet::new(LABELS);
static CAPITALISED_OK_SET: WordSet = WordSet::new(CAPITALISED_OK);

/// Abbreviations before `. <number>` that make it a label (`No. 3`).
const DOT_LABELS: &[&str] = &[
    "No", "no", "Nos", "nos", "p", "pp", "Vol", "vol", "Fig", "fig", "Sec", "sec", "Art", "art",
    "Ch", "ch", "Para", "para", "Ep", "ep", "v", "Ver", "ver",
];

// ---------------------------------------------------------------------------
// Scanning

/// One amount before conversions are paired.
struct Atom {
    amount: Amount,
    /// The currencies, in written order, when the amount carries two.
    malformed: Option<Vec<String>>,
}

/// A currency found before or after a number.
#[derive(Debug, Clone)]
struct Currency<'a> {
    /// The ISO code: from `CURRENCIES`, or the code as written in the text.
    code: &'a str,
    ambiguous: bool,
    start: usize,
    end: usize,
    written: &'static str,
}

/// A number, with what was read right after it.
struct Number {
    start: usize,
    end: usize,
    value: Decimal,
    /// A scale abbreviation glued to the digits: end, scale, single letter.
    glued: Option<(usize, Scale, bool)>,
    /// Written with digits (not words).
    digits: bool,
    /// The `a` of `a billion`: needs a unit to be an amount.
    article: bool,
    /// Four digits from 1000 to 2999 without separators: a year unless a
    /// currency, scale or percent says otherwise.
    year_like: bool,
    /// Preceded by a sign (`+1`, `-5`): only a percentage may follow.
    signed: bool,
}

/// Calls `found` with every amount of `text`, in order.
fn scan(text: &str, mut found: impl FnMut(Atom)) {
    let bytes = text.as_bytes();
    let mut floor = 0;
    let mut i = next_candidate(bytes, 0);
    while let Some(&byte) = bytes.get(i) {
        let next = if byte.is_ascii_digit() {
            let run_end = numeric_run_end(bytes, i);
            match digits_at(text, i, run_end, floor) {
                Some(atom) => {
                    floor = atom.amount.span.end;
                    found(atom);
                    floor
                }
                None => run_end,
            }
        } else if byte.is_ascii_alphabetic() {
            let word_end = i + ascii_letters(text, i);
            match words_at(text, i, word_end, floor) {
                Some(atom) => {
                    floor = atom.amount.span.end;
                    found(atom);
                    floor
                }
                None => word_end,
            }
        } else {
            i + 1
        };
        i = next_candidate(bytes, next.max(i + 1));
    }
}

/// For each first byte of a word, the lowercase second letters (bit
/// `letter - b'a'`) of `a` and of the number words starting with it, and
/// bit 26 when the word may be that one letter (`a`): one load and a shift
/// reject a word by its first two bytes, where `the`, `for` and `that` are
/// the only common English words left to read whole.
const WORD_STARTS: [u32; 256] = {
    let mut table = [0; 256];
    let lists = [ONES, TENS];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            // Fails to compile unless the words are lowercase ASCII.
            let w = lists[l][i].as_bytes();
            let bit = 1 << (w[1] - b'a');
            table[w[0] as usize] |= bit;
            table[w[0].to_ascii_uppercase() as usize] |= bit;
            i += 1;
        }
        l += 1;
    }
    table[b'a' as usize] |= 1 << 26;
    table[b'A' as usize] |= 1 << 26;
    table
};

/// Whether the ASCII word starting with `first`, `second` (the byte after
/// it, whatever it is) passes `WORD_STARTS`.
fn word_start_passes(first: u8, second: u8) -> bool {
    // `b | 0x20` is `b` lowercased if `b` is an ASCII letter, and no letter
    // otherwise.
    let letter = (second | 0x20).wrapping_sub(b'a');
    let bit = if letter < 26 { letter } else { 26 };
    WORD_STARTS[usize::from(first)] & (1 << bit) != 0
}

/// Where the scan has work next, from `from` on: `from` itself if it holds
/// an ASCII letter or digit (as the byte-wise loop would read there), else
/// the first digit (or control byte 0x10 to 0x19, which the scan steps
/// over), or the first ASCII word (a run of ASCII letters after a byte that
/// is none) that `may_start_amount` does not reject, or the end of the
/// text. What lies between is what the byte-wise loop steps over
/// without result: other bytes one by one, and the words `words_at`
/// rejects whatever surrounds them. Eight bytes are classified at a time.
/// Out of line: it is entered once per candidate, and its own profile line
/// tells the skipping's cost.
#[inline(never)]
fn next_candidate(bytes: &[u8], from: usize) -> usize {
    match bytes.get(from) {
        None => return bytes.len(),
        Some(b) if b.is_ascii_alphanumeric() => return from,
        Some(_) => {}
    }
    let mut at = from;
    // Bit 7 of byte 0 is set when the byte before the chunk is a letter.
    // The byte at `from` is no letter, so its own bit does not matter.
    let mut carry = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if let Some(p) = candidate_in_chunk(bytes, at, x, &mut carry) {
            return p;
        }
        at += 8;
    }
    // Zero bytes are neither letters nor digits.
    let mut tail = [0u8; 8];
    let rest = bytes.get(at..).unwrap_or_default();
    for (slot, b) in tail.iter_mut().zip(rest) {
        *slot = *b;
    }
    candidate_in_chunk(bytes, at, u64::from_le_bytes(tail), &mut carry).unwrap_or(bytes.len())
}

/// The first candidate of `next_candidate` in the eight bytes `x` read at
/// `at`; `carry` says whether the byte before is a letter, and is set for
/// the next chunk.
#[inline(always)]
fn candidate_in_chunk(bytes: &[u8], at: usize, x: u64, carry: &mut u64) -> Option<usize> {
    let (letters, digits) = letter_and_digit_bits(x);
    let mut starts = letters & !((letters << 8) | *carry);
    // Only words before the first digit can come first.
    if digits != 0 {
        starts &= (digits & digits.wrapping_neg()) - 1;
    }
    while starts != 0 {
        let bit = starts.trailing_zeros();
        starts &= starts - 1;
        let p = at + bit as usize / 8;
        // The word's first byte is in `x`; its second one may be past it.
        let first = (x >> (bit & !7)) as u8;
        if WORD_STARTS[usize::from(first)] == 0 {
            continue;
        }
        if !word_start_passes(first, bytes.get(p + 1).copied().unwrap_or(0)) {
            continue;
        }
        // The first byte after the word that is no letter: in this chunk,
        // or found byte by byte after it (the word fills the chunk from `p`
        // on).
        let ends = !letters & HIGH_8 & !(2u64 << bit).wrapping_sub(1);
        let end = if ends != 0 {
            at + ends.trailing_zeros() as usize / 8
        } else {
            at + 8 + ascii_letters_from(bytes, at + 8)
        };
        if bytes
            .get(p..end)
            .is_some_and(|word| may_start_amount(bytes, word, end))
        {
            return Some(p);
        }
    }
    if digits != 0 {
        return Some(at + digits.trailing_zeros() as usize / 8);
    }
    *carry = letters >> 56;
    None
}

/// Whether `words_at` may find an amount at the ASCII word `word`, which
/// ends at `end` in `bytes`: `a`, or a word shaped like a number word. The
/// article counts only before a scale word, `hundred` or `dozen`: one
/// letter after a space tells most of the time that none follows.
fn may_start_amount(bytes: &[u8], word: &[u8], end: usize) -> bool {
    if word.eq_ignore_ascii_case(b"a") {
        return match (bytes.get(end), bytes.get(end + 1)) {
            (Some(b' '), Some(&next)) if next.is_ascii_alphabetic() => {
                matches!(next | 0x20, b'b' | b'm' | b't' | b'h' | b'd')
            }
            _ => true,
        };
    }
    number_word_shape(word)
}

/// The test `words_at` starts with: `a`, or a word shaped like a number
/// word.
fn may_be_number_word(word: &[u8]) -> bool {
    word.eq_ignore_ascii_case(b"a") || number_word_shape(word)
}

const ONES_8: u64 = u64::from_le_bytes([1; 8]);
const HIGH_8: u64 = ONES_8 * 0x80;

/// Bit 7 set in each byte of `x` that is an ASCII letter, and in each byte
/// that is an ASCII digit or a control byte from 0x10 to 0x19: both from
/// the same case-folded bytes, which map those control bytes onto the
/// digits. The scan steps over such a control byte as over any other
/// non-letter. Per byte, without carries between bytes (bit 7 cleared
/// first): bit 7 of `low + (0x80 - k)` is set when `low >= k`.
const fn letter_and_digit_bits(x: u64) -> (u64, u64) {
    let low = (x | (ONES_8 * 0x20)) & !HIGH_8;
    let ascii = !x & HIGH_8;
    let from_a = low + ONES_8 * (0x80 - b'a' as u64);
    let past_z = low + ONES_8 * (0x80 - b'z' as u64 - 1);
    let from_0 = low + ONES_8 * (0x80 - b'0' as u64);
    let past_9 = low + ONES_8 * (0x80 - b'9' as u64 - 1);
    (from_a & !past_z & ascii, from_0 & !past_9 & ascii)
}

/// The end of the digits starting at `i`, with `.` and `,` between digits.
fn numeric_run_end(bytes: &[u8], i: usize) -> usize {
    let mut end = i;
    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    while matches!(bytes.get(end), Some(b'.' | b','))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        end += 1;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    end
}

/// Reads `1,234.50`: thousands separators in groups of three, at most one
/// decimal point after them.
fn parse_run(run: &str) -> Option<Decimal> {
    // Bytes, not chars: a run is ASCII.
    let bytes = run.as_bytes();
    if let Some(value) = parse_plain_run(bytes) {
        return Some(value);
    }
    let (int, frac) = match bytes.iter().position(|&b| b == b'.') {
        Some(i) => (bytes.get(..i)?, bytes.get(i + 1..)),
        None => (bytes, None),
    };
    if frac.is_some_and(|f| f.iter().any(|&b| b == b'.' || b == b',')) {
        return None;
    }
    if !int.contains(&b',') {
        return parse_decimal(run);
    }
    let mut groups = int.split(|&b| b == b',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !groups.all(|g| g.len() == 3) {
        return None;
    }
    let plain: String = run.chars().filter(|&c| c != ',').collect();
    parse_decimal(&plain)
}

/// `parse_run` for the common run: up to 19 digits with at most one
/// decimal point between them, and no thousands separator. The value and
/// the scale are those `Decimal::from_str` gives (`15.50` keeps two places),
/// without its generic parsing; `None` for any other run.
fn parse_plain_run(bytes: &[u8]) -> Option<Decimal> {
    if bytes.len() > 19 || bytes.first() == Some(&b'.') || bytes.last() == Some(&b'.') {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut point = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            // At most 19 digits: no overflow.
            mantissa = mantissa * 10 + u64::from(b - b'0');
        } else if b == b'.' && point.is_none() {
            point = Some(i);
        } else {
            return None;
        }
    }
    if bytes.is_empty() {
        return None;
    }
    let scale = point.map_or(0, |i| bytes.len() - i - 1);
    Some(Decimal::from_i128_with_scale(
        i128::from(mantissa),
        u32::try_from(scale).ok()?,
    ))
}

/// Separators that group digits in some languages ("12 500", "12٬500",
/// "12٫5"): a number written with them is left unread rather than read in
/// part as a smaller one.
fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\u{66b}' | '\u{66c}'
    )
}

/// An amount whose number is the digits `start..run_end`.
fn digits_at(text: &str, start: usize, run_end: usize, floor: usize) -> Option<Atom> {
    let run = text.get(start..run_end)?;
    if let Some(c) = char_before(text, start).filter(|c| is_group_separator(*c)) {
        if char_before(text, start - c.len_utf8()).is_some_and(|d| d.is_ascii_digit()) {
            return None;
        }
    }
    if second_term_of_a_ratio(text, start, floor) {
        return None;
    }
    if run.len() > 1 && run.starts_with('0') && !run.starts_with("0.") {
        // 007, 09 (a date part), or space-grouped thousands (5 000).
        return None;
    }
    // Four digits: "1.85" or "12.5" is no year.
    let year_like = run.len() == 4
        && matches!(run.as_bytes().first(), Some(b'1' | b'2'))
        && run.bytes().all(|b| b.is_ascii_digit());
    let prefix = match prefix_before(text, start, floor) {
        Prefix::Found(currency) => Some(currency),
        Prefix::Glued => return None,
        Prefix::None => None,
    };
    let mut signed = false;
    if prefix.is_none() {
        match char_before(text, start) {
            None => {}
            Some(c) if is_word_char(c) => return None,
            Some('.' | '/' | '\\' | ':' | '=' | '@' | '#' | '&' | '^' | '\'' | '’') => {
                return None;
            }
            Some('-' | '–' | '—' | '−') => {
                let sign = start - char_before(text, start).map_or(1, char::len_utf8);
                if char_before(text, sign).is_some_and(|c| is_word_char(c) || c == '-') {
                    return None;
                }
                signed = true;
            }
            Some('+') => signed = true,
            Some(_) => {}
        }
        if in_url_or_email(text, start) || is_list_marker(text, start, run_end) {
            return None;
        }
    }
    let glued = match after_digits(text, run_end) {
        After::Clean => None,
        After::Glued(end, scale, single) => Some((end, scale, single)),
        After::Reject => return record_ordinal(text, start, run_end, floor),
    };
    // Parsed last: most rejections above are cheaper.
    let value = parse_run(run)?;
    finish(
        text,
        floor,
        Number {
            start,
            end: run_end,
            value,
            glued,
            digits: true,
            article: false,
            year_like,
            signed,
        },
        prefix,
    )
}

/// An ordinal that counts ("a record 12th title", "its 14th increase in a
/// row", "the 10th consecutive quarter"): the count of the noun after it,
/// as a plural. Other ordinals rank or date ("the 5th largest", "on the
/// 22nd") and stay unread.
fn record_ordinal(text: &str, start: usize, run_end: usize, floor: usize) -> Option<Atom> {
    let suffix = text.get(run_end..run_end + 2)?;
    if !matches!(suffix, "st" | "nd" | "rd" | "th") || word_char_at(text, run_end + 2) {
        return None;
    }
    let value = parse_plain_run(text.get(start..run_end)?.as_bytes())?;
    if value.scale() != 0 {
        return None;
    }
    // "consecutive", "straight", "successive" right after, or "record" in
    // the two words before, or "in a row" after the noun.
    let before = text.get(floor..start).unwrap_or("");
    let record = before
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| w.eq_ignore_ascii_case("record"));
    let mut p = run_end + 2;
    let mut streak = false;
    for _ in 0..2 {
        let next = skip_hspace(text, p);
        let (end, word) = word_at(text, next)?;
        if next == p {
            return None;
        }
        if matches!(word, "consecutive" | "straight" | "successive") {
            streak = true;
            p = end;
            continue;
        }
        if !word.chars().all(|c| c.is_ascii_lowercase()) || word.len() < 3 {
            return None;
        }
        let in_a_row = phrase_at(text, skip_hspace(text, end), "in a row", false).is_some();
        if !(record || streak || in_a_row) {
            return None;
        }
        let plural = if word.ends_with('s') {
            return None;
        } else if let Some(stem) = word
            .strip_suffix('y')
            .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
        {
            format!("{stem}ies")
        } else if ["ch", "sh", "x"].iter().any(|e| word.ends_with(e)) {
            format!("{word}es")
        } else {
            format!("{word}s")
        };
        return Some(Atom {
            amount: Amount {
                span: start..end,
                number: value,
                scale: Scale::One,
                unit: Some(Unit::Noun(plural)),
                hedge: Hedge::None,
                hedge_span: None,
                ambiguous_currency: false,
                fraction: false,
            },
            malformed: None,
        });
    }
    None
}

/// What follows the digits of a number.
enum After {
    /// A space, punctuation or the end of the text.
    Clean,
    /// A scale abbreviation glued to the digits: end, scale, single letter.
    Glued(usize, Scale, bool),
    /// Not an amount: `24th`, `9:30`, `555-1234`, `24/7`, `5G`.
    Reject,
}

fn after_digits(text: &str, end: usize) -> After {
    // Most numbers end before a space or punctuation that no rule below
    // reads: settled by one byte.
    match text.as_bytes().get(end) {
        None => return After::Clean,
        Some(&b)
            if b.is_ascii()
                && !b.is_ascii_alphanumeric()
                && !matches!(b, b'_' | b'@' | b':' | b'-' | b',' | b'/' | b'.') =>
        {
            return After::Clean;
        }
        Some(_) => {}
    }
    after_digits_read(text, end)
}

/// [`after_digits`] without its one-byte fast path: the characters after
/// the digits, read as the rules say.
fn after_digits_read(text: &str, end: usize) -> After {
    let mut chars = text.get(end..).unwrap_or("").chars();
    let Some(c) = chars.next() else {
        return After::Clean;
    };
    let next = chars.next();
    if is_group_separator(c) && next.is_some_and(|n| n.is_ascii_digit()) {
        return After::Reject;
    }
    if c.is_ascii_alphabetic() {
        let word_end = end + ascii_letters(text, end);
        if word_char_at(text, word_end) {
            return After::Reject;
        }
        let word = text.get(end..word_end).unwrap_or("");
        return match GLUED_SCALES.iter().find(|(w, _, _)| *w == word) {
            Some(&(_, scale, single)) => After::Glued(word_end, scale, single),
            None => After::Reject,
        };
    }
    if is_word_char(c) || c == '°' || c == '@' {
        return After::Reject;
    }
    let next_digit = next.is_some_and(|n| n.is_ascii_digit());
    let next_alnum = next.is_some_and(char::is_alphanumeric);
    match c {
        ':' | '-' | '–' | ',' if next_digit => After::Reject,
        '/' | '.' if next_alnum => After::Reject,
        _ => After::Clean,
    }
}

/// An amount whose number is written in words, starting at the ASCII word
/// `start..word_end`.
fn words_at(text: &str, start: usize, word_end: usize, floor: usize) -> Option<Atom> {
    // Most words are neither `a` nor shaped like a number word: test the
    // bytes before anything else.
    let bytes = text.as_bytes().get(start..word_end)?;
    if !may_be_number_word(bytes) {
        return None;
    }
    let article = bytes.eq_ignore_ascii_case(b"a");
    let word = text.get(start..word_end)?;
    if word.len() > 9 || !word.bytes().skip(1).all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if char_before(text, start).is_some_and(|c| is_word_char(c) || c == '-') {
        return None;
    }
    let mut value: u32 = if article { 1 } else { number_word(word)? };
    if second_term_of_a_ratio(text, start, floor) {
        return None;
    }
    let mut end = word_end;
    // `a` is an amount only before a scale word, `hundred` or `dozen`: this
    // check comes first as `a` is the most common word of English.
    if article
        && scale_word_after(text, end).is_none()
        && word_after(text, end, "hundred").is_none()
        && word_after(text, end, "dozen").is_none()
    {
        return None;
    }
    // twenty-five
    if (20..100).contains(&value) && char_at(text, end) == Some('-') {
        let unit_end = end + 1 + ascii_letters(text, end + 1);
        if let Some(unit) = text.get(end + 1..unit_end).and_then(number_word) {
            if unit < 10 {
                value += unit;
                end = unit_end;
            }
        }
    }
    if word_char_at(text, end) {
        return None;
    }
    if let Some(e) = word_after(text, end, "hundred") {
        value = value.checked_mul(100)?;
        end = e;
    } else if let Some(e) = word_after(text, end, "dozen") {
        value = value.checked_mul(12)?;
        end = e;
    }
    if char_at(text, end) == Some('-')
        && scale_word_after(text, end).is_none()
        && hyphened_duration_after(text, end).is_none()
    {
        // one-third, two-way; not a "two-year" contract
        return None;
    }
    finish(
        text,
        floor,
        Number {
            start,
            end,
            value: Decimal::from(value),
            glued: None,
            digits: false,
            article,
            year_like: false,
            signed: false,
        },
        None,
    )
}

/// Whether the number at `start` follows "one in" or "1 in": the second
/// term of a ratio ("one in five people on the list"), no count.
fn second_term_of_a_ratio(text: &str, start: usize, floor: usize) -> bool {
    let before = text.get(floor..start).unwrap_or("");
    let Some(rest) = before.strip_suffix(" in ") else {
        return false;
    };
    let first = rest
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let term = match first.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => number_word(first),
    };
    // Not a year: "3 in 2024".
    let year = text
        .get(start..)
        .is_some_and(|t| t.len() >= 4 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit));
    term.is_some_and(|n| (1..=10).contains(&n)) && !year
}

/// The value of a number word from "one" to "ninety" ("Five", "twenty"),
/// in any case.
pub fn number_word(word: &str) -> Option<u32> {
    if !number_word_shape(word.as_bytes()) {
        return None;
    }
    let position = |list: &[&str]| {
        list.iter()
            .position(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
    };
    if let Some(i) = position(ONES) {
        return u32::try_from(i + 1).ok();
    }
    position(TENS).and_then(|i| u32::try_from((i + 2) * 10).ok())
}

/// Fractions written in words before "of", as percentages: "more than
/// half of the 34,000 sold", "nearly a third of its staff", "two-thirds
/// of voters". Not a fraction of a time or of a scale ("a quarter of a
/// century", "half of 2024", "the first half of the year", "half a
/// million"), nor an ordinal ("the third quarter of").
pub fn fractions(text: &str) -> Vec<Amount> {
    /// Each fraction's word, singular and plural, and its denominator.
    const PARTS: [(&str, &str, u32); 5] = [
        ("half", "halves", 2),
        ("third", "thirds", 3),
        ("quarter", "quarters", 4),
        ("fifth", "fifths", 5),
        ("tenth", "tenths", 10),
    ];
    /// Nouns of time a fraction of which is a span, no share.
    const TIMES: [&str; 12] = [
        "year", "years", "century", "decade", "season", "month", "hour", "day", "week", "term",
        "mile", "way",
    ];
    let mut found = Vec::new();
    // memchr's searcher: " of " stands every few dozen bytes of news.
    for at in memchr::memmem::find_iter(text.as_bytes(), b" of ") {
        let before = text.get(..at).unwrap_or("");
        // The fraction's word, and where it starts (past the character
        // before it, whatever its length).
        let word_start = letters_start(before);
        let word = before.get(word_start..).unwrap_or("");
        let Some(&(_, _, denominator)) = PARTS.iter().find(|(one, many, _)| {
            word.eq_ignore_ascii_case(one) || word.eq_ignore_ascii_case(many)
        }) else {
            continue;
        };
        let plural = !PARTS
            .iter()
            .any(|(one, _, _)| word.eq_ignore_ascii_case(one));
        // The count before it: "a", "one", or "two" to "nine" for a plural,
        // joined by a space or a hyphen; "half" may stand alone.
        let joined = before.get(..word_start).and_then(|b| b.chars().next_back());
        let head = before
            .get(..word_start - joined.map_or(0, char::len_utf8))
            .unwrap_or("");
        let count_start = letters_start(head);
        let count_word = head.get(count_start..).unwrap_or("");
        let count = match joined {
            Some(' ' | '-') => {
                if count_word.eq_ignore_ascii_case("a") || count_word.eq_ignore_ascii_case("one") {
                    Some(1)
                } else {
                    number_word(count_word).filter(|n| (2..10).contains(n))
                }
            }
            _ => None,
        };
        let (start, count) = match (count, plural) {
            (Some(1), false) => (count_start, 1),
            (Some(n), true) if n > 1 => (count_start, n),
            (None, false) if word.eq_ignore_ascii_case("half") => {
                // "the first half of", "a half of", "second-half".
                if joined == Some('-')
                    || (joined == Some(' ')
                        && [
                            "first", "second", "latter", "former", "the", "each", "every",
                        ]
                        .iter()
                        .any(|w| count_word.eq_ignore_ascii_case(w)))
                {
                    continue;
                }
                (word_start, 1)
            }
            _ => continue,
        };
        if count >= denominator {
            continue;
        }
        let value = (Decimal::from(100 * count) / Decimal::from(denominator)).round_dp(2);
        // What it is a fraction of: not "a", "an" or "one" (a quarter of a
        // century, half of one per cent), not a year, not a time.
        let after = text.get(at + 4..).unwrap_or("");
        let mut next = after
            .split(|c: char| c.is_whitespace())
            .take(3)
            .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()));
        let first = next.next().unwrap_or("");
        if first.is_empty()
            || ["a", "an", "one"]
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w))
            || (first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        let mut words = std::iter::once(first).chain(next);
        if words.any(|w| TIMES.iter().any(|t| w.eq_ignore_ascii_case(t))) {
            continue;
        }
        // Not glued to a word before it.
        if word_char_before(text, start) {
            continue;
        }
        // Hedges are read back to the clause's start, and no further than
        // a few words: a huge sentence is not read back whole.
        let mut lo = start.saturating_sub(64);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let floor = (text.get(lo..start).unwrap_or(""))
            .rfind(['.', '\n', ';', ':'])
            .map_or(lo, |i| lo + i + 1);
        let (hedge, hedge_span) = match hedge_before(text, start, floor) {
            Some((hedge, span)) => (hedge, Some(span)),
            None => (Hedge::None, None),
        };
        found.push(Amount {
            span: start..at,
            number: value,
            scale: Scale::One,
            unit: Some(Unit::Percent),
            hedge,
            hedge_span,
            ambiguous_currency: false,
            fraction: true,
        });
    }
    found
}

/// Where the run of ASCII letters that ends `text` starts.
fn letters_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Reads the scale, the unit and the hedge around a number.
fn finish(
    text: &str,
    floor: usize,
    mut number: Number,
    prefix: Option<Currency<'_>>,
) -> Option<Atom> {
    // A year stays one unless a scale word, a currency or a percentage
    // follows, and each of them starts after a space or a hyphen, or is a
    // percent sign: any other ASCII byte after the digits settles it.
    if number.year_like
        && number.glued.is_none()
        && prefix.is_none()
        && text.as_bytes().get(number.end).is_none_or(|b| {
            b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'-' | b'%')
        })
    {
        return None;
    }
    let mut end = number.end;
    let mut scale = Scale::One;
    let mut single_letter = false;
    if let Some((e, s, single)) = number.glued {
        end = e;
        scale = s;
        single_letter = single;
    } else if let Some((e, s)) = scale_word_after(text, end) {
        end = e;
        scale = s;
    } else if unsupported_scale_after(text, end) {
        return None;
    }

    let mut percent = false;
    if prefix.is_none() && scale == Scale::One {
        if let Some(e) = percent_after(text, end) {
            end = e;
            percent = true;
        }
    }
    if number.signed && !percent {
        return None;
    }

    let mut suffix = None;
    if !percent {
        if let Some(currency) = currency_after(text, end) {
            let scaled_only = [WON, CROWNS, DONG].contains(&currency.written);
            if !scaled_only || (scale != Scale::One && prefix.is_none()) {
                end = currency.end;
                suffix = Some(currency);
            }
        }
    }

    let mut noun = None;
    let mut labelled = false;
    if !percent && prefix.is_none() && suffix.is_none() {
        if number.year_like && scale == Scale::One {
            return None;
        }
        // "Globex 121,907": a figure grouped by thousands is no model
        // number after a name ("Boeing 737").
        let grouped = text
            .get(number.start..number.end)
            .is_some_and(|n| n.contains(','));
        labelled = number.digits
            && scale == Scale::One
            && !grouped
            && label_or_name_before(text, number.start);
        if !labelled {
            if let Some(n) = tally_before(text, number.start) {
                noun = Some(n.to_owned());
            } else if let Some((e, n)) = noun_after(text, end) {
                end = e;
                noun = Some(n);
            } else if let Some((e, n)) = measured_noun_after(text, end) {
                end = e;
                noun = Some(n);
            } else if let Some((e, n)) = duration_after(text, number.start, end) {
                end = e;
                noun = Some(n.to_owned());
                if let Some((e, finer, total)) =
                    finer_times_after(text, end, n, number.value).filter(|_| scale == Scale::One)
                {
                    end = e;
                    noun = Some(finer.to_owned());
                    number.value = total;
                }
            } else if let Some((e, n)) = hyphened_duration_after(text, end) {
                end = e;
                noun = Some(n.to_owned());
            } else if let Some((e, n)) = compound_noun_after(text, end).filter(|_| number.digits) {
                end = e;
                noun = Some(n);
            } else if number.digits || number.value >= Decimal::TWO {
                // "80 of the 230 seats" counts seats, as "Nine of the
                // country's 14 provinces" counts provinces (not "one of"
                // the largest); the whole is its own claim.
                noun = whole_after(text, end);
            }
            if noun.is_none() && number.digits && scale == Scale::One {
                noun = list_noun_before(text, number.start, end);
            }
            if noun.is_none() {
                noun = number_of_before(text, number.start);
            }
            // "Two workers were killed and six others were injured": the
            // others are of the noun counted before.
            if noun.as_deref() == Some("others") {
                if let Some(counted) = counted_before(text, number.start) {
                    noun = Some(counted);
                }
            }
        }
    }

    let start = prefix.as_ref().map_or(number.start, |p| p.start);
    let mut malformed = None;
    let mut ambiguous = false;
    let unit = match (&prefix, &suffix) {
        (Some(before), Some(after)) => {
            malformed = Some(vec![before.code.to_owned(), after.code.to_owned()]);
            ambiguous = after.ambiguous;
            Some(Unit::Currency(after.code.to_owned()))
        }
        (Some(currency), None) | (None, Some(currency)) => {
            ambiguous = currency.ambiguous;
            Some(Unit::Currency(currency.code.to_owned()))
        }
        (None, None) if percent => Some(Unit::Percent),
        (None, None) => noun.map(Unit::Noun),
    };
    // A figure written with a separator or a decimal point is a figure
    // even without a unit: "a crowd of 57,619", "magnitude 6.8", "the
    // toll rose to 2,122".
    let figure = number.digits
        && !labelled
        && scale == Scale::One
        && (text
            .get(number.start..number.end)
            .is_some_and(|digits| digits.contains([',', '.']))
            || reached_before(text, number.start)
            || a_part_of_the_whole_named(text, number.start, number.end));
    if unit.is_none() && (scale == Scale::One && !figure || single_letter || number.article) {
        return None;
    }
    // The word a figure describes: "a magnitude 4.9 aftershock" counts
    // aftershocks, which a fact about the earthquake does not.
    let mut unit = unit;
    if unit.is_none() && figure {
        if let Some((e, word)) = head_word_after(text, end) {
            end = e;
            unit = Some(Unit::Noun(word.to_owned()));
        }
    }
    let (hedge, hedge_span) = match hedge_before(text, start, floor) {
        Some((hedge, span)) => (hedge, Some(span)),
        None => match char_before(text, start) {
            Some(c @ ('~' | '≈')) if start - c.len_utf8() >= floor => {
                (Hedge::About, Some(start - c.len_utf8()..start))
            }
            _ => (Hedge::None, None),
        },
    };
    Some(Atom {
        amount: Amount {
            span: start..end,
            number: number.value,
            scale,
            unit,
            hedge,
            hedge_span,
            ambiguous_currency: ambiguous,
            fraction: false,
        },
        malformed,
    })
}

/// The noun of a tally's first figure, which its second leaves out: "by
/// nine votes to three" counts three votes.
fn tally_before(text: &str, start: usize) -> Option<&'static str> {
    let before = text.get(..start)?.strip_suffix(" to ")?;
    let noun = last_word(before);
    if !matches!(noun, "votes" | "vote") {
        return None;
    }
    let figure = before.get(..before.len() - noun.len())?.strip_suffix(' ')?;
    let last = figure.rsplit(' ').next()?;
    let counted = last.bytes().all(|b| b.is_ascii_digit() || b == b',') && !last.is_empty()
        || number_word(last).is_some();
    counted.then_some("votes")
}

/// "The number of households rose faster than the population, to 3.04
/// million": a bare figure reached ("to") counts what "the number of"
/// before it in its sentence counts, when no other figure but a
/// percentage stands between them.
fn number_of_before(text: &str, start: usize) -> Option<String> {
    const HEDGES: [&str; 7] = [
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "some",
        "approximately",
    ];
    let mut floor = start.saturating_sub(200);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let before = text.get(floor..start)?.strip_suffix(' ')?;
    let hedge = last_word(before);
    let before = match HEDGES.contains(&hedge) {
        true => before
            .get(..before.len() - hedge.len())?
            .strip_suffix(' ')?,
        false => before,
    };
    if last_word(before) != "to" {
        return None;
    }
    let sentence = before.rsplit(['\n', ';', ':']).next()?;
    let sentence = sentence.rsplit(". ").next()?;
    let lower = sentence.to_ascii_lowercase();
    let at = lower
        .match_indices("number of ")
        .filter(|(at, _)| *at == 0 || lower.as_bytes().get(at - 1) == Some(&b' '))
        .last()?
        .0;
    let rest = sentence.get(at + "number of ".len()..)?;
    let words: Vec<&str> = rest
        .split(' ')
        .map(|w| w.trim_end_matches([',', '.']))
        .collect();
    let lowercase = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    // One adjective may come first: "the number of private households".
    let (noun, after) = match words.as_slice() {
        [noun, rest @ ..] if is_plural_noun(noun) => (*noun, rest),
        [adjective, noun, rest @ ..] if lowercase(adjective) && is_plural_noun(noun) => {
            (*noun, rest)
        }
        _ => return None,
    };
    if !lowercase(noun) {
        return None;
    }
    // Another count between them is the one reached.
    let percent = |i: usize| {
        after.get(i).is_some_and(|w| w.ends_with('%'))
            || after
                .get(i + 1)
                .is_some_and(|w| matches!(*w, "percent" | "per"))
    };
    let bare = (0..after.len()).any(|i| {
        after
            .get(i)
            .is_some_and(|w| w.contains(|c: char| c.is_ascii_digit()))
            && !percent(i)
    });
    (!bare).then(|| noun.to_owned())
}

/// The noun of the last count before `start` in its sentence, within a
/// few words ("Two workers were killed and six others"), which "others"
/// stands for.
fn counted_before(text: &str, start: usize) -> Option<String> {
    let mut floor = start.saturating_sub(100);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let tail = text.get(floor..start)?;
    let tail = tail.rsplit([';', '\n']).next()?;
    let tail = tail.rsplit(". ").next()?;
    let words: Vec<&str> = tail.split_whitespace().collect();
    words.windows(2).rev().find_map(|pair| {
        let (figure, noun) = (pair[0], pair[1].trim_end_matches([',', '.']));
        let counted = figure.bytes().all(|b| b.is_ascii_digit() || b == b',')
            || number_word(&figure.to_ascii_lowercase()).is_some();
        (counted && noun != "others" && is_plural_noun(noun)).then(|| noun.to_owned())
    })
}

/// The noun of a list's first figure, which the figures after it leave
/// out: "cancelled 138 flights on Thursday, 164 on Friday and 128 on
/// Saturday" counts flights on Friday and on Saturday. Each later figure
/// is bare, followed by the phrase the first has ("on ...").
fn list_noun_before(text: &str, start: usize, end: usize) -> Option<String> {
    const PREPOSITIONS: [&str; 4] = ["on", "in", "at", "for"];
    let after = text.get(end..)?.strip_prefix(' ')?;
    let preposition = *PREPOSITIONS
        .iter()
        .find(|p| after.strip_prefix(**p).is_some_and(|r| r.starts_with(' ')))?;
    let mut floor = start.saturating_sub(160);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let mut rest = text.get(floor..start)?;
    // Back member by member, at most four.
    for _ in 0..4 {
        rest = rest
            .strip_suffix(", and ")
            .or_else(|| rest.strip_suffix(", "))
            .or_else(|| rest.strip_suffix(" and "))?;
        // The member starts after a separator, or its clause's start.
        let from = [", ", " and ", "; ", ": ", ". ", "\n"]
            .iter()
            .filter_map(|sep| rest.rfind(sep).map(|at| at + sep.len()))
            .max()
            .unwrap_or(0);
        let member = rest.get(from..)?;
        let words: Vec<&str> = member.split(' ').collect();
        let figure = words
            .iter()
            .rposition(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b','))?;
        match (words.get(figure + 1), words.get(figure + 2)) {
            (Some(&p), _) if p == preposition => rest = rest.get(..from)?,
            (Some(&noun), Some(&p)) if p == preposition && is_plural_noun(noun) => {
                return Some(noun.to_owned());
            }
            _ => return None,
        }
    }
    None
}

/// Words after a length of time that make it date something ("a year
/// ago", "two years later", "a year before"): no rate, no duration.
const DATES_A_TIME: [&str; 7] = [
    "ago", "earlier", "later", "before", "after", "from", "since",
];

/// A length of time counted ("sentenced to 12 years in prison", "designed
/// to operate for seven years"): not one that dates something ("two years
/// ago", "the past 22 years", "a 51-year-old") or a rate.
fn duration_after(text: &str, start: usize, pos: usize) -> Option<(usize, &'static str)> {
    const DURATIONS: [&str; 7] = [
        "years", "months", "weeks", "days", "hours", "minutes", "seconds",
    ];
    // "a 51-year-old", "three days on", "two years into".
    const ALSO_DATING: [&str; 3] = ["old", "on", "into"];
    // "within 18 months", "in 10 years": a time frame, not a length.
    const DATING_BEFORE: [&str; 10] = [
        "past", "last", "next", "previous", "coming", "recent", "first", "final", "within", "in",
    ];
    let at = skip_hspace(text, pos);
    if at == pos {
        return None;
    }
    let (end, word) = word_at(text, at)?;
    // "1 hour 52 minutes": a length of time in the units of a clock may
    // be one.
    let noun = match word {
        "hour" | "minute" | "second" => time_measure(word)?.noun,
        _ => DURATIONS.into_iter().find(|d| *d == word)?,
    };
    let next = skip_hspace(text, end);
    let dating = |w: &str| DATES_A_TIME.contains(&w) || ALSO_DATING.contains(&w);
    if next > end && word_at(text, next).is_some_and(|(_, w)| dating(w)) {
        return None;
    }
    let before = text.get(..skip_hspace_back(text, start, 0)).unwrap_or("");
    // "in 7 hours 38 minutes" is a length: a time frame is rounder.
    if DATING_BEFORE.contains(&last_word(before))
        && finer_times_after(text, end, noun, Decimal::ONE).is_none()
    {
        return None;
    }
    Some((end, noun))
}

/// A unit of a clock: seconds, minutes or hours.
fn time_measure(word: &str) -> Option<facts::measure::Measure> {
    facts::measure::measure(word).filter(|m| m.dimension == facts::measure::Dimension::Time)
}

/// The minutes and seconds that finish a length of time in `coarser` units
/// worth `value` ("7 hours 38 minutes", "two hours and five minutes", "3
/// minutes, 12 seconds"): the end, the finest unit and the whole length in
/// it. `None` when no finer unit follows.
fn finer_times_after(
    text: &str,
    pos: usize,
    coarser: &'static str,
    value: Decimal,
) -> Option<(usize, &'static str, Decimal)> {
    // The next part: its end, its unit and its number.
    let part_after = |end: usize| {
        let mut p = skip_hspace(text, end);
        if text.as_bytes().get(p) == Some(&b',') {
            p = skip_hspace(text, p + 1);
        }
        if let Some(e) = phrase_at(text, p, "and", false) {
            p = skip_hspace(text, e);
        }
        let number_end =
            p + ascii_letters(text, p).max(text.as_bytes().get(p..).map_or(0, |rest| {
                rest.iter().take_while(|b| b.is_ascii_digit()).count()
            }));
        let written = text.get(p..number_end).filter(|w| !w.is_empty())?;
        let part = match number_word(written) {
            Some(n) => Decimal::from(n),
            None => parse_plain_run(written.as_bytes())?,
        };
        let unit_start = skip_hspace(text, number_end);
        let (unit_end, word) = word_at(text, unit_start).filter(|_| unit_start > number_end)?;
        Some((unit_end, time_measure(word)?, part))
    };
    let mut unit = time_measure(coarser)?;
    let (mut end, mut total) = (pos, value);
    let mut found = None;
    // At most minutes then seconds after hours.
    for _ in 0..2 {
        let Some((unit_end, finer, part)) =
            part_after(end).filter(|(_, f, _)| f.factor() < unit.factor())
        else {
            break;
        };
        total = unit.convert(total, &finer)?.checked_add(part)?;
        (end, unit) = (unit_end, finer);
        found = Some((end, unit.noun, total));
    }
    found
}

/// The noun of the whole a part is given of: "80 of the 230 seats", "12
/// out of 15 judges", "11 of Spain's 17 regions", "19 of the country's 28
/// districts".
fn whole_after(text: &str, pos: usize) -> Option<String> {
    let mut p = skip_hspace(text, pos);
    let mut words = 0;
    let mut previous = "";
    let mut previous_end = pos;
    while let Some((mut end, word)) = word_at(text, p).filter(|_| p > pos) {
        let possessive = ["'s", "’s"]
            .iter()
            .find(|s| text.get(end..).is_some_and(|rest| rest.starts_with(*s)));
        match (words, word) {
            (0, "of") | (1, "of") => {}
            (0, "out") | (1, "the" | "its" | "their") => {}
            (1, _) if possessive.is_some() => {}
            // "19 of the country's 28 districts".
            (2, _) if possessive.is_some() && previous == "the" => {}
            // "to close 19 of its stores": the subject's own, counted
            // without their whole.
            (2, _) if matches!(previous, "its" | "their") => {
                return noun_after(text, previous_end).map(|(_, noun)| noun);
            }
            _ => return None,
        }
        previous_end = end;
        previous = word;
        if let Some(s) = possessive {
            end += s.len();
        }
        words += 1;
        let next = skip_hspace(text, end);
        if next == end {
            return None;
        }
        p = next;
        let after_of = word == "of" || (words > 1 && !matches!(word, "of" | "out"));
        if after_of && text.as_bytes().get(p).is_some_and(u8::is_ascii_digit) {
            let mut digits_end = p + text[p..]
                .bytes()
                .take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
                .count();
            // "of the country's 6.42 million voters".
            if let Some((scale_end, scale)) = word_at(text, skip_hspace(text, digits_end)) {
                if matches!(scale, "thousand" | "million" | "billion") {
                    digits_end = scale_end;
                }
            }
            return noun_after(text, digits_end).map(|(_, noun)| noun);
        }
    }
    None
}

/// Whether the words before a plain number make it a level reached: "the
/// toll has risen to 241", "deaths reached 96", "stood at 48". Such a
/// number is a figure, as one with a separator is.
fn reached_before(text: &str, start: usize) -> bool {
    const REACHED: [&str; 6] = ["reached", "reaches", "hit", "totalled", "totaled", "totals"];
    const MOVED: [&str; 18] = [
        "rose",
        "risen",
        "rises",
        "climbed",
        "climbs",
        "increased",
        "jumped",
        "grew",
        "grown",
        "soared",
        "surged",
        "fell",
        "fallen",
        "falls",
        "dropped",
        "declined",
        "raised",
        "revised",
    ];
    let before = text.get(..skip_hspace_back(text, start, 0)).unwrap_or("");
    let last = last_word(before);
    if REACHED.contains(&last) {
        return true;
    }
    let earlier = last_word(
        before
            .get(..before.len() - last.len())
            .unwrap_or("")
            .trim_end(),
    );
    (last == "to" && MOVED.contains(&earlier))
        || (last == "at" && ["stood", "stands", "stand"].contains(&earlier))
}

/// Whether a plain number is a part of the whole a sentence opened with:
/// "Of the 1,140 cancellations, 620 were on Tuesday and 560 on
/// Wednesday", "Of the homes lost, 218 were in Oberon".
fn a_part_of_the_whole_named(text: &str, start: usize, end: usize) -> bool {
    const AFTER: [&str; 6] = [" were ", " was ", " in ", " on ", " at ", " from "];
    let after = text.get(end..).unwrap_or("");
    if !AFTER.iter().any(|a| after.starts_with(a)) {
        return false;
    }
    let before = crate::tail_before(text, start, 120);
    // The opening "Of the ...," of its sentence, with no stop since.
    let Some(at) = before.rfind("Of the ") else {
        return false;
    };
    let opens = before
        .get(..at)
        .is_none_or(|b| b.is_empty() || b.ends_with(". ") || b.ends_with('\n'));
    let rest = before.get(at..).unwrap_or("");
    opens && rest.contains(", ") && !rest.contains(". ") && !rest.contains(';')
}

/// A length of time or an age a figure opens with a hyphen, as a plural
/// The counted noun after a measure of each ("6.88 million 60-kilogram
/// bags", "1,200 40-foot containers"): a number, a hyphen and a word
/// touching, then the noun.
fn measured_noun_after(text: &str, pos: usize) -> Option<(usize, String)> {
    let start = skip_hspace(text, pos);
    let bytes = text.as_bytes();
    if start == pos || !bytes.get(start).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let digits = start
        + bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    if bytes.get(digits) != Some(&b'-') {
        return None;
    }
    let (end, word) = word_at(text, digits + 1)?;
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    noun_after(text, end)
}

/// noun: "a six-year contract" counts six years, "a 22-year-old" 22
/// years. Not a span that dates a level or names a kind of bond ("a
/// 30-year high", "the 10-year yield").
fn hyphened_duration_after(text: &str, pos: usize) -> Option<(usize, &'static str)> {
    const NOT_LENGTHS: [&str; 9] = [
        "high", "low", "record", "bond", "bonds", "yield", "yields", "note", "notes",
    ];
    if text.as_bytes().get(pos) != Some(&b'-') {
        return None;
    }
    let (end, word) = word_at(text, pos + 1)?;
    let noun = match word {
        "year" | "year-old" => "years",
        "month" | "month-old" => "months",
        "week" | "week-old" => "weeks",
        "day" | "day-old" => "days",
        "hour" => "hours",
        _ => return None,
    };
    let next = skip_hspace(text, end);
    if next > end && word_at(text, next).is_some_and(|(_, w)| NOT_LENGTHS.contains(&w)) {
        return None;
    }
    Some((end, noun))
}

/// The noun of a compound a figure opens with a hyphen, as a plural: "the
/// 58,400-seat stadium" has 58,400 seats, "a 300-bed hospital" 300 beds.
/// Not a length of time or an age ("a 10-day trip", "a 51-year-old"), a
/// measure (read before), nor an adjective ("a 5,000-strong crowd").
fn compound_noun_after(text: &str, pos: usize) -> Option<(usize, String)> {
    const NOT_NOUNS: [&str; 12] = [
        "old",
        "strong",
        "odd",
        "plus",
        "something",
        "long",
        "high",
        "wide",
        "deep",
        "tall",
        "time",
        "way",
    ];
    if text.as_bytes().get(pos) != Some(&b'-') {
        return None;
    }
    let (end, word) = word_at(text, pos + 1)?;
    let noun = word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !STOPWORD_SET.contains(word)
        && !TIME_WORD_SET.contains(word)
        && !NOT_COUNTED_SET.contains(word)
        && !NOT_NOUNS.contains(&word)
        && !word.ends_with("ly")
        && number_word(word).is_none();
    if !noun {
        return None;
    }
    let bytes = word.as_bytes();
    let plural = match bytes {
        [.., c, b'y'] if !b"aeiou".contains(c) => format!("{}ies", &word[..word.len() - 1]),
        [.., b's' | b'x'] | [.., b'c' | b's', b'h'] => format!("{word}es"),
        _ => format!("{word}s"),
    };
    Some((end, plural))
}

/// The lowercase word right after a figure, when it can name what the
/// figure counts (not a function word, a time word or an adverb).
fn head_word_after(text: &str, pos: usize) -> Option<(usize, &str)> {
    let start = skip_hspace(text, pos);
    if start == pos {
        return None;
    }
    let (end, word) = word_at(text, start)?;
    let content = word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !STOPWORD_SET.contains(word)
        && !TIME_WORD_SET.contains(word)
        && !NOT_COUNTED_SET.contains(word)
        && !word.ends_with("ly");
    content.then_some((end, word))
}

/// Where a currency before a number stands.
enum Prefix<'a> {
    None,
    Found(Currency<'a>),
    /// A currency glued to letters before it (`XYZ$5`): not an amount.
    Glued,
}

fn prefix_before(text: &str, start: usize, floor: usize) -> Prefix<'_> {
    if let Some(currency) = currency_ending_at(text, start, floor) {
        return if word_char_before(text, currency.start) {
            Prefix::Glued
        } else {
            Prefix::Found(currency)
        };
    }
    let spaced = skip_hspace_back(text, start, floor);
    if spaced < start {
        if let Some(currency) = currency_ending_at(text, spaced, floor) {
            if !word_char_before(text, currency.start) {
                return Prefix::Found(currency);
            }
        }
    }
    Prefix::None
}

/// The longest currency symbol or code ending at `end`, not before `floor`.
fn currency_ending_at(text: &str, end: usize, floor: usize) -> Option<Currency<'_>> {
    let before = text.get(floor..end)?;
    // Most numbers follow a space or a letter that ends no currency.
    let &last = before.as_bytes().last()?;
    let set = CURRENCIES_BY_LAST_BYTE[usize::from(last)];
    // No entry ends with `last`, and no code does unless it is a capital.
    if set == 0 && !last.is_ascii_uppercase() {
        return None;
    }
    // The other symbols ending with `$` have a letter or a dot before it.
    if last == b'$'
        && !before
            .len()
            .checked_sub(2)
            .and_then(|i| before.as_bytes().get(i))
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'.')
    {
        let (written, code, _, ambiguous) = CURRENCIES[DOLLAR];
        return Some(Currency {
            code,
            ambiguous,
            start: end - written.len(),
            end,
            written,
        });
    }
    let best = currency_entries(set)
        .filter(|(written, ..)| before.ends_with(written))
        .max_by_key(|(written, ..)| written.len());
    if let Some(&(written, code, _, ambiguous)) = best {
        return Some(Currency {
            code,
            ambiguous,
            start: end - written.len(),
            end,
            written,
        });
    }
    let code = before.get(before.len().checked_sub(3)?..)?;
    generic_code(code).then(|| Currency {
        code,
        ambiguous: false,
        start: end - 3,
        end,
        written: "",
    })
}

/// An uppercase ISO 4217 code that is not also an English word.
fn generic_code(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && is_currency(code)
        && !ENGLISH_WORD_CODES.contains(&code)
}

/// A currency word or code after the number (and its scale).
fn currency_after(text: &str, pos: usize) -> Option<Currency<'_>> {
    let (start, _) = separator_after(text, pos)?;
    // Every currency word or code starts with an ASCII letter.
    let &first = text.as_bytes().get(start)?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    // The second bytes, folded as `phrase_at` compares them, rule out most
    // entries without a call.
    let second = text.as_bytes().get(start + 1).map(|b| b | 0x20);
    let best = currency_entries(CURRENCIES_BY_FIRST_BYTE[usize::from(first.to_ascii_lowercase())])
        .filter(|(written, ..)| written.as_bytes().get(1).map(|b| b | 0x20) == second)
        .filter_map(|&(written, code, place, ambiguous)| {
            let exact = place == Place::Either;
            phrase_at(text, start, written, exact).map(|end| (end, written, code, ambiguous))
        })
        .max_by_key(|(end, ..)| *end);
    if let Some((end, written, code, ambiguous)) = best {
        return Some(Currency {
            code,
            ambiguous,
            start,
            end,
            written,
        });
    }
    // A code of three capitals, no more letters: test the bytes before
    // reading the whole word.
    let bytes = text.as_bytes();
    if !bytes
        .get(start..start + 3)?
        .iter()
        .all(u8::is_ascii_uppercase)
        || bytes.get(start + 3).is_some_and(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let end = start + 3;
    let code = text.get(start..end)?;
    (generic_code(code) && !word_char_at(text, end)).then_some(Currency {
        code,
        ambiguous: false,
        start,
        end,
        written: "",
    })
}

/// A scale word after a space or hyphen: `15.5 billion`, `100-billion`,
/// `23 bn`.
fn scale_word_after(text: &str, pos: usize) -> Option<(usize, Scale)> {
    let (start, hyphen) = separator_after(text, pos)?;
    // Every scale word starts with `b`, `m` or `t`, in either case.
    if !matches!(
        text.as_bytes().get(start).map(|b| b | 0x20),
        Some(b'b' | b'm' | b't')
    ) {
        return None;
    }
    let end = start + ascii_letters(text, start);
    if end == start || word_char_at(text, end) {
        return None;
    }
    let word = text.as_bytes().get(start..end)?;
    match word.len() {
        // `thousand`, `million`, `billion`, `trillion`: lowercase,
        // capitalised or uppercase.
        7 | 8 => {
            let capitalised = word.iter().skip(1).all(u8::is_ascii_lowercase);
            if !capitalised && !word.iter().all(u8::is_ascii_uppercase) {
                return None;
            }
            // The word is ASCII letters: `| 0x20` lowercases it.
            let mut lower = [0u8; 8];
            for (l, b) in lower.iter_mut().zip(word) {
                *l = b | 0x20;
            }
            let scale = match lower.get(..word.len())? {
                b"thousand" => Scale::Thousand,
                b"million" => Scale::Million,
                b"billion" => Scale::Billion,
                b"trillion" => Scale::Trillion,
                _ => return None,
            };
            Some((end, scale))
        }
        // `bn`, `bln`... as written, and not after a hyphen.
        2 | 3 if !hyphen => {
            let scale = match word {
                b"bn" | b"Bn" | b"BN" | b"bln" => Scale::Billion,
                b"mn" | b"mln" => Scale::Million,
                b"tn" => Scale::Trillion,
                _ => return None,
            };
            Some((end, scale))
        }
        _ => None,
    }
}

/// Whether one of `UNSUPPORTED_SCALES` is the next word after `pos`.
fn unsupported_scale_after(text: &str, pos: usize) -> bool {
    let Some((start, _)) = separator_after(text, pos) else {
        return false;
    };
    // They all start with `c` or `l`, in either case.
    matches!(
        text.as_bytes().get(start).map(|b| b | 0x20),
        Some(b'c' | b'l')
    ) && UNSUPPORTED_SCALES
        .iter()
        .any(|w| phrase_at(text, start, w, false).is_some())
}

/// `%`, `percent`, `per cent` after the number.
fn percent_after(text: &str, pos: usize) -> Option<usize> {
    let start = skip_hspace(text, pos);
    let rest = text.get(start..)?;
    for sign in ['%', '％'] {
        if rest.starts_with(sign) {
            return Some(start + sign.len_utf8());
        }
    }
    // The words all start with `p`, in either case.
    if start == pos || text.as_bytes().get(start).map(|b| b | 0x20) != Some(b'p') {
        return None;
    }
    ["percent", "per cent", "per-cent", "pct"]
        .iter()
        .find_map(|w| phrase_at(text, start, w, false))
}

/// The counted noun after a number: at most two modifiers (either may be
/// a capitalised adjective such as `Chinese`: "46 licensed Ruritanian
/// vessels"), then a lowercase plural or collective noun.
fn noun_after(text: &str, pos: usize) -> Option<(usize, String)> {
    if let Some((end, measure)) = measure_after(text, pos) {
        return Some((end, measure.noun.to_owned()));
    }
    let mut p = pos;
    let mut modifiers = 0;
    loop {
        let start = skip_ws(text, p);
        if start == p {
            return None;
        }
        let (end, word) = word_at(text, start)?;
        let mut chars = word.chars();
        let first = chars.next()?;
        if first.is_uppercase() {
            // "4.35 million TEUs", "300 SUVs": an acronym's plural is the
            // counted noun.
            let acronyms = (word.strip_suffix('s'))
                .is_some_and(|a| is_acronym(a) && a.bytes().all(|b| b.is_ascii_uppercase()));
            if acronyms {
                return Some((end, word.to_ascii_lowercase()));
            }
            let adjective = modifiers <= 1 && chars.all(|c| c.is_lowercase() || c == '-');
            if !(adjective || modifiers == 0 && is_acronym(word)) || word.len() < 2 {
                return None;
            }
        } else {
            if !word.chars().all(|c| c.is_lowercase() || c == '-') {
                return None;
            }
            // "percentage points" is a measure (`measure_after`).
            if word == "percentage" {
                return None;
            }
            if TIME_WORD_SET.contains(word) || NOT_COUNTED_SET.contains(word) {
                return None;
            }
            // "six crew members", "200 police officers": the plural after
            // a collective noun is the head.
            let head_follows = COLLECTIVE_NOUN_SET.contains(word) && {
                let next = skip_hspace(text, end);
                next > end
                    && word_at(text, next).is_some_and(|(_, w)| {
                        w.chars().all(|c| c.is_lowercase() || c == '-')
                            && !COLLECTIVE_NOUN_SET.contains(w)
                            && is_plural_noun(w)
                    })
            };
            // "66 musicians' posts": a plural's possessive modifies the
            // noun after it.
            let (end, word) = possessive_head(text, end, word).unwrap_or((end, word));
            if is_plural_noun(word) && !head_follows {
                // Lowercase ASCII is its own lowercase: a copy will do.
                let mut lower = if word.is_ascii() {
                    word.to_owned()
                } else {
                    word.to_lowercase()
                };
                // A rate: "400 cases a day", "12 flights per week".
                if let Some((rate_end, time)) = per_time_after(text, end) {
                    lower.push_str(" per ");
                    lower.push_str(time);
                    return Some((rate_end, lower));
                }
                return Some((end, lower));
            }
            // "five copper and gold mines": modifiers joined.
            if modifiers == 1 && matches!(word, "and" | "or") {
                p = end;
                continue;
            }
            let adverb = word.ends_with("ly") && !LY_ADJECTIVE_SET.contains(word);
            if STOPWORD_SET.contains(word) || adverb {
                return None;
            }
        }
        modifiers += 1;
        if modifiers > 2 {
            return None;
        }
        p = end;
    }
}

/// The noun a plural's possessive ending at `end` modifies: "posts" in
/// "66 musicians' posts", with where it ends.
fn possessive_head<'t>(text: &'t str, end: usize, word: &str) -> Option<(usize, &'t str)> {
    if !word.ends_with('s') {
        return None;
    }
    let rest = text.get(end..)?;
    let apostrophe = ['\'', '’'].into_iter().find(|&a| rest.starts_with(a))?;
    let next = end + apostrophe.len_utf8();
    let start = skip_hspace(text, next);
    if start == next {
        return None;
    }
    let (head_end, head) = word_at(text, start)?;
    let counted = head.bytes().all(|b| b.is_ascii_lowercase())
        && is_plural_noun(head)
        && !TIME_WORD_SET.contains(head)
        && !NOT_COUNTED_SET.contains(head);
    counted.then_some((head_end, head))
}

/// An acronym or initialism that modifies a counted noun: "36 PhD
/// studentships", "400 NHS nurses", "12 EV models". Short, letters alone,
/// more than one capital.
fn is_acronym(word: &str) -> bool {
    (2..=5).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && word.bytes().filter(u8::is_ascii_uppercase).count() >= 2
}

/// "per day", "a week", "an hour" after a counted noun: the unit of time
/// and the end of the phrase.
fn per_time_after(text: &str, pos: usize) -> Option<(usize, &'static str)> {
    const TIMES: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];
    let start = skip_hspace(text, pos);
    if start == pos {
        return None;
    }
    let (end, word) = word_at(text, start)?;
    if !matches!(word, "per" | "a" | "an") {
        return None;
    }
    let next = skip_hspace(text, end);
    let (time_end, time) = word_at(text, next)?;
    let time = TIMES.into_iter().find(|t| *t == time)?;
    // "an hour", "a day": the article must fit ("a hour" is no rate).
    let fits = match word {
        "an" => time == "hour",
        "a" => time != "hour",
        _ => true,
    };
    // "a year ago", "a year earlier" date the count; they are no rate.
    let after = skip_hspace(text, time_end);
    let dated = word_at(text, after).is_some_and(|(_, w)| DATES_A_TIME.contains(&w));
    (next > end && fits && !dated).then_some((time_end, time))
}

/// A unit of measurement right after a number, after a space or a hyphen
/// ("72 km", "a 45-mile drive", "1,200 square kilometres", "30 miles per
/// hour", "a 118,000-barrel-per-day refinery"), read by
/// [`facts::measure::measure`].
fn measure_after(text: &str, pos: usize) -> Option<(usize, facts::measure::Measure)> {
    let bytes = text.as_bytes();
    let start = match bytes.get(pos) {
        Some(b'-') => pos + 1,
        _ => skip_hspace(text, pos),
    };
    if start == pos {
        return None;
    }
    let (end, first) = unit_word_at(text, start)?;
    let single = facts::measure::measure(first);
    // "1,150 gigawatt-hours", "30 kilowatt hours": energy, not power.
    if single.is_some_and(|m| m.dimension == facts::measure::Dimension::Power) {
        let hours = ["-hours", " hours", "-hour", " hour"]
            .iter()
            .find(|h| text.get(end..).is_some_and(|rest| rest.starts_with(*h)))
            .map(|h| end + h.len())
            .filter(|&hours_end| !word_char_at(text, hours_end));
        if let Some(hours_end) = hours {
            let phrase = text.get(start..hours_end).unwrap_or("");
            return facts::measure::measure(phrase).map(|m| (hours_end, m));
        }
    }
    if facts::measure::opens_phrase(first, single) {
        // "square kilometres", "miles per hour": one or two more words,
        // each after a single space, or after a hyphen in a compound that
        // opened with one ("a 118,000-barrel-per-day refinery").
        let joint = if bytes.get(pos) == Some(&b'-') {
            b'-'
        } else {
            b' '
        };
        let mut phrase_end = end;
        for _ in 0..2 {
            if bytes.get(phrase_end) != Some(&joint) {
                break;
            }
            let Some((next_end, _)) = unit_word_at(text, phrase_end + 1) else {
                break;
            };
            phrase_end = next_end;
            let phrase = text.get(start..phrase_end).unwrap_or("");
            let found = if joint == b'-' {
                facts::measure::measure(&phrase.replace('-', " "))
            } else {
                facts::measure::measure(phrase)
            };
            if let Some(m) = found {
                return Some((phrase_end, m));
            }
        }
    }
    // Lengths of time are `duration_after`'s: "48 hours ago" dates.
    Some((
        end,
        single.filter(|m| m.dimension != facts::measure::Dimension::Time)?,
    ))
}

/// A word of a unit's name at `pos`: ASCII letters, digits, `/` and `²`
/// ("km/h", "km2", "km²"), ending at a word boundary.
fn unit_word_at(text: &str, pos: usize) -> Option<(usize, &str)> {
    let bytes = text.as_bytes();
    if !bytes.get(pos).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut end = pos;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() || b == b'/' {
            end += 1;
        } else if text.get(end..).is_some_and(|r| r.starts_with('²')) {
            end += '²'.len_utf8();
        } else {
            break;
        }
    }
    // "km/": a slash ends no unit.
    if bytes.get(end - 1) == Some(&b'/') || word_char_at(text, end) {
        return None;
    }
    Some((end, text.get(pos..end)?))
}

fn is_plural_noun(word: &str) -> bool {
    if COLLECTIVE_NOUN_SET.contains(word) {
        return true;
    }
    word.len() >= 3
        && word.ends_with('s')
        && !["ss", "us", "is", "ous"].iter().any(|e| word.ends_with(e))
        && !NOT_PLURAL_SET.contains(word)
}

/// Whether the word before a number makes it a label or a name: `page 5`,
/// `No. 3`, `Boeing 737`, `iPhone 13`; but not `Acme's 10`, nor a
/// capitalised function word (`The 10`, `Only 5`, `Nearly 40`).
fn label_or_name_before(text: &str, start: usize) -> bool {
    let p = skip_hspace_back(text, start, 0);
    if p == start {
        return false;
    }
    let before = text.get(..p).unwrap_or("");
    if let Some(stem) = before.strip_suffix('.') {
        return DOT_LABELS.contains(&last_word(stem));
    }
    let word = last_word(before);
    if word.is_empty() {
        return false;
    }
    let possessive = ["'s", "’s", "‘s", "s'", "s’"]
        .iter()
        .any(|e| word.ends_with(e));
    if possessive {
        return false;
    }
    if LABEL_SET.contains_ignore_ascii_case(word) {
        // "The merged fleet will number 379 vessels": a verb.
        let verb = word == "number"
            && crate::one_of(
                last_word(
                    before
                        .get(..before.len() - word.len())
                        .unwrap_or("")
                        .trim_end(),
                ),
                &MODALS,
            );
        return !verb;
    }
    if !word.chars().any(char::is_uppercase) {
        return false;
    }
    // An ASCII word is lowercased on the stack; the lists are ASCII.
    let mut buffer = [0u8; 16];
    let owned;
    let lower = match buffer.get_mut(..word.len()) {
        Some(b) if word.is_ascii() => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or_default()
        }
        _ => {
            owned = word.to_lowercase();
            owned.as_str()
        }
    };
    let function_word = STOPWORD_SET.contains(lower)
        || CAPITALISED_OK_SET.contains(lower)
        || HEDGE_LAST_WORD_SET.contains(lower);
    !function_word
}

/// Words before a verb in its plain form ("will number").
const MODALS: [&str; 9] = [
    "will", "would", "could", "can", "may", "might", "should", "must", "to",
];

/// The hedge words just before `start`, not before `floor`.
fn hedge_before(text: &str, start: usize, floor: usize) -> Option<(Hedge, Range<usize>)> {
    let end = skip_ws_back(text, start, floor);
    if end == start {
        return None;
    }
    // Hedges end with a letter: compare it before the words.
    let last = text
        .as_bytes()
        .get(end.wrapping_sub(1))?
        .to_ascii_lowercase();
    let mut set = HEDGES_BY_LAST_BYTE[usize::from(last)];
    'hedges: while set != 0 {
        let i = set.trailing_zeros() as usize;
        set &= set - 1;
        let Some(&(words, hedge)) = HEDGES.get(i) else {
            break;
        };
        let mut p = end;
        for (k, word) in words.iter().rev().enumerate() {
            if k > 0 {
                let q = skip_hspace_back(text, p, floor);
                if q == p {
                    continue 'hedges;
                }
                p = q;
            }
            let Some(s) = p.checked_sub(word.len()).filter(|&s| s >= floor) else {
                continue 'hedges;
            };
            match text.get(s..p) {
                Some(t) if t.eq_ignore_ascii_case(word) => p = s,
                _ => continue 'hedges,
            }
        }
        if word_char_before(text, p) {
            continue;
        }
        // "will go up to £4,275": the particle of a move, no bound.
        if matches!(hedge, Hedge::UpTo) && moves_up_before(text, p, floor) {
            return None;
        }
        return Some((negated(text, p, floor, hedge), p..end));
    }
    None
}

/// Whether a verb that takes "up" as a particle ends the text before
/// `at`: "go up to", "went up to", "pushed up to" move to a level.
fn moves_up_before(text: &str, at: usize, floor: usize) -> bool {
    const MOVES: [&str; 14] = [
        "go", "goes", "went", "gone", "going", "move", "moves", "moved", "push", "pushed", "put",
        "puts", "step", "stepped",
    ];
    let before = text.get(floor.max(at.saturating_sub(16))..at).unwrap_or("");
    let word = before.split_whitespace().next_back().unwrap_or("");
    MOVES.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// "has not dropped below 28 degrees", "never rose above 3%": a bound a
/// negation two words or less before it turns over.
fn negated(text: &str, at: usize, floor: usize, hedge: Hedge) -> Hedge {
    if !matches!(hedge, Hedge::LessThan | Hedge::MoreThan) {
        return hedge;
    }
    let before = text.get(floor.max(at.saturating_sub(32))..at).unwrap_or("");
    let negation = before
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| matches!(w, "not" | "never" | "Never") || w.ends_with("n't"));
    match (hedge, negation) {
        (Hedge::LessThan, true) => Hedge::AtLeast,
        (Hedge::MoreThan, true) => Hedge::UpTo,
        _ => hedge,
    }
}

/// Where the conversion `from (to)` or `from, or to` ends, if the two amounts
/// form one.
fn conversion_end(text: &str, from: &Amount, to: &Amount) -> Option<usize> {
    let (Some(Unit::Currency(a)), Some(Unit::Currency(b))) = (&from.unit, &to.unit) else {
        return None;
    };
    if a == b {
        return None;
    }
    let lead = to.hedge_span.as_ref().map_or(to.span.start, |h| h.start);
    let between = text.get(from.span.end..lead)?.trim();
    if let Some(inside) = between.strip_prefix('(') {
        let inside = inside.trim();
        if !(inside.is_empty() || inside.eq_ignore_ascii_case("or")) {
            return None;
        }
        let close = skip_ws(text, to.span.end);
        if char_at(text, close) == Some(')') {
            return Some(close + 1);
        }
        // "($3.16 billion at today's rate)", "(... at current exchange
        // rates)", "(... at the time)": the rate it was converted at, in
        // the parenthesis.
        let rest = text.get(to.span.end..)?.strip_prefix(" at ")?;
        let at = rest.get(..rest.len().min(40))?.find(')')?;
        let rate = rest.get(..at)?;
        let named = (rate.split_whitespace()).any(|w| matches!(w, "rate" | "rates" | "time"));
        return (named && !rate.contains(['(', ',', ';'])).then(|| to.span.end + 4 + at + 1);
    }
    let between = between.strip_prefix(',').unwrap_or(between).trim_start();
    between.eq_ignore_ascii_case("or").then_some(to.span.end)
}

// ---------------------------------------------------------------------------
// Character helpers. Every position they return is a char boundary of `text`.

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `char_at(text, pos).is_some_and(is_word_char)`, reading an ASCII byte
/// without decoding.
fn word_char_at(text: &str, pos: usize) -> bool {
    match text.as_bytes().get(pos) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => char_at(text, pos).is_some_and(is_word_char),
    }
}

/// `char_before(text, pos).is_some_and(is_word_char)`, reading an ASCII
/// byte without decoding (a valid `str` has no continuation byte after an
/// ASCII one, so `pos` is then a char boundary).
fn word_char_before(text: &str, pos: usize) -> bool {
    match pos.checked_sub(1).and_then(|i| text.as_bytes().get(i)) {
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
        _ => char_before(text, pos).is_some_and(is_word_char),
    }
}

fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// The number of ASCII letters starting at `pos`.
fn ascii_letters(text: &str, pos: usize) -> usize {
    // A plain loop over the bytes: `text.get(pos..)` would check that `pos`
    // is a char boundary, which a letter after it implies anyway.
    ascii_letters_from(text.as_bytes(), pos)
}

/// The number of ASCII letters starting at byte `pos`.
fn ascii_letters_from(bytes: &[u8], pos: usize) -> usize {
    let mut end = pos;
    while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
        end += 1;
    }
    end - pos
}

/// Skips spaces and tabs.
fn skip_hspace(text: &str, pos: usize) -> usize {
    skip_spaces(text, pos, false)
}

/// Skips spaces and at most one line break.
fn skip_ws(text: &str, pos: usize) -> usize {
    skip_spaces(text, pos, true)
}

/// Skips spaces (`is_hspace`) and, if `breaks`, carriage returns and at
/// most one line feed. ASCII bytes are read without decoding; a `pos` that
/// is no char boundary is returned as it is.
fn skip_spaces(text: &str, pos: usize, breaks: bool) -> usize {
    let bytes = text.as_bytes();
    let mut p = pos;
    let mut line_feeds = 0;
    while let Some(&b) = bytes.get(p) {
        match b {
            b' ' | b'\t' => p += 1,
            b'\r' if breaks => p += 1,
            b'\n' if breaks && line_feeds == 0 => {
                line_feeds += 1;
                p += 1;
            }
            _ if b.is_ascii() => break,
            _ => match text.get(p..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_hspace(c) => p += c.len_utf8(),
                _ => break,
            },
        }
    }
    p
}

/// Skips spaces and tabs backwards, not before `floor`.
fn skip_hspace_back(text: &str, pos: usize, floor: usize) -> usize {
    skip_spaces_back(text, pos, floor, false)
}

/// Skips spaces and at most one line break backwards, not before `floor`.
fn skip_ws_back(text: &str, pos: usize, floor: usize) -> usize {
    skip_spaces_back(text, pos, floor, true)
}

/// Skips spaces (`is_hspace`) backwards, not before `floor`, and, if
/// `breaks`, carriage returns and at most one line feed. An ASCII byte is
/// read without decoding (a valid `str` has no continuation byte after an
/// ASCII one, so the position after it is a char boundary).
fn skip_spaces_back(text: &str, pos: usize, floor: usize, breaks: bool) -> usize {
    let bytes = text.as_bytes();
    let mut p = pos;
    let mut line_feeds = 0;
    while p > floor {
        match p.checked_sub(1).and_then(|i| bytes.get(i)) {
            Some(b' ' | b'\t') => p -= 1,
            Some(b'\r') if breaks => p -= 1,
            Some(b'\n') if breaks && line_feeds == 0 => {
                line_feeds += 1;
                p -= 1;
            }
            Some(b) if b.is_ascii() => break,
            _ => match char_before(text, p) {
                Some(c) if is_hspace(c) => p -= c.len_utf8(),
                _ => break,
            },
        }
    }
    p.max(floor)
}

/// A space (or a line break) or a single hyphen after `pos`: where the next
/// word starts, and whether it was a hyphen.
fn separator_after(text: &str, pos: usize) -> Option<(usize, bool)> {
    // Bytes: an ASCII byte is a char of its own.
    let bytes = text.as_bytes();
    if bytes.get(pos) == Some(&b'-') {
        return bytes
            .get(pos + 1)
            .is_some_and(u8::is_ascii_alphabetic)
            .then_some((pos + 1, true));
    }
    let start = skip_ws(text, pos);
    (start > pos).then_some((start, false))
}

/// `word` (case-insensitive) as the next word after a space or hyphen.
fn word_after(text: &str, pos: usize, word: &str) -> Option<usize> {
    let (start, _) = separator_after(text, pos)?;
    phrase_at(text, start, word, false)
}

/// Whether `phrase` (words separated by single spaces in the pattern, by any
/// spaces in the text) is written at `pos` as whole words.
///
/// Compares bytes, without splitting the phrase: matching bytes of a valid
/// UTF-8 phrase starting at a char boundary end at one, so this is the same
/// as comparing `str` slices word by word.
fn phrase_at(text: &str, pos: usize, phrase: &str, exact: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    // Most calls fail at the first or second byte: test them before
    // splitting (up to a space, which matches any run of spaces).
    for (k, &b) in phrase.as_bytes().iter().take(2).enumerate() {
        if b == b' ' {
            break;
        }
        let &t = bytes.get(pos + k)?;
        if t != b && (exact || !t.eq_ignore_ascii_case(&b)) {
            return None;
        }
    }
    let mut p = pos;
    for (k, word) in phrase.as_bytes().split(|&b| b == b' ').enumerate() {
        if k > 0 {
            let q = skip_hspace(text, p);
            if q == p {
                return None;
            }
            p = q;
        }
        let t = bytes.get(p..p + word.len())?;
        let same = if exact {
            t == word
        } else {
            t.eq_ignore_ascii_case(word)
        };
        if !same {
            return None;
        }
        p += word.len();
    }
    (!word_char_at(text, p)).then_some(p)
}

/// The word at `pos`: letters, with single inner hyphens (`low-income`),
/// ending at a non-alphanumeric character.
fn word_at(text: &str, pos: usize) -> Option<(usize, &str)> {
    // ASCII bytes first: a letter is then `is_alphabetic` and a char of its
    // own. Any other byte leaves the word to `word_at_chars`.
    let bytes = text.as_bytes();
    let (mut i, mut end) = (pos, pos);
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => {
                i += 1;
                end = i;
            }
            Some(b'-') if end == i && end > pos => match bytes.get(i + 1) {
                Some(n) if n.is_ascii_alphabetic() => i += 1,
                Some(n) if !n.is_ascii() => return word_at_chars(text, pos),
                _ => break,
            },
            Some(b) if !b.is_ascii() => return word_at_chars(text, pos),
            _ => break,
        }
    }
    if end == pos || word_char_at(text, end) {
        return None;
    }
    Some((end, text.get(pos..end)?))
}

/// `word_at`, char by char.
fn word_at_chars(text: &str, pos: usize) -> Option<(usize, &str)> {
    let rest = text.get(pos..)?;
    let mut end = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            end = i + c.len_utf8();
        } else if c == '-'
            && end == i
            && end > 0
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
        {
            continue;
        } else {
            break;
        }
    }
    if end == 0 || word_char_at(text, pos + end) {
        return None;
    }
    Some((pos + end, rest.get(..end)?))
}

/// The trailing word of `s`: letters and apostrophes.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '\'' | '’' | '‘'))
        .last()
        .map_or(s.len(), |(i, _)| i);
    s.get(start..).unwrap_or("")
}

/// Whether the number at `start` sits in a URL or an e-mail address.
fn in_url_or_email(text: &str, start: usize) -> bool {
    if char_before(text, start).is_none_or(char::is_whitespace) {
        return false;
    }
    let mut lo = start.saturating_sub(256);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = text.get(lo..start).unwrap_or("");
    let token = before
        .rfind(char::is_whitespace)
        .and_then(|i| before.get(i + 1..))
        .unwrap_or(before);
    token.contains("://") || token.contains("www.") || token.contains('@')
}

/// `1.` or `2)` at the start of a line.
fn is_list_marker(text: &str, start: usize, end: usize) -> bool {
    let line_start = skip_hspace_back(text, start, 0);
    if !matches!(char_before(text, line_start), None | Some('\n')) {
        return false;
    }
    matches!(char_at(text, end), Some('.' | ')'))
        && char_at(text, end + 1).is_none_or(char::is_whitespace)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn describe(text: &str, a: &Amount) -> String {
        let mut s = a.number.to_string();
        if let Some(word) = a.scale.word() {
            s.push(' ');
            s.push_str(word);
        }
        if let Some(unit) = &a.unit {
            s.push(' ');
            s.push_str(&unit.to_string());
        }
        if a.ambiguous_currency {
            s.push_str(" ambiguous");
        }
        if let Some(h) = &a.hedge_span {
            s.push_str(&format!(" hedge={:?}({:?})", a.hedge, &text[h.clone()]));
        } else {
            assert_eq!(a.hedge, Hedge::None);
        }
        s
    }

    fn render(text: &str, f: &Finding) -> String {
        let quoted = &text[f.span()];
        match f {
            Finding::Amount(a) => {
                let kind = match &a.unit {
                    Some(Unit::Currency(_)) => "money",
                    Some(Unit::Percent) => "percent",
                    Some(Unit::Noun(_)) => "count",
                    None => "number",
                };
                format!("{kind} {quoted:?} = {}", describe(text, a))
            }
            Finding::Conversion { from, to, .. } => format!(
                "conversion {quoted:?} = {} -> {}",
                describe(text, from),
                describe(text, to)
            ),
            Finding::Malformed {
                amount, currencies, ..
            } => format!(
                "malformed {quoted:?} = {} [{}]",
                describe(text, amount),
                currencies.join(", ")
            ),
        }
    }

    /// Spans in range, on char boundaries, ordered, non-overlapping; parts
    /// inside their finding; hedges before their amount.
    fn assert_valid(text: &str, findings: &[Finding]) {
        let mut last = 0;
        for f in findings {
            let span = f.span();
            assert!(span.start >= last, "overlap or disorder in {text:?}");
            assert!(span.start < span.end, "empty span in {text:?}");
            assert!(text.get(span.clone()).is_some(), "bad span in {text:?}");
            let amounts: Vec<&Amount> = match f {
                Finding::Amount(a) => vec![a],
                Finding::Conversion { from, to, .. } => vec![from, to],
                Finding::Malformed { amount, .. } => vec![amount],
            };
            for a in amounts {
                assert!(text.get(a.span.clone()).is_some());
                assert!(a.span.start >= span.start && a.span.end <= span.end);
                if let Some(h) = &a.hedge_span {
                    assert!(text.get(h.clone()).is_some());
                    assert!(h.end <= a.span.start && h.start >= last);
                }
            }
            last = span.end;
        }
    }

    fn check(input: &str, expected: &[&str]) {
        let findings = find(input);
        assert_valid(input, &findings);
        let got: Vec<String> = findings.iter().map(|f| render(input, f)).collect();
        assert_eq!(got, expected, "\ninput: {input:?}");
    }

    #[test]
    fn fractions_in_words_before_of_are_percentages() {
        let found = |text: &str| -> Vec<String> {
            fractions(text)
                .iter()
                .map(|a| format!("{:?} = {}", &text[a.span.clone()], describe(text, a)))
                .collect()
        };
        assert_eq!(
            found("more than half of the 34,000 sold, nearly a third of its staff"),
            [
                "\"half\" = 50 percent hedge=MoreThan(\"more than\")",
                "\"a third\" = 33.33 percent hedge=Nearly(\"nearly\")"
            ]
        );
        assert_eq!(
            found("two-thirds of voters and three quarters of members; Half of all homes"),
            [
                "\"two-thirds\" = 66.67 percent",
                "\"three quarters\" = 75 percent",
                "\"Half\" = 50 percent"
            ]
        );
        // Times, scales, ordinals and periods are no shares.
        for text in [
            "a quarter of a century",
            "half of 2024",
            "in the first half of the year",
            "the third quarter of the season",
            "the third of five",
            "half of one per cent",
            "a quarter of the way",
            "four halves of it",
            "halfway of it",
            "\u{e9}half of it",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        // Any character may stand before the words.
        assert_eq!(found("a\u{2014}half of it"), ["\"half\" = 50 percent"]);
    }

    #[test]
    fn figures_with_a_separator_or_a_point_are_claims_without_a_unit() {
        check(
            "a crowd of 57,619. The toll rose to 2,122 on Sunday.",
            &[r#"number "57,619" = 57619"#, r#"number "2,122" = 2122"#],
        );
        // The word after a figure is what it counts.
        check(
            "A magnitude 6.8 earthquake and a 4.9 aftershock",
            &[
                r#"count "6.8 earthquake" = 6.8 earthquake"#,
                r#"count "4.9 aftershock" = 4.9 aftershock"#,
            ],
        );
        // A plain number is a figure when it is a level reached.
        check(
            "Deaths have risen to 241 since May, and stood at 48 on Friday. Acme won 3 times.",
            &[r#"number "241" = 241"#, r#"number "48" = 48"#],
        );
        // A verb of passing is a hedge.
        check(
            "The death toll passes 2,100 as",
            &[r#"number "2,100" = 2100 hedge=MoreThan("passes")"#],
        );
        // A part of a whole counts what the whole counts.
        check(
            "won 80 of the 230 seats and 12 out of 15 judges, 3 of them",
            &[
                r#"count "80" = 80 seats"#,
                r#"count "230 seats" = 230 seats"#,
                r#"count "12" = 12 judges"#,
                r#"count "15 judges" = 15 judges"#,
            ],
        );
        check(
            "covering 11 of Spain's 17 regions and 4 of its 9 ports",
            &[
                r#"count "11" = 11 regions"#,
                r#"count "17 regions" = 17 regions"#,
                r#"count "4" = 4 ports"#,
                r#"count "9 ports" = 9 ports"#,
            ],
        );
        // The noun past a measure of each.
        check(
            "equivalent to 6.88 million 60-kilogram bags, down",
            &[r#"count "6.88 million 60-kilogram bags" = 6.88 million bags"#],
        );
        // Without the whole, of the subject's own.
        check(
            "is to close 19 of its stores, two of their finest, 5 of the stores",
            &[r#"count "19" = 19 stores"#],
        );
        check(
            "in 19 of the country's 28 districts",
            &[
                r#"count "19" = 19 districts"#,
                r#"count "28 districts" = 28 districts"#,
            ],
        );
        // In words too, but "one of" is rarely a count; and at a scale.
        check(
            "Nine of the country's 14 provinces, one of the 14 provinces",
            &[
                r#"count "Nine" = 9 provinces"#,
                r#"count "14 provinces" = 14 provinces"#,
                r#"count "14 provinces" = 14 provinces"#,
            ],
        );
        check(
            "About 4.32 million of the country's 6.42 million voters",
            &[
                r#"count "4.32 million" = 4.32 million voters hedge=About("About")"#,
                r#"count "6.42 million voters" = 6.42 million voters"#,
            ],
        );
        // Lengths of time are counted; times that date are not.
        check(
            "was sentenced to 12 years in prison, two years ago, over the past 22 years, for 30 months",
            &[
                r#"count "12 years" = 12 years"#,
                r#"count "30 months" = 30 months"#,
            ],
        );
        // A length of time in the units of a clock is one amount in its
        // finest unit; one that dates something is none.
        check(
            "swam it in 7 hours 38 minutes, two hours and five minutes faster, in 3 minutes, 12 seconds, 48 hours ago",
            &[
                r#"count "7 hours 38 minutes" = 458 minutes"#,
                r#"count "two hours and five minutes" = 125 minutes"#,
                r#"count "3 minutes, 12 seconds" = 192 seconds"#,
            ],
        );
        // A compound a figure opens counts its noun, a length of time or
        // an age its units; an adjective is no noun.
        check(
            "the 58,400-seat stadium, a 300-bed hospital, a 12-storey block, a 10-day trip, a 51-year-old, a 5,000-strong crowd",
            &[
                r#"count "58,400-seat" = 58400 seats"#,
                r#"count "300-bed" = 300 beds"#,
                r#"count "12-storey" = 12 storeys"#,
                r#"count "10-day" = 10 days"#,
                r#"count "51-year-old" = 51 years"#,
                r#"number "5,000" = 5000"#,
            ],
        );
        // A tally's second figure counts its first's noun.
        check(
            "approved by nine votes to three, and 12 votes to 7, but not 9 seats to 3",
            &[
                r#"count "nine votes" = 9 votes"#,
                r#"count "three" = 3 votes"#,
                r#"count "12 votes" = 12 votes"#,
                r#"count "7" = 7 votes"#,
                r#"count "9 seats" = 9 seats"#,
            ],
        );
        // A list's later figures count its first's noun, when each is
        // followed by the phrase the first has.
        check(
            "It grounded 60 flights.\n\nAcme cancelled 138 flights on Thursday, 164 on Friday and 128 on Saturday.",
            &[
                r#"count "60 flights" = 60 flights"#,
                r#"count "138 flights" = 138 flights"#,
                r#"count "164" = 164 flights"#,
                r#"count "128" = 128 flights"#,
            ],
        );
        check(
            "Acme cancelled 138 flights on Thursday, 164 in all.",
            &[r#"count "138 flights" = 138 flights"#],
        );
        // A figure reached after "the number of" counts its noun, when no
        // other figure but a percentage stands between.
        check(
            "The number of private households rose faster, to 3.04 million, up 9.1% on 2014. The number of ships fell to about 24 from 32. The number of stores rose to 120 and sales rose to 3 million. Customers rose to 2.2 million.",
            &[
                r#"count "3.04 million" = 3.04 million households"#,
                r#"percent "9.1%" = 9.1 percent"#,
                r#"count "24" = 24 ships hedge=About("about")"#,
                r#"count "120" = 120 stores"#,
                r#"number "3 million" = 3 million"#,
                r#"number "2.2 million" = 2.2 million"#,
            ],
        );
        // "number" before a figure is a label, unless a verb ("will
        // number").
        check(
            "The fleet will number 379 vessels. It was number 5 vessels ago.",
            &[r#"count "379 vessels" = 379 vessels"#],
        );
        // "Others" are of the noun counted before.
        check(
            "Two workers were killed and six others were injured. 12 others.",
            &[
                r#"count "Two workers" = 2 workers"#,
                r#"count "six others" = 6 workers"#,
                r#"count "12 others" = 12 others"#,
            ],
        );
        // In words too; not a span that dates a level, nor a bond.
        check(
            "a six-year contract, a two-week-old calf, a 30-year high, the 10-year yield, a one-third stake",
            &[
                r#"count "six-year" = 6 years"#,
                r#"count "two-week-old" = 2 weeks"#,
            ],
        );
        // A coarser unit after a finer one starts another length.
        check(
            "after 40 minutes and 2 hours",
            &[
                r#"count "40 minutes" = 40 minutes"#,
                r#"count "2 hours" = 2 hours"#,
            ],
        );
        // Plain integers without a unit stay silent: ages, list numbers.
        check("Mercer, 51, was sentenced in room 12.", &[]);
    }

    #[test]
    fn money_forms() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Acme will invest 100 billion yuan in the program.",
                &[r#"money "100 billion yuan" = 100 billion CNY"#],
            ),
            (
                "it will spend $15.5 billion to",
                &[r#"money "$15.5 billion" = 15.5 billion USD ambiguous"#],
            ),
            (
                "was fined $ 2.8 billion in an antitrust case",
                &[r#"money "$ 2.8 billion" = 2.8 billion USD ambiguous"#],
            ),
            (
                "Its 100-billion yuan pledge",
                &[r#"money "100-billion yuan" = 100 billion CNY"#],
            ),
            (
                "a 100-billion-yuan fund",
                &[r#"money "100-billion-yuan" = 100 billion CNY"#],
            ),
            (
                "revenue of RMB 23bn, or RMB23bn.",
                &[
                    r#"money "RMB 23bn" = 23 billion CNY"#,
                    r#"money "RMB23bn" = 23 billion CNY"#,
                ],
            ),
            (
                "a ¥20 billion fund",
                &[r#"money "¥20 billion" = 20 billion CNY ambiguous"#],
            ),
            (
                "invest US$1.5 billion and HK$3 billion",
                &[
                    r#"money "US$1.5 billion" = 1.5 billion USD"#,
                    r#"money "HK$3 billion" = 3 billion HKD"#,
                ],
            ),
            (
                "sold for £4.5m; €3 million; 3 million euros.",
                &[
                    r#"money "£4.5m" = 4.5 million GBP ambiguous"#,
                    r#"money "€3 million" = 3 million EUR"#,
                    r#"money "3 million euros" = 3 million EUR"#,
                ],
            ),
            (
                "USD 5 million and 5 million US dollars",
                &[
                    r#"money "USD 5 million" = 5 million USD"#,
                    r#"money "5 million US dollars" = 5 million USD"#,
                ],
            ),
            (
                "Acme Promises $15.5B For Anti-Poverty Work",
                &[r#"money "$15.5B" = 15.5 billion USD ambiguous"#],
            ),
            (
                "net profit of 2.4 billion yuan.",
                &[r#"money "2.4 billion yuan" = 2.4 billion CNY"#],
            ),
            ("costs $1,200.", &[r#"money "$1,200" = 1200 USD ambiguous"#]),
            (
                "a budget of 1.2 trillion won",
                &[r#"money "1.2 trillion won" = 1.2 trillion KRW"#],
            ),
            (
                "S$2 billion, A$3 billion, C$4 million, NT$5 billion, ₹500, 10 Swiss francs",
                &[
                    r#"money "S$2 billion" = 2 billion SGD"#,
                    r#"money "A$3 billion" = 3 billion AUD"#,
                    r#"money "C$4 million" = 4 million CAD"#,
                    r#"money "NT$5 billion" = 5 billion TWD"#,
                    r#"money "₹500" = 500 INR"#,
                    r#"money "10 Swiss francs" = 10 CHF"#,
                ],
            ),
            (
                "CHF 10 million, SEK 3 billion, 5 million JPY, 10 billion yen, 2 billion rupees, 4 million pounds",
                &[
                    r#"money "CHF 10 million" = 10 million CHF"#,
                    r#"money "SEK 3 billion" = 3 billion SEK"#,
                    r#"money "5 million JPY" = 5 million JPY"#,
                    r#"money "10 billion yen" = 10 billion JPY"#,
                    r#"money "2 billion rupees" = 2 billion INR ambiguous"#,
                    r#"money "4 million pounds" = 4 million GBP ambiguous"#,
                ],
            ),
            (
                "48.6 billion pesos, 3 million Chilean pesos, 2.1 billion crowns, 40 zlotys, 9 million rand",
                &[
                    r#"money "48.6 billion pesos" = 48.6 billion MXN ambiguous"#,
                    r#"money "3 million Chilean pesos" = 3 million CLP"#,
                    r#"money "2.1 billion crowns" = 2.1 billion SEK ambiguous"#,
                    r#"money "40 zlotys" = 40 PLN"#,
                    r#"money "9 million rand" = 9 million ZAR"#,
                ],
            ),
            (
                "a 680 billion rupee plant, 12.4 trillion dong, 85 million kwacha, 2 billion shillings, 3 million cedis",
                &[
                    r#"money "680 billion rupee" = 680 billion INR ambiguous"#,
                    r#"money "12.4 trillion dong" = 12.4 trillion VND"#,
                    r#"money "85 million kwacha" = 85 million ZMW ambiguous"#,
                    r#"money "2 billion shillings" = 2 billion KES ambiguous"#,
                    r#"money "3 million cedis" = 3 million GHS"#,
                ],
            ),
            (
                // Dong is money only after a scale word.
                "Dong Nai has 300 dong.",
                &[],
            ),
            (
                // Crowns are money only after a scale word.
                "She won three crowns and 500 crowns.",
                &[
                    r#"count "three crowns" = 3 crowns"#,
                    r#"count "500 crowns" = 500 crowns"#,
                ],
            ),
            (
                "He paid 5 dollars, then 6 Hong Kong dollars.",
                &[
                    r#"money "5 dollars" = 5 USD ambiguous"#,
                    r#"money "6 Hong Kong dollars" = 6 HKD"#,
                ],
            ),
            (
                "SEE ALSO: Acme to Invest 100 Billion Yuan by 2025",
                &[r#"money "100 Billion Yuan" = 100 billion CNY"#],
            ),
            (
                "a billion dollars and ten billion yuan",
                &[
                    r#"money "a billion dollars" = 1 billion USD ambiguous"#,
                    r#"money "ten billion yuan" = 10 billion CNY"#,
                ],
            ),
            (
                "$\u{a0}15.5\u{a0}billion",
                &["money \"$\\u{a0}15.5\\u{a0}billion\" = 15.5 billion USD ambiguous"],
            ),
            (
                "reaches 50 billion. It also pledged 23 bn.",
                &[
                    r#"number "50 billion" = 50 billion"#,
                    r#"number "23 bn" = 23 billion"#,
                ],
            ),
            (
                "The $5 million won approval.",
                &[r#"money "$5 million" = 5 million USD ambiguous"#],
            ),
            (
                "a price of $5-a-share",
                &[r#"money "$5" = 5 USD ambiguous"#],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn stated_precision_is_kept() {
        let scales: Vec<u32> = find("$15.50 and $15.5 and $15")
            .iter()
            .map(|f| match f {
                Finding::Amount(a) => a.number.scale(),
                _ => 99,
            })
            .collect();
        assert_eq!(scales, [2, 1, 0]);
        check(
            "100 billion yuan ($15.49 billion)",
            &[
                r#"conversion "100 billion yuan ($15.49 billion)" = 100 billion CNY -> 15.49 billion USD ambiguous"#,
            ],
        );
    }

    #[test]
    fn hedges() {
        let cases: &[(&str, &str)] = &[
            (
                "about $5 million",
                r#"money "$5 million" = 5 million USD ambiguous hedge=About("about")"#,
            ),
            (
                "around 10 areas",
                r#"count "10 areas" = 10 areas hedge=About("around")"#,
            ),
            (
                "approximately 3.5%",
                r#"percent "3.5%" = 3.5 percent hedge=About("approximately")"#,
            ),
            (
                "roughly 2 billion yuan",
                r#"money "2 billion yuan" = 2 billion CNY hedge=About("roughly")"#,
            ),
            (
                "some 300 people",
                r#"count "300 people" = 300 people hedge=About("some")"#,
            ),
            (
                "as claims near 39,000 claims",
                r#"count "39,000 claims" = 39000 claims hedge=Nearly("near")"#,
            ),
            (
                "an estimated 2 million users",
                r#"count "2 million users" = 2 million users hedge=About("an estimated")"#,
            ),
            (
                "more than 68.7 million users donated",
                r#"count "68.7 million users" = 68.7 million users hedge=MoreThan("more than")"#,
            ),
            (
                "More than 40% of",
                r#"percent "40%" = 40 percent hedge=MoreThan("More than")"#,
            ),
            (
                "over $1 billion",
                r#"money "$1 billion" = 1 billion USD ambiguous hedge=MoreThan("over")"#,
            ),
            (
                "above 5%",
                r#"percent "5%" = 5 percent hedge=MoreThan("above")"#,
            ),
            (
                "in excess of €3 million",
                r#"money "€3 million" = 3 million EUR hedge=MoreThan("in excess of")"#,
            ),
            (
                "at least ten actions",
                r#"count "ten actions" = 10 actions hedge=AtLeast("at least")"#,
            ),
            (
                "no less than 20 projects",
                r#"count "20 projects" = 20 projects hedge=AtLeast("no less than")"#,
            ),
            (
                "nearly 40 %",
                r#"percent "40 %" = 40 percent hedge=Nearly("nearly")"#,
            ),
            (
                "almost $2 billion",
                r#"money "$2 billion" = 2 billion USD ambiguous hedge=Nearly("almost")"#,
            ),
            (
                "close to 1.4 billion people",
                r#"count "1.4 billion people" = 1.4 billion people hedge=Nearly("close to")"#,
            ),
            (
                "just under £4.5m",
                r#"money "£4.5m" = 4.5 million GBP ambiguous hedge=Nearly("just under")"#,
            ),
            (
                "up to 50 billion yuan",
                r#"money "50 billion yuan" = 50 billion CNY hedge=UpTo("up to")"#,
            ),
            (
                // A move up to a level: no bound.
                "fares will go up to 50 billion yuan",
                r#"money "50 billion yuan" = 50 billion CNY"#,
            ),
            (
                "less than 10 percent",
                r#"percent "10 percent" = 10 percent hedge=LessThan("less than")"#,
            ),
            (
                "under $5 million",
                r#"money "$5 million" = 5 million USD ambiguous hedge=LessThan("under")"#,
            ),
            // A negation turns a bound over.
            (
                "has not dropped below 28 degrees",
                r#"count "28 degrees" = 28 degrees hedge=AtLeast("below")"#,
            ),
            (
                "never rose above 3%",
                r#"percent "3%" = 3 percent hedge=UpTo("above")"#,
            ),
            (
                "it did not fall, and stayed below 4%",
                r#"percent "4%" = 4 percent hedge=LessThan("below")"#,
            ),
            (
                "below 2 per cent",
                r#"percent "2 per cent" = 2 percent hedge=LessThan("below")"#,
            ),
            (
                "fewer than 10 companies",
                r#"count "10 companies" = 10 companies hedge=LessThan("fewer than")"#,
            ),
            (
                "as many as 5,000 workers",
                r#"count "5,000 workers" = 5000 workers hedge=UpTo("as many as")"#,
            ),
        ];
        for (input, expected) in cases {
            check(input, &[expected]);
        }
        // A hedge must be a whole word.
        check("moreover 5%", &[r#"percent "5%" = 5 percent"#]);
        check("Hover $5", &[r#"money "$5" = 5 USD ambiguous"#]);
        check(
            "~5 users, ≈10%",
            &[
                r#"count "5 users" = 5 users hedge=About("~")"#,
                r#"percent "10%" = 10 percent hedge=About("≈")"#,
            ],
        );
    }

    #[test]
    fn conversions() {
        check(
            "Acme will invest 100 billion yuan ($ 15.5 billion) in the program",
            &[
                r#"conversion "100 billion yuan ($ 15.5 billion)" = 100 billion CNY -> 15.5 billion USD ambiguous"#,
            ],
        );
        check(
            "net profit of 2.4 billion yuan ($372 million).",
            &[
                r#"conversion "2.4 billion yuan ($372 million)" = 2.4 billion CNY -> 372 million USD ambiguous"#,
            ],
        );
        check(
            "Its 100-billion yuan ($15.5 billion) pledge",
            &[
                r#"conversion "100-billion yuan ($15.5 billion)" = 100 billion CNY -> 15.5 billion USD ambiguous"#,
            ],
        );
        check(
            "2.4 billion yuan (about $372 million)",
            &[
                r#"conversion "2.4 billion yuan (about $372 million)" = 2.4 billion CNY -> 372 million USD ambiguous hedge=About("about")"#,
            ],
        );
        // The rate it was converted at may close the parenthesis.
        check(
            "2.4 billion yuan ($372 million at today's rate)",
            &[
                r#"conversion "2.4 billion yuan ($372 million at today's rate)" = 2.4 billion CNY -> 372 million USD ambiguous"#,
            ],
        );
        check(
            "2.4 billion yuan ($372 million at the time)",
            &[
                r#"conversion "2.4 billion yuan ($372 million at the time)" = 2.4 billion CNY -> 372 million USD ambiguous"#,
            ],
        );
        check(
            "2.4 billion yuan ($372 million at a premium)",
            &[
                r#"money "2.4 billion yuan" = 2.4 billion CNY"#,
                r#"money "$372 million" = 372 million USD ambiguous"#,
            ],
        );
        check(
            "a fund of 20 billion yuan, or $3.1 billion, for",
            &[
                r#"conversion "20 billion yuan, or $3.1 billion" = 20 billion CNY -> 3.1 billion USD ambiguous"#,
            ],
        );
        check(
            "a fund of 20 billion yuan, or about $3.1 billion",
            &[
                r#"conversion "20 billion yuan, or about $3.1 billion" = 20 billion CNY -> 3.1 billion USD ambiguous hedge=About("about")"#,
            ],
        );
        check(
            "about $15.5 billion (100 billion yuan)",
            &[
                r#"conversion "$15.5 billion (100 billion yuan)" = 15.5 billion USD ambiguous hedge=About("about") -> 100 billion CNY"#,
            ],
        );
        check(
            "100 billion yuan (15.5 billion dollars)",
            &[
                r#"conversion "100 billion yuan (15.5 billion dollars)" = 100 billion CNY -> 15.5 billion USD ambiguous"#,
            ],
        );
        check(
            "raised €500m (or about $590 million) from",
            &[
                r#"conversion "€500m (or about $590 million)" = 500 million EUR -> 590 million USD ambiguous hedge=About("about")"#,
            ],
        );
        check(
            "Revenue rose to $3.2bn or £2.4bn in",
            &[
                r#"conversion "$3.2bn or £2.4bn" = 3.2 billion USD ambiguous -> 2.4 billion GBP ambiguous"#,
            ],
        );
        // Same currency, or a bare number: two amounts.
        check(
            "$5 million ($5 million)",
            &[
                r#"money "$5 million" = 5 million USD ambiguous"#,
                r#"money "$5 million" = 5 million USD ambiguous"#,
            ],
        );
        check(
            "invested 50 billion ($7.7 billion)",
            &[
                r#"number "50 billion" = 50 billion"#,
                r#"money "$7.7 billion" = 7.7 billion USD ambiguous"#,
            ],
        );
        check(
            "revenue of 23 billion yuan (the same below), a year-on-year increase of 89%",
            &[
                r#"money "23 billion yuan" = 23 billion CNY"#,
                r#"percent "89%" = 89 percent"#,
            ],
        );
    }

    #[test]
    fn malformed() {
        check(
            "Its offer includes $20 billion yuan ($12.5 billion) for a fund",
            &[
                r#"malformed "$20 billion yuan" = 20 billion CNY [USD, CNY]"#,
                r#"money "$12.5 billion" = 12.5 billion USD ambiguous"#,
            ],
        );
        check(
            "it costs $10 dollars",
            &[r#"malformed "$10 dollars" = 10 USD ambiguous [USD, USD]"#],
        );
        check(
            "RMB 5 billion yuan",
            &[r#"malformed "RMB 5 billion yuan" = 5 billion CNY [CNY, CNY]"#],
        );
    }

    #[test]
    fn counts() {
        let cases: &[(&str, &str)] = &[
            (
                "will be spent in 10 areas, including",
                r#"count "10 areas" = 10 areas"#,
            ),
            (
                "Acme announced ten programmes for",
                r#"count "ten programmes" = 10 programmes"#,
            ),
            ("Acme‘s ten actions", r#"count "ten actions" = 10 actions"#),
            (
                "Ten actions were announced.",
                r#"count "Ten actions" = 10 actions"#,
            ),
            (
                "it will invest in 10 projects for",
                r#"count "10 projects" = 10 projects"#,
            ),
            (
                "the poor majority in the 1.4 billion population.",
                r#"count "1.4 billion population" = 1.4 billion population"#,
            ),
            (
                "more than 300 million Chinese peasants are",
                r#"count "300 million Chinese peasants" = 300 million peasants hedge=MoreThan("more than")"#,
            ),
            (
                "the grant will fund 36 PhD studentships and",
                r#"count "36 PhD studentships" = 36 studentships"#,
            ),
            (
                "it hired 400 NHS nurses",
                r#"count "400 NHS nurses" = 400 nurses"#,
            ),
            (
                "it handled 4.35 million TEUs in 2024",
                r#"count "4.35 million TEUs" = 4.35 million teus"#,
            ),
            (
                "the merger will cut 66 musicians' posts and",
                r#"count "66 musicians' posts" = 66 posts"#,
            ),
            (
                "it shut 12 workers’ hostels",
                r#"count "12 workers’ hostels" = 12 hostels"#,
            ),
            (
                "which operates five copper and gold mines in",
                r#"count "five copper and gold mines" = 5 mines"#,
            ),
            (
                "access for 46 licensed Ruritanian vessels to",
                r#"count "46 licensed Ruritanian vessels" = 46 vessels"#,
            ),
            (
                "twenty-five companies",
                r#"count "twenty-five companies" = 25 companies"#,
            ),
            (
                "two hundred workers",
                r#"count "two hundred workers" = 200 workers"#,
            ),
            (
                "a dozen companies",
                r#"count "a dozen companies" = 12 companies"#,
            ),
            (
                "a billion people",
                r#"count "a billion people" = 1 billion people"#,
            ),
            (
                "1,200 employees",
                r#"count "1,200 employees" = 1200 employees"#,
            ),
            (
                "rose 5 percentage points",
                r#"count "5 percentage points" = 5 percentage points"#,
            ),
            (
                "cut by 25 basis points",
                r#"count "25 basis points" = 25 basis points"#,
            ),
            // Measures: one canonical noun for every spelling.
            ("lies 72 km southwest", r#"count "72 km" = 72 kilometres"#),
            ("a 45-mile drive", r#"count "45-mile" = 45 miles"#),
            (
                "the 118,000-barrel-per-day refinery",
                r#"count "118,000-barrel-per-day" = 118000 barrels per day"#,
            ),
            (
                "burned 1,200 square kilometres of forest",
                r#"count "1,200 square kilometres" = 1200 square kilometres"#,
            ),
            (
                "gusts of 130 miles per hour",
                r#"count "130 miles per hour" = 130 miles per hour"#,
            ),
            ("a 30 mph limit", r#"count "30 mph" = 30 miles per hour"#),
            ("40 kg of rice", r#"count "40 kg" = 40 kilograms"#),
            // Ordinals that count.
            (
                "won a record 12th title",
                r#"count "12th title" = 12 titles"#,
            ),
            (
                "its 14th increase in a row",
                r#"count "14th increase" = 14 increases"#,
            ),
            (
                "the 10th consecutive quarter",
                r#"count "10th consecutive quarter" = 10 quarters"#,
            ),
            (
                "by 411,000 barrels per day",
                r#"count "411,000 barrels per day" = 411000 barrels per day"#,
            ),
            (
                "by 411,000 bpd",
                r#"count "411,000 bpd" = 411000 barrels per day"#,
            ),
            (
                "had 200 workers a year earlier",
                r#"count "200 workers" = 200 workers"#,
            ),
            (
                "about 400 cases a day",
                r#"count "400 cases a day" = 400 cases per day hedge=About("about")"#,
            ),
            // Four characters from 1 or 2 are no year unless all digits.
            ("weighs 1.85 tonnes", r#"count "1.85 tonnes" = 1.85 tonnes"#),
            (
                "injured 12.5 people",
                r#"count "12.5 people" = 12.5 people"#,
            ),
            ("with 12 crew aboard", r#"count "12 crew" = 12 crew"#),
            (
                "five of the six crew members",
                r#"count "six crew members" = 6 members"#,
            ),
            ("a 500 MW plant", r#"count "500 MW" = 500 megawatts"#),
            ("and Globex 121,907,", r#"number "121,907" = 121907"#),
            (
                "Of the homes lost, 218 were in Oberon.",
                r#"number "218" = 218"#,
            ),
            (
                "1,150 gigawatt-hours a year",
                r#"count "1,150 gigawatt-hours" = 1150 gigawatt-hours"#,
            ),
            (
                "30 kilowatt hours",
                r#"count "30 kilowatt hours" = 30 kilowatt-hours"#,
            ),
            (
                "10 new projects",
                r#"count "10 new projects" = 10 projects"#,
            ),
            ("5m users", r#"count "5m users" = 5 million users"#),
            (
                "30 low-income families",
                r#"count "30 low-income families" = 30 families"#,
            ),
            (
                "Northwind's 800 million users",
                r#"count "800 million users" = 800 million users"#,
            ),
            ("Boeing ordered 20 jets", r#"count "20 jets" = 20 jets"#),
            ("Only 5 companies", r#"count "5 companies" = 5 companies"#),
            ("The 10 users said", r#"count "10 users" = 10 users"#),
            ("In 10 areas.", r#"count "10 areas" = 10 areas"#),
            (
                "Nearly 40 companies",
                r#"count "40 companies" = 40 companies hedge=Nearly("Nearly")"#,
            ),
        ];
        for (input, expected) in cases {
            check(input, &[expected]);
        }
    }

    #[test]
    fn percentages() {
        let cases: &[(&str, &str)] = &[
            ("up 89%", r#"percent "89%" = 89 percent"#),
            ("89 percent", r#"percent "89 percent" = 89 percent"#),
            ("89 per cent", r#"percent "89 per cent" = 89 percent"#),
            ("grew 3.5% in", r#"percent "3.5%" = 3.5 percent"#),
            (
                "a year-on-year increase of 89%;",
                r#"percent "89%" = 89 percent"#,
            ),
            ("ten percent", r#"percent "ten percent" = 10 percent"#),
            ("fell -5%", r#"percent "5%" = 5 percent"#),
            ("a 2000% rise", r#"percent "2000%" = 2000 percent"#),
        ];
        for (input, expected) in cases {
            check(input, &[expected]);
        }
    }

    #[test]
    fn not_amounts() {
        let cases: &[&str] = &[
            "the 5th largest company",
            "his 3rd goal of the season",
            "in the 20th century",
            "a record 12th",
            "a record 1.5th title",
            "in 2019",
            "date 2021-09-04 Acme",
            "On September 2, Acme",
            "at the performance meeting on the 24th that",
            "1999",
            "Since 2018, Kuaishou",
            "Founded in 2015, the campaign",
            "in 2021 users",
            "over the past 22 years",
            "during the last three decades",
            "a few days after the IPO",
            "within 18 months",
            "22 consecutive years",
            "children under 18 were significantly reduced",
            "aged 65 and over",
            "residents aged 65 years",
            "24th",
            "the first and second",
            "call +1 555-123-4567 now",
            "call (555) 123-4567 now",
            "Boeing 737",
            "the Boeing 737 jets",
            "In Oberon 218 were lost.",
            "Series 2021",
            "iPhone 13 users",
            "COVID-19 cases",
            "for Windows 10 users",
            "Windows 10 users",
            "Boeing 737 jets landed",
            "G20 leaders",
            "see page 5 shows",
            "No. 3 players",
            "Section 2 rules",
            "1. Increased investment in areas\n2. Supporting growth\n  3. Promoting 10. Items",
            "10. Establishing teams",
            "Q2 results and H1 sales",
            "at 9:30 today",
            "at 8 pm",
            "2Post",
            "Blog2 Post",
            // The terms of a ratio.
            "one in five people",
            "1 in 4 adults",
            "21 views0 comments",
            "https://x.com/2021/09/04/post-15-5b",
            "see www.example.com/5-users or https://x.com/p?id=5%",
            "mail john5@x.com or 163@qq.com",
            "v1.2.3",
            "version 1.2.3",
            "٣٤ users",
            "７ users",
            "٣٤.٥%",
            "Tencent: 99 Giving day",
            "the 99 Giving Day annual charity campaign",
            "during the 99 giving Day, plus",
            "a 100m sprint",
            "the 1990s and the 80s",
            "10 times",
            "2 of them",
            "one of the largest",
            "one in a million",
            "thanks a million",
            "24/7 service",
            "the 2020 Olympics",
            "room 101",
            "flight 370 passengers",
            "In May 2015, Zhang",
            "on September 10, 2019.",
            "“Ten Actions to Facilitate Common Prosperity”",
            "₹500 crore",
            "a one-third share and two-way talks",
            "5G networks and 3D models",
            "the 10 were",
            "the team 5 won",
            "ratio 3:1",
            "room_5 users",
            "page_10",
            "#5 seed",
            "5 000 users",
            "agent 007 files",
            "2021-9-04",
        ];
        for input in cases {
            check(input, &[]);
        }
    }

    #[test]
    fn never_panics_and_spans_are_valid() {
        let adversarial = [
            "",
            "$",
            "$$$",
            "$ ",
            "¥",
            "99999999999999999999999999999999 billion",
            "$99999999999999999999999999999999",
            "79228162514264337593543950335 trillion yuan",
            "0.0000000000000000000000000000001%",
            "1,2,3,4",
            "1,",
            "1.",
            ".5",
            "5-",
            "a",
            "a billion",
            "twenty-",
            "ninety-nine-",
            "(",
            "$5 (",
            "5 yuan (",
            "5 yuan ($",
            "5 yuan (about",
            "5 yuan, or",
            "€\u{a0}",
            "US$",
            "日本 5 百万 円 ５ ٣٤ 🦀 5🦀 $🦀 🦀$5 🦀5 users",
            "é5 5é ñ ten\u{301} users",
            "\u{a0}\u{a0}5\u{a0}\u{a0}billion\u{a0}\u{a0}yuan",
            "\r\n5\r\nbillion\r\nyuan\r\n",
            "more than\n\n5 users",
        ];
        for text in adversarial {
            assert_valid(text, &find(text));
        }
        // Pseudo-random concatenations of tricky fragments.
        let fragments = [
            "$",
            "¥",
            "£",
            "US$",
            "1",
            "0",
            "9",
            ",",
            ".",
            " ",
            "\u{a0}",
            "\n",
            "-",
            "%",
            "(",
            ")",
            "billion",
            "bn",
            "m",
            "B",
            "yuan",
            "dollars",
            "won",
            "users",
            "Chinese",
            "about",
            "more than",
            "or",
            "a",
            "ten",
            "twenty",
            "-five",
            "hundred",
            "per cent",
            "é",
            "٣",
            "７",
            "🦀",
            "http://",
            "@",
            ":",
            "/",
            "99999999999999999999999999999",
        ];
        let mut next = crate::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let len = 1 + next() % 14;
            let text: String = (0..len)
                .map(|_| fragments[(next() % fragments.len() as u64) as usize])
                .collect();
            assert_valid(&text, &find(&text));
        }
    }

    #[test]
    fn long_input_is_linear() {
        let paragraph = "Acme will invest 100 billion yuan ($ 15.5 billion) in 10 areas, \
                         up 89% on 2019, with more than 68.7 million users. ";
        let text = paragraph.repeat(20_000);
        let started = std::time::Instant::now();
        let findings = find(&text);
        assert_eq!(findings.len(), 4 * 20_000);
        assert!(started.elapsed().as_secs() < 5);
        let digits = "1".repeat(200_000) + " " + &"5/".repeat(100_000);
        assert!(find(&digits).is_empty());
    }

    /// The seed articles, when present: every amount they state, nothing else.
    #[test]
    fn seed_articles() {
        let expected: &[(&str, &[&str])] = &[
            (
                "000_6d299cfe9d6f5bba.txt",
                &[
                    r#"conversion "100 billion yuan ($ 15.5 billion)" = 100 billion CNY -> 15.5 billion USD ambiguous"#,
                    r#"count "10 areas" = 10 areas"#,
                    r#"money "$ 2.8 billion" = 2.8 billion USD ambiguous"#,
                    r#"money "100 billion yuan" = 100 billion CNY"#,
                ],
            ),
            (
                "001_bd271b358065edb8.txt",
                &[
                    r#"money "$15.5 billion" = 15.5 billion USD ambiguous"#,
                    r#"money "100 billion yuan" = 100 billion CNY"#,
                    r#"conversion "100 billion yuan ($15.49 billion)" = 100 billion CNY -> 15.49 billion USD ambiguous"#,
                    r#"count "ten actions" = 10 actions"#,
                    r#"number "10 billion" = 10 billion"#,
                    r#"money "23 billion yuan" = 23 billion CNY"#,
                    r#"percent "89%" = 89 percent"#,
                    r#"money "2 billion yuan" = 2 billion CNY"#,
                    r#"money "2.4 billion yuan" = 2.4 billion CNY"#,
                    r#"number "10 Billion" = 10 billion"#,
                    r#"number "10 billion" = 10 billion"#,
                    r#"number "Ten Billion" = 10 billion"#,
                    r#"money "50 billion yuan" = 50 billion CNY"#,
                    r#"number "50 billion" = 50 billion"#,
                    r#"count "68.7 million users" = 68.7 million users hedge=MoreThan("more than")"#,
                    r#"money "3.569 billion yuan" = 3.569 billion CNY"#,
                    r#"money "600 million yuan" = 600 million CNY"#,
                    r#"money "4.169 billion yuan" = 4.169 billion CNY"#,
                    r#"money "2.72 billion yuan" = 2.72 billion CNY"#,
                ],
            ),
            (
                "002_c249c2ddc5f848bc.txt",
                &[
                    r#"money "$15.5B" = 15.5 billion USD ambiguous"#,
                    r#"money "$15.5 billion" = 15.5 billion USD ambiguous"#,
                    r#"count "10 projects" = 10 projects"#,
                    r#"conversion "100-billion yuan ($15.5 billion)" = 100 billion CNY -> 15.5 billion USD ambiguous"#,
                    r#"conversion "20 billion yuan ($12.5 billion)" = 20 billion CNY -> 12.5 billion USD ambiguous"#,
                    r#"count "300 million Chinese peasants" = 300 million peasants hedge=MoreThan("more than")"#,
                    r#"count "1.4 billion population" = 1.4 billion population"#,
                ],
            ),
            (
                "003_79acb4b1341e5685.txt",
                &[
                    r#"money "$15.5 billion" = 15.5 billion USD ambiguous"#,
                    r#"count "ten programmes" = 10 programmes"#,
                    r#"conversion "100 billion yuan ($15.5 billion)" = 100 billion CNY -> 15.5 billion USD ambiguous"#,
                    r#"malformed "$20 billion yuan" = 20 billion CNY [USD, CNY]"#,
                    r#"money "$12.5 billion" = 12.5 billion USD ambiguous"#,
                    r#"count "1.4 billion population" = 1.4 billion population"#,
                    r#"conversion "50 billion yuan ($7.7 billion)" = 50 billion CNY -> 7.7 billion USD ambiguous"#,
                    r#"money "$1.5 billion" = 1.5 billion USD ambiguous"#,
                    r#"conversion "45.1 billion yuan ($7 billion)" = 45.1 billion CNY -> 7 billion USD ambiguous"#,
                ],
            ),
            (
                "004_aa06f218b683e815.txt",
                &[
                    r#"conversion "100 billion yuan ($15.49 billion)" = 100 billion CNY -> 15.49 billion USD ambiguous"#,
                    r#"count "ten actions" = 10 actions"#,
                    r#"count "ten actions" = 10 actions"#,
                    r#"money "20 billion yuan" = 20 billion CNY"#,
                    r#"money "100 billion yuan" = 100 billion CNY"#,
                    r#"money "20 billion yuan" = 20 billion CNY"#,
                    r#"money "100 Billion Yuan" = 100 billion CNY"#,
                ],
            ),
        ];
        // The seed articles are the repository's sources, after their
        // front matter.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sources");
        let files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        for (name, findings) in expected {
            let prefix = &name[..3];
            let path = files
                .iter()
                .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
                .unwrap();
            let source = std::fs::read_to_string(path).unwrap();
            let body_start = source[4..].find("\n---\n").unwrap() + 4 + 5;
            let text = source[body_start..].to_owned();
            println!("== {name}");
            for f in &find(&text) {
                println!("  {}", render(&text, f));
            }
            check(&text, findings);
        }
    }
}

/// The fast paths agree with the plain code they replace, kept here as the
/// reference, on the sources' text and on generated newsy text.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod fast_paths {
    use super::*;

    /// The seed articles and pseudo-random text made of every word the
    /// tables list, in several cases, with numbers, symbols and separators.
    fn corpus() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sources");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        let mut words: Vec<String> = Vec::new();
        let tables: [&[&str]; 13] = [
            ONES,
            TENS,
            TIME_WORDS,
            NOT_COUNTED,
            NOT_PLURAL,
            COLLECTIVE_NOUNS,
            STOPWORDS,
            LY_ADJECTIVES,
            LABELS,
            CAPITALISED_OK,
            DOT_LABELS,
            UNSUPPORTED_SCALES,
            ENGLISH_WORD_CODES,
        ];
        let mut base: Vec<&str> = tables.iter().flat_map(|t| t.iter().copied()).collect();
        base.extend(CURRENCIES.iter().map(|c| c.0));
        base.extend(HEDGES.iter().flat_map(|h| h.0.iter().copied()));
        base.extend(GLUED_SCALES.iter().map(|g| g.0));
        base.extend([
            "a",
            "hundred",
            "dozen",
            "thousand",
            "million",
            "billion",
            "trillion",
            "percent",
            "per cent",
            "per-cent",
            "pct",
            "percentage",
            "points",
            "point",
            "users",
            "Chinese",
            "EUR",
            "XAU",
            "CNY",
            "USDT",
            "Acme",
            "iPhone",
            "http://x.com/",
            "www.",
            "a@b.c",
            "Rs.",
            "No.",
            "p.",
            "dollarss",
            "yuanx",
            "tens",
            "onee",
            "sevens",
            "won't",
        ]);
        for w in base {
            words.push(w.to_owned());
            words.push(w.to_uppercase());
            let mut chars = w.chars();
            if let Some(c) = chars.next() {
                words.push(c.to_uppercase().chain(chars).collect());
            }
        }
        for n in [
            "5", "10", "2.5", "1,200", "2019", "007", "15.5", "99", "3", "0.5",
        ] {
            words.push(n.to_owned());
        }
        let separators = [
            " ", " ", " ", " ", "", "-", "\u{a0}", "\n", "\n\n", "\t", "(", ")", ", ", ". ", "%",
            "$", "¥", "£", "€", "~", "'s ", "’s ", "é", "🦀", "/", ":", "_",
        ];
        let mut next = crate::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..4 {
            let mut text = String::new();
            for _ in 0..6_000 {
                let w = &words[(next() % words.len() as u64) as usize];
                text.push_str(w);
                text.push_str(separators[(next() % separators.len() as u64) as usize]);
            }
            texts.push(text);
        }
        texts
    }

    /// Every char boundary of `text`, its end included.
    fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
        (0..=text.len()).filter(|&i| text.is_char_boundary(i))
    }

    fn number_word_reference(word: &str) -> Option<u32> {
        let position = |list: &[&str]| list.iter().position(|w| w.eq_ignore_ascii_case(word));
        if let Some(i) = position(ONES) {
            return u32::try_from(i + 1).ok();
        }
        position(TENS).and_then(|i| u32::try_from((i + 2) * 10).ok())
    }

    #[test]
    fn number_word_agrees() {
        for text in corpus() {
            for start in boundaries(&text) {
                let word = &text[start..start + ascii_letters(&text, start)];
                assert_eq!(number_word(word), number_word_reference(word), "{word:?}");
                // words_at rejects words by shape before calling number_word.
                if number_word_reference(word).is_some() {
                    assert!(number_word_shape(word.as_bytes()), "{word:?}");
                }
            }
        }
        for w in ONES.iter().chain(TENS) {
            assert_eq!(number_word(w), number_word_reference(w));
            assert!(number_word(&w.to_uppercase()).is_some());
        }
    }

    #[test]
    fn ascii_letters_agrees() {
        for text in corpus() {
            // Every byte offset, char boundary or not, and one past the end.
            for pos in 0..=text.len() + 1 {
                let reference = text
                    .get(pos..)
                    .unwrap_or("")
                    .bytes()
                    .take_while(u8::is_ascii_alphabetic)
                    .count();
                assert_eq!(ascii_letters(&text, pos), reference, "at {pos}");
            }
        }
    }

    fn phrase_at_reference(text: &str, pos: usize, phrase: &str, exact: bool) -> Option<usize> {
        let mut p = pos;
        for (k, word) in phrase.split(' ').enumerate() {
            if k > 0 {
                let q = skip_hspace(text, p);
                if q == p {
                    return None;
                }
                p = q;
            }
            let t = text.get(p..p + word.len())?;
            let same = if exact {
                t == word
            } else {
                t.eq_ignore_ascii_case(word)
            };
            if !same {
                return None;
            }
            p += word.len();
        }
        (!char_at(text, p).is_some_and(is_word_char)).then_some(p)
    }

    #[test]
    fn phrase_at_agrees() {
        let mut phrases: Vec<&str> = CURRENCIES.iter().map(|c| c.0).collect();
        phrases.extend(UNSUPPORTED_SCALES);
        phrases.extend([
            "percent", "per cent", "per-cent", "pct", "points", "point", "hundred", "dozen", "é",
        ]);
        for text in corpus() {
            for pos in boundaries(&text) {
                for phrase in &phrases {
                    for exact in [false, true] {
                        assert_eq!(
                            phrase_at(&text, pos, phrase, exact),
                            phrase_at_reference(&text, pos, phrase, exact),
                            "{phrase:?} at {pos} in {:?}",
                            &text[pos..]
                        );
                    }
                }
            }
        }
    }

    fn currency_ending_at_reference(text: &str, end: usize, floor: usize) -> Option<Currency<'_>> {
        let before = text.get(floor..end)?;
        let best = CURRENCIES
            .iter()
            .filter(|(written, _, place, _)| *place != Place::After && before.ends_with(written))
            .max_by_key(|(written, ..)| written.len());
        if let Some(&(written, code, _, ambiguous)) = best {
            return Some(Currency {
                code,
                ambiguous,
                start: end - written.len(),
                end,
                written,
            });
        }
        let code = before.get(before.len().checked_sub(3)?..)?;
        generic_code(code).then(|| Currency {
            code,
            ambiguous: false,
            start: end - 3,
            end,
            written: "",
        })
    }

    fn currency_after_reference(text: &str, pos: usize) -> Option<Currency<'_>> {
        let (start, _) = separator_after(text, pos)?;
        let best = CURRENCIES
            .iter()
            .filter(|(_, _, place, _)| *place != Place::Before)
            .filter_map(|&(written, code, place, ambiguous)| {
                let exact = place == Place::Either;
                phrase_at_reference(text, start, written, exact)
                    .map(|end| (end, written, code, ambiguous))
            })
            .max_by_key(|(end, ..)| *end);
        if let Some((end, written, code, ambiguous)) = best {
            return Some(Currency {
                code,
                ambiguous,
                start,
                end,
                written,
            });
        }
        let end = start + ascii_letters(text, start);
        let code = text.get(start..end)?;
        (generic_code(code) && !char_at(text, end).is_some_and(is_word_char)).then_some(Currency {
            code,
            ambiguous: false,
            start,
            end,
            written: "",
        })
    }

    fn key(c: Option<Currency<'_>>) -> Option<(&str, bool, usize, usize, &'static str)> {
        c.map(|c| (c.code, c.ambiguous, c.start, c.end, c.written))
    }

    #[test]
    fn currencies_agree() {
        let (mut before, mut after) = (0, 0);
        for text in corpus() {
            for pos in boundaries(&text) {
                for floor in [0, pos.saturating_sub(2), pos.saturating_sub(4)] {
                    if !text.is_char_boundary(floor) {
                        continue;
                    }
                    assert_eq!(
                        key(currency_ending_at(&text, pos, floor)),
                        key(currency_ending_at_reference(&text, pos, floor)),
                        "before {pos} in {:?}",
                        &text[..pos]
                    );
                }
                let found = key(currency_after(&text, pos));
                assert_eq!(
                    found,
                    key(currency_after_reference(&text, pos)),
                    "after {pos} in {:?}",
                    &text[pos..]
                );
                after += usize::from(found.is_some());
                before += usize::from(currency_ending_at(&text, pos, 0).is_some());
            }
        }
        // The corpus exercises the matches, not only the rejections.
        assert!(before > 1_000 && after > 1_000, "{before} {after}");
    }

    fn hedge_before_reference(
        text: &str,
        start: usize,
        floor: usize,
    ) -> Option<(Hedge, Range<usize>)> {
        let end = skip_ws_back(text, start, floor);
        if end == start {
            return None;
        }
        'hedges: for &(words, hedge) in HEDGES {
            let mut p = end;
            for (k, word) in words.iter().rev().enumerate() {
                if k > 0 {
                    let q = skip_hspace_back(text, p, floor);
                    if q == p {
                        continue 'hedges;
                    }
                    p = q;
                }
                let Some(s) = p.checked_sub(word.len()).filter(|&s| s >= floor) else {
                    continue 'hedges;
                };
                match text.get(s..p) {
                    Some(t) if t.eq_ignore_ascii_case(word) => p = s,
                    _ => continue 'hedges,
                }
            }
            if char_before(text, p).is_some_and(is_word_char) {
                continue;
            }
            return Some((negated(text, p, floor, hedge), p..end));
        }
        None
    }

    #[test]
    fn hedge_before_agrees() {
        let mut found = 0;
        for text in corpus() {
            for pos in boundaries(&text) {
                for floor in [0, pos.saturating_sub(8)] {
                    if !text.is_char_boundary(floor) {
                        continue;
                    }
                    let hedge = hedge_before(&text, pos, floor);
                    assert_eq!(
                        hedge,
                        hedge_before_reference(&text, pos, floor),
                        "before {pos} in {:?}",
                        &text[..pos]
                    );
                    found += usize::from(hedge.is_some());
                }
            }
        }
        assert!(found > 200, "{found}");
    }

    /// `find` as it was before `next_candidate`: every byte visited, atoms
    /// collected, then paired.
    fn find_reference(text: &str) -> Vec<Finding> {
        let bytes = text.as_bytes();
        let mut atoms = Vec::new();
        let mut floor = 0;
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            let next = if byte.is_ascii_digit() {
                let run_end = numeric_run_end(bytes, i);
                match digits_at(text, i, run_end, floor) {
                    Some(atom) => {
                        floor = atom.amount.span.end;
                        atoms.push(atom);
                        floor
                    }
                    None => run_end,
                }
            } else if byte.is_ascii_alphabetic() {
                let word_end = i + ascii_letters(text, i);
                match words_at(text, i, word_end, floor) {
                    Some(atom) => {
                        floor = atom.amount.span.end;
                        atoms.push(atom);
                        floor
                    }
                    None => word_end,
                }
            } else {
                i + 1
            };
            i = next.max(i + 1);
        }
        let mut findings = Vec::new();
        let mut atoms = atoms.into_iter().peekable();
        while let Some(atom) = atoms.next() {
            if let Some(currencies) = atom.malformed {
                findings.push(Finding::Malformed {
                    span: atom.amount.span.clone(),
                    amount: atom.amount,
                    currencies,
                });
                continue;
            }
            let from = atom.amount;
            if let Some(next) = atoms.next_if(|next| {
                next.malformed.is_none() && conversion_end(text, &from, &next.amount).is_some()
            }) {
                let to = next.amount;
                let end = conversion_end(text, &from, &to).unwrap_or(to.span.end);
                findings.push(Finding::Conversion {
                    span: from.span.start..end,
                    from,
                    to,
                });
            } else {
                findings.push(Finding::Amount(from));
            }
        }
        findings
    }

    #[test]
    fn find_agrees_with_bytewise_scan() {
        let mut found = 0;
        let mut texts = corpus();
        // Every suffix of a few texts: chunks of eight bytes start anywhere.
        let short = "It paid $5 billion (RMB 32bn), or one hundred users; a dozen \
                     firms, ten-fold, 3,000 staff and a million euros in 2021. A  \
                     Billion users, a\tmillion, a\nthousand, a-billion, a hundred \
                     Forty, a Dozen, A tn, a mn, a bn yuan.";
        texts.extend(
            (0..short.len())
                .filter_map(|i| short.get(i..))
                .map(str::to_owned),
        );
        for text in &texts {
            let findings = find(text);
            assert_eq!(findings, find_reference(text), "{text:?}");
            found += findings.len();
        }
        assert!(found > 300, "{found}");
    }

    #[test]
    fn word_starts_pass_every_number_word_and_a() {
        for w in ONES.iter().chain(TENS) {
            for word in [w.to_string(), w.to_uppercase(), {
                let mut c = w.to_string();
                c[..1].make_ascii_uppercase();
                c
            }] {
                let b = word.as_bytes();
                assert!(word_start_passes(b[0], b[1]), "{word}");
            }
        }
        for next in (0..=255u8).filter(|b| !b.is_ascii_alphabetic()) {
            assert!(word_start_passes(b'a', next) && word_start_passes(b'A', next));
        }
    }

    #[test]
    fn next_candidate_skips_only_what_the_scan_rejects() {
        for text in corpus() {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let next = next_candidate(bytes, from);
                assert!(next >= from && next <= bytes.len());
                for i in from..next {
                    let b = bytes[i];
                    assert!(!b.is_ascii_digit(), "digit skipped at {i}");
                    let starts_word = b.is_ascii_alphabetic()
                        && (i == from || !bytes[i - 1].is_ascii_alphabetic());
                    if starts_word {
                        let end = i + ascii_letters(&text, i);
                        let word = &bytes[i..end];
                        // Skipped words are no number word, nor an `a`
                        // that `words_at` would read.
                        assert!(
                            number_word(&text[i..end]).is_none(),
                            "{word:?} skipped at {i}"
                        );
                        assert!(words_at(&text, i, end, 0).is_none(), "{word:?} at {i}");
                        assert!(words_at(&text, i, end, i).is_none(), "{word:?} at {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn word_sets_agree_with_lists() {
        let sets: [(&WordSet, &[&str]); 9] = [
            (&HEDGE_LAST_WORD_SET, &HEDGE_LAST_WORDS),
            (&TIME_WORD_SET, TIME_WORDS),
            (&NOT_COUNTED_SET, NOT_COUNTED),
            (&NOT_PLURAL_SET, NOT_PLURAL),
            (&COLLECTIVE_NOUN_SET, COLLECTIVE_NOUNS),
            (&STOPWORD_SET, STOPWORDS),
            (&LY_ADJECTIVE_SET, LY_ADJECTIVES),
            (&LABEL_SET, LABELS),
            (&CAPITALISED_OK_SET, CAPITALISED_OK),
        ];
        let mut words: Vec<String> = vec![String::new(), "é".into(), "x".repeat(40)];
        for text in corpus() {
            words.extend(text.split(|c: char| !c.is_alphabetic()).map(str::to_owned));
        }
        for (set, list) in sets {
            for w in list {
                assert!(set.contains(w) && set.contains_ignore_ascii_case(&w.to_uppercase()));
            }
            for w in &words {
                assert_eq!(set.contains(w), list.contains(&w.as_str()), "{w:?}");
                assert_eq!(
                    set.contains_ignore_ascii_case(w),
                    list.iter().any(|l| l.eq_ignore_ascii_case(w)),
                    "{w:?}"
                );
            }
        }
    }

    fn skip_hspace_reference(text: &str, pos: usize) -> usize {
        let rest = text.get(pos..).unwrap_or("");
        pos + rest
            .chars()
            .take_while(|&c| is_hspace(c))
            .map(char::len_utf8)
            .sum::<usize>()
    }

    fn skip_ws_reference(text: &str, pos: usize) -> usize {
        let mut p = pos;
        let mut breaks = 0;
        for c in text.get(pos..).unwrap_or("").chars() {
            if c == '\n' {
                breaks += 1;
                if breaks > 1 {
                    break;
                }
            } else if !(is_hspace(c) || c == '\r') {
                break;
            }
            p += c.len_utf8();
        }
        p
    }

    fn skip_hspace_back_reference(text: &str, pos: usize, floor: usize) -> usize {
        let mut p = pos;
        while p > floor {
            match char_before(text, p) {
                Some(c) if is_hspace(c) => p -= c.len_utf8(),
                _ => break,
            }
        }
        p.max(floor)
    }

    fn skip_ws_back_reference(text: &str, pos: usize, floor: usize) -> usize {
        let mut p = pos;
        let mut breaks = 0;
        while p > floor {
            match char_before(text, p) {
                Some('\n') if breaks == 0 => {
                    breaks += 1;
                    p -= 1;
                }
                Some(c) if is_hspace(c) || c == '\r' => p -= c.len_utf8(),
                _ => break,
            }
        }
        p.max(floor)
    }

    #[test]
    fn back_skips_agree() {
        let mut texts = corpus();
        texts.push("x \t\u{a0}\u{2009}\u{202f}\r\n \n\n é\u{2007} \r\n\r\n".to_owned());
        for text in &texts {
            // Every byte offset, char boundary or not, and one past the end.
            for pos in 0..=text.len() + 1 {
                for floor in [0, pos.saturating_sub(3), pos, pos + 1] {
                    assert_eq!(
                        skip_hspace_back(text, pos, floor),
                        skip_hspace_back_reference(text, pos, floor),
                        "{pos} {floor}"
                    );
                    assert_eq!(
                        skip_ws_back(text, pos, floor),
                        skip_ws_back_reference(text, pos, floor),
                        "{pos} {floor}"
                    );
                }
            }
        }
    }

    /// `scale_word_after` as it was, before it matched bytes.
    fn scale_word_after_reference(text: &str, pos: usize) -> Option<(usize, Scale)> {
        let (start, hyphen) = separator_after(text, pos)?;
        let end = start + ascii_letters(text, start);
        if end == start || word_char_at(text, end) {
            return None;
        }
        let word = text.get(start..end)?;
        let lower = word.bytes().all(|b| b.is_ascii_lowercase());
        let upper = word.bytes().all(|b| b.is_ascii_uppercase());
        let capitalised = word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        if lower || upper || capitalised {
            for scale in [
                Scale::Thousand,
                Scale::Million,
                Scale::Billion,
                Scale::Trillion,
            ] {
                if scale.word().is_some_and(|w| w.eq_ignore_ascii_case(word)) {
                    return Some((end, scale));
                }
            }
        }
        if hyphen {
            return None;
        }
        let scale = match word {
            "bn" | "Bn" | "BN" | "bln" => Scale::Billion,
            "mn" | "mln" => Scale::Million,
            "tn" => Scale::Trillion,
            _ => return None,
        };
        Some((end, scale))
    }

    #[test]
    fn scale_word_after_agrees() {
        let mut texts = corpus();
        texts.push(
            "5 Million 5 MILLION 5 mIllion 5-billion 5-bn 5 bn 5 Bn 5 BN 5 bN 5 bln 5 BLN \
             5 mln 5 tn 5 TN 5 thousands 5 Trillion 5 TRILLION 5\u{a0}billion 5 \nmillion"
                .to_owned(),
        );
        let mut found = 0;
        for text in &texts {
            for pos in 0..=text.len() + 1 {
                let got = scale_word_after(text, pos);
                assert_eq!(got, scale_word_after_reference(text, pos), "at {pos}");
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 20, "{found}");
    }

    #[test]
    fn currency_and_after_digits_agree() {
        let mut texts = corpus();
        texts.push(
            "$5 US$5 U.S.$5 HK$5 x$5 .$5 _$5 $$5 5:30 5-6 5,000 5/7 5.5 5_ 5@ 5° 5bn 5m 5x \
             RMB5 (CNY 5) ALL5 5\u{a0}000 5\u{2009}5 5,a 5.a 5/ 5– 5—"
                .to_owned(),
        );
        let mut found = 0;
        for text in &texts {
            for end in 0..=text.len() + 1 {
                for floor in [0, end.saturating_sub(2)] {
                    let got = currency_ending_at(text, end, floor);
                    found += usize::from(got.is_some());
                    assert_eq!(
                        key(got),
                        key(currency_ending_at_reference(text, end, floor)),
                        "at {end} from {floor}"
                    );
                }
                let key = |a: After| match a {
                    After::Clean => (0, 0, None, false),
                    After::Reject => (1, 0, None, false),
                    After::Glued(e, s, single) => (2, e, Some(s), single),
                };
                assert_eq!(
                    key(after_digits(text, end)),
                    key(after_digits_read(text, end)),
                    "after {end}"
                );
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn word_at_agrees() {
        let mut texts = corpus();
        texts.push("low-income low-é é-x x-é xé é x- -x x--y a_b x1 x-1 ab-cd-ef ".to_owned());
        for text in &texts {
            for pos in 0..=text.len() + 1 {
                assert_eq!(word_at(text, pos), word_at_chars(text, pos), "at {pos}");
            }
        }
        for (words, _) in HEDGES {
            assert!(HEDGE_LAST_WORDS.contains(&words[words.len() - 1]));
        }
    }

    #[test]
    fn letter_and_digit_bits_classify_every_byte() {
        for b in 0..=255u8 {
            for filler in 0..=255u8 {
                for k in 0..8 {
                    let mut chunk = [filler; 8];
                    chunk[k] = b;
                    let (letters, digits) = letter_and_digit_bits(u64::from_le_bytes(chunk));
                    let bit = 0x80u64 << (8 * k);
                    assert_eq!(letters & bit != 0, b.is_ascii_alphabetic(), "{b:#x}");
                    let digit = b.is_ascii_digit() || (0x10..=0x19).contains(&b);
                    assert_eq!(digits & bit != 0, digit, "{b:#x}");
                }
            }
        }
    }

    #[test]
    fn skips_agree() {
        let mut texts = corpus();
        texts.push(" \t\u{a0}\u{2009}\u{202f}\r\n \n\n x\u{2007} é".to_owned());
        for text in &texts {
            // Every byte offset, char boundary or not, and one past the end.
            for pos in 0..=text.len() + 1 {
                assert_eq!(skip_hspace(text, pos), skip_hspace_reference(text, pos));
                assert_eq!(skip_ws(text, pos), skip_ws_reference(text, pos));
            }
        }
    }

    fn parse_run_reference(run: &str) -> Option<Decimal> {
        let (int, frac) = match run.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (run, None),
        };
        if frac.is_some_and(|f| f.contains(['.', ','])) {
            return None;
        }
        if !int.contains(',') {
            return parse_decimal(run);
        }
        let mut groups = int.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !groups.all(|g| g.len() == 3) {
            return None;
        }
        let plain: String = run.chars().filter(|&c| c != ',').collect();
        parse_decimal(&plain)
    }

    #[test]
    fn parse_run_agrees() {
        // Every string of up to seven bytes from `0`, `1`, `.` and `,`.
        let mut runs = vec![String::new()];
        for len in 1..=7 {
            for mut n in 0..4usize.pow(len) {
                let mut run = String::new();
                for _ in 0..len {
                    run.push(['0', '1', '.', ','][n % 4]);
                    n /= 4;
                }
                runs.push(run);
            }
        }
        // Long runs, near and past what the fast path reads.
        for len in 17..=22 {
            let digits = "9".repeat(len);
            runs.push(digits.clone());
            runs.push(format!("0.{digits}"));
            runs.push(format!("{}.{}", &digits[..len / 2], &digits[len / 2..]));
        }
        runs.extend(["15.50", "0.0", "000", "1.000", "10.25.3", "1,234.50"].map(String::from));
        for run in runs {
            let exact = |d: Option<Decimal>| d.map(|d| (d.mantissa(), d.scale()));
            assert_eq!(
                exact(parse_run(&run)),
                exact(parse_run_reference(&run)),
                "{run:?}"
            );
        }
    }

    #[test]
    fn word_char_tests_agree() {
        for text in corpus() {
            // Every byte offset, char boundary or not, and one past the end.
            for pos in 0..=text.len() + 1 {
                assert_eq!(
                    word_char_at(&text, pos),
                    char_at(&text, pos).is_some_and(is_word_char),
                    "at {pos}"
                );
                assert_eq!(
                    word_char_before(&text, pos),
                    char_before(&text, pos).is_some_and(is_word_char),
                    "before {pos}"
                );
            }
        }
    }
}
