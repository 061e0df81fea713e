package org.vetting.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupCommitTest {

    @ParameterizedTest(name = "{0} writer(s)")
    @ValueSource(ints = {1, 3})
    void everyItemIsWrittenOnceBeforeItsCallerReturnsAndConcurrentCallersShareWrites(int maxWriters) throws Exception {
        Set<Integer> written = ConcurrentHashMap.newKeySet();
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger concurrentWrites = new AtomicInteger();
        GroupCommit<Integer> commit = new GroupCommit<>(items -> {
            assertThat(concurrentWrites.incrementAndGet()).as("at most " + maxWriters + " writes at a time")
                    .isBetween(1, maxWriters);
            sleep(2);
            for (Integer i : items) {
                assertThat(written.add(i)).as("written once: " + i).isTrue();
            }
            groupSizes.add(items.size());
            concurrentWrites.decrementAndGet();
        }, maxWriters);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                int item = i;
                calls.add(pool.submit(() -> {
                    commit.write(item);
                    assertThat(written).as("written when its caller returns").contains(item);
                }));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(written).hasSize(800);
        assertThat(groupSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(800);
        assertThat(groupSizes.size()).as("groups of more than one item").isLessThan(800);
    }

    @Test
    void withTwoWritersTheNextGroupIsWrittenWhileOneWaitsAndACallerWaitsForTheWriterOfItsOwnGroup() throws Exception {
        java.util.Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
        java.util.Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
        for (String item : List.of("a", "b", "c", "d")) {
            started.put(item, new CountDownLatch(1));
            release.put(item, new CountDownLatch(1));
        }
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String> commit = new GroupCommit<>(items -> {
            groups.add(List.copyOf(items));
            String first = items.get(0);
            started.get(first).countDown();
            await(release.get(first));
        }, 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> a = pool.submit(() -> commit.write("a"));
            assertThat(started.get("a").await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> b = pool.submit(() -> commit.write("b"));
            assertThat(started.get("b").await(10, TimeUnit.SECONDS)).as("b written while a's write waits").isTrue();
            // both writers busy: c and d queue in one group
            Future<?> c = pool.submit(() -> commit.write("c"));
            Future<?> d = pool.submit(() -> commit.write("d"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commit.queued() < 2 && System.nanoTime() < deadline) {
                sleep(5);
            }
            assertThat(commit.queued()).isEqualTo(2);
            release.get("b").countDown();
            b.get(10, TimeUnit.SECONDS);
            // one of c and d now writes their group; the other must wait for that write, not return early
            String writer = awaitEither(started.get("c"), started.get("d")) ? "c" : "d";
            Future<?> other = writer.equals("c") ? d : c;
            release.get("a").countDown();
            a.get(10, TimeUnit.SECONDS);
            sleep(50);
            assertThat(other.isDone()).as("returns only once its group is written").isFalse();
            release.get(writer).countDown();
            c.get(10, TimeUnit.SECONDS);
            d.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(groups).hasSize(3);
        assertThat(groups.get(2)).containsExactlyInAnyOrder("c", "d");
    }

    private static boolean awaitEither(CountDownLatch first, CountDownLatch second) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (first.getCount() == 0) {
                return true;
            }
            if (second.getCount() == 0) {
                return false;
            }
            sleep(5);
        }
        throw new AssertionError("neither group write started");
    }

    @Test
    void aFailedWriteFailsEveryCallerOfItsGroupAndTheNextGroupsStillWrite() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String> commit = new GroupCommit<>(items -> {
            groups.add(List.copyOf(items));
            if (items.contains("first")) {
                firstWriteStarted.countDown();
                await(release);
            }
            if (items.contains("bad")) {
                throw new IllegalArgumentException("refused");
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = pool.submit(() -> commit.write("first"));
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            // both queue behind the running write and are then written together
            Future<?> bad = pool.submit(() -> commit.write("bad"));
            Future<?> sameGroup = pool.submit(() -> commit.write("innocent"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commit.queued() < 2 && System.nanoTime() < deadline) {
                sleep(5);
            }
            assertThat(commit.queued()).isEqualTo(2);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> failed : List.of(bad, sameGroup)) {
                assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("refused");
            }
            commit.write("later");
        } finally {
            pool.shutdownNow();
        }
        assertThat(groups).hasSize(3);
        assertThat(groups.get(1)).containsExactlyInAnyOrder("bad", "innocent");
        assertThat(groups.get(2)).containsExactly("later");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
