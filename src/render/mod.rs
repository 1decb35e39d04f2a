//! Charter generation: templates (built in, or a team's own) rendered with a context
//! built from the arguments, an answers file and computed dates.
//!
//! User input only ever reaches the templates as context values, placed through the
//! escaping filters in [`filters`]; the result is re-parsed before anyone writes it.

pub mod answers;
pub mod context;
pub mod dates;
mod filters;
pub mod limits;
pub mod slug;
pub mod templates;
mod verify;

use crate::model::{Format, Tier};
use jiff::civil::Date;
use std::fmt;
use std::path::PathBuf;

pub use answers::Answers;
pub use filters::{cell, md};
pub use verify::check_values;

/// An error with what to do about it.
#[derive(Debug, Clone)]
pub struct Error {
    pub message: String,
    pub help: Option<String>,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
            help: None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Everything a charter is rendered from.
#[derive(Debug, Clone)]
pub struct Request {
    pub partner: String,
    pub company: Option<String>,
    pub tier: Tier,
    pub format: Format,
    /// The first day of crawl.
    pub start: Date,
    /// Whether `start` was given on the command line (it then wins over the answers).
    pub start_given: bool,
    /// The creation date written into the charter.
    pub today: Date,
    pub answers: Answers,
    /// A folder of templates overriding the built-in ones by name.
    pub templates: Option<PathBuf>,
}

/// Render the charter for `req`, checked: values that would break the format are
/// refused, and the result parses and holds every answer.
pub fn render(req: &Request) -> Result<String, Error> {
    let values = verify::texts(&req.partner, req.company.as_deref(), &req.answers);
    verify::check_values(&values, req.format)?;
    let ctx = context::build(req).map_err(|e| Error {
        message: e,
        help: Some("fix the phase dates in the answers file or --start".to_string()),
    })?;
    let tera = templates::load(req.templates.as_deref())?;
    let name = context::template_name(req.tier, req.format);
    let out = templates::render(&tera, &name, &ctx, req.templates.as_deref())?;
    verify::reparse(&out, req.format, &req.partner, &name)?;
    verify::all_used(&out, &values, req.format, &name)?;
    Ok(out)
}
