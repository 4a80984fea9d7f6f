package io.github.forgemaven.registry.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checked timeouts and retry count of the HTTP client. Zero and negative timeouts are refused:
 * to HttpClient 0 means "no limit", to the stall watchdog it would mean "cancel at once", and neither
 * is what a user who types 0 can be assumed to want.
 *
 * @param connect the longest wait for a connection
 * @param response the longest silence of the server
 * @param retries how often a request is repeated after a failure a retry can fix
 */
public record Timeouts(Duration connect, Duration response, int retries) {

    /**
     * Checks the values as the user gave them (seconds), reporting every problem at once.
     *
     * @throws InvalidInputException naming each bad parameter, its value and what to set
     */
    public static Timeouts of(int connectSeconds, int responseSeconds, int retries) throws InvalidInputException {
        List<String> problems = new ArrayList<>();
        if (connectSeconds < 1) {
            problems.add(Parameter.CONNECT_TIMEOUT + " is " + connectSeconds
                    + ", but must be at least 1: set the seconds to wait for a connection, or leave it out for the"
                    + " default 30.");
        }
        if (responseSeconds < 1) {
            problems.add(Parameter.RESPONSE_TIMEOUT + " is " + responseSeconds
                    + ", but must be at least 1: set the seconds the server may stay silent (there is no 'no limit'),"
                    + " or leave it out for the default 300.");
        }
        if (retries < 0) {
            problems.add(Parameter.RETRIES + " is " + retries
                    + ", but must be 0 (no retries) or more: leave it out for the default 3.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Timeouts(Duration.ofSeconds(connectSeconds), Duration.ofSeconds(responseSeconds), retries);
    }
}
