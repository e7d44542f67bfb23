package io.fleetcast.cli;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.simulator.SimulationListener;

/** Says which file the simulator writes, with a live row count when a person watches. */
final class SimulationProgress implements SimulationListener {
    private final Terminal terminal;

    SimulationProgress(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void progress(Kind kind, long rowsWritten, boolean complete) {
        if (complete) {
            if (terminal.isInteractive()) {
                terminal.err().print("\r" + " ".repeat(60) + "\r");
            }
            terminal.say("  " + kind.tableName() + ".csv: " + Terminal.rows(rowsWritten));
        } else if (terminal.isInteractive()) {
            terminal.err().print("\r  " + kind.tableName() + ".csv: " + Terminal.rows(rowsWritten) + " ...");
            terminal.err().flush();
        }
    }
}
