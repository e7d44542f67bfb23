package io.fleetcast.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.KeyScope;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.dataset.Reference;
import io.fleetcast.core.dataset.Rule;
import io.fleetcast.core.dataset.Schema;
import io.fleetcast.core.time.Grain;
import io.fleetcast.core.unit.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a folder of simulated files against the core schemas: header, field count, required fields, types,
 * choices (exactly as listed), ranges, patterns, cross-column rules, unique natural keys and references to kinds
 * loaded earlier. Test code only: it states the rules from the {@link Schema} objects, it is not the product's
 * validator. Collects problems instead of failing on the first.
 */
final class SchemaCheck {
    private static final int MAX_PROBLEMS = 50;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d{1,6})?");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> known = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Checks every kind's file in {@code folder}, in load order, and returns the problems found. */
    static List<String> check(Path folder) {
        SchemaCheck check = new SchemaCheck();
        for (Kind kind : Kind.loadOrder()) {
            check.checkFile(kind, folder.resolve(FleetSimulator.fileName(kind)));
        }
        return check.problems;
    }

    private void checkFile(Kind kind, Path file) {
        Schema schema = kind.schema();
        List<String> header = CsvFile.header(file);
        if (!header.equals(schema.columnNames())) {
            problem(kind, 1, "header " + header + " differs from " + schema.columnNames());
            return;
        }
        List<Column> columns = schema.columns();
        Set<List<String>> keys = new HashSet<>();
        Map<String, Set<String>> values = new HashMap<>();
        int[] line = {1};
        CsvFile.forEachRow(file, fields -> {
            line[0]++;
            if (problems.size() >= MAX_PROBLEMS) {
                return;
            }
            if (fields.size() != columns.size()) {
                problem(kind, line[0], "has " + fields.size() + " fields, expected " + columns.size());
                return;
            }
            for (int i = 0; i < columns.size(); i++) {
                checkField(kind, line[0], columns.get(i), fields.get(i));
                values.computeIfAbsent(columns.get(i).name(), name -> new HashSet<>())
                        .add(fields.get(i));
            }
            for (Rule rule : schema.rules()) {
                checkRule(kind, line[0], schema, rule, fields);
            }
            if (schema.keyScope() == KeyScope.ROW) {
                List<String> key = new ArrayList<>();
                for (String name : schema.naturalKey()) {
                    key.add(fields.get(schema.indexOf(name)));
                }
                if (!keys.add(key)) {
                    problem(kind, line[0], "duplicate natural key " + key);
                }
            }
        });
        for (Map.Entry<String, Set<String>> entry : values.entrySet()) {
            known.put(kind.tableName() + "." + entry.getKey(), entry.getValue());
        }
    }

    private void checkField(Kind kind, int line, Column column, String value) {
        String name = column.name();
        if (value.isEmpty()) {
            if (column.isRequired()) {
                problem(kind, line, name + " is required");
            }
            return;
        }
        if (!value.equals(value.trim())) {
            problem(kind, line, name + " has surrounding spaces");
        }
        double number = Double.NaN;
        switch (column.type()) {
            case TEXT -> {}
            case CHOICE -> {
                if (!column.choices().contains(value)) {
                    problem(kind, line, name + " = " + value + " is not one of " + column.choices());
                }
            }
            case INTEGER -> {
                try {
                    number = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    problem(kind, line, name + " = " + value + " is not an integer");
                }
            }
            case NUMBER -> {
                if (!NUMBER.matcher(value).matches()) {
                    problem(kind, line, name + " = " + value + " is not a plain number");
                } else {
                    number = Double.parseDouble(value);
                }
            }
            case DECIMAL -> {
                if (!DECIMAL.matcher(value).matches()) {
                    problem(kind, line, name + " = " + value + " is not a plain decimal with <= 6 decimals");
                } else {
                    number = Double.parseDouble(value);
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    problem(kind, line, name + " = " + value + " is not a date");
                }
            }
            case TIMESTAMP -> {
                if (!TIMESTAMP.matcher(value).matches()) {
                    problem(kind, line, name + " = " + value + " is not a UTC timestamp");
                }
            }
            case JSON -> {
                try {
                    JsonNode node = JSON.readTree(value);
                    if (!node.isObject()) {
                        problem(kind, line, name + " = " + value + " is not a JSON object");
                    }
                } catch (IOException e) {
                    problem(kind, line, name + " = " + value + " is not JSON");
                }
            }
        }
        if (!Double.isNaN(number)) {
            boolean low = column.isMinExclusive() ? number <= column.min() : number < column.min();
            if (low || number > column.max()) {
                problem(kind, line, name + " = " + value + " is out of range " + column.describeRange());
            }
        }
        column.pattern().ifPresent(pattern -> {
            if (!pattern.matcher(value).matches()) {
                problem(kind, line, name + " = " + value + " is not " + column.patternDescription());
            }
        });
        column.reference().ifPresent(reference -> checkReference(kind, line, name, value, reference));
    }

    private void checkRule(Kind kind, int line, Schema schema, Rule rule, List<String> fields) {
        if (rule instanceof Rule.NotBefore notBefore) {
            String later = field(schema, fields, notBefore.column());
            String earlier = field(schema, fields, notBefore.earlier());
            if (!later.isEmpty() && !earlier.isEmpty() && later.compareTo(earlier) < 0) {
                problem(kind, line, notBefore.column() + " " + later + " is before " + earlier);
            }
        } else if (rule instanceof Rule.RequiredWhen required) {
            if (required.values().contains(field(schema, fields, required.whenColumn()))
                    && field(schema, fields, required.column()).isEmpty()) {
                problem(
                        kind,
                        line,
                        required.column() + " is required when " + required.whenColumn() + " is "
                                + field(schema, fields, required.whenColumn()));
            }
        } else if (rule instanceof Rule.AbsentWhen absent) {
            if (absent.values().contains(field(schema, fields, absent.whenColumn()))
                    && !field(schema, fields, absent.column()).isEmpty()) {
                problem(
                        kind,
                        line,
                        absent.column() + " must be empty when " + absent.whenColumn() + " is "
                                + field(schema, fields, absent.whenColumn()));
            }
        } else if (rule instanceof Rule.PositiveWhen positive) {
            if (positive.values().contains(field(schema, fields, positive.whenColumn()))
                    && !(Double.parseDouble(field(schema, fields, positive.column())) > 0)) {
                problem(kind, line, positive.column() + " must be > 0");
            }
        } else if (rule instanceof Rule.AtMostOneOf atMostOne) {
            if (!field(schema, fields, atMostOne.first()).isEmpty()
                    && !field(schema, fields, atMostOne.second()).isEmpty()) {
                problem(kind, line, "both " + atMostOne.first() + " and " + atMostOne.second() + " are set");
            }
        } else if (rule instanceof Rule.UnitOf unitOf) {
            String unit = field(schema, fields, unitOf.unitColumn());
            String resourceCode = field(schema, fields, unitOf.resourceColumn());
            Resource resource = Resource.parse(resourceCode).orElse(null);
            if (!unit.isEmpty()
                    && (resource == null || resource.toCanonical(unit).isEmpty())) {
                problem(kind, line, "unit " + unit + " is not a unit of " + resourceCode);
            }
        } else if (rule instanceof Rule.AlignedToGrain aligned) {
            Grain grain =
                    Grain.parse(field(schema, fields, aligned.grainColumn())).orElse(null);
            String ts = field(schema, fields, aligned.timestampColumn());
            if (grain == null || !grain.isAligned(Instant.parse(ts))) {
                problem(kind, line, ts + " is not aligned to " + field(schema, fields, aligned.grainColumn()));
            }
        } else if (rule instanceof Rule.ReferenceWhen referenceWhen) {
            if (field(schema, fields, referenceWhen.whenColumn()).equals(referenceWhen.whenValue())) {
                checkReference(
                        kind,
                        line,
                        referenceWhen.column(),
                        field(schema, fields, referenceWhen.column()),
                        referenceWhen.reference());
            }
        }
    }

    private void checkReference(Kind kind, int line, String column, String value, Reference reference) {
        Set<String> targets = known.get(reference.kind().tableName() + "." + reference.column());
        if (targets == null || !targets.contains(value)) {
            problem(kind, line, column + " = " + value + " is not a known " + reference);
        }
    }

    private static String field(Schema schema, List<String> fields, String column) {
        return fields.get(schema.indexOf(column));
    }

    private void problem(Kind kind, int line, String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(FleetSimulator.fileName(kind) + ":" + line + ": " + text);
        }
    }
}
