package io.fleetcast.store;

import static io.fleetcast.store.TestFleet.ingest;
import static io.fleetcast.store.TestFleet.ingestSkippingBad;
import static io.fleetcast.store.TestFleet.value;
import static io.fleetcast.store.TestFleet.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.InputError;
import io.fleetcast.core.error.InvalidInputException;
import io.fleetcast.store.ingest.IngestReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Store} implementation must do with users' files: load what is valid with its lineage, refuse
 * what is not with the file, line, column and problem, stay unchanged by a refused or repeated load, replace by
 * natural key. Each implementation extends this class.
 */
public abstract class StoreContractTest {
    private static final String USAGE_HEADER = "ts,grain,service,cluster,resource,unit,used,allocated";

    @TempDir
    Path folder;

    private Store store;

    /** A new, empty store keeping its files in {@code folder}. */
    protected abstract Store open(Path folder);

    /** Writes the given rows of the usage data set as a Parquet file. */
    protected abstract void writeParquet(Path file, String valuesSql);

    @BeforeEach
    void openStore() {
        store = open(folder);
        TestFleet.loadTopology(store, folder);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Path usage(String name, String... rows) {
        List<String> lines = new ArrayList<>();
        lines.add(USAGE_HEADER);
        lines.addAll(List.of(rows));
        return write(folder, name, lines);
    }

    @Test
    void loadsEveryRowWithItsLineage() {
        Path file = usage(
                "usage.csv",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,10.5,16",
                "2026-03-01T01:00:00Z,hour,checkout,ash-c1,cpu,cores,11.25,16",
                "2026-03-01,day,search,ash-c2,memory,GiB,128,");

        IngestReport report = ingest(store, Kind.USAGE, file);

        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.rowsLoaded()).isEqualTo(3);
        assertThat(report.alreadyLoaded()).isFalse();
        QueryResult rows = store.query(
                "SELECT ts, grain, service, used, allocated, ingest_id, source_file, source_line FROM usage"
                        + " ORDER BY source_line",
                10);
        assertThat(rows.rows().get(0))
                .containsExactly(
                        Instant.parse("2026-03-01T00:00:00Z"),
                        "hour",
                        "checkout",
                        10.5,
                        16.0,
                        report.ingestId(),
                        file.toString(),
                        2L);
        assertThat(rows.rows().get(2).get(4)).isNull();
        assertThat(rows.rows().get(2).get(7)).isEqualTo(4L);
    }

    @Test
    void aBadValueLoadsNothingAndNamesFileLineColumnAndProblem() {
        Path file = usage(
                "usage.csv",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,10.5,16",
                "2026-03-01T01:00:00Z,hour,checkout,ash-c1,cpu,cores,12;5,16");

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> {
                    InvalidInputException error = (InvalidInputException) thrown;
                    assertThat(error.errors())
                            .extracting(InputError::render)
                            .containsExactly(file + ":3: column \"used\": expected a number, got \"12;5\"");
                    assertThat(error.getMessage()).startsWith(file + " was not loaded: 1 problem in 1 row");
                });
        assertThat(value(store, "SELECT count(*) FROM usage")).isEqualTo(0L);
        assertThat(value(store, "SELECT count(*) FROM ingest_log WHERE kind = 'usage'"))
                .isEqualTo(0L);
    }

    @Test
    void textThatIsNotUtf8IsAProblemOfItsLine() throws IOException {
        Object servicesBefore = value(store, "SELECT count(*) FROM services");
        Path file = folder.resolve("services.csv");
        Files.write(
                file,
                concat(
                        "service,team,org,tier\ncheckout,payments,commerce,critical\nsearch,"
                                .getBytes(StandardCharsets.UTF_8),
                        new byte[] {'c', 'a', 'f', (byte) 0xE9},
                        ",commerce,\n".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> ingest(store, Kind.SERVICES, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(file + ":3: column \"team\": not valid UTF-8: byte 0xE9 at byte 4"
                                        + " of the value; save the file as UTF-8"));
        assertThat(value(store, "SELECT count(*) FROM services")).isEqualTo(servicesBefore);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void listsTwentyProblemsInFileOrderAndCountsTheRest() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add("2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,-" + (i + 1) + ",16");
        }
        Path file = usage("usage.csv", rows.toArray(new String[0]));

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOfSatisfying(InvalidInputException.class, error -> {
                    assertThat(error.errors()).hasSize(20);
                    assertThat(error.totalErrors()).isEqualTo(30);
                    assertThat(error.errors().get(0).render())
                            .isEqualTo(file + ":2: column \"used\": must be >= 0, got -1");
                    assertThat(error.errors().get(19).location().line()).isEqualTo(21);
                    assertThat(error.getMessage()).endsWith("... and 10 more problems");
                });
    }

    @Test
    void reportsEveryProblemOfAWrongRow() {
        Path file = usage("usage.csv", "2026-03-01T00:30:00Z,hourly,nowhere,ash-c1,gpu,cores,1,2");

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(
                                        file + ":2: column \"grain\": expected one of hour, day; got \"hourly\"",
                                        file + ":2: column \"service\": unknown service \"nowhere\": not in the stored"
                                                + " services",
                                        file
                                                + ":2: column \"resource\": expected one of cpu, memory, storage; got \"gpu\""));
    }

    @Test
    void checksAlignmentUnitsAndRequiredFields() {
        Path file = usage(
                "usage.csv",
                "2026-03-01T00:30:00Z,hour,checkout,ash-c1,cpu,cores,1,2",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,GiB,1,2",
                "2026-03-01T00:00:00Z,hour,checkout,,cpu,cores,1,2");

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(
                                        file + ":2: column \"ts\": 2026-03-01T00:30:00Z is not the start of a UTC hour"
                                                + " (grain is hour)",
                                        file
                                                + ":3: column \"unit\": unit \"GiB\" is not a unit of cpu; use one of cores,"
                                                + " core, vcpu, vcpus, millicores, m",
                                        file + ":4: column \"cluster\": required value is missing"));
    }

    @Test
    void convertsQuantitiesToCanonicalUnits() {
        Path file = usage(
                "usage.csv",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,memory,MiB,2048,4096",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,millicores,1500,",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,storage,GB,500,1000");

        ingest(store, Kind.USAGE, file);

        QueryResult rows = store.query("SELECT resource, unit, used, allocated FROM usage ORDER BY source_line", 5);
        assertThat(rows.rows().get(0)).containsExactly("memory", "GiB", 2.0, 4.0);
        assertThat(rows.rows().get(1)).containsExactly("cpu", "cores", 1.5, null);
        assertThat(rows.rows().get(2)).containsExactly("storage", "TB", 0.5, 1.0);
    }

    @Test
    void skipBadLoadsTheGoodRowsAndKeepsEachRejectedRow() {
        Path file = usage(
                "usage.csv",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,10,16",
                "2026-03-01T01:00:00Z,hour,checkout,ash-c1,cpu,cores,oops,16",
                "2026-03-01T02:00:00Z,hour,checkout,ash-c1,cpu,cores,12,16");

        IngestReport report = ingestSkippingBad(store, Kind.USAGE, file);

        assertThat(report.rowsLoaded()).isEqualTo(2);
        assertThat(report.rowsRejected()).isEqualTo(1);
        assertThat(value(store, "SELECT count(*) FROM usage")).isEqualTo(2L);
        QueryResult rejects = store.query(
                "SELECT ingest_id, source_file, source_line, column_name, reason, raw_text FROM rejects", 5);
        assertThat(rejects.rows())
                .containsExactly(List.of(
                        report.ingestId(),
                        file.toString(),
                        3L,
                        "used",
                        "column \"used\": expected a number, got \"oops\"",
                        "2026-03-01T01:00:00Z,hour,checkout,ash-c1,cpu,cores,oops,16"));
    }

    @Test
    void loadingTheSameFileAgainChangesNothing() {
        Path file = usage("usage.csv", "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,10,16");
        IngestReport first = ingest(store, Kind.USAGE, file);

        IngestReport second = ingest(store, Kind.USAGE, file);

        assertThat(second.alreadyLoaded()).isTrue();
        assertThat(second.ingestId()).isEqualTo(first.ingestId());
        assertThat(second.rowsLoaded()).isZero();
        assertThat(value(store, "SELECT count(*) FROM usage")).isEqualTo(1L);
        assertThat(value(store, "SELECT count(*) FROM ingest_log WHERE kind = 'usage'"))
                .isEqualTo(1L);
    }

    @Test
    void aNewerFileReplacesRowsWithTheSameNaturalKey() {
        ingest(
                store,
                Kind.USAGE,
                usage(
                        "monday.csv",
                        "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,10,16",
                        "2026-03-01T01:00:00Z,hour,checkout,ash-c1,cpu,cores,11,16"));

        IngestReport restated = ingest(
                store,
                Kind.USAGE,
                usage(
                        "restated.csv",
                        "2026-03-01T01:00:00Z,hour,checkout,ash-c1,cpu,cores,13,16",
                        "2026-03-01T02:00:00Z,hour,checkout,ash-c1,cpu,cores,12,16"));

        assertThat(restated.rowsReplaced()).isEqualTo(1);
        QueryResult rows = store.query("SELECT used, source_file FROM usage ORDER BY ts", 5);
        assertThat(rows.rows())
                .containsExactly(
                        List.of(10.0, folder.resolve("monday.csv").toString()),
                        List.of(13.0, folder.resolve("restated.csv").toString()),
                        List.of(12.0, folder.resolve("restated.csv").toString()));
        assertThat(value(store, "SELECT rows_replaced FROM ingest_log WHERE ingest_id = " + restated.ingestId()))
                .isEqualTo(1L);
    }

    @Test
    void aKeyRepeatedWithinOneFileIsAProblemNamingBothLines() {
        Path file = usage(
                "usage.csv",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,10,16",
                "2026-03-01T01:00:00Z,hour,checkout,ash-c1,cpu,cores,11,16",
                "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,12,16");

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors().get(0).render())
                                .startsWith(
                                        file + ":4: repeats the natural key (service, cluster, resource, grain, ts)")
                                .endsWith("of line 2; each key may appear once per file"));
        assertThat(value(store, "SELECT count(*) FROM usage")).isEqualTo(0L);

        IngestReport skipping = ingestSkippingBad(store, Kind.USAGE, file);
        assertThat(skipping.rowsLoaded()).isEqualTo(2);
        assertThat(value(store, "SELECT used FROM usage WHERE ts = TIMESTAMPTZ '2026-03-01 00:00:00+00'"))
                .isEqualTo(10.0);
        assertThat(value(store, "SELECT raw_text FROM rejects"))
                .isEqualTo("2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,12,16");
    }

    @Test
    void referencesMustExistInTheStore() {
        Path assets = write(
                folder,
                "more-assets.csv",
                List.of(
                        "asset_id,sku,region,site,site_kind,cluster,ownership,install_date",
                        "srv-9,gen9-unknown,us-east,dc-ash,datacenter,ash-c1,owned,2026-01-01"));

        assertThatThrownBy(() -> ingest(store, Kind.ASSETS, assets))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors().get(0).render())
                                .isEqualTo(assets
                                        + ":2: column \"sku\": unknown sku \"gen9-unknown\": not in the stored skus"));
    }

    @Test
    void aClusterCannotMoveToAnotherSiteUnnoticed() {
        Path assets = write(
                folder,
                "more-assets.csv",
                List.of(
                        "asset_id,sku,region,site,site_kind,cluster,ownership,install_date",
                        "srv-9,gen6-compute,us-east,dc-iad,datacenter,ash-c1,owned,2026-01-01"));

        assertThatThrownBy(() -> ingest(store, Kind.ASSETS, assets))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(
                                        assets + ":2: column \"site\": cluster \"ash-c1\" is in site \"dc-ash\" on "
                                                + folder.resolve("assets.csv") + ":2, not \"dc-iad\""));
        assertThat(value(store, "SELECT count(*) FROM assets")).isEqualTo(4L);
    }

    @Test
    void crossColumnRulesHoldForOrdersAndAssets() {
        Path orders = write(
                folder,
                "orders.csv",
                List.of(
                        "order_id,sku,site,cluster,quantity,ordered_date,promised_date,delivered_date,status",
                        "po-1,gen6-compute,dc-ash,,40,2026-01-10,2026-04-01,,delivered",
                        "po-2,gen6-compute,dc-ash,,40,2026-01-10,2025-12-01,,open",
                        "po-3,gen6-compute,dc-ash,,0,2026-01-10,2026-04-01,2026-04-03,open"));

        assertThatThrownBy(() -> ingest(store, Kind.ORDERS, orders))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(
                                        orders + ":2: column \"delivered_date\": required when status is delivered",
                                        orders + ":3: column \"promised_date\": promised_date 2025-12-01 is before"
                                                + " ordered_date 2026-01-10",
                                        orders + ":4: column \"quantity\": must be >= 1, got 0"));
    }

    @Test
    void keepsColumnsBeyondTheDataSetsOwnInExtra() {
        Path file = write(
                folder,
                "usage.csv",
                List.of(USAGE_HEADER + ",note", "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,10,16,\"a, b\""));

        IngestReport report = ingest(store, Kind.USAGE, file);

        assertThat(report.extraColumns()).containsExactly("note");
        assertThat(value(store, "SELECT extra->>'note' FROM usage")).isEqualTo("a, b");
    }

    @Test
    void readsQuotedFieldsCrlfBomAndGzip() throws IOException {
        String text = "\uFEFF" + USAGE_HEADER + "\r\n"
                + "\"2026-03-01T00:00:00Z\",hour,\"checkout\",ash-c1,cpu,cores,10,16\r\n"
                + "2026-03-01T01:00:00Z,hour,checkout,ash-c1,cpu,cores,11,16\r\n";
        Path file = folder.resolve("usage.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }

        IngestReport report = ingest(store, Kind.USAGE, file);

        assertThat(report.rowsLoaded()).isEqualTo(2);
        assertThat(value(store, "SELECT max(source_line) FROM usage")).isEqualTo(3L);
    }

    @Test
    void readsJsonLines() {
        Path file = write(
                folder,
                "usage.jsonl",
                List.of(
                        "{\"ts\": \"2026-03-01T00:00:00Z\", \"grain\": \"hour\", \"service\": \"checkout\","
                                + " \"cluster\": \"ash-c1\", \"resource\": \"cpu\", \"unit\": \"cores\", \"used\": 10,"
                                + " \"allocated\": null, \"team_note\": {\"a\": 1}}",
                        "",
                        "{\"ts\": \"2026-03-01T01:00:00Z\", \"grain\": \"hour\", \"service\": \"checkout\","
                                + " \"cluster\": \"ash-c1\", \"resource\": \"cpu\", \"unit\": \"cores\","
                                + " \"used\": \"x\"}"));

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(file + ":3: column \"used\": expected a number, got \"x\""));

        IngestReport report = ingestSkippingBad(store, Kind.USAGE, file);
        assertThat(report.rowsLoaded()).isEqualTo(1);
        assertThat(value(store, "SELECT extra->>'team_note' FROM usage")).isEqualTo("{\"a\":1}");
    }

    @Test
    void readsParquetAndNamesBadRowsByRowNumber() {
        Path file = folder.resolve("usage.parquet");
        writeParquet(
                file,
                "(TIMESTAMPTZ '2026-03-01 00:00:00+00', 'hour', 'checkout', 'ash-c1', 'cpu', 'cores', 10.0, 16.0),"
                        + " (TIMESTAMPTZ '2026-03-01 01:00:00+00', 'hour', 'checkout', 'ash-c1', 'cpu', 'cores', -1.0,"
                        + " 16.0)");

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(file + ":2: column \"used\": must be >= 0, got -1.0"));
        IngestReport report = ingestSkippingBad(store, Kind.USAGE, file);
        assertThat(report.rowsLoaded()).isEqualTo(1);
        assertThat(value(store, "SELECT source_line FROM usage")).isEqualTo(1L);
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedAtItsHeader() {
        Path file = write(folder, "usage.csv", List.of("ts,grain,service,cluster,resource,unit", "x,y,z,a,b,c"));

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(
                                        file + ": column \"used\": required column is missing from the header"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAProblem() {
        Path file = usage("usage.csv", "2026-03-01T00:00:00Z,hour,checkout,ash-c1,cpu,cores,10");

        assertThatThrownBy(() -> ingest(store, Kind.USAGE, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .containsExactly(file + ":2: expected 8 fields as in the header, found 7"));
    }

    @Test
    void sqlIsReadOnly() {
        assertThatThrownBy(() -> store.query("DELETE FROM usage", 10))
                .hasMessageContaining("only read-only queries are allowed");
        assertThatThrownBy(() -> store.query("SELECT * FROM no_such_table", 10))
                .hasMessageStartingWith("SQL failed: Catalog Error");
    }
}
