// How the gateway runners start: each scenario of a batch runs in a worker thread of its own, so it gets its own
// instances of the engine's modules (their state starts afresh, as in a new process) and its own copy of the
// environment. The worker posts its report; timers the plugins leave behind do not keep it alive.
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './batch.mjs';

const DEADLINE_MS = 120_000;

/** Runs one scenario in a worker thread of {@code script}; its report, or why there is none. */
function inWorker(script, scenario) {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: scenario, stdout: true, stderr: true });
    // The engine's logging, like the rest of the runners', goes to stderr.
    worker.stdout.pipe(process.stderr, { end: false });
    worker.stderr.pipe(process.stderr, { end: false });
    let settled = false;
    const settle = (report) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      worker.terminate().then(() => resolve(report));
    };
    const deadline = setTimeout(() => settle({ ok: false, error: `gave up after ${DEADLINE_MS} ms` }), DEADLINE_MS);
    worker.on('message', settle);
    worker.on('error', (err) => settle({ ok: false, error: String((err && err.stack) || err) }));
    worker.on('exit', (code) => settle({ ok: false, error: `the scenario's worker exited with ${code} before reporting` }));
  });
}

/**
 * The whole life of a runner script at {@code scriptUrl} (its import.meta.url): in the main thread, reads the
 * scenario(s) from the command line (lib/batch.mjs) and runs each in a worker of the same script; in a worker, runs
 * {@code run(scenario)} and posts the report.
 */
export function runner(scriptUrl, run) {
  if (isMainThread) {
    return main((scenario) => inWorker(new URL(scriptUrl), scenario),
      { fromArgs: ([file]) => JSON.parse(readFileSync(file, 'utf8')) });
  }
  return run(workerData).then(
    (report) => parentPort.postMessage(report),
    (err) => parentPort.postMessage({ ok: false, error: String((err && err.stack) || err) }),
  );
}
