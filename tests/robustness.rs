//! The bad-input matrix: whatever `charter lint` is given, it answers with a finding or
//! a clear error, keeps linting the other files, and never panics or hangs. Every case
//! runs the real binary under a timeout.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TODAY: &str = "2026-11-21";
const CLEAN_MD: &str = "examples/northwind-ledger.charter.md";
const CLEAN_TOML: &str = "examples/northwind-ledger.charter.toml";
/// Generous: a debug build on a loaded 2-core machine. A hang fails, slowness does not.
const LIMIT: Duration = Duration::from_secs(120);

struct Outcome {
    code: i32,
    json: Value,
    stderr: String,
}

impl Outcome {
    fn rules(&self) -> Vec<String> {
        self.json["diagnostics"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|d| d["rule"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn has(&self, rule: &str) -> bool {
        self.rules().iter().any(|r| r == rule)
    }

    /// Every diagnostic's place is inside the file (1-based lines and columns).
    fn places_are_sane(&self) {
        for d in self.json["diagnostics"].as_array().into_iter().flatten() {
            for k in ["line", "column", "end_line", "end_column"] {
                assert!(d[k].as_u64().unwrap_or(0) >= 1, "{k} in {d}");
            }
        }
    }
}

fn lint_in(dir: &Path, args: &[&str]) -> Outcome {
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["lint", "--no-config", "--today", TODAY, "--format", "json"])
        .args(args)
        .current_dir(dir)
        .timeout(LIMIT)
        .output()
        .expect("runs");
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1 || code == 2,
        "exit {code}: a crash or a timeout"
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let o = Outcome { code, json, stderr };
    o.places_are_sane();
    o
}

/// Lint one file with the given bytes.
fn lint_bytes(name: &str, bytes: &[u8]) -> Outcome {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join(name), bytes).expect("write");
    lint_in(dir.path(), &[name])
}

fn clean_md() -> String {
    fs::read_to_string(CLEAN_MD).expect("example")
}

#[test]
fn empty_file_is_a_charter_with_everything_missing() {
    let o = lint_bytes("e.charter.md", b"");
    assert_eq!(o.code, 1);
    assert!(o.has("missing-section"));
    let o = lint_bytes("e.charter.toml", b"");
    assert_eq!(o.code, 1);
    assert!(o.has("missing-section"));
}

#[test]
fn bom_and_crlf_change_no_finding() {
    let base = lint_bytes("a.charter.md", clean_md().as_bytes());
    let mut bom = "\u{feff}".to_string();
    bom.push_str(&clean_md());
    let crlf = clean_md().replace('\n', "\r\n");
    for (what, text) in [("bom", bom), ("crlf", crlf)] {
        let o = lint_bytes("a.charter.md", text.as_bytes());
        assert_eq!(o.json["diagnostics"], base.json["diagnostics"], "{what}");
        assert_eq!(o.code, base.code, "{what}");
    }
    let broken = clean_md().replace("partner = \"Northwind Ledger\"\n", "");
    let plain = lint_bytes("a.charter.md", broken.as_bytes());
    let crlf = lint_bytes("a.charter.md", broken.replace('\n', "\r\n").as_bytes());
    assert_eq!(plain.json["diagnostics"], crlf.json["diagnostics"]);
}

#[test]
fn a_unit_on_the_next_line_is_read_alike_with_lf_and_crlf() {
    // Found by the fuzzer: `15⏎%` counted as "15 %" with LF, not with CRLF.
    let text = clean_md().replace(
        "- **We give:** two integration engineers for walk and run, and $40k of launch budget.",
        "- **We give:** some integration people from 2026-01-15\n% of the work",
    );
    assert_ne!(text, clean_md(), "the example changed");
    let lf = lint_bytes("a.charter.md", text.as_bytes());
    let crlf = lint_bytes("a.charter.md", text.replace('\n', "\r\n").as_bytes());
    assert!(lf.has("no-economic-commitment"), "{:?}", lf.rules());
    assert_eq!(lf.json["diagnostics"], crlf.json["diagnostics"]);
}

#[test]
fn a_lone_cr_in_front_matter_is_read_or_reported_not_a_crash() {
    let text = clean_md().replacen("tier = 2\n", "tier = 2\r", 1);
    let o = lint_bytes("cr.charter.md", text.as_bytes());
    assert!(o.code == 0 || o.code == 1);
}

#[test]
fn utf16_invalid_utf8_and_binary_are_refused_with_their_own_messages() {
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "+++\npartner = \"x\"\n+++\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let o = lint_bytes("u.charter.md", &utf16);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("UTF-16"), "{}", o.stderr);

    let o = lint_bytes("i.charter.md", b"+++\npartner = \"x\"\n+++\n# Go\xE9ls\n");
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("line 4, column 5 (byte 26)"),
        "{}",
        o.stderr
    );

    let o = lint_bytes("b.charter.md", b"\x7fELF\x02\x01\x01\0\0\0\0");
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("binary"), "{}", o.stderr);
}

#[test]
fn a_50_mb_file_is_refused_by_default_and_linted_when_allowed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = clean_md();
    let filler = "- Another note about the pilot, with a number: 12.\n";
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(filler);
    }
    fs::write(dir.path().join("big.charter.md"), &text).expect("write");
    let o = lint_in(dir.path(), &["big.charter.md"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("--max-file-size"), "{}", o.stderr);
    let o = lint_in(
        dir.path(),
        &["--max-file-size", "60000000", "big.charter.md"],
    );
    assert!(o.code == 0 || o.code == 1, "{}", o.stderr);
}

#[test]
fn a_finding_at_the_end_of_a_70000_character_line_is_shown() {
    let mut text = clean_md();
    let line = format!("\n{} TBD\n", "word ".repeat(14_000));
    text = text.replace("## Value exchange", &format!("{line}\n## Value exchange"));
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("long.charter.md"), &text).expect("write");
    let o = lint_in(dir.path(), &["long.charter.md"]);
    let tbd = o.json["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["rule"] == "placeholder"))
        .cloned()
        .expect("the TBD is found");
    assert_eq!(tbd["column"], 70_002);
    // The human report shows it too, windowed, without a panic.
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["lint", "--no-config", "--today", TODAY, "long.charter.md"])
        .current_dir(dir.path())
        .timeout(LIMIT)
        .output()
        .expect("runs");
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains(":70002"), "{human}");
    assert!(human.len() < 20_000, "long line is windowed");
}

#[test]
fn toml_nested_10000_deep_is_an_error_not_a_stack_overflow() {
    for (what, text) in [
        (
            "arrays",
            format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
        ),
        (
            "inline tables",
            format!("x = {}1{}\n", "{a=".repeat(10_000), "}".repeat(10_000)),
        ),
        (
            "dotted keys",
            format!("{} = 1\n", vec!["a"; 10_000].join(".")),
        ),
    ] {
        let o = lint_bytes("deep.charter.toml", text.as_bytes());
        assert_eq!(o.code, 1, "{what}");
        assert!(
            o.has("parse-error") || o.has("unknown-key"),
            "{what}: {:?}",
            o.rules()
        );
        let fm = format!("+++\n{text}+++\n# Goals\n");
        let o = lint_bytes("deep.charter.md", fm.as_bytes());
        assert_eq!(o.code, 1, "{what} in front matter");
    }
}

#[test]
fn markdown_nested_100000_deep_completes() {
    for text in [
        format!("## Goals\n{}x\n", ">".repeat(100_000)),
        format!("## Goals\n{}x\n", "- ".repeat(100_000)),
        {
            let mut s = String::from("## Goals\n");
            for i in 0..3_000usize {
                s.push_str(&"  ".repeat(i));
                s.push_str("- item\n");
            }
            s
        },
        format!("## Goals\n{}\n", "[a](<b".repeat(50_000)),
    ] {
        let o = lint_bytes("deep.charter.md", text.as_bytes());
        assert_eq!(o.code, 1);
    }
}

#[test]
fn front_matter_unclosed_empty_yaml_and_mid_document() {
    let body = clean_md();
    let rest = body.split_once("+++\n\n").map(|(_, r)| r).unwrap_or(&body);
    let unclosed = format!("+++\npartner = \"x\"\n{rest}");
    let o = lint_bytes("u.charter.md", unclosed.as_bytes());
    assert!(o.has("parse-error"), "unclosed: {:?}", o.rules());

    let o = lint_bytes("e.charter.md", format!("+++\n+++\n{rest}").as_bytes());
    assert!(o.has("parse-error"), "empty: {:?}", o.rules());

    let yaml = format!(
        "---\npartner: Northwind Ledger\ncompany: Keel\ntier: 2\nleverage: [economic, customer]\nstatus: walk\ncreated: 2026-08-24\nnext-review: 2027-01-15\n---\n{rest}"
    );
    let o = lint_bytes("y.charter.md", yaml.as_bytes());
    assert_eq!(
        o.rules(),
        Vec::<String>::new(),
        "yaml front matter reads like toml"
    );

    let twice = format!("{body}\n+++\ntier = 3\n+++\n");
    let o = lint_bytes("t.charter.md", twice.as_bytes());
    assert!(o.has("parse-error"), "mid-document: {:?}", o.rules());
}

#[test]
fn invalid_toml_duplicates_wrong_types_and_unknown_keys() {
    let toml = fs::read_to_string(CLEAN_TOML).expect("example");
    let cases = [
        (
            "invalid",
            toml.replacen("tier = 2", "tier = = 2", 1),
            "parse-error",
        ),
        (
            "duplicate",
            toml.replacen("tier = 2", "tier = 2\ntier = 3", 1),
            "parse-error",
        ),
        (
            "wrong type",
            toml.replacen("tier = 2", "tier = { a = 1 }", 1),
            "parse-error",
        ),
        (
            "unknown",
            toml.replacen("tier = 2", "tier = 2\nparnter = \"x\"", 1),
            "unknown-key",
        ),
        (
            // An integer too large for any type is kept as written: not a tier.
            "overflow",
            toml.replacen("tier = 2", "tier = 99999999999999999999999", 1),
            "tier-invalid",
        ),
    ];
    for (what, text, rule) in cases {
        let o = lint_bytes("c.charter.toml", text.as_bytes());
        assert!(o.has(rule), "{what}: {:?}", o.rules());
        // unknown-key is a warning; the others are errors.
        assert_eq!(o.code, if rule == "unknown-key" { 0 } else { 1 }, "{what}");
    }
}

#[test]
fn february_30_native_and_quoted() {
    let toml = fs::read_to_string(CLEAN_TOML).expect("example");
    for date in ["2027-02-30", "\"2027-02-30\""] {
        let text = toml.replacen(
            "next-review = 2027-01-15",
            &format!("next-review = {date}"),
            1,
        );
        let o = lint_bytes("d.charter.toml", text.as_bytes());
        assert!(
            o.has("invalid-date") || o.has("parse-error"),
            "{date}: {:?}",
            o.rules()
        );
        assert_eq!(o.code, 1);
    }
    let md = clean_md().replacen(
        "next-review = 2027-01-15",
        "next-review = \"2027-02-30\"",
        1,
    );
    assert!(lint_bytes("d.charter.md", md.as_bytes()).has("invalid-date"));
}

#[cfg(unix)]
#[test]
fn symlinks_self_loops_dangling_and_followed_loops() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::copy(CLEAN_MD, root.join("ok.charter.md")).expect("copy");
    symlink("self.charter.md", root.join("self.charter.md")).expect("self link");
    symlink("missing.charter.md", root.join("dangling.charter.md")).expect("dangling");
    fs::create_dir(root.join("sub")).expect("mkdir");
    symlink("..", root.join("sub/up")).expect("loop");

    // Not following links: the links are skipped, the real charter linted.
    let o = lint_in(root, &["."]);
    assert_eq!(o.json["summary"]["files"], 1);
    assert_eq!(o.code, 0, "{}", o.stderr);

    // Following: the loop is reported, not followed forever; the rest is linted.
    let o = lint_in(root, &["--follow-links", "."]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("loop"), "{}", o.stderr);

    // Named directly: each is a clear error.
    let o = lint_in(
        root,
        &["self.charter.md", "dangling.charter.md", "ok.charter.md"],
    );
    assert_eq!(o.code, 2);
    assert_eq!(o.json["summary"]["files"], 1);
    assert!(o.stderr.contains("dangling.charter.md"), "{}", o.stderr);
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let f = root.join("locked.charter.md");
    fs::copy(CLEAN_MD, &f).expect("copy");
    fs::set_permissions(&f, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&f).is_ok() {
        // Running as root: permissions do not apply; nothing to test.
        return;
    }
    let d = root.join("locked");
    fs::create_dir(&d).expect("mkdir");
    fs::copy(CLEAN_MD, d.join("x.charter.md")).expect("copy");
    fs::set_permissions(&d, fs::Permissions::from_mode(0o000)).expect("chmod");
    fs::copy(CLEAN_MD, root.join("ok.charter.md")).expect("copy");
    let o = lint_in(root, &["."]);
    fs::set_permissions(&d, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(o.code, 2);
    assert_eq!(o.json["summary"]["files"], 1);
    assert!(o.stderr.contains("locked"), "{}", o.stderr);
}

#[test]
fn a_directory_named_like_a_charter_is_walked_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("x.charter.md")).expect("mkdir");
    fs::copy(CLEAN_MD, dir.path().join("x.charter.md/in.charter.md")).expect("copy");
    let o = lint_in(dir.path(), &["x.charter.md"]);
    assert_eq!(
        (o.code, o.json["summary"]["files"].clone()),
        (0, Value::from(1))
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.charter.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !made {
        return;
    }
    let o = lint_in(dir.path(), &["pipe.charter.md"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("FIFO"), "{}", o.stderr);
    // In a walk it is not a regular file and is skipped.
    let o = lint_in(dir.path(), &["."]);
    assert_eq!(o.json["summary"]["files"], 0);
}

#[test]
fn a_missing_path_and_empty_stdin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = lint_in(dir.path(), &["nope.charter.md"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("nope.charter.md"));
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args(["lint", "--no-config", "--format", "json", "-"])
        .write_stdin("")
        .timeout(LIMIT)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let name = std::ffi::OsStr::from_bytes(b"bad\xFFname.charter.md");
    let path: PathBuf = dir.path().join(name);
    if fs::copy(CLEAN_MD, &path).is_err() {
        return; // the file system refuses such names
    }
    let o = lint_in(dir.path(), &["."]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.json["summary"]["files"], 1);
}

#[test]
fn a_panic_in_one_file_is_an_internal_error_for_it_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy(CLEAN_MD, dir.path().join("a.charter.md")).expect("copy");
    fs::copy(CLEAN_MD, dir.path().join("boom.charter.md")).expect("copy");
    let out = Command::cargo_bin("charter")
        .expect("binary")
        .args([
            "lint",
            "--no-config",
            "--today",
            TODAY,
            "--format",
            "json",
            ".",
        ])
        .env("CHARTER_TEST_PANIC", "boom.charter.md")
        .current_dir(dir.path())
        .timeout(LIMIT)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["files"], 1, "the other file is linted");
    assert_eq!(v["errors"][0]["path"], "boom.charter.md");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("internal error") && err.contains("boom.charter.md"),
        "{err}"
    );
    assert!(!err.contains("panicked at"), "no raw panic message: {err}");
}
