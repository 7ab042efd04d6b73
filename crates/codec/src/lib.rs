//! The hot loop of reading the explorer's index file, in a crate of its own so that it can be
//! compiled for speed (`opt-level = 3` in the workspace's release profile) while the rest of
//! the wasm is compiled for size (`"z"`): decoding the word positions of a frequent term
//! (`the`: a million on the 108 MB benchmark corpus) is most of its first search. The file's
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
/// Not inlined: the browser optimizes a function once it has been called often, and a call
/// per posting gets there early.
#[inline(never)]
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

/// One LEB128 number of at most 32 bits from `bytes[*at..]`.
#[inline(always)]
pub fn num32(bytes: &[u8], at: &mut usize) -> Result<u32, Problem> {
    // Most numbers are steps between positions and take one byte.
    if let Some(&b) = bytes.get(*at) {
        if b < 0x80 {
            *at += 1;
            return Ok(u32::from(b));
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
}
