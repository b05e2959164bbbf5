package org.parley.ingest.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes PDFs object by object with a correct cross-reference table, so that a test can
 * build what no PDF library would write: cycles, absurd nesting, bombs.
 */
final class RawPdf {

	static final String FONT = "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>";

	static final String TEXT = "BT /F1 12 Tf 72 720 Td (A consultation draft with enough text on the page.) Tj ET";

	private final Map<Integer, byte[]> objects = new LinkedHashMap<>();

	private String trailerExtra = "";

	private Integer prevPointsAt;

	RawPdf object(int number, String body) {
		this.objects.put(number, body.getBytes(StandardCharsets.ISO_8859_1));
		return this;
	}

	RawPdf stream(int number, String dictionary, byte[] data) {
		return stream(number, dictionary, String.valueOf(data.length), data);
	}

	/**
	 * A stream whose /Length is whatever the test says, such as a reference to itself.
	 */
	RawPdf stream(int number, String dictionary, String length, byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(
				("<< " + dictionary + " /Length " + length + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(data);
		out.writeBytes("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
		this.objects.put(number, out.toByteArray());
		return this;
	}

	RawPdf stream(int number, String dictionary, String data) {
		return stream(number, dictionary, data.getBytes(StandardCharsets.ISO_8859_1));
	}

	RawPdf trailer(String extra) {
		this.trailerExtra = extra;
		return this;
	}

	/** A /Prev that points back at this very cross-reference section. */
	RawPdf prevToItself() {
		this.prevPointsAt = -1;
		return this;
	}

	byte[] bytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
		int size = this.objects.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		long[] offsets = new long[size];
		for (Map.Entry<Integer, byte[]> object : this.objects.entrySet()) {
			offsets[object.getKey()] = out.size();
			out.writeBytes((object.getKey() + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
			out.writeBytes(object.getValue());
			out.writeBytes("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		long xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 ").append(size).append('\n');
		table.append("0000000000 65535 f \n");
		for (int i = 1; i < size; i++) {
			table.append(String.format("%010d 00000 n \n", offsets[i]));
		}
		String prev = (this.prevPointsAt != null) ? " /Prev " + xref : "";
		table.append("trailer\n<< /Size ")
			.append(size)
			.append(" /Root 1 0 R")
			.append(prev)
			.append(' ')
			.append(this.trailerExtra)
			.append(" >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		out.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	/** A one-page document with the given content stream and resources. */
	static RawPdf onePage(String content, String resources) {
		return new RawPdf().object(1, "<< /Type /Catalog /Pages 2 0 R >>")
			.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
			.object(3,
					"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
							+ " /Contents 4 0 R >>")
			.stream(4, "", content);
	}

	static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(data);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	/**
	 * Deflates {@code length} repetitions of a pattern without holding them in memory.
	 */
	static byte[] deflateRepeated(String pattern, long length) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		byte[] unit = pattern.repeat(Math.max(1, 65536 / pattern.length())).getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		for (long written = 0; written < length; written += unit.length) {
			deflater.setInput(unit);
			while (!deflater.needsInput()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	static List<String> pageRefs(int first, int count) {
		List<String> refs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			refs.add((first + i) + " 0 R");
		}
		return refs;
	}

}
