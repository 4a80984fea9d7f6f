package io.github.forgemaven.registry.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    @Test
    void positiveValuesPass() throws Exception {
        Timeouts timeouts = Timeouts.of(30, 300, 0);

        assertEquals(Duration.ofSeconds(30), timeouts.connect());
        assertEquals(Duration.ofSeconds(300), timeouts.response());
        assertEquals(0, timeouts.retries());
    }

    @Test
    void zeroAndNegativeValuesAreRefusedNamingEachParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Timeouts.of(-5, 0, -1));

        assertEquals(
                List.of(
                        "<connectTimeout> (forge.connectTimeout) is -5, but must be at least 1: set the seconds to wait"
                                + " for a connection, or leave it out for the default 30.",
                        "<responseTimeout> (forge.responseTimeout) is 0, but must be at least 1: set the seconds the"
                                + " server may stay silent (there is no 'no limit'), or leave it out for the default 300.",
                        "<retries> (forge.retries) is -1, but must be 0 (no retries) or more: leave it out for the"
                                + " default 3."),
                e.problems());
    }

    @Test
    void oneBadValueIsReportedAlone() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Timeouts.of(30, 0, 3));

        assertEquals(1, e.problems().size());
        assertEquals(e.problems().get(0), e.getMessage());
    }
}
