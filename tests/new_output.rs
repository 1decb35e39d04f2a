//! Where `charter new` writes, and what it refuses to write over.

use assert_cmd::Command;
use std::path::Path;

fn new(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("charter")
        .expect("binary builds")
        .args(["new", "Acme", "--tier", "2", "--no-config"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

#[cfg(unix)]
#[test]
fn force_never_replaces_what_is_not_a_file() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.charter.md");
    let c_path = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("no NUL");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    let out = new(dir.path(), &["--force", "-o", "pipe.charter.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not a regular file"), "{err}");
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced");
}
