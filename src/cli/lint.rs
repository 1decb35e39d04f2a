//! `charter lint`: find charters, lint them in parallel, report in input order.

mod fix;
mod summary;

use super::sink::{use_color, write_failed, Sink};
use super::{exit, LintArgs, OutputFormat};
use crate::config::Config;
use crate::input;
use crate::lint::lint_source;
use crate::model::Format;
use crate::output::stream::Stream;
use crate::output::{self, Diagnostic, InputFailure, Report, Run, Summary};
use crate::parse;
use crate::rules::{RuleSet, Severity};
use crate::source::Source;
use crate::vocab::Memo;
use crate::walk::{self, Input, Matcher};
use crate::write::Stamp;
use fix::{apply_fix, FixMode, Fixed};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use summary::{no_charter, print_statistics};

/// Files are linted in chunks: parallel inside a chunk, printed in order after it, so
/// output is stable and no more than a chunk's results are held at once.
const CHUNK: usize = 256;

/// Fewer files than this are linted on the main thread. Starting and waking worker
/// threads costs more on a small machine than linting a few dozen files takes (the
/// crossover is measured in bench/README.md).
const PARALLEL_FROM: usize = 64;

pub fn run(args: LintArgs) -> u8 {
    let color = use_color(args.color, args.output_file.is_none());
    if let Err(e) = stdin_name_used(&args.paths, args.input.stdin_filename.as_deref()) {
        eprintln!("error: {e}");
        return exit::TROUBLE;
    }
    let config = match super::load_config_for(&args.config, &args.paths) {
        Ok(c) => c,
        Err(e) => return super::print_error(&e, color),
    };
    let mut rules = match RuleSet::load(&config) {
        Ok(r) => r,
        Err(e) => return super::print_error(&e, color),
    };
    if let Err(e) = rules.restrict(&args.select, &args.ignore) {
        eprintln!("error: {e}");
        return exit::TROUBLE;
    }
    let matcher = match matcher(&config) {
        Ok(m) => m.force_exclude(args.input.force_exclude),
        Err(e) => return super::print_error(&e, color),
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut inputs = walk::collect(&paths, &matcher, args.input.follow_links);
    // Nothing to lint is not a pass: a wrong folder or a misnamed charter would
    // otherwise go unnoticed. Folders named on purpose make it an error.
    // Files named and left out by `--force-exclude` (a pre-commit run whose staged
    // charters are all excluded) were found and skipped on purpose: a clean run.
    let none_found = inputs.is_empty() && !matcher.excludes_all_named(&args.paths);
    if none_found {
        let level = if args.paths.is_empty() {
            "warning"
        } else {
            "error"
        };
        eprintln!("{level}: {}", no_charter(&paths, &config));
    }
    if let Some(reference) = &args.changed_since {
        match crate::changed::changed_since(reference) {
            Ok(changed) => inputs.retain(|i| match i {
                Input::File { path, .. } => crate::changed::contains(&changed, path),
                Input::Stdin | Input::Error { .. } => true,
            }),
            Err(e) => {
                eprintln!("error: {e}");
                return exit::TROUBLE;
            }
        }
        if inputs.is_empty() && !none_found {
            eprintln!("note: no charter changed since {reference}");
        }
    }
    // Opened before linting: a report that cannot be written stops the run early.
    let mut sink = match &args.output_file {
        None => Sink::stdout(),
        Some(path) => match Sink::file(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: cannot write the report to {}: {e}", path.display());
                return exit::TROUBLE;
            }
        },
    };
    let report: Box<dyn Report> = match args.format {
        OutputFormat::Human => Box::new(output::human::Human::new(color)),
        OutputFormat::Concise => Box::new(output::concise::Concise),
        OutputFormat::Json => Box::new(output::json::Json),
        OutputFormat::Sarif => Box::new(output::sarif::Sarif::default()),
        OutputFormat::Github => Box::new(output::github::Github),
        OutputFormat::Junit => Box::new(output::junit::Junit::new(args.deny_warnings)),
        OutputFormat::Gitlab => Box::new(output::gitlab::Gitlab),
        OutputFormat::Rdjson => Box::new(output::rdjson::Rdjson),
    };
    let job = Job {
        rules: &rules,
        report: report.as_ref(),
        today: args.today.unwrap_or_else(crate::date::today),
        max_size: args.input.max_file_size,
        stdin_name: args.input.stdin_filename.clone(),
        fix: match (args.fix, args.diff) {
            (_, true) => Some(FixMode::Diff),
            (true, false) => Some(FixMode::Write),
            _ => None,
        },
        templates: config
            .file
            .templates
            .as_ref()
            .map(|t| config.resolve(t.get_ref())),
    };

    let pool = if inputs.len() < PARALLEL_FROM {
        None
    } else {
        match rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads.unwrap_or(0))
            .build()
        {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("error: cannot start worker threads: {e}");
                return exit::TROUBLE;
            }
        }
    };
    // A panic is reported as an internal error of its file; the default hook's
    // message would only repeat it out of order.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let name = sink.name();
    let how = How {
        deny_warnings: args.deny_warnings,
        quiet: args.quiet,
    };
    let (code, stats, written) = match &pool {
        Some(pool) => pool.install(|| lint_all(&inputs, &job, how, true, &mut sink)),
        None => lint_all(&inputs, &job, how, false, &mut sink),
    };
    // A report that failed half way is dropped, never put in place.
    let code = match written.and_then(|()| sink.finish()) {
        Ok(()) => code,
        Err(e) => write_failed(code, e, &name),
    };
    std::panic::set_hook(hook);
    let code = if none_found && !args.paths.is_empty() {
        exit::TROUBLE
    } else {
        code
    };
    // The process ends here: freeing every compiled regex would only cost time.
    std::mem::forget(rules);
    if args.statistics {
        print_statistics(&stats);
    }
    if args.exit_zero && code == exit::FINDINGS {
        return exit::CLEAN;
    }
    code
}

/// How findings are counted and the report ended.
#[derive(Clone, Copy)]
struct How {
    /// Warnings make exit 1 too.
    deny_warnings: bool,
    /// No summary in the formats people read.
    quiet: bool,
}

struct Job<'a> {
    rules: &'a RuleSet,
    report: &'a dyn Report,
    today: Date,
    max_size: u64,
    stdin_name: Option<String>,
    fix: Option<FixMode>,
    templates: Option<PathBuf>,
}

/// What linting one input produced.
struct Outcome {
    path: String,
    text: String,
    /// `--diff`'s diff, when the format is not one a person reads: it goes to stderr
    /// so that JSON, SARIF and the other machine formats on stdout stay valid.
    diff_for_stderr: String,
    /// Why `--fix` left the file alone, for stderr.
    note: String,
    diagnostics: Vec<Diagnostic>,
    failure: Option<InputFailure>,
}

type Stats = BTreeMap<(String, String), usize>;

/// Lint every input, in chunks, on the current rayon pool when `parallel`.
fn lint_all(
    inputs: &[Input],
    job: &Job<'_>,
    how: How,
    parallel: bool,
    out: &mut Sink,
) -> (u8, Stats, std::io::Result<()>) {
    let mut stats = Stats::new();
    let mut summary = Summary::default();
    let mut kept = Vec::new();
    let mut files = Vec::new();
    let mut failures = Vec::new();
    let mut code = exit::CLEAN;
    let keep_all = job.report.wants_all();
    let mut stream = match Stream::begin(job.report, &job.rules.rules, out) {
        Ok(s) => s,
        Err(e) => return (code, stats, Err(e)),
    };
    // One memo per thread, kept from file to file: charters share most of their labels.
    let threads = if parallel {
        rayon::current_num_threads()
    } else {
        1
    };
    let memos: Vec<Mutex<Memo<'_>>> = (0..threads.max(1))
        .map(|_| Mutex::new(Memo::new(&job.rules.vocab)))
        .collect();
    let lint = |input: &Input| {
        // Each worker takes the memo at its own index: the lock is never waited on.
        let mine = rayon::current_thread_index().and_then(|i| memos.get(i));
        match mine.or(memos.first()) {
            Some(m) => lint_one(
                input,
                job,
                &mut m.lock().unwrap_or_else(PoisonError::into_inner),
            ),
            None => lint_one(input, job, &mut Memo::new(&job.rules.vocab)),
        }
    };
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = if parallel {
            chunk.par_iter().map(lint).collect()
        } else {
            chunk.iter().map(lint).collect()
        };
        for o in outcomes {
            if let Some(f) = o.failure {
                eprint!("{}", job.report.failure(&f));
                failures.push(f);
                code = exit::TROUBLE;
                continue;
            }
            summary.files += 1;
            for d in &o.diagnostics {
                summary.add(d);
                *stats.entry((d.code.clone(), d.rule.clone())).or_default() += 1;
                let fails = d.severity == Severity::Error
                    || (how.deny_warnings && d.severity == Severity::Warning);
                if fails && code == exit::CLEAN {
                    code = exit::FINDINGS;
                }
            }
            eprint!("{}{}", o.diff_for_stderr, o.note);
            if let Err(e) = stream.file(&o.text) {
                return (code, stats, Err(e));
            }
            if keep_all {
                kept.extend(o.diagnostics);
                files.push(o.path);
            }
        }
    }
    let run = Run {
        rules: &job.rules.rules,
        summary: &summary,
        files: &files,
        diagnostics: &kept,
        failures: &failures,
    };
    let written = stream
        .end(&run, !(how.quiet && job.report.for_people()))
        .map(|_| ());
    (code, stats, written)
}

/// Read one input of the walk: its source, or why it could not be read, with the name
/// to show (`stdin_name`, else `-`, for standard input). `charter inspect` reads the same way.
pub(super) fn read_input(
    input: &Input,
    stdin_name: Option<&str>,
    max_size: u64,
) -> Result<Source, InputFailure> {
    if let Input::Error { display, message } = input {
        return Err(InputFailure {
            path: display.clone(),
            message: message.clone(),
        });
    }
    let display = display_name(input, stdin_name);
    let read = match input {
        Input::File {
            path, found: true, ..
        } => input::read_found_file(path, &display, max_size),
        Input::File { path, .. } => input::read_file(path, &display, max_size),
        _ => input::read_stream(std::io::stdin().lock(), &display, max_size),
    };
    read.map_err(|e| InputFailure {
        path: display,
        message: e.to_string(),
    })
}

/// `--stdin-filename` names standard input, which is read only for a `-` path: given
/// without one, it would be silently ignored.
pub(super) fn stdin_name_used(paths: &[PathBuf], stdin_name: Option<&str>) -> Result<(), String> {
    match stdin_name {
        Some(name) if !paths.iter().any(|p| p.as_os_str() == "-") => Err(format!(
            "--stdin-filename {} names standard input, which is read only when `-` is among \
             the paths (charter lint - --stdin-filename NAME)",
            output::escape::line(name)
        )),
        _ => Ok(()),
    }
}

/// The format to read a source in: its name's, or, for standard input without
/// `--stdin-filename`, what its text looks like.
pub(super) fn format_of(source: &Source, is_stdin: bool, stdin_name: Option<&str>) -> Format {
    if is_stdin && stdin_name.is_none() {
        parse::sniff::format_of_text(&source.text)
    } else {
        parse::format_for(&source.name)
    }
}

/// The name an input is shown by.
fn display_name(input: &Input, stdin_name: Option<&str>) -> String {
    match input {
        Input::File { display, .. } | Input::Error { display, .. } => display.clone(),
        Input::Stdin => stdin_name.unwrap_or("-").to_string(),
    }
}

fn lint_one(input: &Input, job: &Job<'_>, memo: &mut Memo<'_>) -> Outcome {
    // Taken before the read: `--fix` replaces the file only if nothing changed since.
    let stamp = match (job.fix, input) {
        (Some(FixMode::Write), Input::File { path, .. }) => Stamp::of(path).ok(),
        _ => None,
    };
    let source = match read_input(input, job.stdin_name.as_deref(), job.max_size) {
        Ok(s) => s,
        Err(f) => return failed(&f.path, f.message),
    };
    let path = match input {
        Input::File { path, .. } => Some(path.as_path()),
        _ => None,
    };
    match catch_unwind(AssertUnwindSafe(|| check(source, path, stamp, job, memo))) {
        Ok(o) => o,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            failed(
                &display_name(input, job.stdin_name.as_deref()),
                format!("internal error while linting ({what}); please report it with this file"),
            )
        }
    }
}

/// `path`: where the input was read from; `stamp`: the file before the read (`--fix`).
fn check(
    source: Source,
    path: Option<&std::path::Path>,
    stamp: Option<Stamp>,
    job: &Job<'_>,
    memo: &mut Memo<'_>,
) -> Outcome {
    // Tests only (feature `test-hooks`, see Cargo.toml): a way to prove that a panic in
    // one file's lint is reported for that file and the run goes on.
    #[cfg(feature = "test-hooks")]
    if std::env::var_os("CHARTER_TEST_PANIC")
        .is_some_and(|v| source.name.ends_with(&*v.to_string_lossy()))
    {
        panic!("test panic for {}", source.name);
    }
    let format = format_of(&source, path.is_none(), job.stdin_name.as_deref());
    // Parsed once: the model serves the rules and, with --fix, the fixes.
    let charter = parse::parse_with(&source, format, memo);
    let mut findings = crate::lint::check(&source, &charter, job.rules, job.today);
    let mut prefix = String::new();
    let mut note = String::new();
    let mut source = source;
    if let (Some(mode), false) = (job.fix, findings.is_empty()) {
        match apply_fix(&source, &charter, path, stamp, mode, job) {
            Ok(None) => {}
            // The diff shows the charter's lines: their control characters are shown, not sent.
            Ok(Some(Fixed::Diff(diff))) => prefix = output::escape::lines(&diff).into_owned(),
            Ok(Some(Fixed::Refused(why))) => {
                let line = format!("{}: --fix leaves this file unchanged: {why}\n", source.name);
                note = output::escape::lines(&line).into_owned();
            }
            Ok(Some(Fixed::Written(new))) => {
                source = Source::new(source.name.clone(), new);
                findings = lint_source(&source, format, job.rules, job.today);
            }
            Err(e) => return failed(&source.name, e),
        }
    }
    let source = &source;
    let diagnostics: Vec<Diagnostic> = findings
        .iter()
        .map(|f| Diagnostic::new(source, f))
        .collect();
    let mut text = job.report.file(source, &findings, &diagnostics);
    let diff_for_stderr = if job.report.for_people() {
        text.insert_str(0, &prefix);
        String::new()
    } else {
        prefix
    };
    Outcome {
        path: source.name.clone(),
        text,
        diff_for_stderr,
        note,
        diagnostics,
        failure: None,
    }
}

fn failed(path: &str, message: String) -> Outcome {
    Outcome {
        diff_for_stderr: String::new(),
        note: String::new(),
        path: path.to_string(),
        text: String::new(),
        diagnostics: Vec::new(),
        failure: Some(InputFailure {
            path: path.to_string(),
            message,
        }),
    }
}

/// What a walk takes for a charter: the built-in names and the config's include and
/// exclude globs (an error points at the bad glob).
pub(super) fn matcher(config: &Config) -> Result<Matcher, crate::config::ConfigError> {
    let list =
        |v: &[toml::Spanned<String>]| v.iter().map(|s| s.get_ref().clone()).collect::<Vec<_>>();
    Matcher::new(
        &list(&config.file.include),
        &list(&config.file.exclude),
        &config.root,
    )
    .map_err(|e| {
        let span = config
            .file
            .include
            .iter()
            .chain(&config.file.exclude)
            .find(|g| e.contains(g.get_ref().as_str()))
            .map(|g| g.span())
            .unwrap_or(0..0);
        config.error_at(span, e, "this glob", None)
    })
}
