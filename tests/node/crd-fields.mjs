// Reads what the GKE CRD schemas of @kubernetes-models/gke say about given fields, by asking the schema's own
// validator: a value of the wrong type at a field is reported with the type the schema wants there, and an empty
// object at an object field is reported with the properties the schema requires there.
//   node crd-fields.mjs <apiVersion> <kind> <field-path>...
// A field path is dot-separated; "[]" stands for "each item of the array" (e.g. spec.customRequestHeaders.headers.[]).
// Prints {"found", "fields": {path: [schema types]}, "required": {path: [required properties]}} and exits 1 when the
// package has no schema for the kind. A field the schema does not have gets no type ([]); the schemas accept
// unknown fields, so nothing else would say it is missing.
const [apiVersion, kind, ...paths] = process.argv.slice(2);

function modulePath(version) {
  const [group, v] = version.split("/");
  return `@kubernetes-models/gke/${group}/${v}`;
}

let Model;
try {
  Model = (await import(modulePath(apiVersion)))[kind];
} catch {
  Model = undefined;
}
if (typeof Model !== "function") {
  console.log(JSON.stringify({ found: false, fields: {}, required: {} }));
  process.exit(1);
}

/** The object {apiVersion, kind} with {@code value} at {@code steps}, and the validator's path to it. */
function place(steps, value) {
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

function errorsAt(steps, value, keyword) {
  const { root, pointer } = place(steps, value);
  try {
    new Model(root).validate();
    return [];
  } catch (e) {
    return (e.errors ?? []).filter((x) => x.keyword === keyword && x.instancePath === pointer);
  }
}

const report = { found: true, fields: {}, required: {} };
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
console.log(JSON.stringify(report, null, 2));
