//! What a heading does as the blocks go by: open a section, stay inside the open one
//! as a sub-heading, or start a stretch whose content decides what it is
//! (docs/format.md, Sections).
//!
//! A heading names a section by an exact alias or, failing that, by a keyword
//! (`vocab::heading`). A heading deeper than the open section's stays inside it when it
//! names one of its fields or phases, names nothing, or names a section only by a
//! keyword (`### Decision owners` under governance). A bold line (`**3. Commercials**`)
//! is a heading one level deeper than every real heading.

use super::{trim_end, Builder, Kind, RawSection};
use crate::model::{Side, Span, Text, Unread, UnreadKind};
use crate::parse::markdown::label::{field_of, Reader};
use crate::vocab::HeadingMatch;

/// The level a bold line stands at: below `######`, so that under a real heading's
/// section it is a sub-heading, and among other bold lines a sibling.
pub(super) const BOLD_LEVEL: u8 = 7;

/// The key of a stretch under a heading that names no section, until its content
/// decides (see [`Builder::close_section`]).
pub(super) const UNDECIDED: &str = "";

const SIGNATURES: &str = "signatures";

impl<'a> Builder<'a> {
    /// Whether the open stretch is under a heading that names nothing, not even a
    /// phase: a phase's prose (`Ten stores from 6 April`) is its scope and dates.
    pub(super) fn undecided(&self) -> bool {
        self.open
            .and_then(|i| self.out.sections.get(i))
            .is_some_and(|s| s.key == UNDECIDED)
            && !self.headed_by_itself()
    }

    /// A heading ends (or a bold line): decide whether it starts a section, is a
    /// sub-heading inside the open one, or starts a stretch its content decides.
    pub(super) fn heading(&mut self, level: u8, text: &str, span: Span) {
        let span = trim_end(self.src, span);
        let first = !std::mem::replace(&mut self.titled, true);
        let open = self
            .open
            .and_then(|i| self.out.sections.get(i))
            .map(|s| (s.key, s.level));
        // What the heading names, looked up at most once for all the questions below.
        let mut names = None;
        if let Some((key, open_level)) = open {
            if self.stays_inside(key, open_level, level, text, span, &mut names) {
                if let Some(b) = self
                    .push(Kind::Heading(level), span)
                    .and_then(|i| self.out.pool.get_mut(i))
                {
                    b.text.push_str(text);
                }
                self.content_end = self.content_end.max(span.end);
                return;
            }
        }
        self.close_section();
        // A first heading that names the document (`Brisa Payments + Quillon POS:
        // Partnership Charter`) or both sides (`Sprout × Gridline — how we're doing
        // this`) is the title unless it is a section's exact alias: its
        // keywords are not looked at (nor built, for a charter whose other headings are
        // all aliases).
        // The names first: most titles name both sides, and that costs less to see.
        let named = if first && (self.names_both(text) || self.lookup.vocab().is_title(text)) {
            self.lookup
                .vocab()
                .section_for(text)
                .map(|k| (k, HeadingMatch::Alias))
        } else {
            self.names_section(text, &mut names)
        };
        let key = match named {
            Some((key, _)) => key,
            None => {
                // The first heading, before any section, that names nothing is the
                // charter's title: nothing to recognise.
                if !first {
                    self.unread(level, text, span, None);
                }
                UNDECIDED
            }
        };
        self.out.sections.push(RawSection {
            key,
            heading: Text::new(text, span),
            level,
            span,
            body_start: span.end,
            blocks: self.out.len..self.out.len,
        });
        self.open = Some(self.out.sections.len() - 1);
        self.content_end = span.end;
        // A heading that is itself a field of its section (`### What Hopwell gives`,
        // with no `## Value exchange` above it) or a phase (`### Crawl`, with no
        // timeline heading) is also the first of the section's sub-headings, so that
        // the fill reads it as that field or phase and its body as the value.
        // A section's exact alias names the whole section, never one of its fields.
        let by_alias = matches!(named, Some((_, HeadingMatch::Alias)));
        if !first && !by_alias && self.heads_itself(key, text) {
            if let Some(b) = self
                .push(Kind::Heading(level), span)
                .and_then(|i| self.out.pool.get_mut(i))
            {
                b.text.push_str(text);
            }
        }
    }

    /// Whether a heading that opens section `key` is one of its fields, or, when it
    /// names no section, a phase.
    fn heads_itself(&self, key: &str, text: &str) -> bool {
        if key == UNDECIDED {
            return self.lookup.phase_for(text).is_some();
        }
        // `### Phase 1 — Crawl (22 Feb → 5 Mar)` names the timeline by its keyword and
        // is its first phase as well; `## Plan: crawl → walk → run` is the whole plan.
        if key == "timeline" {
            let mut kinds = text
                .split(['→', ',', '/', '&', '+', '|', '>'])
                .filter_map(|part| self.lookup.phase_for(part));
            return kinds.next().is_some_and(|first| kinds.all(|k| k == first));
        }
        let rd = Reader {
            src: self.src,
            lookup: self.lookup,
        };
        let Some(field) = field_of(&rd, key, text) else {
            return false;
        };
        // A heading over a whole section speaks of both sides as `we` (`Why are we
        // doing this?`, `What we each want`): read as a side's field only when it names
        // the side (`Success for Hopwell`) or no pronoun stands for one.
        let sided = self.lookup.vocab().side_field_keys(key).contains(&field);
        !sided || self.names_a_side(text) || !has_pronoun(text)
    }

    /// Whether a sibling that names no section is akin to the open section's heading:
    /// a side's field only when it shares a word with it besides the sides' names
    /// (`Success for Tessel` after `Success for Quarry`), as `Tessel's data access`
    /// after the goals does not; any other field (`Review cadence`) always.
    fn akin(&self, key: &str, text: &str) -> bool {
        let rd = Reader {
            src: self.src,
            lookup: self.lookup,
        };
        let sided = field_of(&rd, key, text)
            .is_some_and(|f| self.lookup.vocab().side_field_keys(key).contains(&f));
        if !sided {
            return true;
        }
        let Some(open) = self.open.and_then(|i| self.out.sections.get(i)) else {
            return false;
        };
        let words = |t: &'_ str| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() >= 3)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        let theirs = words(&open.heading.text);
        let names = self.lookup.names();
        words(text).iter().any(|w| {
            theirs.contains(w) && !names.names(w, Side::Company) && !names.names(w, Side::Partner)
        })
    }

    /// Whether a heading names either side by name.
    fn names_a_side(&self, text: &str) -> bool {
        let names = self.lookup.names();
        let n = crate::vocab::normalize(text);
        names.names(&n, Side::Company) || names.names(&n, Side::Partner)
    }

    /// Whether the open section began with a heading that is its own first field or
    /// phase (see [`Builder::heading`]): its sibling headings that are fields or phases
    /// of it are more of it (an issue form's flat `###` headings, one per field).
    fn headed_by_itself(&self) -> bool {
        let Some(s) = self.open.and_then(|i| self.out.sections.get(i)) else {
            return false;
        };
        self.out
            .pool
            .get(s.blocks.start)
            .filter(|_| s.blocks.start < self.out.len)
            .is_some_and(|b| b.span == s.heading.span && matches!(b.kind, Kind::Heading(_)))
    }

    /// A paragraph outside lists may end the open section: a letter's greeting or
    /// closing does (see [`letter_break`]), and so does a closing line by the pack's
    /// words (`Kindly revert with approval…`). Signature lines after another section are
    /// the fill's to read (`fill::signatures_outside`).
    pub(super) fn paragraph_ends_section(&mut self, span: Span) {
        let closing = || {
            let text = self.src.get(span.start..span.end.min(self.src.len()));
            self.lookup
                .vocab()
                .is_closing(super::plain::unquote(text.unwrap_or_default()).1)
        };
        if self.open.is_some() && (letter_break(self.src, span) || closing()) {
            self.close_section();
        }
    }

    /// Whether a heading names both sides (`Sprout × Gridline — how we're doing this`).
    fn names_both(&self, text: &str) -> bool {
        let names = self.lookup.names();
        let n = crate::vocab::normalize(text);
        names.names(&n, Side::Company) && names.names(&n, Side::Partner)
    }

    /// The section a heading names (`Lookup::heading_for`), kept in `names` once asked.
    fn names_section(
        &self,
        text: &str,
        names: &mut Option<Option<(&'a str, HeadingMatch)>>,
    ) -> Option<(&'a str, HeadingMatch)> {
        *names.get_or_insert_with(|| self.lookup.heading_for(text))
    }

    /// Whether a heading at `level` stays inside the open section `key` (at `open_level`).
    fn stays_inside(
        &mut self,
        key: &str,
        open_level: u8,
        level: u8,
        text: &str,
        span: Span,
        names: &mut Option<Option<(&'a str, HeadingMatch)>>,
    ) -> bool {
        let bold = level == BOLD_LEVEL;
        // Phases never open a section: `## 3.1 Crawl` after `## 3. Timeline` is in it.
        if key == "timeline" && level >= open_level && self.lookup.phase_for(text).is_some() {
            return true;
        }
        // Siblings of a heading that is its section's own field or phase: `### Walk`
        // after `### Crawl`, `### What Marrowgate gives` after `### What Hopwell
        // gives`, `### Sync cadence` after `### Escalation path`. A heading that names
        // another section opens it.
        // A sibling that names no section but a field of the open one is that field
        // too (`### Review cadence` after `### Metrics`).
        if level == open_level && !bold {
            let named = self.names_section(text, names);
            let sibling = match named {
                None => key != UNDECIDED || self.headed_by_itself(),
                Some((k, HeadingMatch::Keyword)) => k == key && self.headed_by_itself(),
                Some((_, HeadingMatch::Alias)) => false,
            };
            if sibling && self.heads_itself(key, text) && (named.is_some() || self.akin(key, text))
            {
                return true;
            }
        }
        // `**Keel gives**` among bold-line sections is a field, as `### Keel gives` is.
        if key != UNDECIDED
            && (level > open_level || bold)
            && self.lookup.field_for(key, text).is_some()
        {
            return true;
        }
        if level <= open_level {
            return false;
        }
        match self.names_section(text, names) {
            // Under a heading that names nothing, one that names nothing either starts
            // a stretch of its own (a title's H1 must not gather the whole charter),
            // unless it names a phase: phases are what can make the stretch a timeline.
            // Under a phase's own heading (`### Crawl`), a phase part (`#### Dates`)
            // is that phase's too.
            None if key == UNDECIDED => {
                self.lookup.phase_for(text).is_some()
                    || (self.headed_by_itself() && self.lookup.phase_part_for(text).is_some())
            }
            None => {
                self.unread(level, text, span, Some(key));
                true
            }
            Some((k, _)) if k == key => true,
            // Under a heading that names nothing, any section heading opens its section.
            Some((_, HeadingMatch::Keyword)) => key != UNDECIDED,
            Some((_, HeadingMatch::Alias)) => false,
        }
    }

    fn unread(&mut self, level: u8, text: &str, span: Span, section: Option<&str>) {
        let level = if level == BOLD_LEVEL { 0 } else { level };
        self.out.unread.push(Unread {
            kind: UnreadKind::Heading { level },
            text: Text::new(text, span),
            section: section.map(str::to_string),
        });
    }

    pub(super) fn close_section(&mut self) {
        let end = self.out.len;
        let Some(i) = self.open.take() else { return };
        let Some(s) = self.out.sections.get_mut(i) else {
            return;
        };
        s.blocks.end = end;
        s.span.end = s.span.end.max(self.content_end);
        s.span = trim_end(self.src, s.span);
        if s.key != UNDECIDED {
            return;
        }
        let (start, heading) = (s.blocks.start, s.heading.span);
        let own = self.out.pool.get(start..end).unwrap_or_default();
        match content::by_content(self.lookup, own) {
            Some(key) => {
                if let Some(s) = self.out.sections.get_mut(i) {
                    s.key = key;
                }
                // Read after all: no longer unread.
                if let Some(u) = self.out.unread.iter().rposition(|u| u.text.span == heading) {
                    self.out.unread.remove(u);
                }
            }
            // Kept, undecided, for its words to decide once every heading is read
            // (`settle`): only then is it known which sections the charter lacks.
            None if self.heading_unread(heading) && end > start => {}
            None => {
                // Its blocks are spares again.
                self.out.sections.truncate(i);
                self.out.len = start;
            }
        }
    }

    /// Whether the heading at `span` was recorded as unread: a heading that named
    /// nothing and was not the title (the last unread, as the stretch's own
    /// sub-headings that name nothing start stretches of their own).
    fn heading_unread(&self, span: Span) -> bool {
        self.out.unread.last().is_some_and(|u| u.text.span == span)
    }

    /// Whether a paragraph under the open stretch is kept as a block. Under a heading
    /// that names nothing, it is, for its words to decide (`settle`), except under the
    /// title, where only a signature line can help decide.
    pub(super) fn keeps_paragraph(&self, span: Span) -> bool {
        let title = self
            .open
            .and_then(|i| self.out.sections.get(i))
            .is_some_and(|s| s.key == UNDECIDED && !self.heading_unread(s.heading.span));
        !title || may_be_signed(self.src, span)
    }
}

/// Whether a heading has a word that stands for one side or both (`we`, `our`,
/// `their`, `each`).
fn has_pronoun(text: &str) -> bool {
    const PRONOUNS: [&str; 14] = [
        "we", "us", "our", "ours", "they", "them", "their", "theirs", "each", "both", "i", "my",
        "you", "your",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| PRONOUNS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Whether the paragraph at `span` may be a signature line (`Signed …`, `/s/ …`,
/// `**Signed** …`), judged by its first bytes.
pub(super) fn may_be_signed(src: &str, span: Span) -> bool {
    let t = src
        .as_bytes()
        .get(span.start..)
        .unwrap_or_default()
        .trim_ascii_start();
    let t = t.strip_prefix(b"**").unwrap_or(t);
    t.get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"signed"))
        || t.starts_with(b"/s/")
}

/// Whether the paragraph at `span` is a letter's greeting or closing (`Kind regards,⏎
/// Callum`, `Have a good weekend,`, `Dear Martina,`): a few words ending in a comma,
/// alone or over a short name. What follows it is a signature block or another
/// letter, not the open section's content. Wrapped prose has long first lines.
pub(super) fn letter_break(src: &str, span: Span) -> bool {
    const WORDS: usize = 5;
    const NAME_WORDS: usize = 4;
    let text = src
        .get(span.start..span.end.min(src.len()))
        .unwrap_or_default();
    // Most paragraphs are not: their first line is long or does not end in a comma.
    let head = match memchr::memchr(b'\n', text.as_bytes()) {
        Some(i) => text.get(..i).unwrap_or_default(),
        None => text,
    };
    if head.len() > 120 || !head.trim_end().ends_with(',') {
        return false;
    }
    let mut lines = text
        .lines()
        .map(|l| super::plain::unquote(l).1.trim())
        .filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    let short = |l: &str, n: usize| {
        l.split_whitespace().count() <= n && !l.contains(|c: char| c.is_ascii_digit() || c == ':')
    };
    if !first.ends_with(',') || !short(first, WORDS) || !first.starts_with(char::is_uppercase) {
        return false;
    }
    match (lines.next(), lines.next()) {
        (None, _) => true,
        (Some(name), None) => short(name, NAME_WORDS) && !name.ends_with(['.', ',', ';']),
        _ => false,
    }
}

mod content;
mod nested;
mod settle;

#[cfg(test)]
mod tests;
