//! `charter init`: write a commented charter.toml holding the defaults.

use super::{exit, InitArgs};
use crate::config::{ConfigFile, FILE_NAME};
use crate::rules::pack::{PackFile, DEFAULT_PACK};
use crate::write::{write_new, WriteError};
use serde_json::json;

pub fn run(args: InitArgs) -> u8 {
    match init(&args) {
        Ok(path) => {
            println!("Wrote {}.", path.display());
            exit::CLEAN
        }
        Err((message, help)) => {
            eprintln!("error: {message}");
            eprintln!("  help: {help}");
            exit::TROUBLE
        }
    }
}

type Failure = (String, String);

fn init(args: &InitArgs) -> Result<std::path::PathBuf, Failure> {
    let text = render_config()
        .map_err(|e| (e, "this is a bug in charter; please report it".to_string()))?;
    std::fs::create_dir_all(&args.dir).map_err(|e| {
        (
            format!("cannot create {}: {e}", args.dir.display()),
            "check the folder name and permissions".to_string(),
        )
    })?;
    let path = args.dir.join(FILE_NAME);
    write_new(&path, text.as_bytes(), args.force).map_err(|e| {
        let help = match e {
            WriteError::Exists(_) => {
                "charter init keeps an existing config: edit it, or pass --force to replace it"
            }
            _ => "check that the folder is writable; nothing was written",
        };
        (e.to_string(), help.to_string())
    })?;
    Ok(path)
}

/// The commented config, from the built-in pack's rule list; checked to load as a
/// config before anything is written.
pub fn render_config() -> Result<String, String> {
    let pack: PackFile =
        toml::from_str(DEFAULT_PACK).map_err(|e| format!("the built-in rule pack: {e}"))?;
    let rules: Vec<_> = pack
        .rules
        .iter()
        .map(|r| {
            json!({
                "name": r.name,
                "code": r.code,
                "severity": r.severity.name(),
                "draft_severity": r.draft_severity.map(|s| s.name()),
            })
        })
        .collect();
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![]);
    crate::render::templates::register_filters(&mut tera);
    tera.add_raw_template("charter-config.toml.tera", crate::render::templates::CONFIG)
        .map_err(|e| crate::render::templates::chain(&e))?;
    let ctx = tera::Context::from_value(json!({ "rules": rules })).map_err(|e| e.to_string())?;
    let text = tera
        .render("charter-config.toml.tera", &ctx)
        .map_err(|e| crate::render::templates::chain(&e))?;
    toml::from_str::<ConfigFile>(&text).map_err(|e| format!("the generated charter.toml: {e}"))?;
    Ok(text)
}
