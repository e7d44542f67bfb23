package io.fleetcast.app.sql;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.store.QueryResult;
import io.fleetcast.store.Store;

/** Runs users' read-only SQL against the store. */
public final class SqlService {
    private final Store store;

    public SqlService(Store store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Runs {@code sql} and returns at most {@code maxRows} rows.
     *
     * @throws io.fleetcast.core.error.FleetcastException {@code BAD_INPUT} for invalid SQL or SQL that would write
     */
    public QueryResult query(String sql, int maxRows) {
        checkArgument(maxRows >= 1, "maxRows must be >= 1, got %s", maxRows);
        return store.query(sql, maxRows);
    }
}
