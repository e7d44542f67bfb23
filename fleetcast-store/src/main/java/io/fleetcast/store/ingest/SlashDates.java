package io.fleetcast.store.ingest;

/**
 * How to read dates written with slashes ({@code 4/1/26}), as spreadsheets save them. They are ambiguous (April 1st or
 * January 4th), so they are refused unless the user says which order the file uses. A two-digit year YY is 20YY when
 * YY &lt; 30 and 19YY otherwise, as spreadsheets read it.
 */
public enum SlashDates {
    /** Refuse them; dates must be ISO 8601. */
    REFUSE,
    /** Month first: {@code 4/1/26} is 2026-04-01. */
    MONTH_FIRST,
    /** Day first: {@code 4/1/26} is 2026-01-04. */
    DAY_FIRST
}
