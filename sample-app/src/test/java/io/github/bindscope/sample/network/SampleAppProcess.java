/*
 * Copyright 2026 the Bindscope authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.bindscope.sample.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.bindscope.sample.SampleApplication;

/**
 * The sample app running as its own JVM inside the server host. A separate process is the
 * only way to put the app in another network namespace, and it also means the report
 * describes sockets of a JVM that holds nothing but the app.
 */
final class SampleAppProcess implements AutoCloseable {

	static final int PORT = 8080;

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

	private static final String STARTED = "Started " + SampleApplication.class.getSimpleName();

	private static final int LOG_TAIL_LINES = 60;

	private final ServerHost hosts;

	private final Process process;

	private final Path log;

	private final Thread shutdownHook;

	private long listenerPid;

	private String pidNote = "";

	private SampleAppProcess(ServerHost hosts, Process process, Path log) {
		this.hosts = hosts;
		this.process = process;
		this.log = log;
		this.shutdownHook = new Thread(process::destroyForcibly, "bindscope-sample-app-cleanup");
		this.listenerPid = process.pid();
	}

	/**
	 * Start the sample app on Tomcat and Spring MVC, as it ships, in the server host and
	 * wait until it has started.
	 * @param hosts the test hosts
	 * @param name a name for the log file
	 * @param jvmArguments arguments for the JVM
	 * @param appArguments arguments for the app, after the ones every run gets (the
	 * {@code prod} profile unless they name profiles)
	 * @return the running app
	 */
	static SampleAppProcess start(ServerHost hosts, String name, List<String> jvmArguments, List<String> appArguments) {
		return start(hosts, ServerStack.TOMCAT_MVC, name, jvmArguments, appArguments);
	}

	/**
	 * Start the sample app on the given stack in the server host and wait until it has
	 * started.
	 * @param hosts the test hosts
	 * @param stack the server and web stack to run on
	 * @param name a name for the log file
	 * @param jvmArguments arguments for the JVM
	 * @param appArguments arguments for the app, after the ones every run gets (the
	 * {@code prod} profile unless they name profiles)
	 * @return the running app
	 */
	static SampleAppProcess start(ServerHost hosts, ServerStack stack, String name, List<String> jvmArguments,
			List<String> appArguments) {
		Path log = NetworkNamespaces.logFile(name);
		SampleAppProcess app = new SampleAppProcess(hosts, launch(hosts, stack, log, jvmArguments, appArguments), log);
		Runtime.getRuntime().addShutdownHook(app.shutdownHook);
		try {
			app.awaitStarted();
			app.findListenerPid();
			return app;
		}
		catch (RuntimeException | Error ex) {
			app.close();
			throw ex;
		}
	}

	/**
	 * Run the sample app, on Tomcat and Spring MVC, in the server host, for a start that
	 * is expected to fail, and wait until the JVM exits.
	 * @param hosts the test hosts
	 * @param name a name for the log file
	 * @param jvmArguments arguments for the JVM
	 * @param appArguments arguments for the app, after the ones every run gets (the
	 * {@code prod} profile unless they name profiles)
	 * @return how the JVM exited
	 */
	static Exit runUntilExit(ServerHost hosts, String name, List<String> jvmArguments, List<String> appArguments) {
		Path log = NetworkNamespaces.logFile(name);
		SampleAppProcess app = new SampleAppProcess(hosts,
				launch(hosts, ServerStack.TOMCAT_MVC, log, jvmArguments, appArguments), log);
		Runtime.getRuntime().addShutdownHook(app.shutdownHook);
		try {
			if (!app.process.waitFor(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError(
						"The sample app did not exit within " + STARTUP_TIMEOUT.toSeconds() + " s. " + app.logTail());
			}
			return new Exit(app.process.exitValue(), app.log(), app.logTail());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the sample app to exit", ex);
		}
		finally {
			app.close();
		}
	}

	private static Process launch(ServerHost hosts, ServerStack stack, Path log, List<String> jvmArguments,
			List<String> appArguments) {
		List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", hosts.serverNamespace(),
				Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmArguments);
		command.addAll(List.of("-cp", stack.classPath(System.getProperty("java.class.path")),
				SampleApplication.class.getName(), "--server.port=" + PORT,
				"--spring.main.web-application-type=" + stack.webApplicationType(),
				"--management.endpoints.web.exposure.include=bindings,health"));
		if (appArguments.stream().noneMatch((argument) -> argument.startsWith("--spring.profiles.active="))) {
			command.add("--spring.profiles.active=prod");
		}
		command.addAll(appArguments);
		try {
			Files.deleteIfExists(log);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			process.getOutputStream().close();
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the sample app with " + String.join(" ", command), ex);
		}
	}

	private void awaitStarted() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (!log().contains(STARTED)) {
			if (!this.process.isAlive()) {
				throw new AssertionError("The sample app exited with code " + this.process.exitValue()
						+ " before it started. " + logTail());
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"The sample app did not start within " + STARTUP_TIMEOUT.toSeconds() + " s. " + logTail());
			}
			sleep(100);
		}
	}

	/**
	 * Find the pid that the socket table shows for the app's sockets.
	 * {@code ip netns exec} replaces itself with the JVM, so it is normally the pid of
	 * the process started here; should a wrapper ever sit in between, the pid of the
	 * {@code java} process is used.
	 */
	private void findListenerPid() {
		List<SsRow> rows = ssRows();
		long started = this.process.pid();
		if (rows.stream().anyMatch((row) -> row.pids().contains(started))) {
			this.listenerPid = started;
			return;
		}
		Set<Long> javaPids = new LinkedHashSet<>();
		for (SsRow row : rows) {
			for (int i = 0; i < row.pids().size(); i++) {
				if (row.commands().get(i).equals("java")) {
					javaPids.add(row.pids().get(i));
				}
			}
		}
		if (javaPids.size() != 1) {
			throw new AssertionError("The socket table of the server host shows no socket of pid " + started + " and "
					+ javaPids.size() + " java processes: " + rows);
		}
		this.listenerPid = javaPids.iterator().next();
		this.pidNote = " (the socket table shows pid " + this.listenerPid + ", not the started pid " + started + ")";
	}

	/**
	 * Return the app's listening sockets as the kernel shows them.
	 * @return the rows of {@code ss -ltnpH} that belong to the app
	 */
	List<SsRow> listeningSockets() {
		return ssRows().stream().filter((row) -> row.pids().contains(this.listenerPid)).toList();
	}

	private List<SsRow> ssRows() {
		return SsRow.parse(this.hosts.inServer(COMMAND_TIMEOUT, "ss", "-ltnpH").requireSuccess().output());
	}

	/**
	 * Fetch the report from the main server, from inside the server host.
	 * @param host the URL host to connect to
	 * @return the report
	 */
	ReportedBindings report(String host) {
		return report(host, PORT);
	}

	/**
	 * Fetch the report from inside the server host.
	 * @param host the URL host to connect to
	 * @param port the port of the server that serves the actuator endpoints
	 * @return the report
	 */
	ReportedBindings report(String host, int port) {
		String url = "http://" + host + ":" + port + "/actuator/bindings";
		ExternalCommand.Result result = this.hosts.inServer(COMMAND_TIMEOUT, "curl", "-s", "-g", "--fail", "--max-time",
				"5", url);
		if (!result.succeeded()) {
			throw new AssertionError("Cannot fetch the report: " + result.describe() + ". " + logTail());
		}
		return ReportedBindings.parse(result.output());
	}

	/**
	 * Return what the app has logged so far.
	 * @return the log
	 */
	String log() {
		try {
			return new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Return the last lines of the log, for failure messages.
	 * @return the log tail
	 */
	String logTail() {
		List<String> lines = log().lines().toList();
		List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
		return "Log target/network-tests/" + this.log.getFileName() + this.pidNote + ", last " + tail.size()
				+ " lines:\n" + String.join("\n", tail);
	}

	/**
	 * Return the pid that owns the app's sockets.
	 * @return the pid
	 */
	long pid() {
		return this.listenerPid;
	}

	/**
	 * Say whether that pid differs from the started process, for test output.
	 * @return an empty string, or a note in parentheses
	 */
	String pidNote() {
		return this.pidNote;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// The JVM is shutting down and the hook is already running.
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the sample app", ex);
		}
	}

	/**
	 * How a run of the app ended.
	 *
	 * @param exitCode the JVM's exit code
	 * @param log everything the app logged
	 * @param logTail the last lines of the log, for failure messages
	 */
	record Exit(int exitCode, String log, String logTail) {

	}

}
