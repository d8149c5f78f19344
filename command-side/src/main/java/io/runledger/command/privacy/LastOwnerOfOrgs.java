package io.runledger.command.privacy;

import java.util.List;
import java.util.UUID;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** A person who alone owns an org cannot be erased: the org would be left without anyone to run it. */
class LastOwnerOfOrgs extends ClientProblem {
    LastOwnerOfOrgs(List<UUID> orgIds) {
        super(
                HttpStatus.CONFLICT,
                "last-owner-of-org",
                "Still the last owner of an org",
                "Make someone else an owner of, or have a platform admin erase, each org you alone own first: "
                        + orgIds);
        property("orgIds", orgIds);
    }
}
