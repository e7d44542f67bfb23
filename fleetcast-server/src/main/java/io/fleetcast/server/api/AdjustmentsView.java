package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.store.plan.StoredAdjustment;
import java.util.List;

/** {@code GET /api/forecast/adjustments}: every stored adjustment, in the order they apply. */
public record AdjustmentsView(List<AdjustmentView> adjustments) {
    public AdjustmentsView {
        adjustments = List.copyOf(requireNonNull(adjustments, "adjustments is null"));
    }

    static AdjustmentsView of(List<StoredAdjustment> adjustments) {
        return new AdjustmentsView(adjustments.stream()
                .map(adjustment -> AdjustmentView.of(adjustment, null))
                .toList());
    }
}
