//! A report written as the files are linted: the format's head, each file's text
//! (with the format's separator between files that have any), then its end. Nothing
//! but the text of the file at hand is held, so memory does not grow with the number
//! of findings.
//!
//! A format whose head carries totals (JUnit's counts on its root element) has the
//! files' text kept in an unnamed temporary file until the totals are known.

use super::{Report, Run};
use std::io::{self, Seek, Write};

pub struct Stream<'r, W: Write> {
    report: &'r dyn Report,
    out: W,
    /// The files' text while the head waits for the totals.
    spool: Option<Spool>,
    /// Whether a file's text has been written (the next one is preceded by the
    /// separator).
    wrote: bool,
}

enum Spool {
    File(io::BufWriter<std::fs::File>),
    /// When no temporary file can be made: held in memory, as before streaming.
    Memory(Vec<u8>),
}

impl<'r, W: Write> Stream<'r, W> {
    /// Start a report: its head now, unless it waits for the totals.
    pub fn begin(
        report: &'r dyn Report,
        rules: &[crate::rules::engine::Rule],
        mut out: W,
    ) -> io::Result<Self> {
        let spool = if report.head_needs_totals() {
            Some(match tempfile::tempfile() {
                Ok(f) => Spool::File(io::BufWriter::new(f)),
                Err(_) => Spool::Memory(Vec::new()),
            })
        } else {
            out.write_all(report.head(&Run::start(rules)).as_bytes())?;
            None
        };
        Ok(Stream {
            report,
            out,
            spool,
            wrote: false,
        })
    }

    /// One file's text, in input order.
    pub fn file(&mut self, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        let sep = if self.wrote {
            self.report.separator()
        } else {
            ""
        };
        self.wrote = true;
        let to: &mut dyn Write = match &mut self.spool {
            Some(Spool::File(f)) => f,
            Some(Spool::Memory(v)) => v,
            None => &mut self.out,
        };
        to.write_all(sep.as_bytes())?;
        to.write_all(text.as_bytes())
    }

    /// End the report (and write a head that waited, then the files' text); its
    /// `finish` only when `finish` (`--quiet` drops a summary line).
    pub fn end(mut self, run: &Run<'_>, finish: bool) -> io::Result<W> {
        match self.spool.take() {
            None => {}
            Some(spool) => {
                self.out.write_all(self.report.head(run).as_bytes())?;
                match spool {
                    Spool::Memory(v) => self.out.write_all(&v)?,
                    Spool::File(f) => {
                        let mut f = f.into_inner().map_err(|e| e.into_error())?;
                        f.rewind()?;
                        io::copy(&mut f, &mut self.out)?;
                    }
                }
            }
        }
        if finish {
            self.out.write_all(self.report.finish(run).as_bytes())?;
        }
        Ok(self.out)
    }
}
