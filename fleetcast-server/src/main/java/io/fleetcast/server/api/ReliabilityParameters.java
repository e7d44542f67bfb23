package io.fleetcast.server.api;

import io.fleetcast.app.life.FleetLifeService.Segment;
import io.fleetcast.app.life.LifeFitService;
import io.fleetcast.app.life.ReliabilityViewService;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.fit.Family;
import java.util.Locale;
import java.util.Map;

/** The query parameters the reliability endpoints share: {@code by}, {@code dist} and {@code months}. */
final class ReliabilityParameters {
    static final String DEFAULT_BY = "sku";
    static final String DEFAULT_DISTRIBUTION = "weibull2p";
    static final int DEFAULT_MONTHS = 12;

    private ReliabilityParameters() {}

    /** {@code by}: {@code sku} (the default), {@code site}, {@code region}, {@code cluster} or {@code batch}. */
    static Segment by(Map<String, String> parameters) {
        String text = parameters.getOrDefault("by", "").trim();
        if (text.isEmpty()) {
            return Segment.parse(DEFAULT_BY);
        }
        for (Segment segment : Segment.values()) {
            if (segment.name().equalsIgnoreCase(text)) {
                return segment;
            }
        }
        throw FleetcastException.badInput(
                "parameter \"by\": expected sku, site, region, cluster or batch, got \"" + text + "\"");
    }

    /** {@code dist}: a distribution's command-line name, {@code weibull2p} by default. */
    static Family distribution(Map<String, String> parameters) {
        String text = parameters.getOrDefault("dist", "").trim();
        try {
            return LifeFitService.family(text.isEmpty() ? DEFAULT_DISTRIBUTION : text.toLowerCase(Locale.ROOT));
        } catch (FleetcastException e) {
            throw new FleetcastException(e.kind(), "parameter \"dist\": " + e.getMessage(), e);
        }
    }

    /** {@code months}: months of forecast, 0 to {@value ReliabilityViewService#MAX_MONTHS}, 12 by default. */
    static int months(Map<String, String> parameters) {
        String text = parameters.getOrDefault("months", "");
        if (text.isBlank()) {
            return DEFAULT_MONTHS;
        }
        int months = QueryParameters.wholeNumber("months", text);
        if (months < 0 || months > ReliabilityViewService.MAX_MONTHS) {
            throw FleetcastException.badInput(
                    "parameter \"months\": expected 0 to " + ReliabilityViewService.MAX_MONTHS + ", got " + months);
        }
        return months;
    }

    /** The segment parameter {@code name} (e.g. {@code value}), which is required. */
    static String required(Map<String, String> parameters, String name, String what) {
        String text = parameters.getOrDefault(name, "").trim();
        if (text.isEmpty()) {
            throw FleetcastException.badInput("parameter \"" + name + "\" is required: " + what);
        }
        return text;
    }
}
