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

#[test]
fn a_toml_charter_starts_with_a_schema_line_pointing_at_the_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("charters")).expect("mkdir");
    let out = new(
        dir.path(),
        &["--format", "toml", "-o", "charters/acme.charter.toml"],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text =
        std::fs::read_to_string(dir.path().join("charters/acme.charter.toml")).expect("written");
    assert!(
        text.starts_with("#:schema ../charter.schema.json\n"),
        "{}",
        &text[..80]
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("charter schema >"), "{err}");
    // Markdown has no such line.
    let md = new(dir.path(), &["--format", "md", "--stdout"]);
    assert!(!String::from_utf8_lossy(&md.stdout).contains("#:schema"));
    let toml = new(dir.path(), &["--format", "toml", "--stdout"]);
    assert!(String::from_utf8_lossy(&toml.stdout).starts_with("#:schema ./charter.schema.json\n"));
}

#[test]
fn a_name_read_as_the_other_format_is_refused_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = new(dir.path(), &["-o", "acme.txt", "--format", "toml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("would be read as Markdown") && err.contains("acme.charter.toml"),
        "{err}"
    );
    assert!(!dir.path().join("acme.txt").exists());
    // --force writes it, with a warning.
    let out = new(
        dir.path(),
        &["-o", "acme.txt", "--format", "toml", "--force"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("warning: acme.txt would be read as Markdown"));
    assert!(dir.path().join("acme.txt").exists());
    // A Markdown charter named .toml would be read as TOML.
    let out = new(dir.path(), &["-o", "acme.charter.toml", "--format", "md"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_name_a_walk_would_not_find_is_written_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = new(dir.path(), &["-o", "acme.md"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("would not find acme.md") && err.contains("acme.charter.md"),
        "{err}"
    );
    // The usual names, and names the config includes, say nothing.
    let out = new(dir.path(), &["-o", "acme.charter.md"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(
        dir.path().join("charter.toml"),
        "include = [\"docs/*.md\"]\n",
    )
    .expect("config");
    std::fs::create_dir(dir.path().join("docs")).expect("mkdir");
    let out = Command::cargo_bin("charter")
        .expect("binary builds")
        .args(["new", "Acme", "--tier", "2", "-o", "docs/acme.md"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
