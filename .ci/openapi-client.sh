#!/usr/bin/env bash
# A typed Java client generated from the service's own OpenAPI document, compiled, and fed the real answers the
# full-stack tests got (docs/api.md). Run the infra tests first: ApiDocsTest writes infra/target/openapi.json and
# every test calling the API through ApiClient/TestRestTemplate keeps answers in infra/target/api-answers/.
#   .ci/openapi-client.sh [openapi.json] [answers-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-infra/target/openapi.json}
answers=${2:-infra/target/api-answers}
out=$PWD/target/openapi-client
generator=7.25.0
rm -rf "$out/client" "$out/classes"
mkdir -p "$out"

./mvnw -B -q -N dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:$generator -DoutputDirectory="$out/tools"
java -jar "$out/tools/openapi-generator-cli-$generator.jar" generate -i "$spec" -g java --library native -o "$out/client" \
    --additional-properties=openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true,annotationLibrary=none \
    --additional-properties=documentationProvider=none,invokerPackage=io.runledger.client \
    --additional-properties=apiPackage=io.runledger.client.api,modelPackage=io.runledger.client.model \
    --global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false > "$out/generate.log"

# the client needs only Jackson: the one the service itself runs on
./mvnw -B -q -pl infra -am dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" \
    -Dmdep.includeGroupIds=com.fasterxml.jackson.core,com.fasterxml.jackson.datatype
classpath=$(cat "$out/classpath.txt")
javac -nowarn -d "$out/classes" -cp "$classpath" $(find "$out/client/src/main/java" -name '*.java') .ci/OpenApiAnswers.java
java -cp "$out/classes:$classpath" OpenApiAnswers "$answers"
