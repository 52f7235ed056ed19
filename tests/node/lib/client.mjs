// The client side of the gateway runners: one request to the gateway on 127.0.0.1, read back as the report gives it.
import http from 'node:http';

export const LOOPBACK = '127.0.0.1';

/**
 * Sends {method, path, headers} to the gateway on {@code port}; resolves to {status, backend, backendPath,
 * backendHeaders, body}. A loopback backend answers {backend, path, headers}: those land in the backend fields and body
 * is null; any other answer (the gateway's own) is the body, parsed when it is JSON.
 */
export function send(port, { method = 'GET', path: requestPath, headers = {} }) {
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

/** Starts the engine and resolves to the port it listens on, once it is sure that is on 127.0.0.1. */
export async function startOnLoopback(gateway) {
  const server = await new Promise((resolve, reject) => gateway.start((err, s) => (err ? reject(err) : resolve(s))));
  const address = server.address();
  if (address.address !== LOOPBACK) {
    throw new Error(`the gateway listens on ${address.address}, not ${LOOPBACK}`);
  }
  return address.port;
}

/** Sends the requests to the gateway on {@code port} one after the other; their results, in order. */
export async function sendAll(port, requests) {
  const results = [];
  for (const request of requests) {
    results.push(await send(port, request));
  }
  return results;
}
