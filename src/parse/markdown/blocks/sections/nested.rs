//! A sub-heading that names a section the charter never opens opens it: a decision
//! record's `### Consequences — what each side commits and risks` under its `##
//! Decision outcome` is the value exchange, not more of the goals. Decided once every
//! heading is read, as only then is it known that the section is opened nowhere else.
//! A sub-heading that is a field, phase or phase part of its section stays in it
//! (`### Success for us` under the goals), and so does one with a sibling after it.

use super::super::{trim_end, Builder, Kind, RawSection};
use super::BOLD_LEVEL;
use crate::model::{Span, Text};
use crate::vocab::HeadingMatch;

impl<'a> Builder<'a> {
    /// Split off, as its own section, the last sub-heading of a section that names
    /// another section by a keyword when the charter has no such section.
    pub(in crate::parse::markdown::blocks) fn open_nested(&mut self) {
        let mut i = self.out.sections.len();
        while i > 0 {
            i -= 1;
            if let Some(new) = self.nested(i) {
                let end = new.0;
                let Some(s) = self.out.sections.get_mut(i) else {
                    continue;
                };
                s.blocks.end = end;
                s.span = trim_end(self.src, Span::new(s.span.start, new.1.span.start));
                self.out.sections.insert(i + 1, new.1);
            }
        }
    }

    /// The section that section `i`'s last sub-heading opens, with the index of that
    /// sub-heading's block (where section `i` now ends).
    fn nested(&self, i: usize) -> Option<(usize, RawSection<'a>)> {
        let s = self.out.sections.get(i)?;
        if s.key.is_empty() {
            return None;
        }
        let blocks = self.out.pool.get(s.blocks.clone())?;
        // The last heading deeper than the section's own that no later sibling follows.
        let (at, b, level) = blocks
            .iter()
            .enumerate()
            .rev()
            .find_map(|(j, b)| match b.kind {
                Kind::Heading(l) => Some((j, b, l)),
                _ => None,
            })?;
        if level <= s.level || level >= BOLD_LEVEL {
            return None;
        }
        let text = b.text.as_str();
        let lookup = self.lookup;
        let Some((key, HeadingMatch::Keyword)) = lookup.heading_for(text) else {
            return None;
        };
        let opened = self.out.sections.iter().any(|o| o.key == key);
        let part = lookup.field_for(s.key, text).is_some()
            || lookup.phase_for(text).is_some()
            || lookup.phase_part_for(text).is_some();
        if key == s.key || opened || part {
            return None;
        }
        let at = s.blocks.start + at;
        // A heading that is a field of its new section (`### What Fieldwise gives`) is
        // also its first block, as when it opens a section at its own level.
        let first = if self.heads_itself(key, text) {
            at
        } else {
            at + 1
        };
        Some((
            at,
            RawSection {
                key,
                heading: Text::new(text, b.span),
                level,
                span: Span::new(b.span.start, s.span.end),
                body_start: b.span.end,
                blocks: first..s.blocks.end,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Charter;
    use crate::source::Source;
    use crate::vocab::default_vocab;

    fn keys(body: &str) -> Vec<String> {
        let text = format!("+++\npartner = \"Orbital\"\ncompany = \"Keel\"\n+++\n\n{body}");
        let c: Charter =
            crate::parse::markdown::parse(&Source::new("t.charter.md", text), &default_vocab());
        c.sections.iter().map(|s| s.key.clone()).collect()
    }

    #[test]
    fn a_sub_heading_naming_a_section_never_opened_opens_it() {
        let body = "## Decision outcome\n\n- Keel: more\n- Orbital: less\n\n\
                    ### Consequences — what each side commits and risks\n\n- Keel gives: two engineers\n\n\
                    ## Governance\n\n- Keel owner: Priya\n";
        assert_eq!(keys(body), ["goals", "value-exchange", "governance"]);
    }

    #[test]
    fn fields_siblings_and_opened_sections_stay_inside() {
        // A field of the enclosing section.
        let body = "## Goals\n\n### Success for us\n\nMore.\n\n## Governance\n\n- Owner: Priya\n";
        assert_eq!(keys(body), ["goals", "governance"]);
        // The section is opened elsewhere.
        let body = "## Goals\n\n- Keel: more\n\n### What each side commits\n\nTwo.\n\n\
                    ## Value exchange\n\n- Keel gives: two\n";
        assert_eq!(keys(body), ["goals", "value-exchange"]);
        // A sibling follows it: it is one of several parts of its section.
        let body = "## Goals\n\n### What each side commits\n\nTwo.\n\n### Later\n\nMore.\n";
        assert_eq!(keys(body), ["goals"]);
    }
}
