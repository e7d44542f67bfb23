package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.ColumnType;
import io.fleetcast.core.dataset.Reference;
import io.fleetcast.core.dataset.Rule;
import io.fleetcast.core.time.Grain;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.ingest.ConversionPlan.CompiledRule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link FieldBatch} into typed, validated rows for one loading thread, a column at a time: reads each column
 * of every row as its type, checks required fields, ranges, choices, patterns and references, then the schema's
 * cross-column rules, converts quantities to canonical units, reports every problem of each bad row, and writes the
 * good rows, in order, to a {@link RowSink}. Working column by column keeps each loop small and branch-predictable,
 * which is most of the loader's speed. Not thread-safe.
 */
public final class BatchConverter {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final byte VERDICT_PASS = 1;
    private static final byte VERDICT_FAIL = -1;
    private static final long KEY_SEED = 0x2545F4914F6CDD1DL;
    private static final long ABSENT_KEY_PART = 0x632BE59BD9B4E019L;

    private final ConversionPlan plan;
    private final KeyHashes keyHashes;
    private final ValueParser parser;
    private final TextDictionary[] dictionaries;
    private final int columnCount;

    // The batch being converted, [column][row].
    private final boolean[][] present;
    private final boolean[][] failed;
    private final long[][] longs;
    private final double[][] doubles;
    private final byte[][][] texts;
    private final TextDictionary.Entry[][] entries;
    // Per row.
    private final boolean[] skipped;
    private final boolean[] bad;
    private final long[] keyHash;
    private final int[] good;
    private final List<List<ErrorCollector.Problem>> problems;
    private final StringBuilder extra = new StringBuilder();

    BatchConverter(ConversionPlan plan, KeyHashes keyHashes, int capacity) {
        this.plan = plan;
        this.keyHashes = keyHashes;
        this.parser = new ValueParser(plan.slashDates);
        this.columnCount = plan.schema.columns().size();
        this.dictionaries = new TextDictionary[columnCount];
        for (int i = 0; i < columnCount; i++) {
            dictionaries[i] = new TextDictionary();
        }
        present = new boolean[columnCount][capacity];
        failed = new boolean[columnCount][capacity];
        longs = new long[columnCount][capacity];
        doubles = new double[columnCount][capacity];
        texts = new byte[columnCount][capacity][];
        entries = new TextDictionary.Entry[columnCount][capacity];
        skipped = new boolean[capacity];
        bad = new boolean[capacity];
        keyHash = new long[capacity];
        good = new int[capacity];
        problems = new ArrayList<>(capacity);
        for (int r = 0; r < capacity; r++) {
            problems.add(new ArrayList<>(2));
        }
    }

    /**
     * Converts the rows of {@code batch}: reports the bad ones to the plan's {@link ErrorCollector} and writes the good
     * ones to rows {@code offset, offset + 1, ...} of {@code sink}. Returns how many rows it wrote.
     */
    public int convert(FieldBatch batch, RowSink sink, int offset) {
        int size = batch.size();
        for (int r = 0; r < size; r++) {
            problems.get(r).clear();
            bad[r] = false;
            skipped[r] = false;
            String problem = batch.problem(r);
            if (problem != null) {
                reject(r, "", problem);
                skipped[r] = true;
            } else if (plan.recordWidth >= 0 && batch.fieldCount(r) != plan.recordWidth) {
                reject(
                        r,
                        "",
                        "expected " + plan.recordWidth + " fields as in the header, found " + batch.fieldCount(r));
                skipped[r] = true;
            }
        }
        for (int i = 0; i < columnCount; i++) {
            readColumn(i, batch, size);
        }
        // Cross-column rules judge rows whose every column was read well.
        for (int r = 0; r < size; r++) {
            skipped[r] = bad[r];
        }
        for (CompiledRule rule : plan.rules) {
            for (int r = 0; r < size; r++) {
                if (!skipped[r]) {
                    apply(rule, batch, r);
                }
            }
        }
        int goodRows = 0;
        for (int r = 0; r < size; r++) {
            if (bad[r]) {
                plan.errors.reject(
                        batch.line(r), List.copyOf(problems.get(r)), plan.keepRawText ? batch.rawText(r) : "");
            } else {
                good[goodRows++] = r;
            }
        }
        if (plan.checkKeys) {
            hashKeys(goodRows);
        }
        emit(batch, sink, offset, goodRows);
        return goodRows;
    }

    // ---- reading columns ----

    private void readColumn(int i, FieldBatch batch, int size) {
        boolean[] columnPresent = present[i];
        boolean[] columnFailed = failed[i];
        int field = plan.layout.fileColumnOf(i);
        boolean inBatch = field >= 0 && field < batch.width();
        Column column = plan.columns[i];
        for (int r = 0; r < size; r++) {
            columnPresent[r] = false;
            columnFailed[r] = false;
        }
        if (!inBatch) {
            if (column.isRequired()) {
                for (int r = 0; r < size; r++) {
                    if (!skipped[r]) {
                        fail(i, r, "required value is missing");
                    }
                }
            }
            return;
        }
        int[] starts = batch.starts(field);
        int[] ends = batch.ends(field);
        ColumnType type = plan.types[i];
        for (int r = 0; r < size; r++) {
            if (skipped[r]) {
                continue;
            }
            byte[] bytes = batch.array(r);
            int start = FieldBatch.trimStart(bytes, starts[r], ends[r]);
            int end = FieldBatch.trimEnd(bytes, start, ends[r]);
            if (field >= batch.fieldCount(r) || end <= start || FieldBatch.isNullLiteral(bytes, start, end)) {
                if (column.isRequired()) {
                    fail(i, r, "required value is missing");
                }
                continue;
            }
            boolean read = switch (type) {
                case TEXT -> readText(i, r, column, bytes, start, end);
                case CHOICE -> readChoice(i, r, bytes, start, end);
                case INTEGER -> readInteger(i, r, column, bytes, start, end);
                case NUMBER -> readNumber(i, r, column, bytes, start, end);
                case DECIMAL -> readDecimal(i, r, column, bytes, start, end);
                case DATE -> readLong(i, r, parser.parseDate(bytes, start, end));
                case TIMESTAMP -> readLong(i, r, parser.parseTimestamp(bytes, start, end));
                case JSON -> readJson(i, r, bytes, start, end);
            };
            columnPresent[r] = read;
        }
    }

    private boolean readLong(int i, int r, boolean parsed) {
        if (!parsed) {
            return fail(i, r, parser.problem());
        }
        longs[i][r] = parser.longValue();
        return true;
    }

    private boolean readInteger(int i, int r, Column column, byte[] bytes, int start, int end) {
        if (!parser.parseLong(bytes, start, end)) {
            return fail(i, r, parser.problem());
        }
        longs[i][r] = parser.longValue();
        return inRange(i, r, column, (double) parser.longValue(), bytes, start, end);
    }

    private boolean readNumber(int i, int r, Column column, byte[] bytes, int start, int end) {
        if (!parser.parseDouble(bytes, start, end)) {
            return fail(i, r, parser.problem());
        }
        doubles[i][r] = parser.doubleValue();
        return inRange(i, r, column, parser.doubleValue(), bytes, start, end);
    }

    private boolean readDecimal(int i, int r, Column column, byte[] bytes, int start, int end) {
        if (!parser.parseDecimal(bytes, start, end)) {
            return fail(i, r, parser.problem());
        }
        if (!inRange(i, r, column, parser.decimalApproximation(), bytes, start, end)) {
            return false;
        }
        texts[i][r] = parser.decimalText();
        return true;
    }

    private boolean inRange(int i, int r, Column column, double value, byte[] bytes, int start, int end) {
        if (!plan.hasRange[i]) {
            return true;
        }
        boolean below = value < plan.min[i] || (plan.minExclusive[i] && value == plan.min[i]);
        if (below || value > plan.max[i]) {
            return fail(i, r, "must be " + column.describeRange() + ", got " + ValueParser.text(bytes, start, end));
        }
        return true;
    }

    private boolean readText(int i, int r, Column column, byte[] bytes, int start, int end) {
        TextDictionary.Entry entry = dictionaries[i].lookup(bytes, start, end);
        entries[i][r] = entry;
        if (entry.invalidUtf8At >= 0) {
            return fail(i, r, invalidUtf8(entry));
        }
        texts[i][r] = entry.bytes;
        Pattern pattern = plan.patterns[i];
        if (pattern != null) {
            if (entry.patternVerdict == 0) {
                entry.patternVerdict = pattern.matcher(entry.text()).matches() ? VERDICT_PASS : VERDICT_FAIL;
            }
            if (entry.patternVerdict == VERDICT_FAIL) {
                return fail(
                        i, r, "expected " + column.patternDescription() + ", got " + ValueParser.quote(entry.text()));
            }
        }
        Reference reference = plan.columnReferences[i];
        if (reference != null) {
            if (entry.referenceVerdict == 0) {
                entry.referenceVerdict =
                        plan.references.contains(reference, entry.text()) ? VERDICT_PASS : VERDICT_FAIL;
            }
            if (entry.referenceVerdict == VERDICT_FAIL) {
                return fail(i, r, unknownReference(reference, entry.text()));
            }
        }
        return true;
    }

    private static String invalidUtf8(TextDictionary.Entry entry) {
        return String.format(
                Locale.ROOT,
                "not valid UTF-8: byte 0x%02X at byte %d of the value; save the file as UTF-8",
                entry.bytes[entry.invalidUtf8At] & 0xFF,
                entry.invalidUtf8At + 1);
    }

    private String unknownReference(Reference reference, String value) {
        String table = reference.kind().tableName();
        if (plan.references.isEmpty(reference)) {
            return "unknown " + reference.column() + " " + ValueParser.quote(value) + ": no " + table
                    + " are stored yet; load " + table + " first";
        }
        return "unknown " + reference.column() + " " + ValueParser.quote(value) + ": not in the stored " + table;
    }

    private boolean readChoice(int i, int r, byte[] bytes, int start, int end) {
        TextDictionary.Entry entry = dictionaries[i].lookup(bytes, start, end);
        entries[i][r] = entry;
        if (entry.invalidUtf8At >= 0) {
            return fail(i, r, invalidUtf8(entry));
        }
        if (entry.choice == -2) {
            entry.choice = -1;
            String[] allowed = plan.choices[i];
            for (int c = 0; c < allowed.length; c++) {
                if (allowed[c].equalsIgnoreCase(entry.text())) {
                    entry.choice = c;
                    break;
                }
            }
        }
        if (entry.choice < 0) {
            return fail(
                    i,
                    r,
                    "expected one of " + String.join(", ", plan.choices[i]) + "; got "
                            + ValueParser.quote(entry.text()));
        }
        texts[i][r] = plan.choiceBytes[i][entry.choice];
        return true;
    }

    private boolean readJson(int i, int r, byte[] bytes, int start, int end) {
        TextDictionary.Entry entry = dictionaries[i].lookup(bytes, start, end);
        entries[i][r] = entry;
        if (entry.invalidUtf8At >= 0) {
            return fail(i, r, invalidUtf8(entry));
        }
        if (entry.jsonVerdict == 0) {
            try {
                JsonNode node = plan.json.readTree(entry.bytes);
                if (node != null && node.isObject()) {
                    entry.jsonVerdict = VERDICT_PASS;
                } else {
                    entry.jsonVerdict = VERDICT_FAIL;
                    entry.jsonProblem = "expected a JSON object, got " + ValueParser.quote(entry.text());
                }
            } catch (IOException e) {
                entry.jsonVerdict = VERDICT_FAIL;
                entry.jsonProblem = "invalid JSON " + ValueParser.quote(entry.text());
            }
        }
        if (entry.jsonVerdict == VERDICT_FAIL) {
            return fail(i, r, entry.jsonProblem);
        }
        texts[i][r] = entry.bytes;
        return true;
    }

    // ---- cross-column rules ----

    private void apply(CompiledRule compiled, FieldBatch batch, int r) {
        Rule rule = compiled.rule();
        int column = compiled.column();
        int other = compiled.other();
        if (rule instanceof Rule.NotBefore notBefore) {
            if (present[column][r] && present[other][r] && longs[column][r] < longs[other][r]) {
                fail(
                        column,
                        r,
                        notBefore.column() + " " + display(column, r) + " is before " + notBefore.earlier() + " "
                                + display(other, r));
            }
        } else if (rule instanceof Rule.RequiredWhen required) {
            if (!present[column][r] && !failed[column][r] && holdsOneOf(other, r, compiled)) {
                fail(column, r, "required when " + required.whenColumn() + " is " + valueText(other, r));
            }
        } else if (rule instanceof Rule.AbsentWhen absent) {
            if (present[column][r] && holdsOneOf(other, r, compiled)) {
                fail(column, r, "must be empty when " + absent.whenColumn() + " is " + valueText(other, r));
            }
        } else if (rule instanceof Rule.PositiveWhen positive) {
            if (present[column][r] && holdsOneOf(other, r, compiled) && !(numeric(column, r) > 0)) {
                fail(
                        column,
                        r,
                        "must be > 0 when " + positive.whenColumn() + " is " + valueText(other, r) + ", got "
                                + displayNumber(column, r));
            }
        } else if (rule instanceof Rule.AtMostOneOf oneOf) {
            if (present[column][r] && present[other][r]) {
                fail(column, r, oneOf.first() + " and " + oneOf.second() + " are both set; at most one may be");
            }
        } else if (rule instanceof Rule.UnitOf) {
            convertUnit(compiled, r);
        } else if (rule instanceof Rule.AlignedToGrain aligned) {
            checkAligned(column, other, aligned, batch, r);
        } else if (rule instanceof Rule.ReferenceWhen referenceWhen) {
            if (holdsOneOf(other, r, compiled)) {
                Reference reference = compiled.reference();
                if (!present[column][r]) {
                    if (!failed[column][r]) {
                        fail(
                                column,
                                r,
                                "required when " + referenceWhen.whenColumn() + " is " + referenceWhen.whenValue());
                    }
                } else if (reference != null && !plan.references.contains(reference, valueText(column, r))) {
                    fail(column, r, unknownReference(reference, valueText(column, r)));
                }
            }
        }
    }

    private void convertUnit(CompiledRule compiled, int r) {
        int unitColumn = compiled.column();
        int resourceColumn = compiled.other();
        TextDictionary.Entry unit = entries[unitColumn][r];
        TextDictionary.Entry resourceEntry = entries[resourceColumn][r];
        if (!present[unitColumn][r] || unit == null || !present[resourceColumn][r] || resourceEntry == null) {
            return;
        }
        int resourceChoice = resourceEntry.choice;
        Resource resource = choiceOf(plan.resourceOfChoice, resourceColumn, r);
        double[] factors = unit.unitFactors;
        if (factors == null) {
            @Nullable Resource[] resources = plan.resourceOfChoice[resourceColumn];
            factors = new double[resources.length];
            for (int c = 0; c < resources.length; c++) {
                Resource candidate = resources[c];
                OptionalDouble factor = candidate == null ? OptionalDouble.empty() : candidate.toCanonical(unit.text());
                factors[c] = factor.isPresent() ? factor.orElseThrow() : Double.NaN;
            }
            unit.unitFactors = factors;
        }
        double factor = factors[resourceChoice];
        if (Double.isNaN(factor)) {
            fail(
                    unitColumn,
                    r,
                    "unit " + ValueParser.quote(unit.text()) + " is not a unit of " + resource.code() + "; use one of "
                            + String.join(", ", resource.acceptedUnits().keySet()));
            return;
        }
        if (factor != 1.0) {
            for (int value : compiled.valueColumns()) {
                if (present[value][r]) {
                    doubles[value][r] *= factor;
                }
            }
        }
        texts[unitColumn][r] = plan.canonicalUnitBytes.get(resource);
    }

    private void checkAligned(int timestamp, int grainColumn, Rule.AlignedToGrain rule, FieldBatch batch, int r) {
        if (!present[timestamp][r] || !present[grainColumn][r]) {
            return;
        }
        Grain grain = choiceOf(plan.grainOfChoice, grainColumn, r);
        long stepMicros = grain.step().toSeconds() * MICROS_PER_SECOND;
        if (Math.floorMod(longs[timestamp][r], stepMicros) != 0) {
            String shown = batch.text(r, plan.layout.fileColumnOf(timestamp));
            fail(
                    timestamp,
                    r,
                    shown + " is not the start of a UTC " + grain.code() + " (" + rule.grainColumn() + " is "
                            + grain.code() + ")");
        }
    }

    /** What the choice in {@code column} of row {@code r} names, from the plan's table of choices. */
    private <T> T choiceOf(@Nullable T[][] table, int column, int r) {
        TextDictionary.Entry entry = entries[column][r];
        T value = entry == null || entry.choice < 0 ? null : table[column][entry.choice];
        if (value == null) {
            throw new IllegalStateException("column " + plan.columns[column].name() + " does not name a "
                    + table.getClass().getComponentType().getComponentType().getSimpleName());
        }
        return value;
    }

    private boolean holdsOneOf(int column, int r, CompiledRule compiled) {
        return present[column][r]
                && compiled.values().contains(valueText(column, r).toLowerCase(Locale.ROOT));
    }

    /** The value of {@code column} in row {@code r} as text: choices as the schema spells them, text as written. */
    private String valueText(int column, int r) {
        TextDictionary.Entry entry = entries[column][r];
        byte[] text = texts[column][r];
        return switch (plan.types[column]) {
            case CHOICE -> entry != null && entry.choice >= 0 ? plan.choices[column][entry.choice] : "";
            case TEXT, JSON -> entry != null ? entry.text() : "";
            case DECIMAL -> text != null ? new String(text, UTF_8) : "";
            case INTEGER, DATE, TIMESTAMP, NUMBER -> display(column, r);
        };
    }

    private double numeric(int column, int r) {
        return plan.types[column] == ColumnType.INTEGER ? (double) longs[column][r] : doubles[column][r];
    }

    private String displayNumber(int column, int r) {
        return plan.types[column] == ColumnType.INTEGER
                ? Long.toString(longs[column][r])
                : Double.toString(doubles[column][r]);
    }

    private String display(int column, int r) {
        return switch (plan.types[column]) {
            case DATE -> LocalDate.ofEpochDay(longs[column][r]).toString();
            case TIMESTAMP -> Instant.EPOCH.plusNanos(longs[column][r] * 1000).toString();
            case INTEGER, NUMBER -> displayNumber(column, r);
            case TEXT, CHOICE, DECIMAL, JSON -> valueText(column, r);
        };
    }

    /** Records a problem of {@code column} in row {@code r}; always returns false (the value was not read). */
    private boolean fail(int column, int r, String problem) {
        failed[column][r] = true;
        present[column][r] = false;
        reject(r, plan.columns[column].name(), problem);
        return false;
    }

    private void reject(int r, String column, String problem) {
        bad[r] = true;
        problems.get(r).add(new ErrorCollector.Problem(column, problem));
    }

    // ---- keys and output ----

    private void hashKeys(int goodRows) {
        for (int k = 0; k < goodRows; k++) {
            keyHash[k] = KEY_SEED;
        }
        for (int column : plan.keyColumns) {
            boolean[] columnPresent = present[column];
            ColumnType type = plan.types[column];
            for (int k = 0; k < goodRows; k++) {
                int r = good[k];
                long part;
                if (!columnPresent[r]) {
                    part = ABSENT_KEY_PART;
                } else {
                    part = switch (type) {
                        case TEXT, JSON -> {
                            TextDictionary.Entry entry = entries[column][r];
                            yield entry != null ? entry.hash : 0;
                        }
                        case CHOICE -> {
                            // Equal choices (in any letter case) share an index.
                            TextDictionary.Entry entry = entries[column][r];
                            yield entry != null ? entry.choice : 0;
                        }
                        case DECIMAL -> {
                            byte[] text = texts[column][r];
                            yield text == null ? 0 : TextDictionary.hash(text, 0, text.length);
                        }
                        case INTEGER, DATE, TIMESTAMP -> longs[column][r];
                        case NUMBER -> Double.doubleToLongBits(doubles[column][r]);
                    };
                }
                keyHash[k] = Long.rotateLeft((keyHash[k] ^ part) * 0x9E3779B97F4A7C15L, 29);
            }
        }
        for (int k = 0; k < goodRows; k++) {
            keyHashes.add(TextDictionary.mix(keyHash[k]));
        }
    }

    private void emit(FieldBatch batch, RowSink sink, int offset, int goodRows) {
        for (int i = 0; i < columnCount; i++) {
            boolean[] columnPresent = present[i];
            switch (plan.carriers[i]) {
                case TEXT -> {
                    byte[][] values = texts[i];
                    for (int k = 0; k < goodRows; k++) {
                        int r = good[k];
                        byte[] value = values[r];
                        if (columnPresent[r] && value != null) {
                            sink.setText(i, offset + k, value);
                        } else {
                            sink.setNull(i, offset + k);
                        }
                    }
                }
                case LONG -> {
                    long[] values = longs[i];
                    for (int k = 0; k < goodRows; k++) {
                        int r = good[k];
                        if (columnPresent[r]) {
                            sink.setLong(i, offset + k, values[r]);
                        } else {
                            sink.setNull(i, offset + k);
                        }
                    }
                }
                case DOUBLE -> {
                    double[] values = doubles[i];
                    for (int k = 0; k < goodRows; k++) {
                        int r = good[k];
                        if (columnPresent[r]) {
                            sink.setDouble(i, offset + k, values[r]);
                        } else {
                            sink.setNull(i, offset + k);
                        }
                    }
                }
            }
        }
        int lineColumn = OutputColumns.sourceLine(plan.schema);
        for (int k = 0; k < goodRows; k++) {
            sink.setLong(lineColumn, offset + k, batch.line(good[k]));
        }
        if (plan.emitsExtra) {
            int extraColumn = OutputColumns.extra(plan.schema);
            for (int k = 0; k < goodRows; k++) {
                byte[] json = extraJson(batch, good[k]);
                if (json.length == 0) {
                    sink.setNull(extraColumn, offset + k);
                } else {
                    sink.setText(extraColumn, offset + k, json);
                }
            }
        }
    }

    /** The row's extra columns as a JSON object of strings; empty when it has none. */
    private byte[] extraJson(FieldBatch batch, int r) {
        if (!plan.layout.hasExtras()) {
            return new byte[0];
        }
        extra.setLength(0);
        int count = Math.min(batch.fieldCount(r), plan.layout.fileColumnCount());
        for (int field = 0; field < count; field++) {
            if (!plan.layout.isExtra(field) || !batch.isPresent(r, field)) {
                continue;
            }
            extra.append(extra.length() == 0 ? "{" : ",");
            appendJsonString(extra, plan.layout.fileColumnName(field));
            extra.append(':');
            appendJsonString(extra, batch.text(r, field));
        }
        if (extra.length() == 0) {
            return new byte[0];
        }
        extra.append('}');
        return extra.toString().getBytes(UTF_8);
    }

    static void appendJsonString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
