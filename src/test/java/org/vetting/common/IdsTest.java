package org.vetting.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreTimeOrderedUuidsOfVersion7InCreationOrder() {
        long before = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Ids.next());
        }
        long after = System.currentTimeMillis();

        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // text order is creation order: new rows land at the right edge of an id index
        assertThat(ids).isSorted();
        for (String id : List.of(ids.get(0), ids.get(ids.size() - 1))) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id).hasSize(36);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2); // RFC 9562
            // the first 48 bits are the time of creation in milliseconds
            assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after);
        }
    }

    @Test
    void idsCreatedAtOnceOnManyThreadsAreDistinct() throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    ids.add(Ids.next());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(new HashSet<>(ids)).hasSize(40_000);
    }
}
