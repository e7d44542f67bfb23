package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SKU refresh on cases worked by hand. */
class SkuRefreshTest {
    private static final double MONTH = OnPremCostModel.DAYS_PER_MONTH;

    /** 32 cores, 256 GiB, 2 TB; 10,000 over 48 months; 1,000 W. */
    private static final OnPremCostModel.OwnedSku OLD =
            new OnPremCostModel.OwnedSku("old", 32, 256, 2, 10_000, 48, 1000);
    /** 128 cores, 512 GiB, 8 TB; 12,000 over 48 months; 400 W. */
    private static final OnPremCostModel.OwnedSku NEW =
            new OnPremCostModel.OwnedSku("new", 128, 512, 8, 12_000, 48, 400);
    /** 16 cores, 128 GiB, 200 TB: cheap per server but holds few cores. */
    private static final OnPremCostModel.OwnedSku STORAGE =
            new OnPremCostModel.OwnedSku("storage", 16, 128, 200, 9_000, 60, 300);
    /** No storage at all: cannot hold what OLD holds. */
    private static final OnPremCostModel.OwnedSku DISKLESS =
            new OnPremCostModel.OwnedSku("diskless", 256, 1024, 0, 1_000, 48, 100);

    @Test
    void oldServersDearToRunAreWorthReplacingByFewerNewOnes() {
        // Dear power: 0.30 USD/kWh, PUE 2.0; space 1 USD a server-day.
        OnPremCostModel.SiteRates dear = new OnPremCostModel.SiteRates("dear", 0.30, 2.0, 1.0, 0);
        SkuRefresh.Holding holding = new SkuRefresh.Holding(OLD, dear, 10, 4);

        SkuRefresh.Assessment assessment = SkuRefresh.assess(holding, List.of(OLD, NEW, STORAGE, DISKLESS));

        // Running an old server: 1 kW x 24 h x 2.0 x 0.30 = 14.40 USD a day + 1 USD space = 15.40 a day.
        double oldRunning = 15.40 * MONTH;
        // 10 old servers hold 320 cores (2.5 new), 2,560 GiB (5 new), 20 TB (2.5 new): 5 new servers.
        // A new server a month: 12,000 / 48 = 250 + (0.4 x 24 x 2.0 x 0.30 = 5.76 + 1) a day.
        double newMonthly = 250 + 6.76 * MONTH;
        // STORAGE needs 20 servers for the cores: 20 x (150 + (0.3 x 24 x 0.6 + 1) x MONTH) = 20 x 311.9, dearer.
        assertThat(assessment.replacement()).isEqualTo("new");
        assertThat(assessment.replacementServers()).isEqualTo(5);
        assertThat(assessment.runningMonthly()).isCloseTo(10 * oldRunning, within(1e-9));
        assertThat(assessment.replacementMonthly()).isCloseTo(5 * newMonthly, within(1e-9));
        assertThat(assessment.monthlySaving()).isCloseTo(10 * oldRunning - 5 * newMonthly, within(1e-9));
        assertThat(assessment.monthlySaving()).isCloseTo(2_408.51, within(0.01));
        assertThat(assessment.runningPerCoreMonth()).isCloseTo(oldRunning / 32, within(1e-9));
        assertThat(assessment.costPerCoreMonth()).isCloseTo((10_000.0 / 48 + oldRunning) / 32, within(1e-9));
        assertThat(assessment.explanation())
                .startsWith("10 old servers at dear (320 cores) cost 4,687.28 USD a month to run")
                .contains("4 of them still depreciate, which is sunk either way")
                .endsWith("5 new servers hold their cores, memory and storage for 2,278.77 USD a month, depreciation"
                        + " included: replacing them saves 2,408.51 USD a month");
    }

    @Test
    void whereRunningIsCheapTheNewServersPriceIsNotEarnedBack() {
        OnPremCostModel.SiteRates cheap = new OnPremCostModel.SiteRates("cheap", 0.05, 1.2, 0.5, 0);
        SkuRefresh.Assessment assessment =
                SkuRefresh.assess(new SkuRefresh.Holding(OLD, cheap, 10, 0), List.of(OLD, NEW));

        // Old: (1.44 + 0.5) a day x 10; new: 5 x (250 + (0.576 + 0.5) a day).
        assertThat(assessment.monthlySaving()).isCloseTo(19.4 * MONTH - 5 * (250 + 1.076 * MONTH), within(1e-9));
        assertThat(assessment.monthlySaving()).isNegative();
        assertThat(assessment.explanation()).contains("replacing them costs").doesNotContain("depreciate");
    }

    @Test
    void aSkuNoOtherCanHoldIsAssessedWithoutAReplacement() {
        OnPremCostModel.SiteRates site = new OnPremCostModel.SiteRates("s", 0.1, 1.5, 1, 0);
        SkuRefresh.Assessment assessment =
                SkuRefresh.assess(new SkuRefresh.Holding(OLD, site, 3, 0), List.of(OLD, DISKLESS));
        assertThat(assessment.replacement()).isNull();
        assertThat(assessment.monthlySaving()).isZero();
        assertThat(assessment.explanation())
                .endsWith("no other owned SKU holds their cores, memory and storage for less than new servers of the"
                        + " same SKU would cost");
    }

    @Test
    void aReplacementMustCostLessThanTheSameSkuBoughtAgain() {
        // 2 NEW hold 256 cores, 1,024 GiB, 16 TB: 8 OLD (5,416.46 a month) cost more than 2 NEW (911.51).
        OnPremCostModel.SiteRates dear = new OnPremCostModel.SiteRates("dear", 0.30, 2.0, 1.0, 0);
        SkuRefresh.Assessment assessment =
                SkuRefresh.assess(new SkuRefresh.Holding(NEW, dear, 2, 2), List.of(OLD, NEW));
        assertThat(assessment.replacement()).isNull();
    }

    @Test
    void assessmentsAreRankedBySavingPerCoreWithThoseNothingReplacesLast() {
        OnPremCostModel.SiteRates dear = new OnPremCostModel.SiteRates("dear", 0.30, 2.0, 1.0, 0);
        OnPremCostModel.SiteRates cheap = new OnPremCostModel.SiteRates("cheap", 0.05, 1.2, 0.5, 0);
        // Saving per core: 10 old at dear 2,408.51 / 320 = 7.53; 1 old at dear (one new holds it) 468.73 - 455.75 =
        // 12.97 / 32 = 0.41; 40 old at cheap, 20 new for their memory: 2,361.90 - 5,655.06 = -3,293.16 / 1,280 = -2.57.
        List<SkuRefresh.Assessment> ranked = SkuRefresh.assess(
                List.of(
                        new SkuRefresh.Holding(NEW, dear, 2, 2),
                        new SkuRefresh.Holding(OLD, cheap, 40, 0),
                        new SkuRefresh.Holding(OLD, dear, 1, 0),
                        new SkuRefresh.Holding(OLD, dear, 10, 0)),
                List.of(OLD, NEW));
        assertThat(ranked)
                .extracting(SkuRefresh.Assessment::servers, SkuRefresh.Assessment::site)
                .containsExactly(tuple(10, "dear"), tuple(1, "dear"), tuple(40, "cheap"), tuple(2, "dear"));
    }
}
