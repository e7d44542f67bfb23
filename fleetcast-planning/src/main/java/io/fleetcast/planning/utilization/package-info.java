/** Utilization analysis: used against allocated against supply, stranded capacity, idle services and rightsizing. */
@NullMarked
package io.fleetcast.planning.utilization;

import org.jspecify.annotations.NullMarked;
