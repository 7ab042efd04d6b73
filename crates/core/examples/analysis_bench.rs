//! Times the analysis views natively on a corpus JSON file (a quick profile).
//!
//! `cargo run --release -p explorer-core --example analysis_bench -- target/bench/sotu.json`
//!
//! On the 10 MB State of the Union corpus (233 documents, 1.8M tokens, 28,329 terms), natively
//! on a shared 2-core machine (noisy): forward index of all documents ~20 ms; concordance
//! "government" (8,237 lines) 40–55 ms, "the" (178,818 lines) 145–230 ms; sorting 8k lines ~1 ms,
//! 179k lines ~45 ms; collocates 16–55 ms; word list 13–20 ms; keyness ~10 ms; dispersion and
//! trends of five terms ~1–2 ms.

use explorer_core::analysis::{
    allowed_docs, collocates, compile, concordance, dispersion, keyness, trends, wordlist, StopList, Unit,
};
use explorer_core::search::{search, Engine, Sort};
use explorer_core::{Corpus, Filters};
use std::time::Instant;

fn time<T>(label: &str, reps: usize, mut f: impl FnMut() -> T) -> T {
    let t = Instant::now();
    for _ in 1..reps {
        std::hint::black_box(f());
    }
    let out = f();
    println!("{label:<48} {:>9.2} ms", t.elapsed().as_secs_f64() * 1e3 / reps as f64);
    out
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "target/bench/sotu.json".into());
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let corpus = if path.ends_with(".jsonl") { Corpus::from_jsonl(&json) } else { Corpus::from_json(&json) };
    let engine = Engine::new(corpus.expect("corpus JSON"));
    let docs = allowed_docs(&engine, &Filters::default());
    println!("{} docs, {} terms", docs.len(), engine.index.term_count());
    time("forward index, all documents", 5, || explorer_core::analysis::forward::Forward::build(&engine.index, &docs));
    // The engine keeps its own forward index from here on, as the app does.
    engine.forward();
    let stop = StopList::default();
    for q in ["government", "the", "\"united states\""] {
        let out = search(&engine, q, &Filters::default(), Sort::Relevance);
        let lines = time(&format!("concordance {q}"), 5, || concordance::concordance(&engine, &out.compiled, &docs));
        time(&format!("  context (6 words) of every line, {} lines", lines.len()), 1, || {
            lines.iter().map(|l| l.context(&engine, 6).left.len()).sum::<usize>()
        });
        for sort in [concordance::KwicSort::Left(1), concordance::KwicSort::Keyword] {
            let mut l = lines.clone();
            time(&format!("  sort {} lines {:?}", lines.len(), sort), 1, || concordance::sort_lines(&mut l, sort));
        }
        let c = time(&format!("collocates {q} 5/5"), 5, || {
            collocates::collocates(&engine, &out.compiled, &docs, 5, 5, 3, &stop)
        });
        println!("  f_node {}, {} collocates", c.f_node, c.rows.len());
    }
    let w = time("wordlist forms", 5, || wordlist::wordlist(&engine, &docs, Unit::Form, &stop));
    println!("  {} words, {} tokens", w.rows.len(), w.total_tokens);
    time("wordlist stems", 5, || wordlist::wordlist(&engine, &docs, Unit::Stem, &stop));
    let target: Vec<usize> = docs.iter().copied().filter(|d| d % 10 == 0).collect();
    let k = time("keyness (every 10th doc vs rest)", 5, || keyness::keyness(&engine, &target, &docs, Unit::Form, 5));
    println!("  {} rows", k.rows.len());
    let queries: Vec<_> =
        ["war", "peace", "tax", "freedom", "\"united states\""].iter().map(|q| compile(&engine, q)).collect();
    time("dispersion 5 terms", 5, || dispersion::dispersion(&engine, &queries, &docs));
    time("trends 5 terms", 5, || trends::trends(&engine, &queries, &docs));
}
