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

const WARNING_ONLY: &str = "examples/defects/weak-crawl-bar.charter.toml";

fn run(args: &[&str]) -> Output {
    charter(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn quiet_prints_the_findings_without_the_summary() {
    let out = run(&lint_args(&["--quiet", "--format", "concise", DEFECT_MD]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{DEFECT_MD}:1:1: error[missing-section] no Exit criteria section\n")
    );
    let out = run(&lint_args(&["-q", CLEAN_MD]));
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));
    // A document stays whole.
    let out = run(&lint_args(&["-q", "--format", "json", CLEAN_MD]));
    assert!(stdout(&out).contains("\"summary\""));
}

#[test]
fn exit_zero_reports_without_failing_but_trouble_is_still_2() {
    let out = run(&lint_args(&[
        "--exit-zero",
        "--format",
        "concise",
        DEFECT_MD,
    ]));
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("error[missing-section]"));
    let out = run(&lint_args(&[
        "--exit-zero",
        DEFECT_MD,
        "no-such.charter.md",
    ]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("report.sarif");
    std::fs::write(&file, "old").expect("writes");
    let file_arg = file.to_string_lossy().into_owned();
    let out = run(&lint_args(&[
        "--format",
        "sarif",
        "--output-file",
        &file_arg,
        DEFECT_MD,
    ]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("the report")).expect("JSON");
    assert_eq!(report["runs"][0]["results"][0]["ruleId"], "CH002");
    // Nothing but the report is left in the folder.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("report.sarif")]);

    // A folder that does not exist: exit 2 before linting, with the path named.
    let missing = dir.path().join("no/such/report.json");
    let out = run(&lint_args(&["-o", &missing.to_string_lossy(), DEFECT_MD]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/report.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn force_color_colours_a_report_that_is_not_on_a_terminal() {
    let plain = run(&lint_args(&[DEFECT_MD]));
    assert!(!stdout(&plain).contains('\u{1b}'));
    for value in ["1", "true"] {
        let forced = charter(&lint_args(&[DEFECT_MD]))
            .env("FORCE_COLOR", value)
            .output()
            .expect("runs");
        assert!(stdout(&forced).contains('\u{1b}'), "FORCE_COLOR={value}");
    }
    let zero = charter(&lint_args(&[DEFECT_MD]))
        .env("FORCE_COLOR", "0")
        .output()
        .expect("runs");
    assert!(!stdout(&zero).contains('\u{1b}'));
    // The flag still wins.
    let never = charter(&lint_args(&["--color", "never", DEFECT_MD]))
        .env("FORCE_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!stdout(&never).contains('\u{1b}'));
}

#[test]
fn junit_is_green_when_the_exit_code_is_0() {
    let out = run(&lint_args(&["--format", "junit", WARNING_ONLY]));
    assert_eq!(out.status.code(), Some(0));
    let xml = stdout(&out);
    assert!(!xml.contains("<failure"), "{xml}");
    assert!(xml.contains("failures=\"0\""), "{xml}");
    assert!(xml.contains("warning[weak-go-no-go]"), "{xml}");
    let out = run(&lint_args(&[
        "--format",
        "junit",
        "--deny-warnings",
        WARNING_ONLY,
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("<failure"));
}

/// A checkout: `.git`, `partners/a.charter.md` (with a finding) and an empty `docs/`.
fn checkout() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for sub in [".git", "partners", "docs"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
    }
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::copy(
        format!("{root}/{DEFECT_MD}"),
        dir.path().join("partners/a.charter.md"),
    )
    .expect("copies");
    dir
}

/// The path each CI format gives the finding of `partners/a.charter.md`.
fn ci_paths(cwd: &std::path::Path, arg: &str, workspace: Option<&std::path::Path>) -> Vec<String> {
    let mut paths = Vec::new();
    for format in ["sarif", "gitlab", "rdjson", "junit", "github"] {
        let mut cmd = charter(&lint_args(&["--format", format, arg]));
        cmd.current_dir(cwd)
            .env_remove("GITHUB_WORKSPACE")
            .env_remove("CI_PROJECT_DIR");
        if let Some(w) = workspace {
            cmd.env("GITHUB_WORKSPACE", w);
        }
        let out = cmd.output().expect("runs");
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        let text = stdout(&out);
        let path = match format {
            "junit" => roxmltree::Document::parse(&text)
                .expect("XML")
                .descendants()
                .find(|n| n.has_tag_name("testsuite"))
                .and_then(|n| n.attribute("name").map(str::to_string)),
            "github" => text
                .split("file=")
                .nth(1)
                .and_then(|s| s.split(',').next())
                .map(str::to_string),
            _ => {
                let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
                let p = match format {
                    "sarif" => {
                        let loc = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                            ["artifactLocation"];
                        assert_eq!(loc["uriBaseId"], "%SRCROOT%", "{loc}");
                        &loc["uri"]
                    }
                    "gitlab" => &v[0]["location"]["path"],
                    _ => &v["diagnostics"][0]["location"]["path"],
                };
                p.as_str().map(str::to_string)
            }
        };
        paths.push(path.unwrap_or_else(|| format!("{format}: no path in {text}")));
    }
    paths
}

#[test]
fn ci_paths_are_relative_to_the_checkout_whatever_the_arguments() {
    let repo = checkout();
    let want = vec!["partners/a.charter.md".to_string(); 5];
    let abs = repo.path().join("partners/a.charter.md");
    let abs = abs.to_string_lossy();
    // From a sub-folder, by `../` and by an absolute path.
    let docs = repo.path().join("docs");
    assert_eq!(ci_paths(&docs, "../partners/a.charter.md", None), want);
    assert_eq!(ci_paths(&docs, &abs, None), want);
    // From the root, by `./`.
    assert_eq!(ci_paths(repo.path(), "./partners/a.charter.md", None), want);
    // From anywhere, with the workspace CI names.
    let elsewhere = tempfile::tempdir().expect("a temp dir");
    assert_eq!(ci_paths(elsewhere.path(), &abs, Some(repo.path())), want);
}
