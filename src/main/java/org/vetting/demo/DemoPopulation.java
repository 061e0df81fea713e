package org.vetting.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import org.vetting.VettingContext;
import org.vetting.api.HitReview;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.vetting.api.AdjudicationRequest;
import org.vetting.api.AdverseRequest;
import org.vetting.api.ConditionText;
import org.vetting.api.NewUser;
import org.vetting.api.OfficerRecord;
import org.vetting.api.Role;
import org.vetting.auth.User;
import org.vetting.common.DayClock;
import org.vetting.common.Json;
import org.vetting.common.Language;
import org.vetting.evaluation.Evaluation;
import org.vetting.errors.Conflict;

/**
 * A realistic, wholly invented population for trying the service: users of every role, a few
 * hundred officers of both countries in the four units with every outcome and clearance status —
 * cases waiting for an adjudicator, decided ones, a waiver waiting for its second adjudicator,
 * clearances due for re-vetting and expired, continuous-vetting events. Everything goes through the
 * services the API uses (validated, audited); what happened months ago is submitted through services
 * whose clock is set back then.
 *
 * <p>Longer than most classes here (about 320 lines) because most of it is data: the story of the
 * months before today, told in the order it happened.
 */
public final class DemoPopulation {
    /** The day the demo's history starts: 13 months and a few weeks before today. */
    public static LocalDate firstDay(LocalDate today) {
        return today.minusMonths(HISTORY_MONTHS).minusDays(30);
    }

    private static final int HISTORY_MONTHS = 13;

    /** What the demo made: every user with the password to sign in with, and counts for the summary. */
    public record Result(Map<String, String> passwords, int officers, Map<String, Integer> outcomes) {}

    static final String[] GIVEN_MX = {"Ana", "Luis", "María", "José", "Guadalupe", "Jorge", "Verónica", "Ricardo",
            "Adriana", "Fernando", "Claudia", "Alejandro", "Patricia", "Miguel", "Rocío", "Héctor"};
    static final String[] FAMILY_MX = {"Hernández García", "Martínez López", "González Pérez", "Rodríguez Sánchez",
            "Ramírez Torres", "Flores Cruz", "Gómez Morales", "Díaz Reyes", "Vázquez Jiménez", "Castillo Ruiz",
            "Ortiz Mendoza", "Navarro Aguilar"};
    static final String[] GIVEN_US = {"Emily", "James", "Sarah", "Michael", "Jessica", "David", "Ashley", "Robert",
            "Megan", "Daniel", "Lauren", "Kevin"};
    static final String[] FAMILY_US = {"Johnson", "Miller", "Davis", "Wilson", "Anderson", "Thomas", "Moore",
            "Jackson", "Martin", "Thompson", "Walker", "Young"};
    static final String[] AGENCY_MX = {"Guardia Nacional", "Fiscalía General de la República", "Policía Federal Ministerial"};
    static final String[] AGENCY_US = {"DEA", "HSI", "ATF", "FBI"};
    static final String[] UNITS = {"JU-FENTANYL", "JU-FINANCE", "JU-ARMS", "LIAISON"};

    private final VettingContext now;
    private final DayClock clock;
    private final SecureRandom random = new SecureRandom();

    /** {@code services} run on {@code clock}, which reads {@link #firstDay} when the demo starts. */
    public DemoPopulation(VettingContext services, DayClock clock) {
        this.now = services;
        this.clock = clock;
    }

    /**
     * Fills an empty database as if the service had run since {@link #firstDay}: staff first, then
     * each officer on the day they were vetted, then today's decisions and new information; refused
     * (Conflict) when officers are on file.
     */
    public Result fill(LocalDate today, int officers) {
        if (!now.access().noOfficersOnFile()) {
            throw new Conflict("the database already holds officers: the demo fills an empty one only");
        }
        Map<String, String> passwords = new TreeMap<>();
        user(passwords, "hr.mx", Role.VETTING_OFFICER, List.of(), List.of("MX"));
        user(passwords, "hr.us", Role.VETTING_OFFICER, List.of(), List.of("US"));
        user(passwords, "adj.rivera", Role.ADJUDICATOR, List.of(), List.of("MX", "US"));
        user(passwords, "adj.keller", Role.ADJUDICATOR, List.of(), List.of("MX", "US"));
        user(passwords, "aud.salinas", Role.AUDITOR, List.of(), List.of("MX", "US"));
        user(passwords, "pol.ortega", Role.POLICY_OFFICER, List.of(), List.of("MX", "US"));
        user(passwords, "pol.brooks", Role.POLICY_OFFICER, List.of(), List.of("MX", "US"));
        for (String unit : UNITS) {
            user(passwords, "cmd." + unit.toLowerCase().replace("ju-", ""), Role.COMMANDER,
                    List.of(unit), List.of("MX", "US"));
        }
        for (String member : List.of("board.ortiz", "board.walsh", "board.mendez")) {
            user(passwords, member, Role.APPEALS_BOARD, List.of(), List.of("MX", "US"));
        }
        User hrMx = staff("hr.mx", Role.VETTING_OFFICER, "MX");
        User hrUs = staff("hr.us", Role.VETTING_OFFICER, "US");
        User adjOne = staff("adj.rivera", Role.ADJUDICATOR, "MX", "US");
        User adjTwo = staff("adj.keller", Role.ADJUDICATOR, "MX", "US");

        Map<String, Integer> outcomes = new TreeMap<>();
        List<Evaluation> referred = new ArrayList<>();
        List<Evaluation> waivable = new ArrayList<>();
        List<String> active = new ArrayList<>();
        // most were vetted in the last months; some a year ago (expired by now), some nine months ago
        // (due for re-vetting now); submitted in the order of their days
        TreeMap<LocalDate, List<Integer>> byDay = new TreeMap<>();
        for (int i = 0; i < officers; i++) {
            int monthsAgo = i % 23 == 0 ? HISTORY_MONTHS : i % 17 == 0 ? 9 : random.nextInt(5);
            byDay.computeIfAbsent(today.minusMonths(monthsAgo).minusDays(i % 27), d -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<LocalDate, List<Integer>> day : byDay.entrySet()) {
            LocalDate asOf = day.getKey();
            clock.set(asOf);
            for (int i : day.getValue()) {
                boolean mx = i % 2 == 0;
                String id = (mx ? "MX-" : "US-") + String.format("%05d", 1000 + i);
                Kind kind = Kind.values()[i % Kind.values().length];
                OfficerRecord record = record(id, mx, UNITS[(i / 2) % UNITS.length], kind, asOf, i);
                Evaluation e = now.evaluations().submit(record, mx ? hrMx : hrUs);
                outcomes.merge(e.outcome().name(), 1, Integer::sum);
                switch (e.outcome()) {
                    case REFERRED -> referred.add(e);
                    case INELIGIBLE -> {
                        if (e.adjudication() != null && e.adjudication().name().equals("WAIVER")) {
                            waivable.add(e);
                        }
                    }
                    case ELIGIBLE, CONDITIONAL -> {
                        if (asOf.isAfter(today.minusMonths(6))) {
                            active.add(id);
                        }
                    }
                    default -> { }
                }
            }
        }
        clock.set(today);
        // adjudicators decided half of the referred cases; the rest wait in the queue
        for (int i = 0; i < referred.size(); i += 2) {
            Evaluation e = referred.get(i);
            boolean grant = i % 4 == 0;
            now.adjudications().adjudicate(e.id(), new AdjudicationRequest(grant ? "GRANT" : "DENY", grant
                    ? "The concern is isolated and explained; cleared with supervision."
                    : "The concern is recent and unexplained; the unit cannot accept the risk.",
                    grant ? List.of(new ConditionText("Report to the unit supervisor every week",
                            "Demo: supervision while the matter is reviewed")) : List.of(), List.of()),
                    i % 8 == 0 ? adjOne : adjTwo, Language.EN, officer -> { });
        }
        // a waiver approved by one adjudicator, waiting for a second
        if (!waivable.isEmpty()) {
            Evaluation e = waivable.get(0);
            List<String> codes = e.flags().stream().filter(f -> f.severity().name().equals("DISQUALIFYING"))
                    .map(f -> f.code()).distinct().toList();
            now.adjudications().adjudicate(e.id(), new AdjudicationRequest("GRANT",
                    "The failed polygraph was retaken and passed; the examiner's notes show a faulty session.",
                    List.of(), codes), adjOne, Language.EN, officer -> { });
        }
        // continuous vetting: new information on officers already cleared
        for (int i = 0; i < Math.min(6, active.size()); i++) {
            String officer = active.get(i * Math.max(1, active.size() / 6));
            Map<String, Object> additions = new LinkedHashMap<>();
            additions.put("criminalRecords", List.of(i % 2 == 0
                    ? Map.of("id", "cv" + i, "category", "THEFT", "status", "CHARGED", "date", today.minusDays(20).toString())
                    : Map.of("id", "cv" + i, "category", "DRUG_TRAFFICKING", "status", "CONVICTED",
                            "date", today.minusDays(40).toString())));
            now.evaluations().appendRecords(officer, Json.read(Json.write(additions), OfficerRecord.class),
                    officer.startsWith("MX") ? hrMx : hrUs);
        }
        screening(today, hrMx, hrUs, adjOne);
        adverseCases(today, hrMx, adjOne, adjTwo);
        clock.set(today);
        now.clearances().expire();
        return new Result(passwords, officers, outcomes);
    }

    /**
     * Screening (policy v1.2): the invented sample lists shipped with the service, three officers on
     * them — one possible match waiting for review, one dismissed by a first adjudicator (waiting for
     * the second), one through a named business association — and a national list update that
     * suspends a cleared officer named on it, re-screened as a list version takes effect.
     */
    private void screening(LocalDate today, User hrMx, User hrUs, User adjudicator) {
        SampleLists.importAll(now.watchlists(), "pol.ortega");
        now.continuousScreening().runPending();
        LocalDate born = LocalDate.of(1979, 4, 2);
        Evaluation open = now.evaluations().submit(named(record("MX-09001", true, "JU-FENTANYL", Kind.CLEAN, today,
                9001), "Guadalupe", "Villalobos Quintero", born), hrMx);
        Evaluation pending = now.evaluations().submit(named(record("MX-09002", true, "JU-FINANCE", Kind.CLEAN,
                today, 9002), "Marisol", "Echeverría Lozano", LocalDate.of(1981, 6, 30)), hrMx);
        OfficerRecord business = record("US-09003", false, "LIAISON", Kind.CLEAN, today, 9003);
        Map<String, Object> withAssociate = Json.read(Json.write(business), MAP);
        withAssociate.put("associations", List.of(Map.of("id", "a1", "relationship", "BUSINESS",
                "organizationType", "OTHER", "status", "CONFIRMED", "name", "Casa de Cambio La Frontera")));
        now.evaluations().submit(Json.read(Json.write(withAssociate), OfficerRecord.class), hrUs);
        pending.screening().hits().stream().findFirst().ifPresent(hit -> now.screeningReviews().review(hit.hitId(),
                new HitReview("DISMISS", "A different person: born in another state, other parents' "
                        + "names in the civil registry."), adjudicator, Language.EN, officer -> { }));
        // a cleared officer, then the national list names them: the update suspends the clearance
        now.evaluations().submit(named(record("MX-09004", true, "JU-ARMS", Kind.CLEAN, today, 9004),
                "Rosalba", "Treviño Garza", LocalDate.of(1985, 9, 9)), hrMx);
        SampleLists.importNationalUpdate(now.watchlists(), "pol.brooks",
                "UIF-0004,PERSON,Rosalba,Treviño Garza,,,,1985-09-09,MX,Lista de personas bloqueadas (ficticia),"
                        + "Ejemplo inventado");
        now.continuousScreening().runPending();
        if (open.screening() == null || open.screening().hits().isEmpty()) {
            throw new IllegalStateException("the demo's listed officer was not matched: is screening off in rules/?");
        }
    }

    private static final TypeReference<Map<String, Object>> MAP =
            new TypeReference<>() {};

    private static OfficerRecord named(OfficerRecord r, String given, String family, LocalDate born) {
        return new OfficerRecord(r.officerId(), given, family, born, r.country(), r.agency(), r.serviceStartDate(),
                r.targetUnit(), r.exams(), r.criminalRecords(), r.disciplinaryRecords(), r.humanRightsAllegations(),
                r.financialDisclosures(), r.associations(), r.priorVetting());
    }

    /** A staff member created by the first administrator, their generated password kept in {@code passwords}. */
    private void user(Map<String, String> passwords, String username, Role role, List<String> unitCodes,
                      List<String> countries) {
        User admin = new User("admin", Set.of(Role.ADMIN), Set.of(), Set.of(), null, false);
        String password = password();
        now.users().create(new NewUser(username, password, List.of(role.name()), unitCodes, countries, null),
                now.rules().ruleSet().units().keySet(), admin);
        passwords.put(username, password);
    }

    /**
     * Adverse cases (policy section 9) at every stage, walked on their days: seven officers of Mexico
     * convicted of drug trafficking, vetted 70 days ago (their denials proposed then): one proposal
     * waiting for its notice, one waiting for reconsideration after its reply window closed, a
     * decision final with its appeal window running, one appealed with a first board vote, one closed
     * after its appeal window lapsed, and a notice with a reply in this week.
     */
    private void adverseCases(LocalDate today, User hr, User first, User second) {
        clock.set(today.minusDays(70));
        List<String> cases = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            String id = String.format("MX-%05d", 7100 + k);
            Evaluation e = now.evaluations().submit(record(id, true, UNITS[k % UNITS.length], Kind.TRAFFICKING,
                    today.minusDays(70), 7100 + k), hr);
            now.adverseCases().page(first, "PROPOSED", null, null, 1000).items().stream()
                    .filter(c -> c.officerId().equals(e.officerId())).findFirst().ifPresent(c -> cases.add(c.caseId()));
        }
        User board = staff("board.ortiz", Role.APPEALS_BOARD, "MX", "US");
        java.util.function.Consumer<String> named = officer -> { };
        AdverseRequest notice = new AdverseRequest("The findings of the evaluation make the officer ineligible for"
                + " the unit; the officer may reply.", null, null, null, null, null);
        // 60 days ago: notices whose reply windows have closed by now
        clock.set(today.minusDays(60));
        for (int i = 1; i <= 4; i++) {
            now.adverseCases().notice(cases.get(i), notice, first, named);
        }
        // the reply windows closed 30 days later: the clock moves them to reconsideration
        clock.set(today.minusDays(29));
        now.adverseCases().advance();
        AdverseRequest uphold = new AdverseRequest("The reply does not answer the findings; the decision stands.",
                null, null, null, "UPHOLD", null);
        now.adverseCases().reconsider(cases.get(2), uphold, second, named);
        // three days ago: two decisions final, one of them appealed and voted on once
        clock.set(today.minusDays(3));
        now.adverseCases().reconsider(cases.get(3), uphold, second, named);
        now.adverseCases().reconsider(cases.get(4), uphold, second, named);
        now.adverseCases().appeal(cases.get(4), new AdverseRequest(null, null,
                "The officer appeals: the records were misread.", null, null, null), hr, named);
        now.adverseCases().vote(cases.get(4), new AdverseRequest("The findings are well founded.", null, null, null,
                null, "UPHOLD"), board, named);
        // this week: a notice with a reply in
        clock.set(today.minusDays(2));
        now.adverseCases().notice(cases.get(5), notice, first, named);
        now.adverseCases().reply(cases.get(5), new AdverseRequest(null, null,
                "The officer contests the findings and will submit a new laboratory report.", null, null, null), hr, named);
        // today: the appeal window of the first decision has closed
        clock.set(today);
        now.adverseCases().advance();
    }

    private static User staff(String username, Role role, String... countries) {
        return new User(username, Set.of(role), Set.of(), Set.of(countries), null, false);
    }

    private String password() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** What the record holds beyond a clean file, each giving a different outcome under the policy. */
    enum Kind {
        CLEAN(r -> r), CLEAN_TOO(r -> r), CLEAN_AGAIN(r -> r),
        FAMILY_TIE(r -> add(r, "associations", Map.of("id", "a1", "relationship", "FAMILY",
                "organizationType", "CRIMINAL_ORGANIZATION", "status", "SUSPECTED"))),
        PENDING_CASE(r -> add(r, "criminalRecords", Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                "date", day(r, -200)))),
        MISSING_EXAM(r -> {
            ((List<?>) r.get("exams")).remove(0);
            return r;
        }),
        TRAFFICKING(r -> add(r, "criminalRecords", Map.of("id", "c1", "category", "DRUG_TRAFFICKING",
                "status", "CONVICTED", "date", day(r, -3000)))),
        FAILED_POLYGRAPH(r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> polygraph = (Map<String, Object>) ((List<?>) r.get("exams")).get(0);
            polygraph.put("result", "FAIL");
            return r;
        }),
        BRIBERY_COMPLAINT(r -> add(r, "disciplinaryRecords", Map.of("id", "d1", "category", "BRIBERY",
                "finding", "UNSUBSTANTIATED", "date", day(r, -900)))),
        MEDICAL(r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> medical = (Map<String, Object>) ((List<?>) r.get("exams")).get(4);
            medical.put("result", "FAIL");
            return r;
        });

        final Function<Map<String, Object>, Map<String, Object>> apply;

        Kind(Function<Map<String, Object>, Map<String, Object>> apply) {
            this.apply = apply;
        }
    }

    private OfficerRecord record(String id, boolean mx, String unit, Kind kind, LocalDate asOf, int i) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("officerId", id);
        r.put("givenName", (mx ? GIVEN_MX : GIVEN_US)[i % (mx ? GIVEN_MX : GIVEN_US).length]);
        r.put("familyName", (mx ? FAMILY_MX : FAMILY_US)[(i / 3) % (mx ? FAMILY_MX : FAMILY_US).length]);
        r.put("dateOfBirth", LocalDate.of(1975 + i % 20, 1 + i % 12, 1 + i % 28).toString());
        r.put("country", mx ? "MX" : "US");
        r.put("agency", (mx ? AGENCY_MX : AGENCY_US)[i % (mx ? AGENCY_MX : AGENCY_US).length]);
        r.put("serviceStartDate", asOf.minusYears(6 + i % 15).toString());
        r.put("targetUnit", unit);
        r.put("asOf", asOf.toString());
        List<Object> exams = new ArrayList<>();
        String[] types = {"POLYGRAPH", "TOXICOLOGICAL", "PSYCHOLOGICAL", "SOCIOECONOMIC", "MEDICAL"};
        for (int e = 0; e < types.length; e++) {
            Map<String, Object> exam = new LinkedHashMap<>();
            exam.put("id", "e" + (e + 1));
            exam.put("type", types[e]);
            exam.put("result", "PASS");
            exam.put("date", asOf.minusDays(40 + e).toString());
            exams.add(exam);
        }
        r.put("exams", exams);
        Map<String, Object> disclosure = new LinkedHashMap<>();
        disclosure.put("year", asOf.getYear() - 1);
        disclosure.put("annualIncome", 300_000 + 1_000 * (i % 200));
        disclosure.put("otherIncome", 0);
        disclosure.put("totalAssets", 900_000 + 5_000 * (i % 100));
        disclosure.put("totalLiabilities", 150_000 + 1_000 * (i % 50));
        disclosure.put("cashDeposits", 0);
        disclosure.put("undeclaredAssets", 0);
        r.put("financialDisclosures", new ArrayList<>(List.of(disclosure)));
        kind.apply.apply(r);
        r.remove("asOf");
        return Json.read(Json.write(r), OfficerRecord.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> add(Map<String, Object> r, String list, Map<String, Object> entry) {
        ((List<Object>) r.computeIfAbsent(list, k -> new ArrayList<>())).add(new LinkedHashMap<>(entry));
        return r;
    }

    private static String day(Map<String, Object> r, int days) {
        return LocalDate.parse((String) r.get("asOf")).plusDays(days).toString();
    }

}
