//! `charter.toml`: found in the linted path's folder or the nearest parent, else the
//! current directory's (or named with `--config`), parsed with spans, then validated against the rule set as a
//! second step so that every error points into the config file.

use crate::severity::Level;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "charter.toml";

/// The config as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Extra rule packs, relative to the config file.
    #[serde(default)]
    pub rules: Vec<Spanned<String>>,
    /// Globs (relative to the config's folder) of files to lint besides `*.charter.md`/`*.charter.toml`.
    #[serde(default)]
    pub include: Vec<Spanned<String>>,
    /// Globs of files and folders never to lint in a walk.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// A folder of templates overriding the built-in ones by name.
    #[serde(default)]
    pub templates: Option<Spanned<String>>,
    /// Where `charter new` writes by default.
    #[serde(default)]
    pub charters: Option<Spanned<String>>,
    /// Our company's name, the default for `charter new --company`.
    #[serde(default)]
    pub company: Option<Spanned<String>>,
    /// Rule name or code to `error`, `warning`, `info` or `off`.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Spanned<Level>>,
    /// Rule name or code to parameters that override the pack's.
    #[serde(default)]
    pub params: BTreeMap<Spanned<String>, Spanned<toml::Table>>,
}

/// A loaded config: what it says, where it is, and its text for error reports.
#[derive(Debug, Default)]
pub struct Config {
    pub file: ConfigFile,
    /// The config file, when there is one.
    pub path: Option<PathBuf>,
    /// The folder relative paths in the config are resolved against (the config's
    /// folder, or the current directory without a config).
    pub root: PathBuf,
    pub text: String,
}

#[derive(Debug)]
pub struct ConfigError {
    pub message: String,
    pub src: Option<Box<NamedSource<String>>>,
    pub span: Option<SourceSpan>,
    pub label: String,
    pub help: Option<String>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("charter::config"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.src.as_deref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some(self.label.clone()), span),
        )))
    }
}

impl Config {
    /// The config named by `explicit`, or the nearest `charter.toml` from `start`
    /// upwards, or the defaults when there is none.
    pub fn discover(explicit: Option<&Path>, start: &Path) -> Result<Config, ConfigError> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        if let Some(found) = Config::find(start) {
            return Config::load(&found);
        }
        Ok(Config {
            root: start.to_path_buf(),
            ..Config::default()
        })
    }

    /// The nearest `charter.toml` in `start` or a folder above it.
    pub fn find(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = crate::input::read_settings(path).map_err(|e| ConfigError {
            message: format!("cannot read config {}: {e}", path.display()),
            src: None,
            span: None,
            label: String::new(),
            help: None,
        })?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| ConfigError {
            message: format!("invalid config {}: {}", path.display(), e.message()),
            span: e.span().map(|r| clamp(&text, r)),
            src: Some(Box::new(NamedSource::new(
                path.display().to_string(),
                text.clone(),
            ))),
            label: "here".to_string(),
            help: Some(help_for(&text, e.span())),
        })?;
        let root = path
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .unwrap_or(Path::new("."))
            .to_path_buf();
        Ok(Config {
            file,
            path: Some(path.to_path_buf()),
            root,
            text,
        })
    }

    /// An error about a value in this config, pointing at its span.
    pub fn error_at(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> ConfigError {
        let name = self
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| FILE_NAME.to_string());
        ConfigError {
            message: message.into(),
            span: Some(clamp(&self.text, span)),
            src: Some(Box::new(NamedSource::new(name, self.text.clone()))),
            label: label.into(),
            help,
        }
    }

    /// A path from the config, resolved against the config's folder.
    pub fn resolve(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }
}

fn clamp(text: &str, r: std::ops::Range<usize>) -> SourceSpan {
    let mut start = r.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = r.end.min(text.len()).max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end - start).into()
}

/// The help for a config that does not parse: most often a key that another tool spells
/// the same way (ruff's and markdownlint's `[rules]` table turns rules off; ours lists
/// rule packs).
fn help_for(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    let at = span
        .and_then(|r| text.get(r))
        .unwrap_or("")
        .trim_start_matches('[')
        .trim_start();
    if at.starts_with("rules") {
        return "`rules` lists extra rule-pack files (rules = [\"packs/team.toml\"]); to turn a \
                rule off or change its severity, write it under [severity] \
                (missing-section = \"off\")"
            .to_string();
    }
    "see docs/rule-packs.md for the keys charter.toml accepts".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_in_a_key_points_at_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "include = [\"a/**\"]\nexlude = [\"b\"]\n").unwrap();
        let err = Config::load(&path).unwrap_err();
        assert!(err.message.contains("exlude"), "{}", err.message);
        let span = err.span.unwrap();
        assert_eq!(span.offset(), 19);
    }

    #[test]
    fn discovery_walks_up_to_the_nearest_config() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "charters = \"partners\"\n").unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        let cfg = Config::discover(None, &nested).unwrap();
        assert_eq!(cfg.root, dir.path());
        assert_eq!(cfg.file.charters.unwrap().get_ref(), "partners");
    }
}
