//! A timeline table's column titles read by their words, the way a person reads them:
//! `Go/No-Go criterion`, `Milestone (go/no-go)`, `Scope and deliverables` and `Content`
//! name a phase's bar and scope though no exact alias in `[columns.timeline]` does.
//!
//! The keywords are data in the pack (`[column-keywords.timeline]`), matched as whole
//! words with the plural fold of section headings (see [`super::heading`]); the title's
//! own words are read before an aside in brackets, which is read only when they name
//! nothing (`Milestone (go/no-go)` is a milestone column, `Outcome (as of March)` a
//! result).

use super::heading::Keywords;
use super::normalise::with_scratch;
use super::spec::PhasePart;

/// The parts in the order their keyword index counts them.
const PARTS: [PhasePart; 7] = [
    PhasePart::Phase,
    PhasePart::Start,
    PhasePart::End,
    PhasePart::Dates,
    PhasePart::Scope,
    PhasePart::GoNoGo,
    PhasePart::Result,
];

/// The words that name each part of a phase in a column title.
#[derive(Clone, Debug, Default)]
pub struct ColumnKeywords {
    words: Keywords,
}

impl ColumnKeywords {
    /// Add a keyword (already normalized) for `part`.
    pub fn add(&mut self, normalized: &str, part: PhasePart) {
        if let Some(i) = PARTS.iter().position(|p| *p == part) {
            self.words.add(normalized, i);
        }
    }

    /// The part a column title names by keyword: its words before any bracket first,
    /// then the aside inside it. `exact` looks up a normalized piece by alias first, so
    /// that `Dates (planned)` is the dates column whatever the keywords say.
    pub fn part_of(
        &self,
        title: &str,
        exact: impl Fn(&str) -> Option<PhasePart>,
    ) -> Option<PhasePart> {
        let read = |piece: &str| {
            with_scratch(piece, |n| {
                exact(n).or_else(|| PARTS.get(self.words.section_of(n)?).copied())
            })
        };
        let Some(cut) = memchr::memchr2(b'(', b'[', title.as_bytes()) else {
            return read(title);
        };
        let (head, aside) = title.split_at(cut);
        read(head).or_else(|| read(aside))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::normalize;

    fn keywords() -> ColumnKeywords {
        let mut k = ColumnKeywords::default();
        for (w, p) in [
            ("period", PhasePart::Dates),
            ("content", PhasePart::Scope),
            ("deliverable", PhasePart::Scope),
            ("criterion", PhasePart::GoNoGo),
            ("milestone", PhasePart::GoNoGo),
            ("go no go", PhasePart::GoNoGo),
            ("outcome", PhasePart::Result),
        ] {
            k.add(&normalize(w), p);
        }
        k
    }

    #[test]
    fn titles_are_read_by_their_words() {
        let k = keywords();
        let none = |_: &str| None;
        for (title, want) in [
            ("Go/No-Go criterion", Some(PhasePart::GoNoGo)),
            ("Milestone (go/no-go)", Some(PhasePart::GoNoGo)),
            ("Scope and deliverables", Some(PhasePart::Scope)),
            ("Content", Some(PhasePart::Scope)),
            ("Key deliverables", Some(PhasePart::Scope)),
            ("Period", Some(PhasePart::Dates)),
            // The aside is read when the title's own words name nothing.
            ("Decision (go/no-go)", Some(PhasePart::GoNoGo)),
            ("WP", None),
            ("Owner", None),
        ] {
            assert_eq!(k.part_of(title, none), want, "{title}");
        }
    }

    #[test]
    fn an_exact_alias_wins_and_the_head_before_the_aside() {
        let k = keywords();
        let exact = |n: &str| (n == "result").then_some(PhasePart::Result);
        assert_eq!(
            k.part_of("Result (milestone)", exact),
            Some(PhasePart::Result)
        );
        assert_eq!(
            k.part_of("Outcome (vs. criterion)", |_| None),
            Some(PhasePart::Result)
        );
    }
}
