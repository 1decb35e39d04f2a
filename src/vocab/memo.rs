//! Remembered look-ups: what one vocabulary answered about each raw label.
//!
//! Charters reuse the same few hundred labels ("We give", "Go/No-Go", "Owner"), so a
//! parser that keeps a [`Memo`] from one charter to the next pays for most look-ups with
//! one hash of the raw label instead of a normalization and a second hash. A memo holds
//! the vocabulary it answers for, so its answers cannot cross to another one.

use super::heading::HeadingMatch;
use super::names::{same, Names};
use super::normalise::normalize;
use super::spec::{MetricPart, PhasePart};
use super::table::Vocabulary;
use crate::model::PhaseKind;
use hashbrown::{hash_table, HashTable};
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};
use std::cell::{Cell, RefCell};
use std::hash::BuildHasher;

/// Labels this long are not remembered: a label is a few words, and the memo should
/// hold many of them, not a few paragraphs.
pub(super) const REMEMBERED_LABEL_BYTES: usize = 96;
/// Labels remembered before the memo is emptied and starts over (a few hundred KB at most).
const MEMO_LABELS: usize = 4096;
/// Sections whose field answers an [`Entry`] holds; the default pack has 7. Labels in
/// further sections are looked up afresh each time.
const FIELD_SECTIONS: usize = 16;

/// One vocabulary's answers about the labels seen so far. Kept by a parser for as many
/// charters as it likes (one per worker thread, say); each charter reads through a
/// [`Lookup`] made for its names.
pub struct Memo<'v> {
    vocab: &'v Vocabulary,
    labels: Labels,
}

impl<'v> Memo<'v> {
    pub fn new(vocab: &'v Vocabulary) -> Memo<'v> {
        Memo {
            vocab,
            labels: Labels::default(),
        }
    }

    /// The vocabulary this memo answers for.
    pub fn vocab(&self) -> &'v Vocabulary {
        self.vocab
    }

    /// Look-ups for one charter, whose sides are `names`.
    pub fn lookup<'a>(&'a mut self, names: &'a Names) -> Lookup<'a> {
        // The answers read through the names belong to the previous charter's names.
        self.labels.names += 1;
        Lookup {
            vocab: self.vocab,
            names,
            labels: RefCell::new(&mut self.labels),
            section: Cell::new(None),
        }
    }
}

/// A vocabulary's look-ups for one charter, remembered in a [`Memo`]. Each answers as
/// the [`Vocabulary`] method of the same name does.
pub struct Lookup<'a> {
    vocab: &'a Vocabulary,
    names: &'a Names,
    labels: RefCell<&'a mut Labels>,
    /// The section whose fields were asked last, and its index: a section's labels
    /// are read one after another.
    section: Cell<Option<(&'a str, usize)>>,
}

impl<'a> Lookup<'a> {
    pub fn vocab(&self) -> &'a Vocabulary {
        self.vocab
    }

    /// The names of the charter's two sides.
    pub fn names(&self) -> &'a Names {
        self.names
    }

    /// `f` on the entry for `s` with the names' generation; `None` when `s` is too long
    /// to remember (then the caller asks the vocabulary).
    #[inline]
    fn with_entry<R>(&self, s: &str, f: impl FnOnce(&mut Entry, u64) -> R) -> Option<R> {
        // Look-ups do not nest; were one to, it would ask the vocabulary instead.
        let mut labels = self.labels.try_borrow_mut().ok()?;
        let names = labels.names;
        labels.entry(s).map(|e| f(e, names))
    }

    /// [`Vocabulary::section_for`].
    pub fn section_for(&self, heading: &str) -> Option<&'a str> {
        let v = self.vocab;
        let Some(i) = self.with_entry(heading, |e, _| {
            e.section.get_or(|| v.section_index(&e.norm, heading))
        }) else {
            return v.section_for(heading);
        };
        Some(&v.sections.get(i?)?.0)
    }

    /// [`Vocabulary::heading_for`].
    pub fn heading_for(&self, heading: &str) -> Option<(&'a str, HeadingMatch)> {
        let v = self.vocab;
        let Some(found) = self.with_entry(heading, |e, _| {
            if let Some(known) = e.heading.get() {
                return known.map(|i| (i, e.heading_how));
            }
            let found = v.heading_index(&e.norm, heading);
            e.heading.set(found.map(|f| f.0));
            if let Some((_, how)) = found {
                e.heading_how = how;
            }
            found
        }) else {
            return v.heading_for(heading);
        };
        let (i, how) = found?;
        Some((&v.sections.get(i)?.0, how))
    }

    /// [`Vocabulary::field_for`], with the charter's names.
    pub fn field_for(&self, section: &str, label: &str) -> Option<&'a str> {
        let v = self.vocab;
        let (idx, table) = self.field_table(section)?;
        let tokenized = v.is_tokenized(idx);
        let f = self.with_entry(label, |e, names| {
            let plain = match e.fields.get_mut(idx) {
                Some(slot) => slot.get_or(|| table.get(&*e.norm).copied()),
                None => table.get(&*e.norm).copied(),
            };
            if plain.is_some() || !tokenized {
                return plain;
            }
            // The names differ per charter: read after the plain lookup misses, and
            // remembered for this charter (headings are looked up twice).
            e.keep_named_for(names);
            let by_names = |n: &str| v.field_by_label(idx, table, n, self.names);
            match e.named.get_mut(idx) {
                Some(slot) => slot.get_or(|| by_names(&e.norm)),
                None => by_names(&e.norm),
            }
        });
        match f {
            Some(f) => v.field_name(f?),
            None => v.field_for(section, label, self.names),
        }
    }

    /// [`Vocabulary::field_table`], the last answer kept.
    fn field_table(&self, section: &str) -> Option<(usize, &'a HashMap<String, usize>)> {
        let v = self.vocab;
        let idx = match self.section.get() {
            Some((key, idx)) if key == section => idx,
            _ => {
                let (idx, _) = v.field_table(section)?;
                self.section
                    .set(Some((v.sections.get(idx)?.0.as_str(), idx)));
                idx
            }
        };
        Some((idx, v.fields.get(idx)?))
    }

    /// [`Vocabulary::phase_for`].
    pub fn phase_for(&self, name: &str) -> Option<PhaseKind> {
        let v = self.vocab;
        self.with_entry(name, |e, _| known_or(&mut e.phase, || v.phase_in(&e.norm)))
            .unwrap_or_else(|| v.phase_for(name))
    }

    /// [`Vocabulary::phase_part_for`].
    pub fn phase_part_for(&self, label: &str) -> Option<PhasePart> {
        let v = self.vocab;
        self.with_entry(label, |e, _| {
            known_or(&mut e.phase_part, || v.phase_parts.get(&*e.norm).copied())
        })
        .unwrap_or_else(|| v.phase_part_for(label))
    }

    /// [`Vocabulary::phase_column_for`]: the remembered alias first, as most titles
    /// are one.
    pub fn phase_column_for(&self, title: &str) -> Option<PhasePart> {
        self.phase_part_for(title)
            .or_else(|| self.vocab.phase_column_for(title))
    }

    /// [`Vocabulary::metric_part_for`].
    pub fn metric_part_for(&self, label: &str) -> Option<MetricPart> {
        let v = self.vocab;
        self.with_entry(label, |e, _| {
            known_or(&mut e.metric_part, || v.metric_parts.get(&*e.norm).copied())
        })
        .unwrap_or_else(|| v.metric_part_for(label))
    }
}

/// The raw labels seen, each with its hash (kept, so that growing the table hashes
/// nothing again) and what is known about it.
#[derive(Default)]
struct Labels {
    table: HashTable<Remembered>,
    /// Counts the charters looked up: tells whose names an entry's `named` answers
    /// belong to.
    names: u64,
}

struct Remembered {
    hash: u64,
    label: Box<str>,
    entry: Entry,
}

impl Labels {
    /// The entry for `s`, made when missing; `None` when `s` is too long to remember.
    #[inline]
    fn entry(&mut self, s: &str) -> Option<&mut Entry> {
        if s.len() > REMEMBERED_LABEL_BYTES {
            return None;
        }
        let hash = FxBuildHasher.hash_one(s);
        let found = |c: &Remembered| c.hash == hash && same(c.label.as_bytes(), s.as_bytes());
        if self.table.len() >= MEMO_LABELS && self.table.find(hash, found).is_none() {
            self.table.clear();
        }
        let c = match self.table.entry(hash, found, |c| c.hash) {
            hash_table::Entry::Occupied(o) => o.into_mut(),
            hash_table::Entry::Vacant(v) => v
                .insert(Remembered {
                    hash,
                    label: s.into(),
                    entry: Entry::new(normalize(s).into()),
                })
                .into_mut(),
        };
        Some(&mut c.entry)
    }
}

/// What is known about one raw label: its normalized form and, once asked, each
/// lookup's answer. A label seen again costs one hash of the raw text, whatever is
/// asked of it.
struct Entry {
    norm: Box<str>,
    section: Slot,
    /// The Markdown heading answer, and how it matched (meaningful once `heading` is known).
    heading: Slot,
    heading_how: HeadingMatch,
    phase: Option<Option<PhaseKind>>,
    phase_part: Option<Option<PhasePart>>,
    metric_part: Option<Option<MetricPart>>,
    /// Per section index: the field the label names in that section's table, before
    /// any names are read.
    fields: [Slot; FIELD_SECTIONS],
    /// The charter ([`Labels::names`]) the answers below belong to.
    names: u64,
    /// Per section index: the field the label names once the names are read as tokens
    /// (asked only when `fields` has none). A heading such as `Keel gives` is looked up
    /// more than once per charter, and tokenizing it costs more than the lookup.
    named: [Slot; FIELD_SECTIONS],
}

impl Entry {
    fn new(norm: Box<str>) -> Entry {
        Entry {
            norm,
            section: Slot::UNKNOWN,
            heading: Slot::UNKNOWN,
            heading_how: HeadingMatch::Alias,
            phase: None,
            phase_part: None,
            metric_part: None,
            fields: [Slot::UNKNOWN; FIELD_SECTIONS],
            names: 0,
            named: [Slot::UNKNOWN; FIELD_SECTIONS],
        }
    }

    /// Forget the answers in `named` if they belong to another charter's names.
    fn keep_named_for(&mut self, names: u64) {
        if self.names != names {
            self.names = names;
            self.named = [Slot::UNKNOWN; FIELD_SECTIONS];
        }
    }
}

/// A remembered `Option<usize>` answer in a byte: 0 not asked yet, 1 `None`, `2 + i` `Some(i)`.
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

    /// The remembered answer, else `f`'s, remembered.
    fn get_or(&mut self, f: impl FnOnce() -> Option<usize>) -> Option<usize> {
        if let Some(known) = self.get() {
            return known;
        }
        let v = f();
        self.set(v);
        v
    }
}

/// The remembered answer in `slot`, else `f`'s, remembered.
fn known_or<T: Copy>(slot: &mut Option<Option<T>>, f: impl FnOnce() -> Option<T>) -> Option<T> {
    *slot.get_or_insert_with(f)
}

#[cfg(test)]
mod tests;
