//! Checking per KB of text, over the story's sources against its facts
//! (`sources/`, `facts/`): `cargo bench -p checker`.
//!
//! `check/<source>` is one article checked (extraction, matching, every
//! check), `check/all-sources` the whole story with the cross-source check,
//! `check/cross-check` that comparison alone; all report bytes of article
//! text per second. `setup/*` is what a run
//! pays once before its first article: loading the facts and building the
//! checker (the automata), which bounds a cold single-article run.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use checker::{Checker, Source};
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The workspace root, two levels above this crate.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every article of `sources/`, in path order, with its path as reports
/// show it.
fn sources() -> Vec<Source> {
    let dir = root().join("sources");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{} holds no article", dir.display());
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            Source {
                path: format!("sources/{name}"),
                text,
            }
        })
        .collect()
}

fn checking(c: &mut Criterion) {
    let facts_dir = root().join("facts");
    let load =
        || facts::load_dir(&facts_dir).unwrap_or_else(|e| panic!("{}: {e:?}", facts_dir.display()));
    let base = load();
    let checker = Checker::new(&base);
    let sources = sources();
    let total: usize = sources.iter().map(|s| s.text.len()).sum();

    let mut group = c.benchmark_group("check");
    for source in &sources {
        let name = source.path.trim_start_matches("sources/");
        group.throughput(Throughput::Bytes(source.text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), source, |b, source| {
            b.iter_batched(
                || source.clone(),
                |s| checker.check(black_box(s), None),
                BatchSize::SmallInput,
            );
        });
    }
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("all-sources", |b| {
        b.iter_batched(
            || sources.clone(),
            |sources| {
                let mut checked: Vec<checker::Checked> = sources
                    .into_iter()
                    .map(|s| checker.check(black_box(s), None))
                    .collect();
                checker::cross_check(&base, &mut checked);
                checked
            },
            BatchSize::SmallInput,
        );
    });
    // The cross-source comparison alone, over the checked story.
    let checked: Vec<checker::Checked> = sources
        .iter()
        .map(|s| checker.check(s.clone(), None))
        .collect();
    group.bench_function("cross-check", |b| {
        b.iter_batched(
            || checked.clone(),
            |mut checked| {
                checker::cross_check(&base, &mut checked);
                checked
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();

    let mut group = c.benchmark_group("setup");
    group.bench_function("load-facts", |b| b.iter(load));
    group.bench_function("checker-new", |b| {
        b.iter(|| Checker::new(black_box(&base)).extractor().clone());
    });
    group.finish();
}

criterion_group!(benches, checking);
criterion_main!(benches);
