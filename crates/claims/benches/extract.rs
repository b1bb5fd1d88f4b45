//! Extraction per KB of text, over the story's sources (`sources/`, with the
//! names and titles of `facts/`), so that a slower scanner shows up on its
//! own: `cargo bench -p claims`.
//!
//! `extract/<source>` is the whole extraction of one article;
//! `extract/all-sources` every article in turn; `stage/*` the single-pass
//! scanners alone, over every article's analysis copy. All report bytes of
//! article text per second.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use claims::{Extractor, Format};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The workspace root, two levels above this crate.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `(file name, text)` of every article of `sources/`, in path order.
fn sources() -> Vec<(String, String)> {
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
            (name, text)
        })
        .collect()
}

fn extraction(c: &mut Criterion) {
    let facts_dir = root().join("facts");
    let base =
        facts::load_dir(&facts_dir).unwrap_or_else(|e| panic!("{}: {e:?}", facts_dir.display()));
    let extractor = Extractor::for_facts(&base);
    let sources = sources();
    let total: usize = sources.iter().map(|(_, t)| t.len()).sum();

    let mut group = c.benchmark_group("extract");
    for (name, text) in &sources {
        let format = Format::from_path(name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| extractor.extract(black_box(text), format, None));
        });
    }
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("all-sources", |b| {
        b.iter(|| {
            for (name, text) in &sources {
                black_box(extractor.extract(black_box(text), Format::from_path(name), None));
            }
        });
    });
    group.finish();

    // The scanners alone, on the analysis copies the extractor gives them.
    let prepared: Vec<(claims::document::Document, Format)> = sources
        .iter()
        .map(|(name, text)| {
            let format = Format::from_path(name);
            (claims::document::prepare(text, format), format)
        })
        .collect();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("document", |b| {
        b.iter(|| {
            for (name, text) in &sources {
                black_box(claims::document::prepare(
                    black_box(text),
                    Format::from_path(name),
                ));
            }
        });
    });
    group.bench_function("sentences", |b| {
        b.iter(|| {
            for (doc, format) in &prepared {
                black_box(claims::sentences::split(
                    black_box(&doc.analysis),
                    doc.body_start,
                    *format,
                ));
            }
        });
    });
    group.bench_function("amounts", |b| {
        b.iter(|| {
            for (doc, _) in &prepared {
                black_box(claims::amounts::find(black_box(&doc.analysis)));
            }
        });
    });
    group.bench_function("dates", |b| {
        b.iter(|| {
            for (doc, _) in &prepared {
                black_box(claims::dates::find(black_box(&doc.analysis)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
