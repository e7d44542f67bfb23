package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentHashTest {
    private static String hash(byte[] bytes, int... chunks) {
        ContentHash hash = new ContentHash();
        int position = 0;
        for (int chunk : chunks) {
            hash.update(bytes, position, chunk);
            position += chunk;
        }
        hash.update(bytes, position, bytes.length - position);
        return hash.hex();
    }

    @Test
    void doesNotDependOnHowTheBytesArriveInChunks() {
        byte[] bytes = new byte[1000];
        new Random(1).nextBytes(bytes);
        String whole = hash(bytes);
        assertThat(hash(bytes, 1, 31, 32, 33, 100)).isEqualTo(whole);
        assertThat(hash(bytes, 999)).isEqualTo(whole);
        assertThat(whole).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void tellsApartNearlyIdenticalFiles() {
        Set<String> seen = new HashSet<>();
        byte[] base = "ts,grain,service\n2026-03-01,day,checkout\n".getBytes(UTF_8);
        for (int i = 0; i < base.length; i++) {
            byte[] changed = base.clone();
            changed[i] ^= 1;
            seen.add(hash(changed));
        }
        seen.add(hash(base));
        seen.add(hash(new byte[0]));
        seen.add(hash(new byte[1]));
        seen.add(hash(new byte[2]));
        assertThat(seen).hasSize(base.length + 4);
    }
}
