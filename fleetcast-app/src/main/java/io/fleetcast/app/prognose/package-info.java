/** Failure prediction over the stored telemetry: training sets, backtests and scores with reasons. */
@NullMarked
package io.fleetcast.app.prognose;

import org.jspecify.annotations.NullMarked;
