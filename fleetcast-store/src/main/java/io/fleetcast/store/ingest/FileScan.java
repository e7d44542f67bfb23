package io.fleetcast.store.ingest;

import io.fleetcast.core.dataset.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a CSV or JSON Lines file, shared by the loading threads: each thread takes a {@link Worker} that
 * fills batches of converted rows from the blocks it takes. The CSV header is read when the scan opens, so the
 * {@link #layout()} is known before the first row.
 */
public final class FileScan implements AutoCloseable {
    private final BlockReader reader;
    private final boolean csv;
    private final FileLayout layout;
    private final int headerWidth;
    private final AtomicLong rowsRead = new AtomicLong();
    private BlockReader.@Nullable Block firstBlock;

    private FileScan(
            BlockReader reader, boolean csv, FileLayout layout, int headerWidth, BlockReader.@Nullable Block first) {
        this.reader = reader;
        this.csv = csv;
        this.layout = layout;
        this.headerWidth = headerWidth;
        this.firstBlock = first;
    }

    /**
     * Opens {@code file} as {@code format} ({@link FileFormat#CSV} or {@link FileFormat#JSON_LINES}); for CSV reads the
     * header, reporting header problems (empty file, duplicate or missing required columns) to {@code errors}.
     */
    public static FileScan open(
            Path file,
            String fileName,
            FileFormat format,
            Schema schema,
            ErrorCollector errors,
            IngestListener listener) {
        if (format == FileFormat.PARQUET) {
            throw new IllegalArgumentException("Parquet is converted to CSV by the store before scanning");
        }
        boolean csv = format == FileFormat.CSV;
        BlockReader reader = new BlockReader(file, fileName, FileFormat.isGzip(file), csv, listener);
        try {
            if (!csv) {
                return new FileScan(reader, false, new FileLayout(schema), -1, null);
            }
            Optional<BlockReader.Block> first = reader.next();
            if (first.isEmpty()) {
                errors.fileProblem("", "file is empty: expected a header line naming the columns");
                return new FileScan(reader, true, new FileLayout(schema), 0, null);
            }
            BlockReader.Block block = first.orElseThrow();
            int start = block.start();
            byte[] data = block.data();
            if (block.end() - start >= 3
                    && data[start] == (byte) 0xEF
                    && data[start + 1] == (byte) 0xBB
                    && data[start + 2] == (byte) 0xBF) {
                start += 3;
            }
            FieldBatch header = new FieldBatch(1);
            header.reset(data);
            int headerRow = header.beginRow(1, start);
            CsvTokenizer tokenizer = new CsvTokenizer();
            int next = tokenizer.read(data, start, block.end(), header, headerRow);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.fieldCount(headerRow); i++) {
                names.add(header.text(headerRow, i));
            }
            String headerProblem = header.problem(headerRow);
            if (headerProblem != null) {
                errors.fileProblem("", "header line: " + headerProblem);
            }
            if (names.stream().allMatch(String::isBlank)) {
                errors.fileProblem("", "the first line must be a header naming the columns");
            }
            FileLayout layout = FileLayout.ofHeader(schema, names, errors);
            BlockReader.Block rest = new BlockReader.Block(
                    data, next, block.end(), block.firstLine() + Math.max(1, tokenizer.linesInRecord()));
            return new FileScan(reader, true, layout, names.size(), rest);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The file's columns as the scan found them (complete for CSV once opened; growing for JSON Lines). */
    public FileLayout layout() {
        return layout;
    }

    /** Number of fields each CSV record must have; -1 for JSON Lines. */
    public int recordWidth() {
        return csv ? headerWidth : -1;
    }

    /** Data records read so far (all of them once the workers are done). */
    public long rowsRead() {
        return rowsRead.get();
    }

    /** The file's {@link ContentHash} once every block was read. */
    public String contentHash() {
        return reader.contentHash();
    }

    public long totalBytes() {
        return reader.totalBytes();
    }

    private synchronized Optional<BlockReader.Block> nextBlock() {
        BlockReader.Block first = firstBlock;
        if (first != null) {
            firstBlock = null;
            return Optional.of(first);
        }
        return reader.next();
    }

    /** A worker for one loading thread, converting with a new converter of {@code plan}, {@code capacity} rows at a time. */
    public Worker newWorker(ConversionPlan plan, int capacity) {
        return new Worker(plan.newConverter(capacity), capacity);
    }

    @Override
    public void close() {
        reader.close();
    }

    /** Reads records from the blocks it takes and converts them into batches. Not thread-safe. */
    public final class Worker {
        private final BatchConverter converter;
        private final FieldBatch batch;
        private final CsvTokenizer csvTokenizer = new CsvTokenizer();
        private final @Nullable JsonLineTokenizer jsonTokenizer;
        private final ValueParser rowNumberParser = new ValueParser();
        private byte[] data = new byte[0];
        private int position;
        private int end;
        private long line;
        private boolean done;

        private Worker(BatchConverter converter, int capacity) {
            this.converter = converter;
            this.batch = new FieldBatch(capacity);
            this.jsonTokenizer = csv ? null : new JsonLineTokenizer(layout);
        }

        /**
         * Fills up to {@code capacity} rows of {@code sink} with good rows (bad ones are reported and skipped) and
         * returns how many; 0 means the file is done for this worker. {@code capacity} may not exceed the capacity the
         * worker was made with.
         */
        public int fill(RowSink sink, int capacity) {
            int written = 0;
            long read = 0;
            int rowNumberColumn = layout.rowNumberColumn();
            while (written < capacity) {
                if (position >= end && !advance()) {
                    break;
                }
                batch.reset(data);
                int limit = Math.min(capacity - written, batch.capacity());
                while (batch.size() < limit && position < end) {
                    byte c = data[position];
                    if (c == '\n' || (c == '\r' && position + 1 < end && data[position + 1] == '\n')) {
                        position += c == '\n' ? 1 : 2;
                        line++;
                        continue;
                    }
                    int row = batch.beginRow(line, position);
                    if (csv) {
                        position = csvTokenizer.read(data, position, end, batch, row);
                        line += csvTokenizer.linesInRecord();
                    } else {
                        int lineEnd = position;
                        while (lineEnd < end && data[lineEnd] != '\n') {
                            lineEnd++;
                        }
                        int contentEnd = lineEnd > position && data[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                        JsonLineTokenizer tokenizer = jsonTokenizer;
                        if (tokenizer != null) {
                            tokenizer.read(data, position, contentEnd, batch, row);
                        }
                        batch.setRawEnd(row, lineEnd);
                        position = Math.min(lineEnd + 1, end);
                        line++;
                    }
                    read++;
                    if (rowNumberColumn >= 0 && batch.isPresent(row, rowNumberColumn)) {
                        byte[] bytes = batch.array(row);
                        int start = FieldBatch.trimStart(
                                bytes, batch.starts(rowNumberColumn)[row], batch.ends(rowNumberColumn)[row]);
                        int fieldEnd = FieldBatch.trimEnd(bytes, start, batch.ends(rowNumberColumn)[row]);
                        if (rowNumberParser.parseLong(bytes, start, fieldEnd)) {
                            batch.setLine(row, rowNumberParser.longValue());
                        }
                    }
                }
                written += converter.convert(batch, sink, written);
            }
            rowsRead.addAndGet(read);
            return written;
        }

        private boolean advance() {
            if (done) {
                return false;
            }
            Optional<BlockReader.Block> block = nextBlock();
            if (block.isEmpty()) {
                done = true;
                return false;
            }
            if (data.length > 0) {
                // The batch and the converter keep no slice of a finished block.
                reader.recycle(data);
            }
            data = block.orElseThrow().data();
            position = block.orElseThrow().start();
            end = block.orElseThrow().end();
            line = block.orElseThrow().firstLine();
            return true;
        }
    }
}
