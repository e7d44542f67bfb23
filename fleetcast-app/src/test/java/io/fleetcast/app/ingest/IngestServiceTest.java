package io.fleetcast.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.dataset.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceTest {
    @TempDir
    Path folder;

    @Test
    void findsAFoldersDataFilesInDependencyOrder() throws IOException {
        for (String name : new String[] {
            "usage.parquet", "truth.json", "assets.csv", "skus.csv", "costs.jsonl.gz", "usage-2.csv", "notes.txt"
        }) {
            Files.writeString(folder.resolve(name), "x");
        }

        assertThat(IngestService.dataFiles(folder))
                .containsExactly(
                        new IngestService.FolderEntry(Kind.SKUS, folder.resolve("skus.csv")),
                        new IngestService.FolderEntry(Kind.ASSETS, folder.resolve("assets.csv")),
                        new IngestService.FolderEntry(Kind.USAGE, folder.resolve("usage.parquet")),
                        new IngestService.FolderEntry(Kind.COSTS, folder.resolve("costs.jsonl.gz")));
    }

    @Test
    void namesTheKindByTheFileNameUpToItsFirstDot() {
        assertThat(IngestService.kindOf(Path.of("Usage.CSV.gz"))).contains(Kind.USAGE);
        assertThat(IngestService.kindOf(Path.of("usage.txt"))).isEmpty();
        assertThat(IngestService.kindOf(Path.of("usage-march.csv"))).isEmpty();
    }

    @Test
    void aFolderWithoutDataFilesIsBadInput() {
        assertThatThrownBy(() -> IngestService.dataFiles(folder.resolve("missing")))
                .hasMessageEndingWith("missing: no such folder");
    }
}
