package org.noticesearch.search;

/** A request parameter that cannot be used; the message names the parameter. Maps to HTTP 400. */
public class BadRequestException extends RuntimeException {
    private final String parameter;

    public BadRequestException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
