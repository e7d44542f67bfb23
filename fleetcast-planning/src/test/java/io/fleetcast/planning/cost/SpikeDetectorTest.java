package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.planning.cost.SpikeDetector.Settings;
import io.fleetcast.planning.cost.SpikeDetector.Spike;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases. Day 0 of every series is a Monday, so day t is a weekend day when t % 7 is 5 or 6.
 *
 * <p>For the weekly series (weekdays w, weekends e, w &gt; e) the class's expected spend works out exactly: the median
 * of any seven consecutive days (five w, two e) is w, so the level is w and each "week around" a same weekday has
 * median w; the weekday factor is then 1 on weekdays and e / w on weekends, and the expected spend is w on weekdays
 * and e on weekends. Every relative error before a spike is 0, so the spread (1.4826 × MAD) is 0 and the 2% floor
 * applies.
 */
class SpikeDetectorTest {
    private static final SpikeDetector DETECTOR = new SpikeDetector(Settings.DEFAULT);
    /** The default settings without the 100-unit floor, so small series exercise the other rules. */
    private static final Settings NO_MINIMUM_AMOUNT = new Settings(5, 0.3, 0, 0.02);

    private static final int DAYS = 120;
    /** A Wednesday, well after the warm-up and with a full 56-day spread window before it. */
    private static final int WEDNESDAY = 72;
    /** The Saturday of the same week. */
    private static final int SATURDAY = 75;

    /** {@code days} days of {@code weekday} Monday to Friday and {@code weekend} on Saturday and Sunday. */
    private static double[] weekly(int days, double weekday, double weekend) {
        double[] daily = new double[days];
        for (int t = 0; t < days; t++) {
            daily[t] = t % 7 >= 5 ? weekend : weekday;
        }
        return daily;
    }

    @Test
    void weekendDipsAndReturnsAreExpectedNotSpikes() {
        double[] daily = weekly(DAYS, 100, 60);

        assertThat(DETECTOR.detect(daily, 0)).isEmpty();
        // Friday, Saturday, Sunday, Monday: the expected spend follows the pattern (see the class comment).
        assertThat(SpikeDetector.expected(daily, 74)).isEqualTo(100);
        assertThat(SpikeDetector.expected(daily, SATURDAY)).isCloseTo(60, within(1e-9));
        assertThat(SpikeDetector.expected(daily, 76)).isCloseTo(60, within(1e-9));
        assertThat(SpikeDetector.expected(daily, 77)).isEqualTo(100);
    }

    @Test
    void aDayAtFourTimesItsNormalSpendIsFlaggedOnThatDayOnly() {
        double[] daily = weekly(DAYS, 100, 60);
        daily[WEDNESDAY] = 400;

        // Expected 100 (a weekday), excess 300: above 100 units, above 30% of 100 and above 5 × 0.02 × 100 = 10. The
        // next three days (Thursday 100, Friday 100, Saturday 60) have median 100, back to the expected spend.
        assertThat(DETECTOR.detect(daily, 0)).containsExactly(new Spike(WEDNESDAY, 400, 100, 0.02, false));
        assertThat(DETECTOR.detect(daily, 0).get(0).excess()).isEqualTo(300);
        // Days before `from` are not judged.
        assertThat(DETECTOR.detect(daily, WEDNESDAY + 1)).isEmpty();
        assertThat(DETECTOR.detect(daily, WEDNESDAY)).hasSize(1);
    }

    @Test
    void aWeekendSpikeIsMeasuredAgainstTheWeekendsNormalSpend() {
        double[] daily = weekly(DAYS, 100, 60);
        daily[SATURDAY] = 240;

        // Expected 100 × 0.6 = 60, excess 180; the next three days (Sunday 60, Monday 100, Tuesday 100) have median
        // 100, and 100 - 60 = 40 is within half the excess (90).
        List<Spike> spikes = DETECTOR.detect(daily, 0);
        assertThat(spikes).hasSize(1);
        Spike spike = spikes.get(0);
        assertThat(spike.day()).isEqualTo(SATURDAY);
        assertThat(spike.amount()).isEqualTo(240);
        assertThat(spike.expected()).isCloseTo(60, within(1e-9));
        assertThat(spike.excess()).isCloseTo(180, within(1e-9));
        assertThat(spike.provisional()).isFalse();
    }

    @Test
    void aLevelShiftThatStaysIsNotASpike() {
        // DEFAULT's 100-unit floor would hide a 60-unit excess whatever the settling rule did, so it is lifted here.
        SpikeDetector detector = new SpikeDetector(NO_MINIMUM_AMOUNT);
        double[] shifted = new double[DAYS];
        Arrays.fill(shifted, 0, 60, 100);
        Arrays.fill(shifted, 60, DAYS, 160);

        // Days 60 to 63 are expected at 100 (the seven days before hold at most three 160s, median 100) and exceed it
        // by 60, but the three days after each stay at 160: 160 - 100 = 60 > 30, half the excess. From day 64 on the
        // level is 160 and there is no excess.
        assertThat(detector.detect(shifted, 0)).isEmpty();

        // The same jump on day 60 alone is a spike: the days after are back at 100.
        double[] oneDay = new double[DAYS];
        Arrays.fill(oneDay, 100);
        oneDay[60] = 160;
        assertThat(detector.detect(oneDay, 0)).containsExactly(new Spike(60, 160, 100, 0.02, false));
    }

    @Test
    void aSpikeWithFewerThanThreeDaysAfterItIsProvisional() {
        double[] lastDay = weekly(DAYS, 100, 60);
        lastDay[DAYS - 1] = 400; // day 119, a Monday
        assertThat(DETECTOR.detect(lastDay, 0)).containsExactly(new Spike(DAYS - 1, 400, 100, 0.02, true));

        // Day 116, a Friday, has exactly three days after it (Saturday 60, Sunday 60, Monday 100; median 60).
        double[] threeDaysBefore = weekly(DAYS, 100, 60);
        threeDaysBefore[DAYS - 4] = 400;
        assertThat(DETECTOR.detect(threeDaysBefore, 0)).containsExactly(new Spike(DAYS - 4, 400, 100, 0.02, false));
    }

    @Test
    void anExcessBelowTheMinimumAmountIsNotFlagged() {
        double[] small = weekly(DAYS, 10, 6);
        small[WEDNESDAY] = 40;

        // Expected 10, excess 30: four times the day's spend but below DEFAULT's 100 units.
        assertThat(DETECTOR.detect(small, 0)).isEmpty();
        // The excess must exceed the minimum amount: 29 lets it through, 30 does not.
        assertThat(new SpikeDetector(new Settings(5, 0.3, 29, 0.02)).detect(small, 0))
                .containsExactly(new Spike(WEDNESDAY, 40, 10, 0.02, false));
        assertThat(new SpikeDetector(new Settings(5, 0.3, 30, 0.02)).detect(small, 0))
                .isEmpty();
    }

    @Test
    void settingsRefuseNonPositiveThresholds() {
        assertThatThrownBy(() -> new Settings(0, 0.3, 100, 0.02))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the anomaly threshold and spread must be positive: 0.0, 0.02");
        assertThatThrownBy(() -> new Settings(5, 0.3, -1, 0.02))
                .hasMessage("the smallest anomaly must not be negative: 0.3 of the expected spend, -1.0");
        assertThatThrownBy(() -> new Settings(-1, 0.3, 100, 0.02)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(Double.NaN, 0.3, 100, 0.02)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(5, -0.1, 100, 0.02)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(5, 0.3, -1, 0.02)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(5, 0.3, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        // No relative or absolute floor is a valid choice.
        assertThat(new Settings(5, 0, 0, 0.02).minimumAmount()).isZero();
    }

    @Test
    void aLevelShiftOnAWeeklySeriesIsNotASpikeWhateverDayItStarts() {
        // Weekdays 1000, weekends 600, times 1.6 from day `start` on. The first shifted weekday's expected spend is
        // still 1000, but the next days stay 60% above their own expected spend (a weekend's 600 became 960), so the
        // excess stayed: not a spike.
        for (int start = 63; start < 70; start++) {
            double[] daily = weekly(DAYS, 1000, 600);
            for (int t = start; t < DAYS; t++) {
                daily[t] *= 1.6;
            }
            assertThat(DETECTOR.detect(daily, 0)).as("shift from day %d", start).isEmpty();
        }
    }

    @Test
    void aSundaySpikeIsJudgedAgainstTheWeekdaysAfterItsOwnExpectedSpend() {
        double[] daily = weekly(DAYS, 1000, 600);
        daily[76] = 1100;

        // Sunday: expected 600, excess 500 (83%). Monday to Wednesday spend 1000, exactly their expected spend, so the
        // excess fell back: a spike, although those days spend more than the Sunday's expected 600.
        assertThat(DETECTOR.detect(daily, 0)).containsExactly(new Spike(76, 1100, 600, 0.02, false));
    }

    @Test
    void expectedNeedsTheWarmUpDaysBeforeIt() {
        double[] daily = weekly(DAYS, 100, 60);

        assertThatThrownBy(() -> SpikeDetector.expected(daily, SpikeDetector.WARM_UP_DAYS - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("day 34 has fewer than 35 days before it");
        // Day 34 is not judged, however large.
        double[] tooShort = Arrays.copyOf(daily, SpikeDetector.WARM_UP_DAYS);
        tooShort[SpikeDetector.WARM_UP_DAYS - 1] = 10_000;
        assertThat(DETECTOR.detect(tooShort, 0)).isEmpty();
    }
}
