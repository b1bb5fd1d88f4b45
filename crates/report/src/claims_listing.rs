//! `factcheck claims`: every claim of one article with its span, value,
//! subject and verdict, as a table or as JSON (version 1).

use checker::{Checked, Verdict};
use claims::{Claim, ClaimKind, Resolved};
use facts::Unit;
use serde::Serialize;

use crate::sanitize::neutralise;
use crate::{Lines, Span};

fn amount_value(a: &claims::Amount) -> String {
    let value = a
        .number
        .checked_mul(a.scale.factor())
        .map_or_else(|| a.number.to_string(), |v| v.normalize().to_string());
    match &a.unit {
        Some(Unit::Currency(c)) => format!("{value} {c}"),
        Some(Unit::Percent) => format!("{value} percent"),
        Some(Unit::Noun(n)) => format!("{value} {n}"),
        None => value,
    }
}

/// A claim's normalised value, as listed.
pub fn value(claim: &Claim) -> String {
    match &claim.kind {
        ClaimKind::Amount(a) => amount_value(a),
        ClaimKind::Conversion { from, to } => {
            format!("{} = {}", amount_value(from), amount_value(to))
        }
        ClaimKind::Malformed { amount, currencies } => {
            let mut a = amount.clone();
            a.unit = None;
            format!("{} {}", amount_value(&a), currencies.join("|"))
        }
        ClaimKind::Date { resolved, .. } => match resolved {
            Resolved::Date(d) => d.to_string(),
            Resolved::Period(p) => p.to_string(),
            Resolved::Unresolved => "unresolved".into(),
        },
        ClaimKind::Role { role, person, org } => {
            let titles: Vec<&str> = role.titles.iter().map(|(t, _)| &**t).collect();
            let tense = match role.tense {
                claims::Tense::Current => "now",
                claims::Tense::Started => "became",
                claims::Tense::Past => "was",
            };
            format!(
                "{} {tense} {}{}",
                person.as_deref().unwrap_or("?"),
                titles.join(" and "),
                org.as_deref()
                    .map(|o| format!(" of {o}"))
                    .unwrap_or_default()
            )
        }
        ClaimKind::Mention(m) => String::from(&*m.entity),
        ClaimKind::Misspelling(m) => format!("~{} ({})", m.closest, m.entity),
    }
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "verified",
        Verdict::Contradicted => "contradicted",
        Verdict::Unverified => "unverified",
    }
}

#[derive(Serialize)]
struct Listed {
    kind: &'static str,
    text: String,
    span: Span,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<String>,
}

#[derive(Serialize)]
struct Listing<'a> {
    version: u32,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    claims: Vec<Listed>,
}

fn listed(c: &Checked) -> Vec<Listed> {
    let lines = Lines::new(&c.text);
    c.extraction
        .claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            let is_mention = matches!(claim.kind, ClaimKind::Mention(_));
            Listed {
                kind: claim.kind_name(),
                text: c.text.get(claim.span.clone()).unwrap_or("").to_owned(),
                span: lines.span(&claim.span),
                value: value(claim),
                subject: if is_mention {
                    None
                } else {
                    claim.subject.as_ref().map(|s| String::from(&*s.entity))
                },
                verdict: if is_mention {
                    None
                } else {
                    c.verdicts.get(i).map(|v| verdict_name(*v))
                },
                fact: c
                    .matches
                    .get(i)
                    .and_then(|m| m.as_ref())
                    .map(|m| String::from(&*m.fact)),
            }
        })
        .collect()
}

/// The listing as JSON, ending in a newline.
pub fn json(c: &Checked) -> String {
    let listing = Listing {
        version: 1,
        path: &c.path,
        published: c.extraction.published.map(|d| d.to_string()),
        claims: listed(c),
    };
    let mut out = serde_json::to_string_pretty(&listing).unwrap_or_default();
    out.push('\n');
    out
}

/// The listing as an aligned table, one claim a line.
pub fn human(c: &Checked) -> String {
    let mut out = String::new();
    for l in listed(c) {
        let text = neutralise(&l.text).replace('\n', " ");
        let mut line = format!(
            "{}:{}:{}  {:<15} {:?} = {}",
            neutralise(&c.path),
            l.span.line,
            l.span.column,
            l.kind,
            text,
            neutralise(&l.value)
        );
        if let Some(s) = &l.subject {
            line.push_str(&format!("  [{s}]"));
        }
        if let Some(v) = l.verdict {
            line.push_str(&format!("  {v}"));
        }
        if let Some(f) = &l.fact {
            line.push_str(&format!(" ({f})"));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}
