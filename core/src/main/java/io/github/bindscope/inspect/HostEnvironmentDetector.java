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

package io.github.bindscope.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Finds the markers that {@link HostEnvironment} reports. Every file is optional: one
 * that is missing or cannot be read is a marker that is absent, never an error.
 */
final class HostEnvironmentDetector {

	static final String UNKNOWN_OS = "unknown";

	private static final String DEFAULT_CODESPACES_DOMAIN = "app.github.dev";

	// A container's cgroup file has a line or a dozen; a host's is no longer.
	private static final int MAX_CGROUP_LINES = 64;

	// The mounts that reveal a container come first; a host with thousands of mounts
	// reveals nothing, so there is no point reading all of them.
	private static final int MAX_MOUNTINFO_LINES = 1024;

	private static final int MAX_EVIDENCE_VALUE_LENGTH = 64;

	private static final int MIN_CONTAINER_ID_LENGTH = 12;

	private static final String CGROUP = "proc/self/cgroup";

	private static final String MOUNTINFO = "proc/self/mountinfo";

	private static final String OSRELEASE = "proc/sys/kernel/osrelease";

	private static final List<String> SERVICE_ACCOUNT_TOKENS = List
		.of("var/run/secrets/kubernetes.io/serviceaccount/token", "run/secrets/kubernetes.io/serviceaccount/token");

	// Container runtimes bind-mount these files from their own state directories.
	private static final List<String> BIND_MOUNTED_FILES = List.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf",
			"/dev/termination-log");

	private final Map<String, String> variables;

	private final Path root;

	private final List<String> evidence = new ArrayList<>();

	HostEnvironmentDetector(Map<String, String> variables, Path root) {
		this.variables = Objects.requireNonNull(variables, "'variables' must not be null");
		this.root = Objects.requireNonNull(root, "'root' must not be null");
	}

	HostEnvironment detect(@Nullable String osName) {
		String remoteSession = remoteSession();
		String forwardedUrlTemplate = HostEnvironment.CODESPACES.equals(remoteSession) ? codespacesUrlTemplate() : null;
		String container = container();
		boolean kubernetes = kubernetes();
		if (container == null && kubernetes) {
			container = HostEnvironment.UNKNOWN_CONTAINER;
		}
		boolean wslVariables = variable("WSL_DISTRO_NAME") | variable("WSL_INTEROP");
		String osRelease = wslKernelRelease();
		boolean wsl = wslVariables || osRelease != null;
		Integer wslVersion = (osRelease != null) ? wslVersion(osRelease) : null;
		CloudProvider cloud = new CloudDetector(this.root).detect(this.evidence);
		return new HostEnvironment(os(osName), container, kubernetes, wsl, wslVersion, remoteSession,
				forwardedUrlTemplate, this.evidence, (cloud != null) ? cloud.id() : null);
	}

	static String os(@Nullable String osName) {
		if (osName == null || osName.isBlank()) {
			return UNKNOWN_OS;
		}
		String name = osName.trim().toLowerCase(Locale.ROOT);
		if (name.startsWith("linux")) {
			return "linux";
		}
		if (name.startsWith("mac") || name.startsWith("darwin")) {
			return "mac";
		}
		if (name.startsWith("windows")) {
			return "windows";
		}
		return name;
	}

	/**
	 * Return the most specific remote session: an editor that runs this process in a
	 * container it manages says more than the SSH connection it may use to get there.
	 * @return the remote session, or {@code null} if none is detected
	 */
	private @Nullable String remoteSession() {
		// Non-short-circuit: every variable that is set is evidence.
		boolean codespaces = flag("CODESPACES") | variable("CODESPACE_NAME");
		boolean devpod = variable("DEVPOD");
		boolean devContainer = variable("REMOTE_CONTAINERS");
		boolean vscode = variable("VSCODE_IPC_HOOK_CLI");
		boolean ssh = variable("SSH_CONNECTION") | variable("SSH_CLIENT") | variable("SSH_TTY");
		if (codespaces) {
			return HostEnvironment.CODESPACES;
		}
		if (devpod) {
			return HostEnvironment.DEVPOD;
		}
		if (devContainer) {
			return HostEnvironment.DEV_CONTAINER;
		}
		if (vscode) {
			return HostEnvironment.VSCODE_REMOTE;
		}
		return ssh ? HostEnvironment.SSH : null;
	}

	private @Nullable String codespacesUrlTemplate() {
		String name = value("CODESPACE_NAME");
		String domain = value("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN");
		if (domain == null) {
			domain = DEFAULT_CODESPACES_DOMAIN;
		}
		// Both end up in a URL that is logged: accept host name characters only.
		if (name == null || !isHostName(name) || !isHostName(domain)) {
			return null;
		}
		return "https://" + name + "-" + HostEnvironment.PORT_PLACEHOLDER + "." + domain + "/";
	}

	private @Nullable String container() {
		String runtime = null;
		if (exists("run/.containerenv")) {
			runtime = "podman";
		}
		if (exists(".dockerenv") && runtime == null) {
			runtime = "docker";
		}
		String variable = value("container");
		if (variable != null) {
			String named = sanitize(variable).toLowerCase(Locale.ROOT);
			this.evidence.add("container=" + named);
			if (runtime == null) {
				runtime = named;
			}
		}
		if (runtime == null) {
			runtime = cgroupRuntime();
		}
		if (runtime == null) {
			runtime = mountinfoRuntime();
		}
		return runtime;
	}

	private @Nullable String cgroupRuntime() {
		List<String> lines = readLines(CGROUP, MAX_CGROUP_LINES);
		String unknown = null;
		for (String line : lines) {
			// hierarchy-ID:controller-list:cgroup-path
			int second = line.indexOf(':', line.indexOf(':') + 1);
			if (second < 0) {
				continue;
			}
			for (String segment : line.substring(second + 1).split("/")) {
				String runtime = cgroupSegmentRuntime(segment);
				if (runtime != null) {
					this.evidence.add("/" + CGROUP + ": " + segment);
					return runtime;
				}
				if (unknown == null && segment.startsWith("kubepods")) {
					unknown = segment;
				}
			}
		}
		if (unknown != null) {
			this.evidence.add("/" + CGROUP + ": " + unknown);
			return HostEnvironment.UNKNOWN_CONTAINER;
		}
		return null;
	}

	/**
	 * Return the runtime a cgroup path segment names. Only segments that container
	 * runtimes create match: {@code docker.service} or {@code containerd.service} on a
	 * host are the daemons, not a container.
	 * @param segment one segment of a cgroup path
	 * @return the runtime, or {@code null} if the segment names none
	 */
	static @Nullable String cgroupSegmentRuntime(String segment) {
		if (segment.equals("docker") || isScope(segment, "docker-")) {
			return "docker";
		}
		if (segment.equals("libpod_parent") || isScope(segment, "libpod-")) {
			return "podman";
		}
		if (isScope(segment, "cri-containerd-")) {
			return "containerd";
		}
		if (isScope(segment, "crio-")) {
			return "cri-o";
		}
		if (segment.equals("lxc") || segment.startsWith("lxc.payload.")) {
			return "lxc";
		}
		return null;
	}

	private static boolean isScope(String segment, String prefix) {
		if (!segment.startsWith(prefix) || !segment.endsWith(".scope")) {
			return false;
		}
		String id = segment.substring(prefix.length(), segment.length() - ".scope".length());
		return id.length() >= MIN_CONTAINER_ID_LENGTH && id.chars().allMatch(HostEnvironmentDetector::isHexDigit);
	}

	private @Nullable String mountinfoRuntime() {
		for (String line : readLines(MOUNTINFO, MAX_MOUNTINFO_LINES)) {
			// id parent major:minor root mount-point options [optional...] - type source
			// super-options
			String[] fields = line.split(" ");
			int separator = -1;
			for (int i = 6; i < fields.length && separator < 0; i++) {
				if (fields[i].equals("-")) {
					separator = i;
				}
			}
			if (separator < 0 || fields.length < separator + 3) {
				continue;
			}
			String mountRoot = fields[3];
			String mountPoint = fields[4];
			String type = fields[separator + 1];
			String superOptions = (fields.length > separator + 3) ? fields[separator + 3] : "";
			String runtime = null;
			String marker = null;
			if (BIND_MOUNTED_FILES.contains(mountPoint)) {
				marker = firstContained(mountRoot, "/docker/containers/", "/var/lib/containers/",
						"/containers/storage/", "/kubelet/pods/");
				runtime = bindMountRuntime(marker);
				marker = mountPoint + " from " + marker;
			}
			else if (mountPoint.equals("/") && type.equals("overlay")) {
				marker = firstContained(superOptions, "/docker/", "/containerd/", "/containers/storage/");
				runtime = overlayRuntime(marker);
				marker = "overlay / from " + marker;
			}
			if (runtime != null) {
				this.evidence.add("/" + MOUNTINFO + ": " + marker);
				return runtime;
			}
		}
		return null;
	}

	private static @Nullable String bindMountRuntime(@Nullable String marker) {
		if (marker == null) {
			return null;
		}
		return switch (marker) {
			case "/docker/containers/" -> "docker";
			case "/kubelet/pods/" -> HostEnvironment.UNKNOWN_CONTAINER;
			default -> "podman";
		};
	}

	private static @Nullable String overlayRuntime(@Nullable String marker) {
		if (marker == null) {
			return null;
		}
		return switch (marker) {
			case "/docker/" -> "docker";
			case "/containerd/" -> "containerd";
			default -> "podman";
		};
	}

	private boolean kubernetes() {
		boolean kubernetes = false;
		if (present("KUBERNETES_SERVICE_HOST") && present("KUBERNETES_SERVICE_PORT")) {
			this.evidence.add("KUBERNETES_SERVICE_HOST");
			this.evidence.add("KUBERNETES_SERVICE_PORT");
			kubernetes = true;
		}
		for (String token : SERVICE_ACCOUNT_TOKENS) {
			if (exists(token)) {
				return true;
			}
		}
		return kubernetes;
	}

	/**
	 * Return the kernel release if it is a WSL kernel, whose release names Microsoft.
	 * @return the kernel release, or {@code null} if it is not a WSL kernel or cannot be
	 * read
	 */
	private @Nullable String wslKernelRelease() {
		List<String> lines = readLines(OSRELEASE, 1);
		if (lines.isEmpty()) {
			return null;
		}
		String release = sanitize(lines.get(0).trim());
		if (!release.toLowerCase(Locale.ROOT).contains("microsoft")) {
			return null;
		}
		this.evidence.add("/" + OSRELEASE + ": " + release);
		return release;
	}

	/**
	 * Return the WSL version a kernel release tells. WSL 2 kernels are built by Microsoft
	 * as {@code ...-microsoft-standard} (later with {@code -WSL2}); WSL 1 emulates the
	 * kernel and reports {@code ...-Microsoft}.
	 * @param release a WSL kernel release
	 * @return {@code 1} or {@code 2}
	 */
	static int wslVersion(String release) {
		String lower = release.toLowerCase(Locale.ROOT);
		return (lower.contains("wsl2") || lower.contains("microsoft-standard")) ? 2 : 1;
	}

	private boolean variable(String name) {
		if (present(name)) {
			this.evidence.add(name);
			return true;
		}
		return false;
	}

	private boolean flag(String name) {
		if ("true".equalsIgnoreCase(value(name))) {
			this.evidence.add(name);
			return true;
		}
		return false;
	}

	private boolean present(String name) {
		return value(name) != null;
	}

	private @Nullable String value(String name) {
		String value = this.variables.get(name);
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

	private boolean exists(String relativePath) {
		try {
			if (Files.exists(this.root.resolve(relativePath))) {
				this.evidence.add("/" + relativePath);
				return true;
			}
		}
		catch (SecurityException ex) {
			// Not allowed to look counts as not there.
		}
		return false;
	}

	/**
	 * Read up to the given number of lines. Anything that is not a regular file (a FIFO
	 * would block) or cannot be read gives no lines.
	 * @param relativePath the file, relative to the root this detector reads
	 * @param maxLines the most lines to read
	 * @return the lines read, possibly none
	 */
	private List<String> readLines(String relativePath, int maxLines) {
		List<String> lines = new ArrayList<>();
		try {
			Path file = this.root.resolve(relativePath);
			if (!Files.isRegularFile(file)) {
				return lines;
			}
			// ISO-8859-1 maps every byte to a character, so no byte fails the read.
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
				String line;
				while (lines.size() < maxLines && (line = reader.readLine()) != null) {
					lines.add(line);
				}
			}
		}
		catch (IOException | SecurityException ex) {
			// A marker that cannot be read is absent; what was read still counts.
		}
		return lines;
	}

	private static @Nullable String firstContained(String text, String... markers) {
		for (String marker : markers) {
			if (text.contains(marker)) {
				return marker;
			}
		}
		return null;
	}

	// Values from the environment end up in logs: keep them printable and short.
	private static String sanitize(String value) {
		StringBuilder sanitized = new StringBuilder();
		for (int i = 0; i < value.length() && sanitized.length() < MAX_EVIDENCE_VALUE_LENGTH; i++) {
			char c = value.charAt(i);
			sanitized.append((c > ' ' && c < 0x7f) ? c : '_');
		}
		return sanitized.toString();
	}

	private static boolean isHostName(String text) {
		return !text.isEmpty() && text.length() <= 253
				&& text.chars()
					.allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
							|| c == '-' || c == '.');
	}

	private static boolean isHexDigit(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
	}

}
