// `edgemicro start` and `edgemicro stop` as the 3.3.x CLI runs them inside the image, around the real engine
// (microgateway-core, microgateway-plugins, microgateway-config's validator):
//   start: refuses when edgemicro.sock exists in the working directory ("Edgemicro seems to be already running"),
//          listens on ./edgemicro.sock (its IPC socket) and writes ./edgemicro.pid, reads
//          $EDGEMICRO_CONFIG_DIR/ORG-ENV-config.yaml, takes Apigee's answers (proxies, products) from
//          $APIGEE_RESPONSES instead of downloading them, writes ORG-ENV-cache-config.yaml beside the config,
//          and serves on -r PORT, or on the config's edgemicro.port when -p (processes) is given;
//   stop:  tells the running gateway through ./edgemicro.sock to stop; it closes, removes its socket and pid file.
// An uncaught error ends the process, as the master's uncaught-exception handler does.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import YAML from 'yaml';
import { merge } from '../lib/merge.mjs';

const require = createRequire(import.meta.url);
const SOCKET = 'edgemicro.sock';
const PID = 'edgemicro.pid';

function options(argv) {
  const flags = { o: 'org', e: 'env', k: 'key', s: 'secret', p: 'processes', r: 'port', a: 'apiProxyName', v: 'revision', b: 'basePath', t: 'target' };
  const result = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = flags[argv[i].replace(/^-+/, '')];
    if (!name) throw new Error(`unknown option ${argv[i]}`);
    result[name] = argv[i + 1];
  }
  return result;
}

function stop() {
  const client = net.connect(SOCKET);
  client.on('connect', () => client.end('stop\n'));
  client.on('data', (d) => process.stdout.write(d));
  client.on('close', () => process.exit(0));
  client.on('error', (e) => { console.error(`edgemicro is not running (${e.code})`); process.exit(1); });
}


function start(opts) {
  if (fs.existsSync(SOCKET)) {
    console.error('Edgemicro seems to be already running.');
    process.exit(1);
  }
  let gateway;
  const ipc = net.createServer((connection) => {
    connection.on('data', (data) => {
      if (String(data).trim() !== 'stop') return;
      connection.write('stopping\n');
      gateway.stop(() => {
        ipc.close();
        fs.rmSync(SOCKET, { force: true });
        fs.rmSync(PID, { force: true });
        connection.end();
        process.exit(0);
      });
    });
  });
  ipc.listen(SOCKET, () => {
    fs.writeFileSync(PID, String(process.pid));
    serve(opts).then((g) => { gateway = g; }, (e) => { throw e; });
  });
}

async function serve(opts) {
  const dir = process.env.EDGEMICRO_CONFIG_DIR;
  const file = path.join(dir, `${opts.org}-${opts.env}-config.yaml`);
  const config = YAML.parse(fs.readFileSync(file, 'utf8'));
  require('microgateway-config/lib/default-validator').validate(structuredClone(config));
  const answers = JSON.parse(fs.readFileSync(process.env.APIGEE_RESPONSES, 'utf8'));
  const proxies = opts.apiProxyName
    ? [{ max_connections: config.edgemicro.max_connections || 1000, name: opts.apiProxyName, proxy_name: 'default',
      revision: opts.revision, base_path: opts.basePath, target_name: 'default', url: opts.target }]
    : answers.proxies;
  merge(config, proxies, answers.products || [], opts.org, opts.env);
  fs.writeFileSync(path.join(dir, `${opts.org}-${opts.env}-cache-config.yaml`), YAML.stringify(config));
  config.edgemicro.port = opts.processes ? config.edgemicro.port : Number(opts.port);

  const core = require('microgateway-core');
  const available = require('microgateway-plugins');
  const gateway = core(config);
  for (const name of config.edgemicro.plugins.sequence) {
    gateway.addPlugin(name, available[name].init, Object.keys(available));
  }
  await new Promise((resolve, reject) => gateway.start((err) => (err ? reject(err) : resolve())));
  console.log(`edgemicro started on port ${config.edgemicro.port}`);
  return gateway;
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'start') start(options(rest));
else if (command === 'stop') stop();
else { console.error(`usage: edgemicro start|stop`); process.exit(2); }
