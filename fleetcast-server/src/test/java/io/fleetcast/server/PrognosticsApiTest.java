package io.fleetcast.server;

import static io.fleetcast.server.TestServer.assertError;
import static io.fleetcast.server.TestServer.fieldNames;
import static io.fleetcast.server.TestServer.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.Lists;
import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.prognostics.evaluation.FeatureDrift;
import io.fleetcast.server.TestServer.Response;
import io.fleetcast.store.prognostics.FeatureShift;
import io.fleetcast.store.prognostics.JobRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prognostics endpoints on the real server on a free port, over a real store with {@link TestPrognosticsData}'s
 * simulated fleet, a model trained on its telemetry and the last day scored, through a real HTTP client. Each test
 * reviews predictions no other test reviews, and only one runs the daily pipeline (which finds nothing new to score),
 * so they do not depend on their order.
 */
class PrognosticsApiTest {
    private static final String DAY = TestPrognosticsData.END.toString();

    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestPrognosticsData.scoredApp(folder));

    @Test
    void theNewestScoredDayListsTheRiskiestAssetsFirstWithTheirReasons() {
        JsonNode result = server.json("/api/prognostics");

        assertThat(fieldNames(result))
                .containsExactly(
                        "day",
                        "scored_days",
                        "scored_assets",
                        "predictions",
                        "evaluation",
                        "drift",
                        "major_drift",
                        "daily_runs");
        assertThat(result.get("day").asText()).isEqualTo(DAY);
        assertThat(texts(result.get("scored_days"))).containsExactly(DAY);
        JsonNode predictions = result.get("predictions");
        assertThat(predictions).hasSize(50); // the default limit
        assertThat(result.get("scored_assets").asInt()).isGreaterThan(50);
        JsonNode first = predictions.get(0);
        assertThat(fieldNames(first))
                .containsExactly(
                        "id", "asset_id", "day", "risk", "horizon_days", "model_version", "reasons", "verdict", "note");
        List<Double> risks = new ArrayList<>();
        predictions.forEach(prediction -> {
            risks.add(prediction.get("risk").asDouble());
            assertThat(prediction.get("day").asText()).isEqualTo(DAY);
            assertThat(prediction.get("horizon_days").asInt()).isEqualTo(30);
            assertThat(prediction.get("model_version").asInt()).isEqualTo(1);
        });
        assertThat(risks).allSatisfy(risk -> assertThat(risk).isBetween(0.0, 1.0));
        assertThat(risks).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(first.get("risk").asDouble())
                .as("the riskiest asset stands out from the 50th")
                .isGreaterThan(risks.get(49));
        // The riskiest assets say why: feature = value (+contribution log-odds), largest first, at most three.
        assertThat(first.get("reasons")).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(first.get("reasons").get(0).asText()).matches(".+ = .+ \\(\\+[0-9.]+ log-odds\\)");

        JsonNode five = server.json("/api/prognostics?limit=5&day=" + DAY).get("predictions");
        assertThat(texts(five, "id"))
                .containsExactlyElementsOf(texts(predictions, "id").subList(0, 5));
    }

    @Test
    void theEvaluationJudgesTheTopKAlertsAndListsTheModels() {
        JsonNode evaluation = server.json("/api/prognostics").get("evaluation");

        assertThat(fieldNames(evaluation)).containsExactly("k", "days", "models");
        assertThat(evaluation.get("k").asInt()).isEqualTo(2);
        JsonNode day = evaluation.get("days").get(0);
        assertThat(evaluation.get("days")).hasSize(1);
        assertThat(fieldNames(day))
                .containsExactly(
                        "day",
                        "model_version",
                        "alerts",
                        "known",
                        "failed",
                        "confirmed",
                        "rejected",
                        "precision",
                        "shifted_features",
                        "largest_psi");
        assertThat(day.get("day").asText()).isEqualTo(DAY);
        assertThat(day.get("alerts").asInt()).isEqualTo(2);
        // The scored day is the data's last: no outcome is known yet, so there is no precision to report.
        assertThat(day.get("known").asInt()).isZero();
        assertThat(day.get("precision").isNull()).isTrue();
        // The day's drift in brief: the largest shift listed under drift, and how many are major.
        JsonNode result = server.json("/api/prognostics");
        assertThat(day.get("largest_psi").asDouble())
                .isEqualTo(result.get("drift").get(0).get("psi").asDouble());
        assertThat(day.get("shifted_features").asInt())
                .isEqualTo(result.get("major_drift").asInt());

        JsonNode model = evaluation.get("models").get(0);
        assertThat(evaluation.get("models")).hasSize(1);
        assertThat(fieldNames(model))
                .containsExactly(
                        "version",
                        "trained_to",
                        "review_labels",
                        "pr_auc",
                        "precision_at_k",
                        "k",
                        "recall",
                        "median_lead_days");
        assertThat(model.get("version").asInt()).isEqualTo(1);
        assertThat(model.get("trained_to").asText()).isEqualTo(DAY);
        assertThat(model.get("review_labels").asInt()).isZero();
        assertThat(model.get("k").asInt()).isEqualTo(2);
        assertThat(model.get("precision_at_k").asDouble()).isBetween(0.0, 1.0);

        JsonNode three = server.json("/api/prognostics?k=3").get("evaluation");
        assertThat(three.get("k").asInt()).isEqualTo(3);
        assertThat(three.get("days").get(0).get("alerts").asInt()).isEqualTo(3);
    }

    @Test
    void theDayShowsHowFarItsFeaturesMovedFromTheTrainingDataLargestFirst() {
        JsonNode result = server.json("/api/prognostics");
        JsonNode drift = result.get("drift");

        // Scoring measured every feature of the model against its training data; the 15 largest shifts are listed.
        List<FeatureShift> measured = server.app().prognostics().drift(TestPrognosticsData.END);
        assertThat(measured).hasSizeGreaterThan(15);
        assertThat(drift).hasSize(15);
        assertThat(fieldNames(drift.get(0)))
                .containsExactly("feature", "psi", "level", "missing_share", "reference_missing_share", "rows");
        assertThat(texts(drift, "feature"))
                .containsExactlyElementsOf(
                        measured.stream().limit(15).map(FeatureShift::feature).toList());
        List<Double> psis = new ArrayList<>();
        drift.forEach(shift -> {
            double psi = shift.get("psi").asDouble();
            psis.add(psi);
            assertThat(psi).isGreaterThanOrEqualTo(0.0);
            String level = psi > FeatureDrift.MAJOR ? "major" : psi >= FeatureDrift.MODERATE ? "moderate" : "stable";
            assertThat(shift.get("level").asText())
                    .as("%s, PSI %s", shift.get("feature").asText(), psi)
                    .isEqualTo(level);
            assertThat(shift.get("missing_share").asDouble()).isBetween(0.0, 1.0);
            assertThat(shift.get("reference_missing_share").asDouble()).isBetween(0.0, 1.0);
            // Every feature is measured over all the assets scored that day.
            assertThat(shift.get("rows").asInt())
                    .isEqualTo(result.get("scored_assets").asInt());
        });
        assertThat(psis).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(psis.get(0)).as("the largest shift is a shift").isPositive();
        // The count of major shifts is over all the day's features, not only those listed.
        assertThat(result.get("major_drift").asLong())
                .isEqualTo(measured.stream()
                        .filter(shift -> shift.psi() > FeatureDrift.MAJOR)
                        .count());
        assertThat(texts(drift, "level").stream().filter("major"::equals).count())
                .isEqualTo(Math.min(15, result.get("major_drift").asLong()));

        JsonNode named = server.json("/api/prognostics?limit=5&day=" + DAY);
        assertThat(named.get("drift")).isEqualTo(drift);
        assertThat(named.get("major_drift")).isEqualTo(result.get("major_drift"));
    }

    @Test
    void theDailyPipelinesLatestRunsAreListedNewestFirst() {
        PrognosticsService.DailyPolicy policy = PrognosticsService.DailyPolicy.defaults();
        List<JobRun> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(server.app().dailyPipeline(null, policy).runOnce());
        }

        JsonNode dailyRuns = server.json("/api/prognostics").get("daily_runs");

        // The model is trained to the last telemetry day, which is scored: a run has nothing to train or score.
        JobRun last = runs.get(runs.size() - 1);
        assertThat(last.status()).isEqualTo("ok");
        assertThat(last.message()).isEqualTo("no new telemetry day to score");
        assertThat(dailyRuns).hasSize(5); // the latest five of the six
        JsonNode newest = dailyRuns.get(0);
        assertThat(fieldNames(newest)).containsExactly("run_id", "started_at", "finished_at", "status", "message");
        assertThat(texts(dailyRuns, "run_id"))
                .containsExactlyElementsOf(Lists.reverse(runs).stream()
                        .limit(5)
                        .map(run -> String.valueOf(run.runId()))
                        .toList());
        // Times are ISO instants from the store's clock, which the test fixes.
        assertThat(newest.get("started_at").asText()).isEqualTo("2026-11-01T08:00:00Z");
        assertThat(newest.get("finished_at").asText()).isEqualTo("2026-11-01T08:00:00Z");
        assertThat(newest.get("status").asText()).isEqualTo("ok");
        assertThat(newest.get("message").asText()).isEqualTo(last.message());
        assertThat(texts(dailyRuns, "status")).containsOnly("ok");
    }

    @Test
    void aReviewIsStoredAndTheNextGetShowsIt() {
        JsonNode riskiest = server.json("/api/prognostics").get("predictions").get(0);
        long id = riskiest.get("id").asLong();
        assertThat(riskiest.get("verdict").isNull()).isTrue();

        Response response = server.send(
                "POST",
                "/api/prognostics/predictions/" + id + "/review",
                "{\"verdict\": \"confirm\", \"note\": \"fan bearing is loud\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode reviewed = response.json();
        assertThat(reviewed.get("id").asLong()).isEqualTo(id);
        assertThat(reviewed.get("asset_id").asText())
                .isEqualTo(riskiest.get("asset_id").asText());
        assertThat(reviewed.get("verdict").asText()).isEqualTo("confirm");
        assertThat(reviewed.get("note").asText()).isEqualTo("fan bearing is loud");

        JsonNode after = server.json("/api/prognostics");
        JsonNode shown = after.get("predictions").get(0);
        assertThat(shown.get("id").asLong()).isEqualTo(id);
        assertThat(shown.get("verdict").asText()).isEqualTo("confirm");
        assertThat(shown.get("note").asText()).isEqualTo("fan bearing is loud");
        assertThat(after.get("evaluation").get("days").get(0).get("confirmed").asInt())
                .isEqualTo(1);

        // A second review replaces the verdict shown; the note is optional.
        Response again =
                server.send("POST", "/api/prognostics/predictions/" + id + "/review", "{\"verdict\": \"defer\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("verdict").asText()).isEqualTo("defer");
        assertThat(again.json().get("note").asText()).isEmpty();
        JsonNode asset = server.json(
                "/api/prognostics/assets/" + riskiest.get("asset_id").asText());
        assertThat(asset.get("predictions").get(0).get("verdict").asText()).isEqualTo("defer");
    }

    @Test
    void aBadReviewIsRefusedWith400AndStoresNothing() {
        JsonNode prediction = server.json("/api/prognostics").get("predictions").get(10);
        String path = "/api/prognostics/predictions/" + prediction.get("id").asLong() + "/review";

        Response badVerdict = server.send("POST", path, "{\"verdict\": \"maybe\", \"note\": \"?\"}");
        assertThat(badVerdict.status()).as(badVerdict.body()).isEqualTo(400);
        assertThat(badVerdict.json().get("error").asText()).contains("maybe");
        assertError(
                server.send("POST", path, "{\"note\": \"no verdict\"}"),
                400,
                "field \"verdict\" is required: confirm, reject or defer");
        assertError(
                server.send("POST", path, "{\"verdict\": \"confirm\", \"author\": \"mallory\"}"),
                400,
                "unknown field \"author\"; expected verdict, note");
        assertThat(server.send("POST", path, "confirm").json().get("error").asText())
                .startsWith("the body is not valid JSON");
        assertError(
                server.send("POST", "/api/prognostics/predictions/first/review", "{\"verdict\": \"confirm\"}"),
                400,
                "a prediction id is a whole number, got \"first\"");

        JsonNode after = server.json("/api/prognostics").get("predictions").get(10);
        assertThat(after.get("id").asLong()).isEqualTo(prediction.get("id").asLong());
        assertThat(after.get("verdict").isNull()).isTrue();
    }

    @Test
    void aReviewOfAPredictionThatDoesNotExistIs404() {
        assertError(
                server.send("POST", "/api/prognostics/predictions/987654321/review", "{\"verdict\": \"reject\"}"),
                404,
                "no prediction has id 987654321");
        // An unknown id is not found, whatever the verdict.
        assertError(
                server.send("POST", "/api/prognostics/predictions/987654321/review", "{\"verdict\": \"maybe\"}"),
                404,
                "no prediction has id 987654321");
    }

    @Test
    void anAssetAnswersItsDailySignalsPerSignalAndItsPrediction() {
        JsonNode prediction = server.json("/api/prognostics").get("predictions").get(1);
        String assetId = prediction.get("asset_id").asText();

        JsonNode asset = server.json("/api/prognostics/assets/" + assetId);

        assertThat(fieldNames(asset)).containsExactly("asset_id", "day", "from", "days", "signals", "predictions");
        assertThat(asset.get("asset_id").asText()).isEqualTo(assetId);
        assertThat(asset.get("day").asText()).isEqualTo(DAY);
        assertThat(asset.get("days").asInt()).isEqualTo(60);
        LocalDate from = TestPrognosticsData.END.minusDays(59);
        assertThat(asset.get("from").asText()).isEqualTo(from.toString());
        assertThat(texts(asset.get("signals"), "signal")).containsExactlyElementsOf(TestPrognosticsData.SIGNALS);
        for (JsonNode signal : asset.get("signals")) {
            JsonNode points = signal.get("points");
            assertThat(points).isNotEmpty().hasSizeLessThanOrEqualTo(60);
            List<String> days = texts(points, "day");
            assertThat(days)
                    .isSorted()
                    .allSatisfy(day -> assertThat(LocalDate.parse(day)).isBetween(from, TestPrognosticsData.END));
            assertThat(points.get(0).get("value").isNumber()).isTrue();
        }
        JsonNode temperature = asset.get("signals").get(3).get("points");
        assertThat(temperature.get(temperature.size() - 1).get("value").asDouble())
                .as("a server's daily mean temperature, in degrees C")
                .isBetween(20.0, 100.0);
        assertThat(asset.get("predictions")).hasSize(1);
        assertThat(asset.get("predictions").get(0).get("id").asLong())
                .isEqualTo(prediction.get("id").asLong());

        JsonNode week = server.json("/api/prognostics/assets/" + assetId + "?days=7&day=" + DAY);
        assertThat(week.get("from").asText())
                .isEqualTo(TestPrognosticsData.END.minusDays(6).toString());
        assertThat(week.get("signals").get(0).get("points")).hasSizeLessThanOrEqualTo(7);
    }

    @Test
    void badParametersAre400AndWhatDoesNotExistIs404() {
        assertError(
                server.get("/api/prognostics?day=2026-13-01"),
                400,
                "parameter \"day\": expected a date as YYYY-MM-DD, got \"2026-13-01\"");
        assertError(server.get("/api/prognostics?limit=0"), 400, "parameter \"limit\": expected 1 to 1000, got 0");
        assertError(server.get("/api/prognostics?k=two"), 400, "parameter \"k\": expected a whole number, got \"two\"");
        assertError(server.get("/api/prognostics?days=60"), 400, "unknown parameter \"days\"; expected day, limit, k");
        assertError(
                server.get("/api/prognostics?day=2026-10-01"),
                404,
                "nothing was scored on 2026-10-01; scored days, newest first: " + DAY);
        assertError(
                server.get("/api/prognostics/assets/no-such-server"),
                404,
                "asset no-such-server has no telemetry in the 60 days to " + DAY + " and no prediction on " + DAY);
        assertError(
                server.get("/api/prognostics/assets/x?days=400"),
                400,
                "parameter \"days\": expected 1 to 365, got 400");
    }

    @Test
    void beforeAnythingIsScoredTheListIsNotFoundAndSaysWhatToRun() {
        try (TestServer empty = TestServer.start(TestApps.emptyApp(folder))) {
            String message = "no predictions yet: run fleetcast prognose train and fleetcast prognose score";
            assertError(empty.get("/api/prognostics"), 404, message);
            assertError(empty.get("/api/prognostics/assets/a1"), 404, message);
            // Once the daily pipeline ran, the list says how its last run went.
            empty.app()
                    .dailyPipeline(null, PrognosticsService.DailyPolicy.defaults())
                    .runOnce();
            assertError(
                    empty.get("/api/prognostics"),
                    404,
                    message
                            + "; the daily pipeline last ran at 2026-01-02T09:00:00Z: ok: no telemetry loaded: nothing to"
                            + " score");
        }
    }
}
