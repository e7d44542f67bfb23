/** Writing a simulated fleet's files, for the demo, benchmarks and tests of the analyses against known truth. */
@NullMarked
package io.fleetcast.app.simulate;

import org.jspecify.annotations.NullMarked;
