//! Splitting the front matter off a Markdown charter (TOML `+++` or YAML `---`).
