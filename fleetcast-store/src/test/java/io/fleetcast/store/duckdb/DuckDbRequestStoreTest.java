package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.InputError;
import io.fleetcast.core.error.InvalidInputException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.request.StoredRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbRequestStoreTest {
    private static final String HEADER =
            "request_id,team,service,cluster,resource,quantity,unit,needed_date,priority,weight,justification";

    @TempDir
    Path folder;

    private DuckDbStore store;
    private DuckDbRequestStore requests;

    @BeforeEach
    void open() {
        store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK);
        requests = new DuckDbRequestStore(store);
        TestFleet.loadTopology(store, folder);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readsStoredRequestsInCanonicalUnitsWithTheirSource() {
        Path file = TestFleet.write(
                folder,
                "requests.csv",
                List.of(
                        HEADER,
                        "R2,payments,checkout,ash-c1,memory,2,TiB,2027-01-15,p1,2.5,Black Friday peak",
                        "R1,discovery,,ash-c2,cpu,1500,millicores,2027-02-01,P0,,index rebuild",
                        "R3,discovery,search,euw-c1,storage,40,,2027-03-01,P3,,\"logs, kept longer\""));

        TestFleet.ingest(store, Kind.REQUESTS, file);

        assertThat(requests.requests())
                .extracting(
                        StoredRequest::requestId,
                        StoredRequest::service,
                        StoredRequest::resource,
                        StoredRequest::quantity,
                        StoredRequest::priority,
                        StoredRequest::weight,
                        StoredRequest::source)
                .containsExactly(
                        tuple("R1", null, Resource.CPU, 1.5, "P0", 1.0, file + ":3"),
                        tuple("R2", "checkout", Resource.MEMORY, 2048.0, "P1", 2.5, file + ":2"),
                        tuple("R3", "search", Resource.STORAGE, 40.0, "P3", 1.0, file + ":4"));
        StoredRequest r3 = requests.requests().get(2);
        assertThat(r3.neededDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(r3.justification()).isEqualTo("logs, kept longer");
        assertThat(r3.team()).isEqualTo("discovery");
        assertThat(r3.cluster()).isEqualTo("euw-c1");
    }

    @Test
    void noRequestsIsAnEmptyList() {
        assertThat(requests.requests()).isEmpty();
    }

    @Test
    void badRequestsAreRejectedWithFileLineAndColumn() {
        Path file = TestFleet.write(
                folder,
                "requests.csv",
                List.of(
                        HEADER,
                        "R1,payments,checkout,ash-c1,cpu,-4,,2027-01-15,P1,,peak",
                        "R2,payments,checkout,ash-c9,cpu,4,,2027-01-15,P1,,peak",
                        "R3,payments,checkout,ash-c1,cpu,4,GiB,2027-01-15,P1,,peak",
                        "R4,payments,checkout,ash-c1,cpu,4,,2027-01-15,P5,,peak",
                        "R5,payments,checkout,ash-c1,cpu,4,,2027-01-15,P2,0,peak",
                        "R6,payments,checkout,ash-c1,cpu,4,,2027-01-15,P2,,"));

        assertThatThrownBy(() -> TestFleet.ingest(store, Kind.REQUESTS, file))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        error -> assertThat(error.errors())
                                .extracting(InputError::render)
                                .satisfiesExactly(
                                        line -> assertThat(line)
                                                .startsWith(file + ":2: column \"quantity\": must be >= 0"),
                                        line -> assertThat(line)
                                                .startsWith(
                                                        file + ":3: column \"cluster\": unknown cluster \"ash-c9\""),
                                        line -> assertThat(line).startsWith(file + ":4: column \"unit\""),
                                        line -> assertThat(line).startsWith(file + ":5: column \"priority\""),
                                        line -> assertThat(line)
                                                .startsWith(file + ":6: column \"weight\": must be > 0"),
                                        line -> assertThat(line).startsWith(file + ":7: column \"justification\"")));
        assertThat(requests.requests()).isEmpty();
    }
}
