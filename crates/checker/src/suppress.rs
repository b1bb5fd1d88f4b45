//! Inline suppression: `<!-- factcheck-ignore CODE: reason -->` silences
//! diagnostics of CODE (or `all`) in the paragraph that follows the
//! comment. A suppression must say why; one that does not is itself a
//! warning, and suppresses nothing.

use std::ops::Range;

use crate::{Checked, Diagnostic, Severity};

/// The code of the warning for a suppression without a reason.
pub const UNEXPLAINED: &str = "suppression-without-reason";

/// An inline suppression found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The comment.
    pub span: Range<usize>,
    /// The code it silences, or `all`.
    pub code: String,
    /// Why (empty when missing).
    pub reason: String,
    /// The paragraph it applies to.
    pub scope: Range<usize>,
}

/// The end of the paragraph that starts after `from`: the first blank line
/// after some text.
fn paragraph_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let mut seen_text = false;
    let mut offset = from;
    for line in rest.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank && seen_text {
            return offset;
        }
        seen_text |= !blank;
        offset += line.len();
    }
    text.len()
}

/// Every `factcheck-ignore` comment in `text`.
pub fn find(text: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    // Every suppression holds the marker, and almost no article does:
    // `contains` runs a vectorised search, where the comment walk below
    // (`find` of `<!--`) reads the text byte by byte.
    if !text.contains("factcheck-ignore") {
        return out;
    }
    let mut pos = 0;
    while let Some(i) = text.get(pos..).and_then(|t| t.find("<!--")) {
        let start = pos + i;
        let body = start + 4;
        let Some(after_open) = text.get(body..) else {
            break;
        };
        // `<!-->` and `<!--->` are whole (empty) comments, as in HTML: the
        // closing `-->` must not overlap the opening `<!--`.
        if let Some(empty) = ["->", ">"].iter().find(|e| after_open.starts_with(**e)) {
            pos = body + empty.len();
            continue;
        }
        let Some(j) = after_open.find("-->") else {
            break;
        };
        let end = body + j + 3;
        let inner = after_open.get(..j).unwrap_or("").trim();
        pos = end;
        let Some(rest) = inner.strip_prefix("factcheck-ignore") else {
            continue;
        };
        let (code, reason) = match rest.split_once(':') {
            Some((c, r)) => (c.trim(), r.trim()),
            None => (rest.trim(), ""),
        };
        if code.is_empty() {
            continue;
        }
        out.push(Suppression {
            span: start..end,
            code: code.to_owned(),
            reason: reason.to_owned(),
            scope: end..paragraph_end(text, end),
        });
    }
    out
}

/// Warns about the article's suppressions without a reason, and applies
/// the others. Run once per article.
pub fn apply(checked: &mut Checked) {
    let suppressions = find(&checked.text);
    if suppressions.is_empty() {
        return;
    }
    let mut warnings = Vec::new();
    for s in &suppressions {
        if s.reason.is_empty() {
            warnings.push(Diagnostic {
                code: UNEXPLAINED,
                severity: Severity::Warning,
                message: format!(
                    "`factcheck-ignore {}` gives no reason, so it suppresses nothing",
                    s.code
                ),
                span: s.span.clone(),
                found: checked.text.get(s.span.clone()).unwrap_or("").to_owned(),
                expected: Some(format!(
                    "<!-- factcheck-ignore {}: why the finding does not apply -->",
                    s.code
                )),
                fact: None,
                labels: Vec::new(),
                help: Some(
                    "say why after a colon; the reason is kept with the article for reviewers"
                        .into(),
                ),
            });
        }
    }
    filter(checked, &suppressions);
    checked.diagnostics.extend(warnings);
    crate::sort(&mut checked.diagnostics);
}

/// Removes and counts the diagnostics covered by reasoned suppressions
/// (again after cross-source checks have added theirs).
pub fn refilter(checked: &mut Checked) {
    let suppressions = find(&checked.text);
    filter(checked, &suppressions);
}

fn filter(checked: &mut Checked, suppressions: &[Suppression]) {
    let before = checked.diagnostics.len();
    checked.diagnostics.retain(|d| {
        !suppressions.iter().any(|s| {
            !s.reason.is_empty()
                && (s.code == d.code || s.code == "all")
                && d.span.start >= s.scope.start
                && d.span.end <= s.scope.end
        })
    });
    checked.suppressed += before - checked.diagnostics.len();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_their_paragraph() {
        let text = "Intro.\n\n<!-- factcheck-ignore amount-mismatch: the draft figure -->\nA line\nand more.\n\nNext paragraph.";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "amount-mismatch");
        assert_eq!(found[0].reason, "the draft figure");
        assert_eq!(text[found[0].scope.clone()].trim(), "A line\nand more.");
        let bare = find("<!-- factcheck-ignore all -->\nx");
        assert_eq!(bare[0].code, "all");
        assert!(bare[0].reason.is_empty());
        assert!(find("<!-- a comment --> <!-- unterminated").is_empty());
    }

    /// Found by fuzzing (`render`): `<!--->` used to slice backwards.
    #[test]
    fn empty_and_overlapping_comments() {
        for text in [
            "<!--->",
            "<!-->",
            "<!--",
            "<!---",
            "<!---->",
            "x<!--->y<!-- ->",
            "<!--\u{e9}->",
        ] {
            assert!(find(text).is_empty(), "{text:?}");
        }
        let after = find("<!---> <!-- factcheck-ignore date-mismatch: checked -->\nx");
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].reason, "checked");
        let inside = find("<!--factcheck-ignore all: why-->");
        assert_eq!(
            (inside[0].code.as_str(), inside[0].reason.as_str()),
            ("all", "why")
        );
    }
}
