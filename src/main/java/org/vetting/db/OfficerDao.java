package org.vetting.db;

import java.util.Collection;
import org.jdbi.v3.sqlobject.customizer.BindList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The officers on file and their country: what need-to-know by country compares with. */
public interface OfficerDao {
    /** An officer on file; {@code country} is null only for officers stored before it was required. */
    record OfficerRow(String officerId, String country) {}

    @SqlQuery("SELECT officer_id, country FROM officers WHERE officer_id = :officerId")
    @RegisterConstructorMapper(OfficerRow.class)
    Optional<OfficerRow> find(@Bind("officerId") String officerId);

    /** A new officer on file, with the country and name their first record gives. */
    @SqlUpdate("""
            INSERT INTO officers (officer_id, country, given_name, family_name)
            VALUES (:officerId, :country, :given, :family)
            """)
    void insert(@Bind("officerId") String officerId, @Bind("country") String country, @Bind("given") String given,
                @Bind("family") String family);

    /**
     * An officer's name as their latest record gives it, and the country of one stored before
     * countries were required (a country on file never changes).
     */
    @SqlUpdate("""
            UPDATE officers SET given_name = :given, family_name = :family, country = COALESCE(country, :country)
             WHERE officer_id = :officerId
            """)
    int update(@Bind("officerId") String officerId, @Bind("country") String country, @Bind("given") String given,
               @Bind("family") String family);

    /** An officer's name, as on file. */
    record Name(String officerId, String givenName, String familyName) {}

    @SqlQuery("SELECT officer_id, given_name, family_name FROM officers WHERE officer_id IN (<ids>)")
    @RegisterConstructorMapper(Name.class)
    List<Name> names(@BindList(value = "ids",
            onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> ids);

    /** Officers with records but no row here: stored before this table existed. */
    @SqlQuery("""
            SELECT DISTINCT r.officer_id FROM officer_records r
             WHERE NOT EXISTS (SELECT 1 FROM officers o WHERE o.officer_id = r.officer_id)
             ORDER BY r.officer_id
            """)
    List<String> unlisted();

    /** Whether any officer has a record on file. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM officer_records)")
    boolean anyOnFile();

    @SqlQuery("SELECT officer_id FROM officers WHERE country IS NULL ORDER BY officer_id")
    List<String> withoutCountry();
}
