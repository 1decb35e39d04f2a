//! Blocks kept from one file to the next on a thread, so that their buffers are
//! allocated once per thread.

use super::{Blocks, Kind};

impl Blocks<'_> {
    /// The blocks, emptied (no text of this file stays behind), to be reused for the
    /// next file.
    pub fn into_pool(mut self) -> Pool {
        // Blocks past `used` and the spare cells were emptied before this file (and a
        // cell is cleared again when taken): only this file's own need emptying.
        let used = self.used.min(self.pool.len());
        for b in &mut self.pool[..used] {
            b.text.clear();
            b.chunks.clear();
            if let Kind::Row { cells, .. } = &mut b.kind {
                self.spare_cells.extend(cells.drain(..).map(|mut c| {
                    c.text.clear();
                    c.text
                }));
            }
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
    pub(super) blocks: Vec<super::Block>,
    /// Table cells' text buffers: a charter's tables have dozens of cells.
    pub(super) cells: Vec<String>,
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
