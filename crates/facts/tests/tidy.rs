//! Keeps the repository's `facts/` folder to its conventions. Each failure
//! says how to fix it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::collections::BTreeSet;
use std::path::Path;

use facts::FactBase;

fn story() -> FactBase {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../facts");
    match facts::load_dir(&dir) {
        Ok(base) => base,
        Err(err) => {
            panic!("facts/ does not load; run `cargo run -- facts check` to see why: {err:?}")
        }
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn ids_are_lowercase_kebab_case() {
    let base = story();
    let ids = base
        .entities
        .iter()
        .map(|e| (&e.id, &e.origin))
        .chain(base.quantities.iter().map(|q| (&q.id, &q.origin)))
        .chain(base.events.iter().map(|e| (&e.id, &e.origin)))
        .chain(base.rates.iter().map(|r| (&r.id, &r.origin)));
    let bad: Vec<String> = ids
        .filter(|(id, _)| !is_kebab(id))
        .map(|(id, at)| format!("{at}: `{id}`"))
        .collect();
    assert!(
        bad.is_empty(),
        "rename these ids to lowercase kebab-case (a-z, 0-9, single dashes):\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_fact_has_a_source() {
    let base = story();
    let missing: Vec<String> = base
        .entities
        .iter()
        .filter(|e| e.source.is_none())
        .map(|e| format!("{}: entity `{}`", e.origin, e.id))
        .chain(
            base.quantities
                .iter()
                .filter(|q| q.source.is_none())
                .map(|q| format!("{}: quantity `{}`", q.origin, q.id)),
        )
        .chain(
            base.events
                .iter()
                .filter(|e| e.source.is_none())
                .map(|e| format!("{}: event `{}`", e.origin, e.id)),
        )
        .chain(
            base.rates
                .iter()
                .filter(|r| r.source.is_none())
                .map(|r| format!("{}: rate `{}`", r.origin, r.id)),
        )
        .collect();
    assert!(
        missing.is_empty(),
        "add `source: <URL of the evidence>` to:\n{}",
        missing.join("\n")
    );
    let not_urls: Vec<String> = base
        .entities
        .iter()
        .filter_map(|e| e.source.as_ref().map(|s| (s, &e.origin)))
        .chain(
            base.quantities
                .iter()
                .filter_map(|q| q.source.as_ref().map(|s| (s, &q.origin))),
        )
        .chain(
            base.events
                .iter()
                .filter_map(|e| e.source.as_ref().map(|s| (s, &e.origin))),
        )
        .chain(
            base.rates
                .iter()
                .filter_map(|r| r.source.as_ref().map(|s| (s, &r.origin))),
        )
        .filter(|(s, _)| !(s.starts_with("https://") || s.starts_with("http://")))
        .map(|(s, at)| format!("{at}: `{s}`"))
        .collect();
    assert!(
        not_urls.is_empty(),
        "a source is the URL of the evidence (http:// or https://):\n{}",
        not_urls.join("\n")
    );
}

#[test]
fn every_entity_is_referenced_or_referencing() {
    let base = story();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    used.extend(base.quantities.iter().map(|q| q.subject.as_str()));
    used.extend(base.events.iter().map(|e| e.subject.as_str()));
    for e in &base.entities {
        if !e.roles.is_empty() {
            used.insert(&e.id);
        }
        used.extend(e.roles.iter().filter_map(|r| r.of.as_deref()));
    }
    let orphans: Vec<String> = base
        .entities
        .iter()
        .filter(|e| !used.contains(e.id.as_str()))
        .map(|e| format!("{}: `{}`", e.origin, e.id))
        .collect();
    assert!(
        orphans.is_empty(),
        "these entities are neither the subject of a fact, the `of` of a role, nor hold roles; \
         add the fact that concerns them or remove them:\n{}",
        orphans.join("\n")
    );
}

#[test]
fn kebab_case_rule() {
    assert!(is_kebab("alibaba-pledge-2021"));
    assert!(!is_kebab("Alibaba"));
    assert!(!is_kebab("alibaba_pledge"));
    assert!(!is_kebab("a--b"));
}

/// Rust files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_name_of_the_story_appears_in_library_or_binary_code() {
    let base = story();
    let names: BTreeSet<&str> = base
        .entities
        .iter()
        // Countries and cities are general knowledge of news language
        // ("U.S. dollars"); people, organisations and programmes are not.
        .filter(|e| e.kind != facts::EntityKind::Place)
        .flat_map(|e| e.names())
        .filter(|n| n.chars().count() >= 4)
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["crates", "xtask"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut found = Vec::new();
    for file in files {
        let shown = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        // Tests and their fixtures may name the story; the code may not.
        if shown.contains("/tests/") || shown.contains("/benches/") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for name in &names {
                if line.contains(name) {
                    found.push(format!("{shown}:{}: `{name}`", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "code outside tests names the bundled story; move that knowledge into facts/ \
         or use an invented example:\n{}",
        found.join("\n")
    );
}
