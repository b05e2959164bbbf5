package org.parley.domain.invitation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InviteeListTests {

	@Test
	void readsSemicolonSeparatedListWithBomHeaderAndQuotedNames() {
		InviteeList list = InviteeList.parse("\uFEFFEmail;Name\r\nana@example.org;\"Ana; the first\"\r\n\r\nbo@example.org\r\n");

		assertThat(list.invitees()).containsExactly(new Invitee(2, "ana@example.org", "Ana; the first"),
				new Invitee(4, "bo@example.org", null));
	}

	@Test
	void keepsAFirstLineWithoutHeaderWordsAsAnEntry() {
		InviteeList list = InviteeList.parse("not an address,Someone\nx@example.org,\"Doe, Jane\"");

		assertThat(list.invitees()).containsExactly(new Invitee(1, "not an address", "Someone"),
				new Invitee(2, "x@example.org", "Doe, Jane"));
	}

	@Test
	void readsBackAListOfBareAddresses() {
		assertThat(InviteeList.parse(InviteeList.fromAddresses(List.of("a@example.org", "b@example.org"))).size())
			.isEqualTo(2);
	}

	@Test
	void cursorReadsEntryByEntryWhatParseReads() {
		String csv = "\uFEFFEmail;Name\r\nana@example.org;\"Ana; the first\"\r\n\r\nbo@example.org\rcy@example.org;Cy\n";
		InviteeList.Cursor cursor = new InviteeList.Cursor(new java.io.StringReader(csv));
		java.util.List<Invitee> read = new java.util.ArrayList<>();
		Invitee next;
		while ((next = cursor.next()) != null) {
			read.add(next);
		}
		assertThat(read).containsExactlyElementsOf(InviteeList.parse(csv).invitees())
			.containsExactly(new Invitee(2, "ana@example.org", "Ana; the first"), new Invitee(4, "bo@example.org", null),
					new Invitee(5, "cy@example.org", "Cy"));
	}

}
