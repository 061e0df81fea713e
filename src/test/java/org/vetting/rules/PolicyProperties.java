package org.vetting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vetting.api.*;

/** Properties of the whole policy, through the real rules/ folder. */
class PolicyProperties {
    static final RuleSet RULES = RuleSetLoader.fromDirectory(Path.of("rules"));
    static final LocalDate D = LocalDate.of(2026, 11, 27);


    @Provide
    Arbitrary<OfficerRecord> records() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 365 * 25).map(D::minusDays);
        Arbitrary<Exam> exams = Combinators.combine(Arbitraries.of(ExamType.class), Arbitraries.of(ExamResult.class), Arbitraries.integers().between(0, 1200).map(D::minusDays))
                .as((t, r, d) -> new Exam("e", t, r, d));
        Arbitrary<FinancialDisclosure> disclosures = Combinators.combine(
                Arbitraries.longs().between(100_000, 1_000_000), Arbitraries.longs().between(0, 3_000_000),
                Arbitraries.longs().between(0, 2_000_000), Arbitraries.longs().between(0, 600_000),
                Arbitraries.longs().between(0, 10_000))
                .as((inc, a, l, cash, undeclared) -> new FinancialDisclosure(0, big(inc), big(0), big(a), big(l),
                        big(cash), big(undeclared)));
        return Combinators.combine(
                        Arbitraries.of(RULES.units().keySet()),
                        Arbitraries.integers().between(0, 20).map(D::minusYears),
                        exams.list().ofMaxSize(8),
                        disclosures.list().ofMaxSize(4),
                        adverse(dates).list().ofMaxSize(6))
                .as((unit, start, ex, disc, adverse) -> {
                    List<FinancialDisclosure> years = new ArrayList<>();
                    for (int i = 0; i < disc.size(); i++) {
                        FinancialDisclosure d = disc.get(i);
                        years.add(new FinancialDisclosure(D.getYear() - i, d.annualIncome(), d.otherIncome(),
                                d.totalAssets(), d.totalLiabilities(), d.cashDeposits(), d.undeclaredAssets()));
                    }
                    OfficerRecord r = new OfficerRecord("MX-P-1", null, null, null, null, null, start, unit,
                            renumber(ex, (e, i) -> new Exam("e" + i, e.type(), e.result(), e.date())),
                            List.of(), List.of(), List.of(), years, List.of(), List.of());
                    for (Object a : adverse) {
                        r = add(r, a);
                    }
                    return r;
                });
    }

    @Provide
    Arbitrary<Object> adverseRecords() {
        return adverse(Arbitraries.integers().between(0, 365 * 25).map(D::minusDays));
    }

    static Arbitrary<Object> adverse(Arbitrary<LocalDate> dates) {
        Arbitrary<Object> criminal = Combinators.combine(Arbitraries.of(CrimeCategory.class),
                Arbitraries.of(CriminalStatus.class), dates, Arbitraries.integers().between(0, 30), Arbitraries.of(true, false))
                .as((c, s, d, m, disc) -> new CriminalRecord("x", c, s, d, m, disc));
        Arbitrary<Object> disciplinary = Combinators.combine(Arbitraries.of(MisconductCategory.class),
                Arbitraries.of(Finding.class), Arbitraries.of(Sanction.class), dates, Arbitraries.of(true, false))
                .as((c, f, s, d, disc) -> new DisciplinaryRecord("x", c, f, s, d, disc));
        Arbitrary<Object> humanRights = Combinators.combine(Arbitraries.of(AllegationSubject.class),
                Arbitraries.of(ViolationCategory.class), Arbitraries.of(Credibility.class), Arbitraries.of(true, false), dates)
                .as((s, c, cr, rem, d) -> new HumanRightsAllegation("x", s, c, cr, rem, d));
        Arbitrary<Object> association = Combinators.combine(Arbitraries.of(Relationship.class),
                Arbitraries.of(OrganizationType.class), Arbitraries.of(AssociationStatus.class), Arbitraries.of(true, false))
                .as((r, o, s, disc) -> new Association("x", r, o, s, disc));
        Arbitrary<Object> prior = Combinators.combine(Arbitraries.of(VettingResult.class), dates)
                .as((r, d) -> new PriorVetting("x", "SIU", r, d));
        return Arbitraries.oneOf(criminal, disciplinary, humanRights, association, prior);
    }

    @Property(tries = 300)
    void addingAnAdverseRecordNeverImprovesTheOutcome(@ForAll("records") OfficerRecord record,
                                                      @ForAll("adverseRecords") Object adverse) {
        Outcome before = RuleEngine.evaluate(RULES, record, D).outcome();
        Outcome after = RuleEngine.evaluate(RULES, add(record, adverse), D).outcome();
        assertThat(after.ordinal()).as("%s then %s after adding %s", before, after, adverse)
                .isGreaterThanOrEqualTo(before.ordinal());
    }

    @Property(tries = 200)
    void shufflingAnyListChangesNeitherOutcomeNorFlags(@ForAll("records") OfficerRecord record, @ForAll long seed) {
        Random random = new Random(seed);
        OfficerRecord shuffled = new OfficerRecord(record.officerId(), null, null, null, null, null,
                record.serviceStartDate(), record.targetUnit(), shuffle(record.exams(), random),
                shuffle(record.criminalRecords(), random), shuffle(record.disciplinaryRecords(), random),
                shuffle(record.humanRightsAllegations(), random), shuffle(record.financialDisclosures(), random),
                shuffle(record.associations(), random), shuffle(record.priorVetting(), random));
        EvaluationResult a = RuleEngine.evaluate(RULES, record, D);
        EvaluationResult b = RuleEngine.evaluate(RULES, shuffled, D);
        assertThat(b.outcome()).isEqualTo(a.outcome());
        assertThat(b.flags()).isEqualTo(a.flags());
        assertThat(b.validUntil()).isEqualTo(a.validUntil());
    }

    @Property(tries = 200)
    void theSameInputGivesTheSameFlagsAndFiringOrder(@ForAll("records") OfficerRecord record) {
        EvaluationResult a = RuleEngine.evaluate(RULES, record, D);
        EvaluationResult b = RuleEngine.evaluate(RULES, record, D);
        assertThat(b.flags()).isEqualTo(a.flags());
        assertThat(b.firedRules()).isEqualTo(a.firedRules());
        assertThat(b.outcome()).isEqualTo(a.outcome());
    }

    static OfficerRecord add(OfficerRecord r, Object adverse) {
        List<CriminalRecord> c = new ArrayList<>(r.criminalRecords());
        List<DisciplinaryRecord> d = new ArrayList<>(r.disciplinaryRecords());
        List<HumanRightsAllegation> h = new ArrayList<>(r.humanRightsAllegations());
        List<Association> a = new ArrayList<>(r.associations());
        List<PriorVetting> p = new ArrayList<>(r.priorVetting());
        if (adverse instanceof CriminalRecord x) {
            c.add(new CriminalRecord("c" + c.size(), x.category(), x.status(), x.date(), x.servedMonths(), x.disclosedBySubject()));
        } else if (adverse instanceof DisciplinaryRecord x) {
            d.add(new DisciplinaryRecord("d" + d.size(), x.category(), x.finding(), x.sanction(), x.date(), x.disclosedBySubject()));
        } else if (adverse instanceof HumanRightsAllegation x) {
            h.add(new HumanRightsAllegation("h" + h.size(), x.subject(), x.category(), x.credibility(), x.remediated(), x.date()));
        } else if (adverse instanceof Association x) {
            a.add(new Association("a" + a.size(), x.relationship(), x.organizationType(), x.status(), x.disclosedBySubject()));
        } else if (adverse instanceof PriorVetting x) {
            p.add(new PriorVetting("p" + p.size(), x.program(), x.result(), x.date()));
        }
        return new OfficerRecord(r.officerId(), null, null, null, null, null, r.serviceStartDate(), r.targetUnit(),
                r.exams(), c, d, h, r.financialDisclosures(), a, p);
    }

    static <T> List<T> renumber(List<T> list, BiFunction<T, Integer, T> withId) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(withId.apply(list.get(i), i));
        }
        return out;
    }

    static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    static java.math.BigDecimal big(long v) {
        return java.math.BigDecimal.valueOf(v);
    }
}
