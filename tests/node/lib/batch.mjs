// How every script here is started: on one input given as arguments, or on many named inputs in one Node start.
//   node SCRIPT <args>...           one input; prints its report
//   node SCRIPT --batch <file.json>  file: {"name": input, ...}; prints {"ok", "reports": {"name": report}}
// An input is the script's argument list (checkers) or its scenario object (run-gateway, run-pod). A report has
// "ok"; an input that throws gets {"ok": false, "error"} and the others still run. Exit code 1 when any report is
// not ok. stdout carries the one JSON document only: whatever the libraries log there goes to stderr.
import { readFileSync } from 'node:fs';

const writeStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);
for (const level of ['log', 'info', 'debug']) {
  console[level] = (...args) => console.error(...args);
}

function failed(e) {
  return { ok: false, error: String((e && e.stack) || e) };
}

/**
 * Runs {@code check(input)} (may be async) on this process's input(s), prints the JSON and exits.
 * {@code fromArgs} turns a one-input command line into the input (default: the arguments themselves);
 * {@code prepare(inputs)}, if given, runs once before the first check.
 */
export async function main(check, { fromArgs = (args) => args, prepare } = {}) {
  const args = process.argv.slice(2);
  const batch = args[0] === '--batch';
  let output;
  try {
    const inputs = batch ? JSON.parse(readFileSync(args[1], 'utf8')) : { input: fromArgs(args) };
    if (prepare) await prepare(inputs);
    const reports = {};
    for (const [name, input] of Object.entries(inputs)) {
      try {
        reports[name] = await check(input, name);
      } catch (e) {
        reports[name] = failed(e);
      }
    }
    const ok = Object.values(reports).every((r) => r.ok === true);
    output = batch ? { ok, reports } : reports.input;
  } catch (e) {
    output = failed(e);
  }
  writeStdout(JSON.stringify(output) + '\n', () => process.exit(output.ok === true ? 0 : 1));
}
