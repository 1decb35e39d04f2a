//! The metadata keys as people write them: `Next review`, `Date of creation`,
//! `Company (Coordinator)`, `Partnership tier`.
//!
//! A key is matched by its words, lower-cased, without punctuation: a note in
//! parentheses is an aside (`Next review (Steering Committee)`), `of` and `the` say
//! nothing, and `Date of X` is `X date`.

use super::{canonical, META_KEYS};

/// Other spellings of the metadata keys, as words (lowercase, one space between, in
/// the order [`key_words`] puts them). A key is also read with one of [`QUALIFIERS`]
/// in front (`partnership tier`).
const SPELLINGS: &[(&str, &str)] = &[
    ("organisation", "company"),
    ("organization", "company"),
    ("our company", "company"),
    ("our organisation", "company"),
    ("our organization", "company"),
    ("company name", "company"),
    // A tracker's overview names the sides as a team says them: `| Us | Packhorse |`.
    ("us", "company"),
    ("we", "company"),
    ("our side", "company"),
    ("them", "partner"),
    ("their side", "partner"),
    ("co", "company"),
    ("partner name", "partner"),
    ("partner organisation", "partner"),
    ("partner organization", "partner"),
    ("partner company", "partner"),
    ("partner tier", "tier"),
    ("tier level", "tier"),
    ("stage", "status"),
    ("phase", "status"),
    ("date created", "created"),
    ("created on", "created"),
    ("created date", "created"),
    ("drafted", "created"),
    // The day the charter was made or took effect (`Date of creation`, `Start Date`).
    ("creation", "created"),
    ("creation date", "created"),
    ("agreement date", "created"),
    ("effective date", "created"),
    ("start date", "created"),
    ("next review", "next-review"),
    ("review by", "next-review"),
    ("review date", "next-review"),
    ("next review date", "next-review"),
    ("next review on", "next-review"),
    ("next review due", "next-review"),
    ("review due", "next-review"),
    ("next revision", "next-review"),
    ("next revision date", "next-review"),
    ("revision date", "next-review"),
    ("next check in", "next-review"),
    ("next checkin", "next-review"),
    ("next check in date", "next-review"),
    ("leverage type", "leverage"),
    ("basis", "leverage"),
];

/// Words that may stand before a key without changing it.
const QUALIFIERS: &[&str] = &[
    "partnership",
    "alliance",
    "charter",
    "programme",
    "program",
    "current",
];

/// Words a key may hold that change nothing (`Date of creation`).
const FILLER: &[&str] = &["of", "the"];

/// The metadata key `key` names, if any: [`META_KEYS`] in any case, with `_` or `-`,
/// or one of their other spellings ([`SPELLINGS`]). Keys are nearly always written as
/// [`META_KEYS`] spells them: those are found without making any other form.
pub fn meta_key(key: &str) -> Option<&'static str> {
    let known = |k: &str| META_KEYS.iter().copied().find(|&m| m == k);
    known(key)
        .or_else(|| known(&canonical(key)))
        .or_else(|| key_by_words(key))
}

fn key_by_words(key: &str) -> Option<&'static str> {
    if key.len() > 60 {
        return None;
    }
    let words = key_words(key);
    let find = |w: &str| {
        META_KEYS
            .iter()
            .copied()
            .find(|&m| m == w)
            .or_else(|| SPELLINGS.iter().find(|(s, _)| *s == w).map(|(_, k)| *k))
    };
    find(&words).or_else(|| {
        let (first, rest) = words.split_once(' ')?;
        QUALIFIERS.contains(&first).then(|| find(rest)).flatten()
    })
}

/// The words of `key`, lower-cased and one space apart, without the asides in
/// parentheses or brackets (unless that leaves nothing) and the [`FILLER`]; a
/// leading `date` goes last (`date of agreement` → `agreement date`).
fn key_words(key: &str) -> String {
    let mut outside = String::with_capacity(key.len());
    let mut depth = 0usize;
    for c in key.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let text = if outside.chars().any(char::is_alphanumeric) {
        outside.as_str()
    } else {
        key
    };
    let mut words = String::with_capacity(text.len());
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.iter().any(|f| w.eq_ignore_ascii_case(f)))
    {
        if !words.is_empty() {
            words.push(' ');
        }
        words.extend(w.chars().flat_map(char::to_lowercase));
    }
    match words.strip_prefix("date ") {
        Some(rest) => format!("{rest} date"),
        None => words,
    }
}
