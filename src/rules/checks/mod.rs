//! The checks rules name: generic ones that packs instantiate with parameters, and
//! specific ones for what needs code. One check, one file; registered in [`CHECKS`].
//!
//! The small helpers shared by several checks (word counts, percentages, where to
//! point a finding about a section) live here too.

mod advanced_without_gate;
mod co_marketing_only;
mod empty_section;
mod finder;
mod invalid_date;
mod invalid_value;
mod leverage_missing;
mod metric_not_measurable;
mod missing_go_no_go;
mod missing_signature;
mod parse_error;
mod pattern;
mod phase_duration;
mod phase_missing;
mod phase_order;
mod phase_overlap;
mod required_field;
mod required_section;
mod stale_review;
mod tier_invalid;
mod tier_obligations;
mod unknown_key;
mod weak_go_no_go;
mod words;

use super::{Factory, Hit};
use crate::model::{Charter, Side, Span};
use regex_automata::meta::Regex;
use serde::Deserialize;

/// Check name (as a pack's `check = "…"` says it) to the function that builds it.
pub static CHECKS: &[(&str, Factory)] = &[
    ("advanced-without-gate", advanced_without_gate::factory),
    ("co-marketing-only", co_marketing_only::factory),
    ("empty-section", empty_section::factory),
    ("invalid-date", invalid_date::factory),
    ("invalid-value", invalid_value::factory),
    ("leverage-missing", leverage_missing::factory),
    ("metric-not-measurable", metric_not_measurable::factory),
    ("missing-go-no-go", missing_go_no_go::factory),
    ("missing-signature", missing_signature::factory),
    ("parse-error", parse_error::factory),
    ("pattern", pattern::factory),
    ("phase-duration", phase_duration::factory),
    ("phase-missing", phase_missing::factory),
    ("phase-order", phase_order::factory),
    ("phase-overlap", phase_overlap::factory),
    ("required-field", required_field::factory),
    ("required-section", required_section::factory),
    ("stale-review", stale_review::factory),
    ("tier-invalid", tier_invalid::factory),
    ("tier-obligations", tier_obligations::factory),
    ("unknown-key", unknown_key::factory),
    ("weak-go-no-go", weak_go_no_go::factory),
];

pub fn factory(name: &str) -> Option<Factory> {
    CHECKS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}

/// The factory for a check of the built-in pack: as [`factory`], except that `pattern`
/// leaves building its regexes to their first use (see [`Build`]).
pub fn builtin_factory(name: &str) -> Option<Factory> {
    match name {
        "pattern" => Some(pattern::builtin_factory),
        _ => factory(name),
    }
}

/// The parameters of a check that takes none: any key is an error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {}

/// Reject parameters given to a check that has none.
fn no_params(table: &toml::Table) -> Result<(), String> {
    super::params::<NoParams>(table).map(|_| ())
}

/// Words in a text: runs of alphanumeric characters.
/// Whether the texts hold at least `min` words, reading no further than needed.
#[cfg(test)]
fn has_words_at_least<'a>(texts: impl Iterator<Item = &'a String>, min: usize) -> bool {
    let mut count = WordCount::new(min);
    for t in texts {
        if count.add(t) {
            return true;
        }
    }
    count.enough()
}

/// The high bit of each of eight bytes.
const ASCII_HIGH: u64 = 0x8080_8080_8080_8080;

/// One in each of eight bytes.
const ONES: u64 = u64::MAX / 255;

/// Of eight bytes, the high bit set for each in `lo..=hi` (ASCII, `lo` not NUL); bytes
/// past ASCII are never in it. Each byte's low seven bits are compared with both ends
/// of the range without a carry into the next byte ("hasbetween", Bit Twiddling Hacks).
fn bytes_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(lo >= 1 && lo <= hi && hi <= 127);
    let low7 = x & (ONES * 127);
    let under_hi = ONES * (127 + u64::from(hi) + 1) - low7;
    let over_lo = low7 + ONES * (127 - (u64::from(lo) - 1));
    under_hi & over_lo & !x & ASCII_HIGH
}

/// Of eight ASCII bytes, the high bit set for each that is alphanumeric (letters
/// lowercased by setting 0x20, which puts no other byte in `a-z`).
fn ascii_alphanumeric(x: u64) -> u64 {
    bytes_in_range(x, b'0', b'9') | bytes_in_range(x | (ONES * 0x20), b'a', b'z')
}

/// A count of words (runs of alphanumeric characters) up to a minimum, text by text,
/// each text read no further than needed.
struct WordCount {
    seen: usize,
    min: usize,
}

impl WordCount {
    fn new(min: usize) -> WordCount {
        WordCount { seen: 0, min }
    }

    /// Count the words of one more text; whether the minimum is reached.
    fn add(&mut self, t: &str) -> bool {
        let mut in_word = false;
        let b = t.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // Eight ASCII bytes at once: the word starts among them counted together.
            // The last few padded with NULs, which start no word (a label such as
            // `We give` is shorter than eight bytes).
            let chunk = match b.get(i..i + 8) {
                Some(chunk) => <[u8; 8]>::try_from(chunk).ok(),
                None => {
                    let mut padded = [0; 8];
                    padded[..b.len() - i].copy_from_slice(&b[i..]);
                    Some(padded)
                }
            };
            if let Some(chunk) = chunk {
                let x = u64::from_le_bytes(chunk);
                if x & ASCII_HIGH == 0 {
                    let word = ascii_alphanumeric(x);
                    // A word starts at an alphanumeric byte after one that is not: the
                    // byte before each is one place lower (the first one's, the last
                    // byte read).
                    let before = (word << 8) | if in_word { 0x80 } else { 0 };
                    let starts = word & !before;
                    if starts != 0 {
                        // One bit per byte, summed into the top byte by the multiply:
                        // cheaper than `count_ones` without the POPCNT instruction.
                        let count = ((starts >> 7).wrapping_mul(ONES)) >> 56;
                        self.seen += count as usize;
                        if self.seen >= self.min {
                            return true;
                        }
                    }
                    in_word = word >> 63 != 0;
                    i += 8;
                    continue;
                }
            }
            // ASCII bytes read as they are: decoding characters and a Unicode table
            // look-up only for the others.
            let byte = b[i];
            let word = if byte.is_ascii() {
                i += 1;
                byte.is_ascii_alphanumeric()
            } else {
                let c = t[i..].chars().next().unwrap_or_default();
                i += c.len_utf8().max(1);
                c.is_alphanumeric()
            };
            if word && !in_word {
                self.seen += 1;
                if self.seen >= self.min {
                    return true;
                }
            }
            in_word = word;
        }
        false
    }

    /// Whether the minimum is reached (at once when it is 0).
    fn enough(&self) -> bool {
        self.seen >= self.min
    }
}

/// A text for a message: whitespace collapsed, at most 60 characters (`…` when cut).
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= MAX {
        return collapsed;
    }
    let mut out: String = collapsed.chars().take(MAX - 1).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// A number for a message: `20`, `12.5`.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The heading of the first section with this key, if the charter has one.
fn heading(charter: &Charter, key: &str) -> Option<Span> {
    charter.section(key).map(|s| s.heading.span)
}

/// A hit at the heading of the first section with this key, or about the whole
/// charter when there is no such section.
fn at_heading_or_whole(charter: &Charter, key: &str) -> Hit {
    match heading(charter, key) {
        Some(span) => Hit::at(span),
        None => Hit::whole(charter),
    }
}

/// How messages name a side: its name from the metadata, or a generic phrase.
fn side_name(charter: &Charter, side: Side) -> String {
    let (name, fallback) = match side {
        Side::Company => (&charter.meta.company, "our side"),
        Side::Partner => (&charter.meta.partner, "the partner"),
    };
    match name {
        Some(t) if t.has_words() => t.text.trim().to_string(),
        _ => fallback.to_string(),
    }
}

/// A regex of our own (a fixed pattern, not pack input) built on first use: building
/// regexes is most of start-up, and a charter rarely needs every check's. The patterns
/// are covered by `lazy_patterns_compile`, so building cannot fail at run time.
#[derive(Debug)]
struct LazyRegex {
    pattern: String,
    cell: std::sync::OnceLock<Regex>,
}

/// When a pack's regex is built. Either way it is parsed, and so its syntax checked,
/// when the pack is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// When the pack is read: a regex too big to build is an error before any charter
    /// is read. For packs and params from files.
    Now,
    /// When a charter first needs it, which in a run of one charter may be never:
    /// building is most of start-up. For the built-in pack only, whose regexes
    /// `builtin_pack_regexes_build` builds, so that this cannot fail at run time.
    OnFirstUse,
}

/// A pack's regex, parsed, and built now or on first use (see [`Build`]).
#[derive(Debug)]
struct PackRegex {
    hir: regex_syntax::hir::Hir,
    cell: std::sync::OnceLock<Regex>,
}

impl PackRegex {
    fn new(hir: regex_syntax::hir::Hir, when: Build) -> Result<PackRegex, String> {
        let cell = match when {
            Build::Now => std::sync::OnceLock::from(build_from_hir(&hir)?),
            Build::OnFirstUse => std::sync::OnceLock::new(),
        };
        Ok(PackRegex { hir, cell })
    }

    fn get(&self) -> &Regex {
        self.cell.get_or_init(|| {
            build_from_hir(&self.hir).expect("a built-in pack regex, built by a test")
        })
    }

    fn hir(&self) -> &regex_syntax::hir::Hir {
        &self.hir
    }
}

/// Build a check's regex: the `regex` crate's syntax, without the engines a check never
/// uses. No literal prefilter (on charters of a few kilobytes its scan costs more than
/// it saves) and no capture engines (checks only ask where a match is): building
/// regexes is most of start-up.
fn build(pattern: &str) -> Result<Regex, String> {
    builder().build(pattern).map_err(|e| e.to_string())
}

/// [`build`] from a pattern parsed already (with `regex_automata::util::syntax::parse`,
/// the parser `build` uses).
fn build_from_hir(hir: &regex_syntax::hir::Hir) -> Result<Regex, String> {
    builder().build_from_hir(hir).map_err(|e| e.to_string())
}

fn builder() -> regex_automata::meta::Builder {
    let mut builder = Regex::builder();
    builder.configure(
        Regex::config()
            .auto_prefilter(false)
            .onepass(false)
            .backtrack(false),
    );
    builder
}

impl LazyRegex {
    fn new(pattern: impl Into<String>) -> LazyRegex {
        LazyRegex {
            pattern: pattern.into(),
            cell: std::sync::OnceLock::new(),
        }
    }

    fn get(&self) -> &Regex {
        self.cell
            .get_or_init(|| build(&self.pattern).expect("fixed pattern, tested"))
    }
}

/// Percentages written in a text: `≥ 20%`, `20 %`, `20 percent`, `12.5 per cent`.
#[derive(Debug)]
pub(super) struct Percentages;

/// What [`Percentages::max`] finds, as a regex: kept for the test that holds the two
/// together.
#[cfg(test)]
const PERCENTAGE: &str = r"(?i-u)[0-9]+(?:[.,][0-9]+)?\s*(?:%|percent(?-u:\b)|per\s+cent(?-u:\b))";

impl Percentages {
    fn new() -> Result<Percentages, String> {
        Ok(Percentages)
    }

    /// The largest percentage in the text, if it states any.
    ///
    /// The matches of `PERCENTAGE` (leftmost first, not overlapping), read by hand: a
    /// regex search costs more in set-up per text than this whole scan. A match takes
    /// the whole run of digits it starts in (what could follow a shorter run is a
    /// digit, which nothing in the pattern accepts), so when none starts at the
    /// first digit of a run, none starts inside it either.
    pub(super) fn max(&self, text: &str) -> Option<f64> {
        let b = text.as_bytes();
        let digits_end =
            |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut best: Option<f64> = None;
        let mut i = 0;
        loop {
            i = next_digit(b, i);
            if i >= b.len() {
                break;
            }
            let int_end = digits_end(i);
            // `(?:[.,][0-9]+)?` is greedy: with the fraction first, then without.
            let frac_end = match b.get(int_end) {
                Some(b'.' | b',') if b.get(int_end + 1).is_some_and(u8::is_ascii_digit) => {
                    Some(digits_end(int_end + 1))
                }
                _ => None,
            };
            let found = frac_end
                .and_then(|e| unit_end(b, e).map(|end| (e, end)))
                .or_else(|| unit_end(b, int_end).map(|end| (int_end, end)));
            let Some((number_end, end)) = found else {
                i = int_end;
                continue;
            };
            if let Some(v) = decimal(&text[i..number_end]) {
                best = Some(best.map_or(v, |m| m.max(v)));
            }
            i = end;
        }
        best
    }
}

/// The first ASCII digit at or after `from`, or the end of `b`.
fn next_digit(b: &[u8], from: usize) -> usize {
    next_in_range(b, from, b'0', b'9')
}

/// The first byte in `lo..=hi` (ASCII, `lo` not NUL) at or after `from`, or the end of
/// `b`. Eight bytes at a time while none of them is in the range: most of a bar, a
/// result or an exit criterion is words, and a byte loop was most of reading them.
fn next_in_range(b: &[u8], mut from: usize, lo: u8, hi: u8) -> usize {
    while let Some(Ok(chunk)) = b.get(from..from + 8).map(<[u8; 8]>::try_from) {
        if bytes_in_range(u64::from_le_bytes(chunk), lo, hi) != 0 {
            break;
        }
        from += 8;
    }
    while from < b.len() && !(lo..=hi).contains(&b[from]) {
        from += 1;
    }
    from.min(b.len())
}

/// A number as [`Percentages::max`] reads it: digits, perhaps a fraction after `.` or
/// `,`. Whole numbers of up to 15 digits are counted up directly: exact in an `f64`, so
/// the same value as parsing gives, without the parser and without a copy of the text.
fn decimal(s: &str) -> Option<f64> {
    if s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n = s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(n as f64);
    }
    if s.contains(',') {
        s.replace(',', ".").parse().ok()
    } else {
        s.parse().ok()
    }
}

/// The end of `\s*(?:%|percent\b|per\s+cent\b)` (ASCII, any case) matched at `at`.
fn unit_end(b: &[u8], at: usize) -> Option<usize> {
    // `\s` without Unicode: also the vertical tab, which `is_ascii_whitespace` leaves out.
    let space = |c: &u8| matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ');
    let skip_spaces = |from: usize| from + b[from..].iter().take_while(|c| space(c)).count();
    let word_at = |from: usize, word: &[u8]| {
        b.get(from..from + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    // `(?-u:\b)` after a letter: no ASCII word character follows.
    let boundary = |from: usize| {
        !b.get(from)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    };
    let at = skip_spaces(at);
    if b.get(at) == Some(&b'%') {
        return Some(at + 1);
    }
    if word_at(at, b"percent") && boundary(at + 7) {
        return Some(at + 7);
    }
    if word_at(at, b"per") {
        let cent = skip_spaces(at + 3);
        if cent > at + 3 && word_at(cent, b"cent") && boundary(cent + 4) {
            return Some(cent + 4);
        }
    }
    None
}

/// Minimum percentages per phase, as `crawl-min-percent` and `walk-min-percent` give them.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PhasePercents {
    #[serde(default = "default_crawl_percent")]
    crawl_min_percent: f64,
    #[serde(default = "default_walk_percent")]
    walk_min_percent: f64,
}

fn default_crawl_percent() -> f64 {
    20.0
}

fn default_walk_percent() -> f64 {
    70.0
}

impl PhasePercents {
    /// The minimum for a phase; `None` for run, which has no percentage bar.
    fn min(&self, kind: crate::model::PhaseKind) -> Option<f64> {
        use crate::model::PhaseKind;
        match kind {
            PhaseKind::Crawl => Some(self.crawl_min_percent),
            PhaseKind::Walk => Some(self.walk_min_percent),
            PhaseKind::Run => None,
        }
    }
}

#[cfg(test)]
pub(crate) mod testkit;

#[cfg(test)]
mod tests {

    #[test]
    fn lazy_patterns_compile() {
        // The factories build, and every fixed pattern compiles.
        for check in ["tier-obligations", "advanced-without-gate", "weak-go-no-go"] {
            let f = factory(check).expect("registered");
            let params = if check == "tier-obligations" {
                toml::Table::new()
            } else {
                toml::from_str("crawl-min-percent = 20\nwalk-min-percent = 70").expect("params")
            };
            f(&params).expect("builds");
        }
        let sync = super::tier_obligations::sync_pattern();
        Regex::new(&sync).expect("sync");
        Regex::new(super::advanced_without_gate::FAILED).expect("failed");
        Regex::new(super::advanced_without_gate::GATE_NAME).expect("gate name");
    }
    use super::*;
    use std::collections::HashSet;

    fn rules() -> Vec<toml::Table> {
        let pack: toml::Table = toml::from_str(crate::rules::pack::DEFAULT_PACK).unwrap();
        pack["rule"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_table().unwrap().clone())
            .collect()
    }

    #[test]
    fn every_check_in_the_default_pack_is_registered_and_accepts_its_params() {
        for rule in rules() {
            let name = rule["name"].as_str().unwrap();
            let check = rule["check"].as_str().unwrap();
            let f = factory(check).unwrap_or_else(|| panic!("{name}: no check `{check}`"));
            let params = rule
                .get("params")
                .and_then(|p| p.as_table())
                .cloned()
                .unwrap_or_default();
            if let Err(e) = f(&params) {
                panic!("{name}: check `{check}` rejects its params: {e}");
            }
        }
    }

    #[test]
    fn rule_codes_and_names_in_the_default_pack_are_unique() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for rule in rules() {
            let code = rule["code"].as_str().unwrap().to_string();
            let name = rule["name"].as_str().unwrap().to_string();
            assert!(codes.insert(code.clone()), "duplicate code {code}");
            assert!(names.insert(name.clone()), "duplicate name {name}");
        }
        assert_eq!(codes.len(), 29);
    }

    /// The variants a rule's hits can carry, from its check and params.
    fn variants(check: &str, params: &toml::Table) -> Vec<&'static str> {
        let has = |k: &str| params.contains_key(k);
        match check {
            "pattern" => [
                (has("must-not-match"), "matched"),
                (has("must-match") || has("words"), "unmatched"),
                (has("require") || has("require-any"), "missing"),
            ]
            .into_iter()
            .filter_map(|(on, v)| on.then_some(v))
            .collect(),
            "tier-invalid" => vec!["missing", "unknown"],
            "weak-go-no-go" => vec!["low", "unmeasured"],
            "advanced-without-gate" => vec!["unrecorded", "failed"],
            "missing-signature" => vec!["missing", "unsigned"],
            "phase-order" => vec!["listed", "scheduled"],
            _ => vec![],
        }
    }

    #[test]
    fn rules_whose_message_is_a_problem_have_a_message_per_variant() {
        for rule in rules() {
            let name = rule["name"].as_str().unwrap();
            let check = rule["check"].as_str().unwrap();
            let params = rule
                .get("params")
                .and_then(|p| p.as_table())
                .cloned()
                .unwrap_or_default();
            let messages = rule.get("messages").and_then(|m| m.as_table());
            let needs_variant_text = rule["message"].as_str().unwrap().contains("{problem}")
                && !matches!(check, "parse-error" | "unknown-key");
            for v in variants(check, &params) {
                let covered = messages.is_some_and(|m| m.contains_key(v));
                assert!(covered || !needs_variant_text, "{name}: no messages.{v}");
            }
        }
    }

    #[test]
    fn registry_has_no_duplicates() {
        let names: HashSet<_> = CHECKS.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), CHECKS.len());
    }

    #[test]
    fn checks_without_params_reject_params() {
        let mut t = toml::Table::new();
        t.insert("bogus".into(), toml::Value::Integer(1));
        assert!(factory("parse-error").unwrap()(&t).is_err());
        assert!(factory("phase-duration").unwrap()(&t).is_err());
    }

    #[test]
    fn helpers() {
        let texts = ["We give:".to_string(), " two engineers, $40k".to_string()];
        assert!(has_words_at_least(texts.iter(), 5));
        assert!(!has_words_at_least(texts.iter(), 6));
        assert!(!has_words_at_least([" -- ".to_string()].iter(), 1));
        assert_eq!(shorten("a  b\n c"), "a b c");
        let long = "x".repeat(80);
        assert_eq!(shorten(&long).chars().count(), 60);
        assert!(shorten(&long).ends_with('…'));
        assert_eq!(number(20.0), "20");
        assert_eq!(number(12.5), "12.5");
        let p = Percentages::new().unwrap();
        assert_eq!(
            p.max("≥ 20% faster, 35 % of users, 12.5 percent"),
            Some(35.0)
        );
        assert_eq!(p.max("40 per cent"), Some(40.0));
        assert_eq!(p.max("customers are happy"), None);
    }

    #[test]
    fn words_are_counted_eight_bytes_at_a_time_as_one_at_a_time() {
        // The count one character at a time, as it was.
        let one_by_one = |texts: &[&str], min: usize| {
            let mut seen = 0;
            for t in texts {
                let mut in_word = false;
                for c in t.chars() {
                    let word = c.is_alphanumeric();
                    if word && !in_word {
                        seen += 1;
                        if seen >= min {
                            return true;
                        }
                    }
                    in_word = word;
                }
            }
            seen >= min
        };
        let bits = [
            "a", "Z", "0", "9", " ", "-", "_", "@", "[", "`", "{", "/", ":", "é", "日", "\n",
        ];
        let mut texts = Vec::new();
        for a in bits {
            for b in bits {
                for c in bits {
                    // Long enough for a chunk or two, with the bits at every offset.
                    texts.push(format!("{a}{b}{c}xy z{a}{c}{b}  {b}{a}"));
                    texts.push(format!("{c}{a}       {b}{b}{a}{c}"));
                    // Shorter than a chunk: the padded tail alone.
                    texts.push(format!("{a}{b} {c}"));
                }
            }
        }
        for t in &texts {
            for min in 0..12 {
                let mut count = WordCount::new(min);
                let added = count.add(t) || count.enough();
                assert_eq!(added, one_by_one(&[t], min), "{t:?} {min}");
                let mut count = WordCount::new(min);
                let both = count.add("one two") || count.add(t) || count.enough();
                assert_eq!(both, one_by_one(&["one two", t], min), "{t:?} {min}");
            }
        }
        assert_eq!(
            ascii_alphanumeric(u64::from_le_bytes(*b"a0Z9 @[`")),
            0x80808080
        );
    }

    #[test]
    fn next_in_range_skips_exactly_the_bytes_outside_it() {
        for (lo, hi) in [(b'a', b'z'), (1, 127), (b'~', 127), (1, 1), (b'?', b'?')] {
            // Fillers outside the range, one with the high bit set.
            let fillers = [0u8, b'x', 0xB0, 0xFF];
            for filler in fillers.into_iter().filter(|f| !(lo..=hi).contains(f)) {
                for c in 0..=255u8 {
                    for at in [0, 5, 7, 8, 13] {
                        let mut b = [filler; 16];
                        b[at] = c;
                        let naive = (0..16).find(|&i| (lo..=hi).contains(&b[i])).unwrap_or(16);
                        let found = next_in_range(&b, 0, lo, hi);
                        assert_eq!(found, naive, "{c} at {at} in {lo}..={hi}");
                    }
                }
            }
        }
    }

    #[test]
    fn next_digit_skips_exactly_the_bytes_that_are_not_digits() {
        let naive = |b: &[u8], from: usize| {
            from + b[from..].iter().take_while(|c| !c.is_ascii_digit()).count()
        };
        for c in 0..=255u8 {
            for at in 0..20 {
                // Around the byte, bytes whose low seven bits are digits' (`0xB5`).
                let mut b = [b'x'; 20];
                b[(at + 3) % 20] = 0xB5;
                b[at] = c;
                for from in 0..=20 {
                    assert_eq!(next_digit(&b, from), naive(&b, from), "{c} at {at}");
                }
            }
        }
    }

    #[test]
    fn percentages_are_what_the_regex_finds() {
        let re = build(PERCENTAGE).expect("builds");
        let by_regex = |text: &str| {
            re.find_iter(text)
                .filter_map(|m| {
                    let hit = &text[m.range()];
                    let end = hit
                        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                        .unwrap_or(hit.len());
                    hit[..end].replace(',', ".").parse::<f64>().ok()
                })
                .reduce(f64::max)
        };
        let p = Percentages::new().expect("builds");
        let alphabet = [
            "1", "2", "0", ".", ",", " ", "\t", "\u{b}", "\n", "%", "p", "P", "er", "ER", "cent",
            "percent", "per", "x", "_", "é", "5%", "9.5",
        ];
        // A fixed pseudo-random walk over many short texts made of those pieces.
        let mut seed: u64 = 7;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 60) as usize;
            for _ in 0..len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            assert_eq!(p.max(&text), by_regex(&text), "{text:?}");
        }
    }
}
