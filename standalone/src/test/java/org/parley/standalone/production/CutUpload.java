package org.parley.standalone.production;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An upload that a dying web process cuts: {@code POST /api/imports} over a raw socket
 * with the whole {@code Content-Length} announced but only part of the body sent, held
 * open until the process dies. What reaches the server is what a browser had sent when
 * the node went away.
 */
final class CutUpload implements AutoCloseable {

	private final Socket socket;

	private CutUpload(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Sends the request's head and {@code sentShare} of its multipart body, and no more.
	 */
	static CutUpload start(AppInstance web, String authorization, String fileName, byte[] pdf, double sentShare) {
		String boundary = "parley-cut-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(pdf);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] whole = body.toByteArray();
		String head = "POST /api/imports HTTP/1.1\r\nHost: 127.0.0.1:" + web.port() + "\r\nAuthorization: "
				+ authorization + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
				+ whole.length + "\r\nConnection: close\r\n\r\n";
		try {
			Socket socket = new Socket("127.0.0.1", web.port());
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(whole, 0, (int) (whole.length * sentShare));
			out.flush();
			return new CutUpload(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the upload to " + web, ex);
		}
	}

	/**
	 * Waits for the server's side of the connection to end and returns what it answered
	 * before that: nothing, when the process died with the body half read.
	 */
	String awaitCut(int timeoutMillis) {
		try {
			this.socket.setSoTimeout(timeoutMillis);
			InputStream in = this.socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (SocketTimeoutException ex) {
			throw new IllegalStateException("The server kept the cut upload open for " + timeoutMillis + " ms", ex);
		}
		catch (IOException ex) {
			// A reset: the process died, as expected.
			return "";
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closing is all that is asked.
		}
	}

}
