// Writes a TypeScript module that types each recorded real answer (infra/target/api-answers.jsonl, written by
// the full-stack tests) as the generated client's type for its operation and status, with `satisfies`: the
// compiler then refuses a field the OpenAPI document does not declare, a missing required one, or another type.
import { readFileSync } from "node:fs";

const [docsFile, answersFile] = process.argv.slice(2);
const docs = JSON.parse(readFileSync(docsFile, "utf8"));
const templates = Object.keys(docs.paths).map((template) => ({
  template,
  pattern: new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$"),
}));
const lines = readFileSync(answersFile, "utf8").split("\n").filter(Boolean);
const out = ['import type { paths } from "./api";', ""];
let typed = 0;
for (const [index, line] of lines.entries()) {
  const { method, path, status, body } = JSON.parse(line);
  const verb = method.toLowerCase();
  // a literal path wins over a template that also matches it (/v1/worker/runs/claim, not /v1/worker/runs/{runId}/…)
  const match = templates
    .filter(({ template, pattern }) => pattern.test(path) && docs.paths[template][verb])
    .sort((a, b) => (a.template.match(/\{/g) || []).length - (b.template.match(/\{/g) || []).length)[0];
  if (!match) {
    throw new Error(`${method} ${path} answered ${status}, but the document has no such operation`);
  }
  out.push(`export const answer${index} = ${JSON.stringify(body)} satisfies ` +
    `paths[${JSON.stringify(match.template)}]["${verb}"]["responses"][${status}]["content"]["application/json"];`);
  typed++;
}
out.push("", `export const answersTyped = ${typed};`);
console.log(out.join("\n"));
