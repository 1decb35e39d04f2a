//! Sections settled once every heading is read, when it is known which the charter
//! lacks: stretches whose headings named nothing, and headings that named a section
//! another heading names too.

use super::super::{Block, Builder, Kind, RawSection};
use super::UNDECIDED;

impl<'a> Builder<'a> {
    /// Once every heading is read: each stretch still undecided becomes the section
    /// its words speak the language of (`vocab::content`) if the charter has none such
    /// otherwise, the stretch with the most matching words first; the rest are dropped
    /// and their headings stay unread.
    pub(in crate::parse::markdown::blocks) fn settle(&mut self) {
        self.open_nested();
        self.rekey_duplicates();
        let sections = &self.out.sections;
        let vocab = self.lookup.vocab();
        // Nothing to score when no stretch is undecided or the charter lacks no
        // section (background prose under `## Context` in a complete charter).
        if !sections.iter().any(|s| s.key == UNDECIDED)
            || vocab
                .section_keys()
                .all(|k| sections.iter().any(|s| s.key == k))
        {
            self.out.sections.retain(|s| s.key != UNDECIDED);
            return;
        }
        let pool = &self.out.pool;
        let mut found: Vec<(u32, usize, &'a str)> = sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.key == UNDECIDED)
            .filter_map(|(i, s)| {
                let (key, n) = vocab.section_by_content(texts(pool, s))?;
                Some((n, i, key))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i, key) in found {
            if self.out.sections.iter().any(|s| s.key == key) {
                continue;
            }
            let Some(s) = self.out.sections.get_mut(i) else {
                continue;
            };
            s.key = key;
            let heading = s.heading.span;
            if let Some(u) = self.out.unread.iter().rposition(|u| u.text.span == heading) {
                self.out.unread.remove(u);
            }
        }
        // The rest are no section; their blocks stay in the pool, unreferenced.
        self.out.sections.retain(|s| s.key != UNDECIDED);
    }

    /// A section named by a keyword of its heading (not an exact alias) that another
    /// heading names too, whose own words speak a section the charter lacks, is that
    /// section: `Money and people` over each side's commitments and stakes is the
    /// value exchange, though `people` is a governance keyword and `Who decides`
    /// follows.
    fn rekey_duplicates(&mut self) {
        let vocab = self.lookup.vocab();
        let sections = &self.out.sections;
        let pool = &self.out.pool;
        // How many sections take each key, counted once: a charter of many headings
        // is read in linear time. Keys are the vocabulary's few sections: a list, no map.
        let mut count: Vec<(&str, usize)> = Vec::new();
        for s in sections {
            match count.iter_mut().find(|(k, _)| *k == s.key) {
                Some((_, n)) => *n += 1,
                None => count.push((s.key, 1)),
            }
        }
        let taken = |count: &[(&str, usize)], key: &str| {
            count.iter().find(|(k, _)| *k == key).map_or(0, |&(_, n)| n)
        };
        let mut moves: Vec<(usize, &'a str)> = Vec::new();
        for (i, s) in sections.iter().enumerate() {
            let shared = s.key != UNDECIDED && taken(&count, s.key) > 1;
            if !shared || vocab.section_for(&s.heading.text).is_some() {
                continue;
            }
            let Some((key, _)) = vocab.section_by_content(texts(pool, s)) else {
                continue;
            };
            if key != s.key && taken(&count, key) == 0 {
                moves.push((i, key));
                // Taken: no other section moves there.
                count.push((key, 1));
            }
        }
        for (i, key) in moves {
            if let Some(s) = self.out.sections.get_mut(i) {
                s.key = key;
            }
        }
    }
}

/// A section's heading, and the text of its blocks and table cells.
fn texts<'p>(pool: &'p [Block], s: &'p RawSection<'_>) -> impl Iterator<Item = &'p str> {
    let own = pool.get(s.blocks.clone()).unwrap_or_default();
    std::iter::once(s.heading.text.as_str()).chain(own.iter().flat_map(|b| {
        let cells = match &b.kind {
            Kind::Row { cells, .. } => cells.as_slice(),
            _ => &[],
        };
        std::iter::once(b.text.as_str()).chain(cells.iter().map(|c| c.text.as_str()))
    }))
}
