package io.runledger.domain.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class UsageMeterTest {

    @Test
    void the_codes_billing_has_stored_and_reported_stay_as_they_are() {
        assertThat(Arrays.stream(UsageMeter.values()).map(UsageMeter::code))
                .containsExactly(
                        "run.created", "run.completed", "tokens.used", "generations.completed", "render.seconds");
    }
}
