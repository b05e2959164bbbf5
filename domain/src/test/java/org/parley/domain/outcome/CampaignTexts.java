package org.parley.domain.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Comment texts as a consultation gets them: a form letter that hundreds send with small
 * edits of their own, and comments that people wrote each in their own words.
 */
public final class CampaignTexts {

	/** A campaign's form letter, as an advocacy group would circulate it. */
	public static final String FORM_LETTER = "I am writing as a resident to object to the proposed changes in "
			+ "section four. Removing the protected status of the river meadows would harm wildlife, increase "
			+ "flood risk for the houses downstream and take away a green space that families use every day. "
			+ "The consultation document gives no evidence that the new homes cannot be built on the brownfield "
			+ "sites named in the previous plan. I ask the council to keep the meadows protected and to publish "
			+ "the flood assessment before any decision is taken.";

	private static final String[] OPENINGS = { "Dear council,", "Hello,", "To whom it may concern,", "", "As a parent:",
			"Please read this." };

	private static final String[] WORDS = ("budget school road transport housing rent tax park library bus "
			+ "cycle lane parking noise river tree garden energy solar heating insulation water waste recycling "
			+ "plastic market shop business job wage training youth elderly care hospital doctor nurse clinic "
			+ "police safety light street pavement crossing speed traffic air pollution climate carbon grant "
			+ "charity volunteer festival museum theatre sport pool gym field playground dog cat farm food "
			+ "price broadband phone mobile digital online form office staff service delay complaint fee")
		.split(" ");

	private static final String[] GLUE = "the a of to and in for with on that is we should please more less not"
		.split(" ");

	private CampaignTexts() {
	}

	/**
	 * The form letter {@code count} times, each with a few edits: a different opening, a
	 * word or two changed, a sentence of the sender's own added, or none.
	 */
	public static List<String> campaign(int count, long seed) {
		return campaign(FORM_LETTER, count, seed);
	}

	/**
	 * Another form letter {@code count} times, edited as {@link #campaign(int, long)}.
	 */
	public static List<String> campaign(String formLetter, int count, long seed) {
		Random random = new Random(seed);
		List<String> texts = new ArrayList<>();
		String[] letter = formLetter.split(" ");
		for (int i = 0; i < count; i++) {
			String[] words = letter.clone();
			int edits = random.nextInt(4);
			for (int e = 0; e < edits; e++) {
				words[random.nextInt(words.length)] = WORDS[random.nextInt(WORDS.length)];
			}
			StringBuilder text = new StringBuilder(OPENINGS[random.nextInt(OPENINGS.length)]).append(' ')
				.append(String.join(" ", words));
			if (random.nextBoolean()) {
				text.append(' ').append(ownSentence(random, 6 + random.nextInt(8)));
			}
			if (random.nextInt(5) == 0) {
				text.append("\n\nRegards, ").append("Resident ").append(i);
			}
			texts.add(text.toString().strip());
		}
		return texts;
	}

	/** {@code count} comments each in its own words, 20 to 80 words long. */
	public static List<String> ownWords(int count, long seed) {
		Random random = new Random(seed);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			texts.add(ownSentence(random, 20 + random.nextInt(60)));
		}
		return texts;
	}

	private static String ownSentence(Random random, int words) {
		StringBuilder s = new StringBuilder();
		for (int w = 0; w < words; w++) {
			if (w > 0) {
				s.append(' ');
			}
			s.append(
					(random.nextInt(3) == 0) ? GLUE[random.nextInt(GLUE.length)] : WORDS[random.nextInt(WORDS.length)]);
		}
		return s.append('.').toString();
	}

}
