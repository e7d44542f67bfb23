package io.fleetcast.store;

import io.fleetcast.store.life.LifeRecord;
import java.time.LocalDate;
import java.util.List;

/** The stored assets' life records (the {@code life_records} view). Safe for use from several threads. */
public interface LifeStore {
    /** Every asset's life record, by asset id. */
    List<LifeRecord> lifeRecords();

    /** The data's last day: the latest day any stored fact speaks of ({@code fleet_as_of}). */
    LocalDate asOf();
}
