#!/usr/bin/env bash
# Generates a TypeScript client (openapi-typescript) from the OpenAPI document the service serves and compiles
# the real answers the full-stack tests recorded against it, without casts (docs/api.md). Needs Node and the npm
# registry; the Maven build needs neither.
#   scripts/typed-client-check.sh            run the API tests (they record answers and the document), then check
#   scripts/typed-client-check.sh --no-build check what the last test run left in infra/target
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--no-build" ]]; then
    ./mvnw -B -q -pl infra -am test -Dtest='ApiDocsTest,*ApiTest' -Dsurefire.failIfNoSpecifiedTests=false
fi
work=infra/target/typed-client
rm -rf "$work" && mkdir -p "$work"
npx --yes openapi-typescript@7.13.0 infra/target/openapi.json --output "$work/api.ts" --silent
node scripts/typed-client-answers.mjs infra/target/openapi.json infra/target/api-answers.jsonl > "$work/answers.ts"
npx --yes -p typescript@5.9.3 tsc --strict --noEmit --skipLibCheck --target es2022 --module es2022 \
    --moduleResolution bundler "$work/answers.ts"
echo "$(grep -c '^export const answer[0-9]' "$work/answers.ts") real answers compile against the generated client"
