package org.vetting.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.vetting.db.ClearanceDao;
import org.vetting.rules.AdverseClocks;
import org.vetting.rules.Outcome;
import org.vetting.rules.Unit;
import org.vetting.rules.Validity;

/**
 * A denial stands (docs/api.md "Integrity"): whatever one vetting officer submits — any sequence
 * of outcomes on any days, as submissions or continuous vetting, the only paths open to one person
 * — a DENIED or REVOKED clearance never becomes ACTIVE within the unit's reapplyAfterMonths of the
 * denial. Every such path goes through {@link Transitions#afterEvaluation}; only an adjudication or
 * an approved correction (a second person) changes the clearance earlier.
 */
class DenialStandsProperties {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final Unit UNIT = new Unit("JU-TEST", "Test", "SENSITIVE", 1, Map.of(), 2, 12, 6, 60, 12, Map.of());

    @Provide
    Arbitrary<List<Tuple.Tuple2<Outcome, Integer>>> submissions() {
        return Arbitraries.of(Outcome.class).flatMap(o -> Arbitraries.integers().between(0, 60).map(d -> Tuple.of(o, d)))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 1000)
    void noDenialBecomesActiveWithinTheWindowWithoutASecondPerson(
            @ForAll("submissions") List<Tuple.Tuple2<Outcome, Integer>> steps) {
        ClearanceDao.ClearanceRow row = null;
        LocalDate day = START;
        LocalDate deniedOn = null;
        for (var step : steps) {
            day = day.plusDays(step.get2());
            Validity valid = new Validity(day.plusMonths(12), day.plusMonths(12).minusDays(60));
            Transitions.Result result = Transitions.afterEvaluation(row,
                    new Transitions.Judged(step.get1(), valid, List.of()), UNIT, null, day, false);
            if (result.stands()) {
                assertThat(row.standsUntil()).isAfter(day);
                assertThat(result.reapplyFrom()).isEqualTo(row.standsUntil());
                continue;
            }
            ClearanceState next = result.next();
            if (deniedOn != null && day.isBefore(deniedOn.plusMonths(UNIT.reapplyAfterMonths()))) {
                assertThat(next.status()).as("changed within the window of the denial of " + deniedOn)
                        .isIn(ClearanceStatus.DENIED, ClearanceStatus.REVOKED);
            }
            if (next.status().isDenial() && (row == null || !ClearanceStatus.valueOf(row.status()).isDenial()
                    || !day.isBefore(row.standsUntil()))) {
                deniedOn = day;
                assertThat(next.standsUntil()).isEqualTo(day.plusMonths(12));
            }
            row = row(next);
        }
    }

    /**
     * Under a rule set with section 9's clocks (policy v1.3), whatever one vetting officer submits:
     * no evaluation denies or revokes at once (it proposes), and once proposed the clearance stays
     * proposed — neither granted nor made final by any submission; only the adverse case's steps
     * (other people) decide it.
     */
    @Property(tries = 1000)
    void underSectionNineNoSubmissionDeniesAtOnceOrUndoesAProposal(
            @ForAll("submissions") List<Tuple.Tuple2<Outcome, Integer>> steps) {
        AdverseClocks clocks = new AdverseClocks(30, 30, 15);
        ClearanceDao.ClearanceRow row = null;
        LocalDate day = START;
        for (var step : steps) {
            day = day.plusDays(step.get2());
            Validity valid = new Validity(day.plusMonths(12), day.plusMonths(12).minusDays(60));
            ClearanceStatus before = row == null ? null : ClearanceStatus.valueOf(row.status());
            Transitions.Result result = Transitions.afterEvaluation(row,
                    new Transitions.Judged(step.get1(), valid, List.of()), UNIT, clocks, day, false);
            if (before != null && before.isProposal()) {
                assertThat(result.stands()).as("a proposal stays one after " + step.get1()).isTrue();
                continue;
            }
            assertThat(result.next().status().isDenial()).as("denied at once after " + step.get1()).isFalse();
            if (step.get1() == Outcome.INELIGIBLE) {
                assertThat(result.next().status()).isEqualTo(before != null && before.held()
                        ? ClearanceStatus.REVOCATION_PROPOSED : ClearanceStatus.DENIAL_PROPOSED);
                assertThat(result.opensCase()).isTrue();
            }
            row = row(result.next());
        }
    }

    private static ClearanceDao.ClearanceRow row(ClearanceState next) {
        return new ClearanceDao.ClearanceRow("X", UNIT.code(), next.status().name(),
                next.validity() == null ? null : next.validity().until(), "[]", "e", Instant.EPOCH,
                next.validity() == null ? null : next.validity().revettingFrom(), next.standsUntil());
    }
}
