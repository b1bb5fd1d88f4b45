//! Tidy checks on the repository's data, run as ordinary tests. Each failure
//! says how to fix it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::root;

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

/// The front matter lines and the body of a source file.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    Some((&rest[..end], &rest[end + 5..]))
}

#[test]
fn every_source_has_front_matter_with_published_and_outlet() {
    let sources = files_in(&root().join("sources"));
    assert!(!sources.is_empty(), "sources/ holds no article");
    for path in sources {
        let name = path.display();
        assert!(
            matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            ),
            "{name}: sources are .txt or .md files"
        );
        let text = fs::read_to_string(&path).unwrap_or_default();
        let Some((front, _)) = split_front_matter(&text) else {
            panic!(
                "{name}: start the file with front matter: ---\\npublished: YYYY-MM-DD\\noutlet: ...\\n---"
            )
        };
        for key in ["published: ", "outlet: "] {
            assert!(
                front.lines().any(|l| l.starts_with(key)),
                "{name}: add `{key}...` to the front matter"
            );
        }
    }
}

#[test]
fn seed_sources_keep_the_seed_text_verbatim() {
    let seeds = root().join("../shared/seeds");
    for path in files_in(&root().join("sources")) {
        let text = fs::read_to_string(&path).unwrap_or_default();
        let Some((front, body)) = split_front_matter(&text) else {
            continue;
        };
        let Some(seed) = front.lines().find_map(|l| l.strip_prefix("seed: ")) else {
            continue;
        };
        let seed_path = seeds.join(seed.trim());
        // The seeds live beside the repository (../shared); a clone elsewhere
        // has only the sources, whose text this test cannot compare.
        let Ok(original) = fs::read_to_string(&seed_path) else {
            continue;
        };
        assert!(
            body == original,
            "{}: the article text differs from {}; sources keep the seed text unchanged",
            path.display(),
            seed_path.display()
        );
    }
}
