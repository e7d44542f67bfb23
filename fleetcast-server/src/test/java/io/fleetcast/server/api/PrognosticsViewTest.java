package io.fleetcast.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.app.prognose.PrognosticsService.Evaluation;
import io.fleetcast.server.api.PrognosticsView.FeatureShiftView;
import io.fleetcast.store.prognostics.FeatureShift;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The drift part of {@link PrognosticsView}: the levels at the thresholds' edges, the cap and the count. */
class PrognosticsViewTest {
    private static final LocalDate DAY = LocalDate.parse("2026-10-31");

    @Test
    void aLevelIsStableBelowPointOneModerateUpToPointTwoFiveAndMajorAbove() {
        assertThat(FeatureShiftView.level(0)).isEqualTo("stable");
        assertThat(FeatureShiftView.level(0.0999)).isEqualTo("stable");
        assertThat(FeatureShiftView.level(0.1)).isEqualTo("moderate");
        assertThat(FeatureShiftView.level(0.25)).isEqualTo("moderate");
        assertThat(FeatureShiftView.level(0.2501)).isEqualTo("major");
        assertThat(FeatureShiftView.level(3.2)).isEqualTo("major");
        assertThat(FeatureShiftView.level(Double.NaN)).isNull();
    }

    @Test
    void listsTheFifteenLargestShiftsButCountsEveryMajorOne() {
        // 20 features, PSI 0.60 down to 0.41, all major: 15 are listed, and the count includes the 5 left out.
        List<FeatureShift> shifts = IntStream.range(0, 20)
                .mapToObj(i -> new FeatureShift("f" + i, 0.6 - 0.01 * i, 0.0, 0.0, 100))
                .toList();

        PrognosticsView view = PrognosticsView.of(
                DAY, List.of(DAY), List.of(), 50, new Evaluation(2, List.of(), List.of()), shifts, List.of());

        assertThat(view.drift()).hasSize(PrognosticsView.DRIFT_FEATURES);
        assertThat(view.drift().get(0).feature()).isEqualTo("f0");
        assertThat(view.drift()).allSatisfy(shift -> assertThat(shift.level()).isEqualTo("major"));
        assertThat(view.majorDrift()).isEqualTo(20);
        assertThat(view.dailyRuns()).isEmpty();
    }
}
