//! A label read through the sides' names when no alias matches it as written: the
//! names and pronouns read as side tokens, people who are neither side, the words
//! that name a role, the side and its own words.
//!
//! Each reading matches only labels with some word it needs (a name, a pronoun, `for`,
//! a keyword's first word, a token; `{others}` among the section's aliases). The label's words are looked
//! at once for all of them, and a reading none of whose words is there is not asked:
//! most labels (and most openings of sentences) have none, and are ruled out in a few
//! byte comparisons a word.

use super::heading::{stem, Keywords};
use super::names::{
    is_group_form, is_people, is_pronoun_bytes, others_form, people_form, pronouns_as_sides,
    shared_group,
};
use super::names::{Names, OTHERS};
use super::normalise::Prefixes;
use super::sides::field_by_side;
use super::table::Vocabulary;
use rustc_hash::FxHashMap as HashMap;

/// The aliases of one section that name people who are neither side: the first words
/// of those such as `for {others}`, and whether `{others}` alone is one.
#[derive(Clone, Debug, Default)]
pub(super) struct OthersForms {
    firsts: Vec<String>,
    alone: bool,
}

impl OthersForms {
    fn of(table: &HashMap<String, usize>) -> OthersForms {
        let mut forms = OthersForms::default();
        for alias in table.keys() {
            if alias == OTHERS {
                forms.alone = true;
            } else if let Some(first) = alias.strip_suffix(OTHERS).and_then(|a| a.strip_suffix(' '))
            {
                if !first.contains(' ') {
                    forms.firsts.push(first.to_string());
                }
            }
        }
        forms
    }
}

/// What a normalized label's words hold that a reading needs.
#[derive(Default)]
struct Words {
    /// A word a side's name may start at (see [`Names::may_start`]).
    name: bool,
    pronoun: bool,
    /// A `{company}`-style token (written so, or read from a name).
    token: bool,
    /// The word `for`: people after it are neither side (`for shared customers`).
    for_word: bool,
    /// A word a keyword phrase of the section starts with, once stemmed.
    keyword: bool,
    /// A word an alias for people who are neither side may start with (`for`), or a
    /// noun for people when `{others}` alone is one; looked for only when asked.
    others: bool,
}

impl Words {
    fn of(
        label: &str,
        names: Option<&Names>,
        keywords: &Keywords,
        others: Option<&OthersForms>,
    ) -> Words {
        let mut w = Words::default();
        let with_keywords = !keywords.is_empty();
        let bytes = label.as_bytes();
        let mut start = 0;
        // Byte by byte rather than `split`: labels are a few short words.
        for end in 0..=bytes.len() {
            match bytes.get(end) {
                Some(b' ') | None => {}
                Some(b'{') => {
                    w.token = true;
                    continue;
                }
                Some(_) => continue,
            }
            // Words end at spaces, which are char boundaries.
            let word = label.get(start..end).unwrap_or_default();
            start = end + 1;
            let b = word.as_bytes();
            w.name |= names.is_some_and(|n| n.may_start(b));
            w.pronoun |= is_pronoun_bytes(b);
            w.for_word |= b == b"for";
            w.keyword |= with_keywords && keywords.starts_phrase(stem(word));
            w.others |= others
                .is_some_and(|o| o.firsts.iter().any(|f| f == word) || o.alone && is_people(word));
        }
        w
    }

    /// Whether a reading may match a label of these words.
    fn any(&self) -> bool {
        self.name || self.pronoun || self.token || self.for_word || self.keyword || self.others
    }
}

/// The fields the prefixes of a text (a sentence's opening, run by run of words) name
/// in one section: the section found once, and the names read only if some word of
/// the longest prefix is one a reading needs (each prefix's words are among its).
pub struct PrefixFields<'v, 'p> {
    vocab: &'v Vocabulary,
    idx: usize,
    table: &'v HashMap<String, usize>,
    names: &'v Names,
    prefixes: &'p Prefixes,
    by_names: bool,
}

impl<'v> PrefixFields<'v, '_> {
    /// The field the prefix up to cut `i` names, as [`Vocabulary::field_for`] answers
    /// of it but for groups the partnership serves, read in labels only (see
    /// [`Vocabulary::field_by_label`]).
    pub fn get(&self, i: usize) -> Option<&'v str> {
        let n = self.prefixes.get(i)?;
        let f = match self.table.get(n) {
            Some(&f) => f,
            None if self.by_names => self
                .vocab
                .field_by_names(self.idx, self.table, n, self.names)?,
            None => return None,
        };
        self.vocab.field_name(f)
    }
}

impl Vocabulary {
    /// The fields `prefixes` name in `section` (see [`PrefixFields`]).
    pub fn prefix_fields<'v, 'p>(
        &'v self,
        section: &str,
        names: &'v Names,
        prefixes: &'p Prefixes,
    ) -> Option<PrefixFields<'v, 'p>> {
        let (idx, table) = self.field_table(section)?;
        let by_names = self.is_tokenized(idx) && {
            let no_keywords = Keywords::default();
            let keywords = self.field_keywords.get(idx).unwrap_or(&no_keywords);
            let others = self.others_forms().get(idx);
            Words::of(prefixes.words(), Some(names), keywords, others).any()
        };
        Some(PrefixFields {
            vocab: self,
            idx,
            table,
            names,
            prefixes,
            by_names,
        })
    }

    /// Per section index: its aliases for people who are neither side.
    fn others_forms(&self) -> &[OthersForms] {
        self.others_forms
            .get_or_init(|| self.fields.iter().map(OthersForms::of).collect())
    }

    /// The field index a label names through the names, given it normalized: asked
    /// only when the plain lookup misses. Each reading is asked, in this order, only
    /// when the label has a word it needs: one that misses for want of one would miss.
    pub(super) fn field_by_names(
        &self,
        idx: usize,
        table: &HashMap<String, usize>,
        normalized: &str,
        names: &Names,
    ) -> Option<usize> {
        let no_keywords = Keywords::default();
        let keywords = self.field_keywords.get(idx).unwrap_or(&no_keywords);
        let plain = Words::of(normalized, Some(names), keywords, None);
        // `tokenize` finds a name only where a word may start one.
        let named = if plain.name {
            names.tokenize_named(normalized)
        } else {
            None
        };
        if let Some(f) = named.as_deref().and_then(|t| table.get(t)) {
            return Some(*f);
        }
        let (label, words) = match named.as_deref() {
            Some(t) => (t, Words::of(t, None, keywords, None)),
            None => (normalized, plain),
        };
        // `Our side`, `Owner (us)`: a pronoun stands for the side's name.
        if words.pronoun {
            if let Some(f) = pronouns_as_sides(label).and_then(|t| table.get(&t).copied()) {
                return Some(f);
            }
        }
        let others = self.others_forms().get(idx);
        // `For patients`: people who are neither side (`others_form` keeps the first
        // word and reads the rest as `{others}`).
        let first = label.split(' ').next().unwrap_or_default();
        if others.is_some_and(|o| o.firsts.iter().any(|f| f == first)) {
            if let Some(f) = others_form(label).and_then(|t| table.get(&t).copied()) {
                return Some(f);
            }
        }
        // `Shoppers`, `Sellers we share`: a group of people and nothing else.
        if others.is_some_and(|o| o.alone) {
            if let Some(f) = people_form(label).and_then(|t| table.get(&t).copied()) {
                return Some(f);
            }
        }
        // `Account lead for the partnership`: a word for a role no side owns, before
        // the side's own fields, so `Keel partner manager` is not Keel's owner.
        if words.keyword {
            if let Some(f) = keywords.section_of(label) {
                return Some(f);
            }
        }
        // `Helix's objective`, `What Keel stands to lose`: the side and its own words.
        // A side is read from a token, a pronoun, or people after `for`.
        if !(words.token || words.pronoun || words.for_word) {
            return None;
        }
        field_by_side(self.side_fields().get(idx)?, label)
    }

    /// [`Vocabulary::field_by_names`], then a label that names only groups the
    /// partnership serves (`Member farms`, `Students and parents`) where `{others}`
    /// alone is an alias. Labels only: a sentence may open with any plural
    /// (`Renewals rise`), a label set off as one names whose line it is.
    pub(super) fn field_by_label(
        &self,
        idx: usize,
        table: &HashMap<String, usize>,
        normalized: &str,
        names: &Names,
    ) -> Option<usize> {
        self.shared_field(idx, table, normalized)
            .or_else(|| self.field_by_names(idx, table, normalized, names))
            .or_else(|| self.field_by_group(idx, table, normalized, names))
    }

    /// [`Vocabulary::field_for`] of a sentence's opening: [`PrefixFields::get`]'s plain
    /// reference.
    #[cfg(test)]
    pub(super) fn opening_field_for(
        &self,
        section: &str,
        label: &str,
        names: &Names,
    ) -> Option<&str> {
        let (idx, table) = self.field_table(section)?;
        let n = super::normalize(label);
        let f = table.get(&n).copied().or_else(|| {
            self.is_tokenized(idx)
                .then(|| self.field_by_names(idx, table, &n, names))
                .flatten()
        });
        self.field_name(f?)
    }

    /// The `{others}` field for a label that says both sides share a group of anything
    /// but a section's words (`The bookshops we both serve`; not `Targets we share`).
    /// Labels only, as for [`Vocabulary::field_by_group`]: a sentence may open with
    /// any plural.
    pub(super) fn shared_field(
        &self,
        idx: usize,
        table: &HashMap<String, usize>,
        label: &str,
    ) -> Option<usize> {
        if !self.others_forms().get(idx).is_some_and(|o| o.alone) {
            return None;
        }
        let noun = shared_group(label)?;
        let names_section = self.section_aliases.contains_key(noun)
            || self.section_keywords().section_of(noun).is_some();
        (!names_section)
            .then(|| table.get(OTHERS).copied())
            .flatten()
    }

    /// The `{others}` field for a label of groups of people or organisations (see
    /// [`is_group_form`]) that names neither side nor a section by the pack's words
    /// (`Targets`, `Non-goals`, `Risks` are plurals too).
    fn field_by_group(
        &self,
        idx: usize,
        table: &HashMap<String, usize>,
        normalized: &str,
        names: &Names,
    ) -> Option<usize> {
        // The cheap tests first: the section and the label's last word.
        if !self.others_forms().get(idx).is_some_and(|o| o.alone) || !is_group_form(normalized) {
            return None;
        }
        let names_side = names.tokenize_named(normalized).is_some();
        let names_section = self.section_aliases.contains_key(normalized)
            || self.section_keywords().section_of(normalized).is_some();
        if names_side || names_section {
            return None;
        }
        table.get(OTHERS).copied()
    }
}

#[cfg(test)]
mod tests;
