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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.jspecify.annotations.Nullable;

/**
 * Asks a cloud's instance metadata service for the public addresses of this machine:
 * AWS's IMDSv2 (a session token first, then the addresses with it), Google Cloud's
 * metadata server (with {@code Metadata-Flavor: Google}) and Azure's Instance Metadata
 * Service (with {@code Metadata: true}).
 * <p>
 * Only ever {@value #ADDRESS}, the address all three document, by its IP address (no name
 * is resolved, so no name service is asked either), over plain HTTP/1.1, without a proxy
 * (whatever the JVM's proxy settings say: the service answers only the machine itself,
 * and a proxy would see the token) and without following redirects. One timeout bounds
 * the whole lookup, however many requests it takes. The lookup never throws: a service
 * that does not answer, answers an error or answers something that is not an address
 * makes a {@linkplain PublicAddressLookup#failed failed lookup} that says why.
 * <p>
 * The addresses asked for are those of the machine's primary interface: on AWS its public
 * IPv4 address (or Elastic IP) with the private address it is translated to, and its
 * first IPv6 address, which is on the interface; on Google Cloud the external IPv4
 * address of the first access configuration; on Azure every public address that the
 * network metadata pairs with a private one, or, where it shows none (a Standard SKU
 * public address), those of a Standard load balancer in front of the machine.
 *
 * @since 0.1.0
 */
public final class InstanceMetadata {

	/**
	 * The address of the instance metadata service on AWS, Google Cloud and Azure (and
	 * several other clouds): a link-local address that the hypervisor answers and that is
	 * never routed off the machine.
	 */
	public static final String ADDRESS = "169.254.169.254";

	/**
	 * The shortest timeout accepted: a metadata service on the machine's own hypervisor
	 * answers within a few milliseconds, but a busy JVM may not see it sooner.
	 */
	public static final Duration MIN_TIMEOUT = Duration.ofMillis(10);

	/**
	 * The longest timeout accepted: the lookup runs while the application starts, which
	 * it must not hold up for longer.
	 */
	public static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

	static final int MAX_ANSWER_BYTES = 64 * 1024;

	private static final URI SERVICE = URI.create("http://" + ADDRESS);

	// Long enough for the lookup; a token lives no longer than it is needed.
	private static final String AWS_TOKEN_TTL_SECONDS = "60";

	private static final int MAX_TOKEN_LENGTH = 1024;

	private static final int MAX_QUOTED_ANSWER = 40;

	private static final String GOOGLE_INTERFACE = "/computeMetadata/v1/instance/network-interfaces/0/";

	private final URI service;

	private final Duration timeout;

	/**
	 * Create a new {@link InstanceMetadata} that asks the service at {@value #ADDRESS}.
	 * @param timeout how long a whole lookup may take, from {@link #MIN_TIMEOUT} to
	 * {@link #MAX_TIMEOUT}
	 * @throws IllegalArgumentException if the timeout is out of that range
	 */
	public InstanceMetadata(Duration timeout) {
		this(SERVICE, timeout);
	}

	/**
	 * Create a new {@link InstanceMetadata} that asks a service at another address. Only
	 * tests of this package may, with a service of their own on loopback: no setting
	 * points a lookup anywhere but {@value #ADDRESS}.
	 * @param service the base URI of the service
	 * @param timeout how long a whole lookup may take
	 */
	InstanceMetadata(URI service, Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (!isAcceptedTimeout(timeout)) {
			throw new IllegalArgumentException("Metadata lookup timeout must be from " + MIN_TIMEOUT + " to "
					+ MAX_TIMEOUT + " (such as PT1S), but was " + timeout);
		}
		this.service = Objects.requireNonNull(service, "'service' must not be null");
		this.timeout = timeout;
	}

	/**
	 * Whether the given timeout is in the range a lookup accepts.
	 * @param timeout the timeout
	 * @return whether it is from {@link #MIN_TIMEOUT} to {@link #MAX_TIMEOUT}
	 */
	public static boolean isAcceptedTimeout(Duration timeout) {
		return timeout.compareTo(MIN_TIMEOUT) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0;
	}

	/**
	 * Whether Bindscope knows how to ask the given provider's metadata service.
	 * @param provider the provider
	 * @return {@code true} for AWS, Google Cloud and Azure
	 */
	public static boolean supports(CloudProvider provider) {
		return provider == CloudProvider.AWS || provider == CloudProvider.GOOGLE_CLOUD
				|| provider == CloudProvider.AZURE;
	}

	/**
	 * Return how long a whole lookup may take.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Ask the given provider's metadata service for this machine's public addresses.
	 * Never throws.
	 * @param provider the provider whose service to ask, one that is
	 * {@linkplain #supports(CloudProvider) supported}
	 * @return what the service said, or why the lookup failed
	 */
	public PublicAddressLookup lookUp(CloudProvider provider) {
		long start = System.nanoTime();
		if (!supports(provider)) {
			return PublicAddressLookup.failed(provider,
					"Bindscope asks the metadata services of AWS, Google Cloud and Azure only", 0);
		}
		Lookup lookup = new Lookup(start + this.timeout.toNanos());
		try {
			List<PublicAddress> addresses = switch (provider) {
				case AWS -> lookup.aws();
				case GOOGLE_CLOUD -> lookup.googleCloud();
				default -> lookup.azure();
			};
			return PublicAddressLookup.found(provider, addresses, millisSince(start));
		}
		catch (LookupException ex) {
			return PublicAddressLookup.failed(provider, ex.getMessage(), millisSince(start));
		}
		catch (RuntimeException ex) {
			// Whatever the HTTP client does, startup goes on.
			return PublicAddressLookup.failed(provider, describe(ex), millisSince(start));
		}
		finally {
			lookup.close();
		}
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static String quote(String answer) {
		String shown = (answer.length() > MAX_QUOTED_ANSWER) ? answer.substring(0, MAX_QUOTED_ANSWER) + "..." : answer;
		return "'" + PrintableText.of(shown) + "'";
	}

	private static @Nullable Object field(@Nullable Object object, String name) {
		return (object instanceof Map<?, ?> map) ? map.get(name) : null;
	}

	private static List<?> list(@Nullable Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

	/**
	 * One lookup: its deadline and its HTTP client.
	 */
	private final class Lookup {

		private final long deadline;

		private final HttpClient client;

		Lookup(long deadline) {
			this.deadline = deadline;
			HttpClient.Builder builder = HttpClient.newBuilder()
				.proxy(HttpClient.Builder.NO_PROXY)
				.followRedirects(HttpClient.Redirect.NEVER)
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(InstanceMetadata.this.timeout)
				// No thread pool: the client's own selector thread completes the
				// requests.
				.executor(Runnable::run);
			SSLContext plainHttpOnly = sslContextWithoutTrust();
			if (plainHttpOnly != null) {
				builder.sslContext(plainHttpOnly);
			}
			this.client = builder.build();
		}

		/**
		 * Return an SSL context that trusts nothing. The lookup speaks plain HTTP only,
		 * but a client without a context of its own initialises the JDK's default one,
		 * which reads every CA certificate of the JDK: on a JVM that is still starting,
		 * that costs a good part of the lookup's timeout.
		 * @return the context, or {@code null} to leave the default one
		 */
		private static @Nullable SSLContext sslContextWithoutTrust() {
			try {
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(new KeyManager[0], new TrustManager[0], null);
				return context;
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				return null;
			}
		}

		List<PublicAddress> aws() throws LookupException {
			Answer tokenAnswer = send("PUT", "/latest/api/token",
					Map.of("X-aws-ec2-metadata-token-ttl-seconds", AWS_TOKEN_TTL_SECONDS));
			String token = tokenAnswer.require().strip();
			if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH
					|| !token.chars().allMatch((c) -> c > ' ' && c < 0x7f)) {
				throw new LookupException("PUT /latest/api/token answered " + quote(token) + ", which is not a token");
			}
			Map<String, String> withToken = Map.of("X-aws-ec2-metadata-token", token);
			List<PublicAddress> addresses = new ArrayList<>();
			InetAddress publicIpv4 = address(send("GET", "/latest/meta-data/public-ipv4", withToken));
			if (publicIpv4 != null) {
				Answer local = send("GET", "/latest/meta-data/local-ipv4", withToken);
				addresses.add(new PublicAddress(publicIpv4, requireAddress(local)));
			}
			// An instance's IPv6 address is on its interface and routed as it is.
			InetAddress ipv6 = address(send("GET", "/latest/meta-data/ipv6", withToken));
			if (ipv6 != null) {
				addresses.add(new PublicAddress(ipv6, ipv6));
			}
			return addresses;
		}

		List<PublicAddress> googleCloud() throws LookupException {
			Map<String, String> flavor = Map.of("Metadata-Flavor", "Google");
			Answer internal = send("GET", GOOGLE_INTERFACE + "ip", flavor);
			if (!"Google".equals(internal.headers().firstValue("Metadata-Flavor").orElse(null))) {
				throw new LookupException(internal.request() + " answered without the header Metadata-Flavor: Google, "
						+ "so what answered is not Google's metadata server");
			}
			InetAddress privateAddress = requireAddress(internal);
			InetAddress external = address(send("GET", GOOGLE_INTERFACE + "access-configs/0/external-ip", flavor));
			return (external != null) ? List.of(new PublicAddress(external, privateAddress)) : List.of();
		}

		List<PublicAddress> azure() throws LookupException {
			Map<String, String> metadata = Map.of("Metadata", "true");
			Answer network = send("GET", "/metadata/instance/network?api-version=2021-02-01", metadata);
			List<PublicAddress> addresses = new ArrayList<>();
			for (Object networkInterface : list(field(json(network), "interface"))) {
				for (String family : List.of("ipv4", "ipv6")) {
					for (Object pair : list(field(field(networkInterface, family), "ipAddress"))) {
						addPair(addresses, network, field(pair, "publicIpAddress"), field(pair, "privateIpAddress"));
					}
				}
			}
			if (!addresses.isEmpty()) {
				return addresses;
			}
			// The network metadata leaves out Standard SKU public addresses; a Standard
			// load balancer in front of the machine tells its own.
			Answer loadBalancer = send("GET", "/metadata/loadbalancer?api-version=2020-10-01", metadata);
			if (loadBalancer.status() != 200) {
				return addresses;
			}
			for (Object pair : list(field(field(json(loadBalancer), "loadbalancer"), "publicIpAddresses"))) {
				addPair(addresses, loadBalancer, field(pair, "frontendIpAddress"), field(pair, "privateIpAddress"));
			}
			return addresses;
		}

		private void addPair(List<PublicAddress> addresses, Answer answer, @Nullable Object publicText,
				@Nullable Object privateText) throws LookupException {
			if (!(publicText instanceof String text) || text.isBlank()) {
				return;
			}
			InetAddress address = literal(answer, text);
			InetAddress privateAddress = (privateText instanceof String candidate && !candidate.isBlank())
					? literal(answer, candidate) : address;
			PublicAddress pair = new PublicAddress(address, privateAddress);
			if (!addresses.contains(pair)) {
				addresses.add(pair);
			}
		}

		private @Nullable Object json(Answer answer) throws LookupException {
			try {
				return MetadataJson.parse(answer.require());
			}
			catch (IllegalArgumentException ex) {
				throw new LookupException(answer.request() + " answered " + quote(answer.body()) + ", which is not "
						+ "the JSON document it documents (" + ex.getMessage() + ")");
			}
		}

		private @Nullable InetAddress address(Answer answer) throws LookupException {
			if (answer.status() == 404) {
				return null;
			}
			String text = answer.require().strip();
			return text.isEmpty() ? null : literal(answer, text);
		}

		private InetAddress requireAddress(Answer answer) throws LookupException {
			return literal(answer, answer.require().strip());
		}

		private InetAddress literal(Answer answer, String text) throws LookupException {
			InetAddress address = InetAddresses.parseLiteral(text);
			if (address == null) {
				throw new LookupException(
						answer.request() + " answered " + quote(text) + ", which is not an IP address");
			}
			return address;
		}

		private Answer send(String method, String path, Map<String, String> headers) throws LookupException {
			String request = method + " " + path;
			long remaining = this.deadline - System.nanoTime();
			if (remaining <= 0) {
				throw new LookupException(noAnswer());
			}
			HttpRequest.Builder builder = HttpRequest.newBuilder(InstanceMetadata.this.service.resolve(path))
				.timeout(Duration.ofNanos(remaining))
				.method(method, HttpRequest.BodyPublishers.noBody());
			headers.forEach(builder::header);
			CompletableFuture<HttpResponse<String>> future = this.client.sendAsync(builder.build(),
					(info) -> new LimitedBody());
			try {
				HttpResponse<String> response = future.get(remaining, TimeUnit.NANOSECONDS);
				return new Answer(request, response.statusCode(), response.body(), response.headers());
			}
			catch (TimeoutException ex) {
				future.cancel(true);
				throw new LookupException(noAnswer());
			}
			catch (InterruptedException ex) {
				future.cancel(true);
				Thread.currentThread().interrupt();
				throw new LookupException(request + " was interrupted");
			}
			catch (ExecutionException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				if (cause instanceof HttpTimeoutException) {
					throw new LookupException(noAnswer());
				}
				if (cause instanceof ConnectException) {
					throw new LookupException("could not connect to " + ADDRESS + " (" + describe(cause) + ")");
				}
				throw new LookupException(request + " failed (" + describe(cause) + ")");
			}
		}

		private String noAnswer() {
			return "no answer from " + ADDRESS + " within " + InstanceMetadata.this.timeout.toMillis() + " ms";
		}

		/**
		 * Stop the client's selector thread at once where the JDK can (Java 21 and
		 * later); elsewhere it ends by itself once the client is no longer referenced.
		 */
		void close() {
			try {
				Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
				shutdownNow.invoke(this.client);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Before Java 21: nothing to call.
			}
		}

	}

	/**
	 * An answer of the metadata service.
	 *
	 * @param request the request it answers, such as {@code GET /latest/meta-data/ipv6}
	 * @param status its HTTP status
	 * @param body its body
	 * @param headers its headers
	 */
	private record Answer(String request, int status, String body, HttpHeaders headers) {

		String require() throws LookupException {
			if (this.status != 200) {
				throw new LookupException(this.request + " answered HTTP " + this.status);
			}
			return this.body;
		}

	}

	/**
	 * Collects a body of at most {@link #MAX_ANSWER_BYTES}: a metadata answer is a few
	 * hundred bytes, and a longer one is not the service's.
	 */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {

		private final CompletableFuture<String> body = new CompletableFuture<>();

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private volatile Flow.@Nullable Subscription subscription;

		@Override
		public CompletionStage<String> getBody() {
			return this.body;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			for (ByteBuffer item : items) {
				if (this.bytes.size() + item.remaining() > MAX_ANSWER_BYTES) {
					Flow.Subscription current = this.subscription;
					if (current != null) {
						current.cancel();
					}
					this.body.completeExceptionally(
							new IOException("the answer is longer than " + MAX_ANSWER_BYTES + " bytes"));
					return;
				}
				byte[] chunk = new byte[item.remaining()];
				item.get(chunk);
				this.bytes.write(chunk, 0, chunk.length);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.body.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.body.complete(new String(this.bytes.toByteArray(), StandardCharsets.UTF_8));
		}

	}

	/**
	 * Why a lookup failed, as a phrase that completes "the lookup failed:".
	 */
	private static final class LookupException extends Exception {

		LookupException(String message) {
			super(message, null, false, false);
		}

		@Override
		public String getMessage() {
			return Objects.requireNonNull(super.getMessage());
		}

	}

}
