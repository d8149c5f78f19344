package io.runledger.command.worker;

import io.runledger.command.problem.ClientProblem;
import org.springframework.http.HttpStatus;

/** Inline outputs are capped so events stay small; bigger ones go to object storage and are sent by URL. */
public class OutputTooLarge extends ClientProblem {

    OutputTooLarge(long limit, long size) {
        super(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "output-too-large",
                "Output too large to send inline",
                "The output has %d bytes; inline content is capped at %d: upload it and send contentUrl"
                        .formatted(size, limit));
        property("allowed", limit);
        property("current", size);
    }
}
