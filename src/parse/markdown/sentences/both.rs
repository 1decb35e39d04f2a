//! One sentence that names both sides' holders of one field: `Executive sponsors are
//! Oakhurst's CEO Dan Welch and Brindle's managing partner Helen Marsh`, `Acme's
//! decision owner is Ravi and Orbital's is Alan`. The opening names the first side's
//! field through its possessive; `and` and the other side's possessive start the
//! other side's value.

use super::{elided, field_at};
use crate::parse::markdown::label::Reader;

/// Where the other side's part of a sentence is, in the sentence's offsets.
#[derive(Debug, PartialEq)]
pub(super) struct Second<'a> {
    /// Where the first value ends (before `and`).
    pub cut: usize,
    /// The other side's possessive (`Brindle's`), its label.
    pub label: (usize, usize),
    pub key: &'a str,
    /// Where the other side's value starts.
    pub value: usize,
}

/// The other side's part of sentence `s`, whose opening `s[..opening]` names field
/// `key` through one side's possessive and whose value starts at `value`.
pub(super) fn second<'a>(
    rd: &Reader<'a>,
    section: &str,
    s: &str,
    key: &str,
    opening: usize,
    value: usize,
) -> Option<Second<'a>> {
    let names = rd.lookup.names();
    let label = s.get(..opening)?;
    // The first side's possessive in the opening (`Oakhurst's`), and what precedes it.
    let (pos, first) = words(label).find(|(_, w)| possessive(w))?;
    let side = names.side_of(first)?;
    let rest = s.get(value..)?;
    // ` and ` then the other side's possessive.
    let (and, other) = rest.match_indices(" and ").find_map(|(i, m)| {
        let after = rest.get(i + m.len()..)?;
        let w = after.split(' ').next()?;
        (possessive(w) && names.side_of(w).is_some_and(|o| o != side)).then_some((i, w))
    })?;
    let other_at = value + and + " and ".len();
    let prefix = label.get(..pos)?;
    let noun = label.get(pos + first.len()..)?.trim();
    let after_other = s.get(other_at + other.len()..)?;
    // The other side's field: the opening with its possessive (`Executive sponsors are
    // Brindle's CEO`, then `… Brindle's`), or the noun left out (`Orbital's is …`).
    let key2 = [
        format!("{prefix}{other} {noun}"),
        format!("{prefix}{other}"),
    ]
    .iter()
    .find_map(|h| field_at(rd, section, h.trim()))
    .or_else(|| elided(rd, section, s.get(other_at..)?, label).map(|(k, ..)| k))
    .filter(|k| *k != key)?;
    let skip = after_other.len() - after_other.trim_start().len();
    Some(Second {
        cut: value + rest.get(..and)?.trim_end_matches(',').len(),
        label: (other_at, other_at + other.len()),
        key: key2,
        value: other_at + other.len() + skip,
    })
}

/// Pronouns that take up the side the sentence before opened with (a company is
/// `it`, or `they` in British usage).
const PRONOUNS: [&str; 2] = ["it", "they"];
/// A clause's verb is a word or three (`risks`, `stands to lose`).
const VERB_WORDS: usize = 3;

/// A clause opening with a pronoun for the side the field before it named, and a
/// verb naming another of that side's fields: after `Larkspur brings two FTEs;`,
/// `it risks the £120k` is read as `Larkspur risks …`, and `they risk …` too (the
/// verb agreeing with the name). The field, the opening's end and the value's
/// start, as `opening` gives them.
pub(super) fn pronoun_clause<'a>(
    rd: &Reader<'a>,
    section: &str,
    s: &str,
    prev_label: &str,
    prev_key: &str,
) -> Option<(&'a str, usize, usize)> {
    let mut ws = words(s);
    let (_, pronoun) = ws.next()?;
    if !PRONOUNS.iter().any(|p| pronoun.eq_ignore_ascii_case(p)) {
        return None;
    }
    let verb: Vec<(usize, &str)> = ws.take(VERB_WORDS).collect();
    // The label before names the side, alone (`Birch Analytics`) or with its verb
    // (`Larkspur brings`).
    let names = rd.lookup.names();
    let subjects = [
        Some(prev_label),
        prev_label.rsplit_once(' ').map(|(s, _)| s),
    ];
    let mut head = String::new();
    for subject in subjects.into_iter().flatten() {
        names.side_of(subject)?;
        for agree in ["", "s"] {
            head.clear();
            head.push_str(subject);
            for (i, (at, w)) in verb.iter().enumerate() {
                head.push(' ');
                head.push_str(w.trim_end_matches([',', ':']));
                if i == 0 {
                    head.push_str(agree);
                }
                let Some(key) = field_at(rd, section, &head).filter(|k| *k != prev_key) else {
                    continue;
                };
                let end = at + w.len();
                let tail = s.get(end..)?;
                let skip = tail.len() - tail.trim_start_matches([' ', ',', ':']).len();
                return Some((key, end, end + skip));
            }
        }
    }
    None
}

fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// The words of `s` with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}
