package org.noticesearch.web;

import io.javalin.http.HttpStatus;

/**
 * A request refused with its status and error code: to protect the server (rate limit, export slots full; then with a
 * Retry-After) or for want of admin rights ({@code retryAfterSeconds} 0: none is sent).
 */
final class Refusal extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final long retryAfterSeconds;

    Refusal(HttpStatus status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
