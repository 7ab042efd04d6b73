//! The analysis views' settings, typed, and every change a person can make to them.
//!
//! The app's reducer applies a [`Change`] with [`Analysis::apply`]; the rules about what a
//! change resets (a new order shows page 1 again, adding a term starts from the query) live
//! here, once, and are tested natively.

use crate::analysis::collocates::CollocateSort;
use crate::analysis::concordance::KwicSort;
use crate::analysis::ngrams::N_BOUNDS;
use crate::analysis::trends::Period;
use crate::analysis::wordlist::WordSort;
use crate::analysis::Unit;
use crate::matching::Matching;
use crate::normalize::fold;
use crate::stopwords::is_stopword;

/// Terms compared at most by the distribution and trends views.
pub const MAX_TERMS: usize = 5;
/// Longest term, word filter or stopword list entry kept, in characters.
pub const MAX_TERM_CHARS: usize = 100;
/// Bounds of the concordance context width (words each side).
pub const WIDTH: (u8, u8) = (1, 20);
/// Bounds of the collocation window on each side.
pub const WINDOW: (u8, u8) = (1, 10);
/// Bounds of the minimum frequency of collocates and distinctive words.
pub const MIN_FREQ: (u32, u32) = (1, 1000);
/// Longest selection (`a`, `b`) of the comparison kept, in characters.
pub const MAX_SIDE_CHARS: usize = 300;

/// What the distinctive words are of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// One document, by id.
    Doc(String),
    /// Every document of an outlet.
    Outlet(String),
    /// Every document of a kind.
    Kind(String),
}

impl Target {
    /// The URL value: `doc:ID`, `outlet:NAME` or `kind:NAME`.
    pub fn key(&self) -> String {
        match self {
            Target::Doc(v) => format!("doc:{v}"),
            Target::Outlet(v) => format!("outlet:{v}"),
            Target::Kind(v) => format!("kind:{v}"),
        }
    }

    /// The target a URL value names (a non-empty name after a known prefix).
    pub fn from_key(key: &str) -> Option<Target> {
        let (kind, value) = key.split_once(':')?;
        if value.is_empty() {
            return None;
        }
        let value = value.to_owned();
        match kind {
            "doc" => Some(Target::Doc(value)),
            "outlet" => Some(Target::Outlet(value)),
            "kind" => Some(Target::Kind(value)),
            _ => None,
        }
    }
}

/// How the trends view draws its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub enum Chart {
    /// Lines through the documents' values.
    #[default]
    Line,
    /// Grouped bars.
    Bar,
}

impl Chart {
    /// The URL value: `line` or `bar`.
    pub fn key(self) -> &'static str {
        match self {
            Chart::Line => "line",
            Chart::Bar => "bar",
        }
    }

    /// The chart named by a URL value.
    pub fn from_key(key: &str) -> Option<Chart> {
        [Chart::Line, Chart::Bar].into_iter().find(|c| c.key() == key)
    }
}

/// Settings of the analysis views; each is a URL parameter, written only when not the default.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// `width`: words of context on each side in the concordance ([`WIDTH`]).
    pub width: u8,
    /// `ksort`: concordance order.
    pub kwic_sort: KwicSort,
    /// `page`: page of a long table (from 1).
    pub page: usize,
    /// `unit`: word forms or stems (word list, distinctive words).
    pub unit: Unit,
    /// `stop=show`: stopwords are listed (hidden by default).
    pub show_stopwords: bool,
    /// `wsort`: word-list order.
    pub words_sort: WordSort,
    /// `wfilter`: only words containing this text.
    pub words_filter: String,
    /// `stopadd`: extra stopwords (folded).
    pub stop_add: Vec<String>,
    /// `stopdel`: standard stopwords not to treat as such (folded).
    pub stop_del: Vec<String>,
    /// `target`: what the distinctive words are of (none: the open document, else the first).
    pub target: Option<Target>,
    /// `left`: collocation window to the left ([`WINDOW`]).
    pub left: u8,
    /// `right`: collocation window to the right ([`WINDOW`]).
    pub right: u8,
    /// `min`: minimum frequency for collocates and distinctive words ([`MIN_FREQ`]).
    pub min_freq: u32,
    /// `csort`: collocate order.
    pub coll_sort: CollocateSort,
    /// `term` (repeatable, at most [`MAX_TERMS`]): terms of the distribution and trends views.
    pub terms: Vec<String>,
    /// `chart`: trends as lines or bars.
    pub chart: Chart,
    /// `by`: the trends' x axis: each document, or periods (year, month, a metadata field).
    pub by: Period,
    /// `match`: how the analysis views match a word: its own form (default) or its stem.
    pub matching: Matching,
    /// `a`: side A of the comparison, in the query language (`outlet:rt`, `year:..2022`).
    pub side_a: String,
    /// `b`: side B of the comparison (empty: the allowed documents not in A).
    pub side_b: String,
    /// `n`: words in an n-gram ([`N_BOUNDS`]).
    pub n: u8,
    /// `nquery=1`: only the n-grams that contain one of the query's words.
    pub ngram_query: bool,
    /// `nstop=drop`: leave out the n-grams that begin or end with a stopword.
    pub ngram_drop_stop: bool,
    /// `cloud=1`: the word list or the comparison as a word cloud above the table.
    pub cloud: bool,
}

impl Default for Analysis {
    fn default() -> Self {
        Analysis {
            width: 6,
            kwic_sort: KwicSort::Document,
            page: 1,
            unit: Unit::Form,
            show_stopwords: false,
            words_sort: WordSort::Count,
            words_filter: String::new(),
            stop_add: Vec::new(),
            stop_del: Vec::new(),
            target: None,
            left: 5,
            right: 5,
            min_freq: 3,
            coll_sort: CollocateSort::LogDice,
            terms: Vec::new(),
            chart: Chart::Line,
            by: Period::Doc,
            matching: Matching::Form,
            side_a: String::new(),
            side_b: String::new(),
            n: 2,
            ngram_query: false,
            ngram_drop_stop: false,
            cloud: false,
        }
    }
}

/// A change a person makes to the analysis settings (one control of one view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Concordance context width (clamped to [`WIDTH`]).
    Width(u8),
    /// Concordance order (back to page 1).
    KwicSort(KwicSort),
    /// Page of the table shown.
    Page(usize),
    /// Word forms or stems (back to page 1).
    Unit(Unit),
    /// Show or hide stopwords (back to page 1).
    ShowStopwords(bool),
    /// Word-list order (back to page 1).
    WordSort(WordSort),
    /// Word-list filter text (back to page 1).
    WordFilter(String),
    /// Words typed into the stopword box, separated by commas or spaces.
    AddStopwords(String),
    /// Take one word off the stop list (a standard one is listed in `stopdel`).
    RemoveStopword(String),
    /// Back to the standard stop lists.
    RestoreStopwords,
    /// What the distinctive words are of.
    Target(Target),
    /// Minimum frequency (clamped to [`MIN_FREQ`]).
    MinFreq(u32),
    /// Collocation window to the left (clamped to [`WINDOW`]).
    Left(u8),
    /// Collocation window to the right (clamped to [`WINDOW`]).
    Right(u8),
    /// Collocate order (back to page 1).
    CollocateSort(CollocateSort),
    /// Add a term to compare (the terms in effect, i.e. the query when none are set, plus it).
    AddTerm(String),
    /// Remove a term from those in effect.
    RemoveTerm(String),
    /// Compare this term alone (a word clicked in a table).
    OnlyTerm(String),
    /// Lines or bars.
    Chart(Chart),
    /// The trends' x axis.
    By(Period),
    /// Word forms or stems in the analysis views.
    Matching(Matching),
    /// Side A of the comparison (back to page 1).
    SideA(String),
    /// Side B of the comparison (back to page 1).
    SideB(String),
    /// A becomes B and B becomes A (back to page 1; nothing happens while B is "the rest").
    SwapSides,
    /// Words in an n-gram (clamped to [`N_BOUNDS`]; back to page 1).
    N(u8),
    /// Only n-grams with the query's words (back to page 1).
    NgramQuery(bool),
    /// Leave out n-grams that begin or end with a stopword (back to page 1).
    NgramDropStop(bool),
    /// Show the word cloud.
    Cloud(bool),
}

/// Text clipped to `max` characters.
pub(crate) fn clip_chars(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

impl Analysis {
    /// The terms the distribution and trends views compare: those set, else the query (trimmed)
    /// when there is one.
    pub fn terms_in_effect(&self, query: &str) -> Vec<String> {
        if !self.terms.is_empty() {
            self.terms.clone()
        } else if query.trim().is_empty() {
            Vec::new()
        } else {
            vec![clip_chars(query.trim(), MAX_TERM_CHARS)]
        }
    }

    /// The stopwords in effect, as listed under the word list: the standard English and Russian
    /// lists without `stopdel`, then `stopadd`.
    pub fn stop_words(&self) -> Vec<String> {
        crate::stopwords::ENGLISH
            .iter()
            .chain(crate::stopwords::RUSSIAN.iter())
            .map(|w| w.to_string())
            .filter(|w| !self.stop_del.contains(w))
            .chain(self.stop_add.iter().cloned())
            .collect()
    }

    /// Applies a change; `query` is the query as typed (the default term).
    pub fn apply(&mut self, change: Change, query: &str) {
        match change {
            Change::Width(w) => self.width = w.clamp(WIDTH.0, WIDTH.1),
            Change::KwicSort(s) => {
                self.kwic_sort = s;
                self.page = 1;
            }
            Change::Page(p) => self.page = p.max(1),
            Change::Unit(u) => {
                self.unit = u;
                self.page = 1;
            }
            Change::ShowStopwords(on) => {
                self.show_stopwords = on;
                self.page = 1;
            }
            Change::WordSort(s) => {
                self.words_sort = s;
                self.page = 1;
            }
            Change::WordFilter(f) => {
                self.words_filter = clip_chars(&f, MAX_TERM_CHARS);
                self.page = 1;
            }
            Change::AddStopwords(text) => {
                let words = text.split([',', ' ']).map(|w| fold(w.trim()).trim().to_owned()).filter(|w| !w.is_empty());
                for w in words {
                    self.stop_del.retain(|d| *d != w);
                    if !is_stopword(&w) && !self.stop_add.contains(&w) {
                        self.stop_add.push(w);
                    }
                }
            }
            Change::RemoveStopword(word) => {
                if is_stopword(&word) {
                    if !self.stop_del.contains(&word) {
                        self.stop_del.push(word);
                    }
                } else {
                    self.stop_add.retain(|w| *w != word);
                }
            }
            Change::RestoreStopwords => {
                self.stop_add.clear();
                self.stop_del.clear();
            }
            Change::Target(t) => self.target = Some(t),
            Change::MinFreq(m) => self.min_freq = m.clamp(MIN_FREQ.0, MIN_FREQ.1),
            Change::Left(n) => self.left = n.clamp(WINDOW.0, WINDOW.1),
            Change::Right(n) => self.right = n.clamp(WINDOW.0, WINDOW.1),
            Change::CollocateSort(s) => {
                self.coll_sort = s;
                self.page = 1;
            }
            Change::AddTerm(t) => {
                let t = clip_chars(t.trim(), MAX_TERM_CHARS);
                let mut list = self.terms_in_effect(query);
                if !t.is_empty() && !list.contains(&t) && list.len() < MAX_TERMS {
                    list.push(t);
                }
                self.terms = list;
            }
            Change::RemoveTerm(t) => {
                self.terms = self.terms_in_effect(query).into_iter().filter(|x| *x != t).collect();
            }
            Change::OnlyTerm(t) => {
                let t = clip_chars(t.trim(), MAX_TERM_CHARS);
                if !t.is_empty() {
                    self.terms = vec![t];
                }
            }
            Change::Chart(c) => self.chart = c,
            Change::By(by) => self.by = by,
            Change::Matching(m) => {
                self.matching = m;
                self.page = 1;
            }
            Change::SideA(expr) => {
                self.side_a = clip_chars(expr.trim(), MAX_SIDE_CHARS);
                self.page = 1;
            }
            Change::SideB(expr) => {
                self.side_b = clip_chars(expr.trim(), MAX_SIDE_CHARS);
                self.page = 1;
            }
            Change::SwapSides => {
                if !self.side_b.is_empty() {
                    std::mem::swap(&mut self.side_a, &mut self.side_b);
                    self.page = 1;
                }
            }
            Change::N(n) => {
                self.n = n.clamp(N_BOUNDS.0, N_BOUNDS.1);
                self.page = 1;
            }
            Change::NgramQuery(on) => {
                self.ngram_query = on;
                self.page = 1;
            }
            Change::NgramDropStop(on) => {
                self.ngram_drop_stop = on;
                self.page = 1;
            }
            Change::Cloud(on) => self.cloud = on,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(changes: &[Change], query: &str) -> Analysis {
        let mut a = Analysis { page: 4, ..Analysis::default() };
        for c in changes {
            a.apply(c.clone(), query);
        }
        a
    }

    #[test]
    fn targets_read_back_what_they_write() {
        for t in [Target::Doc("001_x".into()), Target::Outlet("RT".into()), Target::Kind("blog post".into())] {
            assert_eq!(Target::from_key(&t.key()), Some(t));
        }
        assert_eq!(Target::from_key("outlet:a:b"), Some(Target::Outlet("a:b".into())));
        for bad in ["", "doc:", "foo:bar", "outlet"] {
            assert_eq!(Target::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_and_filters_show_the_first_page_again() {
        assert_eq!(applied(&[Change::KwicSort(KwicSort::Keyword)], "").page, 1);
        assert_eq!(applied(&[Change::WordSort(WordSort::Alpha)], "").page, 1);
        assert_eq!(applied(&[Change::WordFilter("x".into())], "").page, 1);
        assert_eq!(applied(&[Change::Unit(Unit::Stem)], "").page, 1);
        assert_eq!(applied(&[Change::ShowStopwords(true)], "").page, 1);
        assert_eq!(applied(&[Change::CollocateSort(CollocateSort::Mi)], "").page, 1);
        // The width only cuts the lines anew: the page stays.
        assert_eq!(applied(&[Change::Width(9)], "").page, 4);
        assert_eq!(applied(&[Change::Page(0)], "").page, 1);
    }

    #[test]
    fn numbers_are_clamped() {
        let a =
            applied(&[Change::Width(99), Change::Left(0), Change::Right(200), Change::MinFreq(0), Change::N(9)], "");
        assert_eq!((a.width, a.left, a.right, a.min_freq, a.n), (20, 1, 10, 1, 6));
        assert_eq!(applied(&[Change::N(0)], "").n, 2);
        assert_eq!(applied(&[Change::MinFreq(5000)], "").min_freq, 1000);
    }

    #[test]
    fn sides_are_trimmed_cut_and_swapped_only_when_both_are_set() {
        let a = applied(&[Change::SideA(" outlet:rt ".into())], "");
        assert_eq!((a.side_a.as_str(), a.page), ("outlet:rt", 1));
        // B is "the rest": swapping would lose A.
        let b = applied(&[Change::SideA("outlet:rt".into()), Change::Page(3), Change::SwapSides], "");
        assert_eq!((b.side_a.as_str(), b.side_b.as_str(), b.page), ("outlet:rt", "", 3));
        let c = applied(&[Change::SideA("outlet:rt".into()), Change::SideB("kind:blog".into()), Change::SwapSides], "");
        assert_eq!((c.side_a.as_str(), c.side_b.as_str()), ("kind:blog", "outlet:rt"));
        assert_eq!(applied(&[Change::SideB("x".repeat(999))], "").side_b.chars().count(), MAX_SIDE_CHARS);
    }

    #[test]
    fn stopwords_are_added_removed_and_restored() {
        let a = applied(&[Change::AddStopwords("Said, ПУТИН  the".into())], "");
        // "the" is a standard stopword already; the others are folded.
        assert_eq!(a.stop_add, ["said", "путин"]);
        let a = applied(&[Change::AddStopwords("said".into()), Change::RemoveStopword("the".into())], "");
        assert_eq!((a.stop_add.clone(), a.stop_del.clone()), (vec!["said".to_string()], vec!["the".to_string()]));
        assert!(!a.stop_words().contains(&"the".to_string()) && a.stop_words().contains(&"said".to_string()));
        // Adding a removed standard word back takes it off `stopdel`.
        let mut b = a.clone();
        b.apply(Change::AddStopwords("the".into()), "");
        assert!(b.stop_del.is_empty());
        b.apply(Change::RemoveStopword("said".into()), "");
        assert!(b.stop_add.is_empty());
        let mut c = a;
        c.apply(Change::RestoreStopwords, "");
        assert!(c.stop_add.is_empty() && c.stop_del.is_empty());
    }

    #[test]
    fn terms_start_from_the_query() {
        let a = Analysis::default();
        assert_eq!(a.terms_in_effect("  stalin "), ["stalin"]);
        assert!(a.terms_in_effect("  ").is_empty());
        let a = applied(&[Change::AddTerm(" lenin ".into())], "stalin");
        assert_eq!(a.terms, ["stalin", "lenin"]);
        // Duplicates, empty terms and a sixth term are not added.
        let a = applied(
            &[
                Change::AddTerm("lenin".into()),
                Change::AddTerm("".into()),
                Change::AddTerm("a".into()),
                Change::AddTerm("b".into()),
                Change::AddTerm("c".into()),
                Change::AddTerm("d".into()),
            ],
            "stalin",
        );
        assert_eq!(a.terms, ["stalin", "lenin", "a", "b", "c"]);
        // Removing the query's term leaves the others set.
        let a = applied(&[Change::RemoveTerm("stalin".into())], "stalin");
        assert!(a.terms.is_empty());
        let a = applied(&[Change::AddTerm("lenin".into()), Change::RemoveTerm("stalin".into())], "stalin");
        assert_eq!(a.terms, ["lenin"]);
    }
}
