//! Compiles packs into a [`RuleSet`] and runs it over a charter.

use super::checks;
use super::fill::{fill, Names};
use super::pack::{Example, PackFile, RuleDef, Severity, DEFAULT_PACK, DEFAULT_PACK_JSON};
use super::{Check, Ctx, Hit};
use crate::config::{Config, ConfigError};
use crate::model::{Charter, Span};
use crate::source::Source;
use crate::suppress::Suppressions;
use crate::vocab::Vocabulary;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// One finding of one rule on one charter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: String,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// One line: what to do.
    pub help: String,
    pub span: Span,
    pub whole_file: bool,
}

/// A rule, compiled: its texts from the pack, its check built from its parameters.
#[derive(Debug)]
pub struct Rule {
    pub code: String,
    pub name: String,
    /// The pack's severity.
    pub default_severity: Severity,
    /// The severity in force (the config may change it); `None` when turned off.
    pub severity: Option<Severity>,
    /// The severity while the charter is a draft, unless the config set one.
    pub draft_severity: Option<Severity>,
    pub summary: String,
    pub message: String,
    pub messages: BTreeMap<String, String>,
    pub fix: String,
    pub help: String,
    pub example: Option<Example>,
    /// The pack the rule came from.
    pub pack: String,
    /// The params in effect: the pack's, with charter.toml's on top (for `explain`).
    pub params: toml::Table,
    /// The params whose value charter.toml set.
    pub params_from_config: Vec<String>,
    check: Box<dyn Check>,
}

impl Rule {
    /// A rule with its texts and no check, for tests of code that only reads a rule's
    /// texts (the output formats): it needs no pack, so no check has to exist.
    #[doc(hidden)]
    pub fn for_tests(
        code: &str,
        name: &str,
        severity: Severity,
        summary: &str,
        help: &str,
    ) -> Rule {
        Rule {
            code: code.to_string(),
            name: name.to_string(),
            default_severity: severity,
            severity: Some(severity),
            draft_severity: None,
            summary: summary.to_string(),
            message: String::new(),
            messages: BTreeMap::new(),
            fix: String::new(),
            help: help.to_string(),
            example: None,
            pack: "tests".to_string(),
            params: toml::Table::new(),
            params_from_config: Vec::new(),
            check: Box::new(NoCheck),
        }
    }
}

/// The check of [`Rule::for_tests`]: finds nothing.
#[derive(Debug)]
struct NoCheck;

impl Check for NoCheck {
    fn run(&self, _cx: &Ctx<'_>, _hits: &mut Vec<Hit>) {}
}

/// The rules of the active packs, compiled, and the vocabulary the parsers use.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub vocab: Vocabulary,
}

/// Where a pack's text came from, for error messages.
pub struct PackSource {
    pub name: String,
    pub text: String,
    /// The same pack as JSON, read instead of `text` when present (the default pack).
    pub json: Option<&'static str>,
}

impl RuleSet {
    /// The default pack alone, with no config.
    pub fn default_rules() -> Result<RuleSet, ConfigError> {
        RuleSet::load(&Config::default())
    }

    /// The default pack, the packs the config adds, and the config's severities and params.
    pub fn load(config: &Config) -> Result<RuleSet, ConfigError> {
        let mut sources = vec![PackSource {
            name: "rules/default.toml (built in)".to_string(),
            text: DEFAULT_PACK.to_string(),
            json: Some(DEFAULT_PACK_JSON),
        }];
        for rel in &config.file.rules {
            let path = config.resolve(rel.get_ref());
            let text = crate::input::read_settings(&path).map_err(|e| {
                config.error_at(
                    rel.span(),
                    format!("cannot read rule pack {}: {e}", path.display()),
                    "this pack",
                    Some("paths in charter.toml are relative to the folder it is in".to_string()),
                )
            })?;
            sources.push(PackSource {
                name: path.display().to_string(),
                text,
                json: None,
            });
        }
        RuleSet::from_sources(&sources, config)
    }

    pub fn from_sources(sources: &[PackSource], config: &Config) -> Result<RuleSet, ConfigError> {
        let mut packs = Vec::with_capacity(sources.len());
        for src in sources {
            let text = src.text.strip_prefix('\u{feff}').unwrap_or(&src.text);
            let pack: PackFile = match src.json.map(serde_json::from_str) {
                Some(Ok(pack)) => pack,
                // Not expected (a test reads the JSON); the TOML says what is wrong.
                Some(Err(_)) | None => toml::from_str(text).map_err(|e| pack_error(src, &e))?,
            };
            packs.push((src, pack));
        }
        let vocab =
            Vocabulary::build(packs.iter().map(|(_, p)| &p.vocab)).map_err(|e| ConfigError {
                message: format!("invalid vocabulary in a rule pack: {e}"),
                src: None,
                span: None,
                label: String::new(),
                help: None,
            })?;

        let mut rules: Vec<Rule> = Vec::new();
        for (src, pack) in &packs {
            let pack_name = pack.pack.clone().unwrap_or_else(|| src.name.clone());
            for def in &pack.rules {
                if let Some(prev) = rules
                    .iter()
                    .find(|r| r.name == def.name || r.code == def.code)
                {
                    return Err(plain_error(format!(
                        "rule pack {}: rule {} ({}) is already defined by pack {} as {} ({})",
                        src.name, def.name, def.code, prev.pack, prev.name, prev.code
                    )));
                }
                rules.push(compile(def, &def.params, &pack_name, src)?);
            }
        }

        apply_config(&mut rules, config, &packs)?;
        Ok(RuleSet { rules, vocab })
    }

    /// Keep only the `select`ed rules (all when empty), minus the `ignore`d ones.
    /// An unknown name is an error naming it.
    pub fn restrict(&mut self, select: &[String], ignore: &[String]) -> Result<(), String> {
        for name in select.iter().chain(ignore) {
            if self.rule(name).is_none() {
                let names: Vec<&str> = self.rules.iter().map(|r| r.name.as_str()).collect();
                let hint = crate::suggest::closest(name, &names)
                    .map(|n| format!(" (did you mean `{n}`?)"))
                    .unwrap_or_default();
                return Err(format!(
                    "no rule `{name}`{hint}; `charter rules` lists them"
                ));
            }
        }
        let named = |r: &Rule, list: &[String]| {
            list.iter()
                .any(|n| r.name == *n || r.code.eq_ignore_ascii_case(n))
        };
        for rule in &mut self.rules {
            if (!select.is_empty() && !named(rule, select)) || named(rule, ignore) {
                rule.severity = None;
            }
        }
        Ok(())
    }

    /// A rule by name or code.
    pub fn rule(&self, name_or_code: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| r.name == name_or_code || r.code.eq_ignore_ascii_case(name_or_code))
    }

    /// Run every active rule over a parsed charter.
    pub fn check(&self, source: &Source, charter: &Charter, today: Date) -> Vec<Finding> {
        let cx = Ctx::new(charter, source, &self.vocab, today);
        // Built on the first hit: most charters have none.
        let mut suppressions: Option<Suppressions> = None;
        // The sides' names for the messages, likewise read on the first finding.
        let mut names: Option<Names> = None;
        let draft = charter.meta.is_draft();
        let mut hits = Vec::new();
        let mut findings = Vec::new();
        for rule in &self.rules {
            let Some(severity) = rule.severity else {
                continue;
            };
            rule.check.run(&cx, &mut hits);
            // Most rules find nothing: no severity to work out, no drain to set up and drop.
            if hits.is_empty() {
                continue;
            }
            let severity = match (draft, rule.draft_severity) {
                (true, Some(s)) => s,
                _ => severity,
            };
            for hit in hits.drain(..) {
                // Whole-file findings point at the first line of the metadata only.
                let span = if hit.whole_file {
                    charter.anchor_in(&source.text)
                } else {
                    source.clamp(hit.span)
                };
                let suppressions = suppressions.get_or_insert_with(|| {
                    let read = || crate::parse::comments::directives(&source.text);
                    Suppressions::new(charter.comments.directives(read))
                });
                // The line only when some directive could apply to it.
                if !suppressions.is_empty() {
                    let line = source.line_col(span.start).0;
                    if suppressions.suppressed(&rule.name, &rule.code, line, hit.whole_file) {
                        continue;
                    }
                }
                let template = rule.messages.get(hit.variant).unwrap_or(&rule.message);
                let names = names.get_or_insert_with(|| Names::of(charter));
                findings.push(Finding {
                    code: rule.code.clone(),
                    rule: rule.name.clone(),
                    severity,
                    message: fill(template, &hit, names),
                    help: fill(&rule.fix, &hit, names),
                    span,
                    whole_file: hit.whole_file,
                });
            }
        }
        // Stable order: by place, then by rule code.
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.code).cmp(&(b.span.start, b.span.end, &b.code))
        });
        findings.dedup();
        findings
    }
}

fn compile(
    def: &RuleDef,
    params: &toml::Table,
    pack: &str,
    src: &PackSource,
) -> Result<Rule, ConfigError> {
    let factory = checks::factory(&def.check).ok_or_else(|| {
        plain_error(format!(
            "rule pack {}: rule {} names an unknown check `{}` (known: {})",
            src.name,
            def.name,
            def.check,
            checks::CHECKS
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let check = factory(params).map_err(|e| {
        plain_error(format!(
            "rule pack {}: rule {} has invalid params: {e}",
            src.name, def.name
        ))
    })?;
    Ok(Rule {
        code: def.code.clone(),
        name: def.name.clone(),
        default_severity: def.severity,
        severity: Some(def.severity),
        draft_severity: def.draft_severity,
        summary: def.summary.trim().to_string(),
        message: def.message.clone(),
        messages: def.messages.clone(),
        fix: def.fix.clone(),
        help: def.help.trim().to_string(),
        example: def.example.clone(),
        pack: pack.to_string(),
        params: params.clone(),
        params_from_config: Vec::new(),
        check,
    })
}

/// Severities and params from charter.toml, each error pointing at its key.
fn apply_config(
    rules: &mut [Rule],
    config: &Config,
    packs: &[(&PackSource, PackFile)],
) -> Result<(), ConfigError> {
    let find = |rules: &[Rule], key: &str| {
        rules
            .iter()
            .position(|r| r.name == key || r.code.eq_ignore_ascii_case(key))
    };
    let unknown = |key: &toml::Spanned<String>, rules: &[Rule]| {
        let names: Vec<&str> = rules.iter().map(|r| r.name.as_str()).collect();
        let hint = crate::suggest::closest(key.get_ref(), &names)
            .map(|n| format!("did you mean `{n}`? "))
            .unwrap_or_default();
        config.error_at(
            key.span(),
            format!("unknown rule `{}` in charter.toml", key.get_ref()),
            "no rule has this name or code",
            Some(format!("{hint}`charter rules` lists the rules")),
        )
    };
    for (key, level) in &config.file.severity {
        let i = find(rules, key.get_ref()).ok_or_else(|| unknown(key, rules))?;
        rules[i].severity = level.get_ref().severity();
        // A severity set by the team applies whatever the status.
        rules[i].draft_severity = None;
    }
    for (key, table) in &config.file.params {
        let i = find(rules, key.get_ref()).ok_or_else(|| unknown(key, rules))?;
        let def = packs
            .iter()
            .flat_map(|(_, p)| &p.rules)
            .find(|d| d.name == rules[i].name);
        let Some(def) = def else { continue };
        let mut params = def.params.clone();
        for (k, v) in table.get_ref() {
            params.insert(k.clone(), v.clone());
        }
        let factory = checks::factory(&def.check);
        let check =
            factory.ok_or_else(|| plain_error(format!("unknown check `{}`", def.check)))?(&params)
                .map_err(|e| {
                    config.error_at(
                        table.span(),
                        format!("invalid params for rule `{}`: {e}", def.name),
                        "these params",
                        Some(format!(
                            "`charter explain {}` describes the rule and its params",
                            def.name
                        )),
                    )
                })?;
        rules[i].check = check;
        rules[i].params_from_config = table.get_ref().keys().cloned().collect();
        rules[i].params = params;
    }
    Ok(())
}

fn pack_error(src: &PackSource, e: &toml::de::Error) -> ConfigError {
    ConfigError {
        message: format!("invalid rule pack {}: {}", src.name, e.message()),
        span: e.span().map(|r| {
            let s = Span::new(r.start.min(src.text.len()), r.end.min(src.text.len()));
            let mut start = s.start;
            while !src.text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = s.end.max(start);
            while !src.text.is_char_boundary(end) {
                end += 1;
            }
            (start, end - start).into()
        }),
        src: Some(Box::new(miette::NamedSource::new(
            src.name.clone(),
            src.text.clone(),
        ))),
        label: "here".to_string(),
        help: Some("see docs/rule-packs.md for the pack format".to_string()),
    }
}

fn plain_error(message: String) -> ConfigError {
    ConfigError {
        message,
        src: None,
        span: None,
        label: String::new(),
        help: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_vocabulary_declares_exactly_the_model_text_fields() {
        let rules = RuleSet::default_rules().expect("default pack");
        for (section, fields) in crate::model::TEXT_FIELDS {
            let mut want: Vec<&str> = fields.to_vec();
            want.sort_unstable();
            assert_eq!(rules.vocab.field_keys(section), want, "{section}");
        }
    }
}
