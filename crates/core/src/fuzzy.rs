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

/// The edit distance between `a` and `b` if it is at most `max`, else `None`.
pub fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if max == 0 {
        return (a == b).then_some(0);
    }
    // Three rows of the dynamic programme (the one before last for transpositions).
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= max).then_some(prev[m])
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
