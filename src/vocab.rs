//! The words charters use: section and field aliases, phase names, table columns.
//!
//! The aliases are data in the rule packs (`[sections.*]`, `[phases]`, `[columns.*]`),
//! so a team can teach `charter` its own headings. Everything is matched after
//! [`normalize`], and aliases are normalized once when the vocabulary is built.

use crate::model::{PhaseKind, Side};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// The vocabulary tables as they appear in a rule pack.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct VocabSpec {
    /// In pack order: the order sections are listed in is their usual order in a charter.
    #[serde(default)]
    pub sections: indexmap::IndexMap<String, SectionSpec>,
    /// Phase kind (`crawl`, `walk`, `run`) to the words that name it.
    #[serde(default)]
    pub phases: BTreeMap<String, Vec<String>>,
    /// Column or label aliases of structured content: `columns.timeline.start = [...]`,
    /// `columns.metrics.target = [...]`.
    #[serde(default)]
    pub columns: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionSpec {
    /// How the section is named in messages and templates.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Field key to its label aliases. `{company}` and `{partner}` stand for the names
    /// in the metadata, so `"{partner} gives"` matches `Northwind gives:`.
    #[serde(default)]
    pub fields: BTreeMap<String, Vec<String>>,
}

/// Labels of a phase's parts, in a timeline table column or an H3 phase's items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhasePart {
    Phase,
    Start,
    End,
    /// Both dates in one cell: `2026-06-01 to 2026-07-24`.
    Dates,
    Scope,
    GoNoGo,
    Result,
}

impl PhasePart {
    fn from_key(key: &str) -> Option<PhasePart> {
        Some(match key {
            "phase" => PhasePart::Phase,
            "start" => PhasePart::Start,
            "end" => PhasePart::End,
            "dates" => PhasePart::Dates,
            "scope" => PhasePart::Scope,
            "go-no-go" => PhasePart::GoNoGo,
            "result" => PhasePart::Result,
            _ => return None,
        })
    }
}

/// Columns of a metrics table (or labels inside a metric's item).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricPart {
    Name,
    Target,
}

/// The compiled vocabulary: every alias normalized, lookups by hash.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// Canonical section keys in pack order, with their display titles.
    sections: Vec<(String, String)>,
    section_aliases: HashMap<String, usize>,
    /// Per section index: normalized label (with `{company}`/`{partner}` tokens) to field key.
    fields: Vec<HashMap<String, String>>,
    /// Per section index: whether any alias has a `{company}`/`{partner}` token, so
    /// that labels in the other sections are never searched for names.
    tokenized: Vec<bool>,
    phase_words: Vec<(String, PhaseKind)>,
    phase_parts: HashMap<String, PhasePart>,
    metric_parts: HashMap<String, MetricPart>,
}

/// The names of the two sides, normalized, used to read labels such as `Keel gives`.
#[derive(Clone, Debug, Default)]
pub struct Names {
    company: Vec<String>,
    partner: Vec<String>,
}

impl Names {
    pub fn new(company: Option<&str>, partner: Option<&str>) -> Names {
        Names {
            company: name_forms(company),
            partner: name_forms(partner),
        }
    }

    /// Which side a piece of text names: the side whose name it contains. When it
    /// names both (or neither), `None`.
    pub fn side_of(&self, text: &str) -> Option<Side> {
        // Lines naming a signer are mostly unique: not worth a place in the cache.
        with_scratch(text, |t| self.side_of_normalized(t))
    }

    fn side_of_normalized(&self, t: &str) -> Option<Side> {
        let has = |forms: &[String]| forms.iter().any(|f| contains_words(t, f));
        match (has(&self.company), has(&self.partner)) {
            (true, false) => Some(Side::Company),
            (false, true) => Some(Side::Partner),
            (true, true) => {
                // "Keel Cloud" vs "Keel": the longer match is the more specific one.
                let longest = |forms: &[String]| {
                    forms
                        .iter()
                        .filter(|f| contains_words(t, f))
                        .map(String::len)
                        .max()
                        .unwrap_or(0)
                };
                match longest(&self.company).cmp(&longest(&self.partner)) {
                    std::cmp::Ordering::Greater => Some(Side::Company),
                    std::cmp::Ordering::Less => Some(Side::Partner),
                    std::cmp::Ordering::Equal => None,
                }
            }
            (false, false) => None,
        }
    }

    /// Replace the names in a normalized label by `{company}` / `{partner}` tokens;
    /// `None` when the label names neither (most labels: no allocation for them).
    fn tokenize(&self, label: &str) -> Option<String> {
        let mut out: Option<String> = None;
        for (forms, token) in [(&self.company, "{company}"), (&self.partner, "{partner}")] {
            // Longest form first, so "northwind ledger" wins over "northwind".
            for form in forms {
                let cur = out.as_deref().unwrap_or(label);
                if contains_words(cur, form) {
                    out = Some(replace_words(cur, form, token));
                    break;
                }
            }
        }
        out
    }
}

/// A name and its short form (first word, when the name has several and the word is
/// long enough to be distinctive), normalized, longest first.
fn name_forms(name: Option<&str>) -> Vec<String> {
    let Some(name) = name else { return Vec::new() };
    let full = normalize(name);
    if full.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![full.clone()];
    if let Some((first, _)) = full.split_once(' ') {
        if first.chars().count() >= 3 {
            forms.push(first.to_string());
        }
    }
    forms
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    find_words(haystack, needle).is_some()
}

fn find_words(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = find_bytes(&haystack.as_bytes()[from..], needle.as_bytes()) {
        let at = from + i;
        let end = at + needle.len();
        let before_ok = at == 0 || haystack.as_bytes()[at - 1] == b' ';
        let after_ok = end == haystack.len() || haystack.as_bytes()[end] == b' ';
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + needle.len().max(1);
        while from < haystack.len() && !haystack.is_char_boundary(from) {
            from += 1;
        }
        if from >= haystack.len() {
            break;
        }
    }
    None
}

/// Where `needle` first occurs in `haystack`. Haystacks here are labels and lines, a
/// few dozen bytes: a memchr for the first byte beats setting up a substring searcher.
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let last_start = haystack.len().checked_sub(needle.len())?;
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, haystack.get(from..=last_start)?) {
        let at = from + i;
        if haystack.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn replace_words(haystack: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(at) = find_words(rest, needle) {
        out.push_str(&rest[..at]);
        out.push_str(with);
        rest = &rest[at + needle.len()..];
    }
    out.push_str(rest);
    out
}

/// Reduce a heading or label to the words that identify it: lowercase; leading
/// numbering (`1.`, `2)`, `1.2`, `iv.`), emoji and punctuation removed; `&` read as
/// `and`; dashes, slashes and underscores read as spaces; whitespace collapsed.
/// `{` and `}` survive so that alias templates such as `{partner} gives` keep their tokens.
///
/// `"1. Mutual goals & success!"` → `"mutual goals and success"`;
/// `"💰 Value exchange"` → `"value exchange"`; `"Go/No-Go"` → `"go no go"`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

thread_local! {
    /// Lookups normalize into this buffer: labels are looked up by the thousand and
    /// almost none is kept, so a `String` each would be all allocation.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Labels this long are not cached: a label is a few words, and the cache should
/// hold many of them, not a few paragraphs.
const CACHED_LABEL_BYTES: usize = 96;
/// Entries before the cache is emptied and starts over (a few hundred KB at most).
const CACHE_ENTRIES: usize = 4096;

thread_local! {
    /// Normalized forms of the labels and headings seen on this thread. Charters
    /// reuse the same few hundred labels ("We give", "Go/No-Go", "Owner"), so most
    /// lookups are a hash of the raw label instead of a normalization.
    static CACHE: RefCell<HashMap<Box<str>, Box<str>>> = RefCell::new(HashMap::default());
}

/// Call `f` with the normalized form of `s`: from the thread's cache, else built in
/// the thread's scratch buffer.
fn with_normalized<R, F: FnOnce(&str) -> R>(s: &str, f: F) -> R {
    let f = if s.len() <= CACHED_LABEL_BYTES {
        match CACHE.with(|cache| from_cache(cache, s, f)) {
            Ok(r) => return r,
            Err(f) => f,
        }
    } else {
        f
    };
    with_scratch(s, f)
}

/// Call `f` with the normalized form of `s`, built in the thread's scratch buffer.
fn with_scratch<R, F: FnOnce(&str) -> R>(s: &str, f: F) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            normalize_into(s, &mut buf);
            f(&buf)
        }
        // Only if `f` itself looks something up: then a buffer of its own.
        Err(_) => f(&normalize(s)),
    })
}

/// `f` on the cached normalized form of `s` (added when missing); `f` back when the
/// cache is in use further up the stack.
fn from_cache<R, F: FnOnce(&str) -> R>(
    cache: &RefCell<HashMap<Box<str>, Box<str>>>,
    s: &str,
    f: F,
) -> Result<R, F> {
    let Ok(mut cache) = cache.try_borrow_mut() else {
        return Err(f);
    };
    if let Some(n) = cache.get(s) {
        return Ok(f(n));
    }
    if cache.len() >= CACHE_ENTRIES {
        cache.clear();
    }
    let n: Box<str> = normalize(s).into();
    let r = f(&n);
    cache.insert(s.into(), n);
    Ok(r)
}

/// [`normalize`], appending to an empty `out`.
fn normalize_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let mut pending_space = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() || b == b'{' || b == b'}' {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            // The common case, byte by byte: a run already in lower case is copied
            // whole, without the Unicode lowercase machinery.
            let run = bytes[i..]
                .iter()
                .take_while(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || **c == b'{' || **c == b'}'
                })
                .count();
            if run > 0 {
                // ASCII bytes at both ends: char boundaries.
                out.push_str(s.get(i..i + run).unwrap_or_default());
                i += run;
            } else {
                out.push(char::from(b.to_ascii_lowercase()));
                i += 1;
            }
        } else if b.is_ascii() {
            i += 1;
            match b {
                b'&' | b'+' => push_word(out, &mut pending_space, "and"),
                // "partner's" reads as "partners"
                b'\'' => {}
                _ => pending_space = true,
            }
        } else {
            let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if c.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.extend(c.to_lowercase());
            } else if c != '’' {
                pending_space = true;
            }
        }
    }
    let skip = numbering_len(out);
    out.drain(..skip);
}

fn push_word(out: &mut String, pending_space: &mut bool, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = true;
}

/// How many leading bytes are section numbers: `1 mutual goals` → `mutual goals`,
/// `2 1 walk` → `walk`, `iv exit` → `exit`, `section 3 metrics` → `metrics`,
/// `step 2 walk` → `walk`.
fn numbering_len(s: &str) -> usize {
    let mut words: &str = s;
    while let Some((first, rest)) = words.split_once(' ') {
        let numeric = first.chars().all(|c| c.is_ascii_digit());
        let roman = first.len() <= 4 && first.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
        let marker = matches!(first, "section" | "part" | "step" | "chapter")
            && rest
                .split(' ')
                .next()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
        let single_letter = first.len() == 1 && first != "a" && first != "i";
        if numeric || roman || marker || single_letter {
            words = rest;
        } else {
            break;
        }
    }
    s.len() - words.len()
}

impl Vocabulary {
    /// Compile one or more vocabulary specs; later specs add aliases to earlier ones.
    pub fn build<'a>(specs: impl IntoIterator<Item = &'a VocabSpec>) -> Result<Vocabulary, String> {
        let mut v = Vocabulary::default();
        for spec in specs {
            for (key, section) in &spec.sections {
                let idx = match v.sections.iter().position(|(k, _)| k == key) {
                    Some(i) => i,
                    None => {
                        let title = section.title.clone().unwrap_or_else(|| title_case(key));
                        v.sections.push((key.clone(), title));
                        v.fields.push(HashMap::default());
                        v.tokenized.push(false);
                        v.sections.len() - 1
                    }
                };
                if let Some(title) = &section.title {
                    v.sections[idx].1 = title.clone();
                }
                // The key itself is always an alias ("value-exchange" → "value exchange").
                v.section_aliases.insert(normalize(key), idx);
                for alias in &section.aliases {
                    v.section_aliases.insert(normalize(alias), idx);
                }
                for (field, aliases) in &section.fields {
                    v.fields[idx].insert(normalize(field), field.clone());
                    if aliases
                        .iter()
                        .any(|a| a.contains("{company}") || a.contains("{partner}"))
                    {
                        v.tokenized[idx] = true;
                    }
                    for alias in aliases {
                        v.fields[idx].insert(normalize(alias), field.clone());
                    }
                }
            }
            for (kind, words) in &spec.phases {
                let kind = PhaseKind::parse(kind).ok_or_else(|| {
                    format!("unknown phase `{kind}` (expected crawl, walk or run)")
                })?;
                v.phase_words.push((kind.name().to_string(), kind));
                for w in words {
                    v.phase_words.push((normalize(w), kind));
                }
            }
            for (table, parts) in &spec.columns {
                for (part, aliases) in parts {
                    let mut names = vec![normalize(part)];
                    names.extend(aliases.iter().map(|a| normalize(a)));
                    match table.as_str() {
                        "timeline" => {
                            let p = PhasePart::from_key(part)
                                .ok_or_else(|| format!("unknown timeline column `{part}`"))?;
                            for n in names {
                                v.phase_parts.insert(n, p);
                            }
                        }
                        "metrics" => {
                            let p = match part.as_str() {
                                "name" => MetricPart::Name,
                                "target" => MetricPart::Target,
                                _ => return Err(format!("unknown metrics column `{part}`")),
                            };
                            for n in names {
                                v.metric_parts.insert(n, p);
                            }
                        }
                        _ => {
                            return Err(format!(
                                "unknown column table `{table}` (expected timeline or metrics)"
                            ))
                        }
                    }
                }
            }
        }
        // Longest phase words first, so "phase one" is not read as a bare number.
        v.phase_words.sort_by_key(|w| std::cmp::Reverse(w.0.len()));
        v.phase_words.dedup();
        Ok(v)
    }

    /// The canonical section keys, in pack order.
    pub fn section_keys(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().map(|(k, _)| k.as_str())
    }

    /// The canonical field keys of a section, in no particular order (a TOML charter's
    /// valid keys in that section's table).
    pub fn field_keys(&self, section: &str) -> Vec<&str> {
        let Some(idx) = self.sections.iter().position(|(k, _)| k == section) else {
            return Vec::new();
        };
        let mut keys: Vec<&str> = self.fields[idx].values().map(String::as_str).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The display title of a section key (`value-exchange` → `Value exchange`).
    pub fn title(&self, key: &str) -> String {
        self.sections
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| title_case(key))
    }

    /// The canonical section a heading names, if any.
    pub fn section_for(&self, heading: &str) -> Option<&str> {
        if let Some(i) = with_normalized(heading, |n| self.section_aliases.get(n).copied()) {
            return Some(&self.sections[i].0);
        }
        // "Timeline (crawl, walk, run)": try without a trailing parenthesis.
        let head = heading.split(['(', '[']).next().unwrap_or(heading);
        if head.len() < heading.len() {
            if let Some(i) = with_normalized(head, |n| self.section_aliases.get(n).copied()) {
                return Some(&self.sections[i].0);
            }
        }
        None
    }

    /// The canonical field a label names inside section `section`, if any.
    pub fn field_for(&self, section: &str, label: &str, names: &Names) -> Option<&str> {
        let idx = self.sections.iter().position(|(k, _)| k == section)?;
        let table = &self.fields[idx];
        let tokenized = self.tokenized.get(idx).copied().unwrap_or(true);
        with_normalized(label, |n| match table.get(n) {
            Some(k) => Some(k.as_str()),
            None if tokenized => names
                .tokenize(n)
                .and_then(|t| table.get(&t))
                .map(String::as_str),
            None => None,
        })
    }

    /// Which phase a phase name means: `Crawl`, `Phase 1: Crawl (pilot)`, `🐢 crawl`.
    pub fn phase_for(&self, name: &str) -> Option<PhaseKind> {
        with_normalized(name, |n| {
            self.phase_words
                .iter()
                .find(|(w, _)| contains_words(n, w))
                .map(|&(_, k)| k)
        })
    }

    /// What a timeline column header or phase item label is: `Go/No-Go`, `Dates`, `Result`.
    pub fn phase_part_for(&self, label: &str) -> Option<PhasePart> {
        with_normalized(label, |n| self.phase_parts.get(n).copied())
    }

    /// What a metrics table column header or metric label is.
    pub fn metric_part_for(&self, label: &str) -> Option<MetricPart> {
        with_normalized(label, |n| self.metric_parts.get(n).copied())
    }
}

/// The default pack's vocabulary, for tests of the parsers.
#[cfg(test)]
pub(crate) fn default_vocab() -> Vocabulary {
    let pack: crate::rules::pack::PackFile =
        toml::from_str(crate::rules::pack::DEFAULT_PACK).expect("default pack parses");
    Vocabulary::build([&pack.vocab]).expect("vocabulary builds")
}

fn title_case(key: &str) -> String {
    let s = key.replace('-', " ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_normalize_alike_through_the_cache_and_when_nested() {
        let long = "Word ".repeat(40);
        for s in [
            "1. Mutual goals & success!",
            "💰 Value exchange",
            "We give",
            "",
            &long,
        ] {
            let direct = normalize(s);
            // A miss, then a hit.
            assert_eq!(with_normalized(s, str::to_string), direct);
            assert_eq!(with_normalized(s, str::to_string), direct);
            // A lookup inside a lookup gets a buffer of its own.
            let nested = with_normalized(s, |outer| {
                with_normalized(s, |inner| (outer.to_string(), inner.to_string()))
            });
            assert_eq!(nested, (direct.clone(), direct.clone()));
            assert_eq!(with_scratch(s, str::to_string), direct);
        }
    }

    #[test]
    fn normalize_drops_numbering_emoji_and_punctuation() {
        assert_eq!(
            normalize("1. Mutual goals & success!"),
            "mutual goals and success"
        );
        assert_eq!(normalize("2) Value Exchange"), "value exchange");
        assert_eq!(normalize("💰 Value exchange"), "value exchange");
        assert_eq!(
            normalize("Crawl–Walk–Run Timeline"),
            "crawl walk run timeline"
        );
        assert_eq!(normalize("Go/No-Go"), "go no go");
        assert_eq!(normalize("IV. Exit criteria:"), "exit criteria");
        assert_eq!(normalize("3.2 KPIs"), "kpis");
        assert_eq!(normalize("Partner's commitment"), "partners commitment");
        assert_eq!(normalize("{partner} gives"), "{partner} gives");
        assert_eq!(normalize("  "), "");
    }

    fn vocab() -> Vocabulary {
        let spec: VocabSpec = toml::from_str(
            r#"
            [sections.value-exchange]
            aliases = ["value exchange", "what each side gives"]
            fields.we-give = ["we give", "{company} gives"]
            fields.partner-gives = ["partner gives", "{partner} gives"]
            [phases]
            crawl = ["pilot"]
            walk = []
            run = []
            [columns.timeline]
            go-no-go = ["go/no-go", "gate"]
            "#,
        )
        .unwrap();
        Vocabulary::build([&spec]).unwrap()
    }

    #[test]
    fn fields_match_names_from_metadata() {
        let v = vocab();
        let names = Names::new(Some("Keel"), Some("Northwind Ledger"));
        assert_eq!(
            v.field_for("value-exchange", "Keel gives", &names),
            Some("we-give")
        );
        assert_eq!(
            v.field_for("value-exchange", "Northwind gives", &names),
            Some("partner-gives")
        );
        assert_eq!(
            v.field_for("value-exchange", "**Northwind Ledger gives**", &names),
            Some("partner-gives")
        );
        assert_eq!(
            v.field_for("value-exchange", "We give", &names),
            Some("we-give")
        );
        assert_eq!(
            v.field_for("value-exchange", "Somebody gives", &names),
            None
        );
    }

    #[test]
    fn sections_phases_and_columns() {
        let v = vocab();
        assert_eq!(
            v.section_for("2. 💰 Value Exchange"),
            Some("value-exchange")
        );
        assert_eq!(
            v.section_for("Value exchange (draft)"),
            Some("value-exchange")
        );
        assert_eq!(v.section_for("Appendix"), None);
        assert_eq!(v.phase_for("Phase 1 — Pilot"), Some(PhaseKind::Crawl));
        assert_eq!(v.phase_for("🚶 Walk"), Some(PhaseKind::Walk));
        assert_eq!(v.phase_part_for("Go/No-Go"), Some(PhasePart::GoNoGo));
    }

    #[test]
    fn sides_are_told_by_name() {
        let names = Names::new(Some("Keel"), Some("Northwind Ledger"));
        assert_eq!(names.side_of("Dana Ruiz, COO, Keel"), Some(Side::Company));
        assert_eq!(
            names.side_of("Ravi Shah, VP Partnerships, Northwind"),
            Some(Side::Partner)
        );
        assert_eq!(names.side_of("Someone else"), None);
    }
}
