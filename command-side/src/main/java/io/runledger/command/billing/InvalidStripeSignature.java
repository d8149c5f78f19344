package io.runledger.command.billing;

/** The webhook was not signed with our secret, or was signed too long ago: nothing is applied. */
public class InvalidStripeSignature extends RuntimeException {
    InvalidStripeSignature(String reason) {
        super(reason);
    }
}
