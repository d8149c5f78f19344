package io.runledger.command.privacy;

import java.util.UUID;

import io.runledger.command.problem.NotFound;

class UserNotFound extends NotFound {
    UserNotFound(UUID userId) {
        super("No user " + userId);
    }
}
