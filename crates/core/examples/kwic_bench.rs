//! Times the concordance natively on a corpus JSON file (a quick profile; the benchmark of
//! record is `scripts/bench`). `cargo run --release -p explorer-core --example kwic_bench`
use explorer_core::analysis::concordance::{concordance, sort_lines, KwicSort};
use explorer_core::analysis::{allowed_docs, compile};
use explorer_core::search::Engine;
use explorer_core::Corpus;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "target/bench/sotu.json".into());
    let corpus = Corpus::from_json(&std::fs::read_to_string(&path).expect("corpus file")).expect("corpus JSON");
    let engine = Engine::new(corpus);
    let docs = allowed_docs(&engine, &Default::default());
    for q in ["the", "government"] {
        let c = compile(&engine, q);
        let t = Instant::now();
        let mut lines = concordance(&engine, &c, &docs);
        let built = t.elapsed().as_secs_f64() * 1e3;
        sort_lines(&mut lines, KwicSort::Right(1));
        println!(
            "{q}: {} lines, built {built:.1} ms, sorted {:.1} ms",
            lines.len(),
            t.elapsed().as_secs_f64() * 1e3 - built
        );
    }
}
