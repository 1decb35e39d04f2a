//! Eight bytes at a time: which of them are in a range of ASCII bytes.

/// The high bit of each of eight bytes.
pub(crate) const ASCII_HIGH: u64 = 0x8080_8080_8080_8080;

/// One in each of eight bytes.
pub(crate) const ONES: u64 = u64::MAX / 255;

/// Of eight bytes, the high bit set for each in `lo..=hi` (ASCII, `lo` not NUL); bytes
/// past ASCII are never in it. Each byte's low seven bits are compared with both ends
/// of the range without a carry into the next byte ("hasbetween", Bit Twiddling Hacks).
pub(crate) fn bytes_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(lo >= 1 && lo <= hi && hi <= 127);
    let low7 = x & (ONES * 127);
    let under_hi = ONES * (127 + u64::from(hi) + 1) - low7;
    let over_lo = low7 + ONES * (127 - (u64::from(lo) - 1));
    under_hi & over_lo & !x & ASCII_HIGH
}

/// Of eight ASCII bytes, the high bit set for each that is alphanumeric (letters
/// lowercased by setting 0x20, which puts no other byte in `a-z`).
pub(crate) fn ascii_alphanumeric(x: u64) -> u64 {
    bytes_in_range(x, b'0', b'9') | bytes_in_range(x | (ONES * 0x20), b'a', b'z')
}

/// The first byte in `lo..=hi` (ASCII, `lo` not NUL) at or after `from`, or the end of
/// `b`. Eight bytes at a time while none of them is in the range: most of a bar, a
/// result or an exit criterion is words, and a byte loop was most of reading them.
pub(crate) fn next_in_range(b: &[u8], mut from: usize, lo: u8, hi: u8) -> usize {
    while let Some(Ok(chunk)) = b.get(from..from + 8).map(<[u8; 8]>::try_from) {
        if bytes_in_range(u64::from_le_bytes(chunk), lo, hi) != 0 {
            break;
        }
        from += 8;
    }
    while from < b.len() && !(lo..=hi).contains(&b[from]) {
        from += 1;
    }
    from.min(b.len())
}

/// A needle looked for in any ASCII case, as `hay.windows(n).any(|w|
/// w.eq_ignore_ascii_case(needle))` does, with its rarest byte chosen once: only where
/// that byte is (in either case, found by memchr) is the rest compared. In English text
/// `n`, `o` or `t` start a match nearly everywhere; `c`, `f` or `g` seldom.
#[derive(Debug)]
pub(crate) struct Needle {
    bytes: Vec<u8>,
    /// The rarest byte's place, `None` for an empty needle (in any text).
    rare: Option<usize>,
}

impl Needle {
    pub(crate) fn new(needle: &[u8]) -> Needle {
        let rare = needle
            .iter()
            .enumerate()
            .max_by_key(|&(_, &c)| rarity(c))
            .map(|(at, _)| at);
        Needle {
            bytes: needle.to_vec(),
            rare,
        }
    }

    pub(crate) fn is_in(&self, hay: &[u8]) -> bool {
        let Some(at) = self.rare else {
            return true;
        };
        let rare = self.bytes[at];
        let (lo, up) = (rare.to_ascii_lowercase(), rare.to_ascii_uppercase());
        memchr::memchr2_iter(lo, up, hay).any(|i| {
            i.checked_sub(at)
                .and_then(|start| hay.get(start..start + self.bytes.len()))
                .is_some_and(|w| w.eq_ignore_ascii_case(&self.bytes))
        })
    }
}

/// How seldom a byte is in English text: the space and the letters by frequency,
/// anything else rarest. Only which byte is searched for depends on it.
fn rarity(c: u8) -> u8 {
    RARITY[usize::from(c)]
}

/// [`rarity`] for each byte, made at compile time.
const RARITY: [u8; 256] = {
    const COMMON_FIRST: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";
    let mut table = [COMMON_FIRST.len() as u8; 256];
    let mut i = 0;
    while i < COMMON_FIRST.len() {
        let c = COMMON_FIRST[i];
        table[c as usize] = i as u8;
        table[c.to_ascii_uppercase() as usize] = i as u8;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_in_range_skips_exactly_the_bytes_outside_it() {
        for (lo, hi) in [(b'a', b'z'), (1, 127), (b'~', 127), (1, 1), (b'?', b'?')] {
            // Fillers outside the range, one with the high bit set.
            let fillers = [0u8, b'x', 0xB0, 0xFF];
            for filler in fillers.into_iter().filter(|f| !(lo..=hi).contains(f)) {
                for c in 0..=255u8 {
                    for at in [0, 5, 7, 8, 13] {
                        let mut b = [filler; 16];
                        b[at] = c;
                        let naive = (0..16).find(|&i| (lo..=hi).contains(&b[i])).unwrap_or(16);
                        let found = next_in_range(&b, 0, lo, hi);
                        assert_eq!(found, naive, "{c} at {at} in {lo}..={hi}");
                    }
                }
            }
        }
    }

    #[test]
    fn alphanumeric_bytes_are_found_eight_at_a_time() {
        assert_eq!(
            ascii_alphanumeric(u64::from_le_bytes(*b"a0Z9 @[`")),
            0x80808080
        );
    }

    proptest::proptest! {
        #[test]
        fn a_needle_is_found_as_the_window_scan_finds_it(
            hay in "[oOtTfhe nNcCgG-]{0,30}",
            needle in "[oOtTfhe nNcCgG-]{1,5}",
        ) {
            let (h, n) = (hay.as_bytes(), needle.as_bytes());
            let plain = h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
            proptest::prop_assert_eq!(Needle::new(n).is_in(h), plain);
        }
    }
}
