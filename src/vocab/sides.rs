//! Labels that name a side in words no alias lists: `Helix's objective`, `What
//! Hearthstone stands to lose`, `If it fails, Furrow loses`, `Objective for shared
//! customers (press operators)`. The side decides among the section's fields for that
//! side; when it has several (what a side gives, what it loses), the words only one of
//! them uses in its aliases decide. Everything here is worked out from the pack's
//! aliases, so a team's own aliases teach it new words too.

use super::names::{is_people, pronouns_as_sides, Names, AFTER_PEOPLE, OTHERS, PRONOUNS};
use super::normalise::with_scratch;
use rustc_hash::FxHashMap as HashMap;

/// The tokens a label names a side by, once the names and pronouns are read.
const TOKENS: [&str; 3] = ["{company}", "{partner}", OTHERS];

/// Words too common in labels to tell one field from another.
const STOP_WORDS: [&str; 17] = [
    "the", "a", "an", "for", "of", "to", "in", "at", "if", "it", "what", "from", "and", "on", "by",
    "is", "this",
];

/// One field a side has in a section, and the words only it uses among that side's
/// fields.
#[derive(Clone, Debug)]
pub(super) struct SideField {
    token: &'static str,
    field: usize,
    words: Vec<String>,
}

impl SideField {
    /// The field's index in the vocabulary's field names.
    pub(super) fn field(&self) -> usize {
        self.field
    }
}

/// Per section, the fields its aliases tie to a side, from the section's field table
/// (normalized alias to field index).
pub(super) fn side_fields(table: &HashMap<String, usize>) -> Vec<SideField> {
    // A field is a side's when an alias names the side by its token: `for our shared
    // customers` reads "our" as us, but the field is the customers'.
    let mut found: Vec<(&'static str, usize, Vec<String>)> = Vec::new();
    for (alias, &field) in table {
        for token in TOKENS.iter().filter(|t| has_word(alias, t)) {
            if !found.iter().any(|(t, f, _)| t == token && *f == field) {
                found.push((token, field, Vec::new()));
            }
        }
    }
    // Its words come from every alias that names the side, by token or pronoun.
    for (alias, &field) in table {
        let alias = pronouns_as_sides(alias).unwrap_or_else(|| alias.clone());
        let mut sides = TOKENS.iter().filter(|t| has_word(&alias, t));
        let (Some(&token), None) = (sides.next(), sides.next()) else {
            continue;
        };
        let Some((_, _, words)) = found
            .iter_mut()
            .find(|(t, f, _)| *t == token && *f == field)
        else {
            continue;
        };
        for w in alias.split(' ') {
            if !w.starts_with('{') && !STOP_WORDS.contains(&w) && !words.iter().any(|k| k == w) {
                words.push(w.to_string());
            }
        }
    }
    let mut out: Vec<SideField> = found
        .iter()
        .map(|(token, field, words)| {
            // A word another field of the same side uses tells nothing.
            let shared = |w: &String| {
                found
                    .iter()
                    .any(|(t, f, ws)| t == token && f != field && ws.contains(w))
            };
            let mut words: Vec<String> = words.iter().filter(|w| !shared(w)).cloned().collect();
            words.sort_unstable();
            SideField {
                token,
                field: *field,
                words,
            }
        })
        .collect();
    out.sort_unstable_by_key(|s| (s.token, s.field));
    out
}

/// The field a label (normalized, names read as tokens) names by its side: the side's
/// only field, or the one whose own words the label uses most. `None` when the label
/// names no side or two, or the words do not decide.
pub(super) fn field_by_side(fields: &[SideField], label: &str) -> Option<usize> {
    // The people first: in `for the shows we share`, `we` is no side.
    let others = others_inside(label);
    let label = others.as_deref().unwrap_or(label);
    let pronouns = pronouns_as_sides(label);
    let label = pronouns.as_deref().unwrap_or(label);
    // Every token has a brace: most labels have none.
    if !label.contains('{') {
        return None;
    }
    let mut sides = TOKENS.iter().filter(|t| has_word(label, t));
    let (Some(&token), None) = (sides.next(), sides.next()) else {
        return None;
    };
    let mut candidates = fields.iter().filter(|s| s.token == token);
    let first = candidates.next()?;
    if candidates.next().is_none() {
        return Some(first.field);
    }
    let words: Vec<&str> = label.split(' ').collect();
    let mut best: Option<(usize, usize)> = None;
    let mut tied = false;
    for s in fields.iter().filter(|s| s.token == token) {
        let score = s
            .words
            .iter()
            .filter(|w| words.contains(&w.as_str()))
            .count();
        match best {
            _ if score == 0 => {}
            Some((b, _)) if score < b => {}
            Some((b, _)) if score == b => tied = true,
            _ => {
                best = Some((score, s.field));
                tied = false;
            }
        }
    }
    if tied {
        return None;
    }
    best.map(|(_, f)| f)
}

/// `objective for {others} press operators` for `objective for shared customers press
/// operators`: `for` and one to three words ending in a plural noun (four when it is a
/// noun for people: `for the shows and advertisers`), none a side's name or pronoun,
/// are people who are neither side, wherever they stand in the label; a clause saying
/// they are shared goes with them (`for the shows we share`).
fn others_inside(label: &str) -> Option<String> {
    if !has_word(label, "for") {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if *w != "for" {
            continue;
        }
        // The longest group: `for the shows and advertisers`, not `for the shows`.
        let mut longest = None;
        for n in 1..=4 {
            let Some(group) = words.get(i + 1..i + 1 + n) else {
                break;
            };
            // `for our policyholders`: `our` before a group of people says whose
            // customers they are; the people are still neither side.
            let last = group.last().copied().unwrap_or_default();
            let ours = group.first() == Some(&"our");
            let names_a_side = group.iter().skip(usize::from(ours)).any(|w| {
                w.starts_with('{') || *w == "partners" || PRONOUNS.iter().any(|(p, _)| p == w)
            });
            if names_a_side {
                break;
            }
            let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
            if plural && (n < 4 || is_people(last)) && (!ours || n > 1 && is_people(last)) {
                longest = Some(n);
            }
        }
        if let Some(n) = longest {
            let mut out: Vec<&str> = words.get(..=i).unwrap_or_default().to_vec();
            out.push(OTHERS);
            let rest = words.get(i + 1 + n..).unwrap_or_default();
            let clause = rest.iter().take_while(|w| AFTER_PEOPLE.contains(w)).count();
            out.extend(rest.get(clause..).unwrap_or_default());
            return Some(out.join(" "));
        }
    }
    None
}

impl Names {
    /// Whether a label is a side's name and nothing more (`Damplock`, `Granite side`,
    /// `Our side`).
    pub fn is_bare_side(&self, label: &str) -> bool {
        with_scratch(label, |n| {
            let named = self.tokenize(n);
            let t = named.as_deref().unwrap_or(n);
            let pronoun = pronouns_as_sides(t);
            let t = pronoun.as_deref().unwrap_or(t);
            let t = t.strip_suffix(" side").unwrap_or(t);
            t == "{company}" || t == "{partner}"
        })
    }
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(' ').any(|w| w == word)
}

#[cfg(test)]
mod tests;
