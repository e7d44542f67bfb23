package io.fleetcast.store.duckdb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.RequestStore;
import io.fleetcast.store.request.StoredRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** {@link RequestStore} over the embedded DuckDB store. */
public final class DuckDbRequestStore implements RequestStore {
    private final DuckDbStore store;

    public DuckDbRequestStore(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public List<StoredRequest> requests() {
        String sql = "SELECT request_id, team, service, cluster, resource, quantity, needed_date, priority,"
                + " coalesce(weight, 1.0), justification, source_file, source_line FROM requests ORDER BY request_id";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<StoredRequest> requests = ImmutableList.builder();
            while (rs.next()) {
                String id = rs.getString(1);
                String resource = rs.getString(5);
                requests.add(new StoredRequest(
                        id,
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Resource.parse(resource)
                                .orElseThrow(() -> FleetcastException.internal(
                                        "stored request " + id + " has an unknown resource " + resource, null)),
                        rs.getDouble(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8),
                        rs.getDouble(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getLong(12)));
            }
            return requests.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the requests failed: " + e.getMessage(), e);
        }
    }
}
