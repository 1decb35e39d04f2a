//! What a run says besides its report: where it looked when it found nothing, and
//! `--statistics`.

use crate::config::Config;
use crate::output;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What a walk that found nothing looked for, and where.
pub(super) fn no_charter(paths: &[PathBuf], config: &Config) -> String {
    let places: Vec<String> = paths
        .iter()
        .map(|p| format!("`{}`", output::escape::line(&p.display().to_string())))
        .collect();
    let mut patterns = vec!["*.charter.md".to_string(), "*.charter.toml".to_string()];
    patterns.extend(
        config
            .file
            .include
            .iter()
            .map(|g| output::escape::line(g.get_ref()).into_owned()),
    );
    format!(
        "no charter found in {} (looked for {}); name a charter file, or add a glob to \
         `include` in charter.toml",
        places.join(", "),
        patterns.join(", ")
    )
}

/// Findings per rule, most first, under a header and over their total.
pub(super) fn print_statistics(stats: &BTreeMap<(String, String), usize>) {
    let mut rows: Vec<_> = stats.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    eprintln!("{:>6}  {:<7} rule", "count", "code");
    for ((code, name), count) in rows {
        eprintln!("{count:>6}  {code:<7} {name}");
    }
    eprintln!("{:>6}  {:<7} total", stats.values().sum::<usize>(), "");
}
