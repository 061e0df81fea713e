package org.vetting.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit: callers hand in one item each and return once it is written; one write runs at a
 * time and takes everything that queued while the previous one ran, so concurrent callers share a
 * transaction and its commit. No thread of its own: the first caller to find no write running
 * writes the group its item is in, the others wait for theirs. A failed write fails every caller
 * of its group (each gets the exception), and nothing is acknowledged that was not written.
 */
public final class GroupCommit<T> {
    private final Consumer<List<T>> writer;
    private final int maxWriters;
    private Group<T> open = new Group<>();
    private int writing;

    private static final class Group<T> {
        final List<T> items = new ArrayList<>();
        boolean taken;
        boolean done;
        RuntimeException failure;
    }

    /** {@code writer} writes a group durably (one transaction) or throws; one write at a time. */
    public GroupCommit(Consumer<List<T>> writer) {
        this(writer, 1);
    }

    /**
     * Up to {@code maxWriters} groups written at once, each by one of its callers: while one group
     * waits on the database (a lock, a round trip) the next can be written.
     */
    public GroupCommit(Consumer<List<T>> writer, int maxWriters) {
        if (maxWriters < 1) {
            throw new IllegalArgumentException("maxWriters must be at least 1");
        }
        this.writer = writer;
        this.maxWriters = maxWriters;
    }

    /** Writes {@code item} with whatever else is waiting; returns once it is written, or throws. */
    public void write(T item) {
        Group<T> group;
        synchronized (this) {
            Group<T> mine = open;
            mine.items.add(item);
            while (!mine.done && (mine.taken || writing >= maxWriters)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the group write", e);
                }
            }
            if (mine.done) {
                failed(mine.failure);
                return;
            }
            // a writer free and ours not taken: ours is the open group, and this caller writes it
            writing++;
            group = open;
            group.taken = true;
            open = new Group<>();
        }
        RuntimeException failure = null;
        try {
            writer.accept(group.items);
        } catch (RuntimeException e) {
            failure = e;
        }
        synchronized (this) {
            group.done = true;
            group.failure = failure;
            writing--;
            notifyAll();
        }
        failed(failure);
    }

    /** Items waiting for the next write. */
    synchronized int queued() {
        return open.items.size();
    }

    private static void failed(RuntimeException failure) {
        if (failure != null) {
            throw new IllegalStateException("group write failed: " + failure.getMessage(), failure);
        }
    }
}
