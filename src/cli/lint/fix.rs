//! `--fix` and `--diff` for one charter: the fixed text, shown or written safely.

use super::Job;
use crate::output;
use crate::source::Source;
use crate::write::{Stamp, WriteError};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum FixMode {
    /// `--fix`: write the fixed file.
    Write,
    /// `--diff`: show what `--fix` would change.
    Diff,
}

pub(super) enum Fixed {
    Diff(String),
    Written(String),
    /// Left alone, and why.
    Refused(String),
}

/// Fix one charter: a diff to show, or the new text once it is safely written.
pub(super) fn apply_fix(
    source: &Source,
    charter: &crate::model::Charter,
    path: Option<&std::path::Path>,
    stamp: Option<Stamp>,
    mode: FixMode,
    job: &Job<'_>,
) -> Result<Option<Fixed>, String> {
    let opts = crate::fix::FixOptions {
        vocab: &job.rules.vocab,
        today: job.today,
        templates: job.templates.clone(),
    };
    let new = match crate::fix::fix(source, charter, &opts)? {
        crate::fix::Fix::Unchanged => return Ok(None),
        crate::fix::Fix::Refused(why) => return Ok(Some(Fixed::Refused(why))),
        crate::fix::Fix::Fixed(new) => new,
    };
    if mode == FixMode::Diff {
        return Ok(Some(Fixed::Diff(crate::fix::diff(
            &output::escape::line(&source.name),
            &source.text,
            &new,
        ))));
    }
    let Some(path) = path else {
        return Err("--fix cannot write standard input; use --diff to see the fixes".to_string());
    };
    let Some(stamp) = stamp else {
        return Err("cannot tell whether it changed while it was read; not fixed".to_string());
    };
    let read = stamp.with_text(&source.text);
    // A BOM removed on reading is put back: a fix changes only what it means to.
    let had_bom = std::fs::read(path).is_ok_and(|b| b.starts_with(&[0xEF, 0xBB, 0xBF]));
    let bytes = if had_bom {
        format!("\u{feff}{new}")
    } else {
        new.clone()
    };
    // Tests only: an edit made while the fix was being worked out.
    #[cfg(feature = "test-hooks")]
    if let Some(edit) = std::env::var_os("CHARTER_TEST_EDIT_DURING_FIX") {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|e| e.to_string())?;
        std::io::Write::write_all(&mut f, edit.to_string_lossy().as_bytes())
            .map_err(|e| e.to_string())?;
    }
    match crate::write::replace_unchanged(path, bytes.as_bytes(), &read) {
        Ok(()) => {}
        Err(WriteError::Changed(_)) => {
            return Ok(Some(Fixed::Refused(
                "it changed after it was read (its findings are those of the text read)"
                    .to_string(),
            )))
        }
        Err(e) => return Err(e.to_string()),
    }
    Ok(Some(Fixed::Written(new)))
}
