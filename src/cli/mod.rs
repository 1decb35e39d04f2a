//! The command line: argument definitions, and dispatch to one module per subcommand.

pub mod completions;
pub mod explain;
pub mod init;
pub mod inspect;
pub mod lint;
pub mod man;
pub mod new;
pub mod rules;
pub mod schema;
mod sink;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: the public contract scripts depend on.
pub mod exit {
    /// No finding at error severity.
    pub const CLEAN: u8 = 0;
    /// At least one finding at error severity (warnings too with `--deny-warnings`).
    pub const FINDINGS: u8 = 1;
    /// The tool could not do its job: bad arguments, config, rule pack or template; an
    /// input that is missing or cannot be read; a write that failed; an internal error.
    pub const TROUBLE: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "charter",
    version,
    about = "Lint and generate partnership charters",
    long_about = "Lint and generate partnership charters.\n\n\
        A charter (Markdown with front matter, or TOML) records what each side of a \
        partnership wants, gives and risks, a crawl-walk-run timeline with go/no-go bars, \
        metrics, governance, exit criteria and both signatures. `charter lint` checks \
        charters against rule packs; `charter new` writes a skeleton for a partner tier.",
    after_help = "Exit status: 0 clean, 1 findings at error severity, 2 could not run.\n\
        More: `charter rules` lists the rules and `charter explain RULE` says why one \
        matters and which parameters it uses; `charter inspect FILE` shows how a charter \
        was read; `charter init` writes a charter.toml that documents every setting; \
        `charter schema` prints the fields of a TOML charter as a JSON Schema."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check charters against the active rule packs.
    Lint(LintArgs),
    /// Show how charters were read: metadata, sections, fields, phases, metrics,
    /// signatures, and every heading and label that was not recognised.
    Inspect(inspect::InspectArgs),
    /// Write a new charter skeleton for a partner from the templates.
    New(NewArgs),
    /// Write a commented charter.toml with the defaults.
    Init(InitArgs),
    /// List the rules of the active packs.
    Rules(RulesArgs),
    /// Explain a rule (by name or code): why it matters, a failing and a fixed example.
    Explain(ExplainArgs),
    /// Print a shell completion script: bash, zsh, fish, elvish or powershell.
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand with `--out DIR`.
    Man(ManArgs),
    /// Print the JSON Schema of TOML charters, for editors with a TOML language server.
    Schema,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write charter.1 and one page per subcommand (charter-lint.1, …) into this folder
    /// (created if missing) instead of printing charter.1.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Print the list as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule name (`missing-section`) or code (`CH002`).
    #[arg(value_name = "RULE")]
    pub rule: String,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Options shared by the commands that read `charter.toml`.
#[derive(Debug, Args, Clone, Default)]
pub struct ConfigArgs {
    /// Use this config file instead of the nearest charter.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Ignore any charter.toml.
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
}

/// How `lint` and `inspect` find and read their inputs.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// The name (and so the format) of the charter read from standard input (`-`).
    /// Without it, a text that reads as TOML is TOML, anything else Markdown.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Follow symbolic links while walking directories.
    #[arg(long)]
    pub follow_links: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_file_size: u64,
    /// Skip files named on the command line that the config's `exclude` matches, as a
    /// walk does (for pre-commit hooks and editors, which name every file).
    #[arg(long)]
    pub force_exclude: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or directories to lint; `-` reads one charter from standard input.
    /// Default: the current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Exit 0 even when findings would give 1, to report without failing a build.
    /// An input, config or write that fails is still exit 2.
    #[arg(long)]
    pub exit_zero: bool,
    /// Print only the findings: no summary line in the human and concise formats.
    /// The other formats are documents, printed whole.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Write the report to FILE instead of standard output. It is written beside FILE
    /// under a temporary name and renamed into place when complete, so FILE is never
    /// half written; a run that stops early leaves the old FILE as it was.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// The date time-based rules use (YYYY-MM-DD), for reproducible CI runs.
    #[arg(long, value_name = "DATE", value_parser = parse_today)]
    pub today: Option<jiff::civil::Date>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Colour: auto, always or never. Auto colours when FORCE_COLOR is set (and not
    /// `0`), else when the report goes to a terminal and NO_COLOR is unset.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Lint with this many threads (default: one per core). Fewer than 64 files are
    /// linted on one thread, which is faster than starting more.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Run only these rules (names or codes, comma-separated or repeated).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules (names or codes, comma-separated or repeated).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// After the report, print how many findings each rule produced (to stderr).
    #[arg(long)]
    pub statistics: bool,
    /// Apply the fixes that invent nothing (missing sections with the template's
    /// prompts, dates and checkboxes in their normal form), then report what is left.
    /// A file that does not parse, or that changes while it is being fixed, is left as
    /// it is, with a note on stderr.
    /// Through a symlink, the file it names is fixed; its owner, group, permissions
    /// and line endings are kept.
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes `--fix` would make as a unified diff, without writing.
    #[arg(long)]
    pub diff: bool,
    /// Lint only the charters that differ from this git ref (committed since, staged,
    /// unstaged or untracked), e.g. `origin/main` in a pull request.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// miette's report: source lines, a label under each finding, help, a summary.
    Human,
    /// One line a finding: path:line:col: severity[rule] message.
    Concise,
    /// One JSON object with a summary and the diagnostics.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: an annotation per finding.
    Github,
    /// JUnit XML: a test suite per file, a failing test case per finding.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// reviewdog's Diagnostic Format (rdjson).
    Rdjson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The partner's name ("Northwind Ledger"). Asked for when missing and stdin is a terminal.
    #[arg(value_name = "PARTNER")]
    pub partner: Option<String>,
    /// Partner tier: 1, 2, 3 or integration, partnership, strategic.
    #[arg(long, short = 't', value_name = "TIER")]
    pub tier: Option<String>,
    /// Ask the two questions of the tier decision tree and pick the tier from the answers.
    #[arg(long, conflicts_with = "tier")]
    pub ask_tier: bool,
    /// Our company's name.
    #[arg(long, value_name = "NAME")]
    pub company: Option<String>,
    /// Write Markdown or TOML (default: from the --output name, else Markdown).
    #[arg(long, value_enum)]
    pub format: Option<CharterFormat>,
    /// Where to write (default: <partner-slug>.charter.md in the charters folder or here).
    /// A name that `charter lint` would read as the other format is refused (unless
    /// --force); one a folder's walk would not find is written with a warning.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// A TOML file of values to fill in, with the keys of a TOML charter (partner, tier,
    /// [goals] us, …); a value left out stays a prompt.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// The first day of the crawl phase (default: next Monday).
    #[arg(long, value_name = "DATE", value_parser = parse_today)]
    pub start: Option<jiff::civil::Date>,
    /// A folder of templates that override the built-in ones by name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Overwrite an existing file (never a folder, device or FIFO), or write under a
    /// name read as the other format.
    #[arg(long)]
    pub force: bool,
    /// Print the charter to standard output instead of writing a file.
    #[arg(long)]
    pub stdout: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CharterFormat {
    Md,
    Toml,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to write charter.toml into.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite an existing charter.toml.
    #[arg(long)]
    pub force: bool,
}

fn parse_today(s: &str) -> Result<jiff::civil::Date, String> {
    crate::date::parse(s).map_err(|e| format!("`{s}` is {e}"))
}

/// Run the parsed command line; the exit code follows [`exit`].
pub fn run(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Command::Lint(args) => lint::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::New(args) => new::run(args),
        Command::Init(args) => init::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Schema => schema::run(),
    };
    ExitCode::from(code)
}

/// The config the command line asks for: `--config FILE`, none with `--no-config`,
/// else the nearest charter.toml from the current directory up.
pub fn load_config(args: &ConfigArgs) -> Result<crate::config::Config, crate::config::ConfigError> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if args.no_config {
        return Ok(crate::config::Config {
            root: cwd,
            ..Default::default()
        });
    }
    crate::config::Config::discover(args.config.as_deref(), &cwd)
}

/// The config for the inputs `paths`: as [`load_config`], but looked for first from
/// the first path named (a file's folder) upwards, so `charter lint sub/x.charter.md`
/// uses `sub/charter.toml` wherever it is run from.
pub fn load_config_for(
    args: &ConfigArgs,
    paths: &[PathBuf],
) -> Result<crate::config::Config, crate::config::ConfigError> {
    let first = paths.iter().find(|p| p.as_os_str() != "-");
    if let (None, false, Some(first)) = (&args.config, args.no_config, first) {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let path = cwd.join(first);
        let dir = if path.is_dir() {
            path.as_path()
        } else {
            path.parent().unwrap_or(&cwd)
        };
        if let Some(found) = crate::config::Config::find(dir) {
            return crate::config::Config::load(&found);
        }
    }
    load_config(args)
}

/// The rule set for a command: the default pack, the config's packs and overrides.
pub fn load_rules(args: &ConfigArgs) -> Result<crate::rules::RuleSet, u8> {
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let config = load_config(args).map_err(|e| print_error(&e, color))?;
    crate::rules::RuleSet::load(&config).map_err(|e| print_error(&e, color))
}

/// Write generated text to standard output. A closed pipe (`charter schema | head`)
/// is not an error worth a message; any other write failure is "could not run".
pub fn write_stdout(bytes: &[u8]) -> u8 {
    match try_write_stdout(bytes) {
        Ok(()) => exit::CLEAN,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            exit::TROUBLE
        }
    }
}

/// [`write_stdout`] for callers with their own error type: a closed pipe is `Ok`.
pub fn try_write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    quiet_on_closed_pipe(out.write_all(bytes).and_then(|()| out.flush()))
}

/// A reader that went away (`| head`, a pager that quit) wants no more output and no
/// complaint about it; every other write error stays an error.
pub fn quiet_on_closed_pipe(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Print an error with miette (source excerpt and label when it has them) to stderr;
/// returns the "could not run" exit code.
pub fn print_error(e: &dyn miette::Diagnostic, color: bool) -> u8 {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, e).is_err() {
        out = format!("error: {e}\n");
    }
    eprint!("{out}");
    exit::TROUBLE
}
