import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { ROOT } from './cli.js';

/**
 * The SARIF 2.1.0 schema (test/fixtures/sarif-schema-2.1.0.json, from an npm package; see the README there).
 * It is written for JSON Schema draft-04, which ajv 8 reads once its draft-04 `$schema`/`id` headers are set
 * aside; its language-tag pattern is not valid under the `u` flag, hence unicodeRegExp: false. The formats are
 * checked here rather than ignored: `uri` must be absolute.
 */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
    formats: {
      uri: (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s),
      'uri-reference': (s: string) => !/\s/.test(s),
      'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
    },
  });
  return ajv.compile(schema);
}
