//! Entry point of the browser app: mounts the explorer into the page.

fn main() {
    corpus_explorer::start();
}
