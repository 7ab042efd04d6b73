//! The hot loops of the explorer's index, in a crate of its own so that they can be compiled
//! for speed (`opt-level = 3` in the workspace's release profile) while the rest of the wasm
//! is compiled for size (`"z"`, where indexing a slice or pushing to a vector is a function
//! call): reading the index file's postings (4 million on the 108 MB benchmark corpus),
//! decoding and checking a term's positions when they are first used (`the` alone: 1.5
//! million), and placing every term's positions in the forward index (18 million). The file's
//! form and checks are described in `explorer_core::index::file`.

/// What is wrong with a posting's positions, or with the file there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A position equal to the one before it.
    Repeated,
    /// A position at or past the document's end.
    PastEnd,
    /// A position on the gap after the title or after a paragraph.
    OnGap,
    /// The file ends within a number.
    EndsEarly,
    /// A number longer than 64 bits.
    TooLong,
    /// A number larger than 32 bits where a position is expected.
    TooLarge,
    /// Another number of positions in the title than the posting's title count.
    TitleCount,
    /// Bytes left in a term's block after its positions.
    LeftOver,
    /// A posting's document the same as the one before (a step of 0).
    Twice,
    /// A posting's document past the corpus's documents.
    NoDocument,
    /// A posting's title and body counts both 0, or more positions than the file holds.
    Count,
}

/// One document's occurrences of one term (`explorer_core::index::Posting`: defined here so
/// that a term's positions are decoded in this crate, compiled for speed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// Document number (position in the corpus).
    pub doc: u32,
    /// Occurrences in each field (title, body).
    pub tf: [u32; 2],
    /// Its first position's number among the positions of all postings (numbered document
    /// by document when built from the texts; term by term, posting by posting, when read
    /// from an index file). Not for use outside the index.
    #[doc(hidden)]
    pub start: u32,
}

impl Posting {
    /// Occurrences in the title and the body together (its number of positions).
    pub fn occurrences(&self) -> u32 {
        self.tf[0] + self.tf[1]
    }
}

/// Reads `count` postings of a term (per posting: its document, the first as is and then as
/// the step from the one before; its title and body counts) from `bytes[*at..]` into `list`,
/// and checks them: documents ascending and below `counts.len()` (the corpus's), counts not
/// both 0. Numbers their positions from `*filled` on (their `start`), no further than
/// `positions` (all the file holds), and adds each posting's counts to its document's
/// `counts`. The error gives the document (from 0) where it is wrong.
#[inline(never)]
pub fn read_postings(
    bytes: &[u8],
    at: &mut usize,
    count: usize,
    counts: &mut [[u64; 2]],
    filled: &mut u64,
    positions: u64,
    list: &mut Vec<Posting>,
) -> Result<(), (Problem, u64)> {
    let n = counts.len() as u64;
    let mut last: Option<u64> = None;
    for _ in 0..count {
        let near = last.unwrap_or(0);
        let step = num32(bytes, at).map_err(|e| (e, near))?;
        let d = match last {
            None => u64::from(step),
            Some(_) if step == 0 => return Err((Problem::Twice, near)),
            Some(last) => last + u64::from(step),
        };
        if d >= n {
            return Err((Problem::NoDocument, d));
        }
        last = Some(d);
        let title = num32(bytes, at).map_err(|e| (e, d))?;
        let body = num32(bytes, at).map_err(|e| (e, d))?;
        let occurrences = u64::from(title) + u64::from(body);
        if occurrences == 0 || *filled + occurrences > positions || *filled > u64::from(u32::MAX) {
            return Err((Problem::Count, d));
        }
        let c = &mut counts[d as usize];
        c[0] += u64::from(title);
        c[1] += u64::from(body);
        list.push(Posting { doc: d as u32, tf: [title, body], start: *filled as u32 });
        *filled += occurrences;
    }
    Ok(())
}

/// Decodes a term's positions block (per posting, its positions as [`read_positions`] reads
/// them) into `out`, one posting's after the other, and checks it: each posting's positions
/// (see [`read_positions`], against `docs[posting.doc]`), as many in the title as its title
/// count, and the block read exactly to its end. The error names the posting where it is
/// wrong (the postings' number for bytes left over).
#[inline(never)]
pub fn read_term(
    bytes: &[u8],
    postings: &[Posting],
    docs: &[Doc],
    gaps: &[u64],
    out: &mut Vec<u32>,
) -> Result<(), (usize, Problem)> {
    // Every position takes a byte at least: no more are allocated than the block can hold.
    let total: u64 = postings.iter().map(|p| u64::from(p.tf[0]) + u64::from(p.tf[1])).sum();
    if total > bytes.len() as u64 {
        return Err((0, Problem::EndsEarly));
    }
    out.clear();
    out.resize(total as usize, 0);
    let (mut at, mut filled) = (0, 0);
    for (i, p) in postings.iter().enumerate() {
        let n = p.tf[0] as usize + p.tf[1] as usize;
        let Some(&doc) = docs.get(p.doc as usize) else { return Err((i, Problem::PastEnd)) };
        let in_title = read_positions(bytes, &mut at, &mut out[filled..filled + n], doc, gaps).map_err(|e| (i, e))?;
        if in_title != p.tf[0] {
            return Err((i, Problem::TitleCount));
        }
        filled += n;
    }
    if at != bytes.len() {
        return Err((postings.len(), Problem::LeftOver));
    }
    Ok(())
}

/// What a posting's positions are checked against: the document's title length, its number
/// of positions, and where its bits start in the map of gaps.
#[derive(Debug, Clone, Copy)]
pub struct Doc {
    /// Words of the title (positions below this are in the title).
    pub title: u32,
    /// Positions the document has (every position is below this).
    pub limit: u32,
    /// Its first bit in `gaps`.
    pub base: u64,
}

/// Reads `slots.len()` ascending positions, written as steps (the first as itself) in LEB128
/// varints, from `bytes[*at..]` into `slots`; each must be below `doc.limit`, greater than the
/// one before, and not on a gap (its bit in `gaps` clear). Returns how many are in the title.
#[inline]
pub fn read_positions(bytes: &[u8], at: &mut usize, slots: &mut [u32], doc: Doc, gaps: &[u64]) -> Result<u32, Problem> {
    let mut last: Option<u32> = None;
    let mut in_title = 0;
    for slot in slots {
        let step = num32(bytes, at)?;
        let p = match last {
            None => step,
            Some(_) if step == 0 => return Err(Problem::Repeated),
            Some(last) => last.saturating_add(step),
        };
        if p >= doc.limit {
            return Err(Problem::PastEnd);
        }
        let bit = doc.base + u64::from(p);
        let Some(word) = gaps.get((bit / 64) as usize) else { return Err(Problem::PastEnd) };
        if word & (1u64 << (bit % 64)) != 0 {
            return Err(Problem::OnGap);
        }
        in_title += u32::from(p < doc.title);
        *slot = p;
        last = Some(p);
    }
    Ok(in_title)
}

/// Writes `value` at `out[starts[posting.doc] + p]` for each position `p` of each posting, in
/// building the forward index (the term at every position): a posting's positions are
/// `positions[posting.start - first..]` (as many as its counts say). A document whose start
/// is `usize::MAX` is left out, and so is a position past `out`. Returns how many positions
/// were read. Here rather than in the caller, compiled for size, which calls a function to
/// index a slice.
#[inline(never)]
pub fn place(
    out: &mut [u32],
    starts: &[usize],
    postings: &[Posting],
    positions: &[u32],
    first: u32,
    value: u32,
) -> usize {
    let mut read = 0;
    for p in postings {
        let Some(&start) = starts.get(p.doc as usize) else { continue };
        if start == usize::MAX {
            continue;
        }
        let from = p.start.wrapping_sub(first) as usize;
        let n = p.tf[0] as usize + p.tf[1] as usize;
        let these = positions.get(from..from.saturating_add(n)).unwrap_or_default();
        read += these.len();
        let Some(out) = out.get_mut(start..) else { continue };
        for &pos in these {
            if let Some(slot) = out.get_mut(pos as usize) {
                *slot = value;
            }
        }
    }
    read
}

/// One LEB128 number of at most 32 bits from `bytes[*at..]`.
#[inline(always)]
pub fn num32(bytes: &[u8], at: &mut usize) -> Result<u32, Problem> {
    // Most numbers are steps between positions and take one byte; most others (a posting's
    // first position, a rare word's steps) two.
    if let Some(&b) = bytes.get(*at) {
        if b < 0x80 {
            *at += 1;
            return Ok(u32::from(b));
        }
        if let Some(&c) = bytes.get(*at + 1) {
            if c < 0x80 {
                *at += 2;
                return Ok(u32::from(b & 0x7f) | u32::from(c) << 7);
            }
        }
    }
    u32::try_from(long(bytes, at)?).map_err(|_| Problem::TooLarge)
}

/// A LEB128 number of more than one byte.
#[inline(never)]
pub fn long(bytes: &[u8], at: &mut usize) -> Result<u64, Problem> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let Some(&b) = bytes.get(*at) else { return Err(Problem::EndsEarly) };
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(Problem::TooLong)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_read_and_checked() {
        let doc = Doc { title: 2, limit: 300, base: 0 };
        // Gaps at 2 (after the title) and 250.
        let mut gaps = vec![0u64; 5];
        gaps[0] |= 1 << 2;
        gaps[250 / 64] |= 1 << (250 % 64);
        // 1, 3 (step 2), 203 (step 200: two bytes).
        let bytes = [1u8, 2, 0xc8, 0x01];
        let (mut at, mut slots) = (0, [0u32; 3]);
        assert_eq!(read_positions(&bytes, &mut at, &mut slots, doc, &gaps), Ok(1));
        assert_eq!((slots, at), ([1, 3, 203], 4));
        let read = |bytes: &[u8], n: usize| read_positions(bytes, &mut 0, &mut vec![0; n], doc, &gaps);
        assert_eq!(read(&[1, 0], 2), Err(Problem::Repeated));
        assert_eq!(read(&[0xac, 0x02], 1), Err(Problem::PastEnd));
        assert_eq!(read(&[1, 1], 2), Err(Problem::OnGap));
        assert_eq!(read(&[0xfa, 0x01], 1), Err(Problem::OnGap));
        assert_eq!(read(&[1, 0x80], 2), Err(Problem::EndsEarly));
        assert_eq!(read(&[0xff; 11], 1), Err(Problem::TooLong));
        assert_eq!(read(&[0xff, 0xff, 0xff, 0xff, 0x7f], 1), Err(Problem::TooLarge));
        // A document whose bits lie past the map is refused, not a panic.
        let far = Doc { title: 0, limit: 10, base: 1 << 20 };
        assert_eq!(read_positions(&[1], &mut 0, &mut [0], far, &gaps), Err(Problem::PastEnd));
    }

    #[test]
    fn postings_are_read_and_checked() {
        let mut counts = [[0u64; 2]; 3];
        let (mut at, mut filled, mut list) = (0, 5, Vec::new());
        // Documents 0 and 2 (a step of 2), counts 1 + 2 and 0 + 3.
        let bytes = [0u8, 1, 2, 2, 0, 3];
        assert_eq!(read_postings(&bytes, &mut at, 2, &mut counts, &mut filled, 100, &mut list), Ok(()));
        assert_eq!((at, filled), (6, 11));
        let posting = |doc, tf, start| Posting { doc, tf, start };
        assert_eq!(list, [posting(0, [1, 2], 5), posting(2, [0, 3], 8)]);
        assert_eq!(counts, [[1, 2], [0, 0], [0, 3]]);
        let read = |bytes: &[u8], count: usize, positions: u64| {
            read_postings(bytes, &mut 0, count, &mut [[0; 2]; 3], &mut 0, positions, &mut Vec::new())
        };
        assert_eq!(read(&[1, 1, 0, 0, 1, 0], 2, 100), Err((Problem::Twice, 1)));
        assert_eq!(read(&[1, 1, 0, 2, 1, 0], 2, 100), Err((Problem::NoDocument, 3)));
        assert_eq!(read(&[1, 0, 0], 1, 100), Err((Problem::Count, 1)));
        assert_eq!(read(&[1, 3, 0], 1, 2), Err((Problem::Count, 1)));
        assert_eq!(read(&[1, 1], 1, 100), Err((Problem::EndsEarly, 1)));
    }

    #[test]
    fn positions_are_placed() {
        let mut out = [0u32; 8];
        let posting = |doc, tf, start| Posting { doc, tf, start };
        // Document 0 from 2 on, document 1 left out, document 2 from 6 on; positions numbered
        // from 10.
        let starts = [2, usize::MAX, 6];
        let postings = [posting(0, [1, 1], 10), posting(1, [0, 1], 12), posting(2, [0, 2], 13), posting(3, [0, 1], 15)];
        assert_eq!(place(&mut out, &starts, &postings, &[0, 2, 1, 1, 9, 0], 10, 7), 4);
        assert_eq!(out, [0, 0, 7, 0, 7, 0, 0, 7]);
        // Positions past the slice given are left out.
        assert_eq!(place(&mut out, &starts, &postings[2..3], &[0, 0, 1], 0, 8), 0);
    }

    #[test]
    fn a_term_is_read_and_checked() {
        let docs = [Doc { title: 2, limit: 300, base: 0 }, Doc { title: 0, limit: 5, base: 300 }];
        let mut gaps = vec![0u64; 6];
        gaps[0] |= 1 << 2;
        let posting = |doc, tf| Posting { doc, tf, start: 0 };
        let postings = [posting(0, [1, 2]), posting(1, [0, 2])];
        // Document 1: 1, 3, 203; document 2: 0, 4.
        let bytes = [1u8, 2, 0xc8, 0x01, 0, 4];
        let mut out = vec![7; 9];
        assert_eq!(read_term(&bytes, &postings, &docs, &gaps, &mut out), Ok(()));
        assert_eq!(out, [1, 3, 203, 0, 4]);
        let read = |bytes: &[u8], postings: &[Posting]| read_term(bytes, postings, &docs, &gaps, &mut Vec::new());
        assert_eq!(read(&[1, 2, 0xc8, 0x01, 0, 4, 0], &postings), Err((2, Problem::LeftOver)));
        assert_eq!(read(&[1, 2, 0xc8, 0x01, 0, 5], &postings), Err((1, Problem::PastEnd)));
        assert_eq!(read(&bytes, &[posting(0, [2, 1]), posting(1, [0, 2])]), Err((0, Problem::TitleCount)));
        assert_eq!(read(&bytes, &[posting(0, [1, 2]), posting(2, [0, 2])]), Err((1, Problem::PastEnd)));
        // More positions than bytes: refused before anything is allocated for them.
        assert_eq!(read(&bytes, &[posting(0, [1, u32::MAX])]), Err((0, Problem::EndsEarly)));
    }
}
