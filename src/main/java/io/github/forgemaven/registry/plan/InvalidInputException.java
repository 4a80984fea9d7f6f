package io.github.forgemaven.registry.plan;

import java.util.List;

/** The configuration or the files cannot be published as they are; nothing was sent. */
public final class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems one sentence per problem, each naming the setting, the value, the rule and the fix */
    public InvalidInputException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, in the order found. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder message = new StringBuilder(problems.size() + " problems, nothing was uploaded:");
        problems.forEach(
                p -> message.append(System.lineSeparator()).append("  - ").append(p));
        return message.toString();
    }
}
