/**
 * The fleet overview: validates what a user asks about (a scope along region → site → cluster → service, a range of
 * days, a resource), fills in the defaults, and returns capacity versus allocation versus usage for that part of the
 * fleet, with the next drill level broken down. Also the store's status and ingest log, as the dashboard shows them.
 */
@NullMarked
package io.fleetcast.app.fleet;

import org.jspecify.annotations.NullMarked;
