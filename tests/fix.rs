//! `charter lint --fix` on disk: what it writes, what it refuses to touch and says so.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const NORTHWIND_TOML: &str = include_str!("../examples/northwind-ledger.charter.toml");

fn fix_in(dir: &Path, file: &str) -> std::process::Output {
    Command::cargo_bin("charter")
        .expect("binary builds")
        .args([
            "lint",
            "--no-config",
            "--today",
            "2026-11-21",
            "--fix",
            file,
        ])
        .current_dir(dir)
        .output()
        .expect("runs")
}

#[test]
fn a_file_that_does_not_parse_is_left_untouched_and_the_run_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.charter.toml");
    let typo = NORTHWIND_TOML.replacen("target = ", "target ", 1);
    fs::write(&path, &typo).expect("write");
    for _ in 0..2 {
        let out = fix_in(dir.path(), "t.charter.toml");
        assert_eq!(out.status.code(), Some(1), "the parse error is reported");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("t.charter.toml: --fix leaves this file unchanged: it does not parse"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&path).expect("read"), typo);
    }
}

#[test]
fn a_cr_only_charter_is_fixed_once_in_its_own_line_endings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.charter.md");
    let text = "---\rpartner: Acme\rtier: 2\r---\r## Metrics\r\r- 20% more, reviewed monthly\r";
    fs::write(&path, text).expect("write");
    fix_in(dir.path(), "c.charter.md");
    let once = fs::read_to_string(&path).expect("read");
    assert!(once.starts_with("---\rpartner: Acme"), "{once:?}");
    assert!(
        once.contains("## Governance") && !once.contains('\n'),
        "{once:?}"
    );
    fix_in(dir.path(), "c.charter.md");
    assert_eq!(fs::read_to_string(&path).expect("read"), once);
}

#[test]
fn an_edit_made_during_the_fix_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.charter.toml");
    let cut = NORTHWIND_TOML.find("[exit]").expect("exit");
    let end = NORTHWIND_TOML.find("[[signatures]]").expect("sigs");
    let broken = format!("{}{}", &NORTHWIND_TOML[..cut], &NORTHWIND_TOML[end..]);
    fs::write(&path, &broken).expect("write");
    // The hook appends this to the file after it was read, before the fix is written.
    let out = Command::cargo_bin("charter")
        .expect("binary builds")
        .args(["lint", "--no-config", "--today", "2026-11-21", "--fix"])
        .arg("t.charter.toml")
        .env("CHARTER_TEST_EDIT_DURING_FIX", "# an edit\n")
        .current_dir(dir.path())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("it changed after it was read"), "{err}");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        format!("{broken}# an edit\n")
    );
    assert_eq!(
        fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temporary file left"
    );
}

/// The Northwind TOML charter without `[exit]`: one section for `--fix` to add.
fn without_exit() -> String {
    let cut = NORTHWIND_TOML.find("[exit]").expect("exit");
    let end = NORTHWIND_TOML.find("[[signatures]]").expect("sigs");
    format!("{}{}", &NORTHWIND_TOML[..cut], &NORTHWIND_TOML[end..])
}

#[cfg(unix)]
#[test]
fn a_symlink_stays_a_link_and_the_file_it_names_is_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("real")).expect("mkdir");
    let target = dir.path().join("real/t.charter.toml");
    fs::write(&target, without_exit()).expect("write");
    std::os::unix::fs::symlink("real/t.charter.toml", dir.path().join("l.charter.toml"))
        .expect("symlink");
    fix_in(dir.path(), "l.charter.toml");
    let link = fs::symlink_metadata(dir.path().join("l.charter.toml")).expect("link");
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert!(fs::read_to_string(&target)
        .expect("read")
        .contains("[exit]"));
    assert_eq!(
        fs::read_dir(dir.path().join("real")).expect("dir").count(),
        1
    );
}

#[cfg(unix)]
#[test]
fn the_owner_and_group_are_kept() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.charter.toml");
    fs::write(&path, without_exit()).expect("write");
    let me = fs::metadata(&path).expect("meta");
    // As root, the file is given to someone else; otherwise it is ours, and a fix
    // must leave it ours (a test that only means something when run as root).
    let (uid, gid) = if me.uid() == 0 {
        std::os::unix::fs::chown(&path, Some(4321), Some(4322)).expect("chown");
        (4321, 4322)
    } else {
        (me.uid(), me.gid())
    };
    fix_in(dir.path(), "t.charter.toml");
    let after = fs::metadata(&path).expect("meta");
    assert!(fs::read_to_string(&path).expect("read").contains("[exit]"));
    assert_eq!((after.uid(), after.gid()), (uid, gid));
}

#[test]
fn stale_temporary_files_of_a_killed_run_are_removed_and_fresh_ones_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("t.charter.toml"), without_exit()).expect("write");
    let stale = dir.path().join(".charter-AbC123.tmp");
    let fresh = dir.path().join(".charter-XyZ789.tmp");
    let other = dir.path().join(".charter-notes.tmp.bak");
    for p in [&stale, &fresh, &other] {
        fs::write(p, "half a charter").expect("write");
    }
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 60 * 60);
    for p in [&stale, &other] {
        fs::File::options()
            .write(true)
            .open(p)
            .expect("open")
            .set_modified(long_ago)
            .expect("set mtime");
    }
    fix_in(dir.path(), "t.charter.toml");
    assert!(!stale.exists(), "a stale temporary file is removed");
    assert!(fresh.exists(), "a fresh one may be a run writing now");
    assert!(other.exists(), "a name that is not ours is left");
}
