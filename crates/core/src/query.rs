//! The query language: what a person types becomes a tree of words, phrases and filters.
//!
//! | form | meaning |
//! |---|---|
//! | `stalin lenin` | both words (AND) |
//! | `stalin OR lenin` | either word |
//! | `-stalin`, `NOT stalin` | documents without the word |
//! | `"union state"` | the exact phrase (consecutive words in one paragraph; punctuation between is ignored) |
//! | `"union sta*"` | a phrase whose last word is a prefix |
//! | `restor*` | a forced prefix |
//! | `*ism`, `wom?n`, `de*ization` | a wildcard pattern: `*` any run of letters (none included), `?` exactly one |
//! | `(stalin OR lenin) -putin` | grouping |
//! | `title:stalin`, `title:"union state"` | words in the title only |
//! | `outlet:rt`, `author:peterson`, `kind:news`, `person:stalin` | metadata filters (words of the value) |
//! | `year:2022`, `year:2021..2025` | a year or a range of years |
//!
//! Precedence, tightest first: `NOT`/`-`, then `OR`, then the implicit `AND`, so
//! `putin stalin OR lenin` means *putin AND (stalin OR lenin)*. Operators are
//! recognised in capitals only; `or` is a word. Words are split and folded as the
//! corpus is, and a word that splits into several (`de-Stalinization`) is a phrase.
//! The last word is a prefix while it is still being typed.
//!
//! Wildcards (see [`crate::matching::Glob`]) may stand anywhere in a word, and in phrases
//! and `title:` values too (each word a pattern); a pattern is folded like a word and matched
//! against the corpus vocabulary, and it is taken as written (never a prefix while typed).
//! A word with a `*` at its end and no other wildcard stays a forced prefix (`stalin*`).
//! **A `?` at the end of a word is punctuation, not a wildcard**: `stalin?` is the word
//! `stalin`, as a question is typed; a `?` at the start or inside a word (`?talin`, `wom?n`)
//! is a wildcard. A word made only of wildcards (`*`, `??`) is ignored, with a note.
//!
//! Parsing never fails. A trailing unclosed quote or parenthesis is closed; anything
//! else unparsable (a stray `)`, a dangling `OR`, an unknown or empty field, a bad
//! year) makes the whole input be searched as plain words, with a note saying so.

use crate::matching::{has_wildcard, is_wildcard, ANY, ONE};
use crate::tokenize::for_each_word;
use std::ops::Range;

/// At most this many words (in words, phrases and filters together) are searched.
pub const MAX_WORDS: usize = 32;

/// One query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded word; a wildcard pattern keeps its `*` and `?` (`*ism`, `wom?n`), but a
    /// forced prefix does not keep its `*` (`stalin*` is `stalin` with `forced`).
    pub text: String,
    /// Also matches the longer words it begins (typed `*`, or still being typed).
    pub prefix: bool,
    /// The prefix was asked for with `*` (not merely still being typed).
    pub forced: bool,
    /// Where the word is in the input (bytes), for suggestions and corrections.
    pub span: Range<usize>,
}

impl Word {
    /// True for a wildcard pattern (`*ism`, `wom?n`, `de*iz*ation`): its `text` holds `*` or `?`,
    /// and it matches the corpus words the pattern matches ([`crate::matching::Glob`]).
    pub fn is_pattern(&self) -> bool {
        has_wildcard(&self.text)
    }
}

/// The text fields a word or phrase can be restricted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// Title and body.
    Any,
    /// The title only.
    Title,
}

/// A metadata field that a `field:value` filter tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    /// `outlet:`
    Outlet,
    /// `author:`
    Author,
    /// `kind:`
    Kind,
    /// `person:`
    Person,
}

/// A node of the query tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A word.
    Term(Word, TextField),
    /// Consecutive words.
    Phrase(Vec<Word>, TextField),
    /// The words of a metadata value, in order (`outlet:"socialist revolution"`).
    Meta(MetaField, Vec<Word>),
    /// Years from..=to.
    Year(u16, u16),
    /// All of these.
    And(Vec<Node>),
    /// Any of these.
    Or(Vec<Node>),
    /// Not this.
    Not(Box<Node>),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The tree; `None` when there is nothing to search for (every document matches).
    pub root: Option<Node>,
    /// Short messages about how the input was read.
    pub notes: Vec<String>,
}

impl Query {
    /// True when every document matches.
    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }

    /// Every word of the query, in input order.
    pub fn words(&self) -> Vec<&Word> {
        fn walk<'a>(n: &'a Node, out: &mut Vec<&'a Word>) {
            match n {
                Node::Term(w, _) => out.push(w),
                Node::Phrase(ws, _) | Node::Meta(_, ws) => out.extend(ws),
                Node::Year(..) => {}
                Node::And(c) | Node::Or(c) => c.iter().for_each(|c| walk(c, out)),
                Node::Not(c) => walk(c, out),
            }
        }
        let mut out = Vec::new();
        if let Some(r) = &self.root {
            walk(r, &mut out);
        }
        crate::sort::sort_by_key(&mut out, |w| w.span.start);
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Lex {
    Open,
    Close,
    Or,
    And,
    Not,
    /// Text of a bare chunk (already split from operators) with its span; `neg` for a leading `-`.
    Chunk {
        text: Range<usize>,
        neg: bool,
    },
    /// A quoted phrase: the span inside the quotes; `closed` false when the input ended first.
    Quoted {
        inner: Range<usize>,
        neg: bool,
        closed: bool,
    },
    /// `field:` followed by a chunk or quoted value.
    Field {
        name: String,
        value: Box<Lex>,
        neg: bool,
    },
}

const FIELDS: [&str; 6] = ["title", "outlet", "author", "kind", "person", "year"];

fn lex(input: &str) -> Vec<Lex> {
    let b = input.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = input[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        match c {
            '(' => {
                out.push(Lex::Open);
                i += 1;
                continue;
            }
            ')' => {
                out.push(Lex::Close);
                i += 1;
                continue;
            }
            _ => {}
        }
        let neg = c == '-' && input[i + 1..].chars().next().is_some_and(|n| !n.is_whitespace());
        if neg {
            i += 1;
        }
        if input[i..].starts_with('"') {
            let (lexeme, next) = quoted(input, i, neg);
            out.push(lexeme);
            i = next;
            continue;
        }
        let start = i;
        while i < b.len() {
            let ch = input[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() || ch == '(' || ch == ')' || ch == '"' {
                break;
            }
            i += ch.len_utf8();
        }
        let chunk = &input[start..i];
        if !neg {
            match chunk {
                "OR" | "|" => {
                    out.push(Lex::Or);
                    continue;
                }
                "AND" | "&" => {
                    out.push(Lex::And);
                    continue;
                }
                "NOT" => {
                    out.push(Lex::Not);
                    continue;
                }
                _ => {}
            }
        }
        if let Some((name, rest)) = chunk.split_once(':') {
            let lname = name.to_ascii_lowercase();
            if FIELDS.contains(&lname.as_str()) {
                let value_start = start + name.len() + 1;
                let value = if rest.is_empty() && input[i..].starts_with('"') {
                    let (lexeme, next) = quoted(input, i, false);
                    i = next;
                    lexeme
                } else {
                    Lex::Chunk { text: value_start..i, neg: false }
                };
                out.push(Lex::Field { name: lname, value: Box::new(value), neg });
                continue;
            }
        }
        if chunk.is_empty() {
            continue;
        }
        out.push(Lex::Chunk { text: start..i, neg });
    }
    out
}

/// Lexes a quoted phrase starting at the quote at `at`.
fn quoted(input: &str, at: usize, neg: bool) -> (Lex, usize) {
    let inner_start = at + 1;
    match input[inner_start..].find('"') {
        Some(end) => (Lex::Quoted { inner: inner_start..inner_start + end, neg, closed: true }, inner_start + end + 1),
        None => (Lex::Quoted { inner: inner_start..input.len(), neg, closed: false }, input.len()),
    }
}

struct Parser<'a> {
    input: &'a str,
    lexemes: Vec<Lex>,
    pos: usize,
    notes: Vec<String>,
    /// The byte offset where a word still being typed ends (the input's end), if any.
    typing_end: Option<usize>,
    /// Words made only of wildcards, ignored (one note for them all at the end).
    lone: Vec<String>,
}

type ParseResult = Result<Option<Node>, String>;

impl Parser<'_> {
    fn peek(&self) -> Option<&Lex> {
        self.lexemes.get(self.pos)
    }

    /// expr := or_expr (AND? or_expr)*
    fn expr(&mut self, depth: usize) -> ParseResult {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None => break,
                Some(Lex::Close) => {
                    if depth == 0 {
                        return Err("a “)” has no matching “(”".into());
                    }
                    break;
                }
                Some(Lex::And) => {
                    self.pos += 1;
                    if items.is_empty() {
                        return Err("AND has nothing before it".into());
                    }
                    continue;
                }
                Some(Lex::Or) => return Err("OR has nothing before it".into()),
                _ => {}
            }
            if let Some(n) = self.or_expr(depth)? {
                items.push(n);
            }
        }
        Ok(match items.len() {
            0 => None,
            1 => items.pop(),
            _ => Some(Node::And(items)),
        })
    }

    /// or_expr := unary (OR unary)*
    fn or_expr(&mut self, depth: usize) -> ParseResult {
        let mut alts: Vec<Node> = Vec::new();
        let first = self.unary(depth)?;
        alts.extend(first);
        while self.peek() == Some(&Lex::Or) {
            self.pos += 1;
            match self.peek() {
                None => {
                    self.notes.push("A trailing OR was ignored.".into());
                    break;
                }
                Some(Lex::Close) | Some(Lex::Or) | Some(Lex::And) => return Err("OR has nothing after it".into()),
                _ => {}
            }
            alts.extend(self.unary(depth)?);
        }
        Ok(match alts.len() {
            0 => None,
            1 => alts.pop(),
            _ => Some(Node::Or(alts)),
        })
    }

    /// unary := NOT unary | primary. A chain of NOTs is read in a loop, not one call per NOT
    /// (thousands of them fit in a query), and an even number of them cancel out.
    fn unary(&mut self, depth: usize) -> ParseResult {
        let mut nots = 0usize;
        while self.peek() == Some(&Lex::Not) {
            self.pos += 1;
            nots += 1;
            if matches!(self.peek(), None | Some(Lex::Close) | Some(Lex::Or) | Some(Lex::And)) {
                return Err("NOT has nothing after it".into());
            }
        }
        let node = self.primary(depth)?;
        Ok(if nots % 2 == 1 { node.map(|n| Node::Not(Box::new(n))) } else { node })
    }

    fn primary(&mut self, depth: usize) -> ParseResult {
        let Some(lexeme) = self.lexemes.get(self.pos).cloned() else { return Ok(None) };
        self.pos += 1;
        match lexeme {
            Lex::Open => {
                if depth > 20 {
                    return Err("parentheses are nested too deeply".into());
                }
                let inner = self.expr(depth + 1)?;
                match self.peek() {
                    Some(Lex::Close) => self.pos += 1,
                    _ => self.notes.push("An unclosed “(” was closed at the end.".into()),
                }
                if inner.is_none() {
                    return Err("a pair of parentheses is empty".into());
                }
                Ok(inner)
            }
            Lex::Chunk { text, neg } => Ok(self.words_node(text, TextField::Any).map(|n| negate(n, neg))),
            Lex::Quoted { inner, neg, closed } => {
                if !closed {
                    self.notes.push("An unclosed quote was closed at the end.".into());
                }
                let words = self.words(inner, !closed);
                Ok(phrase_or_term(words, TextField::Any).map(|n| negate(n, neg)))
            }
            Lex::Field { name, value, neg } => self.field(&name, *value).map(|n| n.map(|n| negate(n, neg))),
            Lex::Close | Lex::Or | Lex::And | Lex::Not => Err("an operator is out of place".into()),
        }
    }

    fn field(&mut self, name: &str, value: Lex) -> ParseResult {
        let (span, closed) = match value {
            Lex::Chunk { text, .. } => (text, true),
            Lex::Quoted { inner, closed, .. } => (inner, closed),
            _ => return Err(format!("{name}: has no value")),
        };
        if name == "year" {
            return parse_years(&self.input[span.clone()]).map(|(a, b)| Some(Node::Year(a, b)));
        }
        let words = self.words(span, !closed);
        if words.is_empty() {
            return Err(format!("{name}: has no value"));
        }
        Ok(Some(match name {
            "title" => phrase_or_term(words, TextField::Title).expect("words is not empty"),
            "outlet" => Node::Meta(MetaField::Outlet, words),
            "author" => Node::Meta(MetaField::Author, words),
            "kind" => Node::Meta(MetaField::Kind, words),
            _ => Node::Meta(MetaField::Person, words),
        }))
    }

    /// The words of a span; a trailing `*` forces a prefix; the word at the end of the input is a
    /// prefix while typed (or always, inside an unclosed quote); a word with wildcards is a
    /// pattern (see [`pieces`]), never a prefix.
    fn words(&mut self, span: Range<usize>, open_quote: bool) -> Vec<Word> {
        let (pieces, lone) = pieces(&self.input[span.clone()]);
        self.lone.extend(lone);
        pieces
            .into_iter()
            .map(|p| {
                let abs = span.start + p.range.start..span.start + p.range.end;
                let typing = self.typing_end == Some(abs.end) || (open_quote && abs.end == self.input.len());
                let prefix = p.forced || (typing && !p.pattern);
                Word { text: p.text, prefix, forced: p.forced, span: abs }
            })
            .collect()
    }

    fn words_node(&mut self, span: Range<usize>, field: TextField) -> Option<Node> {
        let words = self.words(span, false);
        phrase_or_term(words, field)
    }
}

/// One word of a query text, as [`pieces`] finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    /// Where it is in the text (bytes): a pattern's wildcards included, a forced prefix's `*` not.
    range: Range<usize>,
    /// The folded word or pattern.
    text: String,
    /// A word followed by `*` (and no other wildcard): a forced prefix.
    forced: bool,
    /// A wildcard pattern.
    pattern: bool,
}

/// The words of a query text: its words as the corpus is split ([`for_each_word`]), where
/// wildcards glue what they touch into one pattern (`de*ization` is one word, not `de` and
/// `ization`; `*ism` keeps its `*`). A word followed by `*` alone is a forced prefix, as
/// before wildcards. A `?` at the end of a word (after its last letter, as in `stalin?`) is
/// punctuation. Also returns the runs of wildcards that touch no word (`*`, `??`), which
/// are ignored.
fn pieces(text: &str) -> (Vec<Piece>, Vec<String>) {
    let mut tokens: Vec<(Range<usize>, String)> = Vec::new();
    for_each_word(text, |r, folded| tokens.push((r, folded.to_owned())));
    let b = text.as_bytes();
    // Wildcards are ASCII: a run of them is a run of bytes, and its ends are char boundaries.
    let wild = |i: usize| is_wildcard(char::from(b[i]));
    let mut out = Vec::new();
    let mut lone = Vec::new();
    let mut prev_end = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut start = tokens[i].0.start;
        while start > prev_end && wild(start - 1) {
            start -= 1;
        }
        lone_runs(&text[prev_end..start], &mut lone);
        let mut pattern = text[start..tokens[i].0.start].to_owned();
        pattern.push_str(&tokens[i].1);
        let mut end = tokens[i].0.end;
        while let Some(next) = tokens.get(i + 1) {
            let gap = &text[end..next.0.start];
            if gap.is_empty() || !gap.bytes().all(|c| is_wildcard(char::from(c))) {
                break;
            }
            pattern.push_str(gap);
            pattern.push_str(&next.1);
            end = next.0.end;
            i += 1;
        }
        let limit = tokens.get(i + 1).map_or(text.len(), |t| t.0.start);
        let mut run_end = end;
        while run_end < limit && wild(run_end) {
            run_end += 1;
        }
        // A `?` at the end of a word is punctuation (a question), not a wildcard.
        let mut tail_end = run_end;
        while tail_end > end && b[tail_end - 1] == ONE as u8 {
            tail_end -= 1;
        }
        let tail = &text[end..tail_end];
        let piece = if !has_wildcard(&pattern) && tail.bytes().all(|c| c == ANY as u8) {
            Piece { range: start..end, text: pattern, forced: !tail.is_empty(), pattern: false }
        } else {
            pattern.push_str(tail);
            Piece { range: start..tail_end, text: pattern, forced: false, pattern: true }
        };
        out.push(piece);
        prev_end = run_end;
        i += 1;
    }
    lone_runs(&text[prev_end..], &mut lone);
    (out, lone)
}

/// Adds the runs of wildcards in `gap` (text between words) to `out`.
fn lone_runs(gap: &str, out: &mut Vec<String>) {
    for run in gap.split(|c: char| !is_wildcard(c)).filter(|r| !r.is_empty()) {
        out.push(run.to_owned());
    }
}

/// The note for words made only of wildcards, which are ignored.
fn note_lone_wildcards(notes: &mut Vec<String>, lone: &[String]) {
    let mut distinct: Vec<&str> = Vec::new();
    for run in lone {
        if !distinct.contains(&run.as_str()) {
            distinct.push(run);
        }
    }
    if distinct.is_empty() {
        return;
    }
    let quoted: Vec<String> = distinct.iter().map(|r| format!("“{r}”")).collect();
    let note = if quoted.len() == 1 {
        format!("{} has only wildcards and no letters, so it was ignored.", quoted[0])
    } else {
        format!("{} have only wildcards and no letters, so they were ignored.", quoted.join(", "))
    };
    notes.push(note);
}

fn negate(n: Node, neg: bool) -> Node {
    if neg {
        Node::Not(Box::new(n))
    } else {
        n
    }
}

fn phrase_or_term(mut words: Vec<Word>, field: TextField) -> Option<Node> {
    match words.len() {
        0 => None,
        1 => Some(Node::Term(words.pop().expect("one word"), field)),
        _ => Some(Node::Phrase(words, field)),
    }
}

/// `2022` or `2021..2025` (either end may be left open: `..2000`, `2020..`).
fn parse_years(s: &str) -> Result<(u16, u16), String> {
    let year = |t: &str| -> Result<u16, String> {
        let t = t.trim();
        if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse().map_err(|_| String::new())
        } else {
            Err(format!("“{t}” is not a year"))
        }
    };
    let (a, b) = match s.split_once("..") {
        Some((a, b)) => {
            let a = if a.is_empty() { 0 } else { year(a)? };
            let b = if b.is_empty() { 9999 } else { year(b)? };
            (a, b)
        }
        None => {
            let y = year(s)?;
            (y, y)
        }
    };
    if a > b {
        return Err(format!("the year range {s} runs backwards"));
    }
    Ok((a, b))
}

/// Counts the words in a tree.
fn count_words(n: &Node) -> usize {
    match n {
        Node::Term(..) => 1,
        Node::Phrase(ws, _) | Node::Meta(_, ws) => ws.len(),
        Node::Year(..) => 1,
        Node::And(c) | Node::Or(c) => c.iter().map(count_words).sum(),
        Node::Not(c) => count_words(c),
    }
}

/// Parses what a person typed. Never fails.
pub fn parse(input: &str) -> Query {
    let typing_end = input
        .chars()
        .next_back()
        .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '\u{2019}')
        .map(|_| input.len());
    let mut parser = Parser { input, lexemes: lex(input), pos: 0, notes: Vec::new(), typing_end, lone: Vec::new() };
    let mut query = match parser.expr(0) {
        Ok(root) => {
            note_lone_wildcards(&mut parser.notes, &parser.lone);
            Query { root, notes: parser.notes }
        }
        Err(why) => {
            let mut q = plain_words(input, typing_end);
            q.notes.insert(0, format!("Searched as plain words: {why}."));
            q
        }
    };
    if let Some(root) = &query.root {
        if count_words(root) > MAX_WORDS {
            let mut q = plain_words(input, typing_end);
            if let Some(Node::And(items)) = &mut q.root {
                items.truncate(MAX_WORDS);
            }
            q.notes.push(format!("The query is long: only its first {MAX_WORDS} words are searched."));
            query = q;
        }
    }
    if query.root.is_none() && !input.trim().is_empty() {
        query.notes.push("The query has no words to search for, so all documents are shown.".into());
    }
    query
}

/// Every word of the input, ANDed (the fallback reading). A trailing `*` still forces a
/// prefix and wildcards still make patterns.
fn plain_words(input: &str, typing_end: Option<usize>) -> Query {
    let mut items = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let (pieces, lone) = pieces(input);
    for p in pieces {
        if seen.insert((p.text.clone(), p.forced)) {
            let prefix = p.forced || (typing_end == Some(p.range.end) && !p.pattern);
            let word = Word { text: p.text, prefix, forced: p.forced, span: p.range };
            items.push(Node::Term(word, TextField::Any));
        }
    }
    let mut notes = Vec::new();
    note_lone_wildcards(&mut notes, &lone);
    let root = match items.len() {
        0 => None,
        1 => items.pop(),
        _ => Some(Node::And(items)),
    };
    Query { root, notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact rendering of a tree: words as text (`*` for a prefix), phrases in quotes.
    fn show(n: &Node) -> String {
        let w = |w: &Word| format!("{}{}", w.text, if w.prefix { "*" } else { "" });
        let ws = |v: &[Word]| v.iter().map(w).collect::<Vec<_>>().join(" ");
        match n {
            Node::Term(x, TextField::Any) => w(x),
            Node::Term(x, TextField::Title) => format!("title:{}", w(x)),
            Node::Phrase(v, TextField::Any) => format!("\"{}\"", ws(v)),
            Node::Phrase(v, TextField::Title) => format!("title:\"{}\"", ws(v)),
            Node::Meta(f, v) => format!("{f:?}:{}", ws(v)).to_lowercase(),
            Node::Year(a, b) => format!("year:{a}..{b}"),
            Node::And(c) => format!("AND({})", c.iter().map(show).collect::<Vec<_>>().join(", ")),
            Node::Or(c) => format!("OR({})", c.iter().map(show).collect::<Vec<_>>().join(", ")),
            Node::Not(c) => format!("NOT({})", show(c)),
        }
    }

    fn p(q: &str) -> String {
        parse(q).root.as_ref().map(show).unwrap_or_default()
    }

    /// Found by review: a chain of 2,000 NOTs recursed once per NOT; now it is read in a loop
    /// and pairs of NOTs cancel out.
    #[test]
    fn long_not_chains_are_read_without_recursion() {
        let q = format!("{}stalin ", "NOT ".repeat(2000));
        assert_eq!(show(&parse(&q).root.unwrap()), "stalin");
        let q = format!("{}stalin ", "NOT ".repeat(2001));
        assert_eq!(show(&parse(&q).root.unwrap()), "NOT(stalin)");
    }

    fn notes(q: &str) -> Vec<String> {
        parse(q).notes
    }

    /// Each input (left) parses to the tree on its right, as `show` writes it.
    fn parses(cases: &[(&str, &str)]) {
        for (q, tree) in cases {
            assert_eq!(p(q), *tree, "{q:?}");
        }
    }

    #[test]
    fn words_are_anded_and_the_last_is_a_prefix_while_typing() {
        parses(&[
            ("Stalin restorati", "AND(stalin, restorati*)"),
            ("stalin ", "stalin"),
            ("stalin.", "stalin"),
            ("stalin AND lenin ", "AND(stalin, lenin)"),
        ]);
    }

    #[test]
    fn or_not_and_minus() {
        parses(&[
            ("stalin OR lenin ", "OR(stalin, lenin)"),
            ("stalin -putin ", "AND(stalin, NOT(putin))"),
            ("NOT putin stalin ", "AND(NOT(putin), stalin)"),
            ("stalin or lenin ", "AND(stalin, or, lenin)"),
            ("-putin", "NOT(putin*)"),
            ("a - b ", "AND(a, b)"),
        ]);
    }

    #[test]
    fn precedence_not_then_or_then_and() {
        parses(&[
            ("putin stalin OR lenin ", "AND(putin, OR(stalin, lenin))"),
            ("a OR b c OR d ", "AND(OR(a, b), OR(c, d))"),
            ("NOT a OR b ", "OR(NOT(a), b)"),
            ("(a b) OR c ", "OR(AND(a, b), c)"),
            ("a (b OR (c -d)) ", "AND(a, OR(b, AND(c, NOT(d))))"),
        ]);
    }

    #[test]
    fn phrases() {
        parses(&[
            ("\"union state\"", "\"union state\""),
            ("\"union sta*\"", "\"union sta*\""),
            ("-\"union state\" putin ", "AND(NOT(\"union state\"), putin)"),
            ("\"stalin\"", "stalin"),
            // A hyphenated word is a phrase of its parts.
            ("de-stalinization ", "\"de stalinization\""),
            // An unclosed quote while typing: a phrase to the end, the last word a prefix.
            ("\"union sta", "\"union sta*\""),
        ]);
        assert_eq!(notes("\"union sta"), ["An unclosed quote was closed at the end."]);
    }

    #[test]
    fn forced_prefix() {
        let q = parse("restor* union ");
        let words = q.words();
        assert!(words[0].prefix && words[0].forced);
        assert!(!words[1].prefix);
        assert_eq!(p("restor* union "), "AND(restor*, union)");
    }

    #[test]
    fn fields() {
        parses(&[
            ("title:stalin ", "title:stalin"),
            ("title:\"union state\" ", "title:\"union state\""),
            ("outlet:rt ", "outlet:rt"),
            ("outlet:\"socialist revolution\" ", "outlet:socialist revolution"),
            ("Author:peterson kind:news person:stalin ", "AND(author:peterson, kind:news, person:stalin)"),
            ("year:2022 ", "year:2022..2022"),
            ("year:2021..2025 ", "year:2021..2025"),
            ("year:..2000 ", "year:0..2000"),
            ("-outlet:rt stalin ", "AND(NOT(outlet:rt), stalin)"),
        ]);
    }

    #[test]
    fn unknown_fields_are_words() {
        parses(&[("foo:bar ", "\"foo bar\""), ("http://x.org ", "\"http x.org\"")]);
    }

    #[test]
    fn unparsable_input_falls_back_to_plain_words_with_a_note() {
        for (q, why) in [
            ("stalin )", "no matching"),
            ("OR stalin", "OR has nothing before"),
            ("stalin OR OR lenin", "OR has nothing after"),
            ("stalin NOT", "NOT has nothing after"),
            ("year:abc", "not a year"),
            ("year:2025..2021", "backwards"),
            ("title: stalin", "no value"),
            ("() stalin", "empty"),
        ] {
            let parsed = parse(q);
            assert!(parsed.notes[0].starts_with("Searched as plain words"), "{q}: {:?}", parsed.notes);
            assert!(parsed.notes[0].contains(why), "{q}: {:?}", parsed.notes);
        }
        parses(&[("stalin )", "stalin"), ("year:abc", "AND(year, abc*)")]);
    }

    #[test]
    fn forgiving_while_typing() {
        for (q, tree, note) in [
            ("(stalin OR lenin", "OR(stalin, lenin*)", "An unclosed “(” was closed at the end."),
            ("stalin OR ", "stalin", "A trailing OR was ignored."),
        ] {
            assert_eq!(p(q), tree);
            assert_eq!(notes(q), [note]);
        }
    }

    #[test]
    fn no_words_gives_an_empty_query_with_a_note() {
        assert!(parse("").is_empty() && parse("").notes.is_empty());
        assert!(parse("   ").is_empty() && parse("   ").notes.is_empty());
        for q in ["?!.,;", "🙂🎉", "<>", "\"\"", "-"] {
            let parsed = parse(q);
            assert!(parsed.is_empty(), "{q}");
            assert!(!parsed.notes.is_empty(), "{q}");
        }
    }

    #[test]
    fn markup_is_just_words() {
        // "<script>alert" is one chunk of two words (a phrase); "(1)" is a group.
        assert_eq!(p("<script>alert(1)</script>"), "AND(\"script alert\", 1, script)");
    }

    #[test]
    fn long_queries_are_capped() {
        let long = (0..2500).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let q = parse(&long);
        assert_eq!(q.words().len(), MAX_WORDS);
        assert!(q.notes.iter().any(|n| n.contains("first 32 words")));
        assert!(!parse(&"x".repeat(5000)).is_empty());
    }

    #[test]
    fn cyrillic_query() {
        parses(&[("Сталин", "сталин*"), ("сталин OR ленин ", "OR(сталин, ленин)")]);
    }

    #[test]
    fn wildcards_make_one_pattern_word() {
        parses(&[
            ("*ism ", "*ism"),
            ("wom?n ", "wom?n"),
            ("?talin ", "?talin"),
            // Not a phrase of `de` and `ization`.
            ("de*ization ", "de*ization"),
            ("de*iz*ation ", "de*iz*ation"),
            ("*ism* ", "*ism*"),
            ("*a*a* ", "*a*a*"),
            ("stalin?* ", "stalin?*"),
            // Folded like words, wildcards kept.
            ("СТАЛ?Н ", "стал?н"),
            ("MILO?EVIĆ ", "milo?evic"),
            ("Wom?n’s ", "wom?n's"),
            // A pattern is taken as written, never a prefix while typed.
            ("*ism", "*ism"),
            ("stalin wom?n", "AND(stalin, wom?n)"),
            // A hyphen still splits: a phrase whose second word is a pattern.
            ("de-stal*ization ", "\"de stal*ization\""),
        ]);
        let q = parse("de*ization ");
        assert!(q.words()[0].is_pattern() && !q.words()[0].prefix && !q.words()[0].forced);
        assert!(q.notes.is_empty());
    }

    /// The existing prefix search is unchanged: a word with `*` at its end and no other wildcard.
    #[test]
    fn a_trailing_star_alone_is_still_a_forced_prefix() {
        parses(&[("stalin* ", "stalin*"), ("stalin** ", "stalin*"), ("stalin*? ", "stalin*"), ("Сталин*", "сталин*")]);
        let w = parse("stalin* ").words()[0].clone();
        assert_eq!((w.text.as_str(), w.prefix, w.forced, w.is_pattern()), ("stalin", true, true, false));
        assert_eq!(w.span, 0..6);
    }

    /// A `?` at the end of a word is punctuation (a question typed as a question); at the start
    /// or inside a word it is a wildcard.
    #[test]
    fn a_trailing_question_mark_is_punctuation() {
        parses(&[
            ("stalin?", "stalin"),
            ("stalin? ", "stalin"),
            ("who was stalin??", "AND(who, was, stalin)"),
            ("wom?n?", "wom?n"),
            ("?talin?", "?talin"),
            ("stalin?.", "stalin"),
            ("\"was it stalin?\"", "\"was it stalin\""),
        ]);
        assert!(parse("stalin?").notes.is_empty());
        assert!(!parse("stalin?").words()[0].is_pattern());
    }

    #[test]
    fn wildcards_in_phrases_fields_and_groups() {
        parses(&[
            ("\"wom?n's rights\"", "\"wom?n's rights\""),
            ("\"union st*te\"", "\"union st*te\""),
            ("\"union sta*\"", "\"union sta*\""),
            ("title:*ism ", "title:*ism"),
            ("title:\"*ism and wom?n\" ", "title:\"*ism and wom?n\""),
            ("outlet:?t ", "outlet:?t"),
            // A leading `*` after a minus, a parenthesis or an operator is part of the pattern.
            ("-*ism stalin ", "AND(NOT(*ism), stalin)"),
            ("(*ism OR *ist) -?talin ", "AND(OR(*ism, *ist), NOT(?talin))"),
            ("NOT *ism ", "NOT(*ism)"),
        ]);
    }

    #[test]
    fn words_of_wildcards_alone_are_ignored_with_a_note() {
        for (q, tree, run) in [
            ("* ", "", "“*”"),
            ("?? stalin ", "stalin", "“??”"),
            ("stalin * lenin ", "AND(stalin, lenin)", "“*”"),
            ("\"union * state\"", "\"union state\"", "“*”"),
            ("title:\"* stalin\" ", "title:stalin", "“*”"),
        ] {
            assert_eq!(p(q), tree, "{q}");
            assert!(notes(q).iter().any(|n| n.contains(run) && n.contains("ignored")), "{q}: {:?}", notes(q));
        }
        assert_eq!(notes("* ??")[0], "“*”, “??” have only wildcards and no letters, so they were ignored.");
        // With nothing else to search for, every document is shown, as for other words-less input.
        assert!(parse("*").is_empty() && notes("*").iter().any(|n| n.contains("all documents")));
    }

    #[test]
    fn wildcards_survive_the_plain_words_fallback() {
        let q = parse("de*ization stalin* )");
        assert!(q.notes[0].starts_with("Searched as plain words"));
        assert_eq!(show(q.root.as_ref().unwrap()), "AND(de*ization, stalin*)");
    }

    #[test]
    fn pattern_spans_cover_the_wildcards() {
        let input = "-*ism \"wom?n rights\" restor* stalin?";
        let q = parse(input);
        let spans: Vec<&str> = q.words().iter().map(|w| &input[w.span.clone()]).collect();
        assert_eq!(spans, ["*ism", "wom?n", "rights", "restor", "stalin"]);
    }

    #[test]
    fn spans_point_into_the_input() {
        let input = "putin \"union sta";
        let q = parse(input);
        let spans: Vec<&str> = q.words().iter().map(|w| &input[w.span.clone()]).collect();
        assert_eq!(spans, ["putin", "union", "sta"]);
    }
}
