//! The checks' regexes. One policy for every pack, built in or from a file: a pack's
//! regex is parsed (so its syntax checked) when the pack is read, and built when a
//! charter first needs it. Building is most of start-up, and a run of one charter
//! rarely needs every regex.
//!
//! A regex too big to build must still be an error when the pack is read, naming the
//! pack and the rule. So at load the parsed regex is weighed: [`nfa_bound`] is an
//! upper bound on what the regex crate's NFA compiler would allocate, cheap to compute
//! from the parsed regex. Under the compiler's size limit, building cannot fail and may
//! wait; over it (rare: large Unicode classes repeated many times), the regex is built
//! at once, which gives the error, or the regex, exactly as building always did.

use regex_automata::meta::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};
use std::sync::OnceLock;

/// A pack's regex, parsed and weighed at load, built on first use.
#[derive(Debug)]
pub(crate) struct PackRegex {
    hir: Hir,
    cell: OnceLock<Regex>,
}

impl PackRegex {
    /// A pattern parsed with the parser [`build`] uses; the error is the parser's,
    /// which points at the place (the builder's says only "error parsing pattern 0").
    pub(crate) fn parse(pattern: &str) -> Result<PackRegex, String> {
        let hir = regex_automata::util::syntax::parse(pattern).map_err(|e| e.to_string())?;
        PackRegex::new(hir)
    }

    /// A parsed pattern, built now only when it might be too big to build.
    pub(crate) fn new(hir: Hir) -> Result<PackRegex, String> {
        let cell = if nfa_bound(&hir) <= nfa_size_limit() {
            OnceLock::new()
        } else {
            OnceLock::from(build_from_hir(&hir)?)
        };
        Ok(PackRegex { hir, cell })
    }

    pub(crate) fn get(&self) -> &Regex {
        self.cell.get_or_init(|| {
            build_from_hir(&self.hir).expect("weighed at load: under the NFA size limit")
        })
    }

    pub(crate) fn hir(&self) -> &Hir {
        &self.hir
    }
}

/// A regex of our own (a fixed pattern, not pack input) built on first use. The
/// patterns are built by the checks' tests, so building cannot fail at run time.
#[derive(Debug)]
pub(crate) struct LazyRegex {
    pattern: String,
    cell: OnceLock<Regex>,
}

impl LazyRegex {
    pub(crate) fn new(pattern: impl Into<String>) -> LazyRegex {
        LazyRegex {
            pattern: pattern.into(),
            cell: OnceLock::new(),
        }
    }

    pub(crate) fn get(&self) -> &Regex {
        self.cell
            .get_or_init(|| build(&self.pattern).expect("fixed pattern, tested"))
    }
}

/// Build a check's regex: the `regex` crate's syntax, without the engines a check never
/// uses. No literal prefilter (on charters of a few kilobytes its scan costs more than
/// it saves) and no capture engines (checks only ask where a match is): building
/// regexes is most of start-up.
pub(crate) fn build(pattern: &str) -> Result<Regex, String> {
    builder().build(pattern).map_err(|e| e.to_string())
}

/// [`build`] from a pattern parsed already (with `regex_automata::util::syntax::parse`,
/// the parser `build` uses).
fn build_from_hir(hir: &Hir) -> Result<Regex, String> {
    builder().build_from_hir(hir).map_err(|e| e.to_string())
}

fn builder() -> regex_automata::meta::Builder {
    let mut builder = Regex::builder();
    builder.configure(
        Regex::config()
            .auto_prefilter(false)
            .onepass(false)
            .backtrack(false),
    );
    builder
}

/// The limit building applies to each of a regex's NFAs (forward and reverse).
fn nfa_size_limit() -> u64 {
    Regex::config()
        .get_nfa_size_limit()
        .map_or(u64::MAX, |n| n as u64)
}

/// An upper bound, in bytes, on either NFA (forward or reverse) the regex crate compiles
/// for `hir`, as its compiler counts them against the size limit: 32 bytes a state, 8
/// a transition of a sparse state, 4 an alternative of a union. Each term below is
/// generous, per piece of the regex, rather than exact.
pub(crate) fn nfa_bound(hir: &Hir) -> u64 {
    // The unanchored prefix `(?s-u:.)*?` and the start and match states.
    4096u64.saturating_add(bound(hir))
}

fn bound(hir: &Hir) -> u64 {
    let sum = |subs: &[Hir]| {
        subs.iter().fold(64u64, |total, h| {
            total.saturating_add(bound(h)).saturating_add(64)
        })
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 64,
        // A state per byte.
        HirKind::Literal(lit) => 48u64.saturating_mul(lit.0.len() as u64) + 64,
        // One sparse state, a transition per range.
        HirKind::Class(Class::Bytes(c)) => 96 + 8 * c.ranges().len() as u64,
        // Each range as its UTF-8 byte sequences: at most a state and a transition per
        // byte of each sequence, and an alternative of a union per sequence. An ASCII
        // range is one sequence of one byte. A small class (a case-folded letter, say)
        // takes the most any range can cost rather than walking its sequences; a large
        // one (`\w`) is walked, as the allowance would overstate it many times over.
        HirKind::Class(Class::Unicode(c)) => {
            let small = c.ranges().len() <= SMALL_CLASS_RANGES;
            c.iter().fold(96u64, |total, r| {
                if r.end().is_ascii() {
                    return total.saturating_add(96);
                }
                if small {
                    return total.saturating_add(RANGE_ALLOWANCE);
                }
                utf8_cost(r.start(), r.end()).saturating_add(total)
            })
        }
        // `x{n,m}` is m copies of `x` (`x{n,}`, n + 1), each with a union and an empty state.
        HirKind::Repetition(rep) => {
            let copies = u64::from(rep.max.unwrap_or(rep.min).max(rep.min)).saturating_add(2);
            copies
                .saturating_mul(bound(&rep.sub).saturating_add(128))
                .saturating_add(64)
        }
        HirKind::Capture(cap) => bound(&cap.sub).saturating_add(128),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => sum(subs),
    }
}

/// Classes of this many ranges or fewer are weighed by [`RANGE_ALLOWANCE`] a range.
const SMALL_CLASS_RANGES: usize = 8;

/// The most one range of scalar values can cost in [`bound`]: it splits into at most 21
/// UTF-8 sequences (1, 3, 5, 5 and 7 for the one- to four-byte stretches, the
/// three-byte one cut in two by the surrogates), each of at most 4 bytes.
const RANGE_ALLOWANCE: u64 = 21 * (48 * 4 + 48);

/// What [`bound`] counts for the range `start..=end` walked sequence by sequence.
fn utf8_cost(start: char, end: char) -> u64 {
    regex_syntax::utf8::Utf8Sequences::new(start, end)
        .fold(0u64, |t, seq| t.saturating_add(48 * seq.len() as u64 + 48))
}

#[cfg(test)]
mod tests;
