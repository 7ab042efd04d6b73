//! The engine behind the message interface: answers [`Request`]s, keeping the costly unpaged
//! result of each view (all concordance lines, the whole word list, …) for the next request
//! that only turns a page, changes the context width or a filter of the rows.

use super::views::{self, Scope, Sides};
use super::{CorpusInfo, DocRef, Request, Response, ViewAnswer, ViewData, ViewRequest};
use crate::analysis::collocates::{self, Collocates};
use crate::analysis::compare::{self, Comparison};
use crate::analysis::concordance::{self, KwicLine, KwicSort};
use crate::analysis::dispersion::{self, dispersion};
use crate::analysis::export::Table;
use crate::analysis::keyness::{self, Keyness};
use crate::analysis::ngrams::{self, Ngrams};
use crate::analysis::summary::{self, Summary};
use crate::analysis::trends::{self, trends, trends_by, Period};
use crate::analysis::wordlist::{self, WordList, WordRow};
use crate::analysis::Unit;
use crate::engine::Engine;
use crate::examples::examples;
use crate::facets::Filters;
use crate::matching::Matching;
use crate::pace::{finish, Cancelled, Pace, Unpaced};
use crate::search::SearchOutcome;
use crate::suggest::completions;
use crate::view_state::{Target, View};
use std::cell::RefCell;
use std::rc::Rc;

/// A result kept for the next request with the same key (one entry).
struct Memo<K, V> {
    entry: RefCell<Option<(K, Rc<V>)>>,
}

impl<K: PartialEq, V> Memo<K, V> {
    fn new() -> Self {
        Memo { entry: RefCell::new(None) }
    }

    /// The value kept for `key`, if any.
    fn kept(&self, key: &K) -> Option<Rc<V>> {
        self.entry.borrow().as_ref().filter(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    /// Keeps `value` for `key` (instead of what was kept) and gives it back.
    fn keep(&self, key: K, value: V) -> Rc<V> {
        let value = Rc::new(value);
        *self.entry.borrow_mut() = Some((key, value.clone()));
        value
    }

    /// The value for `key`: the kept one, or a new one made by `make` (and kept).
    fn get(&self, key: K, make: impl FnOnce() -> V) -> Rc<V> {
        match self.kept(&key) {
            Some(v) => v,
            None => self.keep(key, make()),
        }
    }
}

type StopKey = (Vec<String>, Vec<String>);
/// What the rows of the word list depend on: the list's key, then the rows' own settings.
type WordRowsKey = (Filters, Unit, StopKey, bool, String, wordlist::WordSort);
type KeynessKey = (Filters, Option<Target>, Unit, u32);
type CollocatesKey = (String, Filters, Matching, u8, u8, u32, StopKey, collocates::CollocateSort);
/// What the comparison depends on: the filters, both selections, the unit and the minimum.
type CompareKey = (Filters, String, String, Unit, u32);
/// What the n-grams depend on: the filters, n, the minimum, the query's words (when asked),
/// dropping stopword edges, and the stopwords.
type NgramsKey = (Filters, u8, u32, Option<Vec<u32>>, bool, StopKey);

/// The engine and what it keeps between requests.
pub struct Service {
    engine: Engine,
    searched: Memo<(String, Filters), SearchOutcome>,
    scope: Memo<(String, Filters, Matching), Scope>,
    kwic: Memo<(String, Filters, Matching, KwicSort), Vec<KwicLine>>,
    words: Memo<(Filters, Unit, StopKey), WordList>,
    word_rows: Memo<WordRowsKey, Vec<WordRow>>,
    keyness: Memo<KeynessKey, (usize, Keyness)>,
    collocates: Memo<CollocatesKey, Collocates>,
    sides: Memo<(Filters, String, String), Sides>,
    compare: Memo<CompareKey, Comparison>,
    ngrams: Memo<NgramsKey, Ngrams>,
    summary: Memo<(Filters, StopKey), Summary>,
    /// What to do when the index file is damaged (the end of the notice: see [`Service::damage_note`]).
    damage_advice: &'static str,
}

impl Service {
    /// A service over an engine.
    pub fn new(engine: Engine) -> Service {
        Service {
            engine,
            searched: Memo::new(),
            scope: Memo::new(),
            kwic: Memo::new(),
            words: Memo::new(),
            word_rows: Memo::new(),
            keyness: Memo::new(),
            collocates: Memo::new(),
            sides: Memo::new(),
            compare: Memo::new(),
            ngrams: Memo::new(),
            summary: Memo::new(),
            damage_advice: "rebuild the app",
        }
    }

    /// The same service, advising `advice` when its index file turns out damaged (for a corpus
    /// a person added in the page, rebuilding the app is no help).
    pub fn with_damage_advice(mut self, advice: &'static str) -> Service {
        self.damage_advice = advice;
        self
    }

    /// The engine served.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Answers a request.
    pub fn handle(&self, request: &Request) -> Response {
        match request {
            Request::View(r) => Response::View(self.view(r)),
            Request::Export(r) => Response::Export(self.export(r)),
            quick => self.handle_quick(quick).unwrap_or_else(|| unreachable!("views and exports are answered above")),
        }
    }

    /// Answers a quick request (the corpus's description, a results page, completions, a
    /// document); `None` for an analysis view or an export, which [`Service::view_paced`] and
    /// [`Service::export_paced`] answer. The app's worker calls only these three, so that its
    /// wasm holds one compiled copy of each analysis (paced by its own pace), not a second one
    /// paced by [`Unpaced`] (13 kB gzip).
    pub fn handle_quick(&self, request: &Request) -> Option<Response> {
        let e = &self.engine;
        Some(match request {
            Request::Info => Response::Info(self.info()),
            Request::Search(r) => {
                let mut page = views::search_page(e, &self.searched(&r.query, &r.filters), r);
                page.notes.extend(self.damage_note());
                Response::Search(page)
            }
            Request::Suggest { query } => Response::Suggest(completions(&e.index, query)),
            Request::Document { id, query, matching } => Response::Document(views::document(e, id, query, *matching)),
            Request::View(_) | Request::Export(_) => return None,
        })
    }

    /// What the page says when the positions of the index file turned out damaged (they are
    /// checked as each term's are first read, see [`crate::index::Index::damaged`]): that term's
    /// occurrences are not marked or listed, so the answer may lack some.
    fn damage_note(&self) -> Option<String> {
        let why = self.engine.index.damaged()?;
        Some(format!("The index file is damaged ({why}): reload the page; if it stays, {}.", self.damage_advice))
    }

    fn info(&self) -> CorpusInfo {
        let e = &self.engine;
        CorpusInfo {
            version: e.corpus.version.clone(),
            title: e.corpus.meta.title.clone(),
            description: e.corpus.meta.description.clone(),
            words: e.corpus.documents.iter().map(|d| d.word_count).sum(),
            documents: e.corpus.documents.iter().map(|d| DocRef { id: d.id.clone(), title: d.title.clone() }).collect(),
            facets: e.facets.known(),
            examples: examples(e),
        }
    }

    /// The search of a query and filters: one per query and filters, whichever the order of
    /// the results, and the same for the analysis views once typing rests on that query.
    fn searched(&self, query: &str, filters: &Filters) -> Rc<SearchOutcome> {
        self.searched.get((query.to_owned(), filters.clone()), || views::searched(&self.engine, query, filters))
    }

    /// The scope of an analysis view: the query as the view matches words.
    fn scope(&self, r: &ViewRequest) -> Rc<Scope> {
        let m = r.analysis.matching;
        self.scope.get((r.query.clone(), r.filters.clone(), m), || {
            views::analysis_scope(&self.engine, &r.query, &r.filters, m)
        })
    }

    fn stop_key(r: &ViewRequest) -> StopKey {
        (r.analysis.stop_add.clone(), r.analysis.stop_del.clone())
    }

    async fn lines(
        &self,
        r: &ViewRequest,
        scope: &Scope,
        pace: &mut impl Pace,
    ) -> Result<Rc<Vec<KwicLine>>, Cancelled> {
        let key = (r.query.clone(), r.filters.clone(), r.analysis.matching, r.analysis.kwic_sort);
        if let Some(lines) = self.kwic.kept(&key) {
            return Ok(lines);
        }
        let lines = views::concordance_lines_paced(&self.engine, scope, r.analysis.kwic_sort, pace).await?;
        Ok(self.kwic.keep(key, lines))
    }

    fn word_list(&self, r: &ViewRequest, allowed: &[usize]) -> Rc<WordList> {
        let key = (r.filters.clone(), r.analysis.unit, Self::stop_key(r));
        self.words.get(key, || views::word_list(&self.engine, allowed, &r.analysis))
    }

    fn word_rows(&self, r: &ViewRequest, list: &WordList) -> Rc<Vec<WordRow>> {
        let a = &r.analysis;
        let key =
            (r.filters.clone(), a.unit, Self::stop_key(r), a.show_stopwords, a.words_filter.clone(), a.words_sort);
        self.word_rows.get(key, || views::word_rows(list, a))
    }

    fn keyness(&self, r: &ViewRequest, allowed: &[usize], target: Option<&Target>) -> Rc<(usize, Keyness)> {
        let key = (r.filters.clone(), target.cloned(), r.analysis.unit, r.analysis.min_freq);
        self.keyness.get(key, || views::keyness_of(&self.engine, allowed, target, &r.analysis))
    }

    async fn collocates(
        &self,
        r: &ViewRequest,
        scope: &Scope,
        pace: &mut impl Pace,
    ) -> Result<Rc<Collocates>, Cancelled> {
        let a = &r.analysis;
        let key = (
            r.query.clone(),
            r.filters.clone(),
            a.matching,
            a.left,
            a.right,
            a.min_freq,
            Self::stop_key(r),
            a.coll_sort,
        );
        if let Some(c) = self.collocates.kept(&key) {
            return Ok(c);
        }
        let c = views::collocates_of_paced(&self.engine, scope, a, pace).await?;
        Ok(self.collocates.keep(key, c))
    }

    fn sides(&self, r: &ViewRequest, allowed: &[usize]) -> Option<Rc<Sides>> {
        let a = &r.analysis;
        let key = (r.filters.clone(), a.side_a.clone(), a.side_b.clone());
        if let Some(s) = self.sides.kept(&key) {
            return Some(s);
        }
        let sides = views::sides(&self.engine, allowed, a, &r.filters)?;
        Some(self.sides.keep(key, sides))
    }

    fn comparison(&self, r: &ViewRequest, sides: &Sides) -> Rc<Comparison> {
        let a = &r.analysis;
        let key = (r.filters.clone(), a.side_a.clone(), a.side_b.clone(), a.unit, a.min_freq);
        self.compare.get(key, || views::comparison(&self.engine, sides, a))
    }

    async fn ngrams(
        &self,
        r: &ViewRequest,
        allowed: &[usize],
        pace: &mut impl Pace,
    ) -> Result<(Rc<Ngrams>, Vec<String>, Option<String>), Cancelled> {
        let a = &r.analysis;
        let (options, words, note) = views::ngram_options(&self.engine, allowed, &r.query, a);
        let min = u32::try_from(options.min_freq).unwrap_or(u32::MAX);
        let key = (r.filters.clone(), a.n, min, options.containing.clone(), a.ngram_drop_stop, Self::stop_key(r));
        if let Some(n) = self.ngrams.kept(&key) {
            return Ok((n, words, note));
        }
        let n = ngrams::ngrams_paced(&self.engine, allowed, &options, &views::stop_list(a), pace).await?;
        Ok((self.ngrams.keep(key, n), words, note))
    }

    async fn summary(
        &self,
        r: &ViewRequest,
        allowed: &[usize],
        pace: &mut impl Pace,
    ) -> Result<Rc<Summary>, Cancelled> {
        let key = (r.filters.clone(), Self::stop_key(r));
        if let Some(s) = self.summary.kept(&key) {
            return Ok(s);
        }
        let s = summary::summary_paced(&self.engine, allowed, &views::stop_list(&r.analysis), pace).await?;
        Ok(self.summary.keep(key, s))
    }

    fn target(&self, r: &ViewRequest, allowed: &[usize]) -> Option<Target> {
        views::effective_target(&self.engine, allowed, &r.analysis, r.open_doc.as_deref())
    }

    /// What an analysis view shows.
    pub fn view(&self, r: &ViewRequest) -> ViewAnswer {
        finish(self.view_paced(r, &mut Unpaced))
    }

    /// [`Service::view`], telling `pace` how far a long computation has got (a concordance or
    /// the collocates of a frequent word on a large corpus take seconds); `pace` may stop it.
    pub async fn view_paced(&self, r: &ViewRequest, pace: &mut impl Pace) -> Result<ViewAnswer, Cancelled> {
        let e = &self.engine;
        let a = &r.analysis;
        let scope = self.scope(r);
        let terms = a.terms_in_effect(&r.query);
        let mut notes = Vec::new();
        let uses_query =
            matches!(r.view, View::Concordance | View::Collocates) || (r.view == View::Ngrams && a.ngram_query);
        if uses_query {
            notes.extend(scope.compiled.cap_notes());
        }
        // The terms compiled once, for the view and for what the page says of them (a wildcard's
        // cap); the comparison uses the first.
        let compiled = match r.view {
            View::Distribution | View::Trends => views::compile_terms(e, &terms, a.matching),
            View::Compare => views::compile_terms(e, &terms[..terms.len().min(1)], a.matching),
            _ => Vec::new(),
        };
        notes.extend(views::term_notes(&compiled));
        let needs_query = matches!(r.view, View::Concordance | View::Collocates) && scope.compiled.is_empty();
        if needs_query {
            notes.extend(self.damage_note());
            return Ok(ViewAnswer { data: ViewData::NeedsQuery, notes });
        }
        let data = match r.view {
            View::Concordance => {
                ViewData::Concordance(views::concordance_page(e, &self.lines(r, &scope, pace).await?, a))
            }
            View::Words => {
                let list = self.word_list(r, &scope.allowed);
                let rows = self.word_rows(r, &list);
                ViewData::Words(views::words_page(&list, &rows, scope.allowed.len(), a))
            }
            View::Keyness => {
                let target = self.target(r, &scope.allowed);
                let k = self.keyness(r, &scope.allowed, target.as_ref());
                ViewData::Keyness(views::keyness_data(e, &scope.allowed, target, &k))
            }
            View::Collocates => {
                ViewData::Collocates(views::collocates_page(self.collocates(r, &scope, pace).await?.as_ref(), a))
            }
            View::Distribution => ViewData::Distribution(views::distribution(e, &scope.allowed, &terms, &compiled)),
            View::Trends if a.by != Period::Doc => {
                ViewData::Periods { periods: trends_by(e, &compiled, &scope.allowed, &a.by), terms, by: a.by.clone() }
            }
            View::Trends => ViewData::Trends { points: views::trend_points(e, &scope.allowed, &compiled), terms },
            View::Compare => match self.sides(r, &scope.allowed) {
                None => ViewData::NeedsSides,
                Some(sides) => {
                    let c = self.comparison(r, &sides);
                    let term = terms.first().cloned().zip(compiled.first());
                    ViewData::Compare(Box::new(views::compare_data_paced(e, &sides, &c, a, term, pace).await?))
                }
            },
            View::Ngrams => {
                let (ng, words, note) = self.ngrams(r, &scope.allowed, pace).await?;
                notes.extend(note);
                ViewData::Ngrams(views::ngrams_page(&ng, words, a))
            }
            View::Summary => {
                ViewData::Summary(Box::new(views::summary_data(e, &*self.summary(r, &scope.allowed, pace).await?, a)))
            }
            View::Search | View::Reader => ViewData::None,
        };
        notes.extend(self.damage_note());
        Ok(ViewAnswer { data, notes })
    }

    /// Every row of an analysis view (an empty table for a view without rows).
    pub fn export(&self, r: &ViewRequest) -> Table {
        finish(self.export_paced(r, &mut Unpaced))
    }

    /// [`Service::export`], telling `pace` how far it has got; `pace` may stop it.
    pub async fn export_paced(&self, r: &ViewRequest, pace: &mut impl Pace) -> Result<Table, Cancelled> {
        let e = &self.engine;
        let a = &r.analysis;
        let scope = self.scope(r);
        let terms = a.terms_in_effect(&r.query);
        let empty = Table { columns: Vec::new(), rows: Vec::new() };
        Ok(match r.view {
            View::Concordance if scope.compiled.is_empty() => empty,
            View::Collocates if scope.compiled.is_empty() => empty,
            View::Concordance => {
                let lines = self.lines(r, &scope, pace).await?;
                concordance::table_paced(e, &lines, usize::from(a.width), pace).await?
            }
            View::Words => {
                let list = self.word_list(r, &scope.allowed);
                let rows = self.word_rows(r, &list);
                wordlist::table(&WordList {
                    rows: rows.to_vec(),
                    total_tokens: list.total_tokens,
                    type_token_ratio: 0.0,
                })
            }
            View::Keyness => {
                let target = self.target(r, &scope.allowed);
                keyness::table(&self.keyness(r, &scope.allowed, target.as_ref()).1)
            }
            View::Collocates => collocates::table(self.collocates(r, &scope, pace).await?.as_ref()),
            View::Distribution | View::Trends => {
                let compiled = views::compile_terms(e, &terms, a.matching);
                match (r.view, &a.by) {
                    (View::Distribution, _) => dispersion::table(e, &terms, &dispersion(e, &compiled, &scope.allowed)),
                    (_, Period::Doc) => trends::table(e, &terms, &trends(e, &compiled, &scope.allowed)),
                    (_, by) => trends::period_table(&terms, by, &trends_by(e, &compiled, &scope.allowed, by)),
                }
            }
            View::Compare => match self.sides(r, &scope.allowed) {
                None => empty,
                Some(sides) => compare::table(&self.comparison(r, &sides)),
            },
            View::Ngrams => ngrams::table(&self.ngrams(r, &scope.allowed, pace).await?.0),
            View::Summary => summary::table(e, &*self.summary(r, &scope.allowed, pace).await?),
            View::Search | View::Reader => empty,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::concordance::KwicSort;
    use crate::api::views::COMPARE_LINES;
    use crate::api::{SearchRequest, ViewRequest, PAGE_SIZE};
    use crate::facets::Facet;
    use crate::model::{Corpus, Document};
    use crate::search::Sort;
    use crate::view_state::{Analysis, Change};

    fn service() -> Service {
        let doc = |i: usize, outlet: &str, text: String| Document {
            outlet: Some(outlet.into()),
            kind: "news".into(),
            url: Some(if i == 0 { "javascript:alert(1)".into() } else { format!("https://example.org/{i}") }),
            ..Document::new(format!("d{i}"), format!("Stalin {i}"), vec![text])
        };
        let docs = (0..3)
            .map(|i| {
                doc(i, if i == 2 { "Blog" } else { "RT" }, "the red army and the union state ".repeat(60 * (i + 1)))
            })
            .collect();
        Service::new(Engine::new(Corpus::new("v1", docs)))
    }

    /// What a view shows, without the notes.
    fn data(s: &Service, r: &ViewRequest) -> ViewData {
        s.view(r).data
    }

    fn view(view: View, query: &str, analysis: Analysis) -> ViewRequest {
        ViewRequest { view, query: query.into(), filters: Filters::default(), analysis, open_doc: None }
    }

    /// Through JSON, and through postcard, the binary form the app's worker posts.
    fn round_trip(r: &Request, s: &Service) {
        let json = serde_json::to_string(r).unwrap();
        assert_eq!(&serde_json::from_str::<Request>(&json).unwrap(), r);
        assert_eq!(&postcard::from_bytes::<Request>(&postcard::to_allocvec(r).unwrap()).unwrap(), r);
        let answer = s.handle(r);
        let json = serde_json::to_string(&answer).unwrap();
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), answer, "{json}");
        let bytes = postcard::to_allocvec(&answer).unwrap();
        assert_eq!(postcard::from_bytes::<Response>(&bytes).unwrap(), answer, "{json}");
    }

    #[test]
    fn every_request_and_response_serializes_and_reads_back() {
        let s = service();
        let mut filters = Filters::default();
        filters.add(Facet::Outlet, "RT");
        filters.add(Facet::Field("party".into()), "x");
        let mut a =
            Analysis { kwic_sort: KwicSort::Right(2), target: Some(Target::Outlet("RT".into())), ..Default::default() };
        a.apply(Change::AddTerm("army".into()), "red");
        let mut requests = vec![
            Request::Info,
            Request::Search(SearchRequest {
                query: "stalin".into(),
                filters: filters.clone(),
                sort: Sort::Newest,
                shown: 2,
            }),
            Request::Suggest { query: "sta".into() },
            Request::Document { id: "d1".into(), query: "red".into(), matching: Some(Matching::Form) },
            Request::Document { id: "nope".into(), query: "".into(), matching: None },
        ];
        for v in View::ALL {
            requests.push(Request::View(view(v, "red", a.clone())));
            requests.push(Request::Export(view(v, "red", a.clone())));
        }
        for r in &requests {
            round_trip(r, &s);
        }
    }

    fn search(s: &Service, query: &str, sort: Sort, shown: usize) -> crate::api::SearchPage {
        let r = SearchRequest { query: query.into(), filters: Filters::default(), sort, shown };
        match s.handle(&Request::Search(r)) {
            Response::Search(p) => p,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn search_pages_carry_what_the_results_show() {
        let s = service();
        let p = search(&s, "army", Sort::Relevance, 2);
        assert_eq!((p.total, p.items.len(), p.query_empty), (3, 2, false));
        assert!(p.items.iter().all(|i| !i.snippet.highlights.is_empty()));
        let p = search(&s, "armx", Sort::Relevance, 50);
        assert_eq!(p.corrections, [("armx".to_string(), "army".to_string())]);
    }

    #[test]
    fn every_order_is_the_search_s_own() {
        let s = service();
        for sort in Sort::ALL {
            let p = search(&s, "red", sort, 50);
            let direct = crate::search::search(s.engine(), "red", &Filters::default(), sort);
            let ids: Vec<&str> = p.items.iter().map(|i| i.summary.doc.id.as_str()).collect();
            let want: Vec<&str> = direct.hits.iter().map(|h| s.engine().corpus.documents[h.doc].id.as_str()).collect();
            assert_eq!(ids, want, "{sort:?}");
        }
    }

    #[test]
    fn pages() {
        use crate::api::page_range;
        assert_eq!(page_range(3, 250), (3, 200..250));
        assert_eq!(page_range(9, 250), (3, 200..250));
        assert_eq!(page_range(0, 250), (1, 0..100));
        assert_eq!(page_range(1, 0), (1, 0..0));
    }

    #[test]
    fn documents_mark_hits_and_link_only_web_addresses() {
        let s = service();
        let Response::Document(Some(d)) =
            s.handle(&Request::Document { id: "d0".into(), query: "stalin red".into(), matching: None })
        else {
            panic!()
        };
        assert_eq!(d.url, None);
        assert_eq!(d.title_marks, vec![0..6]);
        assert_eq!(d.hits, 1 + 60);
        assert_eq!(d.paragraphs[0].1.len(), 60);
        assert_eq!(
            s.handle(&Request::Document { id: "x".into(), query: "".into(), matching: None }),
            Response::Document(None)
        );
    }

    #[test]
    fn views_are_paged_and_need_a_query_where_they_show_its_hits() {
        let s = service();
        for v in [View::Concordance, View::Collocates] {
            assert_eq!(data(&s, &view(v, " ", Analysis::default())), ViewData::NeedsQuery);
        }
        let ViewData::Concordance(c) =
            data(&s, &view(View::Concordance, "army", Analysis { page: 9, ..Default::default() }))
        else {
            panic!()
        };
        // 60 + 120 + 180 hits in the bodies, and none in the titles.
        assert_eq!((c.lines.total, c.documents, c.lines.page, c.lines.rows.len()), (360, 3, 4, 60));
        assert_eq!(c.lines.rows[0].keyword, "army");
        assert_eq!(c.lines.rows[0].left.split_whitespace().count(), 6);
        // Every export row of the concordance, not the page.
        assert_eq!(s.export(&view(View::Concordance, "army", Analysis::default())).rows.len(), 360);
        let ViewData::Words(w) = data(&s, &view(View::Words, "", Analysis::default())) else { panic!() };
        assert!(w.words.rows.iter().all(|r| !r.stopword) && w.words.rows.len() <= PAGE_SIZE);
        assert_eq!(w.words.rows[0].word, "army");
    }

    #[test]
    fn keyness_targets_the_open_document_else_the_first() {
        let s = service();
        let mut r = view(View::Keyness, "", Analysis::default());
        let ViewData::Keyness(k) = data(&s, &r) else { panic!() };
        assert_eq!((k.target, k.target_size.docs, k.reference_size.docs), (Some(Target::Doc("d0".into())), 1, 2));
        r.open_doc = Some("d2".into());
        let ViewData::Keyness(k) = data(&s, &r) else { panic!() };
        assert_eq!(k.target, Some(Target::Doc("d2".into())));
        r.analysis.target = Some(Target::Outlet("RT".into()));
        let ViewData::Keyness(k) = data(&s, &r) else { panic!() };
        assert_eq!((k.target_size.docs, k.reference_size.docs, k.choices.len()), (2, 1, 3));
    }

    #[test]
    fn terms_default_to_the_query() {
        let s = service();
        let ViewData::Distribution(d) = data(&s, &view(View::Distribution, "army", Analysis::default())) else {
            panic!()
        };
        assert_eq!((d.len(), d[0].term.as_str(), d[0].hits), (1, "army", 360));
        let ViewData::Trends { terms, points } = data(&s, &view(View::Trends, "", Analysis::default())) else {
            panic!()
        };
        assert!(terms.is_empty() && points.len() == 3);
    }

    #[test]
    fn long_views_report_their_progress_and_stop_when_cancelled() {
        use crate::pace::testing::{run, Recorder};
        let s = service();
        for v in [View::Concordance, View::Collocates] {
            let r = view(v, "the", Analysis::default());
            // Stopped at its first step: no answer, and nothing half-made is kept.
            let mut stop = Recorder { stop_at: Some(1), ..Default::default() };
            assert_eq!(run(s.view_paced(&r, &mut stop)), Err(Cancelled), "{v:?}");
            assert_eq!(stop.steps.len(), 1);
            let mut stop = Recorder { stop_at: Some(1), ..Default::default() };
            assert_eq!(run(s.export_paced(&r, &mut stop)).map(|t| t.rows.len()), Err(Cancelled), "{v:?}");
            // Paced to its end, the same answer as unpaced, with progress that only grows.
            let mut record = Recorder::default();
            let paced = run(s.view_paced(&r, &mut record)).unwrap();
            assert_eq!(paced, Service::new(Engine::new(s.engine().corpus.clone())).view(&r), "{v:?}");
            assert!(record.steps.len() >= 3, "{v:?}: {:?}", record.steps);
            for pair in record.steps.windows(2) {
                let ((s0, d0, t0), (s1, d1, t1)) = (pair[0], pair[1]);
                assert!(d0 <= t0 && d1 <= t1, "{pair:?}");
                if s0 == s1 {
                    assert!(d0 <= d1 && t0 == t1, "{pair:?}");
                }
            }
        }
        // Every row of the concordance of "the" (two per repetition of the text), paced.
        let r = view(View::Concordance, "the", Analysis::default());
        let mut record = Recorder::default();
        let table = run(s.export_paced(&r, &mut record)).unwrap();
        assert_eq!(table.rows.len(), 2 * 60 * (1 + 2 + 3));
        assert!(record.steps.iter().any(|(stage, _, _)| *stage == crate::pace::Stage::Rows));
    }

    #[test]
    fn the_views_of_issue_14_answer_through_the_service() {
        let s = service();
        // The comparison: RT's two documents against the blog; B empty is "the rest".
        let a = Analysis { side_a: "outlet:rt".into(), min_freq: 1, ..Analysis::default() };
        let ViewData::Compare(c) = data(&s, &view(View::Compare, "army", a.clone())) else { panic!() };
        assert_eq!((c.a.size.docs, c.b.size.docs, c.overlap), (2, 1, 0));
        // Titles "Stalin i" (2 words each) and the body, 7 words 60, 120 and 180 times.
        assert_eq!((c.a.size.tokens, c.b.size.tokens), (4 + 7 * 180, 2 + 7 * 180));
        let t = c.term.as_ref().unwrap();
        assert_eq!((t.term.as_str(), t.rates.a_hits, t.rates.b_hits), ("army", 180, 180));
        assert_eq!((t.a_lines.len(), t.b_lines.len()), (COMPARE_LINES, COMPARE_LINES));
        // Same rates on both sides: every word is a lockword, none is significant.
        assert!(c.more_in_a.is_empty() && c.more_in_b.is_empty() && !c.lockwords.is_empty());
        assert_eq!(data(&s, &view(View::Compare, "", Analysis::default())), ViewData::NeedsSides);
        // Overlapping sides count in both.
        let both = Analysis { side_b: "stalin".into(), ..a };
        let ViewData::Compare(c) = data(&s, &view(View::Compare, "", both)) else { panic!() };
        assert_eq!((c.a.size.docs, c.b.size.docs, c.overlap), (2, 3, 2));

        // Phrases, the overview and trends by year (the documents are undated: all left out).
        let ViewData::Ngrams(n) = data(&s, &view(View::Ngrams, "", Analysis::default())) else { panic!() };
        // Six bigrams 360 times each (ties in alphabetical order), "state the" one fewer a document.
        assert_eq!(n.ngrams.rows[0].words, "and the");
        assert_eq!(n.ngrams.rows[0].count, 60 * (1 + 2 + 3));
        let ViewData::Summary(m) = data(&s, &view(View::Summary, "", Analysis::default())) else { panic!() };
        assert_eq!((m.docs, m.tokens, m.documents.rows.len()), (3, 3 * 2 + 7 * 60 * 6, 3));
        let by_year = Analysis { by: Period::Year, ..Analysis::default() };
        let ViewData::Periods { periods, .. } = data(&s, &view(View::Trends, "army", by_year)) else { panic!() };
        assert_eq!((periods.rows.len(), periods.left_out), (0, 3));
    }

    #[test]
    fn analysis_views_count_word_forms_unless_asked_for_stems_and_say_what_a_wildcard_left_out() {
        let doc = |i: usize, text: &str| Document::new(format!("d{i}"), "T", vec![text.into()]);
        let words: String = (0..250).map(|i| format!("w{i}ism ")).collect();
        let corpus = Corpus::new("v", vec![doc(0, "Stalin and Stalin's Stalinism, Stalingrad"), doc(1, &words)]);
        let s = Service::new(Engine::new(corpus));
        let hits = |m: Matching| {
            let a = Analysis { matching: m, ..Analysis::default() };
            let ViewData::Distribution(d) = data(&s, &view(View::Distribution, "stalin", a)) else { panic!() };
            d[0].hits
        };
        assert_eq!((hits(Matching::Form), hits(Matching::Stem)), (2, 3));
        // The typed query is not a prefix in the concordance: no Stalingrad.
        let ViewData::Concordance(c) = data(&s, &view(View::Concordance, "stalin", Analysis::default())) else {
            panic!()
        };
        assert_eq!(c.lines.total, 2);
        let answer = s.view(&view(View::Concordance, "*ism", Analysis::default()));
        assert_eq!(answer.notes.len(), 1, "{:?}", answer.notes);
        assert!(answer.notes[0].contains("the 200 most frequent"), "{:?}", answer.notes);
    }

    #[test]
    fn kept_results_serve_page_turns() {
        let memo: Memo<u8, Vec<u8>> = Memo::new();
        let first = memo.get(1, || vec![1]);
        assert!(Rc::ptr_eq(&first, &memo.get(1, || unreachable!())));
        assert_eq!(*memo.get(2, || vec![2]), [2]);
    }
}
