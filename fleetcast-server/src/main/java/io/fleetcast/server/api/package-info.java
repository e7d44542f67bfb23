/**
 * The REST JSON API under {@code /api}: thin handlers that read a request into a request record, call one
 * application service and answer with a JSON view record; the JSON mapping (snake_case keys in record component
 * order, ISO-8601 dates); and the one place that turns exceptions into HTTP statuses. Documented for users in
 * {@code docs/dashboard.md}.
 */
@NullMarked
package io.fleetcast.server.api;

import org.jspecify.annotations.NullMarked;
