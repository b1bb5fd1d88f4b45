//! Replays every saved fuzz input (`fuzz/corpus/*` and crash files in
//! `fuzz/artifacts/*`) through the same harness the fuzz targets use, so
//! CI guards every crash fuzzing ever found without needing nightly.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

#[path = "../../../fuzz/harness.rs"]
mod harness;

use std::path::Path;

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("facts_loader", harness::facts_loader),
    ("extract_text", harness::extract_text),
    ("extract_markdown", harness::extract_markdown),
    ("number_roundtrip", harness::number_roundtrip),
    ("sanitize", harness::sanitize),
    ("render", harness::render),
];

#[test]
fn every_saved_fuzz_input_replays_cleanly() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut replayed = 0;
    for (name, run) in TARGETS {
        for folder in ["corpus", "artifacts"] {
            let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(name)) else {
                continue;
            };
            let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
            files.sort();
            for file in files {
                // A fuzzer running beside the tests may delete corpus
                // entries it has reduced.
                let Ok(data) = std::fs::read(&file) else {
                    continue;
                };
                run(&data);
                replayed += 1;
            }
        }
    }
    assert!(
        replayed >= TARGETS.len(),
        "each target has at least one saved input (found {replayed})"
    );
}

#[test]
fn every_fuzz_target_has_a_seed_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    for (name, _) in TARGETS {
        let count = std::fs::read_dir(corpus.join(name))
            .map(|e| e.count())
            .unwrap_or(0);
        assert!(count > 0, "fuzz/corpus/{name} is empty: add a seed input");
    }
}
