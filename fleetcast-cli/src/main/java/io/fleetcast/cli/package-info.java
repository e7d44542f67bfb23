/**
 * The {@code fleetcast} command line: one picocli command class per verb. Commands parse options, call one
 * application service and render its result, as text on stderr or with {@code --json} as one JSON document on stdout.
 * Exit codes: 0 ok, 2 bad input or usage, 1 internal error.
 */
@NullMarked
package io.fleetcast.cli;

import org.jspecify.annotations.NullMarked;
