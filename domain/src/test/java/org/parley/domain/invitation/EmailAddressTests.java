package org.parley.domain.invitation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "ana@example.org", "Ana.Lopez+consult@sub.example.co.uk", "o'neil@example.ie", "x@bücher.de" })
	void acceptsAddressesMailServersTake(String address) {
		assertThat(EmailAddress.problem(address)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "ana.example.org|No @ in the address", "ana@@example.org|More than one @",
					"@example.org|Nothing before the @", "ana@|Nothing after the @", "ana@localhost|has no dot",
					"ana @example.org|Contains a space", "ana..b@example.org|misplaced dot",
					"ana@exa_mple.org|not valid", "ana@example.1|top-level domain", "'  '|No address" })
	void saysWhyAnAddressIsRefused(String address, String reason) {
		assertThat(EmailAddress.problem(address)).hasValueSatisfying(r -> assertThat(r).contains(reason));
	}

	@ParameterizedTest
	@ValueSource(strings = { "v@example.org", "V@Example.ORG", "v@example.org(1)", "(x)v@example.org",
			"\"v\"@example.org", " v(a (nested) comment)@example.org ", "v@example.org.", "\"V\"(hi)@EXAMPLE.org" })
	void variantsOfOneMailboxNormaliseToOneAddress(String variant) {
		assertThat(EmailAddress.normalise(variant)).isEqualTo("v@example.org");
		assertThat(EmailAddress.key(variant)).isEqualTo("v@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"v w\"@example.org", "\"v(x)\"@example.org" })
	void quotesThatAreNeededStayAndAreRefused(String address) {
		assertThat(EmailAddress.normalise(address)).startsWith("\"");
		assertThat(EmailAddress.problem(EmailAddress.normalise(address))).isPresent();
	}

}
