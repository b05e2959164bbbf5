package org.parley.ingest.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damages a PDF the ways files get damaged and attackers damage them: flipped bits, cut,
 * lost or repeated byte ranges, and edits to the object syntax (numbers, names,
 * delimiters, keywords). The same seed gives the same damage, so every failure can be
 * replayed.
 */
final class PdfMutator {

	private static final String[] KEYWORDS = { "obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref",
			"/Length", "/Filter", "/Kids", "/Count", "/Parent", "/Type", "/Page", "/Pages", "/Root", "/Prev", "/Size",
			"/FontFile2", "/ToUnicode", "/Resources", "/Contents", "/First", "/N", "R", "<<", ">>", "[", "]", "(", ")",
			"BT", "ET", "Tj", "TJ", "Tf", "Do", "q", "Q", "cm" };

	private static final String[] NUMBERS = { "0", "-1", "1", "2147483647", "2147483648", "-2147483649",
			"99999999999999999999", "1e308", "0.000001", "NaN", "65535", "4294967296" };

	private final Random random;

	private final List<String> applied = new ArrayList<>();

	PdfMutator(long seed) {
		this.random = new Random(seed);
	}

	/** What was done, to replay a failure by eye. */
	List<String> applied() {
		return this.applied;
	}

	byte[] mutate(byte[] pdf) {
		byte[] result = pdf;
		int mutations = 1 + this.random.nextInt(3);
		for (int i = 0; i < mutations; i++) {
			result = switch (this.random.nextInt(6)) {
				case 0 -> flipBits(result);
				case 1 -> deleteRange(result);
				case 2 -> duplicateRange(result);
				case 3 -> truncate(result);
				case 4 -> replaceToken(result, NUMBERS, "\\b\\d+\\b");
				default -> replaceToken(result, KEYWORDS,
						"/[A-Za-z0-9]+|<<|>>|\\[|\\]|\\bR\\b|\\bobj\\b|\\bendobj\\b|\\bstream\\b|\\bendstream\\b");
			};
		}
		return result;
	}

	private byte[] flipBits(byte[] pdf) {
		byte[] copy = pdf.clone();
		int flips = 1 + this.random.nextInt(32);
		for (int i = 0; i < flips; i++) {
			int at = this.random.nextInt(copy.length);
			copy[at] ^= (byte) (1 << this.random.nextInt(8));
		}
		this.applied.add("flip " + flips + " bits");
		return copy;
	}

	private byte[] deleteRange(byte[] pdf) {
		int length = 1 + this.random.nextInt(Math.min(8192, pdf.length - 1));
		int from = this.random.nextInt(pdf.length - length);
		ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
		out.write(pdf, 0, from);
		out.write(pdf, from + length, pdf.length - from - length);
		this.applied.add("delete " + length + " bytes at " + from);
		return out.toByteArray();
	}

	private byte[] duplicateRange(byte[] pdf) {
		int length = 1 + this.random.nextInt(Math.min(8192, pdf.length - 1));
		int from = this.random.nextInt(pdf.length - length);
		int times = 1 + this.random.nextInt(4);
		int to = this.random.nextInt(pdf.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + times * length);
		out.write(pdf, 0, to);
		for (int i = 0; i < times; i++) {
			out.write(pdf, from, length);
		}
		out.write(pdf, to, pdf.length - to);
		this.applied.add("copy " + length + " bytes from " + from + " to " + to + " x" + times);
		return out.toByteArray();
	}

	private byte[] truncate(byte[] pdf) {
		int length = 16 + this.random.nextInt(pdf.length - 16);
		this.applied.add("truncate to " + length);
		return java.util.Arrays.copyOf(pdf, length);
	}

	/**
	 * Replaces some matches of a token pattern, in the file's readable (uncompressed)
	 * syntax.
	 */
	private byte[] replaceToken(byte[] pdf, String[] replacements, String pattern) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern).matcher(text);
		List<int[]> matches = new ArrayList<>();
		while (matcher.find() && matches.size() < 100_000) {
			matches.add(new int[] { matcher.start(), matcher.end() });
		}
		if (matches.isEmpty()) {
			return flipBits(pdf);
		}
		StringBuilder edited = new StringBuilder(text);
		int edits = 1 + this.random.nextInt(8);
		List<int[]> chosen = new ArrayList<>();
		for (int i = 0; i < edits; i++) {
			chosen.add(matches.get(this.random.nextInt(matches.size())));
		}
		chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
		int last = Integer.MAX_VALUE;
		for (int[] match : chosen) {
			if (match[1] > last) {
				continue;
			}
			String replacement = replacements[this.random.nextInt(replacements.length)];
			edited.replace(match[0], match[1], replacement);
			last = match[0];
		}
		this.applied.add("replace " + edits + " tokens matching " + (replacements == NUMBERS ? "numbers" : "syntax"));
		return edited.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

}
