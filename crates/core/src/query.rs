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
//! Parsing never fails. A trailing unclosed quote or parenthesis is closed; anything
//! else unparsable (a stray `)`, a dangling `OR`, an unknown or empty field, a bad
//! year) makes the whole input be searched as plain words, with a note saying so.

use crate::tokenize::for_each_word;
use std::ops::Range;

/// At most this many words (in words, phrases and filters together) are searched.
pub const MAX_WORDS: usize = 32;

/// One query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded word.
    pub text: String,
    /// Also matches the longer words it begins (typed `*`, or still being typed).
    pub prefix: bool,
    /// The prefix was asked for with `*` (not merely still being typed).
    pub forced: bool,
    /// Where the word is in the input (bytes), for suggestions and corrections.
    pub span: Range<usize>,
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
    /// prefix while typed (or always, inside an unclosed quote).
    fn words(&self, span: Range<usize>, open_quote: bool) -> Vec<Word> {
        let text = &self.input[span.clone()];
        let mut out: Vec<Word> = Vec::new();
        for_each_word(text, |r, folded| {
            let abs = span.start + r.start..span.start + r.end;
            let forced = self.input[abs.end..].starts_with('*');
            let typing = self.typing_end == Some(abs.end) || (open_quote && abs.end == self.input.len());
            out.push(Word { text: folded.to_owned(), prefix: forced || typing, forced, span: abs });
        });
        out
    }

    fn words_node(&self, span: Range<usize>, field: TextField) -> Option<Node> {
        phrase_or_term(self.words(span, false), field)
    }
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
    let mut parser = Parser { input, lexemes: lex(input), pos: 0, notes: Vec::new(), typing_end };
    let mut query = match parser.expr(0) {
        Ok(root) => Query { root, notes: parser.notes },
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

/// Every word of the input, ANDed (the fallback reading).
fn plain_words(input: &str, typing_end: Option<usize>) -> Query {
    let mut items = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for_each_word(input, |r, folded| {
        if seen.insert(folded.to_owned()) {
            let prefix = typing_end == Some(r.end);
            items.push(Node::Term(Word { text: folded.to_owned(), prefix, forced: false, span: r }, TextField::Any));
        }
    });
    let root = match items.len() {
        0 => None,
        1 => items.pop(),
        _ => Some(Node::And(items)),
    };
    Query { root, notes: Vec::new() }
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
    fn spans_point_into_the_input() {
        let input = "putin \"union sta";
        let q = parse(input);
        let spans: Vec<&str> = q.words().iter().map(|w| &input[w.span.clone()]).collect();
        assert_eq!(spans, ["putin", "union", "sta"]);
    }
}
