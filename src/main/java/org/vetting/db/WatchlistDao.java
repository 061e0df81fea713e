package org.vetting.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.ListVersionStatus;

/** Watchlist versions and their entries. Entries are written once; a version row changes status only. */
public interface WatchlistDao {
    record VersionRow(String listName, int version, String format, ListVersionStatus status, int entries, int added, int removed,
                      int changed, Integer basedOn, String filesSha256, String importedBy, Instant importedAt,
                      String decidedBy, Instant decidedAt, Instant effectiveAt) {}

    record EntryRow(String listName, int version, String entryId, String contentHash, String entry) {}

    record EntryHash(String entryId, String contentHash) {}

    String COLUMNS = """
            list_name, version, format, status, entries, added, removed, changed, based_on, files_sha256, imported_by, \
            imported_at, decided_by, decided_at, effective_at""";

    @SqlUpdate("INSERT INTO watchlist_versions (" + COLUMNS + """
            ) VALUES (:listName, :version, :format, :status, :entries, :added, :removed, :changed, :basedOn,
                      :filesSha256, :importedBy, :importedAt, :decidedBy, :decidedAt, :effectiveAt)""")
    void insert(@BindMethods VersionRow row);

    @SqlBatch("""
            INSERT INTO watchlist_entries (list_name, version, entry_id, content_hash, entry)
            VALUES (:listName, :version, :entryId, :contentHash, :entry)""")
    void insertEntries(@BindMethods List<EntryRow> rows);

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM watchlist_versions WHERE list_name = :list")
    int latestVersion(@Bind("list") String list);

    @SqlQuery("SELECT " + COLUMNS + " FROM watchlist_versions WHERE list_name = :list AND version = :version")
    @RegisterConstructorMapper(VersionRow.class)
    Optional<VersionRow> find(@Bind("list") String list, @Bind("version") int version);

    @SqlQuery("SELECT " + COLUMNS + " FROM watchlist_versions WHERE list_name = :list AND version = :version FOR UPDATE")
    @RegisterConstructorMapper(VersionRow.class)
    Optional<VersionRow> lock(@Bind("list") String list, @Bind("version") int version);

    default Optional<VersionRow> active(String list) {
        return withStatus(list, ListVersionStatus.ACTIVE);
    }

    /** The version of a list with a status of which a list has at most one (ACTIVE). */
    @SqlQuery("SELECT " + COLUMNS + " FROM watchlist_versions WHERE list_name = :list AND status = :status")
    @RegisterConstructorMapper(VersionRow.class)
    Optional<VersionRow> withStatus(@Bind("list") String list, @Bind("status") ListVersionStatus status);

    /** Every list's active version, by list name. */
    default List<VersionRow> activeVersions() {
        return withStatus(ListVersionStatus.ACTIVE);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM watchlist_versions WHERE status = :status ORDER BY list_name")
    @RegisterConstructorMapper(VersionRow.class)
    List<VersionRow> withStatus(@Bind("status") ListVersionStatus status);

    /** Every version of every list, newest first within a list. */
    @SqlQuery("SELECT " + COLUMNS + " FROM watchlist_versions ORDER BY list_name, version DESC")
    @RegisterConstructorMapper(VersionRow.class)
    List<VersionRow> versions();

    @SqlUpdate("""
            UPDATE watchlist_versions SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
                   effective_at = :effectiveAt
             WHERE list_name = :listName AND version = :version""")
    void decide(@BindMethods VersionRow row);

    /** The list's version in force steps aside for a new one. */
    default void supersede(String list) {
        move(list, ListVersionStatus.ACTIVE, ListVersionStatus.SUPERSEDED);
    }

    @SqlUpdate("UPDATE watchlist_versions SET status = :to WHERE list_name = :list AND status = :from")
    void move(@Bind("list") String list, @Bind("from") ListVersionStatus from, @Bind("to") ListVersionStatus to);

    @SqlQuery("""
            SELECT entry_id, content_hash FROM watchlist_entries
             WHERE list_name = :list AND version = :version ORDER BY entry_id""")
    @RegisterConstructorMapper(EntryHash.class)
    List<EntryHash> hashes(@Bind("list") String list, @Bind("version") int version);

    @SqlQuery("SELECT entry FROM watchlist_entries WHERE list_name = :list AND version = :version AND entry_id = :id")
    Optional<String> entry(@Bind("list") String list, @Bind("version") int version, @Bind("id") String entryId);

    /** A version's entries after {@code afterId} in id order, a page at a time (loading an index). */
    @SqlQuery("""
            SELECT list_name, version, entry_id, content_hash, entry FROM watchlist_entries
             WHERE list_name = :list AND version = :version AND entry_id > :after
             ORDER BY entry_id LIMIT :limit""")
    @RegisterConstructorMapper(EntryRow.class)
    List<EntryRow> entries(@Bind("list") String list, @Bind("version") int version, @Bind("after") String afterId,
                           @Bind("limit") int limit);
}
