//! The list of people looked for in the documents (`people.txt`), and finding their mentions.
//!
//! One person per line, `Label` or `Label: alias, alias, …`; `#` starts a comment line.
//! A document mentions a person when one of the aliases (or the label, when there are none)
//! occurs in its title or a paragraph as a run of words, compared folded (case and accents
//! do not matter). The last word may carry a possessive `'s` or a plural `s` (`Stalin's`,
//! `Stalins`), but no other ending (`Stalinism` and `Stalingrad` do not mention Stalin).

use crate::error::{value_or_errors, CorpusError};
use crate::lines::folded_words;
use explorer_core::tokenize::for_each_word;
use std::collections::HashMap;
use std::path::Path;

/// One person of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name shown in the person facet.
    pub label: String,
    /// The folded words of each alias.
    pub aliases: Vec<Vec<String>>,
}

/// Parses `people.txt` read from `path`, reporting every problem with its line.
pub fn parse_people(path: &Path, text: &str) -> Result<Vec<Person>, Vec<CorpusError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut people: Vec<Person> = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (label, aliases) = match line.split_once(':') {
            Some((label, aliases)) => (label.trim(), aliases.split(',').map(str::trim).collect()),
            None => (line, Vec::new()),
        };
        let label = crate::lines::collapse_whitespace(label);
        if label.is_empty() {
            errors.push(CorpusError::at_line(path, number, "missing name before ':'"));
            continue;
        }
        if let Some(first) = first_line.get(&label) {
            errors.push(CorpusError::at_line(path, number, format!("'{label}' is already listed on line {first}")));
            continue;
        }
        let mut names: Vec<&str> = aliases.into_iter().filter(|a: &&str| !a.is_empty()).collect();
        if names.is_empty() {
            names.push(&label);
        }
        let mut words = Vec::new();
        for name in names {
            let w = folded_words(name);
            if w.is_empty() {
                errors.push(CorpusError::at_line(path, number, format!("alias '{name}' has no words")));
            } else {
                words.push(w);
            }
        }
        first_line.insert(label.clone(), number);
        people.push(Person { label, aliases: words });
    }
    value_or_errors(people, errors)
}

/// One person from a label and its aliases (the label itself when there are none), as
/// `corpus.toml` lists them; errs when an alias has no words.
pub fn person(label: &str, aliases: &[String]) -> Result<Person, String> {
    let label = crate::lines::collapse_whitespace(label);
    let names: Vec<&str> = aliases.iter().map(|a| a.trim()).filter(|a| !a.is_empty()).collect();
    let names = if names.is_empty() { vec![label.as_str()] } else { names };
    let mut words = Vec::new();
    for name in names {
        let w = folded_words(name);
        if w.is_empty() {
            return Err(format!("alias '{name}' has no words"));
        }
        words.push(w);
    }
    Ok(Person { label, aliases: words })
}

/// The labels of the people mentioned in any of `texts`, in list order.
///
/// With no list, nothing is read; otherwise each text's words are folded once (into one
/// buffer), and the texts are read only until every person has been found.
pub fn mentioned<'a>(people: &[Person], texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    if people.is_empty() {
        return Vec::new();
    }
    let mut found = vec![false; people.len()];
    let mut left = people.len();
    let (mut folded, mut ends) = (String::new(), Vec::new());
    for text in texts {
        folded.clear();
        ends.clear();
        for_each_word(text, |_, word| {
            folded.push_str(word);
            ends.push(folded.len());
        });
        let words: Vec<&str> =
            ends.iter().scan(0, |start, &end| Some(&folded[std::mem::replace(start, end)..end])).collect();
        for (person, found) in people.iter().zip(found.iter_mut()) {
            if !*found && person.aliases.iter().any(|alias| occurs(alias, &words)) {
                *found = true;
                left -= 1;
            }
        }
        if left == 0 {
            break;
        }
    }
    people.iter().zip(found).filter(|(_, found)| *found).map(|(p, _)| p.label.clone()).collect()
}

/// Whether `alias` occurs in `words` as a run, the last word allowing `'s` or `s`.
fn occurs(alias: &[String], words: &[&str]) -> bool {
    let Some((last, init)) = alias.split_last() else {
        return false;
    };
    words.windows(alias.len()).any(|w| {
        w[..init.len()] == *init && {
            let t = &w[init.len()];
            *t == last.as_str() || t.strip_prefix(last.as_str()).is_some_and(|rest| rest == "'s" || rest == "s")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<Person> {
        parse_people(Path::new("people.txt"), text).unwrap()
    }

    fn errors(text: &str) -> Vec<String> {
        crate::error::messages(parse_people(Path::new("people.txt"), text))
    }

    #[test]
    fn parses_labels_aliases_and_comments() {
        let p = people("# comment\n\nStalin: Joseph Stalin, Stalin, Сталин\nLenin\n");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].label, "Stalin");
        assert_eq!(
            p[0].aliases,
            vec![vec!["joseph".to_string(), "stalin".into()], vec!["stalin".into()], vec!["сталин".into()]]
        );
        assert_eq!(p[1].aliases, vec![vec!["lenin".to_string()]]);
    }

    #[test]
    fn possessives_and_plurals_match_but_derivations_do_not() {
        let p = people("Stalin: Stalin");
        let m = |t: &str| mentioned(&p, [t]);
        assert_eq!(m("Stalin’s legacy"), ["Stalin"]);
        assert_eq!(m("STALINS everywhere"), ["Stalin"]);
        assert_eq!(m("any revolt would produce new Stalins."), ["Stalin"]);
        assert!(m("Stalinism and Stalinist parties").is_empty());
        assert!(m("Volgograd back to Stalingrad").is_empty());
        assert!(m("de-Stalinization").is_empty());
    }

    #[test]
    fn multi_word_aliases_cyrillic_and_accents() {
        let p = people("Milošević: Slobodan Milosevic\nStalin: Сталин\nMarx: Karl Marx");
        assert_eq!(mentioned(&p, ["In 1999, Slobodan Milošević announced"]), ["Milošević"]);
        assert_eq!(mentioned(&p, ["Иосиф Сталин"]), ["Stalin"]);
        assert!(mentioned(&p, ["Karl Kautsky and Marx"]).is_empty(), "both words must be adjacent");
        assert_eq!(mentioned(&p, ["title", "Karl Marx's Capital"]), ["Marx"]);
    }

    #[test]
    fn mentions_follow_list_order() {
        let p = people("Lenin\nStalin");
        assert_eq!(mentioned(&p, ["Stalin and Lenin"]), ["Lenin", "Stalin"]);
    }

    #[test]
    fn problems_with_lines() {
        assert_eq!(errors("Lenin\n: Trotsky\n"), ["people.txt:2: missing name before ':'"]);
        assert_eq!(errors("Lenin\n\nLenin: V. I. Lenin\n"), ["people.txt:3: 'Lenin' is already listed on line 1"]);
        assert_eq!(errors("Lenin: —\n"), ["people.txt:1: alias '—' has no words"]);
    }
}
