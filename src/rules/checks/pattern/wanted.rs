//! What a piece must match (`must-match`, and `words` not all ASCII): one regex, with the
//! bytes that are a match alone looked for first.

use crate::rules::support::regex::PackRegex;
use regex_syntax::hir::{Class, Hir, HirKind};

/// A pack's regex (see [`PackRegex`]), its error naming the parameter.
fn compile(what: &str, re: &str) -> Result<PackRegex, String> {
    PackRegex::parse(re).map_err(|e| format!("`{what}` is not a valid regex: {e}"))
}

/// One regex for a word list: whole words or phrases, any case, any whitespace between.
pub(crate) fn words_regex(words: &[String]) -> Option<String> {
    let alternatives: Vec<String> = words
        .iter()
        .filter(|w| !w.trim().is_empty())
        .map(|w| {
            let body = w
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let edge = |c: Option<char>| {
                // An ASCII boundary keeps the regex cheap to build and on the fast DFA;
                // a word that starts or ends with a non-ASCII letter needs the Unicode one.
                if c.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    r"(?-u:\b)"
                } else if c.is_some_and(char::is_alphanumeric) {
                    r"\b"
                } else {
                    ""
                }
            };
            let t = w.trim();
            format!("{}{body}{}", edge(t.chars().next()), edge(t.chars().last()))
        })
        .collect();
    if alternatives.is_empty() {
        return None;
    }
    // ASCII case folding when every word is ASCII: far cheaper to build, same matches.
    let fold = if words.iter().all(|w| w.is_ascii()) {
        "(?i-u)"
    } else {
        "(?i)"
    };
    Some(format!("{fold}(?:{})", alternatives.join("|")))
}

/// A regex a piece must match, and the bytes that are a match alone: one of them in a
/// text is a match, found without running the regex (`[0-9]` of the exit criteria's
/// `[0-9]|(?-u:\b)(?:one|two|…)`, where nearly every criterion has a digit).
#[derive(Debug)]
pub(super) struct Wanted {
    pub(super) re: PackRegex,
    bytes: Option<Box<[bool; 256]>>,
    /// `bytes` when they are one range (`[0-9]`): looked for eight bytes at a time.
    pub(super) range: Option<(u8, u8)>,
}

impl Wanted {
    fn new(re: PackRegex) -> Wanted {
        let bytes = single_bytes(re.hir());
        let range = bytes.as_deref().and_then(byte_range);
        Wanted { re, bytes, range }
    }

    pub(super) fn is_match(&self, text: &str) -> bool {
        let b = text.as_bytes();
        let one_byte = match (self.range, &self.bytes) {
            (Some((lo, hi)), _) => {
                crate::rules::support::bytes::next_in_range(b, 0, lo, hi) < b.len()
            }
            (None, Some(bytes)) => b.iter().any(|&c| bytes[usize::from(c)]),
            (None, None) => false,
        };
        one_byte || self.re.get().is_match(text)
    }
}

/// The set as one range `lo..=hi` of ASCII bytes other than NUL, if it is one.
pub(super) fn byte_range(set: &[bool; 256]) -> Option<(u8, u8)> {
    let lo = set.iter().position(|&x| x)?;
    let hi = set.iter().rposition(|&x| x)?;
    let whole = set[lo..=hi].iter().all(|&x| x);
    let (lo, hi) = (u8::try_from(lo).ok()?, u8::try_from(hi).ok()?);
    (whole && lo >= 1 && hi <= 127).then_some((lo, hi))
}

/// The ASCII bytes of the classes that are alternatives of the regex by themselves,
/// when it has any: each of them is a match of one byte.
pub(super) fn single_bytes(hir: &Hir) -> Option<Box<[bool; 256]>> {
    let alternatives = match hir.kind() {
        HirKind::Alternation(alts) => alts.as_slice(),
        _ => std::slice::from_ref(hir),
    };
    let mut set = Box::new([false; 256]);
    let mut any = false;
    for alt in alternatives {
        let HirKind::Class(class) = alt.kind() else {
            continue;
        };
        // Only classes of ASCII bytes: a byte of a longer character is not a character.
        let ranges: Vec<(u32, u32)> = match class {
            Class::Unicode(c) => c
                .iter()
                .map(|r| (r.start().into(), r.end().into()))
                .collect(),
            Class::Bytes(c) => c
                .iter()
                .map(|r| (r.start().into(), r.end().into()))
                .collect(),
        };
        if ranges.iter().any(|&(_, end)| end > 0x7F) {
            continue;
        }
        for (start, end) in ranges {
            for b in start..=end {
                set[b as usize] = true;
            }
        }
        any = true;
    }
    any.then_some(set)
}

/// The regex a piece must match (the union of `must-match` and `words`), or each of
/// them alone when there is one, or when they do not parse or build as one: the error
/// is then the one each gives alone.
pub(super) fn wanted(must_match: Option<&str>, words: Option<&str>) -> Result<Vec<Wanted>, String> {
    let patterns: Vec<(&str, &str)> = [("must-match", must_match), ("words", words)]
        .into_iter()
        .filter_map(|(what, p)| p.map(|p| (what, p)))
        .collect();
    if patterns.is_empty() {
        return Ok(Vec::new());
    }
    let hirs: Option<Vec<Hir>> = patterns
        .iter()
        .map(|(_, p)| regex_automata::util::syntax::parse(p).ok())
        .collect();
    if let Some(mut hirs) = hirs {
        let hir = if hirs.len() == 1 {
            hirs.remove(0)
        } else {
            Hir::alternation(hirs)
        };
        if let Ok(re) = PackRegex::new(hir) {
            return Ok(vec![Wanted::new(re)]);
        }
    }
    patterns
        .iter()
        .map(|(what, p)| compile(what, p).map(Wanted::new))
        .collect()
}
