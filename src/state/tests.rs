use super::*;
use explorer_core::api::{Request, Response, Service};
use explorer_core::view_state::Target;
use explorer_core::{Corpus, Document, Engine};

fn info() -> Rc<CorpusInfo> {
    let doc = |id: &str, outlet: &str| Document {
        outlet: Some(outlet.into()),
        kind: "news".into(),
        ..Document::new(id, id, vec!["Stalin".into()])
    };
    let service = Service::new(Engine::new(Corpus::new("t", vec![doc("a", "RT"), doc("b", "Blog")])));
    match service.handle(&Request::Info) {
        Response::Info(i) => Rc::new(i),
        other => panic!("{other:?}"),
    }
}

fn state(qs: &str) -> State {
    State::new(info(), qs, Theme::Auto)
}

#[test]
fn typing_replaces_history_after_the_first_keystroke() {
    let s = state("").apply(Action::SetQuery("s".into()));
    assert_eq!(s.history, HistoryWrite::Push);
    let s = s.apply(Action::SetQuery("st".into()));
    assert_eq!(s.history, HistoryWrite::Replace);
    let s = s.apply(Action::OpenDoc("a".into()));
    assert_eq!(s.history, HistoryWrite::Push);
    let s = s.apply(Action::SetQuery("sta".into()));
    assert_eq!(s.history, HistoryWrite::Push);
}

#[test]
fn bad_url_values_are_dropped_with_notices() {
    let s = state("?q=x&outlet=Nope&doc=zzz&foo=1");
    assert_eq!(s.view.query, "x");
    assert!(s.view.filters.is_empty());
    assert_eq!((s.view.doc.as_deref(), s.view.view), (None, View::Search));
    assert_eq!(s.notices.len(), 3, "{:?}", s.notices);
    // The next action clears them.
    assert!(s.apply(Action::SetQuery("y".into())).notices.is_empty());
}

#[test]
fn picked_queries_and_sort_are_new_history_entries() {
    let s = state("").apply(Action::SetQuery("st".into()));
    let s = s.apply(Action::PickQuery("stalin ".into()));
    assert_eq!((s.history, s.view.query.as_str()), (HistoryWrite::Push, "stalin "));
    let s = s.apply(Action::SetSort(Sort::Title));
    assert_eq!((s.history, s.view.sort), (HistoryWrite::Push, Sort::Title));
    // Typing after a pick starts a new entry, then refines it.
    let s = s.apply(Action::SetQuery("stalin l".into()));
    assert_eq!(s.history, HistoryWrite::Push);
}

#[test]
fn views_and_hits() {
    let s = state("?q=stalin").apply(Action::SetView(View::Concordance));
    assert_eq!(s.view.view, View::Concordance);
    assert_eq!(s.view.to_query_string(), "?q=stalin&view=concordance");
    let s = s.apply(Action::OpenHit("b".into(), 2));
    assert_eq!((s.view.view, s.hit, s.reader_doc()), (View::Reader, 2, Some("b")));
    // The reader tab needs a document.
    let s = s.apply(Action::CloseDoc).apply(Action::SetView(View::Reader));
    assert_eq!(s.view.view, View::Search);
}

#[test]
fn hits_wrap_around() {
    let s = state("?doc=a").apply(Action::PrevHit(3));
    assert_eq!(s.hit, 2);
    assert_eq!(s.apply(Action::NextHit(3)).hit, 0);
    assert_eq!(s.apply(Action::NextHit(0)).hit, 0);
}

#[test]
fn restore_does_not_write_history_and_keeps_the_page_s_theme() {
    let s = state("").apply(Action::SetTheme(Theme::Dark)).apply(Action::OpenDialog(Dialog::Shortcuts));
    let s = s.apply(Action::Restore("?q=stalin&outlet=RT".into()));
    assert_eq!(s.history, HistoryWrite::None);
    assert_eq!(s.view.query, "stalin");
    assert!(s.view.filters.is_selected(Facet::Outlet, "RT"));
    assert_eq!((s.ui.stored_theme, s.ui.dialog), (Theme::Dark, None));
}

#[test]
fn analysis_changes_go_through_the_reducer() {
    let s = state("?q=stalin&view=words&page=3")
        .apply(Action::Change(Change::WordSort(explorer_core::analysis::wordlist::WordSort::Alpha)));
    assert_eq!((s.view.analysis.page, s.history), (1, HistoryWrite::Push));
    let s = s.apply(Action::Change(Change::AddTerm("lenin".into())));
    assert_eq!(s.view.analysis.terms, ["stalin", "lenin"]);
    let s = s.apply(Action::Change(Change::Target(Target::Outlet("RT".into()))));
    assert!(s.view.to_query_string().contains("target=outlet%3ART"));
}

#[test]
fn the_page_s_own_state() {
    let s = state("?theme=light");
    assert_eq!(s.ui.theme(s.view.presentation.theme), Theme::Light);
    let s = s.apply(Action::SetTheme(Theme::Dark));
    assert_eq!((s.ui.theme(s.view.presentation.theme), s.history), (Theme::Dark, HistoryWrite::None));
    let s = s.apply(Action::SetDrawer(true)).apply(Action::OpenDialog(Dialog::Embed));
    assert!(s.ui.drawer && s.ui.dialog == Some(Dialog::Embed));
    assert_eq!(s.apply(Action::CloseDialog).ui.dialog, None);
    assert!(s.apply(Action::UpdateAvailable).ui.update_available);
    // More results, until the query, the filters or the order change.
    let s = s.apply(Action::ShowMore).apply(Action::ShowMore);
    assert_eq!(s.ui.shown, 3 * SHOWN);
    assert_eq!(s.apply(Action::SetFilter(Facet::Outlet, "RT".into(), true)).ui.shown, SHOWN);
    assert_eq!(s.apply(Action::SetSort(Sort::Newest)).ui.shown, SHOWN);
    assert_eq!(s.apply(Action::NextHit(2)).ui.shown, 3 * SHOWN);
}

#[test]
fn a_query_looked_up_in_a_view_is_one_new_history_entry() {
    let s = state("?view=ngrams&page=3").apply(Action::QueryIn("\"soviet union\"".into(), View::Search));
    assert_eq!((s.history, s.view.view, s.view.query.as_str()), (HistoryWrite::Push, View::Search, "\"soviet union\""));
    assert_eq!(s.view.to_query_string(), "?q=%22soviet+union%22");
    let s = s.apply(Action::QueryIn("stalin".into(), View::Concordance));
    assert_eq!(s.view.to_query_string(), "?q=stalin&view=concordance");
}

#[test]
fn a_trends_period_the_corpus_lacks_is_dropped_with_a_notice() {
    let s = state("?view=trends&by=party");
    assert_eq!(s.view.analysis.by, explorer_core::analysis::trends::Period::Doc);
    assert!(s.notices[0].contains("no metadata field “party”"), "{:?}", s.notices);
    let s = state("?view=trends&by=outlet");
    assert_eq!(s.view.analysis.by, explorer_core::analysis::trends::Period::Field("outlet".into()));
    assert!(s.notices.is_empty());
}

#[test]
fn the_reader_marks_as_the_view_whose_line_opened_it() {
    let s = state("?q=stalin&view=concordance&match=stem").apply(Action::OpenHit("a".into(), 3));
    assert_eq!((s.reader_matching, s.hit), (Some(Matching::Stem), 3));
    // A result, a host page or closing the reader: the search's reading again.
    assert_eq!(s.apply(Action::OpenDoc("b".into())).reader_matching, None);
    assert_eq!(s.apply(Action::CloseDoc).reader_matching, None);
    // A line of the comparison's term makes the term the query.
    let s = state("?view=compare&a=outlet:rt&q=x").apply(Action::OpenTermHit("b".into(), 1, "union".into()));
    assert_eq!(
        (s.view.query.as_str(), s.view.doc.as_deref(), s.reader_matching),
        ("union", Some("b"), Some(Matching::Form))
    );
}
