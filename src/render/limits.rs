//! What keeps a team's templates from taking the process down. tera has no bound of
//! its own: a template that includes itself, or a macro that calls itself, recurses
//! until the stack overflows (an abort, not an error), and `range(end=100000000)`
//! builds a list of a hundred million numbers. So before anything renders, the includes
//! and macro calls are checked for cycles and depth, and `range` is replaced by one
//! with a budget.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tera::ast::{Expr, ExprVal, Node};
use tera::Tera;

/// The deepest chain of includes, parents and macro calls a render may take. Charter
/// templates need a handful; tera's recursion stays far from the stack's end.
pub const MAX_DEPTH: usize = 64;

/// How many numbers all the `range` calls of one render may make together, nested
/// loops included (an inner `range` is called again on every outer turn).
pub const RANGE_BUDGET: u64 = 100_000;

/// A template (by name) or a macro (by the file that defines it, and its name).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Unit {
    Template(String),
    Macro(String, String),
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unit::Template(name) => f.write_str(name),
            Unit::Macro(file, name) => write!(f, "macro {name} in {file}"),
        }
    }
}

/// Refuse templates that include themselves, macros that call themselves (directly
/// or through others), and chains deeper than [`MAX_DEPTH`]. Recursion that would
/// stop is refused too: nothing in a charter is a tree that needs it.
pub fn check(tera: &Tera) -> Result<(), String> {
    let graph = calls(tera);
    let mut heights = HashMap::new();
    let mut path = Vec::new();
    let mut names: Vec<&Unit> = graph.keys().collect();
    // Sorted, so that the error names the same cycle every run.
    names.sort_by_key(|u| u.to_string());
    for unit in names {
        height(unit, &graph, &mut path, &mut heights)?;
    }
    Ok(())
}

/// The longest chain below `unit` (itself included), or the cycle or depth error.
fn height(
    unit: &Unit,
    graph: &HashMap<Unit, HashSet<Unit>>,
    path: &mut Vec<Unit>,
    heights: &mut HashMap<Unit, usize>,
) -> Result<usize, String> {
    if let Some(at) = path.iter().position(|u| u == unit) {
        let cycle: Vec<String> = path[at..]
            .iter()
            .chain(std::iter::once(unit))
            .map(Unit::to_string)
            .collect();
        return Err(format!(
            "{unit} calls itself ({}); templates and macros cannot recurse",
            cycle.join(" → ")
        ));
    }
    let known = heights.get(unit).copied();
    let h = match known {
        Some(h) => h,
        None => {
            path.push(unit.clone());
            let mut below = 0;
            for next in graph.get(unit).into_iter().flatten() {
                below = below.max(height(next, graph, path, heights)?);
            }
            path.pop();
            heights.insert(unit.clone(), below + 1);
            below + 1
        }
    };
    if path.len() + h > MAX_DEPTH {
        return Err(format!(
            "templates nest includes and macro calls more than {MAX_DEPTH} deep (from {})",
            path.first().unwrap_or(unit)
        ));
    }
    Ok(h)
}

/// What each template and macro may render next: includes, parents and macro calls.
fn calls(tera: &Tera) -> HashMap<Unit, HashSet<Unit>> {
    let mut graph = HashMap::new();
    for (name, template) in &tera.templates {
        let imports: HashMap<&str, &str> = template
            .imported_macro_files
            .iter()
            .map(|(file, namespace)| (namespace.as_str(), file.as_str()))
            .collect();
        let mut walk = Walk {
            file: name,
            imports: &imports,
            out: HashSet::new(),
        };
        walk.nodes(&template.ast);
        walk.out.extend(
            template
                .parents
                .iter()
                .map(|p| Unit::Template(p.to_string())),
        );
        graph.insert(Unit::Template(name.clone()), walk.out);
        for (macro_name, def) in &template.macros {
            let mut walk = Walk {
                file: name,
                imports: &imports,
                out: HashSet::new(),
            };
            walk.nodes(&def.body);
            graph.insert(Unit::Macro(name.clone(), macro_name.clone()), walk.out);
        }
    }
    graph
}

/// Collects what one template's or macro's body calls.
struct Walk<'a> {
    file: &'a str,
    /// Import namespace to the file it names.
    imports: &'a HashMap<&'a str, &'a str>,
    out: HashSet<Unit>,
}

impl Walk<'_> {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::VariableBlock(_, e) => self.expr(e),
            Node::Include(_, names, _) => {
                // `include ["a", "b"]` renders the first that exists: any of them may.
                self.out
                    .extend(names.iter().map(|n| Unit::Template(n.clone())));
            }
            Node::Set(_, set) => self.expr(&set.value),
            Node::FilterSection(_, section, _) => {
                self.exprs(section.filter.args.values());
                self.nodes(&section.body);
            }
            Node::Block(_, block, _) => self.nodes(&block.body),
            Node::Forloop(_, forloop, _) => {
                self.expr(&forloop.container);
                self.nodes(&forloop.body);
                if let Some(empty) = &forloop.empty_body {
                    self.nodes(empty);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    self.expr(condition);
                    self.nodes(body);
                }
                if let Some((_, body)) = &branches.otherwise {
                    self.nodes(body);
                }
            }
            // A macro's body is its own unit; the rest call nothing.
            _ => {}
        }
    }

    fn exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) {
        for e in exprs {
            self.expr(e);
        }
    }

    fn expr(&mut self, e: &Expr) {
        self.value(&e.val);
        for filter in &e.filters {
            self.exprs(filter.args.values());
        }
    }

    fn value(&mut self, v: &ExprVal) {
        match v {
            ExprVal::MacroCall(call) => {
                let file = match call.namespace.as_str() {
                    "self" => Some(self.file),
                    ns => self.imports.get(ns).copied(),
                };
                // An unknown namespace is tera's error to report when it renders.
                if let Some(file) = file {
                    self.out
                        .insert(Unit::Macro(file.to_string(), call.name.clone()));
                }
                self.exprs(call.args.values());
            }
            ExprVal::FunctionCall(call) => self.exprs(call.args.values()),
            ExprVal::Math(m) => {
                self.expr(&m.lhs);
                self.expr(&m.rhs);
            }
            ExprVal::Logic(l) => {
                self.expr(&l.lhs);
                self.expr(&l.rhs);
            }
            ExprVal::In(i) => {
                self.expr(&i.lhs);
                self.expr(&i.rhs);
            }
            ExprVal::Test(t) => self.exprs(&t.args),
            ExprVal::Array(items) => self.exprs(items),
            ExprVal::StringConcat(c) => {
                for v in &c.values {
                    self.value(v);
                }
            }
            ExprVal::String(_)
            | ExprVal::Int(_)
            | ExprVal::Float(_)
            | ExprVal::Bool(_)
            | ExprVal::Ident(_) => {}
        }
    }
}

/// Replace tera's `range` (same arguments: `end`, optional `start` and `step_by`) by
/// one that draws on a budget of [`RANGE_BUDGET`] numbers for this `Tera`, which
/// renders one charter.
pub fn register_range(tera: &mut Tera) {
    let left = Arc::new(AtomicU64::new(RANGE_BUDGET));
    tera.register_function(
        "range",
        move |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
            let arg = |name: &str, default: Option<u64>| match args.get(name) {
                Some(v) => v.as_u64().ok_or_else(|| {
                    tera::Error::msg(format!(
                        "`range` takes a whole number for `{name}`, not {v}"
                    ))
                }),
                None => default
                    .ok_or_else(|| tera::Error::msg(format!("`range` needs an `{name}` argument"))),
            };
            let start = arg("start", Some(0))?;
            let end = arg("end", None)?;
            let step = arg("step_by", Some(1))?;
            if step == 0 {
                return Err(tera::Error::msg("`range` needs a `step_by` above 0"));
            }
            if start > end {
                return Err(tera::Error::msg(
                    "`range` was given a `start` greater than its `end`",
                ));
            }
            let count = (end - start).div_ceil(step);
            let took = left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                n.checked_sub(count)
            });
            if took.is_err() {
                return Err(tera::Error::msg(format!(
                    "`range` would make more than {RANGE_BUDGET} numbers in one charter \
                     (nested loops count every turn); loop over the answers instead"
                )));
            }
            let numbers: Vec<u64> = (start..end)
                .step_by(usize::try_from(step).unwrap_or(usize::MAX))
                .collect();
            Ok(tera::Value::from(numbers))
        },
    );
}

#[cfg(test)]
mod tests;
