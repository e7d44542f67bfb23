package io.fleetcast.core.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Stream;

/** A check across columns of one row, beyond what each {@link Column} checks alone. */
public sealed interface Rule {

    /** The columns the rule reads; each must exist in the schema. */
    List<String> columns();

    /** {@code column} must not be earlier than {@code earlier} when both are present (dates or timestamps). */
    record NotBefore(String column, String earlier) implements Rule {
        public NotBefore {
            requireNonNull(column, "column is null");
            requireNonNull(earlier, "earlier is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column, earlier);
        }
    }

    /** {@code column} is required when {@code whenColumn} holds one of {@code values}. */
    record RequiredWhen(String column, String whenColumn, List<String> values) implements Rule {
        public RequiredWhen {
            requireNonNull(column, "column is null");
            requireNonNull(whenColumn, "whenColumn is null");
            values = List.copyOf(values);
            checkArgument(!values.isEmpty(), "values is empty");
        }

        @Override
        public List<String> columns() {
            return List.of(column, whenColumn);
        }
    }

    /** {@code column} must be empty when {@code whenColumn} holds one of {@code values}. */
    record AbsentWhen(String column, String whenColumn, List<String> values) implements Rule {
        public AbsentWhen {
            requireNonNull(column, "column is null");
            requireNonNull(whenColumn, "whenColumn is null");
            values = List.copyOf(values);
            checkArgument(!values.isEmpty(), "values is empty");
        }

        @Override
        public List<String> columns() {
            return List.of(column, whenColumn);
        }
    }

    /** A numeric {@code column} must be {@code > 0} when {@code whenColumn} holds one of {@code values}. */
    record PositiveWhen(String column, String whenColumn, List<String> values) implements Rule {
        public PositiveWhen {
            requireNonNull(column, "column is null");
            requireNonNull(whenColumn, "whenColumn is null");
            values = List.copyOf(values);
            checkArgument(!values.isEmpty(), "values is empty");
        }

        @Override
        public List<String> columns() {
            return List.of(column, whenColumn);
        }
    }

    /** At most one of the two columns may be present (an asset leaves service once: by failure or retirement). */
    record AtMostOneOf(String first, String second) implements Rule {
        public AtMostOneOf {
            requireNonNull(first, "first is null");
            requireNonNull(second, "second is null");
        }

        @Override
        public List<String> columns() {
            return List.of(first, second);
        }
    }

    /**
     * {@code unitColumn} names the unit of {@code valueColumns} for the {@link io.fleetcast.core.unit.Resource} in
     * {@code resourceColumn}; the values are converted to the resource's canonical unit on load and the unit column is
     * stored as that canonical unit. Rows without a unit are left as they are; make the unit column required, or use
     * {@link RequiredWhen}, where a value needs one.
     */
    record UnitOf(String unitColumn, String resourceColumn, List<String> valueColumns) implements Rule {
        public UnitOf {
            requireNonNull(unitColumn, "unitColumn is null");
            requireNonNull(resourceColumn, "resourceColumn is null");
            valueColumns = List.copyOf(valueColumns);
            checkArgument(!valueColumns.isEmpty(), "valueColumns is empty");
        }

        @Override
        public List<String> columns() {
            return Stream.concat(Stream.of(unitColumn, resourceColumn), valueColumns.stream())
                    .toList();
        }
    }

    /** {@code timestampColumn} must start a UTC hour or day as the {@link io.fleetcast.core.time.Grain} says. */
    record AlignedToGrain(String timestampColumn, String grainColumn) implements Rule {
        public AlignedToGrain {
            requireNonNull(timestampColumn, "timestampColumn is null");
            requireNonNull(grainColumn, "grainColumn is null");
        }

        @Override
        public List<String> columns() {
            return List.of(timestampColumn, grainColumn);
        }
    }

    /**
     * When {@code whenColumn} holds {@code whenValue}, {@code column} must be present and refer to {@code reference}
     * (an event scoped to a service names a known service).
     */
    record ReferenceWhen(String column, String whenColumn, String whenValue, Reference reference) implements Rule {
        public ReferenceWhen {
            requireNonNull(column, "column is null");
            requireNonNull(whenColumn, "whenColumn is null");
            requireNonNull(whenValue, "whenValue is null");
            requireNonNull(reference, "reference is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column, whenColumn);
        }
    }

    /**
     * Every stored row with the same {@code key} has the same {@code column} (a site lies in one region, a cluster in
     * one site). Checked over the whole stored data set, so a file cannot contradict what is already stored.
     */
    record Consistent(String column, String key) implements Rule {
        public Consistent {
            requireNonNull(column, "column is null");
            requireNonNull(key, "key is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column, key);
        }
    }
}
