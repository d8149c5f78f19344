package io.runledger.command.billing;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** The webhook was not signed with our secret, or was signed too long ago: nothing is applied. */
public class InvalidStripeSignature extends ClientProblem {
    InvalidStripeSignature(String reason) {
        super(HttpStatus.BAD_REQUEST, "invalid-signature", "Webhook not verified", reason);
    }
}
