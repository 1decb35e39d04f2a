//! The words charters use: section and field aliases, phase names, table columns.
//!
//! The aliases are data in the rule packs (`[sections.*]`, `[phases]`, `[columns.*]`),
//! so a team can teach `charter` its own headings. Everything is matched after
//! [`normalize`], and aliases are normalized once when the vocabulary is built.

use crate::model::{PhaseKind, Side};
use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

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
    /// Tells this vocabulary's answers apart in the thread's label cache: unique per
    /// [`Vocabulary::build`]; 0 for the (empty) default. Clones share it, and their tables.
    id: u64,
    /// Canonical section keys in pack order, with their display titles.
    sections: Vec<(String, String)>,
    section_aliases: HashMap<String, usize>,
    /// Per section index: normalized label (with `{company}`/`{partner}` tokens) to the
    /// field key's index in `field_names`.
    fields: Vec<HashMap<String, usize>>,
    /// Every field key once: cached answers are small indices into it.
    field_names: Vec<String>,
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
    /// Tells these names apart in the thread's label cache: unique per [`Names::new`];
    /// 0 for the default, which (having no names) answers as every other 0 does.
    id: u64,
    company: Forms,
    partner: Forms,
}

/// Gives each [`Names::new`] its [`Names::id`].
static NEXT_NAMES_ID: AtomicU64 = AtomicU64::new(1);

impl Names {
    pub fn new(company: Option<&str>, partner: Option<&str>) -> Names {
        Names {
            id: NEXT_NAMES_ID.fetch_add(1, AtomicOrdering::Relaxed),
            company: Forms::new(company),
            partner: Forms::new(partner),
        }
    }

    /// Which side a piece of text names: the side whose name it contains. When it
    /// names both (or neither), `None`.
    pub fn side_of(&self, text: &str) -> Option<Side> {
        // Lines naming a signer are mostly unique: not worth a place in the cache.
        with_scratch(text, |t| self.side_of_normalized(t))
    }

    fn side_of_normalized(&self, t: &str) -> Option<Side> {
        let has = |forms: &Forms| forms.iter().any(|f| contains_words(t, f));
        match (has(&self.company), has(&self.partner)) {
            (true, false) => Some(Side::Company),
            (false, true) => Some(Side::Partner),
            (true, true) => {
                // "Keel Cloud" vs "Keel": the longer match is the more specific one.
                let longest = |forms: &Forms| {
                    forms
                        .iter()
                        .filter(|f| contains_words(t, f))
                        .map(str::len)
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
            for form in forms.iter() {
                let cur = out.as_deref().unwrap_or(label);
                if let Some(at) = find_words(cur, form) {
                    out = Some(replace_words(cur, at, form, token));
                    break;
                }
            }
        }
        out
    }
}

/// A name and its short form (first word, when the name has several and the word is
/// long enough to be distinctive), normalized, longest first; both in one string.
#[derive(Clone, Debug, Default)]
struct Forms {
    /// The whole name normalized; empty for no name.
    full: String,
    /// The length of the short form, a prefix of `full`; 0 when there is none.
    short: usize,
}

impl Forms {
    fn new(name: Option<&str>) -> Forms {
        let full = name.map(normalize).unwrap_or_default();
        let short = match full.split_once(' ') {
            Some((first, _)) if first.chars().count() >= 3 => first.len(),
            _ => 0,
        };
        Forms { full, short }
    }

    /// The forms, longest first.
    fn iter(&self) -> impl Iterator<Item = &str> {
        let full = Some(self.full.as_str()).filter(|f| !f.is_empty());
        let short = self.full.get(..self.short).filter(|f| !f.is_empty());
        full.into_iter().chain(short)
    }
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
pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
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

/// `haystack` with `needle` replaced by `with` wherever [`find_words`] finds it, the
/// first time at `first` (already found by the caller: not searched for again).
fn replace_words(haystack: &str, first: usize, needle: &str, with: &str) -> String {
    // Room for one replacement without growing: labels name a side once.
    let mut out = String::with_capacity(haystack.len() + with.len());
    let mut rest = haystack;
    let mut at = Some(first);
    while let Some(i) = at {
        out.push_str(rest.get(..i).unwrap_or_default());
        out.push_str(with);
        rest = rest.get(i + needle.len()..).unwrap_or_default();
        at = find_words(rest, needle);
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

/// What a thread knows about one raw label: its normalized form and, once asked, each
/// lookup's answer for one vocabulary. A label seen again costs one hash of the raw
/// text, whatever is asked of it.
struct Entry {
    norm: Box<str>,
    /// The [`Vocabulary::id`] the answers below belong to.
    vocab: u64,
    section: Slot,
    phase: Option<Option<PhaseKind>>,
    phase_part: Option<Option<PhasePart>>,
    metric_part: Option<Option<MetricPart>>,
    /// Per section index: the field the label names in that section's table, before
    /// any names are read.
    fields: [Slot; FIELD_SECTIONS],
    /// The [`Names::id`] the answers below belong to.
    names: u64,
    /// Per section index: the field the label names once the names are read as tokens
    /// (asked only when `fields` has none). A heading such as `Keel gives` is looked up
    /// more than once per charter, and tokenizing it costs more than the lookup.
    named: [Slot; FIELD_SECTIONS],
}

/// Sections whose field answers an [`Entry`] holds; the default pack has 7. Labels in
/// further sections are looked up uncached.
const FIELD_SECTIONS: usize = 16;

impl Entry {
    fn new(norm: Box<str>, vocab: u64) -> Entry {
        Entry {
            norm,
            vocab,
            section: Slot::UNKNOWN,
            phase: None,
            phase_part: None,
            metric_part: None,
            fields: [Slot::UNKNOWN; FIELD_SECTIONS],
            names: 0,
            named: [Slot::UNKNOWN; FIELD_SECTIONS],
        }
    }

    /// Forget the answers in `named` if they belong to other names than `names`.
    fn keep_named_for(&mut self, names: u64) {
        if self.names != names {
            self.names = names;
            self.named = [Slot::UNKNOWN; FIELD_SECTIONS];
        }
    }

    /// Forget the answers, which belong to another vocabulary; the normalized form stays.
    fn reset(&mut self, vocab: u64) {
        let norm = std::mem::take(&mut self.norm);
        *self = Entry::new(norm, vocab);
    }
}

/// A cached `Option<usize>` answer in a byte: 0 not asked yet, 1 `None`, `2 + i` `Some(i)`.
#[derive(Clone, Copy)]
struct Slot(u8);

impl Slot {
    const UNKNOWN: Slot = Slot(0);

    fn get(self) -> Option<Option<usize>> {
        match self.0 {
            0 => None,
            1 => Some(None),
            n => Some(Some(usize::from(n) - 2)),
        }
    }

    /// Remember `v`; an index too large for the byte is left unknown (asked again).
    fn set(&mut self, v: Option<usize>) {
        self.0 = match v {
            None => 1,
            Some(i) => i
                .checked_add(2)
                .and_then(|n| u8::try_from(n).ok())
                .unwrap_or(0),
        };
    }

    /// The cached answer, else `f`'s, remembered.
    fn get_or(&mut self, f: impl FnOnce() -> Option<usize>) -> Option<usize> {
        if let Some(known) = self.get() {
            return known;
        }
        let v = f();
        self.set(v);
        v
    }
}

/// The cached answer in `slot`, else `f`'s, remembered.
fn known_or<T: Copy>(slot: &mut Option<Option<T>>, f: impl FnOnce() -> Option<T>) -> Option<T> {
    *slot.get_or_insert_with(f)
}

/// A raw label and what the thread knows about it, with the label's hash (kept, so
/// that growing the table hashes nothing again).
struct Cached {
    hash: u64,
    label: Box<str>,
    entry: Entry,
}

thread_local! {
    /// The labels and headings seen on this thread. Charters reuse the same few hundred
    /// labels ("We give", "Go/No-Go", "Owner"), so most lookups are a hash of the raw
    /// label instead of a normalization and a second hash.
    static CACHE: RefCell<HashTable<Cached>> = const { RefCell::new(HashTable::new()) };
}

/// `a == b`, inline for the few bytes of a label or section key: a call to `bcmp`
/// costs more than the comparison.
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match a.len() {
        0..=7 => a.iter().zip(b).all(|(x, y)| x == y),
        // Two overlapping words cover 8 to 16 bytes.
        8..=16 => {
            a.first_chunk::<8>() == b.first_chunk::<8>()
                && a.last_chunk::<8>() == b.last_chunk::<8>()
        }
        _ => a == b,
    }
}

/// `f` on the thread's entry for `s` (made when missing), its answers forgotten if they
/// belong to another vocabulary than `vocab`; `None` when `s` is too long to cache or
/// the cache is in use further up the stack (then the caller normalizes in scratch).
fn with_entry<R>(vocab: u64, s: &str, f: impl FnOnce(&mut Entry) -> R) -> Option<R> {
    if s.len() > CACHED_LABEL_BYTES {
        return None;
    }
    CACHE.with(|cell| {
        let mut cache = cell.try_borrow_mut().ok()?;
        let hash = FxBuildHasher.hash_one(s);
        let found = |c: &Cached| c.hash == hash && same(c.label.as_bytes(), s.as_bytes());
        if let Some(c) = cache.find_mut(hash, found) {
            if c.entry.vocab != vocab {
                c.entry.reset(vocab);
            }
            return Some(f(&mut c.entry));
        }
        if cache.len() >= CACHE_ENTRIES {
            cache.clear();
        }
        let c = Cached {
            hash,
            label: s.into(),
            entry: Entry::new(normalize(s).into(), vocab),
        };
        let c = cache.insert_unique(hash, c, |c| c.hash).into_mut();
        Some(f(&mut c.entry))
    })
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

/// [`normalize`], appending to an empty `out`.
fn normalize_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let mut pending_space = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match BYTE_CLASS[usize::from(b)] {
            KEEP | UPPER => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                // A run of ASCII word bytes is copied whole, and lowercased in place
                // when it has capitals: no Unicode lowercase machinery, no byte pushes.
                let start = i;
                let mut upper = false;
                while let Some(&c) = bytes.get(i) {
                    match BYTE_CLASS[usize::from(c)] {
                        KEEP => {}
                        UPPER => upper = true,
                        // One space between words is kept as it is: "Hiro Vogel" is
                        // one copy, not two and a space.
                        BREAK
                            if c == b' '
                                && bytes
                                    .get(i + 1)
                                    .is_some_and(|&n| BYTE_CLASS[usize::from(n)] <= UPPER) => {}
                        _ => break,
                    }
                    i += 1;
                }
                let from = out.len();
                // ASCII bytes at both ends: char boundaries.
                out.push_str(s.get(start..i).unwrap_or_default());
                if upper {
                    out[from..].make_ascii_lowercase();
                }
            }
            AND => {
                i += 1;
                push_word(out, &mut pending_space, "and");
            }
            // "partner's" reads as "partners"
            JOIN => i += 1,
            BREAK => {
                i += 1;
                pending_space = true;
            }
            _ => {
                let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                i += c.len_utf8();
                if is_alphanumeric(c) {
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
    }
    let skip = numbering_len(out);
    if skip > 0 {
        out.drain(..skip);
    }
}

/// What [`normalize_into`] does with each byte: keep it (`a`-`z`, digits, `{`, `}`),
/// lowercase it, read `and`, join the words around it, break words, or decode a
/// non-ASCII character.
const KEEP: u8 = 0;
const UPPER: u8 = 1;
const AND: u8 = 2;
const JOIN: u8 = 3;
const BREAK: u8 = 4;
const WIDE: u8 = 5;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'{' || c == b'}' {
            KEEP
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c == b'&' || c == b'+' {
            AND
        } else if c == b'\'' {
            JOIN
        } else {
            BREAK
        };
        b += 1;
    }
    t
};

/// `char::is_alphanumeric`, skipping its table search for the punctuation, symbol and
/// emoji blocks charters use (dashes, quotes, `×`, `≥`, pictographs): none of their
/// characters is a letter or a number (a test checks each one).
fn is_alphanumeric(c: char) -> bool {
    !NOT_ALPHANUMERIC.iter().any(|r| r.contains(&c)) && c.is_alphanumeric()
}

const NOT_ALPHANUMERIC: [std::ops::RangeInclusive<char>; 8] = [
    '\u{a0}'..='\u{a9}',
    '\u{ab}'..='\u{b1}',
    '\u{d7}'..='\u{d7}',
    '\u{f7}'..='\u{f7}',
    '\u{2000}'..='\u{206f}',
    '\u{2190}'..='\u{23ff}',
    '\u{2500}'..='\u{2775}',
    '\u{1f300}'..='\u{1faff}',
];

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
    // Byte by byte: every byte compared is ASCII, so a non-ASCII word is never numbering.
    while let Some(sp) = words.bytes().position(|b| b == b' ') {
        let (first, rest) = (&words.as_bytes()[..sp], &words[sp + 1..]);
        // Most labels start with a word that cannot be numbering: say so at once.
        if let [lead, _, ..] = first {
            if !lead.is_ascii_digit() && !matches!(lead, b'i' | b'v' | b'x' | b's' | b'p' | b'c') {
                break;
            }
        }
        let numeric = first.iter().all(u8::is_ascii_digit);
        let roman = first.len() <= 4 && first.iter().all(|c| matches!(c, b'i' | b'v' | b'x'));
        let marker = matches!(first, b"section" | b"part" | b"step" | b"chapter")
            && rest
                .bytes()
                .take_while(|&b| b != b' ')
                .all(|b| b.is_ascii_digit());
        let single_letter = first.len() == 1 && first != b"a" && first != b"i";
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
        let mut v = Vocabulary {
            id: NEXT_VOCABULARY_ID.fetch_add(1, AtomicOrdering::Relaxed),
            ..Vocabulary::default()
        };
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
                    let f = match v.field_names.iter().position(|k| k == field) {
                        Some(f) => f,
                        None => {
                            v.field_names.push(field.clone());
                            v.field_names.len() - 1
                        }
                    };
                    v.fields[idx].insert(normalize(field), f);
                    if aliases
                        .iter()
                        .any(|a| a.contains("{company}") || a.contains("{partner}"))
                    {
                        v.tokenized[idx] = true;
                    }
                    for alias in aliases {
                        v.fields[idx].insert(normalize(alias), f);
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
        let mut keys: Vec<&str> = self.fields[idx]
            .values()
            .filter_map(|&f| self.field_names.get(f))
            .map(String::as_str)
            .collect();
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
        let i = with_entry(self.id, heading, |e| {
            e.section.get_or(|| self.section_index(&e.norm, heading))
        })
        .unwrap_or_else(|| with_scratch(heading, |n| self.section_index(n, heading)));
        Some(&self.sections.get(i?)?.0)
    }

    /// [`Vocabulary::section_for`]'s section index, given `heading` normalized.
    fn section_index(&self, normalized: &str, heading: &str) -> Option<usize> {
        if let Some(&i) = self.section_aliases.get(normalized) {
            return Some(i);
        }
        // "Timeline (crawl, walk, run)": try without a trailing parenthesis.
        let cut = memchr::memchr2(b'(', b'[', heading.as_bytes())?;
        let head = heading.get(..cut)?;
        with_scratch(head, |n| self.section_aliases.get(n).copied())
    }

    /// The canonical field a label names inside section `section`, if any.
    pub fn field_for(&self, section: &str, label: &str, names: &Names) -> Option<&str> {
        let idx = self
            .sections
            .iter()
            .position(|(k, _)| same(k.as_bytes(), section.as_bytes()))?;
        let table = self.fields.get(idx)?;
        let tokenized = self.tokenized.get(idx).copied().unwrap_or(true);
        // The names differ per charter: read after the plain lookup misses, and cached
        // per `Names` (headings are looked up twice).
        let by_names = |n: &str| {
            if tokenized {
                names.tokenize(n).and_then(|t| table.get(&t).copied())
            } else {
                None
            }
        };
        let f = with_entry(self.id, label, |e| {
            let plain = match e.fields.get_mut(idx) {
                Some(slot) => slot.get_or(|| table.get(&*e.norm).copied()),
                None => table.get(&*e.norm).copied(),
            };
            if plain.is_some() || !tokenized {
                return plain;
            }
            e.keep_named_for(names.id);
            match e.named.get_mut(idx) {
                Some(slot) => slot.get_or(|| by_names(&e.norm)),
                None => by_names(&e.norm),
            }
        })
        .unwrap_or_else(|| with_scratch(label, |n| table.get(n).copied().or_else(|| by_names(n))));
        self.field_names.get(f?).map(String::as_str)
    }

    /// Which phase a phase name means: `Crawl`, `Phase 1: Crawl (pilot)`, `🐢 crawl`.
    pub fn phase_for(&self, name: &str) -> Option<PhaseKind> {
        with_entry(self.id, name, |e| {
            known_or(&mut e.phase, || self.phase_in(&e.norm))
        })
        .unwrap_or_else(|| with_scratch(name, |n| self.phase_in(n)))
    }

    /// [`Vocabulary::phase_for`] of a normalized name.
    fn phase_in(&self, normalized: &str) -> Option<PhaseKind> {
        self.phase_words
            .iter()
            .find(|(w, _)| contains_words(normalized, w))
            .map(|&(_, k)| k)
    }

    /// What a timeline column header or phase item label is: `Go/No-Go`, `Dates`, `Result`.
    pub fn phase_part_for(&self, label: &str) -> Option<PhasePart> {
        with_entry(self.id, label, |e| {
            known_or(&mut e.phase_part, || {
                self.phase_parts.get(&*e.norm).copied()
            })
        })
        .unwrap_or_else(|| with_scratch(label, |n| self.phase_parts.get(n).copied()))
    }

    /// What a metrics table column header or metric label is.
    pub fn metric_part_for(&self, label: &str) -> Option<MetricPart> {
        with_entry(self.id, label, |e| {
            known_or(&mut e.metric_part, || {
                self.metric_parts.get(&*e.norm).copied()
            })
        })
        .unwrap_or_else(|| with_scratch(label, |n| self.metric_parts.get(n).copied()))
    }
}

/// Gives each built [`Vocabulary`] its [`Vocabulary::id`].
static NEXT_VOCABULARY_ID: AtomicU64 = AtomicU64::new(1);

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

    /// Tricky labels: numbering, emoji, names (whole, short, overlapping), Unicode
    /// case, apostrophes, `&`, brackets, and labels over the cache's length limit.
    fn tricky() -> Vec<String> {
        let mut v: Vec<String> = [
            "1. Mutual goals & success!",
            "💰 Value exchange",
            "2) Value Exchange",
            "IV. Exit criteria:",
            "section 3 metrics",
            "Step 2 Walk",
            "3.2 KPIs",
            "We give",
            "WE GIVE",
            "we  give",
            "**Northwind Ledger gives**",
            "Northwind gives",
            "Northwind Ledger Cloud gives",
            "Keel gives",
            "Keel Cloud gives",
            "Keel commits",
            "For Keel",
            "Keel × Northwind Ledger: partnership charter",
            "Dana Ruiz, COO, Keel — 2026-08-28",
            "Ravi Shah, VP Partnerships, Northwind — 2026-08-26",
            "Keel and Northwind",
            "Keel-Cloud",
            "Partner's commitment",
            "Partner’s commitment",
            "Go/No-Go",
            "GO / NO-GO",
            "Phase 1 — Pilot",
            "Phase 2 — Walk",
            "🚶 Walk",
            "🐢 crawl",
            "Crawl–Walk–Run Timeline",
            "Timeline (crawl, walk, run)",
            "Value exchange [draft]",
            "Value exchange (draft) (old)",
            "(Value exchange)",
            "General availability",
            "Ga",
            "ÉCHANGE de valeur",
            "Straße",
            "İstanbul",
            "KELVIN \u{212a}eel gives",
            "ΣΊΣΥΦΟΣ",
            "Über Keel",
            "{partner} gives",
            "{Company}",
            "a b c",
            "i. intro",
            "x",
            "",
            " ",
            "!!!",
            "&",
            "+ plus",
            "Target",
            "Metric",
            "Go no go criteria",
            "section 3 metrics",
            "Section three metrics",
            "Part 2 walk",
            "Chapter 4",
            "step",
            "ii. iv. walk",
            "xxxx xxxxx",
            "vi vision",
            "c. scope",
            "C) Scope",
            "p 12 plan",
            "v2 plan",
            "1 2 3",
            "1.2.3",
            "2026-08-28 signed",
            "a. goals",
            "I. Goals",
            "iv",
            "é. goals",
            "½ done",
            "² squared",
            "ª ordinal",
            "Caf\u{e9}\u{301} × Keel ≥ 3 … “quoted” → done",
            "\u{a0}Keel\u{a0}gives\u{a0}",
            "Keel\u{200d}gives",
            "➀ ❶ ① Ⓐ 🄰 🅐",
            "🎯 Goals ✅",
            "Mixed CASE run-on WORDS  with   SPACES",
            "tab\tseparated\twords",
            "trailing space ",
            " leading space",
            "Keel  gives",
            "Keel & Northwind",
            "Keel's & partner’s",
            "{company} Gives",
            "x{y}z",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Over the cache limit, and right at it.
        v.push("Word ".repeat(40));
        v.push(format!("{}Keel gives", "x".repeat(CACHED_LABEL_BYTES - 10)));
        v.push(format!("{}Keel gives", "x".repeat(CACHED_LABEL_BYTES - 9)));
        v.push(format!("Phase 1 — {}", "pilot ".repeat(20)));
        v
    }

    /// [`normalize_into`] as it was, character by character: the fast one must agree.
    fn normalize_reference(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.chars() {
            if c.is_ascii_alphanumeric()
                || c == '{'
                || c == '}'
                || (!c.is_ascii() && c.is_alphanumeric())
            {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.extend(c.to_lowercase());
            } else if c == '&' || c == '+' {
                push_word(&mut out, &mut pending_space, "and");
            } else if c != '\'' && c != '’' {
                pending_space = true;
            }
        }
        let skip = numbering_len_reference(&out);
        out.split_off(skip)
    }

    /// [`numbering_len`] as it was, by `char`s and `split_once`.
    fn numbering_len_reference(s: &str) -> usize {
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

    proptest::proptest! {
        /// Any mix of cases, digits, numbering words, separators, and the non-ASCII
        /// characters the fast paths treat apart.
        #[test]
        fn normalize_agrees_with_the_reference_on_any_text(
            s in "(section |part |step |iv |[a-cA-Ci]{1,3} |[0-9]{1,2}[.)]? |[a-zA-Z0-9{}&+'’ ,./()\t-]{1,6}|[éÉİßΣſK½²×—–“…→✅🎯\u{a0}\u{200d}\u{301}ª➀Ⓐ]){0,12}"
        ) {
            proptest::prop_assert_eq!(normalize(&s), normalize_reference(&s));
        }
    }

    #[test]
    fn same_is_equality() {
        let words = [
            "",
            "a",
            "ab",
            "goals",
            "exit",
            "metrics",
            "timeline",
            "governance",
        ];
        let mut texts: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        for n in 0..40 {
            let t = "signatures value-exchange é💰"
                .chars()
                .cycle()
                .take(n)
                .collect::<String>();
            let mut u = t.clone().into_bytes();
            if let Some(b) = u.get_mut(n / 2) {
                *b ^= 1;
            }
            texts.push(t);
            texts.extend(String::from_utf8(u).ok());
        }
        for a in &texts {
            for b in &texts {
                assert_eq!(same(a.as_bytes(), b.as_bytes()), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_ranges_said_not_alphanumeric_are_not() {
        for r in NOT_ALPHANUMERIC {
            for c in r {
                assert!(!c.is_alphanumeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn normalize_agrees_with_the_reference() {
        for s in tricky() {
            assert_eq!(normalize(&s), normalize_reference(&s), "{s:?}");
        }
    }

    #[test]
    fn lookups_normalize_alike_through_the_cache_and_when_nested() {
        for s in tricky() {
            let direct = normalize(&s);
            assert_eq!(with_scratch(&s, str::to_string), direct);
            // A miss, then a hit.
            for _ in 0..2 {
                let cached = with_entry(1, &s, |e| e.norm.to_string());
                assert_eq!(cached.is_some(), s.len() <= CACHED_LABEL_BYTES);
                assert_eq!(cached.unwrap_or_else(|| direct.clone()), direct);
            }
            // A lookup inside a lookup is not answered from the cache in use.
            let nested = with_entry(1, &s, |_| with_entry(1, &s, |_| ()));
            assert_eq!(nested.flatten(), None);
            let nested = with_scratch(&s, |outer| {
                with_scratch(&s, |inner| (outer.to_string(), inner.to_string()))
            });
            assert_eq!(nested, (direct.clone(), direct.clone()));
        }
    }

    /// A side's names as they were kept: one vector of forms, longest first.
    fn name_forms_reference(name: Option<&str>) -> Vec<String> {
        let Some(name) = name else { return Vec::new() };
        let full = normalize_reference(name);
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

    /// The names as they were read: forms in vectors.
    struct NamesReference {
        company: Vec<String>,
        partner: Vec<String>,
    }

    impl NamesReference {
        fn new((company, partner): (Option<&str>, Option<&str>)) -> Self {
            NamesReference {
                company: name_forms_reference(company),
                partner: name_forms_reference(partner),
            }
        }

        fn tokenize(&self, label: &str) -> Option<String> {
            let mut out: Option<String> = None;
            for (forms, token) in [(&self.company, "{company}"), (&self.partner, "{partner}")] {
                for form in forms {
                    let cur = out.as_deref().unwrap_or(label);
                    if find_words(cur, form).is_some() {
                        let mut replaced = String::new();
                        let mut rest = cur;
                        while let Some(at) = find_words(rest, form) {
                            replaced.push_str(&rest[..at]);
                            replaced.push_str(token);
                            rest = &rest[at + form.len()..];
                        }
                        replaced.push_str(rest);
                        out = Some(replaced);
                        break;
                    }
                }
            }
            out
        }

        fn side_of(&self, text: &str) -> Option<Side> {
            let t = normalize_reference(text);
            let longest = |forms: &[String]| {
                forms
                    .iter()
                    .filter(|f| find_words(&t, f).is_some())
                    .map(String::len)
                    .max()
            };
            match (longest(&self.company), longest(&self.partner)) {
                (Some(_), None) => Some(Side::Company),
                (None, Some(_)) => Some(Side::Partner),
                (Some(c), Some(p)) if c > p => Some(Side::Company),
                (Some(c), Some(p)) if c < p => Some(Side::Partner),
                _ => None,
            }
        }
    }

    /// Every lookup as it was: normalize, then search the tables.
    fn field_reference<'v>(
        v: &'v Vocabulary,
        section: &str,
        label: &str,
        names: &NamesReference,
    ) -> Option<&'v str> {
        let idx = v.sections.iter().position(|(k, _)| k == section)?;
        let table = &v.fields[idx];
        let n = normalize_reference(label);
        let f = match table.get(&n) {
            Some(&f) => Some(f),
            None if v.tokenized[idx] => names.tokenize(&n).and_then(|t| table.get(&t).copied()),
            None => None,
        };
        f.map(|f| v.field_names[f].as_str())
    }

    fn section_reference<'v>(v: &'v Vocabulary, heading: &str) -> Option<&'v str> {
        let get = |s: &str| v.section_aliases.get(&normalize_reference(s)).copied();
        let head = heading.split(['(', '[']).next().unwrap_or(heading);
        let i = get(heading).or_else(|| (head.len() < heading.len()).then(|| get(head)).flatten());
        i.map(|i| v.sections[i].0.as_str())
    }

    fn check_lookups(v: &Vocabulary, names: &Names, reference: &NamesReference) {
        for s in tricky() {
            // A miss, then a hit, then a hit with the cache in use further up the stack.
            for round in 0..3 {
                let check = || {
                    assert_eq!(v.section_for(&s), section_reference(v, &s), "{s:?}");
                    for key in v.section_keys() {
                        assert_eq!(
                            v.field_for(key, &s, names),
                            field_reference(v, key, &s, reference),
                            "{key} {s:?}"
                        );
                    }
                    let n = normalize_reference(&s);
                    assert_eq!(v.phase_for(&s), v.phase_in(&n), "{s:?}");
                    assert_eq!(
                        v.phase_part_for(&s),
                        v.phase_parts.get(&n).copied(),
                        "{s:?}"
                    );
                    assert_eq!(
                        v.metric_part_for(&s),
                        v.metric_parts.get(&n).copied(),
                        "{s:?}"
                    );
                };
                if round == 2 {
                    with_entry(v.id, "busy", |_| check());
                } else {
                    check();
                }
            }
        }
    }

    /// Pairs of names that overlap, nest, share words or have none.
    const NAME_PAIRS: [(Option<&str>, Option<&str>); 9] = [
        (Some("Keel"), Some("Northwind Ledger")),
        (Some("Keel Cloud"), Some("Keel")),
        (Some("Northwind"), Some("Northwind Ledger Cloud")),
        (Some("Straße"), Some("İstanbul")),
        (Some("Ab"), Some("A B")),
        (Some("Partner Co"), Some("We")),
        (Some("💰"), Some("  ")),
        (Some("Keel"), None),
        (None, None),
    ];

    #[test]
    fn cached_lookups_answer_as_the_plain_ones() {
        let d = default_vocab();
        let small = vocab();
        // Two vocabularies taking turns on one thread, and the names of one charter
        // after another's: answers never cross over.
        for _ in 0..2 {
            for pair in NAME_PAIRS {
                let names = Names::new(pair.0, pair.1);
                let reference = NamesReference::new(pair);
                check_lookups(&d, &names, &reference);
                check_lookups(&small, &names, &reference);
                check_lookups(&d.clone(), &names.clone(), &reference);
            }
            check_lookups(&d, &Names::default(), &NamesReference::new((None, None)));
        }
    }

    #[test]
    fn sides_agree_with_the_reference() {
        for pair in NAME_PAIRS {
            let names = Names::new(pair.0, pair.1);
            let reference = NamesReference::new(pair);
            for s in tricky() {
                assert_eq!(names.side_of(&s), reference.side_of(&s), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        /// Names and labels made of the same few words, so that they meet often.
        #[test]
        fn names_are_read_as_the_plain_search_reads_them(
            company in "(keel|north|wind|ab|a|é|İ| |-){0,5}",
            partner in "(keel|north|wind|ab|a|é|İ| |-){0,5}",
            label in "(keel|north|wind|ab|a|é|İ|gives|for| |&|'){0,9}",
        ) {
            let pair = (Some(company.as_str()), Some(partner.as_str()));
            let names = Names::new(pair.0, pair.1);
            let reference = NamesReference::new(pair);
            let n = normalize(&label);
            proptest::prop_assert_eq!(names.tokenize(&n), reference.tokenize(&n));
            proptest::prop_assert_eq!(names.side_of(&label), reference.side_of(&label));
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
