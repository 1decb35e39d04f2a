//! What a section heading says, read the way a person reads it: its numbering and
//! document-part prefix set aside (`Part A —`, `Clause 4:`, `§2`, `Schedule A:`, `1.1`,
//! `A.`), then the section one of its keywords names (`Commercial terms` → value
//! exchange, `How will we know it works?` → metrics).
//!
//! Exact aliases are looked up first (see [`super::Vocabulary::heading_for`]); keywords
//! are the lenient second reading. They are data in the pack (`[sections.*] keywords`),
//! matched as whole words after [`super::normalize`] and a light plural fold, so
//! `Measures` finds `measure` and `Parties` finds `party`.

/// How a heading named its section: an exact alias is a deliberate section heading;
/// a keyword only says what the heading is about, so a deeper heading matched that way
/// stays a sub-heading of the open section (`### Decision owners` under governance).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingMatch {
    Alias,
    Keyword,
}

/// Words that introduce a numbered part of a document: `Part A`, `Clause 4`.
const PREFIX_WORDS: &[&str] = &[
    "part",
    "section",
    "clause",
    "article",
    "schedule",
    "annex",
    "annexe",
    "appendix",
    "chapter",
    "exhibit",
    "attachment",
    "step",
    // A slide deck exported as the charter: `## Slide 4 — The give`.
    "slide",
];

/// Prepositions that end a heading's head noun phrase: `Measures of success` is about
/// measures, `Commitments of the parties` about commitments.
pub(in crate::vocab) const PREPOSITIONS: &[&str] = &[
    "of", "for", "to", "in", "with", "by", "from", "on", "at", "between", "under", "if",
];

/// The heading without its numbering and document-part prefix: `Part A — Goals` →
/// `Goals`, `§2 Objectives` → `Objectives`, `1.1 Roadmap` → `Roadmap`. A prefix is
/// only set aside when words follow it, so `Schedule` alone stays `Schedule`.
pub fn strip_numbering(raw: &str) -> &str {
    let mut s = raw.trim_start();
    // Nested numbering such as `Part 2 — 2.1 Goals`: a few rounds at most.
    for _ in 0..3 {
        let rest = strip_one(s);
        if rest.len() == s.len() || !rest.chars().any(char::is_alphabetic) {
            break;
        }
        s = rest;
    }
    s
}

/// One prefix: `§ 2`, `Part A —`, `Clause 4:`, `1.2.`, `(b)`, `A.`, `IV)`.
fn strip_one(s: &str) -> &str {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('§') {
        let rest = rest.trim_start_matches('§').trim_start();
        return after_separator(skip_enumerator(rest).unwrap_or(rest));
    }
    let word_len = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if word_len > 1 {
        let word = &s[..word_len];
        if PREFIX_WORDS.iter().any(|p| word.eq_ignore_ascii_case(p)) {
            let rest = s[word_len..].trim_start();
            if let Some(after) = skip_enumerator(rest) {
                // `Section 3 –`, `Part A:`; but `Part of the plan` is words.
                if after.len() < rest.len()
                    && (after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric()))
                {
                    return after_separator(after);
                }
            }
            return s;
        }
    }
    // A bare enumerator needs punctuation after a letter or numeral (`A.`, `iv)`),
    // so that a heading's first word is never taken for one.
    if let Some(inner) = s.strip_prefix('(') {
        if let Some(after) = skip_enumerator(inner).and_then(|a| a.strip_prefix(')')) {
            return after_separator(after);
        }
        return s;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        // `2027 revenue` is a heading about a year, not item 2027.
        if digits <= 3 {
            if let Some(after) = skip_enumerator(s) {
                if after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric()) {
                    return after_separator(after);
                }
            }
        }
        return s;
    }
    match skip_enumerator(s) {
        Some(after) if after.len() < s.len() && after.starts_with(['.', ')', ':']) => {
            after_separator(after)
        }
        _ => s,
    }
}

/// Past an enumerator: `4`, `1.2.3`, `A`, `iv` (a letter or numeral standing alone).
fn skip_enumerator(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let mut i = digits;
        // `1.2.3`: dots between digit runs belong to the number.
        while b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            i += b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
        return s.get(i..);
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let word = s.get(..letters)?;
    let roman = (1..=6).contains(&letters)
        && word
            .bytes()
            .all(|c| matches!(c.to_ascii_lowercase(), b'i' | b'v' | b'x' | b'l' | b'c'));
    (letters == 1 || roman).then(|| &s[letters..])
}

/// Past the punctuation and spaces between an enumerator and the words:
/// `. `, `: `, ` — `, ` – `, `) `, `- `.
fn after_separator(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ':' | ')' | '-' | '–' | '—' | '|' | '/' | '\\')
    })
}

/// The plural fold both sides of a keyword match go through: `measures` → `measure`,
/// `parties` and `party` → `part`; short words and `-ss` words are kept as they are.
pub fn stem(word: &str) -> &str {
    if word.len() <= 3 || word.ends_with("ss") {
        return word;
    }
    if let Some(w) = word.strip_suffix("ies") {
        return w;
    }
    if word.len() > 4 {
        if let Some(w) = word.strip_suffix('y') {
            return w;
        }
    }
    word.strip_suffix('s').unwrap_or(word)
}

/// The sections' keywords, each a phrase of one or more normalized words.
#[derive(Clone, Debug, Default)]
pub struct Keywords {
    /// Stemmed words of each phrase, and its section's index.
    phrases: Vec<(Vec<String>, usize)>,
    /// Phrase indices by their first stemmed word: a heading's words are looked up
    /// one hash each, not compared with every phrase.
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
}

impl Keywords {
    /// The stemmed words of section `index`'s keywords.
    pub(super) fn words_of(&self, index: usize) -> impl Iterator<Item = &str> {
        self.phrases
            .iter()
            .filter(move |(_, i)| *i == index)
            .flat_map(|(p, _)| p.iter().map(String::as_str))
    }

    /// Whether there are no keywords.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Whether a phrase starts with `stemmed` (a word through [`stem`]): a label none
    /// of whose words does names no section by keyword.
    pub(super) fn starts_phrase(&self, stemmed: &str) -> bool {
        self.by_first.contains_key(stemmed)
    }

    /// Add a keyword phrase (already normalized) for section `index`.
    pub fn add(&mut self, normalized: &str, index: usize) {
        let words: Vec<String> = normalized
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| stem(w).to_string())
            .collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        if self.phrases.iter().any(|(p, i)| *p == words && *i == index) {
            return;
        }
        self.by_first
            .entry(first)
            .or_default()
            .push(self.phrases.len());
        self.phrases.push((words, index));
    }

    /// Add to `hits[i]` one for every occurrence of a phrase of section `i` in
    /// `normalized` (a body of text, not a heading: every word is looked at).
    pub fn count(&self, normalized: &str, hits: &mut [u32]) {
        let words: Vec<&str> = normalized
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(stem)
            .collect();
        for start in 0..words.len() {
            let Some(candidates) = words.get(start).and_then(|w| self.by_first.get(*w)) else {
                continue;
            };
            for &c in candidates {
                let Some((phrase, index)) = self.phrases.get(c) else {
                    continue;
                };
                let Some(at) = words.get(start..start + phrase.len()) else {
                    continue;
                };
                if at.iter().zip(phrase).all(|(w, p)| w == p) {
                    if let Some(h) = hits.get_mut(*index) {
                        *h += 1;
                    }
                }
            }
        }
    }

    /// The section a normalized heading names by keyword. The head of the heading
    /// (before its first preposition) is searched first, then the whole; within
    /// either, the keyword that ends last wins, as English puts the head noun last
    /// (`Success metrics` is about metrics).
    pub fn section_of(&self, normalized: &str) -> Option<usize> {
        if self.phrases.is_empty() {
            return None;
        }
        let mut buf = [""; 24];
        let mut n = 0;
        for w in normalized.split(' ').filter(|w| !w.is_empty()) {
            // A heading is a few words; a longer line is read by its start.
            let Some(slot) = buf.get_mut(n) else { break };
            *slot = stem(w);
            n += 1;
        }
        let words = &buf[..n];
        let head = words
            .iter()
            .position(|w| PREPOSITIONS.contains(w))
            .unwrap_or(words.len());
        // A keyword phrase that runs through the preposition is more specific than the
        // head's own word: `Responsibilities of the parties` is what each side gives.
        if let Some(i) = self.spanning(words, head) {
            return Some(i);
        }
        self.last_match(&words[..head])
            .or_else(|| self.last_match(words))
    }

    /// The section of the longest keyword phrase that starts in the head (before word
    /// `head`) and ends after it.
    fn spanning(&self, words: &[&str], head: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None; // (len, section)
        for (start, w) in words.iter().enumerate().take(head) {
            for &c in self.by_first.get(*w).into_iter().flatten() {
                let Some((phrase, index)) = self.phrases.get(c) else {
                    continue;
                };
                let n = phrase.len();
                if start + n <= head + 1 || best.is_some_and(|b| b.0 >= n) {
                    continue;
                }
                let Some(at) = words.get(start..start + n) else {
                    continue;
                };
                if at.iter().zip(phrase).all(|(w, p)| w == p) {
                    best = Some((n, *index));
                }
            }
        }
        best.map(|b| b.1)
    }

    /// The section of the keyword whose match ends last in `words` (the longer phrase
    /// on a tie).
    fn last_match(&self, words: &[&str]) -> Option<usize> {
        let mut best: Option<(usize, usize, usize)> = None; // (end, len, section)
        for (start, w) in words.iter().enumerate() {
            let Some(candidates) = self.by_first.get(*w) else {
                continue;
            };
            for &c in candidates {
                let Some((phrase, index)) = self.phrases.get(c) else {
                    continue;
                };
                let n = phrase.len();
                let Some(at) = words.get(start..start + n) else {
                    continue;
                };
                if at.iter().zip(phrase).all(|(w, p)| w == p) {
                    let cand = (start + n, n, *index);
                    if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
                        best = Some(cand);
                    }
                }
            }
        }
        best.map(|b| b.2)
    }
}

#[cfg(test)]
mod tests;
