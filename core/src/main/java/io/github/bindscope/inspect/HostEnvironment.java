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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where this process runs, as far as it explains who can reach a loopback-only server:
 * the operating system, a container or Kubernetes pod, WSL, and a remote editor session
 * that forwards ports. Detected once from environment variables and a few small files;
 * markers that cannot be read count as absent.
 *
 * @param os the operating system: {@code linux}, {@code mac}, {@code windows}, another
 * name in lower case, or {@code unknown}
 * @param container the container runtime, such as {@code docker}, {@code podman},
 * {@code containerd} or the value of the {@code container} environment variable,
 * {@link #UNKNOWN_CONTAINER} when a marker shows a container but not its runtime, or
 * {@code null} outside a container
 * @param kubernetes whether this process runs in a Kubernetes pod
 * @param wsl whether this process runs under the Windows Subsystem for Linux
 * @param wslVersion {@code 1} or {@code 2} when the WSL kernel tells, otherwise
 * {@code null}
 * @param remoteSession the remote session whose editor may forward this host's ports:
 * {@link #CODESPACES}, {@link #DEV_CONTAINER}, {@link #DEVPOD}, {@link #VSCODE_REMOTE} or
 * {@link #SSH}, or {@code null}
 * @param forwardedUrlTemplate the URL that GitHub Codespaces forwards a port to, with
 * {@code {port}} in place of the port, or {@code null} outside a codespace
 * @param evidence the markers that were found, such as {@code SSH_CONNECTION} or
 * {@code /.dockerenv}
 * @param cloud the {@link CloudProvider#id() identifier} of the cloud this host is a
 * virtual machine of, such as {@code aws}, as its firmware (DMI) data tells, or
 * {@code null}
 * @since 0.1.0
 */
public record HostEnvironment(String os, @Nullable String container, boolean kubernetes, boolean wsl,
		@Nullable Integer wslVersion, @Nullable String remoteSession, @Nullable String forwardedUrlTemplate,
		List<String> evidence, @Nullable String cloud) {

	/**
	 * The root of the file system this process sees.
	 */
	public static final Path DEFAULT_ROOT = Path.of("/");

	/**
	 * Remote session of a shell logged in over SSH.
	 */
	public static final String SSH = "ssh";

	/**
	 * Remote session of VS Code Remote (SSH, WSL or tunnels).
	 */
	public static final String VSCODE_REMOTE = "vscode-remote";

	/**
	 * Remote session of a VS Code Dev Container.
	 */
	public static final String DEV_CONTAINER = "dev-container";

	/**
	 * Remote session of GitHub Codespaces.
	 */
	public static final String CODESPACES = "codespaces";

	/**
	 * Remote session of a DevPod workspace.
	 */
	public static final String DEVPOD = "devpod";

	/**
	 * Container runtime of a container whose runtime no marker names.
	 */
	public static final String UNKNOWN_CONTAINER = "unknown";

	/**
	 * Placeholder for the port in {@link #forwardedUrlTemplate()}.
	 */
	public static final String PORT_PLACEHOLDER = "{port}";

	/**
	 * Create a new {@link HostEnvironment}.
	 * @param os the operating system
	 * @param container the container runtime, or {@code null}
	 * @param kubernetes whether this process runs in a Kubernetes pod
	 * @param wsl whether this process runs under WSL
	 * @param wslVersion the WSL version, or {@code null}
	 * @param remoteSession the remote session, or {@code null}
	 * @param forwardedUrlTemplate the Codespaces URL template, or {@code null}
	 * @param evidence the markers that were found
	 * @param cloud the identifier of the cloud provider, or {@code null}
	 */
	public HostEnvironment {
		Objects.requireNonNull(os, "'os' must not be null");
		evidence = List.copyOf(evidence);
	}

	/**
	 * Create a new {@link HostEnvironment} outside any cloud Bindscope recognises.
	 * @param os the operating system
	 * @param container the container runtime, or {@code null}
	 * @param kubernetes whether this process runs in a Kubernetes pod
	 * @param wsl whether this process runs under WSL
	 * @param wslVersion the WSL version, or {@code null}
	 * @param remoteSession the remote session, or {@code null}
	 * @param forwardedUrlTemplate the Codespaces URL template, or {@code null}
	 * @param evidence the markers that were found
	 */
	public HostEnvironment(String os, @Nullable String container, boolean kubernetes, boolean wsl,
			@Nullable Integer wslVersion, @Nullable String remoteSession, @Nullable String forwardedUrlTemplate,
			List<String> evidence) {
		this(os, container, kubernetes, wsl, wslVersion, remoteSession, forwardedUrlTemplate, evidence, null);
	}

	/**
	 * Detect the environment of this process from its environment variables, the file
	 * system at {@link #DEFAULT_ROOT} and the {@code os.name} system property.
	 * @return the environment of this process
	 */
	public static HostEnvironment system() {
		return detect(System.getenv(), DEFAULT_ROOT, System.getProperty("os.name"));
	}

	/**
	 * Detect an environment from the given variables and file system root, the cloud from
	 * the firmware data under {@code sys/class/dmi/id} of that root. Never throws: a file
	 * that is missing or cannot be read is a marker that is absent.
	 * @param variables the environment variables
	 * @param root the root of the file system, {@link #DEFAULT_ROOT} outside tests
	 * @param osName the {@code os.name} system property, or {@code null}
	 * @return the environment
	 */
	public static HostEnvironment detect(Map<String, String> variables, Path root, @Nullable String osName) {
		return new HostEnvironmentDetector(variables, root).detect(osName);
	}

	/**
	 * Return an environment in which nothing was detected, for callers that do not detect
	 * one.
	 * @return an environment without markers, on an unknown operating system
	 */
	public static HostEnvironment undetected() {
		return new HostEnvironment(HostEnvironmentDetector.UNKNOWN_OS, null, false, false, null, null, null, List.of(),
				null);
	}

	/**
	 * Return the cloud provider this host is a virtual machine of.
	 * @return the provider, or {@code null} outside the clouds Bindscope recognises
	 */
	public @Nullable CloudProvider cloudProvider() {
		return CloudProvider.of(this.cloud);
	}

	/**
	 * Return the URL that GitHub Codespaces forwards the given port to.
	 * @param port the port
	 * @return the URL, or {@code null} outside a codespace or when its name is not known
	 */
	public @Nullable String forwardedUrl(int port) {
		return (this.forwardedUrlTemplate != null)
				? this.forwardedUrlTemplate.replace(PORT_PLACEHOLDER, String.valueOf(port)) : null;
	}

}
