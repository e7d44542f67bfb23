package io.fleetcast.store.ingest;

/**
 * Splits CSV text (RFC 4180: comma-separated, fields optionally in double quotes with {@code ""} for a quote, quoted
 * fields may span lines; {@code \n} or {@code \r\n} line ends) into the fields of a {@link FieldBatch} row. Field
 * positions are recorded as they are; trimming and absent values are the converter's business. Not thread-safe.
 */
final class CsvTokenizer {
    private int linesInRecord;

    /** Physical line ends consumed by the last record read (more than 1 when a quoted field spans lines). */
    int linesInRecord() {
        return linesInRecord;
    }

    /**
     * Reads the record starting at {@code position} into {@code row} of {@code batch}; returns the position after it
     * (after its line end). Problems (unterminated quote, text after a closing quote) are set on the row, which still
     * gets its fields.
     */
    int read(byte[] bytes, int position, int limit, FieldBatch batch, int row) {
        linesInRecord = 0;
        int field = 0;
        int p = position;
        while (true) {
            int start = p;
            while (p < limit && (bytes[p] == ' ' || bytes[p] == '\t')) {
                p++;
            }
            if (p < limit && bytes[p] == '"') {
                p = readQuoted(bytes, p + 1, limit, batch, row, field);
                if (p < 0) {
                    batch.setRawEnd(row, limit);
                    return limit;
                }
            } else {
                p = start;
                while (p < limit && bytes[p] != ',' && bytes[p] != '\n') {
                    p++;
                }
                int end = p;
                if (end > start && bytes[end - 1] == '\r') {
                    end--;
                }
                set(batch, row, field, bytes, start, end);
            }
            field++;
            if (p >= limit) {
                batch.setFieldCount(row, field);
                batch.setRawEnd(row, limit);
                return limit;
            }
            if (bytes[p] == ',') {
                p++;
                continue;
            }
            // A line end.
            linesInRecord++;
            batch.setFieldCount(row, field);
            batch.setRawEnd(row, p + 1);
            return p + 1;
        }
    }

    private static void set(FieldBatch batch, int row, int field, byte[] bytes, int start, int end) {
        if (batch.array(row) == bytes) {
            batch.setField(row, field, start, end);
        } else {
            batch.setCopiedField(row, field, bytes, start, end);
        }
    }

    /** Reads a quoted field whose text starts at {@code start}; returns the position of the delimiter after it, or -1. */
    private int readQuoted(byte[] bytes, int start, int limit, FieldBatch batch, int row, int field) {
        int p = start;
        boolean escaped = false;
        while (true) {
            if (p >= limit) {
                batch.setProblem(row, "unterminated quoted field: a \" opened on this line is never closed");
                set(batch, row, field, bytes, start, limit);
                batch.setFieldCount(row, field + 1);
                return -1;
            }
            byte c = bytes[p];
            if (c == '"') {
                if (p + 1 < limit && bytes[p + 1] == '"') {
                    escaped = true;
                    p += 2;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                linesInRecord++;
            }
            p++;
        }
        int end = p;
        if (escaped) {
            if (batch.array(row) == bytes) {
                batch.moveToScratch(row);
            }
            int at = batch.reserve(end - start);
            byte[] scratch = batch.scratch();
            int out = at;
            for (int i = start; i < end; i++) {
                scratch[out++] = bytes[i];
                if (bytes[i] == '"') {
                    i++;
                }
            }
            batch.commitScratch(out);
            batch.setField(row, field, at, out);
        } else {
            set(batch, row, field, bytes, start, end);
        }
        p++;
        while (p < limit && (bytes[p] == ' ' || bytes[p] == '\t' || bytes[p] == '\r')) {
            p++;
        }
        if (p < limit && bytes[p] != ',' && bytes[p] != '\n') {
            batch.setProblem(row, "unexpected text after a closing quote");
            while (p < limit && bytes[p] != ',' && bytes[p] != '\n') {
                p++;
            }
        }
        return p;
    }
}
