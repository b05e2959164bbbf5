package org.parley.standalone.production;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * A fault-injecting SMTP proxy in front of the sink: a real TCP proxy that speaks enough
 * SMTP to know where it is in a session. The client (Angus Mail does not pipeline) sends
 * a command, the proxy relays it and the server's answer; the faults rewrite or withhold
 * that answer:
 * <ul>
 * <li>{@link #refuseRecipients} answers {@code 550} to {@code RCPT TO} for chosen
 * addresses, which {@code smtp-sink} cannot do, without telling the server;</li>
 * <li>{@link #serviceUnavailable} greets new connections with {@code 421} and closes
 * them, and answers {@code 421} to the next command of open ones, as a relay that is
 * shutting down or overloaded;</li>
 * <li>{@link #cutBeforeDot} cuts the next transactions after the message's payload but
 * before the final dot: the server never accepts the message, the client cannot
 * know;</li>
 * <li>{@link #cutAfterDot} relays the final dot, lets the server accept the message, and
 * closes the client's connection instead of relaying the {@code 250}: the one window
 * where a sender cannot tell a sent message from a lost one (a duplicate when it sends
 * again).</li>
 * </ul>
 * It counts what it did, so a scenario can bound what the faults may have caused.
 */
final class SmtpFaultProxy implements AutoCloseable {

	private final IntSupplier upstreamPort;

	private final ServerSocket server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile Predicate<String> refused = address -> false;

	private volatile boolean unavailable;

	private final AtomicInteger cutsBeforeDotLeft = new AtomicInteger();

	private final AtomicInteger cutsAfterDotLeft = new AtomicInteger();

	private final AtomicLong cutBeforeDot = new AtomicLong();

	private final AtomicLong cutAfterDot = new AtomicLong();

	private final AtomicLong answered421 = new AtomicLong();

	private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

	private final AtomicLong relayed = new AtomicLong();

	private final Set<String> cutMessageIds = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	/**
	 * Listens on a free loopback port at once; the server's port is asked for each
	 * connection.
	 */
	SmtpFaultProxy(IntSupplier upstreamPort) {
		this.upstreamPort = upstreamPort;
		try {
			this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::acceptLoop, "smtp-fault-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Answers {@code 550} to {@code RCPT TO} for the addresses that match (lower-cased);
	 * none: off.
	 */
	void refuseRecipients(Predicate<String> addresses) {
		this.refused = (addresses != null) ? addresses : address -> false;
	}

	/**
	 * While on: {@code 421} to every new connection and to the next command of every open
	 * one.
	 */
	void serviceUnavailable(boolean on) {
		this.unavailable = on;
	}

	/**
	 * Cuts the next {@code transactions} after the payload, before the final dot reaches
	 * the server.
	 */
	void cutBeforeDot(int transactions) {
		this.cutsBeforeDotLeft.set(transactions);
	}

	/**
	 * Cuts the client of the next {@code transactions} after the server accepted the
	 * message.
	 */
	void cutAfterDot(int transactions) {
		this.cutsAfterDotLeft.set(transactions);
	}

	/**
	 * Transactions cut before the final dot reached the server: the server has no copy.
	 */
	long cutBeforeDotCount() {
		return this.cutBeforeDot.get();
	}

	/**
	 * Transactions the server accepted whose answer the client never got: each may be
	 * sent twice.
	 */
	long cutAfterDotCount() {
		return this.cutAfterDot.get();
	}

	/**
	 * The {@code Message-ID} of every message whose transaction was cut, before or after
	 * the dot.
	 */
	Set<String> cutMessageIds() {
		return Set.copyOf(this.cutMessageIds);
	}

	/** {@code 421} answers given, on greeting or to a command. */
	long answered421() {
		return this.answered421.get();
	}

	/**
	 * How many times each address was refused with {@code 550}: once each if nobody
	 * retries a 5xx.
	 */
	Map<String, Integer> refusals() {
		Map<String, Integer> copy = new java.util.TreeMap<>();
		this.refusals.forEach((address, count) -> copy.put(address, count.get()));
		return copy;
	}

	/** Messages whose final dot the server answered and the client got the answer of. */
	long relayed() {
		return this.relayed.get();
	}

	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.server);
		this.open.forEach(SmtpFaultProxy::closeQuietly);
	}

	private void acceptLoop() {
		while (!this.closed) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				return;
			}
			Thread session = new Thread(() -> session(client), "smtp-fault-proxy-" + client.getPort());
			session.setDaemon(true);
			session.start();
		}
	}

	private void session(Socket client) {
		this.open.add(client);
		Socket upstream = null;
		try (client) {
			client.setSoTimeout(120_000);
			InputStream fromClient = new BufferedInputStream(client.getInputStream());
			OutputStream toClient = client.getOutputStream();
			if (this.unavailable) {
				answer421(toClient);
				return;
			}
			upstream = new Socket(InetAddress.getLoopbackAddress(), this.upstreamPort.getAsInt());
			this.open.add(upstream);
			upstream.setSoTimeout(60_000);
			InputStream fromServer = new BufferedInputStream(upstream.getInputStream());
			OutputStream toServer = upstream.getOutputStream();
			toClient.write(readReply(fromServer));
			toClient.flush();
			byte[] line;
			while ((line = readLine(fromClient)) != null) {
				String command = ascii(line).toUpperCase(Locale.ROOT);
				if (this.unavailable) {
					answer421(toClient);
					return;
				}
				if (command.startsWith("RCPT TO:")) {
					String address = address(ascii(line).substring(8));
					if (this.refused.test(address)) {
						this.refusals.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
						toClient.write(("550 5.1.1 <" + address + ">: Recipient address rejected: User unknown\r\n")
							.getBytes(StandardCharsets.US_ASCII));
						toClient.flush();
						continue;
					}
				}
				toServer.write(line);
				toServer.flush();
				byte[] reply = readReply(fromServer);
				if (command.startsWith("DATA") && reply.length > 0 && reply[0] == '3') {
					toClient.write(reply);
					toClient.flush();
					if (!relayData(fromClient, toClient, fromServer, toServer)) {
						return;
					}
					continue;
				}
				toClient.write(reply);
				toClient.flush();
				if (command.startsWith("QUIT")) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// One side went away or timed out: so does the session, as a real relay's
			// would.
		}
		finally {
			if (upstream != null) {
				closeQuietly(upstream);
				this.open.remove(upstream);
			}
			this.open.remove(client);
		}
	}

	/** The payload up to the final dot; false when the session was cut. */
	private boolean relayData(InputStream fromClient, OutputStream toClient, InputStream fromServer,
			OutputStream toServer) throws IOException {
		byte[] line;
		String messageId = null;
		while ((line = readLine(fromClient)) != null) {
			if (messageId == null && line.length > 11 && ascii(line).regionMatches(true, 0, "Message-ID:", 0, 11)) {
				messageId = ascii(line).substring(11).strip();
			}
			boolean dot = line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n';
			if (!dot) {
				toServer.write(line);
				continue;
			}
			if (takeOne(this.cutsBeforeDotLeft)) {
				this.cutBeforeDot.incrementAndGet();
				cut(messageId);
				return false;
			}
			toServer.write(line);
			toServer.flush();
			byte[] reply = readReply(fromServer);
			if (reply.length > 0 && reply[0] == '2' && takeOne(this.cutsAfterDotLeft)) {
				this.cutAfterDot.incrementAndGet();
				cut(messageId);
				return false;
			}
			toClient.write(reply);
			toClient.flush();
			if (reply.length > 0 && reply[0] == '2') {
				this.relayed.incrementAndGet();
			}
			return true;
		}
		return false;
	}

	private void cut(String messageId) {
		if (messageId != null) {
			this.cutMessageIds.add(messageId);
		}
	}

	private void answer421(OutputStream toClient) throws IOException {
		this.answered421.incrementAndGet();
		toClient.write("421 4.3.2 Service not available, closing transmission channel\r\n"
			.getBytes(StandardCharsets.US_ASCII));
		toClient.flush();
	}

	private static boolean takeOne(AtomicInteger left) {
		int n;
		do {
			n = left.get();
			if (n <= 0) {
				return false;
			}
		}
		while (!left.compareAndSet(n, n - 1));
		return true;
	}

	/** A reply: lines {@code NNN-text} up to the last one, {@code NNN text}. */
	private static byte[] readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		byte[] line;
		while ((line = readLine(in)) != null) {
			reply.writeBytes(line);
			if (line.length < 4 || line[3] != '-') {
				return reply.toByteArray();
			}
		}
		throw new SocketException("The server closed the connection");
	}

	/** One line with its line end, or null at the end of the stream. */
	private static byte[] readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int b;
		while ((b = in.read()) != -1) {
			line.write(b);
			if (b == '\n') {
				return line.toByteArray();
			}
		}
		return (line.size() > 0) ? line.toByteArray() : null;
	}

	private static String ascii(byte[] line) {
		String s = new String(line, StandardCharsets.ISO_8859_1);
		return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.strip();
	}

	/** {@code <a@b> SIZE=1} or {@code a@b}: the address, lower-cased. */
	private static String address(String argument) {
		String a = argument.strip();
		int open = a.indexOf('<');
		int close = a.indexOf('>', open + 1);
		if (open >= 0 && close > open) {
			a = a.substring(open + 1, close);
		}
		else if (a.indexOf(' ') > 0) {
			a = a.substring(0, a.indexOf(' '));
		}
		return a.toLowerCase(Locale.ROOT);
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// Closing for good: nothing to do.
		}
	}

}
