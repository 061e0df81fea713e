package org.vetting.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;

/**
 * A background job whose state is in the database, run on its own worker thread when woken: however
 * often it is woken while it waits, it runs once; a failure is logged and the next wake (a poll)
 * runs it again.
 */
public final class Wakeup {
    private final ExecutorService worker;
    private final Runnable job;
    private final Logger log;
    private final String onFailure;
    private final AtomicBoolean queued = new AtomicBoolean();

    public Wakeup(ExecutorService worker, Runnable job, Logger log, String onFailure) {
        this.worker = worker;
        this.job = job;
        this.log = log;
        this.onFailure = onFailure;
    }

    public void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    job.run();
                } catch (RuntimeException e) {
                    log.error(onFailure, e);
                }
            });
        }
    }
}
