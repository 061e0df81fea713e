package org.vetting.hits;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.stream.Collectors;
import org.vetting.api.Association;
import org.vetting.db.OfficerDao;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import java.util.Arrays;
import org.vetting.api.ClearanceCause;
import org.vetting.api.HitStatus;
import org.vetting.access.OfficerAccess;
import org.vetting.api.HitReview;
import org.vetting.api.ListPage;
import org.vetting.api.OfficerRecord;
import org.vetting.api.ScreeningHitView;
import org.vetting.auth.User;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.clearance.Clearances;
import org.vetting.common.Json;
import org.vetting.common.Language;
import org.vetting.common.ServiceTime;
import org.vetting.db.ClearanceDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.db.ScreeningHitDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.SeparationOfDuties;
import org.vetting.errors.ValidationFailed;
import org.vetting.evaluation.Reevaluations;
import org.vetting.evaluation.Screening;
import org.vetting.evaluation.ScreeningText;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.screening.Subject;
import org.vetting.screening.WatchlistEntry;
import org.vetting.watchlist.Watchlists;

/**
 * The review of possible matches (docs/screening.md, "Review"): an adjudicator CONFIRMs a hit, or
 * DISMISSes it as a different person — which takes a second, different adjudicator. Each step is
 * stored and audited, and the officer's clearances are then re-evaluated (cause SCREENING), the
 * rules reading the hit's new status. A dismissed pair stays dismissed until the entry changes.
 */
public final class ScreeningReviews {

    private final Jdbi jdbi;
    private final ActiveRuleSet rules;
    private final Reevaluations evaluations;
    private final OfficerAccess access;
    private final Watchlists watchlists;
    private final ServiceTime time;

    public ScreeningReviews(Jdbi jdbi, ActiveRuleSet rules, Reevaluations evaluations, OfficerAccess access,
                            Watchlists watchlists, ServiceTime time) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.evaluations = evaluations;
        this.access = access;
        this.watchlists = watchlists;
        this.time = time;
    }

    /** The queue: hits with {@code status} (OPEN and DISMISSAL_PENDING when null) of the reader's countries, oldest first. */
    public ListPage<ScreeningHitView.Item> queue(User reader, String status, String cursor, int limit) {
        HitStatus wanted = ValidationFailed.oneOf(HitStatus.class, "status", status);
        List<HitStatus> statuses = wanted != null ? List.of(wanted)
                : Arrays.stream(HitStatus.values()).filter(HitStatus::awaitsReview).toList();
        Instant afterRaised = Instant.EPOCH;
        String afterId = "";
        if (cursor != null) {
            String[] parts = cursor.split("~", 2);
            try {
                afterRaised = Instant.parse(parts[0]);
                afterId = parts.length > 1 ? parts[1] : "";
            } catch (DateTimeParseException e) {
                throw ValidationFailed.of("cursor", "not a cursor of this list: " + cursor);
            }
        }
        Instant from = afterRaised;
        String fromId = afterId;
        List<ScreeningHitDao.QueueRow> rows = jdbi.withExtension(ScreeningHitDao.class, dao -> dao.queue(statuses,
                reader.countryScoped(), reader.countries().isEmpty() ? List.of("") : List.copyOf(reader.countries()),
                from, fromId, limit + 1));
        ListPage<ScreeningHitDao.QueueRow> page = ListPage.of(rows, limit, r -> r.raisedAt() + "~" + r.hitId());
        Map<String, String> names = access.names(page.items().stream().map(ScreeningHitDao.QueueRow::officerId)
                .collect(Collectors.toSet()));
        List<ScreeningHitView.Item> items = new ArrayList<>();
        for (ScreeningHitDao.QueueRow r : page.items()) {
            if (reader.is(r.officerId())) {
                continue; // nobody reviews matches of their own
            }
            items.add(new ScreeningHitView.Item(r.hitId(), r.officerId(), names.get(r.officerId()),
                    r.country(), r.subject(), r.subjectName(), r.listName(), r.entryId(), r.entryName(), r.score(),
                    r.status(), r.raisedAt()));
        }
        return new ListPage<>(items, page.next());
    }

    /** One hit with the entry beside the officer, for a reader of the officer's country. */
    public ScreeningHitView hit(String hitId, User reader, Language language, Consumer<String> named) {
        ScreeningHitDao.HitRow hit = jdbi.withExtension(ScreeningHitDao.class, dao -> dao.find(hitId))
                .orElseThrow(() -> notFound(hitId));
        named.accept(hit.officerId());
        access.check(reader, hit.officerId(), () -> notFound(hitId));
        return view(hit, language);
    }

    /** Records a review step and re-evaluates the officer's clearances; answers the hit afterwards. */
    public ScreeningHitView review(String hitId, HitReview request, User adjudicator, Language language,
                                   Consumer<String> named) {
        if (request == null || request.decision() == null
                || !List.of("CONFIRM", "DISMISS").contains(request.decision())) {
            throw ValidationFailed.of("decision", "CONFIRM or DISMISS");
        }
        if (request.reasons() == null || request.reasons().isBlank() || request.reasons().length() > 4000) {
            throw ValidationFailed.of("reasons", "required, at most 4000 characters");
        }
        ScreeningHitDao.HitRow found = jdbi.withExtension(ScreeningHitDao.class, dao -> dao.find(hitId))
                .orElseThrow(() -> notFound(hitId));
        named.accept(found.officerId());
        access.check(adjudicator, found.officerId(), () -> notFound(hitId));
        ScreeningHitDao.HitRow after = jdbi.inTransaction(h -> {
            ScreeningHitDao dao = h.attach(ScreeningHitDao.class);
            ScreeningHitDao.HitRow hit = dao.lock(hitId).orElseThrow(() -> notFound(hitId));
            // the clearance rows before the audit head, as every decision takes them
            ClearanceDao clearances = h.attach(ClearanceDao.class);
            clearances.ofOfficer(hit.officerId()).forEach(c -> clearances.lock(hit.officerId(), c.unit()));
            List<ScreeningHitDao.ReviewRow> reviews = dao.reviews(hitId);
            HitStatus next = next(hit, request.decision(), reviews, adjudicator);
            Instant now = time.now();
            var review = new ScreeningHitDao.ReviewRow(hitId, reviews.size() + 1, request.decision(),
                    request.reasons().strip(), adjudicator.username(), now);
            dao.insertReview(review);
            dao.setStatus(hitId, next, now);
            reevaluate(h, hit.officerId(), adjudicator.username());
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("review", review);
            content.put("officerId", hit.officerId());
            content.put("subject", hit.subject());
            content.put("list", hit.listName());
            content.put("listVersion", hit.listVersion());
            content.put("entryId", hit.entryId());
            content.put("entryContentSha256", hit.contentHash());
            content.put("statusBefore", hit.status());
            content.put("statusAfter", next);
            AuditChain.append(h, new AuditChain.Pending(EntryType.SCREENING_REVIEW, hitId + "#" + review.step(), hit.officerId(),
                    adjudicator.username(), now, Json.write(content)));
            return dao.find(hitId).orElseThrow();
        });
        return view(after, language);
    }

    private static HitStatus next(ScreeningHitDao.HitRow hit, String decision, List<ScreeningHitDao.ReviewRow> reviews,
                                  User adjudicator) {
        switch (hit.status()) {
            case OPEN:
                return decision.equals("CONFIRM") ? HitStatus.CONFIRMED : HitStatus.DISMISSAL_PENDING;
            case DISMISSAL_PENDING:
                if (decision.equals("DISMISS")) {
                    boolean firstDismisser = reviews.stream().anyMatch(r -> r.decision().equals("DISMISS")
                            && r.reviewedBy().equals(adjudicator.username()));
                    if (firstDismisser) {
                        throw new SeparationOfDuties("a dismissal takes a second, different adjudicator");
                    }
                    adjudicator.requireRecentSecondFactor(); // the second adjudicator's signature
                    return HitStatus.DISMISSED;
                }
                return HitStatus.CONFIRMED;
            default:
                throw new Conflict("hit " + hit.hitId() + " is " + hit.status() + "; its review is finished");
        }
    }

    /** Every clearance the officer holds, re-evaluated on the record on file under the active rule set. */
    private void reevaluate(Handle h, String officerId, String actor) {
        OfficerRecordDao records = h.attach(OfficerRecordDao.class);
        int version = records.latestVersion(officerId);
        if (version > 0) {
            evaluations.reevaluateAllOnFile(h, new Reevaluations.Why(rules.ruleSet(), ClearanceCause.SCREENING, actor,
                    time.today()), new Reevaluations.OnFile(officerId, version, records.find(officerId, version).orElseThrow()));
        }
    }

    private ScreeningHitView view(ScreeningHitDao.HitRow hit, Language language) {
        return jdbi.withHandle(h -> {
            var officer = h.attach(OfficerDao.class).find(hit.officerId()).orElseThrow();
            OfficerRecordDao records = h.attach(OfficerRecordDao.class);
            int version = records.latestVersion(hit.officerId());
            OfficerRecord record = version == 0 ? null
                    : records.record(hit.officerId(), version).orElseThrow();
            LocalDate subjectBirth = record == null ? null : hit.subject().equals(Subject.OFFICER) ? record.dateOfBirth()
                    : record.associations().stream().filter(a -> hit.subject().equals(Subject.ASSOCIATION + a.id()))
                            .map(Association::birthDate).filter(Objects::nonNull).findFirst()
                            .orElse(null);
            WatchlistEntry e = watchlists.entry(hit.listName(), hit.listVersion(), hit.entryId());
            List<String> parts = Json.read(hit.matchedParts(), new TypeReference<>() {});
            String explanation = ScreeningText.explain(new Screening.Hit(hit.hitId(), hit.subject(), hit.subjectName(),
                    hit.listName(), hit.listVersion(), hit.entryId(), hit.entryName(), hit.score(), parts, hit.status().name()),
                    language);
            return new ScreeningHitView(hit.hitId(), hit.officerId(),
                    access.names(List.of(hit.officerId())).get(hit.officerId()), officer.country(),
                    record == null ? null : record.dateOfBirth(), hit.subject(), hit.subjectName(), subjectBirth,
                    hit.listName(), hit.listVersion(), hit.entryId(), hit.entryName(), hit.score(), parts, hit.status(),
                    hit.raisedAt(), explanation, new ScreeningHitView.Entry(e.kind().name(), e.name(), e.aliases(),
                    e.weakAliases(), e.birthDate(), e.nationality(), e.program(), e.remarks()),
                    h.attach(ScreeningHitDao.class).reviews(hit.hitId()).stream()
                            .map(r -> new ScreeningHitView.Review(r.step(), r.decision(), r.reasons(), r.reviewedBy(),
                                    r.reviewedAt())).toList());
        });
    }

    private static NotFound notFound(String hitId) {
        return new NotFound("no screening hit " + hitId);
    }
}
