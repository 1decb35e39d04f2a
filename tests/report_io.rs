//! Where reports go: a report that cannot be written is an error with a message
//! (exit 2), a reader that went away is a quiet end.

use std::process::{Command, Output, Stdio};

const TODAY: &str = "2026-11-21";
const CLEAN_MD: &str = "examples/northwind-ledger.charter.md";
const DEFECT_MD: &str = "examples/defects/missing-exit-criteria.charter.md";

fn charter(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_charter"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .args(args);
    cmd
}

fn lint_args<'a>(args: &[&'a str]) -> Vec<&'a str> {
    [&["lint", "--no-config", "--today", TODAY][..], args].concat()
}

/// Run with standard output on /dev/full, where every write fails with ENOSPC.
fn to_full_disk(args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens");
    charter(args).stdout(full).output().expect("runs")
}

/// Run with standard output on a pipe whose reader has already gone, as after `| head`.
fn to_closed_pipe(args: &[&str]) -> Output {
    let mut reader = Command::new("true")
        .stdin(Stdio::piped())
        .spawn()
        .expect("true runs");
    let pipe = reader.stdin.take().expect("a pipe");
    reader.wait().expect("true ends");
    charter(args).stdout(pipe).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_report_that_cannot_be_written_is_exit_2_with_a_message() {
    let cases: Vec<Vec<&str>> = vec![
        lint_args(&[CLEAN_MD]),
        lint_args(&[DEFECT_MD]),
        lint_args(&["--format", "json", CLEAN_MD]),
        lint_args(&["--format", "sarif", DEFECT_MD]),
        vec!["rules", "--no-config"],
        vec!["rules", "--no-config", "--json"],
        vec!["explain", "--no-config", "phase-order"],
        vec!["new", "Acme", "--tier", "2", "--stdout", "--no-config"],
    ];
    for args in cases {
        let out = to_full_disk(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot write") && !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (lint_args(&[CLEAN_MD]), 0),
        (lint_args(&[DEFECT_MD]), 1),
        (lint_args(&["--format", "concise", "examples"]), 1),
        (vec!["rules", "--no-config"], 0),
        (vec!["explain", "--no-config", "phase-order"], 0),
        (
            vec!["new", "Acme", "--tier", "2", "--stdout", "--no-config"],
            0,
        ),
    ];
    for (args, code) in cases {
        let out = to_closed_pipe(&args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}
