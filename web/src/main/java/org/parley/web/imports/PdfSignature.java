package org.parley.web.imports;

import java.nio.charset.StandardCharsets;

/**
 * Whether bytes are a PDF, judged as readers judge it: a {@code %PDF-} header within the
 * first 1024 bytes, whatever the file's name says.
 */
final class PdfSignature {

	private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final int WINDOW = 1024;

	private PdfSignature() {
	}

	static boolean matches(byte[] content) {
		int end = Math.min(content.length, WINDOW) - HEADER.length;
		outer: for (int i = 0; i <= end; i++) {
			for (int j = 0; j < HEADER.length; j++) {
				if (content[i + j] != HEADER[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
