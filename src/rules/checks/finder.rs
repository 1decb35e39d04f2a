//! A regex's matches in a long text, without running the regex over all of it.
//!
//! Every match starts with one of the regex's prefix literals (as regex-syntax extracts
//! them), so the literals are searched for with SIMD (memchr for a few single bytes,
//! Teddy for the longer literals) and the regex runs, anchored, only where one occurs.
//! Candidates are visited in order and a match resumes the search at its end, so the
//! matches are exactly those of `find_iter`. On the placeholder rule's regex over a
//! whole charter this is several times cheaper than the lazy DFA, which reads every
//! byte. (The meta regex's own prefilter searches all the literals with one searcher,
//! which for a mix such as `<`, `TBD` and `Lorem` is Aho-Corasick, slower than no
//! prefilter.)
//!
//! Where the CPU has AVX2 and the literals start with at most eight distinct bytes,
//! one pass over the text finds them all instead ([`Pairs`]): two searches (memchr
//! and Teddy) each read the whole text, and each candidate of one restarts the other.

use crate::model::Span;
use regex_automata::meta::Regex;
use regex_automata::util::prefilter::Prefilter;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A check's regex that finds all its matches, with the literal search when it has one.
#[derive(Debug)]
pub struct Finder {
    re: Regex,
    starts: Option<Starts>,
    /// Every match starts at the start of the text (`^…`, without multi-line mode).
    anchored_start: bool,
    /// The bytes a match can start with, when it cannot be empty: with `anchored_start`,
    /// a text that starts with none of them has no match, and no search is run.
    first: Option<Box<[bool; 256]>>,
}

/// Where a match can start.
#[derive(Debug)]
enum Starts {
    /// All the literals in one pass (AVX2), each candidate tested against `exact`.
    #[cfg(target_arch = "x86_64")]
    Pairs {
        pairs: pairs::Pairs,
        exact: Prefixes,
    },
    /// Two searches: the short literals by their first bytes, the others with Teddy.
    Literals {
        /// The search for the first bytes of the short literals, and of literals that
        /// share their first byte with many others (at most three: memchr's limit).
        byte_search: ByteSearch,
        /// Those literals, to test each byte found.
        short: Prefixes,
        /// The other literals (three bytes or longer); `None` when there are none.
        long: Option<Prefilter>,
    },
}

/// The first three bytes of some literals, to test a candidate against all of them at
/// once: a cheap test that skips most false candidates, e.g. a TOML table header
/// `[value-exchange]` for literals `[fill`, `[todo`, ….
#[derive(Debug)]
struct Prefixes {
    /// For each first byte, one more than its index in `second` and `thirds` (0: none).
    index: Box<[u8; 256]>,
    /// For each first byte, the bytes a literal may have after it (`None`: some literal
    /// is the byte alone).
    second: Vec<Option<Box<[bool; 256]>>>,
    /// For each first byte, the second and third bytes of its three-byte literals, as a
    /// bit set indexed by `second * 256 + third`, and the second bytes of its two-byte
    /// literals (which any third byte may follow): a candidate that passes `second` must
    /// pass this too (`[[timeline` passes `[t` of `[todo`, not `[to`).
    thirds: Vec<(Box<[u64; 1024]>, [bool; 256])>,
}

impl Prefixes {
    /// The prefixes of these literals (none empty), or `None` for more than 255 first bytes.
    fn new(literals: &[&[u8]]) -> Option<Prefixes> {
        let mut p = Prefixes {
            index: Box::new([0; 256]),
            second: Vec::new(),
            thirds: Vec::new(),
        };
        for l in literals {
            let Some(&first) = l.first() else { continue };
            let i = match p.index[usize::from(first)] {
                0 => {
                    p.second.push(Some(Box::new([false; 256])));
                    p.thirds.push((Box::new([0; 1024]), [false; 256]));
                    p.index[usize::from(first)] = u8::try_from(p.second.len()).ok()?;
                    p.second.len() - 1
                }
                n => usize::from(n) - 1,
            };
            let (pairs, two) = &mut p.thirds[i];
            match l[1..] {
                [x, y, ..] => {
                    let bit = usize::from(x) * 256 + usize::from(y);
                    pairs[bit / 64] |= 1 << (bit % 64);
                }
                [x] => two[usize::from(x)] = true,
                // The byte alone: `second` is `None`, `thirds` is not looked at.
                [] => {}
            }
            match l.get(1) {
                Some(&b) => {
                    if let Some(set) = &mut p.second[i] {
                        set[usize::from(b)] = true;
                    }
                }
                None => p.second[i] = None,
            }
        }
        Some(p)
    }

    /// The first bytes, in the order of their index.
    fn firsts(&self) -> Vec<u8> {
        let mut firsts = vec![0; self.second.len()];
        for (b, &i) in (0..=255u8).zip(self.index.iter()) {
            if i > 0 {
                firsts[usize::from(i) - 1] = b;
            }
        }
        firsts
    }

    /// Whether one of the literals could start at `at` (as far as its first three
    /// bytes tell).
    fn fits(&self, hay: &[u8], at: usize) -> bool {
        let Some(i) = hay
            .get(at)
            .map(|&b| usize::from(self.index[usize::from(b)]))
        else {
            return false;
        };
        if i == 0 {
            return false;
        }
        match (&self.second[i - 1], hay.get(at + 1)) {
            (None, _) => true,
            (Some(set), Some(&x)) if set[usize::from(x)] => {
                let (pairs, two) = &self.thirds[i - 1];
                two[usize::from(x)]
                    || hay.get(at + 2).is_some_and(|&y| {
                        let bit = usize::from(x) * 256 + usize::from(y);
                        pairs[bit / 64] & (1 << (bit % 64)) != 0
                    })
            }
            _ => false,
        }
    }
}

/// The next candidates of each search of [`Starts`], at or after the last place asked for.
enum Cursor {
    #[cfg(target_arch = "x86_64")]
    Pairs(Option<usize>),
    Literals {
        byte: Option<usize>,
        long: Option<usize>,
    },
}

/// Literals longer than this are cut: three bytes make few false candidates in prose,
/// and longer case-insensitive words multiply the literals (cost at start-up; past the
/// extractor's limit of 250 they collapse, e.g. `[(?i:fill|todo)` to a bare `[`).
const LITERAL_LEN: usize = 3;
/// Literals sharing a first byte beyond this many are searched for by that byte.
const SHARED_FIRST_BYTE: usize = 4;

impl Finder {
    /// Build a regex like every check's (see [`super::build`]), and its literal search.
    pub fn new(pattern: &str) -> Result<Finder, String> {
        Finder::with(pattern, true)
    }

    /// [`Finder::new`], with or without the one-pass search where the CPU allows it.
    fn with(pattern: &str, one_pass: bool) -> Result<Finder, String> {
        let Ok(hir) = regex_automata::util::syntax::parse(pattern) else {
            // `build` parses the same way: its message, as the rule has always given.
            return Err(super::build(pattern).err().unwrap_or_default());
        };
        let re = super::build_from_hir(&hir)?;
        Ok(Finder {
            re,
            starts: Starts::of(&hir, one_pass),
            anchored_start: hir.properties().look_set_prefix().contains(Look::Start),
            first: first_bytes(&hir),
        })
    }

    /// Every match in `text`, leftmost first and not overlapping, as `find_iter` gives them.
    #[cfg(test)]
    pub fn each(&self, text: &str, f: impl FnMut(usize, usize)) {
        self.each_in(text, &[Span::new(0, text.len())], f);
    }

    /// Every match in each of `pieces` of `text` (sorted, disjoint, on character
    /// boundaries), each piece read as a text of its own (as `find_iter` over
    /// `&text[piece]` gives them), at offsets into `text`.
    ///
    /// The literals are searched for once over all the pieces rather than once per
    /// piece: a TOML charter has a piece between each two comment lines, and each search
    /// costs a set-up. A candidate in a gap between pieces is passed over; one that runs
    /// past the end of its piece is a false candidate the regex, run over the piece
    /// alone, turns down. Every match in a piece starts with a literal that lies in the
    /// piece, so no candidate is missed.
    pub fn each_in(&self, text: &str, pieces: &[Span], mut f: impl FnMut(usize, usize)) {
        let Some(starts) = &self.starts else {
            for p in pieces {
                let piece = &text[p.start..p.end];
                // `^…`: at most one match, at the start; `find_iter` would search again.
                if self.anchored_start {
                    let first = piece.as_bytes().first();
                    let starts_no_match = match (&self.first, first) {
                        (Some(set), Some(&b)) => !set[usize::from(b)],
                        (Some(_), None) => true,
                        (None, _) => false,
                    };
                    if starts_no_match {
                        continue;
                    }
                    if let Some(m) = self.re.search(&Input::new(piece)) {
                        f(p.start + m.start(), p.start + m.end());
                    }
                    continue;
                }
                for m in self.re.find_iter(piece) {
                    f(p.start + m.start(), p.start + m.end());
                }
            }
            return;
        };
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            return;
        };
        // Candidates only up to the end of the last piece.
        let hay = &text.as_bytes()[..last.end];
        let mut cursor = starts.cursor(hay, first.start);
        let mut i = 0;
        while let Some(at) = cursor.at() {
            // Candidates only move forward, and each lies before `last.end`.
            while pieces[i].end <= at {
                i += 1;
            }
            let p = &pieces[i];
            let from = if at < p.start {
                // In a gap (a comment): on to the piece.
                p.start
            } else {
                let piece = &text[p.start..p.end];
                let input = Input::new(piece)
                    .range(at - p.start..)
                    .anchored(Anchored::Yes);
                // No literal is empty, so neither is a match: the search always moves on.
                match self.re.search(&input) {
                    Some(m) => {
                        f(p.start + m.start(), p.start + m.end());
                        p.start + m.end()
                    }
                    None => at + 1,
                }
            };
            starts.advance(&mut cursor, hay, from);
        }
    }
}

/// The bytes a match of `hir` can start with; `None` when a match can be empty.
fn first_bytes(hir: &Hir) -> Option<Box<[bool; 256]>> {
    let mut set = Box::new([false; 256]);
    (!add_first_bytes(hir, &mut set)).then_some(set)
}

/// Add to `set` the bytes a match of `hir` can start with; whether it can be empty.
/// Look-arounds take no byte, so they are passed over: the set is then all the bytes
/// a match may start with, and perhaps more, never fewer.
fn add_first_bytes(hir: &Hir, set: &mut [bool; 256]) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => match lit.0.first() {
            Some(&b) => {
                set[usize::from(b)] = true;
                false
            }
            None => true,
        },
        HirKind::Class(Class::Bytes(class)) => {
            for r in class.iter() {
                for b in r.start()..=r.end() {
                    set[usize::from(b)] = true;
                }
            }
            false
        }
        HirKind::Class(Class::Unicode(class)) => {
            for r in class.iter() {
                let (start, end) = (u32::from(r.start()), u32::from(r.end()));
                for b in start..=end.min(0x7F) {
                    set[b as usize] = true;
                }
                // A character past ASCII starts with a lead byte: all of them.
                if end > 0x7F {
                    set[0xC0..].fill(true);
                }
            }
            false
        }
        HirKind::Repetition(rep) => add_first_bytes(&rep.sub, set) || rep.min == 0,
        HirKind::Capture(cap) => add_first_bytes(&cap.sub, set),
        // Up to the first part that cannot be empty.
        HirKind::Concat(parts) => parts.iter().all(|p| add_first_bytes(p, set)),
        // Every alternative, each adding its bytes.
        HirKind::Alternation(alts) => {
            let mut empty = false;
            for a in alts {
                empty |= add_first_bytes(a, set);
            }
            empty
        }
    }
}

/// The bytes of a byte set as characters, for tests to compare sets with a string.
#[cfg(test)]
pub(super) fn byte_set_chars(set: &[bool; 256]) -> String {
    (0..=255u8)
        .filter(|&b| set[usize::from(b)])
        .map(char::from)
        .collect()
}

fn min(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The start of the next occurrence of one of the prefilter's literals at or after `from`.
fn next(pre: Option<&Prefilter>, hay: &[u8], from: usize) -> Option<usize> {
    let span = regex_automata::Span {
        start: from,
        end: hay.len(),
    };
    pre?.find(hay, span).map(|s| s.start)
}

impl Starts {
    /// The literal search for a regex, or `None` when it would not pay: the regex has
    /// too many prefixes, or some match may start with anything (or nothing). With
    /// `one_pass`, the one-pass search where the CPU and the literals allow it.
    fn of(hir: &Hir, one_pass: bool) -> Option<Starts> {
        let mut extractor = Extractor::new();
        extractor
            .kind(ExtractKind::Prefix)
            .limit_literal_len(LITERAL_LEN);
        let seq = extractor.extract(hir);
        let literals = seq.literals()?;
        if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
            return None;
        }
        let all: Vec<&[u8]> = literals.iter().map(|l| l.as_bytes()).collect();
        #[cfg(target_arch = "x86_64")]
        if one_pass {
            let exact = Prefixes::new(&all)?;
            if let Some(pairs) = pairs::Pairs::new(&exact.firsts(), &all) {
                return Some(Starts::Pairs { pairs, exact });
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = one_pass;
        let (mut short, mut long): (Vec<&[u8]>, Vec<&[u8]>) = all.iter().partition(|l| l.len() < 3);
        let mut firsts: Vec<u8> = long.iter().map(|l| l[0]).collect();
        firsts.sort_unstable();
        firsts.dedup();
        for b in firsts {
            if long.iter().filter(|l| l[0] == b).count() > SHARED_FIRST_BYTE {
                short.extend(long.iter().filter(|l| l[0] == b));
                long.retain(|l| l[0] != b);
            }
        }
        let short = Prefixes::new(&short)?;
        // memchr finds up to three bytes at once.
        let bytes = short.firsts();
        if bytes.len() > 3 {
            return None;
        }
        let long = if long.is_empty() {
            None
        } else {
            let pre = Prefilter::new(MatchKind::LeftmostFirst, &long)?;
            // Not Teddy or memmem (too many literals, no SIMD): the DFA does better.
            if !pre.is_fast() {
                return None;
            }
            Some(pre)
        };
        Some(Starts::Literals {
            byte_search: ByteSearch::new(&bytes),
            short,
            long,
        })
    }

    /// The first candidates at or after `from`.
    fn cursor(&self, hay: &[u8], from: usize) -> Cursor {
        match self {
            #[cfg(target_arch = "x86_64")]
            Starts::Pairs { pairs, exact } => {
                Cursor::Pairs(pairs.find(hay, from, |at| exact.fits(hay, at)))
            }
            Starts::Literals {
                byte_search,
                short,
                long,
            } => Cursor::Literals {
                byte: next_byte(byte_search, short, hay, from),
                long: next(long.as_ref(), hay, from),
            },
        }
    }

    /// Move the cursor's candidates before `from` on, to the next ones at or after it.
    fn advance(&self, cursor: &mut Cursor, hay: &[u8], from: usize) {
        match (self, cursor) {
            #[cfg(target_arch = "x86_64")]
            (Starts::Pairs { pairs, exact }, Cursor::Pairs(at)) if at.is_some_and(|a| a < from) => {
                *at = pairs.find(hay, from, |at| exact.fits(hay, at));
            }
            (
                Starts::Literals {
                    byte_search,
                    short,
                    long,
                },
                Cursor::Literals { byte, long: l },
            ) => {
                if byte.is_some_and(|b| b < from) {
                    *byte = next_byte(byte_search, short, hay, from);
                }
                if l.is_some_and(|x| x < from) {
                    *l = next(long.as_ref(), hay, from);
                }
            }
            // Still ahead, or (never) a cursor of another kind of search.
            #[cfg(target_arch = "x86_64")]
            _ => {}
        }
    }
}

impl Cursor {
    /// The next candidate, if any.
    fn at(&self) -> Option<usize> {
        match *self {
            #[cfg(target_arch = "x86_64")]
            Cursor::Pairs(at) => at,
            Cursor::Literals { byte, long } => min(byte, long),
        }
    }
}

/// The next place at or after `from` where one of the short literals starts.
fn next_byte(search: &ByteSearch, short: &Prefixes, hay: &[u8], mut from: usize) -> Option<usize> {
    loop {
        // memchr itself, not through a `Prefilter`: there is a candidate every line
        // or two (each `[` of a TOML table header), so the call is what costs.
        let rest = hay.get(from..)?;
        let at = from + search.find(rest)?;
        if short.fits(hay, at) {
            return Some(at);
        }
        from = at + 1;
    }
}

/// memchr for one to three bytes. The AVX2 searcher is made once where the CPU has
/// AVX2: `memchr2` and its kin choose the CPU's routine and set it up on every call,
/// and a TOML charter has a candidate `[` every few lines, each a call.
#[derive(Debug)]
enum ByteSearch {
    None,
    #[cfg(target_arch = "x86_64")]
    One(memchr::arch::x86_64::avx2::memchr::One),
    #[cfg(target_arch = "x86_64")]
    Two(memchr::arch::x86_64::avx2::memchr::Two),
    #[cfg(target_arch = "x86_64")]
    Three(memchr::arch::x86_64::avx2::memchr::Three),
    /// Without AVX2: memchr's own choice on each call.
    Bytes(Vec<u8>),
}

impl ByteSearch {
    fn new(bytes: &[u8]) -> ByteSearch {
        #[cfg(target_arch = "x86_64")]
        {
            use memchr::arch::x86_64::avx2::memchr::{One, Three, Two};
            let avx2 = match *bytes {
                [] => Some(ByteSearch::None),
                [a] => One::new(a).map(ByteSearch::One),
                [a, b] => Two::new(a, b).map(ByteSearch::Two),
                [a, b, c, ..] => Three::new(a, b, c).map(ByteSearch::Three),
            };
            if let Some(search) = avx2 {
                return search;
            }
        }
        ByteSearch::Bytes(bytes.to_vec())
    }

    fn find(&self, hay: &[u8]) -> Option<usize> {
        match self {
            ByteSearch::None => None,
            #[cfg(target_arch = "x86_64")]
            ByteSearch::One(s) => s.find(hay),
            #[cfg(target_arch = "x86_64")]
            ByteSearch::Two(s) => s.find(hay),
            #[cfg(target_arch = "x86_64")]
            ByteSearch::Three(s) => s.find(hay),
            ByteSearch::Bytes(bytes) => match bytes[..] {
                [] => None,
                [a] => memchr::memchr(a, hay),
                [a, b] => memchr::memchr2(a, b, hay),
                [a, b, c, ..] => memchr::memchr3(a, b, c, hay),
            },
        }
    }
}

/// Teddy's idea cut to two bytes, for all the literals at once: each of up to eight
/// first bytes has a bucket (a bit), and a byte and the one after it are a candidate
/// when some bucket accepts both, looked up by their low and high halves (four
/// shuffles for 32 places). A literal of one byte accepts any byte after it. Nibble
/// tables accept more pairs than the literals have, and a third byte is not looked at:
/// [`Prefixes::fits`] then tests each candidate.
#[cfg(target_arch = "x86_64")]
mod pairs {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8, _mm256_setzero_si256, _mm256_shuffle_epi8,
        _mm256_srli_epi16, _mm256_testz_si256,
    };

    #[derive(Debug)]
    pub(super) struct Pairs {
        /// The buckets of a first byte by its low and high half, then those of a
        /// second byte: each table twice, as `vpshufb` looks up within 16-byte lanes.
        tables: [[u8; 32]; 4],
    }

    impl Pairs {
        /// The search for literals with these first bytes (each literal's among them);
        /// `None` without AVX2 or with more than eight first bytes.
        pub(super) fn new(firsts: &[u8], literals: &[&[u8]]) -> Option<Pairs> {
            if firsts.len() > 8 || !std::is_x86_feature_detected!("avx2") {
                return None;
            }
            let mut tables = [[0u8; 32]; 4];
            let mut set = |table: usize, nibble: u8, bit: u8| {
                tables[table][usize::from(nibble)] |= bit;
                tables[table][usize::from(nibble) + 16] |= bit;
            };
            for l in literals {
                let &first = l.first()?;
                let bit = 1u8 << firsts.iter().position(|&b| b == first)?;
                set(0, first & 0xF, bit);
                set(1, first >> 4, bit);
                match l.get(1) {
                    Some(&b) => {
                        set(2, b & 0xF, bit);
                        set(3, b >> 4, bit);
                    }
                    None => {
                        for nibble in 0..16 {
                            set(2, nibble, bit);
                            set(3, nibble, bit);
                        }
                    }
                }
            }
            Some(Pairs { tables })
        }

        /// The first place at or after `from` that is a candidate and that `fits`.
        pub(super) fn find(
            &self,
            hay: &[u8],
            mut from: usize,
            mut fits: impl FnMut(usize) -> bool,
        ) -> Option<usize> {
            loop {
                // SAFETY: `new` makes a `Pairs` only where the CPU has AVX2.
                let (base, mut bits) = unsafe { self.candidates(hay, from) }?;
                while bits != 0 {
                    let i = base + bits.trailing_zeros() as usize;
                    if fits(i) {
                        return Some(i);
                    }
                    bits &= bits - 1;
                }
                from = base + 64;
            }
        }

        /// The first 64 places from `at` on, 64 at a time, with a candidate among
        /// them: the first place, and the candidates as bits (bit `i`: place
        /// `base + i`). No call in the loop: the tables stay in registers.
        #[target_feature(enable = "avx2")]
        unsafe fn candidates(&self, hay: &[u8], mut at: usize) -> Option<(usize, u64)> {
            let t = Tables::load(&self.tables);
            let p = hay.as_ptr();
            let both = |a: __m256i, b: __m256i| places(a) | (places(b) << 32);
            // 64 places need 65 bytes (each place's next byte).
            while at + 65 <= hay.len() {
                // SAFETY: `at + 65 <= hay.len()`.
                let (a, b) = (t.buckets(p.add(at)), t.buckets(p.add(at + 32)));
                let either = _mm256_or_si256(a, b);
                if _mm256_testz_si256(either, either) == 0 {
                    return Some((at, both(a, b)));
                }
                at += 64;
            }
            // The last places (fewer than 65) from a copy padded with zeros: a place
            // there has a zero after it, which a one-byte literal accepts and a longer
            // one (rightly) does not.
            let rest = hay.get(at..).filter(|r| !r.is_empty())?;
            let mut copy = [0u8; 96];
            copy[..rest.len()].copy_from_slice(rest);
            let c = copy.as_ptr();
            let mut bits = both(t.buckets(c), t.buckets(c.add(32)));
            if rest.len() < 64 {
                bits &= (1 << rest.len()) - 1;
            }
            (bits != 0).then_some((at, bits))
        }
    }

    /// Bit `i`: byte `i` of the buckets is not zero.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn places(buckets: __m256i) -> u64 {
        let none = _mm256_cmpeq_epi8(buckets, _mm256_setzero_si256());
        u64::from(!(_mm256_movemask_epi8(none) as u32))
    }

    /// [`Pairs::tables`] in registers.
    struct Tables {
        lo0: __m256i,
        hi0: __m256i,
        lo1: __m256i,
        hi1: __m256i,
        nibbles: __m256i,
    }

    impl Tables {
        #[target_feature(enable = "avx2")]
        #[inline]
        unsafe fn load(tables: &[[u8; 32]; 4]) -> Tables {
            let table = |i: usize| _mm256_loadu_si256(tables[i].as_ptr().cast());
            Tables {
                lo0: table(0),
                hi0: table(1),
                lo1: table(2),
                hi1: table(3),
                nibbles: _mm256_set1_epi8(0x0F),
            }
        }

        /// Byte `i`: the buckets that accept the bytes at `p + i` and `p + i + 1`, for
        /// `i` < 32. `p` must have 33 bytes readable.
        #[target_feature(enable = "avx2")]
        #[inline]
        unsafe fn buckets(&self, p: *const u8) -> __m256i {
            let of = |v: __m256i, lo: __m256i, hi: __m256i| {
                let low = _mm256_and_si256(v, self.nibbles);
                let high = _mm256_and_si256(_mm256_srli_epi16(v, 4), self.nibbles);
                _mm256_and_si256(_mm256_shuffle_epi8(lo, low), _mm256_shuffle_epi8(hi, high))
            };
            let first = _mm256_loadu_si256(p.cast());
            let second = _mm256_loadu_si256(p.add(1).cast());
            _mm256_and_si256(
                of(first, self.lo0, self.hi0),
                of(second, self.lo1, self.hi1),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Finder;

    fn both(pattern: &str, text: &str) {
        let f = Finder::new(pattern).expect("pattern");
        let mut scanned = Vec::new();
        f.each(text, |s, e| scanned.push((s, e)));
        let all: Vec<_> = f.re.find_iter(text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(scanned, all, "{pattern} on {text:?}");
    }

    #[test]
    fn one_scan_over_pieces_finds_what_each_piece_alone_finds() {
        use crate::model::Span;
        let placeholder = crate::rules::checks::testkit::params("placeholder");
        let placeholder = placeholder["must-not-match"].as_str().expect("pattern");
        let nothing = crate::rules::checks::testkit::params("nothing-at-stake");
        let nothing = nothing["must-not-match"].as_str().expect("pattern");
        let text = "TBD x <fill in> y\n# TB\nD [todo z] ??\n?? none TBC\nnothing. [fi\nll] XXX";
        for pattern in [placeholder, nothing, r"(?i)tbd|\[x\]", r"\bTBD\b"] {
            let f = Finder::new(pattern).expect("pattern");
            // Every split into pieces, with gaps between them.
            for a in 0..text.len() {
                for b in a..text.len() {
                    let pieces = [Span::new(0, a), Span::new(b, text.len())];
                    let mut once = Vec::new();
                    f.each_in(text, &pieces, |s, e| once.push((s, e)));
                    let mut alone = Vec::new();
                    for p in pieces {
                        for m in f.re.find_iter(&text[p.start..p.end]) {
                            alone.push((p.start + m.start(), p.start + m.end()));
                        }
                    }
                    assert_eq!(once, alone, "{pattern} over {pieces:?}");
                }
            }
        }
    }

    #[test]
    fn one_pass_finds_what_the_two_searches_and_the_regex_find() {
        use crate::model::Span;
        let params = |rule: &str| crate::rules::checks::testkit::params(rule);
        let placeholder = params("placeholder");
        let nothing = params("nothing-at-stake");
        let patterns = [
            placeholder["must-not-match"].as_str().expect("pattern"),
            nothing["must-not-match"].as_str().expect("pattern"),
            r"(?i)tbd|\[x\]",
            r"[<\[?]",
            r"\bTBD\b|é",
            r"(?i)lorem|ipsum|ab",
        ];
        let finders: Vec<_> = patterns
            .iter()
            .map(|p| {
                let one = Finder::with(p, true).expect("pattern");
                let two = Finder::with(p, false).expect("pattern");
                assert!(matches!(
                    two.starts,
                    None | Some(super::Starts::Literals { .. })
                ));
                (p, one, two)
            })
            .collect();
        // The placeholder regex is the one the single pass is for: it must get it.
        if std::is_x86_feature_detected!("avx2") {
            assert!(matches!(
                finders[0].1.starts,
                Some(super::Starts::Pairs { .. })
            ));
        }
        let fragments = [
            "TBD",
            "TBC ",
            "TODO",
            "FIXME",
            "XXX",
            "???",
            "??",
            "<fill in>",
            "<b>",
            "< name>",
            "[todo x]",
            "[value-exchange]\r\n",
            "[[phase]]",
            "[Fill me]",
            "Lorem Ipsum",
            "lorem ipsum",
            "LOREM IPSUM",
            "lore",
            "lo",
            "To",
            "é",
            "ü<",
            "\r\n",
            "\n",
            " ",
            "x",
            "— ",
            "[",
            "<",
            "?",
            "T",
            "L",
            "nothing.",
            "None",
            "ab",
            "ipsum",
        ];
        // A fixed pseudo-random sequence (xorshift): texts of every length up to a few
        // chunks, with candidates on and across the 32-byte boundaries.
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..1500 {
            let count = next(60);
            let text: String = (0..count)
                .map(|_| fragments[next(fragments.len())])
                .collect();
            // The whole text, and two pieces with a gap, on character boundaries.
            let mut cut = |text: &str| {
                let mut at = next(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                at
            };
            let (a, b) = (cut(&text), cut(&text));
            let (a, b) = (a.min(b), a.max(b));
            for pieces in [
                vec![Span::new(0, text.len())],
                vec![Span::new(0, a), Span::new(b, text.len())],
            ] {
                for (pattern, one, two) in &finders {
                    let mut by_one = Vec::new();
                    one.each_in(&text, &pieces, |s, e| by_one.push((s, e)));
                    let mut by_two = Vec::new();
                    two.each_in(&text, &pieces, |s, e| by_two.push((s, e)));
                    let mut by_regex = Vec::new();
                    for p in &pieces {
                        for m in one.re.find_iter(&text[p.start..p.end]) {
                            by_regex.push((p.start + m.start(), p.start + m.end()));
                        }
                    }
                    assert_eq!(by_one, by_regex, "{pattern} on {text:?} over {pieces:?}");
                    assert_eq!(by_two, by_regex, "{pattern} on {text:?} over {pieces:?}");
                }
            }
        }
    }

    #[test]
    fn first_bytes_are_all_a_match_can_start_with() {
        let first = |re: &str| {
            let hir = regex_automata::util::syntax::parse(re).expect("parses");
            super::first_bytes(&hir).map(|set| super::byte_set_chars(&set))
        };
        assert_eq!(first(r"^(?:ab|c)d").as_deref(), Some("ac"));
        assert_eq!(first(r"^x*(?:y|z?)w").as_deref(), Some("wxyz"));
        assert_eq!(first(r"(?i)\bn").as_deref(), Some("Nn"));
        assert_eq!(first(r"^x*"), None);
        assert_eq!(first(r"a|b?"), None);
        // A character's first byte; any lead byte for a class past ASCII.
        assert_eq!(first("é").as_deref(), Some("\u{c3}"));
        let set = first("[à-ü]").expect("a set");
        assert!(set.chars().all(|c| u32::from(c) >= 0xC0) && set.chars().count() == 64);
    }

    #[test]
    fn the_scan_finds_what_the_regex_finds() {
        let placeholder = crate::rules::checks::testkit::params("placeholder");
        let placeholder = placeholder["must-not-match"].as_str().expect("pattern");
        assert!(Finder::new(placeholder).expect("builds").starts.is_some());
        let texts = [
            "",
            "TBD",
            "TBDX xTBD TBD. TBC,TODO FIXME XXX XXXX",
            "?? ??? ???? ?\n???",
            "<fill in> <a fill b> <<fill>> <fill\n> < name> <names> <",
            "[fill x] [Fill] [[todo]] [value-exchange]\n[[phase]] [x] [TBD] [",
            "lorem ipsum Lorem Ipsum LOREM IPSUM lorem  ipsum Lorem",
            "a [fill — é <écrire your name> ??? ünd TBD",
            "[[timeline.phase]]\n[exit]\n[enter x] [Tbd] [toDo it]\n[[fill me]] [f",
            "[fi",
            "x [e",
        ];
        for t in texts {
            both(placeholder, t);
        }
        for t in texts {
            for p in [
                r"(?i)tbd|\[x\]",
                r"[<\[?]",
                r"a|b|c|d",
                r"x*",
                r"\bTBD\b",
                r"(?-u:\b)[0-9]+%",
            ] {
                both(p, t);
            }
        }
    }
}
