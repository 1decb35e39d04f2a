//! Whether the file `charter new` is about to write will be read as what it is:
//! `charter lint` takes the format from the name (`.toml` is TOML, anything else
//! Markdown), and a walk only finds the names it knows.

use crate::config::Config;
use crate::model::Format;
use crate::render;
use std::path::Path;

/// A name read as the other format is refused unless `force`; one a walk would not
/// find is written with a warning (it can still be linted by name).
pub fn check(
    path: &Path,
    format: Format,
    config: &Config,
    cwd: &Path,
    force: bool,
) -> Result<(), render::Error> {
    let name = path.to_string_lossy();
    let read_as = crate::parse::format_for(&name);
    if read_as != format {
        let message = format!(
            "{} would be read as {} by `charter lint` (it goes by the name), but it is a {} charter",
            path.display(),
            shown(read_as),
            shown(format)
        );
        if !force {
            return Err(render::Error {
                message,
                help: Some(format!(
                    "name it {}, or pass --force to write it anyway",
                    suggestion(path, format)
                )),
            });
        }
        eprintln!("warning: {message}");
        return Ok(());
    }
    let found = super::super::lint::matcher(config)
        .map(|m| m.would_find(&cwd.join(path)))
        .unwrap_or(true);
    if !found {
        eprintln!(
            "warning: `charter lint` run on a folder would not find {}: name it {}, or add it to `include` in charter.toml",
            path.display(),
            suggestion(path, format)
        );
    }
    Ok(())
}

/// The name a walk finds in that format: `acme.txt` → `acme.charter.toml`.
fn suggestion(path: &Path, format: Format) -> String {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = file
        .split('.')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or("charter");
    let ext = match format {
        Format::Markdown => "md",
        Format::Toml => "toml",
    };
    format!("{stem}.charter.{ext}")
}

fn shown(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Toml => "TOML",
    }
}
