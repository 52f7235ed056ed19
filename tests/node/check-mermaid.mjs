// Checks Mermaid diagrams with Mermaid's own parser (mermaid.parse), offline.
//   node check-mermaid.mjs <file>...   or   node check-mermaid.mjs --batch <inputs.json> (see lib/batch.mjs)
// A .md/.markdown file: every ```mermaid fenced block is one diagram; any other file is one diagram.
// Reports {"ok", "checked", "errors": [{"file", "message"}]} for each input (a list of files).
import { readFileSync } from 'node:fs';
import DOMPurify from 'dompurify';
import { main } from './lib/batch.mjs';

// Node has no DOM, so DOMPurify is its unsupported stub (no addHook, no sanitize) and mermaid.parse
// fails on it before parsing. Sanitising labels is rendering, not syntax: give the stub the calls
// mermaid makes as no-ops. mermaid imports this same dompurify instance (package.json pins the
// version mermaid resolves, so npm dedupes it).
if (typeof DOMPurify.addHook !== 'function') {
  Object.assign(DOMPurify, {
    addHook() {},
    removeHook() {},
    removeHooks() {},
    removeAllHooks() {},
    setConfig() {},
    clearConfig() {},
    sanitize: (dirty) => String(dirty),
  });
}
const { default: mermaid } = await import('mermaid');

function diagrams(file, text) {
  if (!/\.(md|markdown)$/i.test(file)) {
    return [{ where: file, text }];
  }
  const found = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trim().startsWith(fence)) body.push(lines[j++]);
    found.push({ where: `${file}:${i + 1}`, text: body.join('\n'), unclosed: j >= lines.length });
    i = j;
  }
  return found;
}

async function check(files) {
  const errors = [];
  let checked = 0;
  if (files.length === 0) {
    errors.push({ file: '', message: 'usage: node check-mermaid.mjs <file>...' });
  }
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      errors.push({ file, message: e.message });
      continue;
    }
    for (const d of diagrams(file, text)) {
      checked++;
      if (d.unclosed) {
        errors.push({ file: d.where, message: 'unclosed ```mermaid fence' });
        continue;
      }
      try {
        await mermaid.parse(d.text);
      } catch (e) {
        errors.push({ file: d.where, message: String(e?.message ?? e) });
      }
    }
  }
  return { ok: errors.length === 0, checked, errors };
}

await main(check);
