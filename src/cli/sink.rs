//! Where `charter lint` writes its report: standard output, or the file of
//! `--output-file`, written the way src/write.rs writes a charter: into a temporary
//! file beside it, renamed into place once the report is complete, so a reader (a CI
//! upload step, an editor) never sees half a report and a failed run leaves the old
//! report as it was.

use super::{exit, ColorChoice};
use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::path::{Path, PathBuf};

pub enum Sink {
    Stdout(BufWriter<Stdout>),
    File {
        tmp: BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
    },
}

impl Sink {
    pub fn stdout() -> Sink {
        Sink::Stdout(BufWriter::new(io::stdout()))
    }

    /// A sink for `path`: its temporary file is made now, so a folder that does not
    /// exist or cannot be written stops the run before any charter is linted.
    pub fn file(path: &Path) -> io::Result<Sink> {
        if path.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            ));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut b = tempfile::Builder::new();
        b.prefix(".charter-").suffix(".tmp");
        // A report is shared (CI artifacts): the mode a new file gets, not 0600.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            b.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = b.tempfile_in(dir)?;
        Ok(Sink::File {
            tmp: BufWriter::new(tmp),
            path: path.to_path_buf(),
        })
    }

    /// What the report goes to, for messages.
    pub fn name(&self) -> String {
        match self {
            Sink::Stdout(_) => "standard output".to_string(),
            Sink::File { path, .. } => path.display().to_string(),
        }
    }

    /// Flush the report, and put a file in place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush(),
            Sink::File { tmp, path } => {
                let tmp = tmp.into_inner().map_err(|e| e.into_error())?;
                tmp.as_file().sync_all()?;
                tmp.persist(&path).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File { tmp, .. } => tmp.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.write_all(buf),
            Sink::File { tmp, .. } => tmp.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File { tmp, .. } => tmp.flush(),
        }
    }
}

/// The exit code once writing the report failed: a reader that went away (`| head`)
/// ends the run quietly with the code so far; any other failure (a full disk) means
/// the report is incomplete, which is "could not run".
pub fn write_failed(code: u8, e: std::io::Error, to: &str) -> u8 {
    match super::quiet_on_closed_pipe(Err(e)) {
        Ok(()) => code,
        Err(e) => {
            eprintln!("error: cannot write the report to {to}: {e}");
            exit::TROUBLE
        }
    }
}

/// Colour or not. FORCE_COLOR (any value but empty or `0`, as force-color.org and
/// Node read it) asks for colour where no terminal is (a CI log that renders ANSI).
pub fn use_color(choice: ColorChoice, to_stdout: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("FORCE_COLOR").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto => {
            to_stdout && std::io::stdout().is_terminal() && set("NO_COLOR").is_none()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_file_appears_only_when_finished_and_replaces_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let mut sink = Sink::file(&path).unwrap();
        sink.write_all(b"new").unwrap();
        sink.flush().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        sink.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(names(dir.path()), ["report.json"]);
    }

    #[test]
    fn an_abandoned_report_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        let mut sink = Sink::file(&path).unwrap();
        sink.write_all(b"half").unwrap();
        drop(sink);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_missing_folder_or_a_directory_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Sink::file(&dir.path().join("no/such/report.json")).is_err());
        assert!(Sink::file(dir.path()).is_err());
    }
}
