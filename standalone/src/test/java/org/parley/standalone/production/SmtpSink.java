package org.parley.standalone.production;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mail relay of the production shape: Postfix's {@code smtp-sink} (Debian package
 * {@code postfix}), a real SMTP server written for measuring clients, which accepts
 * everything and writes each mail transaction to a file of its own. It counts accepted
 * messages on its standard output ({@code -c}), which gives the moment the last one was
 * accepted; the files give what was accepted, by {@code Message-ID} and recipient. Its
 * memory does not grow with the number of messages.
 * <p>
 * Faults: {@link #restart(List)} starts it again on the same port with
 * {@code smtp-sink}'s own fault options, for example {@code -Q .} (421 and disconnect
 * after the message), {@code -q .} (disconnect without answering after the message: the
 * ambiguous window), {@code -r rcpt} (4xx for every recipient) or {@code -f rcpt} (5xx
 * for every recipient). It cannot refuse only some recipients; that needs a small SMTP
 * proxy in front of it (ADR 0013).
 */
final class SmtpSink implements AutoCloseable {

	static final Path EXECUTABLE = Path.of("/usr/sbin/smtp-sink");

	private static final Path MEMORY = Path.of("/dev/shm");

	private static final Pattern COUNTERS = Pattern.compile("mesg=(\\d+)");

	private final int port;

	private final Path dumps;

	private final Path log;

	private final AtomicLong acceptedByEarlierRuns = new AtomicLong();

	private final AtomicLong acceptedByThisRun = new AtomicLong();

	private volatile long lastAcceptedNanos;

	private Process process;

	private Thread counterReader;

	SmtpSink(int port, Path directory) {
		this.port = port;
		this.dumps = dumpsFor(directory);
		this.log = directory.resolve("smtp-sink.log");
		// What an earlier run of this work tree left: it would be read as this run's.
		forgetMessages();
	}

	/**
	 * Where the dump files go: in memory ({@code /dev/shm}) where there is one, beside
	 * the log otherwise. On ext4, creating a file shortly after hundreds of thousands
	 * were deleted costs the kernel a scan of recently freed inodes
	 * ({@code recently_deleted} in {@code find_inode_bit}): the sink's CPU per message
	 * went from 0.14 to 0.5 ms between runs of one session, and the raw loop's rate,
	 * which waits on the sink, with it. A sink is a measuring instrument; its disk is not
	 * what the benchmarks measure.
	 */
	private static Path dumpsFor(Path directory) {
		if (!Files.isDirectory(MEMORY) || !Files.isWritable(MEMORY)) {
			return directory.resolve("dumps");
		}
		String name = "parley-smtp-sink-" + Integer.toHexString(directory.toAbsolutePath().normalize().hashCode());
		return MEMORY.resolve(name).resolve("dumps");
	}

	static boolean installed() {
		return Files.isExecutable(EXECUTABLE);
	}

	int port() {
		return this.port;
	}

	/** Starts it with no faults. */
	synchronized void start() {
		start(List.of());
	}

	synchronized void start(List<String> faultOptions) {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("smtp-sink is running");
		}
		List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-c"));
		if ("root".equals(System.getProperty("user.name"))) {
			// smtp-sink refuses to run as root without a user to switch to after binding.
			command.addAll(List.of("-u", "nobody"));
		}
		// One file per transaction, a directory per second (%H%M/%S/<random hex>;
		// smtp-sink makes
		// them): small directories, where a directory per hour took every file of the
		// hour.
		command.addAll(List.of("-d", this.dumps + "/%H%M/%S/"));
		command.addAll(faultOptions);
		command.addAll(List.of("127.0.0.1:" + this.port, "256"));
		try {
			Files.createDirectories(this.log.getParent());
			Files.createDirectories(this.dumps);
			Files.setPosixFilePermissions(this.dumps.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
			Files.setPosixFilePermissions(this.dumps, PosixFilePermissions.fromString("rwxrwxrwx"));
			this.acceptedByEarlierRuns.addAndGet(this.acceptedByThisRun.getAndSet(0));
			this.process = new ProcessBuilder(command)
				.redirectError(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
		Process started = this.process;
		this.counterReader = new Thread(() -> readCounters(new BufferedInputStream(started.getInputStream())),
				"smtp-sink-counters");
		this.counterReader.setDaemon(true);
		this.counterReader.start();
		awaitListening();
	}

	/**
	 * Stops it and starts it again on the same port with the given fault options (none:
	 * healthy).
	 */
	synchronized void restart(List<String> faultOptions) {
		stop();
		start(faultOptions);
	}

	synchronized void stop() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			this.counterReader.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Messages accepted (the final "." answered) since the first start, over every
	 * restart.
	 */
	long accepted() {
		return this.acceptedByEarlierRuns.get() + this.acceptedByThisRun.get();
	}

	/** {@link System#nanoTime()} when the count last grew. */
	long lastAcceptedNanos() {
		return this.lastAcceptedNanos;
	}

	/**
	 * Every message written to the dump files: its {@code Message-ID} and envelope
	 * recipients. Reads them all; call it once the sending has settled.
	 */
	List<AcceptedMessage> messages() {
		if (!Files.isDirectory(this.dumps)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(this.dumps)) {
			return files.filter(Files::isRegularFile).map(SmtpSink::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deletes the dump files and directories of earlier sends, so that
	 * {@link #messages()} reads only what follows.
	 */
	void forgetMessages() {
		if (!Files.isDirectory(this.dumps)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(this.dumps)) {
			// Deepest first: files, then the directories they emptied; the dumps
			// directory stays.
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				if (!path.equals(this.dumps)) {
					Files.deleteIfExists(path);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
		// In memory, the files would hold it until the machine restarts.
		forgetMessages();
		if (this.dumps.startsWith(MEMORY)) {
			try {
				Files.deleteIfExists(this.dumps);
				Files.deleteIfExists(this.dumps.getParent());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static AcceptedMessage read(Path file) {
		String messageId = null;
		List<String> recipients = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			String line;
			// smtp-sink's own X- headers and Received, then the message's header, then a
			// blank line.
			while ((line = reader.readLine()) != null && !line.isEmpty()) {
				if (line.startsWith("X-Rcpt-Args:")) {
					recipients.add(angleAddress(line.substring("X-Rcpt-Args:".length())));
				}
				else if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
					messageId = line.substring(11).strip();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new AcceptedMessage(messageId, recipients, file);
	}

	private static String angleAddress(String args) {
		int open = args.indexOf('<');
		int close = args.indexOf('>', open + 1);
		return (open >= 0 && close > open) ? args.substring(open + 1, close) : args.strip();
	}

	/**
	 * {@code -c} prints {@code sess=N quit=N mesg=N} and a carriage return after every
	 * message.
	 */
	private void readCounters(InputStream output) {
		StringBuilder line = new StringBuilder();
		try (output) {
			int c;
			while ((c = output.read()) != -1) {
				if (c == '\r' || c == '\n') {
					Matcher counters = COUNTERS.matcher(line);
					if (counters.find()) {
						long count = Long.parseLong(counters.group(1));
						if (count != this.acceptedByThisRun.getAndSet(count)) {
							this.lastAcceptedNanos = System.nanoTime();
						}
					}
					line.setLength(0);
				}
				else {
					line.append((char) c);
				}
			}
		}
		catch (IOException ex) {
			// The sink stopped.
		}
	}

	private void awaitListening() {
		org.awaitility.Awaitility.await("smtp-sink listening on " + this.port)
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("smtp-sink exited: " + Files.readString(this.log));
				}
				try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
					return true;
				}
			});
	}

	/** One mail transaction as the sink wrote it. */
	record AcceptedMessage(String messageId, List<String> recipients, Path file) {
	}

}
