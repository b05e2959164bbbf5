package org.parley.ingest.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Stands in for a font that a PDF uses without embedding it (the standard 14 fonts of
 * older printers, most often) with the one font PDFBox itself ships, never with the
 * host's fonts.
 * <p>
 * PDFBox's default mapper searches the machine's fonts. A non-embedded font's bounding
 * box, and so every glyph's height and the lines built from them, then depend on which
 * fonts happen to be installed: the same PDF read into different text on a machine that
 * had LibreOffice or Chromium installed. Text extraction needs the glyph codes and the
 * PDF's own widths, not the host's outlines; one bundled stand-in makes an import the
 * same on every machine, and saves the first import the scan of the system's fonts.
 */
final class BundledFonts implements FontMapper {

	private static final String STAND_IN = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final TrueTypeFont FONT = load();

	private BundledFonts() {
	}

	/** Installs the mapper for this JVM's PDFBox; idempotent. */
	static void install() {
		FontMappers.set(new BundledFonts());
	}

	@Override
	public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
		return new FontMapping<>(FONT, true);
	}

	@Override
	public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
		return new FontMapping<>(FONT, true);
	}

	@Override
	public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
		return new CIDFontMapping(null, FONT, true);
	}

	private static TrueTypeFont load() {
		try (InputStream in = BundledFonts.class.getResourceAsStream(STAND_IN)) {
			if (in == null) {
				throw new IllegalStateException("PDFBox's bundled font is missing: " + STAND_IN);
			}
			return new TTFParser().parse(new RandomAccessReadBuffer(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PDFBox's bundled font is unreadable", ex);
		}
	}

}
