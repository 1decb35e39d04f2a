//! `nothing-at-stake`: what a side loses if the partnership fails is missing, says
//! nothing is lost, names only a token (`minimal`, `only time`), or merely repeats
//! what the other side loses.
//!
//! The first three are a `pattern` rule (`require`, `must-not-match`, `unless-numbers`);
//! this check adds, for the two `field:` targets, a stake that repeats the other one:
//! it says so (`repeats`: `same as ours`, `as above`, `ditto`), or it is the other
//! side's text again once the sides' names and pronouns are set aside. Each field has
//! at most one finding.

use super::pattern::{self, Kinds, Name, Words};
use crate::model::{Field, Span};
use crate::rules::{Check, Ctx, Hit};

#[derive(Debug)]
struct NothingAtStake {
    pattern: pattern::Pattern,
    /// The two stakes compared, as (section, field) keys.
    pair: Option<[(String, String); 2]>,
    /// Words a stake opens with to say it is the other one.
    repeats: Option<Words>,
    unless_numbers: Kinds,
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    let mut rest = table.clone();
    let repeats = match rest.remove("repeats") {
        None => None,
        Some(v) => {
            let list: Vec<String> = v
                .try_into()
                .map_err(|_| "`repeats` is a list of words or phrases".to_string())?;
            Some(Words::new(&list).ok_or("`repeats` takes ASCII words and phrases")?)
        }
    };
    let strings = |key: &str| -> Vec<String> {
        table
            .get(key)
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let fields: Vec<(String, String)> = strings("targets")
        .iter()
        .filter_map(|t| t.strip_prefix("field:")?.split_once('/'))
        .map(|(s, f)| (s.to_string(), f.to_string()))
        .collect();
    let pair = <[(String, String); 2]>::try_from(fields).ok();
    if repeats.is_some() && pair.is_none() {
        return Err("`repeats` compares two `field:` targets; give exactly two".into());
    }
    let unless_numbers = Kinds::parse("unless-numbers", &strings("unless-numbers"))?;
    Ok(Box::new(NothingAtStake {
        pattern: pattern::build(&rest)?,
        pair,
        repeats,
        unless_numbers,
    }))
}

impl Check for NothingAtStake {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let before = hits.len();
        self.pattern.run(cx, hits);
        // One finding per field: `Minimal — only staff time` is one token stake. A
        // piece's hits come in order, so a later one of the same piece starts after
        // the end of the one before it.
        let value_of = |at: Span| {
            cx.charter
                .sections
                .iter()
                .flat_map(|s| s.fields.iter())
                .map(|f| f.value.span)
                .find(|v| v.start <= at.start && at.end <= v.end)
        };
        let mut seen: Vec<Span> = Vec::new();
        let mut last: Option<(Span, Option<Span>)> = None;
        let mut n = before;
        while n < hits.len() {
            let at = hits[n].span;
            let field = value_of(at);
            let same_piece =
                last.is_some_and(|(prev, f)| f.is_some() && f == field && prev.end <= at.start);
            if same_piece {
                hits.remove(n);
                continue;
            }
            seen.extend(field);
            last = Some((at, field));
            n += 1;
        }
        let Some([(sa, ka), (sb, kb)]) = &self.pair else {
            return;
        };
        let (Some(a), Some(b)) = (cx.charter.field(sa, ka), cx.charter.field(sb, kb)) else {
            return;
        };
        if !a.value.has_words() || !b.value.has_words() {
            return;
        }
        let flagged = |f: &Field| seen.contains(&f.value.span);
        let later = if b.value.span.start >= a.value.span.start {
            (b, a)
        } else {
            (a, b)
        };
        // A stake that says it is the other's, unless it names money or people of its
        // own ("same as ours, plus the $20k launch"); else the later of two that read
        // the same.
        let mut found = None;
        for (this, other) in [(a, b), (b, a)] {
            if !flagged(this)
                && self.says_repeats(this)
                && !self.unless_numbers.any_in(&this.value.text)
            {
                found = Some((this, other));
                break;
            }
        }
        if found.is_none() && !flagged(later.0) && same_stake(cx, &a.value.text, &b.value.text) {
            found = Some(later);
        }
        let Some((this, other)) = found else {
            return;
        };
        let name = |f: &Field| {
            Name::Field {
                key: &f.key,
                label: Some(&f.label),
            }
            .target(cx)
        };
        let (target, side) = name(this);
        let (_, other_side) = name(other);
        hits.push(
            Hit::at(this.value.span)
                .variant("repeats")
                .arg(
                    "found",
                    crate::rules::support::text::shorten(&this.value.text),
                )
                .arg("target", target)
                .arg("target_side", side)
                .arg("other_side", other_side),
        );
    }
}

impl NothingAtStake {
    fn says_repeats(&self, f: &Field) -> bool {
        let Some(re) = &self.repeats else {
            return false;
        };
        // The stake's first word opens one of them.
        let text = &f.value.text;
        let Some(first) = text.find(|c: char| c.is_alphanumeric()) else {
            return false;
        };
        re.end_at(text, first).is_some()
    }
}

/// Whether two stakes say the same once the sides' names and the pronouns that stand
/// for them are left out (`Acme loses the integration work` and `Keel loses the
/// integration work`); at least two words must remain. Read word by word without
/// allocating: most pairs differ in their first word.
fn same_stake(cx: &Ctx<'_>, a: &str, b: &str) -> bool {
    let meta = &cx.charter.meta;
    let names = [&meta.company, &meta.partner];
    let is_name = |w: &str| {
        names
            .iter()
            .filter_map(|t| t.as_ref())
            .flat_map(|t| t.text.split_whitespace())
            .any(|n| n.eq_ignore_ascii_case(w))
    };
    let (mut wa, mut wb) = (
        stake_words(a).filter(|w| !is_name(w)),
        stake_words(b).filter(|w| !is_name(w)),
    );
    let mut n = 0;
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return n >= 2,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => n += 1,
            _ => return false,
        }
    }
}

/// The words of a stake without the pronouns and verbs that name a side
/// (`we`, `their`, `loses`), and without a possessive `'s`.
fn stake_words(t: &str) -> impl Iterator<Item = &str> {
    const SIDES: [&str; 15] = [
        "we", "our", "us", "ours", "they", "their", "them", "theirs", "it", "its", "partner",
        "lose", "loses", "would", "will",
    ];
    t.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(['\'', '’']))
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty() && !SIDES.iter().any(|s| s.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests;
