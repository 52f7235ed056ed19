// Validates Kubernetes manifests against the OpenAPI schemas shipped in kubernetes-models (core API)
// and @kubernetes-models/gke (GKE CRDs).
//   node validate-manifests.mjs FILE_OR_DIR...   or   node validate-manifests.mjs --batch <inputs.json> (lib/batch.mjs)
// Reports {"ok", "checked", "errors": [{"file", "kind", "name", "message"}]} for each input (a list of files or
// folders); not ok when any object is invalid or has no known schema.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { main } from "./lib/batch.mjs";

function files(paths) {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p).sort().filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).map((f) => join(p, f))
      : [p]);
}

function modulePath(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group.endsWith("gke.io") || group.endsWith("cloud.google.com")) {
    return `@kubernetes-models/gke/${group}/${version}`;
  }
  return group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
}

async function check(paths) {
  const report = { checked: 0, errors: [] };
  for (const file of files(paths)) {
    const docs = parseAllDocuments(readFileSync(file, "utf8"));
    for (const doc of docs) {
      if (doc.errors.length) {
        report.errors.push({ file, message: `YAML: ${doc.errors[0].message}` });
        continue;
      }
      const obj = doc.toJS();
      if (!obj) continue;
      const where = { file, kind: obj.kind, name: obj.metadata?.name };
      report.checked++;
      let mod;
      try {
        mod = await import(modulePath(String(obj.apiVersion)));
      } catch {
        report.errors.push({ ...where, message: `no schema for apiVersion ${obj.apiVersion}` });
        continue;
      }
      const Model = mod[obj.kind];
      if (typeof Model !== "function") {
        report.errors.push({ ...where, message: `no schema for ${obj.apiVersion} ${obj.kind}` });
        continue;
      }
      try {
        new Model(obj).validate();
      } catch (e) {
        const details = (e.errors ?? []).map((x) => `${x.instancePath || "/"} ${x.message}${x.params ? " " + JSON.stringify(x.params) : ""}`);
        report.errors.push({ ...where, message: details.length ? details.join("; ") : String(e.message ?? e) });
      }
    }
  }
  return { ok: report.errors.length === 0, ...report };
}

await main(check);
