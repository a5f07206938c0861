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

package io.github.bindscope.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import io.github.bindscope.actuate.BindingsEndpoint;
import io.github.bindscope.actuate.BindscopeEndpoint;

/**
 * Moves Bindscope's report to the endpoint id {@code bindscope} when another endpoint,
 * such as Spring Cloud Stream's, has the id {@code bindings}: Actuator refuses two
 * endpoints with one id, and the other project's keeps it.
 * <p>
 * Runs once every configuration class has been parsed, among the last registry post
 * processors, reading bean types from their definitions without creating any bean. The
 * moved endpoint is exposed, over the web and over JMX, wherever the exposure properties
 * list {@code bindings}: those who exposed {@code bindings} for Bindscope still reach its
 * report, at the new id. Other settings keyed by the id, such as
 * {@code management.endpoint.bindings.access}, stay with the other project's endpoint.
 * <p>
 * Ahead-of-time processing runs it at build time and keeps the bean definitions it
 * leaves; when the processed application runs, it runs again to add the exposure to that
 * run's environment.
 */
final class EndpointIdConflictPostProcessor implements BeanDefinitionRegistryPostProcessor {

	static final String BINDINGS_ENDPOINT_BEAN = "bindscopeBindingsEndpoint";

	static final String BINDSCOPE_ENDPOINT_BEAN = "bindscopeEndpoint";

	static final String EXPOSURE_PROPERTY_SOURCE = "bindscopeEndpointExposure";

	private static final Log logger = LogFactory.getLog(EndpointIdConflictPostProcessor.class);

	private static final EndpointId BINDINGS = EndpointId.of("bindings");

	private static final EndpointId BINDSCOPE = EndpointId.of("bindscope");

	private static final String WILDCARD = "*";

	private final ConfigurableEnvironment environment;

	EndpointIdConflictPostProcessor(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
			return;
		}
		boolean bindingsEndpoint = registry.containsBeanDefinition(BINDINGS_ENDPOINT_BEAN);
		// An application processed ahead of time runs with the bean definitions this
		// post processor left at build time: the report is already served as bindscope,
		// and only the environment of this run still needs the inherited exposure.
		if (!bindingsEndpoint && !registry.containsBeanDefinition(BINDSCOPE_ENDPOINT_BEAN)) {
			return;
		}
		OtherEndpoint other = findOtherBindingsEndpoint(beanFactory);
		if (other == null) {
			return;
		}
		if (bindingsEndpoint) {
			registry.removeBeanDefinition(BINDINGS_ENDPOINT_BEAN);
			if (beanFactory.getBeanNamesForType(BindscopeEndpoint.class, true, false).length == 0) {
				RootBeanDefinition definition = new RootBeanDefinition(BindscopeEndpoint.class);
				definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
				registry.registerBeanDefinition(BINDSCOPE_ENDPOINT_BEAN, definition);
			}
		}
		List<String> inherited = inheritExposure();
		if (logger.isInfoEnabled()) {
			logger.info(message(other, inherited));
		}
	}

	/**
	 * Find an endpoint with the id {@code bindings} that is not Bindscope's, as
	 * Actuator's endpoint discovery would: any bean whose type carries
	 * {@link Endpoint @Endpoint}, directly or as a meta-annotation, in this bean factory
	 * or an ancestor.
	 * @param beanFactory the bean factory to search, then its ancestors
	 * @return the other endpoint, or {@code null} if there is none
	 */
	private @Nullable OtherEndpoint findOtherBindingsEndpoint(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (!definition.isAbstract()) {
				OtherEndpoint other = otherBindingsEndpoint(beanFactory, name);
				if (other != null) {
					return other;
				}
			}
		}
		BeanFactory parent = beanFactory.getParentBeanFactory();
		if (parent instanceof ListableBeanFactory listableParent) {
			for (String name : BeanFactoryUtils.beanNamesForAnnotationIncludingAncestors(listableParent,
					Endpoint.class)) {
				OtherEndpoint other = otherBindingsEndpoint(listableParent, name);
				if (other != null) {
					return other;
				}
			}
		}
		return null;
	}

	private @Nullable OtherEndpoint otherBindingsEndpoint(ListableBeanFactory beanFactory, String name) {
		if (ScopedProxyUtils.isScopedTarget(name)) {
			return null;
		}
		Class<?> type = typeOf(beanFactory, name);
		if (type == null) {
			return null;
		}
		type = ClassUtils.getUserClass(type);
		if (BindingsEndpoint.class.isAssignableFrom(type) || BindscopeEndpoint.class.isAssignableFrom(type)) {
			return null;
		}
		MergedAnnotation<Endpoint> endpoint = MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
			.get(Endpoint.class);
		if (!endpoint.isPresent() || !BINDINGS.equals(EndpointId.of(this.environment, endpoint.getString("id")))) {
			return null;
		}
		return new OtherEndpoint(name, type.getName());
	}

	private static @Nullable Class<?> typeOf(ListableBeanFactory beanFactory, String name) {
		try {
			return beanFactory.getType(name, false);
		}
		catch (BeansException | LinkageError ex) {
			// Not an endpoint we can know of: its own creation will report the problem.
			return null;
		}
	}

	/**
	 * Expose {@code bindscope} for every technology whose exposure properties list
	 * {@code bindings} by name and do not exclude either id.
	 * @return the exposure properties that now include {@code bindscope}
	 */
	private List<String> inheritExposure() {
		Binder binder = Binder.get(this.environment);
		Map<String, Object> includes = new LinkedHashMap<>();
		for (String technology : List.of("web", "jmx")) {
			String prefix = "management.endpoints." + technology + ".exposure.";
			List<String> include = binder.bind(prefix + "include", Bindable.listOf(String.class)).orElse(List.of());
			List<String> exclude = binder.bind(prefix + "exclude", Bindable.listOf(String.class)).orElse(List.of());
			if (names(include, BINDINGS) && !names(include, BINDSCOPE) && !include.contains(WILDCARD)
					&& !names(exclude, BINDINGS) && !names(exclude, BINDSCOPE) && !exclude.contains(WILDCARD)) {
				List<String> extended = new ArrayList<>(include);
				extended.add(BINDSCOPE.toString());
				includes.put(prefix + "include", String.join(",", extended));
			}
		}
		if (!includes.isEmpty()) {
			this.environment.getPropertySources().addFirst(new MapPropertySource(EXPOSURE_PROPERTY_SOURCE, includes));
		}
		return List.copyOf(includes.keySet());
	}

	private static boolean names(List<String> ids, EndpointId id) {
		return ids.stream()
			.anyMatch((value) -> !WILDCARD.equals(value) && id.equals(EndpointId.fromPropertyValue(value)));
	}

	private String message(OtherEndpoint other, List<String> inherited) {
		String include = "management.endpoints.web.exposure.include";
		String exclude = "management.endpoints.web.exposure.exclude";
		String basePath = this.environment.getProperty("management.endpoints.web.base-path", "/actuator");
		String path = (basePath.endsWith("/") ? basePath : basePath + "/")
				+ this.environment.getProperty("management.endpoints.web.path-mapping.bindscope", "bindscope");
		String moved = "Bindscope: another endpoint has the id 'bindings' (bean '" + other.beanName() + "', "
				+ other.typeName() + "), so Bindscope leaves that id to it and serves its report as the endpoint "
				+ "'bindscope', at " + path + ".";
		Binder binder = Binder.get(this.environment);
		List<String> included = binder.bind(include, Bindable.listOf(String.class)).orElse(List.of());
		List<String> excluded = binder.bind(exclude, Bindable.listOf(String.class)).orElse(List.of());
		if (excluded.contains(WILDCARD) || names(excluded, BINDSCOPE)) {
			return moved + " It is not exposed over HTTP because " + exclude + " excludes it.";
		}
		if (inherited.contains(include)) {
			return moved + " It is exposed over HTTP because " + include + " lists bindings; list bindscope there "
					+ "too to expose it explicitly.";
		}
		if (included.contains(WILDCARD) || names(included, BINDSCOPE)) {
			return moved + " It is exposed over HTTP by " + include + ".";
		}
		return moved + " To expose it over HTTP, add bindscope to " + include + ".";
	}

	private record OtherEndpoint(String beanName, String typeName) {

	}

}
