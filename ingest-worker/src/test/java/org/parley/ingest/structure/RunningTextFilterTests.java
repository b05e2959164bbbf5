package org.parley.ingest.structure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RunningTextFilterTests {

	@ParameterizedTest
	@ValueSource(strings = { "7", "- 7 -", "Page 7", "page 7 of 12", "7 / 12", "xiv" })
	void recognisesPageNumbers(String text) {
		assertThat(RunningTextFilter.isPageNumber(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "7 goals for 2030", "Introduction", "Page seven of the report" })
	void doesNotTakeTextForPageNumbers(String text) {
		assertThat(RunningTextFilter.isPageNumber(text)).isFalse();
	}

}
