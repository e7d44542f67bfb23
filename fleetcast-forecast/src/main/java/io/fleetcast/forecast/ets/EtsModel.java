package io.fleetcast.forecast.ets;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One member of the ETS family: its error, trend and seasonal types, and the seasonal period (1 without seasonality).
 * Named as in the literature: {@code ETS(M,Ad,A)}.
 */
public record EtsModel(ErrorType error, Trend trend, Season season, int period) {
    /** How the error enters: added to, or proportional to, the one-step forecast. */
    public enum ErrorType {
        ADDITIVE("A"),
        MULTIPLICATIVE("M");

        final String code;

        ErrorType(String code) {
            this.code = code;
        }
    }

    /** The trend: none, additive, or additive and damped. */
    public enum Trend {
        NONE("N"),
        ADDITIVE("A"),
        DAMPED("Ad");

        final String code;

        Trend(String code) {
            this.code = code;
        }
    }

    /** The seasonality: none, additive or multiplicative. */
    public enum Season {
        NONE("N"),
        ADDITIVE("A"),
        MULTIPLICATIVE("M");

        final String code;

        Season(String code) {
            this.code = code;
        }
    }

    public EtsModel {
        requireNonNull(error, "error is null");
        requireNonNull(trend, "trend is null");
        requireNonNull(season, "season is null");
        if (season == Season.NONE) {
            period = 1;
        } else {
            checkArgument(period >= 2, "a seasonal model needs a period of at least 2, got %s", period);
        }
    }

    /** Parses a code such as {@code "MAdA"} or {@code "ANN"} ({@code period} is ignored without seasonality). */
    public static EtsModel parse(String code, int period) {
        String text = code.trim();
        checkArgument(
                text.length() == 3 || text.length() == 4, "an ETS model code looks like ANN or MAdM, got %s", code);
        ErrorType error = switch (text.charAt(0)) {
            case 'A' -> ErrorType.ADDITIVE;
            case 'M' -> ErrorType.MULTIPLICATIVE;
            default -> throw new IllegalArgumentException("unknown ETS error type in " + code);
        };
        String trendCode = text.substring(1, text.length() - 1);
        Trend trend = switch (trendCode) {
            case "N" -> Trend.NONE;
            case "A" -> Trend.ADDITIVE;
            case "Ad" -> Trend.DAMPED;
            default -> throw new IllegalArgumentException("unknown ETS trend type in " + code);
        };
        Season season = switch (text.charAt(text.length() - 1)) {
            case 'N' -> Season.NONE;
            case 'A' -> Season.ADDITIVE;
            case 'M' -> Season.MULTIPLICATIVE;
            default -> throw new IllegalArgumentException("unknown ETS season type in " + code);
        };
        return new EtsModel(error, trend, season, season == Season.NONE ? 1 : period);
    }

    public boolean hasTrend() {
        return trend != Trend.NONE;
    }

    public boolean isDamped() {
        return trend == Trend.DAMPED;
    }

    public boolean isSeasonal() {
        return season != Season.NONE;
    }

    /** Whether the forecast variance has a closed form here (additive error, no multiplicative season). */
    boolean isLinear() {
        return error == ErrorType.ADDITIVE && season != Season.MULTIPLICATIVE;
    }

    /**
     * The number of estimated parameters: smoothing weights, damping, initial states (the last seasonal state follows
     * from the others), not counting the error variance.
     */
    public int parameterCount() {
        int count = 2; // alpha, level
        if (hasTrend()) {
            count += 2; // beta, trend
        }
        if (isDamped()) {
            count++;
        }
        if (isSeasonal()) {
            count += period; // gamma, period - 1 seasonal states
        }
        return count;
    }

    /** The model's name, e.g. {@code ETS(M,Ad,A)}. */
    public String name() {
        return "ETS(" + error.code + "," + trend.code + "," + season.code + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
