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

use crate::model::Span;
use crate::rules::support::regex::PackRegex;
use regex_automata::util::prefilter::Prefilter;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A check's regex that finds all its matches, with the literal search when it has one.
#[derive(Debug)]
pub struct Finder {
    /// Built on first use: a clean charter gives the literal search no candidate, and
    /// a run of one charter then never builds it.
    re: PackRegex,
    starts: Option<Starts>,
    /// Every match starts at the start of the text (`^…`, without multi-line mode).
    anchored_start: bool,
    /// The bytes a match can start with, when it cannot be empty: with `anchored_start`,
    /// a text that starts with none of them has no match, and no search is run.
    first: Option<Box<[bool; 256]>>,
}

/// Where a match can start.
#[derive(Debug)]
struct Starts {
    /// The search for the first bytes of the short literals, and of literals that share
    /// their first byte with many others (at most three: memchr's limit).
    byte_search: ByteSearch,
    /// For each of those bytes, the bytes a literal may have after it (`None`: some
    /// literal is the byte alone). A cheap test that skips most false candidates, e.g.
    /// a TOML table header `[value-exchange]` for literals `[fill`, `[todo`, ….
    second: Vec<(u8, Option<Box<[bool; 256]>>)>,
    /// For each of those bytes, the second and third bytes of its three-byte literals,
    /// as a bit set indexed by `second * 256 + third`, and the second bytes of its
    /// two-byte literals (which any third byte may follow): a candidate that passes
    /// `second` must pass this too (`[[timeline` passes `[t` of `[todo`, not `[to`).
    thirds: Vec<(Box<[u64; 1024]>, [bool; 256])>,
    /// The other literals (three bytes or longer); `None` when there are none.
    long: Option<Prefilter>,
}

/// Literals longer than this are cut: three bytes make few false candidates in prose,
/// and longer case-insensitive words multiply the literals (cost at start-up; past the
/// extractor's limit of 250 they collapse, e.g. `[(?i:fill|todo)` to a bare `[`).
const LITERAL_LEN: usize = 3;
/// Literals sharing a first byte beyond this many are searched for by that byte.
const SHARED_FIRST_BYTE: usize = 4;

impl Finder {
    /// A pack's regex (see [`PackRegex`]) and its literal search.
    pub fn new(pattern: &str) -> Result<Finder, String> {
        let re = PackRegex::parse(pattern)?;
        let hir = re.hir();
        let starts = Starts::of(hir);
        let anchored_start = hir.properties().look_set_prefix().contains(Look::Start);
        let first = first_bytes(hir);
        Ok(Finder {
            re,
            starts,
            anchored_start,
            first,
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
                    if let Some(m) = self.re.get().search(&Input::new(piece)) {
                        f(p.start + m.start(), p.start + m.end());
                    }
                    continue;
                }
                for m in self.re.get().find_iter(piece) {
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
        let mut byte = starts.next_byte(hay, first.start);
        let mut long = next(starts.long.as_ref(), hay, first.start);
        let mut i = 0;
        while let Some(at) = min(byte, long) {
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
                match self.re.get().search(&input) {
                    Some(m) => {
                        f(p.start + m.start(), p.start + m.end());
                        p.start + m.end()
                    }
                    None => at + 1,
                }
            };
            if byte.is_some_and(|b| b < from) {
                byte = starts.next_byte(hay, from);
            }
            if long.is_some_and(|l| l < from) {
                long = next(starts.long.as_ref(), hay, from);
            }
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
pub(crate) fn byte_set_chars(set: &[bool; 256]) -> String {
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
    /// too many prefixes, or some match may start with anything (or nothing).
    fn of(hir: &Hir) -> Option<Starts> {
        let mut extractor = Extractor::new();
        extractor
            .kind(ExtractKind::Prefix)
            .limit_literal_len(LITERAL_LEN);
        let seq = extractor.extract(hir);
        let literals = seq.literals()?;
        if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
            return None;
        }
        let (mut short, mut long): (Vec<&[u8]>, Vec<&[u8]>) = literals
            .iter()
            .map(|l| l.as_bytes())
            .partition(|l| l.len() < 3);
        let mut firsts: Vec<u8> = long.iter().map(|l| l[0]).collect();
        firsts.sort_unstable();
        firsts.dedup();
        for b in firsts {
            if long.iter().filter(|l| l[0] == b).count() > SHARED_FIRST_BYTE {
                short.extend(long.iter().filter(|l| l[0] == b));
                long.retain(|l| l[0] != b);
            }
        }
        let mut second: Vec<(u8, Option<Box<[bool; 256]>>)> = Vec::new();
        for l in &short {
            let i = match second.iter().position(|(b, _)| *b == l[0]) {
                Some(i) => i,
                None => {
                    second.push((l[0], Some(Box::new([false; 256]))));
                    second.len() - 1
                }
            };
            match l.get(1) {
                Some(&b) => {
                    if let Some(set) = &mut second[i].1 {
                        set[usize::from(b)] = true;
                    }
                }
                None => second[i].1 = None,
            }
        }
        // memchr finds up to three bytes at once.
        if second.len() > 3 {
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
        let thirds = second
            .iter()
            .map(|(b, _)| {
                let mut pairs = Box::new([0u64; 1024]);
                let mut two = [false; 256];
                for l in short.iter().filter(|l| l[0] == *b) {
                    match l[1..] {
                        [x, y, ..] => {
                            let bit = usize::from(x) * 256 + usize::from(y);
                            pairs[bit / 64] |= 1 << (bit % 64);
                        }
                        [x] => two[usize::from(x)] = true,
                        // The byte alone: `second` is `None`, this is not looked at.
                        [] => {}
                    }
                }
                (pairs, two)
            })
            .collect();
        let bytes: Vec<u8> = second.iter().map(|(b, _)| *b).collect();
        Some(Starts {
            byte_search: ByteSearch::new(&bytes),
            second,
            thirds,
            long,
        })
    }

    /// The next place at or after `from` where one of the short literals starts.
    fn next_byte(&self, hay: &[u8], mut from: usize) -> Option<usize> {
        loop {
            // memchr itself, not through a `Prefilter`: there is a candidate every line
            // or two (each `[` of a TOML table header), so the call is what costs.
            let rest = hay.get(from..)?;
            let at = from + self.byte_search.find(rest)?;
            let Some(i) = self.second.iter().position(|(b, _)| *b == hay[at]) else {
                from = at + 1;
                continue;
            };
            let fits = match (&self.second[i].1, hay.get(at + 1)) {
                (None, _) => true,
                (Some(set), Some(&x)) if set[usize::from(x)] => {
                    let (pairs, two) = &self.thirds[i];
                    two[usize::from(x)]
                        || hay.get(at + 2).is_some_and(|&y| {
                            let bit = usize::from(x) * 256 + usize::from(y);
                            pairs[bit / 64] & (1 << (bit % 64)) != 0
                        })
                }
                _ => false,
            };
            if fits {
                return Some(at);
            }
            from = at + 1;
        }
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

#[cfg(test)]
mod tests {
    use super::Finder;

    fn both(pattern: &str, text: &str) {
        let f = Finder::new(pattern).expect("pattern");
        let mut scanned = Vec::new();
        f.each(text, |s, e| scanned.push((s, e)));
        let all: Vec<_> =
            f.re.get()
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
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
                        for m in f.re.get().find_iter(&text[p.start..p.end]) {
                            alone.push((p.start + m.start(), p.start + m.end()));
                        }
                    }
                    assert_eq!(once, alone, "{pattern} over {pieces:?}");
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
