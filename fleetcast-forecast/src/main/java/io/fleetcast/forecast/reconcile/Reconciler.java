package io.fleetcast.forecast.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.linear.Cholesky;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles base forecasts of every node of a {@link Hierarchy} or a {@link GroupedHierarchy} into coherent ones: every
 * aggregate equals the sum of the bottom series under it at every step. Immutable; one instance serves any number of reconciliations of its hierarchy.
 *
 * <p><b>Means.</b> At every step h the vector of base means ŷₕ (one per node, in node order) becomes ỹₕ = S G ŷₕ,
 * with G as {@link ReconciliationMethod} describes (Wickramasuriya, Athanasopoulos and Hyndman, 2019, who call it P; G =
 * (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ for OLS, WLS and MinT, their Theorem 1). The aggregates are then added up from the reconciled
 * bottom series ({@link Aggregation#addUp}): in a tree every parent is the floating-point sum of its children.
 *
 * <p><b>Intervals.</b> If the base errors at step h have covariance Wₕ, the reconciled ones have S G Wₕ Gᵀ Sᵀ (their
 * Lemma 1). We follow the paper's working assumption Wₕ = kₕ Ŵ, with Ŵ the best estimate of the base errors' covariance at
 * hand: the shrunk covariance of the residuals when residuals are given (for every method, bottom-up included), and
 * otherwise the structural Λ = diag(S 1), which takes the bottom series' errors as independent with equal variance and
 * each aggregate's variance as the sum of theirs. Then every node's reconciled variance is its base variance times
 * ρᵢ² = (S G Ŵ Gᵀ Sᵀ)ᵢᵢ / Ŵᵢᵢ, whatever kₕ is; so each interval keeps the width its base model gave it at every step,
 * scaled by ρᵢ, and moves to the reconciled mean: lower = ỹ − ρᵢ (ŷ − base lower), upper = ỹ + ρᵢ (base upper − ŷ),
 * for 80% and 95% alike (asymmetric base intervals stay asymmetric).
 *
 * <p>Why not add up the bottom series' variances for bottom-up? That assumes independent bottom errors, and those of
 * series that share demand are usually positively correlated: the total's interval would come out too narrow. Without
 * residuals bottom-up keeps every node's own base interval (ρ = 1); with residuals it uses their correlations. For
 * MinT, Ŵ is its own W and ρ ≤ 1: reconciliation never widens an interval. The ratios are in {@link
 * Reconciliation#standardDeviationRatios()}.
 *
 * <p><b>Residuals.</b> {@link ReconciliationMethod#WLS_VARIANCE} and {@link ReconciliationMethod#MINT_SHRINK} need
 * the in-sample one-step errors of every node ({@link Residuals}), which also inform the intervals of the other methods.
 * MinT needs at least 2 rows to estimate the shrinkage intensity; with a single row, or when the shrunk covariance is
 * not positive definite (λ = 0 with fewer rows than nodes), it falls back to WLS with the residual variances and says
 * why in {@link Reconciliation#fallbackReason()}. Fewer rows than nodes are fine otherwise: that is what shrinkage is
 * for.
 */
public final class Reconciler {
    private static final int MIN_ROWS_FOR_SHRINKAGE = 2;

    private final Aggregation hierarchy;
    private final double[][] summing;
    private final double[] structuralScale;

    private Reconciler(Aggregation hierarchy) {
        this.hierarchy = requireNonNull(hierarchy, "hierarchy is null");
        this.summing = hierarchy.summingMatrix();
        this.structuralScale = new double[summing.length];
        for (int i = 0; i < summing.length; i++) {
            for (double entry : summing[i]) {
                structuralScale[i] += entry;
            }
        }
    }

    /** A reconciler for {@code hierarchy}: one tree, or several crossed ({@link GroupedHierarchy}). */
    public static Reconciler of(Aggregation hierarchy) {
        return new Reconciler(hierarchy);
    }

    public Aggregation hierarchy() {
        return hierarchy;
    }

    /**
     * Reconciles {@code baseForecasts} with a method that needs no residuals; the intervals take the bottom series'
     * errors as independent with equal variance (see the class comment).
     *
     * @param baseForecasts one forecast per node of the hierarchy, all with the same horizon (at least one step)
     * @throws IllegalArgumentException when {@code method} needs residuals, a node has no base forecast, a forecast is
     *     for a node outside the hierarchy, horizons differ, or a base mean or bound is not finite (naming the node)
     */
    public Reconciliation reconcile(ReconciliationMethod method, Map<String, Forecast> baseForecasts) {
        return run(method, baseForecasts, null);
    }

    /**
     * Reconciles {@code baseForecasts}, estimating the covariance of the base errors from {@code residuals}.
     *
     * @param baseForecasts one forecast per node of the hierarchy, all with the same horizon (at least one step)
     * @param residuals in-sample one-step errors of every node of the hierarchy (and no other)
     * @throws IllegalArgumentException as {@link #reconcile(ReconciliationMethod, Map)}, and when a node has no
     *     residuals, residuals name a node outside the hierarchy, or a node's residuals are all zero
     */
    public Reconciliation reconcile(
            ReconciliationMethod method, Map<String, Forecast> baseForecasts, Residuals residuals) {
        return run(method, baseForecasts, requireNonNull(residuals, "residuals is null"));
    }

    /** What a method chose: G, the error covariance Ŵ the intervals assume, and the method actually used. */
    private static final class Weights {
        final ReconciliationMethod method;
        final double[][] g;
        final double[][] errorCovariance;
        final Optional<String> fallbackReason;

        Weights(
                ReconciliationMethod method,
                double[][] g,
                double[][] errorCovariance,
                Optional<String> fallbackReason) {
            this.method = method;
            this.g = g;
            this.errorCovariance = errorCovariance;
            this.fallbackReason = fallbackReason;
        }
    }

    private Reconciliation run(
            ReconciliationMethod method, Map<String, Forecast> baseForecasts, @Nullable Residuals residuals) {
        requireNonNull(method, "method is null");
        Forecast[] base = inNodeOrder(baseForecasts);
        OptionalDouble lambda = OptionalDouble.empty();
        Weights weights;
        if (residuals == null) {
            weights = weightsWithoutResiduals(method);
        } else {
            double[][] errors = inNodeOrder(residuals);
            double[] variances = ShrinkageCovariance.rootMeanSquares(hierarchy.nodes(), errors);
            for (int i = 0; i < variances.length; i++) {
                variances[i] *= variances[i];
            }
            double[][] covariance;
            if (residuals.rows() >= MIN_ROWS_FOR_SHRINKAGE) {
                ShrinkageCovariance shrunk = ShrinkageCovariance.estimate(hierarchy.nodes(), errors);
                lambda = OptionalDouble.of(shrunk.lambda());
                covariance = shrunk.covariance();
            } else {
                covariance = diagonal(variances);
            }
            weights = weightsWithResiduals(method, variances, covariance, residuals.rows(), lambda);
        }
        double[] ratios = standardDeviationRatios(weights.g, weights.errorCovariance);
        return new Reconciliation(
                method,
                weights.method,
                reconciledForecasts(base, weights, ratios, lambda),
                namedByNode(ratios),
                lambda,
                weights.fallbackReason);
    }

    private Weights weightsWithoutResiduals(ReconciliationMethod method) {
        double[][] structural = diagonal(structuralScale);
        return switch (method) {
            case BOTTOM_UP -> new Weights(method, bottomUp(), structural, Optional.empty());
            case OLS -> new Weights(method, projection(ones(summing.length)), structural, Optional.empty());
            case WLS_STRUCTURAL -> new Weights(method, projection(structuralScale), structural, Optional.empty());
            case WLS_VARIANCE, MINT_SHRINK ->
                throw new IllegalArgumentException(
                        method.label() + " reconciliation needs the in-sample residuals of every node");
        };
    }

    private Weights weightsWithResiduals(
            ReconciliationMethod method, double[] variances, double[][] covariance, int rows, OptionalDouble lambda) {
        return switch (method) {
            case BOTTOM_UP -> new Weights(method, bottomUp(), covariance, Optional.empty());
            case OLS -> new Weights(method, projection(ones(summing.length)), covariance, Optional.empty());
            case WLS_STRUCTURAL -> new Weights(method, projection(structuralScale), covariance, Optional.empty());
            case WLS_VARIANCE -> new Weights(method, projection(variances), covariance, Optional.empty());
            case MINT_SHRINK -> {
                String fallback;
                if (lambda.isPresent()) {
                    Optional<double[][]> g = projection(covariance);
                    if (g.isPresent()) {
                        yield new Weights(method, g.orElseThrow(), covariance, Optional.empty());
                    }
                    fallback = String.format(
                            Locale.ROOT,
                            "the shrunk covariance of the residuals is not positive definite (λ = %.4g, %d rows for %d"
                                    + " nodes)",
                            lambda.orElseThrow(),
                            rows,
                            summing.length);
                } else {
                    fallback = String.format(
                            Locale.ROOT,
                            "%d row of residuals is too few to estimate the shrinkage intensity (it needs %d)",
                            rows,
                            MIN_ROWS_FOR_SHRINKAGE);
                }
                yield new Weights(
                        ReconciliationMethod.WLS_VARIANCE,
                        projection(variances),
                        covariance,
                        Optional.of(fallback + "; reconciled by WLS with the residual variances instead"));
            }
        };
    }

    /** G for bottom-up, m × n: picks the bottom series, which come last in node order. */
    private double[][] bottomUp() {
        int n = summing.length;
        int m = hierarchy.bottomCount();
        double[][] g = new double[m][n];
        for (int j = 0; j < m; j++) {
            g[j][n - m + j] = 1;
        }
        return g;
    }

    /** G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ for W = diag({@code w}), every entry positive. */
    private double[][] projection(double[] w) {
        double[][] wInverseS = new double[summing.length][];
        for (int i = 0; i < summing.length; i++) {
            wInverseS[i] = summing[i].clone();
            for (int j = 0; j < wInverseS[i].length; j++) {
                wInverseS[i][j] /= w[i];
            }
        }
        return projectionFrom(wInverseS)
                .orElseThrow(() -> new IllegalStateException(
                        "Sᵀ W⁻¹ S is not positive definite for a diagonal W > 0; S must have lost a column"));
    }

    /** G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹, or empty when W (symmetric) is not positive definite. */
    private Optional<double[][]> projection(double[][] w) {
        return Cholesky.decompose(w).flatMap(cholesky -> projectionFrom(cholesky.solve(summing)));
    }

    /** G = (Sᵀ X)⁻¹ Xᵀ for X = W⁻¹ S (so Xᵀ = Sᵀ W⁻¹, W being symmetric). */
    private Optional<double[][]> projectionFrom(double[][] wInverseS) {
        int n = summing.length;
        int m = hierarchy.bottomCount();
        double[][] normal = new double[m][m];
        double[][] wInverseSTransposed = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < m; p++) {
                wInverseSTransposed[p][i] = wInverseS[i][p];
                if (summing[i][p] != 0) {
                    for (int q = 0; q < m; q++) {
                        normal[p][q] += summing[i][p] * wInverseS[i][q];
                    }
                }
            }
        }
        return Cholesky.decompose(normal).map(cholesky -> cholesky.solve(wInverseSTransposed));
    }

    /** ρᵢ = √((S G C Gᵀ Sᵀ)ᵢᵢ / Cᵢᵢ) for the error covariance C. */
    private double[] standardDeviationRatios(double[][] g, double[][] covariance) {
        int n = summing.length;
        int m = g.length;
        double[] ratios = new double[n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            // row = (S G)ᵢ, the weights node i's reconciled forecast gives every base forecast.
            Arrays.fill(row, 0);
            for (int j = 0; j < m; j++) {
                if (summing[i][j] != 0) {
                    for (int k = 0; k < n; k++) {
                        row[k] += summing[i][j] * g[j][k];
                    }
                }
            }
            double variance = 0;
            for (int k = 0; k < n; k++) {
                if (row[k] != 0) {
                    double covarianceTimesRow = 0;
                    for (int l = 0; l < n; l++) {
                        covarianceTimesRow += covariance[k][l] * row[l];
                    }
                    variance += row[k] * covarianceTimesRow;
                }
            }
            ratios[i] = Math.sqrt(Math.max(0, variance) / covariance[i][i]);
        }
        return ratios;
    }

    private ImmutableMap<String, Forecast> reconciledForecasts(
            Forecast[] base, Weights weights, double[] ratios, OptionalDouble lambda) {
        int n = base.length;
        int m = hierarchy.bottomCount();
        int horizon = base[0].horizon();
        double[][] baseMeans = new double[n][];
        for (int i = 0; i < n; i++) {
            baseMeans[i] = base[i].mean();
        }
        double[][] means = new double[n][horizon];
        double[] values = new double[n];
        for (int step = 0; step < horizon; step++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += weights.g[j][k] * baseMeans[k][step];
                }
                values[n - m + j] = sum;
            }
            hierarchy.addUp(values);
            for (int i = 0; i < n; i++) {
                means[i][step] = values[i];
            }
        }
        ImmutableMap.Builder<String, Forecast> forecasts = ImmutableMap.builder();
        for (int i = 0; i < n; i++) {
            forecasts.put(
                    hierarchy.nodes().get(i), reconciledForecast(base[i], means[i], ratios[i], weights.method, lambda));
        }
        return forecasts.buildOrThrow();
    }

    private static Forecast reconciledForecast(
            Forecast base, double[] mean, double ratio, ReconciliationMethod method, OptionalDouble lambda) {
        double[] baseMean = base.mean();
        double[][] bounds = {base.lower80(), base.upper80(), base.lower95(), base.upper95()};
        for (double[] bound : bounds) {
            for (int step = 0; step < mean.length; step++) {
                bound[step] = mean[step] + ratio * (bound[step] - baseMean[step]);
            }
        }
        Map<String, Double> parameters = new LinkedHashMap<>(base.provenance().parameters());
        if (method == ReconciliationMethod.MINT_SHRINK) {
            parameters.put("shrinkageLambda", lambda.orElseThrow());
        }
        Provenance provenance = Provenance.of(
                base.provenance().model() + " reconciled by " + method.label(),
                parameters,
                base.provenance().trainingObservations());
        return Forecast.of(provenance, mean, bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    /** The base forecasts in node order, checked. */
    private Forecast[] inNodeOrder(Map<String, Forecast> baseForecasts) {
        for (String node : baseForecasts.keySet()) {
            checkArgument(
                    hierarchy.contains(node),
                    "there is a base forecast for \"%s\", which is not a node of the hierarchy",
                    node);
        }
        Forecast[] base = new Forecast[hierarchy.size()];
        int horizon = -1;
        for (int i = 0; i < base.length; i++) {
            String node = hierarchy.nodes().get(i);
            Forecast forecast = baseForecasts.get(node);
            checkArgument(forecast != null, "node \"%s\" has no base forecast; every node needs one", node);
            if (horizon < 0) {
                horizon = forecast.horizon();
                checkArgument(horizon > 0, "the base forecast of \"%s\" has no steps", node);
            }
            checkArgument(
                    forecast.horizon() == horizon,
                    "the base forecast of \"%s\" has %s steps but that of \"%s\" has %s; all need the same horizon",
                    node,
                    forecast.horizon(),
                    hierarchy.root(),
                    horizon);
            checkFinite(node, "mean", forecast.mean());
            checkFinite(node, "80% lower bound", forecast.lower80());
            checkFinite(node, "80% upper bound", forecast.upper80());
            checkFinite(node, "95% lower bound", forecast.lower95());
            checkFinite(node, "95% upper bound", forecast.upper95());
            base[i] = forecast;
        }
        return base;
    }

    private static void checkFinite(String node, String what, double[] values) {
        for (int step = 0; step < values.length; step++) {
            checkArgument(
                    Double.isFinite(values[step]),
                    "the base forecast of \"%s\" has %s %s at step %s; it must be a finite number",
                    node,
                    what,
                    values[step],
                    step + 1);
        }
    }

    /** The residuals as node × time, in node order, checked against the hierarchy. */
    private double[][] inNodeOrder(Residuals residuals) {
        for (String node : residuals.nodes()) {
            checkArgument(
                    hierarchy.contains(node),
                    "there are residuals for \"%s\", which is not a node of the hierarchy",
                    node);
        }
        double[][] errors = new double[hierarchy.size()][];
        for (int i = 0; i < errors.length; i++) {
            String node = hierarchy.nodes().get(i);
            checkArgument(
                    residuals.nodes().contains(node), "node \"%s\" has no residuals; every node needs them", node);
            errors[i] = residuals.column(node);
        }
        return errors;
    }

    private ImmutableMap<String, Double> namedByNode(double[] values) {
        ImmutableMap.Builder<String, Double> named = ImmutableMap.builder();
        for (int i = 0; i < values.length; i++) {
            named.put(hierarchy.nodes().get(i), values[i]);
        }
        return named.buildOrThrow();
    }

    private static double[][] diagonal(double[] entries) {
        double[][] matrix = new double[entries.length][entries.length];
        for (int i = 0; i < entries.length; i++) {
            matrix[i][i] = entries[i];
        }
        return matrix;
    }

    private static double[] ones(int size) {
        double[] ones = new double[size];
        Arrays.fill(ones, 1);
        return ones;
    }
}
