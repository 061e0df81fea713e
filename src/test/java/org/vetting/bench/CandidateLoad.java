package org.vetting.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.vetting.support.Records;

/**
 * A bounded load run on loopback against a running service: {@code requests} submissions of a
 * typical record from {@code threads} threads, after two warm-up rounds, repeated {@code rounds} times;
 * prints requests per second of each round and their median. Not a test.
 *
 * <p>args: baseUrl[,baseUrl…] user password [requests=2000] [threads=8] [rounds=5] — with several
 * base URLs (several instances) the requests go round-robin.
 */
public final class CandidateLoad {
    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes());
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper mapper = new ObjectMapper();
        AtomicInteger officer = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);

        for (int w = 0; w < 2; w++) {
            run(client, pool, bases, auth, mapper, officer, requests, threads); // warm-up: let both JITs settle
        }
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double rate = run(client, pool, bases, auth, mapper, officer, requests, threads);
            rates.add(rate);
            System.out.printf("round %d: %.1f requests/s%n", round, rate);
        }
        pool.shutdown();
        Collections.sort(rates);
        System.out.printf("median: %.1f requests/s (%d requests x %d rounds, %d threads)%n",
                rates.get(rates.size() / 2), requests, rounds, threads);
    }

    private static double run(HttpClient client, ExecutorService pool, String[] bases, String auth, ObjectMapper mapper,
                              AtomicInteger officer, int requests, int threads) throws Exception {
        AtomicInteger left = new AtomicInteger(requests);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int n;
                while ((n = left.getAndDecrement()) > 0) {
                    String base = bases[n % bases.length];
                    String body = mapper.writeValueAsString(Records.typical("MX-LOAD-" + officer.incrementAndGet()));
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/candidates"))
                            .header("Authorization", auth).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        return requests / ((System.nanoTime() - start) / 1e9);
    }
}
