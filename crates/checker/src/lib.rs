//! Cross-validation: claims against the facts and against each other.
//!
//! [`Checker::check`] extracts one article's claims, matches them to facts
//! ([`matching`]), and runs every check of [`checks::CHECKS`] over them; then
//! [`cross_check`] compares the articles of one run with each other. Each
//! check lives in its own file under `checks/`, with its documentation and
//! tests. The checker decides truth but renders nothing.

pub mod checks;
mod cues;
pub mod matching;
pub mod numbers;
pub mod suppress;

use std::ops::Range;

pub use claims::Workload;
use claims::{Claim, ClaimKind, Extraction, Extractor, Format};
use facts::{FactBase, FactDate};
use serde::Serialize;

/// How serious a discrepancy is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; not a factual error.
    Note,
    /// Misleading, outdated or inconsistent; defensible readings exist.
    Warning,
    /// Contradicted by the facts.
    Error,
}

impl Severity {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Reads `error`, `warning` or `note`.
    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "note" => Some(Severity::Note),
            _ => None,
        }
    }
}

/// A secondary place a diagnostic points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Byte range.
    pub span: Range<usize>,
    /// What is there.
    pub message: String,
    /// Another source's path, when the label points into another article.
    pub path: Option<String>,
}

/// One discrepancy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable code (`amount-mismatch`...).
    pub code: &'static str,
    /// How serious.
    pub severity: Severity,
    /// One sentence: what is wrong.
    pub message: String,
    /// The claim's words.
    pub span: Range<usize>,
    /// What the article says, as written.
    pub found: String,
    /// What it should say, if known.
    pub expected: Option<String>,
    /// The fact that says so.
    pub fact: Option<String>,
    /// Related places: the other half of a conversion, the parts of a sum,
    /// the conflicting source.
    pub labels: Vec<Label>,
    /// The arithmetic, the fact's source, the fix.
    pub help: Option<String>,
}

/// What became of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// A fact or a cross-check confirms it.
    Verified,
    /// A diagnostic contradicts it.
    Contradicted,
    /// Nothing could tell.
    Unverified,
}

/// An article to check.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as shown in reports.
    pub path: String,
    /// The text as read.
    pub text: String,
}

/// One article's results.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The path as shown in reports.
    pub path: String,
    /// The text as read.
    pub text: String,
    /// What was extracted.
    pub extraction: Extraction,
    /// What each claim matched, if anything.
    pub matches: Vec<Option<matching::Match>>,
    /// Each claim's verdict, by index into `extraction.claims`.
    pub verdicts: Vec<Verdict>,
    /// The discrepancies, in span order.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics silenced by suppressions or a baseline.
    pub suppressed: usize,
}

impl Checked {
    /// Claims counted in reports: statements, not bare mentions.
    pub fn counted(&self) -> impl Iterator<Item = (usize, &Claim)> {
        self.extraction
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| !matches!(c.kind, claims::ClaimKind::Mention(_)))
    }

    /// The number of claims counted.
    pub fn claim_count(&self) -> usize {
        self.counted().count()
    }

    /// The number of counted claims verified.
    pub fn verified_count(&self) -> usize {
        self.counted()
            .filter(|(i, _)| self.verdicts.get(*i) == Some(&Verdict::Verified))
            .count()
    }
}

/// Everything a check may look at for one article.
pub struct Context<'a> {
    /// The fact base.
    pub facts: &'a FactBase,
    /// The article's text.
    pub text: &'a str,
    /// What was extracted.
    pub extraction: &'a Extraction,
    /// The fact each claim matched.
    pub matches: &'a [Option<matching::Match>],
}

impl Context<'_> {
    /// The claims.
    pub fn claims(&self) -> &[Claim] {
        &self.extraction.claims
    }

    /// The words of a span.
    pub fn words(&self, span: &Range<usize>) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// The publication date.
    pub fn published(&self) -> Option<FactDate> {
        self.extraction.published
    }

    /// The event claim `i` was matched to, with the match.
    pub fn matched_event(&self, i: usize) -> Option<(&matching::Match, &facts::Event)> {
        let m = self.matches.get(i)?.as_ref()?;
        match m.kind {
            matching::FactKind::Event(e) => Some((m, self.facts.events.get(e)?)),
            matching::FactKind::Quantity(_) => None,
        }
    }

    /// The quantity claim `i` was matched to, with the match.
    pub fn matched_quantity(&self, i: usize) -> Option<(&matching::Match, &facts::Quantity)> {
        let m = self.matches.get(i)?.as_ref()?;
        match m.kind {
            matching::FactKind::Quantity(q) => Some((m, self.facts.quantities.get(q)?)),
            matching::FactKind::Event(_) => None,
        }
    }

    /// "fact `id` (facts/x.yaml:3:5), source: URL".
    pub fn cite(&self, fact: &str) -> String {
        let mut out = String::new();
        self.cite_into(&mut out, fact);
        out
    }

    /// [`Context::cite`], appended to `out`: written piece by piece, without
    /// the formatting machinery, in the buffer the diagnostic keeps.
    pub fn cite_into(&self, out: &mut String, fact: &str) {
        let provenance = self.facts.provenance(fact);
        let url = provenance.and_then(|(url, _)| url);
        out.reserve(fact.len() + url.map_or(0, str::len) + 64);
        out.push_str("fact `");
        out.push_str(fact);
        out.push('`');
        let Some((_, origin)) = provenance else {
            return;
        };
        out.push_str(" (");
        out.push_str(&origin.file);
        out.push(':');
        numbers::push_uint(out, u64::try_from(origin.line).unwrap_or(u64::MAX));
        out.push(':');
        numbers::push_uint(out, u64::try_from(origin.column).unwrap_or(u64::MAX));
        out.push(')');
        if let Some(url) = url {
            out.push_str(", source: ");
            out.push_str(url);
        }
    }
}

/// What a check found: diagnostics, and claims it confirmed or contradicted.
#[derive(Debug, Default)]
pub struct Findings {
    /// Discrepancies, each with the claims it contradicts.
    pub diagnostics: Vec<(Diagnostic, Vec<usize>)>,
    /// Claims confirmed.
    pub verified: Vec<usize>,
}

/// Checks articles against one fact base. Built once per run (the
/// extractor's automata are built here) and shared across threads.
pub struct Checker<'a> {
    facts: &'a FactBase,
    extractor: Extractor,
    index: matching::FactIndex,
    /// How ambiguous currencies read here (see [`currency_readings`]).
    readings: Vec<(&'static str, &'static str)>,
}

/// Currency writings several currencies share: the currency the scanner
/// reads them as (flagging them ambiguous), and the others they can mean.
/// "¥" is yuan or yen; "pesos" are Mexican unless a fact base counts in
/// another peso alone, "$" and "dollars" American unless it counts in
/// another dollar alone (a Canadian story's "$4 billion"), "rupees" Indian
/// unless it counts in another rupee alone.
const FAMILIES: [(&str, &[&str]); 12] = [
    ("CNY", &["JPY"]),
    (
        "USD",
        &[
            "AUD", "CAD", "NZD", "SGD", "HKD", "TWD", "JMD", "TTD", "BSD", "NAD", "FJD", "LRD",
        ],
    ),
    ("INR", &["PKR", "LKR", "NPR", "MUR", "SCR"]),
    ("GBP", &["EGP", "LBP", "SYP", "SDG", "SSP"]),
    ("MXN", &["ARS", "CLP", "COP", "PHP", "UYU", "DOP"]),
    ("SEK", &["DKK", "NOK", "CZK", "ISK"]),
    ("DKK", &["NOK"]),
    ("CHF", &["XOF", "XAF"]),
    ("AED", &["MAD"]),
    ("SAR", &["QAR", "OMR"]),
    ("ZMW", &["MWK"]),
    ("KES", &["UGX", "TZS", "SOS"]),
];

/// How this fact base reads ambiguous writings: a family's first currency
/// as another one of the family when the base counts in that one and in
/// no other of the family ("¥" is yen in a base of yen and no yuan).
fn currency_readings(facts: &FactBase) -> Vec<(&'static str, &'static str)> {
    let mut codes: Vec<&str> = facts
        .quantities
        .iter()
        .flat_map(|q| std::iter::once(&q.value).chain(&q.accept))
        .filter_map(|a| match &a.unit {
            facts::Unit::Currency(code) => Some(code.as_str()),
            _ => None,
        })
        .chain(
            facts
                .rates
                .iter()
                .flat_map(|r| [r.base.as_str(), r.quote.as_str()]),
        )
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let counts = |code: &str| codes.binary_search(&code).is_ok();
    FAMILIES
        .iter()
        .filter(|(first, _)| !counts(first))
        .filter_map(|&(first, others)| {
            let mut used = others.iter().filter(|c| counts(c));
            match (used.next(), used.next()) {
                (Some(&other), None) => Some((first, other)),
                _ => None,
            }
        })
        .collect()
}

/// Reads every ambiguous currency of `extraction` as `readings` say.
fn read_currencies(extraction: &mut Extraction, readings: &[(&str, &str)]) {
    let read = |a: &mut claims::Amount| {
        if !a.ambiguous_currency {
            return;
        }
        let Some(facts::Unit::Currency(code)) = &mut a.unit else {
            return;
        };
        if let Some((_, other)) = readings.iter().find(|(first, _)| first == code) {
            *code = (*other).to_owned();
        }
    };
    for claim in &mut extraction.claims {
        match &mut claim.kind {
            ClaimKind::Amount(a) | ClaimKind::Malformed { amount: a, .. } => read(a),
            ClaimKind::Conversion { from, to } => {
                read(from);
                read(to);
            }
            _ => {}
        }
    }
}

impl<'a> Checker<'a> {
    /// A checker for this fact base.
    pub fn new(facts: &'a FactBase) -> Checker<'a> {
        Checker::for_workload(facts, Workload::Few)
    }

    /// Like [`Checker::new`], with automata built for `workload`
    /// ([`Workload::of_sources`]).
    pub fn for_workload(facts: &'a FactBase, workload: Workload) -> Checker<'a> {
        Checker {
            facts,
            extractor: Extractor::for_facts_and_workload(facts, workload),
            index: matching::FactIndex::for_workload(facts, workload),
            readings: currency_readings(facts),
        }
    }

    /// The extractor, for listing claims.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// Checks one article. `published` overrides its front matter.
    pub fn check(&self, source: Source, published: Option<FactDate>) -> Checked {
        let format = Format::from_path(&source.path);
        let mut extraction = self.extractor.extract(&source.text, format, published);
        if !self.readings.is_empty() {
            read_currencies(&mut extraction, &self.readings);
        }
        let matches = matching::match_all(self.facts, &self.index, &source.text, &extraction);
        let mut verdicts = vec![Verdict::Unverified; extraction.claims.len()];
        let mut diagnostics = Vec::new();
        {
            let ctx = Context {
                facts: self.facts,
                text: &source.text,
                extraction: &extraction,
                matches: &matches,
            };
            let mut contradicted = Vec::new();
            for check in checks::CHECKS {
                let found = (check.run)(&ctx);
                for i in found.verified {
                    if let Some(v) = verdicts.get_mut(i) {
                        *v = Verdict::Verified;
                    }
                }
                for (d, claims) in found.diagnostics {
                    contradicted.extend(claims);
                    diagnostics.push(d);
                }
            }
            for i in contradicted {
                if let Some(v) = verdicts.get_mut(i) {
                    *v = Verdict::Contradicted;
                }
            }
        }
        sort(&mut diagnostics);
        let mut checked = Checked {
            path: source.path,
            text: source.text,
            extraction,
            matches,
            verdicts,
            diagnostics,
            suppressed: 0,
        };
        suppress::apply(&mut checked);
        checked
    }
}

/// Diagnostics in span order, then by code, so output never depends on the
/// order checks ran in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.code,
            &b.message,
        ))
    });
}

/// Compares the articles of one run with each other and adds
/// `cross-source-conflict` diagnostics.
pub fn cross_check(facts: &FactBase, checked: &mut [Checked]) {
    checks::cross_source_conflict::run(facts, checked);
    for c in checked.iter_mut() {
        suppress::refilter(c);
        sort(&mut c.diagnostics);
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one article against a small fact base, for the checks' tests.

    use crate::{Checker, Source};

    /// `severity "found": message` for each diagnostic with `code`.
    pub fn check(facts_yaml: &str, article: &str, code: &str) -> Vec<String> {
        let base =
            facts::load_strs([("facts.yaml", facts_yaml)]).unwrap_or_else(|e| panic!("{e:?}"));
        let checker = Checker::new(&base);
        let checked = checker.check(
            Source {
                path: "article.txt".into(),
                text: article.into(),
            },
            None,
        );
        checked
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| format!("{} \"{}\": {}", d.severity.as_str(), d.found, d.message))
            .collect()
    }

    /// [`check`] of `body` published on `published`.
    pub fn check_published(
        facts_yaml: &str,
        published: &str,
        body: &str,
        code: &str,
    ) -> Vec<String> {
        check(
            facts_yaml,
            &format!("---\npublished: {published}\n---\n{body}\n"),
            code,
        )
    }
}

#[cfg(test)]
mod verified_by_tests {
    use crate::{Checker, Source, Verdict};

    /// A claim that agrees with one of two close candidates is verified by
    /// that one, not by the other that scored a point higher.
    #[test]
    fn a_claim_is_verified_by_the_fact_it_agrees_with() {
        let yaml = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: zenith, subject: acme, what: cut in trial A, cues: [reduced, trial a], value: 47% }
  - { id: aurora, subject: acme, what: cut in trial B, cues: [reduced, trial b], value: 38% }
";
        let base = facts::load_strs([("facts.yaml", yaml)]).unwrap_or_else(|e| panic!("{e:?}"));
        let checked = Checker::new(&base).check(
            Source {
                path: "a.txt".into(),
                text: "Acme's drug reduced attacks by 47%.".into(),
            },
            None,
        );
        let verified: Vec<&str> = checked
            .matches
            .iter()
            .zip(&checked.verdicts)
            .filter(|(_, v)| **v == Verdict::Verified)
            .filter_map(|(m, _)| m.as_ref().map(|m| &*m.fact))
            .collect();
        assert_eq!(verified, ["zenith"]);
    }
}

#[cfg(test)]
mod cite_tests {
    use crate::Context;

    #[test]
    fn cite_is_the_formatted_reference() {
        let yaml = "\
entities:
  - { id: acme, kind: organization, name: Acme, source: https://example.com/a }
quantities:
  - { id: acme-pledge, subject: acme, what: the pledge, cues: [pledged], value: 50 billion CNY }
";
        let base = facts::load_strs([("facts/x.yaml", yaml)]).unwrap_or_else(|e| panic!("{e:?}"));
        let extraction =
            crate::Checker::new(&base)
                .extractor()
                .extract("", claims::Format::Text, None);
        let ctx = Context {
            facts: &base,
            text: "",
            extraction: &extraction,
            matches: &[],
        };
        // The way `cite` was first written.
        let reference = |fact: &str| match base.provenance(fact) {
            Some((Some(url), origin)) => format!("fact `{fact}` ({origin}), source: {url}"),
            Some((None, origin)) => format!("fact `{fact}` ({origin})"),
            None => format!("fact `{fact}`"),
        };
        for fact in ["acme", "acme-pledge", "nothing"] {
            assert_eq!(ctx.cite(fact), reference(fact));
        }
        assert!(ctx.cite("acme").contains("source: https://example.com/a"));
    }
}
