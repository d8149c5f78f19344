#!/usr/bin/env bash
# Lints the OpenAPI document the service generates with Redocly's recommended rules (docs/api.md).
# Needs Node (apt-get install -y nodejs npm) and the npm registry; the Maven build itself needs neither.
#   scripts/lint-api.sh            generate infra/target/openapi.json (ApiDocsTest), then lint it
#   scripts/lint-api.sh --no-build lint the document the last test run left
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--no-build" ]]; then
    ./mvnw -B -q -pl infra -am test -Dtest=ApiDocsTest -Dsurefire.failIfNoSpecifiedTests=false
fi
npx --yes @redocly/cli@2.77.0 lint infra/target/openapi.json --format=summary
