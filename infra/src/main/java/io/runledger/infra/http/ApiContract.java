package io.runledger.infra.http;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JavaType;
import io.runledger.command.auth.CallerBindingFilter;
import io.runledger.command.idempotency.IdempotentRequests;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ComposedSchema;
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
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What {@code /v3/api-docs} says beyond what springdoc reads from the controllers, for every operation at once so
 * controllers stay free of documentation: one tag per feature (the controller's package), operationIds of
 * controller and method, the security scheme of the route, the problem+json answers and the headers every answer
 * carries, lower-case enums, nullable fields, response fields always present. A controller declares only what it
 * alone knows: the status of a {@code ResponseEntity} (with {@code @ApiResponse}), as in docs/api.md.
 */
final class ApiContract {

    static final String PERSON = "person";
    static final String API_KEY = "apiKey";
    static final String WORKER = "worker";
    static final String STRIPE_SIGNATURE = "stripeSignature";

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String REQUEST_ID = CallerBindingFilter.REQUEST_ID_HEADER;
    private static final String REPLAYED = IdempotentRequests.REPLAYED_HEADER;
    private static final String SCHEMAS = "#/components/schemas/";

    /** A feature's tag by the last segment of its controllers' package; another package is tagged with its name. */
    private static final Map<String, Tag> FEATURES = features(
            tag("org", "Orgs", "Organisations and their members"),
            tag("apikey", "API keys", "Tenant API keys (rlk_…): issued once, revoked at once"),
            tag("project", "Projects", "Projects and their generations"),
            tag("run", "Runs", "Runs of a pattern on an input, their outputs and status streams"),
            tag("catalog", "Patterns", "The pattern catalog every org shares"),
            tag("pattern", "Patterns", "The pattern catalog every org shares"),
            tag("dashboard", "Dashboard", "An org's dashboard and usage against its plan"),
            tag("systemlog", "System log", "What happened in an org, event by event"),
            tag("billing", "Billing", "Plans, Stripe checkout, meter reports and reconciliation"),
            tag("worker", "Workers", "The LLM workers' protocol: claim a job, report on it under its lease"),
            tag("admin", "Read models", "Platform admins watch, rebuild and repair the read models"),
            tag("auth", "Development tokens", "Tokens for people while no identity provider is configured"));

    private ApiContract() {
    }

    /** Tag, operationId and summary of each operation, from its controller; all stable across builds. */
    static OperationCustomizer operations() {
        return (operation, handler) -> {
            Tag feature = featureOf(handler);
            String controller = handler.getBeanType().getSimpleName()
                    .replaceFirst("(Command|Query)?Controller$", "");
            String method = handler.getMethod().getName();
            operation.setTags(List.of(feature.getName()));
            describeHeaders(operation);
            noContentOfVoid(operation, handler);
            operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            if (!StringUtils.hasText(operation.getSummary())) {
                operation.setSummary(words(method) + " (" + words(controller).toLowerCase(Locale.ROOT) + ")");
            }
            return operation;
        };
    }

    /**
     * A field of a reference type may be null (Jackson writes it so); a field of a primitive type never is. A
     * reference to another schema is wrapped in {@code allOf}, as OpenAPI 3.0 ignores {@code nullable} next to
     * {@code $ref}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static PropertyCustomizer nullableFields() {
        return (property, type) -> {
            Type declared = type.getType();
            Class<?> raw = declared instanceof JavaType javaType ? javaType.getRawClass()
                    : declared instanceof Class<?> plain ? plain : null;
            if (raw == null || raw.isPrimitive()) {
                return property;
            }
            if (property.get$ref() != null) {
                Schema wrapped = new ComposedSchema().allOf(List.of(new Schema<>().$ref(property.get$ref())));
                // every referenced schema is an object; OpenAPI 3.0 wants the type beside nullable
                wrapped.setType("object");
                wrapped.setNullable(true);
                wrapped.setDescription(property.getDescription());
                return wrapped;
            }
            property.setNullable(true);
            return property;
        };
    }

    /** Everything said once for the whole document, after springdoc has read every operation. */
    static OpenApiCustomizer document() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(components);
            declareShared(components);
            api.setSecurity(null);
            api.setTags(usedTags(api));
            Set<String> requestSchemas = new HashSet<>();
            Set<String> responseSchemas = new HashSet<>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.setSecurity(securityOf(path));
                declareAnswers(path, method, operation);
                if (operation.getRequestBody() != null) {
                    contentSchemas(operation.getRequestBody().getContent(), schema -> collectRefs(schema, components, requestSchemas));
                }
                operation.getResponses().values()
                        .forEach(response -> contentSchemas(response.getContent(), schema -> collectRefs(schema, components, responseSchemas)));
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> lowerCaseEnums(parameter.getSchema()));
                }
            }));
            // what only answers carry is written whole by Jackson: every field is there, null or not
            responseSchemas.stream().filter(name -> !requestSchemas.contains(name) && !name.equals(PROBLEM))
                    .map(components.getSchemas()::get)
                    .filter(schema -> schema.getProperties() != null)
                    .forEach(schema -> schema.setRequired(new ArrayList<>(schema.getProperties().keySet())));
            components.getSchemas().remove("SseEmitter");
            components.getSchemas().values().forEach(ApiContract::lowerCaseEnums);
            components.getSchemas().values().forEach(ApiContract::anyValueInFreeFormMaps);
        };
    }

    private static void declareShared(Components components) {
        components.addSecuritySchemes(PERSON, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("A person's token from the identity provider (or POST /dev/tokens)"))
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("rlk_…").description("A tenant API key, sent as a bearer token; it acts with the "
                                + "role it was issued with, in its org only, and never manages keys or members"))
                .addSecuritySchemes(WORKER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A worker credential of RUNLEDGER_WORKER_TOKENS (name:secret), on /v1/worker/** only"))
                .addSecuritySchemes(STRIPE_SIGNATURE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("Stripe-Signature")
                        .description("Stripe's signature of the body with STRIPE_WEBHOOK_SECRET"));
        Schema<?> problem = new ObjectSchema()
                .description("An error (RFC 9457); `type` is stable, docs/errors.md lists every one. "
                        + "Some problems add fields (limit, used, resetsAt, currentState, …).")
                .addProperty("type", new StringSchema().format("uri").example("https://runledger.io/problems/not-found"))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().nullable(true).example("No org 6f1c… that you can see"))
                .addProperty("instance", new StringSchema().format("uri-reference").nullable(true))
                .additionalProperties(true);
        problem.setRequired(List.of("type", "title", "status"));
        components.addSchemas(PROBLEM, problem);

    }

    /** The security scheme by route, as SecurityConfiguration enforces it; none on the development token route. */
    private static List<SecurityRequirement> securityOf(String path) {
        if (path.startsWith("/dev/")) {
            return List.of();
        }
        if (path.startsWith("/v1/worker/")) {
            return List.of(new SecurityRequirement().addList(WORKER));
        }
        if (path.equals("/v1/stripe/webhook")) {
            return List.of(new SecurityRequirement().addList(STRIPE_SIGNATURE));
        }
        if (path.startsWith("/v1/orgs/{orgId}")) {
            return List.of(new SecurityRequirement().addList(PERSON), new SecurityRequirement().addList(API_KEY));
        }
        return List.of(new SecurityRequirement().addList(PERSON));
    }

    /** The problems an operation can answer, and the headers of all its answers. */
    private static void declareAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean authenticated = !securityOf(path).isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean changes = method != PathItem.HttpMethod.GET;
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> IdempotentRequests.HEADER.equalsIgnoreCase(parameter.getName()));
        responses.forEach((status, response) -> {
            jsonInsteadOfAnything(response.getContent());
            if (response.getContent() != null) {
                response.getContent().replaceAll((type, media) -> media.getSchema() != null
                        && (SCHEMAS + "SseEmitter").equals(media.getSchema().get$ref())
                        ? new MediaType().schema(new StringSchema().description("server-sent events")) : media);
            }
            if (!StringUtils.hasText(response.getDescription()) || "OK".equals(response.getDescription())
                    || "default response".equals(response.getDescription())) {
                response.setDescription(successDescription(status));
            }
            if (idempotent && status.startsWith("2")) {
                response.addHeaderObject(REPLAYED, ref(REPLAYED));
            }
            if ((status.equals("201") || status.equals("202")) && path.startsWith("/v1/") && !path.startsWith("/v1/worker/")
                    && !path.startsWith("/v1/admin/")) {
                response.addHeaderObject(HttpHeaders.LOCATION, ref(HttpHeaders.LOCATION));
            }
        });
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "The request is malformed: a parameter or body the service cannot read");
        if (authenticated) {
            problems.put("401", "No valid credentials (the token is missing, expired or refused)");
            problems.put("403", "The credentials may not do this");
            problems.put("404", "Nothing at this path that the caller may see");
        }
        if (changes && authenticated) {
            problems.put("409", "Not allowed in the current state, or a conflicting request (Idempotency-Key reused)");
        }
        if (body) {
            problems.put("413", "The body is larger than the service takes");
            problems.put("415", "The body is not application/json");
            problems.put("422", "The request is well formed but invalid");
        }
        if (method == PathItem.HttpMethod.POST && path.startsWith("/v1/orgs/{orgId}/")
                && (path.endsWith("/runs") || path.endsWith("/generations"))) {
            problems.put("429", "A limit of the org's plan is reached; Retry-After says when it resets");
        }
        problems.forEach((status, description) -> responses.addApiResponse(status, problem(description,
                status.equals("429"))));
        responses.addApiResponse("default", problem("Any other error, a server error included", false));
        responses.values().forEach(response -> response.addHeaderObject(REQUEST_ID, ref(REQUEST_ID)));
    }

    private static String successDescription(String status) {
        return switch (status) {
            case "201" -> "Created";
            case "202" -> "Accepted: the work goes on in the background";
            case "204" -> "Done; no body";
            default -> "OK";
        };
    }

    private static ApiResponse problem(String description, boolean retryAfter) {
        ApiResponse response = new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))));
        if (retryAfter) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, ref(HttpHeaders.RETRY_AFTER));
        }
        return response;
    }

    /**
     * The headers of answers, written out where used rather than as {@code $ref}s (the request validator of the
     * tests reads a referenced header's schema as JSON).
     */
    private static final Map<String, Header> HEADERS = Map.of(
            REQUEST_ID, new Header().description("The request's id: the client's own X-Request-Id, else a new one; "
                    + "the log and the stored events carry it").schema(new StringSchema()
                    .example("5f0c1d9e-3f7a-4c55-9a51-2b1d3c4e5f60")),
            HttpHeaders.LOCATION, new Header().description("Where the created resource is read")
                    .schema(new StringSchema().format("uri-reference")),
            REPLAYED, new Header().description("true when this is the stored answer to an earlier request with the "
                    + "same Idempotency-Key").schema(new StringSchema()._enum(List.of("true"))),
            HttpHeaders.RETRY_AFTER, new Header().description("Seconds until the request may succeed")
                    .schema(new IntegerSchema()));

    private static Header ref(String header) {
        return HEADERS.get(header);
    }

    /** Controllers that declare no media type answer JSON; springdoc would say any type. */
    private static void jsonInsteadOfAnything(Content content) {
        if (content != null && content.containsKey("*/*")) {
            content.put(JSON, content.remove("*/*"));
        }
    }

    private static void contentSchemas(Content content, Consumer<Schema<?>> each) {
        if (content != null) {
            for (MediaType media : content.values()) {
                if (media.getSchema() != null) {
                    each.accept(media.getSchema());
                }
            }
        }
    }

    /** Every component schema {@code schema} refers to, directly or through others. */
    private static void collectRefs(Schema<?> schema, Components components, Set<String> names) {
        walk(schema, each -> {
            if (each.get$ref() != null && each.get$ref().startsWith(SCHEMAS)) {
                String name = each.get$ref().substring(SCHEMAS.length());
                Schema<?> target = components.getSchemas().get(name);
                if (names.add(name) && target != null) {
                    collectRefs(target, components, names);
                }
            }
        });
    }

    /** The wire writes roles, plans, sources and statuses in lower case (Jackson reads them in any case). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void lowerCaseEnums(Schema<?> root) {
        walk(root, schema -> {
            if (schema.getEnum() != null && schema.getEnum().stream().allMatch(value -> value instanceof String)) {
                List<String> lower = schema.getEnum().stream().map(value -> ((String) value).toLowerCase(Locale.ROOT)).toList();
                ((Schema) schema).setEnum(new ArrayList<>(lower));
            }
        });
    }

    /** A {@code Map<String, Object>} (settings, metadata) takes any JSON value, not only objects as springdoc says. */
    private static void anyValueInFreeFormMaps(Schema<?> root) {
        walk(root, schema -> {
            if (schema.getAdditionalProperties() instanceof Schema<?> values && values.get$ref() == null
                    && "object".equals(values.getType()) && values.getProperties() == null
                    && values.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(true);
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void walk(Schema<?> schema, Consumer<Schema<?>> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> walk(property, visit));
        }
        walk(schema.getItems(), visit);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            walk(values, visit);
        }
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (parts != null) {
                for (Schema part : parts) {
                    walk(part, visit);
                }
            }
        }
    }

    private static List<Tag> usedTags(OpenAPI api) {
        Set<String> used = new TreeSet<>();
        api.getPaths().values().forEach(item -> item.readOperations()
                .forEach(operation -> used.addAll(operation.getTags() == null ? List.of() : operation.getTags())));
        Map<String, Tag> byName = new LinkedHashMap<>();
        FEATURES.values().forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
        return used.stream().map(name -> byName.getOrDefault(name, new Tag().name(name).description(name))).toList();
    }

    private static Tag featureOf(HandlerMethod handler) {
        String packageName = handler.getBeanType().getPackageName();
        String feature = packageName.substring(packageName.lastIndexOf('.') + 1);
        return FEATURES.getOrDefault(feature, new Tag().name(feature).description(feature));
    }

    private static String words(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private record Feature(String segment, Tag tag) {
    }

    private static Feature tag(String segment, String name, String description) {
        return new Feature(segment, new Tag().name(name).description(description));
    }

    private static Map<String, Tag> features(Feature... features) {
        Map<String, Tag> bySegment = new LinkedHashMap<>();
        for (Feature feature : features) {
            bySegment.put(feature.segment(), feature.tag());
        }
        return bySegment;
    }

    /** A {@code ResponseEntity<Void>} answers 204 No Content (springdoc would say 200); no 204 has a body. */
    private static void noContentOfVoid(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        if (handler.getMethod().getGenericReturnType() instanceof ParameterizedType entity
                && entity.getRawType() == ResponseEntity.class && entity.getActualTypeArguments()[0] == Void.class
                && responses.containsKey("200")) {
            responses.put("204", responses.remove("200"));
        }
        if (responses.get("204") != null) {
            responses.get("204").setContent(null);
        }
    }

    /** Parameters of the headers a client sends; springdoc reads them from {@code @RequestHeader} without a word. */
    static void describeHeaders(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (IdempotentRequests.HEADER.equalsIgnoreCase(parameter.getName())) {
                parameter.setDescription("Any string of at most 255 characters (a UUID, say); a retry with the same key and body "
                        + "answers as the first request did (Idempotent-Replayed: true), with another body 409");
                parameter.setExample("3b0e6a1c-9a0f-4f5e-8d59-8f7f4a1e2b3c");
            }
        }
    }
}
