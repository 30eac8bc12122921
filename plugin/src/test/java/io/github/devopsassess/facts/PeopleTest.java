package io.github.devopsassess.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.facts.ownership.Owner;

import org.junit.jupiter.api.Test;

/** One person, however a file names them, resolves to one person of history and one pseudonym. */
class PeopleTest {

    static final Pseudonyms KEY = Pseudonyms.keyed("people test");

    static People people(boolean shown) {
        Person alice = new Person("alice@shop.example", shown ? "Alice Smith" : KEY.of("alice@shop.example"), false);
        Person bob = new Person("bob@shop.example", shown ? "Bob Jones" : KEY.of("bob@shop.example"), false);
        return People.builder(shown, KEY)
                .identity(alice, "Alice Smith", "alice@shop.example")
                .identity(alice, "alice", "4211+asmith@users.noreply.github.com")
                .identity(bob, "Bob Jones", "bob@shop.example")
                .alias("alice@old-employer.example", "alice@shop.example")
                .build();
    }

    @Test
    void everyWayOfNamingAlice() {
        People p = people(false);
        String alice = KEY.of("alice@shop.example");
        assertThat(p.owner(Owner.parse("@alice"))).as("handle = local part").isEqualTo(alice);
        assertThat(p.owner(Owner.parse("@asmith"))).as("GitHub no-reply handle").isEqualTo(alice);
        assertThat(p.owner(Owner.parse("@Alice-Smith"))).as("handle = name without separators").isEqualTo(alice);
        assertThat(p.owner(Owner.parse("ALICE@shop.example"))).as("e-mail owner").isEqualTo(alice);
        assertThat(p.person("PX1", "Alice Smith")).as("on-call name").isEqualTo(alice);
        assertThat(p.person("PX1", "Alicé  Smith")).as("accents and spaces").isEqualTo(alice);
        assertThat(p.person("alice@old-employer.example", "A. S.")).as("identities file").isEqualTo(alice);
        assertThat(p.display("alice@shop.example")).isEqualTo(alice);
        assertThat(p.owner(Owner.parse("@shop/platform"))).as("a team keeps its name").isEqualTo("@shop/platform");
        assertThat(p.owner(Owner.parse("@bob"))).isEqualTo(KEY.of("bob@shop.example")).isNotEqualTo(alice);
    }

    @Test
    void strangersAreKeyedOnWhatTheFileSaysAndAHandleIsItsUser() {
        People p = people(false);
        assertThat(p.owner(Owner.parse("@zed"))).isEqualTo(KEY.of("zed")).isEqualTo(p.person("zed", null));
        assertThat(p.person("u1", "Zed Zimmer")).isEqualTo(KEY.of("zed zimmer"));
        assertThat(p.owner(Owner.parse("zed@elsewhere.example"))).isEqualTo(KEY.of("zed@elsewhere.example"));
        assertThat(p.fingerprintTag("@alice")).isEqualTo(Pseudonyms.fingerprintTag("alice@shop.example"))
                .isEqualTo(p.fingerprintTag("Alice Smith"));
    }

    @Test
    void quotedLinesNameNobodyUnlessNamesAreShown() {
        People p = people(false);
        String alice = KEY.of("alice@shop.example");
        assertThat(p.disguise("* @alice @shop/platform bob@shop.example", true))
                .isEqualTo("* " + alice + " @shop/platform " + KEY.of("bob@shop.example"));
        assertThat(p.disguise("    name: Alice Smith # lead: Bob Jones.", false))
                .isEqualTo("    name: " + alice + " # lead: " + KEY.of("bob@shop.example") + ".");
        assertThat(p.disguise("@Override void alice() {} // Alice, Smith", false)).as("no handle outside CODEOWNERS")
                .isEqualTo("@Override void alice() {} // Alice, Smith");
        assertThat(people(true).disguise("* @alice # Alice Smith", true)).isEqualTo("* @alice # Alice Smith");
    }

    @Test
    void shownNamesAreNamesNeverEmails() {
        People p = people(true);
        assertThat(p.owner(Owner.parse("@alice"))).isEqualTo("Alice Smith");
        assertThat(p.person("PX1", "Alice Smith")).isEqualTo("Alice Smith");
        assertThat(p.owner(Owner.parse("@zed"))).isEqualTo("@zed");
        assertThat(p.person("u1", "Zed Zimmer")).isEqualTo("Zed Zimmer");
        assertThat(p.owner(Owner.parse("zed@elsewhere.example"))).startsWith("contributor-");
        assertThat(p.person("zed@elsewhere.example", null)).startsWith("contributor-");
    }
}
