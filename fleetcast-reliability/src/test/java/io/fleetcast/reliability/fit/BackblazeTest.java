package io.fleetcast.reliability.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.base.Splitter;
import io.fleetcast.reliability.data.LifeData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Backblaze's drives 2013-2016 (the shared data set's per-drive table, copied into the test resources with its
 * SOURCE.txt): 87,068 drives, 5,326 failures, time in power-on hours, each drive first seen at some age (left
 * truncation). With delayed entry the exponential fit has a closed form, λ = failures / Σ (exit − entry) hours, which
 * every model's maximum-likelihood fit must reproduce; Weibull fits per model must converge.
 */
class BackblazeTest {
    private static final Splitter COMMA = Splitter.on(',');

    /** Per model: the drives' life data, failures and observed hours. */
    private static final class Model {
        final LifeData.Builder data = LifeData.builder();
        long failures;
        double hours;
    }

    private static Map<String, Model> models() throws IOException {
        Map<String, Model> models = new TreeMap<>();
        try (InputStream in = Objects.requireNonNull(
                        BackblazeTest.class.getResourceAsStream("/io/fleetcast/reliability/hds_drives.csv.gz"));
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> fields = COMMA.splitToList(line.replace("\"", ""));
                Model model = models.computeIfAbsent(fields.get(1), name -> new Model());
                double entry = Double.parseDouble(fields.get(4));
                double exit = Double.parseDouble(fields.get(5));
                if (fields.get(6).equals("1")) {
                    model.data.failure(exit, 1);
                    model.failures++;
                } else {
                    model.data.suspension(exit, 1);
                }
                model.data.enteredAt(entry, 1);
                model.hours += exit - entry;
            }
        }
        return models;
    }

    @Test
    void everyModelsExponentialFitIsFailuresOverObservedHoursAndWeibullFitsConverge() throws IOException {
        Map<String, Model> models = models();
        long drives = 0;
        long failures = 0;
        int fitted = 0;
        String worst = "";
        double worstRate = 0;
        for (Map.Entry<String, Model> entry : models.entrySet()) {
            Model model = entry.getValue();
            LifeData data = model.data.build();
            drives += data.unitCount();
            failures += model.failures;
            if (model.failures < 1) {
                continue;
            }
            LifeFit exponential = MaximumLikelihood.fit(Family.EXPONENTIAL_1P, data, 0.95);
            double closedForm = model.failures / model.hours;
            assertThat(exponential.parameter("rate"))
                    .as(entry.getKey())
                    .isCloseTo(closedForm, within(1e-6 * closedForm));
            if (data.unitCount() >= 1000 && closedForm > worstRate) {
                worstRate = closedForm;
                worst = entry.getKey();
            }
            if (model.failures >= 2) {
                LifeFit weibull = MaximumLikelihood.fit(Family.WEIBULL_2P, data, 0.95);
                assertThat(weibull.logLikelihood())
                        .as("%s: Weibull at least as likely as the exponential it contains", entry.getKey())
                        .isGreaterThanOrEqualTo(exponential.logLikelihood() - 1e-6);
                fitted++;
            }
        }
        assertThat(models).hasSize(79);
        assertThat(drives).isEqualTo(87_068);
        assertThat(failures).isEqualTo(5_326);
        assertThat(fitted).isGreaterThan(40);
        // The notorious 3 TB Seagate: about a quarter failing per year, the worst of the large populations.
        assertThat(worst).isEqualTo("ST3000DM001");
        assertThat(worstRate * 24 * 365).isCloseTo(0.2536, within(0.001));
    }
}
