package io.fleetcast.store.duckdb;

import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.ColumnType;
import io.fleetcast.core.dataset.Schema;
import io.fleetcast.store.ingest.ConversionPlan;
import io.fleetcast.store.ingest.FileScan;
import io.fleetcast.store.ingest.OutputColumns;
import io.fleetcast.store.ingest.RowSink;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;
import org.jspecify.annotations.Nullable;

/**
 * The DuckDB table function {@code fleetcast_scan('job')} through which a load streams converted rows straight into
 * DuckDB's vectors, from as many threads as the store has, each parsing its own blocks of the file. A job is
 * registered for the duration of one {@code INSERT ... SELECT ... FROM fleetcast_scan(...)}.
 */
final class ScanFunction implements DuckDBTableFunction<ScanFunction.Job, ScanFunction.Job, ScanFunction.LocalState> {
    static final String NAME = "fleetcast_scan";
    /** DuckDB's vector size: the rows of one output chunk. */
    static final int ROWS_PER_CHUNK = 2048;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong nextJob = new AtomicLong();

    /**
     * One load's scan and conversion plan, how many threads may read it, and whether numbers go straight into vector
     * memory ({@link VectorMemory}) or through the driver's public setters.
     */
    record Job(FileScan scan, ConversionPlan plan, int threads, boolean directWrites) {}

    /** One DuckDB thread's worker and its reusable sink. */
    static final class LocalState {
        final FileScan.Worker worker;
        final VectorSink sink;

        LocalState(FileScan.Worker worker, ConversionPlan plan, boolean directWrites) {
            this.worker = worker;
            this.sink = new VectorSink(plan, directWrites);
        }
    }

    /** Registers the function on {@code connection}'s database. */
    static ScanFunction register(DuckDBConnection connection) throws SQLException {
        ScanFunction function = new ScanFunction();
        DuckDBFunctions.tableFunction()
                .withName(NAME)
                .withParameter(String.class)
                .withFunction(function)
                .register(connection);
        return function;
    }

    /** Makes {@code job} available to one query; returns the argument to call the function with. */
    String open(Job job) {
        String id = "job-" + nextJob.incrementAndGet();
        jobs.put(id, job);
        return id;
    }

    void close(String id) {
        jobs.remove(id);
    }

    @Override
    public Job bind(DuckDBTableFunctionBindInfo info) {
        String id = info.getParameter(0).getString();
        Job job = jobs.get(id);
        if (job == null) {
            throw new IllegalStateException("no fleetcast_scan job " + id);
        }
        Schema schema = job.plan().schema();
        for (int i = 0; i < schema.columns().size(); i++) {
            Column column = schema.columns().get(i);
            info.addResultColumn("c" + i, duckDbType(column.type()));
        }
        info.addResultColumn("source_line", DuckDBColumnType.BIGINT);
        if (job.plan().emitsExtra()) {
            info.addResultColumn("extra", DuckDBColumnType.VARCHAR);
        }
        return job;
    }

    /**
     * The type the scan gives a column: timestamps as TIMESTAMPTZ directly (a cast from TIMESTAMP would go through the
     * time zone library value by value), everything else as its carrier.
     */
    private static DuckDBColumnType duckDbType(ColumnType type) {
        if (type == ColumnType.TIMESTAMP) {
            return DuckDBColumnType.TIMESTAMP_WITH_TIME_ZONE;
        }
        return switch (OutputColumns.carrierOf(type)) {
            case TEXT -> DuckDBColumnType.VARCHAR;
            case LONG -> DuckDBColumnType.BIGINT;
            case DOUBLE -> DuckDBColumnType.DOUBLE;
        };
    }

    @Override
    public Job init(DuckDBTableFunctionInitInfo info) {
        Job job = info.getBindData();
        info.setMaxThreads(job.threads());
        return job;
    }

    @Override
    public LocalState localInit(DuckDBTableFunctionInitInfo info) {
        Job job = info.getBindData();
        return new LocalState(job.scan().newWorker(job.plan(), ROWS_PER_CHUNK), job.plan(), job.directWrites());
    }

    @Override
    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter output) throws SQLException {
        LocalState state = info.getLocalInitData();
        VectorSink sink = state.sink;
        int capacity = (int) Math.min(output.capacity(), ROWS_PER_CHUNK);
        sink.start(output, capacity);
        int rows = state.worker.fill(sink, capacity);
        sink.finish(rows);
        return rows;
    }

    /**
     * Writes converted values into one output chunk. Values are gathered per column and handed over when the chunk is
     * full: numbers copied into the vectors' memory in bulk (or through the driver's setters when direct writes are
     * off), text likewise when every value of the chunk fits in
     * a DuckDB string record (up to 12 bytes: names, codes, units) it is written into the vector's memory too, otherwise
     * handed over in one driver call per chunk, which is far cheaper than one native call per string.
     */
    static final class VectorSink implements RowSink {
        private static final byte[] EMPTY = new byte[0];

        private final OutputColumns.Carrier[] carriers;
        /** Columns that are TIMESTAMPTZ vectors (microseconds since the epoch), not BIGINT. */
        private final boolean[] timestamps;

        private final boolean directWrites;
        private final DuckDBWritableVector[] vectors;
        private final VectorMemory.@Nullable Memory[] memory;
        private final byte[] @Nullable [][] texts;
        private final long[][] longs;
        private final double[][] doubles;
        private final boolean[][] nulls;
        private final int[] longestText;
        private boolean hasNulls;

        VectorSink(ConversionPlan plan, boolean directWrites) {
            Schema schema = plan.schema();
            int count = OutputColumns.count(plan);
            carriers = new OutputColumns.Carrier[count];
            timestamps = new boolean[count];
            for (int i = 0; i < schema.columns().size(); i++) {
                carriers[i] = OutputColumns.carrierOf(schema.columns().get(i).type());
                timestamps[i] = schema.columns().get(i).type() == ColumnType.TIMESTAMP;
            }
            carriers[OutputColumns.sourceLine(schema)] = OutputColumns.Carrier.LONG;
            if (plan.emitsExtra()) {
                carriers[OutputColumns.extra(schema)] = OutputColumns.Carrier.TEXT;
            }
            this.directWrites = directWrites;
            vectors = new DuckDBWritableVector[count];
            memory = new VectorMemory.Memory[count];
            texts = new byte[count][][];
            longs = new long[count][];
            doubles = new double[count][];
            nulls = new boolean[count][];
            longestText = new int[count];
        }

        private static int widthOf(OutputColumns.Carrier carrier) {
            return switch (carrier) {
                case LONG, DOUBLE -> Long.BYTES;
                case TEXT -> VectorMemory.STRING_BYTES;
            };
        }

        void start(DuckDBDataChunkWriter output, int capacity) {
            for (int i = 0; i < carriers.length; i++) {
                vectors[i] = output.vector(i);
                memory[i] = directWrites
                        ? VectorMemory.of(vectors[i], capacity, widthOf(carriers[i]))
                                .orElse(null)
                        : null;
                switch (carriers[i]) {
                    case TEXT -> {
                        byte[][] column = texts[i];
                        if (column == null || column.length < capacity) {
                            texts[i] = new byte[capacity][];
                        }
                        longestText[i] = 0;
                    }
                    case LONG -> {
                        long[] column = longs[i];
                        if (column == null || column.length < capacity) {
                            longs[i] = new long[capacity];
                        }
                    }
                    case DOUBLE -> {
                        double[] column = doubles[i];
                        if (column == null || column.length < capacity) {
                            doubles[i] = new double[capacity];
                        }
                    }
                }
                boolean[] columnNulls = nulls[i];
                if (columnNulls == null || columnNulls.length < capacity) {
                    nulls[i] = new boolean[capacity];
                } else {
                    Arrays.fill(columnNulls, false);
                }
            }
            hasNulls = false;
        }

        void finish(int rows) throws SQLException {
            if (rows == 0) {
                return;
            }
            for (int i = 0; i < carriers.length; i++) {
                VectorMemory.@Nullable Memory direct = memory[i];
                switch (carriers[i]) {
                    case TEXT -> {
                        byte[][] column = texts[i];
                        if (column == null) {
                            continue;
                        }
                        if (direct != null && longestText[i] <= VectorMemory.INLINE_STRING_BYTES) {
                            VectorMemory.putInlineStrings(direct.data(), column, rows);
                        } else {
                            vectors[i].setStringUtf8Batch(
                                    0, column.length == rows ? column : Arrays.copyOf(column, rows));
                        }
                    }
                    case LONG -> {
                        long[] column = longs[i];
                        if (column == null) {
                            continue;
                        }
                        if (direct != null) {
                            VectorMemory.putLongs(direct.data(), column, rows);
                        } else {
                            for (int row = 0; row < rows; row++) {
                                if (nulls[i][row]) {
                                    continue;
                                }
                                if (timestamps[i]) {
                                    vectors[i].setOffsetDateTime(row, utc(column[row]));
                                } else {
                                    vectors[i].setLong(row, column[row]);
                                }
                            }
                        }
                    }
                    case DOUBLE -> {
                        double[] column = doubles[i];
                        if (column == null) {
                            continue;
                        }
                        if (direct != null) {
                            VectorMemory.putDoubles(direct.data(), column, rows);
                        } else {
                            for (int row = 0; row < rows; row++) {
                                if (!nulls[i][row]) {
                                    vectors[i].setDouble(row, column[row]);
                                }
                            }
                        }
                    }
                }
            }
            if (hasNulls) {
                for (int i = 0; i < carriers.length; i++) {
                    boolean[] columnNulls = nulls[i];
                    for (int row = 0; row < rows; row++) {
                        if (columnNulls[row]) {
                            VectorMemory.@Nullable Memory direct = memory[i];
                            if (direct != null) {
                                direct.markNull(row);
                            } else {
                                vectors[i].setNull(row);
                            }
                        }
                    }
                }
            }
        }

        private static OffsetDateTime utc(long micros) {
            return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        }

        @Override
        public void setLong(int column, int row, long value) {
            nulls[column][row] = false;
            long[] values = longs[column];
            if (values != null) {
                values[row] = value;
            }
        }

        @Override
        public void setDouble(int column, int row, double value) {
            nulls[column][row] = false;
            double[] values = doubles[column];
            if (values != null) {
                values[row] = value;
            }
        }

        @Override
        public void setText(int column, int row, byte[] utf8) {
            nulls[column][row] = false;
            byte[][] columnTexts = texts[column];
            if (columnTexts != null) {
                columnTexts[row] = utf8;
                if (utf8.length > longestText[column]) {
                    longestText[column] = utf8.length;
                }
            }
        }

        @Override
        public void setNull(int column, int row) {
            nulls[column][row] = true;
            hasNulls = true;
            byte[][] columnTexts = texts[column];
            if (columnTexts != null) {
                columnTexts[row] = EMPTY;
            }
        }
    }
}
