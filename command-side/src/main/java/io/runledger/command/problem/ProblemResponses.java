package io.runledger.command.problem;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.runledger.domain.org.NotAMember;
import io.runledger.domain.shared.DomainRuleViolation;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a client can cause, as problem+json with a stable type. A rejected command changed
 * nothing: the aggregate refused it before any event was stored, and access checks run before sending.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final URI UNTYPED = URI.create("about:blank");

    /**
     * Spring MVC's own problems (unreadable body, wrong parameter type, unknown path, method, media type, …) get
     * a stable type too. Most come as an {@link ErrorResponse} whose problem Spring fills in after this method.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Object answer = body == null && failure instanceof ErrorResponse framework ? framework.getBody() : body;
        if (answer instanceof ProblemDetail problem && UNTYPED.equals(problem.getType())) {
            if (failure instanceof HttpMessageNotReadableException unreadable
                    && NestedExceptionUtils.getMostSpecificCause(unreadable)
                            instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(RequestSizeLimit.problem(tooLarge.getMessage()));
            }
            // a value the body's parser refused (text the database cannot store, a number out of range)
            if (failure instanceof HttpMessageNotReadableException unreadable
                    && NestedExceptionUtils.getMostSpecificCause(unreadable) instanceof ClientProblem refused) {
                ProblemDetail refusal = refused.toProblem();
                return ResponseEntity.status(refusal.getStatus())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(refusal);
            }
            if (failure instanceof HttpMessageNotReadableException unreadable
                    && NestedExceptionUtils.getMostSpecificCause(unreadable) instanceof JsonMappingException mapping
                    && UnreadableFields.describe(problem, mapping)) {
                return super.handleExceptionInternal(failure, problem, headers, status, request);
            }
            if (failure instanceof HttpMessageNotReadableException) {
                problem.setType(URI.create(ProblemTypes.BASE + "malformed-request"));
                problem.setDetail("The request body is not valid JSON of the expected shape");
            } else if (failure instanceof TypeMismatchException mismatch) {
                problem.setType(URI.create(ProblemTypes.BASE + "invalid-parameter"));
                problem.setDetail("'%s' is not a valid %s".formatted(mismatch.getValue(), mismatch.getPropertyName()));
            } else if (status.value() == HttpStatus.BAD_REQUEST.value()) {
                // a missing query parameter, header or path part
                problem.setType(URI.create(ProblemTypes.BASE + "invalid-parameter"));
            } else {
                problem.setType(URI.create(ProblemTypes.BASE + ProblemTypes.ofStatus(status.value())));
            }
        }
        return super.handleExceptionInternal(failure, answer, headers, status, request);
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransition rejected) {
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.CONFLICT, "illegal-transition", "Not allowed in the current state", rejected.getMessage());
        problem.setProperty("currentState", rejected.currentState());
        problem.setProperty("attempted", rejected.attempted());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidCommand(InvalidCommand rejected) {
        return ProblemTypes.problem(
                HttpStatus.UNPROCESSABLE_ENTITY, "invalid-command", "Invalid request", rejected.getMessage());
    }

    /** Every mistake that names its own answer. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> clientProblem(ClientProblem mistake) {
        return mistake.toResponse();
    }

    /** A user who is not a member of the org is, for that org, a member not found (like {@code OrgNotFound}). */
    @ExceptionHandler
    ProblemDetail notAMember(NotAMember missing) {
        return ProblemTypes.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage());
    }

    /** A creating command whose id is taken: the thing exists already (a retry that outlived its idempotency record). */
    @ExceptionHandler
    ProblemDetail alreadyExists(AggregateStreamCreationException taken) {
        return ProblemTypes.problem(
                HttpStatus.CONFLICT,
                "already-exists",
                "Already exists",
                "This was created by an earlier request; nothing new was created");
    }

    @ExceptionHandler
    ProblemDetail ruleViolation(DomainRuleViolation rejected) {
        return ProblemTypes.problem(
                HttpStatus.CONFLICT,
                ProblemTypes.typeOf(rejected.getClass()),
                "Rejected by a domain rule",
                rejected.getMessage());
    }
}
