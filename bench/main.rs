//! The performance benchmark, in one command:
//!
//! ```sh
//! cargo run --release --example bench            # about 2–5 minutes
//! cargo run --release --example bench -- --quick # a smoke test: small corpora, few runs
//! ```
//!
//! It builds `charter` and the parse floor (`bench/parse_floor.rs`) in release mode,
//! generates seeded corpora under `target/bench-corpus/` (reused while the seed and size
//! are unchanged), and times whole processes, as CI and pre-commit run them: each command
//! is spawned, its stdout written to a file, its wall time taken with `Instant` and its
//! peak memory read from `wait4`'s rusage. The commands of one table are run in
//! interleaved rounds after a warm-up round, so a burst of load elsewhere on the machine
//! hits all of them alike, and the median is reported. The report is Markdown, printed
//! and written to `target/bench-corpus/results.md`.
//!
//! Options: `--quick`, `--runs N` (corpus and large-file rounds, default 5),
//! `--file-runs N` (one- and five-file rounds, default 30), `--seed S` (42),
//! `--scales SMALL,LARGE` (1000,10000), `--charter PATH` (time another build),
//! `--no-build`, `--markdownlint` (also time markdownlint-cli2, with its required-headings
//! rule set to a charter's sections, on the large Markdown corpus, when `npx --no-install
//! markdownlint-cli2` finds it: `npm install -g markdownlint-cli2` first).

#[allow(dead_code)] // shared with gen-corpus and a test, which use other parts
mod corpus;

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The date every lint run passes, so time-based rules give the same findings any day.
const TODAY: &str = "2026-11-21";
const MB: f64 = 1_000_000.0;
/// Every `--format`, for the memory table.
const FORMATS: [&str; 8] = [
    "human", "concise", "json", "sarif", "github", "junit", "gitlab", "rdjson",
];

struct Opts {
    runs: usize,
    file_runs: usize,
    seed: u64,
    small: u64,
    large: u64,
    big: (usize, usize),
    charter: Option<PathBuf>,
    build: bool,
    markdownlint: bool,
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_args() -> Result<Opts, String> {
    let mut o = Opts {
        runs: 5,
        file_runs: 30,
        seed: 42,
        small: 1_000,
        large: 10_000,
        big: (1_000_000, 10_000_000),
        charter: None,
        build: true,
        markdownlint: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        let num = |v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("`{v}` is not a number"))
        };
        match a.as_str() {
            "--quick" => {
                o.runs = 3;
                o.file_runs = 10;
                o.small = 100;
                o.large = 1_000;
                o.big = (100_000, 1_000_000);
            }
            "--runs" => o.runs = num(value()?)?.max(1) as usize,
            "--file-runs" => o.file_runs = num(value()?)?.max(1) as usize,
            "--seed" => o.seed = num(value()?)?,
            "--scales" => {
                let v = value()?;
                let (a, b) = v.split_once(',').ok_or("--scales takes SMALL,LARGE")?;
                o.small = num(a.to_string())?;
                o.large = num(b.to_string())?;
            }
            "--charter" => o.charter = Some(value()?.into()),
            "--no-build" => o.build = false,
            "--markdownlint" => o.markdownlint = true,
            "-h" | "--help" => {
                println!("see the top of bench/main.rs, or bench/README.md");
                std::process::exit(0);
            }
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(o)
}

// ------------------------------------------------------------------ running commands

/// One command line, run from the corpus folder (so paths print short, as in a repository).
#[derive(Clone)]
struct Cmd {
    /// Names its output files and its row.
    name: String,
    program: PathBuf,
    args: Vec<String>,
}

impl Cmd {
    fn new(name: &str, program: &Path, args: &[&str]) -> Cmd {
        Cmd {
            name: name.to_string(),
            program: program.to_path_buf(),
            args: args.iter().map(|s| s.to_string()).collect(),
        }
    }
}

struct Sample {
    wall: Duration,
    /// Peak resident memory, bytes; 0 where the platform does not say.
    rss: u64,
    code: i32,
}

/// The samples of one command.
struct Timing {
    cmd: Cmd,
    walls: Vec<f64>,
    rss: u64,
    code: i32,
}

impl Timing {
    /// Milliseconds.
    fn median(&self) -> f64 {
        let mut w = self.walls.clone();
        w.sort_by(f64::total_cmp);
        let n = w.len();
        if n == 0 {
            f64::NAN
        } else if n % 2 == 1 {
            w[n / 2]
        } else {
            (w[n / 2 - 1] + w[n / 2]) / 2.0
        }
    }

    fn min(&self) -> f64 {
        self.walls.iter().copied().fold(f64::INFINITY, f64::min)
    }

    fn rss_mb(&self) -> f64 {
        self.rss as f64 / (1024.0 * 1024.0)
    }
}

struct Bench {
    root: PathBuf,
    out: PathBuf,
    warnings: Vec<String>,
    /// Commands that could not do their job, by what they printed.
    failures: Vec<(String, Vec<String>)>,
}

impl Bench {
    fn spawn_once(&self, cmd: &Cmd) -> io::Result<Sample> {
        let stdout = File::create(self.out.join(format!("{}.out", cmd.name)))?;
        let stderr = File::create(self.out.join(format!("{}.err", cmd.name)))?;
        let start = Instant::now();
        let child = Command::new(&cmd.program)
            .args(&cmd.args)
            .current_dir(&self.root)
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", cmd.program.display())))?;
        let (code, rss) = wait(child)?;
        Ok(Sample {
            wall: start.elapsed(),
            rss,
            code,
        })
    }

    /// A warm-up round (fills the page cache, faults in the binaries), then `runs`
    /// rounds running each command once, in turn.
    fn measure(
        &mut self,
        what: &str,
        cmds: &[Cmd],
        warmup: usize,
        runs: usize,
    ) -> io::Result<Vec<Timing>> {
        let mut t: Vec<Timing> = cmds
            .iter()
            .map(|c| Timing {
                cmd: c.clone(),
                walls: Vec::new(),
                rss: 0,
                code: 0,
            })
            .collect();
        let tty = io::stderr().is_terminal();
        if !tty {
            eprintln!(
                "  {what}: {} commands, {warmup} + {runs} rounds",
                cmds.len()
            );
        }
        for round in 0..warmup + runs {
            if tty {
                eprint!("\r  {what}: round {}/{}   ", round + 1, warmup + runs);
            }
            for (i, cmd) in cmds.iter().enumerate() {
                let s = self.spawn_once(cmd)?;
                t[i].code = s.code;
                t[i].rss = t[i].rss.max(s.rss);
                if round >= warmup {
                    t[i].walls.push(s.wall.as_secs_f64() * 1e3);
                }
            }
        }
        if tty {
            eprintln!();
        }
        for timing in &t {
            self.check(timing);
        }
        Ok(t)
    }

    /// Timings of a command that failed, or linted fewer files than it was given,
    /// measure something else: say so next to the numbers.
    fn check(&mut self, t: &Timing) {
        let name = &t.cmd.name;
        let out = fs::read_to_string(self.out.join(format!("{name}.out"))).unwrap_or_default();
        let err = fs::read_to_string(self.out.join(format!("{name}.err"))).unwrap_or_default();
        if t.code >= 2 || t.code < 0 {
            let first: Vec<&str> = err
                .lines()
                .filter(|l| !l.trim().is_empty())
                .take(3)
                .collect();
            let why = format!("exit {}; stderr: {}", t.code, first.join(" / "));
            match self.failures.iter_mut().find(|(w, _)| *w == why) {
                Some((_, names)) => names.push(name.clone()),
                None => self.failures.push((why, vec![name.clone()])),
            }
        }
        let expected = t
            .cmd
            .name
            .rsplit('@')
            .next()
            .and_then(|n| n.parse::<usize>().ok());
        let Some(expected) = expected else { return };
        let last = out
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let counted = last
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|n| n.parse::<usize>().ok());
        match counted {
            Some(n) if n != expected => self.warnings.push(format!(
                "`{name}` reports {n} files of the {expected} it was given (last line: {last:?})"
            )),
            None if t.code < 2 => self.warnings.push(format!(
                "`{name}`: cannot read a file count from its last line {last:?}"
            )),
            _ => {}
        }
    }
}

impl Bench {
    /// Findings against the defects the generator planted: a clean charter with
    /// findings, or a defective one without, is a bug in the linter or the generator.
    fn planted(&self, corpus: &str, lint_out: &str) -> String {
        let manifest =
            fs::read_to_string(self.root.join(corpus).join(corpus::MANIFEST)).unwrap_or_default();
        let out = fs::read_to_string(self.out.join(lint_out)).unwrap_or_default();
        // path → rules reported
        let mut found: std::collections::HashMap<&str, Vec<&str>> = Default::default();
        for line in out.lines() {
            let (Some((path, _)), Some(open)) = (line.split_once(':'), line.find('[')) else {
                continue;
            };
            let rule = line[open + 1..].split(']').next().unwrap_or("");
            let path = path
                .strip_prefix(corpus)
                .unwrap_or(path)
                .trim_start_matches('/');
            found.entry(path).or_default().push(rule);
        }
        let (mut clean, mut noisy, mut defective, mut silent) = (0, Vec::new(), 0, Vec::new());
        for row in manifest.lines().skip(1) {
            let (path, defects) = row.split_once('\t').unwrap_or((row, ""));
            if defects.is_empty() {
                clean += 1;
                if let Some(rules) = found.get(path) {
                    noisy.push(format!("{path} ({})", rules.join(", ")));
                }
            } else {
                defective += 1;
                if !found.contains_key(path) {
                    silent.push(format!("{path} ({defects})"));
                }
            }
        }
        let sample = |v: &[String]| {
            if v.is_empty() {
                String::new()
            } else {
                format!(
                    ", e.g. {}",
                    v.iter().take(2).cloned().collect::<Vec<_>>().join("; ")
                )
            }
        };
        format!(
            "{corpus}: {} of {clean} clean charters have findings{}; {} of {defective} with planted defects have none{}.",
            noisy.len(),
            sample(&noisy),
            silent.len(),
            sample(&silent)
        )
    }
}

/// Write a corpus (or with `--big`, one large charter) with the gen-corpus binary, so
/// that this process never holds the text: a child's peak RSS starts at the RSS of the
/// process that spawned it.
fn generate(gen: &Path, out: &Path, args: &[&str], seed: u64) -> Result<(), String> {
    let status = Command::new(gen)
        .arg("--out")
        .arg(out)
        .args(["--seed", &seed.to_string()])
        .args(args)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("{}: {e}", gen.display()))?;
    if !status.success() {
        return Err(format!("gen-corpus failed for {}", out.display()));
    }
    Ok(())
}

/// This process's own peak RSS in bytes (Linux: VmHWM; getrusage would include what
/// cargo had before exec'ing it).
fn self_rss() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(unix)]
fn wait(child: std::process::Child) -> io::Result<(i32, u64)> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, not yet reaped (std only reaps on wait, which
        // we never call); `status` and `usage` are valid for writes.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    drop(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    // ru_maxrss is in kilobytes on Linux, in bytes on macOS. On Linux it includes the
    // address space the child had between fork and exec, i.e. this process's RSS:
    // hence this process stays small.
    let rss = usage.ru_maxrss.max(0) as u64;
    let rss = if cfg!(target_os = "macos") {
        rss
    } else {
        rss * 1024
    };
    Ok((code, rss))
}

#[cfg(not(unix))]
fn wait(mut child: std::process::Child) -> io::Result<(i32, u64)> {
    let status = child.wait()?;
    Ok((status.code().unwrap_or(-1), 0))
}

// ------------------------------------------------------------------ the run

fn run(o: &Opts) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    // target/release/examples/bench → target/release, target
    let release = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot find the release folder")?
        .to_path_buf();
    let target = release.parent().ok_or("cannot find the target folder")?;
    if o.build {
        build()?;
    }
    let charter = o.charter.clone().unwrap_or_else(|| release.join("charter"));
    let floor = release.join("examples").join("parse-floor");
    let gen = release.join("examples").join("gen-corpus");
    for bin in [&charter, &floor, &gen] {
        if !bin.is_file() {
            return Err(format!(
                "{} is missing; run without --no-build",
                bin.display()
            ));
        }
    }
    let charter = charter.canonicalize().map_err(|e| e.to_string())?;
    let root = target.join("bench-corpus");
    let out = root.join("out");
    fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let mut b = Bench {
        root: root.clone(),
        out,
        warnings: Vec::new(),
        failures: Vec::new(),
    };

    // Corpora.
    let mut corpora = Vec::new();
    for format in [corpus::Format::Md, corpus::Format::Toml] {
        for count in [o.small, o.large] {
            let name = format!("{}-{count}", format.name());
            let dir = root.join(&name);
            let fresh = fs::read_to_string(dir.join(corpus::STAMP))
                .is_ok_and(|s| s == corpus::stamp(count, o.seed, format));
            if !fresh {
                eprintln!("  generating {name} (seed {})…", o.seed);
                generate(
                    &gen,
                    &dir,
                    &["--count", &count.to_string(), "--format", format.name()],
                    o.seed,
                )?;
            }
            corpora.push((format, count, name, bytes_under(&dir)));
        }
    }
    let big_dir = root.join("big");
    fs::create_dir_all(&big_dir).map_err(|e| e.to_string())?;
    let mut big = Vec::new();
    for size in [o.big.0, o.big.1] {
        let name = format!("big/big-{size}.charter.md");
        generate(&gen, &big_dir, &["--big", &size.to_string()], o.seed)?;
        let len = fs::metadata(root.join(&name))
            .map_err(|e| format!("{name}: {e}"))?
            .len();
        big.push((name, len as usize));
    }
    // The same sizes again as pathological charters: timeline rows out of order.
    let mut rows = Vec::new();
    for size in [o.big.0, o.big.1] {
        let name = format!("big/timeline-{size}.charter.md");
        generate(&gen, &big_dir, &["--timeline", &size.to_string()], o.seed)?;
        let len = fs::metadata(root.join(&name))
            .map_err(|e| format!("{name}: {e}"))?
            .len();
        rows.push((name, len as usize));
    }

    let version = Command::new(&charter)
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|e| format!("(cannot run: {e})"));
    let commit = Command::new("git")
        .args(["describe", "--always", "--dirty"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| format!(" at {}", String::from_utf8_lossy(&o.stdout).trim()))
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mut r = String::new();
    writeln!(r, "# charter benchmark\n").unwrap();
    writeln!(
        r,
        "{version}{commit} ({}), {cores} cores, {}; seed {}, `--today {TODAY}`; median of {} rounds \
         ({} for one and five files) after a warm-up; whole processes, page cache warm.\n",
        charter
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&charter)
            .display(),
        std::env::consts::OS,
        o.seed,
        o.runs,
        o.file_runs
    )
    .unwrap();
    print!("{r}");

    // 1. Corpora: the floor and lint, 1 and 2 threads.
    let mut t1 = String::new();
    writeln!(t1, "## Lint vs parse floor\n").unwrap();
    writeln!(t1, "| corpus | files | MB | threads | parse floor | charter lint | lint / floor | peak RSS floor | peak RSS lint |").unwrap();
    writeln!(t1, "|---|---:|---:|---:|---:|---:|---:|---:|---:|").unwrap();
    // (format, count, threads) → (floor ms, lint ms, lint rss MB, lint code)
    let mut checks = Vec::new();
    let mut results = Vec::new();
    for (format, count, name, bytes) in &corpora {
        let mut cmds = Vec::new();
        for j in ["1", "2"] {
            cmds.push(Cmd::new(
                &format!("floor-{name}-j{j}@{count}"),
                &floor,
                &["-j", j, name],
            ));
            cmds.push(lint_cmd(
                &format!("lint-{name}-j{j}@{count}"),
                &charter,
                &["-j", j, name],
            ));
        }
        let t = b
            .measure(name, &cmds, 1, o.runs)
            .map_err(|e| e.to_string())?;
        if t[1].code < 2 {
            // Checked after every measurement: reading the outputs grows this
            // process, and children start with its memory counted (see `wait`).
            checks.push((name.clone(), format!("{}.out", t[1].cmd.name)));
        }
        for (k, j) in [1usize, 2].iter().enumerate() {
            let (fl, li) = (&t[2 * k], &t[2 * k + 1]);
            let ratio = li.median() / fl.median();
            writeln!(
                t1,
                "| {} | {count} | {:.1} | {j} | {} | {}{} | **{ratio:.2}×** | {:.0} MB | {:.0} MB |",
                if *format == corpus::Format::Md { "Markdown" } else { "TOML" },
                *bytes as f64 / MB,
                ms(fl.median()),
                ms(li.median()),
                failed(li),
                fl.rss_mb(),
                li.rss_mb()
            )
            .unwrap();
            results.push((
                *format,
                *count,
                *j,
                fl.median(),
                li.median(),
                li.rss_mb(),
                li.code,
            ));
        }
    }
    t1.push('\n');
    print!("{t1}");
    r.push_str(&t1);

    // 2. Pre-commit: one file and five files.
    let files = first_files(&root.join(format!("md-{}", o.small)), 5);
    let rel: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(&root).unwrap_or(p).display().to_string())
        .collect();
    let one: Vec<&str> = rel.iter().take(1).map(String::as_str).collect();
    let five: Vec<&str> = rel.iter().map(String::as_str).collect();
    let cmds = vec![
        hook_cmd("lint-1-file@1", &charter, &one),
        hook_cmd("lint-5-files@5", &charter, &five),
        Cmd::new("floor-1-file@1", &floor, &one),
        Cmd::new("floor-5-files@5", &floor, &five),
        Cmd::new("charter-version", &charter, &["--version"]),
    ];
    let t = b
        .measure("one and five files", &cmds, 3, o.file_runs)
        .map_err(|e| e.to_string())?;
    let mut t2 = String::new();
    writeln!(
        t2,
        "## Pre-commit: a few files, whole process\n\nAs a hook runs it: no `--today`, so the local date is read.\n"
    )
    .unwrap();
    writeln!(t2, "| files | charter lint (median) | charter lint (min) | parse floor (median) | peak RSS lint |").unwrap();
    writeln!(t2, "|---:|---:|---:|---:|---:|").unwrap();
    for (i, n) in [1, 5].iter().enumerate() {
        writeln!(
            t2,
            "| {n} | **{}**{} | {} | {} | {:.0} MB |",
            ms(t[i].median()),
            failed(&t[i]),
            ms(t[i].min()),
            ms(t[2 + i].median()),
            t[i].rss_mb()
        )
        .unwrap();
    }
    writeln!(
        t2,
        "\n`charter --version` (process start, no rules loaded): {} median.\n",
        ms(t[4].median())
    )
    .unwrap();
    print!("{t2}");
    r.push_str(&t2);
    let one_file = (t[0].median(), t[0].code);

    // 3. Growth: one large charter, and ten times the files.
    let cmds: Vec<Cmd> = big
        .iter()
        .enumerate()
        .flat_map(|(i, (name, _))| {
            [
                Cmd::new(&format!("floor-big{i}@1"), &floor, &[name.as_str()]),
                lint_cmd(&format!("lint-big{i}@1"), &charter, &[name.as_str()]),
            ]
        })
        .collect();
    let t = b
        .measure("large charters", &cmds, 1, o.runs)
        .map_err(|e| e.to_string())?;
    let row_cmds: Vec<Cmd> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, _))| lint_cmd(&format!("lint-timeline{i}@1"), &charter, &[name.as_str()]))
        .collect();
    let tr = b
        .measure("pathological charters", &row_cmds, 1, o.runs)
        .map_err(|e| e.to_string())?;
    let mut t3 = String::new();
    writeln!(t3, "## Growth\n").unwrap();
    writeln!(
        t3,
        "| what | small | large | charter lint ratio | parse floor ratio |"
    )
    .unwrap();
    writeln!(t3, "|---|---:|---:|---:|---:|").unwrap();
    let big_ratio = t[3].median() / t[1].median();
    writeln!(
        t3,
        "| one charter, {} → {} | {}{} | {}{} | **{big_ratio:.1}×** | {:.1}× |",
        human_size(big[0].1),
        human_size(big[1].1),
        ms(t[1].median()),
        failed(&t[1]),
        ms(t[3].median()),
        failed(&t[3]),
        t[2].median() / t[0].median()
    )
    .unwrap();
    let rows_ratio = tr[1].median() / tr[0].median();
    writeln!(
        t3,
        "| one pathological charter (timeline rows out of order), {} → {} | {}{} | {}{} | **{rows_ratio:.1}×** | |",
        human_size(rows[0].1),
        human_size(rows[1].1),
        ms(tr[0].median()),
        failed(&tr[0]),
        ms(tr[1].median()),
        failed(&tr[1]),
    )
    .unwrap();
    let rows_ok = tr[0].code < 2 && tr[1].code < 2;
    let big_rss = t[3].rss_mb();
    let big_ok = t[1].code < 2 && t[3].code < 2;
    let lookup = |format, count, j| {
        results
            .iter()
            .find(|r| r.0 == format && r.1 == count && r.2 == j)
            .copied()
            .expect("measured above")
    };
    let mut files_ratio = Vec::new();
    for j in [1, 2] {
        let (s, l) = (
            lookup(corpus::Format::Md, o.small, j),
            lookup(corpus::Format::Md, o.large, j),
        );
        let ratio = l.4 / s.4;
        files_ratio.push((ratio, s.6 < 2 && l.6 < 2));
        writeln!(
            t3,
            "| Markdown corpus, {} → {} files, {j} thread{} | {} | {} | **{ratio:.1}×** | {:.1}× |",
            o.small,
            o.large,
            if j == 1 { "" } else { "s" },
            ms(s.4),
            ms(l.4),
            l.3 / s.3
        )
        .unwrap();
    }
    writeln!(
        t3,
        "\nPeak RSS linting the {} charter: {big_rss:.0} MB; the pathological one: {:.0} MB.\n",
        human_size(big[1].1),
        tr[1].rss_mb()
    )
    .unwrap();
    print!("{t3}");
    r.push_str(&t3);

    // 3b. Memory by output format: every format writes each file as it is done, so
    // peak memory should not grow with the findings of the large corpus.
    let md_large = format!("{}-{}", corpus::Format::Md.name(), o.large);
    let format_cmds: Vec<Cmd> = FORMATS
        .iter()
        .map(|f| {
            // Only the formats people read end with a summary that counts the files:
            // the others are named without a count to check.
            let name = match *f {
                "human" | "concise" => format!("lint-{md_large}-{f}@{}", o.large),
                _ => format!("lint-{md_large}-{f}"),
            };
            Cmd::new(
                &name,
                &charter,
                &[
                    "lint",
                    "--no-config",
                    "--today",
                    TODAY,
                    "--format",
                    f,
                    "-j",
                    "2",
                    &md_large,
                ],
            )
        })
        .collect();
    let tf = b
        .measure("formats", &format_cmds, 0, 1)
        .map_err(|e| e.to_string())?;
    let mut t3b = String::new();
    writeln!(
        t3b,
        "## Memory by format ({} Markdown charters, 2 threads)\n",
        o.large
    )
    .unwrap();
    writeln!(t3b, "| format | time | peak RSS |").unwrap();
    writeln!(t3b, "|---|---:|---:|").unwrap();
    for (f, t) in FORMATS.iter().zip(&tf) {
        writeln!(
            t3b,
            "| {f} | {}{} | {:.0} MB |",
            ms(t.median()),
            failed(t),
            t.rss_mb()
        )
        .unwrap();
    }
    t3b.push('\n');
    print!("{t3b}");
    r.push_str(&t3b);
    let worst_format = tf.iter().map(Timing::rss_mb).fold(0.0, f64::max);
    let formats_ok = tf.iter().all(|t| t.code < 2);

    // 4. Optional: markdownlint-cli2 on the large Markdown corpus, for scale.
    let mut peer_ms = None;
    if o.markdownlint {
        let (t4, ms) = markdownlint(&mut b, o)?;
        print!("{t4}");
        r.push_str(&t4);
        peer_ms = ms;
    }

    // 5. The headline and the bars.
    let mut t5 = String::new();
    writeln!(t5, "## Headline\n").unwrap();
    let scale = (o.large as f64 / o.small as f64).round();
    // (what, measured, measured a real lint, meets the bar)
    let mut bars: Vec<(String, String, bool, bool)> = Vec::new();
    for format in [corpus::Format::Md, corpus::Format::Toml] {
        let label = if format == corpus::Format::Md {
            "Markdown"
        } else {
            "TOML"
        };
        let ratios: Vec<String> = [1, 2]
            .iter()
            .map(|&j| {
                let x = lookup(format, o.large, j);
                bars.push((
                    format!(
                        "{label}, {} charters, {j} thread(s): lint ≤ 1.5× floor",
                        o.large
                    ),
                    format!("{:.2}×", x.4 / x.3),
                    x.6 < 2,
                    x.4 / x.3 <= 1.5,
                ));
                format!(
                    "**{:.2}×** with {j} thread{}",
                    x.4 / x.3,
                    if j == 1 { "" } else { "s" }
                )
            })
            .collect();
        writeln!(
            t5,
            "- {label}, {} charters: lint / parse floor = {}",
            o.large,
            ratios.join(", ")
        )
        .unwrap();
    }
    if let Some(peer) = peer_ms {
        for j in [1, 2] {
            let lint = lookup(corpus::Format::Md, o.large, j);
            bars.push((
                format!(
                    "Markdown, {} charters, {j} thread(s): ≥ 100× faster than markdownlint-cli2",
                    o.large
                ),
                format!("{:.0}×", peer / lint.4),
                lint.6 < 2,
                peer / lint.4 >= 100.0,
            ));
        }
    }
    let mem = lookup(corpus::Format::Md, o.large, 2);
    bars.push((
        "one charter, whole process: ≤ 5 ms".to_string(),
        ms(one_file.0),
        one_file.1 < 2,
        one_file.0 <= 5.0,
    ));
    bars.push((
        format!("peak memory, {} Markdown charters: ≤ 64 MB", o.large),
        format!("{:.0} MB", mem.5),
        mem.6 < 2,
        mem.5 <= 64.0,
    ));
    bars.push((
        format!(
            "{} charter ≤ ~10× the {} one",
            human_size(big[1].1),
            human_size(big[0].1)
        ),
        format!("{big_ratio:.1}×"),
        big_ok,
        big_ratio <= 11.0,
    ));
    bars.push((
        format!(
            "pathological {} charter ≤ ~10× the {} one",
            human_size(rows[1].1),
            human_size(rows[0].1)
        ),
        format!("{rows_ratio:.1}×"),
        rows_ok,
        rows_ratio <= 11.0,
    ));
    bars.push((
        format!(
            "peak memory, {} Markdown charters, every format: ≤ 64 MB",
            o.large
        ),
        format!("{worst_format:.0} MB"),
        formats_ok,
        worst_format <= 64.0,
    ));
    for (j, &(ratio, valid)) in files_ratio.iter().enumerate() {
        // Linear or better: ten times the files may cost less than ten times the time
        // (start-up is paid once, as the parse floor's own ratio shows), never much more.
        let ok = ratio <= scale * 1.25;
        bars.push((
            format!(
                "{} files ≤ ~{scale}× {} files, linear ({} thread(s))",
                o.large,
                o.small,
                j + 1
            ),
            format!("{ratio:.1}×"),
            valid,
            ok,
        ));
    }
    writeln!(t5, "\n| bar | measured | |").unwrap();
    writeln!(t5, "|---|---:|---|").unwrap();
    for (what, shown, valid, ok) in &bars {
        let verdict = match (valid, ok) {
            (false, _) => "n/a: charter lint failed",
            (true, true) => "meets",
            (true, false) => "misses",
        };
        writeln!(t5, "| {what} | {shown} | {verdict} |").unwrap();
    }
    t5.push('\n');
    for (why, names) in &b.failures {
        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        b.warnings.push(format!(
            "{} failed, so their times do not measure a lint (⚠): {why}",
            names.join(", ")
        ));
    }
    if !checks.is_empty() {
        writeln!(t5, "### Findings against planted defects\n").unwrap();
        for (corpus, out) in &checks {
            writeln!(t5, "- {}", b.planted(corpus, out)).unwrap();
        }
        t5.push('\n');
    }
    if let Some(rss) = self_rss() {
        writeln!(
            t5,
            "Peak RSS of this runner: {:.0} MB; a child's peak RSS reads at least what the runner had when it spawned it.\n",
            rss as f64 / (1024.0 * 1024.0)
        )
        .unwrap();
    }
    if !b.warnings.is_empty() {
        writeln!(t5, "### Warnings\n").unwrap();
        for w in &b.warnings {
            writeln!(t5, "- {w}").unwrap();
        }
        t5.push('\n');
    }
    print!("{t5}");
    r.push_str(&t5);
    let path = root.join("results.md");
    fs::write(&path, &r).map_err(|e| e.to_string())?;
    eprintln!("report written to {}", path.display());
    Ok(())
}

/// `charter lint` as CI runs it: no config, a fixed date, concise output to a file.
fn lint_cmd(name: &str, charter: &Path, extra: &[&str]) -> Cmd {
    let mut args = vec!["--today", TODAY];
    args.extend_from_slice(extra);
    hook_cmd(name, charter, &args)
}

/// `charter lint` as a pre-commit hook runs it: as CI does but without `--today`, so
/// the local date is read, as it is on every commit.
fn hook_cmd(name: &str, charter: &Path, extra: &[&str]) -> Cmd {
    let mut args = vec!["lint", "--no-config", "--format", "concise"];
    args.extend_from_slice(extra);
    Cmd::new(name, charter, &args)
}

fn build() -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("  building charter and the parse floor (release)…");
    let status = Command::new(cargo)
        .args([
            "build",
            "--release",
            "--bin",
            "charter",
            "--example",
            "parse-floor",
            "--example",
            "gen-corpus",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("cargo build failed".to_string());
    }
    Ok(())
}

/// The config markdownlint-cli2 runs with: its default rules, and MD043 (required
/// headings) asking for a charter's sections in order, each with any sub-headings.
const MARKDOWNLINT_CONFIG: &str = r###"{
  "config": {
    "default": true,
    "MD043": {
      "headings": ["*", "## Goals", "*", "## Value exchange", "*", "## Timeline", "*",
                   "## Metrics", "*", "## Governance", "*", "## Exit criteria", "*",
                   "## Signatures", "*"],
      "match_case": false
    }
  }
}
"###;

/// Time markdownlint-cli2 on the large Markdown corpus; the report and its median (ms).
fn markdownlint(b: &mut Bench, o: &Opts) -> Result<(String, Option<f64>), String> {
    // `--help` exits 2; that it prints its name is what tells it is installed.
    let probe = Command::new("npx")
        .args(["--no-install", "markdownlint-cli2", "--help"])
        .stderr(Stdio::null())
        .output();
    let mut t = String::from("## For scale: markdownlint-cli2\n\n");
    if !probe.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("markdownlint-cli2")) {
        t.push_str("markdownlint-cli2 is not installed (`npx --no-install markdownlint-cli2` failed); skipped.\n\n");
        return Ok((t, None));
    }
    let dir = format!("md-{}", o.large);
    // markdownlint-cli2 reads its config from the folder it runs in: the corpus root.
    fs::write(b.root.join(".markdownlint-cli2.jsonc"), MARKDOWNLINT_CONFIG)
        .map_err(|e| format!("cannot write the markdownlint-cli2 config: {e}"))?;
    let glob = format!("{dir}/**/*.charter.md");
    let cmd = Cmd::new(
        "markdownlint",
        Path::new("npx"),
        &["--no-install", "markdownlint-cli2", &glob],
    );
    let m = b
        // One run: it takes minutes, and the page cache is warm from the runs above.
        .measure("markdownlint-cli2", &[cmd], 0, 1)
        .map_err(|e| e.to_string())?;
    writeln!(t, "`markdownlint-cli2 '{glob}'` (its default rules and MD043, required headings, set to a charter's sections; no charter model): {} (one run), peak RSS {:.0} MB.\n", ms(m[0].median()), m[0].rss_mb()).unwrap();
    Ok((t, Some(m[0].median())))
}

/// The first `n` charters of a corpus, in walk order.
fn first_files(dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = fs::read_dir(&d) else { continue };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries.into_iter().rev() {
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(".charter.md") {
                found.push(p);
            }
        }
        if found.len() >= n {
            break;
        }
    }
    found.sort();
    found.truncate(n);
    found
}

fn bytes_under(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(_) if e.file_name().to_string_lossy().contains(".charter.") => {
                    total += e.metadata().map_or(0, |m| m.len());
                }
                _ => {}
            }
        }
    }
    total
}

/// Milliseconds, with precision where it matters.
fn ms(v: f64) -> String {
    if v < 10.0 {
        format!("{v:.2} ms")
    } else if v < 1000.0 {
        format!("{v:.0} ms")
    } else {
        format!("{:.2} s", v / 1000.0)
    }
}

/// A mark next to a time that does not measure a lint.
fn failed(t: &Timing) -> &'static str {
    if t.code >= 2 || t.code < 0 {
        " ⚠"
    } else {
        ""
    }
}

fn human_size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", (bytes as f64 / MB).round())
    } else {
        format!("{} KB", (bytes as f64 / 1000.0).round())
    }
}
