//! Properties of extraction on arbitrary text: it never panics, and every
//! span is a valid, non-empty range on char boundaries whose words are the
//! claim's.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use claims::{ClaimKind, Extractor, Format, KnownName};
use facts::{EntityKind, TitleTable};
use proptest::prelude::*;

fn extractor() -> Extractor {
    let names = [
        ("Acme Corp", "acme", EntityKind::Organization),
        ("Acme", "acme", EntityKind::Organization),
        ("Jane Roe", "jane-roe", EntityKind::Person),
        ("Northwind", "northwind", EntityKind::Organization),
    ];
    Extractor::new(
        names.into_iter().map(|(name, entity, kind)| KnownName {
            name: name.into(),
            entity: entity.into(),
            kind,
        }),
        &TitleTable::default(),
    )
}

/// Text built from pieces that exercise every extractor, glued at random.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("$15.5 billion".to_owned()),
        Just("100 billion yuan ($ 15.5 billion)".to_owned()),
        Just("$20 billion yuan".to_owned()),
        Just("on Friday".to_owned()),
        Just("September 2, 2021".to_owned()),
        Just("last month".to_owned()),
        Just("more than half of".to_owned()),
        Just("two-thirds of".to_owned()),
        Just("the second quarter".to_owned()),
        Just("Jane Roe, CEO of Acme".to_owned()),
        Just("Acme's founder Jane Roe".to_owned()),
        Just("Nortwind".to_owned()),
        Just("---\npublished: 2021-09-04\n---\n".to_owned()),
        Just("```\n$9 billion\n```".to_owned()),
        Just("<!-- x -->".to_owned()),
        Just("[link](https://x.org/2021/09/04)".to_owned()),
        Just("张勇".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("٣٤".to_owned()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|parts| parts.join(" "))
}

fn check_spans(text: &str, format: Format) {
    let extraction = extractor().extract(text, format, None);
    for claim in &extraction.claims {
        let span = claim.span.clone();
        assert!(span.start < span.end, "empty span {span:?} in {text:?}");
        assert!(
            text.get(span.clone()).is_some(),
            "span {span:?} off char boundaries in {text:?}"
        );
        assert!(claim.sentence < extraction.sentences.len().max(1));
        if let ClaimKind::Mention(m) = &claim.kind {
            assert_eq!(m.span, span);
        }
    }
    for s in &extraction.sentences {
        assert!(text.get(s.span.clone()).is_some());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_extracts_without_panicking_and_spans_are_valid(text in "\\PC{0,200}") {
        check_spans(&text, Format::Text);
        check_spans(&text, Format::Markdown);
    }

    #[test]
    fn newsy_text_extracts_without_panicking_and_spans_are_valid(text in newsy()) {
        check_spans(&text, Format::Text);
        check_spans(&text, Format::Markdown);
    }
}
