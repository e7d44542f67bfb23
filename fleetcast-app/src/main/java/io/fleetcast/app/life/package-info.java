/** Life data analysis of files: reading {@code time,state} and interval CSV files and fitting them. */
@NullMarked
package io.fleetcast.app.life;

import org.jspecify.annotations.NullMarked;
