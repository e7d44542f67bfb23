package io.fleetcast.forecast.arima;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * R's reference fits in {@code /arima/reference.json}, written by {@code src/test/r/arima-reference.R} (R 4.2.2,
 * forecast 8.20, urca 1.3): fixed-order fits, auto.arima choices, and differencing tests on classic series.
 */
final class ArimaReference {
    private static final JsonNode ROOT = load();

    private ArimaReference() {}

    private static JsonNode load() {
        try (InputStream in =
                Objects.requireNonNull(ArimaReference.class.getResourceAsStream("/arima/reference.json"))) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading /arima/reference.json", e);
        }
    }

    /** One entry of a section, named by its series (and orders, for fixed fits). */
    record Case(String name, JsonNode json) {
        String series() {
            return json.get("series").asText();
        }

        double[] y() {
            return ArimaReference.y(series());
        }

        int seriesPeriod() {
            return ROOT.get("series").get(series()).get("period").asInt();
        }

        /** The order R fitted, with the series' period when seasonal. */
        ArimaOrder order() {
            JsonNode o = json.get("order");
            int[] v = new int[6];
            for (int i = 0; i < 6; i++) {
                v[i] = o.get(i).asInt();
            }
            boolean seasonal = v[3] + v[4] + v[5] > 0;
            return new ArimaOrder(
                    v[0],
                    v[1],
                    v[2],
                    v[3],
                    v[4],
                    v[5],
                    seasonal ? json.get("period").asInt() : 1);
        }

        boolean constant() {
            return json.get("constant").asBoolean();
        }

        double number(String field) {
            return json.get(field).asDouble();
        }

        double[] numbers(String field) {
            return doubles(json.get(field));
        }

        /** R's coefficients in R's order. */
        double[] coefficients() {
            List<Double> values = new ArrayList<>();
            json.get("coef").properties().forEach(e -> values.add(e.getValue().asDouble()));
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> section(String section) {
        List<Case> cases = new ArrayList<>();
        for (JsonNode node : ROOT.get(section)) {
            String name = node.get("series").asText();
            if (node.has("requested")) {
                Case c = new Case(name, node);
                name = name + " " + c.order() + (c.constant() ? " + constant" : "");
            }
            cases.add(new Case(name, node));
        }
        return cases;
    }

    static double[] y(String series) {
        return doubles(ROOT.get("series").get(series).get("y"));
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
