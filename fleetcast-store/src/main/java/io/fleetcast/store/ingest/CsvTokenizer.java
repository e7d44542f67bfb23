package io.fleetcast.store.ingest;

/**
 * Splits CSV text (RFC 4180: comma-separated, fields optionally in double quotes with {@code ""} for a quote, quoted
 * fields may span lines; {@code \n} or {@code \r\n} line ends) into {@link RawRecord}s. Spaces around fields are
 * trimmed. Not thread-safe.
 */
final class CsvTokenizer {
    private int linesInRecord;

    /** Physical line ends consumed by the last record read (more than 1 when a quoted field spans lines). */
    int linesInRecord() {
        return linesInRecord;
    }

    /**
     * Reads the record starting at {@code position}; returns the position after it (after its line end). Problems
     * (unterminated quote, text after a closing quote) are put on the record, which still gets its fields.
     */
    int read(byte[] bytes, int position, int limit, RawRecord record) {
        linesInRecord = 0;
        int field = 0;
        int p = position;
        while (true) {
            while (p < limit && (bytes[p] == ' ' || bytes[p] == '\t')) {
                p++;
            }
            if (p < limit && bytes[p] == '"') {
                p = readQuoted(bytes, p + 1, limit, record, field);
                if (p < 0) {
                    record.setRawEnd(limit);
                    return limit;
                }
            } else {
                int start = p;
                while (p < limit && bytes[p] != ',' && bytes[p] != '\n') {
                    p++;
                }
                int end = p;
                if (end > start && bytes[end - 1] == '\r') {
                    end--;
                }
                record.set(field, bytes, start, end);
            }
            field++;
            if (p >= limit) {
                record.setFieldCount(field);
                record.setRawEnd(limit);
                return limit;
            }
            if (bytes[p] == ',') {
                p++;
                continue;
            }
            // A line end.
            linesInRecord++;
            record.setFieldCount(field);
            record.setRawEnd(p + 1);
            return p + 1;
        }
    }

    /** Reads a quoted field whose text starts at {@code p}; returns the position of the delimiter after it, or -1. */
    private int readQuoted(byte[] bytes, int start, int limit, RawRecord record, int field) {
        int p = start;
        boolean escaped = false;
        while (true) {
            if (p >= limit) {
                record.setProblem("unterminated quoted field: a \" opened on this line is never closed");
                record.set(field, bytes, start, limit);
                record.setFieldCount(field + 1);
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
            int at = record.beginScratch(end - start);
            byte[] scratch = record.scratch();
            int out = at;
            for (int i = start; i < end; i++) {
                scratch[out++] = bytes[i];
                if (bytes[i] == '"') {
                    i++;
                }
            }
            record.commitScratch(field, at, out);
        } else {
            record.set(field, bytes, start, end);
        }
        p++;
        while (p < limit && (bytes[p] == ' ' || bytes[p] == '\t' || bytes[p] == '\r')) {
            p++;
        }
        if (p < limit && bytes[p] != ',' && bytes[p] != '\n') {
            record.setProblem("unexpected text after a closing quote");
            while (p < limit && bytes[p] != ',' && bytes[p] != '\n') {
                p++;
            }
        }
        return p;
    }
}
