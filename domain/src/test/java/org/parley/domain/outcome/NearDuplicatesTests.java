package org.parley.domain.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicatesTests {

	@Test
	void formLetterWithSmallEditsIsOneGroup() {
		List<String> texts = CampaignTexts.campaign(500, 1);

		List<int[]> groups = NearDuplicates.group(texts);

		assertThat(groups).hasSize(1);
		assertThat(groups.get(0)).containsExactly(IntStream.range(0, 500).toArray());
	}

	@Test
	void commentsInTheirOwnWordsFormNoGroup() {
		assertThat(NearDuplicates.group(CampaignTexts.ownWords(500, 2))).isEmpty();
	}

	@Test
	void campaignAmongOwnWordsIsFoundAndNothingElse() {
		List<String> own = CampaignTexts.ownWords(300, 3);
		List<String> campaign = CampaignTexts.campaign(200, 4);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			texts.add((i % 5 < 3) ? own.get(i / 5 * 3 + i % 5) : campaign.get(i / 5 * 2 + i % 5 - 3));
		}

		List<int[]> groups = NearDuplicates.group(texts);

		assertThat(groups).hasSize(1);
		assertThat(groups.get(0)).hasSize(200);
		assertThat(IntStream.of(groups.get(0)).map(i -> i % 5)).allMatch(r -> r >= 3);
	}

	@Test
	void identicalShortTextsGroupButDifferentOnesDoNot() {
		List<int[]> groups = NearDuplicates
			.group(List.of("I agree.", "i AGREE", "I disagree.", "No.", "  ", "I agree!"));

		assertThat(groups).hasSize(1);
		assertThat(groups.get(0)).containsExactly(0, 1, 5);
	}

	@Test
	void differentLettersOnTheSameTopicStayApart() {
		String other = "The river meadows should be opened for new homes, because the town needs housing that "
				+ "young families can afford, and the brownfield sites are too small and too expensive to clean.";

		assertThat(NearDuplicates.similarity(CampaignTexts.FORM_LETTER, other)).isLessThan(0.2);
		assertThat(NearDuplicates.group(List.of(CampaignTexts.FORM_LETTER, other))).isEmpty();
	}

	@Test
	void similarityOfASmallEditIsHigh() {
		String edited = CampaignTexts.FORM_LETTER.replace("wildlife", "birds and otters");

		assertThat(NearDuplicates.similarity(CampaignTexts.FORM_LETTER, edited)).isGreaterThan(0.7);
	}

}
