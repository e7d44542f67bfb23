package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.store.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Run one read-only SQL query on the store and print the result as a table (or JSON).",
            "The database is opened read-only: nothing can change it. Tables: skus assets services orders events"
                    + " drivers adjustments usage costs budgets telemetry, ingest_log, rejects; views: sites,"
                    + " clusters, life_records, fleet_as_of."
        })
final class SqlCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(
            index = "0",
            paramLabel = "SQL",
            description = "The query, e.g. \"SELECT kind, rows_loaded FROM ingest_log\".")
    String sql = "";

    @Option(
            names = "--max-rows",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Print at most N rows (default: ${DEFAULT-VALUE}).")
    int maxRows = 1000;

    @Option(names = "--json", description = "Print {columns, types, rows, truncated} as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        if (maxRows < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--max-rows must be >= 1, got " + maxRows);
        }
        try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
            QueryResult result = app.sql().query(sql, maxRows);
            if (json) {
                terminal.json(result);
            } else {
                terminal.result(table(result));
                terminal.say(Terminal.count(result.rows().size()) + " row"
                        + (result.rows().size() == 1 ? "" : "s")
                        + (result.truncated() ? " (more exist: raise --max-rows)" : ""));
            }
        }
        return 0;
    }

    /** The result as an aligned text table. */
    static String table(QueryResult result) {
        int columns = result.columns().size();
        List<String[]> cells = new ArrayList<>();
        cells.add(result.columns().toArray(new String[0]));
        for (List<@Nullable Object> row : result.rows()) {
            String[] texts = new String[columns];
            for (int i = 0; i < columns; i++) {
                texts[i] = text(row.get(i));
            }
            cells.add(texts);
        }
        int[] widths = new int[columns];
        for (String[] row : cells) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                boolean numeric = r > 0 && isNumber(result.rows().get(r - 1).get(i));
                String cell = row[i];
                String padding = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(numeric ? padding + cell : cell + padding);
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (r == 0) {
                for (int i = 0; i < columns; i++) {
                    out.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
                }
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static boolean isNumber(@Nullable Object value) {
        return value instanceof Number;
    }

    private static String text(@Nullable Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
