//! The one pulldown-cmark pass: Markdown body to a flat list of blocks (headings,
//! paragraphs, list items, table rows) with plain text and source spans, grouped into
//! sections as the headings go by (`sections` decides what each heading does). Content
//! before the first heading is never turned into text; content under a heading that
//! names no section is, so that its content can decide (`sections`).
//!
//! Everything is flat and iterative: nesting only moves counters and a stack of open
//! list items, so deep input costs linear time and no recursion.

mod attributes;
mod block;
mod bold;
mod callouts;
pub(super) mod definitions;
mod ends;
mod notes;
mod plain;
mod pool;
mod sections;
mod sheet;
mod spans;
mod terms;
mod text_tables;
mod toggles;

pub use block::{Block, Chunk, Kind};
pub use pool::Pool;
pub use spans::trim_end;
use spans::{item_content_start, trim_cell};

use crate::model::{Span, Text, Unread};
use crate::vocab::Lookup;
use bold::Bold;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Only the start of a block's text is mapped back to the source, for labels; a
/// label is a few words, so this bounds the map without losing anything.
const MAPPED_PREFIX: usize = 512;

/// A known section: its heading and the blocks under it.
#[derive(Debug)]
pub struct RawSection<'v> {
    /// The canonical key, borrowed from the vocabulary.
    pub key: &'v str,
    pub heading: Text,
    pub level: u8,
    /// Heading start to the end of the last content.
    pub span: Span,
    /// The heading's end, where the body starts.
    pub body_start: usize,
    /// Range into `Blocks::blocks()`.
    pub blocks: std::ops::Range<usize>,
}

#[derive(Debug, Default)]
pub struct Blocks<'v> {
    /// This file's blocks are `pool[..len]`; the rest are spares from earlier files,
    /// kept for their buffers (see [`Pool`]).
    pool: Vec<Block>,
    len: usize,
    /// How many of `pool` this file has written to: `len` can go back (a bold line
    /// takes its paragraph back), and only these need emptying for the next file.
    used: usize,
    pub sections: Vec<RawSection<'v>>,
    /// Code and HTML blocks, in order (their text is not content).
    pub verbatim: Vec<Span>,
    /// Headings that named no section and were not a field or phase of the open one.
    pub unread: Vec<Unread>,
    /// Cell text buffers to reuse (cleared when a cell takes one).
    spare_cells: Vec<String>,
    /// A MkDocs block with an indented body was seen (`callouts`).
    indented: bool,
}

impl Blocks<'_> {
    pub fn blocks(&self) -> &[Block] {
        self.pool.get(..self.len).unwrap_or_default()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    None,
    Heading,
    Block(usize),
    Cell(usize),
}

struct Builder<'a> {
    src: &'a str,
    lookup: &'a Lookup<'a>,
    out: Blocks<'a>,
    /// The open section's index in `out.sections`.
    open: Option<usize>,
    target: Target,
    /// Open list items: their block, or `None` when outside a section.
    items: Vec<Option<usize>>,
    /// The item a paragraph writes into, or its own block.
    para: Option<usize>,
    list_depth: usize,
    /// Inside a code block, HTML block or footnote definition: text is not content.
    quiet: usize,
    heading: String,
    table: usize,
    /// Where the open table's rows start, `content_end` before it, and whether its
    /// rows are kept under a stand-in section (`sheet`).
    table_start: usize,
    table_content_end: usize,
    table_host: bool,
    row: Option<usize>,
    /// The end of the open section's content so far (applied when it closes: one
    /// field to update per event rather than the section).
    content_end: usize,
    bold: Bold,
    /// The text of a paragraph that may be a bold line, and `content_end` before it.
    bold_text: String,
    bold_content_end: usize,
    /// A heading has been seen: only the first can be the title.
    titled: bool,
    /// The open paragraph is speaker notes (counted in `quiet`).
    notes_para: bool,
    /// Inside a `::: notes` div (counted in `quiet`).
    notes_div: bool,
    /// Text up to here is a callout's marker line, not content (`callouts`).
    skip_to: usize,
}

/// The body with attribute lists blanked and plain-text tables written as pipe tables,
/// byte for byte in length so that every offset stays the source's; `None` when it has
/// neither (the usual case).
pub fn rewrite(body: &str) -> Option<String> {
    let blanked = attributes::blank(body);
    let body_now = blanked.as_deref().unwrap_or(body);
    text_tables::pipe(body_now).or(blanked)
}

pub fn collect<'a>(
    pool: Pool,
    body: &str,
    base: usize,
    src: &'a str,
    lookup: &'a Lookup<'a>,
) -> Blocks<'a> {
    let out = pass(pool, body, base, None, src, lookup);
    // A MkDocs block's indented body is read again as a block quote (`callouts`).
    let dedented;
    let (out, body) = if out.indented {
        dedented = callouts::dedent(body);
        (
            pass(out.into_pool(), &dedented, base, None, src, lookup),
            dedented.as_str(),
        )
    } else {
        (out, body)
    };
    // A charter whose Markdown headings name fewer than two sections may write its
    // headings as plain lines (`plain`): read it again with those as headings.
    if out.sections.iter().filter(|s| !s.key.is_empty()).count() >= 2 {
        return out;
    }
    match plain::rewrite(body, lookup) {
        Some((text, shifts)) => pass(out.into_pool(), &text, base, Some(&shifts), src, lookup),
        None => out,
    }
}

/// One reading of `body`; with `shifts`, `body` is a rewritten copy whose offsets
/// they map back to the source's.
fn pass<'a>(
    pool: Pool,
    body: &str,
    base: usize,
    shifts: Option<&plain::Shifts>,
    src: &'a str,
    lookup: &'a Lookup<'a>,
) -> Blocks<'a> {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_WIKILINKS;
    let mut b = Builder {
        src,
        lookup,
        out: Blocks {
            pool: pool.blocks,
            spare_cells: pool.cells,
            sections: Vec::with_capacity(8),
            ..Blocks::default()
        },
        open: None,
        target: Target::None,
        items: Vec::new(),
        para: None,
        list_depth: 0,
        quiet: 0,
        heading: String::new(),
        table: 0,
        table_start: 0,
        table_content_end: 0,
        table_host: false,
        row: None,
        content_end: 0,
        bold: Bold::No,
        bold_text: String::new(),
        bold_content_end: 0,
        titled: false,
        notes_para: false,
        notes_div: false,
        skip_to: 0,
    };
    let events = Parser::new_ext(body, opts).into_offset_iter();
    match shifts {
        None => {
            for (event, range) in events {
                let span = Span::new(range.start + base, range.end + base);
                b.event(event, span);
            }
        }
        Some(s) => {
            for (event, range) in events {
                let span = Span::new(s.map(range.start) + base, s.map(range.end) + base);
                b.event(event, span);
            }
        }
    }
    b.close_section();
    b.settle();
    b.out
}

impl<'a> Builder<'a> {
    /// One event. Plain text outside a possible bold line, the most common event, is
    /// appended here; everything else goes through [`Builder::other`].
    #[inline]
    fn event(&mut self, event: Event<'_>, span: Span) {
        if let Event::Text(t) = &event {
            if self.bold == Bold::No {
                let t: &str = t;
                self.text(t, span, t.len() == span.len());
                // Text under a heading is the heading's, not the section's content.
                if !matches!(self.target, Target::Heading) {
                    self.content_end = self.content_end.max(span.end);
                }
                return;
            }
        }
        self.other(event, span);
    }

    #[inline(never)]
    fn other(&mut self, event: Event<'_>, span: Span) {
        // A heading may close the open section, so it is not that section's content;
        // `heading` extends the section itself when the heading stays inside it.
        let content = !matches!(self.target, Target::Heading)
            && !matches!(event, Event::Start(Tag::Heading { .. }));
        if self.bold != Bold::No {
            self.track_bold(&event);
        }
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(tag) => self.end(tag, span),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                let t: &str = &t;
                self.text(t, span, t.len() == span.len());
            }
            // A definition list's `: definition` line makes its term a label (`definitions`).
            Event::SoftBreak if definitions::follows(self.src, span.end) => {}
            Event::SoftBreak | Event::HardBreak => self.text(" ", span, false),
            Event::TaskListMarker(checked) => {
                if let Some(Some(i)) = self.items.last() {
                    if let Some(Kind::Item { task, .. }) =
                        self.out.pool.get_mut(*i).map(|b| &mut b.kind)
                    {
                        *task = Some(checked);
                    }
                }
            }
            // An HTML toggle's `<summary>` is a sub-heading (`toggles`).
            Event::Html(_) => self.html(span),
            Event::Rule | Event::InlineHtml(_) | Event::FootnoteReference(_) => {}
        }
        if content {
            self.content_end = self.content_end.max(span.end);
        }
    }

    fn push(&mut self, kind: Kind, span: Span) -> Option<usize> {
        self.open?;
        let i = self.out.len;
        match self.out.pool.get_mut(i) {
            Some(spare) => spare.reset(kind, span, &mut self.out.spare_cells),
            None => self.out.pool.push(Block::new(kind, span)),
        }
        self.out.len += 1;
        self.out.used = self.out.used.max(self.out.len);
        Some(i)
    }

    /// Where text goes once a paragraph, heading or cell ends: the enclosing item.
    fn fallback(&self) -> Target {
        match self.items.last() {
            Some(Some(i)) => Target::Block(*i),
            _ => Target::None,
        }
    }

    fn start(&mut self, tag: Tag<'_>, span: Span) {
        match tag {
            Tag::Heading { .. } => {
                self.heading.clear();
                self.target = Target::Heading;
            }
            Tag::Paragraph => {
                if self.quiet > 0 {
                    return;
                }
                // A callout's marker line opens it; a paragraph that is only that is quiet.
                if self.callout(span) {
                    self.notes_para = true;
                    self.quiet += 1;
                    return;
                }
                match notes::opens(self.src, span.start, span.end) {
                    notes::Opens::Nothing => {}
                    notes::Opens::Paragraph => {
                        self.notes_para = true;
                        self.quiet += 1;
                        return;
                    }
                    notes::Opens::Div { closed } => {
                        self.notes_para = closed;
                        self.notes_div = !closed;
                        self.quiet += 1;
                        return;
                    }
                }
                if self.items.is_empty() {
                    self.paragraph_ends_section(span);
                    self.bold = Bold::Start;
                    self.bold_text.clear();
                    self.bold_content_end = self.content_end;
                }
                match self.target {
                    Target::Block(i) if self.items.last() == Some(&Some(i)) => {
                        // A loose item's paragraphs are the item's text.
                        if let Some(b) = self.out.pool.get_mut(i) {
                            if !b.text.is_empty() {
                                b.text.push(' ');
                            }
                        }
                        self.para = Some(i);
                    }
                    _ => {
                        // Under the title, only a signature line among paragraphs
                        // can help decide: prose is not read.
                        let idx = if self.undecided() && !self.keeps_paragraph(span) {
                            None
                        } else {
                            self.push(Kind::Para, span)
                        };
                        self.para = idx;
                        self.target = idx.map_or(Target::None, Target::Block);
                    }
                }
            }
            Tag::List(_) => self.list_depth += 1,
            Tag::Item => {
                let kind = Kind::Item {
                    depth: self.list_depth.saturating_sub(1),
                    task: None,
                };
                let at = item_content_start(self.src, span);
                let idx = if self.quiet > 0 {
                    None
                } else {
                    self.push(kind, Span::new(at, at))
                };
                if let Some(i) = idx {
                    if let Some(b) = self.out.pool.get_mut(i) {
                        b.full = span;
                    }
                }
                self.items.push(idx);
                self.target = idx.map_or(Target::None, Target::Block);
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.out.verbatim.push(span);
                self.quiet += 1;
            }
            Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => self.quiet += 1,
            Tag::Table(_) => {
                self.table += 1;
                self.table_starts();
            }
            Tag::TableHead | Tag::TableRow => {
                let kind = Kind::Row {
                    table: self.table,
                    header: matches!(tag, Tag::TableHead),
                    cells: Vec::new(),
                };
                let span = trim_end(self.src, span);
                self.row = if self.quiet > 0 {
                    None
                } else {
                    self.push(kind, span)
                };
            }
            Tag::TableCell => {
                let spare = &mut self.out.spare_cells;
                let cell = self.row.and_then(|r| {
                    let b = self.out.pool.get_mut(r)?;
                    let Kind::Row { cells, .. } = &mut b.kind else {
                        return None;
                    };
                    let mut text = spare.pop().unwrap_or_default();
                    text.clear();
                    cells.push(Text { text, span });
                    Some(r)
                });
                self.target = cell.map_or(Target::None, Target::Cell);
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str, span: Span, verbatim: bool) {
        if self.quiet > 0 || span.end <= self.skip_to {
            return;
        }
        // A Docusaurus block's closing `:::` ending a paragraph or item (`callouts`).
        if t.as_bytes().first() == Some(&b':') && callouts::is_fence(t) {
            return;
        }
        match self.target {
            Target::None => {}
            Target::Heading => self.heading.push_str(t),
            Target::Block(i) => {
                let Some(b) = self.out.pool.get_mut(i) else {
                    return;
                };
                if b.text.len() < MAPPED_PREFIX {
                    b.chunks.push(Chunk {
                        plain: b.text.len(),
                        src: span.start,
                        src_end: span.end,
                        verbatim,
                    });
                }
                b.text.push_str(t);
                if matches!(b.kind, Kind::Item { .. }) {
                    b.span.end = b.span.end.max(span.end);
                }
            }
            Target::Cell(r) => {
                if let Some(Kind::Row { cells, .. }) = self.out.pool.get_mut(r).map(|b| &mut b.kind)
                {
                    if let Some(c) = cells.last_mut() {
                        // A cell's leading whitespace is dropped as it comes.
                        let t = if c.text.is_empty() {
                            crate::trim::trim_start(t)
                        } else {
                            t
                        };
                        c.text.push_str(t);
                    }
                }
            }
        }
    }
}
