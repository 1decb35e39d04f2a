//! `pattern`: regular expressions over parts of the charter's source text.
//!
//! Targets (`targets = [...]`):
//! - `document`: the whole source text;
//! - `section:<key>`: the body of each section with that key;
//! - `field:<section>/<field>`: the value of that field;
//! - `items:<section>`: each unlabelled item of the section;
//! - `fields:<section>`: each field value of the section.
//!
//! The source text under each target's span is matched, so findings point at the
//! exact place. Comments are never matched: HTML comments (`<!-- … -->`) in Markdown,
//! whole comment lines (`# …`) in TOML, so that `<!-- charter-disable placeholder -->`
//! is not itself a placeholder. (A comment after a TOML value on the same line is
//! still matched; reading it would take a TOML lexer.)
//!
//! - `must-not-match`: each match is a hit (variant `matched`, `found` = the match,
//!   without TOML quotes or brackets or Markdown emphasis at its ends).
//! - `must-match` and/or `words` (whole words or phrases, any case, any spacing):
//!   each target piece with words in it that matches neither is a hit (variant
//!   `unmatched`, `found` = the piece's text). Empty pieces are left to the rules
//!   about missing content.
//! - `ignore`: text it matches is left out (blanked) before `must-match` and `words`
//!   are tried, so that a number in it does not count (a notice period is no trigger);
//!   with `ignore-when` (words, any case), looked for only in a piece holding one of
//!   them, so that the regex is seldom built or run.
//! - `numbers`: kinds of number (`money`, `headcount`, `percent`, `share`, `duration`,
//!   `plain`), as the number reader ([`crate::value::number`]) reads them: a piece
//!   naming one (money and headcounts of zero aside) matches, as if by `must-match`.
//! - `must-not-say`: words or phrases (ASCII, any case, any spacing): each occurrence
//!   is a hit, as a match of `must-not-match` is. Built without a regex: a long list of
//!   phrases costs nothing at start-up.
//! - `ignore-words`: words or phrases (as for `must-not-say`) blank to `must-match`,
//!   `words` and `numbers`: words that deny what they name (`no budget`, `budget-neutral`).
//! - `ignore-clause`: words or phrases whose clause (to the nearest comma, semicolon,
//!   full stop or line break on each side) is blank to them: `will consider a revenue
//!   share`, `a partner engineer if budget allows`.
//! - `unless-numbers`: kinds of number (as for `numbers`): a piece naming one has no
//!   `must-not-match` hit (`Minimal: the $40k build` states a stake).
//! - `require`: a `field:` target that is absent or empty is a hit (variant
//!   `missing`) at its section's heading, or about the whole charter without one.
//! - `require-any`: when no target has any content, one hit (variant `missing`) at the
//!   heading of the first target's section that exists; none when no target section
//!   exists (that is `missing-section`'s).
//!
//! Every hit has `target` (the field label as written, without leading numbering or
//! emoji, else the key with spaces; a section's title; `the charter`) and
//! `target_side`: for field keys starting with `we-`/`our-` (or `us`), the company's
//! name from the metadata or `our side`; for `partner…`, the partner's name or `the
//! partner`; otherwise the target's name.

mod finder;
mod matching;
mod numbers;
mod target;
mod wanted;
mod words;

use crate::model::Span;
use crate::rules::support::bytes::Needle;
use crate::rules::support::regex::PackRegex;
use crate::rules::{params, Check, Ctx, Hit};
pub(super) use finder::Finder;

pub(super) use numbers::Kinds;
use serde::Deserialize;
pub(super) use target::without_markup;
pub(super) use target::Name;
use target::{clamped, segments, Piece, Target};
use wanted::{wanted, words_regex, Wanted};
pub(super) use words::Words;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    targets: Vec<String>,
    #[serde(default)]
    must_match: Option<String>,
    #[serde(default)]
    must_not_match: Option<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    ignore: Option<String>,
    #[serde(default)]
    ignore_when: Vec<String>,
    #[serde(default)]
    numbers: Vec<String>,
    #[serde(default)]
    must_not_say: Vec<String>,
    #[serde(default)]
    ignore_words: Vec<String>,
    #[serde(default)]
    ignore_clause: Vec<String>,
    #[serde(default)]
    unless_numbers: Vec<String>,
    #[serde(default)]
    require: bool,
    #[serde(default)]
    require_any: bool,
}

#[derive(Debug)]
pub(super) struct Pattern {
    targets: Vec<Target>,
    /// `must-match` and `words`, as one regex when they build as one: a piece is then
    /// read once for both. Empty when there is neither. ASCII `words` are not in it:
    /// they are `words`.
    wanted: Vec<Wanted>,
    /// `words` when they are all ASCII, matched without a regex.
    words: Option<Words>,
    must_not_match: Option<Finder>,
    /// What `must-match` and `words` do not see.
    ignore_regex: Option<PackRegex>,
    /// Words a piece must hold for `ignore` to be looked for, lowercase ASCII.
    ignore_when: Vec<Needle>,
    /// `numbers`: what the number reader finds that counts as a match.
    numbers: Kinds,
    must_not_say: Option<Words>,
    /// `ignore-words` and then `ignore-clause` in one list, read in one pass, and how
    /// many of them are `ignore-words`.
    ignore: Option<(Words, usize)>,
    unless_numbers: Kinds,
    require: bool,
    require_any: bool,
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    Ok(Box::new(build(table)?))
}

/// The check itself, for checks that add to what it does.
pub(super) fn build(table: &toml::Table) -> Result<Pattern, String> {
    let p: Params = params(table)?;
    let targets = p
        .targets
        .iter()
        .map(|t| Target::parse(t))
        .collect::<Result<Vec<_>, _>>()?;
    if targets.is_empty() {
        return Err("`targets` is empty".into());
    }
    let words = Words::new(&p.words);
    // The regex only for what the matcher does not take (non-ASCII words).
    let words_re = words.is_none().then(|| words_regex(&p.words)).flatten();
    let wanted = wanted(p.must_match.as_deref(), words_re.as_deref())?;
    let must_not_match = p
        .must_not_match
        .as_deref()
        .map(|r| Finder::new(r).map_err(|e| format!("`must-not-match` is not a valid regex: {e}")))
        .transpose()?;
    let ignore_regex = p
        .ignore
        .as_deref()
        .map(|r| PackRegex::parse(r).map_err(|e| format!("`ignore` is not a valid regex: {e}")))
        .transpose()?;
    let numbers = Kinds::parse("numbers", &p.numbers)?;
    let unless_numbers = Kinds::parse("unless-numbers", &p.unless_numbers)?;
    let ascii = |what: &str, list: &[String]| -> Result<Option<Words>, String> {
        if list.is_empty() {
            return Ok(None);
        }
        Words::new(list)
            .map(Some)
            .ok_or_else(|| format!("`{what}` takes ASCII words and phrases, not blank ones"))
    };
    let must_not_say = ascii("must-not-say", &p.must_not_say)?;
    ascii("ignore-words", &p.ignore_words)?;
    ascii("ignore-clause", &p.ignore_clause)?;
    let n_words = p
        .ignore_words
        .iter()
        .filter(|w| !w.trim().is_empty())
        .count();
    let both: Vec<String> = p
        .ignore_words
        .iter()
        .chain(&p.ignore_clause)
        .cloned()
        .collect();
    let ignore = Words::new(&both).map(|w| (w, n_words));
    if wanted.is_empty()
        && words.is_none()
        && numbers.is_empty()
        && must_not_match.is_none()
        && must_not_say.is_none()
        && !p.require
        && !p.require_any
    {
        return Err(
            "give at least one of must-match, must-not-match, words, require, require-any".into(),
        );
    }
    if p.require && !targets.iter().any(|t| matches!(t, Target::Field(..))) {
        return Err("`require` applies to `field:` targets, and there are none".into());
    }
    Ok(Pattern {
        targets,
        wanted,
        words,
        must_not_match,
        ignore_regex,
        ignore_when: p
            .ignore_when
            .iter()
            .filter(|w| !w.is_empty())
            .map(|w| Needle::new(w.as_bytes()))
            .collect(),
        numbers,
        must_not_say,
        ignore,
        unless_numbers,
        require: p.require,
        require_any: p.require_any,
    })
}

impl Pattern {
    /// Each piece of one target, to `f`; a `require`d field that is absent is reported here.
    fn each_piece<'a>(
        &self,
        cx: &Ctx<'a>,
        target: &'a Target,
        hits: &mut Vec<Hit>,
        mut f: impl FnMut(Piece<'a>, &mut Vec<Hit>),
    ) {
        let c = cx.charter;
        let sections = |key: &'a str| c.sections.iter().filter(move |s| s.key == key);
        match target {
            Target::Document => f(
                Piece {
                    span: Span::new(0, cx.source.text.len()),
                    whole: true,
                    text: "",
                    name: Name::Charter,
                },
                hits,
            ),
            Target::Section(key) => {
                for s in sections(key) {
                    let piece = Piece {
                        span: s.body,
                        whole: false,
                        text: cx.source.slice(s.body),
                        name: Name::Title(key),
                    };
                    f(piece, hits);
                }
            }
            Target::Items(key) => {
                // An item ending in a colon, or unpunctuated in `if`, `where` or `when`,
                // with items after it (`Either Party may terminate by written notice
                // if:`) introduces them; it says nothing itself.
                let lead_in = |items: &[crate::model::Text], n: usize| {
                    items.get(n).is_some_and(|i| introduces(&i.text)) && n + 1 < items.len()
                };
                let items = sections(key).flat_map(|s| {
                    let all = s.items.as_slice();
                    all.iter()
                        .enumerate()
                        .filter(move |(n, _)| !lead_in(all, *n))
                });
                for (_, i) in items {
                    let piece = Piece {
                        span: i.span,
                        whole: false,
                        text: &i.text,
                        name: Name::Title(key),
                    };
                    f(piece, hits);
                }
            }
            Target::Fields(key) => {
                for field in sections(key).flat_map(|s| s.fields.iter()) {
                    let piece = Piece {
                        span: field.value.span,
                        whole: false,
                        text: &field.value.text,
                        name: Name::Field {
                            key: &field.key,
                            label: Some(&field.label),
                        },
                    };
                    f(piece, hits);
                }
            }
            Target::Field(sec, key) => {
                let field = c.field(sec, key);
                let name = Name::Field {
                    key,
                    label: field.map(|f| &f.label),
                };
                match field {
                    Some(field) if field.value.has_words() => {
                        let piece = Piece {
                            span: field.value.span,
                            whole: false,
                            text: &field.value.text,
                            name,
                        };
                        f(piece, hits);
                    }
                    // Absent or empty: only `require` cares, and only inside a section
                    // that exists (`missing-section` reports a missing one).
                    _ => {
                        if self.require && c.section(sec).is_some() {
                            let (name, side) = name.target(cx);
                            hits.push(
                                crate::rules::support::places::at_heading_or_whole(c, sec)
                                    .variant("missing")
                                    .arg("target", name)
                                    .arg("target_side", side),
                            );
                        }
                    }
                }
            }
        }
    }

    /// The hits of one piece, made of `segments` (its span minus comments).
    fn check_piece(&self, cx: &Ctx<'_>, piece: &Piece<'_>, segments: &[Span], hits: &mut Vec<Hit>) {
        if self.must_not_match.is_some() || self.must_not_say.is_some() {
            let text = cx.source.text.as_str();
            let before = hits.len();
            let mut spans: Vec<(usize, usize)> = Vec::new();
            let mut found = |start, end| spans.push((start, end));
            if let Some(finder) = &self.must_not_match {
                // One search over all the segments when they are in order (they are,
                // unless clamping to character boundaries made two overlap).
                if segments.windows(2).all(|w| w[0].end <= w[1].start) {
                    finder.each_in(text, segments, &mut found);
                } else {
                    for s in segments {
                        finder.each_in(text, std::slice::from_ref(s), &mut found);
                    }
                }
            }
            if let Some(say) = &self.must_not_say {
                // A place `must-not-match` found already is not found twice.
                let taken = spans.len();
                for &s in segments {
                    say.each_match(clamped(cx, s), |a, b| {
                        let (a, b) = (s.start + a, s.start + b);
                        if !spans[..taken].iter().any(|&(x, y)| a < y && x < b) {
                            spans.push((a, b));
                        }
                    });
                }
            }
            let mut target = None;
            for (start, end) in spans {
                let (start, end) = without_markup(cx.charter.format, text, start, end);
                let (name, side) = target.get_or_insert_with(|| piece.name.target(cx)).clone();
                hits.push(
                    Hit::at(Span::new(start, end))
                        .variant("matched")
                        .arg(
                            "found",
                            crate::rules::support::text::shorten(&text[start..end]),
                        )
                        .arg("target", name)
                        .arg("target_side", side),
                );
            }
            // A piece that names a real amount is spared (read only when it has hits).
            if hits.len() > before
                && !self.unless_numbers.is_empty()
                && segments
                    .iter()
                    .any(|&s| self.unless_numbers.any_in(clamped(cx, s)))
            {
                hits.truncate(before);
            }
        }
        // Nothing it must match.
        if self.wanted.is_empty() && self.words.is_none() && self.numbers.is_empty() {
            return;
        }
        // Matches it somewhere.
        if segments.iter().any(|&s| self.matches(clamped(cx, s))) {
            return;
        }
        let (name, side) = piece.name.target(cx);
        let (hit, found) = if piece.whole {
            (Hit::whole(cx.charter), name.clone())
        } else {
            (
                Hit::at(piece.span),
                crate::rules::support::text::shorten(piece.text),
            )
        };
        hits.push(
            hit.variant("unmatched")
                .arg("found", found)
                .arg("target", name)
                .arg("target_side", side),
        );
    }

    /// The `require-any` hit when no target had content.
    fn nothing_at_all(&self, cx: &Ctx<'_>) -> Option<Hit> {
        let c = cx.charter;
        let first = self.targets.first()?;
        let name = match first {
            Target::Document => "the charter".to_string(),
            Target::Field(_, key) => key.replace('-', " "),
            Target::Section(key) | Target::Items(key) | Target::Fields(key) => cx.vocab.title(key),
        };
        let hit = if self.targets.contains(&Target::Document) {
            Hit::whole(c)
        } else {
            // No target section at all is `missing-section`'s.
            let section = self
                .targets
                .iter()
                .filter_map(Target::section)
                .find_map(|k| c.section(k))?;
            Hit::at(section.heading.span)
        };
        Some(
            hit.variant("missing")
                .arg("target", name.clone())
                .arg("target_side", name),
        )
    }
}

impl Check for Pattern {
    fn run(&self, cx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let comments = &cx.charter.comments.spans;
        let mut segs = Vec::new();
        let mut any_content = false;
        for target in &self.targets {
            self.each_piece(cx, target, hits, |piece, hits| {
                // On character boundaries once, for every use below. Without comments
                // (nearly every charter) the piece is one segment, with no list to fill.
                let whole;
                let segs: &[Span] = if comments.is_empty() {
                    whole = cx.source.clamp(piece.span);
                    std::slice::from_ref(&whole)
                } else {
                    segments(piece.span, comments, &mut segs);
                    for s in &mut segs {
                        *s = cx.source.clamp(*s);
                    }
                    &segs
                };
                // Empty pieces are for the rules about missing content.
                let has_words = segs
                    .iter()
                    .any(|&s| crate::model::has_words(clamped(cx, s)));
                if !has_words {
                    return;
                }
                any_content = true;
                self.check_piece(cx, &piece, segs, hits);
            });
        }
        // Something was written, or nobody asked for anything to be.
        if any_content || !self.require_any {
            return;
        }
        hits.extend(self.nothing_at_all(cx));
    }
}

/// Whether an item introduces the ones after it: it ends in a colon, stops short
/// in a conjunction that wants a clause (`… on notice if`), or points at them (`when
/// any of these holds`).
fn introduces(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with(':') {
        return true;
    }
    let last = t.rsplit(char::is_whitespace).next().unwrap_or_default();
    if ["if", "where", "when"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
        && t.len() > last.len()
    {
        return true;
    }
    // Or it points at them (`… on 30 days' notice when any of these holds.`): both
    // phrases hold an `f`, so one search for it finds either.
    let b = t.as_bytes();
    let at = |i: usize, before: usize, w: &[u8]| {
        i.checked_sub(before)
            .and_then(|s| b.get(s..s + w.len()))
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
    };
    memchr::memchr2_iter(b'f', b'F', b).any(|i| at(i, 1, b"of these") || at(i, 4, b"the following"))
}

#[cfg(test)]
mod tests;
