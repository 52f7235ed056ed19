// Runs the real Edge Microgateway engine (microgateway-core + microgateway-plugins) on 127.0.0.1 with a config file
// rendered by the Java model, in front of loopback backends this script starts, sends the given requests one after the
// other, prints one JSON report on stdout and exits.
//
// Usage: node run-gateway.mjs <scenario.json>
//   scenario: { config: "<path to ORG-ENV-config.yaml>", org, env,
//               proxies:  [{ name, base_path }]                 — what Apigee's bootstrap returns for the routes;
//                                                                 url is set to a loopback backend started here,
//               products: [{ name, proxies: [...], apiResources: [...] }] — what edgemicro-auth/products returns,
//               requests: [{ method, path, headers }] }
//   report:   { ok, validator, plugins, overrides, results: [{ status, backend, backendPath, backendHeaders, body }] }
// Nothing leaves the machine: the gateway, backends and client all use 127.0.0.1, and the steps of start-up that
// download from Apigee (proxies, products, public key, analytics upload) are replaced by the scenario's lists.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const LOOPBACK = '127.0.0.1';
const DEADLINE_MS = 120_000;

// The engine logs to stdout; keep stdout for the one JSON report.
const writeStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);

function finish(report, code) {
  writeStdout(JSON.stringify(report) + '\n', () => process.exit(code));
}

const deadline = setTimeout(() => finish({ ok: false, error: `gave up after ${DEADLINE_MS} ms` }, 2), DEADLINE_MS);

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

function send(port, { method = 'GET', path: requestPath, headers = {} }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: LOOPBACK, port, method, path: requestPath, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body;
        try { body = JSON.parse(text); } catch { body = text; }
        const fromBackend = body && typeof body === 'object' && typeof body.backend === 'string';
        resolve({
          status: res.statusCode,
          backend: fromBackend ? body.backend : null,
          backendPath: fromBackend ? body.path : null,
          backendHeaders: fromBackend ? body.headers : null,
          body: fromBackend ? null : body,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

// What microgateway-config does with the downloaded proxies and products (lib/network.js _merge).
function merge(config, proxies, products, org, env) {
  const productToProxy = {};
  const productToResource = {};
  for (const p of products) {
    productToProxy[p.name] = [...p.proxies];
    productToResource[p.name] = p.apiResources || [];
  }
  for (const section of ['oauth', 'oauthv2', 'apikeys']) {
    config[section] = config[section] || {};
    config[section].product_to_proxy = productToProxy;
    config[section].product_to_api_resource = productToResource;
  }
  delete config.edge_config;
  config.proxies = proxies;
  config.product_to_proxy = productToProxy;
  config.product_to_api_resource = productToResource;
  config.edgemicro.global = { org, env };
  return config;
}

async function main() {
  const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
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
  for (const p of scenario.proxies) {
    const server = await startBackend(p.name);
    backends.push(server);
    proxies.push({ max_connections: 1000, name: p.name, proxy_name: 'default', target_name: 'default',
      base_path: p.base_path, url: `http://${LOOPBACK}:${server.address().port}` });
  }

  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgw-logs-'));
  const overrides = { 'edgemicro.address': LOOPBACK, 'edgemicro.port': 0, 'edgemicro.logging.dir': logDir };
  merge(config, proxies, scenario.products || [], scenario.org, scenario.env);
  config.edgemicro.address = LOOPBACK;
  config.edgemicro.port = 0;
  config.edgemicro.logging.dir = logDir;

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
  const server = await new Promise((resolve, reject) => gateway.start((err, s) => (err ? reject(err) : resolve(s))));
  const address = server.address();
  if (address.address !== LOOPBACK) {
    throw new Error(`the gateway listens on ${address.address}, not ${LOOPBACK}`);
  }

  const results = [];
  try {
    for (const request of scenario.requests) {
      results.push(await send(address.port, request));
    }
  } finally {
    await new Promise((resolve) => gateway.stop(() => resolve()));
    await Promise.all(backends.map((b) => new Promise((resolve) => b.close(() => resolve()))));
    fs.rmSync(logDir, { recursive: true, force: true });
  }
  return { ok: true, validator: 'passed', listen: address.address, plugins: sequence, overrides, results };
}

main().then(
  (report) => { clearTimeout(deadline); finish(report, report.ok ? 0 : 1); },
  (err) => { clearTimeout(deadline); finish({ ok: false, error: String(err && err.stack || err) }, 1); },
);
