package io.fleetcast.store.duckdb;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.ingest.FileFormat;
import io.fleetcast.store.ingest.IngestRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A separate process that loads one usage file and reports its progress on stdout, for the kill test to kill. */
public final class IngestChild {
    private IngestChild() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (DuckDbStore store =
                DuckDbStore.open(StoreConfig.of(Path.of(args[0])).withThreads(2))) {
            out.println("OPENED");
            store.ingest(
                    new IngestRequest(Kind.USAGE, Path.of(args[1]), FileFormat.CSV, false),
                    (bytesRead, totalBytes) -> out.println("PROGRESS " + bytesRead + " " + totalBytes));
            out.println("DONE");
        }
    }
}
