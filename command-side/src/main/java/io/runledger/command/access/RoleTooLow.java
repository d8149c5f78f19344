package io.runledger.command.access;

import io.runledger.domain.org.Role;

public class RoleTooLow extends RuntimeException {
    public RoleTooLow(Role held, Role required) {
        super("This needs the %s role or higher; you are %s".formatted(required.code(), held.code()));
    }
}
