// Reads what the GKE CRD schemas of @kubernetes-models/gke say about given fields, by asking the schema's own
// validator: a value of the wrong type at a field is reported with the type the schema wants there, and an empty
// object at an object field is reported with the properties the schema requires there.
//   node crd-fields.mjs <apiVersion> <kind> <field-path>...   or   node crd-fields.mjs --batch <inputs.json> (lib/batch.mjs)
// A field path is dot-separated; "[]" stands for "each item of the array" (e.g. spec.customRequestHeaders.headers.[]).
// Reports {"ok", "found", "fields": {path: [schema types]}, "required": {path: [required properties]}} for each input
// (the argument list); not ok (found false) when the package has no schema for the kind. A field the schema does not
// have gets no type ([]); the schemas accept unknown fields, so nothing else would say it is missing.
import { main } from "./lib/batch.mjs";

function modulePath(version) {
  const [group, v] = version.split("/");
  return `@kubernetes-models/gke/${group}/${v}`;
}

/** The object {apiVersion, kind} with {@code value} at {@code steps}, and the validator's path to it. */
function place(apiVersion, kind, steps, value) {
  const root = { apiVersion, kind };
  let at = root;
  let pointer = "";
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    const next = last ? value : steps[i + 1] === "[]" ? [] : {};
    if (step === "[]") {
      at.push(next);
      pointer += "/0";
    } else {
      at[step] = next;
      pointer += "/" + step;
    }
    at = next;
  });
  return { root, pointer };
}

async function check([apiVersion, kind, ...paths]) {
  let Model;
  try {
    Model = (await import(modulePath(apiVersion)))[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== "function") {
    return { ok: false, found: false, fields: {}, required: {} };
  }

  function errorsAt(steps, value, keyword) {
    const { root, pointer } = place(apiVersion, kind, steps, value);
    try {
      new Model(root).validate();
      return [];
    } catch (e) {
      return (e.errors ?? []).filter((x) => x.keyword === keyword && x.instancePath === pointer);
    }
  }

  const report = { ok: true, found: true, fields: {}, required: {} };
  for (const path of paths) {
    const steps = path.split(".");
    // An empty object is wrong for every type but object; a string tells an object field from a missing one.
    let types = errorsAt(steps, {}, "type").map((x) => x.params.type);
    if (types.length === 0) {
      types = errorsAt(steps, "x", "type").map((x) => x.params.type);
    }
    report.fields[path] = [...new Set(types.flat())].sort();
    if (report.fields[path].includes("object")) {
      report.required[path] = errorsAt(steps, {}, "required").map((x) => x.params.missingProperty).sort();
    }
  }
  report.required[""] = errorsAt([], undefined, "required").map((x) => x.params.missingProperty).sort();
  return report;
}

await main(check);
