package io.github.devopsassess.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Keyed pseudonyms: they do not give people away to whoever has {@code git log}, and they do not collide. */
class PseudonymsTest {

    /** The authors of a synthetic repository, as {@code git log --format=%ae} lists them. */
    static List<String> authors(int n) {
        String[] first = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"};
        String[] domains = {"shop.example", "users.noreply.github.com", "gmail.example", "corp.example"};
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String local = first[i % first.length] + "." + Integer.toString(i, 36);
            String domain = domains[i % domains.length];
            emails.add(domain.startsWith("users.") ? (100000 + i) + "+" + local + "@" + domain : local + "@" + domain);
        }
        return emails;
    }

    static String sha256Hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pseudonymsDoNotRevealTheAddressesOfTheRepository() throws Exception {
        Pseudonyms keyed = Pseudonyms.keyed(Pseudonyms.newKey());
        List<String> emails = authors(500);
        Map<String, String> published = new HashMap<>(); // what a site shows: pseudonym → (secretly) the e-mail
        emails.forEach(e -> published.put(keyed.of(e), e));
        assertThat(published).hasSize(emails.size());

        // an attacker with git log hashes every address the ways an unkeyed scheme would …
        Set<String> dictionary = new HashSet<>();
        for (String e : emails) {
            String hex = sha256Hex(e);
            dictionary.add("contributor-" + hex.substring(0, 6)); // the former scheme
            dictionary.add("contributor-" + Pseudonyms.base32(HexFormat.of().parseHex(hex), Pseudonyms.LENGTH));
            dictionary.add(Pseudonyms.fingerprintTag(e));
            // … and under keys one might guess: zero, the address itself, a well-known word
            for (String guess : List.of("0", e, "devops", "secret", "key")) {
                dictionary.add(Pseudonyms.keyed(guess).of(e));
            }
        }
        assertThat(dictionary).doesNotContainAnyElementsOf(published.keySet());
        // no pseudonym contains its address or any part of it
        published.forEach((p, e) -> assertThat(p).doesNotContain(e.substring(0, e.indexOf('.'))));
    }

    @Test
    void noTwoOf10000ContributorsShareAPseudonym() {
        Pseudonyms keyed = Pseudonyms.keyed("collisions");
        Set<String> seen = new HashSet<>();
        List<String> emails = authors(10_000);
        emails.forEach(e -> seen.add(keyed.of(e)));
        assertThat(seen).hasSize(10_000).allMatch(Pseudonyms::isPseudonym);
    }

    @Test
    void theSameKeyGivesTheSamePseudonymAndAnotherKeyAnother() {
        String a = Pseudonyms.keyed("team secret").of("alice@shop.example");
        assertThat(Pseudonyms.keyed("team secret").of("alice@shop.example")).isEqualTo(a);
        assertThat(Pseudonyms.keyed("team secret".getBytes(StandardCharsets.UTF_8)).of("alice@shop.example"))
                .isEqualTo(a);
        assertThat(Pseudonyms.keyed("other secret").of("alice@shop.example")).isNotEqualTo(a);
        assertThat(Pseudonyms.keyed("team secret").of("bob@shop.example")).isNotEqualTo(a);
        assertThat(a).matches("contributor-[a-z2-7]{10}");
        Pseudonyms e = Pseudonyms.ephemeral();
        assertThat(e.of("alice@shop.example")).isEqualTo(e.of("alice@shop.example")).isNotEqualTo(a);
        assertThat(e.chosen()).isFalse();
        assertThat(Pseudonyms.keyed("x").chosen()).isTrue();
    }

    @Test
    void isHmacSha256InBase32() {
        // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e…
        assertThat(Pseudonyms.keyed("Jefe").of("what do ya want for nothing?"))
                .isEqualTo("contributor-" + Pseudonyms.base32(HexFormat.of().parseHex("5bdcc146bf60754e6a04"), 10));
        // RFC 4648: BASE32("foobar") = "MZXW6YTBOI"
        assertThat(Pseudonyms.base32("foobar".getBytes(StandardCharsets.US_ASCII), 10)).isEqualTo("mzxw6ytboi");
    }

    @Test
    void aPseudonymStaysItselfAndTheKeyIsNeverPrinted() {
        Pseudonyms p = Pseudonyms.keyed("do not print me");
        String alice = p.of("alice@shop.example");
        assertThat(p.of(alice)).isEqualTo(alice);
        assertThat(Pseudonyms.keyed("another").of(alice)).as("a pseudonym is not disguised again").isEqualTo(alice);
        assertThat(p.toString()).doesNotContain("do not print me");
        assertThatThrownBy(() -> Pseudonyms.keyed(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFingerprintTagIsTheFormerSubjectAndIndependentOfTheKey() throws Exception {
        assertThat(Pseudonyms.fingerprintTag("alice@shop.example"))
                .isEqualTo("contributor-" + sha256Hex("alice@shop.example").substring(0, 6));
    }
}
