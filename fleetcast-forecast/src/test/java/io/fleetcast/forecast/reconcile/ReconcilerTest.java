package io.fleetcast.forecast.reconcile;

import static io.fleetcast.forecast.reconcile.TestForecasts.meansAt;
import static io.fleetcast.forecast.reconcile.TestForecasts.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers on total → a, b with base forecasts total 10, a 4, b 5 (one too many at the total, d = 1), derived by
 * hand from G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ with S = [[1, 1], [1, 0], [0, 1]]; and the errors callers can make.
 */
class ReconcilerTest {
    private static final Hierarchy TWO_CHILDREN = Hierarchy.builder()
            .root("total")
            .node("a", "total")
            .node("b", "total")
            .build();
    private static final Reconciler RECONCILER = Reconciler.of(TWO_CHILDREN);

    private static Map<String, Forecast> base() {
        return ImmutableMap.of("total", normal(2, 10, 20), "a", normal(1, 4, 8), "b", normal(1, 5, 10));
    }

    /** Uncorrelated residuals with mean squares 4, 1, 1 (rows of a Hadamard matrix): λ = 1 and W = diag(4, 1, 1). */
    private static Residuals uncorrelated() {
        return Residuals.ofColumns(ImmutableMap.of(
                "total", new double[] {2, 2, 2, 2},
                "a", new double[] {1, -1, 1, -1},
                "b", new double[] {1, 1, -1, -1}));
    }

    @Test
    void bottomUpAddsUpTheChildren() {
        Reconciliation reconciliation = RECONCILER.reconcile(ReconciliationMethod.BOTTOM_UP, base());

        assertThat(meansAt(reconciliation, 0)).containsExactly(9, 4, 5);
        assertThat(meansAt(reconciliation, 1)).containsExactly(18, 8, 10);
        // Without residuals bottom-up keeps every node's own interval width.
        assertThat(reconciliation.standardDeviationRatios().values()).containsOnly(1.0);
        Forecast total = reconciliation.forecast("total");
        assertThat(total.upper95()[0] - total.mean(0)).isCloseTo(Forecast.Z95 * 2, within(1e-12));
    }

    /** OLS: (Sᵀ S)⁻¹ = [[2, −1], [−1, 2]] / 3, so a = (T + 2a − b) / 3, b = (T + 2b − a) / 3. */
    @Test
    void olsSplitsTheIncoherenceEquallyOverTheThreeNodes() {
        Reconciliation reconciliation = RECONCILER.reconcile(ReconciliationMethod.OLS, base());

        assertThat(meansAt(reconciliation, 0))
                .containsExactly(new double[] {29.0 / 3, 13.0 / 3, 16.0 / 3}, within(1e-12));
        // S G = [[2, 1, 1], [1, 2, −1], [1, −1, 2]] / 3 against Λ = diag(2, 1, 1): ρ² = (10/9) / 2 and 7/9.
        assertThat(reconciliation.standardDeviationRatios().get("total")).isCloseTo(Math.sqrt(5.0 / 9), within(1e-12));
        assertThat(reconciliation.standardDeviationRatios().get("a")).isCloseTo(Math.sqrt(7.0 / 9), within(1e-12));
        Forecast a = reconciliation.forecast("a");
        assertThat(a.upper80()[0] - a.mean(0)).isCloseTo(Forecast.Z80 * Math.sqrt(7.0 / 9), within(1e-12));
        assertThat(a.mean(0) - a.lower95()[0]).isCloseTo(Forecast.Z95 * Math.sqrt(7.0 / 9), within(1e-12));
    }

    /** WLS with Λ = diag(2, 1, 1): (Sᵀ Λ⁻¹ S)⁻¹ = [[3, −1], [−1, 3]] / 4, so the total takes −d/2, each child +d/4. */
    @Test
    void structuralScalingMovesTheTotalTwiceAsMuchAsEachChild() {
        Reconciliation reconciliation = RECONCILER.reconcile(ReconciliationMethod.WLS_STRUCTURAL, base());

        assertThat(meansAt(reconciliation, 0)).containsExactly(new double[] {9.5, 4.25, 5.25}, within(1e-12));
        // S G = [[1, 1, 1], [1, 3, −1], [1, −1, 3]] / 4 against Λ: ρ² = 1/2 for the total, 3/4 for a child.
        assertThat(reconciliation.standardDeviationRatios().get("total")).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(reconciliation.standardDeviationRatios().get("b")).isCloseTo(Math.sqrt(0.75), within(1e-12));
    }

    /** Uncorrelated residuals leave MinT nothing to shrink: it is WLS with W = diag(4, 1, 1), total −2d/3, children +d/6. */
    @Test
    void minTWithUncorrelatedResidualsWeighsByTheirVariances() {
        Reconciliation reconciliation = RECONCILER.reconcile(ReconciliationMethod.MINT_SHRINK, base(), uncorrelated());

        assertThat(reconciliation.method()).isEqualTo(ReconciliationMethod.MINT_SHRINK);
        assertThat(reconciliation.fallbackReason()).isEmpty();
        assertThat(reconciliation.shrinkageIntensity()).hasValue(1.0);
        assertThat(meansAt(reconciliation, 0))
                .containsExactly(new double[] {28.0 / 3, 25.0 / 6, 31.0 / 6}, within(1e-12));
        assertThat(reconciliation.forecast("a").provenance().model()).isEqualTo("Test reconciled by MinT shrink");
        assertThat(reconciliation.forecast("a").provenance().parameters()).containsEntry("shrinkageLambda", 1.0);
        Reconciliation wls = RECONCILER.reconcile(ReconciliationMethod.WLS_VARIANCE, base(), uncorrelated());
        assertThat(meansAt(wls, 1)).containsExactly(meansAt(reconciliation, 1), within(1e-12));
    }

    @Test
    void minTWithOneRowOfResidualsFallsBackToWlsAndSaysWhy() {
        Residuals oneRow = Residuals.of(List.of("total", "a", "b"), new double[][] {{2, 1, 1}});

        Reconciliation reconciliation = RECONCILER.reconcile(ReconciliationMethod.MINT_SHRINK, base(), oneRow);

        assertThat(reconciliation.requestedMethod()).isEqualTo(ReconciliationMethod.MINT_SHRINK);
        assertThat(reconciliation.method()).isEqualTo(ReconciliationMethod.WLS_VARIANCE);
        assertThat(reconciliation.fallbackReason())
                .contains("1 row of residuals is too few to estimate the shrinkage intensity (it needs 2); reconciled"
                        + " by WLS with the residual variances instead");
        assertThat(reconciliation.shrinkageIntensity()).isEmpty();
        // W = diag(4, 1, 1) again.
        assertThat(meansAt(reconciliation, 0))
                .containsExactly(new double[] {28.0 / 3, 25.0 / 6, 31.0 / 6}, within(1e-12));
    }

    @Test
    void minTFallsBackWhenTheShrunkCovarianceIsSingular() {
        // Perfectly correlated errors: every product is constant, so λ = 0 and W is the rank-one sample covariance.
        Residuals singular = Residuals.of(List.of("total", "a", "b"), new double[][] {{2, 1, 1}, {-2, -1, -1}});

        Reconciliation reconciliation = RECONCILER.reconcile(ReconciliationMethod.MINT_SHRINK, base(), singular);

        assertThat(reconciliation.method()).isEqualTo(ReconciliationMethod.WLS_VARIANCE);
        assertThat(reconciliation.shrinkageIntensity()).hasValue(0.0);
        assertThat(reconciliation.fallbackReason())
                .contains("the shrunk covariance of the residuals is not positive definite (λ = 0.000, 2 rows for 3"
                        + " nodes); reconciled by WLS with the residual variances instead");
        assertThat(meansAt(reconciliation, 0))
                .containsExactly(new double[] {28.0 / 3, 25.0 / 6, 31.0 / 6}, within(1e-12));
    }

    @Test
    void rejectsMethodsThatNeedResidualsWithoutThem() {
        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.MINT_SHRINK, base()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MinT shrink reconciliation needs the in-sample residuals of every node");
        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.WLS_VARIANCE, base()))
                .hasMessage("WLS variance reconciliation needs the in-sample residuals of every node");
    }

    @Test
    void rejectsAMissingBaseForecast() {
        Map<String, Forecast> missing = ImmutableMap.of("total", normal(1, 10), "a", normal(1, 4));

        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.OLS, missing))
                .hasMessage("node \"b\" has no base forecast; every node needs one");
    }

    @Test
    void rejectsABaseForecastOutsideTheHierarchy() {
        Map<String, Forecast> extra = ImmutableMap.<String, Forecast>builder()
                .putAll(base())
                .put("c", normal(1, 1, 1))
                .buildOrThrow();

        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.OLS, extra))
                .hasMessage("there is a base forecast for \"c\", which is not a node of the hierarchy");
    }

    @Test
    void rejectsDifferentHorizons() {
        Map<String, Forecast> ragged =
                ImmutableMap.of("total", normal(1, 10, 20), "a", normal(1, 4), "b", normal(1, 5));

        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.BOTTOM_UP, ragged))
                .hasMessage("the base forecast of \"a\" has 1 steps but that of \"total\" has 2; all need the same"
                        + " horizon");
    }

    @Test
    void rejectsANonFiniteBaseMean() {
        Map<String, Forecast> notANumber =
                ImmutableMap.of("total", normal(1, 10), "a", normal(1, Double.NaN), "b", normal(1, 5));

        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.OLS, notANumber))
                .hasMessage("the base forecast of \"a\" has mean NaN at step 1; it must be a finite number");
    }

    @Test
    void rejectsResidualsThatDoNotMatchTheHierarchy() {
        Residuals missingB =
                Residuals.ofColumns(ImmutableMap.of("total", new double[] {1, 2}, "a", new double[] {1, 1}));
        Residuals extraC = Residuals.ofColumns(ImmutableMap.of(
                "total", new double[] {1, 2},
                "a", new double[] {1, 1},
                "b", new double[] {1, 1},
                "c", new double[] {1, 1}));
        Residuals zeroA = Residuals.ofColumns(
                ImmutableMap.of("total", new double[] {1, 2}, "a", new double[] {0, 0}, "b", new double[] {1, 1}));

        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.MINT_SHRINK, base(), missingB))
                .hasMessage("node \"b\" has no residuals; every node needs them");
        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.MINT_SHRINK, base(), extraC))
                .hasMessage("there are residuals for \"c\", which is not a node of the hierarchy");
        assertThatThrownBy(() -> RECONCILER.reconcile(ReconciliationMethod.MINT_SHRINK, base(), zeroA))
                .hasMessage("the in-sample errors of node \"a\" are all zero; its error variance must be positive");
    }

    @Test
    void residualsRejectMalformedMatrices() {
        assertThatThrownBy(() -> Residuals.of(List.of("a", "b"), new double[0][]))
                .hasMessage("residuals need at least one row");
        assertThatThrownBy(() -> Residuals.of(List.of("a", "b"), new double[][] {{1, 2}, {3}}))
                .hasMessage("residual row 2 has 1 values; expected one per node, 2");
        assertThatThrownBy(() -> Residuals.of(List.of("a", "a"), new double[][] {{1, 2}}))
                .hasMessage("residuals name node \"a\" twice");
        assertThatThrownBy(() -> Residuals.of(List.of("a", "b"), new double[][] {{1, 2}, {Double.NaN, 1}}))
                .hasMessage("residual 2 of node \"a\" is NaN; every residual must be a finite number");
        assertThatThrownBy(() -> Residuals.ofColumns(ImmutableMap.of("a", new double[] {1, 2}, "b", new double[] {1})))
                .hasMessage("node \"b\" has 1 residuals but the others have 2; every node needs the same periods");
    }
}
