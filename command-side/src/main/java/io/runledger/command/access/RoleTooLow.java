package io.runledger.command.access;

import io.runledger.command.problem.ClientProblem;
import io.runledger.domain.org.Role;
import org.springframework.http.HttpStatus;

public class RoleTooLow extends ClientProblem {
    public RoleTooLow(Role held, Role required) {
        super(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Not allowed",
                "This needs the %s role or higher; you are %s".formatted(required.code(), held.code()));
    }
}
