//! The render context: the arguments, the answers and the computed dates, shaped for
//! the templates (snake_case keys; a field without an answer is simply absent, so a
//! template's `default(value=…)` puts the prompt there).

use super::Request;
use crate::model::{PhaseKind, Tier};
use serde_json::{json, Map, Value};

pub fn build(req: &Request) -> Result<tera::Context, String> {
    let a = &req.answers;
    let given =
        PhaseKind::ALL.map(|k| a.phase(k).map(|p| (p.start, p.end)).unwrap_or((None, None)));
    // The crawl start on the command line wins over the answers file's.
    let mut given = given;
    if req.start_given {
        given[0].0 = Some(req.start);
    }
    let dates = super::dates::plan(req.start, given)?;

    let mut root = Map::new();
    root.insert("partner".into(), json!(req.partner));
    if let Some(c) = &req.company {
        root.insert("company".into(), json!(c));
    }
    root.insert("tier".into(), json!(req.tier.number()));
    root.insert("tier_name".into(), json!(req.tier.name()));
    if let Some(l) = &a.leverage {
        root.insert("leverage".into(), json!(l));
    }
    root.insert(
        "status".into(),
        json!(a.status.clone().unwrap_or_else(|| "draft".to_string())),
    );
    root.insert(
        "created".into(),
        json!(a.created.unwrap_or(req.today).to_string()),
    );
    // The first review is the crawl go/no-go decision.
    root.insert(
        "next_review".into(),
        json!(a.next_review.unwrap_or(dates[0].1).to_string()),
    );
    root.insert("start".into(), json!(dates[0].0.to_string()));

    for (section, fields) in super::answers::SECTION_FIELDS {
        let mut obj = Map::new();
        for field in *fields {
            if let Some(v) = a.field(section, field) {
                obj.insert(snake(field), json!(v));
            }
        }
        root.insert(snake(section), Value::Object(obj));
    }

    let phases: Vec<Value> = PhaseKind::ALL
        .iter()
        .zip(dates)
        .map(|(&kind, (start, end))| {
            let mut p = Map::new();
            p.insert("name".into(), json!(kind.name()));
            p.insert("title".into(), json!(title(kind.name())));
            p.insert("start".into(), json!(start.to_string()));
            p.insert("end".into(), json!(end.to_string()));
            if let Some(ans) = a.phase(kind) {
                for (key, v) in [
                    ("scope", &ans.scope),
                    ("go_no_go", &ans.go_no_go),
                    ("result", &ans.result),
                ] {
                    if let Some(v) = v {
                        p.insert(key.into(), json!(v));
                    }
                }
            }
            Value::Object(p)
        })
        .collect();
    root.insert("phases".into(), Value::Array(phases));

    let metrics: Vec<Value> = a
        .metrics
        .iter()
        .map(|m| {
            let mut o = Map::new();
            if let Some(n) = &m.name {
                o.insert("name".into(), json!(n));
            }
            if let Some(t) = &m.target {
                o.insert("target".into(), json!(t));
            }
            Value::Object(o)
        })
        .collect();
    if let Some(Value::Object(m)) = root.get_mut("metrics") {
        m.insert("list".into(), Value::Array(metrics));
    }
    let mut exit = Map::new();
    if let Some(c) = &a.exit_criteria {
        exit.insert("criteria".into(), json!(c));
    }
    root.insert("exit".into(), Value::Object(exit));
    root.insert("signatures".into(), Value::Array(signatures(req)));

    tera::Context::from_value(Value::Object(root)).map_err(|e| e.to_string())
}

/// The answers' signature lines, then an unsigned line for each side that has none,
/// so both sides always have a line to sign.
fn signatures(req: &Request) -> Vec<Value> {
    let side_name = |side: &str| match side {
        "company" => req.company.clone(),
        _ => Some(req.partner.clone()),
    };
    let mut out = Vec::new();
    for s in &req.answers.signatures {
        let mut o = Map::new();
        o.insert("side".into(), json!(s.side));
        if let Some(n) = side_name(s.side) {
            o.insert("side_name".into(), json!(n));
        }
        if let Some(v) = &s.name {
            o.insert("name".into(), json!(v));
        }
        if let Some(v) = &s.title {
            o.insert("title".into(), json!(v));
        }
        if let Some(d) = s.date {
            o.insert("date".into(), json!(d.to_string()));
        }
        o.insert("signed".into(), json!(s.signed));
        out.push(Value::Object(o));
    }
    for side in ["company", "partner"] {
        if req.answers.signatures.iter().any(|s| s.side == side) {
            continue;
        }
        let mut o = Map::new();
        o.insert("side".into(), json!(side));
        if let Some(n) = side_name(side) {
            o.insert("side_name".into(), json!(n));
        }
        o.insert("signed".into(), json!(false));
        out.push(Value::Object(o));
    }
    out
}

fn snake(key: &str) -> String {
    key.replace('-', "_")
}

fn title(name: &str) -> String {
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The template a tier renders through.
pub fn template_name(tier: Tier, format: crate::model::Format) -> String {
    let ext = match format {
        crate::model::Format::Markdown => "md",
        crate::model::Format::Toml => "toml",
    };
    format!("tier-{}.{ext}.tera", tier.number())
}
