//! Words that stand for a side or for the people a partnership serves: pronouns
//! (`our side`, `their owner`) and groups of people (`Shoppers`, `For member farms`).

use crate::vocab::heading::PREPOSITIONS;

/// Words that name a side without naming it: `our side`, `owner (us)`, `their owner`.
pub(in crate::vocab) const PRONOUNS: [(&str, &str); 8] = [
    ("we", "{company}"),
    ("us", "{company}"),
    ("our", "{company}"),
    ("ours", "{company}"),
    ("they", "{partner}"),
    ("them", "{partner}"),
    ("their", "{partner}"),
    ("partner", "{partner}"),
];

/// `label` (normalized, names perhaps already tokens) with the pronouns that stand for
/// a side read as that side's token; `None` when it has none.
pub(in crate::vocab) fn pronouns_as_sides(label: &str) -> Option<String> {
    // Most labels have none: no copy for them.
    if !label.as_bytes().split(|&b| b == b' ').any(is_pronoun_bytes) {
        return None;
    }
    let mut changed = false;
    let mut out = String::with_capacity(label.len() + 16);
    for (i, w) in label.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match PRONOUNS.iter().find(|(p, _)| *p == w) {
            Some((_, token)) => {
                changed = true;
                out.push_str(token);
            }
            None => out.push_str(w),
        }
    }
    changed.then_some(out)
}

fn is_pronoun(word: &str) -> bool {
    is_pronoun_bytes(word.as_bytes())
}

/// [`is_pronoun`] of a word's bytes; a word longer than every pronoun is not compared.
pub(in crate::vocab) fn is_pronoun_bytes(word: &[u8]) -> bool {
    word.len() <= PRONOUN_MAX && PRONOUNS.iter().any(|(p, _)| p.as_bytes() == word)
}

/// The length of the longest of [`PRONOUNS`].
pub(super) const PRONOUN_MAX: usize = 7;

/// The token for people who are neither side (`For patients`, `For member farms`).
pub(in crate::vocab) const OTHERS: &str = "{others}";

/// `for {others}` for a label such as `for shared clients`: a first word, then one to
/// three words ending in a plural noun, none of them a side's name or pronoun. A
/// label that names a side (`for acme`, `for us`) is not one.
pub(in crate::vocab) fn others_form(label: &str) -> Option<String> {
    let (first, rest) = label.split_once(' ')?;
    let last = rest.rsplit(' ').next()?;
    let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
    // The cheap tests first: most labels end in no plural.
    if !plural || rest.split(' ').count() > 3 {
        return None;
    }
    let names_a_side =
        rest.contains('{') || rest.split(' ').any(|w| is_pronoun(w) || w == "partners");
    (!names_a_side).then(|| format!("{first} {OTHERS}"))
}

/// Endings of nouns for people (and the businesses a partnership serves): `shoppers`,
/// `employers`, `patients`, `tenants`, `dentists`, `physicians`, `employees`.
const PEOPLE_ENDINGS: [&str; 7] = ["ers", "ors", "ents", "ants", "ists", "ians", "ees"];

/// Words that may follow a group of people to say it is shared or what it gets:
/// `sellers we share`, `clients we both serve`, `drivers win`.
pub(in crate::vocab) const AFTER_PEOPLE: [&str; 12] = [
    "we", "both", "share", "serve", "have", "in", "common", "shared", "win", "wins", "get", "gain",
];

/// Plurals with a people ending that are not people (and `-ments`, `-lists`: never).
const NOT_PEOPLE: [&str; 21] = [
    "others",
    "numbers",
    "orders",
    "matters",
    "letters",
    "papers",
    "offers",
    "answers",
    "filters",
    "layers",
    "headers",
    "barriers",
    "blockers",
    "factors",
    "sectors",
    "errors",
    "indicators",
    "events",
    "contents",
    "intents",
    "guarantees",
];

/// `{others}` for a label that is only a group of people, one to three words ending
/// in a plural noun for people (`Shoppers`, `Small-business clients`), perhaps with a
/// clause saying they are shared (`Sellers we share`, `Drivers win`). Beside the sides' own labels
/// such a label names the third party a charter serves; a label that names a side
/// or a plural that is not people (`Targets`, `Key results`) is not one.
pub(in crate::vocab) fn people_form(label: &str) -> Option<String> {
    // Read word by word, no list of them: most labels fail at the fourth word.
    let mut words = label.split(' ');
    let mut group = 0;
    loop {
        let w = words.next()?;
        group += 1;
        if w.starts_with('{') || w == "partners" || is_pronoun(w) {
            return None;
        }
        if is_people(w) {
            break;
        }
        if group == 3 {
            return None;
        }
    }
    words
        .all(|w| AFTER_PEOPLE.contains(&w))
        .then(|| OTHERS.to_string())
}

/// The plural in a label that says both sides share it, whatever it is (`The
/// bookshops we both serve`, `stores we share`): the caller rules out plurals that
/// name a section (`Targets we share`).
pub(in crate::vocab) fn shared_group(label: &str) -> Option<&str> {
    let mut words = label.split(' ');
    for _ in 0..3 {
        let w = words.next()?;
        if w.starts_with('{') || w == "partners" || is_pronoun(w) {
            return None;
        }
        if is_plural(w) && shared(words.clone()) {
            return Some(w);
        }
    }
    None
}

/// Whether the words after a group say both sides share it: all of them words that
/// may follow a group, with `we … share` / `we … serve` or `in common`.
fn shared<'w>(mut rest: impl Iterator<Item = &'w str> + Clone) -> bool {
    let has = |w: &str| rest.clone().any(|x| x == w);
    let sharing = (has("we") && (has("share") || has("serve"))) || has("common");
    sharing && rest.all(|w| AFTER_PEOPLE.contains(&w))
}

/// Words that rule a label out as a group the partnership serves: both sides or the
/// partnership (`Both teams`, `Partner companies`), and articles, which point at a
/// group already named (`Us (the store teams)`).
const NOT_GROUP_WORDS: [&str; 9] = [
    "both", "each", "either", "sides", "parties", "partners", "the", "a", "an",
];

/// Whether a normalized label is only groups of people or organisations named by
/// plural nouns: `Member farms`, `Hotels`, `Students and parents`, `SMEs`, `Tenants
/// of the Council`. Each group is one to three words ending in a plural, groups
/// joined by `and`, the words after a preposition not looked at; no word is a token,
/// pronoun, article or word for both sides, and none is a number (`400 paying farm
/// accounts` is a value). Plurals that are not people are ruled out by the caller,
/// against the pack's words for sections.
pub(in crate::vocab) fn is_group_form(label: &str) -> bool {
    let head = before_preposition(label).unwrap_or(label);
    // The cheap test first: most labels end in no plural.
    if !head.rsplit(' ').next().is_some_and(is_plural) {
        return false;
    }
    let mut group = 0;
    for w in head.split(' ') {
        if w == "and" {
            if group == 0 {
                return false;
            }
            group = 0;
            continue;
        }
        group += 1;
        let odd = w.starts_with('{') || is_pronoun(w) || NOT_GROUP_WORDS.contains(&w);
        if odd || group > 3 || !w.bytes().all(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            return false;
        }
    }
    // Each group ends in a plural: the word before every `and`, and the last.
    group > 0
        && head
            .split(" and ")
            .all(|g| g.rsplit(' ').next().is_some_and(is_plural))
        && !head
            .split(' ')
            .any(|w| w.ends_with("ments") || NOT_PEOPLE.contains(&w) || NOT_GROUPS.contains(&w))
}

/// Plurals that head a document's notes rather than name people it serves: a goals
/// section's `Assumptions:` or `Dependencies:` is not the customers' goal, and taking
/// it for one would hide a charter that never says what its customers get.
const NOT_GROUPS: [&str; 30] = [
    "notes",
    "assumptions",
    "dependencies",
    "constraints",
    "milestones",
    "deliverables",
    "outcomes",
    "objectives",
    "benefits",
    "details",
    "comments",
    "references",
    "links",
    "resources",
    "dates",
    "figures",
    "terms",
    "conditions",
    "principles",
    "priorities",
    "questions",
    "issues",
    "actions",
    "decisions",
    "updates",
    "changes",
    "results",
    "goals",
    "kpis",
    "okrs",
];

/// `label` before its first preposition (`tenants` of `tenants of the council`), if
/// it has one after its first word.
fn before_preposition(label: &str) -> Option<&str> {
    let mut at: usize = 0;
    for w in label.split(' ') {
        if PREPOSITIONS.contains(&w) {
            return label.get(..at.checked_sub(1)?);
        }
        at += w.len() + 1;
    }
    None
}

/// A plural noun by its ending: `farms`, `smes`, `families`; not `business`,
/// `status`, `analysis`.
fn is_plural(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !(word.ends_with("ss") || word.ends_with("us") || word.ends_with("is"))
}

pub(in crate::vocab) fn is_people(word: &str) -> bool {
    // The endings first: most words have none, and are not compared with the lists.
    word.len() > 4
        && PEOPLE_ENDINGS.iter().any(|e| word.ends_with(e))
        && word != "partners"
        && !word.ends_with("ments")
        && !word.ends_with("lists")
        && !NOT_PEOPLE.contains(&word)
}
