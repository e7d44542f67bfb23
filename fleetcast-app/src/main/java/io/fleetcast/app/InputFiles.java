package io.fleetcast.app;

import io.fleetcast.core.error.FleetcastException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One wording for an input file that cannot be read, whichever command reads it. */
public final class InputFiles {
    private InputFiles() {}

    /** The bad-input error for {@code file} failing to read with {@code cause}. */
    public static FleetcastException unreadable(Path file, IOException cause) {
        if (cause instanceof NoSuchFileException) {
            return FleetcastException.badInput(file + ": no such file");
        }
        if (cause instanceof CharacterCodingException) {
            return FleetcastException.badInput(file + ": not valid UTF-8; save the file as UTF-8");
        }
        return FleetcastException.badInput(file + ": cannot read: " + cause.getMessage());
    }
}
