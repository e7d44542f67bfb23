package io.fleetcast.forecast.arima;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * The orders of a seasonal ARIMA(p,d,q)(P,D,Q)m model: {@code p} autoregressive and {@code q} moving-average terms,
 * {@code d} differences; {@code seasonalP} (P) autoregressive and {@code seasonalQ} (Q) moving-average terms at lags
 * that are multiples of {@code period} (m), {@code seasonalD} (D) seasonal differences. A model without a seasonal
 * part has P = D = Q = 0 and may give period 1.
 */
public record ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period) {
    public ArimaOrder {
        checkArgument(p >= 0 && d >= 0 && q >= 0, "orders must be >= 0, got (%s,%s,%s)", p, d, q);
        checkArgument(
                seasonalP >= 0 && seasonalD >= 0 && seasonalQ >= 0,
                "seasonal orders must be >= 0, got (%s,%s,%s)",
                seasonalP,
                seasonalD,
                seasonalQ);
        checkArgument(period >= 1, "the period must be >= 1, got %s", period);
        checkArgument(
                period >= 2 || seasonalP + seasonalD + seasonalQ == 0,
                "seasonal orders (%s,%s,%s) need a period of at least 2, got %s",
                seasonalP,
                seasonalD,
                seasonalQ,
                period);
    }

    /** A non-seasonal ARIMA(p,d,q). */
    public static ArimaOrder of(int p, int d, int q) {
        return new ArimaOrder(p, d, q, 0, 0, 0, 1);
    }

    public boolean isSeasonal() {
        return seasonalP + seasonalD + seasonalQ > 0;
    }

    /** The number of differences, regular and seasonal: d + D. */
    public int differences() {
        return d + seasonalD;
    }

    /** How many observations differencing uses up: d + D m. */
    public int differencingLength() {
        return d + seasonalD * period;
    }

    /** The number of ARMA coefficients: p + q + P + Q. */
    public int coefficientCount() {
        return p + q + seasonalP + seasonalQ;
    }

    /** As R prints it: {@code ARIMA(1,1,1)} or {@code ARIMA(0,1,1)(0,1,1)[12]}. */
    @Override
    public String toString() {
        String regular = String.format(Locale.ROOT, "ARIMA(%d,%d,%d)", p, d, q);
        return isSeasonal()
                ? regular + String.format(Locale.ROOT, "(%d,%d,%d)[%d]", seasonalP, seasonalD, seasonalQ, period)
                : regular;
    }
}
