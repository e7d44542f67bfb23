package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService.PlanSummary;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/forecast/plans}: every plan version, newest first; empty before the first forecast. */
public record ForecastPlansView(List<PlanView> plans) {
    public ForecastPlansView {
        plans = List.copyOf(requireNonNull(plans, "plans is null"));
    }

    static ForecastPlansView of(List<PlanSummary> plans) {
        return new ForecastPlansView(plans.stream().map(PlanView::of).toList());
    }

    /**
     * One plan version.
     *
     * @param version its number, from 1
     * @param grain the grain of its series: {@code hour}, {@code day}, {@code week} or {@code month}
     * @param parentVersion the version it was made from; {@code null} for the first
     * @param createdAt when it was written
     * @param description the command that wrote it and what it did
     * @param refitted series fitted anew in it
     * @param carried series carried forward unchanged from its parent
     */
    public record PlanView(
            int version,
            String grain,
            @Nullable Integer parentVersion,
            Instant createdAt,
            String description,
            int refitted,
            int carried) {
        public PlanView {
            requireNonNull(grain, "grain is null");
            requireNonNull(createdAt, "createdAt is null");
            requireNonNull(description, "description is null");
        }

        static PlanView of(PlanSummary plan) {
            return new PlanView(
                    plan.version(),
                    plan.grain().code(),
                    plan.parentVersion(),
                    plan.createdAt(),
                    plan.description(),
                    plan.refitted(),
                    plan.carried());
        }
    }
}
