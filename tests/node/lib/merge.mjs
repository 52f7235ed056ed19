// What microgateway-config does with the downloaded proxies and products (lib/network.js _merge and _mapEdgeProducts).
import util from 'node:util';

export function merge(config, proxies, products, org, env) {
  const productToProxy = {};
  const productToResource = {};
  const productToQuota = {};
  const buffers = (config.quotas && config.quotas.bufferSize) || {};
  for (const p of products) {
    productToProxy[p.name] = [...p.proxies];
    productToResource[p.name] = p.apiResources || [];
    // A product with a quota becomes an entry of the quota plugin's section, its buffer the time unit's (or the
    // default 10000), failing closed, as _mapEdgeProducts builds it.
    if (p.quota) {
      productToQuota[p.name] = { allow: p.quota, interval: p.quotaInterval, timeUnit: p.quotaTimeUnit,
        bufferSize: buffers[p.quotaTimeUnit] || buffers.default || 10000, failOpen: false, useDebugMpId: false, useRedis: false };
    }
  }
  // _merge gives every quota the quotaUri of the config (formatted with org and env), or the bootstrap URL with
  // "bootstrap" replaced by "quotas".
  const edge = config.edge_config || {};
  const quotaUri = edge.quotaUri ? util.format(edge.quotaUri, org, env) : String(edge.bootstrap || '').replace('bootstrap', 'quotas');
  for (const quota of Object.values(productToQuota)) {
    quota.uri = quotaUri;
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
  config.quota = productToQuota;
  config.edgemicro.global = { org, env };
  return config;
}
