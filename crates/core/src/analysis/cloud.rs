//! A word cloud's layout: deterministic (no randomness), for an SVG that draws each word with
//! `text-anchor="middle"` and `dominant-baseline="central"` at its centre.
//!
//! The words (at most [`MAX_WORDS`], the most frequent) are taken by count descending, then
//! word. Each one's font size grows with the square root of its count:
//!
//! ```text
//! size = MIN_SIZE + (MAX_SIZE − MIN_SIZE) · (√count − √min) / (√max − √min)   (px)
//! ```
//!
//! over the counts of the words taken (all `(MIN_SIZE + MAX_SIZE) / 2` when they are equal).
//! Its box is estimated from its characters, `height = 1.0 · size` and
//! `width = size · Σ em(char)` with `em` 0.6 for a Latin, Cyrillic or other narrow character,
//! 1.0 for a wide one (CJK, kana, Hangul, fullwidth forms, emoji), 0 for a combining mark
//! (at least 0.6 em in all).
//!
//! The words are placed in turn on an Archimedean spiral from the centre of the box,
//! stretched to the box's aspect ratio,
//!
//! ```text
//! r = pitch · θ / 2π,   (x, y) = (W/2 + e_x · r · cos θ,  H/2 + e_y · r · sin θ)
//! ```
//!
//! (`e_x = max(1, W/H)`, `e_y = max(1, H/W)`, `pitch = STEP / max(e_x, e_y)`: successive turns
//! [`STEP`] px apart). Its points are those of a grid of [`STEP`] px, each taken where the
//! spiral crosses its direction from the centre nearest to it. A word goes at the first point
//! where its box lies inside the cloud's and is at least [`MARGIN`] px from every word placed
//! before it; words that fit nowhere are left out (and counted).
//!
//! Placed words are marked on a grid of 2-px cells (each word's box grown by the margin,
//! rounded outwards to whole cells), and a box fits where it covers no marked cell, so two
//! words are sometimes up to 2 px further apart than the margin. To place a word, the marks
//! are dilated by its box (one bit then says whether it fits at a point) and the free points
//! are looked up from the middle row outwards rather than each point of the spiral tried:
//! a point farther from the centre (in the spiral's unstretched units) than the best point's
//! spiral radius plus `pitch / 2` cannot come earlier on the spiral, which ends the search.
//! A word at least as wide and as high as one that found no room finds none either (the marks
//! only grow), so it is left out at once. The result is the spiral's first fitting point for
//! each word, in `O(cells / 64 · log size)` a word.

/// Font size of the least frequent word, px.
pub const MIN_SIZE: f32 = 14.0;
/// Font size of the most frequent word, px.
pub const MAX_SIZE: f32 = 56.0;
/// At most this many words are laid out (the most frequent); the rest are left out.
pub const MAX_WORDS: usize = 150;
/// Least space between two words' boxes, px.
pub const MARGIN: f32 = 2.0;
/// The spiral's points are a grid of this many px, and its turns are this far apart (a whole
/// number: the cells placed words are marked on are as large).
pub const STEP: f32 = 2.0;
/// A cloud's box is at most this many px a side (a larger one is cut down to it).
pub const MAX_SIDE: f32 = 4096.0;

/// One word in the cloud.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Placed {
    /// The word.
    pub word: String,
    /// Its count (what its size shows).
    pub count: u64,
    /// Which side it belongs to (for its colour; passed through as given).
    pub side: u8,
    /// Horizontal centre, px from the left.
    pub x: f32,
    /// Vertical centre, px from the top.
    pub y: f32,
    /// Font size, px (the estimated box's height).
    pub size: f32,
    /// Estimated width, px: `size · Σ em(char)`.
    pub width: f32,
}

/// A laid-out cloud.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Cloud {
    /// The box's width, px (as given, at most [`MAX_SIDE`]; 0 for a width that is not positive).
    pub width: f32,
    /// The box's height, px.
    pub height: f32,
    /// The words placed, in the order they were placed (count descending, then word).
    pub words: Vec<Placed>,
    /// Words given but not shown: beyond the first [`MAX_WORDS`], or with no room left.
    pub left_out: usize,
}

/// Width of a character in em: 0 for a combining mark or zero-width character, 1.0 for a wide
/// (CJK, kana, Hangul, fullwidth, emoji) one, 0.6 for any other.
pub fn char_em(c: char) -> f32 {
    match c as u32 {
        0x0300..=0x036F | 0x0483..=0x0489 | 0x200B..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F => 0.0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 1.0,
        _ => 0.6,
    }
}

/// Estimated width of a word in em: `max(Σ char_em(c), 0.6)`.
pub fn em_width(word: &str) -> f32 {
    word.chars().map(char_em).sum::<f32>().max(0.6)
}

/// Font size of a count among counts from `min` to `max`:
/// `MIN_SIZE + (MAX_SIZE − MIN_SIZE) · (√count − √min) / (√max − √min)`, or the middle size
/// `(MIN_SIZE + MAX_SIZE) / 2` when `min = max`.
pub fn font_size(count: u64, min: u64, max: u64) -> f32 {
    let (s, lo, hi) = ((count as f64).sqrt(), (min as f64).sqrt(), (max as f64).sqrt());
    if hi <= lo {
        return (MIN_SIZE + MAX_SIZE) / 2.0;
    }
    let t = ((s - lo) / (hi - lo)).clamp(0.0, 1.0) as f32;
    MIN_SIZE + (MAX_SIZE - MIN_SIZE) * t
}

/// Lays out `words` as (word, count, side) in a box of `width` × `height` px (see the module
/// docs). The same input always gives the same cloud.
pub fn layout(words: &[(String, u64, u8)], width: f32, height: f32) -> Cloud {
    // Half sizes of the boxes that found no room.
    let mut no_room: Vec<(f32, f32)> = Vec::new();
    layout_by(words, width, height, |spiral, grid, hw, hh| {
        if no_room.iter().any(|&(w0, h0)| w0 <= hw && h0 <= hh) {
            return None;
        }
        let found = spiral.first_free(grid, hw, hh);
        if found.is_none() {
            no_room.push((hw, hh));
        }
        found
    })
}

/// [`layout`], each word's place found by `find(spiral, grid, half width, half height)`.
fn layout_by(
    words: &[(String, u64, u8)],
    width: f32,
    height: f32,
    mut find: impl FnMut(&Spiral, &mut Grid, f32, f32) -> Option<(f32, f32)>,
) -> Cloud {
    let side = |v: f32| if v > 0.0 { v.min(MAX_SIDE) } else { 0.0 };
    let (w, h) = (side(width), side(height));
    let mut cloud = Cloud { width: w, height: h, words: Vec::new(), left_out: 0 };
    let mut order: Vec<usize> = (0..words.len()).collect();
    crate::sort::sort_by(&mut order, |&i, &j| {
        words[j].1.cmp(&words[i].1).then_with(|| words[i].0.cmp(&words[j].0)).then(i.cmp(&j))
    });
    order.truncate(MAX_WORDS);
    cloud.left_out = words.len() - order.len();
    if w == 0.0 || h == 0.0 || order.is_empty() {
        cloud.left_out = words.len();
        return cloud;
    }
    let max = words[order[0]].1;
    let min = words[order[order.len() - 1]].1;
    let spiral = Spiral::new(w, h);
    let mut grid = Grid::new((w.ceil() as usize).div_ceil(CELL), (h.ceil() as usize).div_ceil(CELL));
    for i in order {
        let (word, count, side) = &words[i];
        let size = font_size(*count, min, max);
        let box_w = size * em_width(word);
        match find(&spiral, &mut grid, box_w / 2.0, size / 2.0) {
            Some((x, y)) => {
                grid.mark(x, y, box_w / 2.0 + MARGIN, size / 2.0 + MARGIN);
                cloud.words.push(Placed { word: word.clone(), count: *count, side: *side, x, y, size, width: box_w });
            }
            None => cloud.left_out += 1,
        }
    }
    cloud
}

/// Side of a cell of the grid the placed words are marked on, px: the spiral's [`STEP`], so
/// that moving a box one point of the spiral moves it one cell.
const CELL: usize = STEP as usize;

/// The spiral: where each point of the grid comes on it.
///
/// A grid point `(a, b)` (`STEP` px apart, from the centre) at `(u, v) = (a · STEP / e_x,
/// b · STEP / e_y)` in the spiral's unstretched units, distance `ρ = √(u² + v²)` from the
/// centre and direction `φ = atan2(v, u) ∈ [0, 2π)`, comes where the spiral crosses its
/// direction nearest to it: `θ = φ + 2π · k` with `k = max(0, round(ρ / pitch − φ / 2π))`,
/// at the spiral's radius `r = pitch · θ / 2π`, within `pitch / 2` of `ρ`. Points are taken
/// by `θ` (ties, which need equal directions and distances, by row, then column).
struct Spiral {
    /// Centre of the box, px.
    cx: f32,
    cy: f32,
    w: f32,
    h: f32,
    /// The stretches `e_x`, `e_y`.
    ex: f64,
    ey: f64,
    /// Growth of the radius per turn, in unstretched units.
    pitch: f64,
}

/// A point's place on the spiral: `θ`, then row and column (see [`Spiral`]).
type Place = (f64, i64, i64);

impl Spiral {
    /// The spiral of a `w` × `h` box (see the module docs).
    fn new(w: f32, h: f32) -> Spiral {
        let aspect = f64::from(w) / f64::from(h);
        let (ex, ey) = if aspect >= 1.0 { (aspect, 1.0) } else { (1.0, 1.0 / aspect) };
        // Turns `STEP` px apart along the stretched axis (closer along the other).
        let pitch = f64::from(STEP) / ex.max(ey);
        Spiral { cx: w / 2.0, cy: h / 2.0, w, h, ex, ey, pitch }
    }

    /// The place of grid point (a, b) on the spiral, and the spiral's radius there.
    fn place(&self, a: i64, b: i64) -> (Place, f64) {
        let step = f64::from(STEP);
        let (u, v) = (a as f64 * step / self.ex, b as f64 * step / self.ey);
        let rho = (u * u + v * v).sqrt();
        let phi = v.atan2(u).rem_euclid(std::f64::consts::TAU);
        let k = (rho / self.pitch - phi / std::f64::consts::TAU).round().max(0.0);
        let theta = phi + std::f64::consts::TAU * k;
        ((theta, b, a), self.pitch * theta / std::f64::consts::TAU)
    }

    /// The grid points where a box of half sizes `hw`, `hh` lies inside the cloud's:
    /// `a ∈ [ceil((hw − cx)/STEP), floor((W − cx − hw)/STEP)]`, likewise `b`.
    fn inside(&self, hw: f32, hh: f32) -> ((i64, i64), (i64, i64)) {
        let step = f64::from(STEP);
        let range = |half: f32, c: f32, size: f32| {
            let lo = ((f64::from(half) - f64::from(c)) / step).ceil() as i64;
            let hi = ((f64::from(size) - f64::from(c) - f64::from(half)) / step).floor() as i64;
            (lo, hi)
        };
        (range(hw, self.cx, self.w), range(hh, self.cy, self.h))
    }

    /// The centre of the first point of the spiral where a box of half sizes `hw`, `hh` lies
    /// inside the cloud's and on no marked cell of `grid`, if any.
    ///
    /// Rather than trying the points in turn, the marked cells are dilated by the box (so one
    /// bit says whether the box fits at a point) and the free points are looked up row by row
    /// from the middle row out, each row from the middle out: a point whose distance `ρ` from
    /// the centre exceeds the best point's spiral radius by more than `pitch / 2` comes later
    /// on the spiral, which bounds the search.
    fn first_free(&self, grid: &mut Grid, hw: f32, hh: f32) -> Option<(f32, f32)> {
        let ((amin, amax), (bmin, bmax)) = self.inside(hw, hh);
        if amin > amax || bmin > bmax {
            return None;
        }
        let step = f64::from(STEP);
        let slack = self.pitch / 2.0 + 1e-9;
        // The box at point (a, b) covers cells x0 + a .. x0 + a + lx, y0 + b .. y0 + b + ly.
        let (x0, lx) = cells(self.cx - hw, self.cx + hw);
        let (y0, ly) = cells(self.cy - hh, self.cy + hh);
        grid.dilate(lx, ly);
        let col = |a: i64| (x0 + a) as usize;
        // Best so far: its place and spiral radius.
        let mut best: Option<(Place, f64)> = None;
        // How far from the middle column a point of row b may be and still come first.
        let reach = |best: &Option<(Place, f64)>, rho_y: f64| -> i64 {
            match best {
                None => i64::MAX,
                Some((_, r)) => {
                    let bound = r + slack;
                    let span = (bound * bound - rho_y * rho_y).max(0.0).sqrt();
                    (span * self.ex / step).floor() as i64 + 1
                }
            }
        };
        let consider = |best: &mut Option<(Place, f64)>, a: i64, b: i64| {
            let (place, r) = self.place(a, b);
            if best.is_none_or(|(p, _)| place.partial_cmp(&p) == Some(std::cmp::Ordering::Less)) {
                *best = Some((place, r));
            }
        };
        for t in 0..=2 * bmin.abs().max(bmax.abs()) {
            // b = 0, 1, −1, 2, −2, …
            let b = if t % 2 == 1 { t / 2 + 1 } else { -(t / 2) };
            if b < bmin || b > bmax {
                continue;
            }
            let rho_y = (b as f64 * step).abs() / self.ey;
            if best.is_some_and(|(_, r)| rho_y - slack > r) {
                break;
            }
            let row = (y0 + b) as usize;
            // Rightwards from the middle, then leftwards.
            let mut a = amin.max(0);
            loop {
                let hi = amax.min(reach(&best, rho_y));
                if a > hi {
                    break;
                }
                let Some(c) = grid.next_free(row, col(a), col(hi)) else { break };
                let found = c as i64 - x0;
                consider(&mut best, found, b);
                a = found + 1;
            }
            let mut a = amax.min(-1);
            loop {
                let lo = amin.max(-reach(&best, rho_y));
                if a < lo {
                    break;
                }
                let Some(c) = grid.prev_free(row, col(a), col(lo)) else { break };
                let found = c as i64 - x0;
                consider(&mut best, found, b);
                a = found - 1;
            }
        }
        best.map(|((_, b, a), _)| (self.cx + a as f32 * STEP, self.cy + b as f32 * STEP))
    }
}

/// The cells a span of pixels `[floor(lo), ceil(hi))` covers: (first cell, number of cells).
fn cells(lo: f32, hi: f32) -> (i64, usize) {
    let (p0, p1) = (lo.floor() as i64, hi.ceil() as i64);
    let (c0, c1) = (p0.div_euclid(CELL as i64), (p1 + CELL as i64 - 1).div_euclid(CELL as i64));
    (c0, (c1 - c0).max(1) as usize)
}

/// The cells placed words (with their margins) cover, one bit a cell in rows of `u64`s, and
/// the same dilated by the box being placed.
struct Grid {
    cols: usize,
    rows: usize,
    stride: usize,
    marked: Vec<u64>,
    /// Bit (r, c): the box with its top left cell at (r, c) would cover a marked cell.
    blocked: Vec<u64>,
    /// Room for a pass of the dilation.
    scratch: Vec<u64>,
}

impl Grid {
    fn new(cols: usize, rows: usize) -> Grid {
        let stride = cols.div_ceil(64);
        let words = vec![0; stride * rows];
        Grid { cols, rows, stride, marked: words.clone(), blocked: words.clone(), scratch: words }
    }

    /// Marks the cells of the box centred at (x, y) with half sizes `hw`, `hh` (clipped).
    fn mark(&mut self, x: f32, y: f32, hw: f32, hh: f32) {
        let clip = |(c0, n): (i64, usize), max: usize| (c0.max(0) as usize, ((c0 + n as i64).max(0) as usize).min(max));
        let (c0, c1) = clip(cells(x - hw, x + hw), self.cols);
        let (r0, r1) = clip(cells(y - hh, y + hh), self.rows);
        for c in c0..c1 {
            for r in r0..r1 {
                self.marked[r * self.stride + c / 64] |= 1 << (c % 64);
            }
        }
    }

    /// Fills `blocked`: bit (r, c) set when a marked cell lies in `[r, r + ly) × [c, c + lx)`,
    /// by doubling windows (`log2 lx + log2 ly` passes of shifts and ORs, each from one buffer
    /// into the other).
    fn dilate(&mut self, lx: usize, ly: usize) {
        self.blocked.copy_from_slice(&self.marked);
        let mut len = 1;
        while len < lx {
            let s = len.min(lx - len);
            or_shifted(&self.blocked, &mut self.scratch, self.stride, s);
            std::mem::swap(&mut self.blocked, &mut self.scratch);
            len += s;
        }
        let mut len = 1;
        while len < ly {
            let s = len.min(ly - len);
            // Row r |= row r + s (rows past the end are clear).
            let (src, dst) = (&self.blocked, &mut self.scratch);
            let off = (s * self.stride).min(src.len());
            for (d, (a, b)) in dst.iter_mut().zip(src.iter().zip(&src[off..])) {
                *d = a | b;
            }
            let n = src.len() - off;
            dst[n..].copy_from_slice(&src[n..]);
            std::mem::swap(&mut self.blocked, &mut self.scratch);
            len += s;
        }
    }

    /// The first column in `from..=to` of row `r` whose bit in `blocked` is clear.
    fn next_free(&self, r: usize, from: usize, to: usize) -> Option<usize> {
        let row = &self.blocked[r * self.stride..(r + 1) * self.stride];
        let mut k = from / 64;
        let mut free = !row[k] & (u64::MAX << (from % 64));
        loop {
            if free != 0 {
                let c = k * 64 + free.trailing_zeros() as usize;
                return (c <= to).then_some(c);
            }
            k += 1;
            if k * 64 > to || k >= row.len() {
                return None;
            }
            free = !row[k];
        }
    }

    /// The last column in `to..=from` (searching down from `from`) of row `r` whose bit in
    /// `blocked` is clear.
    fn prev_free(&self, r: usize, from: usize, to: usize) -> Option<usize> {
        let row = &self.blocked[r * self.stride..(r + 1) * self.stride];
        let mut k = from / 64;
        let mut free = !row[k] & (u64::MAX >> (63 - from % 64));
        loop {
            if free != 0 {
                let c = k * 64 + 63 - free.leading_zeros() as usize;
                return (c >= to).then_some(c);
            }
            if k == 0 || (k * 64) <= to {
                return None;
            }
            k -= 1;
            free = !row[k];
        }
    }
}

/// `dst` = `src` with, in each row of `stride` words, `bit c |= bit c + s` (bits past a row's
/// end are clear): one pass over all rows as one run of words, then each row's last words,
/// which took bits from the next row, done again.
fn or_shifted(src: &[u64], dst: &mut [u64], stride: usize, s: usize) {
    let (q, r) = (s / 64, s % 64);
    let n = src.len();
    // The word `i + k` of `src` (0 past the end) shifted into place for word `i`.
    let part = |lo: u64, hi: u64| if r == 0 { lo } else { (lo >> r) | (hi << (64 - r)) };
    let lo = &src[q.min(n)..];
    let hi = &src[(q + 1).min(n)..];
    for (i, d) in dst.iter_mut().enumerate().take(hi.len()) {
        *d = src[i] | part(lo[i], hi[i]);
    }
    for (i, d) in dst.iter_mut().enumerate().skip(hi.len()) {
        *d = src[i] | part(lo.get(i).copied().unwrap_or(0), 0);
    }
    for row in 0..n / stride.max(1) {
        let start = row * stride;
        for k in stride.saturating_sub(q + 1)..stride {
            let at = |j: usize| if j < stride { src[start + j] } else { 0 };
            dst[start + k] = src[start + k] | part(at(k + q), at(k + q + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize) -> Vec<(String, u64, u8)> {
        // Zipf-like counts, words of varied lengths and scripts.
        let stems = ["war", "peace", "union", "правда", "государство", "中国", "treaty", "soldiers", "x"];
        (0..n).map(|i| (format!("{}{i}", stems[i % stems.len()]), 1000 / (i as u64 + 1), (i % 2) as u8)).collect()
    }

    fn rect(p: &Placed) -> (f32, f32, f32, f32) {
        (p.x - p.width / 2.0, p.x + p.width / 2.0, p.y - p.size / 2.0, p.y + p.size / 2.0)
    }

    #[test]
    fn the_same_input_gives_the_same_cloud() {
        let w = words(150);
        let a = layout(&w, 800.0, 450.0);
        assert_eq!(a, layout(&w, 800.0, 450.0));
        assert!(a.words.len() > 50, "{}", a.words.len());
        assert_eq!(a.words.len() + a.left_out, 150);
        // Input order does not matter.
        let mut r = w.clone();
        r.reverse();
        assert_eq!(a, layout(&r, 800.0, 450.0));
    }

    #[test]
    fn no_overlaps_and_all_inside() {
        for (w, h) in [(800.0, 450.0), (300.0, 600.0), (401.5, 233.3)] {
            let c = layout(&words(150), w, h);
            for (i, p) in c.words.iter().enumerate() {
                let (x0, x1, y0, y1) = rect(p);
                assert!(x0 >= 0.0 && y0 >= 0.0 && x1 <= w && y1 <= h, "{p:?}");
                for q in &c.words[..i] {
                    let (u0, u1, v0, v1) = rect(q);
                    let apart = x1 + MARGIN <= u0 + 1e-3
                        || u1 + MARGIN <= x0 + 1e-3
                        || y1 + MARGIN <= v0 + 1e-3
                        || v1 + MARGIN <= y0 + 1e-3;
                    assert!(apart, "{p:?} {q:?}");
                }
            }
        }
    }

    #[test]
    fn the_biggest_word_is_at_the_centre() {
        let c = layout(&words(40), 600.0, 400.0);
        let first = &c.words[0];
        assert_eq!((first.word.as_str(), first.count, first.size), ("war0", 1000, MAX_SIZE));
        assert_eq!((first.x, first.y), (300.0, 200.0));
        assert_eq!(c.words.last().map(|p| p.size), Some(MIN_SIZE));
        // Sizes by the square root: count 250 of 1000..25 → 14 + 42 · (√250 − 5) / (√1000 − 5).
        let p = c.words.iter().find(|p| p.count == 250).unwrap();
        let t = (250f32.sqrt() - 5.0) / (1000f32.sqrt() - 5.0);
        assert!((p.size - (MIN_SIZE + 42.0 * t)).abs() < 1e-3);
    }

    #[test]
    fn equal_counts_equal_sizes_and_ties_by_word() {
        let w: Vec<(String, u64, u8)> = ["b", "a", "c"].iter().map(|s| (s.to_string(), 5, 0)).collect();
        let c = layout(&w, 300.0, 200.0);
        assert_eq!(c.words.iter().map(|p| p.word.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(c.words.iter().all(|p| p.size == (MIN_SIZE + MAX_SIZE) / 2.0));
    }

    #[test]
    fn widths_from_characters() {
        assert!((em_width("war") - 1.8).abs() < 1e-6);
        assert!((em_width("мир") - 1.8).abs() < 1e-6);
        assert!((em_width("中国") - 2.0).abs() < 1e-6);
        assert!((em_width("e\u{301}") - 0.6).abs() < 1e-6);
        assert!((em_width("") - 0.6).abs() < 1e-6);
        let c = layout(&[("中国".into(), 3, 1)], 200.0, 100.0);
        assert_eq!((c.words[0].width, c.words[0].side), (2.0 * c.words[0].size, 1));
    }

    #[test]
    fn what_does_not_fit_is_left_out() {
        let c = layout(&words(20), 60.0, 30.0);
        assert!(c.left_out > 10, "{}", c.left_out);
        assert_eq!(c.words.len() + c.left_out, 20);
        // Nothing fits a box smaller than the smallest word, or no box.
        assert_eq!(layout(&words(5), 5.0, 5.0).left_out, 5);
        let none = layout(&words(5), 0.0, f32::NAN);
        assert_eq!((none.left_out, none.width, none.height), (5, 0.0, 0.0));
        assert_eq!(layout(&[], 100.0, 100.0), Cloud { width: 100.0, height: 100.0, ..Cloud::default() });
        // Beyond MAX_WORDS: left out too.
        let c = layout(&words(200), 2000.0, 2000.0);
        assert!(c.left_out >= 50);
        assert!(c.words.iter().all(|p| p.count >= 1000 / 150));
    }

    /// The search finds what trying every point of the spiral in turn finds.
    #[test]
    fn the_search_finds_the_first_point_of_the_spiral() {
        fn every_point(sp: &Spiral, grid: &mut Grid, hw: f32, hh: f32) -> Option<(f32, f32)> {
            let ((amin, amax), (bmin, bmax)) = sp.inside(hw, hh);
            let (x0, lx) = cells(sp.cx - hw, sp.cx + hw);
            let (y0, ly) = cells(sp.cy - hh, sp.cy + hh);
            let mut points: Vec<(Place, i64, i64)> = (bmin..=bmax)
                .flat_map(|b| (amin..=amax).map(move |a| (a, b)))
                .map(|(a, b)| (sp.place(a, b).0, a, b))
                .collect();
            points.sort_by(|x, y| x.0.partial_cmp(&y.0).unwrap());
            let marked = |r: i64, c: i64| grid.marked[r as usize * grid.stride + c as usize / 64] >> (c % 64) & 1 == 1;
            points
                .into_iter()
                .find(|&(_, a, b)| (0..ly as i64).all(|dy| (0..lx as i64).all(|dx| !marked(y0 + b + dy, x0 + a + dx))))
                .map(|(_, a, b)| (sp.cx + a as f32 * STEP, sp.cy + b as f32 * STEP))
        }
        for (n, w, h) in [(60, 320.0, 200.0), (80, 200.0, 300.0), (40, 177.7, 91.3), (12, 80.0, 80.0)] {
            let words = words(n);
            let fast = layout(&words, w, h);
            assert_eq!(fast, layout_by(&words, w, h, every_point), "{n} {w}×{h}");
            assert!(fast.left_out > 0 || n == 60, "{n}: {}", fast.left_out);
        }
    }

    #[test]
    fn bit_searches() {
        let mut g = Grid::new(200, 1);
        g.blocked = vec![u64::MAX, !(1 << 5), 0, 0];
        g.blocked[3] = u64::MAX;
        assert_eq!(g.next_free(0, 0, 199), Some(69));
        assert_eq!(g.next_free(0, 70, 127), None);
        assert_eq!(g.next_free(0, 70, 199), Some(128));
        assert_eq!(g.next_free(0, 0, 68), None);
        assert_eq!(g.prev_free(0, 199, 0), Some(191));
        assert_eq!(g.prev_free(0, 127, 0), Some(69));
        assert_eq!(g.prev_free(0, 68, 0), None);
        assert_eq!(g.prev_free(0, 69, 0), Some(69));
        // Column c gets column c + s: 3 → 0 and 64 → 61; one row of 2 words, then one of 3.
        let shifted = |src: &[u64], stride: usize, s: usize| {
            let mut dst = vec![0; src.len()];
            or_shifted(src, &mut dst, stride, s);
            dst
        };
        assert_eq!(shifted(&[0b1000, 1, 0b1000, 1], 2, 3), [0b1001 | 1 << 61, 1, 0b1001 | 1 << 61, 1]);
        assert_eq!(shifted(&[0, 0b10, 1, 7, 7, 7], 3, 64), [0b10, 0b11, 1, 7, 7, 7]);
        let row = shifted(&[0, 0b100, 1 << 63, 0, 1, 1], 3, 66);
        assert_eq!(row, [0b1, 0b100 | 1 << 61, 1 << 63, 1 << 62, 1, 1]);
        // Two rows dilated by 2 × 2: rows and words stay apart.
        let mut g = Grid::new(130, 3);
        g.marked[3 * 2 + 2] = 1; // row 2, column 128
        g.dilate(2, 2);
        let set: Vec<(usize, usize)> = (0..3)
            .flat_map(|r| (0..130).map(move |c| (r, c)))
            .filter(|&(r, c)| g.blocked[r * 3 + c / 64] >> (c % 64) & 1 == 1)
            .collect();
        assert_eq!(set, [(1, 127), (1, 128), (2, 127), (2, 128)]);
    }
}
