package io.fleetcast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    private static final LocalDate END = LocalDate.of(2026, 10, 31);

    @TempDir
    Path folder;

    @Test
    void sameConfigGivesIdenticalBytes() {
        SimulationConfig config = new SimulationConfig(60, 120, 5, END);
        Map<String, String> first = hashes(simulate(config, "first"));
        Map<String, String> second = hashes(simulate(config, "second"));
        assertThat(first).hasSize(14).isEqualTo(second);
    }

    @Test
    void anotherSeedGivesOtherBytes() {
        Map<String, String> first = hashes(simulate(new SimulationConfig(60, 120, 5, END), "seed5"));
        Map<String, String> second = hashes(simulate(new SimulationConfig(60, 120, 6, END), "seed6"));
        assertThat(first.get("usage.csv")).isNotEqualTo(second.get("usage.csv"));
        assertThat(first.get("truth.json")).isNotEqualTo(second.get("truth.json"));
        assertThat(first.get("services.csv")).isNotEqualTo(second.get("services.csv"));
    }

    private Path simulate(SimulationConfig config, String name) {
        Path output = folder.resolve(name);
        new FleetSimulator().simulate(config, output, SimulationListener.NONE);
        return output;
    }

    private static Map<String, String> hashes(Path output) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                hashes.put(
                        file.getFileName().toString(),
                        HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }
}
