package io.fleetcast.store.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * A fast 128-bit hash of a file's bytes, to recognise a file loaded before. Not cryptographic: it guards against
 * accidents (the same export loaded twice), not against an adversary, and it costs a fraction of SHA-256 on the
 * loading path. Two independent 64-bit lanes, each the structure of xxHash64 (four accumulators over 32-byte stripes,
 * multiply-rotate rounds, a final avalanche; see Yann Collet's xxHash specification), with different seeds.
 * Streaming: {@link #update} may be called with any chunking and gives the same result. Not thread-safe.
 */
public final class ContentHash {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;
    private static final int STRIPE = 32;

    private final Lane first = new Lane(0x6A09E667F3BCC908L);
    private final Lane second = new Lane(0xBB67AE8584CAA73BL);
    private final byte[] pending = new byte[STRIPE];
    private int pendingLength;
    private long totalLength;

    /** Adds {@code bytes[offset, offset + length)}. */
    public void update(byte[] bytes, int offset, int length) {
        totalLength += length;
        int position = offset;
        int end = offset + length;
        if (pendingLength > 0) {
            int take = Math.min(STRIPE - pendingLength, length);
            System.arraycopy(bytes, position, pending, pendingLength, take);
            pendingLength += take;
            position += take;
            if (pendingLength < STRIPE) {
                return;
            }
            stripe(pending, 0);
            pendingLength = 0;
        }
        for (; position + STRIPE <= end; position += STRIPE) {
            stripe(bytes, position);
        }
        pendingLength = end - position;
        System.arraycopy(bytes, position, pending, 0, pendingLength);
    }

    private void stripe(byte[] bytes, int at) {
        long a = (long) LONGS.get(bytes, at);
        long b = (long) LONGS.get(bytes, at + 8);
        long c = (long) LONGS.get(bytes, at + 16);
        long d = (long) LONGS.get(bytes, at + 24);
        first.round(a, b, c, d);
        second.round(a, b, c, d);
    }

    /** The hash of everything added, as 32 lower-case hex digits. */
    public String hex() {
        long high = first.finish(pending, pendingLength, totalLength);
        long low = second.finish(pending, pendingLength, totalLength);
        byte[] digest = new byte[16];
        for (int i = 0; i < 8; i++) {
            digest[i] = (byte) (high >>> (56 - 8 * i));
            digest[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return HexFormat.of().formatHex(digest);
    }

    /** One 64-bit lane: four accumulators seeded from its own seed. */
    private static final class Lane {
        private final long seed;
        private long v1;
        private long v2;
        private long v3;
        private long v4;
        private boolean mixed;

        Lane(long seed) {
            this.seed = seed;
            v1 = seed + PRIME1 + PRIME2;
            v2 = seed + PRIME2;
            v3 = seed;
            v4 = seed - PRIME1;
        }

        void round(long a, long b, long c, long d) {
            v1 = accumulate(v1, a);
            v2 = accumulate(v2, b);
            v3 = accumulate(v3, c);
            v4 = accumulate(v4, d);
            mixed = true;
        }

        long finish(byte[] tail, int tailLength, long totalLength) {
            long h;
            if (mixed) {
                h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
                h = merge(h, v1);
                h = merge(h, v2);
                h = merge(h, v3);
                h = merge(h, v4);
            } else {
                h = seed + PRIME5;
            }
            h += totalLength;
            int i = 0;
            for (; i + 8 <= tailLength; i += 8) {
                h ^= accumulate(0, (long) LONGS.get(tail, i));
                h = Long.rotateLeft(h, 27) * PRIME1 + PRIME4;
            }
            for (; i < tailLength; i++) {
                h ^= (tail[i] & 0xFFL) * PRIME5;
                h = Long.rotateLeft(h, 11) * PRIME1;
            }
            h ^= h >>> 33;
            h *= PRIME2;
            h ^= h >>> 29;
            h *= PRIME3;
            h ^= h >>> 32;
            return h;
        }

        private static long accumulate(long accumulator, long input) {
            return Long.rotateLeft(accumulator + input * PRIME2, 31) * PRIME1;
        }

        private static long merge(long h, long accumulator) {
            return (h ^ accumulate(0, accumulator)) * PRIME1 + PRIME4;
        }
    }
}
