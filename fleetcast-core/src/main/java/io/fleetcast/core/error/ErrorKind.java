package io.fleetcast.core.error;

/** What went wrong, as the user must hear it: their input (exit code 2, HTTP 4xx) or our fault (exit 1, HTTP 500). */
public enum ErrorKind {
    /** The user's input or request is wrong; the message says where and why. */
    BAD_INPUT,
    /** Something failed inside Fleetcast or its environment (I/O, database, a bug). */
    INTERNAL
}
