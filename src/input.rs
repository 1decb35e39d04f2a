//! Reading one input into a [`Source`]: regular files only, size-capped, UTF-8 only,
//! every refusal a clear message with the path. Charters and the files that steer a
//! run (config, rule packs, answers, templates) are read the same guarded way.

use crate::source::Source;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why an input could not be read. Each is reported with its path; the run goes on
/// with the other inputs and exits 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Missing,
    NotAFile(&'static str),
    TooLarge {
        limit: u64,
    },
    /// Over [`SETTINGS_LIMIT`], which no flag raises.
    Oversized {
        limit: u64,
    },
    Binary,
    Utf16,
    NotUtf8 {
        line: usize,
        column: usize,
        byte: usize,
    },
    Io(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Missing => f.write_str("no such file or directory"),
            InputError::NotAFile(kind) => write!(f, "not a regular file ({kind})"),
            InputError::TooLarge { limit } => {
                write!(
                    f,
                    "larger than the {limit}-byte limit (raise it with --max-file-size)"
                )
            }
            InputError::Oversized { limit } => write!(f, "larger than the {limit}-byte limit"),
            InputError::Binary => {
                f.write_str("a binary file (it contains NUL bytes), not a charter")
            }
            InputError::Utf16 => f.write_str("encoded as UTF-16; save it as UTF-8"),
            InputError::NotUtf8 { line, column, byte } => write!(
                f,
                "not valid UTF-8 at line {line}, column {column} (byte {byte}); save it as UTF-8"
            ),
            InputError::Io(e) => f.write_str(e),
        }
    }
}

/// The most a config, rule pack, answers file or template may hold: far more than any
/// needs, and little enough that `rules = ["/dev/zero"]`-like mistakes stop at once.
pub const SETTINGS_LIMIT: u64 = 4 * 1024 * 1024;

/// Read a file, refusing anything but a regular file of at most `limit` bytes.
pub fn read_file(path: &Path, display: &str, limit: u64) -> Result<Source, InputError> {
    read_file_checked(path, display, limit, || {})
}

/// Read a config, rule pack, answers file or template: the guards of [`read_file`]
/// under [`SETTINGS_LIMIT`], the text without a BOM.
pub fn read_settings(path: &Path) -> Result<String, InputError> {
    let display = path.display().to_string();
    match read_file(path, &display, SETTINGS_LIMIT) {
        Ok(source) => Ok(source.text),
        Err(InputError::TooLarge { limit }) => Err(InputError::Oversized { limit }),
        Err(e) => Err(e),
    }
}

/// [`read_file`], with `between` run after the look and before the open (a test
/// swaps the file there).
fn read_file_checked(
    path: &Path,
    display: &str,
    limit: u64,
    between: impl FnOnce(),
) -> Result<Source, InputError> {
    // Look before opening, so that a device is refused without being opened at all.
    let meta = std::fs::metadata(path).map_err(|e| io_error(&e))?;
    regular_size(&meta, limit)?;
    between();
    // What is there now may not be what was looked at: check again through the
    // opened file, opened so that a FIFO cannot block.
    read_found_file(path, display, limit)
}

/// Read a file that the walk found as a regular file: opened first and checked
/// through the open file, one path lookup where [`read_file`] needs two (see
/// bench/README.md). On Unix it is opened non-blocking, so that a FIFO
/// put in its place since the walk cannot hang the run; the check refuses it.
pub fn read_found_file(path: &Path, display: &str, limit: u64) -> Result<Source, InputError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| io_error(&e))?;
    let meta = file.metadata().map_err(|e| io_error(&e))?;
    let size = regular_size(&meta, limit)?;
    read_capped(file, limit, size).and_then(|bytes| decode(display, bytes))
}

/// The size of a regular file within the limit; anything else refused.
fn regular_size(meta: &std::fs::Metadata, limit: u64) -> Result<u64, InputError> {
    let ft = meta.file_type();
    if !ft.is_file() {
        return Err(InputError::NotAFile(kind_of(&ft)));
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(meta.len())
}

/// Read standard input (or any reader), capped.
pub fn read_stream(reader: impl Read, display: &str, limit: u64) -> Result<Source, InputError> {
    read_capped(reader, limit, 0).and_then(|bytes| decode(display, bytes))
}

fn read_capped(reader: impl Read, limit: u64, size_hint: u64) -> Result<Vec<u8>, InputError> {
    // One spare byte, so the read that finds the end needs no regrowth either.
    let mut bytes = Vec::with_capacity(usize::try_from(size_hint.min(limit)).unwrap_or(0) + 1);
    // One byte past the limit tells a file that grew after the size check.
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Bytes to text: UTF-16 and binary files get their own messages, invalid UTF-8 its place.
pub fn decode(display: &str, bytes: Vec<u8>) -> Result<Source, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    // memchr: a SIMD scan, where `contains` goes a word at a time.
    if memchr::memchr(0, &bytes).is_some() {
        // UTF-16 without a BOM is mostly NULs too.
        let nuls = bytes.iter().filter(|&&b| b == 0).count();
        if nuls * 3 >= bytes.len() && bytes.len() >= 2 && looks_utf16(&bytes) {
            return Err(InputError::Utf16);
        }
        return Err(InputError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(display, text)),
        Err(e) => {
            let byte = e.utf8_error().valid_up_to();
            let good = &e.as_bytes()[..byte];
            // `good` is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let line = prefix.matches('\n').count() + 1;
            let column = prefix
                .rsplit('\n')
                .next()
                .map(|l| l.chars().count())
                .unwrap_or(0)
                + 1;
            Err(InputError::NotUtf8 { line, column, byte })
        }
    }
}

fn looks_utf16(bytes: &[u8]) -> bool {
    // ASCII text as UTF-16: every other byte is NUL.
    let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = bytes.len() / 2;
    even * 10 >= half * 9 || odd * 10 >= half * 9
}

fn io_error(e: &std::io::Error) -> InputError {
    match e.kind() {
        std::io::ErrorKind::NotFound => InputError::Missing,
        _ => InputError::Io(e.to_string()),
    }
}

fn kind_of(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
    }
    if ft.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the walk found may have changed by the time it is read: a file read as
    /// `read_file` reads it, anything else refused, a FIFO at once (no writer needed).
    #[test]
    fn a_found_file_is_checked_after_opening() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.charter.md");
        std::fs::write(&file, "# A\n").expect("write");
        let found = read_found_file(&file, "a", 100).expect("read");
        assert_eq!(found.text, read_file(&file, "a", 100).expect("read").text);
        assert_eq!(
            read_found_file(&file, "a", 2).unwrap_err(),
            InputError::TooLarge { limit: 2 }
        );
        assert!(matches!(
            read_found_file(&dir.path().join("gone"), "g", 100),
            Err(InputError::Missing)
        ));
        // Windows does not open folders as files at all.
        #[cfg(unix)]
        {
            assert_eq!(
                read_found_file(dir.path(), "d", 100).unwrap_err(),
                InputError::NotAFile("a directory")
            );
            let fifo = dir.path().join("p.charter.md");
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .is_ok_and(|s| s.success());
            if made {
                assert_eq!(
                    read_found_file(&fifo, "p", 100).unwrap_err(),
                    InputError::NotAFile("a FIFO")
                );
            }
        }
    }

    /// A named file swapped for a FIFO between the look and the open is refused, not
    /// waited on (a blocking open would wait for a writer forever).
    #[cfg(unix)]
    #[test]
    fn a_file_swapped_for_a_fifo_after_the_look_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.charter.md");
        std::fs::write(&file, "# A\n").expect("write");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            return;
        }
        let swap = || std::fs::rename(&fifo, &file).expect("swap");
        assert_eq!(
            read_file_checked(&file, "a", 100, swap).unwrap_err(),
            InputError::NotAFile("a FIFO")
        );
    }

    #[test]
    fn settings_are_capped_without_a_flag_to_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("charter.toml");
        std::fs::write(&file, "\u{feff}company = \"Acme\"\n").expect("write");
        assert_eq!(read_settings(&file).expect("read"), "company = \"Acme\"\n");
        let big = vec![b'#'; usize::try_from(SETTINGS_LIMIT).unwrap_or(0) + 1];
        std::fs::write(&file, big).expect("write");
        let err = read_settings(&file).unwrap_err();
        assert!(matches!(err, InputError::Oversized { .. }), "{err}");
        assert!(!err.to_string().contains("--max-file-size"), "{err}");
    }

    #[test]
    fn decoding_refuses_what_is_not_utf8_text() {
        assert_eq!(
            decode("x", vec![0xFF, 0xFE, b'a', 0]).unwrap_err(),
            InputError::Utf16
        );
        assert_eq!(
            decode("x", b"a\0b\0c\0d\0".to_vec()).unwrap_err(),
            InputError::Utf16
        );
        assert_eq!(
            decode("x", b"PNG\0\x01\x02\x03\x04\x05\x06".to_vec()).unwrap_err(),
            InputError::Binary
        );
        assert_eq!(
            decode("x", b"ok\nab\xFFc".to_vec()).unwrap_err(),
            InputError::NotUtf8 {
                line: 2,
                column: 3,
                byte: 5
            }
        );
        assert_eq!(
            decode("x", "\u{feff}# hi".as_bytes().to_vec())
                .unwrap()
                .text,
            "# hi"
        );
    }

    #[test]
    fn streams_are_capped() {
        let err = read_stream(&b"0123456789"[..], "-", 5).unwrap_err();
        assert_eq!(err, InputError::TooLarge { limit: 5 });
        assert!(read_stream(&b"01234"[..], "-", 5).is_ok());
    }
}
