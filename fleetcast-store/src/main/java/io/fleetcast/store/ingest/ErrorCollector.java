package io.fleetcast.store.ingest;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.InputError;
import io.fleetcast.core.error.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Collects the problems of one load from all loading threads. Keeps the first {@code maxListed} problems in file order
 * (whatever order the threads found them in) and counts the rest; with {@code keepRejects} also keeps every rejected
 * row for the rejects table.
 */
public final class ErrorCollector {
    private static final Comparator<InputError> FILE_ORDER =
            Comparator.comparingLong((InputError error) -> error.location().line());

    private final String fileName;
    private final int maxListed;
    private final boolean keepRejects;
    private final PriorityQueue<InputError> firstProblems;
    private final List<Reject> rejects = new ArrayList<>();
    private long problems;
    private long rejectedRows;

    /** One rejected row: its line, the columns and problems found, and its original text. */
    public record Reject(long line, String column, String reason, String rawText) {
        public Reject {
            requireNonNull(column, "column is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(rawText, "rawText is null");
        }
    }

    /** A problem of one column (empty for the whole row). */
    public record Problem(String column, String text) {
        public Problem {
            requireNonNull(column, "column is null");
            requireNonNull(text, "text is null");
        }
    }

    public ErrorCollector(String fileName, int maxListed, boolean keepRejects) {
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.maxListed = maxListed;
        this.keepRejects = keepRejects;
        this.firstProblems = new PriorityQueue<>(FILE_ORDER.reversed());
    }

    /** Records that the row at {@code line} is rejected for {@code rowProblems}. */
    public synchronized void reject(long line, List<Problem> rowProblems, String rawText) {
        rejectedRows++;
        for (Problem problem : rowProblems) {
            problems++;
            InputError error = new InputError(new SourceLocation(fileName, line), problem.column(), problem.text());
            if (firstProblems.size() < maxListed) {
                firstProblems.add(error);
            } else if (FILE_ORDER.compare(error, firstProblems.element()) < 0) {
                firstProblems.poll();
                firstProblems.add(error);
            }
        }
        if (keepRejects) {
            StringBuilder reason = new StringBuilder();
            for (Problem problem : rowProblems) {
                if (reason.length() > 0) {
                    reason.append("; ");
                }
                reason.append(problem.column().isEmpty() ? "" : "column \"" + problem.column() + "\": ")
                        .append(problem.text());
            }
            rejects.add(new Reject(line, rowProblems.get(0).column(), reason.toString(), rawText));
        }
    }

    /** A problem of the whole file (a missing header column): always listed first. */
    public synchronized void fileProblem(String column, String text) {
        reject(0, List.of(new Problem(column, text)), "");
        rejectedRows--;
    }

    /** The first problems, in file order. */
    public synchronized List<InputError> listed() {
        List<InputError> sorted = new ArrayList<>(firstProblems);
        sorted.sort(FILE_ORDER);
        return ImmutableList.copyOf(sorted);
    }

    /** Every rejected row, in file order (only with {@code keepRejects}). */
    public synchronized List<Reject> rejects() {
        List<Reject> sorted = new ArrayList<>(rejects);
        sorted.sort(Comparator.comparingLong(Reject::line));
        return ImmutableList.copyOf(sorted);
    }

    public synchronized long problemCount() {
        return problems;
    }

    public synchronized long rejectedRows() {
        return rejectedRows;
    }

    public synchronized boolean hasProblems() {
        return problems > 0;
    }

    public String fileName() {
        return fileName;
    }
}
