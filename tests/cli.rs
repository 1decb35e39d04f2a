//! The command line as users and scripts meet it: exit codes, formats, the walk,
//! standard input, and inputs that cannot be linted.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

const TODAY: &str = "2026-11-21";
const CLEAN_MD: &str = "examples/northwind-ledger.charter.md";
const CLEAN_TOML: &str = "examples/northwind-ledger.charter.toml";

fn charter() -> Command {
    let mut cmd = Command::cargo_bin("charter").expect("binary builds");
    cmd.env_remove("NO_COLOR");
    cmd
}

fn lint(args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("charter").expect("binary builds");
    cmd.args(["lint", "--no-config", "--today", TODAY])
        .args(args);
    cmd
}

fn json(args: &[&str]) -> (i32, Value) {
    let out = lint(&[&["--format", "json"], args].concat())
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap_or(-1), v)
}

fn rules_of(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn clean_examples_exit_0_with_no_findings() {
    for path in [CLEAN_MD, CLEAN_TOML] {
        let (code, v) = json(&[path]);
        assert_eq!(v["diagnostics"], Value::Array(vec![]), "{path}: {v:#}");
        assert_eq!(code, 0, "{path}");
        assert_eq!(v["summary"]["files"], 1);
    }
}

#[test]
fn json_has_the_documented_fields() {
    let (code, v) = json(&["examples/defects/partner-risks-nothing.charter.md"]);
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    let d = &v["diagnostics"][0];
    for key in [
        "path",
        "code",
        "rule",
        "severity",
        "message",
        "help",
        "line",
        "column",
        "end_line",
        "end_column",
    ] {
        assert!(d.get(key).is_some(), "missing {key}: {d:#}");
    }
    assert_eq!(
        d["path"],
        "examples/defects/partner-risks-nothing.charter.md"
    );
    assert_eq!(d["rule"], "nothing-at-stake");
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn each_defect_example_fires_the_rule_it_is_named_for() {
    let cases = [
        ("missing-exit-criteria.charter.md", "missing-section"),
        ("partner-risks-nothing.charter.md", "nothing-at-stake"),
        ("overlapping-phases.charter.md", "phase-overlap"),
        ("no-go-no-go-for-walk.charter.md", "missing-go-no-go"),
        ("unsigned-by-partner.charter.md", "missing-signature"),
        ("co-marketing-only.charter.toml", "co-marketing-only"),
        ("weak-crawl-bar.charter.toml", "weak-go-no-go"),
        ("impossible-review-date.charter.toml", "invalid-date"),
    ];
    for (file, rule) in cases {
        let path = format!("examples/defects/{file}");
        let (_, v) = json(&[&path]);
        assert_eq!(rules_of(&v), vec![rule.to_string()], "{file}: {v:#}");
    }
}

#[test]
fn errors_exit_1_and_warnings_only_with_deny_warnings() {
    lint(&["examples/defects/partner-risks-nothing.charter.md"])
        .assert()
        .code(1);
    // co-marketing-only is a warning: exit 0, unless warnings are denied.
    lint(&["examples/defects/co-marketing-only.charter.toml"])
        .assert()
        .code(0);
    lint(&[
        "--deny-warnings",
        "examples/defects/co-marketing-only.charter.toml",
    ])
    .assert()
    .code(1);
}

#[test]
fn concise_format_is_one_line_per_finding() {
    let out = lint(&[
        "--format",
        "concise",
        "examples/defects/partner-risks-nothing.charter.md",
    ])
    .output()
    .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("examples/defects/partner-risks-nothing.charter.md:")
            && first.contains(": error[nothing-at-stake] "),
        "{text}"
    );
}

#[test]
fn human_format_shows_the_source_line_help_and_summary() {
    let out = lint(&["examples/defects/partner-risks-nothing.charter.md"])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("nothing-at-stake"), "{text}");
    assert!(text.contains("**Partner loses:** nothing"), "{text}");
    assert!(text.contains("help:"), "{text}");
    assert!(
        text.contains("1 charter checked: 1 error, 0 warnings, 0 infos"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour when piped");
}

#[test]
fn a_missing_path_exits_2_and_the_others_are_still_linted() {
    let out = lint(&["--format", "json", "no/such/file.charter.md", CLEAN_MD])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["errors"][0]["path"], "no/such/file.charter.md");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no/such/file.charter.md") && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn the_highest_exit_code_wins() {
    lint(&[
        "examples/defects/partner-risks-nothing.charter.md",
        "missing.charter.md",
    ])
    .assert()
    .code(2);
}

#[test]
fn stdin_is_read_with_its_name_and_format() {
    let text = fs::read_to_string(CLEAN_TOML).expect("example");
    lint(&["--stdin-filename", "acme.charter.toml", "-"])
        .write_stdin(text.clone())
        .assert()
        .code(0);
    // Named as Markdown, the same text is not a charter at all: the name wins over
    // the content (unnamed, it is read as TOML: tests/first_run.rs).
    lint(&["--stdin-filename", "acme.charter.md", "-"])
        .write_stdin(text)
        .assert()
        .code(1);
    // Empty stdin is an empty charter: findings, not a hang or a crash.
    lint(&["-"]).write_stdin("").assert().code(1);
}

#[test]
fn a_walk_finds_charters_by_name_and_skips_hidden_ignored_and_vendored_folders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let clean = fs::read_to_string(CLEAN_MD).expect("example");
    let put = |rel: &str, text: &str| {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(p, text).expect("write");
    };
    put("partners/a.charter.md", &clean);
    put("partners/nested/b.charter.md", &clean);
    put("partners/notes.md", "# not a charter");
    put(".hidden/c.charter.md", "broken");
    put("target/d.charter.md", "broken");
    put("node_modules/e.charter.md", "broken");
    put("ignored/f.charter.md", "broken");
    put(".gitignore", "ignored/\n");
    fs::create_dir_all(root.join("x.charter.md")).expect("a directory named like a charter");
    let out = lint(&["--format", "json", "."])
        .current_dir(root)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["files"], 2, "{v:#}");
    assert_eq!(out.status.code(), Some(0), "{v:#}");
}

#[test]
fn a_named_file_is_linted_whatever_its_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("notes.md");
    fs::copy(CLEAN_MD, &p).expect("copy");
    let (code, v) = json(&[p.to_str().expect("utf8 path")]);
    assert_eq!((code, v["summary"]["files"].clone()), (0, Value::from(1)));
}

#[test]
fn bad_inputs_are_refused_with_their_own_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        fs::write(&p, bytes).expect("write");
        p.to_string_lossy().into_owned()
    };
    let cases = [
        (write("bin.charter.md", b"\x89PNG\0\0\x01"), "binary"),
        (write("u16.charter.md", b"\xff\xfe#\0 \0h\0"), "UTF-16"),
        (write("bad.charter.md", b"ok\n\xc3\x28"), "line 2, column 1"),
    ];
    for (path, expect) in cases {
        let out = lint(&[&path]).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&path) && err.contains(expect), "{err}");
    }
    let big = write("big.charter.md", &[b'a'; 2048]);
    let out = lint(&["--max-file-size", "1024", &big])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("limit"));
}

#[test]
fn a_bad_config_is_exit_2_with_its_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("charter.toml"),
        "[severity]\nplacholder = \"off\"\n",
    )
    .expect("write");
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["lint", "."])
        .env("NO_COLOR", "1")
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("placholder") && err.contains("placeholder"),
        "{err}"
    );
    assert!(err.contains("charter.toml:2:1"), "{err}");
}

#[test]
fn a_rules_table_in_the_config_says_where_severities_go() {
    // ruff and markdownlint turn rules off under `[rules]`; ours lists rule packs there.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("charter.toml"),
        "[rules]\nmissing-section = \"off\"\n",
    )
    .expect("write");
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["lint", "."])
        .env("NO_COLOR", "1")
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[severity]"), "{err}");
    assert!(err.contains("charter.toml:1:1"), "{err}");
}

#[test]
fn config_turns_rules_off_and_changes_severity() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy(
        "examples/defects/partner-risks-nothing.charter.md",
        dir.path().join("p.charter.md"),
    )
    .expect("copy");
    let cfg = dir.path().join("charter.toml");
    fs::write(&cfg, "[severity]\nnothing-at-stake = \"warning\"\n").expect("write");
    let run = |dir: &Path| {
        Command::cargo_bin("charter")
            .expect("binary")
            .args(["lint", "--today", TODAY, "."])
            .current_dir(dir)
            .output()
            .expect("runs")
    };
    assert_eq!(run(dir.path()).status.code(), Some(0));
    fs::write(&cfg, "[severity]\nCH008 = \"off\"\n").expect("write");
    let out = run(dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("no findings"));
}

#[test]
fn select_and_ignore_pick_rules_and_unknown_names_are_errors() {
    let f = "examples/defects/partner-risks-nothing.charter.md";
    lint(&["--ignore", "nothing-at-stake", f]).assert().code(0);
    lint(&["--select", "missing-section,CH005", f])
        .assert()
        .code(0);
    lint(&["--select", "nothing-at-stake", f]).assert().code(1);
    let out = lint(&["--ignore", "nothing-at-stak", f])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `nothing-at-stake`"));
}

#[test]
fn wrong_flags_are_usage_errors_with_exit_2() {
    charter().args(["lint", "--formt", "json"]).assert().code(2);
    charter().args(["lint", "--format", "xml"]).assert().code(2);
    charter()
        .args(["lint", "--today", "2026-02-30"])
        .assert()
        .code(2);
    charter().arg("--help").assert().code(0);
}

#[test]
fn rules_and_explain_print_the_pack_texts() {
    let out = charter().arg("rules").output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("CH002") && text.contains("missing-section"),
        "{text}"
    );
    let out = charter().args(["explain", "CH008"]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("nothing-at-stake (CH008)"), "{text}");
    assert!(
        text.contains("Fails:") && text.contains("Passes:"),
        "{text}"
    );
    charter().args(["explain", "no-such-rule"]).assert().code(2);
}

#[test]
fn inline_suppression_silences_a_rule() {
    let text =
        fs::read_to_string("examples/defects/partner-risks-nothing.charter.md").expect("read");
    let text = text.replace(
        "- **Partner loses:** nothing",
        "<!-- charter-disable-next-line nothing-at-stake -->\n- **Partner loses:** nothing",
    );
    lint(&["-"]).write_stdin(text).assert().code(0);
}

#[test]
fn changed_since_lints_only_what_differs_from_the_ref() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .output()
            .expect("git runs")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    fs::copy(CLEAN_MD, root.join("old.charter.md")).expect("copy");
    git(&["add", "."]);
    git(&["commit", "-qm", "base"]);
    fs::copy(
        "examples/defects/partner-risks-nothing.charter.md",
        root.join("new.charter.md"),
    )
    .expect("copy");
    let out = lint(&["--format", "json", "--changed-since", "HEAD", "."])
        .current_dir(root)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["files"], 1, "{v:#}");
    assert_eq!(v["diagnostics"][0]["path"], "new.charter.md");
    lint(&["--changed-since", "no-such-ref", "."])
        .current_dir(root)
        .assert()
        .code(2);
}

#[test]
fn fix_adds_missing_sections_never_removes_text_and_keeps_the_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = fs::read_to_string(CLEAN_MD).expect("example");
    let cut = |t: &str, from: &str, to: &str| {
        let a = t.find(from).expect("from");
        let b = t.find(to).expect("to");
        format!("{}{}", &t[..a], &t[b..])
    };
    let broken = cut(
        &cut(&text, "## Governance", "## Exit criteria"),
        "## Mutual goals",
        "## Value exchange",
    )
    .replace("— 2026-08-28", "— 2026-8-28");
    let path = dir.path().join("f.charter.md");
    fs::write(&path, &broken).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    }

    // --diff shows the change and writes nothing.
    let out = lint(&["--diff", "--format", "concise", "f.charter.md"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("+## Governance") && shown.contains("+## Mutual goals"),
        "{shown}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), broken);

    // With a machine format the diff goes to stderr: stdout stays one JSON document.
    for format in ["json", "sarif", "gitlab"] {
        let out = lint(&["--diff", "--format", format, "f.charter.md"])
            .current_dir(dir.path())
            .output()
            .expect("runs");
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap_or_else(|e| panic!("--diff --format {format}: stdout is not JSON: {e}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("+## Governance"), "{format}: {err}");
    }

    // --fix writes, and only prompts are left to report.
    let out = lint(&["--fix", "--format", "json", "f.charter.md"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(rules_of(&v).iter().all(|r| r == "placeholder"), "{v:#}");
    let fixed = fs::read_to_string(&path).expect("read");
    assert!(fixed.contains("— 2026-08-28"), "date normalised");
    for line in broken.lines() {
        let normal = line.replace("2026-8-28", "2026-08-28");
        assert!(fixed.lines().any(|l| l == normal), "line kept: {line}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    // Nothing left behind but the charter.
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 1);
    // Standard input cannot be fixed in place.
    lint(&["--fix", "-"]).write_stdin(broken).assert().code(2);
}

#[test]
fn many_files_give_the_same_report_on_one_thread_or_several() {
    // 70 charters: from 64 files on, worker threads lint them; below, the main thread.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut examples: Vec<_> = fs::read_dir("examples/defects")
        .expect("examples")
        .chain(fs::read_dir("examples").expect("examples"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(".charter."))
        .collect();
    examples.sort();
    let mut names = Vec::new();
    for i in 0..70 {
        let from = &examples[i % examples.len()];
        let ext = if from.extension().is_some_and(|e| e == "toml") {
            "toml"
        } else {
            "md"
        };
        let name = format!("c{i:03}.charter.{ext}");
        fs::copy(from, dir.path().join(&name)).expect("copy");
        names.push(name);
    }
    let run = |args: &[&str]| {
        let out = lint(&[&["--format", "concise"], args].concat())
            .current_dir(dir.path())
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let findings = |report: &str| -> Vec<String> {
        report
            .lines()
            .filter(|l| l.starts_with('c'))
            .map(str::to_string)
            .collect()
    };
    let two = run(&["-j", "2", "."]);
    let one = run(&["-j", "1", "."]);
    assert_eq!(two, one);
    // Files in walk (name) order, every one of them reported.
    let all = findings(&two);
    let files: Vec<&str> = all.iter().filter_map(|l| l.split(':').next()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(two.contains("70 charters checked:"), "{two}");
    // The first ten on their own (main thread) say what they said among the 70.
    let first: Vec<&str> = names.iter().take(10).map(String::as_str).collect();
    let alone = findings(&run(&first));
    let among: Vec<String> = all
        .iter()
        .filter(|l| first.iter().any(|n| l.starts_with(&format!("{n}:"))))
        .cloned()
        .collect();
    assert!(!alone.is_empty());
    assert_eq!(alone, among);
}

/// The last line a text format prints: the summary.
fn summary_line(format: &str, args: &[&str]) -> String {
    let out = lint(&[&["--format", format], args].concat())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .last()
        .unwrap_or_default()
        .trim_start_matches("charter: ")
        .to_string()
}

#[test]
fn text_formats_count_in_the_same_words() {
    let dir = "examples/defects";
    let human = summary_line("human", &["--color", "never", dir]);
    assert!(
        human.contains(" charters checked: ") && human.contains(" errors, "),
        "{human}"
    );
    for format in ["concise", "github"] {
        assert_eq!(summary_line(format, &[dir]), human, "{format}");
    }
}

#[test]
fn statistics_have_a_header_and_a_total() {
    let out = lint(&["--statistics", "--format", "json", "examples/defects"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header, ["count", "code", "rule"], "{err}");
    let counts: Vec<usize> = lines[1..lines.len() - 1]
        .iter()
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = v["diagnostics"].as_array().unwrap().len();
    assert!(counts.len() > 1, "{err}");
    assert_eq!(counts.iter().sum::<usize>(), found);
    let total: Vec<&str> = lines[lines.len() - 1].split_whitespace().collect();
    assert_eq!(total, [found.to_string().as_str(), "total"], "{err}");
}

#[test]
fn explain_shows_the_params_in_effect_after_the_config() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("charter.toml"),
        "[params.phase-duration]\ncrawl-max-weeks = 10\n",
    )
    .unwrap();
    let out = charter()
        .current_dir(dir.path())
        .args(["explain", "phase-duration"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    // The pack's value, and the config's over the pack's 8.
    assert!(text.contains("    crawl-min-weeks = 4\n"), "{text}");
    assert!(
        text.contains("    crawl-max-weeks = 10  # from charter.toml\n"),
        "{text}"
    );
    assert!(text.contains("    grace-days = 2\n"), "{text}");
    // A rule without params says so.
    let out = charter()
        .current_dir(dir.path())
        .args(["explain", "leverage-missing"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\nParameters: none.\n"), "{text}");
}

#[test]
fn a_walk_honours_every_ignore_file_git_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("repo");
    let clean = fs::read_to_string(CLEAN_MD).expect("example");
    let put = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(p, text).expect("write");
    };
    put("repo/partners/kept.charter.md", &clean);
    // Each of these is ignored by a different source; each would draw findings.
    put("repo/partners/by-info-exclude.charter.md", "broken");
    put("repo/partners/by-global.charter.md", "broken");
    put("repo/partners/deep/by-nested.charter.md", "broken");
    put("repo/partners/deep/.gitignore", "by-nested.charter.md\n");
    put("repo/.git/info/exclude", "by-info-exclude.charter.md\n");
    put(
        "home/.gitconfig",
        "[core]\n\texcludesFile = ~/global-ignore\n",
    );
    put("home/global-ignore", "by-global.charter.md\n");
    for walked in [&root, &root.join("partners")] {
        let out = lint(&["--format", "json", "."])
            .current_dir(walked)
            .env("HOME", dir.path().join("home"))
            .env("XDG_CONFIG_HOME", dir.path().join("xdg"))
            .env_remove("GIT_CONFIG_GLOBAL")
            .output()
            .expect("runs");
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(v["summary"]["files"], 1, "{}: {v:#}", walked.display());
        assert_eq!(out.status.code(), Some(0), "{v:#}");
    }
}

#[test]
fn the_config_is_found_from_the_linted_path_and_force_exclude_applies_it_to_named_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let clean = fs::read_to_string(CLEAN_MD).expect("example");
    let put = |rel: &str, text: &str| {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(p, text).expect("write");
    };
    put(
        "team/charter.toml",
        "exclude = [\"archive/**\"]\n[severity]\nmissing-section = \"off\"\n",
    );
    put("team/kept.charter.md", &clean);
    put("team/thin.charter.md", "# Thin\n");
    put("team/archive/old.charter.md", "broken");
    // Run from above team/: the config is team's all the same.
    let run = |args: &[&str]| -> Value {
        let out = Command::cargo_bin("charter")
            .unwrap()
            .current_dir(root)
            .args(["lint", "--today", TODAY, "--format", "json"])
            .args(args)
            .output()
            .expect("runs");
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let v = run(&["team/thin.charter.md"]);
    assert!(
        !rules_of(&v).iter().any(|r| r == "missing-section"),
        "team/charter.toml turned missing-section off: {v:#}"
    );
    // A named file is linted even when excluded; with --force-exclude it is not.
    let named = ["team/kept.charter.md", "team/archive/old.charter.md"];
    assert_eq!(run(&named)["summary"]["files"], 2);
    let v = run(&[&["--force-exclude"], &named[..]].concat());
    assert_eq!(v["summary"]["files"], 1, "{v:#}");
}
