package io.fleetcast.app.life;

import io.fleetcast.app.plot.Scale;
import io.fleetcast.reliability.distribution.Normal;
import io.fleetcast.reliability.fit.Family;

/**
 * Probability paper: the axes on which a family's F(t) is a straight line. The vertical axis places a probability F at
 * the quantile of the family's standard form (the SEV quantile ln(−ln(1 − F)) for Weibull and Gumbel, Φ⁻¹(F) for normal
 * and lognormal, −ln(1 − F) for exponential, logit F for log-logistic); the time axis is ln t or t.
 */
enum LifePlotPaper {
    WEIBULL("Weibull", true),
    LOGNORMAL("lognormal", true),
    NORMAL("normal", false),
    EXPONENTIAL("exponential", false),
    GUMBEL("Gumbel (smallest extreme value)", false),
    LOGLOGISTIC("log-logistic", true);

    private static final Normal STANDARD_NORMAL = new Normal(0, 1);

    private final String label;
    private final boolean logTime;

    LifePlotPaper(String label, boolean logTime) {
        this.label = label;
        this.logTime = logTime;
    }

    /**
     * The paper a family is plotted on: its own, or for gamma (which has none with straight lines for every shape)
     * Weibull paper, where the fitted gamma is a gentle curve; so are the two-Weibull mixture and competing risks, whose
     * curves bend where one subpopulation or mode takes over. A family with a location is plotted on its 2-parameter
     * form's paper.
     */
    static LifePlotPaper of(Family family) {
        return switch (family) {
            case WEIBULL_2P, WEIBULL_3P, GAMMA_2P, WEIBULL_MIXTURE, WEIBULL_CR -> WEIBULL;
            case EXPONENTIAL_1P, EXPONENTIAL_2P -> EXPONENTIAL;
            case LOGNORMAL_2P, LOGNORMAL_3P -> LOGNORMAL;
            case NORMAL_2P -> NORMAL;
            case LOGLOGISTIC_2P -> LOGLOGISTIC;
            case GUMBEL_2P -> GUMBEL;
        };
    }

    /** The paper's name, e.g. {@code Weibull}. */
    String label() {
        return label;
    }

    /** Whether time is on a log scale. */
    boolean logTime() {
        return logTime;
    }

    /** The time axis' scale. */
    Scale timeScale() {
        return logTime ? Scale.log() : Scale.linear();
    }

    /** The probability axis' scale: F to the standard quantile and back; 0 and 1 are off the paper (NaN). */
    Scale probabilityScale() {
        return new Scale(this::position, this::probability);
    }

    private double position(double probability) {
        if (!(probability > 0 && probability < 1)) {
            return Double.NaN;
        }
        return switch (this) {
            case WEIBULL, GUMBEL -> Math.log(-Math.log1p(-probability));
            case LOGNORMAL, NORMAL -> STANDARD_NORMAL.quantile(probability);
            case EXPONENTIAL -> -Math.log1p(-probability);
            case LOGLOGISTIC -> Math.log(probability / (1 - probability));
        };
    }

    private double probability(double position) {
        return switch (this) {
            case WEIBULL, GUMBEL -> -Math.expm1(-Math.exp(position));
            case LOGNORMAL, NORMAL -> STANDARD_NORMAL.cdf(position);
            case EXPONENTIAL -> -Math.expm1(-position);
            case LOGLOGISTIC -> 1 / (1 + Math.exp(-position));
        };
    }
}
