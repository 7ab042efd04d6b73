//! Times opening an index file natively (a quick profile; the benchmark of record runs in the
//! browser, see `scripts/bench`): reading and checking it (`IndexFile::read`) and matching it
//! with its corpus (`fit`), best of three; then, right after a load, the first searches (with
//! the snippets of the top 10, which read word positions) and the first forward index (what
//! the first concordance or collocates build). Times are of the CPU time of the thread (Linux;
//! `CLOCK=wall` for the wall clock).
//!
//! `cargo run --release -p explorer-core --example index_read_bench -- CORPUS.jsonl INDEX.bin`
//! With `--write INDEX.bin` instead of an index file, indexes the corpus and writes its file;
//! with `--check INDEX.bin`, checks that the file reads back as the index built from the
//! texts; with `--built`, times the forward index of the index built from the texts; with
//! `READ_ONLY=1` it only reads the index file (`RUNS` times, 3 by default).

use explorer_core::analysis::allowed_docs;
use explorer_core::analysis::concordance::concordance;
use explorer_core::index::IndexFile;
use explorer_core::search::{search, Engine, Sort};
use explorer_core::{snippet, Corpus, Index};
use std::time::Instant;

/// A start: the wall clock, and the CPU time this thread has run (Linux; 0 elsewhere).
#[derive(Clone, Copy)]
struct Start(Instant, f64);

fn now() -> Start {
    Start(Instant::now(), cpu_ms())
}

fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()).map_or(0.0, |ns| ns / 1e6)
}

/// Milliseconds since `t`: of CPU time when the system says (on a busy machine it varies
/// less, but it counts in the kernel's ticks, 4 ms here), else or with `CLOCK=wall` of the
/// wall clock.
fn ms(t: Start) -> f64 {
    let cpu = cpu_ms() - t.1;
    if cpu > 0.0 && std::env::var("CLOCK").as_deref() != Ok("wall") {
        cpu
    } else {
        t.0.elapsed().as_secs_f64() * 1e3
    }
}

/// The process's resident memory now and at its peak (Linux), in MB.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    format!("RSS {:.0} MB (peak {:.0} MB)", field("VmRSS:"), field("VmHWM:"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus_path = &args[0];
    let text = std::fs::read_to_string(corpus_path).unwrap_or_else(|e| panic!("{corpus_path}: {e}"));
    let corpus = Corpus::from_jsonl(&text).expect("corpus JSON Lines");
    drop(text);
    if args[1] == "--write" {
        let t = now();
        let bytes = Index::build(&corpus).to_bytes(&corpus.version);
        std::fs::write(&args[2], &bytes).expect("index file written");
        println!("indexed and written in {:.0} ms: {} bytes", ms(t), bytes.len());
        return;
    }
    if args[1] == "--check" {
        // The index file read back is the index built from the texts: every posting's positions.
        let built = Index::build(&corpus);
        let bytes = std::fs::read(&args[2]).expect("index file");
        let read = Index::from_bytes(&bytes, &corpus).expect("index file read");
        assert_eq!(read.term_count(), built.term_count());
        let mut positions = 0usize;
        for t in 0..built.term_count() as u32 {
            assert_eq!(read.term(t), built.term(t));
            assert_eq!(read.postings(t).len(), built.postings(t).len());
            for (a, b) in read.postings(t).iter().zip(built.postings(t)) {
                assert_eq!((a.doc, a.tf, read.positions(a)), (b.doc, b.tf, built.positions(b)));
                positions += read.positions(a).len();
            }
        }
        assert_eq!(read.damaged(), None);
        assert_eq!(read.to_bytes(&corpus.version), bytes);
        println!("the same index: {} terms, {positions} positions", read.term_count());
        return;
    }
    if args[1] == "--built" {
        // The forward index of an index built from the texts (as when a corpus has no file).
        let engine = Engine::new(corpus);
        for _ in 0..3 {
            let t = now();
            let all: Vec<usize> = (0..engine.index.doc_count()).collect();
            std::hint::black_box(explorer_core::analysis::forward::Forward::build(&engine.index, &all));
            println!("forward index of the index built from the texts: {:.1} ms", ms(t));
        }
        return;
    }
    let bytes = std::fs::read(&args[1]).expect("index file");
    let runs = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut best = [f64::MAX; 6];
    for run in 0..runs {
        let before = memory();
        let t = now();
        let file = IndexFile::read(&bytes).expect("index file read");
        let read = ms(t);
        let t = now();
        let index = file.fit(&corpus).expect("index fits");
        let fit = ms(t);
        let after = memory();
        let held = index.positions_memory();
        if std::env::var_os("READ_ONLY").is_some() {
            println!("run {run}: read {read:.1} ms, fit {fit:.1} ms");
            best[0] = best[0].min(read);
            best[1] = best[1].min(fit);
            if run + 1 == runs {
                println!("best: read {:.1} ms, fit {:.1} ms", best[0], best[1]);
                return;
            }
            continue;
        }
        let t = now();
        let mut scratch = Vec::new();
        let mut sum = 0u64;
        for term in 0..index.term_count() as u32 {
            index.each_positions(term, &mut scratch, |_, p| sum += p.len() as u64);
        }
        let decode = ms(t);
        assert_eq!(index.damaged(), None);
        let engine = Engine::with_index(corpus.clone(), index);
        let mut first = [0.0; 2];
        for (i, q) in ["government", "the"].into_iter().enumerate() {
            let t = now();
            let out = search(&engine, q, &Default::default(), Sort::Relevance);
            for h in out.hits.iter().take(10) {
                let doc = &engine.corpus.documents[h.doc];
                std::hint::black_box(snippet::best(&engine.index, &out.compiled, h.doc, doc, snippet::SNIPPET_CHARS));
            }
            first[i] = ms(t);
        }
        let t = now();
        let forward = engine.forward();
        std::hint::black_box(forward);
        let forward_ms = ms(t);
        let t = now();
        let docs = allowed_docs(&engine, &Default::default());
        let lines = concordance(&engine, &explorer_core::analysis::compile(&engine, "government"), &docs);
        let kwic = ms(t);
        println!(
            "run {run}: read {read:.1} ms, fit {fit:.1} ms, every position decoded (not kept) {decode:.1} ms; first search government {:.1} ms, the {:.1} ms; \
             forward index {forward_ms:.1} ms, then concordance of government {kwic:.1} ms ({} lines); \
             positions held {:.1} MB after reading, {:.1} MB at the end; \
             memory before reading {before}, after {after}, at the end {}",
            first[0],
            first[1],
            lines.len(),
            held as f64 / 1e6,
            engine.index.positions_memory() as f64 / 1e6,
            memory()
        );
        for (b, v) in best.iter_mut().zip([read, fit, first[0], first[1], forward_ms, kwic]) {
            *b = b.min(v);
        }
    }
    println!(
        "best: read {:.1} ms, fit {:.1} ms, read+fit {:.1} ms; first search government {:.1} ms, the {:.1} ms; \
         forward index {:.1} ms; concordance {:.1} ms",
        best[0],
        best[1],
        best[0] + best[1],
        best[2],
        best[3],
        best[4],
        best[5]
    );
}
