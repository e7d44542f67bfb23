/** The Theta method (Assimakopoulos and Nikolopoulos 2000), as the M4 competition ran it. */
@NullMarked
package io.fleetcast.forecast.theta;

import org.jspecify.annotations.NullMarked;
