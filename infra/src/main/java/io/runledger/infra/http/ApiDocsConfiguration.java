package io.runledger.infra.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.runledger.command.auth.CallerBindingFilter;
import io.runledger.command.idempotency.IdempotentRequests;
import io.runledger.command.problem.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI document at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}), generated from the controllers,
 * which declare what is theirs alone (operation id, a created or accepted answer's body, a 402, 429 or 503).
 * {@link #apiContract()} derives the rest from the route, once for every operation (docs/api.md): tag, summary,
 * security scheme, the 4xx problems it can answer, the headers every answer carries, lower-case enums and which
 * fields an answer always has.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String PERSON = "personToken";
    static final String API_KEY = "apiKey";
    static final String WORKER = "workerToken";
    static final String STRIPE = "stripeSignature";
    private static final String PROBLEM = "Problem";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String JSON_TREE = "JsonNode";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final Pattern WORD = Pattern.compile("([a-z])([A-Z])");

    /**
     * The tags, in the order shown: name | description | the features (controllers' packages) shown under it.
     */
    private static final Map<String, Tag> TAGS = tagsByFeature("""
            Orgs | Orgs, their members and invitations | org
            API keys | Tenant API keys (rlk_…) acting in one org with one role | apikey
            Patterns | The catalog of patterns runs use | pattern
            Runs | Runs: queued, read and followed as they happen | run
            Projects | Projects and their generations | project
            Usage | Dashboard and metered usage | dashboard
            System logs | What happened in an org, for its members | systemlog
            Billing | Plans, Stripe checkout and webhooks, metering and reconciliation | billing
            Audit | The tamper-evident audit trail and its signed digests | audit
            Privacy | Personal data: export and erasure | privacy
            Read models | Operators' view of the read models and their dead letters | projection
            Workers | Workers claim runs and generations and report on them | worker
            Development | Tokens of the development issuer (only without an OpenID provider) | auth
            """);

    private static Map<String, Tag> tagsByFeature(String table) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        table.lines().map(row -> row.split(" \\| ")).forEach(row -> {
            Tag tag = new Tag().name(row[0]).description(row[1]);
            for (String feature : row[2].split(" ")) {
                tags.put(feature, tag);
            }
        });
        return tags;
    }

    @Bean
    OpenAPI runledgerApi() {
        return new OpenAPI()
                .info(new Info().title("Runledger API").version("v1").description("""
                                Paid AI runs and generations. Commands answer 201 or 202 with a `Location`; every \
                                error is `application/problem+json` with a stable `type` (docs/errors.md); every answer \
                                carries an `X-Request-Id`."""))
                .addServersItem(new Server().url("http://localhost:8080").description("A local instance"))
                .components(new Components()
                        .addSecuritySchemes(
                                PERSON,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A person's token, from the OpenID provider or POST /dev/tokens"))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("rlk_…")
                                        .description("A tenant API key, for the routes of its own org"))
                        .addSecuritySchemes(
                                WORKER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("name:secret")
                                        .description("A worker credential (RUNLEDGER_WORKER_TOKENS)"))
                        .addSecuritySchemes(
                                STRIPE,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("Stripe-Signature")
                                        .description("Stripe's signature of the delivery (STRIPE_WEBHOOK_SECRET)"))
                        .addHeaders(
                                CallerBindingFilter.REQUEST_ID_HEADER,
                                new Header()
                                        .required(true)
                                        .description(
                                                "The client's request id when it sent a usable one, else a new UUID; "
                                                        + "the logs and the events the request stored carry it")
                                        .schema(new StringSchema().example("3f1c6f4e-8a0b-4c47-9a55-2f4d7c1e9b21")))
                        .addHeaders(
                                HttpHeaders.LOCATION,
                                new Header()
                                        .required(true)
                                        .description("Where the created resource is read")
                                        .schema(new StringSchema().format("uri-reference")))
                        .addHeaders(
                                IdempotentRequests.REPLAYED_HEADER,
                                new Header()
                                        .description(
                                                "true when this is the stored answer to an earlier request with the same "
                                                        + "Idempotency-Key")
                                        .schema(new StringSchema()._enum(List.of("true"))))
                        .addHeaders(
                                RETRY_AFTER,
                                new Header()
                                        .description("Seconds until the request may succeed")
                                        .schema(new IntegerSchema())));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem; branch on type, never on detail")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description("Stable, under " + ProblemTypes.BASE + " (docs/errors.md)")
                                .example(ProblemTypes.BASE + "invalid-command"))
                .addProperty("title", new StringSchema().example("Invalid command"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty(
                        "detail",
                        new StringSchema().example("A run needs an inputSource (text, youtube, upload) and an input"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("field", new StringSchema().description("The request field at fault, where there is one"))
                .required(List.of("type", "title", "status"))
                // limits, fields and the like, per type
                .additionalProperties(true);
    }

    /** The feature's tag and a summary read from the operation id ({@code createOrg}: "Create org"). */
    @Bean
    OperationCustomizer operationTags() {
        return (operation, handler) -> {
            String packageName = handler.getBeanType().getPackageName();
            Tag tag = TAGS.get(packageName.substring(packageName.lastIndexOf('.') + 1));
            if (tag != null) {
                operation.setTags(List.of(tag.getName()));
            }
            if (operation.getSummary() == null && operation.getOperationId() != null) {
                String words = WORD.matcher(operation.getOperationId())
                        .replaceAll("$1 $2")
                        .toLowerCase(Locale.ROOT);
                operation.setSummary(Character.toUpperCase(words.charAt(0)) + words.substring(1));
            }
            return operation;
        };
    }

    /**
     * A field of an answer is never null unless its record component says it can be ({@code @Nullable}: a run's
     * {@code startedAt} before it starts, a column the table leaves empty). Request fields are settled by
     * {@link #apiContract()}: what is not required may be null, which the controllers read as absent.
     */
    @Bean
    PropertyCustomizer declaredNullability() {
        return (property, type) -> {
            boolean nullable = type.getCtxAnnotations() != null
                    && Arrays.stream(type.getCtxAnnotations())
                            .anyMatch(annotation ->
                                    annotation.annotationType().getSimpleName().equals("Nullable"));
            return nullable ? nullable(property) : property;
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            // OpenAPI 3.0 reads nothing beside a $ref: a nullable object wraps it
            return new Schema<>()
                    .allOf(List.of(new Schema<>().$ref(property.get$ref())))
                    .nullable(true);
        }
        return property.nullable(true);
    }

    @Bean
    OpenApiCustomizer apiContract() {
        return api -> {
            api.setTags(TAGS.values().stream().distinct().toList());
            // here rather than on the bean: springdoc drops the schemas no operation referred to before this ran
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            Set<String> requestSchemas = new HashSet<>();
            Set<String> answerSchemas = new HashSet<>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.setSecurity(securityOf(path));
                declareAnswers(path, method, operation);
                if (operation.getRequestBody() != null) {
                    referencedSchemas(operation.getRequestBody().getContent(), requestSchemas);
                }
                operation.getResponses().forEach((status, answer) -> {
                    if (status.startsWith("2")) {
                        referencedSchemas(answer.getContent(), answerSchemas);
                    }
                });
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> lowerCaseEnums(parameter.getSchema()));
                }
            }));
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            closeOver(schemas, requestSchemas);
            closeOver(schemas, answerSchemas);
            schemas.forEach((name, schema) -> {
                lowerCaseEnums(schema);
                if (schema.getProperties() == null) {
                    return;
                }
                if (answerSchemas.contains(name) && !requestSchemas.contains(name)) {
                    // Jackson writes every field of an answer, null or not
                    schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                } else if (requestSchemas.contains(name)) {
                    // a request may leave out, or send null for, what it need not send (@Schema(requiredMode))
                    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                    ((Map<String, Schema>) schema.getProperties())
                            .replaceAll((field, property) -> required.contains(field) ? property : nullable(property));
                }
                examplesByFormat(schema);
                ((Map<String, Schema>) schema.getProperties())
                        .replaceAll((field, property) -> anyValueForJsonTrees(property));
            });
            schemas.values().forEach(schema -> inlineNullableReferences(schema, schemas));
            // what no operation refers to any more (a nullable object's schema, now in place) is no part of the API
            Set<String> used = new HashSet<>();
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null) {
                    referencedSchemas(operation.getRequestBody().getContent(), used);
                }
                operation.getResponses().values().forEach(answer -> referencedSchemas(answer.getContent(), used));
            }));
            closeOver(schemas, used);
            schemas.keySet().retainAll(used);
        };
    }

    /** A JsonNode holds any JSON value (an audit entry's data: the event, or its stored text when unreadable). */
    @SuppressWarnings("rawtypes")
    private static Schema anyValueForJsonTrees(Schema property) {
        return ("#/components/schemas/" + JSON_TREE).equals(property.get$ref())
                ? new Schema<>().description("Any JSON value")
                : property;
    }

    /** Ids and times, whatever they name, are shown as what the API writes: a UUID, an ISO instant, a UTC date. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void examplesByFormat(Schema schema) {
        ((Map<String, Schema>) schema.getProperties()).values().forEach(property -> {
            Schema shown = property.getItems() != null ? property.getItems() : property;
            if (shown.getExample() != null || shown.getFormat() == null) {
                return;
            }
            switch (shown.getFormat()) {
                case "uuid" -> shown.setExample("5b2f8e0c-3c1a-4f7e-9d2b-6a8c4e1f0a37");
                case "date-time" -> shown.setExample("2026-11-02T09:30:00Z");
                case "date" -> shown.setExample("2026-11-02");
                default -> {}
            }
        });
    }

    /** None for the development tokens and the audit key; Stripe's signature; a worker's; a person's or an org's key. */
    private static List<SecurityRequirement> securityOf(String path) {
        if (path.equals("/dev/tokens") || path.equals("/v1/audit/public-key")) {
            return List.of();
        }
        if (path.equals("/v1/stripe/webhook")) {
            return List.of(new SecurityRequirement().addList(STRIPE));
        }
        if (path.startsWith("/v1/worker/")) {
            return List.of(new SecurityRequirement().addList(WORKER));
        }
        if (path.startsWith("/v1/orgs/{orgId}")) {
            return List.of(new SecurityRequirement().addList(PERSON), new SecurityRequirement().addList(API_KEY));
        }
        return List.of(new SecurityRequirement().addList(PERSON));
    }

    /**
     * The problems any operation of its shape can answer, and the headers of every answer. A problem the controller
     * declares itself (a 429) gets the shared problem body too.
     */
    private static void declareAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses answers = operation.getResponses();
        boolean authenticated = !operation.getSecurity().isEmpty();
        boolean changes = method != PathItem.HttpMethod.GET;
        boolean idempotent = operation.getParameters() != null
                && operation.getParameters().stream()
                        .map(Parameter::getName)
                        .anyMatch(IdempotentRequests.HEADER::equals);
        // any request can carry malformed input or headers larger than the server reads
        List<HttpStatus> problems =
                new ArrayList<>(List.of(HttpStatus.BAD_REQUEST, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE));
        if (authenticated) {
            problems.addAll(List.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN));
        }
        if (path.contains("{")) {
            problems.add(HttpStatus.NOT_FOUND);
        }
        if (changes && authenticated) {
            problems.add(HttpStatus.CONFLICT);
        }
        if (operation.getRequestBody() != null) {
            problems.addAll(List.of(HttpStatus.PAYLOAD_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
        // the text rule holds for every query string, so any operation can refuse invalid text
        problems.add(HttpStatus.UNPROCESSABLE_ENTITY);
        for (HttpStatus status : problems) {
            answers.putIfAbsent(
                    String.valueOf(status.value()), new ApiResponse().description(status.getReasonPhrase()));
        }
        answers.forEach((status, answer) -> {
            answer.addHeaderObject(
                    CallerBindingFilter.REQUEST_ID_HEADER, headerRef(CallerBindingFilter.REQUEST_ID_HEADER));
            if (status.startsWith("4") || status.startsWith("5")) {
                answer.setContent(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                if (status.equals("429") || status.equals("503")) {
                    answer.addHeaderObject(RETRY_AFTER, headerRef(RETRY_AFTER));
                }
            }
            // what a key makes once it makes at a Location (as does an operation that declares the header itself)
            boolean located = answer.getHeaders() != null && answer.getHeaders().containsKey(HttpHeaders.LOCATION);
            if ((idempotent || located) && (status.equals("201") || status.equals("202"))) {
                answer.addHeaderObject(HttpHeaders.LOCATION, headerRef(HttpHeaders.LOCATION));
            }
            if (idempotent && status.startsWith("2")) {
                answer.addHeaderObject(
                        IdempotentRequests.REPLAYED_HEADER, headerRef(IdempotentRequests.REPLAYED_HEADER));
            }
            if (status.equals("204")) {
                // springdoc gives it the method's return type, which only the other answers have
                answer.setContent(null);
            }
            if (answer.getContent() != null && answer.getContent().containsKey("*/*")) {
                answer.getContent().put(JSON, answer.getContent().remove("*/*"));
            }
        });
    }

    /**
     * A nullable object field, written {@code allOf: [$ref]} by {@link #nullableReferences()}, gets the referenced
     * schema's fields in place: validators read {@code nullable} only beside a {@code type}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void inlineNullableReferences(Schema schema, Map<String, Schema> schemas) {
        if (schema.getProperties() == null) {
            return;
        }
        ((Map<String, Schema>) schema.getProperties()).replaceAll((name, property) -> {
            Schema items = property.getItems();
            if (items != null && Boolean.TRUE.equals(items.getNullable()) && items.getAllOf() != null) {
                // a list's items are never null
                property.setItems((Schema) items.getAllOf().get(0));
            }
            if (!Boolean.TRUE.equals(property.getNullable())
                    || property.getAllOf() == null
                    || property.getAllOf().size() != 1) {
                return property;
            }
            String ref = ((Schema) property.getAllOf().get(0)).get$ref();
            Schema referenced = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            return new ObjectSchema()
                    .properties(referenced.getProperties())
                    .required(referenced.getRequired())
                    .nullable(true);
        });
    }

    private static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    /**
     * Roles, plans and sources are read in any case and written in lower case ({@code "developer"}); a free-form map
     * ({@code Map<String, Object>}: settings, a job's task) holds values of any type, not only objects.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void lowerCaseEnums(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getEnum() != null && schema.getEnum().stream().allMatch(String.class::isInstance)) {
            schema.setEnum(schema.getEnum().stream()
                    .map(value -> ((String) value).toLowerCase(Locale.ROOT))
                    .toList());
        }
        if (schema.getAdditionalProperties() instanceof Schema values
                && values.get$ref() == null
                && values.getProperties() == null
                && "object".equals(values.getType())) {
            schema.setAdditionalProperties(true);
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(ApiDocsConfiguration::lowerCaseEnums);
        }
        lowerCaseEnums(schema.getItems());
    }

    private static void referencedSchemas(Content content, Set<String> names) {
        if (content != null) {
            content.values().forEach(media -> collectRefs(media.getSchema(), names));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void collectRefs(Schema schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            names.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(property -> collectRefs(property, names));
        }
        collectRefs(schema.getItems(), names);
        if (schema.getAdditionalProperties() instanceof Schema values) {
            collectRefs(values, names);
        }
        if (schema.getAllOf() != null) {
            ((List<Schema>) schema.getAllOf()).forEach(part -> collectRefs(part, names));
        }
    }

    /** Adds every schema the named ones refer to, transitively. */
    @SuppressWarnings("rawtypes")
    private static void closeOver(Map<String, Schema> schemas, Set<String> names) {
        List<String> pending = new ArrayList<>(names);
        while (!pending.isEmpty()) {
            Schema schema = schemas.get(pending.remove(pending.size() - 1));
            Set<String> referenced = new HashSet<>();
            collectRefs(schema, referenced);
            referenced.removeIf(name -> !names.add(name) || name.equals(PROBLEM));
            pending.addAll(referenced);
        }
    }
}
