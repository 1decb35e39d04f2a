//! A paragraph that is only bold text (`**3. Commercials**`, `**Goals**:`) stands as a
//! heading, as Word and Google Docs export headings (docs/format.md, Sections).

use super::sections::BOLD_LEVEL;
use super::{Builder, Span};
use pulldown_cmark::{Event, Tag, TagEnd};

/// Whether the paragraph so far is only bold text (`**3. Commercials**`, `**Goals**:`),
/// which stands as a heading (docs/format.md, Sections).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Bold {
    No,
    /// The paragraph has started; nothing in it yet.
    Start,
    /// Inside its `**…**`.
    Open,
    /// After the `**…**`: only blanks and a colon may follow, or an aside.
    Closed,
    /// In an aside after the `**…**` (`**Metrics** (reviewed monthly)`); whether it
    /// has ended in its `)` so far.
    Aside(bool),
}

impl Builder<'_> {
    /// Follow a paragraph that may be a bold line through one more event.
    pub(super) fn track_bold(&mut self, event: &Event<'_>) {
        self.bold = match (self.bold, event) {
            (Bold::Start, Event::Start(Tag::Strong)) => Bold::Open,
            (Bold::Open, Event::Text(t) | Event::Code(t)) => {
                self.bold_text.push_str(t);
                Bold::Open
            }
            (Bold::Open, Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis)) => Bold::Open,
            (Bold::Open, Event::End(TagEnd::Strong)) => Bold::Closed,
            (Bold::Closed, Event::Text(t)) if matches!(t.trim(), "" | ":") => Bold::Closed,
            (Bold::Closed, Event::Text(t)) if t.trim_start().starts_with('(') => {
                Bold::Aside(t.trim_end().ends_with(')'))
            }
            (Bold::Aside(_), Event::Text(t)) => Bold::Aside(t.trim_end().ends_with(')')),
            (Bold::Aside(_), Event::Code(_)) => Bold::Aside(false),
            (Bold::Aside(done), Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis)) => {
                Bold::Aside(done)
            }
            (state, Event::End(TagEnd::Paragraph)) => state,
            _ => Bold::No,
        };
    }

    /// Whether the paragraph ending now stands as a heading.
    pub(super) fn is_bold_line(state: Bold) -> bool {
        matches!(state, Bold::Closed | Bold::Aside(true))
    }

    /// A paragraph that was only bold text ends: it stands as a heading. An aside
    /// after it (`**Metrics** (reviewed monthly)`) stays as the paragraph it was, the
    /// first content of the section the heading opens.
    pub(super) fn bold_line(&mut self, span: Span, aside: bool) {
        // It was pushed as a paragraph (when a section is open): take that back.
        let mut taken = None;
        if let Some(i) = self.para.take() {
            if i + 1 == self.out.len {
                self.out.len = i;
                taken = Some(i);
            }
        }
        self.content_end = self.bold_content_end;
        let text = std::mem::take(&mut self.bold_text);
        let name = text.trim().trim_end_matches(':').trim_end();
        if !name.is_empty() {
            self.heading(BOLD_LEVEL, name, span);
        }
        // Put back only when the heading opened a section and nothing was pushed over it.
        let opened = self
            .open
            .and_then(|s| self.out.sections.get(s))
            .is_some_and(|s| Some(s.blocks.start) == taken);
        if let Some(i) = taken.filter(|&i| aside && opened && self.out.len == i) {
            self.out.len = i + 1;
            if let Some(b) = self.out.pool.get_mut(i) {
                b.span = super::trim_end(self.src, span);
                b.full = b.span;
            }
            self.content_end = span.end;
        }
        self.bold_text = text;
        self.target = self.fallback();
    }
}
