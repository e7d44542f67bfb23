package io.fleetcast.store;

import io.fleetcast.store.life.LifeRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The stored assets' life records (the {@code life_records} view). Safe for use from several threads. */
public interface LifeStore {
    /** Every asset's life record, by asset id. */
    List<LifeRecord> lifeRecords();

    /** The data's last day: the latest day any stored fact speaks of ({@code fleet_as_of}). */
    LocalDate asOf();

    /**
     * An asset's operating-hours counter as last read.
     *
     * @param hours the power-on hours read
     * @param day the day (UTC) of the reading
     */
    record HoursReading(double hours, LocalDate day) {}

    /**
     * Each asset's latest {@code power_on_hours} telemetry reading on or before the end of its life record, by asset
     * id; assets without such readings are absent.
     */
    Map<String, HoursReading> powerOnHours();
}
