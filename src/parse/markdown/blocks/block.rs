//! A block of the Markdown body (heading, paragraph, list item, table row): its plain
//! text, the source it came from, and the map between the two.

use crate::model::{Span, Text};

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
    pub(super) fn new(kind: Kind, span: Span) -> Block {
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
    pub(super) fn reset(&mut self, mut kind: Kind, span: Span, spare_cells: &mut Vec<String>) {
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
