package io.runledger.command.erasure;

import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

class UserNotFound extends ClientProblem {
    UserNotFound(UUID userId) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No user " + userId);
    }
}
