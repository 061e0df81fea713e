package org.vetting.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import org.vetting.api.OfficerRecord;
import org.vetting.auth.User;
import org.vetting.common.Json;
import org.vetting.db.OfficerDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.errors.NotFound;
import org.vetting.errors.SeparationOfDuties;

/**
 * Need to know and separation of duties for every call on an officer's data (docs/api.md
 * "Integrity"): nobody acts on or reads their own file (403), and a user whose roles are limited to
 * their countries finds any other officer absent (404, as for an officer never submitted). The
 * resource names the officer before calling, so refused attempts reach the access log.
 */
public final class OfficerAccess {
    private static final Logger LOG = LoggerFactory.getLogger(OfficerAccess.class);

    private final Jdbi jdbi;

    public OfficerAccess(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An officer on file that the user may act on; refuses themselves and other countries. */
    public OfficerDao.OfficerRow check(User user, String officerId) {
        return check(user, officerId, () -> NotFound.officer(officerId));
    }

    /**
     * As {@link #check(User, String)}, for something about the officer (an evaluation, a case, a
     * hit): out of the user's countries, it is {@code absent} that is not found, so that the answer
     * says nothing about the officer.
     */
    public OfficerDao.OfficerRow check(User user, String officerId, Supplier<NotFound> absent) {
        Optional<OfficerDao.OfficerRow> officer = jdbi.withExtension(OfficerDao.class, dao -> dao.find(officerId));
        if (officer.isEmpty() || !user.sees(officer.get().country())) {
            throw absent.get();
        }
        if (user.is(officerId)) {
            throw new SeparationOfDuties("this is your own record");
        }
        return officer.get();
    }

    /**
     * Before a record is submitted: nobody submits their own (403). Its officer's country is checked
     * with the rows the submission reads ({@link #checkSubmissionCountry}).
     */
    public void checkSubmitter(User user, OfficerRecord record) {
        if (user.is(record.officerId())) {
            throw new SeparationOfDuties("nobody submits their own record");
        }
    }

    /**
     * A record the user submits for an officer in another country than theirs finds the officer
     * absent (404). {@code countryOnFile} is the officer's country on file, read in the submission's
     * transaction; null for a new officer or one stored before countries were required, who takes the
     * country this record gives.
     */
    public static void checkSubmissionCountry(User user, OfficerRecord record, String countryOnFile) {
        if (!user.sees(countryOnFile != null ? countryOnFile : record.country())) {
            throw NotFound.officer(record.officerId());
        }
    }

    /** The names of officers on file, "given family", by officer id (none for an officer without one). */
    public Map<String, String> names(Collection<String> officerIds) {
        Map<String, String> names = new HashMap<>();
        if (!officerIds.isEmpty()) {
            jdbi.withExtension(OfficerDao.class, dao -> dao.names(officerIds)).forEach(n -> {
                String name = Stream.of(n.givenName(), n.familyName()).filter(Objects::nonNull)
                        .collect(Collectors.joining(" "));
                if (!name.isEmpty()) {
                    names.put(n.officerId(), name);
                }
            });
        }
        return names;
    }

    /** Whether the file is empty: no officer has ever been submitted. */
    public boolean noOfficersOnFile() {
        return !jdbi.withExtension(OfficerDao.class, OfficerDao::anyOnFile);
    }

    /**
     * Lists officers stored before countries were recorded: each gets its country from its latest
     * record. Answers those whose records carry none — they stay out of every scoped user's sight
     * until a submission records their country; the migrate command prints them.
     */
    public List<String> listOfficersOnFile() {
        jdbi.useTransaction(h -> {
            OfficerDao officers = h.attach(OfficerDao.class);
            OfficerRecordDao records = h.attach(OfficerRecordDao.class);
            for (String officerId : officers.unlisted()) {
                OfficerRecord latest = records.latest(officerId).orElseThrow();
                officers.insert(officerId, latest.country(), latest.givenName(), latest.familyName());
            }
        });
        List<String> without = jdbi.withExtension(OfficerDao.class, OfficerDao::withoutCountry);
        if (!without.isEmpty()) {
            LOG.warn("{} officer(s) on file have no country and are hidden from country-scoped users: {}",
                    without.size(), without);
        }
        return without;
    }
}
