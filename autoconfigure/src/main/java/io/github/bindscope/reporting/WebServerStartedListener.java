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

package io.github.bindscope.reporting;

import java.util.function.Function;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

import io.github.bindscope.strict.StrictMode;
import io.github.bindscope.web.RunningWebServers;
import io.github.bindscope.web.StartedWebServer;

/**
 * Hands each web server that has started to {@link RunningWebServers}, then to the
 * {@link StartupBindingsReporter}, whose report (which sees the connectors just recorded)
 * then goes to {@link StrictMode}. The event that says a web server has started lives in
 * a different package in each Spring Boot line: each line's auto-configuration names it
 * and says how to read it.
 * <p>
 * Runs after every other listener, Spring Boot's own (which publish the servers' local
 * ports) included.
 *
 * @since 0.1.0
 */
public class WebServerStartedListener implements SmartApplicationListener {

	private final Class<? extends ApplicationEvent> eventType;

	private final Function<ApplicationEvent, StartedWebServer> reader;

	private final RunningWebServers webServers;

	private final StartupBindingsReporter startupReporter;

	private final StrictMode strictMode;

	/**
	 * Create a new {@link WebServerStartedListener}.
	 * @param <E> the type of event
	 * @param eventType the event a web server publishes when it has started
	 * @param reader how to read the started server out of that event
	 * @param webServers where the connectors of running servers are recorded
	 * @param startupReporter what logs the report at startup
	 * @param strictMode what refuses to start when the report fails strict mode
	 */
	public <E extends ApplicationEvent> WebServerStartedListener(Class<E> eventType,
			Function<? super E, StartedWebServer> reader, RunningWebServers webServers,
			StartupBindingsReporter startupReporter, StrictMode strictMode) {
		this.eventType = eventType;
		this.reader = (event) -> reader.apply(eventType.cast(event));
		this.webServers = webServers;
		this.startupReporter = startupReporter;
		this.strictMode = strictMode;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return this.eventType.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		StartedWebServer started = this.reader.apply(event);
		this.webServers.started(started);
		this.strictMode.enforce(this.startupReporter.started(started), false);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
