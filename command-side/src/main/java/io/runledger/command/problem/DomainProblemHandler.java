package io.runledger.command.problem;

import io.runledger.domain.shared.DomainRuleViolation;
import io.runledger.domain.shared.IllegalTransition;
import io.runledger.domain.shared.InvalidCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns a rejected command into problem+json. The aggregate already refused it before anything was
 * stored, so answering is all that is left to do. Spring MVC's own errors (malformed JSON, wrong types)
 * come out as problem+json through the base class.
 */
@RestControllerAdvice
class DomainProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransition rejected) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.CONFLICT, "illegal-transition",
                "Not allowed in the current state", rejected.getMessage());
        problem.setProperty("currentState", rejected.currentState());
        problem.setProperty("attempted", rejected.attempted());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidCommand(InvalidCommand rejected) {
        return ProblemTypes.problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-command",
                "Invalid request", rejected.getMessage());
    }

    @ExceptionHandler
    ProblemDetail ruleViolation(DomainRuleViolation rejected) {
        return ProblemTypes.problem(HttpStatus.CONFLICT, ProblemTypes.typeOf(rejected.getClass()),
                "Rejected by a domain rule", rejected.getMessage());
    }
}
