//! The answers file: values for `charter new` to fill in, under the same keys as a
//! TOML charter (docs/format.md), so a complete answers file is almost a charter.
//!
//! Every key is read explicitly and removed as it is read; whatever is left over is
//! an error naming the key (with the closest known key), so a typo never silently
//! drops a value. Values are only ever data: they are checked here and rendered by
//! the templates through escaping filters.

use crate::model::{Leverage, PhaseKind, Status, Tier};
use crate::parse::meta::canonical_key;
use crate::suggest::closest;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::Path;

/// Plain text fields per section, in the canonical spelling.
pub use crate::model::TEXT_FIELDS as SECTION_FIELDS;

/// The section tables an answers file may hold, after the metadata keys.
const SECTION_TABLES: &[&str] = &[
    "goals",
    "value-exchange",
    "timeline",
    "metrics",
    "governance",
    "exit",
    "signatures",
];
const PHASE_KEYS: &[&str] = &["name", "start", "end", "scope", "go-no-go", "result"];
const METRIC_KEYS: &[&str] = &["name", "target"];
const SIGNATURE_KEYS: &[&str] = &["side", "name", "title", "date", "signed"];

#[derive(Clone, Debug, Default)]
pub struct Answers {
    pub partner: Option<String>,
    pub company: Option<String>,
    pub tier: Option<Tier>,
    /// Leverage values as written (each one checked).
    pub leverage: Option<Vec<String>>,
    /// Lowercase, checked.
    pub status: Option<String>,
    pub created: Option<Date>,
    pub next_review: Option<Date>,
    /// Section key → field key → text, for the plain text fields of [`SECTION_FIELDS`].
    pub fields: BTreeMap<String, BTreeMap<String, String>>,
    pub phases: Vec<PhaseAnswer>,
    pub metrics: Vec<MetricAnswer>,
    pub exit_criteria: Option<Vec<String>>,
    pub signatures: Vec<SignatureAnswer>,
}

#[derive(Clone, Debug)]
pub struct PhaseAnswer {
    pub kind: PhaseKind,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub scope: Option<String>,
    pub go_no_go: Option<String>,
    pub result: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct MetricAnswer {
    pub name: Option<String>,
    pub target: Option<String>,
}

#[derive(Clone, Debug)]
pub struct SignatureAnswer {
    /// `company` or `partner`.
    pub side: &'static str,
    pub name: Option<String>,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub signed: bool,
}

impl Answers {
    pub fn field(&self, section: &str, field: &str) -> Option<&str> {
        self.fields
            .get(section)
            .and_then(|f| f.get(field))
            .map(String::as_str)
    }

    pub fn phase(&self, kind: PhaseKind) -> Option<&PhaseAnswer> {
        self.phases.iter().find(|p| p.kind == kind)
    }

    /// Read and check an answers file. The error names the file and the key.
    pub fn load(path: &Path) -> Result<Answers, String> {
        let text = crate::input::read_settings(path)
            .map_err(|e| format!("cannot read answers file {}: {e}", path.display()))?;
        Answers::parse(&text).map_err(|e| format!("answers file {}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Answers, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| format!("it is not valid TOML: {}", e.message().trim()))?;
        let mut top = Reader::new(table, "")?;
        let mut a = Answers {
            partner: top.text("partner")?,
            company: top.text("company")?,
            ..Answers::default()
        };
        if let Some(v) = top.scalar("tier")? {
            a.tier = Some(Tier::parse(&v).ok_or_else(|| {
                format!("`tier = {v}` is not a tier: use 1, 2, 3 or integration, partnership, strategic")
            })?);
        }
        if let Some(list) = top.text_list("leverage")? {
            for v in &list {
                if Leverage::parse(v).is_none() {
                    return Err(format!(
                        "leverage `{v}` is not one of requirement, economic, competitive, customer, co-marketing"
                    ));
                }
            }
            a.leverage = Some(list);
        }
        if let Some(v) = top.text("status")? {
            if Status::parse(&v).is_none() {
                return Err(format!(
                    "status `{v}` is not one of draft, crawl, walk, run, ended"
                ));
            }
            a.status = Some(v.to_ascii_lowercase());
        }
        a.created = top.date("created")?;
        a.next_review = top.date("next-review")?;

        for (section, fields) in SECTION_FIELDS {
            let Some(mut sec) = top.table(section)? else {
                continue;
            };
            let mut values = BTreeMap::new();
            for field in *fields {
                if let Some(v) = sec.text(field)? {
                    values.insert(field.to_string(), v);
                }
            }
            match *section {
                "timeline" => a.phases = read_phases(&mut sec)?,
                "metrics" => a.metrics = read_metrics(&mut sec)?,
                _ => {}
            }
            let extra: &[&str] = match *section {
                "timeline" => &["phase"],
                "metrics" => &["metric"],
                _ => &[],
            };
            sec.finish(&[*fields, extra].concat())?;
            a.fields.insert(section.to_string(), values);
        }
        if let Some(mut exit) = top.table("exit")? {
            a.exit_criteria = exit.text_list("criteria")?;
            exit.finish(&["criteria"])?;
        }
        a.signatures = read_signatures(&mut top)?;
        let known: Vec<&str> = crate::parse::meta::META_KEYS
            .iter()
            .chain(SECTION_TABLES)
            .copied()
            .collect();
        top.finish(&known)?;
        Ok(a)
    }
}

fn read_phases(sec: &mut Reader) -> Result<Vec<PhaseAnswer>, String> {
    let mut phases: Vec<PhaseAnswer> = Vec::new();
    for (i, mut t) in sec.tables("phase")?.into_iter().enumerate() {
        let name = t.text("name")?.ok_or_else(|| {
            format!(
                "`timeline.phase` number {} has no `name` (crawl, walk or run)",
                i + 1
            )
        })?;
        let kind = PhaseKind::parse(&name)
            .ok_or_else(|| format!("`timeline.phase` name `{name}` is not crawl, walk or run"))?;
        if phases.iter().any(|p| p.kind == kind) {
            return Err(format!(
                "the {name} phase is given twice in `timeline.phase`"
            ));
        }
        phases.push(PhaseAnswer {
            kind,
            start: t.date("start")?,
            end: t.date("end")?,
            scope: t.text("scope")?,
            go_no_go: t.text("go-no-go")?,
            result: t.text("result")?,
        });
        t.finish(PHASE_KEYS)?;
    }
    Ok(phases)
}

fn read_metrics(sec: &mut Reader) -> Result<Vec<MetricAnswer>, String> {
    let mut out = Vec::new();
    for mut t in sec.tables("metric")? {
        out.push(MetricAnswer {
            name: t.text("name")?,
            target: t.text("target")?,
        });
        t.finish(METRIC_KEYS)?;
    }
    Ok(out)
}

fn read_signatures(top: &mut Reader) -> Result<Vec<SignatureAnswer>, String> {
    let mut out = Vec::new();
    for (i, mut t) in top.tables("signatures")?.into_iter().enumerate() {
        let side = match t.text("side")?.as_deref().map(str::to_ascii_lowercase) {
            Some(s) if s == "company" => "company",
            Some(s) if s == "partner" => "partner",
            Some(s) => {
                return Err(format!(
                    "`signatures.side = \"{s}\"`: use \"company\" or \"partner\""
                ))
            }
            None => {
                return Err(format!(
                    "`signatures` entry number {} has no `side` (\"company\" or \"partner\")",
                    i + 1
                ))
            }
        };
        let date = t.date("date")?;
        let signed = match t.take("signed") {
            None => date.is_some(),
            Some(toml::Value::Boolean(b)) => b,
            Some(other) => {
                return Err(format!(
                    "`signatures.signed` should be true or false, not {}",
                    other.type_str()
                ))
            }
        };
        out.push(SignatureAnswer {
            side,
            name: t.text("name")?,
            title: t.text("title")?,
            date,
            signed,
        });
        t.finish(SIGNATURE_KEYS)?;
    }
    Ok(out)
}

/// A table whose keys are taken one by one; `finish` reports what was not taken.
struct Reader {
    /// Canonical key → (key as written, value).
    entries: BTreeMap<String, (String, toml::Value)>,
    /// Dotted path of this table, for messages (`""` at the top).
    path: String,
}

impl Reader {
    fn new(table: toml::Table, path: &str) -> Result<Reader, String> {
        let mut entries: BTreeMap<String, (String, toml::Value)> = BTreeMap::new();
        for (key, value) in table {
            let canon = canonical_key(&key);
            if let Some((first, _)) = entries.get(&canon) {
                return Err(format!(
                    "`{}` and `{}` are the same key",
                    join(path, first),
                    join(path, &key)
                ));
            }
            entries.insert(canon, (key, value));
        }
        Ok(Reader {
            entries,
            path: path.to_string(),
        })
    }

    fn name(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn take(&mut self, key: &str) -> Option<toml::Value> {
        self.entries.remove(key).map(|(_, v)| v)
    }

    /// A text value, trimmed; an empty one is an error (leave the key out instead).
    fn text(&mut self, key: &str) -> Result<Option<String>, String> {
        match self.take(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => nonempty(s, &self.name(key)).map(Some),
            Some(other) => Err(format!(
                "`{}` should be text, not {}",
                self.name(key),
                other.type_str()
            )),
        }
    }

    /// Text or a number, as text (`tier = 2` and `tier = "2"` alike).
    fn scalar(&mut self, key: &str) -> Result<Option<String>, String> {
        let name = self.name(key);
        match self.take(key) {
            None => Ok(None),
            Some(toml::Value::Integer(i)) => Ok(Some(i.to_string())),
            Some(toml::Value::String(s)) => nonempty(s, &name).map(Some),
            Some(other) => Err(format!(
                "`{name}` should be a number or text, not {}",
                other.type_str()
            )),
        }
    }

    /// A list of texts; a single text is a list of one.
    fn text_list(&mut self, key: &str) -> Result<Option<Vec<String>>, String> {
        let name = self.name(key);
        match self.take(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(vec![nonempty(s, &name)?])),
            Some(toml::Value::Array(items)) => items
                .into_iter()
                .map(|item| match item {
                    toml::Value::String(s) => nonempty(s, &name),
                    other => Err(format!(
                        "`{name}` should list text, not {}",
                        other.type_str()
                    )),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(other) => Err(format!(
                "`{name}` should be a list of text, not {}",
                other.type_str()
            )),
        }
    }

    /// A date, bare (`2027-01-04`) or quoted, that is on the calendar.
    fn date(&mut self, key: &str) -> Result<Option<Date>, String> {
        let name = self.name(key);
        let text = match self.take(key) {
            None => return Ok(None),
            Some(toml::Value::Datetime(d)) => d.to_string(),
            Some(toml::Value::String(s)) => s,
            Some(other) => {
                return Err(format!(
                    "`{name}` should be a date (YYYY-MM-DD), not {}",
                    other.type_str()
                ))
            }
        };
        crate::date::parse(&text)
            .map(Some)
            .map_err(|e| format!("`{name} = {text}` is {e}"))
    }

    fn table(&mut self, key: &str) -> Result<Option<Reader>, String> {
        let name = self.name(key);
        match self.take(key) {
            None => Ok(None),
            Some(toml::Value::Table(t)) => Reader::new(t, &name).map(Some),
            Some(other) => Err(format!(
                "`{name}` should be a table (`[{name}]`), not {}",
                other.type_str()
            )),
        }
    }

    /// An array of tables (`[[timeline.phase]]`).
    fn tables(&mut self, key: &str) -> Result<Vec<Reader>, String> {
        let name = self.name(key);
        match self.take(key) {
            None => Ok(Vec::new()),
            Some(toml::Value::Array(items)) => items
                .into_iter()
                .map(|item| match item {
                    toml::Value::Table(t) => Reader::new(t, &name),
                    other => Err(format!(
                        "`{name}` should hold tables (`[[{name}]]`), not {}",
                        other.type_str()
                    )),
                })
                .collect(),
            Some(other) => Err(format!(
                "`{name}` should be written as `[[{name}]]` tables, not {}",
                other.type_str()
            )),
        }
    }

    /// Every key not taken is unknown to the templates: an error naming it.
    fn finish(self, known: &[&str]) -> Result<(), String> {
        let Some((_, (written, _))) = self.entries.into_iter().next() else {
            return Ok(());
        };
        let hint = closest(&written, known)
            .map(|k| format!(" (did you mean `{}`?)", join(&self.path, k)))
            .unwrap_or_default();
        let listed = known.join(", ");
        Err(format!(
            "unknown key `{}`{hint}; known keys here: {listed}",
            join(&self.path, &written)
        ))
    }
}

fn nonempty(s: String, name: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(format!(
            "`{name}` is empty: leave the key out to get a prompt instead"
        ));
    }
    Ok(t.to_string())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_charter_keys() {
        let a = Answers::parse(
            r#"
partner = "Northwind Ledger"
tier = 2
leverage = "economic"
next_review = 2027-01-15
[goals]
us = "  40 accounts  "
[[timeline.phase]]
name = "crawl"
start = "2027-01-04"
[[metrics.metric]]
name = "Accounts"
target = "40"
[exit]
criteria = ["a 1", "b 2"]
[[signatures]]
side = "partner"
name = "Ravi"
date = 2027-01-02
"#,
        )
        .unwrap();
        assert_eq!(a.partner.as_deref(), Some("Northwind Ledger"));
        assert_eq!(a.tier, Some(Tier::Partnership));
        assert_eq!(a.field("goals", "us"), Some("40 accounts"));
        assert_eq!(a.phases[0].kind, PhaseKind::Crawl);
        assert_eq!(a.metrics.len(), 1);
        assert_eq!(a.exit_criteria.as_ref().unwrap().len(), 2);
        assert!(a.signatures[0].signed, "a date means signed");
        assert!(a.next_review.is_some());
    }

    #[test]
    fn unknown_keys_are_named_with_a_suggestion() {
        let e = Answers::parse("[goals]\nuss = \"x\"\n").unwrap_err();
        assert!(
            e.contains("`goals.uss`") && e.contains("did you mean `goals.us`"),
            "{e}"
        );
        let e = Answers::parse("parnter = \"x\"\n").unwrap_err();
        assert!(e.contains("`parnter`") && e.contains("`partner`"), "{e}");
        let e = Answers::parse("[[timeline.phase]]\nname = \"crawl\"\nstrat = 2027-01-01\n")
            .unwrap_err();
        assert!(
            e.contains("timeline.phase.strat") && e.contains("timeline.phase.start"),
            "{e}"
        );
        let e = Answers::parse("[bogus]\nx = 1\n").unwrap_err();
        assert!(e.contains("`bogus`"), "{e}");
    }

    #[test]
    fn bad_values_are_named() {
        for (src, needle) in [
            ("tier = \"gold\"", "tier"),
            ("status = \"live\"", "status"),
            ("leverage = [\"vibes\"]", "vibes"),
            ("created = \"2026-02-30\"", "created"),
            ("[goals]\nus = 3", "goals.us"),
            ("[goals]\nus = \" \"", "goals.us"),
            ("[[timeline.phase]]\nname = \"jog\"", "jog"),
            ("[[signatures]]\nside = \"them\"", "them"),
            ("partner = \"a\"\nPartner = \"b\"", "same key"),
        ] {
            let e = Answers::parse(src).unwrap_err();
            assert!(e.contains(needle), "{src}: {e}");
        }
    }
}
