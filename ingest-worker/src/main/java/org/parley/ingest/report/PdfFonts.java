package org.parley.ingest.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's fonts, Liberation Sans and Serif (SIL OFL, from
 * {@code openpdf-fonts-extra}), embedded as subsets of Type 0 fonts so that any character
 * they have is drawn and can be read back (Latin with every accent, Greek, Cyrillic). A
 * character the face lacks is taken from the other faces; one that none has is drawn as a
 * placeholder and carried as the original text for assistive technology, so a comment in
 * any script never stops a report. Widths are looked up once per character and face:
 * measuring is most of the layout's work.
 * <p>
 * The fonts' glyph substitutions (GSUB) are off. With them PDFBox 3 runs its substitution
 * worker on every {@code showText}, compiling regular expressions each time: 95 % of the
 * time of a report of 1,500 comments went there. Liberation's substitutions are Latin
 * ligatures and localised forms the report does without (text without ligatures also
 * reads back and searches better).
 */
final class PdfFonts implements Closeable {

	/** The font files, read once per process; parsed once per document. */
	private static final Map<Face, byte[]> FILES = new ConcurrentHashMap<>();

	/** What is drawn for a character no face has. */
	static final String PLACEHOLDER = "\u25A1";

	enum Face {

		SANS("LiberationSans-Regular"), SANS_BOLD("LiberationSans-Bold"), SANS_ITALIC("LiberationSans-Italic"),
		SERIF("LiberationSerif-Regular"), SERIF_BOLD("LiberationSerif-Bold"), SERIF_ITALIC("LiberationSerif-Italic");

		private final String file;

		Face(String file) {
			this.file = file;
		}

		/** The faces to try, this one first, for a character it lacks. */
		private Face[] fallbacks() {
			return switch (this) {
				case SANS, SANS_BOLD, SANS_ITALIC -> new Face[] { this, SANS, SERIF };
				case SERIF, SERIF_BOLD, SERIF_ITALIC -> new Face[] { this, SERIF, SANS };
			};
		}

	}

	/**
	 * A stretch of text drawn in one font; {@code actualText} when it stands in for
	 * another.
	 */
	record Piece(PDType0Font font, String text, float width1000, String actualText) {

		float width(float size) {
			return this.width1000 * size / 1000f;
		}

	}

	private final PDDocument document;

	private final Map<Face, Metrics> faces = new EnumMap<>(Face.class);

	private final List<TrueTypeFont> parsed = new ArrayList<>();

	PdfFonts(PDDocument document) {
		this.document = document;
	}

	PDType0Font font(Face face) throws IOException {
		return metrics(face).font;
	}

	/** The text's width at 1,000 units to the point size. */
	float width1000(String text, Face face) throws IOException {
		float w = 0;
		for (Piece p : pieces(text, face)) {
			w += p.width1000();
		}
		return w;
	}

	/** The text cut into pieces each drawn in one font, the placeholders on their own. */
	List<Piece> pieces(String text, Face face) throws IOException {
		List<Piece> pieces = new ArrayList<>(1);
		StringBuilder run = new StringBuilder(text.length());
		Metrics runFont = null;
		float runWidth = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			Metrics m = null;
			for (Face f : face.fallbacks()) {
				Metrics candidate = metrics(f);
				if (candidate.has(cp)) {
					m = candidate;
					break;
				}
			}
			if (m == null) {
				if (!run.isEmpty()) {
					pieces.add(new Piece(runFont.font, run.toString(), runWidth, null));
					run.setLength(0);
					runWidth = 0;
				}
				Metrics own = metrics(face);
				boolean drawable = own.has(PLACEHOLDER.codePointAt(0));
				String shown = drawable ? PLACEHOLDER : "?";
				pieces.add(
						new Piece(own.font, shown, own.width(shown.codePointAt(0)), new String(Character.toChars(cp))));
				runFont = null;
				continue;
			}
			if (runFont != null && runFont != m) {
				pieces.add(new Piece(runFont.font, run.toString(), runWidth, null));
				run.setLength(0);
				runWidth = 0;
			}
			runFont = m;
			run.appendCodePoint(cp);
			runWidth += m.width(cp);
		}
		if (!run.isEmpty()) {
			pieces.add(new Piece(runFont.font, run.toString(), runWidth, null));
		}
		return pieces;
	}

	private Metrics metrics(Face face) throws IOException {
		Metrics m = this.faces.get(face);
		if (m == null) {
			TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(file(face)));
			this.parsed.add(ttf);
			ttf.setEnableGsub(false);
			m = new Metrics(PDType0Font.load(this.document, ttf, true));
			this.faces.put(face, m);
		}
		return m;
	}

	private static byte[] file(Face face) throws IOException {
		byte[] bytes = FILES.get(face);
		if (bytes == null) {
			try (InputStream in = PdfFonts.class.getResourceAsStream("/liberation/" + face.file + ".ttf")) {
				if (in == null) {
					throw new IOException("The report font " + face.file + " is not on the class path");
				}
				bytes = in.readAllBytes();
			}
			FILES.put(face, bytes);
		}
		return bytes;
	}

	/** Closes the parsed fonts, which the document needs until it is saved. */
	@Override
	public void close() throws IOException {
		for (TrueTypeFont ttf : this.parsed) {
			ttf.close();
		}
	}

	/** One font's glyphs and widths, looked up once per character. */
	private static final class Metrics {

		private final PDType0Font font;

		/**
		 * Widths of the basic plane in 1/1000 of the size; NaN: not looked up, -1: no
		 * glyph.
		 */
		private final float[] basic = new float[0x10000];

		private final Map<Integer, Float> supplementary = new HashMap<>();

		private Metrics(PDType0Font font) {
			this.font = font;
			Arrays.fill(this.basic, Float.NaN);
		}

		boolean has(int cp) throws IOException {
			return width(cp) >= 0;
		}

		float width(int cp) throws IOException {
			if (cp < 0x10000) {
				float w = this.basic[cp];
				if (Float.isNaN(w)) {
					w = lookUp(cp);
					this.basic[cp] = w;
				}
				return w;
			}
			Float w = this.supplementary.get(cp);
			if (w == null) {
				w = lookUp(cp);
				this.supplementary.put(cp, w);
			}
			return w;
		}

		private float lookUp(int cp) throws IOException {
			try {
				return this.font.getStringWidth(new String(Character.toChars(cp)));
			}
			catch (IllegalArgumentException ex) {
				// PDFBox's way of saying the font has no glyph for it.
				return -1;
			}
		}

	}

}
