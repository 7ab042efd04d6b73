//! Every word the page shows for a value of the core: view and sort names, facet headings,
//! counts with their plural, document metadata lines, times.

use explorer_core::analysis::collocates::CollocateSort;
use explorer_core::analysis::concordance::KwicSort;
use explorer_core::analysis::wordlist::WordSort;
use explorer_core::api::DocSummary;
use explorer_core::facets::Facet;
pub use explorer_core::numbers::group_digits;
use explorer_core::search::Sort;
use explorer_core::view_state::View;

/// The tab's label.
pub fn view(v: View) -> &'static str {
    match v {
        View::Search => "Search",
        View::Reader => "Reader",
        View::Concordance => "Concordance",
        View::Words => "Word list",
        View::Keyness => "Distinctive words",
        View::Collocates => "Collocates",
        View::Distribution => "Distribution",
        View::Trends => "Trends",
        View::Compare => "Compare",
        View::Ngrams => "Phrases",
        View::Summary => "Overview",
    }
}

/// The order of the results, as the sort menu names it.
pub fn sort(s: Sort) -> &'static str {
    match s {
        Sort::Relevance => "Relevance",
        Sort::Newest => "Newest first",
        Sort::Oldest => "Oldest first",
        Sort::Title => "Title A–Z",
    }
}

/// The heading shown above a facet's values (a field's name with `_`/`-` as spaces, capitalised).
pub fn facet(f: &Facet) -> String {
    match f {
        Facet::Outlet => "Outlet".into(),
        Facet::Kind => "Kind".into(),
        Facet::Year => "Year".into(),
        Facet::Person => "People mentioned".into(),
        Facet::Field(name) => {
            let words = name.replace(['_', '-'], " ");
            let mut chars = words.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        }
    }
}

/// A concordance order as the menu names it.
pub fn kwic_sort(s: KwicSort) -> String {
    let nth = |n: u8| ["1st", "2nd", "3rd"][usize::from(n.clamp(1, 3)) - 1];
    match s {
        KwicSort::Document => "document order".into(),
        KwicSort::Keyword => "keyword".into(),
        KwicSort::Left(n) => format!("{} word left", nth(n)),
        KwicSort::Right(n) => format!("{} word right", nth(n)),
    }
}

/// A word-list order as the menu names it.
pub fn word_sort(s: WordSort) -> &'static str {
    match s {
        WordSort::Count => "count",
        WordSort::Docs => "documents",
        WordSort::Alpha => "A–Z",
    }
}

/// A collocates column as its header names it.
pub fn collocate_sort(s: CollocateSort) -> &'static str {
    match s {
        CollocateSort::LogDice => "logDice",
        CollocateSort::Mi => "MI",
        CollocateSort::TScore => "t-score",
        CollocateSort::Observed => "O",
        CollocateSort::Expected => "E",
        CollocateSort::Frequency => "f(coll)",
        CollocateSort::Word => "word",
    }
}

/// `n` and the noun, singular for 1 (`1 document`, `2,330 documents`).
pub fn count(n: usize, noun: &str) -> String {
    format!("{} {noun}{}", group_digits(n), if n == 1 { "" } else { "s" })
}

pub use explorer_core::view_state::clip as clipped;

/// The metadata line of a document: outlet · date · kind · author · words.
pub fn meta_line(d: &DocSummary) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(d.outlet.clone());
    parts.extend(d.date.clone());
    parts.push(d.kind.clone());
    if let Some(a) = &d.author {
        parts.push(format!("by {a}"));
    }
    parts.push(count(d.words, "word"));
    parts.join(" · ")
}

/// 0.0123 → "0.01", 0.31 → "0.31", 12.345 → "12.3", 345.6 → "346".
pub fn ms(ms: f64) -> String {
    if ms < 10.0 {
        format!("{ms:.2}")
    } else if ms < 100.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.0}")
    }
}

/// The text with its first letter in capitals (`year` → `Year`).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(facet(&Facet::Field("party_name".into())), "Party name");
        assert_eq!(facet(&Facet::Field("ärzte-liste".into())), "Ärzte liste");
        assert_eq!(kwic_sort(KwicSort::Left(2)), "2nd word left");
        assert_eq!((count(1, "line"), count(1234, "line")), ("1 line".to_string(), "1,234 lines".to_string()));
        assert_eq!((clipped("abc", 3), clipped("abcd", 3)), ("abc".to_string(), "abc…".to_string()));
        assert_eq!((ms(0.0123), ms(12.345), ms(345.6)), ("0.01".to_string(), "12.3".to_string(), "346".to_string()));
    }
}
