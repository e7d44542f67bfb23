package io.fleetcast.forecast.backtest;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * One method's backtest scores averaged over many series: MASE, sMAPE (percent), scaled bias, coverage of the 80% and
 * 95% intervals (0 to 1) and the scaled width of the 95% interval. Series whose scale is 0 (constant history) are left
 * out of the scaled averages.
 */
public record BacktestSummary(
        String method,
        int series,
        double mase,
        double smape,
        double scaledBias,
        double coverage80,
        double coverage95,
        double scaledWidth95) {

    /** The averages over {@code results}, all of one method. */
    public static BacktestSummary of(List<BacktestResult> results) {
        checkArgument(!results.isEmpty(), "nothing to summarise: no backtest results");
        String method = results.get(0).method();
        double mase = 0;
        double bias = 0;
        double width = 0;
        int scaled = 0;
        double smape = 0;
        double coverage80 = 0;
        double coverage95 = 0;
        for (BacktestResult result : results) {
            checkArgument(
                    result.method().equals(method),
                    "a summary is of one method; got %s and %s",
                    method,
                    result.method());
            double resultMase = result.mase();
            if (Double.isFinite(resultMase)) {
                mase += resultMase;
                bias += result.scaledBias();
                width += result.scaledWidth95();
                scaled++;
            }
            smape += result.smape();
            coverage80 += result.coverage80();
            coverage95 += result.coverage95();
        }
        int count = results.size();
        return new BacktestSummary(
                method,
                count,
                mase / scaled,
                smape / count,
                bias / scaled,
                coverage80 / count,
                coverage95 / count,
                width / scaled);
    }
}
