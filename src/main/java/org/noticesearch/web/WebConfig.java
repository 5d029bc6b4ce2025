package org.noticesearch.web;

import java.util.List;

/**
 * HTTP settings: where to listen, which origins may call the read-only API from a browser
 * ({@code *} for any), and the admin token (null disables the admin endpoints).
 */
public record WebConfig(String host, int port, List<String> allowedOrigins, String adminToken) {
    public static final String DEFAULT_HOST = "0.0.0.0";

    public WebConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (adminToken != null && adminToken.isBlank()) {
            adminToken = null;
        }
    }

    public boolean anyOrigin() {
        return allowedOrigins.contains("*");
    }

    public boolean allows(String origin) {
        return origin != null && (anyOrigin() || allowedOrigins.contains(origin));
    }
}
