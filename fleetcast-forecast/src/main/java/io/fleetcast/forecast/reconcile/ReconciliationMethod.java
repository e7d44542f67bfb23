package io.fleetcast.forecast.reconcile;

/**
 * How base forecasts ŷ of every node become coherent ones ỹ = S G ŷ. Except for bottom-up, G is the generalised least
 * squares projection G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ for a choice of W, the (assumed) covariance of the base forecast errors;
 * these methods leave forecasts that are already coherent unchanged (S G S = S). Wickramasuriya, Athanasopoulos and
 * Hyndman (2019), "Optimal forecast reconciliation for hierarchical and grouped time series through trace
 * minimization", Journal of the American Statistical Association 114(526).
 */
public enum ReconciliationMethod {
    /** G picks the bottom series' base forecasts and S adds them up; the aggregates' base forecasts are not used. */
    BOTTOM_UP("bottom-up", false),
    /** W = I: every node's base forecast counts equally (Hyndman et al., 2011). */
    OLS("OLS", false),
    /**
     * W = Λ = diag(S 1), the number of bottom series under each node: structural scaling, as if the bottom series had
     * independent errors of equal variance (Athanasopoulos, Hyndman, Kourentzes and Petropoulos, 2017).
     */
    WLS_STRUCTURAL("WLS structural", false),
    /** W = diag of the in-sample one-step error variances: needs residuals. */
    WLS_VARIANCE("WLS variance", true),
    /**
     * MinT with shrinkage: W is the covariance of the in-sample one-step errors shrunk toward its diagonal with the
     * Schäfer–Strimmer intensity (the paper's "MinT(Shrink)", R's {@code min_trace(method = "mint_shrink")}): needs
     * residuals.
     */
    MINT_SHRINK("MinT shrink", true);

    private final String label;
    private final boolean needsResiduals;

    ReconciliationMethod(String label, boolean needsResiduals) {
        this.label = label;
        this.needsResiduals = needsResiduals;
    }

    /** The name reports and provenance show, e.g. {@code "MinT shrink"}. */
    public String label() {
        return label;
    }

    /** Whether the method estimates W from in-sample residuals. */
    public boolean needsResiduals() {
        return needsResiduals;
    }
}
