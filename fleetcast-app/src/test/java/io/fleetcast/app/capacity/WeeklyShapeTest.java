package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeeklyShapeTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

    /** The fleet simulator's batch week, Monday first: busier at weekends. */
    private static final double[] BATCH = {0.97, 0.97, 0.97, 0.97, 0.98, 1.07, 1.07};

    /** Its cache week: quieter at weekends. */
    private static final double[] CACHE = {1.02, 1.02, 1.02, 1.02, 1.01, 0.95, 0.96};

    /** Without noise the shape is each weekday's log ratio to the week's mean, whatever the trend and level. */
    @Test
    void aNoiseFreeWeekIsEachDaysLogRatioToTheWeeksMean() {
        WeeklyShape shape = requireNonNull(WeeklyShape.of(series(FIRST, BATCH, 300, 0.5, 0, new Random(1)), FIRST));

        double mean = 0;
        for (double day : BATCH) {
            mean += day / 7;
        }
        for (DayOfWeek weekday : DayOfWeek.values()) {
            int d = weekday.getValue() - 1;
            assertThat(shape.mean()[d]).isCloseTo(Math.log(BATCH[d] / mean), within(2e-4));
        }
    }

    @Test
    void fewerThanTwoWeeksOrANonPositiveDayMeasureNoShape() {
        assertThat(WeeklyShape.of(series(FIRST, BATCH, 19, 0, 0, new Random(1)), FIRST))
                .isNull();
        assertThat(WeeklyShape.of(series(FIRST, BATCH, 20, 0, 0, new Random(1)), FIRST))
                .isNotNull();
        double[] zero = series(FIRST, BATCH, 100, 0, 0, new Random(1));
        zero[90] = 0;
        assertThat(WeeklyShape.of(zero, FIRST)).isNull();
    }

    /**
     * Two measurements of one week (AR(1) noise of 2%, φ = 0.7, as the simulator's caches) are about χ² with 7 degrees
     * of freedom apart, and beyond its 99.9% point 1.0% of the time (its noise is not independent across a week); a
     * batch week and a cache week always are, even two weeks long.
     */
    @Test
    void oneWeekMeasuredTwiceIsAlikeAndUnlikeWeeksAreNot() {
        Random random = new Random(7);
        double threshold = WeeklyShape.alikeWithin(1);
        int pairs = 2000;
        int beyond = 0;
        double total = 0;
        for (int k = 0; k < pairs; k++) {
            WeeklyShape a = requireNonNull(WeeklyShape.of(series(FIRST, CACHE, 200, 0.3, 0.02, random), FIRST));
            LocalDate later = FIRST.plusDays(k % 7);
            WeeklyShape b = requireNonNull(WeeklyShape.of(series(later, CACHE, 60, 0.1, 0.02, random), later));
            double distance = a.distance(b);
            total += distance / pairs;
            beyond += distance > threshold ? 1 : 0;
            WeeklyShape batch = requireNonNull(WeeklyShape.of(series(later, BATCH, 20, 0.3, 0.02, random), later));
            assertThat(batch.distance(b)).isGreaterThan(threshold);
        }
        // 7.2 and 19 of 2,000.
        assertThat(total).isBetween(6.5, 8.0);
        assertThat(beyond).isLessThan(pairs / 60);
    }

    @Test
    void oneShapeIsWithinTheChiSquaredTables999Point() {
        // 99.9% points of χ² with 7, 14 and 21 degrees of freedom, from the table.
        assertThat(WeeklyShape.alikeWithin(1)).isCloseTo(24.322, within(0.01 * 24.322));
        assertThat(WeeklyShape.alikeWithin(2)).isCloseTo(36.123, within(0.01 * 36.123));
        assertThat(WeeklyShape.alikeWithin(3)).isCloseTo(46.797, within(0.01 * 46.797));
    }

    /**
     * {@code days} of a series starting on {@code first}, the week {@code week} (Monday first), growing {@code growth}
     * a year, with AR(1) noise (φ = 0.7, {@code noise}).
     */
    private static double[] series(
            LocalDate first, double[] week, int days, double growth, double noise, Random random) {
        double[] used = new double[days];
        double error = 0;
        for (int t = 0; t < days; t++) {
            error = 0.7 * error + noise * random.nextGaussian();
            int weekday = first.plusDays(t).getDayOfWeek().getValue() - 1;
            used[t] = 100 * Math.exp(growth * t / 365.25 + error) * week[weekday];
        }
        return used;
    }
}
