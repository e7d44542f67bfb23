package io.fleetcast.app.cost;

import io.fleetcast.app.JsonDocuments;
import io.fleetcast.core.error.FleetcastException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Sends a report's budget alerts to a webhook: one HTTP POST of {@code {"as_of", "currency", "alerts": [...]}} (each
 * alert as in the report's {@code budgets}), {@code Content-Type: application/json}. Nothing is sent when there are no
 * alerts.
 */
public final class AlertWebhook {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private AlertWebhook() {}

    /** The body sent. */
    public record Payload(String asOf, String currency, List<CostReport.Budget> alerts) {}

    /**
     * Posts {@code report}'s alerts to {@code url}; returns how many were sent.
     *
     * @throws FleetcastException {@code BAD_INPUT} when the URL is not http(s), the receiver cannot be reached or
     *     answers other than 2xx (the message names the URL and the status)
     */
    public static int send(String url, CostReport report) {
        if (report.alerts().isEmpty()) {
            return 0;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput("webhook URL '" + url + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw FleetcastException.badInput("webhook URL '" + url + "' must start with http:// or https://");
        }
        String body = JsonDocuments.write(new Payload(report.asOf(), report.currency(), report.alerts()), "the alerts");
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw FleetcastException.badInput(
                        "webhook " + url + " answered HTTP " + response.statusCode() + " to the budget alerts");
            }
        } catch (IOException e) {
            throw FleetcastException.badInput("webhook " + url + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FleetcastException.internal("interrupted while sending the budget alerts", e);
        }
        return report.alerts().size();
    }
}
