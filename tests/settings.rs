//! The files that steer a run (config, rule packs, answers, templates) are read with
//! the guards charters have: a regular file, a size limit, an open that cannot block.
//! Templates, once read, cannot recurse or loop without bound. Every case runs the
//! real binary under a timeout, so a hang fails the test.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::time::Duration;

const CLEAN_MD: &str = "examples/northwind-ledger.charter.md";
/// A hang fails, slowness does not (a debug build on a loaded machine).
const LIMIT: Duration = Duration::from_secs(120);

/// `charter ARGS` in `dir`: (exit code, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(args)
        .current_dir(dir)
        .timeout(LIMIT)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A FIFO at `path`, or `false` where mkfifo is missing.
fn fifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

fn with_charter() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy(CLEAN_MD, dir.path().join("a.charter.md")).expect("copy");
    dir
}

#[cfg(unix)]
#[test]
fn a_device_as_a_rule_pack_is_refused_not_read() {
    let dir = with_charter();
    fs::write(dir.path().join("charter.toml"), "rules = [\"/dev/zero\"]\n").expect("write");
    let (code, err) = run(dir.path(), &["lint", "a.charter.md"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("/dev/zero") && err.contains("not a regular file (a device)"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_as_config_pack_or_answers_is_refused_at_once() {
    let dir = with_charter();
    let pipe = dir.path().join("pipe");
    if !fifo(&pipe) {
        return;
    }
    let (code, err) = run(dir.path(), &["lint", "--config", "pipe", "a.charter.md"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("FIFO"), "config: {err}");

    fs::write(dir.path().join("charter.toml"), "rules = [\"pipe\"]\n").expect("write");
    let (code, err) = run(dir.path(), &["lint", "a.charter.md"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("FIFO"), "pack: {err}");

    let (code, err) = run(
        dir.path(),
        &[
            "new",
            "Acme",
            "--tier",
            "1",
            "--answers",
            "pipe",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("FIFO"), "answers: {err}");
}

#[test]
fn an_oversized_template_or_config_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).expect("mkdir");
    // A template no charter uses, and valid tera: only its size is wrong.
    let big = "x".repeat(5 * 1024 * 1024);
    fs::write(templates.join("unused.tera"), format!("{{# {big} #}}")).expect("write");
    let (code, err) = run(
        dir.path(),
        &[
            "new",
            "Acme",
            "--tier",
            "1",
            "--templates",
            "templates",
            "--stdout",
            "--no-config",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("byte limit"), "template: {err}");

    let padded = format!("company = \"Acme\"\n#{big}\n");
    fs::write(dir.path().join("charter.toml"), padded).expect("write");
    let (code, err) = run(dir.path(), &["rules"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("byte limit"), "config: {err}");
}

/// tera follows recursion to a stack overflow (exit 134) and `range` to any size:
/// both are refused with exit 2 and a message.
#[test]
fn a_recursive_or_runaway_template_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).expect("mkdir");
    let cases = [
        ("{% include \"charter.md.tera\" %}", "calls itself"),
        (
            "{% macro m() %}{{ self::m() }}{% endmacro m %}{{ self::m() }}",
            "calls itself",
        ),
        (
            "{% for i in range(end=100000000) %}{% endfor %}",
            "more than 100000 numbers",
        ),
    ];
    for (template, expected) in cases {
        fs::write(templates.join("charter.md.tera"), template).expect("write");
        let (code, err) = run(
            dir.path(),
            &[
                "new",
                "Acme",
                "--tier",
                "1",
                "--templates",
                "templates",
                "--stdout",
                "--no-config",
            ],
        );
        assert_eq!(code, 2, "{template}: {err}");
        assert!(err.contains(expected), "{template}: {err}");
    }
}
