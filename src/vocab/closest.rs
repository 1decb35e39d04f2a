//! Which unrecognised heading could have been a missing section: what
//! `missing-section` points at, and why `--fix` leaves that section to the writer.

use super::heading::{stem, strip_numbering};
use super::normalise::normalize;
use super::table::Vocabulary;
use crate::model::{Unread, UnreadKind};

/// Words too common in headings to tie one to a section.
const COMMON: &[&str] = &[
    "and",
    "the",
    "a",
    "an",
    "of",
    "for",
    "to",
    "in",
    "on",
    "our",
    "we",
    "us",
    "their",
    "partner",
    "partnership",
    "criteria",
    "what",
    "how",
    "when",
    "who",
    "why",
    "each",
    "side",
    "both",
    "this",
    "it",
    "is",
    "are",
    "do",
    "does",
    "will",
];

impl Vocabulary {
    /// The unread heading closest to section `key`: the one sharing most words with the
    /// section's title, aliases and keywords, or else one within a few edits of an
    /// alias (`Timline`). `None` when no heading is close.
    pub fn closest_heading<'c>(&self, key: &str, unread: &'c [Unread]) -> Option<&'c Unread> {
        let idx = self.sections.iter().position(|(k, _)| k == key)?;
        let aliases: Vec<String> = self
            .section_aliases
            .iter()
            .filter(|(_, i)| **i == idx)
            .map(|(a, _)| a.clone())
            .chain([normalize(&self.sections[idx].1)])
            .collect();
        let words = self
            .distinct_words
            .get_or_init(|| self.distinct_words())
            .get(idx)?;
        unread
            .iter()
            .filter(|u| matches!(u.kind, UnreadKind::Heading { .. }))
            .filter_map(|u| {
                let heading = normalize(strip_numbering(&u.text.text));
                let shared = heading
                    .split(' ')
                    .map(stem)
                    .filter(|w| words.iter().any(|d| d == w))
                    .count();
                let edits = aliases
                    .iter()
                    // The distance is at least the difference in length: no table
                    // for a heading that cannot be a typo of the alias.
                    .filter(|a| a.len().abs_diff(heading.len()) <= 2)
                    .map(|a| crate::suggest::edit_distance(&heading, a))
                    .min()
                    .unwrap_or(usize::MAX);
                // One edit in a short heading (`Timline`), two in a longer one: `Notes`
                // is two edits from `roles` and no typo of it.
                let typo = edits <= if heading.len() < 10 { 1 } else { 2 };
                // More shared words first, then fewer edits, then a heading outside
                // every section, then the earlier one.
                (shared > 0 || typo).then_some((
                    std::cmp::Reverse(shared),
                    edits,
                    u.section.is_some(),
                    u.text.span.start,
                    u,
                ))
            })
            .min_by_key(|c| (c.0, c.1, c.2, c.3))
            .map(|c| c.4)
    }

    /// Per section: the words of [`Vocabulary::section_words`] no other section uses
    /// (`plan` is in both `exit plan` and `rollout plan`, so it ties a heading to neither).
    pub(super) fn distinct_words(&self) -> Vec<Vec<String>> {
        let all: Vec<Vec<String>> = (0..self.sections.len())
            .map(|i| self.section_words(i))
            .collect();
        all.iter()
            .enumerate()
            .map(|(i, words)| {
                words
                    .iter()
                    .filter(|w| {
                        !all.iter()
                            .enumerate()
                            .any(|(j, o)| j != i && o.binary_search(w).is_ok())
                    })
                    .cloned()
                    .collect()
            })
            .collect()
    }

    /// The stemmed words of section `idx`'s key, title, aliases and keywords, sorted,
    /// without the common ones.
    fn section_words(&self, idx: usize) -> Vec<String> {
        let title = self
            .sections
            .get(idx)
            .map(|(k, t)| normalize(&format!("{k} {t}")));
        let mut words: Vec<String> = self
            .section_aliases
            .iter()
            .filter(|(_, i)| **i == idx)
            .map(|(a, _)| a.as_str())
            .chain(title.as_deref())
            .flat_map(|a| a.split(' '))
            .map(stem)
            .chain(self.section_keywords().words_of(idx))
            .filter(|w| !w.is_empty() && !COMMON.iter().any(|c| stem(c) == *w))
            .map(str::to_string)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Span, Text, Unread, UnreadKind};

    fn heading(text: &str, at: usize) -> Unread {
        Unread {
            kind: UnreadKind::Heading { level: 2 },
            text: Text::new(text, Span::new(at, at + text.len())),
            section: None,
        }
    }

    #[test]
    fn the_heading_closest_to_the_section_is_named() {
        let v = crate::vocab::default_vocab();
        let unread = [
            heading("Partnership charter", 0),
            heading("Shipping planning", 10),
            heading("Timline", 30),
            heading("Appendix: glossary", 40),
        ];
        let text = |u: Option<&Unread>| u.map(|u| u.text.text.clone());
        // "Shipping planning" shares no word; "Timline" is one edit from "timeline".
        assert_eq!(
            text(v.closest_heading("timeline", &unread)),
            Some("Timline".into())
        );
        assert_eq!(text(v.closest_heading("exit", &unread)), None);
        let unread = [
            heading("Our ways of deciding", 0),
            heading("Exit plan B", 5),
        ];
        assert_eq!(
            text(v.closest_heading("exit", &unread)),
            Some("Exit plan B".into())
        );
    }
}
