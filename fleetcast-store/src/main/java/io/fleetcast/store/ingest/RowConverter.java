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
import org.jspecify.annotations.Nullable;

/**
 * Turns raw records into typed, validated rows for one loading thread: reads each column as its type, checks required
 * fields, ranges, choices, patterns, references and the schema's cross-column rules, converts quantities to canonical
 * units, and either writes the row to a {@link RowSink} or reports every problem it has. Not thread-safe.
 */
public final class RowConverter {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final byte VERDICT_PASS = 1;
    private static final byte VERDICT_FAIL = -1;

    private final ConversionPlan plan;
    private final KeyHashes keyHashes;
    private final ValueParser parser = new ValueParser();
    private final TextDictionary[] dictionaries;
    private final int columnCount;

    // The row being converted, by schema column.
    private final boolean[] present;
    private final boolean[] failed;
    private final long[] longs;
    private final double[] doubles;
    private final byte[] @Nullable [] texts;
    private final TextDictionary.@Nullable Entry[] entries;
    private final List<ErrorCollector.Problem> problems = new ArrayList<>();
    private final StringBuilder extra = new StringBuilder();

    RowConverter(ConversionPlan plan, KeyHashes keyHashes) {
        this.plan = plan;
        this.keyHashes = keyHashes;
        this.columnCount = plan.schema.columns().size();
        this.dictionaries = new TextDictionary[columnCount];
        for (int i = 0; i < columnCount; i++) {
            dictionaries[i] = new TextDictionary();
        }
        present = new boolean[columnCount];
        failed = new boolean[columnCount];
        longs = new long[columnCount];
        doubles = new double[columnCount];
        texts = new byte[columnCount][];
        entries = new TextDictionary.Entry[columnCount];
    }

    /**
     * Converts {@code record} into row {@code row} of {@code sink}. Returns false, after reporting the problems to the
     * plan's {@link ErrorCollector}, when the record is bad; the sink's row may then hold partial values, to be
     * overwritten.
     */
    public boolean convert(RawRecord record, RowSink sink, int row) {
        problems.clear();
        if (!record.problem().isEmpty()) {
            problems.add(new ErrorCollector.Problem("", record.problem()));
        } else if (plan.recordWidth >= 0 && record.fieldCount() != plan.recordWidth) {
            problems.add(new ErrorCollector.Problem(
                    "", "expected " + plan.recordWidth + " fields as in the header, found " + record.fieldCount()));
        } else {
            for (int i = 0; i < columnCount; i++) {
                readColumn(i, record);
            }
            if (problems.isEmpty()) {
                for (CompiledRule rule : plan.rules) {
                    apply(rule, record);
                }
            }
        }
        if (!problems.isEmpty()) {
            plan.errors.reject(record.line(), List.copyOf(problems), plan.keepRawText ? record.rawText() : "");
            return false;
        }
        if (plan.checkKeys) {
            keyHashes.add(keyHash());
        }
        emit(record, sink, row);
        return true;
    }

    /** Called once when this converter's thread has no more rows. */
    public void finish() {
        // Nothing to flush: key hashes are checked by the plan once every thread is done.
    }

    private void readColumn(int i, RawRecord record) {
        // texts[i] and entries[i] are meaningful only while present[i]; not clearing them spares the stores.
        present[i] = false;
        failed[i] = false;
        int field = plan.layout.fileColumnOf(i);
        Column column = plan.columns[i];
        if (field < 0 || !record.isPresent(field)) {
            if (column.isRequired()) {
                fail(i, "required value is missing");
            }
            return;
        }
        byte[] bytes = record.array(field);
        int start = record.start(field);
        int end = record.end(field);
        ColumnType type = plan.types[i];
        switch (type) {
            case TEXT -> readText(i, column, bytes, start, end);
            case CHOICE -> readChoice(i, bytes, start, end);
            case INTEGER -> {
                if (!parser.parseLong(bytes, start, end)) {
                    fail(i, parser.problem());
                    return;
                }
                longs[i] = parser.longValue();
                checkRange(i, column, (double) parser.longValue(), bytes, start, end);
            }
            case NUMBER -> {
                if (!parser.parseDouble(bytes, start, end)) {
                    fail(i, parser.problem());
                    return;
                }
                doubles[i] = parser.doubleValue();
                checkRange(i, column, parser.doubleValue(), bytes, start, end);
            }
            case DECIMAL -> {
                if (!parser.parseDecimal(bytes, start, end)) {
                    fail(i, parser.problem());
                    return;
                }
                checkRange(i, column, parser.decimalValue().doubleValue(), bytes, start, end);
                texts[i] = parser.decimalValue().toPlainString().getBytes(UTF_8);
            }
            case DATE -> {
                if (!parser.parseDate(bytes, start, end)) {
                    fail(i, parser.problem());
                    return;
                }
                longs[i] = parser.longValue();
            }
            case TIMESTAMP -> {
                if (!parser.parseTimestamp(bytes, start, end)) {
                    fail(i, parser.problem());
                    return;
                }
                longs[i] = parser.longValue();
            }
            case JSON -> readJson(i, bytes, start, end);
        }
        if (!failed[i]) {
            present[i] = true;
        }
    }

    private void readText(int i, Column column, byte[] bytes, int start, int end) {
        TextDictionary.Entry entry = dictionaries[i].lookup(bytes, start, end);
        entries[i] = entry;
        texts[i] = entry.bytes;
        java.util.regex.Pattern pattern = plan.patterns[i];
        if (pattern != null) {
            if (entry.patternVerdict == 0) {
                entry.patternVerdict = pattern.matcher(entry.text()).matches() ? VERDICT_PASS : VERDICT_FAIL;
            }
            if (entry.patternVerdict == VERDICT_FAIL) {
                fail(i, "expected " + column.patternDescription() + ", got " + ValueParser.quote(entry.text()));
                return;
            }
        }
        Reference reference = plan.columnReferences[i];
        if (reference != null) {
            if (entry.referenceVerdict == 0) {
                entry.referenceVerdict =
                        plan.references.contains(reference, entry.text()) ? VERDICT_PASS : VERDICT_FAIL;
            }
            if (entry.referenceVerdict == VERDICT_FAIL) {
                fail(i, unknownReference(reference, entry.text()));
            }
        }
    }

    private String unknownReference(Reference reference, String value) {
        String table = reference.kind().tableName();
        if (plan.references.isEmpty(reference)) {
            return "unknown " + reference.column() + " " + ValueParser.quote(value) + ": no " + table
                    + " are stored yet; load " + table + " first";
        }
        return "unknown " + reference.column() + " " + ValueParser.quote(value) + ": not in the stored " + table;
    }

    private void readChoice(int i, byte[] bytes, int start, int end) {
        TextDictionary.Entry entry = dictionaries[i].lookup(bytes, start, end);
        entries[i] = entry;
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
            fail(
                    i,
                    "expected one of " + String.join(", ", plan.choices[i]) + "; got "
                            + ValueParser.quote(entry.text()));
            return;
        }
        texts[i] = plan.choiceBytes[i][entry.choice];
    }

    private void readJson(int i, byte[] bytes, int start, int end) {
        TextDictionary.Entry entry = dictionaries[i].lookup(bytes, start, end);
        entries[i] = entry;
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
            fail(i, entry.jsonProblem);
            return;
        }
        texts[i] = entry.bytes;
    }

    private void checkRange(int i, Column column, double value, byte[] bytes, int start, int end) {
        if (!plan.hasRange[i]) {
            return;
        }
        boolean below = value < plan.min[i] || (plan.minExclusive[i] && value == plan.min[i]);
        if (below || value > plan.max[i]) {
            fail(i, "must be " + column.describeRange() + ", got " + ValueParser.text(bytes, start, end));
        }
    }

    private void apply(CompiledRule compiled, RawRecord record) {
        Rule rule = compiled.rule();
        int column = compiled.column();
        int other = compiled.other();
        if (rule instanceof Rule.NotBefore r) {
            if (present[column] && present[other] && longs[column] < longs[other]) {
                fail(column, r.column() + " " + display(column) + " is before " + r.earlier() + " " + display(other));
            }
        } else if (rule instanceof Rule.RequiredWhen r) {
            if (!present[column] && !failed[column] && holdsOneOf(other, compiled)) {
                fail(column, "required when " + r.whenColumn() + " is " + valueText(other));
            }
        } else if (rule instanceof Rule.AbsentWhen r) {
            if (present[column] && holdsOneOf(other, compiled)) {
                fail(column, "must be empty when " + r.whenColumn() + " is " + valueText(other));
            }
        } else if (rule instanceof Rule.PositiveWhen r) {
            if (present[column] && holdsOneOf(other, compiled) && !(numeric(column) > 0)) {
                fail(
                        column,
                        "must be > 0 when " + r.whenColumn() + " is " + valueText(other) + ", got "
                                + displayNumber(column));
            }
        } else if (rule instanceof Rule.AtMostOneOf r) {
            if (present[column] && present[other]) {
                fail(column, r.first() + " and " + r.second() + " are both set; at most one may be");
            }
        } else if (rule instanceof Rule.UnitOf) {
            convertUnit(compiled);
        } else if (rule instanceof Rule.AlignedToGrain r) {
            checkAligned(column, other, r, record);
        } else if (rule instanceof Rule.ReferenceWhen r) {
            if (holdsOneOf(other, compiled)) {
                Reference reference = compiled.reference();
                if (!present[column]) {
                    if (!failed[column]) {
                        fail(column, "required when " + r.whenColumn() + " is " + r.whenValue());
                    }
                } else if (reference != null && !plan.references.contains(reference, valueText(column))) {
                    fail(column, unknownReference(reference, valueText(column)));
                }
            }
        }
    }

    private void convertUnit(CompiledRule compiled) {
        int unitColumn = compiled.column();
        int resourceColumn = compiled.other();
        TextDictionary.Entry unit = entries[unitColumn];
        if (!present[unitColumn] || unit == null || !present[resourceColumn]) {
            return;
        }
        TextDictionary.Entry resourceEntry = entries[resourceColumn];
        int resourceChoice = resourceEntry == null ? -1 : resourceEntry.choice;
        Resource resource = choiceOf(plan.resourceOfChoice, resourceColumn);
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
                    "unit " + ValueParser.quote(unit.text()) + " is not a unit of " + resource.code() + "; use one of "
                            + String.join(", ", resource.acceptedUnits().keySet()));
            return;
        }
        if (factor != 1.0) {
            for (int value : compiled.valueColumns()) {
                if (present[value]) {
                    doubles[value] *= factor;
                }
            }
        }
        texts[unitColumn] = plan.canonicalUnitBytes.get(resource);
    }

    private void checkAligned(int timestamp, int grainColumn, Rule.AlignedToGrain rule, RawRecord record) {
        if (!present[timestamp] || !present[grainColumn]) {
            return;
        }
        Grain grain = choiceOf(plan.grainOfChoice, grainColumn);
        long stepMicros = grain.step().toSeconds() * MICROS_PER_SECOND;
        if (Math.floorMod(longs[timestamp], stepMicros) != 0) {
            String shown = record.text(plan.layout.fileColumnOf(timestamp));
            fail(
                    timestamp,
                    shown + " is not the start of a UTC " + grain.code() + " (" + rule.grainColumn() + " is "
                            + grain.code() + ")");
        }
    }

    /** What the choice in {@code column} names, from the plan's table of choices. */
    private <T> T choiceOf(@Nullable T[][] table, int column) {
        TextDictionary.Entry entry = entries[column];
        T value = entry == null ? null : table[column][entry.choice];
        if (value == null) {
            throw new IllegalStateException("column "
                    + plan.schema.columns().get(column).name() + " does not name a "
                    + table.getClass().getComponentType().getComponentType().getSimpleName());
        }
        return value;
    }

    private boolean holdsOneOf(int column, CompiledRule compiled) {
        return present[column] && compiled.values().contains(valueText(column).toLowerCase(Locale.ROOT));
    }

    /** The column's value as text: choices as the schema spells them, text as written. */
    private String valueText(int column) {
        TextDictionary.Entry entry = entries[column];
        byte[] text = texts[column];
        return switch (plan.types[column]) {
            case CHOICE -> entry != null && entry.choice >= 0 ? plan.choices[column][entry.choice] : "";
            case TEXT, JSON -> entry != null ? entry.text() : "";
            case DECIMAL -> text != null ? new String(text, UTF_8) : "";
            case INTEGER, DATE, TIMESTAMP, NUMBER -> display(column);
        };
    }

    private double numeric(int column) {
        return plan.types[column] == ColumnType.INTEGER ? longs[column] : doubles[column];
    }

    private String displayNumber(int column) {
        return plan.types[column] == ColumnType.INTEGER
                ? Long.toString(longs[column])
                : Double.toString(doubles[column]);
    }

    private String display(int column) {
        return switch (plan.types[column]) {
            case DATE -> LocalDate.ofEpochDay(longs[column]).toString();
            case TIMESTAMP -> Instant.EPOCH.plusNanos(longs[column] * 1000).toString();
            case INTEGER, NUMBER -> displayNumber(column);
            case TEXT, CHOICE, DECIMAL, JSON -> valueText(column);
        };
    }

    private void fail(int column, String problem) {
        failed[column] = true;
        present[column] = false;
        problems.add(
                new ErrorCollector.Problem(plan.schema.columns().get(column).name(), problem));
    }

    private long keyHash() {
        long hash = 0x2545F4914F6CDD1DL;
        for (int column : plan.keyColumns) {
            long part;
            if (!present[column]) {
                part = 0x632BE59BD9B4E019L;
            } else {
                part = switch (plan.types[column]) {
                    case TEXT, JSON -> {
                        TextDictionary.Entry entry = entries[column];
                        yield entry != null ? entry.hash : 0;
                    }
                    case CHOICE, DECIMAL -> {
                        byte[] text = texts[column];
                        yield text == null ? 0 : TextDictionary.hash(text, 0, text.length);
                    }
                    case INTEGER, DATE, TIMESTAMP -> longs[column];
                    case NUMBER -> Double.doubleToLongBits(doubles[column]);
                };
            }
            hash = TextDictionary.mix(hash * 0x9E3779B97F4A7C15L + part);
        }
        return hash;
    }

    private void emit(RawRecord record, RowSink sink, int row) {
        for (int i = 0; i < columnCount; i++) {
            if (!present[i]) {
                sink.setNull(i, row);
                continue;
            }
            switch (plan.carriers[i]) {
                case TEXT -> {
                    byte[] text = texts[i];
                    if (text == null) {
                        sink.setNull(i, row);
                    } else {
                        sink.setText(i, row, text);
                    }
                }
                case LONG -> sink.setLong(i, row, longs[i]);
                case DOUBLE -> sink.setDouble(i, row, doubles[i]);
            }
        }
        sink.setLong(OutputColumns.sourceLine(plan.schema), row, record.line());
        if (!plan.emitsExtra) {
            return;
        }
        int extraColumn = OutputColumns.extra(plan.schema);
        if (plan.layout.hasExtras()) {
            byte[] json = extraJson(record);
            if (json.length == 0) {
                sink.setNull(extraColumn, row);
            } else {
                sink.setText(extraColumn, row, json);
            }
        } else {
            sink.setNull(extraColumn, row);
        }
    }

    /** The row's extra columns as a JSON object of strings; empty when it has none. */
    private byte[] extraJson(RawRecord record) {
        extra.setLength(0);
        int count = Math.min(record.fieldCount(), plan.layout.fileColumnCount());
        for (int field = 0; field < count; field++) {
            if (!plan.layout.isExtra(field) || !record.isPresent(field)) {
                continue;
            }
            extra.append(extra.length() == 0 ? "{" : ",");
            appendJsonString(extra, plan.layout.fileColumnName(field));
            extra.append(':');
            appendJsonString(extra, record.text(field));
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
