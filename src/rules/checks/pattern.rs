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

use super::finder::Finder;
use super::words::Words;
use super::{Build, PackRegex};
use crate::model::{Charter, Format, Side, Span, Text};
use crate::rules::{params, Check, Ctx, Hit};
use regex_syntax::hir::{Class, Hir, HirKind};
use serde::Deserialize;

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
    require: bool,
    #[serde(default)]
    require_any: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Document,
    Section(String),
    Field(String, String),
    Items(String),
    Fields(String),
}

impl Target {
    fn parse(s: &str) -> Result<Target, String> {
        let bad = || {
            format!(
                "unknown target `{s}` (expected document, section:<key>, \
                 field:<section>/<field>, items:<section> or fields:<section>)"
            )
        };
        if s == "document" {
            return Ok(Target::Document);
        }
        let (kind, rest) = s.split_once(':').ok_or_else(bad)?;
        if rest.is_empty() {
            return Err(bad());
        }
        Ok(match kind {
            "section" => Target::Section(rest.to_string()),
            "items" => Target::Items(rest.to_string()),
            "fields" => Target::Fields(rest.to_string()),
            "field" => match rest.split_once('/') {
                Some((sec, field)) if !sec.is_empty() && !field.is_empty() => {
                    Target::Field(sec.to_string(), field.to_string())
                }
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        })
    }

    /// The section the target lies in, if any.
    fn section(&self) -> Option<&str> {
        match self {
            Target::Document => None,
            Target::Section(s) | Target::Field(s, _) | Target::Items(s) | Target::Fields(s) => {
                Some(s)
            }
        }
    }
}

#[derive(Debug)]
struct Pattern {
    targets: Vec<Target>,
    /// `must-match` and `words`, as one regex when they build as one: a piece is then
    /// read once for both. Empty when there is neither. ASCII `words` are not in it:
    /// they are `words`.
    wanted: Vec<Wanted>,
    /// `words` when they are all ASCII, matched without a regex.
    words: Option<Words>,
    must_not_match: Option<Finder>,
    require: bool,
    require_any: bool,
}

/// A pack's regex, parsed, and built like every check's (see [`super::build`]) now or
/// on first use.
fn compile(what: &str, re: &str, when: Build) -> Result<PackRegex, String> {
    let invalid = |e: String| format!("`{what}` is not a valid regex: {e}");
    let hir = regex_automata::util::syntax::parse(re).map_err(|e| invalid(e.to_string()))?;
    PackRegex::new(hir, when).map_err(invalid)
}

/// One regex for a word list: whole words or phrases, any case, any whitespace between.
pub(super) fn words_regex(words: &[String]) -> Option<String> {
    let alternatives: Vec<String> = words
        .iter()
        .filter(|w| !w.trim().is_empty())
        .map(|w| {
            let body = w
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let edge = |c: Option<char>| {
                // An ASCII boundary keeps the regex cheap to build and on the fast DFA;
                // a word that starts or ends with a non-ASCII letter needs the Unicode one.
                if c.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    r"(?-u:\b)"
                } else if c.is_some_and(char::is_alphanumeric) {
                    r"\b"
                } else {
                    ""
                }
            };
            let t = w.trim();
            format!("{}{body}{}", edge(t.chars().next()), edge(t.chars().last()))
        })
        .collect();
    if alternatives.is_empty() {
        return None;
    }
    // ASCII case folding when every word is ASCII: far cheaper to build, same matches.
    let fold = if words.iter().all(|w| w.is_ascii()) {
        "(?i-u)"
    } else {
        "(?i)"
    };
    Some(format!("{fold}(?:{})", alternatives.join("|")))
}

/// A regex a piece must match, and the bytes that are a match alone: one of them in a
/// text is a match, found without running the regex (`[0-9]` of the exit criteria's
/// `[0-9]|(?-u:\b)(?:one|two|…)`, where nearly every criterion has a digit).
#[derive(Debug)]
struct Wanted {
    re: PackRegex,
    bytes: Option<Box<[bool; 256]>>,
    /// `bytes` when they are one range (`[0-9]`): looked for eight bytes at a time.
    range: Option<(u8, u8)>,
}

impl Wanted {
    fn new(re: PackRegex) -> Wanted {
        let bytes = single_bytes(re.hir());
        let range = bytes.as_deref().and_then(byte_range);
        Wanted { re, bytes, range }
    }

    fn is_match(&self, text: &str) -> bool {
        let b = text.as_bytes();
        let one_byte = match (self.range, &self.bytes) {
            (Some((lo, hi)), _) => super::next_in_range(b, 0, lo, hi) < b.len(),
            (None, Some(bytes)) => b.iter().any(|&c| bytes[usize::from(c)]),
            (None, None) => false,
        };
        one_byte || self.re.get().is_match(text)
    }
}

/// The set as one range `lo..=hi` of ASCII bytes other than NUL, if it is one.
fn byte_range(set: &[bool; 256]) -> Option<(u8, u8)> {
    let lo = set.iter().position(|&x| x)?;
    let hi = set.iter().rposition(|&x| x)?;
    let whole = set[lo..=hi].iter().all(|&x| x);
    let (lo, hi) = (u8::try_from(lo).ok()?, u8::try_from(hi).ok()?);
    (whole && lo >= 1 && hi <= 127).then_some((lo, hi))
}

/// The ASCII bytes of the classes that are alternatives of the regex by themselves,
/// when it has any: each of them is a match of one byte.
fn single_bytes(hir: &Hir) -> Option<Box<[bool; 256]>> {
    let alternatives = match hir.kind() {
        HirKind::Alternation(alts) => alts.as_slice(),
        _ => std::slice::from_ref(hir),
    };
    let mut set = Box::new([false; 256]);
    let mut any = false;
    for alt in alternatives {
        let HirKind::Class(class) = alt.kind() else {
            continue;
        };
        // Only classes of ASCII bytes: a byte of a longer character is not a character.
        let ranges: Vec<(u32, u32)> = match class {
            Class::Unicode(c) => c
                .iter()
                .map(|r| (r.start().into(), r.end().into()))
                .collect(),
            Class::Bytes(c) => c
                .iter()
                .map(|r| (r.start().into(), r.end().into()))
                .collect(),
        };
        if ranges.iter().any(|&(_, end)| end > 0x7F) {
            continue;
        }
        for (start, end) in ranges {
            for b in start..=end {
                set[b as usize] = true;
            }
        }
        any = true;
    }
    any.then_some(set)
}

/// The regex a piece must match (the union of `must-match` and `words`), or each of
/// them alone when there is one, or when they do not parse or build as one: the error
/// is then the one each gives alone.
fn wanted(
    must_match: Option<&str>,
    words: Option<&str>,
    when: Build,
) -> Result<Vec<Wanted>, String> {
    let patterns: Vec<(&str, &str)> = [("must-match", must_match), ("words", words)]
        .into_iter()
        .filter_map(|(what, p)| p.map(|p| (what, p)))
        .collect();
    if patterns.is_empty() {
        return Ok(Vec::new());
    }
    let hirs: Option<Vec<Hir>> = patterns
        .iter()
        .map(|(_, p)| regex_automata::util::syntax::parse(p).ok())
        .collect();
    if let Some(mut hirs) = hirs {
        let hir = if hirs.len() == 1 {
            hirs.remove(0)
        } else {
            Hir::alternation(hirs)
        };
        if let Ok(re) = PackRegex::new(hir, when) {
            return Ok(vec![Wanted::new(re)]);
        }
    }
    patterns
        .iter()
        .map(|(what, p)| compile(what, p, when).map(Wanted::new))
        .collect()
}

pub fn factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    factory_with(table, Build::Now)
}

/// For the built-in pack: regexes built on first use.
pub fn builtin_factory(table: &toml::Table) -> Result<Box<dyn Check>, String> {
    factory_with(table, Build::OnFirstUse)
}

fn factory_with(table: &toml::Table, when: Build) -> Result<Box<dyn Check>, String> {
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
    let wanted = wanted(p.must_match.as_deref(), words_re.as_deref(), when)?;
    let must_not_match = p
        .must_not_match
        .as_deref()
        .map(|r| {
            Finder::new(r, when).map_err(|e| format!("`must-not-match` is not a valid regex: {e}"))
        })
        .transpose()?;
    if wanted.is_empty()
        && words.is_none()
        && must_not_match.is_none()
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
    Ok(Box::new(Pattern {
        targets,
        wanted,
        words,
        must_not_match,
        require: p.require,
        require_any: p.require_any,
    }))
}

/// One piece of a target: a span to match, and how to report it.
struct Piece<'a> {
    span: Span,
    /// The whole document: an `unmatched` hit is about the charter, not a place.
    whole: bool,
    /// The piece's plain text, for `found`.
    text: &'a str,
    name: Name<'a>,
}

/// How a piece is named in messages; the names are only made for a hit.
#[derive(Clone, Copy)]
enum Name<'a> {
    Charter,
    /// A section's title, from its key.
    Title(&'a str),
    Field {
        key: &'a str,
        label: Option<&'a Text>,
    },
}

impl Name<'_> {
    /// The `target` and `target_side` of a hit.
    fn target(self, cx: &Ctx<'_>) -> (String, String) {
        match self {
            Name::Charter => ("the charter".into(), "the charter".into()),
            Name::Title(key) => {
                let title = cx.vocab.title(key);
                (title.clone(), title)
            }
            Name::Field { key, label } => {
                let name = field_name(cx.charter, key, label);
                let side = side_text(cx.charter, key, &name);
                (name, side)
            }
        }
    }
}

/// The text under a span clamped already: `Source::slice` would clamp it again, for
/// each segment and each use.
fn clamped<'a>(cx: &Ctx<'a>, s: Span) -> &'a str {
    cx.source.text.get(s.start..s.end).unwrap_or_default()
}

/// A span minus the comments (sorted, disjoint) that overlap it, into `out`.
fn segments(span: Span, comments: &[Span], out: &mut Vec<Span>) {
    out.clear();
    let mut from = span.start;
    for c in comments
        .iter()
        .filter(|c| c.end > span.start && c.start < span.end)
    {
        if c.start > from {
            out.push(Span::new(from, c.start));
        }
        from = from.max(c.end);
    }
    if from < span.end {
        out.push(Span::new(from, span.end));
    }
}

/// A match without the format's syntax at its ends: a pattern anchored on `\W*` takes
/// in TOML's quotes, brackets and commas (`"Nothing."`, `["nothing"]`) and Markdown's
/// emphasis markers (`*nothing*`), which are how the value is written, not what it
/// says. Trimmed, the finding points at the words and quotes the same text whatever
/// the format. A match that is nothing but such characters is kept as it is.
fn without_markup(format: Format, text: &str, start: usize, end: usize) -> (usize, usize) {
    let syntax = |c: char| {
        c.is_whitespace()
            || match format {
                Format::Toml => matches!(c, '"' | '\'' | '[' | ']' | ','),
                Format::Markdown => matches!(c, '*' | '_' | '`' | '~'),
            }
    };
    let m = &text[start..end];
    let inner = m.trim_start_matches(syntax);
    let lead = m.len() - inner.len();
    let inner = inner.trim_end_matches(syntax);
    if inner.is_empty() {
        return (start, end);
    }
    (start + lead, start + lead + inner.len())
}

/// Which side a field key belongs to: `we-give`, `our-owner`, `us` vs `partner-gives`.
fn side_of_key(key: &str) -> Option<Side> {
    if key == "us" || key.starts_with("we-") || key.starts_with("our-") {
        Some(Side::Company)
    } else if key.starts_with("partner") {
        Some(Side::Partner)
    } else {
        None
    }
}

/// A field's name for messages: its label as written, else its key. The numbering
/// and emoji a label may start with (`### 2.2 💰 Partner gives`, `**✅ We lose:**`)
/// are left out, as they are when the label is matched: numbered or emoji headings
/// give the same messages as plain ones.
fn field_name(charter: &Charter, key: &str, label: Option<&Text>) -> String {
    let label = label.map(|l| without_decoration(l.text.trim().trim_end_matches(':').trim_end()));
    match label {
        Some(l) if !l.is_empty() && charter.format == Format::Toml => {
            super::shorten(&l.replace(['-', '_'], " "))
        }
        Some(l) if !l.is_empty() => super::shorten(l),
        _ => key.replace('-', " "),
    }
}

/// A label without what precedes its first word: punctuation, emoji, and tokens with
/// no letter in them (`1.`, `2.2`, `3)`, `2️⃣`, `§ 4`). Matching a label to a field
/// ignores them too, so they are never part of what identifies it. A label that is
/// nothing else is kept as it is.
fn without_decoration(label: &str) -> &str {
    let mut rest = label;
    loop {
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let token = rest.split_whitespace().next().unwrap_or_default();
        let numbering = !token.is_empty() && !token.chars().any(char::is_alphabetic);
        if !numbering {
            break;
        }
        rest = &rest[token.len()..];
    }
    if rest.is_empty() {
        label
    } else {
        rest
    }
}

fn side_text(charter: &Charter, key: &str, name: &str) -> String {
    side_of_key(key).map_or_else(|| name.to_string(), |s| super::side_name(charter, s))
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
                for i in sections(key).flat_map(|s| s.items.iter()) {
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
                                super::at_heading_or_whole(c, sec)
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
        if let Some(finder) = &self.must_not_match {
            let text = cx.source.text.as_str();
            let mut target = None;
            let mut found = |start, end| {
                let (start, end) = without_markup(cx.charter.format, text, start, end);
                let (name, side) = target.get_or_insert_with(|| piece.name.target(cx)).clone();
                hits.push(
                    Hit::at(Span::new(start, end))
                        .variant("matched")
                        .arg("found", super::shorten(&text[start..end]))
                        .arg("target", name)
                        .arg("target_side", side),
                );
            };
            // One search over all the segments when they are in order (they are, unless
            // clamping to character boundaries made two overlap).
            if segments.windows(2).all(|w| w[0].end <= w[1].start) {
                finder.each_in(text, segments, &mut found);
            } else {
                for s in segments {
                    finder.each_in(text, std::slice::from_ref(s), &mut found);
                }
            }
        }
        // Nothing it must match.
        if self.wanted.is_empty() && self.words.is_none() {
            return;
        }
        // Matches it somewhere.
        if segments.iter().any(|&s| {
            let text = clamped(cx, s);
            self.words.as_ref().is_some_and(|w| w.is_match(text))
                || self.wanted.iter().any(|w| w.is_match(text))
        }) {
            return;
        }
        let (name, side) = piece.name.target(cx);
        let (hit, found) = if piece.whole {
            (Hit::whole(cx.charter), name.clone())
        } else {
            (Hit::at(piece.span), super::shorten(piece.text))
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
        let comments = cx.comments();
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

#[cfg(test)]
mod tests {
    use super::super::testkit::{arg, Kit};
    use super::{segments, Target};
    use crate::model::Span;

    #[test]
    fn targets_parse() {
        assert_eq!(Target::parse("document"), Ok(Target::Document));
        assert_eq!(
            Target::parse("field:value-exchange/we-lose"),
            Ok(Target::Field("value-exchange".into(), "we-lose".into()))
        );
        assert_eq!(
            Target::parse("items:exit"),
            Ok(Target::Items("exit".into()))
        );
        assert!(Target::parse("field:exit").is_err());
        assert!(Target::parse("paragraphs:exit").is_err());
        assert!(Target::parse("section:").is_err());
    }

    #[test]
    fn bytes_that_match_alone_are_those_of_whole_alternatives() {
        let bytes = |re: &str| {
            let hir = regex_automata::util::syntax::parse(re).expect("parses");
            super::single_bytes(&hir).map(|set| super::super::finder::byte_set_chars(&set))
        };
        assert_eq!(
            bytes(r"(?i-u)(?:[0-9]|(?-u:\b)(?:one|two)(?-u:\b))").as_deref(),
            Some("0123456789")
        );
        assert_eq!(bytes(r"[0-9]").as_deref(), Some("0123456789"));
        assert_eq!(bytes(r"x[0-9]|ab"), None);
        let range = |re: &str| {
            let hir = regex_automata::util::syntax::parse(re).expect("parses");
            super::single_bytes(&hir).and_then(|set| super::byte_range(&set))
        };
        assert_eq!(range(r"[0-9]|ab"), Some((b'0', b'9')));
        assert_eq!(range(r"[0-9a]|ab"), None);
        assert_eq!(range(r"[\x00-a]|ab"), None);
        assert_eq!(bytes(r"([0-9])|ab"), None);
        assert_eq!(bytes(r"é|[0-9é]|ab"), None);
    }

    #[test]
    fn segments_skip_comments() {
        let c = [Span::new(2, 4), Span::new(6, 8)];
        let mut out = Vec::new();
        segments(Span::new(0, 10), &c, &mut out);
        assert_eq!(
            out,
            vec![Span::new(0, 2), Span::new(4, 6), Span::new(8, 10)]
        );
        segments(Span::new(3, 7), &c, &mut out);
        assert_eq!(out, vec![Span::new(4, 6)]);
    }

    #[test]
    fn bad_params_are_rejected() {
        let bad = [
            "targets = [\"document\"]",
            "targets = [\"document\"]\nmust-match = \"(\"",
            "targets = [\"document\"]\nrequire = true",
            "targets = []\nwords = [\"x\"]",
            "targets = [\"document\"]\nwords = [\"x\"]\nmust_match = \"y\"",
        ];
        for b in bad {
            let t: toml::Table = toml::from_str(b).unwrap();
            assert!(super::factory(&t).is_err(), "{b}");
        }
    }

    // ---------------------------------------------------------------- placeholder

    const PLACEHOLDERS: &str = "<!-- charter-disable-next-line placeholder -->\n\
        ## Value exchange\n- **We give:** TBD\n- **Partner gives:** <fill in: what the partner gives>\n\
        <!-- TODO: ask legal -->\n- ??? and lorem ipsum\n";

    #[test]
    fn placeholders_are_found_outside_comments() {
        let k = Kit::md(PLACEHOLDERS);
        let hits = k.run("placeholder");
        let found: Vec<_> = hits.iter().map(|h| arg(h, "found")).collect();
        assert_eq!(
            found,
            [
                "TBD",
                "<fill in: what the partner gives>",
                "???",
                "lorem ipsum"
            ]
        );
        assert_eq!(hits[0].span, k.span("TBD"));
        assert_eq!(hits[0].variant, "matched");
        assert_eq!(arg(&hits[0], "target"), "the charter");
    }

    #[test]
    fn toml_comment_lines_are_skipped() {
        let k = Kit::toml("# charter-disable placeholder TODO\nwe-give = \"TBD\"\n  # XXX\n");
        let hits = k.run("placeholder");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.span("TBD"));
    }

    #[test]
    fn a_clean_document_has_no_placeholders() {
        let k = Kit::md("## Goals\n- **For us:** 40 new logos, <b>bold</b> [link](x)\n");
        assert!(k.run("placeholder").is_empty());
    }

    // ---------------------------------------------------------------- no-economic-commitment

    const GIVES: &str = "## Value exchange\n\
        - **We give:** a joint webinar and a blog post.\n\
        - **Northwind gives:** a 15% revenue share.\n\
        - **We lose:** NOTHING\n\
        - **Partner loses:** its  Revenue\n Share slot\n";

    #[test]
    fn a_side_without_economic_words_fires_at_its_value() {
        let k = Kit::md(GIVES)
            .section("value-exchange", "## Value exchange")
            .field("we-give", "We give", "a joint webinar and a blog post.")
            .field("partner-gives", "Northwind gives", "a 15% revenue share.");
        let hits = k.run("no-economic-commitment");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].variant, "unmatched");
        assert_eq!(hits[0].span, k.span("a joint webinar and a blog post."));
        assert_eq!(arg(&hits[0], "target"), "We give");
        assert_eq!(arg(&hits[0], "target_side"), "our side");
        assert_eq!(arg(&hits[0], "found"), "a joint webinar and a blog post.");
    }

    #[test]
    fn words_match_whole_phrases_across_case_and_spacing() {
        let k = Kit::md(GIVES)
            .section("value-exchange", "## Value exchange")
            .field("we-give", "Partner loses", "its  Revenue\n Share slot");
        assert!(k.run("no-economic-commitment").is_empty());
    }

    #[test]
    fn absent_fields_are_not_unmatched() {
        let k = Kit::md(GIVES).section("value-exchange", "## Value exchange");
        assert!(k.run("no-economic-commitment").is_empty());
    }

    // ---------------------------------------------------------------- nothing-at-stake

    #[test]
    fn nothing_at_stake_fires_for_nothing_and_for_absence() {
        let k = Kit::md(GIVES)
            .partner("Northwind")
            .section("value-exchange", "## Value exchange")
            .field("we-lose", "We lose", "NOTHING");
        let hits = k.run("nothing-at-stake");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].variant, "matched");
        assert_eq!(hits[0].span, k.span("NOTHING"));
        assert_eq!(arg(&hits[0], "target"), "We lose");
        assert_eq!(arg(&hits[0], "found"), "NOTHING");
        assert_eq!(hits[1].variant, "missing");
        assert_eq!(hits[1].span, k.span("## Value exchange"));
        assert_eq!(arg(&hits[1], "target"), "partner loses");
        assert_eq!(arg(&hits[1], "target_side"), "Northwind");
    }

    #[test]
    fn something_at_stake_passes() {
        let k = Kit::md(GIVES)
            .section("value-exchange", "## Value exchange")
            .field("we-lose", "We lose", "NOTHING")
            .field(
                "partner-loses",
                "Partner loses",
                "its  Revenue\n Share slot",
            );
        let hits = k.run("nothing-at-stake");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.span("NOTHING"));
    }

    #[test]
    fn toml_labels_read_as_words() {
        let k = Kit::toml("[value-exchange]\nwe-lose = \"none\"\n")
            .section("value-exchange", "[value-exchange]")
            .field("we-lose", "we-lose", "\"none\"")
            .field("partner-loses", "we-lose", "\"none\"");
        let hits = k.run("nothing-at-stake");
        assert_eq!(hits.len(), 2);
        assert_eq!(arg(&hits[0], "target"), "we lose");
        // The quotes are TOML's: the finding quotes and points at the value alone.
        assert_eq!(arg(&hits[0], "found"), "none");
        assert_eq!(hits[0].span, k.span("none"));
    }

    #[test]
    fn labels_are_named_without_their_numbering_and_emoji() {
        for (written, name) in [
            ("Partner gives", "Partner gives"),
            ("2.2 Partner gives", "Partner gives"),
            ("3) 💰 Partner gives", "Partner gives"),
            ("2️⃣ 💰Partner gives", "Partner gives"),
            ("✅ Partner gives", "Partner gives"),
            ("§ 4 – Partner gives", "Partner gives"),
            ("3 Partner gives", "Partner gives"),
            ("💰", "💰"),
        ] {
            assert_eq!(super::without_decoration(written), name, "{written}");
        }
        let src = "## Value exchange\n### 2.2 💰 Partner gives\nA joint webinar.\n";
        let k = Kit::md(src)
            .section("value-exchange", "## Value exchange")
            .field("partner-gives", "2.2 💰 Partner gives", "A joint webinar.");
        let hits = k.run("no-economic-commitment");
        assert_eq!(arg(&hits[0], "target"), "Partner gives");
    }

    #[test]
    fn found_text_leaves_out_the_formats_syntax() {
        let k = Kit::toml("[value-exchange]\nwe-lose = [ \"Nothing.\" ]\n")
            .section("value-exchange", "[value-exchange]")
            .field("we-lose", "we-lose", "[ \"Nothing.\" ]");
        let hits = k.run("nothing-at-stake");
        assert_eq!(arg(&hits[0], "found"), "Nothing.");
        assert_eq!(hits[0].span, k.span("Nothing."));

        let k = Kit::md("## Value exchange\n- **We lose:** *Nothing.*\n")
            .section("value-exchange", "## Value exchange")
            .field("we-lose", "We lose", "*Nothing.*");
        let hits = k.run("nothing-at-stake");
        assert_eq!(arg(&hits[0], "found"), "Nothing.");
        assert_eq!(hits[0].span, k.span("Nothing."));
    }

    // ---------------------------------------------------------------- exit criteria

    const EXIT: &str = "## Exit criteria\n- If the partnership is not working out.\n\
        - Fewer than 3 of 5 walk customers active after 90 days.\n- Adoption stalls for two quarters.\n";

    #[test]
    fn exit_criteria_without_a_number_fire_each() {
        let k = Kit::md(EXIT)
            .section("exit", "## Exit criteria")
            .item("If the partnership is not working out.")
            .item("Fewer than 3 of 5 walk customers active after 90 days.")
            .item("Adoption stalls for two quarters.");
        let hits = k.run("exit-criteria-not-measurable");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].span,
            k.span("If the partnership is not working out.")
        );
        assert_eq!(arg(&hits[0], "target"), "Exit criteria");
    }

    #[test]
    fn a_digit_anywhere_is_found_without_the_regex() {
        let params = super::super::testkit::params("exit-criteria-not-measurable");
        let pattern = params["must-match"].as_str().expect("pattern");
        let wanted = super::wanted(Some(pattern), None, super::Build::Now).expect("builds");
        assert_eq!(wanted[0].range, Some((b'0', b'9')));
        for (text, matches) in [
            ("If the partnership is not working out, é à ü.", false),
            ("If adoption is under target after the pilot ends: 3", true),
            ("Adoption below target for two quarters.", true),
            ("Ünder 9", true),
            ("", false),
        ] {
            assert_eq!(wanted[0].is_match(text), matches, "{text}");
            assert_eq!(wanted[0].re.get().is_match(text), matches, "{text}");
        }
    }

    #[test]
    fn an_exit_section_without_criteria_fires_once() {
        let k = Kit::md(EXIT).section("exit", "## Exit criteria");
        let hits = k.run("exit-criteria-not-measurable");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].variant, "missing");
        assert_eq!(hits[0].span, k.span("## Exit criteria"));
        // No exit section: `missing-section` says so.
        assert!(Kit::md(EXIT).run("exit-criteria-not-measurable").is_empty());
    }

    #[test]
    fn section_targets_match_the_body() {
        let t: toml::Table =
            toml::from_str("targets = [\"section:exit\"]\nmust-not-match = '(?i)not working'")
                .unwrap();
        let check = super::factory(&t).unwrap();
        let k = Kit::md(EXIT).section("exit", "## Exit criteria");
        let vocab = super::super::testkit::vocab();
        let cx = crate::rules::Ctx::new(&k.charter, &k.source, &vocab, k.today);
        let mut hits = Vec::new();
        check.run(&cx, &mut hits);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, k.span("not working"));
        assert_eq!(arg(&hits[0], "target"), "Exit criteria");
    }
}
