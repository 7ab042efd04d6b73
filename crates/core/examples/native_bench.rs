//! Times index building and queries natively on a corpus JSON file (a quick profile, not the
//! benchmark of record: that one runs in the browser, see `scripts/bench`).
//!
//! `cargo run --release -p explorer-core --example native_bench -- target/bench/sotu.json`

use explorer_core::search::{search, Engine, Sort};
use explorer_core::{snippet, Corpus};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "target/bench/sotu.json".into());
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let corpus = Corpus::from_json(&json).expect("corpus JSON");
    let t = Instant::now();
    let engine = Engine::new(corpus);
    println!(
        "build: {:.1} ms, {} docs, {} terms",
        t.elapsed().as_secs_f64() * 1e3,
        engine.index.doc_count(),
        engine.index.term_count()
    );
    let only = std::env::var("QUERY").ok();
    let all = [
        "government",
        "the",
        "constitu",
        "united states",
        "\"united states\"",
        "goverment",
        "war OR peace",
        "freedom -slavery",
        "tax",
        "econom",
    ];
    for q in all.iter().copied().filter(|q| only.as_deref().is_none_or(|o| o == *q)) {
        let t = Instant::now();
        let reps = 20;
        let mut n = 0;
        for _ in 0..reps {
            let out = search(&engine, q, &Default::default(), Sort::Relevance);
            n = out.hits.len();
            for h in out.hits.iter().take(10) {
                let s = snippet::best(
                    &engine.index,
                    &out.compiled,
                    h.doc,
                    &engine.corpus.documents[h.doc],
                    snippet::SNIPPET_CHARS,
                );
                std::hint::black_box(s);
            }
        }
        let total = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
        let t = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(search(&engine, q, &Default::default(), Sort::Relevance));
        }
        let search_only = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
        let out = search(&engine, q, &Default::default(), Sort::Relevance);
        let t = Instant::now();
        for _ in 0..reps {
            for h in out.hits.iter().take(10) {
                std::hint::black_box(out.compiled.spans(&engine.index, h.doc));
            }
        }
        let spans = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
        println!("{q:>20}: {total:.3} ms ({search_only:.3} ms without snippets; spans {spans:.3} ms), {n} hits");
    }
}
