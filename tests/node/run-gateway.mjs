// Runs the real Edge Microgateway engine (microgateway-core + microgateway-plugins) on 127.0.0.1 with a config file
// rendered by the Java model, in front of loopback backends this script starts, sends the given requests one after the
// other, prints one JSON report on stdout and exits.
//
// Usage: node run-gateway.mjs <scenario.json>   or   node run-gateway.mjs --batch <scenarios.json> (see lib/batch.mjs)
//   scenario: { config: "<path to ORG-ENV-config.yaml>", org, env,
//               proxies:  [{ name, base_path }]                 — what Apigee's bootstrap returns for the routes;
//                                                                 url is set to a loopback backend started here,
//               products: [{ name, proxies: [...], apiResources: [...], quota, quotaInterval, quotaTimeUnit }]
//                                                                 — what edgemicro-auth/products returns (quota optional),
//               requests: [{ method, path, headers }],
//               localProxy: true (optional) — sidecar / local-proxy mode, see below }
//   report:   { ok, validator, mode, proxies: [{ name, base_path }], plugins, overrides,
//               results: [{ status, backend, backendPath, backendHeaders, body }] }
// In a batch each scenario runs in a worker thread of its own (lib/workers.mjs).
// Nothing leaves the machine: the gateway, backends and client all use 127.0.0.1, and the steps of start-up that
// download from Apigee (proxies, products, public key, analytics upload) are replaced by the scenario's lists; the
// quota plugin's syncs with Apigee's quota service go to a closed loopback port and fail, so its local buffer decides.
//
// Local-proxy mode (localProxy: true) is how the gateway runs as a sidecar (`edgemicro start -a NAME -v 1 -b / -t
// http://localhost:PORT` with EDGEMICRO_LOCAL_PROXY=1 and EDGEMICRO_DECORATOR=1, as the sidecar's entrypoint does):
//   - both variables are set in this process, so the plugins behave as in a sidecar (oauth/apikeys check only the
//     products' resource paths, not their proxies; healthcheck checks that the app's port is in use);
//   - exactly one proxy is given, the app; its route is the one the start options build (proxy_name/target_name
//     default, revision 1, base_path as given — "/" in a sidecar) to a loopback backend standing for the app;
//   - products are what edgemicro-auth/products returns, as in the proxies mode (may be empty).
//   The report's `loader` adds what the installed microgateway-config's own loader does with the same file and start
//   options in this mode (it makes no network calls in it): { loaded, error, proxies, products, publicKey }.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { LOOPBACK, sendAll, startOnLoopback } from './lib/client.mjs';
import { merge } from './lib/merge.mjs';
import { runner } from './lib/workers.mjs';

const require = createRequire(import.meta.url);

function startBackend(name) {
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ backend: name, path: req.url, headers: req.headers }));
      });
    });
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => resolve(server));
  });
}

/** A loopback port that was free a moment ago: connections to it are refused, and nothing leaves the machine. */
function closedPort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Sidecar mode: the route `edgemicro start -a/-v/-b/-t` builds (microgateway-config getDefaultProxy).
function localRoute(config, p, url) {
  return { max_connections: config.edgemicro.max_connections || 1000, name: p.name, proxy_name: 'default', revision: '1',
    base_path: p.base_path, target_name: 'default', url };
}

// What the installed microgateway-config loader makes of the file in local-proxy mode; offline in that mode.
async function realLocalProxyLoader(scenario, route) {
  const loader = require('microgateway-config');
  try {
    const loaded = await loader.get({
      source: scenario.config, keys: { key: 'local', secret: 'local' }, org: scenario.org, env: scenario.env,
      localproxy: { apiProxyName: route.name, revision: route.revision, basePath: route.base_path, targetEndpoint: route.url },
    });
    return { loaded: true, proxies: loaded.proxies.map((p) => ({ name: p.name, base_path: p.base_path })),
      products: Object.keys(loaded.product_to_proxy || {}).length,
      publicKey: typeof (loaded.oauth && loaded.oauth.public_key) === 'string' };
  } catch (e) {
    return { loaded: false, error: e.message };
  }
}

async function run(scenario) {
  if (scenario.localProxy) {
    process.env.EDGEMICRO_LOCAL_PROXY = '1';
    process.env.EDGEMICRO_DECORATOR = '1';
  }
  const text = fs.readFileSync(scenario.config, 'utf8');
  const config = YAML.parse(text);

  // The gateway's own start-up validation of the file, before anything is overridden.
  const validator = require('microgateway-config/lib/default-validator');
  try {
    validator.validate(structuredClone(config));
  } catch (e) {
    return { ok: false, validator: e.message };
  }

  const backends = [];
  const proxies = [];
  let loader;
  if (scenario.localProxy && (!Array.isArray(scenario.proxies) || scenario.proxies.length !== 1)) {
    return { ok: false, error: 'local-proxy mode takes exactly one proxy: the app' };
  }
  for (const p of scenario.proxies) {
    const server = await startBackend(p.name);
    backends.push(server);
    const url = `http://${LOOPBACK}:${server.address().port}`;
    proxies.push(scenario.localProxy ? localRoute(config, p, url)
      : { max_connections: 1000, name: p.name, proxy_name: 'default', target_name: 'default', base_path: p.base_path, url });
  }
  if (scenario.localProxy) {
    loader = await realLocalProxyLoader(scenario, proxies[0]);
  }
  merge(config, proxies, scenario.products || [], scenario.org, scenario.env);

  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgw-logs-'));
  const overrides = { 'edgemicro.address': LOOPBACK, 'edgemicro.port': 0, 'edgemicro.logging.dir': logDir };
  config.edgemicro.address = LOOPBACK;
  config.edgemicro.port = 0;
  config.edgemicro.logging.dir = logDir;
  if (Object.keys(config.quota).length > 0) {
    // The quota plugin counts in its local buffer and syncs with Apigee's quota service in the background; that
    // service is replaced by a loopback port nothing listens on, so every sync fails as with Apigee unreachable and
    // the buffer decides, as it does within one gateway. Its client refuses to start without the gateway's key,
    // which it sends to that service with the secret (Basic key:secret and x-DNA-Api-Key).
    const closed = await closedPort();
    overrides['quota.*.uri'] = `http://${LOOPBACK}:${closed}`;
    for (const quota of Object.values(config.quota)) {
      Object.assign(quota, { uri: overrides['quota.*.uri'], key: 'local-key', secret: 'local-secret' });
    }
  }

  const core = require('microgateway-core');
  const available = require('microgateway-plugins');
  const sequence = config.edgemicro.plugins.sequence;
  const gateway = core(config);
  for (const name of sequence) {
    if (!available[name]) {
      return { ok: false, error: `plugin ${name} is not in microgateway-plugins` };
    }
    gateway.addPlugin(name, available[name].init, Object.keys(available));
  }
  const port = await startOnLoopback(gateway);

  let results;
  try {
    results = await sendAll(port, scenario.requests);
  } finally {
    await new Promise((resolve) => gateway.stop(() => resolve()));
    await Promise.all(backends.map((b) => new Promise((resolve) => b.close(() => resolve()))));
    fs.rmSync(logDir, { recursive: true, force: true });
  }
  return { ok: true, validator: 'passed', mode: scenario.localProxy ? 'local-proxy' : 'proxies', listen: LOOPBACK,
    proxies: config.proxies.map((p) => ({ name: p.name, base_path: p.base_path })), plugins: sequence, overrides,
    ...(loader ? { loader } : {}), results };
}

await runner(import.meta.url, run);
