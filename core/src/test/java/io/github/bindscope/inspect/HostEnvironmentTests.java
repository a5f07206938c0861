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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link HostEnvironment}. Every marker is read from variables and a fixture
 * root written by the test, never from this machine.
 */
class HostEnvironmentTests {

	private static final String ID = "3f6f7c1a8d2e4b5c9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f";

	private static final String POD = "1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e";

	private static final String SSH_CONNECTION = "198.51.100.2 50514 198.51.100.1 22";

	private static final String VSCODE_IPC_HOOK_CLI = "/run/user/1000/vscode-ipc-0a1b2c3d.sock";

	@TempDir
	private Path root;

	@Test
	void plainHostHasNoMarkers() {
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.os()).isEqualTo("linux");
		assertThat(environment.container()).isNull();
		assertThat(environment.kubernetes()).isFalse();
		assertThat(environment.wsl()).isFalse();
		assertThat(environment.wslVersion()).isNull();
		assertThat(environment.remoteSession()).isNull();
		assertThat(environment.forwardedUrlTemplate()).isNull();
		assertThat(environment.forwardedUrl(8080)).isNull();
		assertThat(environment.evidence()).isEmpty();
	}

	@ParameterizedTest(name = "os.name \"{0}\" is {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			Linux       | linux
			Mac OS X    | mac
			Darwin      | mac
			Windows 11  | windows
			Windows Server 2022 | windows
			FreeBSD     | freebsd
			SunOS       | sunos
			null        | unknown
			""")
	void osNameIsNormalised(@Nullable String osName, String os) {
		assertThat(HostEnvironment.detect(Map.of(), this.root, osName).os()).isEqualTo(os);
	}

	@ParameterizedTest
	@ValueSource(strings = { "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY" })
	void sshVariableIsAnSshSession(String variable) {
		HostEnvironment environment = detect(Map.of(variable, SSH_CONNECTION));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.SSH);
		assertThat(environment.evidence()).containsExactly(variable);
	}

	@Test
	void blankVariableIsAbsent() {
		assertThat(detect(Map.of("SSH_CONNECTION", " ")).remoteSession()).isNull();
	}

	@Test
	void vscodeIpcHookIsAVscodeRemoteSession() {
		HostEnvironment environment = detect(Map.of("VSCODE_IPC_HOOK_CLI", VSCODE_IPC_HOOK_CLI));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.VSCODE_REMOTE);
		assertThat(environment.evidence()).containsExactly("VSCODE_IPC_HOOK_CLI");
	}

	@Test
	void vscodeServerUnderSshIsAVscodeRemoteSession() {
		HostEnvironment environment = detect(
				Map.of("SSH_CONNECTION", SSH_CONNECTION, "VSCODE_IPC_HOOK_CLI", VSCODE_IPC_HOOK_CLI));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.VSCODE_REMOTE);
		assertThat(environment.evidence()).containsExactly("VSCODE_IPC_HOOK_CLI", "SSH_CONNECTION");
	}

	@Test
	void remoteContainersIsADevContainerEvenOverVscodeAndSsh() {
		HostEnvironment environment = detect(Map.of("REMOTE_CONTAINERS", "true", "VSCODE_IPC_HOOK_CLI",
				VSCODE_IPC_HOOK_CLI, "SSH_CONNECTION", SSH_CONNECTION));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.DEV_CONTAINER);
		assertThat(environment.evidence()).containsExactly("REMOTE_CONTAINERS", "VSCODE_IPC_HOOK_CLI",
				"SSH_CONNECTION");
	}

	@Test
	void devpodIsADevpodWorkspaceEvenOverDevContainer() {
		HostEnvironment environment = detect(
				Map.of("DEVPOD", "true", "REMOTE_CONTAINERS", "true", "VSCODE_IPC_HOOK_CLI", VSCODE_IPC_HOOK_CLI));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.DEVPOD);
		assertThat(environment.evidence()).containsExactly("DEVPOD", "REMOTE_CONTAINERS", "VSCODE_IPC_HOOK_CLI");
	}

	@Test
	void codespacesIsTheMostSpecificSession() {
		HostEnvironment environment = detect(Map.of("CODESPACES", "true", "CODESPACE_NAME", "fuzzy-space-guide-7x9",
				"REMOTE_CONTAINERS", "true", "DEVPOD", "true", "VSCODE_IPC_HOOK_CLI", VSCODE_IPC_HOOK_CLI,
				"SSH_CONNECTION", SSH_CONNECTION));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.CODESPACES);
		assertThat(environment.evidence()).containsExactly("CODESPACES", "CODESPACE_NAME", "DEVPOD",
				"REMOTE_CONTAINERS", "VSCODE_IPC_HOOK_CLI", "SSH_CONNECTION");
	}

	@Test
	void codespaceUrlUsesTheDefaultDomain() {
		HostEnvironment environment = detect(Map.of("CODESPACES", "true", "CODESPACE_NAME", "fuzzy-space-guide-7x9"));
		assertThat(environment.forwardedUrlTemplate())
			.isEqualTo("https://fuzzy-space-guide-7x9-{port}.app.github.dev/");
		assertThat(environment.forwardedUrl(8080)).isEqualTo("https://fuzzy-space-guide-7x9-8080.app.github.dev/");
	}

	@Test
	void codespaceUrlUsesTheForwardingDomainVariable() {
		HostEnvironment environment = detect(Map.of("CODESPACES", "true", "CODESPACE_NAME", "fuzzy-space-guide-7x9",
				"GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN", "preview.app.github.dev"));
		assertThat(environment.forwardedUrl(3000))
			.isEqualTo("https://fuzzy-space-guide-7x9-3000.preview.app.github.dev/");
	}

	@Test
	void codespaceNameAloneIsCodespaces() {
		HostEnvironment environment = detect(Map.of("CODESPACE_NAME", "fuzzy-space-guide-7x9"));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.CODESPACES);
		assertThat(environment.forwardedUrl(8080)).isEqualTo("https://fuzzy-space-guide-7x9-8080.app.github.dev/");
	}

	@Test
	void codespacesWithoutNameHasNoUrl() {
		HostEnvironment environment = detect(Map.of("CODESPACES", "true"));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.CODESPACES);
		assertThat(environment.forwardedUrlTemplate()).isNull();
		assertThat(environment.forwardedUrl(8080)).isNull();
	}

	@Test
	void codespacesOtherThanTrueIsNotCodespaces() {
		HostEnvironment environment = detect(Map.of("CODESPACES", "false"));
		assertThat(environment.remoteSession()).isNull();
		assertThat(environment.evidence()).isEmpty();
	}

	@Test
	void codespaceNameThatIsNotAHostNameGivesNoUrl() {
		HostEnvironment environment = detect(Map.of("CODESPACES", "true", "CODESPACE_NAME", "evil.example/x?"));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.CODESPACES);
		assertThat(environment.forwardedUrl(8080)).isNull();
	}

	@Test
	void dockerenvIsDocker() throws IOException {
		write(".dockerenv", "");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.container()).isEqualTo("docker");
		assertThat(environment.kubernetes()).isFalse();
		assertThat(environment.evidence()).containsExactly("/.dockerenv");
	}

	@Test
	void containerenvIsPodman() throws IOException {
		write("run/.containerenv", "engine=\"podman-5.2.2\"\n");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.container()).isEqualTo("podman");
		assertThat(environment.evidence()).containsExactly("/run/.containerenv");
	}

	@ParameterizedTest
	@ValueSource(strings = { "podman", "oci", "docker", "systemd-nspawn" })
	void containerVariableNamesTheRuntime(String value) {
		HostEnvironment environment = detect(Map.of("container", value));
		assertThat(environment.container()).isEqualTo(value);
		assertThat(environment.evidence()).containsExactly("container=" + value);
	}

	@Test
	void containerVariableIsSanitised() {
		HostEnvironment environment = detect(Map.of("container", "OCI\nforged log line"));
		assertThat(environment.container()).isEqualTo("oci_forged_log_line");
	}

	@Test
	void cgroupV1DockerLineIsDocker() throws IOException {
		write("proc/self/cgroup",
				"12:memory:/docker/" + ID + "\n11:cpuset:/docker/" + ID + "\n1:name=systemd:/docker/" + ID + "\n");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.container()).isEqualTo("docker");
		assertThat(environment.evidence()).containsExactly("/proc/self/cgroup: docker");
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					0::/system.slice/docker-ID.scope | docker
					0::/machine.slice/libpod-ID.scope/container | podman
					1:name=systemd:/libpod_parent/libpod-ID | podman
					0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podPOD.slice/cri-containerd-ID.scope | containerd
					0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-podPOD.slice/crio-ID.scope | cri-o
					11:memory:/kubepods/burstable/podPOD/ID | unknown
					4:memory:/lxc/web01 | lxc
					0::/lxc.payload.web01/system.slice | lxc
					""")
	void cgroupPathNamesTheRuntime(String line, String runtime) throws IOException {
		write("proc/self/cgroup", line.replace("ID", ID).replace("POD", POD.replace('-', '_')) + "\n");
		assertThat(detect(Map.of()).container()).isEqualTo(runtime);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0::/user.slice/user-1000.slice/session-2.scope", "0::/init.scope",
			"0::/system.slice/docker.service", "0::/system.slice/containerd.service", "0::/",
			"0::/system.slice/docker-compose.scope", "12:memory:/user.slice" })
	void cgroupOfAPlainHostIsNoContainer(String line) throws IOException {
		write("proc/self/cgroup", line + "\n");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.container()).isNull();
		assertThat(environment.evidence()).isEmpty();
	}

	@Test
	void mountinfoWithDockerHostnameIsDocker() throws IOException {
		write("proc/self/mountinfo", String.join("\n",
				"1235 1234 0:55 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
				"1251 1234 254:1 /docker/containers/" + ID + "/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw",
				""));
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.container()).isEqualTo("docker");
		assertThat(environment.evidence())
			.containsExactly("/proc/self/mountinfo: /etc/hostname from /docker/containers/");
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					1250 1234 254:1 /var/lib/containers/storage/overlay-containers/ID/userdata/hosts /etc/hosts rw,relatime - xfs /dev/sda2 rw | podman
					2104 2090 8:1 /var/lib/kubelet/pods/POD/etc-hosts /etc/hosts rw,relatime - ext4 /dev/sda1 rw | unknown
					2105 2090 8:1 /var/lib/kubelet/pods/POD/containers/app/0a1b2c3d /dev/termination-log rw,relatime - ext4 /dev/sda1 rw | unknown
					1234 1100 0:52 / / rw,relatime master:345 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC:/var/lib/docker/overlay2/l/DEF,upperdir=/var/lib/docker/overlay2/ID/diff,workdir=/var/lib/docker/overlay2/ID/work | docker
					2090 2080 0:310 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/12/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/13/fs | containerd
					""")
	void mountinfoNamesTheRuntime(String line, String runtime) throws IOException {
		write("proc/self/mountinfo", line.replace("ID", ID).replace("POD", POD) + "\n");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.container()).isEqualTo(runtime);
		assertThat(environment.evidence()).singleElement().asString().startsWith("/proc/self/mountinfo: ");
	}

	@Test
	void mountinfoOfADockerHostIsNoContainer() throws IOException {
		// A host that runs containers sees their mounts, but its own root and /etc are
		// not theirs.
		write("proc/self/mountinfo", String.join("\n",
				"22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro",
				"25 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw",
				"310 22 0:45 / /var/lib/docker/overlay2/" + ID + "/merged rw,relatime shared:160 - overlay overlay "
						+ "rw,lowerdir=/var/lib/docker/overlay2/l/ABC,upperdir=/var/lib/docker/overlay2/" + ID
						+ "/diff,workdir=/var/lib/docker/overlay2/" + ID + "/work",
				"320 22 0:46 / /var/lib/docker/containers/" + ID + "/mounts/shm rw,nosuid,nodev,noexec,relatime "
						+ "shared:170 - tmpfs shm rw,size=65536k",
				"330 22 0:47 / /run/containerd/io.containerd.runtime.v2.task/k8s.io/" + ID + "/rootfs rw,relatime "
						+ "- overlay overlay rw,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/"
						+ "snapshots/12/fs",
				""));
		write("proc/self/cgroup", "0::/user.slice/user-1000.slice/session-2.scope\n");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.container()).isNull();
		assertThat(environment.evidence()).isEmpty();
	}

	@Test
	void overlayRootOfALiveSystemIsNoContainer() throws IOException {
		write("proc/self/mountinfo", "25 1 0:23 / / rw,noatime - overlay overlay "
				+ "rw,lowerdir=/run/live/rootfs/filesystem.squashfs,upperdir=/run/live/overlay/rw\n");
		assertThat(detect(Map.of()).container()).isNull();
	}

	@Test
	void kubernetesServiceVariablesAreAKubernetesPodInAContainer() {
		HostEnvironment environment = detect(
				Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"));
		assertThat(environment.kubernetes()).isTrue();
		assertThat(environment.container()).isEqualTo(HostEnvironment.UNKNOWN_CONTAINER);
		assertThat(environment.evidence()).containsExactly("KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT");
	}

	@Test
	void kubernetesServiceHostWithoutPortIsNotKubernetes() {
		HostEnvironment environment = detect(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"));
		assertThat(environment.kubernetes()).isFalse();
		assertThat(environment.container()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "var/run/secrets/kubernetes.io/serviceaccount/token",
			"run/secrets/kubernetes.io/serviceaccount/token" })
	void serviceAccountTokenIsAKubernetesPod(String token) throws IOException {
		write(token, "eyJhbGciOiJSUzI1NiJ9.fixture.signature");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.kubernetes()).isTrue();
		assertThat(environment.container()).isEqualTo(HostEnvironment.UNKNOWN_CONTAINER);
		assertThat(environment.evidence()).containsExactly("/" + token);
	}

	@Test
	void kubernetesPodKeepsTheRuntimeItsMarkersName() throws IOException {
		write("proc/self/cgroup", "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod"
				+ POD.replace('-', '_') + ".slice/cri-containerd-" + ID + ".scope\n");
		HostEnvironment environment = detect(
				Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"));
		assertThat(environment.kubernetes()).isTrue();
		assertThat(environment.container()).isEqualTo("containerd");
	}

	@ParameterizedTest
	@ValueSource(strings = { "WSL_DISTRO_NAME", "WSL_INTEROP" })
	void wslVariableIsWslOfUnknownVersion(String variable) {
		HostEnvironment environment = detect(Map.of(variable, "Ubuntu"));
		assertThat(environment.wsl()).isTrue();
		assertThat(environment.wslVersion()).isNull();
		assertThat(environment.container()).isNull();
		assertThat(environment.evidence()).containsExactly(variable);
	}

	@ParameterizedTest(name = "kernel {0} is WSL {1}")
	@CsvSource(delimiter = '|', textBlock = """
			5.15.153.1-microsoft-standard-WSL2 | 2
			6.6.36.6-microsoft-standard-WSL2+  | 2
			4.19.128-microsoft-standard        | 2
			4.4.0-19041-Microsoft              | 1
			4.4.0-22621-MICROSOFT              | 1
			""")
	void osreleaseOfAMicrosoftKernelIsWsl(String release, int version) throws IOException {
		write("proc/sys/kernel/osrelease", release + "\n");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.wsl()).isTrue();
		assertThat(environment.wslVersion()).isEqualTo(version);
		assertThat(environment.evidence()).containsExactly("/proc/sys/kernel/osrelease: " + release);
	}

	@Test
	void osreleaseOfAnotherKernelIsNotWsl() throws IOException {
		write("proc/sys/kernel/osrelease", "6.8.0-45-generic\n");
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.wsl()).isFalse();
		assertThat(environment.evidence()).isEmpty();
	}

	@Test
	void markersThatCannotBeReadAreAbsent() throws IOException {
		// Directories and a dangling link where files should be: nothing to read, no
		// error.
		Files.createDirectories(this.root.resolve("proc/self/cgroup"));
		Files.createDirectories(this.root.resolve("proc/sys/kernel/osrelease"));
		Files.createSymbolicLink(Files.createDirectories(this.root.resolve("proc/self")).resolve("mountinfo"),
				this.root.resolve("no-such-file"));
		HostEnvironment environment = detect(Map.of());
		assertThat(environment.container()).isNull();
		assertThat(environment.wsl()).isFalse();
		assertThat(environment.evidence()).isEmpty();
	}

	@Test
	void missingRootIsAnEnvironmentWithoutFileMarkers() {
		HostEnvironment environment = HostEnvironment.detect(Map.of("SSH_CLIENT", SSH_CONNECTION),
				this.root.resolve("missing"), "Linux");
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.SSH);
		assertThat(environment.container()).isNull();
		assertThat(environment.evidence()).containsExactly("SSH_CLIENT");
	}

	@Test
	void everyKindOfMarkerIsCollectedAsEvidence() throws IOException {
		write(".dockerenv", "");
		write("proc/sys/kernel/osrelease", "5.15.153.1-microsoft-standard-WSL2\n");
		HostEnvironment environment = detect(Map.of("VSCODE_IPC_HOOK_CLI", VSCODE_IPC_HOOK_CLI, "WSL_DISTRO_NAME",
				"Ubuntu", "KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"));
		assertThat(environment.remoteSession()).isEqualTo(HostEnvironment.VSCODE_REMOTE);
		assertThat(environment.container()).isEqualTo("docker");
		assertThat(environment.kubernetes()).isTrue();
		assertThat(environment.wsl()).isTrue();
		assertThat(environment.wslVersion()).isEqualTo(2);
		assertThat(environment.evidence()).containsExactly("VSCODE_IPC_HOOK_CLI", "/.dockerenv",
				"KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT", "WSL_DISTRO_NAME",
				"/proc/sys/kernel/osrelease: 5.15.153.1-microsoft-standard-WSL2");
	}

	@Test
	void undetectedEnvironmentHasNoMarkers() {
		HostEnvironment environment = HostEnvironment.undetected();
		assertThat(environment.os()).isEqualTo("unknown");
		assertThat(environment.container()).isNull();
		assertThat(environment.remoteSession()).isNull();
		assertThat(environment.evidence()).isEmpty();
	}

	@Test
	void systemEnvironmentOnLinuxIsLinux() {
		String osName = System.getProperty("os.name");
		assumeTrue("Linux".equals(osName), "The expected name is written for Linux; this JVM runs on " + osName);
		assertThat(HostEnvironment.system().os()).isEqualTo("linux");
	}

	@Test
	@SuppressWarnings("unchecked")
	void serializesToTheReportContractWithPlainJackson() throws IOException {
		write(".dockerenv", "");
		HostEnvironment environment = detect(
				Map.of("SSH_CONNECTION", SSH_CONNECTION, "VSCODE_IPC_HOOK_CLI", VSCODE_IPC_HOOK_CLI));
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, Object> json = mapper.readValue(mapper.writeValueAsString(environment), Map.class);
		assertThat(json).containsEntry("os", "linux")
			.containsEntry("container", "docker")
			.containsEntry("kubernetes", false)
			.containsEntry("wsl", false)
			.containsEntry("remoteSession", "vscode-remote")
			.containsEntry("evidence", List.of("VSCODE_IPC_HOOK_CLI", "SSH_CONNECTION", "/.dockerenv"));
		HostEnvironment bare = HostEnvironment.detect(Map.of(), this.root.resolve("missing"), "Linux");
		Map<String, Object> plain = mapper.readValue(mapper.writeValueAsString(bare), Map.class);
		assertThat(plain).containsEntry("container", null).containsEntry("remoteSession", null);
	}

	private HostEnvironment detect(Map<String, String> variables) {
		return HostEnvironment.detect(variables, this.root, "Linux");
	}

	private void write(String relativePath, String content) throws IOException {
		Path file = this.root.resolve(relativePath);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
