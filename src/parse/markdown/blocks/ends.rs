//! What the builder does when a block, a list, a table or inline markup ends.

use super::*;

impl Builder<'_> {
    pub(super) fn end(&mut self, tag: TagEnd, span: Span) {
        match tag {
            TagEnd::Heading(level) => {
                let text = std::mem::take(&mut self.heading);
                self.heading(level as u8, text.trim(), span);
                self.heading = text;
                self.target = self.fallback();
            }
            TagEnd::Paragraph => {
                let div_ends = self.notes_div
                    && notes::closes_div(self.src.get(span.start..span.end).unwrap_or_default());
                if std::mem::take(&mut self.notes_para) || div_ends {
                    self.notes_div = false;
                    self.quiet = self.quiet.saturating_sub(1);
                    self.target = self.fallback();
                    return;
                }
                let bold = std::mem::replace(&mut self.bold, Bold::No);
                if Self::is_bold_line(bold) {
                    self.bold_line(span, bold != Bold::Closed);
                    return;
                }
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
            TagEnd::Table => self.table_ends(),
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
}
