package io.runledger.console;

import java.util.Map;

/** What the API answered instead of success: its problem document, for a page to show as a message. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;

    ApiProblem(int status, Map<String, Object> problem) {
        super(text(problem, "detail", text(problem, "title", "The service answered " + status)));
        this.status = status;
        this.type = text(problem, "type", "about:blank");
    }

    public int status() {
        return status;
    }

    /** The last part of the problem's type, {@code unknown-user} for {@code https://runledger.io/problems/unknown-user}. */
    public String kind() {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static String text(Map<String, Object> problem, String member, String otherwise) {
        Object value = problem == null ? null : problem.get(member);
        return value == null ? otherwise : value.toString();
    }
}
