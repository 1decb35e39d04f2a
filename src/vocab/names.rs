//! The names of a charter's two sides, read in labels (`Keel gives`) and signer lines,
//! and the whole-word search they are read with.

use super::normalise::{normalize, with_scratch};
use crate::model::Side;

/// The names of the two sides, normalized, used to read labels such as `Keel gives`.
#[derive(Clone, Debug, Default)]
pub struct Names {
    company: Forms,
    partner: Forms,
}

impl Names {
    pub fn new(company: Option<&str>, partner: Option<&str>) -> Names {
        Names {
            company: Forms::new(company),
            partner: Forms::new(partner),
        }
    }

    /// Which side a piece of text names: the side whose name it contains. When it
    /// names both (or neither), `None`.
    pub fn side_of(&self, text: &str) -> Option<Side> {
        // Lines naming a signer are mostly unique: not worth a place in a memo.
        with_scratch(text, |t| self.side_of_normalized(t))
    }

    fn side_of_normalized(&self, t: &str) -> Option<Side> {
        let has = |forms: &Forms| forms.iter().any(|f| contains_words(t, f));
        match (has(&self.company), has(&self.partner)) {
            (true, false) => Some(Side::Company),
            (false, true) => Some(Side::Partner),
            (true, true) => {
                // "Keel Cloud" vs "Keel": the longer match is the more specific one.
                let longest = |forms: &Forms| {
                    forms
                        .iter()
                        .filter(|f| contains_words(t, f))
                        .map(str::len)
                        .max()
                        .unwrap_or(0)
                };
                match longest(&self.company).cmp(&longest(&self.partner)) {
                    std::cmp::Ordering::Greater => Some(Side::Company),
                    std::cmp::Ordering::Less => Some(Side::Partner),
                    std::cmp::Ordering::Equal => None,
                }
            }
            (false, false) => None,
        }
    }

    /// Replace the names in a normalized label by `{company}` / `{partner}` tokens;
    /// `None` when the label names neither (most labels: no allocation for them).
    pub(super) fn tokenize(&self, label: &str) -> Option<String> {
        let mut out: Option<String> = None;
        for (forms, token) in [(&self.company, "{company}"), (&self.partner, "{partner}")] {
            // Longest form first, so "northwind ledger" wins over "northwind".
            for form in forms.iter() {
                let cur = out.as_deref().unwrap_or(label);
                if let Some(at) = find_words(cur, form) {
                    out = Some(replace_words(cur, at, form, token));
                    break;
                }
            }
        }
        out
    }
}

/// A name and its short form (first word, when the name has several and the word is
/// long enough to be distinctive), normalized, longest first; both in one string.
#[derive(Clone, Debug, Default)]
struct Forms {
    /// The whole name normalized; empty for no name.
    full: String,
    /// The length of the short form, a prefix of `full`; 0 when there is none.
    short: usize,
}

impl Forms {
    fn new(name: Option<&str>) -> Forms {
        let full = name.map(normalize).unwrap_or_default();
        let short = match full.split_once(' ') {
            Some((first, _)) if first.chars().count() >= 3 => first.len(),
            _ => 0,
        };
        Forms { full, short }
    }

    /// The forms, longest first.
    fn iter(&self) -> impl Iterator<Item = &str> {
        let full = Some(self.full.as_str()).filter(|f| !f.is_empty());
        let short = self.full.get(..self.short).filter(|f| !f.is_empty());
        full.into_iter().chain(short)
    }
}

pub(super) fn contains_words(haystack: &str, needle: &str) -> bool {
    find_words(haystack, needle).is_some()
}

pub(super) fn find_words(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = find_bytes(&haystack.as_bytes()[from..], needle.as_bytes()) {
        let at = from + i;
        let end = at + needle.len();
        let before_ok = at == 0 || haystack.as_bytes()[at - 1] == b' ';
        let after_ok = end == haystack.len() || haystack.as_bytes()[end] == b' ';
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + needle.len().max(1);
        while from < haystack.len() && !haystack.is_char_boundary(from) {
            from += 1;
        }
        if from >= haystack.len() {
            break;
        }
    }
    None
}

/// Where `needle` first occurs in `haystack`. Haystacks here are labels and lines, a
/// few dozen bytes: a memchr for the first byte beats setting up a substring searcher.
pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let last_start = haystack.len().checked_sub(needle.len())?;
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, haystack.get(from..=last_start)?) {
        let at = from + i;
        if haystack.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `haystack` with `needle` replaced by `with` wherever [`find_words`] finds it, the
/// first time at `first` (already found by the caller: not searched for again).
fn replace_words(haystack: &str, first: usize, needle: &str, with: &str) -> String {
    // Room for one replacement without growing: labels name a side once.
    let mut out = String::with_capacity(haystack.len() + with.len());
    let mut rest = haystack;
    let mut at = Some(first);
    while let Some(i) = at {
        out.push_str(rest.get(..i).unwrap_or_default());
        out.push_str(with);
        rest = rest.get(i + needle.len()..).unwrap_or_default();
        at = find_words(rest, needle);
    }
    out.push_str(rest);
    out
}

/// `a == b`, inline for the few bytes of a label or section key: a call to `bcmp`
/// costs more than the comparison.
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match a.len() {
        0..=7 => a.iter().zip(b).all(|(x, y)| x == y),
        // Two overlapping words cover 8 to 16 bytes.
        8..=16 => {
            a.first_chunk::<8>() == b.first_chunk::<8>()
                && a.last_chunk::<8>() == b.last_chunk::<8>()
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests;
