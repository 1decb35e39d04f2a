//! The compiled vocabulary: every alias normalized once, look-ups by hash.
//!
//! The look-ups here normalize the label each time; a parser that asks about the same
//! labels again and again asks through a [`super::Lookup`], which remembers answers.

use super::columns::ColumnKeywords;
use super::cues::{Cue, Cues};
use super::heading::{strip_numbering, HeadingMatch, Keywords};
use super::names::{find_words, same, Names, OTHERS};
use super::normalise::{normalize, with_scratch};
use super::sides::{side_fields, SideField};
use super::spec::{MetricPart, PhasePart, VocabSpec};
use crate::model::PhaseKind;
use rustc_hash::FxHashMap as HashMap;

/// The `[cues.*]` table of a phase's parts, which no section is named after.
const PHASE_CUES: &str = "phase";

/// The compiled vocabulary: every alias normalized, lookups by hash.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// Canonical section keys in pack order, with their display titles.
    pub(super) sections: Vec<(String, String)>,
    pub(super) section_aliases: HashMap<String, usize>,
    /// Words a heading may name a section by when no alias matches.
    /// Built the first time a heading is not an exact alias (most of a good charter's
    /// headings are), from `keyword_source`: each keyword as written and its section.
    section_keywords: std::sync::OnceLock<Keywords>,
    keyword_source: Vec<(String, usize)>,
    /// Words content under an unrecognised heading may be told by (see
    /// `vocab::content`), built from `content_source` the first time one is read.
    pub(super) content_words: std::sync::OnceLock<Keywords>,
    pub(super) content_source: Vec<(String, usize)>,
    /// Words that make a heading an overview or a title (see [`super::spec::HeadingWords`]).
    overview_words: Keywords,
    title_words: Keywords,
    /// How closing lines open, normalized (see [`super::spec::VocabSpec::closings`]).
    pub(super) closings: Vec<String>,
    /// The first letters of the closings, either case: most paragraphs open with
    /// another and are ruled out with one lookup.
    pub(super) closing_starts: Vec<bool>,
    /// Whole headings that are the agreement's own clauses, normalized.
    boilerplate: rustc_hash::FxHashSet<String>,
    /// Per section index: the words only that section's title, aliases and keywords
    /// use (see `vocab::closest`), worked out the first time a finding needs them: a
    /// run that finds no missing section (a hook on a good charter) never pays for them.
    pub(super) distinct_words: std::sync::OnceLock<Vec<Vec<String>>>,
    /// Per section index: normalized label (with `{company}`/`{partner}` tokens) to the
    /// field key's index in `field_names`.
    pub(super) fields: Vec<HashMap<String, usize>>,
    /// Every field key once: remembered answers are small indices into it.
    pub(super) field_names: Vec<String>,
    /// Per section index: whether any alias has a `{company}`/`{partner}` token, so
    /// that labels in the other sections are never searched for names. A section with
    /// field keywords is searched too: its labels may name a field by one of them.
    pub(super) tokenized: Vec<bool>,
    /// Per section index: the words that name a field inside a label (see
    /// [`super::spec::SectionSpec::field_keywords`]), each phrase's index a field's.
    pub(super) field_keywords: Vec<Keywords>,
    /// Per section index: the fields its aliases tie to a side (see `vocab::sides`),
    /// worked out the first time a label is read that way.
    pub(super) side_fields: std::sync::OnceLock<Vec<Vec<SideField>>>,
    /// Per section index: the labels its aliases name people who are neither side by
    /// (see `vocab::by_names`), worked out the first time a label is read that way.
    pub(super) others_forms: std::sync::OnceLock<Vec<super::by_names::OthersForms>>,
    /// Phase words, those that only count (`phase 1`) last, longest first otherwise.
    phase_words: Vec<(String, PhaseKind, bool)>,
    pub(super) phase_parts: HashMap<String, PhasePart>,
    pub(super) metric_parts: HashMap<String, MetricPart>,
    /// Words that name a timeline column no alias matches (see `vocab::columns`).
    column_keywords: ColumnKeywords,
    cues: Cues,
}

impl Vocabulary {
    /// The sections' keywords, stemmed and indexed (see `keyword_source`).
    pub(super) fn section_keywords(&self) -> &Keywords {
        self.section_keywords.get_or_init(|| {
            let mut k = Keywords::default();
            for (word, idx) in &self.keyword_source {
                k.add(&normalize(word), *idx);
            }
            k
        })
    }

    /// Per section index: the fields its aliases tie to a side.
    pub(super) fn side_fields(&self) -> &[Vec<SideField>] {
        self.side_fields
            .get_or_init(|| self.fields.iter().map(side_fields).collect())
    }

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
                        v.field_keywords.push(Keywords::default());
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
                for word in &section.keywords {
                    v.keyword_source.push((word.clone(), idx));
                }
                for word in &section.content {
                    v.content_source.push((word.clone(), idx));
                }
                for (field, aliases) in &section.fields {
                    let f = v.field_index(field);
                    v.fields[idx].insert(normalize(field), f);
                    if aliases.iter().any(|a| {
                        a.contains("{company}") || a.contains("{partner}") || a.contains(OTHERS)
                    }) {
                        v.tokenized[idx] = true;
                    }
                    for alias in aliases {
                        v.fields[idx].insert(normalize(alias), f);
                    }
                }
                for (field, words) in &section.field_keywords {
                    let f = v.field_index(field);
                    v.fields[idx].insert(normalize(field), f);
                    v.tokenized[idx] |= !words.is_empty();
                    for w in words {
                        v.field_keywords[idx].add(&normalize(w), f);
                    }
                }
            }
            for (kind, words) in &spec.phases {
                let kind = PhaseKind::parse(kind).ok_or_else(|| {
                    format!("unknown phase `{kind}` (expected crawl, walk or run)")
                })?;
                v.phase_words.push((kind.name().to_string(), kind, false));
                for w in words {
                    let w = normalize(w);
                    let counts = counts(&w);
                    v.phase_words.push((w, kind, counts));
                }
            }
            for w in &spec.headings.overview {
                v.overview_words.add(&normalize(w), 0);
            }
            for w in &spec.headings.title {
                v.title_words.add(&normalize(w), 0);
            }
            v.closings
                .extend(spec.closings.iter().map(|w| normalize(w)));
            v.closing_starts = vec![false; 256];
            for c in &v.closings {
                if let Some(&b) = c.as_bytes().first() {
                    v.closing_starts[usize::from(b.to_ascii_lowercase())] = true;
                    v.closing_starts[usize::from(b.to_ascii_uppercase())] = true;
                }
            }
            v.boilerplate
                .extend(spec.headings.boilerplate.iter().map(|w| normalize(w)));
            v.cues.add(&spec.cues)?;
            for part in spec.cues.get(PHASE_CUES).into_iter().flat_map(|f| f.keys()) {
                PhasePart::from_key(part).ok_or_else(|| {
                    format!(
                        "cues.{PHASE_CUES}.{part}: not a part of a phase (see [columns.timeline])"
                    )
                })?;
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
            for (table, parts) in &spec.column_keywords {
                if table != "timeline" {
                    return Err(format!(
                        "column-keywords.{table}: only the timeline's columns have keywords"
                    ));
                }
                for (part, words) in parts {
                    let p = PhasePart::from_key(part)
                        .ok_or_else(|| format!("unknown timeline column `{part}`"))?;
                    for w in words {
                        v.column_keywords.add(&normalize(w), p);
                    }
                }
            }
        }
        // A phase's own words before the words that only count (`phase 1`), so that
        // `Phase 1 – Walk` is the walk phase listed first; longest first otherwise.
        v.phase_words
            .sort_by_key(|w| (w.2, std::cmp::Reverse(w.0.len())));
        v.phase_words.dedup();
        Ok(v)
    }

    /// The index of field key `field` in `field_names`, added when new.
    fn field_index(&mut self, field: &str) -> usize {
        match self.field_names.iter().position(|k| k == field) {
            Some(f) => f,
            None => {
                self.field_names.push(field.to_string());
                self.field_names.len() - 1
            }
        }
    }

    /// The fields a section may state in prose (see [`super::cues`]).
    pub fn cues(&self) -> &Cues {
        &self.cues
    }

    /// The parts a phase may state in a sentence of its own text (`[cues.phase]`):
    /// `Go if waste falls by at least 10%.` is the phase's go/no-go bar.
    pub fn phase_cues(&self) -> impl Iterator<Item = (PhasePart, &Cue)> {
        self.cues
            .of(PHASE_CUES)
            .filter_map(|c| Some((PhasePart::from_key(&c.field)?, c)))
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

    /// Whether any label names a field in section `section` (an unknown section, the
    /// exit criteria, the signatures: none does), so that a reader need not ask.
    /// The fields of `section` its aliases tie to a side (`we-give`, `partner-loses`).
    pub fn side_field_keys(&self, section: &str) -> Vec<&str> {
        let Some((idx, _)) = self.field_table(section) else {
            return Vec::new();
        };
        let mut keys: Vec<&str> = self
            .side_fields()
            .get(idx)
            .into_iter()
            .flatten()
            .filter_map(|f| self.field_names.get(f.field()).map(String::as_str))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    pub fn has_fields(&self, section: &str) -> bool {
        self.field_table(section)
            .is_some_and(|(_, t)| !t.is_empty())
    }

    /// The display title of a section key (`value-exchange` → `Value exchange`).
    pub fn title(&self, key: &str) -> String {
        self.sections
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| title_case(key))
    }

    /// The canonical section a Markdown heading names, if any, and how: by an exact
    /// alias (also once its numbering and `Part A —`-style prefix are set aside), or
    /// else by a keyword (see `vocab::heading`).
    pub fn heading_for(&self, heading: &str) -> Option<(&str, HeadingMatch)> {
        let (i, how) = with_scratch(heading, |n| self.heading_index(n, heading))?;
        Some((&self.sections.get(i)?.0, how))
    }

    /// [`Vocabulary::heading_for`]'s section index, given `heading` normalized.
    pub(super) fn heading_index(
        &self,
        normalized: &str,
        heading: &str,
    ) -> Option<(usize, HeadingMatch)> {
        if let Some(i) = self.section_index(normalized, heading) {
            return Some((i, HeadingMatch::Alias));
        }
        let stripped = strip_numbering(heading);
        let plain: std::borrow::Cow<'_, str> = if stripped.len() == heading.len() {
            normalized.into()
        } else {
            let n = normalize(stripped);
            if let Some(i) = self.section_index(&n, stripped) {
                return Some((i, HeadingMatch::Alias));
            }
            n.into()
        };
        // `Goals — agreed before anything else`: a title and a subtitle after a dash;
        // the title is the section's alias, whatever words the subtitle has.
        if let Some(head) = before_dash(stripped) {
            if let Some(i) = with_scratch(head, |n| self.section_index(n, head)) {
                return Some((i, HeadingMatch::Alias));
            }
        }
        if self.overview_words.section_of(&plain).is_some() {
            return None;
        }
        let i = self.section_keywords().section_of(&plain)?;
        Some((i, HeadingMatch::Keyword))
    }

    /// Whether a first heading that names a section only by keyword is the charter's
    /// title instead (`…: Partnership Charter`).
    pub fn is_title(&self, heading: &str) -> bool {
        with_scratch(heading, |n| self.title_words.section_of(n).is_some())
    }

    /// Whether a heading is, whole, a clause of the agreement itself (`14. Governing
    /// law`).
    pub fn is_boilerplate(&self, heading: &str) -> bool {
        !self.boilerplate.is_empty() && with_scratch(heading, |n| self.boilerplate.contains(n))
    }

    /// The canonical section a heading or TOML table key names by an exact alias, if any.
    pub fn section_for(&self, heading: &str) -> Option<&str> {
        let i = with_scratch(heading, |n| self.section_index(n, heading))?;
        Some(&self.sections.get(i)?.0)
    }

    /// [`Vocabulary::section_for`]'s section index, given `heading` normalized.
    pub(super) fn section_index(&self, normalized: &str, heading: &str) -> Option<usize> {
        if let Some(&i) = self.section_aliases.get(normalized) {
            return Some(i);
        }
        // "Timeline (crawl, walk, run)": try without a trailing parenthesis.
        let cut = memchr::memchr2(b'(', b'[', heading.as_bytes())?;
        let head = heading.get(..cut)?;
        with_scratch(head, |n| self.section_aliases.get(n).copied())
    }

    /// The index of section `section`, and its field table.
    pub(super) fn field_table(&self, section: &str) -> Option<(usize, &HashMap<String, usize>)> {
        let idx = self
            .sections
            .iter()
            .position(|(k, _)| same(k.as_bytes(), section.as_bytes()))?;
        Some((idx, self.fields.get(idx)?))
    }

    /// Whether labels in the section at `idx` can name a field through the names.
    pub(super) fn is_tokenized(&self, idx: usize) -> bool {
        self.tokenized.get(idx).copied().unwrap_or(true)
    }

    /// The canonical field a label names inside section `section`, if any.
    pub fn field_for(&self, section: &str, label: &str, names: &Names) -> Option<&str> {
        let (idx, table) = self.field_table(section)?;
        let f = with_scratch(label, |n| self.field_in(idx, table, n, names));
        self.field_name(f?)
    }

    /// The field index a normalized label names in the section at `idx`.
    pub(super) fn field_in(
        &self,
        idx: usize,
        table: &HashMap<String, usize>,
        normalized: &str,
        names: &Names,
    ) -> Option<usize> {
        table.get(normalized).copied().or_else(|| {
            self.is_tokenized(idx)
                .then(|| self.field_by_label(idx, table, normalized, names))
                .flatten()
        })
    }

    /// The key of the field at index `f`.
    pub(super) fn field_name(&self, f: usize) -> Option<&str> {
        self.field_names.get(f).map(String::as_str)
    }

    /// Which phase a phase name means: `Crawl`, `Phase 1: Crawl (pilot)`, `🐢 crawl`.
    pub fn phase_for(&self, name: &str) -> Option<PhaseKind> {
        with_scratch(name, |n| self.phase_in(n))
    }

    /// [`Vocabulary::phase_for`] of a normalized name.
    ///
    /// The phase word written first names the phase (`Walk (for 8 weeks after crawl)`
    /// is the walk); words that only count (`phase 1`) are asked only when no other
    /// word is there. At one place, the longest word wins.
    pub(super) fn phase_in(&self, normalized: &str) -> Option<PhaseKind> {
        let mut best: Option<(bool, usize, PhaseKind)> = None;
        for &(ref w, k, ordinal) in &self.phase_words {
            if best.is_some_and(|(o, _, _)| o != ordinal) {
                break;
            }
            if let Some(at) = find_words(normalized, w) {
                if best.is_none_or(|(_, b, _)| at < b) {
                    best = Some((ordinal, at, k));
                }
            }
        }
        best.map(|(_, _, k)| k)
    }

    /// What a timeline column header or phase item label is: `Go/No-Go`, `Dates`, `Result`.
    pub fn phase_part_for(&self, label: &str) -> Option<PhasePart> {
        with_scratch(label, |n| self.phase_parts.get(n).copied())
    }

    /// What a timeline table's column title names: an exact alias, else its words
    /// (`Go/No-Go criterion`, `Milestone (go/no-go)`; see `vocab::columns`).
    pub fn phase_column_for(&self, title: &str) -> Option<PhasePart> {
        self.column_keywords
            .part_of(title, |n| self.phase_parts.get(n).copied())
    }

    /// What a metrics table column header or metric label is.
    pub fn metric_part_for(&self, label: &str) -> Option<MetricPart> {
        with_scratch(label, |n| self.metric_parts.get(n).copied())
    }
}

/// Whether a phase word names a phase by its place in the order (`phase 1`,
/// `stage two`) rather than by what it is.
fn counts(word: &str) -> bool {
    const ORDINALS: [&str; 10] = [
        "one", "two", "three", "four", "first", "second", "third", "fourth", "i", "ii",
    ];
    word.split(' ')
        .any(|w| w.bytes().any(|b| b.is_ascii_digit()) || ORDINALS.contains(&w))
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
mod tests;

/// The words before a spaced dash (`Goals — agreed first` → `Goals`), when there are.
fn before_dash(heading: &str) -> Option<&str> {
    let cut = [" — ", " – ", " -- "]
        .iter()
        .filter_map(|d| heading.find(d))
        .min()?;
    let head = heading.get(..cut)?.trim();
    (!head.is_empty()).then_some(head)
}
