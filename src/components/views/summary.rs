//! Overview: the corpus (or the documents the filters allow) at a glance — size, vocabulary,
//! lexical diversity, sentence length, the longest and shortest documents, the most frequent
//! words, and each document's most distinctive words.

use super::{data_table, view_frame};
use crate::components::export_buttons::ExportButtons;
use crate::components::pager::pager;
use crate::context::AppContext;
use crate::labels::{self, group_digits};
use crate::state::Action;
use explorer_core::api::{DocFigures, SummaryData, ViewRequest};
use explorer_core::view_state::View;
use yew::prelude::*;

fn doc_list(app: &AppContext, id: &'static str, docs: &[DocFigures]) -> Html {
    html! {
        <ol {id} class="doc-list">
            { for docs.iter().map(|d| {
                let doc = d.doc.id.clone();
                let onclick = app.callback(move |_: MouseEvent| Action::OpenDoc(doc.clone()));
                html! {
                    <li data-doc-id={d.doc.id.clone()}><button type="button" class="link" {onclick}>{ d.doc.title.clone() }</button>
                        { format!(" — {} tokens", group_digits(d.tokens as usize)) }</li>
                }
            }) }
        </ol>
    }
}

/// A word that opens its concordance.
fn word_button(app: &AppContext, word: &str, text: String) -> Html {
    let w = word.to_owned();
    let onclick = app.callback(move |_: MouseEvent| Action::QueryIn(w.clone(), View::Concordance));
    html! {
        <button type="button" class="link" data-word={word.to_owned()} title={format!("Concordance of “{word}”")} {onclick}>{ text }</button>
    }
}

/// The overview.
pub fn view(app: &AppContext, request: &ViewRequest, s: &SummaryData) -> Html {
    let figure = |id: &'static str, term: &str, value: String, note: &str| {
        html! {
            <div class="figure">
                <dt>{ term.to_owned() }</dt>
                <dd {id}>{ value }if !note.is_empty() { <span class="hint">{ format!(" {note}") }</span> }</dd>
            </div>
        }
    };
    let mattr = match s.mattr {
        Some(m) => format!("{m:.3}"),
        None => "—".into(),
    };
    let mattr_note = match s.mattr {
        Some(_) => format!(
            "(mean type/token ratio of every {}-token window, in the {} long enough)",
            s.mattr_window,
            labels::count(s.mattr_docs, "document")
        ),
        None => format!("(no document has {} tokens)", group_digits(s.mattr_window)),
    };
    let body = html! {
        <>
            <div class="view-controls">
                <ExportButtons name="overview" request={request.clone()} view="summary" />
            </div>
            if s.docs == 0 {
                <p class="empty-view">{ "No documents: the filters allow none." }</p>
            } else {
                <dl class="figures" id="summary-figures">
                    { figure("summary-docs", "Documents", group_digits(s.docs), "") }
                    { figure("summary-tokens", "Tokens", group_digits(s.tokens as usize), "(words of titles and texts)") }
                    { figure("summary-types", "Word types", group_digits(s.types as usize), "(distinct word forms)") }
                    { figure("summary-mattr", "Lexical diversity (MATTR)", mattr, &mattr_note) }
                    { figure("summary-ttr", "Type/token ratio", format!("{:.3}", s.ttr), "(falls as a text grows: compare corpora by MATTR)") }
                    { figure("summary-sentence", "Mean sentence length",
                        s.mean_sentence.map(|m| format!("{m:.1} words")).unwrap_or_else(|| "—".into()),
                        &format!("({} sentences)", group_digits(s.sentences as usize))) }
                </dl>
                <p class="method">{ format!("Plain type/token ratio depends on length: the longer the text, the lower it is, so it cannot compare a short selection with a long one. The moving-average type/token ratio (Covington & McFall 2010) averages the ratio over every window of {} consecutive tokens of a document, so it does not depend on length. Sentences end at . ! ? or … followed by a space or the end of a paragraph; abbreviations such as “Mr.” end one too.", s.mattr_window) }</p>
                <div class="summary-lists">
                    <section aria-labelledby="summary-top-title">
                        <h3 id="summary-top-title">{ "Most frequent words" }<span class="hint">{ " (stopwords hidden)" }</span></h3>
                        <ol id="summary-top" class="top-words">
                            { for s.top_words.iter().map(|(w, n)| html! {
                                <li>{ word_button(app, w, w.clone()) }{ format!(" {}", group_digits(*n as usize)) }</li>
                            }) }
                        </ol>
                    </section>
                    <section aria-labelledby="summary-longest-title">
                        <h3 id="summary-longest-title">{ "Longest documents" }</h3>
                        { doc_list(app, "summary-longest", &s.longest) }
                        <h3>{ "Shortest documents" }</h3>
                        { doc_list(app, "summary-shortest", &s.shortest) }
                    </section>
                </div>
                { data_table("Distinctive words of each document".into(), "summary-docs-table", Some("summary-docs-table"), html! { <>
                    <caption>{ "Each document's most distinctive words (highest log-likelihood against the other documents, stopwords left out)" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Document" }</th>
                        <th scope="col" class="num">{ "Tokens" }</th>
                        <th scope="col">{ "Distinctive words" }</th>
                    </tr></thead>
                    <tbody>
                        { for s.documents.rows.iter().map(|d| html! {
                            <tr data-doc-id={d.doc.id.clone()}>
                                <td>{ d.doc.title.clone() }</td>
                                <td class="num">{ group_digits(d.tokens as usize) }</td>
                                <td class="distinctive">
                                    if d.distinctive.is_empty() { { "—" } }
                                    { for d.distinctive.iter().enumerate().map(|(i, w)| html! {
                                        <>{ if i > 0 { ", " } else { "" } }{ word_button(app, w, w.clone()) }</>
                                    }) }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </> }) }
                { pager(app, &s.documents) }
            }
        </>
    };
    let count = format!("{} · {} tokens", labels::count(s.docs, "document"), group_digits(s.tokens as usize));
    view_frame("summary", "Overview", Some(("summary-count", count)), body)
}
