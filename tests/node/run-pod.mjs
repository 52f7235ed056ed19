// Starts a rendered gateway container the way the kubelet would, as far as one machine can: inside a private mount
// and network namespace (run it as root under `unshare --mount --net --fork --propagation private`), with
//   - the host's root filesystem read-only, and /opt/apigee (the image's working directory, owned by the image's
//     user) and /tmp as the container's own layer: new at every start, writable unless the container sets
//     readOnlyRootFilesystem;
//   - each emptyDir volume of the pod spec bind-mounted at its mountPath, kept from one start to the next, as
//     volumes outlive container restarts;
//   - the container's user and group (setpriv), working directory and environment;
//   - the image's start path (image/entrypoint.sh, image/edgemicro.mjs) run as the container's command;
//   - the startup probe's HTTP GET on 127.0.0.1, then the stop the container gets (SIGTERM to its first process, as
//     Kubernetes sends it) or a crash (SIGKILL to all its processes, as for an OOM kill).
//
// Usage: node run-pod.mjs <scenario.json>   or   node run-pod.mjs --batch <scenarios.json> (see lib/batch.mjs)
//   scenario: { user, group, readOnlyRoot, workingDir, env: {NAME: value}, mounts: [{ path, volume, readOnly }],
//               volumesDir, probe: { path, port }, probeSeconds, app: { port } | null,
//               responses: { proxies, products } — what Apigee would answer the gateway's downloads,
//               starts: ["term" | "kill", ...] — one container start each, ended that way }
//   report:   { ok, starts: [{ probe: { status, body }, stopped, exitCode, leftInWorkdir, log }] }
// The values of EDGEMICRO_KEY, EDGEMICRO_SECRET and EDGEMICRO_CONFIG never appear in the report. A batch shares one
// namespace: its scenarios run one after the other, each with its own volumes and Apigee answers, every start of each
// on a new layer.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './lib/batch.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HARNESS = '/opt/.harness';
const WORKDIR = '/opt/apigee';
const IMAGE_DIRS = ['.edgemicro', 'logs', 'plugins'];

function sh(command, ...args) {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

function bind(source, target, readOnly) {
  sh('mount', '--bind', source, target);
  if (readOnly) sh('mount', '-o', 'remount,bind,ro', target);
}

function tmpfs(target, mode, uid, gid) {
  sh('mount', '-t', 'tmpfs', '-o', `mode=${mode},uid=${uid},gid=${gid}`, 'tmpfs', target);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function get(port, requestPath) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: requestPath, timeout: 2000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8').slice(0, 500) }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, body: e.code || e.message }));
  });
}

function redact(text, scenario) {
  let result = text;
  for (const name of ['EDGEMICRO_KEY', 'EDGEMICRO_SECRET', 'EDGEMICRO_CONFIG']) {
    const value = scenario.env[name];
    if (value) result = result.split(value).join('[redacted]');
  }
  return result;
}

function readIfThere(file) {
  try { return fs.readFileSync(file, 'utf8'); } catch { return ''; }
}

// The filesystem every start shares: the harness files and each scenario's volumes and answers, then the read-only host
// root.
function prepare(scenarios) {
  tmpfs('/opt', '755', 0, 0);
  fs.mkdirSync(`${HARNESS}/checkers`, { recursive: true });
  fs.mkdirSync(WORKDIR);
  bind(HERE, `${HARNESS}/checkers`, true);
  for (const [name, scenario] of Object.entries(scenarios)) {
    fs.mkdirSync(`${HARNESS}/volumes/${name}`, { recursive: true });
    bind(scenario.volumesDir, `${HARNESS}/volumes/${name}`, false);
    fs.writeFileSync(`${HARNESS}/responses-${name}.json`, JSON.stringify(scenario.responses));
  }
  sh('ip', 'link', 'set', 'lo', 'up');
  sh('mount', '-o', 'remount,bind,ro', '/');
}

// One container start: a new layer over the image, the volumes, then the command as the container's user.
async function startOnce(scenario, name, ending) {
  const layers = [];
  tmpfs(WORKDIR, '755', scenario.user, scenario.group);
  layers.push(WORKDIR);
  for (const dir of IMAGE_DIRS) {
    fs.mkdirSync(path.join(WORKDIR, dir));
    fs.chownSync(path.join(WORKDIR, dir), scenario.user, scenario.group);
  }
  if (!scenario.readOnlyRoot) {
    tmpfs('/tmp', '1777', 0, 0);
    layers.push('/tmp');
  }
  for (const mount of [...scenario.mounts].sort((a, b) => a.path.length - b.path.length)) {
    if (!fs.existsSync(mount.path)) fs.mkdirSync(mount.path, { recursive: true });
    bind(`${HARNESS}/volumes/${name}/${mount.volume}`, mount.path, mount.readOnly);
    layers.push(mount.path);
  }
  if (scenario.readOnlyRoot) sh('mount', '-o', 'remount,bind,ro', WORKDIR);

  const env = {
    ...scenario.env,
    PATH: `${HARNESS}/checkers/image/bin:/usr/local/bin:/usr/bin:/bin`,
    HOME: WORKDIR,
    NODE_PATH: `${HARNESS}/checkers/node_modules`,
    APIGEE_RESPONSES: `${HARNESS}/responses-${name}.json`,
  };
  const child = spawn('setpriv', [`--reuid=${scenario.user}`, `--regid=${scenario.group}`, '--clear-groups', '--no-new-privs',
    '/bin/bash', `${HARNESS}/checkers/image/entrypoint.sh`], { cwd: scenario.workingDir, env, detached: true, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const deadline = Date.now() + scenario.probeSeconds * 1000;
  let probe = { status: 0, body: 'not probed' };
  while (Date.now() < deadline) {
    probe = await get(scenario.probe.port, scenario.probe.path);
    if (probe.status >= 200 && probe.status < 400) break;
    await sleep(250);
  }

  let stopped;
  if (ending === 'term') {
    process.kill(child.pid, 'SIGTERM');
    stopped = await Promise.race([exited, sleep(60_000).then(() => null)]);
  } else {
    process.kill(-child.pid, 'SIGKILL');
    stopped = await exited;
  }
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the whole container is gone */ }
  await sleep(200);

  const leftInWorkdir = fs.readdirSync(WORKDIR).filter((f) => !IMAGE_DIRS.includes(f)).sort();
  const log = redact(readIfThere(`${WORKDIR}/logs/edgemicro.log`) + readIfThere('/tmp/entrypoint.log'), scenario).slice(-3000);
  for (const layer of layers.reverse()) sh('umount', '-l', layer);
  return { probe, ending, stopped: stopped !== null, exitCode: stopped ? stopped.code : null, leftInWorkdir, log };
}

async function run(scenario, name) {
  let app;
  if (scenario.app) {
    // The app container of a sidecar's pod, on localhost in the same network namespace.
    app = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('app'); });
    await new Promise((resolve) => app.listen(scenario.app.port, '127.0.0.1', resolve));
  }
  try {
    const starts = [];
    for (const ending of scenario.starts) starts.push(await startOnce(scenario, name, ending));
    return { ok: true, starts };
  } finally {
    // The next scenario's app may want the same port.
    if (app) {
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
    }
  }
}

await main(run, { fromArgs: ([file]) => JSON.parse(fs.readFileSync(file, 'utf8')), prepare });
