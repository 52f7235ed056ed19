// What microgateway-config does with the downloaded proxies and products (lib/network.js _merge).
export function merge(config, proxies, products, org, env) {
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
