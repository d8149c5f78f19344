package io.runledger.command.erasure;

import java.util.UUID;

import io.runledger.command.problem.NotFound;

class UserNotFound extends NotFound {
    UserNotFound(UUID userId) {
        super("No user " + userId);
    }
}
