//! Fields stated as sentences that open with what a label would say: `Birch puts in
//! two data engineers…`, `If it fails, Kettle loses the ops lead's time…`, `Our goal
//! is…`. The opening words are read as a label would be, through the pack's aliases
//! and the sides' names, so a team's own aliases teach it new openings too; the rest
//! of the sentence is the value.

mod both;
mod relative;

use super::blocks::Block;
use super::label::Reader;
use crate::model::{Field, Span, Text};
use crate::vocab::Prefixes;

/// Openings are short: a side's name and a verb, perhaps after `If it fails,` or
/// `Should the partnership fail,`.
const MIN_OPENING_WORDS: usize = 2;
const MAX_OPENING_WORDS: usize = 8;

/// How many words after an opening that names a field are asked whether they name a
/// more specific one (`will lose` after `The Council`).
const VERB_WORDS: usize = 2;

/// Words that finish a verb the opening ends with (`puts in`, `gives up`): read as
/// part of the opening rather than of the value.
const PARTICLES: [&str; 4] = ["in", "up", "forward", "over"];

/// The fields the sentences of an unlabelled block state in `section`, one per
/// sentence at most.
pub fn fields(rd: &Reader, section: &str, b: &Block) -> Vec<Field> {
    let mut out = Vec::new();
    if !rd.lookup.vocab().has_fields(section) {
        return out;
    }
    // Whether the last sentence read gave a field: a clause after `;` that states no
    // field of its own (`Acme gives two engineers; also £50k`) belongs to its value.
    let mut last_was_field = false;
    // The leading condition of the last field's opening (`If this fails,`): a clause
    // after `;` states its own side's field under the same condition (`…; Brindle
    // has spent its team's spring on it`).
    let mut condition: Option<&str> = None;
    for (start, end, clause) in sentences(&b.text) {
        let Some(s) = b.text.get(start..end) else {
            continue;
        };
        // A paragraph's clause number (`3.1 If the partnership fails, …`) is not a word
        // of its opening.
        let skip = if start == 0 && matches!(b.kind, super::blocks::Kind::Para) {
            let n = super::label::clause_number(s);
            n + (s.len() - n - s.get(n..).unwrap_or_default().trim_start().len())
        } else {
            0
        };
        let (start, s) = (start + skip, s.get(skip..).unwrap_or_default());
        let value_end = if end >= b.text.len() {
            b.span.end
        } else {
            b.source_offset(end)
        };
        let after_semicolon = b.text.get(..start).is_some_and(|t| t.ends_with("; "));
        // `…; it risks …`: a pronoun after a semicolon takes up the side before it,
        // whatever the pronoun alone would name.
        let taken_up = || {
            let prev = out.last().filter(|_| last_was_field && after_semicolon)?;
            both::pronoun_clause(rd, section, s, &prev.label.text, &prev.key)
        };
        let found = taken_up()
            .or_else(|| opening(rd, section, s))
            .or_else(|| {
                let prev = out.last().filter(|_| last_was_field)?;
                elided(rd, section, s, &prev.label.text)
            })
            .or_else(|| conditioned(rd, section, condition.filter(|_| after_semicolon)?, s));
        let Some((key, opening, value)) = found else {
            if let Some(f) = out.last_mut().filter(|_| clause && last_was_field) {
                extend(f, &b.text, start, end, value_end);
            } else {
                last_was_field = false;
                condition = None;
            }
            continue;
        };
        last_was_field = true;
        condition = leading_condition(s.get(..opening).unwrap_or_default()).or(condition);
        let at = |i: usize| b.source_offset(start + i);
        let value_start = at(value).min(value_end);
        let label = s
            .get(..opening)
            .unwrap_or_default()
            .trim_end_matches([',', ' ', '—', '–', '-', ':']);
        // `… Oakhurst's CEO Dan Welch and Brindle's managing partner Helen Marsh`: the
        // other side's holder ends this value and is a field of its own.
        let second = both::second(rd, section, s, key, opening, value);
        let (first_end, source_end) = match &second {
            Some(two) => (two.cut, at(two.cut).max(value_start)),
            None => (s.len(), value_end),
        };
        out.push(Field {
            key: key.to_string(),
            // Ends after its last character, not at the markup that may follow it.
            label: Text::new(label, Span::new(at(0), after_last(label, at).max(at(0)))),
            value: Text::new(
                s.get(value..first_end).unwrap_or_default().trim(),
                Span::new(value_start, source_end),
            ),
        });
        if let Some(two) = second {
            let (a, b) = two.label;
            out.push(Field {
                key: two.key.to_string(),
                label: Text::new(s.get(a..b).unwrap_or_default(), Span::new(at(a), at(b))),
                value: Text::new(
                    s.get(two.value..).unwrap_or_default().trim(),
                    Span::new(at(two.value).min(value_end), value_end),
                ),
            });
        }
    }
    out
}

/// Words that open a leading condition (`If this fails,`, `Should it fail,`).
const CONDITIONS: [&str; 4] = ["if", "should", "unless", "were"];

/// The leading condition of an opening, up to and with its comma (`If this fails,`).
fn leading_condition(opening: &str) -> Option<&str> {
    let (first, _) = opening.split_once(' ')?;
    if !CONDITIONS.iter().any(|c| first.eq_ignore_ascii_case(c)) {
        return None;
    }
    opening.find(", ").and_then(|i| opening.get(..=i))
}

/// [`opening`] of clause `s` read after `condition`, in `s`'s offsets: its opening
/// must reach past the condition into the clause.
fn conditioned<'a>(
    rd: &Reader<'a>,
    section: &str,
    condition: &str,
    s: &str,
) -> Option<(&'a str, usize, usize)> {
    let joined = format!("{condition} {s}");
    let cut = condition.len() + 1;
    let (key, end, value) = opening(rd, section, &joined)?;
    (end > cut).then(|| (key, end - cut, value.saturating_sub(cut)))
}

/// `f`'s value extended over the clause `text[start..end]` (ending at source offset
/// `source_end`) that follows it after a `;`.
fn extend(f: &mut Field, text: &str, start: usize, end: usize, source_end: usize) {
    let v = &mut f.value;
    v.text.push(' ');
    v.text
        .push_str(text.get(start..end).unwrap_or_default().trim());
    v.span = Span::new(v.span.start, source_end.max(v.span.end));
}

/// The source offset just after the last character of `label` (which starts the
/// sentence), through `at` (plain offset in the sentence to source offset).
fn after_last(label: &str, at: impl Fn(usize) -> usize) -> usize {
    match label.char_indices().next_back() {
        Some((i, c)) => at(i) + c.len_utf8(),
        None => at(0),
    }
}

/// The field a sentence's opening names, the opening's length and where the value
/// starts: the shortest run of words that names a field, with a particle after it.
fn opening<'a>(rd: &Reader<'a>, section: &str, s: &str) -> Option<(&'a str, usize, usize)> {
    let mut ends = [0; MAX_OPENING_WORDS + 1];
    let mut seen = 0;
    for (slot, end) in ends.iter_mut().zip(word_ends(s)) {
        *slot = end;
        seen += 1;
    }
    let ends_seen = ends.get(..seen)?;
    // The opening leaves at least one word for the value.
    let most = ends_seen.len().saturating_sub(1).min(MAX_OPENING_WORDS);
    // Each run of words is looked up normalized, and each longer run starts with the
    // words of the one before: the sentence's start is normalized once.
    let prefixes = Prefixes::new(s, ends_seen.get(..most)?);
    let fields = rd
        .lookup
        .vocab()
        .prefix_fields(section, rd.lookup.names(), &prefixes)?;
    let field_of = |m: usize| fields.get(m.checked_sub(1)?);
    for n in MIN_OPENING_WORDS..=most {
        let end = *ends_seen.get(n - 1)?;
        let head = s.get(..end)?.trim_end_matches(',');
        // An opening a dash sets off is a label (`Students and parents – …`): read as
        // one, so labels' own readings (groups the partnership serves) apply.
        let set_off = || {
            s.get(end..)
                .is_some_and(|r| [" – ", " — ", " - "].iter().any(|d| r.starts_with(d)))
        };
        let Some(mut key) = field_of(n).or_else(|| {
            set_off()
                .then(|| rd.lookup.field_for(section, head))
                .flatten()
        }) else {
            continue;
        };
        // `The businesses that Brindle keeps books for …`: the side only describes them.
        if let Some(read) = relative::subject(rd, section, s, end) {
            return read;
        }
        let mut n = n;
        let mut end = end;
        // A side's bare name names what it gives (`The Council` alone); the words
        // after it may name another of its fields (`The Council loses`, `RSU Extension
        // will lose`): the longer opening is the more specific.
        let bare = rd.lookup.names().ends_with_name(head);
        for m in (n + 1..=(n + VERB_WORDS).min(most)).filter(|_| bare) {
            let Some(&e) = ends_seen.get(m - 1) else {
                break;
            };
            if let Some(k) = field_of(m).filter(|k| *k != key) {
                (key, n, end) = (k, m, e);
                break;
            }
        }
        // An opening that ends with a side's name (`If it fails, Birch`) takes its
        // verb; one that ends with a verb takes its particle (`puts in`).
        let last = s.get(..end).unwrap_or_default();
        let last = last
            .get(last.rfind(' ').map_or(0, |i| i + 1)..)
            .unwrap_or_default();
        let names_side = rd.lookup.names().side_of(last).is_some();
        let mut taken = n;
        while let Some(&next) = ends_seen.get(taken) {
            let word = s.get(end..next).unwrap_or_default().trim();
            if taken >= most || !(names_side && taken == n || PARTICLES.contains(&word)) {
                break;
            }
            end = next;
            taken += 1;
        }
        // A dash or colon after the opening sets the value off (`Keel gives — …`).
        let rest = s.get(end..)?;
        let value = end
            + (rest.len()
                - rest
                    .trim_start_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':')
                    })
                    .len());
        return Some((key, end, value));
    }
    None
}

/// `Quaytix's is Ben Adeyemi` after `The Museum's decision-maker is …`: a possessive
/// whose noun is left out names the field the previous label's noun names for that
/// side. The field, the opening's length (the possessive) and where the value starts.
fn elided<'a>(
    rd: &Reader<'a>,
    section: &str,
    s: &str,
    prev_label: &str,
) -> Option<(&'a str, usize, usize)> {
    let (first, _) = s.split_once(' ')?;
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    if !possessive(first) {
        return None;
    }
    let noun = prev_label
        .split(' ')
        .skip_while(|w| !possessive(w))
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ");
    if noun.is_empty() {
        return None;
    }
    let key = field_at(rd, section, &format!("{first} {noun}"))?;
    let rest = s.get(first.len()..)?;
    Some((
        key,
        first.len(),
        first.len() + rest.len() - rest.trim_start().len(),
    ))
}

/// The field an opening names in `section`.
fn field_at<'a>(rd: &Reader<'a>, section: &str, head: &str) -> Option<&'a str> {
    rd.lookup
        .vocab()
        .field_for(section, head, rd.lookup.names())
}

/// Where each word of `s` ends (byte offsets).
fn word_ends(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && s.get(i + c.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
}

/// The sentences of a block's text as byte ranges: cut after `.`, `!`, `?` or `;`
/// followed by a space and a capital letter (`Kettle loses…` after `…engineers.`),
/// and after `;` and a space whatever follows (`…; the Council loses its £95,000`):
/// such a clause is marked, as it may only continue the value before it.
fn sentences(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut clause = false;
    let bytes = text.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        if !matches!(c, b'.' | b'!' | b'?' | b';') || bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next_upper = text
            .get(i + 2..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        if (next_upper || c == b';') && i + 1 > start {
            out.push((start, i + 1, clause));
            start = i + 2;
            clause = c == b';' && !next_upper;
        }
    }
    if start < text.len() {
        out.push((start, text.len(), clause));
    }
    out
}

#[cfg(test)]
mod tests;
