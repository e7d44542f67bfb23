/**
 * The demo: a simulated fleet written, loaded and summarised by every analysis that exists, so a new user sees what
 * Fleetcast does in one command.
 */
@NullMarked
package io.fleetcast.app.demo;

import org.jspecify.annotations.NullMarked;
