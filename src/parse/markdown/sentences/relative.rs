//! A side named inside a relative clause is not the sentence's subject: in `The small
//! businesses that Brindle keeps books for should spend half the time…`, Brindle only
//! describes the businesses, a third party. The words before the relative pronoun
//! decide what the sentence states: a group of people neither side is (the shared
//! customers, read through the pack's `for {others}`), or nothing.

use super::field_at;
use crate::parse::markdown::label::Reader;

/// Words that open a relative clause.
const RELATIVES: [&str; 5] = ["that", "who", "whom", "which", "whose"];

/// Articles before a group of people (`The small businesses`).
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// The reading of sentence `s` when its opening `s[..end]` names a side only inside a
/// relative clause: `Some` of the field its subject names (the subject's length and
/// where the value starts) or `Some(None)` when it names none; `None` when the opening
/// has no such clause and stands as read.
#[allow(clippy::option_option)]
pub(super) fn subject<'a>(
    rd: &Reader<'a>,
    section: &str,
    s: &str,
    end: usize,
) -> Option<Option<(&'a str, usize, usize)>> {
    let head = s.get(..end)?;
    let rel = head.match_indices(' ').map(|(i, _)| i + 1).find(|&i| {
        let w = head.get(i..).unwrap_or_default();
        let w = w.split(' ').next().unwrap_or_default();
        RELATIVES.iter().any(|r| w.eq_ignore_ascii_case(r))
    })?;
    let names = rd.lookup.names();
    let before = head.get(..rel)?.trim_end();
    if names.side_of(before).is_some() || names.side_of(head.get(rel..)?).is_none() {
        return None;
    }
    let bare = before
        .split_once(' ')
        .filter(|(a, _)| ARTICLES.iter().any(|x| a.eq_ignore_ascii_case(x)))
        .map_or(before, |(_, rest)| rest);
    let key =
        field_at(rd, section, before).or_else(|| field_at(rd, section, &format!("for {bare}")));
    Some(key.map(|k| (k, before.len(), rel)))
}
