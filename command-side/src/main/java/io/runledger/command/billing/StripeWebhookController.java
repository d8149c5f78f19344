package io.runledger.command.billing;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/stripe/webhook}: Stripe's events, authenticated by their signature, not a token. */
@RestController
record StripeWebhookController(StripeWebhooks webhooks) {

    /** The body is taken as bytes, so the signature is checked over exactly what Stripe signed. */
    @Operation(operationId = "receiveStripeWebhook")
    @ApiResponse(responseCode = "200", description = "Recorded (or ignored, with the reason), so Stripe stops retrying")
    @ApiResponse(responseCode = "503", description = "No webhook secret is configured")
    @PostMapping("/v1/stripe/webhook")
    StripeWebhooks.Receipt receive(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            description = "A Stripe event, as Stripe sends it",
                                                            example = """
                                                    {"id": "evt_1QbW2e", "object": "event",
                                                     "type": "customer.subscription.updated",
                                                     "data": {"object": {"id": "sub_1QbW2e", "object": "subscription",
                                                     "customer": "cus_QbW2e", "status": "active"}}}""")))
                    @RequestBody
                    byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        return webhooks.receive(new String(body, StandardCharsets.UTF_8), signature);
    }
}
