package io.fleetcast.store;

import io.fleetcast.store.request.StoredRequest;
import java.util.List;

/** The stored requests for capacity. Safe for use from several threads. */
public interface RequestStore {
    /** Every stored request, by request id; empty when none were loaded. */
    List<StoredRequest> requests();
}
