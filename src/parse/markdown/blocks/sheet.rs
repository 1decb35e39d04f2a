//! A table whose one column names sections (`super::super::sheet`) is turned, once
//! it ends, into a heading and a table per run of rows: the heading is the run's
//! section cell (its text and span), the table the header and the run's rows without
//! the section column. Every reader after this one sees headings and tables as a
//! charter written with headings would give them.

use super::{terms, Block, Builder, Kind, RawSection};
use crate::model::{Span, Text};
use crate::parse::markdown::sheet::{self, is_meta_heading};

impl Builder<'_> {
    /// The rows of the table at `pool[start..end]`, taken out of the pool to be
    /// pushed again as sections, its header row apart.
    pub(super) fn take_table(&mut self, start: usize, end: usize) -> (Option<Block>, Vec<Block>) {
        let mut rows: Vec<Block> = self.out.pool.drain(start..end).collect();
        self.out.len = start;
        self.out.used = self.out.used.saturating_sub(end - start);
        self.content_end = self.table_content_end;
        let header = match rows.first() {
            Some(h) if is_header(Some(h)) => Some(rows.remove(0)),
            _ => None,
        };
        (header, rows)
    }

    /// A table starts: note where its rows go. Outside any section (no heading
    /// above it) its rows are kept under a stand-in, for as long as the table lasts,
    /// in case it is a sheet.
    pub(super) fn table_starts(&mut self) {
        self.table_start = self.out.len;
        self.table_content_end = self.content_end;
        self.table_host = self.open.is_none() && self.quiet == 0;
        if self.table_host {
            self.out.sections.push(RawSection {
                key: "",
                heading: Text::new("", Span::empty(0)),
                level: 1,
                span: Span::empty(0),
                body_start: 0,
                blocks: self.out.len..self.out.len,
            });
            self.open = Some(self.out.sections.len() - 1);
        }
    }

    /// A table ends: if a column names sections, its runs become sections.
    pub(super) fn table_ends(&mut self) {
        let (start, end) = (self.table_start, self.out.len);
        let host = std::mem::take(&mut self.table_host);
        let rows = self.out.pool.get(start..end).unwrap_or_default();
        let data = rows
            .get(usize::from(is_header(rows.first()))..)
            .unwrap_or_default();
        let lookup = self.lookup;
        let names = |c: &str| is_meta_heading(c) || lookup.heading_for(c).is_some();
        let col = sheet::section_column(data, cell_text, names);
        let enclosing = self.open.and_then(|i| self.out.sections.get(i));
        let level = match enclosing {
            Some(s) if !host => s.level.saturating_add(1),
            _ => 2,
        };
        let open_key = enclosing.filter(|_| !host).map(|s| s.key);
        let terms = col.is_none()
            && sheet::is_term_sheet(data, cell_text, |k| terms::section_key(lookup, k), open_key);
        if host {
            self.out.sections.pop();
            self.open = None;
        }
        let Some(col) = col else {
            if terms {
                self.term_sheet(start, end, level);
            } else if host {
                self.out.len = start;
            }
            return;
        };
        let (header, rows) = self.take_table(start, end);
        let mut i = 0;
        while let Some(first) = rows.get(i) {
            let name = match first.kind {
                Kind::Row { ref cells, .. } => cells.get(col).cloned(),
                _ => None,
            };
            let Some(name) = name else { break };
            let mut j = i + 1;
            while rows
                .get(j)
                .and_then(|r| cell_text(r, col))
                .is_some_and(|c| c.is_empty() || c == name.text)
            {
                j += 1;
            }
            self.run(
                &name,
                header.as_ref(),
                rows.get(i..j).unwrap_or_default(),
                col,
                level,
            );
            i = j;
        }
    }

    /// One run of a sheet: a heading and its table, or, named like metadata, nothing
    /// (the preamble reads it) but the end of the section before.
    fn run(&mut self, name: &Text, header: Option<&Block>, rows: &[Block], col: usize, level: u8) {
        if is_meta_heading(&name.text) && self.lookup.section_for(&name.text).is_none() {
            self.close_section();
            return;
        }
        // A run's name is never the charter's title.
        self.titled = true;
        self.heading(level, &name.text, name.span);
        self.table += 1;
        for row in header.into_iter().chain(rows) {
            self.push_row(row, col);
        }
    }

    /// `row` without its cell `col` (every cell when `col` is past them), as a row of
    /// the open section's newest table.
    pub(super) fn push_row(&mut self, row: &Block, col: usize) {
        let Kind::Row { header, cells, .. } = &row.kind else {
            return;
        };
        let kept = || cells.iter().enumerate().filter(|(i, _)| *i != col);
        // The row starts at its first cell left when the section cell led it.
        let from = match kept().next() {
            Some((_, c)) if col == 0 => c.span.start.max(row.span.start),
            _ => row.span.start,
        };
        let span = Span::new(from.min(row.span.end), row.span.end);
        // Pushed empty, as every row is, so that a spare block keeps its buffers.
        let kind = Kind::Row {
            table: self.table,
            header: *header,
            cells: Vec::new(),
        };
        let pushed = self.push(kind, span);
        if let Some(Kind::Row { cells: out, .. }) = pushed
            .and_then(|i| self.out.pool.get_mut(i))
            .map(|b| &mut b.kind)
        {
            for (_, c) in kept() {
                let mut text = self.out.spare_cells.pop().unwrap_or_default();
                text.clear();
                text.push_str(&c.text);
                out.push(Text { text, span: c.span });
            }
        }
        self.content_end = self.content_end.max(span.end);
    }
}

pub(super) fn is_header(row: Option<&Block>) -> bool {
    matches!(row.map(|r| &r.kind), Some(Kind::Row { header: true, .. }))
}

fn cell_text(row: &Block, i: usize) -> Option<&str> {
    match &row.kind {
        Kind::Row { cells, .. } => cells.get(i).map(|c| c.text.as_str()),
        _ => None,
    }
}
