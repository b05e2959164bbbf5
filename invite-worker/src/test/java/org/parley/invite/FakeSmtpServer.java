package org.parley.invite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * A small SMTP server whose answer to RCPT TO a test decides: by address and by how often
 * that address was tried. It accepts everything else and keeps what it accepted.
 */
public final class FakeSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final BiFunction<String, Integer, String> rcptReply;

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());

	private final BiPredicate<String, Integer> dropAnswerToData;

	private final Map<String, AtomicInteger> dataAttempts = new ConcurrentHashMap<>();

	private final Consumer<String> onAccepted;

	public FakeSmtpServer(BiFunction<String, Integer, String> rcptReply) {
		this(rcptReply, (address, attempt) -> false);
	}

	/**
	 * @param dropAnswerToData by recipient and how often its message came: keep the
	 * message, but close the connection instead of answering the final dot
	 */
	public FakeSmtpServer(BiFunction<String, Integer, String> rcptReply,
			BiPredicate<String, Integer> dropAnswerToData) {
		this(rcptReply, dropAnswerToData, recipient -> {
		});
	}

	/**
	 * @param dropAnswerToData by recipient and how often its message came: keep the
	 * message, but close the connection instead of answering the final dot
	 * @param onAccepted told each accepted message's recipient just before the 250 that
	 * answers its data
	 */
	public FakeSmtpServer(BiFunction<String, Integer, String> rcptReply, BiPredicate<String, Integer> dropAnswerToData,
			Consumer<String> onAccepted) {
		this.rcptReply = rcptReply;
		this.dropAnswerToData = dropAnswerToData;
		this.onAccepted = onAccepted;
		try {
			this.socket = new ServerSocket(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.threads.execute(this::accept);
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/** The recipients of the messages accepted so far, one entry per message. */
	public List<String> accepted() {
		synchronized (this.accepted) {
			return new ArrayList<>(this.accepted);
		}
	}

	public int attempts(String address) {
		AtomicInteger n = this.attempts.get(address.toLowerCase());
		return (n != null) ? n.get() : 0;
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				client.setTcpNoDelay(true);
				this.threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
				Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
			reply(out, "220 fake ESMTP");
			String recipient = null;
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase();
				if (command.startsWith("EHLO")) {
					reply(out, "250-fake\r\n250 8BITMIME");
				}
				else if (command.startsWith("HELO") || command.startsWith("MAIL FROM") || command.startsWith("NOOP")) {
					reply(out, "250 OK");
				}
				else if (command.startsWith("RSET")) {
					recipient = null;
					reply(out, "250 OK");
				}
				else if (command.startsWith("RCPT TO")) {
					String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase();
					int attempt = this.attempts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
					String answer = this.rcptReply.apply(address, attempt);
					if (answer.startsWith("2")) {
						recipient = address;
					}
					reply(out, answer);
					if (answer.startsWith("421")) {
						return;
					}
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 go ahead");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// the message body is not needed
					}
					this.accepted.add(recipient);
					int attempt = this.dataAttempts.computeIfAbsent(String.valueOf(recipient), a -> new AtomicInteger())
						.incrementAndGet();
					if (this.dropAnswerToData.test(recipient, attempt)) {
						return;
					}
					this.onAccepted.accept(recipient);
					reply(out, "250 queued");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "502 unknown");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void reply(Writer out, String text) throws IOException {
		out.write(text + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		this.threads.shutdownNow();
	}

}
