//! The one pulldown-cmark pass: Markdown body to a flat list of blocks (headings,
//! paragraphs, list items, table rows) with plain text and source spans, grouped into
//! sections as the headings go by. Content outside any known section is never turned
//! into text, so skipped appendices cost only the parse.
//!
//! Everything is flat and iterative: nesting only moves counters and a stack of open
//! list items, so deep input costs linear time and no recursion.

use crate::model::{Span, Text};
use crate::vocab::Lookup;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Only the start of a block's text is mapped back to the source, for labels; a
/// label is a few words, so this bounds the map without losing anything.
const MAPPED_PREFIX: usize = 512;

/// Where a run of plain text came from.
#[derive(Clone, Copy, Debug)]
pub struct Chunk {
    /// Offset in the block's plain text.
    pub plain: usize,
    /// Source range of the event.
    pub src: usize,
    pub src_end: usize,
    /// The plain text is the source text byte for byte (no escapes, entities, backticks).
    pub verbatim: bool,
}

#[derive(Clone, Debug)]
pub enum Kind {
    Heading(u8),
    Para,
    Item {
        /// 0 for a top-level list item.
        depth: usize,
        /// `Some(checked)` for a task-list item.
        task: Option<bool>,
    },
    Row {
        table: usize,
        header: bool,
        cells: Vec<Text>,
    },
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: Kind,
    /// Plain text, inline markup removed (empty for rows: see `cells`).
    pub text: String,
    /// The block's own content: for a list item, without its nested lists.
    pub span: Span,
    /// For a list item, the whole item with nested lists; otherwise `span`.
    pub full: Span,
    pub chunks: Vec<Chunk>,
}

impl Block {
    fn new(kind: Kind, span: Span) -> Block {
        Block {
            kind,
            text: String::new(),
            span,
            full: span,
            chunks: Vec::new(),
        }
    }

    /// Make a spare block new again, keeping its buffers; a row's cell texts go to
    /// `spare_cells`.
    fn reset(&mut self, mut kind: Kind, span: Span, spare_cells: &mut Vec<String>) {
        if let Kind::Row { cells: old, .. } = &mut self.kind {
            spare_cells.extend(old.drain(..).map(|c| c.text));
            if let Kind::Row { cells: new, .. } = &mut kind {
                std::mem::swap(old, new);
            }
        }
        self.kind = kind;
        self.text.clear();
        self.chunks.clear();
        self.span = span;
        self.full = span;
    }

    /// Map an offset in the plain text to a source offset (a char boundary when `at` is one).
    pub fn source_offset(&self, at: usize) -> usize {
        let idx = self.chunks.partition_point(|c| c.plain <= at);
        match idx.checked_sub(1).and_then(|i| self.chunks.get(i)) {
            Some(c) if c.verbatim => (c.src + (at - c.plain)).min(c.src_end),
            Some(c) => c.src,
            None => self.span.start,
        }
    }

    /// The text as one line: cells joined by ` | ` for a row.
    pub fn line(&self) -> std::borrow::Cow<'_, str> {
        match &self.kind {
            Kind::Row { cells, .. } => {
                let mut line = String::with_capacity(cells.iter().map(|c| c.text.len() + 3).sum());
                for (i, c) in cells.iter().enumerate() {
                    if i > 0 {
                        line.push_str(" | ");
                    }
                    line.push_str(&c.text);
                }
                line.into()
            }
            _ => self.text.as_str().into(),
        }
    }
}

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
    pub sections: Vec<RawSection<'v>>,
    /// Code and HTML blocks, in order (their text is not content).
    pub verbatim: Vec<Span>,
    /// Cell text buffers to reuse (cleared when a cell takes one).
    spare_cells: Vec<String>,
}

impl Blocks<'_> {
    pub fn blocks(&self) -> &[Block] {
        self.pool.get(..self.len).unwrap_or_default()
    }

    /// The blocks, emptied (no text of this file stays behind), to be reused for the
    /// next file.
    pub fn into_pool(mut self) -> Pool {
        for b in &mut self.pool {
            b.text.clear();
            b.chunks.clear();
            if let Kind::Row { cells, .. } = &mut b.kind {
                self.spare_cells.extend(cells.drain(..).map(|c| c.text));
            }
        }
        for c in &mut self.spare_cells {
            c.clear();
        }
        Pool {
            blocks: self.pool,
            cells: self.spare_cells,
        }
    }
}

/// Blocks kept from one file to the next on a thread, so that their text and chunk
/// buffers are allocated once per thread rather than once per block of every file.
#[derive(Default)]
pub struct Pool {
    blocks: Vec<Block>,
    /// Table cells' text buffers: a charter's tables have dozens of cells.
    cells: Vec<String>,
}

/// A pool with more blocks or text capacity than this is let go rather than kept: a
/// huge file's buffers should not stay alive for the small files after it (a charter
/// has a few dozen blocks).
const POOL_MAX_BLOCKS: usize = 4096;
const POOL_MAX_BYTES: usize = 1 << 20;

impl Pool {
    pub fn worth_keeping(&self) -> bool {
        self.blocks.len() <= POOL_MAX_BLOCKS
            && self.cells.len() <= POOL_MAX_BLOCKS
            && self.blocks.iter().map(|b| b.text.capacity()).sum::<usize>()
                + self.cells.iter().map(String::capacity).sum::<usize>()
                <= POOL_MAX_BYTES
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
    row: Option<usize>,
    /// The end of the open section's content so far (applied when it closes: one
    /// field to update per event rather than the section).
    content_end: usize,
}

pub fn collect<'a>(
    pool: Pool,
    body: &str,
    base: usize,
    src: &'a str,
    lookup: &'a Lookup<'a>,
) -> Blocks<'a> {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
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
        row: None,
        content_end: 0,
    };
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let span = Span::new(range.start + base, range.end + base);
        b.event(event, span);
    }
    b.close_section();
    b.out
}

impl<'a> Builder<'a> {
    fn event(&mut self, event: Event<'_>, span: Span) {
        // A heading may close the open section, so it is not that section's content;
        // `heading` extends the section itself when the heading stays inside it.
        let content = !matches!(self.target, Target::Heading)
            && !matches!(event, Event::Start(Tag::Heading { .. }));
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(tag) => self.end(tag, span),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                let verbatim = t.len() == span.len();
                self.text(&t, span, verbatim);
            }
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
            Event::Rule | Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => {}
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
                        let idx = self.push(Kind::Para, span);
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
            Tag::Table(_) => self.table += 1,
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

    fn end(&mut self, tag: TagEnd, span: Span) {
        match tag {
            TagEnd::Heading(level) => {
                let text = std::mem::take(&mut self.heading);
                self.heading(level as u8, text.trim(), span);
                self.heading = text;
                self.target = self.fallback();
            }
            TagEnd::Paragraph => {
                if let Some(i) = self.para.take() {
                    if let Some(b) = self.out.pool.get_mut(i) {
                        if matches!(b.kind, Kind::Para) {
                            b.span = trim_end(self.src, span);
                            b.full = b.span;
                        }
                    }
                }
                self.target = self.fallback();
            }
            TagEnd::List(_) => self.list_depth = self.list_depth.saturating_sub(1),
            TagEnd::Item => {
                if let Some(Some(i)) = self.items.pop() {
                    if let Some(b) = self.out.pool.get_mut(i) {
                        b.full.end = b.full.end.max(span.end);
                        b.full = trim_end(self.src, b.full);
                    }
                }
                self.target = self.fallback();
            }
            TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_) => {
                self.quiet = self.quiet.saturating_sub(1);
            }
            TagEnd::TableCell => {
                if let Target::Cell(r) = self.target {
                    if let Some(Kind::Row { cells, .. }) =
                        self.out.pool.get_mut(r).map(|b| &mut b.kind)
                    {
                        if let Some(c) = cells.last_mut() {
                            // Trimmed in place (the buffer is kept for the next file);
                            // the start already was, in `text`.
                            let end = crate::trim::trim_end(&c.text).len();
                            c.text.truncate(end);
                            c.span = trim_cell(self.src, c.span);
                        }
                    }
                }
                self.target = self.fallback();
            }
            TagEnd::TableHead | TagEnd::TableRow => self.row = None,
            _ => {
                // Closing inline markup (`**`, `](url)`) still belongs to the item's text.
                if let Target::Block(i) = self.target {
                    if let Some(b) = self.out.pool.get_mut(i) {
                        if matches!(b.kind, Kind::Item { .. }) && b.span.end > b.span.start {
                            b.span.end = b.span.end.max(span.end);
                        }
                    }
                }
            }
        }
    }

    fn text(&mut self, t: &str, span: Span, verbatim: bool) {
        if self.quiet > 0 {
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

    /// A heading ends: decide whether it starts a section, is a sub-heading inside the
    /// open one, or starts a stretch of skipped content (docs/format.md, Sections).
    fn heading(&mut self, level: u8, text: &str, span: Span) {
        let span = trim_end(self.src, span);
        if let Some(open) = self.open.and_then(|i| self.out.sections.get(i)) {
            if level > open.level {
                let key = open.key;
                let sub = self.lookup.field_for(key, text).is_some()
                    || (key == "timeline" && self.lookup.phase_for(text).is_some());
                let other = if sub {
                    None
                } else {
                    self.lookup.section_for(text).filter(|k| *k != key)
                };
                if other.is_none() {
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
        }
        self.close_section();
        if let Some(key) = self.lookup.section_for(text) {
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
        }
    }

    fn close_section(&mut self) {
        let end = self.out.len;
        if let Some(s) = self.open.take().and_then(|i| self.out.sections.get_mut(i)) {
            s.blocks.end = end;
            s.span.end = s.span.end.max(self.content_end);
            s.span = trim_end(self.src, s.span);
        }
    }
}

/// Drop trailing whitespace from a span (ranges often include the line ending).
pub fn trim_end(src: &str, span: Span) -> Span {
    let bytes = src.as_bytes();
    let mut end = span.end.min(bytes.len());
    while end > span.start && bytes.get(end - 1).is_some_and(|b| b.is_ascii_whitespace()) {
        end -= 1;
    }
    Span::new(span.start.min(end), end)
}

/// A cell's range without the padding and pipes around its text.
fn trim_cell(src: &str, span: Span) -> Span {
    let bytes = src.as_bytes();
    let mut start = span.start;
    let mut end = span.end.min(bytes.len());
    while start < end
        && bytes
            .get(start)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'|'))
    {
        start += 1;
    }
    while end > start
        && bytes
            .get(end - 1)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'|' | b'\r' | b'\n'))
    {
        end -= 1;
    }
    Span::new(start, end)
}

/// Where a list item's content starts: after its marker (`-`, `1.`) and task box.
fn item_content_start(src: &str, item: Span) -> usize {
    let bytes = src.as_bytes();
    let end = item.end.min(bytes.len());
    let mut i = item.start.min(end);
    while i < end && bytes[i].is_ascii_digit() {
        i += 1;
    }
    if i < end && matches!(bytes[i], b'-' | b'*' | b'+' | b'.' | b')') {
        i += 1;
    }
    while i < end && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    if i + 3 <= end
        && bytes[i] == b'['
        && bytes[i + 2] == b']'
        && matches!(bytes[i + 1], b' ' | b'x' | b'X')
    {
        i += 3;
        while i < end && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
    }
    // Only ASCII was skipped, so `i` is a char boundary.
    i
}
