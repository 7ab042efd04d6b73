//! Typo tolerance: bounded edit distance between words.
//!
//! The distance is the optimal-string-alignment distance (Levenshtein plus
//! transposition of two adjacent letters), counted in characters.

/// How many edits a query word of `chars` characters may be off by:
/// none below 4, one for 4–7, two for 8 or more.
pub fn max_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Which letters a word has, as bits (letters that share a bit are not told apart).
///
/// Each edit adds or removes at most one letter, so two words within `d` edits differ in
/// at most `d` bits each way: a cheap test that rules out most words before comparing.
pub fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0, |m, c| m | 1 << (c as u32 % 32))
}

/// True when two letter masks allow an edit distance of at most `max`.
pub fn masks_allow(a: u32, b: u32, max: usize) -> bool {
    (a & !b).count_ones() as usize <= max && (b & !a).count_ones() as usize <= max
}

/// The edit distance between `a` and `b` if it is at most `max`, else `None`.
pub fn distance_within<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if max == 0 {
        return (a == b).then_some(0);
    }
    // Three rows of the dynamic programme (the one before last for transpositions), kept on
    // the stack in one array and taken in turn: words are short.
    const W: usize = 64;
    if m >= W {
        return None;
    }
    let mut rows = [0usize; 3 * W];
    for (j, cell) in rows.iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    let row = |i: usize| (i % 3) * W;
    for i in 1..=n {
        let (cur, prev, prev2) = (row(i), row(i - 1), row(i + 1));
        rows[cur] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev + j] + 1).min(rows[cur + j - 1] + 1).min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2 + j - 2] + 1);
            }
            rows[cur + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
    }
    let d = rows[row(n) + m];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        distance_within(&a, &b, max)
    }

    #[test]
    fn tiers_by_length() {
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(4), 1);
        assert_eq!(max_edits(7), 1);
        assert_eq!(max_edits(8), 2);
    }

    #[test]
    fn masks_never_rule_out_a_close_word() {
        for (a, b, d) in
            [("gorbachov", "gorbachev", 1), ("stalni", "stalin", 1), ("kitten", "sitting", 3), ("сталин", "сталн", 1)]
        {
            assert!(masks_allow(letter_mask(a), letter_mask(b), d), "{a} {b}");
        }
        assert!(!masks_allow(letter_mask("abcd"), letter_mask("wxyz"), 2));
    }

    #[test]
    fn distances() {
        assert_eq!(d("gorbachov", "gorbachev", 2), Some(1));
        assert_eq!(d("stalni", "stalin", 1), Some(1)); // transposition
        assert_eq!(d("lenin", "lenin", 0), Some(0));
        assert_eq!(d("kitten", "sitting", 2), None);
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        assert_eq!(d("сталин", "сталн", 1), Some(1));
        assert_eq!(d("", "ab", 2), Some(2));
    }
}
