// Starts the real Edge Microgateway engine (microgateway-config's loader, microgateway-core, microgateway-plugins) the
// way `edgemicro start` does, given only what that command is given: the config file ORG-ENV-config.yaml, the
// organization, the environment, the key and the secret. The loader (microgateway-config `get`) downloads the proxies
// (edge_config.bootstrap), the products (edge_config.products) and the public key (edge_config.jwt_public_key) from the
// file's URLs; the engine then listens on 127.0.0.1 with the file's plugin sequence, analytics first as the CLI puts it,
// sends the scenario's requests one after the other, uploads its analytics records to the file's analytics.uri, prints
// one JSON report and exits. Nothing is injected: what the gateway knows comes from those URLs (in the tests, an Apigee
// emulator on 127.0.0.1) and what the routes' targets answer.
//
// Usage: node run-edgemicro.mjs <scenario.json>   or   node run-edgemicro.mjs --batch <scenarios.json> (lib/batch.mjs)
//   scenario: { config: "<path to ORG-ENV-config.yaml>", org, env, key, secret,
//               requests: [{ method, path, headers }],
//               localProxy: { name, target } (optional) — sidecar mode, see below }
//   report:   { ok, mode, listen, plugins,
//               loaded: { proxies: [{ name, base_path, url, revision }], products: [name], quotas: [product],
//                         publicKey: the key the auth plugins verify tokens with, or null },
//               calls: [{ method, url, authorization: its scheme or null, status }] — every HTTP call the engine made,
//                      in order (downloads, API key checks, quotas, analytics, and the requests to the targets),
//               analytics: { uploads: the statuses of the analytics uploads },
//               results: [{ status, backend, backendPath, backendHeaders, body }] }
//   or, when the loader or the start fails: { ok: false, stage: "load" | "start", error, calls }.
//
// Local-proxy mode (localProxy given) is the sidecar's `edgemicro start -a NAME -v 1 -b / -t TARGET` with
// EDGEMICRO_LOCAL_PROXY=1 and EDGEMICRO_DECORATOR=1. The image's 3.3.11 loader skips only the bootstrap download in this
// mode, building the one route from the start options, and still downloads the products and the public key; npm
// microgateway-config 3.3.7 (the one installable) skips all three. To run as the image does, the loader runs with
// EDGEMICRO_LOCAL_PROXY unset, and its bootstrap GET is answered in this process with the route the image builds
// (lib/network.js buildLocalProxyInfo); the variable is set before the plugins start, so they behave as in a sidecar.
// One difference stays: 3.3.7 carries on when a download fails (without its proxies, products or key), where 3.3.11
// fails the start.

import { createRequire } from 'node:module';
import dc from 'node:diagnostics_channel';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { LOOPBACK, sendAll, startOnLoopback } from './lib/client.mjs';
import { runner } from './lib/workers.mjs';

const require = createRequire(import.meta.url);
const ANALYTICS = 'analytics';
const ANALYTICS_WAIT_MS = 30_000;

/** Every HTTP call this thread makes from now on: {method, url, authorization, status}, in order. */
function watchCalls() {
  const calls = [];
  const byRequest = new WeakMap();
  dc.subscribe('http.client.request.start', ({ request }) => {
    const authorization = request.getHeader('authorization');
    const call = { method: request.method, url: `${request.protocol}//${request.getHeader('host')}${request.path}`,
      authorization: authorization ? String(authorization).split(' ')[0] : null, status: null };
    calls.push(call);
    byRequest.set(request, call);
  });
  dc.subscribe('http.client.response.finish', ({ request, response }) => {
    const call = byRequest.get(request);
    if (call) call.status = response.statusCode;
  });
  return calls;
}

/**
 * The image's local-proxy bootstrap: the loader's GET of {@code bootstrapUrl} is answered here with the one route the
 * start options make (`-a name -v 1 -b / -t target`); every other call goes out as usual.
 */
function answerBootstrapFromStartOptions(bootstrapUrl, localProxy) {
  const request = createRequire(require.resolve('microgateway-config'))('postman-request');
  const get = request.get;
  const route = { apiProxies: [{ apiProxyName: localProxy.name, revision: '1', proxyEndpoint: { name: 'default', basePath: '/' },
    targetEndpoint: { name: 'default', url: localProxy.target } }] };
  request.get = function (options, callback) {
    if (options && options.url === bootstrapUrl && typeof callback === 'function') {
      process.nextTick(() => callback(null, { statusCode: 200, statusMessage: 'OK' }, JSON.stringify(route)));
      return undefined;
    }
    return get.apply(this, arguments);
  };
}

/** The sequence as the CLI runs it: analytics first, added when the file does not list it. */
function sequenceOf(config) {
  const sequence = config.edgemicro.plugins.sequence;
  if (!sequence.includes(ANALYTICS)) {
    sequence.unshift(ANALYTICS);
  } else if (sequence[0] !== ANALYTICS) {
    throw new Error('analytics must be the first sequenced plugin');
  }
  return sequence;
}

/**
 * What the CLI's agent does with the loaded config before it starts the engine (lib/agent-config.js, lib/server.js):
 * the key and secret go to the analytics section and to each product's quota, which upload and count with them, and
 * to config.keys, from which the engine hands them to every plugin.
 */
function giveTheKeys(config, keys) {
  config.analytics = { ...(config.analytics || {}), key: keys.key, secret: keys.secret };
  for (const quota of Object.values(config.quota || {})) {
    quota.key = keys.key;
    quota.secret = keys.secret;
  }
  config.keys = { ...keys };
}

/** What the loader made of the downloads. */
function loaded(config) {
  return {
    proxies: (config.proxies || []).map((p) => ({ name: p.name, base_path: p.base_path, url: p.url, revision: p.revision })),
    products: Object.keys(config.product_to_proxy || {}),
    quotas: Object.keys(config.quota || {}).filter((name) => config.quota[name].interval !== 'null'),
    publicKey: (config.oauth && config.oauth.public_key) || null,
  };
}

/**
 * Uploads what the analytics plugin still holds, as its timer would every flushInterval ms, and waits until no record
 * is left and no upload is on its way.
 */
async function flushAnalytics(analytics, calls, uri) {
  const inFlight = () => calls.filter((c) => c.url === uri && c.status === null).length;
  const until = Date.now() + ANALYTICS_WAIT_MS;
  while (analytics && (analytics.buffer.length > 0 || inFlight() > 0) && Date.now() < until) {
    if (analytics.buffer.length > 0 && inFlight() === 0) analytics.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function run(scenario) {
  const calls = watchCalls();
  const localProxy = scenario.localProxy;
  if (localProxy) {
    process.env.EDGEMICRO_DECORATOR = '1';
    delete process.env.EDGEMICRO_LOCAL_PROXY;
    const file = YAML.parse(fs.readFileSync(scenario.config, 'utf8'));
    answerBootstrapFromStartOptions(file.edge_config.bootstrap, localProxy);
  }
  const keys = { key: scenario.key, secret: scenario.secret };
  let config;
  try {
    config = await require('microgateway-config').get({
      source: scenario.config, keys, org: scenario.org, env: scenario.env,
      ...(localProxy ? { localproxy: { apiProxyName: localProxy.name, revision: '1', basePath: '/', targetEndpoint: localProxy.target } } : {}),
    });
  } catch (e) {
    return { ok: false, stage: 'load', error: e.message, calls };
  }
  if (localProxy) {
    process.env.EDGEMICRO_LOCAL_PROXY = '1';
  }

  // Read before the engine starts: it adds its own fields to the plugins' sections.
  const downloaded = loaded(config);
  giveTheKeys(config, keys);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgw-logs-'));
  config.edgemicro.address = LOOPBACK;
  config.edgemicro.port = 0;
  config.edgemicro.logging.dir = logDir;

  const available = require('microgateway-plugins');
  const gateway = require('microgateway-core')(config);
  let analytics;
  let sequence;
  let port;
  try {
    sequence = sequenceOf(config);
    for (const name of sequence) {
      if (!available[name]) throw new Error(`plugin ${name} is not in microgateway-plugins`);
      gateway.addPlugin(name, (pluginConfig, logger, stats) => {
        const handlers = available[name].init(pluginConfig, logger, stats);
        if (name === ANALYTICS && handlers) analytics = handlers.testprobe();
        return handlers;
      }, Object.keys(available));
    }
    port = await startOnLoopback(gateway);
  } catch (e) {
    fs.rmSync(logDir, { recursive: true, force: true });
    return { ok: false, stage: 'start', error: e.message, calls };
  }
  let results;
  try {
    results = await sendAll(port, scenario.requests);
    await flushAnalytics(analytics, calls, config.analytics.uri);
  } finally {
    await new Promise((resolve) => gateway.stop(() => resolve()));
    fs.rmSync(logDir, { recursive: true, force: true });
  }
  // The requests sent to the gateway are the client's, not the engine's.
  const own = calls.filter((c) => !c.url.startsWith(`http://${LOOPBACK}:${port}/`));
  return { ok: true, mode: localProxy ? 'local-proxy' : 'proxies', listen: LOOPBACK, plugins: sequence,
    loaded: downloaded, calls: own, analytics: { uploads: calls.filter((c) => c.url === config.analytics.uri).map((c) => c.status) },
    results };
}

await runner(import.meta.url, run);
