#!/usr/bin/env bash
# The pre-commit hook as a team meets it: pre-commit installs charter from this
# repository (building it with cargo, in release mode: a minute or two, once) and runs
# it on a throwaway repository holding a clean and a defective charter.
#
# Needs git, cargo and python3, and network access to PyPI and crates.io. pre-commit
# clones this repository at its committed HEAD (try-repo adds tracked uncommitted
# changes, not new files), so commit .pre-commit-hooks.yaml before running this.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/charter-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
# A cache of our own: the run must not lean on hooks the user installed before.
export PRE_COMMIT_HOME="$work/cache"
# try-repo installs the hook afresh on every call (its store is temporary), and each
# install is a `cargo install`. One target folder for all of them means the
# dependencies compile once; later installs recompile only charter itself. Set
# CHARTER_PRE_COMMIT_TARGET to a folder to keep that build between runs.
export CARGO_TARGET_DIR="${CHARTER_PRE_COMMIT_TARGET:-$work/target}"
# The hook's output is checked for rule names; colour codes would split them.
export NO_COLOR=1

fail() {
  echo "pre-commit test: $*" >&2
  exit 1
}

# pre-commit in a venv. Debian's python3 may lack ensurepip (python3-venv); then the
# venv is made without pip and pip is run from its wheel, fetched from PyPI.
install_pre_commit() {
  local venv="$work/venv"
  if python3 -m venv "$venv" >/dev/null 2>&1; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pre-commit
  else
    rm -rf "$venv"
    python3 -m venv --without-pip "$venv"
    local wheel
    wheel=$("$venv/bin/python" - "$work" <<'EOF'
import json, sys, urllib.parse, urllib.request
api = "https://pypi.org/pypi/pip/json"
meta = json.load(urllib.request.urlopen(api))
url = next(f["url"] for f in meta["urls"] if f["filename"].endswith("-py3-none-any.whl"))
url = urllib.parse.urljoin(api, url)  # mirrors may answer with relative links
path = sys.argv[1] + "/" + url.rsplit("/", 1)[1]
urllib.request.urlretrieve(url, path)
print(path)
EOF
    )
    "$venv/bin/python" "$wheel/pip" install --quiet --disable-pip-version-check pre-commit
  fi
  pc="$venv/bin/pre-commit"
}

# Run a pre-commit command in the charters repository; keep its output for checks.
run() {
  set +e
  (cd "$work/charters" && "$pc" "$@") >"$work/out.txt" 2>&1
  status=$?
  set -e
  cat "$work/out.txt"
}

echo "== installing pre-commit"
install_pre_commit
"$pc" --version
"$pc" validate-manifest "$repo/.pre-commit-hooks.yaml"

echo "== a repository with a clean and a defective charter"
mkdir "$work/charters"
git -C "$work/charters" init --quiet
cp "$repo/examples/northwind-ledger.charter.md" "$work/charters/clean.charter.md"
sed 's/^- \*\*Partner loses:\*\* .*/- **Partner loses:** nothing/' \
  "$repo/examples/northwind-ledger.charter.md" >"$work/charters/defective.charter.md"
grep -q '^- \*\*Partner loses:\*\* nothing$' "$work/charters/defective.charter.md" ||
  fail "the example no longer has the line this test breaks"
git -C "$work/charters" add clean.charter.md defective.charter.md

echo "== try-repo with both charters: must fail on the defective one"
run try-repo "$repo" charter --all-files
[ "$status" -ne 0 ] || fail "the hook passed a charter whose partner risks nothing"
grep -q -- '- exit code: 1$' "$work/out.txt" || fail "charter lint did not exit 1 (findings)"
grep -q 'defective\.charter\.md' "$work/out.txt" || fail "no finding names defective.charter.md"
grep -q 'nothing-at-stake' "$work/out.txt" || fail "the hook failed, but not with nothing-at-stake"

echo "== try-repo with the clean charter only: must pass"
git -C "$work/charters" rm --quiet --cached defective.charter.md
rm "$work/charters/defective.charter.md"
run try-repo "$repo" charter --all-files
[ "$status" -eq 0 ] || fail "the hook failed on the clean example charter"

# The README's .pre-commit-config.yaml as a team would commit it, pointed at this
# repository's HEAD (committed changes only, unlike try-repo).
echo "== the README's .pre-commit-config.yaml"
awk '/<!-- tested by tests\/pre-commit\/run.sh -->/ {found = 1; next}
     found && /^```/ { if (inside) exit; inside = 1; next }
     inside { print }' "$repo/README.md" >"$work/readme-config.yaml"
grep -q 'id: charter' "$work/readme-config.yaml" || fail "no pre-commit config found in README.md"
sed -e "s|repo: [^ ]*|repo: $repo|" -e "s|rev: [^ ]*|rev: $(git -C "$repo" rev-parse HEAD)|" \
  "$work/readme-config.yaml" >"$work/charters/.pre-commit-config.yaml"
"$pc" validate-config "$work/charters/.pre-commit-config.yaml"
run run --all-files
[ "$status" -eq 0 ] || fail "the README's config failed on the clean example charter"

echo "pre-commit test: OK"
