package io.fleetcast.forecast.adjust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustedForecastTest {
    /** 100 at every step, 95% interval 80..120, 80% interval 90..110. */
    static Forecast flat(int horizon) {
        double[] mean = new double[horizon];
        double[] errors = new double[horizon];
        Arrays.fill(mean, 100);
        Arrays.fill(errors, 20 / Forecast.Z95);
        return Forecast.normal(new Provenance("Flat", ImmutableMap.of(), 10), mean, errors);
    }

    static Adjustment adjustment(String id, Adjustment.Kind kind, int from, int to, double value, String time) {
        return new Adjustment(id, kind, from, to, value, "maria.garcia", "planned launch", Instant.parse(time));
    }

    @Test
    void appliesInTheOrderMadeAndKeepsTheStatisticalForecastApart() {
        List<Adjustment> adjustments = List.of(
                adjustment("B", Adjustment.Kind.MULTIPLY, 2, 3, 1.5, "2026-11-02T00:00:00Z"),
                adjustment("A", Adjustment.Kind.ADD, 1, 2, 10, "2026-11-01T00:00:00Z"),
                adjustment("C", Adjustment.Kind.STEP, 4, 0, 30, "2026-11-03T00:00:00Z"),
                adjustment("D", Adjustment.Kind.OVERRIDE, 6, 6, 50, "2026-11-04T00:00:00Z"));

        AdjustedForecast result = AdjustedForecast.apply(flat(8), adjustments);

        // Step 2: +10 first (made first), then x1.5.
        assertThat(result.adjusted().mean())
                .containsExactly(new double[] {100, 110, 165, 150, 130, 130, 50, 130}, within(1e-9));
        assertThat(result.statistical().mean()).containsOnly(100.0);
        assertThat(result.adjusted().upper95()[2]).isCloseTo((120 + 10) * 1.5, within(1e-9));
        assertThat(result.adjusted().lower95()[6]).isCloseTo(30, within(1e-9));
        assertThat(result.adjustmentsAt(2)).extracting(Adjustment::id).containsExactly("A", "B");
        assertThat(result.adjustments()).extracting(Adjustment::id).containsExactly("A", "B", "C", "D");
    }

    @Test
    void badAdjustmentsSayWhy() {
        assertThatThrownBy(() -> adjustment("X", Adjustment.Kind.MULTIPLY, 0, 1, 0, "2026-11-01T00:00:00Z"))
                .hasMessage("adjustment X: a factor must be positive, got 0.0");
        assertThatThrownBy(() -> adjustment("Y", Adjustment.Kind.ADD, 3, 1, 5, "2026-11-01T00:00:00Z"))
                .hasMessage("adjustment Y: the range ends (step 1) before it starts (step 3)");
    }
}
