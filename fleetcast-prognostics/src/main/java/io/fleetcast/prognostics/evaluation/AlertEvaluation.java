package io.fleetcast.prognostics.evaluation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How daily alerts would have served a service team that can visit {@code k} assets a day: each day the k riskiest
 * assets are alerted; an alert is right when its asset fails within the horizon after that day.
 *
 * @param k visits a day
 * @param days days evaluated
 * @param alerts alerts raised (k a day, fewer on a day with fewer assets scored)
 * @param precision the share of alerts that were right, over all days
 * @param failures failures that fell within the horizon of some evaluated day (the ones alerts could have caught)
 * @param caught of those, the ones alerted at least once before failing, within the horizon
 * @param medianLeadDays median days from an asset's first right alert to its failure; NaN when none was caught
 */
public record AlertEvaluation(
        int k, int days, int alerts, double precision, int failures, int caught, double medianLeadDays) {

    /** The share of failures caught; NaN without failures. */
    public double recall() {
        return failures == 0 ? Double.NaN : (double) caught / failures;
    }

    /** One asset's risk on one day. */
    public record Score(String assetId, LocalDate day, double risk) {
        public Score {
            requireNonNull(assetId, "assetId is null");
            requireNonNull(day, "day is null");
            checkArgument(!Double.isNaN(risk), "risk of %s on %s is NaN", assetId, day);
        }
    }

    /**
     * Evaluates {@code scores} (any order; ties on a day go to the asset named first) against the assets'
     * {@code failures} (asset to failure day; assets absent did not fail).
     */
    public static AlertEvaluation of(List<Score> scores, int k, int horizonDays, Map<String, LocalDate> failures) {
        checkArgument(k >= 1, "k must be at least 1, got %s", k);
        checkArgument(horizonDays >= 1, "the horizon must be at least 1 day, got %s", horizonDays);
        Map<LocalDate, List<Score>> byDay = new TreeMap<>();
        for (Score score : scores) {
            byDay.computeIfAbsent(score.day(), day -> new ArrayList<>()).add(score);
        }
        int alerts = 0;
        int right = 0;
        Map<String, LocalDate> firstRightAlert = new HashMap<>();
        Map<String, LocalDate> reachable = new TreeMap<>();
        for (Map.Entry<LocalDate, List<Score>> entry : byDay.entrySet()) {
            LocalDate day = entry.getKey();
            List<Score> ranked = new ArrayList<>(entry.getValue());
            ranked.sort((a, b) -> a.risk() != b.risk()
                    ? Double.compare(b.risk(), a.risk())
                    : a.assetId().compareTo(b.assetId()));
            for (Score score : ranked) {
                LocalDate failed = failures.get(score.assetId());
                if (within(day, failed, horizonDays)) {
                    reachable.put(score.assetId(), failed);
                }
            }
            for (Score score : ranked.subList(0, Math.min(k, ranked.size()))) {
                alerts++;
                LocalDate failed = failures.get(score.assetId());
                if (within(day, failed, horizonDays)) {
                    right++;
                    firstRightAlert.putIfAbsent(score.assetId(), day);
                }
            }
        }
        List<Long> leads = new ArrayList<>();
        for (Map.Entry<String, LocalDate> entry : firstRightAlert.entrySet()) {
            leads.add(ChronoUnit.DAYS.between(entry.getValue(), requireNonNull(failures.get(entry.getKey()))));
        }
        leads.sort(Comparator.naturalOrder());
        double median = leads.isEmpty()
                ? Double.NaN
                : leads.size() % 2 == 1
                        ? leads.get(leads.size() / 2)
                        : (leads.get(leads.size() / 2 - 1) + leads.get(leads.size() / 2)) / 2.0;
        return new AlertEvaluation(
                k,
                byDay.size(),
                alerts,
                alerts == 0 ? Double.NaN : (double) right / alerts,
                reachable.size(),
                firstRightAlert.size(),
                median);
    }

    private static boolean within(LocalDate day, @Nullable LocalDate failed, int horizon) {
        return failed != null && failed.isAfter(day) && !failed.isAfter(day.plusDays(horizon));
    }
}
