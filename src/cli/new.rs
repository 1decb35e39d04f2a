//! `charter new`: gather the values (arguments, answers file, config, questions on
//! the terminal), render the charter, and write it without ever replacing a file
//! unless asked to.

mod ask;
mod name_check;
mod schema_line;

use super::{exit, CharterFormat, NewArgs};
use crate::config::Config;
use crate::model::{Format, Tier};
use crate::render::{self, Answers, Request};
use crate::write::{write_new, WriteError};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn run(args: NewArgs) -> u8 {
    match generate(args) {
        Ok(()) => exit::CLEAN,
        Err(e) => {
            eprintln!("error: {}", e.message);
            if let Some(help) = &e.help {
                eprintln!("  help: {help}");
            }
            exit::TROUBLE
        }
    }
}

fn generate(args: NewArgs) -> Result<(), render::Error> {
    let cwd = std::env::current_dir()
        .map_err(|e| render::Error::new(format!("cannot read the current folder: {e}")))?;
    let config = load_config(&args, &cwd)?;
    let answers = match &args.answers {
        Some(path) => Answers::load(path).map_err(|message| render::Error {
            message,
            help: Some(
                "the answers file uses the keys of a TOML charter; see docs/templates.md".into(),
            ),
        })?,
        None => Answers::default(),
    };
    let interactive = std::io::stdin().is_terminal();

    let partner = match args.partner.clone().or_else(|| answers.partner.clone()) {
        Some(p) => p,
        None if interactive => ask_with(|i, o| ask::line(i, o, "Partner name:"))?,
        None => {
            return Err(render::Error {
                message: "no partner name given, and standard input is not a terminal to ask on".into(),
                help: Some("pass it: charter new \"Northwind Ledger\" --tier 2 (or set `partner` in --answers)".into()),
            })
        }
    };
    check_partner(&partner)?;
    let tier = choose_tier(&args, &answers, interactive)?;
    let company = args
        .company
        .clone()
        .or_else(|| answers.company.clone())
        .or_else(|| config.file.company.as_ref().map(|c| c.get_ref().clone()));
    let format = match args.format {
        Some(CharterFormat::Md) => Format::Markdown,
        Some(CharterFormat::Toml) => Format::Toml,
        None => match &args.output {
            Some(o) if o.to_string_lossy().to_ascii_lowercase().ends_with(".toml") => Format::Toml,
            _ => Format::Markdown,
        },
    };
    let today = crate::date::today();
    let crawl_start = answers
        .phase(crate::model::PhaseKind::Crawl)
        .and_then(|p| p.start);
    let templates = match &args.templates {
        Some(dir) => Some(cwd.join(dir)),
        None => config
            .file
            .templates
            .as_ref()
            .map(|t| config.resolve(t.get_ref())),
    };
    if let Some(dir) = &templates {
        if !dir.is_dir() {
            return Err(render::Error {
                message: format!("the templates folder {} does not exist", dir.display()),
                help: Some("point --templates (or `templates` in charter.toml) at a folder of *.tera files".into()),
            });
        }
    }
    let req = Request {
        partner: partner.clone(),
        company,
        tier,
        format,
        start: args
            .start
            .or(crawl_start)
            .unwrap_or_else(|| render::dates::next_monday(today)),
        start_given: args.start.is_some(),
        today,
        answers,
        templates,
    };
    let text = render::render(&req)?;

    let path = if args.stdout {
        None
    } else {
        Some(output_path(&args, &config, &partner, format)?)
    };
    // TOML: point editors at the schema (written with `charter schema`) from where
    // the charter goes; standard output goes to the current folder as far as we know.
    let text = match format {
        Format::Toml => {
            let dir = path
                .as_deref()
                .and_then(Path::parent)
                .map_or_else(|| cwd.clone(), |p| cwd.join(p));
            schema_line::add(&text, &dir, &cwd.join(&config.root))
        }
        Format::Markdown => text,
    };
    let Some(path) = path else {
        return super::try_write_stdout(text.as_bytes())
            .map_err(|e| render::Error::new(format!("cannot write to standard output: {e}")));
    };
    name_check::check(&path, format, &config, &cwd, args.force)?;
    write_new(&path, text.as_bytes(), args.force).map_err(|e| write_error(e, &path))?;
    // From a complete answers file nothing is left to fill in.
    let next = if text.contains("<fill in") {
        "Replace its prompts in angle brackets, then run"
    } else {
        "Check it with"
    };
    println!(
        "Wrote {} (tier {}, {}). {next} `charter lint {}`.",
        path.display(),
        tier.number(),
        tier.name(),
        path.display()
    );
    let schema = config.root.join(schema_line::FILE);
    if format == Format::Toml && !schema.exists() {
        eprintln!(
            "note: its `#:schema` line is for editors (taplo); write the schema with `charter schema > {}`",
            schema.display()
        );
    }
    Ok(())
}

fn load_config(args: &NewArgs, cwd: &Path) -> Result<Config, render::Error> {
    if args.config.no_config {
        return Ok(Config {
            root: cwd.to_path_buf(),
            ..Config::default()
        });
    }
    Config::discover(args.config.config.as_deref(), cwd).map_err(|e| render::Error {
        message: format!("{:?}", miette::Report::new(e)),
        help: None,
    })
}

/// A partner name must be one line of text with something in it.
fn check_partner(partner: &str) -> Result<(), render::Error> {
    let problem = if partner.contains('\0') {
        Some("contains a NUL character")
    } else if partner.trim().is_empty() {
        Some("is empty")
    } else if partner.chars().any(char::is_control) {
        Some("contains a line break or control character")
    } else {
        None
    };
    match problem {
        Some(p) => Err(render::Error {
            message: format!("the partner name {p}: {:?}", partner),
            help: Some("give the partner's name as plain text, e.g. \"Northwind Ledger\"".into()),
        }),
        None => Ok(()),
    }
}

fn choose_tier(
    args: &NewArgs,
    answers: &Answers,
    interactive: bool,
) -> Result<Tier, render::Error> {
    if args.ask_tier {
        if !interactive {
            return Err(render::Error {
                message: "--ask-tier asks questions, but standard input is not a terminal".into(),
                help: Some(
                    "pass the tier instead: --tier 1, 2 or 3 (integration, partnership, strategic)"
                        .into(),
                ),
            });
        }
        return ask_with(ask::decide_tier);
    }
    if let Some(t) = &args.tier {
        return Tier::parse(t).ok_or_else(|| render::Error {
            message: format!("`{t}` is not a partner tier"),
            help: Some("use --tier 1, 2 or 3, or integration, partnership, strategic".into()),
        });
    }
    if let Some(t) = answers.tier {
        return Ok(t);
    }
    if interactive {
        return ask_with(ask::tier);
    }
    Err(render::Error {
        message: "no partner tier given, and standard input is not a terminal to ask on".into(),
        help: Some("pass --tier 1, 2 or 3 (integration, partnership, strategic), or --ask-tier on a terminal".into()),
    })
}

/// Ask on the terminal: questions go to stderr, so stdout stays clean for --stdout.
fn ask_with<T>(
    f: impl FnOnce(&mut std::io::StdinLock<'static>, &mut std::io::Stderr) -> Result<T, String>,
) -> Result<T, render::Error> {
    f(&mut std::io::stdin().lock(), &mut std::io::stderr()).map_err(render::Error::new)
}

/// `--output` as given (a folder gets the default file name), or the default name in
/// the `charters` folder of charter.toml, or here. The default name is the slug, so
/// it always lies inside that folder.
fn output_path(
    args: &NewArgs,
    config: &Config,
    partner: &str,
    format: Format,
) -> Result<PathBuf, render::Error> {
    let file_name = || -> Result<String, render::Error> {
        let slug = render::slug::slug(partner).map_err(|message| render::Error {
            message,
            help: Some(
                "give a partner name with letters or digits, or choose the file with --output"
                    .into(),
            ),
        })?;
        let ext = match format {
            Format::Markdown => "md",
            Format::Toml => "toml",
        };
        Ok(format!("{slug}.charter.{ext}"))
    };
    if let Some(out) = &args.output {
        return Ok(if out.is_dir() {
            out.join(file_name()?)
        } else {
            out.clone()
        });
    }
    let dir = match &config.file.charters {
        Some(c) => {
            let dir = config.resolve(c.get_ref());
            std::fs::create_dir_all(&dir).map_err(|e| render::Error {
                message: format!("cannot create the charters folder {}: {e}", dir.display()),
                help: Some("check `charters` in charter.toml".into()),
            })?;
            dir
        }
        None => PathBuf::from("."),
    };
    let name = file_name()?;
    Ok(if dir == Path::new(".") {
        PathBuf::from(name)
    } else {
        dir.join(name)
    })
}

fn write_error(e: WriteError, path: &Path) -> render::Error {
    let help = match &e {
        WriteError::Exists(_) => "charter new never replaces a file unless told to: pass --force to overwrite it, or --output to write elsewhere",
        WriteError::IsDir(_) => "choose a file name with --output",
        WriteError::Changed(_) => "run it again",
        WriteError::NotRegular(_) => "charter new only replaces a file: choose a file name with --output",
        WriteError::Io { .. } => "check that the folder exists and is writable; nothing was written",
    };
    render::Error {
        message: format!("cannot write {}: {e}", path.display()),
        help: Some(help.into()),
    }
}
