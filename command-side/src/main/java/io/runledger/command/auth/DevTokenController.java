package io.runledger.command.auth;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.runledger.domain.shared.InvalidCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /dev/tokens}: exists only while the local issuer is in use. */
@RestController
@Conditional(UsesLocalIssuer.class)
record DevTokenController(LocalIssuer issuer, AuthProperties properties) {

    record TokenRequest(
            @Schema(requiredMode = REQUIRED, example = "ada@example.com")
            String email,

            @Schema(example = "Ada Lovelace") String name,
            @Schema(example = "magic") String provider) {}

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {}

    @Operation(operationId = "mintDevelopmentToken")
    @PostMapping("/dev/tokens")
    TokenResponse mint(@RequestBody TokenRequest request) {
        if (request.email() == null || !request.email().contains("@")) {
            throw new InvalidCommand("email must be an email address");
        }
        String token = issuer.mint(request.email(), request.name(), AuthProviders.fromCode(request.provider()));
        return new TokenResponse(token, "Bearer", properties.localTokenTtl().toSeconds());
    }
}
