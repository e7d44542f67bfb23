package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.ColumnType;
import io.fleetcast.core.dataset.KeyScope;
import io.fleetcast.core.dataset.Reference;
import io.fleetcast.core.dataset.Rule;
import io.fleetcast.core.dataset.Schema;
import io.fleetcast.core.time.Grain;
import io.fleetcast.core.unit.Resource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything the loading threads share while converting one file: the schema compiled for fast checks, the file's
 * layout, the stored values references must match, the collector of problems and every thread's key hashes.
 * Thread-safe; each thread converts rows with its own {@link BatchConverter}.
 */
public final class ConversionPlan {
    final Schema schema;
    final SlashDates slashDates;
    final FileLayout layout;
    final ReferenceSets references;
    final ErrorCollector errors;
    final boolean keepRawText;
    /** Whether rows carry the extra-columns JSON object: always for JSON Lines, for CSV only when it has extras. */
    final boolean emitsExtra;
    /** Number of fields every CSV record must have, or -1 when records are not positional (JSON Lines). */
    final int recordWidth;

    final ObjectMapper json = new ObjectMapper();

    final Column[] columns;
    final ColumnType[] types;
    final OutputColumns.Carrier[] carriers;
    final @Nullable Pattern[] patterns;
    final @Nullable Reference[] columnReferences;
    final String[][] choices;
    final byte[][][] choiceBytes;
    final int[] keyColumns;
    final ImmutableList<CompiledRule> rules;
    final Map<Resource, byte[]> canonicalUnitBytes;

    final boolean checkKeys;
    private final List<KeyHashes> keyHashes = new ArrayList<>();
    final double[] min;
    final double[] max;
    final boolean[] minExclusive;
    final boolean[] hasRange;
    /** For choice columns: the grain or resource each choice names, where the choice is one. */
    final @Nullable Grain[][] grainOfChoice;

    final @Nullable Resource[][] resourceOfChoice;

    /** A cross-column rule resolved to column indices. */
    static final class CompiledRule {
        private final Rule rule;
        private final int column;
        private final int other;
        private final Set<String> values;
        private final @Nullable Reference reference;
        private final int[] valueColumns;

        CompiledRule(
                Rule rule,
                int column,
                int other,
                Set<String> values,
                @Nullable Reference reference,
                int[] valueColumns) {
            this.rule = rule;
            this.column = column;
            this.other = other;
            this.values = values;
            this.reference = reference;
            this.valueColumns = valueColumns.clone();
        }

        Rule rule() {
            return rule;
        }

        /** The column the rule judges. */
        int column() {
            return column;
        }

        /** The column the rule's condition reads. */
        int other() {
            return other;
        }

        /** The condition's values, lower case. */
        Set<String> values() {
            return values;
        }

        @Nullable
        Reference reference() {
            return reference;
        }

        /** For unit rules: the value columns to convert. */
        int[] valueColumns() {
            return valueColumns;
        }
    }

    /**
     * @param recordWidth the number of fields of the CSV header, or -1 for JSON Lines
     * @param keepRawText keep each rejected row's text (for the rejects table)
     * @param slashDates how to read dates written like {@code 4/1/26}
     */
    public ConversionPlan(
            Schema schema,
            FileLayout layout,
            ReferenceSets references,
            ErrorCollector errors,
            int recordWidth,
            boolean keepRawText,
            SlashDates slashDates) {
        this.slashDates = requireNonNull(slashDates, "slashDates is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.references = requireNonNull(references, "references is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.recordWidth = recordWidth;
        this.keepRawText = keepRawText;
        this.emitsExtra = recordWidth < 0 || layout.hasExtras();
        int n = schema.columns().size();
        columns = schema.columns().toArray(new Column[0]);
        types = new ColumnType[n];
        carriers = new OutputColumns.Carrier[n];
        patterns = new Pattern[n];
        columnReferences = new Reference[n];
        choices = new String[n][];
        choiceBytes = new byte[n][][];
        for (int i = 0; i < n; i++) {
            Column column = schema.columns().get(i);
            types[i] = column.type();
            carriers[i] = OutputColumns.carrierOf(column.type());
            patterns[i] = column.pattern().orElse(null);
            columnReferences[i] = column.reference().orElse(null);
            choices[i] = column.choices().toArray(new String[0]);
            choiceBytes[i] = new byte[choices[i].length][];
            for (int c = 0; c < choices[i].length; c++) {
                choiceBytes[i][c] = choices[i][c].getBytes(UTF_8);
            }
        }
        keyColumns = schema.naturalKey().stream().mapToInt(schema::indexOf).toArray();
        checkKeys = schema.keyScope() == KeyScope.ROW;
        min = new double[n];
        max = new double[n];
        minExclusive = new boolean[n];
        hasRange = new boolean[n];
        grainOfChoice = new Grain[n][];
        resourceOfChoice = new Resource[n][];
        for (int i = 0; i < n; i++) {
            Column column = schema.columns().get(i);
            min[i] = column.min();
            max[i] = column.max();
            minExclusive[i] = column.isMinExclusive();
            hasRange[i] = column.hasRange();
            grainOfChoice[i] = new Grain[choices[i].length];
            resourceOfChoice[i] = new Resource[choices[i].length];
            for (int c = 0; c < choices[i].length; c++) {
                grainOfChoice[i][c] = Grain.parse(choices[i][c]).orElse(null);
                resourceOfChoice[i][c] = Resource.parse(choices[i][c]).orElse(null);
            }
        }
        rules = compile(schema);
        canonicalUnitBytes = new EnumMap<>(Resource.class);
        for (Resource resource : Resource.values()) {
            canonicalUnitBytes.put(resource, resource.canonicalUnit().getBytes(UTF_8));
        }
    }

    private static ImmutableList<CompiledRule> compile(Schema schema) {
        ImmutableList.Builder<CompiledRule> compiled = ImmutableList.builder();
        int[] none = new int[0];
        for (Rule rule : schema.rules()) {
            if (rule instanceof Rule.NotBefore r) {
                compiled.add(new CompiledRule(
                        rule, schema.indexOf(r.column()), schema.indexOf(r.earlier()), Set.of(), null, none));
            } else if (rule instanceof Rule.RequiredWhen r) {
                compiled.add(new CompiledRule(
                        rule,
                        schema.indexOf(r.column()),
                        schema.indexOf(r.whenColumn()),
                        lower(r.values()),
                        null,
                        none));
            } else if (rule instanceof Rule.AbsentWhen r) {
                compiled.add(new CompiledRule(
                        rule,
                        schema.indexOf(r.column()),
                        schema.indexOf(r.whenColumn()),
                        lower(r.values()),
                        null,
                        none));
            } else if (rule instanceof Rule.PositiveWhen r) {
                compiled.add(new CompiledRule(
                        rule,
                        schema.indexOf(r.column()),
                        schema.indexOf(r.whenColumn()),
                        lower(r.values()),
                        null,
                        none));
            } else if (rule instanceof Rule.AtMostOneOf r) {
                compiled.add(new CompiledRule(
                        rule, schema.indexOf(r.second()), schema.indexOf(r.first()), Set.of(), null, none));
            } else if (rule instanceof Rule.UnitOf r) {
                compiled.add(new CompiledRule(
                        rule,
                        schema.indexOf(r.unitColumn()),
                        schema.indexOf(r.resourceColumn()),
                        Set.of(),
                        null,
                        r.valueColumns().stream().mapToInt(schema::indexOf).toArray()));
            } else if (rule instanceof Rule.AlignedToGrain r) {
                compiled.add(new CompiledRule(
                        rule,
                        schema.indexOf(r.timestampColumn()),
                        schema.indexOf(r.grainColumn()),
                        Set.of(),
                        null,
                        none));
            } else if (rule instanceof Rule.ReferenceWhen r) {
                compiled.add(new CompiledRule(
                        rule,
                        schema.indexOf(r.column()),
                        schema.indexOf(r.whenColumn()),
                        lower(List.of(r.whenValue())),
                        r.reference(),
                        none));
            }
            // Rule.Consistent spans rows: the store checks it after loading.
        }
        return compiled.build();
    }

    private static Set<String> lower(List<String> values) {
        Set<String> lowered = new TreeSet<>();
        for (String value : values) {
            lowered.add(value.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(lowered);
    }

    /** A converter for one loading thread, for batches of up to {@code capacity} rows. */
    BatchConverter newConverter(int capacity) {
        KeyHashes hashes = new KeyHashes();
        synchronized (keyHashes) {
            keyHashes.add(hashes);
        }
        return new BatchConverter(this, hashes, capacity);
    }

    /**
     * Whether two converted rows may share a natural key (their key hashes are equal). False means the file certainly
     * repeats no key; true asks the store to compare the real keys. Call once every converter is done.
     */
    public boolean mayRepeatKeys() {
        if (!checkKeys) {
            return false;
        }
        synchronized (keyHashes) {
            return KeyHashes.anyRepeated(keyHashes);
        }
    }

    /**
     * Whether converted rows include the {@link OutputColumns#extra} column. When not, the file has no columns beyond
     * the data set's (a CSV header says so up front) and the engine stores no extra object.
     */
    public boolean emitsExtra() {
        return emitsExtra;
    }

    public Schema schema() {
        return schema;
    }

    public FileLayout layout() {
        return layout;
    }

    public ErrorCollector errors() {
        return errors;
    }
}
