package io.fleetcast.core.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One column of a data set's file: its name (as in the file's header, matched case-insensitively), how its text is
 * read, whether it is required, the range or values it may take and what it refers to. Immutable; the {@code with}
 * methods return changed copies.
 */
public final class Column {
    private final String name;
    private final ColumnType type;
    private final boolean required;
    private final String description;
    private final String unit;
    private final ImmutableList<String> choices;
    private final double min;
    private final boolean minExclusive;
    private final double max;
    private final @Nullable Pattern pattern;
    private final String patternDescription;
    private final @Nullable Reference reference;

    private Column(
            String name,
            ColumnType type,
            boolean required,
            String description,
            String unit,
            ImmutableList<String> choices,
            double min,
            boolean minExclusive,
            double max,
            @Nullable Pattern pattern,
            String patternDescription,
            @Nullable Reference reference) {
        this.name = requireNonNull(name, "name is null");
        checkArgument(!name.isBlank(), "column name is blank");
        this.type = requireNonNull(type, "type is null");
        this.required = required;
        this.description = requireNonNull(description, "description is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.choices = choices;
        checkArgument(type != ColumnType.CHOICE || !choices.isEmpty(), "CHOICE column %s has no choices", name);
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        checkArgument(min <= max, "column %s: min %s > max %s", name, min, max);
        this.pattern = pattern;
        this.patternDescription = patternDescription;
        this.reference = reference;
    }

    /** An optional column of the given type, with no constraint yet. */
    public static Column of(String name, ColumnType type, String description) {
        return new Column(
                name,
                type,
                false,
                description,
                "",
                ImmutableList.of(),
                Double.NEGATIVE_INFINITY,
                false,
                Double.POSITIVE_INFINITY,
                null,
                "",
                null);
    }

    /** An optional {@link ColumnType#CHOICE} column taking one of {@code choices}. */
    public static Column choice(String name, String description, String... choices) {
        return new Column(
                name,
                ColumnType.CHOICE,
                false,
                description,
                "",
                ImmutableList.copyOf(choices),
                Double.NEGATIVE_INFINITY,
                false,
                Double.POSITIVE_INFINITY,
                null,
                "",
                null);
    }

    public Column required() {
        return new Column(
                name,
                type,
                true,
                description,
                unit,
                choices,
                min,
                minExclusive,
                max,
                pattern,
                patternDescription,
                reference);
    }

    /** Values must be {@code >= min}. */
    public Column atLeast(double min) {
        return new Column(
                name,
                type,
                required,
                description,
                unit,
                choices,
                min,
                false,
                max,
                pattern,
                patternDescription,
                reference);
    }

    /** Values must be {@code > min}. */
    public Column greaterThan(double min) {
        return new Column(
                name,
                type,
                required,
                description,
                unit,
                choices,
                min,
                true,
                max,
                pattern,
                patternDescription,
                reference);
    }

    /** Values must be {@code <= max}. */
    public Column atMost(double max) {
        return new Column(
                name,
                type,
                required,
                description,
                unit,
                choices,
                min,
                minExclusive,
                max,
                pattern,
                patternDescription,
                reference);
    }

    /** The unit the values are in, as users read it ({@code GiB}, {@code USD}); documentation only. */
    public Column inUnit(String unit) {
        return new Column(
                name,
                type,
                required,
                description,
                unit,
                choices,
                min,
                minExclusive,
                max,
                pattern,
                patternDescription,
                reference);
    }

    /** Text values must match {@code regex} entirely; {@code what} names the expected form in error messages. */
    public Column matching(String regex, String what) {
        return new Column(
                name,
                type,
                required,
                description,
                unit,
                choices,
                min,
                minExclusive,
                max,
                Pattern.compile(regex),
                what,
                reference);
    }

    /** Values must exist in {@code column} of the stored {@code kind}. */
    public Column references(Kind kind, String column) {
        return new Column(
                name,
                type,
                required,
                description,
                unit,
                choices,
                min,
                minExclusive,
                max,
                pattern,
                patternDescription,
                new Reference(kind, column));
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public String description() {
        return description;
    }

    /** The unit of the values for documentation, or empty. */
    public String unit() {
        return unit;
    }

    /** For {@link ColumnType#CHOICE}: the allowed values as stored; empty otherwise. */
    public ImmutableList<String> choices() {
        return choices;
    }

    /** Lower bound of numeric values; {@code -Infinity} when unbounded. */
    public double min() {
        return min;
    }

    /** Whether {@link #min()} itself is excluded. */
    public boolean isMinExclusive() {
        return minExclusive;
    }

    /** Upper bound (inclusive) of numeric values; {@code +Infinity} when unbounded. */
    public double max() {
        return max;
    }

    public boolean hasRange() {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
    }

    /** The pattern text values must match, if any. */
    public Optional<Pattern> pattern() {
        return Optional.ofNullable(pattern);
    }

    /** What {@link #pattern()} expects, in words ("an ISO 4217 currency code"); empty without a pattern. */
    public String patternDescription() {
        return patternDescription;
    }

    public Optional<Reference> reference() {
        return Optional.ofNullable(reference);
    }

    /** The range as users read it: {@code >= 0}, {@code > 0}, {@code between 0 and 1}; empty when unbounded. */
    public String describeRange() {
        String lower = (minExclusive ? "> " : ">= ") + format(min);
        if (max == Double.POSITIVE_INFINITY) {
            return min == Double.NEGATIVE_INFINITY ? "" : lower;
        }
        if (min == Double.NEGATIVE_INFINITY) {
            return "<= " + format(max);
        }
        return lower + " and <= " + format(max);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof Column column)) {
            return false;
        }
        return name.equals(column.name)
                && type == column.type
                && required == column.required
                && description.equals(column.description)
                && unit.equals(column.unit)
                && choices.equals(column.choices)
                && Double.compare(min, column.min) == 0
                && minExclusive == column.minExclusive
                && Double.compare(max, column.max) == 0
                && Objects.equals(
                        pattern == null ? null : pattern.pattern(),
                        column.pattern == null ? null : column.pattern.pattern())
                && Objects.equals(reference, column.reference);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {name, type, required, choices, min, max, reference});
    }

    @Override
    public String toString() {
        return name + " " + type + (required ? " required" : "");
    }
}
