/** Life records of the stored assets, for reliability analyses. */
@NullMarked
package io.fleetcast.store.life;

import org.jspecify.annotations.NullMarked;
