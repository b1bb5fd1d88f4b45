//! The HTML report: one self-contained page for an editor. For each source,
//! its path, publication date and counts, then the article with every
//! discrepancy highlighted and, beside it, each one's explanation.
//!
//! Safety: the page has no JavaScript, no external resource and a
//! Content-Security-Policy that forbids scripts, images and connections
//! anyway. Every piece of text from articles, facts, paths and messages goes
//! through one escaping function, which first neutralises control and bidi
//! characters ([`crate::sanitize::neutralise`]), then escapes `&`, `<`, `>`,
//! `"` and `'`; attributes are always double-quoted. Element ids and links
//! are built from indices only, never from text.
//!
//! Overlapping spans are split at every span boundary: each piece of text is
//! wrapped in one `<mark>` per diagnostic covering it, nested outermost
//! first, and all are closed before the next piece, so the markup stays well
//! formed whatever the overlaps. The first piece of each diagnostic's mark
//! carries its id (`s{source}-m{diagnostic}`); its explanation has the id
//! `s{source}-d{diagnostic}`, and the two link to each other.

use std::borrow::Cow;
use std::cmp::Reverse;

use checker::{Checked, Diagnostic, Severity};

use crate::sanitize::neutralise;
use crate::{Lines, Span, Summary};

/// The page's Content-Security-Policy: nothing may load or run except the
/// inline style sheet.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f1; color: #1a1a1a;
  font: 15px/1.55 system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
header, main { max-width: 1500px; margin: 0 auto; padding: 12px 20px; }
h1 { font-size: 1.5em; margin: 0 0 4px; }
h2 { font-size: 1.15em; margin: 0; overflow-wrap: anywhere; }
a { color: #1a4fa0; }
.run { margin: 0 0 8px; font-weight: 600; }
nav ul { margin: 0 0 8px; padding-left: 20px; }
nav li { overflow-wrap: anywhere; }
.legend { margin: 0; color: #333; }
.source { background: #fff; border: 1px solid #cfcfc8; border-radius: 6px;
  padding: 14px 18px; margin: 0 0 20px; }
.meta { margin: 2px 0 12px; color: #333; }
.cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  gap: 22px; align-items: start; }
@media (max-width: 900px) { .cols { grid-template-columns: minmax(0, 1fr); } }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0;
  font-family: Georgia, "DejaVu Serif", "Noto Serif", serif; font-size: 15px; line-height: 1.8; }
.d { color: inherit; padding: 1px 0 5px; border-bottom: 3px solid; }
.d .d { padding-bottom: 0; }
.d.sev-error { background: #fbdcdc; border-bottom-color: #b3261e; border-bottom-style: solid; }
.d.sev-warning { background: #fdeeb8; border-bottom-color: #8a5300; border-bottom-style: dashed; }
.d.sev-note { background: #dbe7fd; border-bottom-color: #1d4ed8; border-bottom-style: dotted; }
.d:target { outline: 2px solid #1a1a1a; }
.lbl { outline: 1px dashed #444; outline-offset: 1px; }
.badge { display: inline-block; font: 600 11px/1.3 system-ui, "DejaVu Sans", sans-serif;
  padding: 1px 5px; border-radius: 3px; color: #fff; text-decoration: none;
  white-space: nowrap; vertical-align: 0.35em; margin: 0 2px; }
.badge.sev-error { background: #b3261e; }
.badge.sev-warning { background: #8a5300; }
.badge.sev-note { background: #1d4ed8; }
.diags { list-style: none; margin: 0; padding: 0 4px 0 0; position: sticky; top: 0;
  max-height: 100vh; overflow-y: auto; }
@media (max-width: 900px) { .diags { position: static; max-height: none; } }
@media print { .diags { position: static; max-height: none; overflow: visible; } }
.none { margin: 0; color: #333; font-style: italic; }
.diag { border: 1px solid #d8d8d2; border-left: 6px solid; border-radius: 4px;
  padding: 8px 12px; margin: 0 0 12px; background: #fbfbfa; }
.diag.sev-error { border-left-color: #b3261e; }
.diag.sev-warning { border-left-color: #8a5300; }
.diag.sev-note { border-left-color: #1d4ed8; }
.diag:target { outline: 2px solid #1a1a1a; }
.head { margin: 0 0 4px; }
.code { font: 600 13px/1.3 ui-monospace, "DejaVu Sans Mono", monospace; }
.loc { color: #444; font-size: 13px; }
.msg { margin: 0 0 6px; font-weight: 600; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 3px 10px;
  margin: 0; font-size: 14px; }
dt { font-weight: 600; color: #333; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
dd ul { margin: 0; padding-left: 16px; white-space: normal; }
"#;

/// The whole run as one HTML5 document.
pub fn render(checked: &[Checked]) -> String {
    let mut out = String::with_capacity(
        8192 + checked
            .iter()
            .map(|c| c.text.len() * 2 + c.diagnostics.len() * 1024)
            .sum::<usize>(),
    );
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.push_str(CONTENT_SECURITY_POLICY);
    out.push_str("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>Fact-check report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>Fact-check report</h1>\n");
    out.push_str("<p class=\"run\">");
    push_text(&mut out, &Summary::of(checked).line());
    out.push_str("</p>\n<nav aria-label=\"Sources\"><ul>\n");
    for (i, c) in checked.iter().enumerate() {
        out.push_str(&format!("<li><a href=\"#s{i}\">"));
        push_text(&mut out, &c.path);
        out.push_str("</a>: ");
        push_text(&mut out, &counts(&Summary::of(std::slice::from_ref(c))));
        out.push_str("</li>\n");
    }
    out.push_str("</ul></nav>\n<p class=\"legend\">Highlights: ");
    for (n, severity) in [Severity::Error, Severity::Warning, Severity::Note]
        .into_iter()
        .enumerate()
    {
        if n > 0 {
            out.push_str(", ");
        }
        let name = severity.as_str();
        out.push_str(&format!(
            "<span class=\"lgd d sev-{name}\">{}</span>",
            match severity {
                Severity::Error => "error (solid underline)",
                Severity::Warning => "warning (dashed underline)",
                Severity::Note => "note (dotted underline)",
            }
        ));
    }
    out.push_str(
        ", <span class=\"lbl\">related words</span>. \
         Each highlight ends with a numbered badge linking to its explanation.</p>\n",
    );
    out.push_str("</header>\n<main>\n");
    for (i, c) in checked.iter().enumerate() {
        push_source(&mut out, i, c, checked);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// "16 claims, 10 verified; 2 errors, 1 warning, 1 note".
fn counts(s: &Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} verified; {}, {}, {}",
        plural(s.claims, "claim"),
        s.verified,
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note"),
    )
}

fn push_source(out: &mut String, i: usize, c: &Checked, all: &[Checked]) {
    out.push_str(&format!("<section class=\"source\" id=\"s{i}\">\n<h2>"));
    push_text(out, &c.path);
    out.push_str("</h2>\n<p class=\"meta\">");
    if let Some(date) = c.extraction.published {
        out.push_str("Published ");
        push_text(out, &date.to_string());
        out.push_str(" · ");
    }
    // Claims and verified are `c.claim_count()` and `c.verified_count()`.
    push_text(out, &counts(&Summary::of(std::slice::from_ref(c))));
    out.push_str("</p>\n<div class=\"cols\">\n<div class=\"text\" aria-label=\"Article text\">");
    push_article(out, i, c);
    out.push_str("</div>\n");
    if c.diagnostics.is_empty() {
        out.push_str("<p class=\"none\">No discrepancies found.</p>\n");
    } else {
        out.push_str("<ol class=\"diags\">\n");
        let lines = Lines::new(&c.text);
        for (j, d) in c.diagnostics.iter().enumerate() {
            push_explanation(out, i, j, (c, &lines), d, all);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</div>\n</section>\n");
}

/// A highlighted range of the article.
struct Item {
    start: usize,
    end: usize,
    /// Index of the diagnostic in the source.
    diag: usize,
    /// The diagnostic's own span (a `<mark>`), or one of its labels.
    primary: bool,
}

/// The article text with every diagnostic's span in a `<mark>` and every
/// same-source label in a `<span class="lbl">`.
fn push_article(out: &mut String, i: usize, c: &Checked) {
    let text = c.text.as_str();
    let mut items = Vec::new();
    for (j, d) in c.diagnostics.iter().enumerate() {
        if text.get(d.span.clone()).is_some() {
            items.push(Item {
                start: d.span.start,
                end: d.span.end,
                diag: j,
                primary: true,
            });
        }
        for l in &d.labels {
            if l.path.is_none() && l.span.start < l.span.end && text.get(l.span.clone()).is_some() {
                items.push(Item {
                    start: l.span.start,
                    end: l.span.end,
                    diag: j,
                    primary: false,
                });
            }
        }
    }
    let mut bounds: Vec<usize> = items
        .iter()
        .flat_map(|it| [it.start, it.end])
        .chain([0, text.len()])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    for (k, &at) in bounds.iter().enumerate() {
        // Badges of the diagnostics whose words end here.
        for it in items
            .iter()
            .filter(|it| it.primary && it.end == at && it.start < at)
        {
            push_badge(out, i, it.diag, c);
        }
        // Diagnostics on no words at all: an empty mark and a badge.
        for it in items
            .iter()
            .filter(|it| it.primary && it.start == at && it.end == at)
        {
            push_mark_open(out, i, it.diag, c, true);
            out.push_str("</mark>");
            push_badge(out, i, it.diag, c);
        }
        let Some(&next) = bounds.get(k + 1) else {
            break;
        };
        let mut active: Vec<&Item> = items
            .iter()
            .filter(|it| it.start <= at && next <= it.end && it.start < it.end)
            .collect();
        active.sort_by_key(|it| (it.start, Reverse(it.end), !it.primary, it.diag));
        for it in &active {
            if it.primary {
                push_mark_open(out, i, it.diag, c, it.start == at);
            } else {
                out.push_str("<span class=\"lbl\" title=\"");
                let d = c.diagnostics.get(it.diag);
                let what = d
                    .and_then(|d| {
                        d.labels.iter().find(|l| {
                            l.path.is_none() && l.span.start == it.start && l.span.end == it.end
                        })
                    })
                    .map_or("", |l| l.message.as_str());
                push_text(out, &format!("related to {}: {what}", it.diag + 1));
                out.push_str("\">");
            }
        }
        push_text(out, text.get(at..next).unwrap_or(""));
        for it in active.iter().rev() {
            out.push_str(if it.primary { "</mark>" } else { "</span>" });
        }
    }
}

fn push_mark_open(out: &mut String, i: usize, j: usize, c: &Checked, first: bool) {
    let Some(d) = c.diagnostics.get(j) else {
        return;
    };
    let severity = d.severity.as_str();
    out.push_str(&format!("<mark class=\"d sev-{severity}\""));
    if first {
        out.push_str(&format!(" id=\"s{i}-m{j}\""));
    }
    out.push_str(" title=\"");
    push_text(
        out,
        &format!("{} {severity} {}: {}", j + 1, d.code, d.message),
    );
    out.push_str("\">");
}

fn push_badge(out: &mut String, i: usize, j: usize, c: &Checked) {
    let Some(d) = c.diagnostics.get(j) else {
        return;
    };
    let severity = d.severity.as_str();
    out.push_str(&format!(
        "<a class=\"badge sev-{severity}\" href=\"#s{i}-d{j}\" title=\"{} {severity}: see explanation\">{} {severity}</a>",
        j + 1,
        j + 1
    ));
}

fn push_explanation(
    out: &mut String,
    i: usize,
    j: usize,
    (c, lines): (&Checked, &Lines<'_>),
    d: &Diagnostic,
    all: &[Checked],
) {
    let severity = d.severity.as_str();
    let n = j + 1;
    out.push_str(&format!(
        "<li class=\"diag sev-{severity}\" id=\"s{i}-d{j}\">\n<p class=\"head\">"
    ));
    let located = c.text.get(d.span.clone()).is_some();
    if located {
        out.push_str(&format!(
            "<a class=\"badge sev-{severity}\" href=\"#s{i}-m{j}\" title=\"show in the text\">{n} {severity}</a>"
        ));
    } else {
        out.push_str(&format!(
            "<span class=\"badge sev-{severity}\">{n} {severity}</span>"
        ));
    }
    out.push_str(" <span class=\"code\">");
    push_text(out, d.code);
    out.push_str("</span> <span class=\"loc\">");
    if located {
        let at = lines.span(&d.span);
        push_text(out, &format!("line {}, column {}", at.line, at.column));
    } else {
        push_text(
            out,
            &format!(
                "bytes {}..{}: not a place in the text",
                d.span.start, d.span.end
            ),
        );
    }
    out.push_str("</span></p>\n<p class=\"msg\">");
    push_text(out, &d.message);
    out.push_str("</p>\n<dl>\n");
    push_field(out, "Found", Some(&format!("“{}”", d.found)));
    push_field(out, "Expected", d.expected.as_deref());
    push_field(out, "Fact", d.fact.as_deref());
    push_field(out, "Help", d.help.as_deref());
    if !d.labels.is_empty() {
        out.push_str("<dt>Related</dt><dd><ul>\n");
        for l in &d.labels {
            out.push_str("<li>");
            let (other, text) = match &l.path {
                None => (None, Some(c.text.as_str())),
                Some(path) => {
                    let k = all.iter().position(|o| &o.path == path);
                    (
                        Some((k, path.as_str())),
                        k.and_then(|k| all.get(k)).map(|o| o.text.as_str()),
                    )
                }
            };
            match other {
                Some((Some(k), path)) => {
                    out.push_str(&format!("<a href=\"#s{k}\">"));
                    push_text(out, path);
                    out.push_str("</a> ");
                }
                Some((None, path)) => {
                    push_text(out, path);
                    out.push(' ');
                }
                None => {}
            }
            let words = text.and_then(|t| t.get(l.span.clone()));
            match (text, words) {
                (Some(t), Some(words)) => {
                    let at = match other {
                        None => lines.span(&l.span),
                        Some(_) => Span::of(t, &l.span),
                    };
                    out.push_str("<span class=\"loc\">");
                    push_text(out, &format!("line {}, column {}", at.line, at.column));
                    out.push_str("</span> ");
                    push_text(out, &format!("“{words}”: {}", l.message));
                }
                _ => push_text(out, &l.message),
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul></dd>\n");
    }
    out.push_str("</dl>\n</li>\n");
}

fn push_field(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        out.push_str("<dt>");
        push_text(out, name);
        out.push_str("</dt><dd>");
        push_text(out, value);
        out.push_str("</dd>\n");
    }
}

/// Appends `text` safe for HTML text and double-quoted attribute values:
/// line breaks normalised to `\n`, control and bidi characters neutralised,
/// then `&`, `<`, `>`, `"` and `'` escaped.
fn push_text(out: &mut String, text: &str) {
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    for ch in neutralise(&text).chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            ch => out.push(ch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, text);
        out
    }

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            escaped(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn neutralises_controls_and_bidi() {
        assert_eq!(escaped("a\u{1b}[31mb\u{202E}c"), "a?[31mb???c");
        assert_eq!(escaped("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(escaped("tab\tand\nnewline"), "tab\tand\nnewline");
    }
}
