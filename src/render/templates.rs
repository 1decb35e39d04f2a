//! Template loading: the built-in templates compiled into the binary, with a team's
//! own folder overriding them file by file.

use super::Error;
use std::path::Path;

/// The built-in templates, by the name a user template overrides them with.
pub const BUILTIN: &[(&str, &str)] = &[
    ("prompts.tera", include_str!("../../templates/prompts.tera")),
    (
        "meta.toml.tera",
        include_str!("../../templates/meta.toml.tera"),
    ),
    (
        "charter.md.tera",
        include_str!("../../templates/charter.md.tera"),
    ),
    (
        "tier-1.md.tera",
        include_str!("../../templates/tier-1.md.tera"),
    ),
    (
        "tier-2.md.tera",
        include_str!("../../templates/tier-2.md.tera"),
    ),
    (
        "tier-3.md.tera",
        include_str!("../../templates/tier-3.md.tera"),
    ),
    (
        "charter.toml.tera",
        include_str!("../../templates/charter.toml.tera"),
    ),
    (
        "tier-1.toml.tera",
        include_str!("../../templates/tier-1.toml.tera"),
    ),
    (
        "tier-2.toml.tera",
        include_str!("../../templates/tier-2.toml.tera"),
    ),
    (
        "tier-3.toml.tera",
        include_str!("../../templates/tier-3.toml.tera"),
    ),
];

/// The `charter init` template; not overridable (it documents charter's own config).
pub const CONFIG: &str = include_str!("../../templates/charter-config.toml.tera");

/// The filters every template can use (`toml`, `toml_date`, `md`, `cell`).
pub fn register_filters(tera: &mut tera::Tera) {
    super::filters::register(tera);
}

/// The built-in templates, then every `*.tera` file directly in `user_dir` (which
/// replaces a built-in one of the same name, or adds a new one to include).
pub fn load(user_dir: Option<&Path>) -> Result<tera::Tera, Error> {
    let mut sources: Vec<(String, String)> = BUILTIN
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect();
    if let Some(dir) = user_dir {
        for (name, text) in read_user_dir(dir)? {
            match sources.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => sources.push((name, text)),
            }
        }
    }
    let mut tera = tera::Tera::default();
    // Charters are not HTML: nothing is escaped behind the templates' back.
    tera.autoescape_on(vec![]);
    register_filters(&mut tera);
    super::limits::register_range(&mut tera);
    tera.add_raw_templates(sources).map_err(|e| Error {
        message: format!("a template does not parse: {}", chain(&e)),
        help: Some(help_for(user_dir)),
    })?;
    // Before rendering: a recursion tera would follow to a stack overflow.
    super::limits::check(&tera).map_err(|message| Error {
        message,
        help: Some(help_for(user_dir)),
    })?;
    Ok(tera)
}

fn read_user_dir(dir: &Path) -> Result<Vec<(String, String)>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error {
        message: format!("cannot read the templates folder {}: {e}", dir.display()),
        help: Some(
            "point --templates (or `templates` in charter.toml) at an existing folder of *.tera files"
                .to_string(),
        ),
    })?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error {
            message: format!("cannot read the templates folder {}: {e}", dir.display()),
            help: None,
        })?;
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".tera") || !path.is_file() {
            continue;
        }
        let text = crate::input::read_settings(&path).map_err(|e| Error {
            message: format!("cannot read template {}: {e}", path.display()),
            help: Some("templates are UTF-8 text files".to_string()),
        })?;
        out.push((name.to_string(), text));
    }
    out.sort();
    Ok(out)
}

/// Render one template, with its error chain spelled out.
pub fn render(
    tera: &tera::Tera,
    name: &str,
    context: &tera::Context,
    user_dir: Option<&Path>,
) -> Result<String, Error> {
    tera.render(name, context).map_err(|e| Error {
        message: format!("cannot render template `{name}`: {}", chain(&e)),
        help: Some(help_for(user_dir)),
    })
}

fn help_for(user_dir: Option<&Path>) -> String {
    match user_dir {
        Some(dir) => format!(
            "check the templates in {} (they override the built-in ones by file name); \
             docs/templates.md lists the variables a template can use",
            dir.display()
        ),
        None => "this is a bug in charter's built-in templates; please report it".to_string(),
    }
}

/// A tera error with its causes, which hold the useful part (the line, the variable).
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(text.trim());
        }
        cur = s.source();
    }
    out
}
