//! Stable sorting with one compiled copy of the algorithm.
//!
//! Each call of the standard library's `sort_by` or `sort_by_key` with its own closure compiles
//! its own copy of the sort (2–5 kB of Wasm each; they were a tenth of the app's code). Here the
//! merge sort works on positions through a `dyn` comparison, so it is compiled once; each call
//! site adds only its comparison and a small permutation step. It is a stable sort, like
//! `sort_by`, and O(n log n) in the worst case.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= SMALL {
        // A few elements (the spans of a snippet, most lists of facet values): sorted where
        // they are, without the allocations of the merge sort.
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let items: &[T] = v;
    let order = order_by(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    permute(v, &order);
}

/// Up to this many elements are sorted by insertion, in place.
const SMALL: usize = 16;

/// Sorts `v` stably by the key `key` gives each element, like `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` into ascending order, like `v.sort()`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the stable order `cmp` (which compares two positions) defines:
/// runs of 16 sorted by insertion, then merged bottom-up through one buffer.
fn order_by(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    const RUN: usize = 16;
    for run in order.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && cmp(run[j - 1] as usize, run[j] as usize) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut from = order;
    let mut to = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // Take from the right run only when it is strictly smaller: stability.
                let right = j < end && (i >= mid || cmp(from[j] as usize, from[i] as usize) == Ordering::Less);
                if right {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// The positions `0..n` in the order of their keys, compared column by column (`columns[0]`
/// first; each column holds one `u32` per position), equal keys in position order.
///
/// A least-significant-digit radix sort with 16-bit digits: two counting passes per column,
/// none for a digit that is the same everywhere, so 100,000 keys sort in a few milliseconds
/// where a comparison sort takes tens (this is the concordance's sort).
pub fn radix_order(n: usize, columns: &[&[u32]]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut next = vec![0u32; n];
    let mut counts = vec![0usize; 1 << 16];
    for column in columns.iter().rev() {
        for shift in [0, 16] {
            let digit = |i: u32| ((column[i as usize] >> shift) & 0xFFFF) as usize;
            counts.fill(0);
            for &i in &order {
                counts[digit(i)] += 1;
            }
            if n == 0 || counts[digit(order[0])] == n {
                continue;
            }
            let mut sum = 0;
            for c in counts.iter_mut() {
                let here = *c;
                *c = sum;
                sum += here;
            }
            for &i in &order {
                let d = digit(i);
                next[counts[d]] = i;
                counts[d] += 1;
            }
            std::mem::swap(&mut order, &mut next);
        }
    }
    order
}

/// Rearranges `v` so that its element `k` is the old element `order[k]` (a permutation), in
/// place: each cycle of the permutation is followed once, one swap per element.
pub fn permute<T>(v: &mut [T], order: &[u32]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut j = start;
        while !done[j] {
            done[j] = true;
            let k = order[j] as usize;
            if k == start {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_small_and_empty() {
        let mut v: Vec<u8> = vec![];
        sort(&mut v);
        assert!(v.is_empty());
        let mut v = vec![3, 1, 2];
        sort(&mut v);
        assert_eq!(v, [1, 2, 3]);
        let mut v = vec!["b".to_string(), "A".into(), "c".into()];
        sort_by_key(&mut v, |s| s.to_lowercase());
        assert_eq!(v, ["A", "b", "c"]);
    }

    #[test]
    fn is_stable_across_merges() {
        // 100 elements with 3 keys: equal keys keep their order through several merge levels.
        let mut v: Vec<(u8, usize)> = (0..100).map(|i| ((i * 7 % 3) as u8, i)).collect();
        sort_by_key(&mut v, |&(k, _)| k);
        for w in v.windows(2) {
            assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1), "{w:?}");
        }
    }

    proptest! {
        /// The same order as the standard library's stable sort, for any input and length.
        #[test]
        fn agrees_with_std(mut v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut expected = v.clone();
            expected.sort_by_key(|&(k, _)| k);
            sort_by_key(&mut v, |&(k, _)| k);
            prop_assert_eq!(v, expected);
        }

        /// The radix order is the stable order of the key tuples.
        #[test]
        fn radix_agrees_with_a_stable_sort(keys in proptest::collection::vec((0u32..4, any::<u32>(), 0u32..70000), 0..400)) {
            let (a, b, c): (Vec<u32>, Vec<u32>, Vec<u32>) =
                (keys.iter().map(|k| k.0).collect(), keys.iter().map(|k| k.1).collect(), keys.iter().map(|k| k.2).collect());
            let order = radix_order(keys.len(), &[&a, &b, &c]);
            let mut expected: Vec<u32> = (0..keys.len() as u32).collect();
            expected.sort_by_key(|&i| keys[i as usize]);
            prop_assert_eq!(order.clone(), expected);
            let mut v = keys.clone();
            permute(&mut v, &order);
            let mut sorted = keys.clone();
            sorted.sort();
            prop_assert_eq!(v, sorted);
        }

        #[test]
        fn descending_comparison(mut v in proptest::collection::vec(any::<i32>(), 0..100)) {
            let mut expected = v.clone();
            expected.sort_by(|a, b| b.cmp(a));
            sort_by(&mut v, |a, b| b.cmp(a));
            prop_assert_eq!(v, expected);
        }
    }
}
