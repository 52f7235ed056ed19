// Lints Apigee proxy bundles with apigeelint (Apigee's own bundle linter, pinned in package.json), loaded once for all
// the bundles of a batch, with the settings of its command line `apigeelint -s DIR -f json.js --profile apigee
// --norc` (no .apigeelintrc: neither the bundles nor this folder carry one).
//   node lint-bundles.mjs <apiproxy dir>   or   node lint-bundles.mjs --batch <inputs.json> (see lib/batch.mjs)
// Reports {"ok" (no errors), "errors", "warnings", "files": [{filePath, messages: [{ruleId, severity, message}]}]}
// for each input ([apiproxy dir]); "files" is what the json.js formatter prints.
import { createRequire } from 'node:module';
import { main } from './lib/batch.mjs';

const require = createRequire(import.meta.url);
const linter = require('apigeelint/lib/package/bundleLinter.js');
const { BundleType } = require('apigeelint/lib/package/BundleTypes.js');

function check([dir]) {
  return new Promise((resolve, reject) => {
    let formatted;
    const configuration = {
      debug: true,
      source: { type: 'filesystem', path: dir, sourcePath: dir, bundleType: BundleType.APIPROXY },
      // The command line's defaults.
      complexConditionTermCount: 12,
      policyCountLimit: 100,
      excluded: {},
      maxWarnings: -1,
      profile: 'apigee',
      formatter: 'json.js',
      output: (text) => { formatted = text; },
    };
    linter.lint(configuration, (bundle, error) => {
      if (error) {
        reject(error);
        return;
      }
      const files = JSON.parse(formatted);
      const count = (severity) => files.reduce((n, f) => n + f.messages.filter((m) => m.severity === severity).length, 0);
      resolve({ ok: bundle.lintExitCode === 0, errors: count(2), warnings: count(1), files });
    });
  });
}

await main(check);
