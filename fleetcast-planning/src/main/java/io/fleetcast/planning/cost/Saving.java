package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A way to spend less, with its estimated monthly saving.
 *
 * @param kind what kind of saving
 * @param team the team whose spend it cuts; null for a fleet-wide saving (a commitment)
 * @param service the service it concerns, when one
 * @param subject what it acts on, for people ("m6id.4xlarge in us-east-1", "search in ash-c1, cpu")
 * @param monthlySaving the estimated saving per month, in the billing currency
 * @param explanation how it was estimated, for people
 */
public record Saving(
        Kind kind,
        @Nullable String team,
        @Nullable String service,
        String subject,
        double monthlySaving,
        String explanation) {
    /** Kinds of saving. */
    public enum Kind {
        /** Release an allocation that is not used at all. */
        IDLE,
        /** Shrink an allocation to what is used, with a margin. */
        RIGHTSIZING,
        /** Commit to the steady part of on-demand usage. */
        COMMITMENT,
        /** Retire servers of a SKU whose cost per core is poor. */
        SKU_REFRESH;

        /** The kind as reports name it, e.g. {@code "sku refresh"}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public Saving {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(explanation, "explanation is null");
        if (!(monthlySaving >= 0) || Double.isInfinite(monthlySaving)) {
            throw new IllegalArgumentException("a saving must be a finite amount >= 0: " + monthlySaving);
        }
    }
}
