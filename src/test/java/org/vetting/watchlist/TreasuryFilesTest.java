package org.vetting.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * OFAC's legacy files exactly as Treasury publishes them, built here byte by byte from the format's
 * rules (no real list is copied): Windows-1252 text (Ñ is the byte 0xD1, É 0xC9), CRLF line ends, a
 * DOS end-of-file byte (0x1A) after the last line; the SDN list ({@code sdn.csv}, {@code alt.csv})
 * and the consolidated non-SDN lists ({@code cons_prim.csv}, {@code cons_alt.csv}) in one version.
 * Sent as their bytes ({@code {"base64": …}}). And the bad files still refused with file and line.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TreasuryFilesTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final byte SUB = 0x1A;

    @BeforeAll
    static void staff() {
        APP.createStaff();
        APP.createUser("pol.a", "POLICY_OFFICER");
    }

    /** A legacy file: each row joined by CRLF in Windows-1252, and the DOS end-of-file byte after the last. */
    static byte[] legacy(String... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String row : rows) {
            out.writeBytes(row.getBytes(CP1252));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.write(SUB);
        return out.toByteArray();
    }

    static final String SDN_1 = "91001,\"MUÑOZ ÉSPARZA, José Ángel\",\"individual\",\"SDNTK\",\"-0-\",\"-0-\",\"-0-\","
            + "\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"DOB 14 Feb 1975; POB Tijuana, Baja California, Mexico; nationality Mexico;"
            + " a.k.a. 'EL MUÑECO'.\"";
    static final String SDN_2 = "91002,\"COMERCIALIZADORA PEÑASCO, S.A. DE C.V.\",\"-0-\",\"SDNTK\",\"-0-\",\"-0-\","
            + "\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"Organization Type: Wholesale trade.\"";
    static final String SDN_VESSEL = "91003,\"LA NIÑA\",\"vessel\",\"SDNTK\",\"-0-\",\"-0-\",\"Fishing\",\"-0-\","
            + "\"-0-\",\"Mexico\",\"-0-\",\"-0-\"";
    static final String ALT_1 = "91001,92001,\"aka\",\"MUNOZ ESPARZA, Jose Angel\",\"-0-\"";
    static final String CONS_1 = "93001,\"IBÁÑEZ CÓRDOVA, María Begoña\",\"individual\",\"NS-PLC\",\"-0-\",\"-0-\","
            + "\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"-0-\",\"DOB 03 Sep 1981; nationality Mexico.\"";
    static final String CONS_ALT_1 = "93001,94001,\"aka\",\"IBANEZ CORDOBA, Maria\",\"-0-\"";

    static Map<String, Object> bytes(byte[] b) {
        return Map.of("base64", Base64.getEncoder().encodeToString(b));
    }

    static Response importFiles(String list, Map<String, Object> files) {
        return APP.post("pol.a", "/api/watchlists/" + list + "/versions", Map.of("format", "ofac-csv", "files", files));
    }

    @Test
    void theSdnAndConsolidatedFilesAsPublishedAreImported_WithTheirAccents() {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("sdn.csv", bytes(legacy(SDN_1, SDN_2, SDN_VESSEL)));
        files.put("alt.csv", bytes(legacy(ALT_1)));
        files.put("cons_prim.csv", bytes(legacy(CONS_1)));
        files.put("cons_alt.csv", bytes(legacy(CONS_ALT_1)));
        JsonNode version = TestApp.expect(importFiles("OFAC-LEGACY", files), 201);
        assertThat(version.get("entries").asInt()).as("two SDN entries (the vessel is not screened), one consolidated")
                .isEqualTo(3);

        JsonNode found = APP.get("adj.smith", "/api/watchlists/OFAC-LEGACY/entries?q=Jos%C3%A9%20%C3%81ngel%20Mu%C3%B1oz%20Esparza");
        JsonNode first = found.get(0);
        assertThat(first.get("entryId").asText()).isEqualTo("91001");
        assertThat(first.get("name").asText()).isEqualTo("MUÑOZ ÉSPARZA, José Ángel");
        assertThat(first.get("birthDate").asText()).isEqualTo("1975-02-14");
        assertThat(first.get("weakAliases").get(0).asText()).isEqualTo("EL MUÑECO");
        JsonNode consolidated = APP.get("adj.smith", "/api/watchlists/OFAC-LEGACY/entries?q=Mar%C3%ADa%20Iba%C3%B1ez%20Cordova");
        JsonNode cons = consolidated.get(0);
        assertThat(cons.get("name").asText()).isEqualTo("IBÁÑEZ CÓRDOVA, María Begoña");

        // screening finds the officer of that name and date of birth, written in UTF-8 with its accents
        Map<String, Object> officer = Records.clean("MX-OFAC-1");
        officer.put("givenName", "José Ángel");
        officer.put("familyName", "Muñoz Esparza");
        officer.put("dateOfBirth", "1975-02-14");
        JsonNode e = APP.submit("hr.lopez", officer);
        assertThat(e.get("screening").get("hits").findValuesAsText("entryId")).contains("91001");
    }

    @Test
    void theSameFilesInUtf8AreReadAsUtf8() {
        byte[] utf8 = (SDN_1 + "\r\n").getBytes(StandardCharsets.UTF_8);
        JsonNode version = TestApp.expect(importFiles("OFAC-UTF8", Map.of("sdn.csv", bytes(utf8))), 201);
        assertThat(version.get("entries").asInt()).isEqualTo(1);
        JsonNode found = APP.get("adj.smith", "/api/watchlists/OFAC-UTF8/entries?q=Jos%C3%A9%20Mu%C3%B1oz%20Esparza");
        JsonNode first = found.get(0);
        assertThat(first.get("name").asText()).isEqualTo("MUÑOZ ÉSPARZA, José Ángel");
    }

    @Test
    void badFilesAreStillRefusedWithFileAndLine_AndNothingIsStored() {
        long versions = APP.count("watchlist_versions");
        // a DOS end-of-file byte before the end: the rest of the file would be lost
        ByteArrayOutputStream early = new ByteArrayOutputStream();
        early.writeBytes((SDN_1 + "\r\n").getBytes(CP1252));
        early.writeBytes(SDN_2.substring(0, 20).getBytes(CP1252));
        early.write(SUB);
        early.writeBytes((SDN_2.substring(20) + "\r\n").getBytes(CP1252));
        early.write(SUB);
        refused(Map.of("sdn.csv", bytes(early.toByteArray())), "files.sdn.csv", "line 2: a DOS end-of-file byte");
        // wrong column count, truncated inside a quoted value, duplicate ids, an alias of nobody
        refused(Map.of("sdn.csv", bytes(legacy(SDN_1, "91009,\"SHORT\",\"individual\""))), "files.sdn.csv",
                "line 2: expected 12 columns");
        byte[] truncated = java.util.Arrays.copyOf(legacy(SDN_1, SDN_2), legacy(SDN_1).length + 40);
        refused(Map.of("sdn.csv", bytes(truncated)), "files.sdn.csv", "line 2:");
        refused(Map.of("sdn.csv", bytes(legacy(SDN_1, SDN_1))), "files.sdn.csv", "line 2:");
        refused(Map.of("sdn.csv", bytes(legacy(SDN_1)), "alt.csv", bytes(legacy(CONS_ALT_1))), "files.alt.csv",
                "line 1:");
        // an entry in both the SDN and the consolidated files
        refused(Map.of("sdn.csv", bytes(legacy(SDN_1)), "cons_prim.csv", bytes(legacy(SDN_1))),
                "files.cons_prim.csv", "line 1:");
        // binary junk
        byte[] junk = new byte[2048];
        new Random(7).nextBytes(junk);
        refused(Map.of("sdn.csv", bytes(junk)), "files.sdn.csv", "line");
        // an empty file, aliases without their list, a file the format does not take, bytes that are not base64
        refused(Map.of("sdn.csv", bytes(new byte[0])), "files", "no person or organisation entry");
        refused(Map.of("cons_alt.csv", bytes(legacy(CONS_ALT_1))), "files", "sdn.csv or cons_prim.csv");
        refused(Map.of("cons_prim.csv", bytes(legacy(CONS_1)), "alt.csv", bytes(legacy(ALT_1))), "files",
                "alt.csv comes with sdn.csv");
        refused(Map.of("sdn.csv", bytes(legacy(SDN_1)), "add.csv", bytes(legacy("1,2"))), "files", "not add.csv");
        refused(Map.of("sdn.csv", Map.of("base64", "not base64 at all!")), "files.sdn.csv.base64", "not base64");
        refused(Map.of("sdn.csv", Map.of("text", "x")), "files.sdn.csv", "base64");
        assertThat(APP.count("watchlist_versions")).isEqualTo(versions);
    }

    static void refused(Map<String, Object> files, String field, String message) {
        try (Response r = importFiles("OFAC-BAD", files)) {
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(body.toString()).isEqualTo(422);
            assertThat(body.toString()).contains(field).contains(message);
        }
    }
}
